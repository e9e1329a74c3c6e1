"""Calling the site as a WSGI server does, inside a test's database transaction.

Django's test client re-encodes the path (a raw ``\\xff`` byte arrives percent-encoded) and
re-raises a view's exception instead of answering 500: the hostile-input table and the
schemathesis run need what gunicorn would hand over and what a client would get back.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

HOST = "localhost"


@contextmanager
def wsgi_application() -> Iterator[WSGIHandler]:
    """Django's WSGI handler, with the database connection kept open between requests.

    The handler closes "old" connections when a request starts and ends; inside a test's
    transaction that would close the transaction itself. Django's test client disconnects the
    same receiver for the same reason.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "")


def wsgi_get(app: WSGIHandler, path: bytes, query: bytes = b"") -> Answer:
    """GET ``path`` (raw bytes, already percent-decoded, as a server passes PATH_INFO) with
    ``query`` (the raw query string, as sent)."""
    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path.decode("latin-1"),
        "QUERY_STRING": query.decode("latin-1"),
        "SERVER_NAME": HOST,
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": HOST,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    started: dict = {}

    def start_response(status: str, headers: list, exc_info=None) -> None:
        started["status"] = int(status.split()[0])
        started["headers"] = dict(headers)

    chunks = app(environ, start_response)
    try:
        body = b"".join(chunks)
    finally:
        getattr(chunks, "close", lambda: None)()
    return Answer(started["status"], started["headers"], body)
