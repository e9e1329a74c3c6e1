"""Factories for the newsroom app. News items need ``parent=`` (a NewsIndexPage)."""

from __future__ import annotations

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from newsroom.models import NewsIndexPage, NewsPage
from tests.factories.pages import RelatedPageFactory


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Новости"
    slug = "news"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(RelatedPageFactory):
    title = factory.Sequence(lambda n: f"Новость {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    kind = NewsPage.Kind.NEWS
    publication_date = factory.Sequence(
        lambda n: timezone.make_aware(datetime.datetime(2022, 11, 30, 10)) - datetime.timedelta(n)
    )
    dateline_place = "Алматы"
    standfirst = "Краткое содержание."
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>Текст новости о профилактике наркотиков.</p>")]
    )

    class Meta:
        model = NewsPage
