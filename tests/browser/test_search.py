"""The header search box in a real browser: suggestions as you type, and the same form
working with JavaScript disabled."""

from __future__ import annotations

import pytest

from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.search.conftest import publish

pytestmark = pytest.mark.browser


@pytest.fixture
def live_news(live_homes):
    index = publish(NewsIndexPageFactory(parent=live_homes["ru"]))
    return publish(NewsPageFactory(parent=index, title="Семинар в Алматы", slug="seminar"))


def test_search_as_you_type_suggests_titles(page, live_server, live_news):
    page.goto(f"{live_server.url}/ru/")
    page.locator(".search-box input[name=q]").press_sequentially("Семи", delay=50)
    suggestion = page.locator(".search-box [data-autocomplete-list] a")
    suggestion.first.wait_for()
    assert suggestion.first.get_attribute("href") == live_news.url
    assert "Семинар в Алматы" in suggestion.first.inner_text()
    suggestion.first.click()
    page.wait_for_url(f"{live_server.url}{live_news.url}")


def test_search_form_works_without_javascript(browser, live_server, live_news):
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/ru/")
        page.fill(".search-box input[name=q]", "семинар")
        page.locator(".search-box button[type=submit]").click()
        page.wait_for_url(f"{live_server.url}/ru/search/?q=*")
        result = page.locator(".search-result h3 a")
        assert result.inner_text() == "Семинар в Алматы"
        assert page.locator(".search-result mark").first.inner_text() == "Семинар"
    finally:
        context.close()
