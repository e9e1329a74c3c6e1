"""What the language-aware database backends share: ``for_language()`` and indexing each
object with the language of its locale."""

from __future__ import annotations

import copy
from collections import defaultdict

from modelsearch.index import RelatedFields

from search.backends import locale_languages, page_language


class LanguageMixin:
    """``for_language()`` gives a copy of the backend that analyses queries (and indexes
    objects) in that language; the query compilers read it from ``language``."""

    language: str | None = None

    def config_for(self, language: str | None) -> str | None:
        return None

    def for_language(self, language: str | None):
        clone = copy.copy(self)
        clone.language = language
        return clone

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        results = super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
        compiler = getattr(results, "query_compiler", None)
        if compiler is not None:
            compiler.language = self.language
        return results


class LanguageIndexMixin:
    """Indexes each object with a backend for its own locale's language."""

    def add_items(self, model, objs):
        languages = locale_languages()
        groups: dict[str | None, list] = defaultdict(list)
        for obj in objs:
            groups[page_language(obj, languages)].append(obj)
        for language, group in groups.items():
            type(self)(self.backend.for_language(language)).add_language_items(model, group)


class LanguageIndexerMixin:
    """An object indexer that analyses each field's text in its backend's language.

    The related-field wrapper is passed through (its sub-fields come back through
    ``prepare_field``); each prepared tuple of the backend's indexer goes through ``analyse``.
    """

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.language = backend.language

    def prepare_field(self, obj, field):
        if isinstance(field, RelatedFields):
            yield from super().prepare_field(obj, field)
            return
        for prepared in super().prepare_field(obj, field):
            yield self.analyse(prepared)

    def analyse(self, prepared: tuple) -> tuple:
        raise NotImplementedError
