"""The texts of the demo site's own content (``manage.py load_demo``): the home page and the
site texts (boilerplates), per language. Like every plugin's demo pages, they are written in
the source language and translated into each other language that has texts for them.

All seven languages have a home page and every site text (about the programme, the
credits, the disclaimer, the donor boilerplate), so a news item in any of them reads in its
language from headline to boilerplate.
"""

from __future__ import annotations

from programme.models import Boilerplate

HOME_TEXT = {
    "ru": {
        "title": "Программа сокращения спроса на наркотики в Центральной Азии",
        "intro": "<p>Новости, этапы программы, партнёры и контакты — на русском и английском "
        "языках и на языках стран региона.</p>",
    },
    "en": {
        "title": "Central Asia Drug Demand Reduction Programme",
        "intro": "<p>News, programme phases, partners and contacts — in Russian and English "
        "and in the languages of the region.</p>",
    },
    "kk": {
        "title": "Орталық Азиядағы есірткіге сұранысты азайту бағдарламасы",
        "intro": "<p>Жаңалықтар, бағдарлама кезеңдері, серіктестер мен байланыстар — орыс, "
        "ағылшын және өңір елдерінің тілдерінде.</p>",
    },
    "ky": {
        "title": "Борбордук Азиядагы баңгизатка болгон суроо-талапты азайтуу программасы",
        "intro": "<p>Жаңылыктар, программанын баскычтары, өнөктөштөр жана байланыштар — орус, "
        "англис жана аймактын өлкөлөрүнүн тилдеринде.</p>",
    },
    "tg": {
        "title": "Барномаи коҳиш додани талабот ба маводи мухаддир дар Осиёи Марказӣ",
        "intro": "<p>Хабарҳо, марҳилаҳои барнома, шарикон ва маълумот барои тамос — бо "
        "забонҳои русӣ, англисӣ ва забонҳои кишварҳои минтақа, ки рӯз то рӯз пурратар "
        "мешаванд.</p>",
    },
    "tk": {
        "title": "Merkezi Aziýada neşe serişdelerine bolan islegi azaltmak maksatnamasy",
        "intro": "<p>Habarlar, maksatnamanyň tapgyrlary, hyzmatdaşlar we aragatnaşyk "
        "maglumatlary — rus, iňlis we sebitiň ýurtlarynyň dillerinde.</p>",
    },
    "uz": {
        "title": "Markaziy Osiyoda giyohvand moddalarga boʻlgan talabni kamaytirish dasturi",
        "intro": "<p>Yangiliklar, dastur bosqichlari, hamkorlar va aloqa maʼlumotlari — rus, "
        "ingliz va mintaqa mamlakatlari tillarida.</p>",
    },
}

# Site texts, each in the site settings field named here.
SETTINGS_FIELDS = {
    Boilerplate.Kind.ABOUT_PROGRAMME: "about_programme",
    Boilerplate.Kind.FUNDER_CREDIT: "funder_credit",
    Boilerplate.Kind.IMPLEMENTER_CREDIT: "implementer_credit",
    Boilerplate.Kind.DISCLAIMER: "disclaimer",
    Boilerplate.Kind.DONOR: "donor_boilerplate",
}

