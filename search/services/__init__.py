"""The search service: what the search page, the autocomplete and the search API call.

``run_search()`` validates its input (``SearchQueryError`` for anything a view should answer
with 400), scopes the query to the reader's locale (live, public, not alias pages), asks
Elasticsearch when it is configured and falls back to the database backend when it is not
reachable, and returns plain dataclasses: hits with highlighted snippets, facet counts, editor
picks (Wagtail's search promotions) and a "did you mean" suggestion.

Modules, by concern: ``query`` (input validation), ``scope`` (what a reader may find),
``database`` and ``elasticsearch`` (running the search on each backend; the breaker that
falls back to the database), ``results`` (the dataclasses, hits, editors' picks),
``suggestions`` ("did you mean"), ``completion`` (autocomplete) and ``run`` (``run_search``).
"""

from __future__ import annotations

from search.facets import FACETS, Facet
from search.services.completion import autocomplete
from search.services.query import SearchQueryError
from search.services.results import Promotion, SearchHit, SearchResults
from search.services.run import run_search

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
