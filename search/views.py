"""The search page and the autocomplete endpoint: thin wrappers round ``services``."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from search.services import FACETS, SearchQueryError, autocomplete, run_search


def reader_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def filters_from(request: HttpRequest) -> dict[str, list[str]]:
    return {name: request.GET.getlist(name) for name in FACETS if request.GET.getlist(name)}


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    context = {"search_query": query[:300], "search_results": None, "search_error": None}
    status = 200
    try:
        context["search_results"] = run_search(
            query,
            language=reader_language(),
            filters=filters_from(request),
            page=request.GET.get("page") or 1,
            per_page=getattr(settings, "SEARCH_RESULTS_PER_PAGE", 10),
        )
    except SearchQueryError as error:
        context["search_error"] = error.message
        status = 400
    return render(request, "search/search.html", context, status=status)


@require_GET
def autocomplete_view(request: HttpRequest) -> JsonResponse:
    try:
        results = autocomplete(request.GET.get("q", ""), language=reader_language())
    except SearchQueryError as error:
        return JsonResponse({"error": error.message}, status=400)
    return JsonResponse({"results": results})
