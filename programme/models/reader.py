"""What a reader gets, shared by every page type of the programme (and by newsroom): the
reader's language, the visibility rule, and pages swapped for their translation.

A module of its own so the page modules (phases, partners, contacts) can all use it without
importing one another.
"""

from __future__ import annotations

from django.utils.translation import get_language
from wagtail.models import Locale, Page, PageQuerySet


def current_language() -> str:
    """The active language without its region (``ru``, ``en``); ``ru`` while translation
    is deactivated."""
    return (get_language() or "ru").split("-")[0]


def visible_pages(pages: PageQuerySet) -> PageQuerySet:
    """Live, public (no view restriction) and not a wagtail-localize alias: the one rule
    listings, filters and page contexts use, so they all show the same pages."""
    return pages.live().public().filter(alias_of__isnull=True)


def localized_pages(pages: list[Page], language: str | None = None) -> list[Page]:
    """Each page replaced by its live translation in the reader's locale when there is one.

    One query for the whole list (``page.localized`` costs one per page). Relations to
    pages are synchronised, so a translated phase still points at the source partners.
    """
    if not pages:
        return []
    language = language or current_language()
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return pages
    keys = {p.translation_key for p in pages if p.locale_id != locale.pk}
    if not keys:
        return pages
    model = type(pages[0])
    found = {
        t.translation_key: t
        for t in model.objects.filter(translation_key__in=keys, locale=locale)
        .live()
        .filter(alias_of__isnull=True)
    }
    return [found.get(p.translation_key, p) if p.locale_id != locale.pk else p for p in pages]
