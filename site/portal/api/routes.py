"""Site routes of the headless API: what only the host site knows. Routing a site path to a
page, a page's translations, the navigation of a locale and the site-wide settings
(boilerplates, social links, languages).

The page-answering route (``find_route``) is put on ``router`` by ``registry`` once Wagtail's
page union schema can be built (after our page schemas are registered).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema
from wagtail.models import Locale, Page, Site

from headless.errors import BadParameter
from headless.locales import locale_codes, resolve_locale
from headless.messages import NO_HOME, NO_PAGE_AT, NO_SITE, PATH_LOCALE, message
from headless.params import reject_unknown
from headless.schemas import PageRefSchema
from headless.serialisers import page_ref
from headless.visibility import get_public_page, is_publicly_visible, public_pages
from newsroom.api import BoilerplateSchema, boilerplate_data
from portal.models import SiteSettings
from programme.api.schemas import SocialLinkSchema
from programme.models import Boilerplate

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
    page = get_public_page(Page, page_id)
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


def current_site(request: HttpRequest) -> Site:
    """The site the request is for, else the default one (API clients call from anywhere)."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise Http404(NO_SITE)
    return site


def locale_root(request: HttpRequest, locale: Locale) -> Page:
    root = current_site(request).root_page.get_translation_or_none(locale)
    if root is None or not root.live:
        raise Http404(message(NO_HOME, {"locale": locale.language_code}))
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
            raise BadParameter("path", message(PATH_LOCALE, {"prefix": prefix, "locale": locale}))
        locale = prefix
    language = resolve_locale(locale)
    root = locale_root(request, language).specific
    try:
        page, _args, _kwargs = root.route(request, components)
    except Http404:
        page = None
    if page is None or not is_publicly_visible(page):
        raise Http404(message(NO_PAGE_AT, {"path": path, "locale": language.language_code}))
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


# The same shapes as the newsroom's and the contacts', under the names the OpenAPI document
# has always given them here.
class SiteBoilerplateSchema(BoilerplateSchema):
    pass


class SocialSchema(SocialLinkSchema):
    pass


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
    return SiteSettings.for_site(current_site(request))


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
        data[name] = boilerplate_data(getattr(site_settings, name), language.pk)
    return data
