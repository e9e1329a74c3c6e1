"""Hostile input, sent as a server hands it over (raw bytes through WSGI): every answer is a
4xx, never a 500; on /api/ it is problem JSON naming the parameter at fault. The table holds
the reproducers of issue #11 (NUL bytes, 20-digit numbers, 200- and 300-word searches, broken
UTF-8 and percent-encoding, unknown parameters) for the site and for both APIs.

The content is the API tests' shared site (the ``site_content`` layer, built once per worker).
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from django.conf import settings

from portal import input_guard
from tests.api.wsgi import wsgi_application, wsgi_get

pytestmark = pytest.mark.django_db

HUGE = b"99999999999999999999"  # 10**20: past 64 bits
WORDS_200 = b"+".join([b"word"] * 200)
WORDS_300 = b"+".join([b"slovo"] * 300)
LISTINGS = [
    b"/api/v3/news/",
    b"/api/v3/pages/",
    b"/api/v3/phases/",
    b"/api/v3/partners/",
    b"/api/v3/contacts/",
    b"/api/v3/images/",
    b"/api/v3/documents/",
    b"/api/v2/pages/",
    b"/api/v2/images/",
    b"/api/v2/documents/",
]
SEARCHABLE = [
    b"/api/v3/news/",
    b"/api/v3/pages/",
    b"/api/v3/images/",
    b"/api/v3/documents/",
    b"/api/v2/pages/",
]

# (path, query, status, parameter named in the problem): on the site only the status counts.
API_CASES = [
    (b"/api/v3/route/", b"path=%00", 400, "path"),
    (b"/api/v3/route/", b"path=/ru/%01", 400, "path"),
    *[(url, b"search=%00", 400, "search") for url in SEARCHABLE],
    *[(url, b"locale=%00", 400, "locale") for url in (b"/api/v3/news/", b"/api/v3/pages/")],
    (b"/api/v2/pages/", b"locale=%00", 400, "locale"),
    *[(url, b"site=%00", 400, "site") for url in (b"/api/v3/pages/", b"/api/v2/pages/")],
    (b"/api/v3/news/", b"site=%00", 400, "site"),
    *[(url, b"offset=" + HUGE, 400, "offset") for url in LISTINGS],
    *[(url, b"limit=" + HUGE, 400, "limit") for url in LISTINGS],
    *[(url, b"offset=-" + HUGE, 400, "offset") for url in LISTINGS[:3]],
    (b"/api/v3/news/", b"search=" + WORDS_200, 400, "search"),
    (b"/api/v3/pages/", b"search=" + WORDS_300, 400, "search"),
    (b"/api/v3/pages/", b"search=" + WORDS_300 + b"&search_operator=or", 400, "search"),
    (b"/api/v2/pages/", b"search=" + WORDS_300, 400, "search"),
    (b"/api/v3/news/", b"search=" + b"x" * 5000, 400, "search"),
    (b"/api/v3/search/", b"q=" + WORDS_300, 400, "q"),
    (b"/api/v3/search/", b"q=%00", 400, "q"),
    (b"/api/v3/news/", b"search=%ff%fe", 400, "search"),
    (b"/api/v3/news/", b"search=%zz", 400, "search"),
    (b"/api/v3/news/", b"search=%E0%A4", 400, "search"),
    (b"/api/v3/news/", b"country=%C0%AF", 400, "country"),
    (b"/api/v3/news/", b"colour=red", 400, "colour"),
    (b"/api/v3/pages/", b"colour=red", 400, "colour"),
    (b"/api/v3/images/", b"fields=*", 400, "fields"),
    (b"/api/v2/pages/", b"colour=red", 400, "colour"),
    (b"/api/v3/pages/", b"child_of=" + HUGE, 400, "child_of"),
    (b"/api/v3/pages/", b"child_of=123456", 400, "child_of"),
    (b"/api/v2/pages/", b"child_of=123456", 400, "child_of"),
    (b"/api/v3/pages/", b"order=%27;drop", 400, "order"),
    (b"/api/v3/vocabularies/countries/", b"locale=%1b[31m", 400, "locale"),
    (b"/api/v3/news/" + HUGE + b"/", b"", 404, None),
    (b"/api/v3/pages/" + HUGE + b"/", b"", 404, None),
    (b"/api/v3/translations/" + HUGE + b"/", b"", 404, None),
    (b"/api/v2/pages/" + HUGE + b"/", b"", 404, None),
    (b"/api/v2/pages/123456/", b"", 404, None),
    (b"/api/v3/news/\xff/", b"", 400, None),
    (b"/api/v3/news/\x00/", b"", 400, None),
    (b"/api/v3/nothing-here/", b"", 404, None),
    (b"/api/v2/nothing-here/", b"", 404, None),
]
SITE_CASES = [
    (b"/ru/countries/\x00/", b""),
    (b"/ru/themes/a\x00b/", b""),
    (b"/ru/news/\x1b[31m/", b""),
    (b"/ru/\xff/", b""),
    (b"/en/news/\xc3\x28/", b""),
    (b"/ru/countries/kz/", b"page=%00"),
    (b"/ru/countries/kz/", b"page=" + HUGE),
    (b"/ru/news/", b"page=" + HUGE),
    (b"/ru/news/", b"country=%00"),
    (b"/ru/news/", b"%zz=1"),
    (b"/ru/", b"utm_source=%ff%fe"),
    (b"/ru/search/", b"q=%00"),
    (b"/ru/search/", b"q=" + WORDS_300),
    (b"/ru/search/", b"q=%ff"),
    (b"/ru/search/", b"q=x&page=" + HUGE),
    (b"/ru/search/autocomplete/", b"q=%00"),
    (b"/sitemap.xml", b"p=" + HUGE),
    (b"/documents/" + HUGE + b"/x.pdf", b""),
]
LEAKS = (b"Traceback", b"Exception", b"6379", b"5432", b'File "')


@pytest.fixture
def app(site_content):
    with wsgi_application() as handler:
        yield handler


def problem_of(answer) -> dict:
    assert answer.content_type.startswith("application/problem+json"), (
        answer.status,
        answer.content_type,
        answer.body[:300],
    )
    return json.loads(answer.body)


@pytest.mark.parametrize(("path", "query", "status", "parameter"), API_CASES)
def test_hostile_api_input_is_a_problem_naming_the_parameter(app, path, query, status, parameter):
    answer = wsgi_get(app, path, query)
    assert answer.status == status, (path, query[:80], answer.status, answer.body[:300])
    body = problem_of(answer)
    assert body["status"] == status
    assert body["title"] and body["detail"]
    if parameter:
        assert body.get("parameter") == parameter, body
    assert not any(leak in answer.body for leak in LEAKS), answer.body


@pytest.mark.parametrize(("path", "query"), SITE_CASES)
def test_hostile_site_input_is_a_4xx_page(app, path, query):
    answer = wsgi_get(app, path, query)
    assert 400 <= answer.status < 500, (path, query[:80], answer.status, answer.body[:300])
    assert not any(leak in answer.body for leak in LEAKS), answer.body[:300]


@pytest.mark.parametrize("url", SEARCHABLE)
def test_a_search_at_the_word_limit_is_answered(app, url):
    """The limit is below what breaks: as many words as allowed still get an answer (the
    database backend nests an expression per word; hundreds overflowed the recursion)."""
    words = b"+".join([quote("слово").encode()] * settings.SEARCH_QUERY_MAX_WORDS)
    for operator in (b"", b"&search_operator=or"):
        query = b"search=" + words + (operator if url.startswith(b"/api/v3/pages/") else b"")
        answer = wsgi_get(app, url, query)
        assert answer.status == 200, (url, answer.status, answer.body[:300])


@pytest.mark.parametrize("url", LISTINGS)
def test_the_largest_offset_is_an_empty_page_or_a_400(app, url):
    answer = wsgi_get(app, url, b"offset=9223372036854775807")
    assert answer.status in (200, 400), (url, answer.status, answer.body[:300])
    if answer.status == 200:
        assert json.loads(answer.body)["items"] == []
    else:
        assert problem_of(answer)["parameter"] == "offset"


def test_an_unexpected_error_on_the_api_is_a_problem_without_details(app, monkeypatch):
    """A bug in a view answers problem JSON with a generic message, on v3 and v2: not the
    HTML error page, and not the exception's text."""
    from wagtail.api.v2.views import PagesAPIViewSet

    from programme.api import vocabularies

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals at redis://10.0.0.7:6379")

    monkeypatch.setattr(vocabularies, "resolve_locale", broken)
    monkeypatch.setattr(PagesAPIViewSet, "get_queryset", broken)
    for path in (b"/api/v3/vocabularies/countries/", b"/api/v2/pages/"):
        answer = wsgi_get(app, path)
        assert answer.status == 500, (path, answer.status)
        body = problem_of(answer)
        assert body["status"] == 500 and body["title"] == "Internal Server Error"
        assert b"10.0.0.7" not in answer.body and b"secret" not in answer.body


def test_a_request_let_through_once_is_still_checked_against_changed_limits(app, settings):
    """The guard remembers the requests it let through (a cache hit is not parsed again),
    never its refusals, and forgets them when a limit changes."""
    query = b"search=" + b"+".join([b"word"] * 10)
    assert wsgi_get(app, b"/api/v3/news/", query).status == 200
    assert wsgi_get(app, b"/api/v3/news/", query).status == 200
    settings.SEARCH_QUERY_MAX_WORDS = 5
    refused = wsgi_get(app, b"/api/v3/news/", query)
    assert refused.status == 400 and problem_of(refused)["parameter"] == "search"
    assert wsgi_get(app, b"/api/v3/news/", query).status == 400


def test_the_guards_memory_is_bounded(app, monkeypatch):
    monkeypatch.setattr(input_guard, "PASSED_MAX", 3)
    for page in range(7):
        assert wsgi_get(app, b"/api/v3/news/", b"limit=1&offset=%d" % page).status == 200
        assert len(input_guard._passed) <= 3
    assert wsgi_get(app, b"/api/v3/news/", b"offset=%00").status == 400
