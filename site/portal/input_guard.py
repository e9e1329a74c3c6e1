"""The input guard: hostile or broken requests are refused with a 4xx before any view, query
or template sees them, and every /api/ error reaches the client as problem JSON.

Why one early guard rather than checks in each view: a NUL byte or a 20-digit number reaches
the database through every lookup (PostgreSQL refuses NUL in text, SQLite and PostgreSQL
overflow past 64 bits), Wagtail's own routes included, so the only place that sees all of them
is the request's way in. What it refuses, with a 400 (a 4xx page on the site, problem JSON
naming the parameter on /api/):

- control characters: any in the path; in the query all but tab, CR and LF;
- a path or query string that is not UTF-8, and broken percent-encoding (``%zz``);
- integers beyond 64 bits in any parameter but the search text (in the path of an API
  address, a 404: no object has that id);
- on /api/: search text (``search=``, ``q=``) over the site's one limit
  (``SEARCH_QUERY_MAX_LENGTH`` characters, ``SEARCH_QUERY_MAX_WORDS`` words, see
  ``search.services.query``), and parameters the operation does not declare in
  /api/v3/openapi.json (Wagtail's own routes would silently ignore them).

Site pages keep their tolerance for unknown parameters (tracking links carry ``utm_*``), and
the site's ``q`` is left to the search page and the autocomplete: they refuse the same things
through the same ``check_query_text``, answering with their form and message, or their JSON.

``ApiProblemMiddleware`` sits innermost and turns API errors answered in other shapes (Wagtail's
API v2, Django's HTML 404/500, django-ninja's 405) into problem JSON before the language
middleware can turn a 404 into a redirect; ``InputGuardMiddleware`` does the same for what
goes wrong in the middleware between them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from urllib.parse import unquote, unquote_to_bytes

from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils import translation
from wagtail.api.v3.api import api as api_v3

from headless.errors import is_problem, problem, problem_from_response
from headless.messages import (
    ADDRESS_CONTROL,
    ADDRESS_NOT_UTF8,
    ID_TOO_LARGE,
    NUMBER_TOO_LARGE,
    PARAMETER_CONTROL,
    PERCENT_ENCODING,
    QUERY_NOT_UTF8,
    UNKNOWN_PARAMETER,
    generic_detail,
    message,
)
from headless.params import DeclaredParameters
from portal.api.http import API_PREFIX
from search.services.query import SearchQueryError, check_query_text

logger = logging.getLogger(__name__)

API_V3_PREFIX = "/api/v3/"
#: Query parameters holding search text: limited by length and words, not read as numbers.
SEARCH_TEXT = frozenset({"search", "q"})
MAX_INTEGER = 2**63 - 1

PATH_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
QUERY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
BROKEN_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
INTEGER = re.compile(r"\s*[+-]?(\d+)\s*")


class Refused(Exception):
    """What the guard answers instead of the view: status, message, parameter at fault."""

    def __init__(self, detail, parameter: str | None = None, status: int = 400) -> None:
        """``detail``: a lazy message (``headless.messages``), shown in the client's language."""
        super().__init__(detail)
        self.detail = detail
        self.parameter = parameter
        self.status = status


def wsgi_bytes(value: str) -> bytes:
    """The raw bytes of a WSGI environ string (PEP 3333: bytes decoded as latin-1)."""
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:  # not from a WSGI server: already text
        return value.encode("utf-8")


def too_large(value: str) -> bool:
    match = INTEGER.fullmatch(value)
    if match is None:
        return False
    digits = match.group(1).lstrip("0")
    return len(digits) > 19 or (bool(digits) and int(digits) > MAX_INTEGER)


def check_path(request: HttpRequest) -> None:
    try:
        wsgi_bytes(request.META.get("PATH_INFO", "")).decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(ADDRESS_NOT_UTF8) from None
    if PATH_CONTROL.search(request.path):
        raise Refused(ADDRESS_CONTROL)
    if request.path.startswith(API_PREFIX) and any(
        too_large(segment) for segment in request.path.split("/")
    ):
        raise Refused(ID_TOO_LARGE, status=404)


def check_query_string(raw: str) -> None:
    """Each ``name=value`` pair of the raw query string: percent-encoding, then UTF-8."""
    for pair in raw.split("&"):
        name = pair.partition("=")[0]
        label = unquote(name.replace("+", " ")) or None
        if BROKEN_PERCENT.search(pair):
            raise Refused(PERCENT_ENCODING, label)
        try:
            unquote_to_bytes(wsgi_bytes(pair.replace("+", " "))).decode("utf-8")
        except UnicodeDecodeError:
            raise Refused(QUERY_NOT_UTF8, label) from None


