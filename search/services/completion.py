"""Autocomplete: titles starting with what the reader is typing, from Elasticsearch when it
answers, else from the database backend; checked against the same scope as the results."""

from __future__ import annotations

from django.utils import translation

from search.highlight import query_terms
from search.services.database import database_backend
from search.services.elasticsearch import elasticsearch_autocomplete
from search.services.query import clean_int, clean_language, clean_query
from search.services.scope import eligible_pages, scoped

AUTOCOMPLETE_LIMIT = 8


def autocomplete(query: str, *, language: str, limit: int = AUTOCOMPLETE_LIMIT) -> list[dict]:
    """Titles starting with what the reader is typing: [{"title", "url", "type"}]."""
    query = clean_query(query)
    locale = clean_language(language)
    limit = clean_int(limit, "limit", 1, 20)
    terms = query_terms(query)
    if not terms or len(" ".join(terms)) < 2:
        return []
    pages = elasticsearch_autocomplete(language, terms, locale, limit)
    if pages is None:
        backend = database_backend(language)
        pages = list(backend.autocomplete(" ".join(terms), scoped(locale, {}))[:limit])
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
