"""The search documents carry what the visibility rule reads of their page
(``search/migrations/0003_document_visibility.py``): whatever changes the page, its view
restrictions or its clock, a search on the documents alone finds exactly the pages
``headless.visibility`` lets a reader see. Each test changes one thing the way Wagtail does
(no reindexing unless Wagtail itself reindexes) and compares the documents with the rule."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from newsroom.models import NewsPage
from search.services import run_search
from search.services.scope import eligible_pages
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.search.conftest import needs_postgres, publish

pytestmark = needs_postgres("the search documents are a PostgreSQL table")

WORD = "кампания"


def found() -> set[int]:
    results = run_search(WORD, language="ru", log=False)
    assert results.backend == "database"
    return {hit.page.pk for hit in results.results}


def assert_documents_follow_the_rule() -> None:
    """Every document's stored visibility, with the clock compared now, is the rule's."""
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT page_id FROM search_document WHERE visible AND locale_id = %s"
            " AND (expire_at IS NULL OR expire_at > %s)",
            [Locale.objects.get(language_code="ru").pk, now],
        )
        documented = {pk for (pk,) in cursor.fetchall()}
    ru = Locale.objects.get(language_code="ru")
    ruled = set(
        eligible_pages(ru).filter(search_document__isnull=False).values_list("pk", flat=True)
    )
    # Embargoed items are left out by the query (a clocked part), not by the flag.
    embargoed = set(NewsPage.objects.filter(publication_date__gt=now).values_list("pk", flat=True))
    assert documented - embargoed == ruled


@pytest.fixture
def news_index(homes):
    return publish(NewsIndexPageFactory(parent=homes["ru"]))


def item(news_index, slug: str = "c", **fields) -> Page:
    return publish(NewsPageFactory(parent=news_index, title="Кампания", slug=slug, **fields))


def test_unpublishing_and_republishing(news_index):
    page = item(news_index)
    assert found() == {page.pk}
    page.unpublish()
    assert found() == set()
    assert_documents_follow_the_rule()
    page.refresh_from_db()
    page.save_revision().publish()
    assert found() == {page.pk}
    assert_documents_follow_the_rule()


def test_a_restriction_on_an_ancestor_hides_the_pages_below_until_it_goes(homes, news_index):
    section = publish(NewsIndexPageFactory(parent=homes["ru"], title="Закрыто", slug="closed"))
    page = item(section)
    other = item(news_index, slug="open")
    assert found() == {page.pk, other.pk}
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type="password", password="x"
    )
    assert found() == {other.pk}
    assert_documents_follow_the_rule()
    # A second restriction above: removing the first one still leaves the page hidden.
    above = PageViewRestriction.objects.create(page=homes["ru"], restriction_type="login")
    restriction.delete()
    assert found() == set()
    above.delete()
    assert found() == {page.pk, other.pk}
    assert_documents_follow_the_rule()


def test_a_restriction_moved_to_another_page(homes, news_index):
    section = publish(NewsIndexPageFactory(parent=homes["ru"], title="Раздел", slug="section"))
    page = item(section)
    other = item(news_index, slug="open")
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type="password", password="x"
    )
    assert found() == {other.pk}
    restriction.page = news_index
    restriction.save()
    assert found() == {page.pk}
    assert_documents_follow_the_rule()


def test_moving_a_page_under_a_restricted_section_and_back(homes, news_index):
    closed = publish(NewsIndexPageFactory(parent=homes["ru"], title="Закрыто", slug="closed"))
    PageViewRestriction.objects.create(page=closed, restriction_type="login")
    page = item(news_index)
    page.move(closed, pos="last-child")
    assert found() == set()
    Page.objects.get(pk=page.pk).move(Page.objects.get(pk=news_index.pk), pos="last-child")
    assert found() == {page.pk}
    assert_documents_follow_the_rule()


def test_moving_a_section_moves_its_pages_visibility_with_it(homes, news_index):
    closed = publish(NewsIndexPageFactory(parent=homes["ru"], title="Закрыто", slug="closed"))
    PageViewRestriction.objects.create(page=closed, restriction_type="login")
    page = item(news_index)
    Page.objects.get(pk=news_index.pk).move(Page.objects.get(pk=closed.pk), pos="last-child")
    assert found() == set()
    assert_documents_follow_the_rule()
    assert page.pk not in found()


def test_the_clock_hides_an_expiry_passed_and_an_embargo_to_come(news_index):
    expiring = item(news_index, slug="expiring")
    embargoed = item(news_index, slug="embargoed")
    assert found() == {expiring.pk, embargoed.pk}
    # Straight into the table, as time passing would do: no save, no signal, no reindex.
    past = timezone.now() - datetime.timedelta(minutes=1)
    Page.objects.filter(pk=expiring.pk).update(expire_at=past)
    type(embargoed).objects.filter(pk=embargoed.pk).update(
        publication_date=timezone.now() + datetime.timedelta(days=1)
    )
    assert found() == set()
    assert_documents_follow_the_rule()


def test_an_alias_and_a_draft_are_never_documents_a_reader_finds(homes, news_index):
    page = item(news_index)
    page.create_alias(parent=news_index, update_slug="alias")
    draft = NewsPageFactory(parent=news_index, title="Кампания", slug="draft", live=False)
    draft.save_revision()
    assert found() == {page.pk}
    assert_documents_follow_the_rule()
