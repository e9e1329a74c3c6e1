"""The search documents on PostgreSQL (``search.models``, ``search.services.documents``):
written with the index, read by a search in one statement, and giving the same answer as
the generic path over Wagtail's index entries."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programme.models import CountryTag, ThemeTag
from search.services import run_search
from tests.factories.newsroom import NewsPageFactory
from tests.search.conftest import needs_postgres, publish

pytestmark = needs_postgres("the search documents are a PostgreSQL table")


def stored() -> dict[int, list[str] | None]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT page_id, facets FROM search_document")
        return dict(cursor.fetchall())


def forget_facets() -> None:
    """What a database has after the migration copied the documents, before a rebuild."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE search_document SET facets = NULL")


def answer(results) -> tuple:
    facets = {
        name: [(f.value, f.label, f.count, f.selected) for f in values]
        for name, values in results.facets.items()
    }
    return results.total, {hit.page.pk for hit in results.results}, facets


def test_publishing_writes_the_document_with_the_pages_facet_values(content):
    documents = stored()
    kz, kg = CountryTag.objects.get(slug="kz"), CountryTag.objects.get(slug="kg")
    prevention = ThemeTag.objects.get(slug="prevention")
    press = content["ru_press"]
    news_type = ContentType.objects.get_for_model(press).pk
    assert documents[press.pk] == sorted(
        [
            f"content_type:{news_type}",
            f"country:{kz.pk}",
            f"theme:{prevention.pk}",
            "kind:press_release",
            "year:2022",
        ]
    )
    phase = content["ru_phase"]
    assert f"country:{kz.pk}" in documents[phase.pk] and f"country:{kg.pk}" in documents[phase.pk]
    assert not any(token.startswith("year:") for token in documents[phase.pk])
    partner = content["ru_partner"]
    assert {"kind:implementing", f"country:{kz.pk}"} <= set(documents[partner.pk])


def test_deleting_a_page_deletes_its_document(content):
    item = content["ru_news_item"]
    assert item.pk in stored()
    item.delete()
    assert item.pk not in stored()


def test_a_search_is_one_statement_over_the_documents(content):
    with CaptureQueriesContext(connection) as queries:
        results = run_search("лечения", language="ru", log=False)
    statements = [query["sql"] for query in queries.captured_queries]
    assert results.total == 2
    assert sum("search_matches" in sql for sql in statements) == 1
    assert not any("wagtailsearch_indexentry" in sql for sql in statements)


@pytest.mark.parametrize(
    ("query", "language", "filters"),
    [
        ("лечения", "ru", None),
        ("", "ru", {"content_type": ["newsroom.newspage"]}),
        ("", "ru", {"content_type": ["newsroom.newspage"], "country": ["kz"]}),
        ("", "ru", {"country": ["kz", "kg"], "theme": ["prevention"]}),
        ("фаза", "ru", {"country": ["kg"]}),
        ("prevention", "en", {"year": ["2022"], "kind": ["press_release"]}),
        ("", "ru", {"country": ["nowhere"]}),
        ("", "ru", {"kind": ["implementing"]}),
    ],
)
def test_the_documents_answer_as_the_generic_path(content, query, language, filters):
    fast = answer(run_search(query, language=language, filters=filters, log=False))
    forget_facets()
    with CaptureQueriesContext(connection) as queries:
        slow = answer(run_search(query, language=language, filters=filters, log=False))
    # The documents' statement found facet values missing and the generic path answered
    # (its facets are grouped counts joined to each facet's tables).
    assert any("COUNT(DISTINCT" in query["sql"] for query in queries.captured_queries)
    assert fast == slow


def test_a_renamed_country_is_found_by_its_new_slug_without_reindexing(content):
    country = CountryTag.objects.get(slug="kz")
    country.slug = "kaz"
    country.save()
    results = run_search("", language="ru", filters={"country": ["kaz"]}, log=False)
    assert content["ru_press"].pk in {hit.page.pk for hit in results.results}
    assert "kaz" in {f.value for f in results.facets["country"]}
    assert run_search("", language="ru", filters={"country": ["kz"]}, log=False).total == 0


def test_the_year_is_the_sites_year_as_the_database_counts_it(content):
    """21:00 UTC on 31 December is already the next year in Almaty (the site's time zone):
    the stored year, the facet and the filter agree with PostgreSQL's ``EXTRACT``."""
    late = datetime.datetime(2019, 12, 31, 21, 0, tzinfo=datetime.UTC)
    item = publish(
        NewsPageFactory(parent=content["ru_news"], title="Новогодний выпуск", publication_date=late)
    )
    assert "year:2020" in stored()[item.pk]
    found = run_search("Новогодний", language="ru", log=False)
    assert [f.value for f in found.facets["year"]] == ["2020"]
    assert run_search("", language="ru", filters={"year": ["2020"]}, log=False).total == 1


def test_a_rebuild_writes_the_same_documents_and_facet_values(content):
    """A rebuild indexes pages in batches, their tags read in one query per field. (An
    alias is indexed when it is created, before Wagtail copies its tags: it is never found,
    and a rebuild gives it its source's values.)"""
    alias = content["alias"].pk
    before = stored()
    forget_facets()
    call_command("rebuild_search_index", "--backend", "default", verbosity=0)
    after = stored()
    assert {pk: after[pk] for pk in before if pk != alias} == {
        pk: tokens for pk, tokens in before.items() if pk != alias
    }
    assert after[alias] == after[content["ru_press"].pk]


def test_documents_with_the_same_facet_values_share_one_facet_set(content):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM search_document d LEFT JOIN search_facet_set s"
            " ON s.id = d.facet_set_id WHERE d.facets IS DISTINCT FROM s.facets"
        )
        assert cursor.fetchone()[0] == 0  # every document points at its own tokens' set
        cursor.execute(
            "SELECT count(DISTINCT facets), count(DISTINCT facet_set_id) FROM search_document"
        )
        tokens, sets = cursor.fetchone()
        assert tokens == sets > 1
    forget_facets()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_document WHERE facet_set_id IS NOT NULL")
        assert cursor.fetchone()[0] == 0  # tokens not written: no set, the generic path answers
