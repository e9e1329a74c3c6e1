"""Newsroom fixtures: a newsroom in ru and en, the country and theme vocabularies."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.programme import CountryTagFactory, ThemeLabelFactory, ThemeTagFactory


@pytest.fixture
def tags(db):
    countries = {slug: CountryTagFactory(slug=slug) for slug in ("kz", "kg", "tj", "tm", "uz")}
    themes = {}
    for slug, ru, en in (
        ("prevention", "Профилактика", "Prevention"),
        ("treatment", "Лечение", "Treatment"),
        ("policy", "Политика", "Policy"),
    ):
        themes[slug] = ThemeTagFactory(slug=slug, name=ru)
        ThemeLabelFactory(theme=themes[slug], language="en", label=en)
    return {"countries": countries, "themes": themes}


@pytest.fixture
def newsroom(homes):
    index = NewsIndexPageFactory(parent=homes["ru"], title="Новости", slug="news")
    index.save_revision().publish()
    index.refresh_from_db()
    return index


@pytest.fixture
def newsroom_en(newsroom):
    from programme.demo import ensure_translation

    return ensure_translation(newsroom, "en", title="News")


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def make_news(newsroom):
    """Create and publish a news item in the ru newsroom."""

    def make(parent=None, **kwargs):
        page = NewsPageFactory(parent=parent or newsroom, **kwargs)
        return publish(page)

    return make


def days_ago(days: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)
