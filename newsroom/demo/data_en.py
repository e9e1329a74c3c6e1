"""The newsroom's demo texts in English, translating ``data_ru`` (same keys and shapes).
Fields left out keep the Russian page's value (wagtail-localize copies them).
"""

from __future__ import annotations

PAGES = {
    # --- the newsroom index
    "news": {
        "title": "News",
        "intro": "<p>News, press releases, event reports and statements of the programme.</p>",
    },
    # --- programme pages, when the programme's own demo did not make them
    "programme": {"title": "Programme", "summary": "Drug demand reduction."},
    "phase-7": {
        "title": "Phase 7",
        "summary": "Evidence-based policy and quality drug demand reduction services.",
    },
    "partners": {"title": "Partners"},
    "demo-eu": {"title": "European Union"},
    "demo-ia": {"title": "Programme implementing agency"},
    "demo-mvd-kz": {"title": "Ministry of Internal Affairs of the Republic of Kazakhstan"},
    "demo-ngo-net": {"title": "Regional network of prevention NGOs"},
    "contacts": {"title": "Contacts"},
    "eu-delegation-press": {
        "title": "EU delegation press office",
        "office_name": "Delegation of the European Union",
        "street_address": "21 Erkindik Boulevard",
        "locality": "Bishkek",
    },
    # --- the items
    "almaty-regional-dialogue-2022": {
        "title": (
            "Central Asian governments and civil society agree to work together on drug "
            "prevention and treatment"
        ),
        "dateline_place": "Almaty",
        "standfirst": (
            "A two-day regional dialogue in Almaty brought together public agencies and "
            "non-governmental organisations from the five countries of the region."
        ),
        "body": [
            (
                "On 29–30 November, agencies in charge of drug demand reduction and non-profit "
                "organisations from the five Central Asian countries met in Almaty to discuss "
                "how to build a lasting partnership."
            ),
            (
                "Participants reviewed recent data on the drug situation in the region, shared "
                "examples of joint work and outlined the part civil society can play in "
                "prevention and in supporting people in treatment."
            ),
            {
                "quote": (
                    "Public bodies and civil society are stronger together: only jointly can "
                    "we reach the people who need help most."
                ),
                "speaker": "Elena Fabbri",
                "role": "representative of the European Union",
                "organisation": "European Union",
            },
            {
                "quote": (
                    "We expect the new phase of the programme to help us solve concrete "
                    "prevention tasks, above all among vulnerable groups."
                ),
                "speaker": "Aidos Nurlanov",
                "role": "ministry representative",
                "organisation": "Ministry of Internal Affairs of the Republic of Kazakhstan",
            },
            (
                "The participants drafted proposals for national road maps on policy, "
                "monitoring, prevention and treatment."
            ),
        ],
        "event_venue": "Almaty, Kazakhstan",
    },
    "school-prevention-bishkek": {
        "title": "Bishkek school psychologists learn a prevention programme",
        "dateline_place": "Bishkek",
        "standfirst": (
            "Forty school psychologists completed a week-long course in an evidence-based "
            "prevention programme for teenagers."
        ),
        "body": [
            (
                "The sessions focus on life skills: making decisions, coping with stress and "
                "resisting peer pressure."
            ),
        ],
    },
    "treatment-standards-dushanbe": {
        "title": "Dushanbe workshop on quality standards for drug treatment",
        "dateline_place": "Dushanbe",
        "standfirst": (
            "Addiction specialists and health managers compared national protocols with "
            "international guidance."
        ),
        "body": [
            (
                "A working group will propose updates to clinical protocols and to the way "
                "service quality is assessed."
            ),
        ],
        "event_venue": "Dushanbe, Tajikistan",
    },
    "drug-situation-report-2023": {
        "title": "Regional drug situation review for 2022 published",
        "dateline_place": "Tashkent",
        "standfirst": (
            "The review brings together data from five countries on prevalence, treatment and "
            "prevention."
        ),
        "body": [
            (
                "The authors note a growing demand for rehabilitation services and recommend "
                "common indicators for monitoring."
            ),
        ],
    },
    "statement-international-day-2023": {
        "title": "Programme statement on the International Day against Drug Abuse",
        "dateline_place": "Almaty",
        "standfirst": (
            "The programme calls for prevention and treatment to be available to everyone who "
            "needs them."
        ),
        "body": [
            ("We support an approach centred on health, human rights and sound evidence."),
        ],
    },
    "ashgabat-monitoring-training": {
        "title": "Ashgabat training on monitoring the drug situation",
        "dateline_place": "Ashgabat",
        "standfirst": (
            "Staff of the national monitoring centre studied European methods of collecting "
            "and analysing data."
        ),
        "body": [
            ("The training focused on population surveys and treatment demand indicators."),
        ],
        "event_venue": "Ashgabat, Turkmenistan",
    },
    "samarkand-family-prevention": {
        "title": "Family prevention programme starts in Samarkand",
        "dateline_place": "Samarkand",
        "standfirst": (
            "Parents and children learn together how to talk about risks and support each other."
        ),
        "body": [
            ("Sessions are run by trained staff of neighbourhood centres and local NGOs."),
        ],
    },
    "press-release-phase-results-2024": {
        "title": "Programme reviews mid-term results of the current phase",
        "dateline_place": "Bishkek",
        "standfirst": (
            "Countries of the region updated their national plans and specialists were trained "
            "in current prevention and treatment methods."
        ),
        "body": [
            (
                "The mid-term report is available to partners and will be discussed at the "
                "regional steering committee."
            ),
        ],
    },
    "osh-outreach-workers": {
        "title": "Outreach workers from Osh share their case management experience",
        "dateline_place": "Osh",
        "standfirst": (
            "Staff of a local NGO explained how they help people reach treatment and stay in it."
        ),
        "body": [
            ("The Osh experience will be included in a guide for social workers in the region."),
        ],
    },
    "astana-policy-roundtable": {
        "title": "Astana round table on evaluating drug policy",
        "dateline_place": "Astana",
        "standfirst": (
            "Experts discussed the indicators by which the results of the national strategy "
            "can be judged."
        ),
        "body": [
            "Participants agreed on a set of indicators for the next national report.",
        ],
        "event_venue": "Astana, Kazakhstan",
    },
    "dushanbe-rehabilitation-centre": {
        "title": "Dushanbe rehabilitation centre expands outpatient services",
        "dateline_place": "Dushanbe",
        "standfirst": "The centre opened support groups for patients after inpatient treatment.",
        "body": [
            (
                "Counselling is provided by psychologists and peer counsellors trained under "
                "the programme."
            ),
        ],
    },
    "statement-gender-human-rights-2025": {
        "title": "Statement on equal access to treatment for women",
        "dateline_place": "Almaty",
        "standfirst": (
            "The programme recalls that women with drug dependence seek help less often and "
            "need tailored services."
        ),
        "body": [
            ("We support services that take into account the needs of women and their children."),
        ],
    },
}
