"""The programme's demo texts in English, translating ``data_ru`` (same keys).

``THEMES``: theme slug -> label. ``PAGES``: page slug -> the translation's fields; fields
left out keep the Russian page's value (wagtail-localize copies them).
"""

from __future__ import annotations

THEMES = {
    "prevention": "Prevention",
    "treatment": "Treatment",
    "drug-policy": "Drug policy",
    "drug-information": "Monitoring and information",
    "civil-society": "Civil society",
    "gender-human-rights": "Gender and human rights",
}

PAGES = {
    # --- indexes
    "partners": {
        "title": "Partners",
        "intro": "<p>The organisations that fund, implement and take part in the programme.</p>",
    },
    "contacts": {
        "title": "Contacts",
        "intro": "<p>Where journalists and partners can get in touch.</p>",
    },
    # --- partners
    "european-union": {
        "title": "European Union",
        "acronym": "EU",
        "description": "<p>Has funded the programme since its first phase in 2003.</p>",
    },
    "fiiapp": {
        "title": "FIIAPP Foundation",
        "acronym": "FIIAPP",
        "description": "<p>A Spanish public foundation running international "
        "cooperation projects built on peer exchange between public administrations. "
        "It implements the seventh phase of the programme.</p>",
    },
    "implementing-consortium": {
        "title": "Implementing consortium of earlier phases",
        "description": "<p>Demo entry: the group of "
        "agencies that ran the programme's work before the seventh phase.</p>",
    },
    "mvd-kz": {
        "title": "Ministry of Internal Affairs of Kazakhstan",
        "acronym": "MIA",
        "description": "<p>Takes part in the regional dialogues on prevention among "
        "vulnerable groups.</p>",
    },
    "health-kg": {
        "title": "Ministry of Health of the Kyrgyz Republic",
        "description": "<p>Partner for the quality of treatment and the training of "
        "specialists.</p>",
    },
    "drug-control-tj": {
        "title": "Drug Control Agency of Tajikistan",
        "description": "<p>Partner for data collection and national drug policy.</p>",
    },
    "health-tm": {
        "title": "Ministry of Health of Turkmenistan",
        "description": "<p>Takes part in exchanges on treatment and prevention.</p>",
    },
    "drug-information-uz": {
        "title": "National Information and Analytical Centre of Uzbekistan",
        "description": "<p>Partner for monitoring the drug situation.</p>",
    },
    "community-network-kz": {
        "title": "Community prevention network",
        "description": "<p>Demo entry: a network of NGOs working with young people and "
        "families.</p>",
    },
    "peer-support-tj": {
        "title": "Peer support association",
        "description": "<p>Demo entry: an organisation that accompanies "
        "people during and after treatment.</p>",
    },
    "euda": {
        "title": "European Union Drugs Agency",
        "acronym": "EUDA",
        "description": "<p>Shares European methods of monitoring and evaluation.</p>",
    },
    "unodc": {
        "title": "United Nations Office on Drugs and Crime",
        "acronym": "UNODC",
        "description": "<p>International partner for prevention and treatment standards.</p>",
    },
    # --- the programme and its phases
    "programme": {
        "title": "Central Asia Drug Action Programme",
        "summary": "Since 2003 the programme has helped Kazakhstan, Kyrgyzstan, Tajikistan, "
        "Turkmenistan and Uzbekistan build evidence-based policy, develop prevention and "
        "improve treatment.",
        "body": (
            "The programme runs in phases, each one building on the results of the last. "
            "Below is a timeline of every phase with its budget.",
        ),
    },
    "phase-1": {
        "title": "Phase 1: first steps",
        "summary": "Assessing the situation in five countries and first contacts between agencies.",
    },
    "phase-2": {
        "title": "Phase 2: data and prevention",
        "summary": "Data collection and the first school prevention programmes.",
    },
    "phase-3": {
        "title": "Phase 3: treatment",
        "summary": "Training doctors and exchanges with European clinics.",
    },
    "phase-4": {
        "title": "Phase 4: scaling up",
        "summary": "More regions and more specialists in every country.",
    },
    "phase-5": {
        "title": "Phase 5: policy",
        "summary": "Support for national strategies and legislation.",
    },
    "phase-6": {
        "title": "Phase 6: quality of services",
        "summary": "Quality standards for treatment and monitoring.",
    },
    "phase-7": {
        "title": "Phase 7: state and civil society together",
        "summary": "Coherent, evidence-based policy, good demand reduction methods for "
        "vulnerable groups, gender equality and human rights.",
    },
    # --- donor contacts
    "eu-delegation-kyrgyzstan": {
        "title": "EU Delegation to the Kyrgyz Republic",
        "office_name": "Delegation of the European Union to the Kyrgyz Republic",
        "street_address": "21 Erkindik Boulevard, Orion Business Centre, 5th floor",
        "locality": "Bishkek",
    },
    "programme-press-office": {
        "title": "Programme press office",
        "office_name": "Programme regional office, press desk",
        "street_address": "1 Demo Street",
        "locality": "Almaty",
    },
}
