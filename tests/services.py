"""What tests need of the machine's services: a real Redis (CI and this machine run one; a
missing Redis fails the test rather than skipping it) and a port where nothing listens."""

from __future__ import annotations

import os
import socket

import pytest
import redis

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/9")


def free_port() -> int:
    """A port nothing listens on: the kernel just gave it out and took it back."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def real_redis(url: str = REDIS_TEST_URL) -> redis.Redis:
    """A client of the test Redis, or the test fails saying where it looked."""
    client = redis.Redis.from_url(url)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.fail(f"Redis is not reachable at {url} (set REDIS_TEST_URL)", pytrace=False)
    return client
