"""RSS 2.0 and Atom feeds, parsed with feedparser as a feed reader would."""

from __future__ import annotations

import feedparser
import pytest

from programme.demo import ensure_translation
from tests.factories.layers import layer
from tests.newsroom.conftest import add_news, days_ago

pytestmark = pytest.mark.django_db

FEED_PATHS = [
    "rss/",
    "atom/",
    "country/kz/rss/",
    "country/kz/atom/",
    "theme/prevention/rss/",
    "theme/prevention/atom/",
]


@layer
def feed_items(tags, newsroom, newsroom_en, hidden_items):
    """Built once per worker and shared by rolling back to it (tests/factories/layers.py)."""
    c, t = tags["countries"], tags["themes"]
    a = add_news(
        newsroom,
        title="Профилактика & <школы>",
        countries=[c["kz"]],
        themes=[t["prevention"]],
        publication_date=days_ago(2),
        standfirst='Кавычки " и амперсанд & внутри.',
    )
    b = add_news(
        newsroom,
        title="Лечение в Бишкеке",
        countries=[c["kg"]],
        themes=[t["treatment"]],
        publication_date=days_ago(1),
    )
    ensure_translation(a, "en", title="Prevention & <schools>")
    ensure_translation(b, "en", title="Treatment in Bishkek")
    return a, b


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, (url, parsed.get("bozo_exception"))
    return response, parsed


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("path", FEED_PATHS)
def test_every_feed_parses_without_bozo(client, feed_items, language, path):
    response, parsed = parse(client, f"/{language}/news/{path}")
    expected_type = "application/atom+xml" if "atom" in path else "application/rss+xml"
    assert response["Content-Type"].startswith(expected_type)
    assert parsed.version == ("atom10" if "atom" in path else "rss20")
    titles = [entry.title for entry in parsed.entries]
    assert all("HIDDEN" not in title for title in titles)
    assert parsed.feed.get("language", language).startswith(language)
    for entry in parsed.entries:
        assert entry.link.startswith("http") and f"/{language}/news/" in entry.link
        assert entry.published_parsed is not None
    if path.startswith(("country", "theme")):
        assert len(titles) == 1
        assert titles[0] in ("Профилактика & <школы>", "Prevention & <schools>")
    else:
        assert len(titles) == 2  # newest first
        assert titles[0] in ("Лечение в Бишкеке", "Treatment in Bishkek")


def test_feed_titles_name_the_topic_in_the_readers_language(client, feed_items):
    _, ru = parse(client, "/ru/news/country/kz/rss/")
    _, en = parse(client, "/en/news/theme/prevention/atom/")
    assert ru.feed.title == "Новости: Казахстан"
    assert en.feed.title == "News: Prevention"


def test_hidden_items_are_in_no_feed(client, feed_items, hidden_items):
    for path in FEED_PATHS:
        response = client.get(f"/ru/news/{path}")
        body = response.content.decode()
        for name, page in hidden_items.items():
            if name == "en_locale":
                continue
            assert page.title not in body, (path, name)
            assert f"/{page.slug}/" not in body, (path, name)


@pytest.mark.parametrize("path", ["country/zz/rss/", "theme/nothing/atom/"])
def test_unknown_country_or_theme_feed_is_a_404(client, feed_items, path):
    assert client.get(f"/ru/news/{path}").status_code == 404


def test_listing_advertises_its_feeds(client, feed_items):
    html = client.get("/ru/news/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/ru/news/atom/"' in html
