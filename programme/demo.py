"""Demo content of the programme app, and the idempotent page helpers every app's demo uses.

Each app that contributes demo content exposes ``load(homes, stdout)``; the host site's
``load_demo`` command calls them in dependency order. A second run must change nothing, so
every helper looks the object up first and only creates what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from wagtail.models import Locale, Page


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


def load(homes: dict[str, Page], stdout) -> None:
    """The programme with seven phases, partners of every kind and two donor contacts."""
    from programme import demo_content

    with transaction.atomic():
        demo_content.build(homes)
    stdout.write("Programme demo content ready (programme, 7 phases, partners, contacts).")
