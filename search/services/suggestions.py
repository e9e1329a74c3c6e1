""" "Did you mean": when a query finds nothing, the closest words of the titles the reader can
find, offered only if the corrected query finds something."""

from __future__ import annotations

import difflib

from django.core.cache import cache
from django.db.models import Count, Max
from wagtail.models import Locale

from search.highlight import query_terms
from search.services.database import database_backend
from search.services.scope import eligible_pages, scoped, search_query


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


def suggestion(terms: list[str], locale: Locale, language: str) -> str | None:
    """A corrected query that finds something, or None."""
    corrected = suggest(terms, locale)
    if corrected and _count(corrected, locale, language):
        return corrected
    return None


def _count(query: str, locale: Locale, language: str) -> int:
    backend = database_backend(language)
    return backend.search(search_query(query_terms(query)), scoped(locale, {})).count()
