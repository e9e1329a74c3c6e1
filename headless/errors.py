"""What the API answers when a request goes wrong: always RFC 9457 problem JSON
(``application/problem+json``), naming the parameter at fault when there is one, and saying so
in the OpenAPI document of every operation.

- ``problem`` builds the answer; ``BadParameter`` is what an endpoint raises for a 400.
- ``register_error_handlers`` installs the answers on a NinjaAPI: query and path validation
  errors of reads are 400s naming the parameter (django-ninja and Wagtail would answer 422),
  request bodies keep Wagtail's 422; and it documents the error responses of every operation.
- ``problem_from_response`` turns an error answered in another shape (Wagtail's API v2, Django's
  HTML error pages, django-ninja's plain-text 405) into the same problem JSON, so a front end
  parses one error format on every /api/ route. A server error keeps its status but never its
  text: no exception message, host or port leaves the server.

Titles and details are in the client's language (``headless.messages``: ``?locale=``, else
``Accept-Language``, else English); ``type``, ``status`` and ``parameter`` never are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.functional import Promise
from ninja import Field, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError

from headless.messages import (
    DETAILS,
    INVALID_VALUE,
    error_language,
    generic_detail,
    message,
    status_title,
    validation_message,
)

PROBLEM_JSON = "application/problem+json"
SERVER_ERROR_DETAIL = DETAILS[500]
READ_METHODS = ("GET", "HEAD")

#: Error statuses every operation documents by default. A host that rate-limits every request
#: passes ``every_operation=(400, 429)`` to ``register_error_handlers`` (429's response, with
#: ``Retry-After``, is in ``ERROR_RESPONSES``).
EVERY_OPERATION: tuple[int, ...] = (400,)
#: Security schemes that let a request through without a token.
ANONYMOUS_SCHEMES = frozenset({"AllowAnonymous"})

ERROR_RESPONSES: dict[int, dict[str, Any]] = {
    400: {
        "description": "Bad request: a parameter is unknown, malformed (control characters, "
        "broken UTF-8 or percent-encoding), out of range or over the search limits; "
        "`parameter` names it."
    },
    401: {"description": "This operation needs an API token: `Authorization: Bearer <token>`."},
    403: {"description": "The token's user is not allowed to do this."},
    404: {"description": "Nothing here: no such id, path, site or published page."},
    422: {"description": "The request body is invalid; `errors` lists each problem."},
    429: {
        "description": "Too many requests from this client; retry after `Retry-After` seconds.",
        "headers": {
            "Retry-After": {
                "description": "Seconds to wait before the next request.",
                "schema": {"type": "integer"},
            }
        },
    },
}


class BadParameter(Exception):
    """A query parameter a front end got wrong; answered as 400 naming the parameter."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message  # lazy (headless.messages): shown in the client's language


class Problem(Schema):
    """The body of every API error (RFC 9457 problem details)."""

    type: str = Field("about:blank", description="Always about:blank: `status` says it all.")
    title: str = Field(description="The status's reason phrase, e.g. Bad Request.")
    status: int
    detail: str = Field("", description="What went wrong, in words fit to show a developer.")
    parameter: str | None = Field(None, description="The query or path parameter at fault.")
    errors: list[dict[str, Any]] | None = Field(None, description="Each problem, when several.")


def problem(
    status: int,
    detail: Any,
    parameter: str | None = None,
    errors: list | None = None,
    *,
    request: HttpRequest | None = None,
) -> HttpResponse:
    """An RFC 9457 problem-JSON response, its title, detail and error messages in the language
    of ``request``'s client (English without a request)."""
    language = error_language(request)
    with translation.override(language):
        body: dict[str, Any] = {
            "type": "about:blank",
            "title": str(status_title(status)),
            "status": status,
            "detail": str(detail),
        }
        if parameter:
            body["parameter"] = parameter
        if errors:
            body["errors"] = [
                {k: str(v) if isinstance(v, Promise) else v for k, v in e.items()} for e in errors
            ]
    response = HttpResponse(json.dumps(body), status=status, content_type=PROBLEM_JSON)
    response["Content-Language"] = language
    if request is not None:
        patch_vary_headers(response, ["Accept-Language"])
    return response


