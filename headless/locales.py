"""Locales in the API: the asked locale, locale codes of items, labels in an item's language.

The API has no language prefix, so the request's active language is always the default one:
labels must follow the item's own locale, not the request's.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Locale, Page

from headless.context import context_request
from headless.errors import BadParameter
from headless.memo import once_per_request, table_by_id
from headless.messages import LOCALE_DISABLED, UNKNOWN_LOCALE, message


def resolve_locale(language: str | None, request: HttpRequest | None = None) -> Locale:
    """The asked locale (default: the site's default language); 400 for an unknown one."""
    code = language or settings.LANGUAGE_CODE
    known = {code for code, _ in settings.LANGUAGES}
    if code not in known:
        known_codes = ", ".join(sorted(known))
        raise BadParameter("locale", message(UNKNOWN_LOCALE, {"code": code, "known": known_codes}))
    try:
        # Wagtail's lookup by language, which the host may answer from the request's copy
        # of the locale table (``portal.request_memo``): no query.
        return Locale.objects.get_for_language(code)
    except (Locale.DoesNotExist, LookupError):
        raise BadParameter("locale", message(LOCALE_DISABLED, {"code": code})) from None


def locale_codes(request: HttpRequest) -> dict[int, str]:
    """{locale id: language code}, read once per request (a handful of rows)."""
    codes = getattr(request, "_api_locale_codes", None)
    if codes is None:
        table = table_by_id(Locale)  # the request's (or generation's) copy: no query
        if table is not None:
            codes = {pk: locale.language_code for pk, locale in table.items()}
        else:
            codes = dict(Locale.objects.values_list("pk", "language_code"))
        request._api_locale_codes = codes
    return codes


def page_language(page: Page, context: dict) -> str:
    """Labels of a page's tags are in the page's own language."""
    return locale_codes(context_request(context)).get(page.locale_id, settings.LANGUAGE_CODE)


def label_in_page_language(page: Page, context: dict, label, name: str | None = None) -> str:
    """A choice label (lazy: ``get_FOO_display()`` has already translated) in the page's own
    language: the API has no language prefix, so the request's language is the default one
    whatever the item's locale. ``name`` (the same for the same label) lets the request
    translate each label once per language, not once per item of a listing."""
    language = page_language(page, context)

    def translate() -> str:
        with translation.override(language):
            return str(label)

    if name is None:
        return translate()
    return once_per_request(f"label:{language}:{name}", translate)
