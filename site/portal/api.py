"""The site's headless API: registers every app's typed page schemas and routers on Wagtail's
API v3 (mounted at /api/v3/), and adds what only the host site knows: the home page, routing
a site path to a page, translations of a page, navigation, site settings and preview.

``register()`` runs from PortalConfig.ready(): Wagtail's pages router builds its detail
schema from the registry when first imported, so our schemas must be registered before.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, Router, Schema
from ninja.errors import ValidationError as NinjaValidationError
from wagtail.models import Locale, Page, Site

from newsroom import api as newsroom_api
from portal.models import HomePage, SiteSettings
from programme import api as programme_api
from programme.api import (
    BadParameter,
    BasePageDetail,
    PageRefSchema,
    StreamBlockSchema,
    context_request,
    locale_codes,
    page_ref,
    public_pages,
    reject_unknown,
    resolve_locale,
    rich_text_html,
    stream_data,
)
from programme.models import Boilerplate

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
    newsroom_api.SITE_DEFAULTS["getter"] = site_default_boilerplate

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
    api.add_router("/", router)
    register_error_handlers(api)
    from search import api as search_api

    api.add_router("/", search_api.router)


def add_page_endpoints() -> None:
    """Endpoints answering with any page type, typed with Wagtail's page detail union (only
    importable once our schemas are registered)."""
    from wagtail.api.v3.routers.pages import PageDetailSchema

    router.get(
        "/route/",
        response=PageDetailSchema,
        operation_id="route_find",
        url_name="route_find",
        summary="Find a page by its site path and locale (front-end routing)",
    )(find_route)
    router.get(
        "/preview/",
        response=PageDetailSchema,
        operation_id="preview",
        url_name="preview",
        summary="A draft page for headless preview (needs a preview token)",
        tags=["preview"],
    )(preview)


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

    from search.services import SearchQueryError

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


# --- Site-level routers -------------------------------------------------------------------

router = Router(tags=["site"])


class TranslationSchema(Schema):
    locale: str
    id: int
    title: str
    url: str | None
    current: bool = Field(description="True for the page asked for.")


@router.get(
    "/translations/{page_id}/",
    response=list[TranslationSchema],
    operation_id="translations_list",
    summary="Published translations of a page",
)
def list_translations(request: HttpRequest, page_id: int):
    reject_unknown(request, set())
    page = public_pages(Page).filter(pk=page_id).first()
    if page is None:
        raise Http404(f"No published page with id {page_id}.")
    translations = public_pages(Page).filter(translation_key=page.translation_key)
    codes = locale_codes(request)
    order = {code: i for i, (code, _) in enumerate(settings.LANGUAGES)}
    items = [
        {
            "locale": codes.get(t.locale_id, ""),
            "id": t.pk,
            "title": t.title,
            "url": t.get_full_url(request),
            "current": t.pk == page.pk,
        }
        for t in translations
    ]
    return sorted(items, key=lambda item: order.get(item["locale"], 99))


def locale_root(request: HttpRequest, locale: Locale) -> Page:
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise Http404("No site is configured.")
    root = site.root_page.get_translation_or_none(locale)
    if root is None or not root.live:
        raise Http404(f"The site has no published home page in '{locale.language_code}'.")
    return root


def find_route(request: HttpRequest, path: str, locale: str | None = None):
    """``path`` is the page's path below the locale's home ("/news/my-article/"); a leading
    language prefix ("/en/news/...") is accepted and must agree with ``locale``."""
    reject_unknown(request, {"path"})
    components = [part for part in path.split("/") if part]
    languages = {code for code, _ in settings.LANGUAGES}
    if components and components[0] in languages:
        prefix = components.pop(0)
        if locale and locale != prefix:
            raise BadParameter("path", f"path is in '{prefix}' but locale is '{locale}'.")
        locale = prefix
    language = resolve_locale(locale)
    root = locale_root(request, language).specific
    try:
        page, _args, _kwargs = root.route(request, components)
    except Http404:
        page = None
    if page is None or not public_pages(Page).filter(pk=page.pk).exists():
        raise Http404(f"No published page at '{path}' in '{language.language_code}'.")
    return page.specific


class MenuItemSchema(Schema):
    page: PageRefSchema
    children: list[PageRefSchema]


class NavigationSchema(Schema):
    locale: str
    home: PageRefSchema
    items: list[MenuItemSchema]
    locales: list[PageRefSchema] = Field(description="The home page in every published locale.")


@router.get(
    "/site/navigation/",
    response=NavigationSchema,
    operation_id="site_navigation",
    summary="Main navigation of a locale",
)
def navigation(request: HttpRequest, locale: str | None = None):
    reject_unknown(request, set())
    language = resolve_locale(locale)
    home = locale_root(request, language)
    menu = list(public_pages(Page, language).child_of(home).filter(show_in_menus=True))
    children = public_pages(Page, language).filter(show_in_menus=True, depth=home.depth + 2)
    by_parent: dict[str, list[Page]] = {}
    for child in children:
        by_parent.setdefault(child.path[: -Page.steplen], []).append(child)
    homes = public_pages(Page).filter(translation_key=home.translation_key)
    return {
        "locale": language.language_code,
        "home": page_ref(home, request),
        "items": [
            {
                "page": page_ref(item, request),
                "children": [page_ref(c, request) for c in by_parent.get(item.path, [])],
            }
            for item in menu
        ],
        "locales": [page_ref(h, request) for h in homes],
    }


class SiteBoilerplateSchema(Schema):
    kind: str
    title: str
    html: str


class SocialSchema(Schema):
    network: str
    url: str


class SiteSettingsSchema(Schema):
    locale: str
    site_name: str
    about_programme: SiteBoilerplateSchema | None
    implementer_credit: SiteBoilerplateSchema | None
    funder_credit: SiteBoilerplateSchema | None
    donor_boilerplate: SiteBoilerplateSchema | None
    disclaimer: SiteBoilerplateSchema | None
    footer: SiteBoilerplateSchema | None
    social_links: list[SocialSchema]
    languages: list[dict[str, str]]


BOILERPLATE_FIELDS = (
    "about_programme",
    "implementer_credit",
    "funder_credit",
    "donor_boilerplate",
    "disclaimer",
    "footer",
)


def site_settings_for(request: HttpRequest) -> SiteSettings:
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise Http404("No site is configured.")
    return SiteSettings.for_site(site)


def site_default_boilerplate(request: HttpRequest, name: str) -> Boilerplate | None:
    cache = getattr(request, "_api_site_settings", None)
    if cache is None:
        try:
            cache = site_settings_for(request)
        except Http404:
            return None
        request._api_site_settings = cache
    return getattr(cache, name, None)


@router.get(
    "/site/settings/",
    response=SiteSettingsSchema,
    operation_id="site_settings",
    summary="Site settings: boilerplates, footer, social links",
)
def site_settings(request: HttpRequest, locale: str | None = None):
    reject_unknown(request, set())
    language = resolve_locale(locale)
    site_settings = site_settings_for(request)
    data: dict[str, Any] = {
        "locale": language.language_code,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "social_links": [
            {"network": name, "url": url} for name, url in site_settings.social_links()
        ],
        "languages": [
            {"code": code, "name": name}
            for code, name in settings.LANGUAGES
            if Locale.objects.filter(language_code=code).exists()
        ],
    }
    for name in BOILERPLATE_FIELDS:
        data[name] = newsroom_api.boilerplate_data(getattr(site_settings, name), language.pk)
    return data


# --- Headless preview ------------------------------------------------------------------------

PREVIEW_SALT = "portal.api.preview"


def preview_token(page: Page, revision_id: int | None) -> str:
    """A signed, expiring token naming one revision of one page."""
    return signing.dumps({"page": page.pk, "revision": revision_id}, salt=PREVIEW_SALT)


def preview(request: HttpRequest, token: str):
    reject_unknown(request, {"token"})
    max_age = getattr(settings, "HEADLESS_PREVIEW_MAX_AGE", 3600)
    try:
        data = signing.loads(token, salt=PREVIEW_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise BadParameter("token", "The preview token has expired.") from None
    except signing.BadSignature:
        raise BadParameter("token", "The preview token is not valid.") from None
    page = Page.objects.filter(pk=data["page"]).first()
    if page is None:
        raise Http404("The previewed page no longer exists.")
    page = page.specific
    revision = (
        page.revisions.filter(pk=data.get("revision")).first() if data.get("revision") else None
    )
    draft = revision.as_object() if revision else page
    return draft


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
