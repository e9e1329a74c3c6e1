"""Listings: the envelope every list endpoint answers with, its schema, and ``paginate``, the
steps every list endpoint takes (check the parameters, resolve the locale, filter, count,
slice), so a new listing states only what is its own: its queryset and its filters.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Schema
from wagtail.models import Locale

from headless.errors import BadParameter
from headless.keyset import CURSOR_PARAM, Keyset
from headless.locales import resolve_locale
from headless.memo import current_generation
from headless.params import PAGINATION_PARAMS, check_limit, reject_unknown
from headless.related import attach


class ListSchema(Schema):
    """``{"count", "limit", "offset", "items"}``: subclasses declare ``items``."""

    count: int
    limit: int
    offset: int


def list_envelope(items: Iterable, count: int | None, limit: int, offset: int | None) -> dict:
    return {"count": count, "limit": limit, "offset": offset, "items": list(items)}


def paginate(
    request: HttpRequest,
    *,
    locale: str | None,
    queryset: Callable[[Locale], QuerySet],
    filters: Mapping[str, tuple[str, Any]],
    limit: int,
    offset: int,
    also_allowed: Iterable[str] = (),
    check: Callable[[], None] | None = None,
    arrange: Callable[[QuerySet, Locale], QuerySet | list] | None = None,
    keyset: Keyset | None = None,
    cursor: str | None = None,
    prepare: Callable[[list], None] | None = None,
    count_by_parameters: bool = False,
) -> dict:
    """One page of a listing, as its envelope.

    In order: unknown parameters and a too large ``limit`` are refused, ``check`` runs the
    endpoint's own parameter checks, the locale is resolved and ``queryset(locale)`` built,
    each given filter ({parameter: (lookup, value)}) applied when its value is set, then
    ``arrange(queryset, locale)`` may order, narrow or turn it into a list. The count is
    ``len()`` for a list and one COUNT query for a queryset, kept in the cache for the
    content generation the request reads (``headless.memo``): on a large table the count
    costs more than the page, and it changes only when the content does. ``prepare(page)``
    may then read what the items of the page need in bulk, before the pages they refer to
    are resolved together (``headless.related.attach``: one query).

    ``keyset`` (the order the listing's queryset is in, when a cursor can follow it) adds
    ``next_cursor`` to the envelope; with a ``cursor`` the page is the items after the one it
    names (``headless.keyset``), read from the index without an offset and without a count
    (``count`` and ``offset`` are null). A cursor on a listing or an order without a keyset,
    or together with ``offset``, is a 400.

    ``count_by_parameters`` files the count under the request's path and parameters (all but
    ``limit`` and ``offset``) instead of its SQL statement, which then is not compiled just to
    name it: for a listing whose matches follow from its parameters and the content alone
    (not from a search index, which may catch up without the content generation moving).
    """
    reject_unknown(request, {*filters, *also_allowed, *PAGINATION_PARAMS})
    check_limit(limit)
    if check is not None:
        check()
    language = resolve_locale(locale)
    items = queryset(language)
    for lookup, value in filters.values():
        if value:
            items = items.filter(**{lookup: value})
    if arrange is not None:
        items = arrange(items, language)
    if cursor is not None:
        return _after_cursor(request, items, keyset, cursor, limit, prepare)
    if isinstance(items, list):
        count = len(items)
    else:
        count = cached_count(items, parameters_name(request) if count_by_parameters else None)
    page = list(items[offset : offset + limit])
    if prepare is not None:
        prepare(page)
    attach(page)
    envelope = list_envelope(page, count, limit, offset)
    if keyset is not None:
        more = page and offset + len(page) < count
        envelope["next_cursor"] = keyset.cursor_for(page[-1]) if more else None
    return envelope


def _after_cursor(
    request: HttpRequest,
    items: QuerySet | list,
    keyset: Keyset | None,
    cursor: str,
    limit: int,
    prepare: Callable[[list], None] | None,
) -> dict:
    """The page after ``cursor``: one row more than the page says whether another follows."""
    if keyset is None or isinstance(items, list):
        raise BadParameter(
            CURSOR_PARAM, "cursor works with the date orderings only (not a search or title)."
        )
    if "offset" in request.GET:
        raise BadParameter(CURSOR_PARAM, "Use either cursor or offset, not both.")
    date, pk = keyset.decode(cursor)
    rows = list(items.filter(keyset.after(date, pk)).order_by(*keyset.order())[: limit + 1])
    page = rows[:limit]
    if prepare is not None:
        prepare(page)
    attach(page)
    envelope = list_envelope(page, None, limit, None)
    envelope["next_cursor"] = keyset.cursor_for(page[-1]) if len(rows) > limit else None
    return envelope


def cached_count(items: QuerySet, name: str | None = None) -> int:
    """``items.count()``, cached per content generation and SQL statement (or ``name``, when
    the caller knows what names the same matches: ``parameters_name``) when the request named
    its generation (anonymous reads), else counted."""
    generation = current_generation()
    if generation is None:
        return items.count()
    if name is None:
        try:
            sql, params = items.query.sql_with_params()
        except EmptyResultSet:  # a filter that can match nothing: no query at all
            return 0
        name = f"{sql}\n{stable(params)!r}"
    raw = f"{generation}\n{name}".encode()
    key = "count:" + hashlib.sha256(raw).hexdigest()
    found = cache.get(key)
    if found is None:
        found = items.count()
        cache.set(key, found, COUNT_SECONDS)
    return found


def parameters_name(request: HttpRequest) -> str:
    """The listing a request asks for, by its path and parameters, less the page's own
    (``limit``, ``offset``): the same name for every page of the same matches, whatever
    order the parameters come in."""
    pairs = sorted(
        (key, value)
        for key, values in request.GET.lists()
        if key not in PAGINATION_PARAMS
        for value in values
    )
    return f"parameters:{request.path}?{urlencode(pairs)}"


def stable(params) -> list:
    """The statement's parameters without the moment it was built at: the visibility rule
    compares dates with "now", and the content generation already moves when a scheduled
    publication or expiry passes (``portal.content_clock``). Other moments stay: a year
    filter's bounds (``publication_date__year``) are datetimes too, and two years must not
    share a key."""
    now = timezone.now()
    return [
        p
        for p in params
        if not (isinstance(p, datetime.datetime) and abs(p - now) < BUILT_AT_TOLERANCE)
    ]


#: How far from "now" a datetime parameter is taken for the moment the statement was built.
BUILT_AT_TOLERANCE = datetime.timedelta(minutes=1)


#: A count outlives no content change (the key names the generation); this bounds its life.
COUNT_SECONDS = 3600
