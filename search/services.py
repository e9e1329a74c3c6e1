"""The search service: one function the search page and the API both call.

``run_search()`` validates its input (``SearchQueryError`` for anything a view should answer
with 400), scopes the query to the reader's locale (live, public, not alias pages), asks
Elasticsearch when it is configured and falls back to the database backend when it is not
reachable, and returns plain dataclasses: hits with highlighted snippets, facet counts, editor
picks (Wagtail's search promotions) and a "did you mean" suggestion.
"""

from __future__ import annotations

import difflib
import logging
import math
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Max, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import translation
from django.utils.safestring import SafeString
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import MATCH_ALL, PlainText

from search.facets import (
    FACETS,
    Facet,
    content_type_counts,
    count_facet,
    filter_q,
    page_content_types,
)
from search.highlight import (
    highlight,
    plain_text,
    query_terms,
    snippet,
    strip_control_characters,
)

__all__ = [
    "FACETS",
    "Facet",
    "Promotion",
    "SearchHit",
    "SearchQueryError",
    "SearchResults",
    "autocomplete",
    "run_search",
]

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_PER_PAGE = 50
MAX_FILTER_VALUES = 20
MAX_PAGE = 1000
AUTOCOMPLETE_LIMIT = 8


class SearchQueryError(ValueError):
    """Invalid search input; ``str(error)`` is a message fit for the reader (HTTP 400)."""

    def __init__(self, message: str, *, field: str = "q"):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass
class SearchHit:
    """One result: the specific page plus its highlighted title and snippet (safe HTML)."""

    page: Page
    title: SafeString
    snippet: SafeString
    url: str
    content_type: str


@dataclass
class Promotion:
    """An editor's pick for this query (Wagtail's search promotions)."""

    title: str
    url: str
    description: str
    page: Page | None = None


@dataclass
class SearchResults:
    query: str
    language: str
    results: list[SearchHit]
    total: int
    page: int
    per_page: int
    num_pages: int
    facets: dict[str, list[Facet]]
    filters: dict[str, list[str]] = field(default_factory=dict)
    promotions: list[Promotion] = field(default_factory=list)
    suggestion: str | None = None
    backend: str = "database"

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def first_index(self) -> int:
        """The rank of the first result on this page (for ``<ol start>``)."""
        return (self.page - 1) * self.per_page + 1

    @property
    def terms(self) -> list[str]:
        return query_terms(self.query)


# --- input ----------------------------------------------------------------------------------


def clean_query(query: str | None) -> str:
    if query is None:
        return ""
    if not isinstance(query, str):
        raise SearchQueryError("The query must be text.")
    query = " ".join(strip_control_characters(query).split())
    if len(query) > MAX_QUERY_LENGTH:
        raise SearchQueryError(
            f"The query is too long: at most {MAX_QUERY_LENGTH} characters, please."
        )
    return query


def clean_language(language: str) -> Locale:
    codes = {code for code, _name in settings.LANGUAGES}
    if language not in codes:
        raise SearchQueryError(f"Unknown language {language!r}.", field="language")
    try:
        return Locale.objects.get(language_code=language)
    except Locale.DoesNotExist:
        raise SearchQueryError(f"Unknown language {language!r}.", field="language") from None


def clean_filters(filters: dict[str, list[str]] | None) -> dict[str, list[str]]:
    cleaned: dict[str, list[str]] = {}
    for name, values in (filters or {}).items():
        if name not in FACETS:
            raise SearchQueryError(
                f"Unknown filter {name!r}; use one of: {', '.join(FACETS)}.", field=name
            )
        if isinstance(values, str):
            values = [values]
        values = [strip_control_characters(str(v)).strip() for v in values or []]
        values = list(dict.fromkeys(v for v in values if v))
        if len(values) > MAX_FILTER_VALUES:
            raise SearchQueryError(f"Too many values for {name!r}.", field=name)
        if any(len(v) > 100 for v in values):
            raise SearchQueryError(f"A value of {name!r} is too long.", field=name)
        if name == "year" and not all(v.isdigit() and len(v) == 4 for v in values):
            raise SearchQueryError("A year is four digits, e.g. 2022.", field=name)
        if name == "content_type":
            known = page_content_types()
            unknown = [v for v in values if v not in known]
            if unknown:
                raise SearchQueryError(
                    f"Unknown content type {unknown[0]!r}; use one of: {', '.join(sorted(known))}.",
                    field=name,
                )
        if values:
            cleaned[name] = values
    return cleaned


