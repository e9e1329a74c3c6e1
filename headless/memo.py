"""Memory for the length of one request: small tables that every part of a page asks for
again and again (locales, boilerplates) are read once per request, never longer.

Nothing is kept between requests, so nothing can go stale: an editor's change is seen by the
next request of every process. Outside a request (commands, tasks, the shell) there is no
memory and callers fall back on their own query.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.http import HttpRequest, HttpResponse

T = TypeVar("T")

_memo: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "request_memo", default=None
)


def request_memo(key: str, compute: Callable[[], T]) -> T | None:
    """``compute()`` once per request under ``key``; None outside a request."""
    memo = _memo.get()
    if memo is None:
        return None
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget(prefix: str = "") -> None:
    """Drop what this request remembered under ``prefix`` (after it wrote such rows)."""
    memo = _memo.get()
    if memo:
        for key in [key for key in memo if key.startswith(prefix)]:
            del memo[key]


class RequestMemoMiddleware:
    """Opens the memory (outermost, so every middleware, view and template shares it)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def table_by_id(model: type) -> dict[Any, Any] | None:
    """Every row of ``model`` by primary key, read once per request (small tables only)."""
    return request_memo(
        f"table:{model._meta.label}", lambda: {row.pk: row for row in model._default_manager.all()}
    )


class MemoForeignKeyDescriptor(ForwardManyToOneDescriptor):
    """``obj.<fk>`` from the request's copy of the (small) target table, else Django's query."""

    def get_object(self, instance, using=None):
        pk = getattr(instance, self.field.attname)
        table = table_by_id(self.field.related_model) if pk is not None else None
        if table is not None and pk in table:
            return table[pk]
        return super().get_object(instance)
