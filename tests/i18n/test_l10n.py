"""Dates, numbers and money formatted per locale (CLDR through Babel)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from programme import l10n

DAY = datetime.date(2022, 11, 30)


def plain(text: str) -> str:
    """CLDR uses (narrow) no-break spaces; compare with ordinary ones."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


@pytest.mark.parametrize(
    ("language", "date", "money"),
    [
        ("ru", "30 ноября 2022 г.", "6 800 000,00 €"),
        ("en", "November 30, 2022", "€6,800,000.00"),
        ("kk", "2022 ж. 30 қараша", "6 800 000,00 €"),
        ("tk", "30 noýabr 2022", "6 800 000,00 EUR"),
    ],
)
def test_formats_follow_the_active_language(language, date, money):
    with translation.override(language):
        assert plain(l10n.format_date(DAY)) == date
        assert plain(l10n.format_currency(Decimal("6800000"), "eur")) == money


def test_every_site_language_has_its_own_month_names():
    names = set()
    for language in ("ru", "en", "kk", "ky", "tg", "tk", "uz"):
        with translation.override(language):
            names.add(l10n.format_date(DAY))
    assert len(names) == 7


def test_aware_datetimes_are_shown_in_the_site_time_zone(settings):
    settings.TIME_ZONE = "Asia/Almaty"
    late = datetime.datetime(2022, 11, 30, 20, 0, tzinfo=datetime.UTC)  # Dec 1 in Almaty
    with timezone.override("Asia/Almaty"), translation.override("en"):
        assert l10n.format_date(late) == "December 1, 2022"


def test_template_filters_and_empty_values():
    template = Template(
        "{% load l10n_tags %}{{ d|local_date }}|{{ d|local_date:'medium' }}|"
        "{{ n|local_number }}|{{ a|local_currency:'USD' }}|{{ none|local_date }}|"
        "{{ none|local_currency:'EUR' }}"
    )
    context = Context({"d": DAY, "n": 1234567.5, "a": Decimal("1500"), "none": None})
    with translation.override("en"):
        assert template.render(context) == (
            "November 30, 2022|Nov 30, 2022|1,234,567.5|$1,500.00||"
        )
    with translation.override("ru"):
        assert plain(template.render(context).split("|")[2]) == "1 234 567,5"


def test_unknown_language_falls_back_to_the_default():
    assert l10n.babel_locale("xx").language == "ru"