def _clean_int(value, name: str, low: int, high: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise SearchQueryError(f"{name} must be a whole number.", field=name) from None
    if not low <= number <= high:
        raise SearchQueryError(f"{name} must be between {low} and {high}.", field=name)
    return number


# --- scope ----------------------------------------------------------------------------------


def eligible_pages(locale: Locale, filters: dict[str, list[str]] | None = None) -> QuerySet:
    """Pages a reader of ``locale`` may find: live, public, not aliases, in that locale."""
    qs = Page.objects.live().public().filter(locale=locale, alias_of__isnull=True)
    for name, values in (filters or {}).items():
        qs = qs.filter(filter_q(name, values))
    return qs


def _scoped(locale: Locale, filters) -> QuerySet:
    # The backends accept filters on indexed FilterFields only; ``id__in`` a subquery carries
    # everything else (aliases, view restrictions, facets) in one SQL statement.
    return Page.objects.filter(id__in=eligible_pages(locale, filters).values("pk"))


def _search_query(terms: list[str]):
    return PlainText(" ".join(terms), operator="and") if terms else MATCH_ALL


def database_backend(language: str):
    backend = get_search_backend("default")
    return backend.for_language(language) if hasattr(backend, "for_language") else backend


def _matching(backend, terms, locale, filters) -> QuerySet:
    """values("pk") of the pages matching ``terms`` within ``filters`` (for facet counts)."""
    scoped = _scoped(locale, filters)
    if not terms:
        return scoped.values("pk")
    results = backend.search(_search_query(terms), scoped, operator="and")
    return results.get_queryset().order_by().values("pk")


def _matched(backend, terms, locale, filters) -> tuple[list[int] | QuerySet, int]:
    """The pks matching ``terms`` within ``filters``, fetched once, and how many they are.

    Every facet counts over the same matches: handing each facet query the ids instead of the
    full-text subquery runs the text search once rather than once per facet and page type
    (seven times), which made the facets most of a search's time. Past
    ``SEARCH_FACET_MAX_IDS`` matches the ids would make too long a statement (SQLite caps
    its parameters): the facets keep the subquery, and the count is the list's length.
    """
    matching = _matching(backend, terms, locale, filters)
    # No LIMIT here: with one, PostgreSQL picks a plan meant to stop early and the filtered
    # text search took seconds instead of tens of milliseconds.
    pks = list(matching.values_list("pk", flat=True))
    limit = getattr(settings, "SEARCH_FACET_MAX_IDS", 20_000)
    return (matching if len(pks) > limit else IdList(pks)), len(pks)


class IdList(list):
    """Matched pks, handed to SQL as one array on PostgreSQL: a literal ``IN (...)`` of
    thousands of ids costs more to plan than the text search it replaces."""

    def as_lookup_value(self):
        if connection.vendor == "postgresql":
            return RawSQL("SELECT unnest(%s::integer[])", (list(self),))
        return list(self)


def _filters_key(filters: dict[str, list[str]]) -> tuple:
    return tuple(sorted((name, tuple(values)) for name, values in filters.items()))


def database_facets(
    backend, terms, locale, filters, language, matched: dict[tuple, list | QuerySet] | None = None
) -> dict[str, list[Facet]]:
    """Facet counts combined with the query; each facet ignores its own selection so the
    reader can widen it (``country=kz`` still shows how many items ``kg`` would give).

    ``matched`` maps a filters key to matches already fetched (the results' own)."""
    facets: dict[str, list[Facet]] = {}
    cache_: dict[tuple, list | QuerySet] = dict(matched or {})
    types: dict[tuple, dict[int, int]] = {}
    for name in FACETS:
        others = {k: v for k, v in filters.items() if k != name}
        key = _filters_key(others)
        if key not in cache_:
            cache_[key] = _matched(backend, terms, locale, others)[0]
        if key not in types:
            types[key] = content_type_counts(cache_[key])
        counts = count_facet(name, cache_[key], language, types[key])
        selected = set(filters.get(name, []))
        facets[name] = [
            Facet(c.value, c.label, c.count, c.value in selected) for c in counts if c.count
        ]
    return facets


# --- Elasticsearch, with the database as fallback --------------------------------------------


class _Breaker:
    """Remembers an Elasticsearch failure so one incident logs one warning and the site does
    not wait for a dead cluster's timeout on every request."""

    failed_at: float | None = None

    def open(self) -> bool:
        retry = getattr(settings, "SEARCH_ELASTICSEARCH_RETRY_AFTER", 30)
        return self.failed_at is not None and time.monotonic() - self.failed_at < retry

    def fail(self, error: Exception) -> None:
        if self.failed_at is None:
            logger.warning(
                "Elasticsearch is unavailable (%s: %s); answering from the database backend.",
                type(error).__name__,
                error,
            )
        self.failed_at = time.monotonic()

    def succeed(self) -> None:
        if self.failed_at is not None:
            logger.info("Elasticsearch answers again.")
        self.failed_at = None


breaker = _Breaker()


def elasticsearch_alias(language: str) -> str | None:
    for alias, conf in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).items():
        if (
            conf.get("BACKEND") == "search.backends.elasticsearch"
            and conf.get("LANGUAGE") == language
        ):
            return alias
    return None


