"""Wagtail's SQLite (FTS5) backend with stemming, for the quick start.

FTS5 does not stem, so the analysis happens in Python (:mod:`search.analysis`): a page's
title and body are stored in the index as the stems of its words for ru and en, as
normalised words for the other languages; the autocomplete column keeps the normalised
words. A query word becomes the same stem (exact), or a truncated stem matched as a prefix
(``"нашақорлық"*``) where no stemmer exists. The FTS5 query is written here from the plain
words only, each quoted, so no user text reaches FTS5's query syntax.
"""

from __future__ import annotations

from django.db.models import Expression
from modelsearch.backends.database.sqlite.query import SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.index import AutocompleteField
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

from search.analysis import alternatives, index_words, query_words, stem, words
from search.backends.language import LanguageIndexerMixin, LanguageIndexMixin, LanguageMixin


class LanguageObjectIndexer(LanguageIndexerMixin, ObjectIndexer):
    """Stores stems (ru, en) or normalised words (others) instead of the raw text."""

    def analyse(self, prepared: tuple) -> tuple:
        current_field, value = prepared
        if isinstance(current_field, AutocompleteField):
            return current_field, " ".join(words(value, self.language))
        return current_field, " ".join(index_words(value, self.language))


class LanguageSQLiteIndex(LanguageIndexMixin, SQLiteIndex):
    def add_language_items(self, model, objs):
        """Wagtail's ``SQLiteIndex.add_items`` with :class:`LanguageObjectIndexer`."""
        if not model.get_search_fields():
            return
        indexers = [LanguageObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {i.id: (i.title, i.autocomplete, i.body) for i in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in indexed:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class FTSQuery(Expression):
    """A finished FTS5 query string (only quoted words, ``*``, AND/OR and brackets)."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def as_sql(self, compiler, connection):
        return "%s", [self.text]


def fts_query(query_string: str, language: str | None, operator: str, autocomplete: bool):
    """The FTS5 query for a reader's words: every word (AND) in any of its forms (OR)."""
    terms = []
    for word in query_words(query_string, language):
        forms = []
        for alt in alternatives(word, language, autocomplete):
            text = stem(alt.word, alt.language) if alt.language else alt.word
            forms.append(f'"{text}"' + ("*" if alt.prefix else ""))
        terms.append("(" + " OR ".join(dict.fromkeys(forms)) + ")")
    if not terms:
        return None
    joiner = " OR " if operator.lower() == "or" else " AND "
    return SearchQueryExpression(FTSQuery(joiner.join(terms)))


class LanguageQueryCompilerMixin:
    language: str | None = None
    is_autocomplete = False

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            return fts_query(
                query.query_string, self.language, query.operator, self.is_autocomplete
            )
        return super().build_search_query_content(query, config=config)

    def search(self, config, start, stop, score_field=None):
        if isinstance(self.query, PlainText) and not query_words(self.query.query_string, None):
            return self.queryset.none()  # nothing but punctuation: FTS5 has nothing to match
        return super().search(config, start, stop, score_field=score_field)


class LanguageSQLiteQueryCompiler(LanguageQueryCompilerMixin, SQLiteSearchQueryCompiler):
    pass


class LanguageSQLiteAutocompleteCompiler(
    LanguageQueryCompilerMixin, SQLiteAutocompleteQueryCompiler
):
    is_autocomplete = True


class LanguageSQLiteSearchBackend(LanguageMixin, SQLiteSearchBackend):
    index_class = LanguageSQLiteIndex
    query_compiler_class = LanguageSQLiteQueryCompiler
    autocomplete_query_compiler_class = LanguageSQLiteAutocompleteCompiler
