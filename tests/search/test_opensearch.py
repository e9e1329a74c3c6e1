"""OpenSearch (Wagtail's opensearch3 backend; opensearch2 by VERSION) with the same indexes,
facets and database fallback as Elasticsearch, tested without an OpenSearch server: the
analysers, the request the faceted search sends (to a local HTTP endpoint that records it),
the fallback, readiness, and index updates that are queued and replayed when it returns."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from newsroom.models import NewsPage
from search.backends.elasticsearch import build_search_body, search_with_facets
from search.backends.opensearch import LocaleOpenSearch2Backend, LocaleOpenSearch3Backend
from search.services import elasticsearch as es_service
from search.services import run_search
from tests.factories.newsroom import NewsPageFactory
from tests.search.conftest import publish
from tests.search.test_elasticsearch import es_backends

pytestmark = pytest.mark.django_db


def os_backends(url: str, version: int = 3) -> dict:
    backends = {"default": settings.WAGTAILSEARCH_BACKENDS["default"]}
    for code, _name in settings.LANGUAGES:
        backends[f"opensearch_{code}"] = {
            "BACKEND": "search.backends.opensearch",
            "VERSION": version,
            "LANGUAGE": code,
            "URLS": [url],
            "INDEX_PREFIX": f"newsroom_{code}__",
            "TIMEOUT": 2,
            "OPTIONS": {"max_retries": 0},
            "AUTO_UPDATE": False,
        }
    return backends


UNREACHABLE = os_backends("http://127.0.0.1:9")


@pytest.fixture(autouse=True)
def fresh_breaker():
    es_service.breaker.failed_at = None
    yield
    es_service.breaker.failed_at = None


class Cluster:
    """A local endpoint speaking enough OpenSearch: records every request, answers searches
    with ``hits``; while ``down``, answers 503."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict | None]] = []
        self.down = False
        self.hits: list[int] = []
        cluster = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                lines = [json.loads(line) for line in raw.splitlines() if line.strip()]
                body = lines[0] if len(lines) == 1 else (lines or None)
                cluster.requests.append((self.command, self.path, body))
                if cluster.down:
                    return self.answer(503, {"error": "unavailable", "status": 503})
                if self.path.split("?")[0].endswith("/_search"):
                    hits = [{"_id": str(pk), "fields": {"pk": [str(pk)]}} for pk in cluster.hits]
                    answer = {"hits": {"total": {"value": len(hits)}, "hits": hits}}
                    return self.answer(200, {**answer, "aggregations": {}})
                if self.path.split("?")[0].endswith("/_bulk"):
                    return self.answer(200, {"errors": False, "items": []})
                return self.answer(200, {"result": "created", "acknowledged": True})

            do_POST = do_PUT = do_DELETE = do_HEAD = do_GET

            def answer(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def cluster():
    c = Cluster()
    yield c
    c.close()


@override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE)
@pytest.mark.parametrize(
    ("language", "stemmer"), [("ru", "russian"), ("en", "english"), ("kk", None)]
)
def test_each_locale_index_is_analysed_by_its_language(language, stemmer):
    backend = get_search_backend(f"opensearch_{language}")
    assert isinstance(backend, LocaleOpenSearch3Backend)
    assert backend.get_index_for_model(NewsPage).name == f"newsroom_{language}__wagtailcore_page"
    analysis = backend.settings["settings"]["analysis"]
    default = analysis["analyzer"]["default"]
    filters = [analysis["filter"].get(name) for name in default["filter"]]
    stemmers = [f["language"] for f in filters if f and f["type"] == "stemmer"]
    assert (stemmers[-1] if stemmers else None) == stemmer
    assert "edgengram_analyzer" in analysis["analyzer"]


def test_opensearch_2_is_chosen_by_version():
    with override_settings(WAGTAILSEARCH_BACKENDS=os_backends("http://127.0.0.1:9", version=2)):
        assert isinstance(get_search_backend("opensearch_ru"), LocaleOpenSearch2Backend)


