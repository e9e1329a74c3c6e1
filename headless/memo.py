"""Memory for small tables that every part of a page asks for again and again (locales,
boilerplates, theme labels, the vocabularies, site settings).

Two scopes:

* **One request** (always): the first need reads the table, the rest of the request answers
  from that. Nothing outlives the request.
* **One content generation** (public reads only): when the host tells the request which
  generation of the content it is reading (``set_generation``: the database's content clock,
  which every change of public content moves, ``portal.content_clock``), the tables are kept
  in the process for as long as that generation lasts and read again as soon as it moves.
  The host sets it only for anonymous GET/HEAD requests outside the admin, so an editor's
  form never works on a shared object.

The generation is read *before* the tables: a change committed in between stamps a later
generation, so a table read after a change can be filed under the generation before it (and
is fresher than it needs to be), never the reverse. Outside a request (commands, tasks, the
shell) there is no memory and callers fall back on their own query.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.http import HttpRequest, HttpResponse

T = TypeVar("T")

_memo: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "request_memo", default=None
)


_shared_lock = threading.Lock()
_shared: dict[str, Any] = {"generation": None, "tables": {}}
_GENERATION = "__generation__"


def set_generation(generation: Any) -> None:
    """Say which content generation this request reads (see the module's docstring)."""
    memo = _memo.get()
    if memo is not None:
        memo[_GENERATION] = generation


def current_generation() -> Any | None:
    """The content generation this request reads, if the host named one."""
    memo = _memo.get()
    return memo.get(_GENERATION) if memo else None


def clear_shared() -> None:
    """Forget the tables kept for the current generation (tests roll the database back)."""
    with _shared_lock:
        _shared["generation"], _shared["tables"] = None, {}


def request_memo(key: str, compute: Callable[[], T]) -> T | None:
    """``compute()`` once per request under ``key``; None outside a request."""
    memo = _memo.get()
    if memo is None:
        return None
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def table_memo(key: str, compute: Callable[[], T]) -> T | None:
    """``compute()`` once per content generation in this process when the request named its
    generation, else once per request; None outside a request. For small tables only."""
    memo = _memo.get()
    if memo is None:
        return None
    generation = memo.get(_GENERATION)
    if generation is None:
        return request_memo(key, compute)
    if key in memo:
        return memo[key]
    with _shared_lock:
        if _shared["generation"] != generation:
            _shared["generation"], _shared["tables"] = generation, {}
        tables = _shared["tables"]
        found = tables.get(key, _MISSING)
    if found is _MISSING:
        found = compute()
        with _shared_lock:
            if _shared["generation"] == generation:
                _shared["tables"][key] = found
    memo[key] = found
    return found


_MISSING = object()


def once_per_request(key: str, compute: Callable[[], T]) -> T:
    """``request_memo``, and ``compute()`` itself outside a request (commands, tasks)."""
    found = request_memo(key, compute)
    return found if found is not None else compute()


def once_per_generation(key: str, compute: Callable[[], T]) -> T:
    """``table_memo``, and ``compute()`` itself outside a request (commands, tasks)."""
    found = table_memo(key, compute)
    return found if found is not None else compute()


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
    return table_memo(
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
