"""The shared response cache for anonymous readers: HTML pages and API answers, never stale.

Design (docs/performance.md): every key carries the **content generation**, the database's
content clock (``portal.content_clock``) that every change of public content moves:
publish, unpublish, move and delete of a page or a translation, and the save or delete of a
snippet (boilerplates), a tag or its labels, a site setting, an image or a document
(``portal.webhooks.signals``), plus the scheduled moments (publication dates, expiries). A
change makes every key before it unreachable at once, so no page can show what was true before
the change; the old entries simply expire (``CACHE_TIMEOUT``). Precise enough: content changes
a few times an hour, a page is rebuilt once per change at most.

The generation is read before anything else (shared with the API's Last-Modified): a change
committed while a page renders stamps a later generation, so a page filed under a generation
is never older than it. With a shared cache the clock's mirror and the page come in one
round trip (``get_many``) and a hit touches no database; an entry carries the generation it
was filed under and one from an older generation is a miss. Otherwise the clock costs one
primary-key query.

What is never cached, nor served from the cache: requests with a session cookie (editors,
previews: the admin lives there), with an Authorization header, other than GET/HEAD, under the
admin or the preview API; answers other than 200, streamed, setting a cookie (a CSRF token),
or marked private, no-cache or no-store. The CSP nonce of a page is rewritten on every hit so each
answer still carries a fresh one. Pages answer conditional requests: an ETag (a hash of the
page as cached) and the content clock as Last-Modified give 304s.

The cache is the configured one (Redis in production: ``portal.cache.ResilientRedisCache``
answers as an empty cache when Redis is down, so pages are rendered as if uncached).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language_from_request

from headless.memo import set_generation
from portal.content_clock import (
    MIRROR_KEY,
    ClockReading,
    current_reading,
    mirror_enabled,
    mirrored_reading,
    read_clock,
)

logger = logging.getLogger(__name__)

#: Never cached and never reading the content clock: the admin, previews, private documents,
#: and the operations endpoints (liveness must answer without the database).
PRIVATE_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/api/v3/preview/",
    "/documents/",
    "/healthz",
    "/readyz",
    "/metrics",
)
#: Response headers worth keeping (Content-Length is set from the body on each hit).
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Cache-Control", "Link", "Allow")
VERSION = "3"  # moved when what an entry holds changes shape (3: API JSON as UTF-8 text)
#: Stands for the CSP nonce in a cached page (rewritten with the request's own on each hit).
NONCE_MARK = b"\x00csp-nonce\x00"


def clock_for(request: HttpRequest) -> ClockReading:
    """The content clock, read once per request (the API middleware shares it)."""
    reading = getattr(request, "_content_clock", None)
    if reading is None:
        reading = request._content_clock = current_reading()
    return reading


def clock_and_entry(request: HttpRequest, key: str, seconds: int) -> tuple[ClockReading, dict]:
    """The content clock and the cached entry under ``key`` (None if there is none), in one
    round trip to a shared cache when the clock was not read yet."""
    reading = getattr(request, "_content_clock", None)
    if reading is None and seconds > 0 and mirror_enabled():
        found = cache.get_many([MIRROR_KEY, key])
        reading = mirrored_reading(found.get(MIRROR_KEY)) or read_clock()
        request._content_clock = reading
        return reading, found.get(key)
    reading = clock_for(request)
    return reading, cache.get(key) if seconds > 0 else None


def is_anonymous_read(request: HttpRequest) -> bool:
    """A GET or HEAD that anyone could have sent: no session, no credentials, no admin."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(PRIVATE_PREFIXES)
    )


def cache_seconds() -> int:
    """How long a page stays in the cache; 0 turns the response cache off (the content
    generation is still read, for the small tables and the validators)."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 300)


def cache_key(request: HttpRequest) -> str:
    """Host, language asked for, path and query: everything the answer depends on for an
    anonymous reader, besides the generation that the entry carries."""
    language = get_language_from_request(request, check_path=True)
    raw = "\n".join([VERSION, request.get_host(), language, request.get_full_path()])
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def storable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    # "Vary: Cookie" comes from the session middleware whenever a template asked for the
    # user; for a request with no session cookie the page is the anonymous one for anyone
    # (a page that sets a cookie, such as a CSRF token, is left out above).
    return "*" not in response.get("Vary", "")


class PageCacheMiddleware:
    """Serves anonymous GET/HEAD requests from the shared cache (see the module docstring).

    Sits inside the security headers middleware (which makes the nonce and adds the CSP
    with it) and the rate limiter, outside sessions and everything that renders."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_anonymous_read(request):
            return self.get_response(request)
        seconds = cache_seconds()
        key = cache_key(request)
        clock, entry = clock_and_entry(request, key, seconds)
        generation = clock.changed_at.isoformat()
        set_generation(generation)  # small tables kept per generation (headless.memo)
        nonce = getattr(request, "csp_nonce", "")
        if entry is not None and entry.get("generation") != generation:
            entry = None  # filed before the last change
        if entry is not None:
            response = self.replay(entry, nonce)
            response["X-Cache"] = "hit"
        else:
            response = self.get_response(request)
            if not storable(response):
                return response
            body = response.content
            if nonce:
                body = body.replace(nonce.encode(), NONCE_MARK)
            entry = {
                "generation": generation,
                "body": body,
                "headers": {h: response[h] for h in KEPT_HEADERS if h in response},
                "etag": '"' + hashlib.sha256(body).hexdigest()[:32] + '"',
            }
            if seconds > 0:
                cache.set(key, entry, seconds)
                response["X-Cache"] = "miss"
        patch_vary_headers(response, ["Cookie", "Accept-Language"])
        response["ETag"] = entry["etag"]
        if request.path.startswith("/api/"):
            return response  # the API middleware adds Last-Modified and answers the 304s
        response["Last-Modified"] = http_date(clock.last_modified)
        return get_conditional_response(
            request,
            etag=entry["etag"],
            last_modified=clock.last_modified if clock.settled else None,
            response=response,
        )

    @staticmethod
    def replay(entry: dict, nonce: str) -> HttpResponse:
        body = entry["body"]
        if nonce:
            body = body.replace(NONCE_MARK, nonce.encode())
        response = HttpResponse(body)
        for header, value in entry["headers"].items():
            response[header] = value
        # Django's CommonMiddleware, which sets it on a rendered page, sits inside this one:
        # without it the server sent every hit in chunks (more writes, more bytes).
        response["Content-Length"] = str(len(body))
        return response
