"""The Wagtail admin: editors get clear messages for bad budgets and dates, and manage the
country and theme vocabularies as snippets."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from programme.models import CountryTag, ProgrammePhasePage, ThemeTag

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    # The admin speaks English to this editor, so the messages below are stable.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return client


def phase_form(phase: ProgrammePhasePage, **changes) -> dict:
    data = {
        "title": phase.title,
        "slug": phase.slug,
        "number": phase.number,
        "start_date": phase.start_date.isoformat(),
        "end_date": phase.end_date.isoformat() if phase.end_date else "",
        "budget_amount": str(phase.budget_amount or ""),
        "budget_currency": phase.budget_currency,
        "status_override": "",
        "summary": "",
        "objectives": streamfield([]),
        "results": streamfield([]),
        "countries": "Kazakhstan",
        "themes": "",
        "phase_partners": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    data.update(changes)
    return nested_form_data(data)


def errors_in(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_invalid_currency_is_refused_with_a_message(admin_client, tree):
    phase = tree["phase7"]
    url = reverse("wagtailadmin_pages:edit", args=[phase.pk])
    response = admin_client.post(url, phase_form(phase, budget_currency="XYZ"))
    assert response.status_code == 200  # the form again, not a redirect and not a 500
    text = errors_in(response.content.decode())
    assert "“XYZ” is not an ISO 4217 currency code (for example EUR, USD, KZT)." in text
    # Too long to be a code at all: refused by the field itself.
    response = admin_client.post(url, phase_form(phase, budget_currency="EURO"))
    assert response.status_code == 200
    assert "at most 3 characters" in errors_in(response.content.decode())
    phase.refresh_from_db()
    assert phase.budget_currency == "EUR"
    assert phase.latest_revision is None  # nothing was saved, not even a draft


def test_end_before_start_is_refused_with_a_message(admin_client, tree):
    phase = tree["phase7"]
    url = reverse("wagtailadmin_pages:edit", args=[phase.pk])
    response = admin_client.post(url, phase_form(phase, end_date="2020-01-01"))
    assert response.status_code == 200
    assert "The end date cannot be before the start date." in errors_in(response.content.decode())
    phase.refresh_from_db()
    assert phase.end_date == datetime.date(2026, 12, 31)


def test_valid_edit_saves_and_normalises_the_currency(admin_client, tree):
    phase = tree["phase7"]
    url = reverse("wagtailadmin_pages:edit", args=[phase.pk])
    response = admin_client.post(
        url, phase_form(phase, budget_currency="kzt", budget_amount="1500000.50")
    )
    assert response.status_code == 302
    phase.refresh_from_db()
    latest = phase.get_latest_revision_as_object()
    assert latest.budget_currency == "KZT"
    assert latest.budget_amount == Decimal("1500000.50")
    assert [c.slug for c in latest.countries.all()] == ["kz"]


def test_phase_edit_form_renders_with_tag_widgets(admin_client, tree):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[tree["phase7"].pk]))
    assert response.status_code == 200
    html = response.content.decode()
    # Suggestions from every label, slug and code (programme.tagging), free typing allowed.
    base = "/admin/programme/vocabulary-autocomplete/programme"
    assert f'data-w-tag-url-value="{base}/countrytag/"' in html
    assert f'data-w-tag-url-value="{base}/themetag/"' in html
    assert "&quot;autocompleteOnly&quot;: false" in html


def test_tag_autocomplete_offers_existing_countries(admin_client, vocab):
    response = admin_client.get("/admin/tag-autocomplete/programme/countrytag/?term=Kaz")
    assert response.json() == ["Kazakhstan"]


@pytest.mark.parametrize(
    "page_key", ["programme", "phase7", "partners", "eu", "contacts", "contact"]
)
def test_every_page_type_has_a_working_edit_form(admin_client, tree, page_key):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[tree[page_key].pk]))
    assert response.status_code == 200


def test_vocabulary_snippets_are_listed(admin_client, vocab):
    response = admin_client.get(reverse("wagtailsnippets_programme_countrytag:list"))
    assert response.status_code == 200
    text = errors_in(response.content.decode())
    assert "ru: Казахстан · en: Kazakhstan" in text
    response = admin_client.get(reverse("wagtailsnippets_programme_themetag:list"))
    assert "en: Prevention" in errors_in(response.content.decode())


def test_editor_adds_a_theme_with_labels_without_code(admin_client, db):
    url = reverse("wagtailsnippets_programme_themetag:add")
    data = nested_form_data(
        {
            "name": "Снижение вреда",
            "slug": "harm-reduction",
            "labels": inline_formset(
                [
                    {"language": "en", "label": "Harm reduction"},
                    {"language": "kk", "label": "Зиянды азайту"},
                ]
            ),
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, errors_in(response.content.decode())[:2000]
    theme = ThemeTag.objects.get(slug="harm-reduction")
    assert theme.label("en") == "Harm reduction"
    assert theme.label("kk") == "Зиянды азайту"
    assert theme.label("ru") == "Снижение вреда"


def test_theme_label_in_an_unknown_language_is_refused(admin_client, db):
    url = reverse("wagtailsnippets_programme_themetag:add")
    data = nested_form_data(
        {
            "name": "Тема",
            "slug": "topic",
            "labels": inline_formset([{"language": "fr", "label": "Sujet"}]),
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert not ThemeTag.objects.filter(slug="topic").exists()


def test_country_snippet_refuses_a_non_iso_slug(admin_client, db):
    url = reverse("wagtailsnippets_programme_countrytag:add")
    response = admin_client.post(url, {"slug": "xx", "name": "Nowhere"})
    assert response.status_code == 200
    assert "is not an ISO 3166-1 alpha-2 country code" in errors_in(response.content.decode())
    response = admin_client.post(url, {"slug": "UZ", "name": "Узбекистан"})
    assert response.status_code == 302
    with translation.override("en"):
        assert CountryTag.objects.get(slug="uz").label() == "Uzbekistan"
