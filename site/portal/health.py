"""Readiness: which of the parts the site uses answer right now.

``/healthz`` is liveness (the process answers; a load balancer or orchestrator restarts it
when it does not): it checks nothing else, because restarting workers cures no database
outage. ``/readyz`` is readiness: the database (without it nothing works), the cache (Redis
when configured), the search backend (Elasticsearch when configured, else the database)
and the task queue (its depth and the wait of its oldest task).
The site keeps serving without the cache or Elasticsearch, but an operator must see that it
does; the answer names each part's state and never a host, a port or an exception text
(those go to the log).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)

OK = "ok"
UNAVAILABLE = "unavailable"
#: Seconds an Elasticsearch ping may take before the cluster counts as unavailable.
SEARCH_PING_TIMEOUT = 2


def check_database() -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"state": OK, "backend": connection.vendor}


def check_cache() -> dict[str, str]:
    """Redis is asked itself (``ping``); any other backend must keep what it is given."""
    cache = caches[DEFAULT_CACHE_ALIAS]
    backend = "redis" if isinstance(cache, RedisCache) else type(cache).__name__
    ping = getattr(cache, "ping", None)
    if ping is not None:
        answers = ping()
    elif isinstance(cache, RedisCache):
        answers = bool(cache._cache.get_client(write=True).ping())
    else:
        cache.set("portal:readiness", OK, 10)
        answers = cache.get("portal:readiness") == OK
    return {"state": OK if answers else UNAVAILABLE, "backend": backend}


def check_search() -> dict[str, str]:
    """Every Elasticsearch cluster a backend points at must answer a ping; with none
    configured, search runs on the database, checked above."""
    clusters: dict[tuple[str, ...], str] = {}
    for alias, conf in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).items():
        urls = tuple(conf.get("URLS") or ())
        if urls:
            clusters.setdefault(urls, alias)
    if not clusters:
        return {"state": OK, "backend": "database"}
    kind = "elasticsearch"
    for alias in clusters.values():
        client = getattr(get_search_backend(alias), "es", None)
        if client is not None and not hasattr(client, "options"):  # the OpenSearch client
            kind = "opensearch"
            answers = client.ping(request_timeout=SEARCH_PING_TIMEOUT)
        else:
            answers = client is not None and client.options(
                request_timeout=SEARCH_PING_TIMEOUT
            ).ping()
        if not answers:
            return {"state": UNAVAILABLE, "backend": kind}
    return {"state": OK, "backend": kind}


def check_tasks() -> dict[str, str]:
    """The task queue answers, with its depth (tasks due and not started) and the wait of the
    oldest. A queue that drains slowly (no worker running) is reported, not a 503: web
    servers leaving the load balancer would not start a worker, and publishing does not need
    one (the outbox keeps what it must send)."""
    from portal import task_queue

    return {"state": OK, **task_queue.stats()}


CHECKS: dict[str, Callable[[], dict[str, str]]] = {
    "database": check_database,
    "cache": check_cache,
    "search": check_search,
    "tasks": check_tasks,
}


def readiness() -> dict[str, dict[str, str]]:
    """Each part's state; a check that raises reports its part unavailable (and logs why)."""
    parts = {}
    for name, check in CHECKS.items():
        try:
            parts[name] = check()
        except Exception:
            logger.warning("Readiness check %r failed", name, exc_info=True)
            parts[name] = {"state": UNAVAILABLE}
    return parts
