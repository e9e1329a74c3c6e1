"""Demo content of the programme app, and the idempotent page helpers every app's demo uses.

Each app that contributes demo content exposes ``load(homes, stdout)``; the host site's
``load_demo`` command calls them in dependency order. Layout:

- ``pages``: ``ensure_page`` (a page from its per-language texts), ``ensure_child``,
  ``ensure_translation``: Wagtail-only helpers, shared with the newsroom's demo.
- ``data_pages``: the pages without their texts (slugs, kinds, dates, relations).
- ``data_ru``, ``data_en``, ``data_kk``, ``data_ky``, ``data_tg``, ``data_tk``, ``data_uz``:
  the texts, one module per language, keyed by page slug (ru and en complete; the five
  national languages translate the pages a reader of them looks for first).
- ``build``: places the data (``load``, ``ensure_vocabularies``).
"""

from __future__ import annotations

from programme.demo.build import contact_details, ensure_vocabularies, load
from programme.demo.pages import (
    SOURCE_LANGUAGE,
    ensure_child,
    ensure_page,
    ensure_translation,
    ensure_translations,
)

__all__ = [
    "SOURCE_LANGUAGE",
    "contact_details",
    "ensure_child",
    "ensure_page",
    "ensure_translation",
    "ensure_translations",
    "ensure_vocabularies",
    "load",
]
