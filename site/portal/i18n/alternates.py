"""Which translations of a page a reader may be sent to, and the hreflang alternates that
announce them. The page head (``portal_tags.hreflang_alternates``) and the sitemap
(``portal.sitemaps``) both call ``alternates_for`` so that they never disagree.

Aliases that wagtail-localize's synchronised trees made of a source page are not
translations: their content is still in the source language, so they are left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest
from wagtail.models import Locale, Page

from headless.memo import once_per_generation, request_memo
from headless.visibility import readable_pages, visible_pages
from portal.i18n.fallback import missing_translation_mode


def _translations(page: Page, also: Page | None, readable: bool) -> list[Page]:
    """``page``'s translations (itself included), with ``also``'s read in the same query, once
    per request; ``readable`` adds the live aliases of visible pages (``readable_pages``)."""
    keys = {page.translation_key} | ({also.translation_key} if also is not None else set())

    def read(keys=keys) -> dict:
        found: dict = {key: [] for key in keys}
        pages = Page.objects.filter(translation_key__in=keys)
        rows = readable_pages(pages) if readable else visible_pages(pages)
        for row in rows.order_by("path"):
            found[row.translation_key].append(row)
        return found

    memo = request_memo("readable-translations" if readable else "translations", dict)
    if memo is None:
        return read()[page.translation_key]
    missing = keys - memo.keys()
    if missing:
        memo.update(read(missing))
    return memo[page.translation_key]


def home_translations(root: Page, readable: bool = False) -> list[Page]:
    """``published_translations`` (``readable``: ``readable_translations``) of a site's root,
    kept for the content generation (``headless.memo``): every page's language switcher
    falls back on them, and pages outside the tree (search, tag listings) need nothing else."""

    def read() -> list[Page]:
        return readable_translations(root) if readable else published_translations(root)

    return once_per_generation(f"home-translations:{root.pk}:{readable}", read)


def readable_translations(page: Page, also: Page | None = None) -> list[Page]:
    """The versions of ``page`` a reader may be shown in the "source" mode: its publicly
    visible translations plus the live aliases that stand in for the missing ones."""
    return _translations(page, also, readable=True)


def published_translations(page: Page, also: Page | None = None) -> list[Page]:
    """The publicly visible translations of ``page``, itself included. Read once per request
    (the language switcher and the hreflang alternates both ask), together with those of
    ``also`` when given (the home page, which the switcher falls back on).

    In the "source" mode the switcher needs the readable versions (aliases included) as well:
    the visible translations are exactly the readable versions that are not aliases (the two
    rules differ in nothing else, ``headless.visibility``), so one query answers both."""
    if missing_translation_mode() == "source":
        return [row for row in readable_translations(page, also) if not row.alias_of_id]
    return _translations(page, also, readable=False)


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
