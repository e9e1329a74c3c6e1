"""Per-client rate limits on search and the API: 429 with Retry-After (problem JSON on the
API, a page on the site search), counted per address on the shared cache, and never a
refusal because the cache is down."""

from __future__ import annotations

import json
import logging
import socket
import uuid

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.test import Client, override_settings

from portal.security import ratelimit
from portal.security.clients import client_ip

REDIS_URL = "redis://127.0.0.1:6379/10"


COUNTER_CACHES = {
    # Django's local memory: add, get and incr.
    "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # The site's Redis cache: one script per request (portal.cache.WINDOW_SCRIPT).
    "redis": {"BACKEND": "portal.cache.ResilientRedisCache", "LOCATION": REDIS_URL},
}


@pytest.fixture(autouse=True, params=sorted(COUNTER_CACHES))
def _fresh_counters(request, settings):
    """Every test on both kinds of counters; counters live in the cache across tests, so
    each test counts under its own prefix."""
    unique = f"limits-{uuid.uuid4()}"
    settings.CACHES = {"default": {"LOCATION": unique, **COUNTER_CACHES[request.param]}}
    settings.CACHES["default"]["KEY_PREFIX"] = unique
    return request.param


def client_at(ip: str) -> Client:
    return Client(REMOTE_ADDR=ip)


def test_api_answers_429_problem_json_over_the_limit(homes, settings):
    settings.RATE_LIMITS = {"api": (3, 60)}
    reader = client_at("203.0.113.5")
    for _ in range(3):
        assert reader.get("/api/v3/pages/").status_code == 200
    response = reader.get("/api/v3/pages/")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert body["status"] == 429 and body["title"] == "Too Many Requests"
    assert "retry" in body["detail"]
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response["Cache-Control"] == "no-store"
    # Another client is counted apart.
    assert client_at("198.51.100.7").get("/api/v3/pages/").status_code == 200


def test_every_api_operation_declares_the_429(homes):
    """The contract says what the limiter does: every operation lists 429 with Retry-After,
    answered as problem JSON."""
    document = json.loads(Client().get("/api/v3/openapi.json").content)
    operations = [
        (path, method, operation)
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    ]
    assert operations
    for path, method, operation in operations:
        declared = operation["responses"].get("429")
        assert declared, f"{method.upper()} {path} does not declare 429"
        assert "Retry-After" in declared["headers"]
        assert "application/problem+json" in declared["content"]


def test_site_search_answers_a_429_page(homes, settings):
    settings.RATE_LIMITS = {"search": (2, 60)}
    reader = client_at("203.0.113.5")
    assert reader.get("/ru/search/", {"q": "семинар"}).status_code == 200
    assert reader.get("/en/search/", {"q": "seminar"}).status_code == 200
    response = reader.get("/ru/search/", {"q": "семинар"})
    assert response.status_code == 429
    assert response["Content-Type"].startswith("text/html")
    assert "Слишком много запросов" in response.content.decode()
    assert int(response["Retry-After"]) >= 1
    # The rest of the site is not a search: still served.
    assert reader.get("/ru/").status_code == 200


def test_a_search_answered_from_the_page_cache_still_counts(homes, settings):
    """The page cache answers before any view: the limiter counts in front of it."""
    settings.PAGE_CACHE_SECONDS = 300
    settings.RATE_LIMITS = {"search": (2, 60)}
    reader = client_at("203.0.113.5")
    assert reader.get("/ru/").status_code == 200  # the first view of a fresh site moves its clock
    first = reader.get("/ru/search/", {"q": "семинар"})
    assert first.status_code == 200
    again = reader.get("/ru/search/", {"q": "семинар"})
    assert again.status_code == 200 and again["X-Cache"] == "hit"
    refused = reader.get("/ru/search/", {"q": "семинар"})
    assert refused.status_code == 429
    assert "Слишком много запросов" in refused.content.decode()
    # Pages that are not a search are served from the same cache without counting.
    assert all(reader.get("/ru/").status_code == 200 for _ in range(4))


def test_windows_open_at_the_first_request_not_at_a_clock_boundary():
    """A burst across a minute boundary stays in one window (fixed windows aligned to the
    clock would count it as two half-bursts)."""
    assert ratelimit.retry_after("b", "c", 2, 60, now=59.0) is None
    assert ratelimit.retry_after("b", "c", 2, 60, now=60.5) is None
    assert ratelimit.retry_after("b", "c", 2, 60, now=61.0) == 58
    assert ratelimit.retry_after("b", "c", 2, 60, now=119.0) is None  # the next window