BOILERPLATES = {
    Boilerplate.Kind.ABOUT_PROGRAMME: {
        "ru": (
            "О программе",
            "<p><i>Программа с 2003 года поддерживает правительства Казахстана, Кыргызстана, "
            "Таджикистана, Туркменистана и Узбекистана в развитии доказательной политики "
            "по снижению спроса на наркотики, в профилактике и в улучшении лечения.</i></p>",
        ),
        "en": (
            "About the programme",
            "<p><i>Since 2003 the programme has supported the governments of Kazakhstan, "
            "Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan in evidence-based drug "
            "demand reduction policy, prevention and better treatment.</i></p>",
        ),
        "kk": (
            "Бағдарлама туралы",
            "<p><i>Бағдарлама 2003 жылдан бері Қазақстан, Қырғызстан, Тәжікстан, Түрікменстан "
            "және Өзбекстан үкіметтеріне есірткіге сұранысты азайту жөніндегі дәлелді "
            "саясатты дамытуда, алдын алуда және емдеуді жақсартуда қолдау көрсетіп "
            "келеді.</i></p>",
        ),
        "ky": (
            "Программа жөнүндө",
            "<p><i>Программа 2003-жылдан бери Казакстандын, Кыргызстандын, Тажикстандын, "
            "Түркмөнстандын жана Өзбекстандын өкмөттөрүнө баңгизатка болгон суроо-талапты "
            "азайтуу боюнча далилдүү саясатты өнүктүрүүдө, алдын алууда жана дарылоону "
            "жакшыртууда колдоо көрсөтүп келет.</i></p>",
        ),
        "tg": (
            "Дар бораи барнома",
            "<p><i>Барнома аз соли 2003 ҳукуматҳои Қазоқистон, Қирғизистон, Тоҷикистон, "
            "Туркманистон ва Ӯзбекистонро дар рушди сиёсати ба далелҳо асосёфтаи коҳиш "
            "додани талабот ба маводи мухаддир, дар пешгирӣ ва беҳтар кардани табобат "
            "дастгирӣ мекунад.</i></p>",
        ),
        "tk": (
            "Maksatnama barada",
            "<p><i>Maksatnama 2003-nji ýyldan bäri Gazagystanyň, Gyrgyzystanyň, "
            "Täjigistanyň, Türkmenistanyň we Özbegistanyň hökümetlerine neşe serişdelerine "
            "bolan islegi azaltmak boýunça subutnamalara esaslanýan syýasaty ösdürmekde, "
            "öňüni alyşda we bejergini gowulandyrmakda goldaw berýär.</i></p>",
        ),
        "uz": (
            "Dastur haqida",
            "<p><i>Dastur 2003-yildan buyon Qozogʻiston, Qirgʻiziston, Tojikiston, "
            "Turkmaniston va Oʻzbekiston hukumatlarini giyohvand moddalarga boʻlgan talabni "
            "kamaytirish boʻyicha dalillarga asoslangan siyosatni rivojlantirish, "
            "profilaktika va davolashni yaxshilashda qoʻllab-quvvatlab kelmoqda.</i></p>",
        ),
    },
    Boilerplate.Kind.FUNDER_CREDIT: {
        "ru": ("Финансирование", "<p>Программа финансируется Европейским Союзом.</p>"),
        "en": ("Funding", "<p>The programme is funded by the European Union.</p>"),
        "kk": ("Қаржыландыру", "<p>Бағдарламаны Еуропалық Одақ қаржыландырады.</p>"),
        "ky": ("Каржылоо", "<p>Программаны Европа Бирлиги каржылайт.</p>"),
        "tg": ("Маблағгузорӣ", "<p>Барномаро Иттиҳоди Аврупо маблағгузорӣ мекунад.</p>"),
        "tk": (
            "Maliýeleşdiriş",
            "<p>Maksatnama Ýewropa Bileleşigi tarapyndan maliýeleşdirilýär.</p>",
        ),
        "uz": ("Moliyalashtirish", "<p>Dastur Yevropa Ittifoqi tomonidan moliyalashtiriladi.</p>"),
    },
    Boilerplate.Kind.IMPLEMENTER_CREDIT: {
        "ru": ("Исполнитель", "<p>Программу реализует государственное агентство-исполнитель.</p>"),
        "en": (
            "Implementer",
            "<p>The programme is implemented by a public implementing agency.</p>",
        ),
        "kk": (
            "Іске асырушы",
            "<p>Бағдарламаны мемлекеттік іске асырушы агенттік жүзеге асырады.</p>",
        ),
        "ky": (
            "Ишке ашыруучу",
            "<p>Программаны мамлекеттик ишке ашыруучу агенттик жүзөгө ашырат.</p>",
        ),
        "tg": ("Иҷрокунанда", "<p>Барномаро агентии давлатии иҷрокунанда амалӣ мекунад.</p>"),
        "tk": (
            "Ýerine ýetiriji",
            "<p>Maksatnamany döwlet ýerine ýetiriji edarasy durmuşa geçirýär.</p>",
        ),
        "uz": ("Ijrochi", "<p>Dasturni davlat ijrochi agentligi amalga oshiradi.</p>"),
    },
    Boilerplate.Kind.DISCLAIMER: {
        "ru": (
            "Оговорка",
            "<p>Содержание сайта не обязательно отражает точку зрения Европейского Союза.</p>",
        ),
        "en": (
            "Disclaimer",
            "<p>The contents of this site do not necessarily reflect the views of the "
            "European Union.</p>",
        ),
        "kk": (
            "Ескерту",
            "<p>Сайттың мазмұны Еуропалық Одақтың көзқарасын міндетті түрде білдірмейді.</p>",
        ),
        "ky": (
            "Эскертүү",
            "<p>Сайттын мазмуну Европа Бирлигинин көз карашын сөзсүз түрдө чагылдырбайт.</p>",
        ),
        "tg": (
            "Огоҳӣ",
            "<p>Мундариҷаи сомона ҳатман нуқтаи назари Иттиҳоди Аврупоро инъикос намекунад.</p>",
        ),
        "tk": (
            "Bellik",
            "<p>Saýtyň mazmuny hökman Ýewropa Bileleşiginiň garaýşyny beýan etmeýär.</p>",
        ),
        "uz": (
            "Ogohlantirish",
            "<p>Sayt mazmuni Yevropa Ittifoqining nuqtai nazarini aks ettirishi shart emas.</p>",
        ),
    },
    Boilerplate.Kind.DONOR: {
        "ru": (
            "О Европейском Союзе",
            "<p>Европейский Союз объединяет 27 государств-членов, которые делятся знаниями, "
            "ресурсами и ценностями со странами за своими пределами.</p>",
        ),
        "en": (
            "About the European Union",
            "<p>The European Union brings together 27 member states that share knowledge, "
            "resources and values with countries beyond its borders.</p>",
        ),
        "kk": (
            "Еуропалық Одақ туралы",
            "<p>Еуропалық Одақ білімін, ресурстары мен құндылықтарын өз шекарасынан тыс "
            "елдермен бөлісетін 27 мүше мемлекетті біріктіреді.</p>",
        ),
        "ky": (
            "Европа Бирлиги жөнүндө",
            "<p>Европа Бирлиги өз билимин, ресурстарын жана баалуулуктарын чек арасынан "
            "тышкаркы өлкөлөр менен бөлүшкөн 27 мүчө мамлекетти бириктирет.</p>",
        ),
        "tg": (
            "Дар бораи Иттиҳоди Аврупо",
            "<p>Иттиҳоди Аврупо 27 давлати аъзоро муттаҳид мекунад, ки дониш, захираҳо ва "
            "арзишҳои худро бо кишварҳои берун аз марзҳояшон тақсим мекунанд.</p>",
        ),
        "tk": (
            "Ýewropa Bileleşigi barada",
            "<p>Ýewropa Bileleşigi öz bilimlerini, serişdelerini we gymmatlyklaryny "
            "serhetlerinden daşardaky ýurtlar bilen paýlaşýan 27 agza döwleti birleşdirýär.</p>",
        ),
        "uz": (
            "Yevropa Ittifoqi haqida",
            "<p>Yevropa Ittifoqi oʻz bilimi, resurslari va qadriyatlarini chegaralaridan "
            "tashqaridagi mamlakatlar bilan baham koʻradigan 27 aʼzo davlatni "
            "birlashtiradi.</p>",
        ),
    },
}

#: The short statement beside the funder's emblem (site settings' "funder statement"), in the
#: wording of the EU's communication and visibility requirements; the longer funder credit
#: stays for articles.
FUNDER_STATEMENT = {
    "ru": ("Финансируется ЕС", "<p>Финансируется Европейским союзом</p>"),
    "en": ("Funded by the EU", "<p>Funded by the European Union</p>"),
    "kk": ("ЕО қаржыландырады", "<p>Еуропалық Одақ қаржыландырған</p>"),
    "ky": ("ЕБ каржылайт", "<p>Европа Биримдиги тарабынан каржыланат</p>"),
    "tg": ("Бо маблағгузории ИА", "<p>Аз ҷониби Иттиҳоди Аврупо маблағгузорӣ мешавад</p>"),
    "tk": ("ÝB maliýeleşdirýär", "<p>Ýewropa Bileleşigi tarapyndan maliýeleşdirilýär</p>"),
    "uz": ("YI moliyalashtiradi", "<p>Yevropa Ittifoqi tomonidan moliyalashtiriladi</p>"),
}
