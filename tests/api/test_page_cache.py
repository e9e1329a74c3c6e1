"""The response cache for anonymous readers (portal/page_cache.py): what it serves, what it
never serves, and that a change is visible on the very next request to every cached page
that shows it (a news item, a tag label, a boilerplate)."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from programme.models import Boilerplate, ThemeLabel
from tests.factories.pages import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE_SECONDS = 300


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return response


def text(response) -> str:
    """The page, or the JSON answer with its non-ASCII text unescaped."""
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def shows(c):
    """The cached pages that show the article (ru), by name."""
    return {
        "article": c.article.url,
        "listing": c.newsroom.url,
        "country page": "/ru/countries/kz/",
        "api list": "/api/v3/news/?locale=ru",
        "api detail": f"/api/v3/news/{c.article.pk}/",
    }


def test_second_anonymous_request_is_a_hit(client, site_content, cached):
    for url in shows(site_content).values():
        miss = get(client, url)
        assert miss["X-Cache"] == "miss", url
        hit = get(client, url)
        assert hit["X-Cache"] == "hit", url
        # The same answer, its length said (not sent in chunks by the server).
        assert hit["Content-Length"] == str(len(hit.content)), url
        assert hit["Content-Type"] == miss["Content-Type"] and hit["ETag"] == miss["ETag"]


def test_a_published_change_is_on_the_next_request_to_every_cached_page(
    client, site_content, cached
):
    c = site_content
    for url in shows(c).values():
        get(client, url), get(client, url)  # cached
    c.article.title = "Семинар: новый заголовок"
    c.article.save_revision().publish()
    for name, url in shows(c).items():
        response = get(client, url)
        assert "новый заголовок" in text(response), name
        assert response["X-Cache"] == "miss", name


def test_a_tag_label_change_is_on_the_next_request(client, site_content, cached):
    c = site_content
    pages = [c.article_en.url, c.newsroom_en.url, "/api/v3/news/?locale=en"]
    for url in pages:
        get(client, url), get(client, url)
    ThemeLabel.objects.update_or_create(
        theme=c.prevention, language="en", defaults={"label": "Prevention (renamed)"}
    )
    for url in pages:
        assert "Prevention (renamed)" in text(get(client, url)), url


def test_a_boilerplate_change_is_on_the_next_request(client, site_content, cached):
    c = site_content
    get(client, c.article.url), get(client, c.article.url)
    about = Boilerplate.objects.get(
        kind=Boilerplate.Kind.ABOUT_PROGRAMME, locale=c.homes["ru"].locale
    )
    about.text = "<p>О программе: обновлено.</p>"
    about.save()
    assert "О программе: обновлено." in text(get(client, c.article.url))


def test_an_unpublished_item_leaves_every_cached_page(client, site_content, cached):
    c = site_content
    for url in shows(c).values():
        get(client, url), get(client, url)
    c.article.unpublish()
    assert client.get(c.article.url).status_code == 404
    for name in ("listing", "api list"):
        assert c.article.title not in text(get(client, shows(c)[name])), name


def test_editors_never_see_nor_fill_the_cache(client, site_content, cached):
    c = site_content
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    response = get(client, c.article.url)
    assert "X-Cache" not in response
    client.logout()
    client.cookies.clear()
    assert get(client, c.article.url)["X-Cache"] == "miss"


def test_each_hit_carries_a_fresh_nonce_matching_its_policy(client, site_content, cached):
    url = site_content.article.url
    nonces = set()
    for _ in range(3):
        response = get(client, url)
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        assert f'nonce="{nonce}"' in response.content.decode()
        nonces.add(nonce)
    assert len(nonces) == 3


def test_html_answers_conditional_requests(client, site_content, cached):
    url = site_content.article.url
    first = get(client, url)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    publish(site_content.article)  # a new modified time: the old ETag no longer matches
    response = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert response["X-Cache"] == "miss"


def test_a_page_made_private_leaves_every_cached_page(client, site_content, cached):
    """A view restriction is no page event: the content clock moves for it all the same."""
    c = site_content
    for url in shows(c).values():
        get(client, url), get(client, url)  # cached
    PageViewRestriction.objects.create(
        page=c.article, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    gate = client.get(c.article.url)  # Wagtail's password form, not the cached article
    assert "пресс-релиза" not in gate.content.decode() and gate.get("X-Cache") != "hit"
    for name in ("listing", "country page", "api list"):
        assert c.article.title not in text(get(client, shows(c)[name])), name
    assert client.get(shows(c)["api detail"]).status_code == 404


def test_an_editors_pick_is_on_the_next_request_to_a_cached_search(client, site_content, cached):
    """A pick is no page event either (the search page and the search API show it)."""
    c = site_content
    urls = ["/ru/search/?q=программа", "/api/v3/search/?q=программа&locale=ru"]
    for url in urls:
        get(client, url), get(client, url)
        assert get(client, url)["X-Cache"] == "hit"
    pick = SearchPromotion.objects.create(
        query=Query.get("программа"), page=c.article, sort_order=0, description="Выбор редакции"
    )
    for url in urls:
        assert "Выбор редакции" in text(get(client, url)), url
    pick.delete()
    for url in urls:
        assert "Выбор редакции" not in text(get(client, url)), url