def is_problem(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").startswith(PROBLEM_JSON)


def mentioned_parameter(request: HttpRequest, text: str, *, only_one: bool = False) -> str | None:
    """The query parameter of the request that ``text`` names as a word; failing that, with
    ``only_one``, the request's only parameter (a 400 saying "parent page doesn't exist" is
    about the one parameter given)."""
    names = sorted(request.GET, key=len, reverse=True)
    for name in names:
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            return name
    return names[0] if only_one and len(names) == 1 else None


def _error_text(response: HttpResponse) -> tuple[str, list | None]:
    """(detail, errors) read from a JSON error body: DRF's ``{"message"}``, django-ninja's
    ``{"detail"}`` (a list for its validation errors)."""
    fallback = generic_detail(response.status_code)
    if response.streaming or "json" not in response.get("Content-Type", ""):
        return fallback, None
    try:
        body = json.loads(response.content)
    except ValueError:
        return fallback, None
    if not isinstance(body, dict):
        return fallback, None
    detail = body.get("detail", body.get("message", body.get("error")))
    if isinstance(detail, list):
        errors = [e if isinstance(e, dict) else {"msg": str(e)} for e in detail]
        return generic_detail(422), errors
    return (detail if isinstance(detail, str) and detail else fallback), None


def problem_from_response(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """``response`` (an error in another shape) as problem JSON with the same status and
    headers (``Allow``, ``Retry-After``, ``WWW-Authenticate``, caching, CORS)."""
    status = response.status_code
    if status >= 500:
        detail, errors, parameter = SERVER_ERROR_DETAIL, None, None
    else:
        detail, errors = _error_text(response)
        parameter = mentioned_parameter(request, str(detail), only_one=status in (400, 422))
    answer = problem(status, detail, parameter=parameter, errors=errors, request=request)
    for header, value in response.items():
        if header.lower() not in ("content-type", "content-length"):
            answer[header] = value
    answer.cookies = response.cookies
    return answer


# --- Handlers for a NinjaAPI ------------------------------------------------------------------


def _error_parameter(request: HttpRequest, error: Mapping) -> str | None:
    """The parameter a validation error is about: the deepest part of its location that the
    request sent (``["query", "filters", "type"]`` is about ``type``), else the deepest part
    (a path parameter), else a parameter its message names."""
    loc = [str(part) for part in error.get("loc", ()) if isinstance(part, str)]
    if loc[:1] in (["query"], ["path"]):
        loc = loc[1:]
    for name in reversed(loc):
        if name in request.GET:
            return name
    if loc:
        return loc[-1]
    return mentioned_parameter(request, str(error.get("msg", "")))


def _bad_read(request: HttpRequest, errors: list[Mapping]) -> HttpResponse:
    """A read's invalid parameters: 400 naming the first one, with every error listed."""
    names = [_error_parameter(request, error) for error in errors]
    if not any(names) and len(request.GET) == 1:
        names = [next(iter(request.GET))] * len(errors)
    first = next((name for name in names if name), None)
    text = validation_message(errors[0])
    detail = message(INVALID_VALUE, {"name": first, "message": text}) if first else text
    clean = [
        {"parameter": name or "", "msg": validation_message(e), "type": str(e.get("type", ""))}
        for name, e in zip(names, errors, strict=True)
    ]
    return problem(400, detail, parameter=first, errors=clean, request=request)


def register_error_handlers(api, every_operation: Iterable[int] = EVERY_OPERATION) -> None:
    """Answer every error of ``api`` as problem JSON naming the parameter, and document it
    (``every_operation``: the error statuses any operation may answer, see EVERY_OPERATION).

    Wagtail answers validation errors with 422; for the query and path of a read a front end
    expects 400, and most of all a body that says which parameter. Request bodies of writes
    keep Wagtail's 422.
    """
    handlers: dict[type[Exception], Callable] = api._exception_handlers
    previous = {
        kind: handlers.get(kind)
        for kind in (NinjaValidationError, PydanticValidationError, DjangoValidationError)
    }

    def as_before(kind: type[Exception], request: HttpRequest, exc: Exception) -> HttpResponse:
        handler = previous[kind]
        if handler is None:
            raise exc
        return handler(request, exc)

    @api.exception_handler(BadParameter)
    def bad_parameter(request: HttpRequest, exc: BadParameter) -> HttpResponse:
        return problem(400, exc.message, parameter=exc.parameter, request=request)

    @api.exception_handler(NinjaValidationError)
    def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = [e for e in exc.errors if list(e.get("loc", []))[:1] in (["query"], ["path"])]
        if request.method in READ_METHODS and errors:
            return _bad_read(request, errors)
        return as_before(NinjaValidationError, request, exc)

    @api.exception_handler(PydanticValidationError)
    def model_error(request: HttpRequest, exc: PydanticValidationError) -> HttpResponse:
        if request.method in READ_METHODS:
            return _bad_read(request, list(exc.errors()))
        return as_before(PydanticValidationError, request, exc)

    @api.exception_handler(DjangoValidationError)
    def django_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        if request.method in READ_METHODS:
            with translation.override(error_language(request)):  # Django's own messages
                messages = list(exc.messages)
            return _bad_read(request, [{"msg": text} for text in messages])
        return as_before(DjangoValidationError, request, exc)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        detail = exc.message if isinstance(exc.message, Promise) else str(exc)
        parameter = mentioned_parameter(request, str(detail), only_one=exc.status_code == 400)
        return problem(exc.status_code, detail, parameter=parameter, request=request)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        """Our own 404 texts (lazy messages) are shown; any other (Django's "No Page matches
        the given query", in English) gives way to the generic sentence."""
        text = exc.args[0] if exc.args else None
        detail = text if isinstance(text, Promise) else generic_detail(404)
        return problem(404, detail, request=request)

    document_error_responses(api, every_operation)


# --- The OpenAPI document ---------------------------------------------------------------------


def error_statuses(
    method: str, path: str, operation: Mapping, every_operation: Iterable[int] = EVERY_OPERATION
) -> list[int]:
    """The error statuses an operation can answer: ``every_operation`` for all (400: bad
    input), 401/403 when it needs a token, 404 for reads and for addresses with an id, 422 for
    request bodies."""
    statuses = list(every_operation)
    security: Iterable[Mapping] = operation.get("security") or ()
    if security and not any(set(need) <= ANONYMOUS_SCHEMES for need in security):
        statuses += [401, 403]
    if method.lower() == "get" or "{" in path:
        statuses.append(404)
    if "requestBody" in operation:
        statuses.append(422)
    return statuses


def add_error_responses(document: dict, every_operation: Iterable[int] = EVERY_OPERATION) -> dict:
    """Declare the problem-JSON error responses of every operation in an OpenAPI document
    (responses an operation already declares are left as they are)."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    content = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path, methods in document.get("paths", {}).items():
        for method, operation in methods.items():
            responses = operation.setdefault("responses", {})
            for status in sorted(error_statuses(method, path, operation, every_operation)):
                if status not in responses and str(status) not in responses:
                    responses[status] = {**ERROR_RESPONSES[status], "content": content}
    return document


def document_error_responses(api, every_operation: Iterable[int] = EVERY_OPERATION) -> None:
    """Make ``api``'s OpenAPI document declare the error responses (django-ninja only lists
    what each operation's ``response=`` names, which is 2xx for Wagtail's own routes)."""
    if getattr(api, "_documents_error_responses", False):
        return
    build = api.get_openapi_schema

    def get_openapi_schema(*, path_prefix: str | None = None, path_params: dict | None = None):
        document = build(path_prefix=path_prefix, path_params=path_params)
        return add_error_responses(document, every_operation)

    api.get_openapi_schema = get_openapi_schema
    api._documents_error_responses = True
