"""The shared cache as an accelerator, never a dependency: a Redis cache backend that keeps
the site up while Redis is down.

Django's ``RedisCache`` lets the client's ``ConnectionError`` through every ``get`` and
``set``: with Redis gone, every page that touches the cache (Wagtail reads its site root
paths from it on each request) answered 500, and publishing raised after its commit.
``ResilientRedisCache`` answers as an empty cache whose writes vanish instead:

* reads miss, ``has_key`` is False, ``add`` succeeds (the key was absent), ``incr`` raises
  ``ValueError`` (the documented "key not found"), so rate limiters and ``get_or_set``
  callers fall back on computing the value from the database;
* a write that could not reach Redis (``set``, ``delete``, ``incr``, ``clear``...) is
  remembered, and its key deleted when Redis answers again, before anything is read from
  it: what Redis kept from before the outage may be stale, and a miss is always safe;
* after a failure Redis is left alone for ``RETRY_AFTER`` seconds, so a dead or black-holed
  server costs one short timeout per interval and process, not one per cache call; the
  failure is logged at most once a minute per process, with the count of calls it cost.

The outage state is per process and per Redis location (Django builds one cache object per
thread; they share it). Responses never carry the failure: no host, port or exception text
leaves this module other than in the log.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

#: What a missing, refusing, black-holed or restarting Redis raises (``BusyLoadingError``
#: and ``AuthenticationError`` are ``ConnectionError`` subclasses).
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
#: Seconds between two log lines about the same outage.
LOG_INTERVAL = 60.0
#: Defaults when OPTIONS do not say: a cache that answers slower than this is no help.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}
DEFAULT_RETRY_AFTER = 5.0
#: Keys remembered for deletion during one outage; past this many, the rest are left to
#: expire by their own timeout (and the log says so).
MAX_PENDING = 10_000


class Outage:
    """Whether one Redis location is down in this process, and what to undo when it is back."""

    def __init__(self, location: str, retry_after: float) -> None:
        self.location = location
        self.retry_after = retry_after
        self.lock = threading.Lock()
        self.down = False
        self.retry_at = 0.0
        self.logged_at: float | None = None
        self.unlogged = 0
        self.pending: set[str] = set()
        self.pending_clear = False
        self.overflowed = False

    def skipping(self) -> bool:
        """True while Redis is known down and not yet due for another try."""
        return self.down and time.monotonic() < self.retry_at

    def remember(self, keys: Iterable[str] = (), clear: bool = False) -> None:
        """Writes that did not reach Redis: their keys are deleted when it answers again."""
        with self.lock:
            self.pending_clear |= clear
            for key in keys:
                if len(self.pending) >= MAX_PENDING:
                    self.overflowed = True
                    break
                self.pending.add(key)

    def failed(self, error: Exception) -> None:
        now = time.monotonic()
        with self.lock:
            self.down = True
            self.retry_at = now + self.retry_after
            due = self.logged_at is None or now - self.logged_at >= LOG_INTERVAL
            if not due:
                self.unlogged += 1
                return
            self.logged_at, unlogged, self.unlogged = now, self.unlogged, 0
        logger.warning(
            "Cache at %s is unavailable (%s: %s); the site answers without it "
            "(%d failed cache calls not reported since the last report).",
            self.location,
            type(error).__name__,
            error,
            unlogged,
        )

    def pending_work(self) -> tuple[list[str], bool]:
        """The keys to delete (and whether to clear) before Redis may be trusted again."""
        with self.lock:
            return list(self.pending), self.pending_clear

    def recovered(self, keys: list[str], cleared: bool) -> None:
        """Redis answered and the outage's writes are undone: trust it again."""
        with self.lock:
            if not self.down:
                return
            self.down = False
            self.pending.difference_update(keys)
            self.pending_clear &= not cleared
            overflowed, self.overflowed = self.overflowed, False
        logger.warning(
            "Cache at %s answers again; deleted the %d keys written during the outage%s.",
            self.location,
            len(keys),
            " (more were written: they expire by their own timeout)" if overflowed else "",
        )


_outages: dict[str, Outage] = {}
_outages_lock = threading.Lock()


def loggable_location(servers: Iterable[str]) -> str:
    """The Redis servers for a log line, without the password a URL may carry."""
    shown = []
    for url in servers:
        try:
            parts = urlsplit(url)
            netloc = parts.hostname or ""
            if parts.port:
                netloc = f"{netloc}:{parts.port}"
            shown.append(f"{parts.scheme}://{netloc}{parts.path}")
        except ValueError:
            shown.append("(unparsable URL)")
    return ",".join(shown)


def outage_for(location: str, retry_after: float) -> Outage:
    with _outages_lock:
        if location not in _outages:
            _outages[location] = Outage(location, retry_after)
        return _outages[location]


_MISSING = object()

#: One request counted in a client's window (``portal.security.ratelimit``), atomically and in
#: one round trip: the window opens at the first request (or anew once it has passed, or if
#: the clock went back), then each request raises its count. Returns the window's start as
#: written (a string: Lua numbers reach the client truncated to integers) and the count.
WINDOW_SCRIPT = """
local now = tonumber(ARGV[1])
local start = tonumber(redis.call('HGET', KEYS[1], 's'))
if not start or start > now or now >= start + tonumber(ARGV[2]) then
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], 's', ARGV[1])
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
end
local count = redis.call('HINCRBY', KEYS[1], 'n', 1)
return {redis.call('HGET', KEYS[1], 's'), count}
"""


