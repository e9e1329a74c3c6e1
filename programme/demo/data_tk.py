"""The programme's demo texts in Turkmen (Latin script), translating ``data_ru`` (same keys)
for the indexes, the programme, its current phase, the donor, the implementer, the Turkmen
partner and the contacts. The other pages wait untranslated.
"""

from __future__ import annotations

THEMES = {
    "prevention": "Öňüni alyş",
    "treatment": "Bejergi",
    "drug-policy": "Neşe serişdeleri babatdaky syýasat",
    "drug-information": "Monitoring we maglumat",
    "civil-society": "Raýat jemgyýeti",
    "gender-human-rights": "Gender we adam hukuklary",
}

PAGES = {
    # --- indexes
    "partners": {
        "title": "Hyzmatdaşlar",
        "intro": "<p>Maksatnamany maliýeleşdirýän, durmuşa geçirýän we oňa gatnaşýan "
        "guramalar.</p>",
    },
    "contacts": {
        "title": "Aragatnaşyk",
        "intro": "<p>Žurnalistler we hyzmatdaşlar nirä ýüz tutup bilerler.</p>",
    },
    # --- partners
    "european-union": {
        "title": "Ýewropa Bileleşigi",
        "acronym": "ÝB",
        "description": "<p>Maksatnamany 2003-nji ýyldaky birinji tapgyryndan bäri "
        "maliýeleşdirýär.</p>",
    },
    "fiiapp": {
        "title": "FIIAPP gaznasy",
        "acronym": "FIIAPP",
        "description": "<p>Ispaniýanyň döwlet gaznasy: halkara hyzmatdaşlyk taslamalaryny "
        "alyp barýar we olary dürli ýurtlaryň döwlet edaralarynyň arasynda tejribe "
        "alyşmaga esaslandyrýar. Maksatnamanyň ýedinji tapgyryny durmuşa geçirýär.</p>",
    },
    "health-tm": {
        "title": "Türkmenistanyň Saglygy goraýyş ministrligi",
        "description": "<p>Bejergi we öňüni alyş boýunça tejribe alyşmaga gatnaşýar.</p>",
    },
    # --- the programme and its current phase
    "programme": {
        "title": "Merkezi Aziýada neşe serişdelerine bolan islegi azaltmak maksatnamasy",
        "summary": "2003-nji ýyldan bäri maksatnama Gazagystana, Gyrgyzystana, "
        "Täjigistana, Türkmenistana we Özbegistana subutnamalara esaslanýan syýasaty "
        "gurmaga, öňüni alyş işini ösdürmäge we bejergini gowulandyrmaga ýardam berýär.",
        "body": (
            "Maksatnama tapgyrlaýyn amala aşyrylýar: her tapgyr öňküsiniň netijelerine "
            "daýanýar. Aşakda ähli tapgyrlaryň wagt çyzgysy we býujetleri görkezilýär.",
        ),
    },
    "phase-7": {
        "title": "7-nji tapgyr: döwlet bilen jemgyýetiň hyzmatdaşlygy",
        "summary": "Bitewi, subutnamalara esaslanýan syýasat, durmuş taýdan ejiz "
        "toparlaryň arasynda neşe serişdelerine bolan islegi azaltmagyň hilli usullary, "
        "gender deňligi we adam hukuklary.",
    },
    # --- donor contacts
    "eu-delegation-kyrgyzstan": {
        "title": "ÝB-niň Gyrgyz Respublikasyndaky wekilhanasy",
        "office_name": "Ýewropa Bileleşiginiň Gyrgyz Respublikasyndaky wekilhanasy",
        "street_address": "Erkindik bulwary, 21, «Orion» iş merkezi, 5-nji gat",
        "locality": "Bişkek",
    },
    "programme-press-office": {
        "title": "Maksatnamanyň metbugat gullugy",
        "office_name": "Maksatnamanyň sebitleýin edarasy, metbugat gullugy",
        "street_address": "Görkezme salgysy, 1",
        "locality": "Almaty",
    },
}
