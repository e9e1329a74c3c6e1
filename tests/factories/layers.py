"""Shared test content ("layers"), built once per worker and reused by every test that asks
for it.

Building page trees (publishing, revisions, search index, reference index) is what the suite
spends its time on, and most tests start from the same content: the ru/en home pages, the
API's demo-like site, the search tests' pages. A layer is such content: a builder function
declared with :func:`layer` instead of ``@pytest.fixture``; tests ask for it by name as for
any fixture.

The first test needing a stack of layers (say ``homes``, then ``site_content``) builds them,
each in its own savepoint inside one transaction the worker keeps open. The test's own
transaction (pytest-django's, as for every ``db`` test) nests inside as a savepoint and is
rolled back as usual, so a test may still change the data. The next test needing the same
stack finds it in place; one needing another stack rolls back to the part both share and
builds the rest; one needing none sees the migrated database. A transactional test (live
server, background threads) must see committed data only: every layer and the worker's
transaction are rolled back before it runs.

The layers' transaction belongs to one connection object: Django may hand this thread
another one later (under Playwright's event loop, see tests/browser/conftest.py). Layers are
then rolled back through the object they were built on, and rebuilt on the current one:
two open transactions in one thread would wait for each other's rows.

Every test gets deep copies of the objects the builders returned (as Django's TestCase does
for ``setUpTestData``), so what one test does to them in memory cannot leak into the next.
Builders take the layers below them as arguments (and ``db``, which is always ``None``);
anything else a test needs per test stays an ordinary fixture.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import inspect
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

_order = itertools.count()

# Arguments a builder may take that are not layers: pytest-django's ``db`` (always None).
PLAIN_ARGUMENTS = frozenset({"db"})


@dataclass(eq=False, frozen=True)
class Layer:
    name: str
    build: Callable[..., Any]
    params: tuple[str, ...]
    order: int  # declaration order: a layer is always built after the layers it takes

    def __deepcopy__(self, memo: dict) -> Layer:
        return self  # a key of the snapshots: the values are copied, never the declaration


@dataclass(eq=False, frozen=True)
class _Built:
    layer: Layer
    atomic: transaction.Atomic
    snapshot: dict[Layer, Any]  # pristine values of this layer and of every layer below it


class _State:
    """The worker's open transaction, the layers built in it, and the current test's copies."""

    outer: transaction.Atomic | None = None
    connection: BaseDatabaseWrapper | None = None  # the one ``outer`` was opened on
    built: list[_Built] = []
    values: dict[Layer, Any] = {}


def layer(build: Callable[..., Any]) -> Any:
    """Declare ``build`` as a layer: a function-scoped fixture of the same name whose value
    is a fresh deep copy of what ``build`` returned when the stack was built."""
    params = tuple(inspect.signature(build).parameters)
    declared = Layer(build.__name__, build, params, next(_order))

    @functools.wraps(build)  # pytest reads the builder's arguments: they are its fixtures
    def fixture(*args: Any, **kwargs: Any) -> Any:
        try:
            return _State.values[declared]
        except KeyError:
            raise RuntimeError(
                f"layer {declared.name!r} was not prepared: it must depend on `db`"
            ) from None

    fixture._layer = declared  # type: ignore[attr-defined]
    return pytest.fixture(fixture)


def layers_of(item: pytest.Item) -> list[Layer]:
    """The layers ``item`` uses (directly or through other fixtures), lowest first."""
    name2fixturedefs = item._fixtureinfo.name2fixturedefs  # type: ignore[attr-defined]
    found = []
    for name in item.fixturenames:  # type: ignore[attr-defined]
        fixturedefs = name2fixturedefs.get(name)
        if fixturedefs:
            declared = getattr(fixturedefs[-1].func, "_layer", None)
            if declared is not None:
                found.append(declared)
    return sorted(found, key=lambda declared: declared.order)


def group_by_layers(items: list[pytest.Item], unit: Callable[[pytest.Item], str]) -> None:
    """Reorder ``items`` in place: the tests of one work unit (``unit``: a module, or the
    modules xdist runs together) follow each other, in the order the units first appear,
    and within a unit the tests using the same layers follow each other, fewer layers
    first: the stack then grows instead of being rolled back and rebuilt between them."""
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        first.setdefault(unit(item), index)
    items.sort(key=lambda item: (first[unit(item)], _stack_key(item)))


def _stack_key(item: pytest.Item) -> tuple[int, ...]:
    return tuple(declared.order for declared in layers_of(item))


def prepare(item: pytest.Item, transactional: bool) -> None:
    """Make the database hold exactly the layers ``item`` uses; called (with database
    access unblocked) just before pytest-django opens the test's own transaction."""
    _State.values = {}
    if transactional:
        close()
        return
    if _State.connection is not None and _State.connection is not connections[DEFAULT_DB_ALIAS]:
        close()
    wanted = layers_of(item)
    if _State.outer is None:
        _State.connection = connections[DEFAULT_DB_ALIAS]
        _State.outer = _enter()
    keep = 0
    for built, declared in zip(_State.built, wanted, strict=False):
        if built.layer is not declared:
            break
        keep += 1
    while len(_State.built) > keep:
        _rollback(_State.built.pop().atomic)
    for declared in wanted[keep:]:
        _push(declared)
    if wanted:
        _State.values = copy.deepcopy(_State.built[-1].snapshot)


def close() -> None:
    """Roll back every layer and the worker's transaction (before a transactional test, and
    at the end of the session)."""
    _State.values = {}
    if _State.connection is None:
        return
    with _bound(_State.connection):
        while _State.built:
            _rollback(_State.built.pop().atomic)
        outer, _State.outer = _State.outer, None
        _rollback(outer)
    if _State.connection is not connections[DEFAULT_DB_ALIAS]:
        _State.connection.close()  # no one else knows it, and so no one else would close it
    _State.connection = None


@contextlib.contextmanager
def _bound(connection: BaseDatabaseWrapper) -> Iterator[None]:
    """Make ``connection`` the one Django's transaction functions use, for a while."""
    current = connections[DEFAULT_DB_ALIAS]
    connections[DEFAULT_DB_ALIAS] = connection
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS] = current


def _push(declared: Layer) -> None:
    values = copy.deepcopy(_State.built[-1].snapshot) if _State.built else {}
    by_name = {below.name: value for below, value in values.items()}
    kwargs = {}
    for param in declared.params:
        if param in by_name:
            kwargs[param] = by_name[param]
        elif param in PLAIN_ARGUMENTS:
            kwargs[param] = None
        else:
            raise TypeError(
                f"layer {declared.name!r} takes {param!r}, which is not a layer declared "
                "before it (layers are built in the order they are declared)"
            )
    atomic = _enter()
    try:
        values[declared] = declared.build(**kwargs)
    except BaseException:
        _rollback(atomic)
        raise
    _State.built.append(_Built(declared, atomic, copy.deepcopy(values)))


def _enter() -> transaction.Atomic:
    atomic = transaction.atomic(using=DEFAULT_DB_ALIAS)
    # As TestCase marks its own: code under test may open durable=True blocks inside.
    atomic._from_testcase = True
    atomic.__enter__()
    return atomic


def _rollback(atomic: transaction.Atomic) -> None:
    transaction.set_rollback(True, using=DEFAULT_DB_ALIAS)
    atomic.__exit__(None, None, None)
