"""Wagtail's ``elasticsearch8`` backend with one index per locale (``search.backends.opensearch``
is the same on Wagtail's ``opensearch2``/``opensearch3`` backends).

Why one index per locale rather than per-language sub-fields: a page is written in one
language, so each document needs one analyser, and ES analyses a field with the analyser of its
mapping. With an index per locale every text field (including Wagtail's ``_all_text`` catch-all
and boosted copies) is analysed by the index's ``default`` analyser, which is that language's
(Russian stemmer and stop words for ru, English for en, the truncated-stem fallback for the
rest: ``search.backends.analysers``); queries are analysed the same way; relevance statistics
(IDF) are not skewed by other languages; and a locale can be rebuilt or dropped alone.
Sub-fields would multiply the mapping by seven and send every query to seven analysers for
nothing.

Each backend alias (``elasticsearch_<lang>`` in settings) indexes only the public pages of its
own locale: live, not aliases, without view restrictions; what the clock hides (embargo,
expiry) is filtered at query time (``indexed_visible_pages``). Other objects (images,
documents) stay with the database backend that serves Wagtail's admin.
"""

from __future__ import annotations

from collections import defaultdict
from copy import deepcopy

from django.apps import apps
from django.utils import translation
from elastic_transport import TransportError
from elasticsearch import ApiError
from opensearchpy.exceptions import OpenSearchException as OpenSearchError
from wagtail.models import Locale, Page
from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8Index,
    Elasticsearch8SearchBackend,
)
from wagtail.search.query import MATCH_ALL, PlainText

from headless.visibility import hidden_by_clock
from search.backends import locale_languages, page_language
from search.backends.analysers import language_index_settings
from search.facets import FACETS, Facet, facet_sources, page_content_types


def is_public_page_of(obj, language: str, locales: dict[int, str] | None = None) -> bool:
    if not isinstance(obj, Page):
        return False
    if page_language(obj, locales) != language:
        return False
    if not obj.live or obj.alias_of_id is not None:
        return False
    return not obj.get_view_restrictions().exists()


class LocaleIndexMixin:
    """Only the public pages of the backend's own locale (Elasticsearch and OpenSearch)."""

    def add_item(self, item):
        if is_public_page_of(item, self.backend.language):
            super().add_item(item)
        elif isinstance(item, Page) and page_language(item) == self.backend.language:
            self.delete_item(item)  # unpublished, made private or turned into an alias

    def add_items(self, model, items):
        locales = locale_languages()
        items = [i for i in items if is_public_page_of(i, self.backend.language, locales)]
        if items:
            super().add_items(model, items)

    def delete_item(self, item):
        if isinstance(item, Page):
            super().delete_item(item)


class LocaleIndex(LocaleIndexMixin, Elasticsearch8Index):
    pass


class LocaleBackendMixin:
    """A search-server backend for one language: its analysers in the index settings."""

    def __init__(self, params: dict):
        params = dict(params)
        self.language = params.pop("LANGUAGE")
        settings = language_index_settings(self.language)
        extra = params.pop("INDEX_SETTINGS", {})
        params["INDEX_SETTINGS"] = _deep_merge(settings, extra)
        super().__init__(params)

    def for_language(self, language: str):
        return self


class LocaleElasticsearchBackend(LocaleBackendMixin, Elasticsearch8SearchBackend):
    index_class = LocaleIndex


SearchBackend = LocaleElasticsearchBackend


