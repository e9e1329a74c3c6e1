"""Strict query parameters: an endpoint names what it accepts, anything else is a 400 naming
the parameter, so a typo in a filter never passes as "no filter". Also the page-size limit
and the ``limit``/``offset`` defaults every listing shares.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.http import HttpRequest
from ninja import Query

from headless.errors import BadParameter

PAGINATION_PARAMS = frozenset({"limit", "offset"})
#: Accepted by every endpoint, whatever else it declares.
COMMON_PARAMS = frozenset({"locale", "site", "rich_text_format"})

LIMIT = Query(20, ge=1, description="Page size (at most WAGTAILAPI_LIMIT_MAX, 100 by default).")
OFFSET = Query(0, ge=0)


def reject_unknown(request: HttpRequest, allowed: Iterable[str]) -> None:
    """Refuse parameters the endpoint does not know, so typos do not pass unnoticed."""
    allowed = set(allowed) | COMMON_PARAMS
    for name in request.GET:
        if name not in allowed:
            raise BadParameter(
                name, f"Unknown query parameter '{name}'. Allowed: {', '.join(sorted(allowed))}."
            )


def max_limit() -> int:
    """The largest page size, shared with Wagtail's own endpoints (WAGTAILAPI_LIMIT_MAX)."""
    return int(getattr(settings, "WAGTAILAPI_LIMIT_MAX", 100) or 100)


def check_limit(limit: int) -> None:
    if limit > max_limit():
        raise BadParameter("limit", f"limit cannot be higher than {max_limit()}.")


def parse_ids(name: str, values: list[str]) -> list[int]:
    """Page ids of a repeated parameter; a non-number is a 400 naming the parameter."""
    try:
        return [int(value) for value in values]
    except ValueError:
        raise BadParameter(name, f"{name} must be page ids (whole numbers).") from None
