"""The factories other tests build on produce valid, publishable pages."""

import pytest

from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.programme import (
    ContactIndexPageFactory,
    CountryTagFactory,
    DonorContactPageFactory,
    PartnerIndexPageFactory,
    PartnerOrganisationPageFactory,
    PhasePartnerFactory,
    ProgrammePageFactory,
    ProgrammePhasePageFactory,
    ThemeTagFactory,
)

pytestmark = pytest.mark.django_db


def test_full_tree(home):
    kz = CountryTagFactory(slug="kz")
    prevention = ThemeTagFactory(slug="prevention", name="Профилактика")
    programme = ProgrammePageFactory(parent=home)
    partners = PartnerIndexPageFactory(parent=home)
    partner = PartnerOrganisationPageFactory(parent=partners, country=kz)
    phase = ProgrammePhasePageFactory(parent=programme, number=7)
    PhasePartnerFactory(phase=phase, partner=partner)
    contacts = ContactIndexPageFactory(parent=home)
    contact = DonorContactPageFactory(parent=contacts, organisation=partner)
    news_index = NewsIndexPageFactory(parent=home)
    item = NewsPageFactory(
        parent=news_index,
        related_phase=phase,
        media_contact=contact,
        countries=[kz],
        themes=[prevention],
    )
    item.save_revision().publish()
    item.refresh_from_db()
    assert list(item.countries.all()) == [kz]
    assert list(item.themes.all()) == [prevention]
    assert phase.phase_partners.get().partner == partner
    assert item.live