class ResilientRedisCacheClient(RedisCacheClient):
    """Django's Redis client with every call guarded (keys arrive already prefixed)."""

    def __init__(self, servers: list[str], *, outage: Outage, **options: Any) -> None:
        super().__init__(servers, **options)
        self.outage = outage
        self._clients: dict[int, Any] = {}
        self._window_script: Any = None  # redis-py's Script (its SHA), made on first use

    def get_client(self, key=None, *, write=False):
        """One redis-py client per connection pool, kept: Django builds a new one for every
        call, and its constructor (some 80 response callbacks copied into a case-insensitive
        dict) cost more than the round trip itself, half of a cached page's time."""
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write)
            )
        return client

    def _guard(
        self, call: Callable[..., Any], *args: Any, fallback: Any, writes: Iterable[str] = ()
    ) -> Any:
        outage = self.outage
        if outage.down and (outage.skipping() or not self._recover()):
            outage.remember(writes)
            return fallback
        try:
            return call(*args)
        except UNAVAILABLE as error:
            outage.remember(writes)
            outage.failed(error)
            return fallback

    def _recover(self) -> bool:
        """Try Redis again after an outage: first delete what was written meanwhile (what
        Redis kept from before may be stale), and only then serve from it. That deletion
        (or a ping when there is none) is the try; True when Redis answered."""
        keys, clear = self.outage.pending_work()
        try:
            if clear:
                super().clear()
            for start in range(0, len(keys), 500):
                super().delete_many(keys[start : start + 500])
            if not keys and not clear:
                self.get_client(write=True).ping()
        except UNAVAILABLE as error:
            self.outage.failed(error)
            return False
        self.outage.recovered(keys, clear)
        return True

    def ping(self) -> bool:
        """Ask Redis itself, even while the outage says to leave it alone (readiness)."""
        if self.outage.down:
            return self._recover()
        try:
            self.get_client(write=True).ping()
        except UNAVAILABLE as error:
            self.outage.failed(error)
            return False
        return True

    def count_in_window(self, key: str, now: float, window: int) -> tuple[float, int] | None:
        """(window start, requests in it) after counting one more (``WINDOW_SCRIPT``); None
        while Redis is unavailable."""

        def run() -> tuple[float, int]:
            client = self.get_client(key, write=True)
            if self._window_script is None:
                self._window_script = client.register_script(WINDOW_SCRIPT)
            args = [repr(now), window, window + 1]
            start, count = self._window_script(keys=[key], args=args, client=client)
            return float(start), int(count)

        return self._guard(run, fallback=None)

    def add(self, key, value, timeout):
        return self._guard(super().add, key, value, timeout, fallback=True, writes=[key])

    def get(self, key, default):
        return self._guard(super().get, key, default, fallback=default)

    def set(self, key, value, timeout):
        self._guard(super().set, key, value, timeout, fallback=None, writes=[key])

    def touch(self, key, timeout):
        return self._guard(super().touch, key, timeout, fallback=False)

    def delete(self, key):
        return self._guard(super().delete, key, fallback=False, writes=[key])

    def get_many(self, keys):
        return self._guard(super().get_many, keys, fallback={})

    def has_key(self, key):
        return self._guard(super().has_key, key, fallback=False)

    def incr(self, key, delta):
        result = self._guard(super().incr, key, delta, fallback=_MISSING, writes=[key])
        if result is _MISSING:
            raise ValueError(f"Key '{key}' not found.")
        return result

    def set_many(self, data, timeout):
        self._guard(super().set_many, data, timeout, fallback=None, writes=list(data))

    def delete_many(self, keys):
        keys = list(keys)
        self._guard(super().delete_many, keys, fallback=None, writes=keys)

    def clear(self):
        result = self._guard(super().clear, fallback=_MISSING)
        if result is _MISSING:
            self.outage.remember(clear=True)
            return False
        return result


class ResilientRedisCache(RedisCache):
    """``RedisCache`` that degrades to an empty cache while Redis is unreachable.

    OPTIONS are those of Django's Redis backend (passed to redis-py's connection pool) plus
    ``RETRY_AFTER``, the seconds Redis is left alone after a failure; short socket timeouts
    are the default so a black-holed server cannot hang a worker.
    """

    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:
        options = {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}
        retry_after = float(options.pop("RETRY_AFTER", DEFAULT_RETRY_AFTER))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ResilientRedisCacheClient
        location = loggable_location(self._servers)
        self._options = {**options, "outage": outage_for(location, retry_after)}

    def ping(self) -> bool:
        """Whether Redis answers now; readiness checks call it."""
        return self._cache.ping()

    def count_in_window(
        self, key: str, now: float, window: int, version: int | None = None
    ) -> tuple[float, int] | None:
        """Count one request in the window under ``key`` in one round trip: (when the window
        opened, requests in it so far), None while Redis is unavailable. The rate limiter's
        fast path; other cache backends take three calls for it (``add``, ``get``,
        ``incr``)."""
        return self._cache.count_in_window(
            self.make_and_validate_key(key, version=version), now, window
        )
