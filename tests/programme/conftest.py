"""A small programme tree in ru: programme, two phases, partners, a contact."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from wagtail.models import Locale

from programme.models import PartnerOrganisationPage, PhasePartner
from tests.factories.layers import layer
from tests.factories.programme import (
    ContactIndexPageFactory,
    DonorContactPageFactory,
    PartnerIndexPageFactory,
    PartnerOrganisationPageFactory,
    PhasePartnerFactory,
    ProgrammePageFactory,
    ProgrammePhasePageFactory,
    vocabulary,
)

# The tree's phases: {number: (start year, end year, budget, countries, theme)}.
PHASES = {
    6: (2016, 2021, "5500000", ["kg"], "treatment"),
    7: (2022, 2026, "6800000", ["kz", "kg"], "prevention"),
}


@pytest.fixture
def locales(homes):
    return {code: Locale.objects.get(language_code=code) for code in ("ru", "en", "kk")}


@layer
def vocab(db):
    countries, themes = vocabulary(["kz", "kg", "tj"], ["prevention", "treatment"])
    return {"countries": countries, **themes}


@layer
def tree(homes, vocab):
    """Built once per worker and shared by rolling back to it (tests/factories/layers.py)."""
    home = homes["ru"]
    programme = ProgrammePageFactory(parent=home, slug="programme", title="Программа CADAP")
    partners = PartnerIndexPageFactory(parent=home)
    eu = PartnerOrganisationPageFactory(
        parent=partners,
        slug="eu",
        title="Европейский Союз",
        acronym="ЕС",
        kind=PartnerOrganisationPage.Kind.DONOR,
    )
    ministry = PartnerOrganisationPageFactory(
        parent=partners,
        slug="ministry",
        title="Министерство",
        acronym="",
        kind=PartnerOrganisationPage.Kind.GOVERNMENT,
        country=vocab["countries"]["kz"],
        themes=[vocab["prevention"]],
    )
    phase6, phase7 = (
        ProgrammePhasePageFactory(
            parent=programme,
            number=number,
            start_date=datetime.date(start, 1, 1),
            end_date=datetime.date(end, 12, 31),
            budget_amount=Decimal(budget),
            countries=[vocab["countries"][code] for code in countries],
            themes=[vocab[theme]],
        )
        for number, (start, end, budget, countries, theme) in PHASES.items()
    )
    PhasePartnerFactory(phase=phase6, partner=eu, role=PhasePartner.Role.FUNDING)
    PhasePartnerFactory(phase=phase7, partner=eu, role=PhasePartner.Role.FUNDING)
    PhasePartnerFactory(phase=phase7, partner=ministry, role=PhasePartner.Role.BENEFICIARY)
    contacts = ContactIndexPageFactory(parent=home)
    contact = DonorContactPageFactory(
        parent=contacts,
        slug="eu-delegation",
        organisation=eu,
        country=vocab["countries"]["kg"],
    )
    return {
        "programme": programme,
        "partners": partners,
        "eu": eu,
        "ministry": ministry,
        "phase6": phase6,
        "phase7": phase7,
        "contacts": contacts,
        "contact": contact,
    }
