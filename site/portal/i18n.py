"""What a reader sees of translations: which translations of a page are published, the
hreflang alternates (the same in the page head and in the sitemap), and what happens when a
page is asked for in a language it has not been translated into.

An *untranslated* page in a locale is either an alias that wagtail-localize's synchronised
trees made of the source page (``alias_of`` set, content still in the source language) or a
page of another locale that Wagtail routed to because the locale has no tree of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpRequest, HttpResponseRedirect
from wagtail.models import Locale, Page

MISSING_TRANSLATION_MODES = ("404", "redirect")


def missing_translation_mode() -> str:
    mode = str(getattr(settings, "NEWSROOM_MISSING_TRANSLATION", "redirect"))
    if mode not in MISSING_TRANSLATION_MODES:
        raise ImproperlyConfigured(
            f"NEWSROOM_MISSING_TRANSLATION must be one of {MISSING_TRANSLATION_MODES}, got {mode!r}"
        )
    return mode


def published_translations(page: Page):
    """Live, public, real (non-alias) translations of ``page``, itself included."""
    return (
        Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .live()
        .public()
        .select_related("locale")
    )


def alternates_for(
    pages: Iterable[Page], request: HttpRequest | None, default_language: str | None = None
) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) sorted by language, then ``x-default`` for the default
    language's version when it is among them. ``pages`` are translations of one page."""
    default_language = default_language or Locale.get_default().language_code
    alternates, default_url = [], None
    for translation in pages:
        url = translation.get_full_url(request)
        if not url:
            continue
        code = translation.locale.language_code
        alternates.append((code, url))
        if code == default_language:
            default_url = url
    alternates.sort()
    if default_url:
        alternates.append(("x-default", default_url))
    return alternates


def page_alternates(page: Page, request: HttpRequest | None = None) -> list[tuple[str, str]]:
    if not isinstance(page, Page) or not page.pk:
        return []
    return alternates_for(published_translations(page), request)


def is_untranslated_for_reader(page: Page) -> bool:
    """True when ``page`` is served in the reader's locale without being translated into it."""
    try:
        active = Locale.get_active()
    except (Locale.DoesNotExist, LookupError):
        return False
    if page.locale_id != active.pk:
        return True
    return bool(page.alias_of_id) and page.alias_of.locale_id != page.locale_id


def missing_translation_response(page: Page, request: HttpRequest) -> HttpResponseRedirect:
    """404, or a temporary redirect to the same address in the source language (the
    translation may come later), keeping any sub-route of a routable page and the query."""
    if missing_translation_mode() == "404":
        raise Http404("This page is not available in this language.")
    source = page.alias_of if page.alias_of_id else page
    source_url = source.get_url(request)
    if not source_url:
        raise Http404("This page is not available in this language.")
    # Both addresses start with a language prefix (/kk/..., /ru/...): compare what follows.
    page_path = _without_language_prefix(page.get_url(request) or "")
    asked_path = _without_language_prefix(request.path)
    rest = asked_path[len(page_path) :] if asked_path.startswith(page_path) else ""
    target = source_url + rest
    if request.META.get("QUERY_STRING"):
        target += "?" + request.META["QUERY_STRING"]
    return HttpResponseRedirect(target)


def _without_language_prefix(path: str) -> str:
    parts = path.split("/", 2)
    return parts[2] if len(parts) == 3 else ""


def source_language_url(request: HttpRequest) -> str | None:
    """For a 404 in a non-default language (``/kk/about/`` where kk has no published
    ``about``): the address of the same path in the default language's tree when a live
    page answers there, keeping a routable page's sub-route and the query."""
    from wagtail.models import Site

    language = (request.LANGUAGE_CODE if hasattr(request, "LANGUAGE_CODE") else "") or ""
    default = Locale.get_default()
    prefix = f"/{language}/"
    if not language or language == default.language_code or not request.path.startswith(prefix):
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page.get_translation_or_none(default) or site.root_page
    components = [part for part in request.path[len(prefix) :].split("/") if part]
    try:
        result = root.specific.route(request, components)
    except Http404:
        return None
    page = result[0]
    if page.locale_id != default.pk or page.alias_of_id or not page.live:
        return None
    url = page.get_url(request)
    if not url:
        return None
    consumed = [part for part in page.url_path[len(root.url_path) :].split("/") if part]
    rest = "".join(f"{part}/" for part in components[len(consumed) :])
    target = url + rest
    if request.META.get("QUERY_STRING"):
        target += "?" + request.META["QUERY_STRING"]
    return target
