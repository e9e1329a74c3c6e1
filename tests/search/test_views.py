"""The search page /<lang>/search/, the autocomplete endpoint and the header search box."""

from __future__ import annotations

import pytest
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query

from tests.factories.layers import layer
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.search.conftest import publish

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "",
    " ",
    "x" * 10_000,
    "\x00\x01\x02 drug\x1b[31m",
    "\u202eevil\u200b",
    '"unbalanced quote',
    "'single",
    "title:(a OR",
    "a AND OR NOT NEAR(",
    "*",
    "?",
    "~",
    "((((",
    "-",
    "\\",
    "%",
    "_",
    "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1",
    '" OR ""="',
    "<script>alert(1)</script>",
    "{{ settings.SECRET_KEY }}",
    "наркотик&|!:*",
    "a" * 300,
    "😀",
    "ǅ",
]


@layer
def one_item(homes):
    """A light fixture for the many bad-input cases: one news item, built once per worker
    and shared by rolling back to it (tests/factories/layers.py)."""
    index = publish(NewsIndexPageFactory(parent=homes["ru"]))
    return publish(NewsPageFactory(parent=index, title="Наркотики и школа", slug="item"))


@pytest.mark.parametrize("query", BAD_QUERIES)
@pytest.mark.parametrize("language", ["ru", "en"])
def test_bad_input_answers_200_or_400_with_a_message_never_500(client, one_item, query, language):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code in (200, 400)
    body = response.content.decode()
    if response.status_code == 400:
        assert 'class="search-error"' in body
    assert "<script>alert(1)</script>" not in body
    assert "SECRET_KEY" not in body or "{{ settings.SECRET_KEY }}" in body.replace("&#x27;", "'")
    api = client.get(f"/{language}/search/autocomplete/", {"q": query})
    assert api.status_code in (200, 400)
    assert "results" in api.json() or "error" in api.json()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x", "page": "abc"},
        {"q": "x", "page": "0"},
        {"q": "x", "page": "-1"},
        {"q": "x", "page": "99999999999999999999"},
        {"q": "x", "year": "abcd"},
        {"q": "x", "content_type": "auth.user"},
        {"q": "x", "country": "k" * 500},
        {"q": "x", "country": "\x00"},
        {"q": "x", "theme": "'; --"},
    ],
)
def test_bad_parameters_answer_200_or_400(client, one_item, params):
    response = client.get("/ru/search/", params)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        # NUL bytes and numbers past 64 bits never reach the page: the input guard's 400 page.
        body = response.content.decode()
        assert 'class="search-error"' in body or "<h1>Неверный запрос</h1>" in body


def test_too_long_query_is_a_400_with_a_message(client, homes):
    response = client.get("/ru/search/", {"q": "x" * 10_000})
    assert response.status_code == 400
    assert "слишком длинный" in response.content.decode()


def test_search_page_shows_highlighted_results_facets_and_logs(client, content):
    response = client.get("/ru/search/", {"q": "профилактике"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Семинар в Алматы" in html
    assert "<mark>профилактике</mark>" in html
    assert 'data-facet="country" data-value="kz"' in html
    assert 'class="search-facets"' in html and "search-layout-single" not in html
    assert "Казахстан" in html
    assert 'rel="nofollow"' in html
    assert Query.get("профилактике").hits == 1


def test_facet_links_filter_and_toggle(client, content):
    response = client.get("/ru/search/", {"q": "", "country": "kg"})
    html = response.content.decode()
    assert "Новый центр лечения" in html and "Семинар в Алматы" not in html
    assert 'href="?q=&amp;country=kg&amp;country=kz"' in html or "country=kz" in html
    # the selected value links to the search without it
    assert 'href="?q="' in html


def test_search_page_in_english_only_shows_english(client, content):
    html = client.get("/en/search/", {"q": "workshop"}).content.decode()
    assert '<a href="/en/news/workshop/"><mark>Workshop</mark> in Almaty</a>' in html
    html = client.get("/en/search/", {"q": "семинар"}).content.decode()
    assert "Семинар в Алматы" not in html
    assert "Nothing was found" in html


def test_no_results_page_helps(client, content):
    html = client.get("/ru/search/", {"q": "семенар"}).content.decode()
    assert 'class="search-no-results"' in html
    assert "семинар" in html  # did you mean
    assert "search-facets" not in html  # no empty "Refine" panel
    assert "search-layout-single" in html  # the message takes the whole width


def test_empty_query_shows_the_form_only(client, homes):
    response = client.get("/ru/search/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_autocomplete_endpoint(client, content):
    from newsroom.models import NewsPage

    data = client.get("/ru/search/autocomplete/", {"q": "Семи"}).json()
    with translation.override("ru"):  # the type is named in the reader's language
        news_item = str(NewsPage._meta.verbose_name)
    assert data == {
        "results": [
            {
                "title": "Семинар в Алматы",
                "url": content["ru_press"].get_url(),
                "type": news_item,
            }
        ]
    }
    assert client.get("/ru/search/autocomplete/", {"q": "x" * 10_000}).status_code == 400
    assert client.post("/ru/search/autocomplete/", {"q": "Семи"}).status_code == 405


def test_every_page_has_a_search_box_that_works_without_javascript(client, homes):
    html = client.get("/ru/").content.decode()
    assert '<form class="search-box" role="search" method="get" action="/ru/search/"' in html
    assert 'data-autocomplete-url="/ru/search/autocomplete/"' in html
    html = client.get("/en/").content.decode()
    assert 'action="/en/search/"' in html
