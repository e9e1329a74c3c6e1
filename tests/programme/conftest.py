"""A small programme tree in ru: programme, two phases, partners, a contact."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from wagtail.models import Locale

from programme.models import PartnerOrganisationPage, PhasePartner
from tests.factories.programme import (
    ContactIndexPageFactory,
    CountryTagFactory,
    DonorContactPageFactory,
    PartnerIndexPageFactory,
    PartnerOrganisationPageFactory,
    PhasePartnerFactory,
    ProgrammePageFactory,
    ProgrammePhasePageFactory,
    ThemeLabelFactory,
    ThemeTagFactory,
)


@pytest.fixture
def locales(homes):
    return {code: Locale.objects.get(language_code=code) for code in ("ru", "en", "kk")}


@pytest.fixture
def vocab(db):
    countries = {code: CountryTagFactory(slug=code) for code in ("kz", "kg", "tj")}
    prevention = ThemeTagFactory(slug="prevention", name="Профилактика")
    ThemeLabelFactory(theme=prevention, language="en", label="Prevention")
    treatment = ThemeTagFactory(slug="treatment", name="Лечение")
    ThemeLabelFactory(theme=treatment, language="en", label="Treatment")
    return {"countries": countries, "prevention": prevention, "treatment": treatment}


@pytest.fixture
def tree(home, vocab):
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
    phase6 = ProgrammePhasePageFactory(
        parent=programme,
        number=6,
        start_date=datetime.date(2016, 1, 1),
        end_date=datetime.date(2021, 12, 31),
        budget_amount=Decimal("5500000"),
        countries=[vocab["countries"]["kg"]],
        themes=[vocab["treatment"]],
    )
    phase7 = ProgrammePhasePageFactory(
        parent=programme,
        number=7,
        start_date=datetime.date(2022, 1, 1),
        end_date=datetime.date(2026, 12, 31),
        budget_amount=Decimal("6800000"),
        countries=[vocab["countries"]["kz"], vocab["countries"]["kg"]],
        themes=[vocab["prevention"]],
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
