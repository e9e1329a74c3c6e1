"""Strict query parameters: an endpoint names what it accepts, anything else is a 400 naming
the parameter, so a typo in a filter never passes as "no filter". Also the page-size limit
and the ``limit``/``offset`` bounds every listing shares, and ``DeclaredParameters``: the same
strictness for routes we do not write (Wagtail's own v3 routes ignore unknown parameters),
read from the API's OpenAPI document, the contract front ends code against.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.http import HttpRequest
from ninja import Query

from headless.errors import BadParameter
from headless.messages import PAGE_IDS, TOO_HIGH, UNKNOWN_PARAMETER, message

PAGINATION_PARAMS = frozenset({"limit", "offset"})
#: Accepted by every endpoint, whatever else it declares.
COMMON_PARAMS = frozenset({"locale", "site", "rich_text_format"})

LIMIT = Query(20, ge=1, description="Page size (at most WAGTAILAPI_LIMIT_MAX, 100 by default).")
#: The largest ``offset``: far past any listing's end, yet a number every database takes
#: (django-ninja's ``ge=0`` alone let 10**20 through to the database: a 500).
MAX_OFFSET = 2**31 - 1
OFFSET = Query(0, ge=0, le=MAX_OFFSET, description="Items to skip (at most 2147483647).")


def reject_unknown(request: HttpRequest, allowed: Iterable[str]) -> None:
    """Refuse parameters the endpoint does not know, so typos do not pass unnoticed."""
    allowed = set(allowed) | COMMON_PARAMS
    for name in request.GET:
        if name not in allowed:
            known = ", ".join(sorted(allowed))
            raise BadParameter(name, message(UNKNOWN_PARAMETER, {"name": name, "allowed": known}))


def max_limit() -> int:
    """The largest page size, shared with Wagtail's own endpoints (WAGTAILAPI_LIMIT_MAX)."""
    return int(getattr(settings, "WAGTAILAPI_LIMIT_MAX", 100) or 100)


def check_limit(limit: int) -> None:
    if limit > max_limit():
        raise BadParameter("limit", message(TOO_HIGH, {"name": "limit", "max": max_limit()}))


def parse_ids(name: str, values: list[str]) -> list[int]:
    """Page ids of a repeated parameter; a non-number is a 400 naming the parameter."""
    try:
        return [int(value) for value in values]
    except ValueError:
        raise BadParameter(name, message(PAGE_IDS, {"name": name})) from None


class DeclaredParameters:
    """The query parameters each operation of an OpenAPI document declares.

    ``allowed(method, path)`` is the set of names the operation at that address declares
    (plus ``COMMON_PARAMS``), or ``None`` when no operation of the document matches: the
    router answers that one (404, 405). Literal paths win over templated ones
    (``/pages/find/`` before ``/pages/{page_id}/``).
    """

    def __init__(self, document: Mapping) -> None:
        operations = []
        for path, methods in document.get("paths", {}).items():
            pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path))
            declared = {
                method.upper(): frozenset(
                    p["name"] for p in operation.get("parameters", ()) if p.get("in") == "query"
                )
                for method, operation in methods.items()
            }
            operations.append((path.count("{"), re.compile(pattern + r"\Z"), declared))
        self.operations = sorted(operations, key=lambda item: item[0])

    def allowed(self, method: str, path: str) -> frozenset[str] | None:
        method = "GET" if method == "HEAD" else method
        for _templated, pattern, declared in self.operations:
            if pattern.match(path):
                names = declared.get(method)
                return None if names is None else names | COMMON_PARAMS
        return None