def _elasticsearch(language, terms, locale, filters, start, stop):
    """(ordered pks, total, facets) from Elasticsearch, or None when it is not configured or
    failed (the failure is logged once per incident)."""
    alias = elasticsearch_alias(language)
    if alias is None or breaker.open():
        return None
    from search.backends.elasticsearch import backend_errors, search_with_facets

    try:
        answer = search_with_facets(
            get_search_backend(alias),
            terms=terms,
            locale=locale,
            filters=filters,
            start=start,
            size=stop - start,
            language=language,
        )
    except backend_errors() as error:
        breaker.fail(error)
        return None
    breaker.succeed()
    return answer


# --- results --------------------------------------------------------------------------------


def _hits(pks: list[int], terms: list[str], locale: Locale) -> list[SearchHit]:
    # Re-checked here: Elasticsearch may lag behind an unpublish or a new view restriction.
    pages = eligible_pages(locale).filter(pk__in=pks).specific()
    by_pk = {page.pk: page for page in pages}
    # Type names in the asked language, whatever the request's (the API has no prefix).
    with translation.override(locale.language_code):
        return _build_hits(pks, by_pk, terms)


def _build_hits(pks: list[int], by_pk: dict[int, Page], terms: list[str]) -> list[SearchHit]:
    hits = []
    for pk in pks:
        page = by_pk.get(pk)
        if page is None:
            continue
        hits.append(
            SearchHit(
                page=page,
                title=highlight(page.title, terms),
                snippet=snippet(page_text(page), terms),
                url=page.get_url() or page.url_path,
                content_type=str(page._meta.verbose_name),
            )
        )
    return hits


def page_text(page: Page) -> str:
    """The page's indexed text (its SearchFields but the title), for snippets."""
    parts = [getattr(page, "search_description", "") or ""]
    for search_field in page.get_searchable_search_fields():
        if search_field.field_name == "title":
            continue
        try:
            parts.append(plain_text(search_field.get_value(page)))
        except Exception:  # a broken field must not break the results page
            logger.exception("Cannot read %s.%s", type(page).__name__, search_field.field_name)
    return " ".join(part for part in parts if part)


