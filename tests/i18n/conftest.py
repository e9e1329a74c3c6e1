"""Fixtures for the translation tests: a ru newsroom with programme pages to relate to."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from tests.factories.newsroom import NewsIndexPageFactory
from tests.factories.programme import (
    CountryTagFactory,
    PartnerIndexPageFactory,
    PartnerOrganisationPageFactory,
    ProgrammePageFactory,
    ProgrammePhasePageFactory,
    ThemeTagFactory,
)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def locales(homes) -> dict[str, Locale]:
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def newsroom(homes):
    """{"ru": NewsIndexPage, "en": its translation}, both published."""
    ru = publish(NewsIndexPageFactory(parent=homes["ru"], title="Новости", slug="news"))
    en = ru.copy_for_translation(homes["en"].locale)
    en.title = "News"
    publish(en)
    return {"ru": ru, "en": en.specific}


@pytest.fixture
def programme_pages(homes):
    """A ru programme with one phase, and two partner organisations."""
    programme = publish(ProgrammePageFactory(parent=homes["ru"]))
    phase = publish(ProgrammePhasePageFactory(parent=programme, number=3))
    partners_index = publish(PartnerIndexPageFactory(parent=homes["ru"]))
    partners = [
        publish(PartnerOrganisationPageFactory(parent=partners_index, title=title))
        for title in ("Министерство здравоохранения", "Агентство-исполнитель")
    ]
    return {"programme": programme, "phase": phase, "partners": partners}


@pytest.fixture
def tags(db):
    return {
        "kz": CountryTagFactory(slug="kz"),
        "kg": CountryTagFactory(slug="kg"),
        "prevention": ThemeTagFactory(slug="prevention", name="Профилактика"),
        "treatment": ThemeTagFactory(slug="treatment", name="Лечение"),
    }
