"""Locale-aware formatting of dates, numbers and money for readers (CLDR data through Babel):
the one module for it (newsroom's article dates and the phases' budgets use it too).

Django's own localisation formats numbers with the active language's separators but knows no
currency symbols and no CLDR date patterns for kk, ky, tg, tk or uz. These helpers take the
language from Django's active language, so a template in ``/kk/`` shows Kazakh month names and
``1 000 000,00 €`` while ``/en/`` shows ``€1,000,000.00``. They live in the programme app (the
lowest layer) so that programme, newsroom and the host site can all use them.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from babel import Locale as BabelLocale
from babel import UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.numbers import format_compact_currency, list_currencies
from django.conf import settings
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

DATE_FORMATS = ("short", "medium", "long", "full")


def babel_locale(language: str | None = None) -> BabelLocale:
    """The Babel locale for a Django language code, falling back to the site's default."""
    code = (language or get_language() or settings.LANGUAGE_CODE).replace("-", "_")
    for candidate in (code, code.split("_")[0], settings.LANGUAGE_CODE):
        try:
            return BabelLocale.parse(candidate)
        except (ValueError, UnknownLocaleError):
            continue
    return BabelLocale.parse("en")


def format_date(
    value: datetime.date | datetime.datetime | None,
    format: str = "long",
    language: str | None = None,
) -> str:
    """``30 ноября 2022 г.`` / ``November 30, 2022``; aware datetimes in the site's time zone."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    return babel_dates.format_date(value, format=format, locale=babel_locale(language))


def format_datetime(
    value: datetime.datetime | None, format: str = "medium", language: str | None = None
) -> str:
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return babel_dates.format_datetime(value, format=format, locale=babel_locale(language))


def format_number(value: int | float | Decimal | None, language: str | None = None) -> str:
    if value is None:
        return ""
    return babel_numbers.format_decimal(value, locale=babel_locale(language))


def format_currency(
    amount: int | float | Decimal | None, currency: str, language: str | None = None
) -> str:
    """``6 800 000,00 €`` in ru, ``€6,800,000.00`` in en; an empty string without an amount."""
    if amount is None or not currency:
        return ""
    return babel_numbers.format_currency(amount, currency.upper(), locale=babel_locale(language))


def format_long_date(value: datetime.date | datetime.datetime | None, language=None) -> str:
    """An article's date line: ``30 ноября 2022 г.``."""
    return format_date(value, "long", language)


def format_period(
    start: datetime.datetime | None, end: datetime.datetime | None, language: str | None = None
) -> str:
    """ "29–30 ноября 2022 г." or "30 ноября 2022 г., 09:00–18:00": one date or a date range,
    with times when the event is within one day (local time of the site)."""
    if start is None:
        return ""
    locale = babel_locale(language)
    if timezone.is_aware(start):
        start = timezone.localtime(start)
    day = babel_dates.format_date(start.date(), "long", locale=locale)
    if end is None:
        return f"{day}, " + babel_dates.format_time(start.time(), "short", locale=locale)
    if timezone.is_aware(end):
        end = timezone.localtime(end)
    if start.date() == end.date():
        times = babel_dates.format_interval(start.time(), end.time(), skeleton="Hm", locale=locale)
        return f"{day}, {times}"
    return babel_dates.format_interval(start.date(), end.date(), skeleton="yMMMMd", locale=locale)


def is_iso_currency(code: str) -> bool:
    return (code or "").upper() in list_currencies()


def format_money(amount: Decimal | None, currency: str, language: str | None = None) -> str:
    """``6 800 000 €`` in ru, ``€6,800,000`` in en: cents only when the amount has any."""
    if amount is None:
        return ""
    locale = babel_locale(language)
    try:
        if amount == amount.to_integral_value():
            pattern = locale.currency_formats["standard"].pattern
            whole = pattern.split(";")[0].replace("0.00", "0")
            return babel_numbers.format_currency(
                amount, currency, format=whole, locale=locale, currency_digits=False
            )
        return babel_numbers.format_currency(amount, currency, locale=locale)
    except (ValueError, LookupError):
        return f"{amount} {currency}"


def format_money_compact(amount: Decimal | None, currency: str, language: str | None = None) -> str:
    """``6,8 млн €`` in ru, ``€6.8M`` in en: for a timeline where space is short."""
    if amount is None:
        return ""
    try:
        return format_compact_currency(
            amount, currency, locale=babel_locale(language), fraction_digits=1
        )
    except (ValueError, LookupError):
        return f"{amount} {currency}"


#: "in <language>", said in the reader's language, for a text shown untranslated (a page of a
#: locale with partial content: ``portal.i18n.partial``). One phrase per source language
#: rather than "in %(language)s": the form of the language's name differs from language to
#: language ("на русском", "орысша", "rus tilida").
IN_LANGUAGE: dict[str, Promise] = {
    "ru": _("in Russian"),
    "en": _("in English"),
    "kk": _("in Kazakh"),
    "ky": _("in Kyrgyz"),
    "tg": _("in Tajik"),
    "tk": _("in Turkmen"),
    "uz": _("in Uzbek"),
}


def in_language(code: str) -> str:
    """The marker for a text in ``code`` ("in Russian"), in the active language."""
    phrase = IN_LANGUAGE.get(code)
    return str(phrase) if phrase is not None else code
