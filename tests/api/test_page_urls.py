"""``headless.page_urls.full_url`` answers what Wagtail's ``Page.get_full_url(request)``
answers, for every page of the shared site (every type, language and depth), under each
active language, for pages whose paths it leaves to Wagtail (unicode slugs), for a page under
the roots of two sites, and for one in no site."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, Site

from headless.page_urls import full_url, routes_like_wagtail
from newsroom.models import NewsPage
from tests.factories.newsroom import NewsPageFactory

pytestmark = pytest.mark.django_db


def fresh_request(host: str = "localhost"):
    """A new request each time: nothing remembered from another comparison."""
    return RequestFactory().get("/", HTTP_HOST=host)


def assert_same_urls(pages, host: str = "localhost") -> None:
    for page in pages:
        ours, wagtails = fresh_request(host), fresh_request(host)
        assert full_url(page, ours) == page.get_full_url(wagtails), page.url_path


@pytest.mark.parametrize("active", [None, "ru", "en", "kk"])
def test_every_page_of_the_site_has_wagtails_url(site_content, active):
    pages = list(Page.objects.exclude(depth=1).specific())
    assert len(pages) > 15 and any(p.locale.language_code == "en" for p in pages)
    with translation.override(active):
        assert_same_urls(pages)
        # The same request for all: the prefixes it remembers serve every language.
        request = fresh_request()
        assert [full_url(p, request) for p in pages] == [p.get_full_url(request) for p in pages]
    assert full_url(site_content.article, fresh_request()).startswith("http://localhost/ru/")


def test_paths_it_cannot_join_are_left_to_wagtail(site_content):
    newsroom = site_content.article.get_parent()
    # Paths as a site allowing unicode slugs, or an import, may have written them.
    cyrillic = NewsPageFactory(parent=newsroom, title="Пресс-релиз", slug="press")
    dotted = NewsPageFactory(parent=newsroom, title="Dotted", slug="v1-0")
    for page, path in [(cyrillic, "пресс-релиз"), (dotted, "v1.0")]:
        Page.objects.filter(pk=page.pk).update(url_path=f"{newsroom.url_path}{path}/")
        page.refresh_from_db()
    assert_same_urls([cyrillic, dotted])
    assert "%D0%BF" in full_url(cyrillic, fresh_request())  # quoted, as reverse() quotes
    assert full_url(dotted, fresh_request()) is None  # the route refuses it: Wagtail says None


def test_a_page_under_two_sites_takes_the_requests_site(site_content):
    newsroom = site_content.article.get_parent()
    Site.objects.create(hostname="news.example.org", port=80, root_page=newsroom)
    Site.clear_site_root_paths_cache()
    pages = [site_content.article, newsroom, site_content.phase]
    assert_same_urls(pages, "localhost")
    assert_same_urls(pages, "news.example.org")


def test_a_page_in_no_site_has_no_url(site_content):
    root = Page.get_first_root_node()
    stray = root.add_child(instance=NewsPage(title="Stray", slug="stray", live=True))
    assert full_url(stray, fresh_request()) is None
    assert stray.get_full_url(fresh_request()) is None


def test_a_page_type_routing_its_own_urls_keeps_them(site_content, monkeypatch):
    article = site_content.article
    assert routes_like_wagtail(NewsPage)

    def own_url_parts(page, request=None):
        return (1, "https://elsewhere.example", f"/items/{page.pk}")

    monkeypatch.setattr(NewsPage, "get_url_parts", own_url_parts)
    assert not routes_like_wagtail(NewsPage)
    expected = f"https://elsewhere.example/items/{article.pk}"
    assert full_url(article, fresh_request()) == expected == article.get_full_url()