def check_parameters(request: HttpRequest) -> None:
    api = request.path.startswith(API_PREFIX)
    for name, values in request.GET.lists():
        if name in SEARCH_TEXT and not api:
            continue  # the search page and autocomplete answer it, each in its own format
        for value in values:
            if QUERY_CONTROL.search(name) or QUERY_CONTROL.search(value):
                raise Refused(message(PARAMETER_CONTROL, {"name": name}), name)
            if name in SEARCH_TEXT:
                try:
                    check_query_text(value, field=name)
                except SearchQueryError as error:
                    raise Refused(error.message, name) from None
            elif too_large(value):
                too_large_text = message(NUMBER_TOO_LARGE, {"name": name, "max": MAX_INTEGER})
                raise Refused(too_large_text, name)


class DeclaredV3Parameters:
    """The v3 API's declared parameters, read from its OpenAPI document once per process
    (lazily: the document needs the URLconf, which is not loaded with the middleware)."""

    declared: DeclaredParameters | None = None

    @classmethod
    def check(cls, request: HttpRequest) -> None:
        if cls.declared is None:
            cls.declared = DeclaredParameters(api_v3.get_openapi_schema())
        allowed = cls.declared.allowed(request.method or "GET", request.path)
        if allowed is None:
            return
        for name in request.GET:
            if name not in allowed:
                known = ", ".join(sorted(allowed))
                raise Refused(message(UNKNOWN_PARAMETER, {"name": name, "allowed": known}), name)


#: Requests let through already, by everything ``inspect`` reads: the method, the raw path
#: and the raw query string. A page read again and again (a response cache hit, whose own
#: work is a tenth of a millisecond) is not parsed and checked again each time. Bounded:
#: emptied when full, so varied addresses cost memory only up to this many entries.
PASSED_MAX = 4096
_passed: set[tuple[str, str, str, str]] = set()


@receiver(setting_changed)
def _forget_passed(**kwargs) -> None:
    """The limits are settings (search text length, number of fields): a changed setting
    (tests' ``override_settings``) may refuse what passed before."""
    _passed.clear()


def inspect(request: HttpRequest) -> None:
    """Raise ``Refused`` for a request no view should see (checked once per distinct request
    that passes: ``_passed``)."""
    meta = request.META
    key = (
        request.method or "",
        meta.get("SCRIPT_NAME", ""),
        meta.get("PATH_INFO", ""),
        meta.get("QUERY_STRING", ""),
    )
    if key in _passed:
        return
    check_request(request)
    if len(_passed) >= PASSED_MAX:
        _passed.clear()
    _passed.add(key)


def check_request(request: HttpRequest) -> None:
    """Raise ``Refused`` for a request no view should see."""
    check_path(request)
    check_query_string(request.META.get("QUERY_STRING", ""))
    try:
        check_parameters(request)
    except (SuspiciousOperation, BadRequest):  # too many fields, for one
        raise Refused(generic_detail(400)) from None
    if request.path.startswith(API_V3_PREFIX) and request.method != "OPTIONS":
        DeclaredV3Parameters.check(request)


def refusal(request: HttpRequest, refused: Refused) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return problem(
            refused.status, refused.detail, parameter=refused.parameter, request=request
        )
    # The guard runs before the language middleware: the page's language is its prefix.
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        html = loader.render_to_string("400.html", {"detail": refused.detail})
    response = HttpResponse(html, status=refused.status)
    response["Content-Language"] = language
    return response


def as_problem(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """API errors in any other shape become problem JSON; everything else passes."""
    if (
        response.status_code >= 400
        and request.path.startswith(API_PREFIX)
        and not is_problem(response)
    ):
        return problem_from_response(request, response)
    return response


class InputGuardMiddleware:
    """Early: refuse hostile input (4xx) before the session, language or any view runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            inspect(request)
        except Refused as refused:
            logger.debug("Refused %s %r: %s", request.method, request.path, refused.detail)
            return refusal(request, refused)
        return as_problem(request, self.get_response(request))


class ApiProblemMiddleware:
    """Innermost: API errors from views (and the URL resolver) as problem JSON."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return as_problem(request, self.get_response(request))
