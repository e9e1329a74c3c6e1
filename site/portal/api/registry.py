"""Registration of the site's headless API: every app's typed page schemas go into Wagtail's
API v3 registry, every app's routers onto its API (mounted at /api/v3/); Wagtail's API v2
router for older clients is built here too. Wagtail's stock page routes of both show only
publicly visible pages (``portal.api.stock``).

``register()`` runs from PortalConfig.ready(): Wagtail's pages router builds its detail
schema from the registry when first imported, so our schemas must be registered before.
"""

from __future__ import annotations

from ninja import Schema
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from headless.errors import problem, register_error_handlers
from headless.rendering import RENDERER
from headless.resolvers import rich_text_field, stream_field
from headless.schemas import BasePageDetail, StreamBlockSchema, page_schema
from newsroom import api as newsroom_api
from portal.api import preview, routes
from portal.api.stock import (
    PublicPagesAPIViewSet,
    use_prepared_page_detail,
    use_visibility_rule_for_redirects,
    use_visibility_rule_in_v3,
)
from portal.models import HomePage
from programme.api import routers as programme_routers
from programme.api import vocabularies
from programme.api.schemas import PAGE_SCHEMAS as PROGRAMME_PAGE_SCHEMAS
from search import api as search_api
from search.services import SearchQueryError


class HomePageDetail(BasePageDetail):
    intro: str
    body: list[StreamBlockSchema]

    resolve_intro = rich_text_field("intro")
    resolve_body = stream_field("body")


PAGE_SCHEMAS: dict[type[Page], type[Schema]] = {
    HomePage: page_schema(HomePage, HomePageDetail),
    **PROGRAMME_PAGE_SCHEMAS,
    **newsroom_api.PAGE_SCHEMAS,
}


def register() -> None:
    """Put our typed read schemas in Wagtail's API registry and our routers on its API.

    Wagtail's v3 modules are imported here, not at the top: importing its API imports its
    pages router, which freezes the page schemas it finds in the registry.
    """
    from wagtail.api.v3.registry import registry

    for model, schema in PAGE_SCHEMAS.items():
        registration = registry.get(model._meta.label)
        if registration is not None:
            registration.read_schema = schema
    newsroom_api.SITE_DEFAULTS["getter"] = routes.site_default_boilerplate
    use_visibility_rule_in_v3()
    use_visibility_rule_for_redirects()
    use_prepared_page_detail()

    from wagtail.api.v3.api import api

    if getattr(api, "_newsroom_registered", False):
        return
    api._newsroom_registered = True
    api.renderer = RENDERER  # UTF-8 text, not \u escapes (headless/rendering.py)
    api.title = "Programme Newsroom API"
    api.description = (
        "Read API for front ends: Wagtail's pages, images and documents, plus news with "
        "filters, programme phases, partners, contacts, vocabularies, search, translations, "
        "routing, navigation and site settings. See docs/api.md."
    )
    add_page_endpoints()
    api.add_router("/", programme_routers.router)
    api.add_router("/", vocabularies.router)
    api.add_router("/", newsroom_api.router)
    api.add_router("/", routes.router)
    # Every /api/ request counts against the per-client limits (portal.security.ratelimit),
    # so every operation may answer 429 with Retry-After.
    register_error_handlers(api, every_operation=(400, 429))
    api.add_exception_handler(
        SearchQueryError,
        lambda request, exc: problem(400, exc.message, parameter=exc.field, request=request),
    )
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


# --- API v2 for older clients ----------------------------------------------------------------


def build_v2_router() -> WagtailAPIRouter:
    v2 = WagtailAPIRouter("wagtailapi")
    v2.register_endpoint("pages", PublicPagesAPIViewSet)
    v2.register_endpoint("images", ImagesAPIViewSet)
    v2.register_endpoint("documents", DocumentsAPIViewSet)
    return v2


api_v2_router = build_v2_router()
