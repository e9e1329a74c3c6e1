"""Keyset (cursor) pagination of ``/api/v3/news/`` beside offset (``headless.keyset``): a walk
by cursor gives every visible item exactly once in the listing's order, never a hidden one,
in a fixed number of queries, and a cursor that is not one is a 400 naming ``cursor``."""

from __future__ import annotations

import base64
import datetime
import json

import pytest
from django.utils import timezone

from newsroom.models import NewsPage
from tests.api.conftest import when
from tests.factories.layers import layer
from tests.factories.newsroom import NewsPageFactory
from tests.factories.pages import publish

pytestmark = pytest.mark.django_db

API_BUDGET = 10


@layer
def dated_news(site_content):
    """The site's news plus items that test the order's edges: several on the same moment
    (ties broken by id), one without a date, and one embargoed (dated tomorrow)."""
    c = site_content
    for n in range(5):
        moment = when(15)
        publish(NewsPageFactory(parent=c.newsroom, title=f"Same {n}", publication_date=moment))
    for n in range(4):
        publish(NewsPageFactory(parent=c.newsroom, title=f"Day {n}", publication_date=when(1 + n)))
    undated = publish(NewsPageFactory(parent=c.newsroom, title="Undated"))
    NewsPage.objects.filter(pk=undated.pk).update(publication_date=None)
    embargoed = publish(NewsPageFactory(parent=c.newsroom, title="Embargoed"))
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    NewsPage.objects.filter(pk=embargoed.pk).update(publication_date=tomorrow)
    c.undated, c.embargoed = undated, embargoed
    return c


def walk(client, query: str, limit: int) -> list[dict]:
    """Every page of the listing, the first by offset and then by ``next_cursor``."""
    body = client.get(f"/api/v3/news/?{query}&limit={limit}").json()
    items = list(body["items"])
    pages = 1
    while body["next_cursor"]:
        response = client.get(f"/api/v3/news/?{query}&limit={limit}&cursor={body['next_cursor']}")
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["count"] is None and body["offset"] is None  # nothing is counted
        items += body["items"]
        pages += 1
        assert pages < 100
    return items


@pytest.mark.parametrize("ordering", ["", "-publication_date", "publication_date"])
@pytest.mark.parametrize("limit", [1, 3])
def test_a_cursor_walk_gives_every_visible_item_once_in_the_offset_order(
    client, dated_news, ordering, limit
):
    query = f"locale=ru&ordering={ordering}" if ordering else "locale=ru"
    everything = client.get(f"/api/v3/news/?{query}&limit=100").json()
    expected = [item["id"] for item in everything["items"]]
    assert everything["count"] == len(expected) and everything["next_cursor"] is None
    items = walk(client, query, limit)
    walked = [item["id"] for item in items]
    assert walked == expected
    assert len(set(walked)) == len(walked)
    assert dated_news.undated.pk in walked
    titles = {item["title"] for item in items}
    assert not titles & (dated_news.hidden_titles | {"Embargoed"})


def test_the_default_order_puts_ties_by_id_and_undated_items_first(client, dated_news):
    items = walk(client, "locale=ru", 2)
    assert items[0]["id"] == dated_news.undated.pk
    same = [item["id"] for item in items if item["title"].startswith("Same ")]
    assert same == sorted(same, reverse=True)


def test_a_cursor_keeps_the_filters(client, dated_news):
    query = "locale=ru&country=kz"
    expected = [i["id"] for i in client.get(f"/api/v3/news/?{query}&limit=100").json()["items"]]
    assert [item["id"] for item in walk(client, query, 1)] == expected


def test_a_page_by_cursor_keeps_the_query_budget(client, dated_news, django_assert_max_num_queries):
    first = client.get("/api/v3/news/?locale=ru&limit=3").json()
    url = f"/api/v3/news/?locale=ru&limit=3&cursor={first['next_cursor']}"
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(API_BUDGET):
        response = client.get(url)
    assert len(response.json()["items"]) == 3


def forged(*raw) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(raw)).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "query",
    [
        "cursor=nonsense",
        "cursor=%FF%FE",
        "cursor=" + "A" * 300,
        "cursor=" + forged("d", "yesterday", 1),
        "cursor=" + forged("d", "2022-11-01T10:00:00", 1),  # no time zone
        "cursor=" + forged("d", "2022-11-01T10:00:00+00:00", 10**20),
        "cursor=" + forged("d", "2022-11-01T10:00:00+00:00", -1),
        "cursor=" + forged("d", "2022-11-01T10:00:00+00:00", "1"),
        "cursor=" + forged("x", None, 1),
        "cursor=" + forged({"d": 1}),
        "ordering=publication_date&cursor=" + forged("d", None, 1),  # the other direction's
        "ordering=title&cursor=" + forged("d", None, 1),
        "search=seminar&cursor=" + forged("d", None, 1),
        "offset=2&cursor=" + forged("d", None, 1),
    ],
)
def test_a_bad_cursor_is_a_400_naming_the_parameter(client, dated_news, query):
    response = client.get(f"/api/v3/news/?locale=ru&{query}")
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["parameter"] == "cursor"


def test_a_cursor_of_an_item_gone_since_still_walks_on(client, dated_news):
    """A cursor names a position, not a live item: unpublishing it does not break the walk."""
    first = client.get("/api/v3/news/?locale=ru&limit=1").json()
    assert first["items"][0]["id"] == dated_news.undated.pk
    NewsPage.objects.get(pk=dated_news.undated.pk).unpublish()
    response = client.get(f"/api/v3/news/?locale=ru&limit=100&cursor={first['next_cursor']}")
    assert response.status_code == 200
    rest = [item["id"] for item in response.json()["items"]]
    assert rest and dated_news.undated.pk not in rest
