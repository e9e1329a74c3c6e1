"""The Elasticsearch path, tested without a server: per-language index settings, the
documents each locale index accepts, the request body (locale filter, facets), and the
fallback to the database backend when the cluster is unreachable or answers errors."""

from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from newsroom.models import NewsPage
from search.backends.elasticsearch import (
    build_search_body,
    is_public_page_of,
    parse_facets,
)
from search.services import FACETS, autocomplete, run_search
from search.services import elasticsearch as es_service
from tests.factories.newsroom import NewsPageFactory
from tests.search.conftest import publish

pytestmark = pytest.mark.django_db


def es_backends(url: str) -> dict:
    backends = {"default": settings.WAGTAILSEARCH_BACKENDS["default"]}
    for code, _name in settings.LANGUAGES:
        backends[f"elasticsearch_{code}"] = {
            "BACKEND": "search.backends.elasticsearch",
            "LANGUAGE": code,
            "URLS": [url],
            "INDEX_PREFIX": f"newsroom_{code}__",
            "TIMEOUT": 2,
            "OPTIONS": {"max_retries": 0},
        }
    return backends


UNREACHABLE = es_backends("http://127.0.0.1:9")


@pytest.fixture(autouse=True)
def fresh_breaker():
    es_service.breaker.failed_at = None
    yield
    es_service.breaker.failed_at = None


@override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE)
@pytest.mark.parametrize(
    ("language", "stemmer", "stop"),
    [("ru", "russian", "_russian_"), ("en", "english", "_english_"), ("kk", None, None)],
)
def test_each_locale_index_is_analysed_by_its_language(language, stemmer, stop):
    backend = get_search_backend(f"elasticsearch_{language}")
    assert backend.get_index_for_model(NewsPage).name == f"newsroom_{language}__wagtailcore_page"
    analysis = backend.settings["settings"]["analysis"]
    default = analysis["analyzer"]["default"]
    assert analysis["analyzer"][f"{language}_text"] == default
    filters = {name: analysis["filter"].get(name) for name in default["filter"]}
    stemmers = [f["language"] for f in filters.values() if f and f["type"] == "stemmer"]
    stops = [f["stopwords"] for f in filters.values() if f and f["type"] == "stop"]
    assert (stemmers[-1] if stemmers else None) == stemmer
    assert (stops[0] if stops else None) == stop
    # Wagtail's own autocomplete analysers are still there
    assert "edgengram_analyzer" in analysis["analyzer"]


@override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE)
def test_mapping_analyses_text_with_the_index_default_and_keeps_facet_fields():
    backend = get_search_backend("elasticsearch_ru")
    properties = backend.mapping_class(NewsPage).get_mapping()["properties"]
    text = {k: v for k, v in properties.items() if v.get("type") == "text"}
    assert "title" in text and "newsroom_newspage__standfirst" in text
    assert "newsroom_newspage__body" in text
    # no explicit analyser: the locale index's default (the language analyser) applies
    assert all("analyzer" not in v for k, v in text.items() if "edgengrams" not in k)
    for name in ("countries", "themes", "kind", "publication_date"):
        assert f"newsroom_newspage__{name}_filter" in properties
    assert properties["locale_id_filter"]["type"] == "integer"


def test_a_locale_index_accepts_only_public_pages_of_its_locale(content):
    assert is_public_page_of(content["ru_press"], "ru")
    assert not is_public_page_of(content["ru_press"], "en")
    assert is_public_page_of(content["en_press"], "en")
    assert not is_public_page_of(content["draft"], "ru")
    assert not is_public_page_of(content["private"], "ru")
    assert not is_public_page_of(content["scheduled"], "ru")
    assert not is_public_page_of(content["alias"], "en")


def _walk(node):
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


@override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE)
def test_query_body_carries_locale_filter_facets_and_selections(content):
    backend = get_search_backend("elasticsearch_ru")
    ru = Locale.objects.get(language_code="ru")
    body = build_search_body(
        backend,
        terms=["наркотик"],
        locale=ru,
        filters={"country": ["kz"], "kind": ["press_release"]},
    )
    nodes = list(_walk(body["query"]))
    assert {"term": {"locale_id_filter": ru.pk}} in nodes
    assert {"term": {"live_filter": True}} in nodes
    assert any("наркотик" in json.dumps(n, ensure_ascii=False) for n in nodes if "match" in str(n))
    assert set(body["aggs"]) == set(FACETS)
    kz = content["ru_press"].countries.get().pk
    post = json.dumps(body["post_filter"])
    assert f'"newsroom_newspage__countries_filter": [{kz}]' in post
    assert '"newsroom_newspage__kind_filter": ["press_release"]' in post
    # each facet's aggregation applies the other selections, not its own
    country_agg = json.dumps(body["aggs"]["country"]["filter"])
    assert "countries_filter" not in country_agg and "kind_filter" in country_agg
    kind_agg = json.dumps(body["aggs"]["kind"]["filter"])
    assert "countries_filter" in kind_agg and "kind_filter" not in kind_agg
    year = body["aggs"]["year"]["aggs"].values()
    assert any(a.get("date_histogram", {}).get("calendar_interval") == "year" for a in year)


