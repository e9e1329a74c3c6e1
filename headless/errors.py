"""What the API answers when a front end asks wrongly: a problem-JSON 400 that names the
parameter, instead of a silent no-op (a typo in a filter) or django-ninja's bare 422.

Any NinjaAPI can install the answers with ``register_error_handlers``; other apps' own
exceptions are answered in the same shape through ``problem``.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja.errors import ValidationError as NinjaValidationError

PROBLEM_JSON = "application/problem+json"


class BadParameter(Exception):
    """A query parameter a front end got wrong; answered as 400 naming the parameter."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def problem(
    status: int, detail: str, parameter: str | None = None, errors: list | None = None
) -> HttpResponse:
    """An RFC 9457 problem-JSON response."""
    body: dict[str, Any] = {"type": "about:blank", "title": "Bad Request", "status": status}
    body["detail"] = detail
    if parameter:
        body["parameter"] = parameter
    if errors:
        body["errors"] = errors
    if status == 404:
        body["title"] = "Not Found"
    return HttpResponse(json.dumps(body), status=status, content_type=PROBLEM_JSON)


def register_error_handlers(api) -> None:
    """Bad query parameters are the client's fault: 400 with the parameter's name.

    Wagtail answers request validation errors with 422; for query parameters of GET
    requests a front end expects 400, and most of all a body that says which one.
    """
    previous = api._exception_handlers.get(NinjaValidationError)

    @api.exception_handler(BadParameter)
    def bad_parameter(request: HttpRequest, exc: BadParameter) -> HttpResponse:
        return problem(400, exc.message, parameter=exc.parameter)

    @api.exception_handler(NinjaValidationError)
    def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = exc.errors
        query_errors = [e for e in errors if list(e.get("loc", []))[:1] in (["query"], ["path"])]
        if request.method == "GET" and query_errors:
            names = []
            for error in query_errors:
                loc = list(error.get("loc", []))
                names.append(str(loc[1]) if len(loc) > 1 else str(loc[0]))
            parameter = names[0]
            detail = f"Invalid value for query parameter '{parameter}': {query_errors[0]['msg']}"
            clean = [
                {"parameter": name, "msg": e.get("msg", ""), "type": e.get("type", "")}
                for name, e in zip(names, query_errors, strict=True)
            ]
            return problem(400, detail, parameter=parameter, errors=clean)
        return previous(request, exc)
