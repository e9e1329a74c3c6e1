"""The programme's demo texts in Uzbek (Latin script, as is official; ``ʻ`` is U+02BB),
translating ``data_ru`` (same keys) for the indexes, the programme, its current phase, the
donor, the implementer, the Uzbek partner and the contacts. The other pages wait
untranslated.
"""

from __future__ import annotations

THEMES = {
    "prevention": "Profilaktika",
    "treatment": "Davolash",
    "drug-policy": "Giyohvandlikka qarshi siyosat",
    "drug-information": "Monitoring va axborot",
    "civil-society": "Fuqarolik jamiyati",
    "gender-human-rights": "Gender va inson huquqlari",
}

PAGES = {
    # --- indexes
    "partners": {
        "title": "Hamkorlar",
        "intro": "<p>Dasturni moliyalashtiradigan, amalga oshiradigan va unda ishtirok "
        "etadigan tashkilotlar.</p>",
    },
    "contacts": {
        "title": "Aloqa",
        "intro": "<p>Jurnalistlar va hamkorlar qayerga murojaat qilishlari mumkin.</p>",
    },
    # --- partners
    "european-union": {
        "title": "Yevropa Ittifoqi",
        "acronym": "YI",
        "description": "<p>Dasturni 2003-yildagi birinchi bosqichidan buyon moliyalashtirib "
        "keladi.</p>",
    },
    "fiiapp": {
        "title": "FIIAPP jamgʻarmasi",
        "acronym": "FIIAPP",
        "description": "<p>Ispaniyaning davlat jamgʻarmasi: xalqaro hamkorlik "
        "loyihalarini olib boradi va ularni turli mamlakatlarning davlat boshqaruvi "
        "organlari oʻrtasidagi tajriba almashuviga asoslaydi. Dasturning yettinchi "
        "bosqichini amalga oshiradi.</p>",
    },
    "drug-information-uz": {
        "title": "Oʻzbekiston Milliy axborot-tahlil markazi",
        "description": "<p>Giyohvandlik bilan bogʻliq vaziyatni kuzatish boʻyicha hamkor.</p>",
    },
    # --- the programme and its current phase
    "programme": {
        "title": "Markaziy Osiyoda giyohvand moddalarga boʻlgan talabni kamaytirish dasturi",
        "summary": "Dastur 2003-yildan buyon Qozogʻiston, Qirgʻiziston, Tojikiston, "
        "Turkmaniston va Oʻzbekistonga dalillarga asoslangan siyosatni shakllantirish, "
        "profilaktikani rivojlantirish va davolash sifatini oshirishda yordam berib "
        "kelmoqda.",
        "body": (
            "Dastur bosqichma-bosqich amalga oshiriladi: har bir bosqich oldingisining "
            "natijalariga tayanadi. Quyida barcha bosqichlarning vaqt jadvali va byudjetlari "
            "keltirilgan.",
        ),
    },
    "phase-7": {
        "title": "7-bosqich: davlat va jamiyat hamkorligi",
        "summary": "Yaxlit va dalillarga asoslangan siyosat, zaif guruhlar orasida "
        "giyohvand moddalarga boʻlgan talabni kamaytirishning sifatli usullari, gender "
        "tengligi va inson huquqlari.",
    },
    # --- donor contacts
    "eu-delegation-kyrgyzstan": {
        "title": "YIning Qirgʻiz Respublikasidagi vakolatxonasi",
        "office_name": "Yevropa Ittifoqining Qirgʻiz Respublikasidagi vakolatxonasi",
        "street_address": "Erkindik bulvari, 21, «Orion» biznes markazi, 5-qavat",
        "locality": "Bishkek",
    },
    "programme-press-office": {
        "title": "Dastur matbuot xizmati",
        "office_name": "Dasturning mintaqaviy ofisi, matbuot xizmati",
        "street_address": "Namunaviy manzil, 1",
        "locality": "Olmaota",
    },
}
