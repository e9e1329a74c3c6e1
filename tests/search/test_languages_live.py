"""The word-form table of tests/search/test_languages.py (query -> expected titles, seven
locales) against a live Elasticsearch 8 or OpenSearch: the per-locale indexes and their
analysers (search.backends.analysers) must find what the database backends find.

Skipped unless ELASTICSEARCH_URL or OPENSEARCH_URL points to a server (the settings then add
the per-locale backends); tests/search/test_server_analysis.py runs the same table on the
analysers without a server.
"""

from __future__ import annotations

import io
import os

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.services import elasticsearch as es_service
from search.services import run_search
from tests.search.test_languages import FORMS, LANGUAGES, multilingual  # noqa: F401 (a layer)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (os.environ.get("ELASTICSEARCH_URL") or os.environ.get("OPENSEARCH_URL")),
        reason="needs ELASTICSEARCH_URL (or OPENSEARCH_URL) pointing to a live server",
    ),
]


@pytest.fixture(autouse=True)
def fresh_breaker():
    es_service.breaker.failed_at = None
    yield
    es_service.breaker.failed_at = None


def index(language: str) -> None:
    """Fill ``language``'s index with the layer's pages and make them searchable now."""
    alias = es_service.elasticsearch_alias(language)
    assert alias, f"no search server backend for {language}"
    call_command("rebuild_search_index", "--backend", alias, stdout=io.StringIO())
    get_search_backend(alias).get_index_for_model(Page).refresh()


def titles(query: str, language: str) -> set[str]:
    results = run_search(query, language=language, log=False)
    assert results.backend == "elasticsearch"
    return {hit.page.title for hit in results.results}


@pytest.mark.parametrize(("language", "query", "expected"), FORMS)
@pytest.mark.usefixtures("multilingual")
def test_a_form_of_the_word_finds_the_page_on_the_server(language, query, expected):
    index(language)
    assert titles(query, language) == expected


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.usefixtures("multilingual")
def test_an_unrelated_word_finds_nothing_on_the_server(language):
    index(language)
    assert titles("zzxqy", language) == set()
