"""HTTP behaviour of the API for browsers and caches: CORS for configured origins,
Cache-Control per API area, ETag and Last-Modified with 304 answers to conditional GETs.

Both validators come from state every worker shares: the ETag is a hash of the body, the
Last-Modified the database's content clock (``portal.content_clock``), read before the view
runs so that a change committed while the view works can only make the clock later.

A small middleware rather than a dependency: it only ever touches /api/ responses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from portal.content_clock import ClockReading
from portal.page_cache import clock_for, is_anonymous_read

API_PREFIX = "/api/"
CORS_METHODS = "GET, HEAD, OPTIONS"
CORS_HEADERS = "Accept, Accept-Language, Authorization, Content-Type, If-None-Match"


def cache_seconds(path: str) -> int:
    areas: dict[str, int] = getattr(settings, "API_CACHE_SECONDS", {})
    best = max((prefix for prefix in areas if path.startswith(prefix)), key=len, default=None)
    return areas[best] if best is not None else 0


def is_shared_read(request: HttpRequest) -> bool:
    """A GET or HEAD whose answer is the same for everyone (so it gets validators): not one
    made with credentials, not a preview of a draft."""
    return (
        request.method in ("GET", "HEAD")
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith("/api/v3/preview/")
    )


class ApiHttpMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        origin = request.headers.get("Origin")
        allowed = origin if origin and origin in settings.CORS_ALLOWED_ORIGINS else None
        if request.method == "OPTIONS" and request.headers.get("Access-Control-Request-Method"):
            response = HttpResponse(status=204 if allowed else 403)
            if allowed:
                response["Access-Control-Allow-Methods"] = CORS_METHODS
                response["Access-Control-Allow-Headers"] = CORS_HEADERS
                response["Access-Control-Max-Age"] = "86400"
        else:
            shared = is_shared_read(request)
            # The page cache reads the clock for every anonymous read before the view (with
            # its entry, in one round trip, when it can); for the rest it is read here.
            deferred = shared and is_anonymous_read(request)
            clock = clock_for(request) if shared and not deferred else None
            response = self.get_response(request)
            if deferred:
                clock = clock_for(request)
            original = getattr(request, "_api_inner_response", None)
            if original is not None and response is not original:
                # LocaleMiddleware turns a 404 into a redirect to /<lang>/api/...: undo it.
                response = original
            if request.method in ("GET", "HEAD"):
                response = self.cacheable(request, response, clock)
        if allowed:
            response["Access-Control-Allow-Origin"] = allowed
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        patch_vary_headers(response, ["Origin"])
        return response

    def cacheable(
        self, request: HttpRequest, response: HttpResponse, clock: ClockReading | None
    ) -> HttpResponse:
        if response.status_code != 200 or response.streaming:
            if "Cache-Control" not in response:
                response["Cache-Control"] = (
                    "no-store" if response.status_code >= 500 else "no-cache"
                )
            return response
        personal = clock is None
        seconds = 0 if personal else cache_seconds(request.path)
        if "Cache-Control" not in response:
            if personal:
                response["Cache-Control"] = "private, no-store"
            else:
                response["Cache-Control"] = f"public, max-age={seconds}"
        if personal:
            return response
        if not response.has_header("ETag"):
            response["ETag"] = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(clock.last_modified)
        return get_conditional_response(
            request,
            etag=response["ETag"],
            # In the second of the last change If-Modified-Since proves nothing: no 304 on it.
            last_modified=clock.last_modified if clock.settled else None,
            response=response,
        )


class ApiResponseGuard:
    """Innermost middleware: remembers the API's own 404 so ApiHttpMiddleware can restore
    it after Django's LocaleMiddleware has replaced it with a language redirect."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(API_PREFIX) and response.status_code == 404:
            request._api_inner_response = response
        return response
