"""HTTP behaviour of the API for browsers and caches: CORS for configured origins,
Cache-Control per API area, ETag and Last-Modified with 304 answers to conditional GETs.

A small middleware rather than a dependency: it only ever touches /api/ responses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

API_PREFIX = "/api/"
CONTENT_CHANGED_KEY = "portal:api:content-changed-at"
CORS_METHODS = "GET, HEAD, OPTIONS"
CORS_HEADERS = "Accept, Accept-Language, Authorization, Content-Type, If-None-Match"


def content_changed_at() -> float:
    """When published content last changed (epoch seconds): the API's Last-Modified.

    Bumped by publish/unpublish/delete signals (portal.webhooks); computed once from the
    page tree when the cache is empty.
    """
    value = cache.get(CONTENT_CHANGED_KEY)
    if value is None:
        from django.db.models import Max
        from wagtail.models import Page

        latest = Page.objects.aggregate(latest=Max("last_published_at"))["latest"]
        value = latest.timestamp() if latest else 0.0
        cache.set(CONTENT_CHANGED_KEY, value, None)
    return value


def touch_content(timestamp: float) -> None:
    """Record a change of published content at ``timestamp``.

    HTTP dates count whole seconds, so a change within the same second as the last one would
    keep the same Last-Modified and a client's If-Modified-Since would get a stale 304. The
    recorded second therefore always moves forward, by one second at least.
    """
    previous = cache.get(CONTENT_CHANGED_KEY)
    if previous is not None and int(timestamp) <= int(previous):
        timestamp = float(int(previous) + 1)
    cache.set(CONTENT_CHANGED_KEY, timestamp, None)


def cache_seconds(path: str) -> int:
    areas: dict[str, int] = getattr(settings, "API_CACHE_SECONDS", {})
    best = max((prefix for prefix in areas if path.startswith(prefix)), key=len, default=None)
    return areas[best] if best is not None else 0


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
            response = self.get_response(request)
            original = getattr(request, "_api_inner_response", None)
            if original is not None and response is not original:
                # LocaleMiddleware turns a 404 into a redirect to /<lang>/api/...: undo it.
                response = original
            if request.method in ("GET", "HEAD"):
                response = self.cacheable(request, response)
        if allowed:
            response["Access-Control-Allow-Origin"] = allowed
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        patch_vary_headers(response, ["Origin"])
        return response

    def cacheable(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if response.status_code != 200 or response.streaming:
            if "Cache-Control" not in response:
                response["Cache-Control"] = (
                    "no-store" if response.status_code >= 500 else "no-cache"
                )
            return response
        personal = "HTTP_AUTHORIZATION" in request.META or request.path.startswith(
            "/api/v3/preview/"
        )
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
            response["Last-Modified"] = http_date(content_changed_at())
        conditional = get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=int(content_changed_at()),
            response=response,
        )
        return conditional


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
