"""The demo content: a programme since 2003, seven phases, partners of every kind, two donor
contacts, in Russian and English; every page renders; a second run changes nothing."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from programme.models import (
    ContactIndexPage,
    CountryTag,
    DonorContactPage,
    PartnerIndexPage,
    PartnerOrganisationPage,
    PhasePartner,
    ProgrammePage,
    ProgrammePhasePage,
    ThemeLabel,
    ThemeTag,
)

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    ProgrammePage,
    ProgrammePhasePage,
    PartnerIndexPage,
    PartnerOrganisationPage,
    ContactIndexPage,
    DonorContactPage,
]


def counts() -> tuple:
    return (
        CountryTag.objects.count(),
        ThemeTag.objects.count(),
        ThemeLabel.objects.count(),
        PhasePartner.objects.count(),
        *(model.objects.count() for model in PAGE_TYPES),
    )


def test_demo_content(demo):
    for language in ("ru", "en"):
        programme = ProgrammePage.objects.get(locale__language_code=language)
        assert programme.acronym == "CADAP" and programme.start_year == 2003
        phases = list(programme.phases())
        assert [p.number for p in phases] == [1, 2, 3, 4, 5, 6, 7]
        assert (phases[-1].budget_amount, phases[-1].budget_currency) == (
            Decimal("6800000"),
            "EUR",
        )
        assert {c.slug for c in phases[-1].countries.all()} == {"kz", "kg", "tj", "tm", "uz"}
        kinds = set(
            PartnerOrganisationPage.objects.filter(locale__language_code=language).values_list(
                "kind", flat=True
            )
        )
        assert kinds == set(PartnerOrganisationPage.Kind.values)
        assert DonorContactPage.objects.filter(locale__language_code=language).count() == 2
    ru = ProgrammePage.objects.get(locale__language_code="ru")
    en = ProgrammePage.objects.get(locale__language_code="en")
    assert ru.title != en.title and ru.translation_key == en.translation_key
    delegation = DonorContactPage.objects.get(
        slug="eu-delegation-kyrgyzstan", locale__language_code="en"
    )
    assert delegation.country.slug == "kg" and delegation.phones.count() == 1
    assert delegation.social_links.get().network == "facebook"


def test_every_programme_page_renders_in_ru_and_en(client, demo):
    seen = set()
    for model in PAGE_TYPES:
        for page in model.objects.live().filter(locale__language_code__in=["ru", "en"]):
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            seen.add((model, page.locale.language_code))
    assert len(seen) == 2 * len(PAGE_TYPES)
    for url in [
        "/ru/countries/kz/",
        "/en/countries/kz/",
        "/ru/themes/prevention/",
        "/en/themes/treatment/",
        "/ru/countries/",
        "/en/themes/",
    ]:
        assert client.get(url).status_code == 200, url
    html = client.get("/en/countries/kz/").content.decode()
    assert "Phase 7: state and civil society together" in html
    html = client.get("/en/programme/").content.decode()
    assert "€28,500,000" in html  # the sum of the seven phases, computed
    assert "€6.8M" in html
    assert client.get("/en/contacts/eu-delegation-kyrgyzstan/vcard/").status_code == 200


def test_second_run_changes_nothing(demo):
    first = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == first


def test_ensure_translation_turns_a_synchronised_alias_into_the_translation(homes):
    """A plugin demo loaded after wagtail-localize synchronised the en tree finds aliases
    there, not translations: the alias becomes the en translation, in place."""
    from wagtail.models import Locale, Page
    from wagtail_localize.models import LocaleSynchronization

    from programme.demo import ensure_translation
    from tests.factories.programme import ProgrammePageFactory

    en = Locale.objects.get(language_code="en")
    programme = ProgrammePageFactory(parent=homes["ru"], slug="programme")
    programme.save_revision().publish()
    LocaleSynchronization.objects.create(locale=en, sync_from=homes["ru"].locale)
    alias = Page.objects.get(translation_key=programme.translation_key, locale=en)
    assert alias.alias_of_id == programme.pk

    translated = ensure_translation(programme, "en", title="Programme", summary="In English.")
    assert translated.pk == alias.pk and translated.alias_of_id is None
    assert translated.live and translated.title == "Programme"
    assert ProgrammePage.objects.get(pk=alias.pk).summary == "In English."
    programme.summary = "Новый текст."
    programme.save_revision().publish()  # no longer an alias: the source no longer overwrites it
    assert ProgrammePage.objects.get(pk=alias.pk).summary == "In English."
    assert ensure_translation(programme, "en", title="Other").title == "Programme"