def test_the_query_body_is_the_elasticsearch_one(content):
    ru = Locale.objects.get(language_code="ru")
    question = {"terms": ["наркотик"], "locale": ru, "filters": {"country": ["kz"]}}
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE):
        ours = build_search_body(get_search_backend("opensearch_ru"), **question)
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends("http://127.0.0.1:9")):
        theirs = build_search_body(get_search_backend("elasticsearch_ru"), **question)
    assert ours == theirs


def test_the_faceted_search_request_sent_to_opensearch(content, cluster):
    ru = Locale.objects.get(language_code="ru")
    press = content["ru_press"]
    cluster.hits = [press.pk]
    with override_settings(WAGTAILSEARCH_BACKENDS=os_backends(cluster.url)):
        backend = get_search_backend("opensearch_ru")
        body = build_search_body(backend, terms=["семинар"], locale=ru, filters={})
        pks, total, facets = search_with_facets(
            backend, terms=["семинар"], locale=ru, filters={}, start=10, size=5, language="ru"
        )
    assert (pks, total) == ([press.pk], 1)
    (method, path, sent), *_ = [r for r in cluster.requests if "_search" in r[1]]
    assert method == "POST" and path.startswith("/newsroom_ru__wagtailcore_page/_search")
    assert sent["query"] == body["query"] and sent["aggs"] == body["aggs"]
    assert (sent["from"], sent["size"], sent["_source"]) == (10, 5, False)
    assert sent["stored_fields"] == ["pk"] and sent["track_total_hits"] is True
    assert set(facets) == set(body["aggs"])


def test_unreachable_opensearch_falls_back_to_the_database(content, client):
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE, SEARCH_ELASTICSEARCH_RETRY_AFTER=0):
        results = run_search("Семинар", language="ru")
        ready = client.get("/readyz")
    assert results.backend == "database"
    assert [h.page.title for h in results.results] == ["Семинар в Алматы"]
    assert ready.status_code == 503
    assert ready.json()["parts"]["search"] == {"state": "unavailable", "backend": "opensearch"}


def run_queued_tasks() -> int:
    """Run what the database queue holds that is due, as a worker would; how many ran."""
    ran = 0
    while (row := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
        result = row.task_result
        row.delete()
        row.task.call(*result.args, **result.kwargs)
        ran += 1
    return ran


def test_updates_made_while_opensearch_is_down_are_replayed(
    content, cluster, django_capture_on_commit_callbacks
):
    database_queue = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    cluster.down = True
    with override_settings(
        WAGTAILSEARCH_BACKENDS=os_backends(cluster.url),
        TASKS=database_queue,
        SEARCH_INDEX_RETRY_DELAYS=[60, 120],
    ):
        page = NewsPageFactory(parent=content["ru_news"], title="Срочно", slug="os", live=False)
        with django_capture_on_commit_callbacks(execute=True):
            publish(page)  # succeeds, the server being down
        assert NewsPage.objects.get(pk=page.pk).live
        assert run_queued_tasks() >= 1  # tried, failed, queued again
        failed = [r for r in cluster.requests if f"{page.pk}" in json.dumps(r[2] or {})]
        assert failed, "the update was not even tried"
        retries = DBTaskResult.objects.filter(task_path__endswith="update_external_index")
        assert retries and all(r.run_after > timezone.now() for r in retries)  # backing off
        assert run_queued_tasks() == 0
        cluster.down = False
        cluster.requests.clear()
        DBTaskResult.objects.update(run_after=timezone.now())  # a minute later
        assert run_queued_tasks() == len(retries)
    written = [
        r for r in cluster.requests
        if r[0] in ("PUT", "POST") and "Срочно" in json.dumps(r[2] or {}, ensure_ascii=False)
    ]
    assert written and "/newsroom_ru__wagtailcore_page/" in written[0][1]
    assert not DBTaskResult.objects.exists()
