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

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, PageQuerySet

from headless.visibility import restricted, visible_pages
from portal.i18n.fallback import missing_translation_mode

#: "in <language>", said in the reader's language, for a text shown untranslated. One phrase
#: per source language rather than "in %(language)s": the case of the language's name differs
#: from language to language ("на русском", "орысша", "rus tilida").
IN_LANGUAGE: dict[str, Promise] = {
    "ru": _("in Russian"),
    "en": _("in English"),
    "kk": _("in Kazakh"),
    "ky": _("in Kyrgyz"),
    "tg": _("in Tajik"),
    "tk": _("in Turkmen"),
    "uz": _("in Uzbek"),
}


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


def in_language(code: str) -> str:
    """The marker for a text in ``code`` ("in Russian"), in the active language."""
    phrase = IN_LANGUAGE.get(code)
    return str(phrase) if phrase is not None else code


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


def readable_pages(pages: PageQuerySet) -> PageQuerySet:
    """``pages`` that a reader may open in the "source" mode: the publicly visible ones plus
    live aliases of publicly visible pages (the untranslated copies in synchronised trees),
    never a page under a view restriction."""
    visible_sources = visible_pages(Page.objects.all()).values("pk")
    return pages.live().filter(
        Q(pk__in=visible_pages(pages.model._default_manager.all()).values("pk"))
        | (Q(alias_of__in=visible_sources) & ~Q(restricted()))
    )


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
    children = home.get_children().in_menu()
    if not shows_source():
        return [MenuEntry(page, None) for page in visible_pages(children).specific()]
    pages = list(readable_pages(children).select_related("locale", "alias_of__locale"))
    entries = []
    for page in pages:
        label = None
        if page.alias_of_id and page.alias_of.locale_id != page.locale_id:
            code = page.alias_of.locale.language_code
        else:
            code = page.locale.language_code
        if code != reader_language():
            label = SourceLabel(code=code, marker=in_language(code))
        entries.append(MenuEntry(page.specific, label))
    return entries
