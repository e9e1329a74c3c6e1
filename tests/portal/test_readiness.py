"""Liveness and readiness are separate: /healthz only says the process answers; /readyz asks
the database, the cache and the search backend and names whichever does not answer."""

from __future__ import annotations

import os

import pytest
from django.db import connection
from django.test import override_settings

from tests.services import REDIS_TEST_URL, free_port, real_redis

pytestmark = pytest.mark.django_db


def elasticsearch_backends(url: str) -> dict:
    return {
        "default": {"BACKEND": "search.backends.database"},
        "elasticsearch_ru": {
            "BACKEND": "search.backends.elasticsearch",
            "LANGUAGE": "ru",
            "URLS": [url],
            "INDEX_PREFIX": "readiness_ru__",
            "TIMEOUT": 2,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        },
    }


def test_healthz_is_liveness_only(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_with_the_quick_start_parts(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "parts": {
            "database": {"state": "ok", "backend": connection.vendor},
            "cache": {"state": "ok", "backend": "LocMemCache"},
            "search": {"state": "ok", "backend": "database"},
            "tasks": {"state": "ok", "backend": "database", "queued": "0", "oldest_wait": "0.0"},
        },
    }
    assert "no-cache" in response["Cache-Control"]


def test_readyz_reports_the_depth_of_the_database_queue(client):
    from portal.webhooks.delivery import deliver_task

    database_queue = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=database_queue):
        for number in range(3):
            deliver_task.enqueue(f"delivery-{number}")
    tasks = client.get("/readyz").json()["parts"]["tasks"]
    assert (tasks["state"], tasks["backend"], tasks["queued"]) == ("ok", "database", "3")
    assert float(tasks["oldest_wait"]) >= 0


def test_readyz_names_an_unreachable_rq_queue_and_its_return(client):
    real_redis()
    closed = {"default": {"URL": f"redis://127.0.0.1:{free_port()}/0"}}
    with override_settings(TASK_BACKEND="rq", RQ_QUEUES=closed):
        response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["broken"] == ["tasks"]
    assert body["parts"]["tasks"] == {"state": "unavailable"}
    assert "127.0.0.1" not in response.content.decode()
    with override_settings(TASK_BACKEND="rq", RQ_QUEUES={"default": {"URL": REDIS_TEST_URL}}):
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["parts"]["tasks"]["backend"] == "rq"


def test_readyz_asks_redis(client):
    real_redis()
    caches = {
        "default": {"BACKEND": "portal.cache.ResilientRedisCache", "LOCATION": REDIS_TEST_URL}
    }
    with override_settings(CACHES=caches):
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["parts"]["cache"] == {"state": "ok", "backend": "redis"}


def test_readyz_names_an_unreachable_search_cluster(client):
    port = free_port()
    with override_settings(
        WAGTAILSEARCH_BACKENDS=elasticsearch_backends(f"http://127.0.0.1:{port}")
    ):
        response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["broken"] == ["search"]
    assert body["parts"]["search"] == {"state": "unavailable", "backend": "elasticsearch"}
    assert str(port) not in response.content.decode()


@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs ELASTICSEARCH_URL")
def test_readyz_with_a_live_search_cluster(client):
    backends = elasticsearch_backends(os.environ["ELASTICSEARCH_URL"])
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["parts"]["search"] == {"state": "ok", "backend": "elasticsearch"}
