"""The newsroom demo: a dozen items in ru and en; every listing, filter, feed and article of
it renders in both languages."""

from __future__ import annotations

import feedparser
import pytest

from newsroom.models import NewsPage

pytestmark = pytest.mark.django_db


def test_demo_items_cover_kinds_countries_themes_in_ru_and_en(demo):
    ru = NewsPage.objects.filter(locale__language_code="ru").published()
    en = NewsPage.objects.filter(locale__language_code="en").published()
    assert ru.count() == 12 and en.count() == 12
    assert {p.kind for p in ru} == set(NewsPage.Kind.values)
    countries = {t.slug for p in ru for t in p.country_tags()}
    themes = {t.slug for p in ru for t in p.theme_tags()}
    assert countries == {"kz", "kg", "tj", "tm", "uz"}
    assert len(themes) >= 4


def test_almaty_dialogue_counterpart(demo, client):
    page = NewsPage.objects.get(slug="almaty-regional-dialogue-2022", locale__language_code="ru")
    assert page.kind == NewsPage.Kind.PRESS_RELEASE
    assert page.dateline_place == "Алматы"
    assert page.publication_date.date().isoformat() == "2022-11-30"
    assert page.event_start.date().isoformat() == "2022-11-29"
    quotes = [block.value for block in page.body if block.block_type == "quote"]
    organisations = {q["organisation"] for q in quotes}
    assert "Европейский Союз" in organisations
    assert any("Министерство" in org for org in organisations)
    assert page.media_contact is not None
    en = page.get_translation(page.get_translations().first().locale)
    assert en.dateline_place == "Almaty"
    html = client.get("/en/news/almaty-regional-dialogue-2022/").content.decode()
    assert "Almaty, November 30, 2022" in html
    assert 'class="contact-card"' in html and 'class="donor-boilerplate' in html


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_newsroom_url_of_the_demo_renders(demo, client, language):
    base = f"/{language}/news/"
    queries = [
        "",
        "?country=kz",
        "?theme=prevention",
        "?kind=press_release",
        "?kind=event_report",
        "?phase=7",
        "?partner=demo-eu",
        "?year=2023",
        "?country=kg&theme=prevention",
    ]
    for query in queries:
        response = client.get(base + query)
        assert response.status_code == 200, query
        assert 'class="news-card"' in response.content.decode(), query
    for feed in ("rss/", "atom/", "country/kz/rss/", "theme/treatment/atom/"):
        response = client.get(base + feed)
        assert response.status_code == 200
        parsed = feedparser.parse(response.content)
        assert parsed.bozo == 0 and parsed.entries, feed
    for page in NewsPage.objects.filter(locale__language_code=language):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        if page.event_start:
            assert client.get(page.url + "ics/").status_code == 200
