"""What a reader gets, shared by every page type of the programme (and by newsroom): the
reader's language and pages swapped for their translation. What a reader may see at all is
the one rule of ``headless.visibility`` (``visible_pages``), which listings import from there.

A module of its own so the page modules (phases, partners, contacts) can all use it without
importing one another.
"""

from __future__ import annotations

from django.utils.translation import get_language
from wagtail.models import Locale, Page

from headless.visibility import visible_pages


def current_language() -> str:
    """The active language without its region (``ru``, ``en``); ``ru`` while translation
    is deactivated."""
    return (get_language() or "ru").split("-")[0]


def localized_pages(pages: list[Page], language: str | None = None) -> list[Page]:
    """Each page replaced by its publicly visible translation in the reader's locale when
    there is one.

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
        for t in visible_pages(model.objects.filter(translation_key__in=keys, locale=locale))
    }
    return [found.get(p.translation_key, p) if p.locale_id != locale.pk else p for p in pages]
