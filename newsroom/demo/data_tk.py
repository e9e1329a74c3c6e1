"""The newsroom's demo texts in Turkmen (Latin script), translating ``data_ru`` (same keys
and shapes) for the newsroom, the pages its items point at and three items: the Ashgabat
monitoring training, the regional drug situation review and the statement on the
International Day against Drug Abuse. The other items wait untranslated.
"""

from __future__ import annotations

PAGES = {
    # --- the newsroom index
    "news": {
        "title": "Habarlar",
        "intro": "<p>Maksatnamanyň habarlary, metbugat beýanatlary, çäreler barada "
        "hasabatlar we beýannamalar.</p>",
    },
    # --- programme pages, when the programme's own demo did not make them
    "programme": {
        "title": "Maksatnama",
        "summary": "Merkezi Aziýada neşe serişdelerine bolan islegi azaltmak maksatnamasy.",
    },
    "phase-7": {
        "title": "7-nji tapgyr",
        "summary": "Subutnamalara esaslanýan syýasat we neşe serişdelerine bolan islegi "
        "azaltmak boýunça hilli hyzmatlar.",
    },
    "partners": {"title": "Hyzmatdaşlar"},
    "demo-eu": {"title": "Ýewropa Bileleşigi"},
    "demo-ia": {"title": "Maksatnamany durmuşa geçirýän edara"},
    "demo-mvd-kz": {"title": "Gazagystan Respublikasynyň Içeri işler ministrligi"},
    "demo-ngo-net": {"title": "Öňüni alyş boýunça jemgyýetçilik guramalarynyň sebitleýin tory"},
    "contacts": {"title": "Aragatnaşyk"},
    "eu-delegation-press": {
        "title": "ÝB wekilhanasynyň metbugat gullugy",
        "office_name": "Ýewropa Bileleşiginiň wekilhanasy",
        "street_address": "Erkindik bulwary, 21",
        "locality": "Bişkek",
    },
    # --- the items
    "ashgabat-monitoring-training": {
        "title": "Aşgabatda neşe serişdeleri bilen bagly ýagdaýa gözegçilik boýunça okuw geçirildi",
        "dateline_place": "Aşgabat",
        "standfirst": (
            "Milli gözegçilik merkeziniň hünärmenleri maglumatlary ýygnamagyň we seljermegiň "
            "ýewropa usullaryny öwrendiler."
        ),
        "body": [
            (
                "Ilatyň arasynda geçirilýän soraglara we bejergi üçin ýüz tutmalaryň "
                "görkezijilerine aýratyn üns berildi."
            ),
        ],
        "event_venue": "Aşgabat, Türkmenistan",
    },
    "drug-situation-report-2023": {
        "title": "2022-nji ýyl üçin neşe serişdeleri bilen bagly ýagdaýyň sebitleýin syny çykdy",
        "dateline_place": "Daşkent",
        "standfirst": (
            "Syn bäş ýurduň neşe serişdeleriniň ulanylyşy, bejergi we öňüni alyş baradaky "
            "maglumatlaryny jemleýär."
        ),
        "body": [
            (
                "Awtorlar dikeldiş hyzmatlaryna bolan islegiň artýandygyny belleýärler we "
                "gözegçilik üçin bitewi görkezijileri ulanmagy maslahat berýärler."
            ),
        ],
    },
    "statement-international-day-2023": {
        "title": "Neşekeşlige garşy göreşiň halkara güni mynasybetli maksatnamanyň beýannamasy",
        "dateline_place": "Almaty",
        "standfirst": (
            "Maksatnama öňüni alyşy we bejergini oňa mätäç bolan her bir adam üçin elýeterli "
            "etmäge çagyrýar."
        ),
        "body": [
            (
                "Biz adamyň saglygyny, adam hukuklaryny we ygtybarly maglumatlary merkeze "
                "goýýan çemeleşmäni goldaýarys."
            ),
        ],
    },
}
