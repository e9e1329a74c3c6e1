"""Fixtures for the translation tests: a ru newsroom with programme pages to relate to."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from tests.factories.layers import layer
from tests.factories.newsroom import NewsIndexPageFactory
from tests.factories.pages import publish
from tests.factories.programme import (
    PartnerIndexPageFactory,
    PartnerOrganisationPageFactory,
    ProgrammePageFactory,
    ProgrammePhasePageFactory,
    vocabulary,
)


@pytest.fixture
def locales(homes) -> dict[str, Locale]:
    return {locale.language_code: locale for locale in Locale.objects.all()}


@layer
def newsroom(homes):
    """{"ru": NewsIndexPage, "en": its translation}, both published."""
    ru = publish(NewsIndexPageFactory(parent=homes["ru"], title="Новости", slug="news"))
    en = ru.copy_for_translation(homes["en"].locale)
    en.title = "News"
    publish(en)
    return {"ru": ru, "en": en.specific}


@layer
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


@layer
def tags(db):
    countries, themes = vocabulary(["kz", "kg"], ["prevention", "treatment"], labels=False)
    return {**countries, **themes}
