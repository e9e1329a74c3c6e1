"""The index follows the content: publish, edit, unpublish, delete, move, translate, rebuild."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page
from wagtail.search.models import IndexEntry

from search.services import run_search
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.search.conftest import publish

pytestmark = pytest.mark.django_db


def found(query: str, language: str = "ru") -> set[str]:
    return {hit.page.title for hit in run_search(query, language=language, log=False).results}


def entries_for(page) -> int:
    return IndexEntry.objects.filter(object_id=str(page.pk)).count()


@pytest.fixture
def news_index(homes):
    return publish(NewsIndexPageFactory(parent=homes["ru"]))


def test_publish_and_edit_update_the_index(news_index):
    page = NewsPageFactory(parent=news_index, title="Кампания", slug="c", live=False)
    page.save_revision()
    assert found("кампания") == set()
    publish(page)
    assert found("кампания") == {"Кампания"}
    page.title = "Конференция"
    page.save_revision().publish()
    assert found("конференция") == {"Конференция"}
    assert found("кампания") == set()


def test_unpublish_removes_from_results(news_index):
    page = publish(NewsPageFactory(parent=news_index, title="Кампания", slug="c"))
    page.unpublish()
    assert found("кампания") == set()


def test_delete_removes_the_index_entry(news_index):
    page = publish(NewsPageFactory(parent=news_index, title="Кампания", slug="c"))
    assert entries_for(page) == 1
    pk = page.pk
    Page.objects.get(pk=pk).delete()
    assert IndexEntry.objects.filter(object_id=str(pk)).count() == 0
    assert found("кампания") == set()


def test_move_keeps_the_page_found_at_its_new_address(homes, news_index):
    other = publish(NewsIndexPageFactory(parent=homes["ru"], title="Архив", slug="archive"))
    page = publish(NewsPageFactory(parent=news_index, title="Кампания", slug="c"))
    page.move(other, pos="last-child")
    hits = run_search("кампания", language="ru", log=False).results
    assert [hit.url for hit in hits] == ["/ru/archive/c/"]


def test_publishing_a_translation_makes_it_findable_in_its_locale(homes, news_index):
    page = publish(NewsPageFactory(parent=news_index, title="Кампания", slug="c"))
    en = Locale.objects.get(language_code="en")
    news_index.copy_for_translation(en).save_revision().publish()
    translation = page.copy_for_translation(en)
    translation.title = "Campaign"
    translation.save_revision()
    assert found("campaign", "en") == set()  # a draft translation stays hidden
    translation.save_revision().publish()
    assert found("campaign", "en") == {"Campaign"}
    assert found("кампания", "en") == set()
    assert found("campaign", "ru") == set()


def test_rebuild_command_rebuilds_one_locale_with_progress(homes, news_index):
    publish(NewsPageFactory(parent=news_index, title="Кампания", slug="c"))
    IndexEntry.objects.all().delete()
    assert found("кампания") == set()
    out = io.StringIO()
    call_command("rebuild_search_index", "--locale", "ru", stdout=out)
    text = out.getvalue()
    assert "[" in text and "100%" in text and "newsroom.newspage" in text
    assert "Indexed" in text
    assert found("кампания") == {"Кампания"}
    # en entries were not touched by a ru rebuild
    assert not IndexEntry.objects.filter(object_id=str(homes["en"].pk)).exists()
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert IndexEntry.objects.filter(object_id=str(homes["en"].pk)).exists()


def test_rebuild_command_rejects_unknown_locale_or_backend(homes):
    with pytest.raises(CommandError, match="Unknown locale 'xx'"):
        call_command("rebuild_search_index", "--locale", "xx")
    with pytest.raises(CommandError, match="Unknown search backend"):
        call_command("rebuild_search_index", "--backend", "nope")


def test_renaming_a_partner_reindexes_the_news_citing_it(homes, news_index):
    from tests.factories.programme import PartnerIndexPageFactory, PartnerOrganisationPageFactory

    partners = publish(PartnerIndexPageFactory(parent=homes["ru"]))
    partner = publish(
        PartnerOrganisationPageFactory(parent=partners, title="Фонд Старый", acronym="OLD")
    )
    publish(
        NewsPageFactory(
            parent=news_index, title="Встреча", slug="meeting", related_partners=[partner]
        )
    )
    assert "Встреча" in found("OLD")
    partner.acronym = "NEWNAME"
    partner.save_revision().publish()
    assert "Встреча" in found("NEWNAME")
    assert "Встреча" not in found("OLD")


def test_postgresql_has_an_index_on_the_matched_expression():
    """Without it the planner guessed one match and a filtered search took seconds."""
    from django.db import connection

    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "wagtailsearch_indexentry")
    expected = connection.vendor == "postgresql"
    assert ("search_indexentry_title_body_gin" in indexes) is expected
