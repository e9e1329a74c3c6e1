"""Language-aware matching: a word form finds other forms of the same word, in the reader's
locale only. Runs on the database backend (Snowball stems on SQLite, PostgreSQL's text search
configurations there) and, when ELASTICSEARCH_URL is set, against Elasticsearch's per-locale
indexes. tests/search/test_languages.py has the tables for all seven locales."""

from __future__ import annotations

import io
import os

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from search.services import run_search
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.search.conftest import publish

pytestmark = pytest.mark.django_db

DATABASE_ONLY = {"default": settings.WAGTAILSEARCH_BACKENDS["default"]}


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request):
    if request.param == "database":
        with override_settings(WAGTAILSEARCH_BACKENDS=DATABASE_ONLY):
            yield "database"
    else:
        if not os.environ.get("ELASTICSEARCH_URL"):
            pytest.skip("needs ELASTICSEARCH_URL pointing to a live Elasticsearch 8")
        yield "elasticsearch"


@pytest.fixture
def stemming_content(homes, engine):
    ru_index = publish(NewsIndexPageFactory(parent=homes["ru"]))
    en_index = publish(NewsIndexPageFactory(parent=homes["en"], title="News", slug="news"))
    pages = {
        "ru": publish(
            NewsPageFactory(
                parent=ru_index,
                title="Молодёжный форум",
                slug="forum",
                dateline_place="",
                standfirst="Форум посвящён профилактике.",
                body=[("paragraph", "<p>Участники говорили о вреде наркотиков.</p>")],
            )
        ),
        "en": publish(
            NewsPageFactory(
                parent=en_index,
                title="Youth forum",
                slug="forum",
                dateline_place="",
                standfirst="The forum was about prevention.",
                body=[("paragraph", "<p>Speakers discussed harmful substances.</p>")],
            )
        ),
        "draft": NewsPageFactory(
            parent=ru_index, title="Черновик о наркотиках", slug="draft", live=False
        ),
        "private": publish(
            NewsPageFactory(parent=ru_index, title="Закрытый отчёт о наркотиках", slug="p")
        ),
    }
    PageViewRestriction.objects.create(
        page=pages["private"], restriction_type="password", password="x"
    )
    if engine == "elasticsearch":
        call_command("rebuild_search_index", "--backend", "elasticsearch_ru", stdout=io.StringIO())
        call_command("rebuild_search_index", "--backend", "elasticsearch_en", stdout=io.StringIO())
        for alias in ("elasticsearch_ru", "elasticsearch_en"):
            get_search_backend(alias).get_index_for_model(Page).refresh()
    return pages


def titles(query: str, language: str, engine: str) -> set[str]:
    results = run_search(query, language=language, log=False)
    assert results.backend == engine
    return {hit.page.title for hit in results.results}


@pytest.mark.parametrize(
    ("query", "language", "expected"),
    [
        ("наркотик", "ru", {"Молодёжный форум"}),
        ("наркотики", "ru", {"Молодёжный форум"}),
        ("профилактика", "ru", {"Молодёжный форум"}),
        ("профилактикой", "ru", {"Молодёжный форум"}),
        ("форумы", "ru", {"Молодёжный форум"}),
        ("prevent", "en", {"Youth forum"}),
        ("preventing", "en", {"Youth forum"}),
        ("discussing", "en", {"Youth forum"}),
        ("forums", "en", {"Youth forum"}),
    ],
)
def test_another_form_of_the_word_is_found(stemming_content, engine, query, language, expected):
    assert titles(query, language, engine) == expected


def test_other_locales_drafts_and_private_pages_are_never_found(stemming_content, engine):
    assert titles("форум", "en", engine) == set()
    assert titles("forum", "ru", engine) == set()
    assert titles("наркотиках", "ru", engine) == {"Молодёжный форум"}
    assert titles("черновик", "ru", engine) == set()
    assert titles("закрытый", "ru", engine) == set()


def test_snippets_mark_the_other_word_form(stemming_content, engine):
    hit = run_search("наркотик", language="ru", log=False).results[0]
    assert "<mark>наркотиков</mark>" in hit.snippet
