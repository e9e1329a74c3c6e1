"""A request id for every request: the client's (or the proxy's) ``X-Request-ID`` when it is
a sane token, else a new one. It is returned in the response's ``X-Request-ID`` and put on
every log record written while the request runs (``RequestIdFilter``), so one request's lines
can be found in the logs of any server; "-" outside requests (the worker, commands)."""

from __future__ import annotations

import logging
import re
import uuid
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
SANE = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")

current: ContextVar[str] = ContextVar("request_id", default="-")


class RequestIdMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get(HEADER, "")
        request_id = given if SANE.match(given) else uuid.uuid4().hex
        request.request_id = request_id
        token = current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current.get()
        return True
