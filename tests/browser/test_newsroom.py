"""The newsroom in a real browser: filter by a country and a theme, open an article."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

pytestmark = pytest.mark.browser


@pytest.fixture
def live_newsroom(live_homes):
    from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
    from tests.factories.programme import CountryTagFactory, ThemeTagFactory

    index = NewsIndexPageFactory(parent=live_homes["ru"], title="Новости", slug="news")
    index.save_revision().publish()
    kz, kg = CountryTagFactory(slug="kz"), CountryTagFactory(slug="kg")
    prevention = ThemeTagFactory(slug="prevention", name="Профилактика")
    treatment = ThemeTagFactory(slug="treatment", name="Лечение")
    now = timezone.now()
    for n, (title, countries, themes) in enumerate(
        [
            ("Профилактика в школах Казахстана", [kz], [prevention]),
            ("Лечение в Казахстане", [kz], [treatment]),
            ("Профилактика в Кыргызстане", [kg], [prevention]),
        ]
    ):
        page = NewsPageFactory(
            parent=index,
            title=title,
            slug=f"item-{n}",
            countries=countries,
            themes=themes,
            dateline_place="Алматы",
            publication_date=now - datetime.timedelta(days=n + 1),
        )
        page.save_revision().publish()
    return index


def test_filter_by_country_and_theme_then_open_the_article(page, live_server, live_newsroom):
    page.goto(f"{live_server.url}/ru/news/")
    assert page.locator(".news-card").count() == 3
    page.select_option("select[name=country]", "kz")
    page.select_option("select[name=theme]", "prevention")
    page.locator(".news-filters button[type=submit]").click()
    page.wait_for_url("**/ru/news/?*country=kz*")
    assert "theme=prevention" in page.url
    cards = page.locator(".news-card")
    assert cards.count() == 1
    assert page.locator(".active-filter").count() == 2
    page.locator(".news-card-title a").first.click()
    page.wait_for_url(f"{live_server.url}/ru/news/item-0/")
    assert page.locator("h1").inner_text() == "Профилактика в школах Казахстана"
    assert page.locator(".dateline").inner_text().startswith("Алматы, ")


def test_removing_an_active_filter(page, live_server, live_newsroom):
    page.goto(f"{live_server.url}/ru/news/?country=kz&theme=prevention")
    assert page.locator(".news-card").count() == 1
    page.locator(".active-filter[data-param=theme] .remove-filter").click()
    page.wait_for_url("**/ru/news/?country=kz")
    assert page.locator(".news-card").count() == 2
