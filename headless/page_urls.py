"""Absolute page URLs for a page of results: what ``Page.get_full_url(request)`` answers, with
the language's prefix reversed once per request instead of once per page.

Wagtail's ``Page.get_url_parts`` finds the page's site root, then reverses the
``wagtail_serve`` route for the path below it inside ``translation.override`` of the root's
language: for every page. On a listing of twenty items and the pages they refer to, that was
about a tenth of the request. The reversed path is the language's prefix (``/ru/``) followed
by the page's path below its root, quoted; where quoting changes nothing (slugs of ASCII
letters, digits, ``-`` and ``_``, which also match the route's pattern), this module joins the
two itself. Everything else goes to Wagtail: a page type that routes its own URLs, a page
under the roots of several sites (Wagtail then prefers the request's site), a path with other
characters (unicode slugs: quoted by ``reverse``), no request.
tests/api/test_page_urls.py compares both on pages of every kind, language and depth.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.coreutils import WAGTAIL_APPEND_SLASH, get_supported_content_language_variant
from wagtail.models import Page

from headless.memo import once_per_request

#: A path below a site root that ``reverse`` would return unquoted and that the
#: ``wagtail_serve`` pattern (``(?:[\w\-]+/)*``) accepts.
PLAIN_PATH = re.compile(r"(?:[A-Za-z0-9_-]+/)*")
_UNROUTABLE = object()


def routes_like_wagtail(page_type: type) -> bool:
    """Whether the page type leaves its URL to Wagtail (no URL method of its own)."""
    return (
        getattr(page_type, "get_url_parts", None) is Page.get_url_parts
        and getattr(page_type, "get_full_url", None) is Page.get_full_url
    )


def language_prefix(language_code: str) -> str | None:
    """The path of a site root in ``language_code`` (``/ru/``), as ``get_url_parts`` reverses
    it (the active language when it is a variant of that one), once per request; None when
    the route cannot be reversed."""
    active = translation.get_language()
    found = once_per_request(
        f"page-url-prefix:{language_code}:{active}", lambda: _reverse_root(language_code, active)
    )
    return None if found is _UNROUTABLE else found


def _reverse_root(language_code: str, active: str | None) -> str | object:
    try:
        if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return reverse("wagtail_serve", args=("",))
        try:
            if get_supported_content_language_variant(active) == language_code:
                language_code = active
        except LookupError:
            pass  # the active language is no content language: the root's stays
        with translation.override(language_code):
            return reverse("wagtail_serve", args=("",))
    except NoReverseMatch:
        return _UNROUTABLE


def full_url(page: Page, request: HttpRequest | None) -> str | None:
    """``page.get_full_url(request)``, the prefix of its language reversed once per request."""
    if request is None or not routes_like_wagtail(type(page)):
        return page.get_full_url(request)
    url_path = page.url_path
    roots = [
        root for root in page._get_site_root_paths(request) if url_path.startswith(root.root_path)
    ]
    if not roots:
        return None  # not routable: in no site
    if len({root.site_id for root in roots}) > 1:
        return page.get_full_url(request)
    root = roots[0]
    below = url_path[len(root.root_path) :]
    prefix = language_prefix(root.language_code) if PLAIN_PATH.fullmatch(below) else None
    if prefix is None:
        return page.get_full_url(request)
    path = prefix + below
    if not WAGTAIL_APPEND_SLASH and path != "/":
        path = path.rstrip("/")
    return root.root_url + path
