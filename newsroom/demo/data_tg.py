"""The newsroom's demo texts in Tajik, translating ``data_ru`` (same keys and shapes) for the
newsroom, the pages its items point at and three items: the two from Dushanbe and the
programme's statement on the International Day against Drug Abuse. The other items wait
untranslated.
"""

from __future__ import annotations

PAGES = {
    # --- the newsroom index
    "news": {
        "title": "Хабарҳо",
        "intro": "<p>Хабарҳо, изҳороти матбуотӣ, гузоришҳо аз чорабиниҳо ва баёнияҳои барнома.</p>",
    },
    # --- programme pages, when the programme's own demo did not make them
    "programme": {
        "title": "Барнома",
        "summary": "Барномаи коҳиш додани талабот ба маводи мухаддир дар Осиёи Марказӣ.",
    },
    "phase-7": {
        "title": "Марҳилаи 7",
        "summary": "Сиёсати ба далелҳо асосёфта ва хизматрасониҳои босифат оид ба коҳиш "
        "додани талабот ба маводи мухаддир.",
    },
    "partners": {"title": "Шарикон"},
    "demo-eu": {"title": "Иттиҳоди Аврупо"},
    "demo-ia": {"title": "Агентии иҷрокунандаи барнома"},
    "demo-mvd-kz": {"title": "Вазорати корҳои дохилии Ҷумҳурии Қазоқистон"},
    "demo-ngo-net": {"title": "Шабакаи минтақавии ташкилотҳои ғайридавлатӣ оид ба пешгирӣ"},
    "contacts": {"title": "Тамос"},
    "eu-delegation-press": {
        "title": "Хадамоти матбуоти намояндагии ИА",
        "office_name": "Намояндагии Иттиҳоди Аврупо",
        "street_address": "Хиёбони Эркиндик, 21",
        "locality": "Бишкек",
    },
    # --- the items
    "treatment-standards-dushanbe": {
        "title": (
            "Дар Душанбе стандартҳои сифати табобати вобастагӣ аз маводи мухаддир муҳокима шуданд"
        ),
        "dateline_place": "Душанбе",
        "standfirst": (
            "Табибони нарколог ва ташкилкунандагони соҳаи тандурустӣ протоколҳои миллиро бо "
            "тавсияҳои байналмилалӣ муқоиса карданд."
        ),
        "body": [
            (
                "Гурӯҳи корӣ пешниҳодҳоро оид ба навсозии протоколҳои клиникӣ ва арзёбии "
                "сифати хизматрасониҳо омода мекунад."
            ),
        ],
        "event_venue": "Душанбе, Тоҷикистон",
    },
    "dushanbe-rehabilitation-centre": {
        "title": "Маркази тавонбахшӣ дар Душанбе хизматрасониҳои амбулаториро васеъ мекунад",
        "dateline_place": "Душанбе",
        "standfirst": "Марказ барои беморон пас аз табобати бистарӣ гурӯҳҳои дастгирӣ кушод.",
        "body": [
            (
                "Машваратҳоро равоншиносон ва машваратчиёни ҳамто мегузаронанд, ки дар доираи "
                "барнома омӯзиш гирифтаанд."
            ),
        ],
    },
    "statement-international-day-2023": {
        "title": "Баёнияи барнома ба муносибати Рӯзи байналмилалии мубориза бар зидди нашъамандӣ",
        "dateline_place": "Алмаато",
        "standfirst": (
            "Барнома даъват мекунад, ки пешгирӣ ва табобат барои ҳамаи онҳое, ки ба он ниёз "
            "доранд, дастрас гардад."
        ),
        "body": [
            (
                "Мо равишеро дастгирӣ мекунем, ки дар маркази он саломатии инсон, ҳуқуқи "
                "инсон ва маълумоти саҳеҳ қарор доранд."
            ),
        ],
    },
}
