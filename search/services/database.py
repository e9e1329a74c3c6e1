"""The search run on Wagtail's database backend (the default, and the fallback when
Elasticsearch is down): the page of results, the total and the facet counts."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from search.facets import FACETS, Facet, count_facets, with_selection
from search.services import documents
from search.services.scope import scoped, search_query


def database_backend(language: str):
    """The default backend, configured for ``language`` when it knows languages."""
    backend = get_search_backend("default")
    return backend.for_language(language) if hasattr(backend, "for_language") else backend


def database_search(
    terms: list[str],
    locale: Locale,
    filters: dict[str, list[str]],
    language: str,
    start: int,
    stop: int,
) -> tuple[list[int], int, dict[str, list[Facet]]]:
    """(pks of results ``start:stop``, total, facets): the answer Elasticsearch gives too.

    On PostgreSQL, one statement over the search documents (``search.services.documents``)
    once their facet values are written; this path until then."""
    backend = database_backend(language)
    if documents.available(backend):
        answer = documents.document_search(backend, terms, locale, filters, language, start, stop)
        if answer is not None:
            return answer
    if terms:
        results = backend.search(search_query(terms), scoped(locale, filters))
    else:  # filters only: newest first
        results = scoped(locale, filters).order_by("-first_published_at", "-pk")
    matches, total = matched(backend, terms, locale, filters)
    pks = [p.pk for p in results[start:stop]] if start < total else []
    facets = database_facets(
        backend, terms, locale, filters, language, {filters_key(filters): matches}
    )
    return pks, total, facets


def matching(backend, terms, locale, filters) -> QuerySet:
    """values("pk") of the pages matching ``terms`` within ``filters`` (for facet counts)."""
    pages = scoped(locale, filters)
    if not terms:
        return pages.values("pk")
    results = backend.search(search_query(terms), pages, operator="and")
    return results.get_queryset().order_by().values("pk")


def matched(backend, terms, locale, filters) -> tuple[list[int] | QuerySet, int]:
    """The pks matching ``terms`` within ``filters``, fetched once, and how many they are.

    Every facet counts over the same matches: handing each facet query the ids instead of the
    full-text subquery runs the text search once rather than once per facet and page type
    (seven times), which made the facets most of a search's time. Past
    ``SEARCH_FACET_MAX_IDS`` matches the ids would make too long a statement (SQLite caps
    its parameters): the facets keep the subquery, and the count is the list's length.
    """
    matches = matching(backend, terms, locale, filters)
    # No LIMIT here: with one, PostgreSQL picks a plan meant to stop early and the filtered
    # text search took seconds instead of tens of milliseconds.
    pks = list(matches.values_list("pk", flat=True))
    limit = getattr(settings, "SEARCH_FACET_MAX_IDS", 20_000)
    return (matches if len(pks) > limit else IdList(pks)), len(pks)


class IdList(list):
    """Matched pks, handed to SQL as one array on PostgreSQL: a literal ``IN (...)`` of
    thousands of ids costs more to plan than the text search it replaces."""

    def as_lookup_value(self):
        if connection.vendor == "postgresql":
            return RawSQL("SELECT unnest(%s::integer[])", (list(self),))
        return list(self)


def filters_key(filters: dict[str, list[str]]) -> tuple:
    return tuple(sorted((name, tuple(values)) for name, values in filters.items()))


def database_facets(
    backend, terms, locale, filters, language, known: dict[tuple, list | QuerySet] | None = None
) -> dict[str, list[Facet]]:
    """Facet counts combined with the query; each facet ignores its own selection so the
    reader can widen it (``country=kz`` still shows how many items ``kg`` would give).

    The facets that share their matches (all of them when nothing is selected) are counted
    in one query (``count_facets``). ``known`` maps a filters key to matches already
    fetched (the results' own)."""
    found: dict[tuple, list | QuerySet] = dict(known or {})
    groups: dict[tuple, list[str]] = {}
    for name in FACETS:
        others = {k: v for k, v in filters.items() if k != name}
        key = filters_key(others)
        if key not in found:
            found[key] = matched(backend, terms, locale, others)[0]
        groups.setdefault(key, []).append(name)
    counted: dict[str, list[Facet]] = {}
    for key, names in groups.items():
        counted.update(count_facets(names, found[key], language))
    return with_selection(counted, filters)
