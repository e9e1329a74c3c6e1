"""The database search on PostgreSQL, in one statement over the search documents.

Wagtail's backend answers a search with a query for the page of results and, for the facets,
another for the ids of every match (the text search twice), then a third that joins those
ids to every facet's tables. At 10,000 items a word found in half of them cost some 300 ms
of SQL, most of it concatenating ``title || body`` for every row, twice, and joining 5,000
ids to the tag tables once per facet.

Here the matches are found once, in ``search_document`` (``search.models``: the stored
``title || body`` with its GIN index, and the page's facet values), inside the visibility
rule (``search.services.scope.eligible_pages``), with their rank, as a materialised CTE. The
page of results, the total and every facet read that CTE in the same statement: a facet is
counted by unnesting the matches' facet tokens (in the select list: a lateral
``unnest`` per row cost twice as much) (``search.facet_tokens``), each facet under
every selection but its own. Same answer as the generic path
(``search.services.database``): the pks of the page shown, the total, the facets.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone
from wagtail.models import Locale, Page

from headless.visibility import embargoed_pages
from search.facet_tokens import selection_tokens, token_values
from search.facets import FACETS, Facet, facet_sources, label_facets, with_selection
from search.models import SearchDocument
from search.services.scope import any_term, search_query

#: The CTEs' names: the visible matches, and their counts by set of facet tokens.
MATCHES = "search_matches"
GROUPS = "search_match_groups"


def available(backend) -> bool:
    """Whether the search documents answer for ``backend``: PostgreSQL, and the language-aware
    backend whose tsquery they are matched with."""
    return connection.vendor == "postgresql" and hasattr(backend, "language_configs")


def _tsquery(backend, query):
    """The tsquery Wagtail's backend would compile ``query`` to (the reader's language, word
    forms and prefixes: ``search.backends.postgres``) and the weights it ranks with."""
    compiler = backend.query_compiler_class(Page.objects.none(), query)
    compiler.language = backend.language
    return compiler.build_tsquery(compiler.query, config=backend.config), compiler.sql_weights


def _matches(backend, terms: list[str], locale: Locale) -> QuerySet:
    """The visible pages of ``locale`` matching ``terms`` (every one without terms), with
    what the page of results is ordered by and their facet tokens: from the documents alone,
    which carry the rule's unclocked parts (``search/migrations/0003``); its clocked parts,
    an expiry passed and an embargo to come, are compared with now here, as
    ``headless.visibility`` does."""
    now = timezone.now()
    documents = SearchDocument.objects.filter(locale_id=locale.pk, visible=True).filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    )
    for embargoed in embargoed_pages(Page, now):
        documents = documents.exclude(page_id__in=embargoed)
    if not terms:
        documents = documents.annotate(rank=RawSQL("0.0", ()))
    else:
        tsquery, weights = _tsquery(backend, search_query(terms))
        # Ranked by the terms' weighted frequency (any of them), not by how near each other
        # they stand (all of them): ``ts_rank`` of an AND query measures the distance of
        # every pair of positions, and three words found in 50,000 items cost 50 ms more
        # than the search itself. One word ranks the same either way.
        ranked = tsquery if len(terms) == 1 else _tsquery(backend, any_term(terms))[0]
        documents = documents.filter(document=tsquery).annotate(
            rank=SearchRank(F("document"), ranked, weights=weights)
        )
    return documents.order_by().values(
        "rank", "first_published_at", "facet_set_id", id=F("page_id")
    )


def _selected(filters: dict[str, list[str]]) -> dict[str, tuple[str, list]]:
    """{facet: (SQL condition on a match's tokens, params)} of the selected facets."""
    return {
        name: ("facets && %s::text[]", [selection_tokens(name, values)])
        for name, values in filters.items()
    }


def _all_but(selected: dict[str, tuple[str, list]], skip: str | None) -> tuple[str, list]:
    conditions = [(sql, params) for name, (sql, params) in selected.items() if name != skip]
    if not conditions:
        return "TRUE", []
    return " AND ".join(sql for sql, _ in conditions), [p for _, ps in conditions for p in ps]


def _facet_condition(selected: dict[str, tuple[str, list]]) -> tuple[str, list]:
    """Which tokens a match's facet counts take: a token of a selected facet counts under the
    other facets' selections, every other token under all of them."""
    if not selected:
        return "TRUE", []
    branches, params = [], []
    for name in selected:
        sql, condition_params = _all_but(selected, name)
        branches.append(f"WHEN split_part(token, ':', 1) = %s THEN {sql}")
        params += [name, *condition_params]
    sql, condition_params = _all_but(selected, None)
    return f"CASE {' '.join(branches)} ELSE {sql} END", params + condition_params


def document_search(
    backend,
    terms: list[str],
    locale: Locale,
    filters: dict[str, list[str]],
    language: str,
    start: int,
    stop: int,
) -> tuple[list[int], int, dict[str, list[Facet]]] | None:
    """(pks of results ``start:stop``, total, facets) in one statement; None when a match's
    facet values are not written yet (a document copied by the migration, before
    ``rebuild_search_index``): the caller takes the generic path."""
    matches_sql, matches_params = _matches(backend, terms, locale).query.sql_with_params()
    selected = _selected(filters)
    where, where_params = _all_but(selected, None)
    counted, counted_params = _facet_condition(selected)
    order = "rank DESC, id DESC" if terms else "first_published_at DESC, id DESC"
    # Everything but the page of results depends on a match's facet tokens alone, and far
    # fewer distinct token sets exist than matches (some 600 among 50,000): the total, the
    # check for unwritten tokens and the facet counts read the matches grouped by their set
    # (``search_facet_set``), and the page of results takes the sets the selection keeps.
    shown_sets = ""
    if selected:
        shown_sets = f"AND facet_set_id IN (SELECT facet_set_id FROM {GROUPS} WHERE {where})"
    statement = f"""
        WITH {MATCHES} AS MATERIALIZED ({matches_sql}),
        {GROUPS} AS (
            SELECT counted.facet_set_id, counted.n, sets.facets
            FROM (SELECT facet_set_id, COUNT(*) AS n FROM {MATCHES} GROUP BY facet_set_id)
                AS counted
            LEFT JOIN search_facet_set AS sets ON sets.id = counted.facet_set_id
        )
        (SELECT 0, (ROW_NUMBER() OVER (ORDER BY {order}))::text, id::bigint FROM (
            SELECT id, rank, first_published_at FROM {MATCHES} WHERE TRUE {shown_sets}
            ORDER BY {order} LIMIT %s OFFSET %s) AS shown)
        UNION ALL SELECT 1, NULL, COALESCE(SUM(n), 0)::bigint FROM {GROUPS} WHERE {where}
        UNION ALL SELECT 2, NULL, COALESCE(SUM(n), 0)::bigint FROM {GROUPS} WHERE facets IS NULL
        UNION ALL (SELECT 3, token, SUM(n)::bigint
            FROM (SELECT unnest(facets) AS token, facets, n FROM {GROUPS}) AS tokens
            WHERE {counted} GROUP BY token)
    """
    params = [
        *matches_params,
        *(where_params if selected else []),
        stop - start,
        start,
        *where_params,
        *counted_params,
    ]
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    if any(kind == 2 and n for kind, _, n in rows):
        return None
    pks = [pk for _, _, pk in sorted((int(k), int(p), pk) for k, p, pk in rows if k == 0)]
    total = next((n for kind, _, n in rows if kind == 1), 0)
    return pks, total, _facets(rows, filters, language)


def _facets(rows, filters: dict[str, list[str]], language: str) -> dict[str, list[Facet]]:
    """The counted tokens as facets, labelled as the generic path labels them."""
    stored: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for kind, token, n in rows:
        if kind != 3:
            continue
        name, _, value = token.partition(":")
        if name in stored:
            stored[name][value] = n
    # ``label_facets`` takes (arm, URL value, count) rows, an arm being a facet's source: a
    # value goes to the first source of its facet that can hold it (a kind to the page type
    # whose choices have it).
    arms: list = [("content_type", None)]
    arms += [(name, source) for name in FACETS for source in facet_sources().get(name, [])]
    counted = []
    for name in FACETS:
        urls = token_values(name, set(stored[name]))
        for value, n in stored[name].items():
            position = _arm(arms, name, urls.get(value))
            if position is not None:
                counted.append((position, urls[value], n))
    return with_selection(label_facets(list(FACETS), arms, counted, language), filters)


def _arm(arms: list, name: str, value: str | None) -> int | None:
    if value is None:
        return None
    for position, (arm_name, source) in enumerate(arms):
        if arm_name != name:
            continue
        if source is None or source.kind != "choice":
            return position
        field = source.model._meta.get_field(source.field_name)
        if value in {str(key) for key, _ in field.flatchoices}:
            return position
    return None
