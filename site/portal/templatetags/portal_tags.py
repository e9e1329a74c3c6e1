"""Template tags of the site frame: navigation, language switcher, hreflang alternates."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from portal.i18n.alternates import page_alternates, published_translations
from portal.routing import localized_root

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    is_translated: bool


def _site_root(request) -> Page | None:
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def localized_home(context) -> Page | None:
    """The home page in the reader's language (falls back to the default one)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    # Deferred: the frame reads the title and the menu, no field of its own (no query).
    return localized_root(site).specific_deferred


@register.simple_tag(takes_context=True)
def language_links(context, page: Page | None = None) -> list[LanguageLink]:
    """One entry per configured language: the translation of ``page`` where one is published,
    otherwise that language's home page with ``?untranslated=1`` so it can say so. A language
    with no published home page of its own gets no link (``url`` is empty)."""
    request = context.get("request")
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    translations: dict[str, str] = {}
    if not isinstance(page, Page):
        page = None
    root = _site_root(request)
    if page is not None and page.pk:
        for translation in published_translations(page, also=root):
            url = translation.get_url(request)
            if url:
                translations[translation.locale.language_code] = url
    homes: dict[str, str] = {}
    if root is not None:
        for home in published_translations(root):
            homes[home.locale.language_code] = home.get_url(request) or ""
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if code in translations:
            url, translated = translations[code], True
        elif homes.get(code):
            url, translated = (f"{homes[code]}?untranslated=1" if page else homes[code]), False
        else:
            url, translated = "", False
        links.append(
            LanguageLink(
                code=code,
                name=info["name_local"],
                url=url,
                is_current=code == current,
                is_translated=translated,
            )
        )
    return links


@register.simple_tag(takes_context=True)
def hreflang_alternates(context, page: Page | None) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for every published translation, plus ``x-default`` pointing
    at the default-language version when it is published; the sitemap lists the same."""
    request = context.get("request")
    if isinstance(page, Page) and page.pk:
        # The language switcher will ask for the home page's too: one query for both.
        published_translations(page, also=_site_root(request))
    return page_alternates(page, request)


@register.simple_tag
def text_direction() -> str:
    return "rtl" if get_language_info(get_language() or settings.LANGUAGE_CODE)["bidi"] else "ltr"
