"""The search run on Elasticsearch when it is configured for the reader's language, and the
breaker that sends searches to the database backend while the cluster is down.

A failure logs one warning per incident (under ``search.services``, the logger docs/search.md
names) and the cluster is left alone for ``SEARCH_ELASTICSEARCH_RETRY_AFTER`` seconds, so the
site does not wait for a dead cluster's timeout on every request. Callers get ``None`` and
answer from the database: the reader never sees an error.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search.backends.elasticsearch import (
    BACKEND_ERRORS,
    indexed_visible_pages,
    search_with_facets,
)
from search.facets import Facet

logger = logging.getLogger(__package__)

#: Our search-server backends: Elasticsearch 8, or OpenSearch (same indexes and bodies).
SERVER_BACKENDS = ("search.backends.elasticsearch", "search.backends.opensearch")

T = TypeVar("T")


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
    """The search backend alias of ``language``'s Elasticsearch (or OpenSearch) index."""
    for alias, conf in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).items():
        if (
            conf.get("BACKEND") in SERVER_BACKENDS
            and conf.get("LANGUAGE") == language
        ):
            return alias
    return None


def ask_elasticsearch(language: str, question: Callable[..., T]) -> T | None:
    """``question(backend)`` answered by ``language``'s Elasticsearch backend, or None when
    none is configured, the breaker is open, or the cluster failed (then the breaker opens)."""
    alias = elasticsearch_alias(language)
    if alias is None or breaker.open():
        return None
    try:
        answer = question(get_search_backend(alias))
    except BACKEND_ERRORS as error:
        breaker.fail(error)
        return None
    breaker.succeed()
    return answer


def elasticsearch_search(
    language: str,
    terms: list[str],
    locale: Locale,
    filters: dict[str, list[str]],
    start: int,
    stop: int,
) -> tuple[list[int], int, dict[str, list[Facet]]] | None:
    """(ordered pks of results ``start:stop``, total, facets), or None when Elasticsearch
    is not asked or failed (see ``ask_elasticsearch``)."""
    return ask_elasticsearch(
        language,
        lambda backend: search_with_facets(
            backend,
            terms=terms,
            locale=locale,
            filters=filters,
            start=start,
            size=stop - start,
            language=language,
        ),
    )


def elasticsearch_autocomplete(
    language: str, terms: list[str], locale: Locale, limit: int
) -> list[Page] | None:
    """Pages whose titles start with ``terms``, or None (see ``ask_elasticsearch``)."""
    # The locale index holds public pages only; filter on indexed fields, not on a
    # subquery that would send every eligible id to the cluster.
    indexed = indexed_visible_pages(locale)
    return ask_elasticsearch(
        language, lambda backend: list(backend.autocomplete(" ".join(terms), indexed)[:limit])
    )
