"""The Redis cache backend keeps the site up when Redis is gone: against a real Redis, behind
a local TCP relay that the tests cut and restore (a real outage for the client, nothing
stopped on the machine), a closed port and a port that accepts but never answers."""

from __future__ import annotations

import logging
import select
import socket
import socketserver
import threading
import time

import pytest
import redis

from portal import cache as cache_module
from portal.cache import ResilientRedisCache
from tests.services import free_port, real_redis


class Relay:
    """Forwards a local port to Redis; ``cut()`` is an outage, ``restore()`` its end."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = free_port()
        self.sockets: list[socket.socket] = []
        self.server: socketserver.ThreadingTCPServer | None = None
        self.restore()

    def restore(self) -> None:
        relay = self

        class Pipe(socketserver.BaseRequestHandler):
            def handle(self):
                upstream = socket.create_connection(relay.target)
                relay.sockets += [self.request, upstream]
                ends = [self.request, upstream]
                try:
                    while True:
                        readable, _, _ = select.select(ends, [], [], 1)
                        for end in readable:
                            data = end.recv(65536)
                            if not data:
                                return
                            (upstream if end is self.request else self.request).sendall(data)
                except OSError:
                    return
                finally:
                    upstream.close()

        class Server(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True

        self.server = Server(("127.0.0.1", self.port), Pipe)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def cut(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        self.sockets.clear()


@pytest.fixture
def redis_db():
    client = real_redis()
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture(autouse=True)
def fresh_outages(monkeypatch):
    """Each test starts with no remembered outage (they are per process and location)."""
    monkeypatch.setattr(cache_module, "_outages", {})


def backend(url: str, **options) -> ResilientRedisCache:
    return ResilientRedisCache(url, {"KEY_PREFIX": "t", "OPTIONS": options})


def test_a_closed_port_is_an_empty_cache_that_never_raises(caplog):
    cache = backend(f"redis://127.0.0.1:{free_port()}/0", RETRY_AFTER=60)
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        assert cache.get("k") is None
        assert cache.get("k", "default") == "default"
        assert cache.set("k", 1) is None
        assert cache.add("k", 1) is True  # the key is absent, so adding it "works"
        assert cache.get_or_set("k", 5) == 5
        assert cache.get_many(["a", "b"]) == {}
        assert cache.has_key("k") is False
        assert cache.delete("k") is False
        assert cache.touch("k") is False
        assert cache.set_many({"a": 1}) == []
        cache.delete_many(["a", "b"])
        assert cache.clear() is False
        with pytest.raises(ValueError):  # Django's "key not found": callers handle it
            cache.incr("k")
        assert cache.ping() is False
    warnings = [r for r in caplog.records if r.name == "portal.cache"]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]
    assert "unavailable" in warnings[0].getMessage()


def test_after_a_failure_redis_is_left_alone_until_the_retry(monkeypatch):
    cache = backend(f"redis://127.0.0.1:{free_port()}/0", RETRY_AFTER=60)
    attempts = []
    connect = redis.connection.Connection.connect
    monkeypatch.setattr(
        redis.connection.Connection,
        "connect",
        lambda self: attempts.append(1) or connect(self),
    )
    for _ in range(50):
        assert cache.get("k") is None
    assert len(attempts) == 1  # the first call tried; the other 49 did not wait on Redis


def test_a_black_holed_redis_costs_one_short_timeout(monkeypatch):
    """A server that accepts connections and never answers (a hung Redis, a dropped route)."""
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    hole.listen(16)
    try:
        cache = backend(
            f"redis://127.0.0.1:{hole.getsockname()[1]}/0",
            socket_timeout=0.2,
            socket_connect_timeout=0.2,
            RETRY_AFTER=60,
        )
        started = time.monotonic()
        for _ in range(20):
            assert cache.get("k") is None
        assert time.monotonic() - started < 1.5
    finally:
        hole.close()


def test_writes_during_an_outage_are_undone_before_redis_is_read_again(redis_db, caplog):
    relay = Relay(("127.0.0.1", redis_db.connection_pool.connection_kwargs["port"]))
    db = redis_db.connection_pool.connection_kwargs["db"]
    cache = backend(f"redis://127.0.0.1:{relay.port}/{db}", RETRY_AFTER=0)
    try:
        cache.set("article", "old title")
        cache.set("untouched", "kept")
        assert cache.get("article") == "old title"

        relay.cut()
        with caplog.at_level(logging.WARNING, logger="portal.cache"):
            assert cache.get("article") is None  # a miss: the caller reads the database
            cache.set("article", "new title")  # lost with Redis...
            cache.delete("untouched-too")
            assert redis_db.get("t:1:article") is not None  # ...which still has the old one

            relay.restore()
            # The first call after the outage deletes what was written meanwhile, then reads.
            assert cache.get("article") is None
        assert redis_db.get("t:1:article") is None
        assert cache.get("untouched") == "kept"
        cache.set("article", "new title")
        assert cache.get("article") == "new title"
        assert cache.ping() is True
        messages = [r.getMessage() for r in caplog.records if r.name == "portal.cache"]
        assert len(messages) == 2, messages
        assert "answers again" in messages[1] and "2 keys" in messages[1]
    finally:
        relay.cut()


def test_the_log_never_carries_the_password(caplog):
    cache = backend(f"redis://:s3cr3t@127.0.0.1:{free_port()}/0")
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        cache.get("k")
    assert caplog.records and "s3cr3t" not in caplog.text


def test_one_redis_client_serves_every_call(redis_db, monkeypatch):
    """Django builds a redis-py client per cache call; its constructor cost more than a
    cached page's round trip, so the backend keeps one per connection pool."""
    db = redis_db.connection_pool.connection_kwargs["db"]
    port = redis_db.connection_pool.connection_kwargs["port"]
    cache = backend(f"redis://127.0.0.1:{port}/{db}")
    built = []
    init = redis.Redis.__init__
    monkeypatch.setattr(
        redis.Redis, "__init__", lambda self, *a, **k: built.append(1) or init(self, *a, **k)
    )
    for n in range(20):
        cache.set("k", n)
        assert cache.get_many(["k", "other"]) == {"k": n}
    assert cache.incr("k") == 20
    assert len(built) == 1
