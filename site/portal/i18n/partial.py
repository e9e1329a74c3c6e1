"""A locale with partial content is still a site (``NEWSROOM_MISSING_TRANSLATION = "source"``).

wagtail-localize's synchronised trees give every locale a copy of the Russian tree: translated
pages, and *aliases* of the pages nobody translated yet (their text still Russian). In the
"source" mode readers of such a locale are shown what exists in their language and, for the
rest, the source page in the reader's own chrome, marked as such: a ``lang`` attribute on the
text (so screen readers and browsers switch language) and a visible marker in the reader's
language ("орысша" on a Kazakh page). The menu of a locale with one translated page is
therefore the whole menu, not an empty bar, and no page silently redirects to another language.

This module answers "which language is this page's text in" and builds the menu entries; the
template tags in ``portal.templatetags.portal_tags`` put them in the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from wagtail.models import Locale, Page

from headless.memo import once_per_generation
from headless.visibility import readable_pages, visible_pages
from portal.i18n.fallback import missing_translation_mode
from programme.l10n import in_language


def shows_source() -> bool:
    """Whether untranslated pages are shown, labelled, in the reader's locale."""
    return missing_translation_mode() == "source"


def reader_language() -> str:
    return (get_language() or "").split("-")[0]


def text_language(page: Page) -> str:
    """The language ``page``'s text is written in: its own locale's, or for an untranslated
    alias the locale of the page it copies."""
    if page.alias_of_id:
        source = Page.objects.filter(pk=page.alias_of_id).select_related("locale").first()
        if source is not None and source.locale_id != page.locale_id:
            return source.locale.language_code
    return page.locale.language_code


@dataclass(frozen=True)
class SourceLabel:
    """Says that a text is shown in another language than the reader's."""

    code: str
    marker: str


def source_label(page: Page | None) -> SourceLabel | None:
    """A label when ``page``'s text is not in the reader's language, else None."""
    if not isinstance(page, Page) or not page.pk:
        return None
    code = text_language(page)
    if code == reader_language():
        return None
    return SourceLabel(code=code, marker=in_language(code))


def object_language(obj) -> str | None:
    """The language of a translatable object (a snippet shown through ``.localized``)."""
    locale = getattr(obj, "locale", None)
    return locale.language_code if isinstance(locale, Locale) else None


@dataclass(frozen=True)
class MenuEntry:
    page: Page
    label: SourceLabel | None


def menu_entries(home: Page | None) -> list[MenuEntry]:
    """The main menu of ``home``'s locale: its children shown in menus. In the "source" mode
    untranslated children are kept, each with the label of its text's language; otherwise
    only pages translated into the locale."""
    if home is None:
        return []
    # Kept for the content generation (``headless.memo``): every page of a locale shows the
    # same menu, and building its visibility query cost more than running it.
    key = f"menu:{home.pk}:{shows_source()}:{reader_language()}"
    return once_per_generation(key, lambda: _menu_entries(home))


def _menu_entries(home: Page) -> list[MenuEntry]:
    # Plain pages (a menu shows a title and a URL): one query, whatever the page types.
    children = home.get_children().in_menu()
    if not shows_source():
        return [MenuEntry(page, None) for page in visible_pages(children)]
    entries = []
    reader = reader_language()
    for page in readable_pages(children).select_related("locale", "alias_of__locale"):
        source = page.alias_of if page.alias_of_id else page
        code = source.locale.language_code
        label = SourceLabel(code=code, marker=in_language(code)) if code != reader else None
        entries.append(MenuEntry(page, label))
    return entries
