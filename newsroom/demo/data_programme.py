"""The programme pages the newsroom's items point at, as the newsroom's demo makes them when
the programme's own demo did not (a phase, four partners, a media contact), without their
texts (``data_ru``, ``data_en``, keyed by the slugs used here). Partners are looked up by
acronym first: items name them by acronym."""

from __future__ import annotations

import datetime
from decimal import Decimal

from programme.models import ContactSocialLink, PartnerOrganisationPage

PROGRAMME = {"slug": "programme", "acronym": "CADAP", "start_year": 2003}

PHASE = {
    "slug": "phase-7",
    "number": 7,
    "start_date": datetime.date(2021, 12, 1),
    "end_date": datetime.date(2025, 11, 30),
    "budget_amount": Decimal("6800000"),
    "budget_currency": "EUR",
}

PARTNER_INDEX = "partners"
CONTACT_INDEX = "contacts"

Kind = PartnerOrganisationPage.Kind
#: acronym: (kind, country); the page's slug is ``demo-<acronym in lower case>``.
PARTNERS = {
    "EU": (Kind.DONOR, None),
    "IA": (Kind.IMPLEMENTING, None),
    "MVD-KZ": (Kind.GOVERNMENT, "kz"),
    "NGO-NET": (Kind.CIVIL_SOCIETY, None),
}


def partner_slug(acronym: str) -> str:
    return f"demo-{acronym.lower()}"


#: The media contact, shaped like the programme's ``data_pages.CONTACTS``: ``country`` is a
#: country tag's code, ``phones`` are (label, number) and ``social`` (network, url) pairs.
CONTACT = {
    "slug": "eu-delegation-press",
    "country": "kg",
    "postal_code": "720040",
    "email": "press@example.org",
    "website": "https://example.org/",
    "phones": [("", "+996 312 00 00 00")],
    "social": [(ContactSocialLink.Network.FACEBOOK, "https://www.facebook.com/")],
}
