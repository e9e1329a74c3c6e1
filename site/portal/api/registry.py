"""Registration of the site's headless API: every app's typed page schemas go into Wagtail's
API v3 registry, every app's routers onto its API (mounted at /api/v3/); Wagtail's API v2
router for older clients is built here too.

``register()`` runs from PortalConfig.ready(): Wagtail's pages router builds its detail
schema from the registry when first imported, so our schemas must be registered before.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Schema
from ninja.errors import ValidationError as NinjaValidationError
from wagtail.models import Page

from newsroom import api as newsroom_api
from portal.api import preview, routes
from portal.models import HomePage
from programme import api as programme_api
from programme.api import (
    BadParameter,
    BasePageDetail,
    StreamBlockSchema,
    context_request,
    rich_text_html,
    stream_data,
)
from search import api as search_api
from search.services import SearchQueryError

PROBLEM_JSON = "application/problem+json"


class HomePageDetail(BasePageDetail):
    intro: str
    body: list[StreamBlockSchema]

    @staticmethod
    def resolve_intro(obj: HomePage) -> str:
        return rich_text_html(obj.intro)

    @staticmethod
    def resolve_body(obj: HomePage, context: dict) -> list[dict]:
        return stream_data(obj.body, context_request(context))


PAGE_SCHEMAS: dict[type[Page], type[Schema]] = {
    HomePage: programme_api.page_schema(HomePage, HomePageDetail),
    **programme_api.PAGE_SCHEMAS,
    **newsroom_api.PAGE_SCHEMAS,
}


def register() -> None:
    """Put our typed read schemas in Wagtail's API registry and our routers on its API."""
    from wagtail.api.v3.registry import registry

    for model, schema in PAGE_SCHEMAS.items():
        registration = registry.get(model._meta.label)
        if registration is not None:
            registration.read_schema = schema
    newsroom_api.SITE_DEFAULTS["getter"] = routes.site_default_boilerplate

    from wagtail.api.v3.api import api

    if getattr(api, "_newsroom_registered", False):
        return
    api._newsroom_registered = True
    api.title = "Programme Newsroom API"
    api.description = (
        "Read API for front ends: Wagtail's pages, images and documents, plus news with "
        "filters, programme phases, partners, contacts, vocabularies, search, translations, "
        "routing, navigation and site settings. See docs/api.md."
    )
    add_page_endpoints()
    api.add_router("/", programme_api.router)
    api.add_router("/", newsroom_api.router)
    api.add_router("/", routes.router)
    register_error_handlers(api)
    api.add_router("/", search_api.router)


def add_page_endpoints() -> None:
    """Endpoints answering with any page type, typed with Wagtail's page detail union (only
    importable once our schemas are registered)."""
    from wagtail.api.v3.routers.pages import PageDetailSchema

    routes.router.get(
        "/route/",
        response=PageDetailSchema,
        operation_id="route_find",
        url_name="route_find",
        summary="Find a page by its site path and locale (front-end routing)",
    )(routes.find_route)
    routes.router.get(
        "/preview/",
        response=PageDetailSchema,
        operation_id="preview",
        url_name="preview",
        summary="A draft page for headless preview (needs a preview token)",
        tags=["preview"],
    )(preview.preview)


# --- Errors -------------------------------------------------------------------------------


def problem(status: int, detail: str, parameter: str | None = None, errors=None) -> HttpResponse:
    import json

    body: dict[str, Any] = {"type": "about:blank", "title": "Bad Request", "status": status}
    body["detail"] = detail
    if parameter:
        body["parameter"] = parameter
    if errors:
        body["errors"] = errors
    if status == 404:
        body["title"] = "Not Found"
    return HttpResponse(json.dumps(body), status=status, content_type=PROBLEM_JSON)


def register_error_handlers(api) -> None:
    """Bad query parameters are the client's fault: 400 with the parameter's name.

    Wagtail answers request validation errors with 422; for query parameters of GET
    requests a front end expects 400, and most of all a body that says which one.
    """
    previous = api._exception_handlers.get(NinjaValidationError)

    @api.exception_handler(BadParameter)
    def bad_parameter(request: HttpRequest, exc: BadParameter) -> HttpResponse:
        return problem(400, exc.message, parameter=exc.parameter)

    @api.exception_handler(SearchQueryError)
    def search_error(request: HttpRequest, exc: SearchQueryError) -> HttpResponse:
        return problem(400, exc.message, parameter=exc.field)

    @api.exception_handler(NinjaValidationError)
    def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = exc.errors
        query_errors = [e for e in errors if list(e.get("loc", []))[:1] in (["query"], ["path"])]
        if request.method == "GET" and query_errors:
            names = []
            for error in query_errors:
                loc = list(error.get("loc", []))
                names.append(str(loc[1]) if len(loc) > 1 else str(loc[0]))
            parameter = names[0]
            detail = f"Invalid value for query parameter '{parameter}': {query_errors[0]['msg']}"
            clean = [
                {"parameter": name, "msg": e.get("msg", ""), "type": e.get("type", "")}
                for name, e in zip(names, query_errors, strict=True)
            ]
            return problem(400, detail, parameter=parameter, errors=clean)
        return previous(request, exc)


# --- API v2 for older clients ----------------------------------------------------------------


def build_v2_router():
    from wagtail.api.v2.router import WagtailAPIRouter
    from wagtail.api.v2.views import PagesAPIViewSet
    from wagtail.documents.api.v2.views import DocumentsAPIViewSet
    from wagtail.images.api.v2.views import ImagesAPIViewSet

    v2 = WagtailAPIRouter("wagtailapi")
    v2.register_endpoint("pages", PagesAPIViewSet)
    v2.register_endpoint("images", ImagesAPIViewSet)
    v2.register_endpoint("documents", DocumentsAPIViewSet)
    return v2


api_v2_router = build_v2_router()
