"""run_search(): scope, page types, facets, snippets, pagination, promotions, statistics."""

from __future__ import annotations

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.services import SearchQueryError, autocomplete, run_search
from tests.factories.newsroom import NewsPageFactory
from tests.search.conftest import needs_postgres, publish

pytestmark = pytest.mark.django_db


def titles(results):
    return {hit.page.title for hit in results.results}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Семинар", "Семинар в Алматы"),  # title
        ("молодёжью", "Семинар в Алматы"),  # standfirst
        ("Сапарова", "Семинар в Алматы"),  # quote block: speaker
        ("волонтёров", "Семинар в Алматы"),  # fact box
        ("межведомственное", "Седьмая фаза"),  # phase summary
        ("GIZ", "Агентство по развитию"),  # partner acronym
        ("Исполнитель", "Агентство по развитию"),  # partner description
        ("Представительство", "Делегация в Бишкеке"),  # contact office
    ],
)
def test_every_page_type_is_found_by_its_text(content, query, expected):
    assert expected in titles(run_search(query, language="ru"))


def test_results_are_specific_pages_of_the_readers_locale_only(content):
    ru = run_search("Семинар", language="ru")
    assert titles(ru) == {"Семинар в Алматы"}
    assert all(hit.page.locale.language_code == "ru" for hit in ru.results)
    assert type(ru.results[0].page).__name__ == "NewsPage"
    en = run_search("Workshop", language="en")
    assert titles(en) == {"Workshop in Almaty"}
    # the ru article aliased into the en tree is not an en result
    assert run_search("Семинар", language="en").total == 0


@pytest.mark.parametrize("word", ["секретный", "черновик", "доклад", "анонс", "правка"])
def test_drafts_private_scheduled_and_draft_edits_are_never_found(content, word):
    results = run_search(word, language="ru")
    assert results.total == 0, titles(results)


@needs_postgres("Wagtail's SQLite FTS5 ranking does not weigh title over body")
def test_title_matches_rank_above_body_matches(content):
    publish(
        NewsPageFactory(
            parent=content["ru_news"],
            title="Другая тема",
            slug="other",
            standfirst="",
            body=[("paragraph", "<p>Упоминание: лечения много.</p>")],
        )
    )
    results = run_search("лечения", language="ru")
    assert [hit.page.title for hit in results.results][0] == "Новый центр лечения"


def test_facets_count_the_matching_pages(content):
    results = run_search("Семинар OR Бишкеке", language="ru")  # OR is no operator here
    assert results.total == 0
    results = run_search("распространения", language="ru")
    assert results.total == 1
    facets = {name: {f.value: f.count for f in values} for name, values in results.facets.items()}
    assert facets["country"] == {"kz": 1}
    assert facets["theme"] == {"prevention": 1}
    assert facets["kind"] == {"press_release": 1}
    assert facets["year"] == {"2022": 1}
    assert facets["content_type"] == {"newsroom.newspage": 1}


def test_facets_combine_with_the_query_and_keep_siblings_of_a_selection(content):
    everything = run_search("", language="ru", filters={"content_type": ["newsroom.newspage"]})
    assert titles(everything) == {"Семинар в Алматы", "Новый центр лечения", "Открытый текст"}
    by_country = run_search(
        "", language="ru", filters={"content_type": ["newsroom.newspage"], "country": ["kz"]}
    )
    assert titles(by_country) == {"Семинар в Алматы"}
    country = {f.value: (f.count, f.selected) for f in by_country.facets["country"]}
    assert country == {"kz": (1, True), "kg": (1, False)}  # kg stays offered
    assert {f.value for f in by_country.facets["kind"]} == {"press_release"}


def test_facet_labels_are_in_the_readers_language(content):
    en = run_search("prevention", language="en")
    assert [(f.value, f.label) for f in en.facets["theme"]] == [("prevention", "Prevention")]
    assert en.facets["country"][0].label == "Kazakhstan"
    ru = run_search("профилактике", language="ru")
    assert ru.facets["country"][0].label == "Казахстан"


def test_filters_on_phases_partners_and_years(content):
    phases = run_search("", language="ru", filters={"country": ["kg"]})
    assert titles(phases) == {"Новый центр лечения", "Седьмая фаза"}
    partners = run_search("", language="ru", filters={"kind": ["implementing"]})
    assert titles(partners) == {"Агентство по развитию"}
    year = run_search("", language="ru", filters={"year": ["2021"]})
    assert "Новый центр лечения" in titles(year)
    assert "Семинар в Алматы" not in titles(year)


def test_snippets_are_escaped_and_mark_the_matched_words(content):
    publish(
        NewsPageFactory(
            parent=content["ru_news"],
            title="<script>alert(1)</script> Вакцина",
            slug="xss",
            standfirst="Текст <b>жирный</b> & вакцины для всех.",
            body=[],
        )
    )
    hit = run_search("вакцина", language="ru").results[0]
    assert "<script>" not in hit.title
    assert "&lt;script&gt;" in hit.title
    assert "<mark>Вакцина</mark>" in hit.title
    assert "<b>" not in hit.snippet
    assert "&amp;" in hit.snippet
    assert "<mark>вакцины</mark>" in hit.snippet  # another form of the word is marked too