@override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE)
def test_aggregations_become_labelled_facets(content):
    backend = get_search_backend("elasticsearch_en")
    body = build_search_body(
        backend, terms=[], locale=Locale.objects.get(language_code="en"), filters={}
    )
    kz = content["en_press"].countries.get()
    prevention = content["en_press"].themes.get()
    aggregations = {name: {} for name in body["aggs"]}
    aggregations["content_type"] = {
        "values": {
            "buckets": [
                {"key": "wagtailcore.Page", "doc_count": 3},
                {"key": "newsroom.NewsPage", "doc_count": 2},
            ]
        }
    }
    for name, key in (("country", str(kz.pk)), ("theme", prevention.pk), ("kind", "press_release")):
        first = next(iter(body["aggs"][name]["aggs"]))
        aggregations[name] = {first: {"buckets": [{"key": key, "doc_count": 2}]}}
    year = next(iter(body["aggs"]["year"]["aggs"]))
    aggregations["year"] = {
        year: {"buckets": [{"key": 1, "key_as_string": "2022", "doc_count": 2}]}
    }
    facets = parse_facets(
        backend, {"aggregations": aggregations}, filters={"kind": ["press_release"]}, language="en"
    )
    as_tuples = {n: [(f.value, f.label, f.count, f.selected) for f in v] for n, v in facets.items()}
    assert as_tuples["content_type"] == [("newsroom.newspage", "News items", 2, False)]
    assert as_tuples["country"] == [("kz", "Kazakhstan", 2, False)]
    assert as_tuples["theme"] == [("prevention", "Prevention", 2, False)]
    assert as_tuples["kind"] == [("press_release", "Press release", 2, True)]
    assert as_tuples["year"] == [("2022", "2022", 2, False)]


def test_unreachable_elasticsearch_falls_back_to_the_database_with_one_warning(content, caplog):
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE, SEARCH_ELASTICSEARCH_RETRY_AFTER=0):
        with caplog.at_level(logging.WARNING, logger="search.services"):
            first = run_search("Семинар", language="ru")
            second = run_search("Семинар", language="ru", filters={"country": ["kz"]})
            completions = autocomplete("Семи", language="ru")
    assert first.backend == second.backend == "database"
    assert [h.page.title for h in first.results] == ["Семинар в Алматы"]
    assert [h.page.title for h in second.results] == ["Семинар в Алматы"]
    assert [c["title"] for c in completions] == ["Семинар в Алматы"]
    warnings = [r for r in caplog.records if r.name == "search.services"]
    assert len(warnings) == 1
    assert "answering from the database" in warnings[0].getMessage()


def test_a_failed_cluster_is_not_asked_again_until_the_retry_delay(content):
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE, SEARCH_ELASTICSEARCH_RETRY_AFTER=60):
        run_search("Семинар", language="ru")
        assert es_service.breaker.open()
        assert es_service.elasticsearch_search("ru", ["x"], None, {}, 0, 10) is None


class ErrorHandler(BaseHTTPRequestHandler):
    """A cluster that answers every request with an error."""

    def do_GET(self):
        self.answer()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_GET

    def answer(self):
        body = json.dumps({"error": {"type": "cluster_block_exception"}, "status": 503}).encode()
        self.send_response(503)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def failing_cluster():
    server = ThreadingHTTPServer(("127.0.0.1", 0), ErrorHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_cluster_answering_errors_falls_back_too(content, failing_cluster, client):
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends(failing_cluster)):
        results = run_search("Семинар", language="ru")
        response = client.get("/ru/search/", {"q": "Семинар"})
    assert results.backend == "database"
    assert [h.page.title for h in results.results] == ["Семинар в Алматы"]
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>Семинар</mark> в Алматы" in html
    assert "Elasticsearch" not in html  # nothing alarming for the reader


def test_publishing_never_fails_when_elasticsearch_is_down(content, failing_cluster):
    for n, backends in enumerate((UNREACHABLE, es_backends(failing_cluster))):
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            page = NewsPageFactory(
                parent=content["ru_news"], title="Срочное сообщение", slug=f"u{n}", live=False
            )
            publish(page)
            page.unpublish()
            publish(page)
            Page.objects.get(pk=page.pk).delete()
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE):
        page = publish(
            NewsPageFactory(parent=content["ru_news"], title="Срочное сообщение", slug="urgent")
        )
        assert [h.page.pk for h in run_search("срочное", language="ru").results] == [page.pk]
