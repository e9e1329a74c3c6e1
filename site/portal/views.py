"""Site-level views: liveness and readiness checks, and error pages that never depend on the
database."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache

from headless.errors import SERVER_ERROR_DETAIL, problem
from portal.health import OK, readiness

API_PREFIX = "/api/"


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. Nothing else is checked (see portal.health)."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: 200 when every part answers, else 503 naming the broken ones."""
    parts = readiness()
    broken = [name for name, part in parts.items() if part["state"] != OK]
    if broken:
        return JsonResponse({"status": "unavailable", "broken": broken, "parts": parts}, status=503)
    return JsonResponse({"status": "ok", "parts": parts})


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(loader.render_to_string("404.html", {}, request), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without a request context: the error may come from a context processor.

    Django calls this for an exception no middleware turned into a response (one raised by a
    middleware itself, say): API clients still get problem JSON, never the exception text."""
    if request.path.startswith(API_PREFIX):
        return problem(500, SERVER_ERROR_DETAIL, request=request)
    return HttpResponse(loader.render_to_string("500.html"), status=500)
