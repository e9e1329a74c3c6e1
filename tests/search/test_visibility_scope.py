"""Search holds to the one visibility rule on both backends: the database backend is handed
the visible pages (``scope.scoped``); an Elasticsearch locale index, which holds the pages that
were public when saved, gets what the clock hides since (embargo, expiry) as a ``must_not``
in the search and autocomplete request bodies. Tested without a cluster."""

from __future__ import annotations

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search.backends.elasticsearch import build_search_body, indexed_visible_pages
from search.services import autocomplete, run_search
from tests.factories.newsroom import NewsPageFactory
from tests.search.conftest import publish
from tests.search.test_elasticsearch import UNREACHABLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def clocked(content):
    """An embargoed and an expired item with the word of a visible one ("Семинар")."""
    now = timezone.now()
    embargoed = publish(
        NewsPageFactory(
            parent=content["ru_news"],
            title="Семинар под эмбарго",
            slug="embargoed",
            publication_date=now + datetime.timedelta(days=5),
        )
    )
    expired = publish(
        NewsPageFactory(parent=content["ru_news"], title="Семинар прошлый", slug="expired")
    )
    Page.objects.filter(pk=expired.pk).update(expire_at=now - datetime.timedelta(minutes=1))
    return {**content, "embargoed": embargoed, "expired": expired}


def must_not_ids(node) -> set[int]:
    """Page ids under every ``must_not`` ``terms`` filter on ``id`` in an ES request body."""
    found: set[int] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "must_not":
                for clause in value if isinstance(value, list) else [value]:
                    for column, ids in clause.get("terms", {}).items():
                        if column.startswith("id"):
                            found.update(ids)
            found |= must_not_ids(value)
    elif isinstance(node, list):
        for value in node:
            found |= must_not_ids(value)
    return found


@override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE)
def test_elasticsearch_search_body_leaves_out_what_the_clock_hides(clocked):
    backend = get_search_backend("elasticsearch_ru")
    ru = Locale.objects.get(language_code="ru")
    body = build_search_body(backend, terms=["семинар"], locale=ru, filters={})
    hidden = must_not_ids(body["query"])
    assert {clocked["embargoed"].pk, clocked["expired"].pk} <= hidden
    assert clocked["ru_press"].pk not in hidden


@override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE)
def test_elasticsearch_autocomplete_body_leaves_out_what_the_clock_hides(clocked):
    backend = get_search_backend("elasticsearch_ru")
    ru = Locale.objects.get(language_code="ru")
    results = backend.autocomplete("Семи", indexed_visible_pages(ru))
    hidden = must_not_ids(results.query_compiler.get_query())
    assert {clocked["embargoed"].pk, clocked["expired"].pk} <= hidden


def test_database_search_and_autocomplete_leave_out_what_the_clock_hides(clocked):
    found = run_search("Семинар", language="ru", log=False)
    assert [hit.page.title for hit in found.results] == ["Семинар в Алматы"]
    assert found.total == 1
    assert [c["title"] for c in autocomplete("Семи", language="ru")] == ["Семинар в Алматы"]
