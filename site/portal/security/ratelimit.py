"""Per-client request limits on search and the API: 429 with Retry-After.

A fixed window on Django's cache: one counter per scope, client and window, created with
``add`` and raised with ``incr`` (both atomic on Redis and in local memory). With Redis every
worker shares the counters; with the local-memory cache each process counts on its own, so
the limit is per process, which still stops one client from monopolising a worker.

The limits protect the site, they are not worth an outage: when the cache fails the request
goes through, and the failure is logged at most once a minute.

Scopes (``settings.RATE_LIMITS``: scope -> (requests, window seconds); 0 requests = off):

- ``api``: every request under /api/;
- ``search``: the search page and its autocomplete, /api/v3/search/, and any API request
  with a ``search`` parameter (news, Wagtail's pages/images/documents). An API search counts
  against both.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext

from headless.errors import problem
from headless.messages import retry_in
from portal.security.clients import client_ip

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
API_SEARCH_PREFIX = "/api/v3/search/"
SEARCH_NAMESPACE = "search"
FAILURE_LOG_INTERVAL = 60.0

_last_failure_logged = 0.0


def _log_cache_failure(error: Exception) -> None:
    global _last_failure_logged
    now = time.monotonic()
    if now - _last_failure_logged >= FAILURE_LOG_INTERVAL:
        _last_failure_logged = now
        logger.warning("Rate limits not applied, the cache failed: %s", type(error).__name__)


def retry_after(
    scope: str, client: str, limit: int, window: int, now: float | None = None
) -> int | None:
    """Count one request of ``client`` in ``scope``.

    Returns the seconds until the current window ends when this request is over ``limit``,
    otherwise None (also when the cache fails).
    """
    now = time.time() if now is None else now
    start = int(now // window) * window
    key = f"ratelimit:{scope}:{client}:{start}"
    try:
        cache.add(key, 0, timeout=window + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window + 1)
            count = 1
    except Exception as error:  # a broken cache must not refuse readers
        _log_cache_failure(error)
        return None
    if count is None or count <= limit:  # a fail-safe cache may answer None
        return None
    if count == limit + 1:  # once per client and window, not per refused request
        logger.warning("Rate limit %r reached by %s (%d per %d s)", scope, client, limit, window)
    return max(1, math.ceil(start + window - now))


def request_scopes(request: HttpRequest) -> list[str]:
    """The limits this request counts against (empty for the rest of the site)."""
    scopes = []
    resolver_match = getattr(request, "resolver_match", None)
    if request.path.startswith(API_PREFIX):
        scopes.append("api")
        if request.path.startswith(API_SEARCH_PREFIX) or "search" in request.GET:
            scopes.append("search")
    elif resolver_match is not None and resolver_match.namespace == SEARCH_NAMESPACE:
        scopes.append("search")
    return scopes


def too_many_requests(request: HttpRequest, seconds: int) -> HttpResponse:
    """429 in the shape the client reads: problem JSON, the autocomplete's JSON, or a page."""
    if request.path.startswith(API_PREFIX):
        response = problem(429, retry_in(seconds), request=request)
    elif getattr(request.resolver_match, "url_name", "") == "autocomplete":
        response = JsonResponse({"error": gettext("Too many requests, please wait.")}, status=429)
    else:
        context = {"retry_after": seconds}
        response = HttpResponse(loader.render_to_string("429.html", context, request), status=429)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


class RateLimitMiddleware:
    """Answers 429 once a client is over a limit of its request's scopes.

    Runs in ``process_view`` because the site search is known by its URL name (under every
    language prefix), which only the resolver knows.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view, args, kwargs) -> HttpResponse | None:
        if request.method == "OPTIONS":
            return None
        limits: dict[str, tuple[int, int]] = getattr(settings, "RATE_LIMITS", {})
        client = None
        wait = 0
        for scope in request_scopes(request):
            limit, window = limits.get(scope, (0, 60))
            if limit <= 0:
                continue
            client = client or client_ip(request)
            seconds = retry_after(scope, client, limit, window)
            if seconds:
                wait = max(wait, seconds)
        return too_many_requests(request, wait) if wait else None
