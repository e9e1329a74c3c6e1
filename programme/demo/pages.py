"""Idempotent page helpers every app's demo content uses (and tests that build page trees).

The demo is written as data: each page is its non-translatable fields plus one mapping of
translatable fields per language. ``ensure_page`` turns one such entry into a page in the
source language and its translations, so a new language is a matter of adding its texts.
A second run must change nothing, so every helper looks the object up first and only creates
what is missing. These helpers know Wagtail and wagtail-localize only, no app's models: the
programme's and the newsroom's demos both build on them without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

from django.db import transaction
from wagtail.models import Locale, Page

#: The language the demo is written in first (the site's default locale); every other
#: language of the data translates it.
SOURCE_LANGUAGE = "ru"

#: Per-language translatable fields of one page: {"ru": {"title": ...}, "en": {...}}.
Texts = Mapping[str, Mapping[str, Any]]


def ensure_child(
    parent: Page,
    model: type[Page],
    slug: str,
    prepare: Callable[[Page], None] | None = None,
    **fields: Any,
) -> Page:
    """The live child of ``parent`` with this slug, created and published if missing.

    ``prepare(page)`` runs on the new, unsaved page: the place to set tags and child
    objects (partners, phone numbers), which cannot go through the constructor.
    """
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, locale=parent.locale, **fields)
    if prepare is not None:
        prepare(page)
    with transaction.atomic():
        parent.add_child(instance=page)
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def ensure_translation(page: Page, language: str, **fields: Any) -> Page:
    """The live translation of ``page`` into ``language``, created and published if missing.

    Non-translatable (synchronised) fields are copied from the source by
    ``copy_for_translation``; ``fields`` carry the translated text.
    """
    locale = Locale.objects.get(language_code=language)
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return existing.specific
    if existing is not None:
        # An alias a synchronised tree made (wagtail-localize): it becomes the translation,
        # keeping its place and address, as "Translate this page" would make it.
        translation = existing.specific
        with transaction.atomic():
            translation.alias_of = None
            for name, value in fields.items():
                setattr(translation, name, value)
            translation.save()
            translation.save_revision().publish()
        translation.refresh_from_db()
        return translation.specific
    with transaction.atomic():
        translation = page.copy_for_translation(locale, copy_parents=True)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


def ensure_translations(page: Page, texts: Texts) -> Page:
    """``page`` translated into every language of ``texts`` but its own; returns ``page``."""
    source = page.locale.language_code
    for language, fields in texts.items():
        if language != source:
            ensure_translation(page, language, **fields)
    return page


def ensure_page(
    parent: Page,
    model: type[Page],
    slug: str,
    texts: Texts,
    *,
    prepare: Callable[[Page], None] | None = None,
    **fields: Any,
) -> Page:
    """The one routine behind every demo page: the child ``slug`` of ``parent`` in the
    parent's language (its ``fields`` plus that language's ``texts``), then its translation
    into every other language ``texts`` has. Returns the source-language page."""
    source = parent.locale.language_code
    page = ensure_child(parent, model, slug, prepare=prepare, **fields, **texts[source])
    return ensure_translations(page, texts)


def texts_of(key: str, languages: Mapping[str, ModuleType], table: str = "PAGES") -> dict:
    """The per-language texts of ``key`` out of the language modules ``languages``
    ({language: module}), each holding a ``table`` dict keyed like the others. A language
    without an entry for ``key`` is left out (that page waits untranslated in it)."""
    found = {}
    for language, module in languages.items():
        entries = getattr(module, table)
        if key in entries:
            found[language] = entries[key]
    return found


def paragraph(text: str) -> dict[str, str]:
    """StreamField data of a paragraph block holding ``text``."""
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def paragraphs(*texts: str) -> list[dict[str, str]]:
    return [paragraph(text) for text in texts]
