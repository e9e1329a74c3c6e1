"""Search API: the same engine as the search page (``services.run_search``), as JSON with
facets, editor picks and a "did you mean" suggestion. Mounted by the host project on
Wagtail's API v3 (/api/v3/search/); errors are ``SearchQueryError`` naming the parameter,
which the host answers with 400."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from headless.messages import UNKNOWN_LOCALE, UNKNOWN_PARAMETER, message
from search.services import FACETS, SearchQueryError, run_search

router = Router(tags=["search"])

PARAMETERS = {"q", "locale", "page", "per_page", *FACETS}


class FacetValueSchema(Schema):
    value: str = Field(description="Goes back in the query string to filter, e.g. country=kz.")
    label: str = Field(description="Label in the asked locale.")
    count: int
    selected: bool


class SearchHitSchema(Schema):
    id: int
    title: str = Field(description="Title, HTML with <mark> around matched terms.")
    snippet: str = Field(description="Excerpt, HTML with <mark> around matched terms.")
    url: str
    type: str


class PromotionSchema(Schema):
    title: str
    url: str
    description: str


class SearchResultsSchema(Schema):
    query: str
    locale: str
    total: int
    page: int
    per_page: int
    num_pages: int
    results: list[SearchHitSchema]
    facets: dict[str, list[FacetValueSchema]]
    filters: dict[str, list[str]]
    promotions: list[PromotionSchema]
    suggestion: str | None
    backend: str = Field(description="database or elasticsearch (fallback is automatic).")


Q_PARAM = Query("", description="The search query.")
LIST_PARAM = Query([], description="Facet filter; repeat for OR.")
PAGE_PARAM = Query(1, description="Result page, from 1.")
PER_PAGE_PARAM = Query(10, description="Results per page (at most 50).")


@router.get(
    "/search/",
    response=SearchResultsSchema,
    operation_id="search",
    summary="Search with facets (the search page's engine)",
)
def search(
    request: HttpRequest,
    q: str = Q_PARAM,
    locale: str | None = None,
    content_type: list[str] = LIST_PARAM,
    country: list[str] = LIST_PARAM,
    theme: list[str] = LIST_PARAM,
    kind: list[str] = LIST_PARAM,
    year: list[str] = LIST_PARAM,
    page: str = PAGE_PARAM,
    per_page: str = PER_PAGE_PARAM,
):
    for name in request.GET:
        if name not in PARAMETERS:
            allowed = ", ".join(sorted(PARAMETERS))
            raise SearchQueryError(
                message(UNKNOWN_PARAMETER, {"name": name, "allowed": allowed}), field=name
            )
    language = locale or settings.LANGUAGE_CODE
    codes = {code for code, _name in settings.LANGUAGES}
    if language not in codes:
        known = ", ".join(sorted(codes))
        raise SearchQueryError(
            message(UNKNOWN_LOCALE, {"code": language, "known": known}), field="locale"
        )
    filters = {name: request.GET.getlist(name) for name in FACETS if request.GET.getlist(name)}
    outcome = run_search(q, language=language, filters=filters, page=page, per_page=per_page)
    return {
        "query": outcome.query,
        "locale": language,
        "total": outcome.total,
        "page": outcome.page,
        "per_page": outcome.per_page,
        "num_pages": outcome.num_pages,
        "results": [
            {
                "id": hit.page.pk,
                "title": str(hit.title),
                "snippet": str(hit.snippet),
                "url": hit.url,
                "type": hit.content_type,
            }
            for hit in outcome.results
        ],
        "facets": {
            name: [
                {"value": f.value, "label": f.label, "count": f.count, "selected": f.selected}
                for f in values
            ]
            for name, values in outcome.facets.items()
        },
        "filters": outcome.filters,
        "promotions": [
            {"title": p.title, "url": p.url, "description": p.description}
            for p in outcome.promotions
        ],
        "suggestion": outcome.suggestion,
        "backend": outcome.backend,
    }