def test_pagination(content):
    for n in range(23):
        publish(NewsPageFactory(parent=content["ru_news"], title=f"Отчёт номер {n}", slug=f"r{n}"))
    first = run_search("отчёт", language="ru", per_page=10)
    assert (first.total, first.num_pages, len(first.results)) == (23, 3, 10)
    assert first.has_next and not first.has_previous
    last = run_search("отчёт", language="ru", page=3, per_page=10)
    assert len(last.results) == 3 and last.first_index == 21
    pages = [run_search("отчёт", language="ru", page=p).results for p in (1, 2, 3)]
    seen = {hit.page.pk for hits in pages for hit in hits}
    assert len(seen) == 23
    beyond = run_search("отчёт", language="ru", page=4, per_page=10)
    assert beyond.results == [] and beyond.total == 23


def test_promotions_show_the_pick_in_the_readers_language(content):
    query = Query.get("программа")
    ru_phase = content["ru_phase"]
    SearchPromotion.objects.create(query=query, page=ru_phase, description="Главное", sort_order=0)
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/report",
        external_link_text="Report",
        sort_order=1,
    )
    ru = run_search("Программа", language="ru")
    assert [(p.title, p.url) for p in ru.promotions] == [
        ("Седьмая фаза", ru_phase.get_url()),
        ("Report", "https://example.org/report"),
    ]
    en = run_search("программа", language="en")  # no en translation of the phase
    assert [p.title for p in en.promotions] == ["Report"]


def test_queries_are_logged_in_wagtails_statistics(content):
    run_search("Лечение", language="ru")
    run_search("лечение ", language="ru")
    run_search("лечение", language="ru", page=2)  # paging is not a new search
    assert Query.get("лечение").hits == 2


def test_did_you_mean(content):
    results = run_search("семенар", language="ru")
    assert results.total == 0
    assert results.suggestion == "семинар"
    assert run_search("семинар", language="ru").suggestion is None


def test_autocomplete_completes_titles_of_the_locale(content):
    found = autocomplete("Семи", language="ru")
    assert [item["title"] for item in found] == ["Семинар в Алматы"]
    assert found[0]["url"] == content["ru_press"].get_url()
    assert autocomplete("Семи", language="en") == []
    assert autocomplete("Секр", language="ru") == []
    english = autocomplete("Work", language="en")  # while Russian is the active language
    assert [(item["title"], item["type"]) for item in english] == [
        ("Workshop in Almaty", "news item")
    ]
    assert found[0]["type"] == "новость"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"query": "x" * 10_000, "language": "ru"}, "q"),
        ({"query": "x", "language": "xx"}, "language"),
        ({"query": "x", "language": "ru", "page": 0}, "page"),
        ({"query": "x", "language": "ru", "page": "abc"}, "page"),
        ({"query": "x", "language": "ru", "per_page": 500}, "per_page"),
        ({"query": "x", "language": "ru", "filters": {"colour": ["red"]}}, "colour"),
        ({"query": "x", "language": "ru", "filters": {"year": ["20x2"]}}, "year"),
        (
            {"query": "x", "language": "ru", "filters": {"content_type": ["auth.user"]}},
            "content_type",
        ),
    ],
)
def test_invalid_input_raises_a_clear_error(homes, kwargs, field):
    query = kwargs.pop("query")
    with pytest.raises(SearchQueryError) as error:
        run_search(query, **kwargs)
    assert error.value.field == field
    assert str(error.value)


def test_query_count_does_not_grow_with_the_number_of_items(content, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    publish(NewsPageFactory(parent=content["ru_news"], title="Отчёт", slug="q-first"))
    with CaptureQueriesContext(connection) as few:
        assert run_search("отчёт", language="ru", log=False).total == 1
    for n in range(30):
        publish(NewsPageFactory(parent=content["ru_news"], title=f"Отчёт {n}", slug=f"q{n}"))
    with django_assert_max_num_queries(len(few)):
        results = run_search("отчёт", language="ru", log=False)
    assert results.total == 31 and len(results.results) == 10
    print(f"run_search queries: {len(few)}")


def test_news_is_found_by_its_partners_names(content):
    publish(
        NewsPageFactory(
            parent=content["ru_news"],
            title="Встреча",
            slug="meeting",
            related_partners=[content["ru_partner"]],
        )
    )
    assert {"Встреча", "Агентство по развитию"} <= titles(run_search("GIZ", language="ru"))


def test_facets_are_the_same_from_fetched_ids_and_from_the_text_search_subquery(content, settings):
    """Past SEARCH_FACET_MAX_IDS matches the facets count over the text search itself."""

    def summary(results):
        return {
            name: [(f.value, f.count) for f in values] for name, values in results.facets.items()
        }

    cases = [
        ("", {"country": ["kg"]}),
        ("Седьмая", {}),
        ("", {"content_type": ["newsroom.newspage"]}),
    ]
    from_ids = [summary(run_search(q, language="ru", filters=f)) for q, f in cases]
    settings.SEARCH_FACET_MAX_IDS = 0
    from_subquery = [summary(run_search(q, language="ru", filters=f)) for q, f in cases]
    assert from_ids == from_subquery
    assert any(facets["content_type"] for facets in from_ids)