def _deep_merge(base: dict, extra: dict) -> dict:
    out = deepcopy(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


#: Everything a sick cluster raises: transport (unreachable, timeout) and API errors, of the
#: Elasticsearch client and of the OpenSearch one.
BACKEND_ERRORS: tuple[type[Exception], ...] = (
    TransportError,
    ApiError,
    OpenSearchError,
    ConnectionError,
    TimeoutError,
)


def indexed_visible_pages(locale: Locale):
    """The query scope of a locale index: its pages, minus those the clock hides now.

    The index holds the pages that were public when saved (live, not aliases, no view
    restriction); an embargo date or an expiry passes without a save, so those are filtered
    at query time (a ``must_not`` of the few ids ``headless.visibility`` says the clock hides).
    Filters on indexed fields only: the visible ids would be every page of the site."""
    return Page.objects.filter(locale_id=locale.pk, live=True).exclude(pk__in=hidden_by_clock())


# --- faceted search -------------------------------------------------------------------------


def _facet_columns(backend) -> dict[str, list[tuple]]:
    """{facet: [(FacetSource, ES column name)]} from the models' FilterFields."""
    columns: dict[str, list[tuple]] = defaultdict(list)
    for facet, sources in facet_sources().items():
        for source in sources:
            mapping = backend.mapping_class(source.model)
            field = next(
                (
                    f
                    for f in source.model.get_search_fields()
                    if f.field_name == source.field_name and type(f).__name__ == "FilterField"
                ),
                None,
            )
            if field is not None:
                columns[facet].append((source, mapping.get_field_column_name(field)))
    return dict(columns)


def _content_type_name(key: str) -> str:
    model = apps.get_model(key)
    return f"{model._meta.app_label}.{model.__name__}"


def facet_filter(backend, facet: str, values: list[str]) -> dict:
    """The ES filter clause selecting documents with any of ``values`` for ``facet``."""
    if facet == "content_type":
        return {"terms": {"_django_content_type": [_content_type_name(v) for v in values]}}
    should = []
    for source, column in _facet_columns(backend).get(facet, []):
        if source.kind == "date":
            for year in values:
                span = {"gte": f"{year}-01-01", "lt": f"{int(year) + 1}-01-01"}
                should.append(_excluding(source, {"range": {column: span}}))
        elif source.kind == "relation":
            key = _related_key(source.related_model)
            pks = list(
                source.related_model._default_manager.filter(**{f"{key}__in": values}).values_list(
                    "pk", flat=True
                )
            )
            should.append({"terms": {column: pks}})
        else:
            should.append({"terms": {column: values}})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def _excluding(source, clause: dict) -> dict:
    if not source.exclude:
        return clause
    names = [f"{m._meta.app_label}.{m.__name__}" for m in source.exclude]
    return {"bool": {"filter": [clause], "must_not": [{"terms": {"_django_content_type": names}}]}}


def _related_key(model) -> str:
    return "slug" if any(f.name == "slug" for f in model._meta.get_fields()) else "pk"


def build_search_body(backend, *, terms, locale, filters) -> dict:
    """The search request body: the query (with Wagtail's content type and our locale and
    live filters), facet selections as a post_filter, and one aggregation per facet that
    applies every other facet's selection (so a selected facet still shows its siblings)."""
    queryset = indexed_visible_pages(locale)
    query = PlainText(" ".join(terms), operator="and") if terms else MATCH_ALL
    compiler = backend.query_compiler_class(queryset, query)
    body: dict = {"query": compiler.get_query()}
    clauses = {name: facet_filter(backend, name, values) for name, values in filters.items()}
    if clauses:
        body["post_filter"] = {"bool": {"filter": list(clauses.values())}}
    columns = _facet_columns(backend)
    aggs: dict = {}
    for name in FACETS:
        others = [clause for other, clause in clauses.items() if other != name]
        if name == "content_type":
            inner = {"values": {"terms": {"field": "_django_content_type", "size": 50}}}
        else:
            inner = {}
            for i, (source, column) in enumerate(columns.get(name, [])):
                if source.kind == "date":
                    histogram = {
                        "date_histogram": {
                            "field": column,
                            "calendar_interval": "year",
                            "format": "yyyy",
                            "min_doc_count": 1,
                        }
                    }
                    if source.exclude:  # Page's own date, for the types without one
                        histogram = {
                            "filter": _excluding(source, {"match_all": {}}),
                            "aggs": {"h": histogram},
                        }
                    inner[f"c{i}"] = histogram
                else:
                    inner[f"c{i}"] = {"terms": {"field": column, "size": 100}}
        aggs[name] = {"filter": {"bool": {"filter": others}}, "aggs": inner}
    body["aggs"] = aggs
    return body


def parse_facets(backend, response: dict, *, filters, language) -> dict:
    """Facets with labels in ``language`` (the reader's, not whatever is active)."""
    with translation.override(language):
        return _parse_facets(backend, response, filters=filters, language=language)


def _parse_facets(backend, response: dict, *, filters, language) -> dict:
    columns = _facet_columns(backend)
    types = {_content_type_name(key): key for key in page_content_types()}
    facets = {}
    for name in FACETS:
        agg = response.get("aggregations", {}).get(name, {})
        counts: dict[str, int] = defaultdict(int)
        labels: dict[str, str] = {}
        if name == "content_type":
            for bucket in agg.get("values", {}).get("buckets", []):
                key = types.get(bucket["key"])
                if key:
                    counts[key] += bucket["doc_count"]
                    model = page_content_types()[key].model_class()
                    with translation.override(language):
                        label = str(model._meta.verbose_name_plural)
                    labels[key] = label[:1].upper() + label[1:]
        else:
            for i, (source, _column) in enumerate(columns.get(name, [])):
                sub = agg.get(f"c{i}", {})
                buckets = (sub["h"] if "h" in sub else sub).get("buckets", [])
                if source.kind == "relation":
                    # keyword columns hand back "12" for the pk 12
                    related = source.related_model._default_manager.all()
                    if hasattr(source.related_model, "labels"):
                        related = related.prefetch_related("labels")
                    objs = related.in_bulk([_pk(b["key"]) for b in buckets])
                    for bucket in buckets:
                        obj = objs.get(_pk(bucket["key"]))
                        if obj is None:
                            continue
                        key = str(getattr(obj, _related_key(source.related_model)))
                        counts[key] += bucket["doc_count"]
                        label = getattr(obj, "label", None)
                        labels[key] = label(language) if callable(label) else str(obj)
                else:
                    choices = (
                        dict(source.model._meta.get_field(source.field_name).flatchoices)
                        if source.kind == "choice"
                        else {}
                    )
                    for bucket in buckets:
                        key = str(bucket.get("key_as_string", bucket["key"]))
                        counts[key] += bucket["doc_count"]
                        labels[key] = str(choices.get(bucket["key"], key))
        selected = set(filters.get(name, []))
        items = [Facet(k, labels.get(k, k), n, k in selected) for k, n in counts.items() if n]
        if name == "year":
            items.sort(key=lambda f: f.value, reverse=True)
        else:
            items.sort(key=lambda f: (-f.count, f.label))
        facets[name] = items
    return facets


def _pk(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def search_with_facets(backend, *, terms, locale, filters, start, size, language):
    """One request: (ordered page pks, total, facets)."""
    body = build_search_body(backend, terms=terms, locale=locale, filters=filters)
    index = backend.get_index_for_model(Page).name
    if getattr(backend, "body_in_one_argument", False):  # the OpenSearch client
        request = {**body, "from": start, "size": size, "_source": False}
        request.update(stored_fields=["pk"], track_total_hits=True)
        response = backend.es.search(index=index, body=request)
    else:
        response = backend.es.search(
            index=index,
            **body,
            from_=start,
            size=size,
            _source=False,
            stored_fields="pk",
            track_total_hits=True,
        )
    hits = response["hits"]
    pks = [int(hit["fields"]["pk"][0]) for hit in hits["hits"]]
    total = hits["total"]["value"] if isinstance(hits["total"], dict) else hits["total"]
    return pks, total, parse_facets(backend, response, filters=filters, language=language)
