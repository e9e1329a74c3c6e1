"""Template filters for locale-aware dates, numbers and money: ``{% load l10n_tags %}``.

``{{ page.publication_date|local_date }}``, ``{{ phase.start_date|local_date:"medium" }}``,
``{{ phase.budget_amount|local_currency:phase.budget_currency }}``, ``{{ n|local_number }}``.
The language is the reader's (Django's active language).
"""

from __future__ import annotations

from django import template

from programme import l10n

register = template.Library()


@register.filter
def local_date(value, format: str = "long") -> str:
    return l10n.format_date(value, format if format in l10n.DATE_FORMATS else "long")


@register.filter
def local_datetime(value, format: str = "medium") -> str:
    return l10n.format_datetime(value, format if format in l10n.DATE_FORMATS else "medium")


@register.filter
def local_number(value) -> str:
    return l10n.format_number(value)


@register.filter
def local_currency(amount, currency: str = "EUR") -> str:
    return l10n.format_currency(amount, currency)
