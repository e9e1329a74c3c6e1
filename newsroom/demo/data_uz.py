"""The newsroom's demo texts in Uzbek (Latin script, as is official; ``ʻ`` is U+02BB and
``ʼ`` U+02BC), translating ``data_ru`` (same keys and shapes) for the newsroom, the pages
its items point at and three items: the Samarkand family programme, the regional review
presented in Tashkent and the mid-term results. The other items wait untranslated.
"""

from __future__ import annotations

PAGES = {
    # --- the newsroom index
    "news": {
        "title": "Yangiliklar",
        "intro": "<p>Dastur yangiliklari, press-relizlar, tadbirlar haqidagi hisobotlar va "
        "bayonotlar.</p>",
    },
    # --- programme pages, when the programme's own demo did not make them
    "programme": {
        "title": "Dastur",
        "summary": "Markaziy Osiyoda giyohvand moddalarga boʻlgan talabni kamaytirish dasturi.",
    },
    "phase-7": {
        "title": "7-bosqich",
        "summary": "Dalillarga asoslangan siyosat va giyohvand moddalarga boʻlgan talabni "
        "kamaytirish boʻyicha sifatli xizmatlar.",
    },
    "partners": {"title": "Hamkorlar"},
    "demo-eu": {"title": "Yevropa Ittifoqi"},
    "demo-ia": {"title": "Dasturni amalga oshiruvchi agentlik"},
    "demo-mvd-kz": {"title": "Qozogʻiston Respublikasi Ichki ishlar vazirligi"},
    "demo-ngo-net": {
        "title": "Profilaktika boʻyicha nodavlat tashkilotlarning mintaqaviy tarmogʻi"
    },
    "contacts": {"title": "Aloqa"},
    "eu-delegation-press": {
        "title": "YI vakolatxonasi matbuot xizmati",
        "office_name": "Yevropa Ittifoqi vakolatxonasi",
        "street_address": "Erkindik bulvari, 21",
        "locality": "Bishkek",
    },
    # --- the items
    "samarkand-family-prevention": {
        "title": "Samarqandda oilalar uchun profilaktika dasturi ishga tushirilmoqda",
        "dateline_place": "Samarqand",
        "standfirst": (
            "Ota-onalar va bolalar birgalikda xavf-xatarlar haqida gaplashishni va bir-birini "
            "qoʻllab-quvvatlashni oʻrganmoqda."
        ),
        "body": [
            (
                "Mashgʻulotlarni mahalla markazlari va mahalliy nodavlat notijorat "
                "tashkilotlarining oʻqitilgan mutaxassislari olib boradi."
            ),
        ],
    },
    "drug-situation-report-2023": {
        "title": "2022-yil uchun giyohvandlik vaziyati boʻyicha mintaqaviy sharh chop etildi",
        "dateline_place": "Toshkent",
        "standfirst": (
            "Sharh besh mamlakatning giyohvand moddalarni isteʼmol qilish, davolash va "
            "profilaktika haqidagi maʼlumotlarini jamlaydi."
        ),
        "body": [
            (
                "Mualliflar reabilitatsiya xizmatlariga boʻlgan talab oshib borayotganini qayd "
                "etib, monitoring uchun yagona koʻrsatkichlardan foydalanishni tavsiya qiladi."
            ),
        ],
    },
    "press-release-phase-results-2024": {
        "title": "Dastur joriy bosqichning oraliq natijalarini sarhisob qildi",
        "dateline_place": "Bishkek",
        "standfirst": (
            "Mintaqa mamlakatlari milliy rejalarini yangiladi, mutaxassislar esa profilaktika "
            "va davolashning zamonaviy usullari boʻyicha oʻqitildi."
        ),
        "body": [
            (
                "Oraliq natijalar haqidagi hisobot hamkorlarga taqdim etilgan va mintaqaviy "
                "boshqaruv qoʻmitasida muhokama qilinadi."
            ),
        ],
    },
}
