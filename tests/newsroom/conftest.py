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


@pytest.fixture
def hidden_items(newsroom, make_news, tags):
    """One item of each kind a reader must never see, all tagged kz + prevention so that
    they would match every filter, feed and related-news query of the visible items."""
    from wagtail.models import Locale, PageViewRestriction

    kz, prevention = tags["countries"]["kz"], tags["themes"]["prevention"]
    common = {"countries": [kz], "themes": [prevention], "publication_date": days_ago(1)}

    draft = NewsPageFactory(parent=newsroom, title="HIDDEN draft", live=False, **common)
    draft.save_revision()

    scheduled = NewsPageFactory(parent=newsroom, title="HIDDEN scheduled", live=False, **common)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=2)
    scheduled.save_revision().publish()
    scheduled.refresh_from_db()
    assert not scheduled.live

    private = make_news(title="HIDDEN private", **common)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    future = make_news(
        title="HIDDEN future-dated",
        countries=[kz],
        themes=[prevention],
        publication_date=timezone.now() + datetime.timedelta(days=3),
    )
    unpublished = make_news(title="HIDDEN unpublished", **common)
    unpublished.unpublish()
    return {
        "draft": draft,
        "scheduled": scheduled,
        "private": private,
        "future": future,
        "unpublished": unpublished,
        "en_locale": Locale.objects.get(language_code="en"),
    }
