"""Per-client request limits on search and the API: 429 with Retry-After.

A fixed window per client on Django's cache: the window opens at the client's first request
in the scope (so a burst is never split by a clock boundary into two half-counted windows),
and one counter per window is created with ``add`` and raised with ``incr`` (both atomic on
Redis and in local memory); on the site's Redis cache (``portal.cache``) a script does both
in one round trip instead of three, on every API request. With Redis every
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
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext

from headless.errors import problem
from headless.messages import retry_in
from portal.security.clients import client_ip

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
API_SEARCH_PREFIX = "/api/v3/search/"
SEARCH_NAMESPACE = "search"
SEARCH_PATH = "/search/"
FAILURE_LOG_INTERVAL = 60.0

_last_failure_logged = 0.0


def _log_cache_failure(error: Exception) -> None:
    global _last_failure_logged
    now = time.monotonic()
    if now - _last_failure_logged >= FAILURE_LOG_INTERVAL:
        _last_failure_logged = now
        logger.warning("Rate limits not applied, the cache failed: %s", type(error).__name__)


def _window_start(since_key: str, window: int, now: float) -> float:
    """When the client's current window opened: ``now`` if none is open (atomic ``add``, so
    two workers opening a window at once agree on the first one)."""
    start = cache.get(since_key)
    if start is not None and start <= now < start + window:
        return start
    if cache.add(since_key, now, timeout=window):
        return now
    start = cache.get(since_key)
    if start is not None and start <= now < start + window:
        return start  # another worker opened it a moment ago
    cache.set(since_key, now, timeout=window)  # a stale window (clock moved): open anew
    return now


def _count(since_key: str, now: float, window: int) -> tuple[float, int] | None:
    """(when the client's window opened, its requests so far), this one included: in one
    round trip on our Redis cache (``portal.cache``: a script), else with ``add`` and
    ``incr``."""
    in_one_trip = getattr(cache, "count_in_window", None)
    if in_one_trip is not None:  # a hash of its own name: the other way's keys are strings
        return in_one_trip(f"{since_key}:window", now, window)
    start = _window_start(since_key, window, now)
    key = f"{since_key}:{start!r}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        count = 1
    return start, count


def retry_after(
    scope: str, client: str, limit: int, window: int, now: float | None = None
) -> int | None:
    """Count one request of ``client`` in ``scope``.

    Returns the seconds until the client's window ends when this request is over ``limit``,
    otherwise None (also when the cache fails).
    """
    now = time.time() if now is None else now
    since_key = f"ratelimit:{scope}:{client}"
    try:
        counted = _count(since_key, now, window)
    except Exception as error:  # a broken cache must not refuse readers
        _log_cache_failure(error)
        return None
    if counted is None:  # the shared cache is down (it logs that itself)
        return None
    start, count = counted
    if count is None or count <= limit:  # a fail-safe cache may answer None
        return None
    if count == limit + 1:  # once per client and window, not per refused request
        logger.warning("Rate limit %r reached by %s (%d per %d s)", scope, client, limit, window)
    return max(1, math.ceil(start + window - now))


def site_search_view(request: HttpRequest) -> str | None:
    """The URL name of the site search view this request is for ("search" or "autocomplete"),
    None for the rest of the site.

    Resolved here rather than read from the view because cached pages are answered before
    any view runs: a cached search must count too. ``i18n_patterns`` match the active
    language's prefix, hence the language of the path for the resolver.
    """
    path = request.path_info
    if SEARCH_PATH not in path:  # a cheap test first: the search URLs hold it
        return None
    try:
        with translation.override(translation.get_language_from_path(path)):
            match = resolve(path)
    except Resolver404:
        return None
    return match.url_name if match.namespace == SEARCH_NAMESPACE else None


def request_scopes(request: HttpRequest, searching: bool) -> list[str]:
    """The limits this request counts against (empty for the rest of the site)."""
    if request.path.startswith(API_PREFIX):
        if request.path.startswith(API_SEARCH_PREFIX) or "search" in request.GET:
            return ["api", "search"]
        return ["api"]
    return ["search"] if searching else []


def too_many_requests(request: HttpRequest, seconds: int, view: str | None) -> HttpResponse:
    """429 in the shape the client reads: problem JSON, the autocomplete's JSON, or a page."""
    if request.path.startswith(API_PREFIX):
        response = problem(429, retry_in(seconds), request=request)
    elif view == "autocomplete":
        response = JsonResponse({"error": gettext("Too many requests, please wait.")}, status=429)
    else:
        context = {"retry_after": seconds}
        response = HttpResponse(loader.render_to_string("429.html", context, request), status=429)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


class RateLimitMiddleware:
    """Answers 429 once a client is over a limit of its request's scopes.

    Counts before the page cache answers (settings put it outside that cache), so a search
    served from the cache is still a search.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        refusal = self.refusal(request)
        return refusal if refusal is not None else self.get_response(request)

    def refusal(self, request: HttpRequest) -> HttpResponse | None:
        if request.method == "OPTIONS":
            return None
        limits: dict[str, tuple[int, int]] = getattr(settings, "RATE_LIMITS", {})
        if all(limit <= 0 for limit, _ in limits.values()):
            return None  # every limit off: nothing to count, no parameter to parse
        view = None
        if limits.get("search", (0, 60))[0] > 0 and not request.path.startswith(API_PREFIX):
            view = site_search_view(request)
        client = None
        wait = 0
        for scope in request_scopes(request, searching=view is not None):
            limit, window = limits.get(scope, (0, 60))
            if limit <= 0:
                continue
            client = client or client_ip(request)
            seconds = retry_after(scope, client, limit, window)
            if seconds:
                wait = max(wait, seconds)
        if not wait:
            return None
        # Answered before the locale middleware: the page speaks the language of its path.
        with translation.override(translation.get_language_from_request(request, True)):
            return too_many_requests(request, wait, view)
