"""Template tags of the site frame: navigation, language switcher, hreflang alternates, and the
labels of text shown in another language than the reader's (``portal.i18n.partial``)."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from portal.i18n import partial
from portal.i18n.alternates import (
    home_translations,
    page_alternates,
    published_translations,
    readable_translations,
)
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


def _translations_by_language(pages, request) -> dict[str, str]:
    found: dict[str, str] = {}
    for translation in pages:
        url = translation.get_url(request)
        if url:
            found[translation.locale.language_code] = url
    return found


def _keeps_address(request) -> bool:
    """Views outside the page tree whose address means the same in every language (search,
    country and theme listings): the switcher keeps their path and query."""
    match = getattr(request, "resolver_match", None) if request else None
    return bool(match and match.namespace in ("search", "programme"))


@register.simple_tag(takes_context=True)
def language_links(context, page: Page | None = None) -> list[LanguageLink]:
    """One entry per configured language: the translation of ``page`` where one is published,
    otherwise that language's home page with ``?untranslated=1`` so it can say so. A language
    with no published home page of its own gets no link (``url`` is empty). In the "source"
    mode (``portal.i18n.partial``) untranslated pages and homes are linked too: they are
    served labelled. On the search page and the tag listings the same address and query are
    kept in the other language (``/ru/search/?q=x`` → ``/kk/search/?q=x``)."""
    request = context.get("request")
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    source_mode = partial.shows_source()
    if not isinstance(page, Page):
        page = None
    translations: dict[str, str] = {}
    readable: dict[str, str] = {}
    homes: dict[str, str] = {}
    root = _site_root(request)
    if page is not None and page.pk:
        translations = _translations_by_language(published_translations(page, also=root), request)
    # Without a page (search, tag listings) the home's translations are all there is: kept
    # for the content generation. With one, they come in the page's query (read above).
    home_versions = published_translations if page is not None else home_translations
    if root is not None:
        homes = _translations_by_language(home_versions(root), request)
    if source_mode:
        # The readable versions (aliases included) of the page and of the home: the same
        # query as the translations above (``portal.i18n.alternates``).
        if page is not None and page.pk:
            versions = readable_translations(page, also=root)
            readable = _translations_by_language(versions, request)
        if root is not None:
            readable_homes = (
                readable_translations(root) if page is not None else home_translations(root, True)
            )
            homes = {**_translations_by_language(readable_homes, request), **homes}
    keep_address = page is None and _keeps_address(request)
    names = dict(settings.LANGUAGES)  # each language's own name, as the settings spell it
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if code in translations:
            url, translated = translations[code], True
        elif code in readable:
            url, translated = readable[code], False
        elif keep_address and (homes.get(code) or source_mode):
            url, translated = translate_url(request.get_full_path(), code), True
        elif homes.get(code):
            url, translated = (f"{homes[code]}?untranslated=1" if page else homes[code]), False
        else:
            url, translated = "", False
        links.append(
            LanguageLink(
                code=code,
                name=names.get(code) or info["name_local"],
                url=url,
                is_current=code == current,
                is_translated=translated,
            )
        )
    return links


@register.simple_tag
def main_menu(home: Page | None) -> list[partial.MenuEntry]:
    """The main menu of the reader's locale, untranslated entries labelled in the "source"
    mode (``portal.i18n.partial.menu_entries``)."""
    return partial.menu_entries(home)


@register.simple_tag
def source_label(page: Page | None) -> partial.SourceLabel | None:
    """The language label of a page whose text is not in the reader's language, else None."""
    return partial.source_label(page)


@register.simple_tag
def lang_attr(obj) -> SafeString:
    """`` lang="ru"`` for a translatable object (a boilerplate through ``.localized``) whose
    text is not in the reader's language; nothing otherwise."""
    code = partial.object_language(obj)
    if not code or code == partial.reader_language():
        return SafeString("")
    return format_html(' lang="{}"', code)


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
