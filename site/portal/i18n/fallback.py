"""What happens when a reader asks for a page in a language it has not been translated into
(``NEWSROOM_MISSING_TRANSLATION``): show the source page in the reader's locale, labelled with
its language (``source``, the default: see ``portal.i18n.partial``), answer 404, or redirect to
the same address in the source language. Two places apply it: the ``before_serve_page`` hook
(``portal.i18n.hooks``) for pages the locale's tree holds untranslated, and
``MissingTranslationMiddleware`` for addresses the locale's tree lacks altogether.

An *untranslated* page in a locale is either an alias that wagtail-localize's synchronised
trees made of the source page (``alias_of`` set, content still in the source language) or a
page of another locale that Wagtail routed to because the locale has no tree of its own.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpRequest, HttpResponseRedirect
from wagtail.models import Locale, Page, Site

MISSING_TRANSLATION_MODES = ("source", "redirect", "404")


def missing_translation_mode() -> str:
    mode = str(getattr(settings, "NEWSROOM_MISSING_TRANSLATION", "source"))
    if mode not in MISSING_TRANSLATION_MODES:
        raise ImproperlyConfigured(
            f"NEWSROOM_MISSING_TRANSLATION must be one of {MISSING_TRANSLATION_MODES}, got {mode!r}"
        )
    return mode


def is_untranslated_for_reader(page: Page) -> bool:
    """True when ``page`` is served in the reader's locale without being translated into it."""
    try:
        active = Locale.get_active()
    except (Locale.DoesNotExist, LookupError):
        return False
    if page.locale_id != active.pk:
        return True
    return bool(page.alias_of_id) and page.alias_of.locale_id != page.locale_id


def missing_translation_response(page: Page, request: HttpRequest) -> HttpResponseRedirect | None:
    """None in the "source" mode (the page is served, labelled), else 404, or a temporary
    redirect to the same address in the source language (the translation may come later),
    keeping any sub-route of a routable page and the query."""
    mode = missing_translation_mode()
    if mode == "source":
        return None
    if mode == "404":
        raise Http404("This page is not available in this language.")
    source = page.alias_of if page.alias_of_id else page
    source_url = source.get_url(request)
    if not source_url:
        raise Http404("This page is not available in this language.")
    # Both addresses start with a language prefix (/kk/..., /ru/...): compare what follows.
    page_path = _without_language_prefix(page.get_url(request) or "")
    asked_path = _without_language_prefix(request.path)
    rest = asked_path[len(page_path) :] if asked_path.startswith(page_path) else ""
    return HttpResponseRedirect(_with_query(source_url + rest, request))


def _with_query(target: str, request: HttpRequest) -> str:
    """``target`` with the asked query string, so a fallback keeps filters and paging."""
    query = request.META.get("QUERY_STRING")
    return f"{target}?{query}" if query else target


def _without_language_prefix(path: str) -> str:
    parts = path.split("/", 2)
    return parts[2] if len(parts) == 3 else ""


def source_language_url(request: HttpRequest) -> str | None:
    """For a 404 in a non-default language (``/kk/about/`` where kk has no published
    ``about``): the address of the same path in the default language's tree when a live
    page answers there, keeping a routable page's sub-route and the query."""
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
    return _with_query(url + rest, request)
