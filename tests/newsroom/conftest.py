"""Newsroom fixtures: a newsroom in ru and en, the country and theme vocabularies."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from programme.demo import ensure_translation
from tests.factories.layers import layer
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.pages import publish
from tests.factories.programme import vocabulary


@layer
def tags(db):
    countries, themes = vocabulary(
        ["kz", "kg", "tj", "tm", "uz"], ["prevention", "treatment", "policy"]
    )
    return {"countries": countries, "themes": themes}


@layer
def newsroom(homes):
    return publish(NewsIndexPageFactory(parent=homes["ru"], title="Новости", slug="news"))


@layer
def newsroom_en(newsroom):
    return ensure_translation(newsroom, "en", title="News")


def add_news(parent, **fields):
    """Create and publish a news item under ``parent``."""
    return publish(NewsPageFactory(parent=parent, **fields))


@pytest.fixture
def make_news(newsroom):
    """Create and publish a news item in the ru newsroom."""

    def make(parent=None, **kwargs):
        return add_news(parent or newsroom, **kwargs)

    return make


def days_ago(days: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


@layer
def hidden_items(newsroom, tags):
    """One item of each kind a reader must never see, all tagged kz + prevention so that
    they would match every filter, feed and related-news query of the visible items."""
    kz, prevention = tags["countries"]["kz"], tags["themes"]["prevention"]
    common = {"countries": [kz], "themes": [prevention], "publication_date": days_ago(1)}

    draft = NewsPageFactory(parent=newsroom, title="HIDDEN draft", live=False, **common)
    draft.save_revision()

    scheduled = NewsPageFactory(parent=newsroom, title="HIDDEN scheduled", live=False, **common)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=2)
    scheduled.save_revision().publish()
    scheduled.refresh_from_db()
    assert not scheduled.live

    private = add_news(newsroom, title="HIDDEN private", **common)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    future = add_news(
        newsroom,
        title="HIDDEN future-dated",
        countries=[kz],
        themes=[prevention],
        publication_date=timezone.now() + datetime.timedelta(days=3),
    )
    unpublished = add_news(newsroom, title="HIDDEN unpublished", **common)
    unpublished.unpublish()
    return {
        "draft": draft,
        "scheduled": scheduled,
        "private": private,
        "future": future,
        "unpublished": unpublished,
        "en_locale": Locale.objects.get(language_code="en"),
    }
