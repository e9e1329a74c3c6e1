"""Wagtail's PostgreSQL backend, indexing each page with its own language.

Wagtail's PostgreSQL backend takes one ``SEARCH_CONFIG`` per backend and every backend shares
one ``IndexEntry`` table (one row per object), so "one backend alias per language" would make
the aliases overwrite each other's rows. Instead, each row's tsvector is built with the
configuration of the page's own locale (``russian`` for ru, ``english`` for en, ``simple``
for the rest), from text normalised in Python first (:func:`search.analysis.normalise`:
``ё`` → ``е``, Uzbek in one script). A query word is matched through the reader's
configuration (ru, en), or, for languages without a stemmer, as a prefix: its truncated
stem (``to_tsquery('simple', 'нашақорлық:*')``). Imported only on PostgreSQL (it needs
``django.contrib.postgres``).
"""

from __future__ import annotations

from functools import reduce

from django.contrib.postgres.search import SearchQuery
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk
from wagtail.models import Page

from search.analysis import Alternative, alternatives, base_language, normalise, query_words
from search.backends.language import LanguageIndexerMixin, LanguageIndexMixin, LanguageMixin
from search.facet_tokens import batch_values, facet_tokens

DEFAULT_LANGUAGE_CONFIGS: dict[str, str] = {"ru": "russian", "en": "english"}
FALLBACK_CONFIG = "simple"


class LanguageObjectIndexer(LanguageIndexerMixin, ObjectIndexer):
    """Hands PostgreSQL normalised text (it stems itself) in the object's configuration."""

    def analyse(self, prepared: tuple) -> tuple:
        current_field, weight, value = prepared
        return current_field, weight, normalise(value, self.language)


class LanguagePostgresIndex(LanguageIndexMixin, PostgresIndex):
    def add_language_items(self, model, objs):
        """Wagtail's ``PostgresIndex.add_items`` with :class:`LanguageObjectIndexer`."""
        if not model.get_search_fields():
            return
        indexers = [LanguageObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(name), getattr(indexer, name)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title,
                    autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                    autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                    title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._write_facets(indexers)
        self._refresh_title_norms()

    def _write_facets(self, indexers: list) -> None:
        """The pages' facet values beside their search documents (``search.facet_tokens``),
        which the trigger on the index table has just written."""
        pages = [i for i in indexers if isinstance(i.obj, Page)]
        if not pages:
            return
        batch = batch_values([indexer.obj for indexer in pages])
        params: list = []
        for indexer in pages:
            params += [indexer.obj.pk, facet_tokens(indexer.obj, batch)]
        rows = ", ".join(["(%s, %s::text[])"] * len(pages))
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE search_document AS d SET facets = v.facets FROM (VALUES {rows})"
                " AS v (page_id, facets) WHERE d.page_id = v.page_id",
                params,
            )


class LanguageTsqueryMixin:
    language: str | None = None
    is_autocomplete = False
    backend_configs: dict[str, str] = DEFAULT_LANGUAGE_CONFIGS

    def word_query(self, word: str, invert: bool):
        language = base_language(self.language)
        alts = alternatives(word, language, self.is_autocomplete)
        if language in self.backend_configs:  # e.g. a "tr": "turkish" added in settings
            alts = [Alternative(word, language, self.is_autocomplete), *alts[1:]]
        forms = [
            SearchQuery(
                Lexeme(alt.word, prefix=alt.prefix, invert=invert),
                search_type="raw",
                config=self.backend_configs.get(alt.language or "", FALLBACK_CONFIG),
            )
            for alt in alts
        ]
        return reduce(lambda a, b: (a & b) if invert else (a | b), forms)

    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, PlainText):
            return super().build_tsquery_content(query, config=config, invert=invert)
        terms = [self.word_query(w, invert) for w in query_words(query.query_string, self.language)]
        if not terms:
            return None
        is_and = (query.operator.lower() == "and") != invert
        return reduce(lambda a, b: (a & b) if is_and else (a | b), terms)

    def search(self, config, start, stop, score_field=None, backend=None):
        if isinstance(self.query, PlainText) and not query_words(self.query.query_string, None):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field, backend=backend)


class LanguagePostgresQueryCompiler(LanguageTsqueryMixin, PostgresSearchQueryCompiler):
    pass


class LanguagePostgresAutocompleteCompiler(LanguageTsqueryMixin, PostgresAutocompleteQueryCompiler):
    is_autocomplete = True


class LanguagePostgresSearchBackend(LanguageMixin, PostgresSearchBackend):
    index_class = LanguagePostgresIndex
    query_compiler_class = LanguagePostgresQueryCompiler
    autocomplete_query_compiler_class = LanguagePostgresAutocompleteCompiler

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

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        results = super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
        compiler = getattr(results, "query_compiler", None)
        if compiler is not None:
            compiler.backend_configs = self.language_configs
        return results
