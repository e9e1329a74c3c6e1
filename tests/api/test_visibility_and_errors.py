"""Drafts, private pages, scheduled pages and unpublished translations never appear; bad
input is a 400 naming the parameter, never a 500."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.django_db


def titles(client, url, **params) -> set[str]:
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    data = response.json()
    items = data["items"] if isinstance(data, dict) else data
    return {item["title"] for item in items}


LISTINGS = ["/api/v3/news/", "/api/v3/pages/"]


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_hidden_content_is_absent_from_listings(client, site_content, locale):
    for url in LISTINGS:
        seen = titles(client, url, locale=locale, limit=100)
        assert seen, url
        assert not seen & site_content.hidden_titles, (url, seen & site_content.hidden_titles)


def test_hidden_content_is_absent_from_search_filter(client, site_content):
    seen = titles(client, "/api/v3/news/", locale="ru", search="Черновик Закрытая")
    assert not seen & site_content.hidden_titles


@pytest.mark.parametrize("name", ["draft", "private", "unpublished_en", "future"])
def test_hidden_pages_have_no_detail(client, site_content, name):
    page = getattr(site_content, name)
    for url in (
        f"/api/v3/news/{page.pk}/",
        f"/api/v3/pages/{page.pk}/",
        f"/api/v3/translations/{page.pk}/",
    ):
        assert client.get(url).status_code == 404, url


def test_hidden_pages_cannot_be_routed(client, site_content):
    for slug in ("draft", "private", "future"):
        assert client.get("/api/v3/route/", {"path": f"/ru/news/{slug}/"}).status_code == 404
    path = "/en/" + site_content.unpublished_en.url_path.split("/", 2)[2]
    assert client.get("/api/v3/route/", {"path": path}).status_code == 404


def test_unpublished_translation_is_not_listed_as_a_translation(client, site_content):
    source = site_content.others[0]
    locales = [t["locale"] for t in client.get(f"/api/v3/translations/{source.pk}/").json()]
    assert locales == ["ru"]


def test_vocabulary_counts_ignore_hidden_content(client, site_content):
    data = client.get("/api/v3/vocabularies/countries/", {"locale": "ru"}).json()
    kz = next(term for term in data if term["slug"] == "kz")
    assert kz["news"] == 2


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v3/news/?colour=red", "colour"),
        ("/api/v3/news/?date_from=2022-13-45", "date_from"),
        ("/api/v3/news/?date_to=yesterday", "date_to"),
        ("/api/v3/news/?date_from=2022-12-01&date_to=2022-11-01", "date_to"),
        ("/api/v3/news/?locale=xx", "locale"),
        ("/api/v3/news/?limit=101", "limit"),
        ("/api/v3/news/?limit=0", "limit"),
        ("/api/v3/news/?offset=-1", "offset"),
        ("/api/v3/news/?kind=gossip", "kind"),
        ("/api/v3/news/?phase=abc", "phase"),
        ("/api/v3/news/?ordering=random", "ordering"),
        ("/api/v3/news/?ordering=relevance", "ordering"),
        ("/api/v3/phases/?locale=fr", "locale"),
        ("/api/v3/phases/?status=sleeping", "status"),
        ("/api/v3/partners/?kind=pirate", "kind"),
        ("/api/v3/partners/?limit=1000", "limit"),
        ("/api/v3/contacts/?town=Bishkek", "town"),
        ("/api/v3/vocabularies/countries/?locale=de", "locale"),
        ("/api/v3/vocabularies/themes/?sort=label", "sort"),
        ("/api/v3/site/navigation/?locale=zz", "locale"),
        ("/api/v3/site/settings/?lang=en", "lang"),
        ("/api/v3/route/?path=/en/news/&locale=ru", "path"),
        ("/api/v3/route/", "path"),
        ("/api/v3/preview/?token=forged", "token"),
        ("/api/v3/translations/abc/", "page_id"),
        ("/api/v3/search/?q=x&locale=xx", "locale"),
        ("/api/v3/search/?q=x&colour=red", "colour"),
        ("/api/v3/search/?q=x&year=22", "year"),
        ("/api/v3/search/?q=x&page=zero", "page"),
        ("/api/v3/search/?q=x&per_page=500", "per_page"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(client, homes, url, parameter):
    response = client.get(url)
    assert response.status_code == 400, (url, response.status_code, response.content[:300])
    body = json.loads(response.content)
    assert body["status"] == 400
    assert body["parameter"] == parameter
    assert parameter in body["detail"]


def test_stock_pages_listing_limit_over_max_is_a_400(client, homes):
    response = client.get("/api/v3/pages/", {"limit": 1000})
    assert response.status_code == 400
    assert "limit" in response.json()["detail"]
