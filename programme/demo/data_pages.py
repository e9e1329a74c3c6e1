"""The programme's demo pages without their texts: slugs, kinds, countries, themes, dates,
budgets and who works in which phase. The texts, one module per language, are keyed by the
slugs used here (``data_ru``, ``data_en``).

Facts taken from the reference press release: the programme started in 2003, covers
Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan, is funded by the European
Union, phase 7 has a budget of EUR 6.8 million and is implemented by FIIAPP, and the EU
delegation in Bishkek publishes a contact block. Dates and budgets of phases 1-6 are
illustrative figures for the demo, not historical data.
"""

from __future__ import annotations

from programme.models import (
    ContactIndexPage,
    ContactSocialLink,
    PartnerIndexPage,
    PartnerOrganisationPage,
    PhasePartner,
)

#: The programme's countries; partners may come from others (``PARTNER_COUNTRIES``).
COUNTRIES = ["kz", "kg", "tj", "tm", "uz"]
PARTNER_COUNTRIES = ["es", "de"]

#: Theme slugs; their names and labels are in each language's module.
THEMES = [
    "prevention",
    "treatment",
    "drug-policy",
    "drug-information",
    "civil-society",
    "gender-human-rights",
]

#: Index pages under the home page (slug: model), shown in the menu.
INDEXES = {"partners": PartnerIndexPage, "contacts": ContactIndexPage}

Kind = PartnerOrganisationPage.Kind
#: Partner organisations under the partners index: (slug, kind, country, website, themes).
PARTNERS = [
    ("european-union", Kind.DONOR, None, "https://european-union.europa.eu/", ["drug-policy"]),
    (
        "fiiapp",
        Kind.IMPLEMENTING,
        "es",
        "https://www.fiiapp.org/",
        ["drug-policy", "prevention", "treatment"],
    ),
    ("implementing-consortium", Kind.IMPLEMENTING, "de", "", ["prevention", "drug-information"]),
    ("mvd-kz", Kind.GOVERNMENT, "kz", "", ["prevention", "drug-policy"]),
    ("health-kg", Kind.GOVERNMENT, "kg", "", ["treatment"]),
    ("drug-control-tj", Kind.GOVERNMENT, "tj", "", ["drug-information", "drug-policy"]),
    ("health-tm", Kind.GOVERNMENT, "tm", "", ["treatment", "prevention"]),
    ("drug-information-uz", Kind.GOVERNMENT, "uz", "", ["drug-information"]),
    ("community-network-kz", Kind.CIVIL_SOCIETY, "kz", "", ["civil-society", "prevention"]),
    (
        "peer-support-tj",
        Kind.CIVIL_SOCIETY,
        "tj",
        "",
        ["civil-society", "treatment", "gender-human-rights"],
    ),
    ("euda", Kind.INTERNATIONAL, None, "https://www.euda.europa.eu/", ["drug-information"]),
    ("unodc", Kind.INTERNATIONAL, None, "https://www.unodc.org/", ["prevention", "treatment"]),
]

#: The programme page under the home page.
PROGRAMME = {"slug": "programme", "acronym": "CADAP", "start_year": 2003}

#: Phases under the programme, slug ``phase-<number>``: (start, end, budget EUR, themes).
PHASES = {
    1: ("2003-01-01", "2004-12-31", "1500000", ["drug-policy", "drug-information"]),
    2: ("2005-01-01", "2006-12-31", "2400000", ["drug-information", "prevention"]),
    3: ("2007-01-01", "2009-06-30", "3100000", ["treatment", "drug-information"]),
    4: ("2009-07-01", "2013-06-30", "4200000", ["treatment", "prevention"]),
    5: ("2013-07-01", "2015-12-31", "5000000", ["drug-policy", "prevention"]),
    6: ("2016-01-01", "2021-12-31", "5500000", ["drug-information", "treatment"]),
    7: (
        "2022-01-01",
        "2026-12-31",
        "6800000",
        ["drug-policy", "prevention", "treatment", "civil-society", "gender-human-rights"],
    ),
}

Role = PhasePartner.Role
#: partner slug: (role, the phases it has that role in)
PHASE_ROLES = {
    "european-union": (Role.FUNDING, set(range(1, 8))),
    "implementing-consortium": (Role.IMPLEMENTING, {4, 5, 6}),
    "fiiapp": (Role.IMPLEMENTING, {7}),
    "mvd-kz": (Role.BENEFICIARY, {5, 6, 7}),
    "health-kg": (Role.BENEFICIARY, {3, 4, 6, 7}),
    "drug-control-tj": (Role.BENEFICIARY, {1, 2, 5, 7}),
    "health-tm": (Role.BENEFICIARY, {6, 7}),
    "drug-information-uz": (Role.BENEFICIARY, {2, 6, 7}),
    "community-network-kz": (Role.ASSOCIATE, {7}),
    "peer-support-tj": (Role.ASSOCIATE, {7}),
    "euda": (Role.ASSOCIATE, {5, 6, 7}),
    "unodc": (Role.ASSOCIATE, {1, 2, 3}),
}

Network = ContactSocialLink.Network
#: Donor contacts under the contacts index; ``organisation`` is a partner slug,
#: ``phones`` are (label, number) and ``social`` (network, url) pairs.
CONTACTS = [
    {
        "slug": "eu-delegation-kyrgyzstan",
        "organisation": "european-union",
        "country": "kg",
        "postal_code": "720040",
        "email": "delegation-kyrgyzstan@eeas.europa.eu",
        "website": "https://www.eeas.europa.eu/delegations/kyrgyz-republic_en",
        "phones": [("", "+996 312 26 10 00")],
        "social": [(Network.FACEBOOK, "https://www.facebook.com/eudelkg")],
    },
    {
        "slug": "programme-press-office",
        "organisation": "fiiapp",
        "country": "kz",
        "postal_code": "050000",
        "email": "press@example.org",
        "website": "https://example.org/",
        "phones": [],
        "social": [(Network.TELEGRAM, "https://t.me/example")],
    },
]
