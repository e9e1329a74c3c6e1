"""Wagtail's database search backend, indexing each page with its own language.

Wagtail's PostgreSQL backend takes one ``SEARCH_CONFIG`` per backend and every backend shares
one ``IndexEntry`` table (one row per object), so "one backend alias per language" would make
the aliases overwrite each other's rows. Instead, this backend builds each row's tsvector
with the configuration of the page's own locale (``russian`` for ru, ``english`` for en,
``simple`` for the rest) and ``for_language()`` gives a backend that parses the reader's query
with the same configuration. Results are always filtered to the reader's locale, so a query
is only ever matched against rows built with its own configuration.

Settings (``WAGTAILSEARCH_BACKENDS["default"]``):

- ``LANGUAGE_CONFIGS``: ``{language code: PostgreSQL text search configuration}``;
  defaults to :data:`DEFAULT_LANGUAGE_CONFIGS`.
- ``SEARCH_CONFIG``: the configuration for other languages and for objects without a
  locale; defaults to ``simple`` (no stemming, no stop words: safe for any language).

On SQLite (the quick start) Wagtail's FTS5 backend is used as is: no stemming.
"""

from __future__ import annotations

import copy
from collections import defaultdict

from django.db import connection
from wagtail.search.backends.database import SearchBackend as wagtail_database_backend

from search.backends import locale_languages, page_language

DEFAULT_LANGUAGE_CONFIGS: dict[str, str] = {"ru": "russian", "en": "english"}
FALLBACK_CONFIG = "simple"


class LanguageMixin:
    """Gives any database backend a ``for_language()`` (a no-op where there is no config)."""

    language: str | None = None

    def config_for(self, language: str | None) -> str | None:
        return None

    def for_language(self, language: str | None):
        clone = copy.copy(self)
        clone.language = language
        return clone


def SearchBackend(params: dict):  # Wagtail looks the factory up by this name
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    backend = wagtail_database_backend(params)
    cls = type(backend)
    mixed = type(f"Language{cls.__name__}", (LanguageMixin, cls), {})
    backend.__class__ = mixed
    return backend


def _postgres_classes():
    from wagtail.search.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )

    class LanguagePostgresIndex(PostgresIndex):
        """Builds each object's vectors with the configuration of the object's language."""

        def add_items(self, model, objs):
            languages = locale_languages()
            groups: dict[str | None, list] = defaultdict(list)
            for obj in objs:
                groups[page_language(obj, languages)].append(obj)
            for language, group in groups.items():
                backend = self.backend.for_language(language)
                PostgresIndex.add_items(PostgresIndex(backend), model, group)

    class LanguagePostgresSearchBackend(LanguageMixin, PostgresSearchBackend):
        index_class = LanguagePostgresIndex

        def __init__(self, params: dict):
            params = dict(params)
            self.fallback_config = params.pop("SEARCH_CONFIG", None) or FALLBACK_CONFIG
            self.language_configs = {
                **DEFAULT_LANGUAGE_CONFIGS,
                **params.pop("LANGUAGE_CONFIGS", {}),
            }
            super().__init__(params)
            self.config = self.fallback_config

        def config_for(self, language: str | None) -> str:
            return self.language_configs.get(language or "", self.fallback_config)

        def for_language(self, language: str | None):
            clone = super().for_language(language)
            clone.config = self.config_for(language)
            return clone

    return LanguagePostgresSearchBackend


class _Lazy:
    """Defers importing the PostgreSQL classes (they need django.contrib.postgres)."""

    cls = None

    def __call__(self, params: dict):
        if self.cls is None:
            self.cls = _postgres_classes()
        return self.cls(params)


LanguagePostgresSearchBackend = _Lazy()