def promotions(query: str, locale: Locale) -> list[Promotion]:
    """Editors' picks for this query, shown in the reader's language or not at all."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")
    )
    keys = [pick.page.translation_key for pick in picks if pick.page]
    localised = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(locale=locale, alias_of__isnull=True, translation_key__in=keys)
        .specific()
    }
    out = []
    for pick in picks:
        if pick.page:
            page = localised.get(pick.page.translation_key)
            if page is not None:
                out.append(Promotion(page.title, page.get_url(), pick.description, page))
        elif pick.external_link_url:
            out.append(
                Promotion(
                    pick.external_link_text or pick.external_link_url,
                    pick.external_link_url,
                    pick.description,
                )
            )
    return out


def vocabulary(locale: Locale) -> list[str]:
    """Words of the titles a reader of ``locale`` can find, for "did you mean"."""
    # keyed on what changes the vocabulary, so a publish or unpublish is seen at once
    state = eligible_pages(locale).aggregate(n=Count("pk"), latest=Max("last_published_at"))
    stamp = state["latest"].timestamp() if state["latest"] else 0
    key = f"search:vocabulary:{locale.language_code}:{state['n']}:{stamp}"
    words = cache.get(key)
    if words is None:
        found: set[str] = set()
        titles = eligible_pages(locale).values_list("title", flat=True)
        for title in titles.iterator(chunk_size=2000):
            found.update(w for w in query_terms(title) if len(w) > 2 and not w.isdigit())
        words = sorted(found)
        cache.set(key, words, 600)
    return words


def suggest(terms: list[str], locale: Locale) -> str | None:
    words = vocabulary(locale)
    known = set(words)
    corrected, changed = [], False
    for term in terms:
        if term in known:
            corrected.append(term)
            continue
        close = difflib.get_close_matches(term, words, n=1, cutoff=0.75)
        if close and close[0] != term:
            corrected.append(close[0])
            changed = True
        else:
            corrected.append(term)
    return " ".join(corrected) if changed else None


def log_query(query: str) -> None:
    from wagtail.contrib.search_promotions.models import Query

    Query.get(query).add_hit()


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
    page = _clean_int(page, "page", 1, MAX_PAGE)
    per_page = _clean_int(per_page, "per_page", 1, MAX_PER_PAGE)
    terms = query_terms(query)
    empty = SearchResults(query, language, [], 0, page, per_page, 0, {}, filters)
    if not terms and not filters:
        if query:  # only punctuation or operators: nothing to look for, but help the reader
            empty.promotions = promotions(query, locale)
        return empty

    start, stop = (page - 1) * per_page, page * per_page
    answer = _elasticsearch(language, terms, locale, filters, start, stop)
    if answer is not None:
        pks, total, facets = answer
        backend_name = "elasticsearch"
    else:
        backend = database_backend(language)
        if terms:
            results = backend.search(_search_query(terms), _scoped(locale, filters))
        else:  # filters only: newest first
            results = _scoped(locale, filters).order_by("-first_published_at", "-pk")
        matched, total = _matched(backend, terms, locale, filters)
        pks = [p.pk for p in results[start:stop]] if start < total else []
        facets = database_facets(
            backend, terms, locale, filters, language, {_filters_key(filters): matched}
        )
        backend_name = "database"

    outcome = SearchResults(
        query=query,
        language=language,
        results=_hits(pks, terms, locale),
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
            suggestion = suggest(terms, locale)
            if suggestion and _count(suggestion, locale, language):
                outcome.suggestion = suggestion
        if log and page == 1 and terms:
            log_query(query)
    return outcome


def _count(query: str, locale: Locale, language: str) -> int:
    backend = database_backend(language)
    return backend.search(_search_query(query_terms(query)), _scoped(locale, {})).count()


def autocomplete(query: str, *, language: str, limit: int = AUTOCOMPLETE_LIMIT) -> list[dict]:
    """Titles starting with what the reader is typing: [{"title", "url", "type"}]."""
    query = clean_query(query)
    locale = clean_language(language)
    limit = _clean_int(limit, "limit", 1, 20)
    terms = query_terms(query)
    if not terms or len(" ".join(terms)) < 2:
        return []
    pages = None
    alias = elasticsearch_alias(language)
    if alias and not breaker.open():
        from search.backends.elasticsearch import backend_errors

        # The locale index holds public pages only; filter on indexed fields, not on a
        # subquery that would send every eligible id to the cluster.
        indexed = Page.objects.filter(locale_id=locale.pk, live=True)
        try:
            backend = get_search_backend(alias)
            pages = list(backend.autocomplete(" ".join(terms), indexed)[:limit])
            breaker.succeed()
        except backend_errors() as error:
            breaker.fail(error)
    if pages is None:
        backend = database_backend(language)
        pages = list(backend.autocomplete(" ".join(terms), _scoped(locale, {}))[:limit])
    found = eligible_pages(locale).filter(pk__in=[p.pk for p in pages]).specific()
    specific = {p.pk: p for p in found}
    out = []
    for item in pages:
        page = specific.get(item.pk)
        if page is not None:
            with translation.override(language):
                kind = str(page._meta.verbose_name)
            out.append({"title": page.title, "url": page.get_url(), "type": kind})
    return out
