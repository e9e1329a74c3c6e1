"""What a reader may find, and the query object every backend is asked with.

One definition for the results, the facets, the suggestions, the editors' picks and the
autocomplete: the publicly visible pages (``headless.visibility``: live, public, not an alias,
not expired, not embargoed) of the reader's locale, narrowed by the facet filters."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Locale, Page
from wagtail.search.query import MATCH_ALL, PlainText

from headless.visibility import searchable, visible_pages
from search.facets import filter_q


def eligible_pages(locale: Locale, filters: dict[str, list[str]] | None = None) -> QuerySet:
    """Pages a reader of ``locale`` may find: publicly visible, in that locale."""
    qs = visible_pages(Page.objects.filter(locale=locale))
    for name, values in (filters or {}).items():
        qs = qs.filter(filter_q(name, values))
    return qs


def scoped(locale: Locale, filters: dict[str, list[str]] | None) -> QuerySet:
    """``eligible_pages`` in the form a search backend accepts."""
    # The backends accept filters on indexed FilterFields only; ``id__in`` a subquery carries
    # everything else (aliases, view restrictions, the clock, facets) in one SQL statement.
    return searchable(eligible_pages(locale, filters))


def search_query(terms: list[str]):
    """All the terms (AND), or everything when there are none (a filters-only search)."""
    return PlainText(" ".join(terms), operator="and") if terms else MATCH_ALL


def any_term(terms: list[str]):
    """Any of the terms (OR): what a multi-word search is ranked by on PostgreSQL."""
    return PlainText(" ".join(terms), operator="or")
