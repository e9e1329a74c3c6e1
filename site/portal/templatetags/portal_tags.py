"""Template tags of the site frame: navigation, language switcher, hreflang alternates."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

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
    root = _site_root(context.get("request"))
    return root.localized.specific if root else None


@register.simple_tag(takes_context=True)
def language_links(context, page: Page | None = None) -> list[LanguageLink]:
    """One link per configured language: the translation of ``page`` where one is live,
    otherwise that language's home page with ``?untranslated=1`` so it can say so."""
    request = context.get("request")
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    translations: dict[str, str] = {}
    if not isinstance(page, Page):
        page = None
    if page is not None and page.pk:
        for translation in (
            page.get_translations(inclusive=True).live().public().select_related("locale")
        ):
            url = translation.get_url(request)
            if url:
                translations[translation.locale.language_code] = url
    homes: dict[str, str] = {}
    root = _site_root(request)
    if root is not None:
        for home in root.get_translations(inclusive=True).live().select_related("locale"):
            homes[home.locale.language_code] = home.get_url(request) or ""
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if code in translations:
            url, translated = translations[code], True
        else:
            base = homes.get(code) or f"/{code}/"
            url, translated = (f"{base}?untranslated=1" if page is not None else base), False
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
    """(hreflang, absolute URL) for every live, public translation, plus ``x-default``
    pointing at the default-language version when it is live."""
    if not isinstance(page, Page) or not page.pk:
        return []
    request = context.get("request")
    alternates = []
    default_url = None
    for translation in (
        page.get_translations(inclusive=True).live().public().select_related("locale")
    ):
        url = translation.get_full_url(request)
        if not url:
            continue
        code = translation.locale.language_code
        alternates.append((code, url))
        if code == Locale.get_default().language_code:
            default_url = url
    alternates.sort()
    if default_url:
        alternates.append(("x-default", default_url))
    return alternates


@register.simple_tag
def text_direction() -> str:
    return "rtl" if get_language_info(get_language() or settings.LANGUAGE_CODE)["bidi"] else "ltr"