def test_autocomplete_counts_as_search_and_answers_json(homes, settings):
    settings.RATE_LIMITS = {"search": (1, 60)}
    reader = client_at("203.0.113.5")
    assert reader.get("/ru/search/autocomplete/", {"q": "сем"}).status_code == 200
    response = reader.get("/ru/search/autocomplete/", {"q": "сем"})
    assert response.status_code == 429
    assert "error" in json.loads(response.content)


def test_api_searches_count_against_the_search_limit(homes, settings):
    settings.RATE_LIMITS = {"search": (2, 60), "api": (100, 60)}
    reader = client_at("203.0.113.5")
    assert reader.get("/api/v3/search/", {"q": "x"}).status_code != 429
    assert reader.get("/api/v3/pages/", {"search": "x"}).status_code != 429
    assert reader.get("/api/v3/pages/", {"search": "x"}).status_code == 429
    # Listing without a search is only an API request.
    assert reader.get("/api/v3/pages/").status_code == 200


def test_a_zero_limit_turns_the_scope_off(homes, settings):
    settings.RATE_LIMITS = {"api": (0, 60)}
    reader = client_at("203.0.113.5")
    assert all(reader.get("/api/v3/pages/").status_code == 200 for _ in range(5))


@pytest.mark.parametrize("_fresh_counters", ["redis"], indirect=True)  # the script is Redis's
def test_on_the_sites_redis_cache_a_request_is_counted_in_one_round_trip(monkeypatch):
    ratelimit.retry_after("api", "203.0.113.8", 2, 60, now=400.0)  # the script loaded
    commands = []
    client = caches["default"]._cache.get_client(write=True)
    execute = client.execute_command

    def counted(*args, **options):
        commands.append(args[0])
        return execute(*args, **options)

    monkeypatch.setattr(client, "execute_command", counted)
    results = [ratelimit.retry_after("api", "203.0.113.9", 2, 60, now=500.0 + n) for n in range(3)]
    assert results == [None, None, 58]
    assert len(commands) == 3 and all(c.startswith("EVAL") for c in commands), commands


@pytest.mark.parametrize("_fresh_counters", ["redis"], indirect=True)
def test_our_redis_cache_down_lets_requests_through(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }
    assert all(ratelimit.retry_after("api", "c", 1, 60) is None for _ in range(3))


def test_window_arithmetic():
    assert ratelimit.retry_after("t", "c", 1, 60, now=120.0) is None
    assert ratelimit.retry_after("t", "c", 1, 60, now=150.2) == 30  # 2nd in 120..180
    assert ratelimit.retry_after("t", "c", 1, 60, now=180.0) is None  # a new window


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_broken_cache_lets_requests_through_and_logs_once(monkeypatch, caplog):
    down = RedisCache(f"redis://127.0.0.1:{closed_port()}/0", {})
    monkeypatch.setattr(ratelimit, "cache", down)
    monkeypatch.setattr(ratelimit, "_last_failure_logged", 0.0)
    caplog.set_level(logging.WARNING, logger="portal.security.ratelimit")
    assert all(ratelimit.retry_after("api", "c", 1, 60) is None for _ in range(3))
    failures = [r for r in caplog.records if "cache failed" in r.getMessage()]
    assert len(failures) == 1
    assert "127.0.0.1" not in failures[0].getMessage()


def test_counters_on_redis_are_shared_by_every_worker(monkeypatch):
    """Two cache clients stand for two worker processes: one client's requests add up."""
    prefix = f"limits-{uuid.uuid4()}"
    workers = [RedisCache(REDIS_URL, {"KEY_PREFIX": prefix}) for _ in range(2)]
    try:
        workers[0].get("probe")
    except Exception as error:
        pytest.fail(f"Redis is not reachable at {REDIS_URL}: {error}", pytrace=False)
    results = []
    for n in range(4):
        monkeypatch.setattr(ratelimit, "cache", workers[n % 2])
        results.append(ratelimit.retry_after("api", "203.0.113.5", 3, 60, now=1000.0))
    assert results[:3] == [None, None, None] and results[3] == 60
    workers[0].clear()


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_client_address_behind_one_proxy(rf):
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5")
    assert client_ip(request) == "203.0.113.5"  # the hop the proxy added, not the forged one


def test_client_address_without_trusted_proxies_ignores_forwarded_for(rf):
    request = rf.get("/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "203.0.113.5"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_client_address_with_too_few_hops_or_garbage(rf):
    assert client_ip(rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="9.9.9.9")) == (
        "10.0.0.2"
    )
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="nonsense, 10.0.0.1")
    assert client_ip(request) == "10.0.0.2"
