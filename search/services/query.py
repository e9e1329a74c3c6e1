"""Search input, validated before anything runs: the query text, the language, the facet
filters and the numbers. Whatever a reader (or an API client) may type ends up here, so every
refusal is a ``SearchQueryError`` whose message is fit to show them (HTTP 400).

The query text has ONE limit for the whole site, ``SEARCH_QUERY_MAX_LENGTH`` characters and
``SEARCH_QUERY_MAX_WORDS`` words (settings): the search page, the autocomplete, the search API
and, through the host's input guard, every ``search=`` parameter of the APIs (ours and
Wagtail's stock v2/v3 listings) refuse longer text with the same message. Words matter as much
as characters: the database backend nests one expression per word, and a few hundred words
exhaust Python's recursion limit while the query is compiled."""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.models import Locale

from headless.messages import (
    BETWEEN,
    TOO_MANY_VALUES,
    UNKNOWN_CONTENT_TYPE,
    UNKNOWN_FILTER,
    UNKNOWN_LOCALE,
    VALUE_TOO_LONG,
    WHOLE_NUMBER,
    message,
)
from search.facets import FACETS, page_content_types
from search.highlight import strip_control_characters

MAX_PER_PAGE = 50
MAX_FILTER_VALUES = 20
MAX_PAGE = 1000


class SearchQueryError(ValueError):
    """Invalid search input; ``message`` is fit for the reader (HTTP 400). It is lazy: shown
    in the reader's language on the search page, in the API client's in problem JSON."""

    def __init__(self, text, *, field: str = "q"):
        super().__init__(text)
        self.message = text
        self.field = field


def query_limits() -> tuple[int, int]:
    """(characters, words): the longest query text any search on the site accepts."""
    return (
        int(getattr(settings, "SEARCH_QUERY_MAX_LENGTH", 200)),
        int(getattr(settings, "SEARCH_QUERY_MAX_WORDS", 32)),
    )


def check_query_text(query: str, *, field: str = "q") -> str:
    """``query`` with invisible format characters dropped and spaces collapsed;
    ``SearchQueryError`` naming ``field`` for control characters (NUL, escapes: nobody types
    them) and over the site's limit of characters or words."""
    if any(unicodedata.category(char) == "Cc" and char not in "\t\n\r" for char in query):
        raise SearchQueryError(_("The query contains control characters."), field=field)
    query = " ".join(strip_control_characters(query).split())
    max_length, max_words = query_limits()
    if len(query) > max_length:
        too_long = ngettext_lazy(
            "The query is too long: at most %(count)d character, please.",
            "The query is too long: at most %(count)d characters, please.",
            max_length,
        )
        raise SearchQueryError(message(too_long, {"count": max_length}), field=field)
    if query.count(" ") + 1 > max_words:
        too_many = ngettext_lazy(
            "The query has too many words: at most %(count)d, please.",
            "The query has too many words: at most %(count)d, please.",
            max_words,
        )
        raise SearchQueryError(message(too_many, {"count": max_words}), field=field)
    return query


def clean_query(query: str | None) -> str:
    if query is None:
        return ""
    if not isinstance(query, str):
        raise SearchQueryError(_("The query must be text."))
    return check_query_text(query)


def clean_language(language: str) -> Locale:
    codes = {code for code, _name in settings.LANGUAGES}
    unknown = message(UNKNOWN_LOCALE, {"code": language, "known": ", ".join(sorted(codes))})
    if language not in codes:
        raise SearchQueryError(unknown, field="language")
    try:
        # Through Wagtail's lookup by language, which the host may answer from the
        # request's copy of the locale table (``portal.request_memo``): no query.
        return Locale.objects.get_for_language(language)
    except (Locale.DoesNotExist, LookupError):
        raise SearchQueryError(unknown, field="language") from None


def clean_filters(filters: dict[str, list[str]] | None) -> dict[str, list[str]]:
    cleaned: dict[str, list[str]] = {}
    for name, values in (filters or {}).items():
        if name not in FACETS:
            allowed = ", ".join(FACETS)
            raise SearchQueryError(
                message(UNKNOWN_FILTER, {"name": name, "allowed": allowed}), field=name
            )
        if isinstance(values, str):
            values = [values]
        values = [strip_control_characters(str(v)).strip() for v in values or []]
        values = list(dict.fromkeys(v for v in values if v))
        if len(values) > MAX_FILTER_VALUES:
            raise SearchQueryError(message(TOO_MANY_VALUES, {"name": name}), field=name)
        if any(len(v) > 100 for v in values):
            raise SearchQueryError(message(VALUE_TOO_LONG, {"name": name}), field=name)
        if name == "year" and not all(v.isdigit() and len(v) == 4 for v in values):
            raise SearchQueryError(
                message(_("%(name)s: a year is four digits, e.g. 2022."), {"name": name}),
                field=name,
            )
        if name == "content_type":
            known = page_content_types()
            unknown = [v for v in values if v not in known]
            if unknown:
                allowed = ", ".join(sorted(known))
                raise SearchQueryError(
                    message(UNKNOWN_CONTENT_TYPE, {"value": unknown[0], "allowed": allowed}),
                    field=name,
                )
        if values:
            cleaned[name] = values
    return cleaned


def clean_int(value, name: str, low: int, high: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise SearchQueryError(message(WHOLE_NUMBER, {"name": name}), field=name) from None
    if not low <= number <= high:
        bounds = {"name": name, "low": low, "high": high}
        raise SearchQueryError(message(BETWEEN, bounds), field=name)
    return number
