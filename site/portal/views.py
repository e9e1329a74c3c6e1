"""Site-level views: health check and error pages that never depend on the database."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader


def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok"})


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(loader.render_to_string("404.html", {}, request), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without a request context: the error may come from a context processor."""
    return HttpResponse(loader.render_to_string("500.html"), status=500)
