"""``run_search``: the one function the search page and the API both call. It validates the
input, asks Elasticsearch when it is configured and answering, else the database backend, and
shapes the answer: hits, facets, editors' picks and a "did you mean" suggestion."""

from __future__ import annotations

import math

from django.db import connection
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from search.highlight import query_terms
from search.services.database import database_search
from search.services.elasticsearch import elasticsearch_search
from search.services.query import (
    MAX_PAGE,
    MAX_PER_PAGE,
    clean_filters,
    clean_int,
    clean_language,
    clean_query,
)
from search.services.results import SearchResults, hits, promotions
from search.services.suggestions import suggestion


def log_query(query: str) -> None:
    """Count the query in Wagtail's query statistics (the search promotions' admin).

    On PostgreSQL in one statement (the query row made if new, today's hits added to), not
    Wagtail's three (``Query.get(query).add_hit()``: read or create the query, read or
    create today's row, update it): a search is a read and should cost like one."""
    if connection.vendor != "postgresql":
        Query.get(query).add_hit()
        return
    queries, hits = Query._meta, QueryDailyHits._meta
    column = hits.get_field("query").column
    sql = f"""
        WITH new AS (
            INSERT INTO {queries.db_table} (query_string) VALUES (%s)
            ON CONFLICT (query_string) DO NOTHING RETURNING id
        ), found AS (
            SELECT id FROM new
            UNION ALL SELECT id FROM {queries.db_table} WHERE query_string = %s
            LIMIT 1
        )
        INSERT INTO {hits.db_table} ({column}, date, hits)
        SELECT id, %s, 1 FROM found
        ON CONFLICT ({column}, date) DO UPDATE SET hits = {hits.db_table}.hits + 1
    """
    normalised = normalise_query_string(query)
    with connection.cursor() as cursor:
        cursor.execute(sql, [normalised, normalised, timezone.now().date()])


def run_search(
    query: str,
    *,
    language: str,
    filters: dict[str, list[str]] | None = None,
    page: int = 1,
    per_page: int = 10,
    log: bool = True,
) -> SearchResults:
    """Search the reader's locale.

    ``filters`` maps facet names (:data:`FACETS`) to accepted values (OR within a facet, AND
    across facets). An empty query with filters lists everything they select; an empty query
    without filters returns no results (and no facets). ``log`` records the query in Wagtail's
    query statistics (first page only). Raises :class:`SearchQueryError` on invalid input.
    """
    query = clean_query(query)
    locale = clean_language(language)
    filters = clean_filters(filters)
    page = clean_int(page, "page", 1, MAX_PAGE)
    per_page = clean_int(per_page, "per_page", 1, MAX_PER_PAGE)
    terms = query_terms(query)
    empty = SearchResults(query, language, [], 0, page, per_page, 0, {}, filters)
    if not terms and not filters:
        if query:  # only punctuation or operators: nothing to look for, but help the reader
            empty.promotions = promotions(query, locale)
        return empty

    start, stop = (page - 1) * per_page, page * per_page
    backend_name = "elasticsearch"
    answer = elasticsearch_search(language, terms, locale, filters, start, stop)
    if answer is None:
        backend_name = "database"
        answer = database_search(terms, locale, filters, language, start, stop)
    pks, total, facets = answer

    outcome = SearchResults(
        query=query,
        language=language,
        results=hits(pks, terms, locale, recheck=backend_name == "elasticsearch"),
        total=total,
        page=page,
        per_page=per_page,
        num_pages=math.ceil(total / per_page) if total else 0,
        facets=facets,
        filters=filters,
        backend=backend_name,
    )
    if query:
        outcome.promotions = promotions(query, locale)
        if total == 0 and terms:
            outcome.suggestion = suggestion(terms, locale, language)
        if log and page == 1 and terms:
            log_query(query)
    return outcome
