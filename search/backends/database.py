"""Wagtail's database search backend, analysing each page in its own language.

``search.backends.postgres`` (PostgreSQL: a text search configuration per language) and
``search.backends.sqlite`` (SQLite FTS5, the quick start: Snowball stems computed in Python)
both index a page with its locale's language and give ``for_language()``, a backend that
analyses the reader's query the same way. Languages without a stemmer (kk, ky, tg, tk, uz)
match a truncated stem as a prefix. See :mod:`search.analysis` and docs/search.md.

Settings (``WAGTAILSEARCH_BACKENDS["default"]``), PostgreSQL only:

- ``LANGUAGE_CONFIGS``: ``{language code: PostgreSQL text search configuration}``;
  defaults to ``{"ru": "russian", "en": "english"}``.
- ``SEARCH_CONFIG``: the configuration for other languages and for objects without a
  locale; defaults to ``simple`` (no stemming, no stop words: safe for any language).
"""

from __future__ import annotations

from django.db import connection
from wagtail.search.backends.database import SearchBackend as wagtail_database_backend

from search.backends.language import LanguageMixin

__all__ = ["LanguageMixin", "SearchBackend"]


def SearchBackend(params: dict):  # Wagtail looks the factory up by this name
    if connection.vendor == "postgresql":
        from search.backends.postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)
    backend = wagtail_database_backend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        from search.backends.sqlite import LanguageSQLiteSearchBackend

        return LanguageSQLiteSearchBackend(params)
    # MySQL or SQLite without FTS5: Wagtail's backend as is, with a for_language() no-op.
    cls = type(backend)
    backend.__class__ = type(f"Language{cls.__name__}", (LanguageMixin, cls), {})
    return backend
