"""Money shown the way the reader's locale writes it (CLDR via Babel), never typed by hand."""

from __future__ import annotations

from decimal import Decimal

from babel import Locale
from babel.numbers import format_compact_currency, format_currency, list_currencies
from django.utils.translation import get_language


def babel_locale(language: str | None = None) -> str:
    return (language or get_language() or "ru").split("-")[0]


def is_iso_currency(code: str) -> bool:
    return (code or "").upper() in list_currencies()


def format_money(amount: Decimal | None, currency: str, language: str | None = None) -> str:
    """``6 800 000 €`` in ru, ``€6,800,000`` in en; cents only when the amount has any."""
    if amount is None:
        return ""
    locale = babel_locale(language)
    try:
        if amount == amount.to_integral_value():
            pattern = Locale.parse(locale).currency_formats["standard"].pattern
            whole = pattern.split(";")[0].replace("0.00", "0")
            return format_currency(
                amount, currency, format=whole, locale=locale, currency_digits=False
            )
        return format_currency(amount, currency, locale=locale)
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
