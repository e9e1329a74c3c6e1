"""``/iati/activities.xml``: the programme's IATI activities, for the IATI Registry to
fetch. Public content only; no language prefix (every language is in the document)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from programme.iati.document import render


@require_GET
def activities(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(render(), content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="activities.xml"'
    return response
