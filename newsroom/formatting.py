"""Dates in the reader's language. Babel (CLDR) knows all seven site languages, including
the genitive month names Russian needs ("30 ноября 2022 г.")."""

from __future__ import annotations

import datetime

from babel import Locale as BabelLocale
from babel.core import UnknownLocaleError
from babel.dates import format_date, format_interval, format_time
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language


def babel_locale(language: str | None = None) -> BabelLocale:
    code = (language or get_language() or settings.LANGUAGE_CODE).replace("-", "_")
    try:
        return BabelLocale.parse(code)
    except (ValueError, UnknownLocaleError):
        return BabelLocale.parse(settings.LANGUAGE_CODE)


def _local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def format_long_date(value: datetime.datetime | datetime.date | None, language=None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = _local(value).date()
    return format_date(value, format="long", locale=babel_locale(language))


def format_period(
    start: datetime.datetime | None, end: datetime.datetime | None, language=None
) -> str:
    """ "29–30 ноября 2022 г., 09:00–18:00" style: one date or a date range, with times
    when the event has them (local time of the site)."""
    if start is None:
        return ""
    locale = babel_locale(language)
    start = _local(start)
    if end is None:
        return f"{format_date(start.date(), 'long', locale=locale)}, " + format_time(
            start.time(), "short", locale=locale
        )
    end = _local(end)
    if start.date() == end.date():
        times = format_interval(start.time(), end.time(), skeleton="Hm", locale=locale)
        return f"{format_date(start.date(), 'long', locale=locale)}, {times}"
    return format_interval(start.date(), end.date(), skeleton="yMMMMd", locale=locale)
