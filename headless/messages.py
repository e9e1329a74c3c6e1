"""The API's human texts, in the client's language: problem ``title``, ``detail`` and each
error's ``msg``.

Which language: ``?locale=`` when it names a configured language, else the best match of
``Accept-Language`` among them, else English (the language of the API's documentation). The
machine-readable parts of an error (``type``, ``status``, ``parameter``, each error's ``type``)
are never translated, and parameter names stay as they are inside the sentences.

Why lazy: the code that refuses a request does not know the client's language (an API request
runs in the site's default language: the API has no language prefix), so it raises a lazy
``message(template, params)``, and ``headless.errors.problem`` renders it in the client's
language. The same messages serve the site's search page, rendered in the reader's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import Promise, lazy
from django.utils.translation import get_supported_language_variant, ngettext_lazy, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header

DEFAULT_LANGUAGE = "en"


def _interpolate(template: Any, params: Mapping[str, Any] | None) -> str:
    text = str(template)
    if not params:
        return text
    return text % {k: str(v) if isinstance(v, Promise) else v for k, v in params.items()}


#: ``message(gettext_lazy("... %(name)s ..."), {"name": ...})``: the template translated and
#: filled in when the message is shown (lazy parameters, a model's verbose name for one, too).
#: ``ngettext_lazy(singular, plural, count)`` works as the template for plurals.
message = lazy(_interpolate, str)


def error_language(request: HttpRequest | None) -> str:
    """The language of an API error for ``request`` (see the module's docstring)."""
    codes = [code for code, _name in settings.LANGUAGES]
    if request is None:
        return DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in codes else settings.LANGUAGE_CODE
    asked = request.GET.get("locale")
    if asked in codes:
        return asked
    for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if code == "*":
            continue
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in codes else settings.LANGUAGE_CODE


#: Problem ``title``: the status's reason phrase, translated (English: Python's phrase).
TITLES = {
    400: pgettext_lazy("HTTP status", "Bad Request"),
    401: pgettext_lazy("HTTP status", "Unauthorized"),
    403: pgettext_lazy("HTTP status", "Forbidden"),
    404: pgettext_lazy("HTTP status", "Not Found"),
    405: pgettext_lazy("HTTP status", "Method Not Allowed"),
    409: pgettext_lazy("HTTP status", "Conflict"),
    413: pgettext_lazy("HTTP status", "Request Entity Too Large"),
    422: pgettext_lazy("HTTP status", "Unprocessable Entity"),
    429: pgettext_lazy("HTTP status", "Too Many Requests"),
    500: pgettext_lazy("HTTP status", "Internal Server Error"),
    503: pgettext_lazy("HTTP status", "Service Unavailable"),
}

#: Problem ``detail`` when the error carries no text of ours (Django's error pages, a bare
#: ``Http404``, the URL resolver).
DETAILS = {
    400: _("The request is not valid."),
    401: _("This operation needs an API token: Authorization: Bearer <token>."),
    403: _("You are not allowed to do this."),
    404: _("Nothing was found at this address."),
    405: _("This method is not allowed at this address."),
    422: _("The request body is not valid; errors lists each problem."),
    500: _("The server could not answer this request. The error has been logged."),
    503: _("The service is unavailable for a moment; please try again later."),
}


def status_title(status: int) -> Any:
    """The title of ``status``: translated when we know it, else Python's reason phrase."""
    if status in TITLES:
        return TITLES[status]
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def generic_detail(status: int) -> Any:
    """A sentence for ``status`` when nothing more precise is known."""
    if status in DETAILS:
        return DETAILS[status]
    try:
        return HTTPStatus(status).description
    except ValueError:
        return ""


# --- Parameters and addresses ------------------------------------------------------------------

UNKNOWN_PARAMETER = _("Unknown query parameter '%(name)s'. Allowed: %(allowed)s.")
INVALID_VALUE = _("Invalid value for query parameter '%(name)s': %(message)s")
TOO_HIGH = _("%(name)s cannot be higher than %(max)s.")
PAGE_IDS = _("%(name)s must be page ids (whole numbers).")
WHOLE_NUMBER = _("%(name)s must be a whole number.")
BETWEEN = _("%(name)s must be between %(low)s and %(high)s.")
NOT_BEFORE = _("%(later)s cannot be before %(earlier)s.")
NEEDS_SEARCH = _("ordering=relevance needs a search query.")
UNKNOWN_LOCALE = _("Unknown locale '%(code)s'. Known: %(known)s.")
LOCALE_DISABLED = _("Locale '%(code)s' is not enabled on this site.")
UNKNOWN_FILTER = _("Unknown filter '%(name)s'; use one of: %(allowed)s.")
UNKNOWN_CONTENT_TYPE = _("Unknown content type '%(value)s'; use one of: %(allowed)s.")
TOO_MANY_VALUES = _("Too many values for '%(name)s'.")
VALUE_TOO_LONG = _("A value of '%(name)s' is too long.")
NO_PUBLISHED = _("No published %(type)s with id %(id)s.")
NO_SITE = _("No site is configured.")
NO_HOME = _("The site has no published home page in '%(locale)s'.")
NO_PAGE_AT = _("No published page at '%(path)s' in '%(locale)s'.")
PATH_LOCALE = _("path is in '%(prefix)s' but locale is '%(locale)s'.")
PREVIEW_EXPIRED = _("The preview token has expired.")
PREVIEW_INVALID = _("The preview token is not valid.")
PREVIEW_GONE = _("The previewed page no longer exists.")


def retry_in(seconds: int) -> Any:
    """The 429 text (plural forms per language)."""
    template = ngettext_lazy(
        "Too many requests from this client; retry in %(count)s second.",
        "Too many requests from this client; retry in %(count)s seconds.",
        seconds,
    )
    return message(template, {"count": seconds})


# --- What the input guard refuses before any view ----------------------------------------------

ADDRESS_NOT_UTF8 = _("The address is not valid UTF-8.")
ADDRESS_CONTROL = _("The address contains control characters.")
ID_TOO_LARGE = _("No object has such a large id.")
PERCENT_ENCODING = _("Broken percent-encoding in the query string.")
QUERY_NOT_UTF8 = _("The query string is not valid UTF-8.")
PARAMETER_CONTROL = _("Control characters in query parameter '%(name)s'.")
NUMBER_TOO_LARGE = _("'%(name)s' is too large a number (at most %(max)s).")

# --- Validation errors (pydantic's messages by error type) -------------------------------------

VALIDATION = {
    "int_parsing": _("Input should be a valid integer"),
    "int_from_float": _("Input should be a valid integer"),
    "greater_than_equal": _("Input should be greater than or equal to %(ge)s"),
    "greater_than": _("Input should be greater than %(gt)s"),
    "less_than_equal": _("Input should be less than or equal to %(le)s"),
    "less_than": _("Input should be less than %(lt)s"),
    "literal_error": _("Input should be %(expected)s"),
    "enum": _("Input should be %(expected)s"),
    "missing": _("Field required"),
}


def validation_message(error: Mapping) -> Any:
    """An error of pydantic's in words the client reads: ours for the common types (with the
    limits of its ``ctx``), pydantic's English text for the rest."""
    template = VALIDATION.get(str(error.get("type", "")))
    context = error.get("ctx") or {}
    if template is not None:
        try:
            str(template) % {key: value for key, value in context.items()}
        except (KeyError, TypeError, ValueError):
            template = None
    if template is None:
        return str(error.get("msg", "invalid value"))
    return message(template, dict(context))
