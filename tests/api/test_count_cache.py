"""The news listing's count is kept per content generation under the listing's parameters
(``headless.pagination.parameters_name``): every page of the same matches shares one COUNT,
whatever its limit, offset or parameter order; other matches count on their own; a change of
the content counts again.
"""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from headless.pagination import parameters_name
from newsroom import api as newsroom_api
from tests.factories.newsroom import NewsPageFactory
from tests.factories.pages import publish

pytestmark = pytest.mark.django_db


def counts(client, url: str) -> tuple[int, int]:
    """(the answer's count, how many COUNT queries it took)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    made = sum("COUNT(" in query["sql"].upper() for query in queries.captured_queries)
    return json.loads(response.content)["count"], made


def test_every_page_of_the_same_matches_shares_one_count(client, site_content):
    first = counts(client, "/api/v3/news/?locale=ru&country=kz&country=kg&limit=1")
    assert first == (3, 1)
    assert counts(client, "/api/v3/news/?country=kg&limit=2&offset=1&locale=ru&country=kz") == (
        3,
        0,
    )


def test_other_matches_count_on_their_own(client, site_content):
    assert counts(client, "/api/v3/news/?locale=ru&country=kz") == (2, 1)
    assert counts(client, "/api/v3/news/?locale=ru&country=kg") == (2, 1)
    assert counts(client, "/api/v3/news/?locale=ru&country=kg&kind=event_report") == (1, 1)


def test_a_published_item_is_counted(client, site_content):
    assert counts(client, "/api/v3/news/?locale=ru&country=kz")[0] == 2
    publish(NewsPageFactory(parent=site_content.newsroom, countries=[site_content.kz]))
    assert counts(client, "/api/v3/news/?locale=ru&country=kz") == (3, 1)


def test_a_search_is_counted_by_its_statement(client, site_content, monkeypatch):
    """Search hits come from the index, which may change without the content generation
    moving: the same search parameters are no name for the same matches."""
    url = "/api/v3/news/?locale=ru&search=профилактике"
    found, _made = counts(client, url)
    assert found > 1
    monkeypatch.setattr(newsroom_api, "SEARCH_HIT_LIMIT", 1)  # fewer hits, same content
    assert counts(client, url) == (1, 1)


def test_the_name_leaves_out_the_page_and_the_order_of_parameters(rf):
    one = rf.get("/api/v3/news/", {"locale": "ru", "country": ["kz", "kg"], "limit": 5})
    other = rf.get("/api/v3/news/?offset=20&country=kg&locale=ru&country=kz")
    assert parameters_name(one) == parameters_name(other)
    assert parameters_name(one) != parameters_name(rf.get("/api/v3/news/?locale=ru&country=kg"))
    assert parameters_name(one) != parameters_name(rf.get("/api/v3/other/?locale=ru&country=kg"))
