"""The news listing is rendered from its schema's resolvers without ninja's validation pass
(``headless.prevalidated``): its answer must be byte for byte the one the validation pass
gives for the same page of items, whatever the items carry (hero images with renditions and
alt text, partners and phases in the item's language, several countries and themes), in
either language, filtered, ordered, searched, by cursor, empty.

Each URL is asked twice: once as served, once with the listing handing its envelope back to
ninja (which then validates it against the operation's response schema, as it did before).
"""

from __future__ import annotations

import json

import pytest

from headless.prevalidated import envelope_values
from newsroom import api as newsroom_api
from newsroom.models import NewsPage
from programme.demo import ensure_translation
from tests.factories.layers import layer
from tests.factories.newsroom import NewsPageFactory
from tests.factories.pages import publish

pytestmark = pytest.mark.django_db


@layer
def varied_news(site_content):
    """The API site plus an item with every kind of value a list item shows."""
    c = site_content
    item = NewsPageFactory(
        parent=c.newsroom,
        title="Заявление",
        kind=NewsPage.Kind.STATEMENT,
        countries=[c.kz, c.kg],
        themes=[c.treatment, c.prevention],
        related_partners=[c.donor, c.partner],
    )
    item.hero_image = c.image
    item.hero_alt = "Участники семинара"
    item.related_phase = c.phase
    item.save()
    publish(item)
    ensure_translation(item, "en", title="Statement")
    return c


URLS = [
    "/api/v3/news/?locale=ru",
    "/api/v3/news/?locale=en",
    "/api/v3/news/?locale=ru&country=kz&theme=prevention",
    "/api/v3/news/?locale=ru&country=kz&country=kg&kind=statement&kind=press_release",
    "/api/v3/news/?locale=ru&ordering=title&limit=2&offset=1",
    "/api/v3/news/?locale=ru&ordering=publication_date&limit=2",
    f"/api/v3/news/?locale=ru&search={'семинар'}",
    "/api/v3/news/?locale=ru&country=tj",
]


def both_answers(client, monkeypatch, url: str):
    served = client.get(url)
    handed_back = []

    def validated(request, schema, envelope):
        handed_back.append(schema)
        return envelope  # ninja validates it against the operation's response schema

    monkeypatch.setattr(newsroom_api, "list_response", validated)
    checked = client.get(url)
    monkeypatch.undo()
    assert handed_back == [newsroom_api.NewsList]  # the second answer went through ninja
    assert served.status_code == checked.status_code == 200, served.content[:300]
    return served, checked


@pytest.mark.parametrize("url", URLS)
def test_the_listing_answers_what_validation_gives(client, varied_news, monkeypatch, url):
    served, checked = both_answers(client, monkeypatch, url)
    assert served["Content-Type"] == checked["Content-Type"]
    assert served.content == checked.content


def test_the_rich_item_is_in_the_compared_answer(client, varied_news, monkeypatch):
    """The comparison covers the values that differ most from a page's own attributes."""
    served, _checked = both_answers(client, monkeypatch, "/api/v3/news/?locale=ru")
    item = next(i for i in json.loads(served.content)["items"] if i["title"] == "Заявление")
    assert item["hero_image"]["alt"] == "Участники семинара"
    assert item["hero_image"]["renditions"]
    in_tree_order = sorted([varied_news.partner, varied_news.donor], key=lambda page: page.path)
    assert [p["id"] for p in item["related_partners"]] == [page.pk for page in in_tree_order]
    assert item["related_phase"]["id"] == varied_news.phase.pk
    assert [c["slug"] for c in item["countries"]] == ["kg", "kz"]


def test_a_page_after_a_cursor_answers_what_validation_gives(client, varied_news, monkeypatch):
    first = json.loads(client.get("/api/v3/news/?locale=ru&limit=2").content)
    url = f"/api/v3/news/?locale=ru&limit=2&cursor={first['next_cursor']}"
    served, checked = both_answers(client, monkeypatch, url)
    assert json.loads(served.content)["items"]
    assert served.content == checked.content


def test_an_envelope_missing_a_required_field_is_an_error():
    with pytest.raises(KeyError):
        envelope_values(newsroom_api.NewsList, {"limit": 20, "offset": 0}, [])
    filled = envelope_values(newsroom_api.NewsList, {"count": 0, "limit": 20, "offset": 0}, [])
    assert list(filled) == ["count", "limit", "offset", "next_cursor", "items"]
    assert filled["next_cursor"] is None
