"""Programme models: derived status, computed budget totals, validation, vocabularies."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from babel.numbers import format_currency
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from programme.l10n import format_money, format_money_compact
from programme.models import CountryTag, ProgrammePhasePage, ThemeLabel, ThemeTag
from programme.timeline import build_timeline
from tests.factories.programme import ProgrammePhasePageFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def phase(**fields) -> ProgrammePhasePage:
    defaults = dict(number=1, title="Фаза", slug="p", start_date=TODAY, end_date=None)
    return ProgrammePhasePage(**{**defaults, **fields})


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (1, None, "planned"),
        (1, 10, "planned"),
        (-10, 1, "active"),
        (0, 0, "active"),
        (-10, None, "active"),
        (-10, -1, "closed"),
    ],
)
def test_status_is_derived_from_dates(start, end, expected):
    """Dates as days from today, taken when the test runs (not when it is collected: a run
    crossing midnight in the site's time zone would compare two different todays)."""
    today = timezone.localdate()
    end_date = None if end is None else today + end * DAY
    assert phase(start_date=today + start * DAY, end_date=end_date).status == expected


def test_status_override_wins_over_dates():
    closed_by_dates = phase(start_date=TODAY - 10 * DAY, end_date=TODAY - DAY)
    closed_by_dates.status_override = ProgrammePhasePage.Status.ACTIVE
    assert closed_by_dates.status == "active"
    with translation.override("en"):
        assert closed_by_dates.status_label == "Active"


def test_end_before_start_is_refused():
    # the messages are lazy: read them while English is active
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            phase(start_date=TODAY, end_date=TODAY - DAY).clean()
        messages = error.value.message_dict
    assert "end_date" in messages
    assert "before the start date" in messages["end_date"][0]


@pytest.mark.parametrize("code", ["EURO", "XYZ", "€", "12"])
def test_invalid_currency_is_refused(code):
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            phase(budget_amount=Decimal("10"), budget_currency=code).clean()
        message = error.value.message_dict["budget_currency"][0]
    assert code in message and "ISO 4217" in message


def test_currency_is_normalised_to_upper_case():
    page = phase(budget_amount=Decimal("10"), budget_currency=" kzt ")
    page.clean()
    assert page.budget_currency == "KZT"


def test_budget_needs_a_currency():
    with pytest.raises(ValidationError) as error:
        phase(budget_amount=Decimal("10"), budget_currency="").clean()
    assert "budget_currency" in error.value.message_dict


def test_negative_budget_is_refused():
    page = phase(budget_amount=Decimal("-1"), budget_currency="EUR")
    with pytest.raises(ValidationError) as error:
        page.full_clean(exclude=["path", "depth", "content_type", "locale", "translation_key"])
    assert "budget_amount" in error.value.message_dict


def test_budget_totals_are_per_currency_and_skip_drafts(tree):
    programme = tree["programme"]
    ProgrammePhasePageFactory(
        parent=programme, number=8, budget_amount=Decimal("1000000"), budget_currency="USD"
    )
    draft = ProgrammePhasePageFactory(parent=programme, number=9, budget_amount=Decimal("999"))
    draft.unpublish()
    ProgrammePhasePageFactory(parent=programme, number=10, budget_amount=None)
    totals = programme.budget_totals()
    assert totals == {"EUR": Decimal("12300000"), "USD": Decimal("1000000")}
    # The same totals from an already loaded list (what the page view uses).
    assert programme.budget_totals(list(programme.phases())) == totals


def test_budget_totals_follow_the_phases(tree):
    """Totals are computed, not typed: changing a phase changes the total."""
    phase7 = tree["phase7"]
    phase7.budget_amount = Decimal("7000000")
    phase7.save_revision().publish()
    assert tree["programme"].budget_totals() == {"EUR": Decimal("12500000")}


def test_budget_is_formatted_for_the_reader_locale():
    amount = Decimal("6800000")
    ru = format_money(amount, "EUR", "ru")
    en = format_money(amount, "EUR", "en")
    assert en == "€6,800,000"
    assert ru.replace("\xa0", " ").replace("\u202f", " ") == "6 800 000 €"
    assert format_money(Decimal("10.50"), "EUR", "en") == format_currency(
        Decimal("10.50"), "EUR", locale="en"
    )
    assert format_money_compact(amount, "EUR", "en") == "€6.8M"
    assert "млн" in format_money_compact(amount, "EUR", "ru")
    page = phase(budget_amount=amount, budget_currency="EUR")
    assert page.budget_display("en") == en
    assert format_money(None, "EUR", "en") == ""


def test_formatted_totals_on_the_programme(tree):
    assert tree["programme"].formatted_budget_totals(language="en") == ["€12,300,000"]


def test_partners_with_role(tree):
    programme = tree["programme"]
    assert programme.partners_with_role("funding") == [tree["eu"]]
    assert programme.partners_with_role("beneficiary") == [tree["ministry"]]
    assert programme.partners_with_role("implementing") == []


def test_partners_by_role_on_a_phase(tree):
    with translation.override("en"):
        groups = dict(tree["phase7"].partners_by_role())
    assert groups == {"Funding": [tree["eu"]], "Beneficiary": [tree["ministry"]]}


def test_country_labels_come_from_cldr(vocab):
    kz = vocab["countries"]["kz"]
    assert kz.code == "KZ"
    assert kz.label("ru") == "Казахстан"
    assert kz.label("en") == "Kazakhstan"
    assert kz.label("kk") == "Қазақстан"
    assert kz.label("uz") == "Qozogʻiston"
    assert kz.label("not-a-language") == kz.name
    # The region's own Russian name, not CLDR's "Киргизия".
    assert vocab["countries"]["kg"].label("ru") == "Кыргызстан"
    assert vocab["countries"]["kg"].label("en") == "Kyrgyzstan"


def test_country_label_overrides_are_a_setting(vocab, settings):
    settings.PROGRAMME_COUNTRY_LABELS = {"en": {"KZ": "Republic of Kazakhstan"}}
    assert vocab["countries"]["kz"].label("en") == "Republic of Kazakhstan"
    assert vocab["countries"]["kg"].label("ru") == "Киргизия"


def test_country_slug_must_be_an_iso_code(db):
    with pytest.raises(ValidationError) as error:
        CountryTag(slug="xx", name="").clean()
    assert "ISO 3166" in error.value.message_dict["slug"][0]
    tag = CountryTag(slug="KG", name="")
    tag.clean()
    assert tag.slug == "kg" and tag.name == "Кыргызстан"


def test_country_for_code_creates_once(db):
    first = CountryTag.for_code("TJ")
    assert CountryTag.for_code("tj") == first
    assert first.slug == "tj" and first.label("en") == "Tajikistan"
    for not_a_country in ("zz", "eu", "150", "k"):
        with pytest.raises(ValueError):
            CountryTag.for_code(not_a_country)


def test_theme_labels_per_language(vocab):
    prevention = ThemeTag.objects.prefetch_related("labels").get(slug="prevention")
    assert prevention.label("ru") == "Профилактика"
    assert prevention.label("en") == "Prevention"
    # No Kazakh label yet: the default-language name stands in.
    assert prevention.label("kk") == "Профилактика"


def test_theme_label_language_must_be_configured(vocab):
    with pytest.raises(ValidationError):
        ThemeLabel(theme=vocab["prevention"], language="fr", label="Prévention").clean()
    ThemeLabel(theme=vocab["prevention"], language="kk", label="Алдын алу").clean()


def test_vocabularies_refuse_free_tagging():
    assert CountryTag.free_tagging is False
    assert ThemeTag.free_tagging is False


def test_timeline_places_phases_on_whole_years():
    phases = [
        phase(number=1, start_date=datetime.date(2003, 1, 1), end_date=datetime.date(2004, 12, 31)),
        phase(number=2, start_date=datetime.date(2005, 1, 1), end_date=None),
    ]
    timeline = build_timeline(phases, today=datetime.date(2006, 7, 1))
    assert timeline.start == datetime.date(2003, 1, 1)
    assert timeline.end == datetime.date(2007, 1, 1)
    first, second = timeline.rows
    assert first.offset == 0 and 49 < first.width < 51
    assert 49 < second.offset < 51 and second.open_ended
    assert second.end == datetime.date(2006, 7, 1)
    assert [t.year for t in timeline.ticks] == [2003, 2004, 2005, 2006]
    assert 87 < timeline.today_offset < 88
    assert timeline.first_year == 2003 and timeline.last_year == 2006


def test_timeline_thins_ticks_on_long_programmes():
    phases = [phase(start_date=datetime.date(2003, 1, 1), end_date=datetime.date(2026, 12, 31))]
    timeline = build_timeline(phases, today=datetime.date(2030, 1, 1))
    assert [t.year for t in timeline.ticks][:3] == [2003, 2005, 2007]
    assert timeline.today_offset is None
    assert build_timeline([]) is None
