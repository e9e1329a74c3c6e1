"""The listing's year facet (one index probe per year) and its page counts, cached per
content generation: each year filter keeps a count of its own."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from newsroom.filters import _skip_scan_years
from tests.newsroom.conftest import add_news

pytestmark = pytest.mark.django_db


def at(year: int, month: int = 6, day: int = 15, hour: int = 12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


@pytest.fixture
def years_of_news(newsroom):
    """Two items in 2019, one on the first morning of 2021 in Almaty (still 2020 in UTC),
    none in 2020 otherwise, three in 2022; the listing shows 12 a page."""
    items = [at(2019, 3), at(2019, 9), at(2021, 1, 1, 2), at(2022, 1), at(2022, 5), at(2022, 12)]
    for number, moment in enumerate(items):
        add_news(newsroom, title=f"item {number}", publication_date=moment)
    return newsroom


def test_years_newest_first_in_the_site_time_zone(years_of_news):
    items = years_of_news.listed_items()
    assert _skip_scan_years(items) == [2022, 2021, 2019]
    expected = [d.year for d in reversed(items.dates("publication_date", "year"))]
    assert _skip_scan_years(items) == expected


def test_year_facet_and_each_years_count(years_of_news):
    client = Client()
    html = client.get("/ru/news/").content.decode()
    assert [y for y in ("2022", "2021", "2020", "2019") if f'<option value="{y}"' in html] == [
        "2022",
        "2021",
        "2019",
    ]
    counts = {}
    for year in ("2022", "2021", "2019", "2020"):
        page = client.get("/ru/news/", {"year": year})
        assert page.status_code == 200
        counts[year] = len(page.context["items"]), page.context["news_page"].paginator.count
    assert counts == {"2022": (3, 3), "2021": (1, 1), "2019": (2, 2), "2020": (0, 0)}
