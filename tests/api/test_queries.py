"""List endpoints run the same bounded number of SQL queries at limit 10 and limit 100."""

from __future__ import annotations

import pytest
import wagtail_factories

from newsroom.models import NewsPage
from programme.models import PhasePartner
from tests.factories.newsroom import NewsPageFactory
from tests.factories.programme import (
    ContactIndexPageFactory,
    CountryTagFactory,
    DonorContactPageFactory,
    PartnerIndexPageFactory,
    PartnerOrganisationPageFactory,
    ProgrammePageFactory,
    ProgrammePhasePageFactory,
    ThemeLabelFactory,
    ThemeTagFactory,
)

pytestmark = pytest.mark.django_db

ITEMS = 101


@pytest.fixture
def many(site_content):
    """Enough published items of every listed type for a full page of 100."""
    c = site_content
    image = c.image
    themes = [c.prevention, c.treatment, ThemeTagFactory(slug="harm-reduction")]
    ThemeLabelFactory(theme=themes[2], language="en", label="Harm reduction")
    countries = [c.kz, c.kg, CountryTagFactory(slug="tj")]
    for n in range(ITEMS):
        page = NewsPageFactory(
            parent=c.newsroom,
            kind=NewsPage.Kind.NEWS,
            countries=countries[: 1 + n % 3],
            themes=themes[: 1 + n % 3],
            related_partners=[c.partner, c.donor],
        )
        page.hero_image = image if n % 2 else None
        page.related_phase = c.phase
        page.save()
    programme = ProgrammePageFactory(parent=c.homes["ru"], slug="programme-2")
    partners = PartnerIndexPageFactory(parent=c.homes["ru"], slug="partners-2")
    contacts = ContactIndexPageFactory(parent=c.homes["ru"], slug="contacts-2")
    logo = wagtail_factories.ImageFactory(title="Logo")
    for n in range(ITEMS):
        partner = PartnerOrganisationPageFactory(
            parent=partners, country=countries[n % 3], themes=themes[: 1 + n % 3], logo=logo
        )
        phase = ProgrammePhasePageFactory(
            parent=programme, countries=countries[: 1 + n % 3], themes=themes[:2]
        )
        PhasePartner.objects.create(phase=phase, partner=partner, role="funding")
        DonorContactPageFactory(parent=contacts, country=countries[n % 3], organisation=partner)
    return c


LISTS = [
    "/api/v3/news/?locale=ru",
    "/api/v3/news/?locale=ru&country=kz&theme=prevention&ordering=title",
    "/api/v3/news/?locale=ru&search=новость",
    "/api/v3/phases/?locale=ru",
    "/api/v3/partners/?locale=ru",
    "/api/v3/contacts/?locale=ru",
    "/api/v3/pages/?locale=ru&type=newsroom.NewsPage",
]

#: The bound for every list endpoint, whatever the page size.
MAX_QUERIES = 16


def test_list_queries_do_not_grow_with_page_size(client, many, django_assert_max_num_queries):
    # One fixture for every list: building the 400 pages is the slow part of this test.
    for url in LISTS:
        client.get(f"{url}&limit=100")  # renditions are created once, on first use
        for limit in (10, 100):
            with django_assert_max_num_queries(MAX_QUERIES):
                response = client.get(f"{url}&limit={limit}")
            assert response.status_code == 200, (url, response.content[:300])
            assert len(response.json()["items"]) == min(limit, response.json()["count"])
            if "search" not in url and "country" not in url:
                assert response.json()["count"] >= 100, url
