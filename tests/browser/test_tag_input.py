"""An editor types countries as they know them into a Russian news item in the Wagtail admin."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "s3cret-pass"


@pytest.fixture
def ru_news(live_homes, django_user_model):
    from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
    from tests.factories.pages import publish
    from tests.factories.programme import vocabulary

    vocabulary(["kz", "kg"], ["prevention"])
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    index = publish(NewsIndexPageFactory(parent=live_homes["ru"]))
    return publish(NewsPageFactory(parent=index, title="Семинар в Алматы", slug="seminar"))


def log_in(page, live_server):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def country_input(page):
    """The text box tag-it puts in place of the hidden ``countries`` input."""
    return page.locator(
        "#id_countries ~ ul.tagit input.ui-autocomplete-input, #id_countries + ul.tagit input"
    ).first


def tags_shown(page) -> list[str]:
    return [
        label.strip()
        for label in page.locator("#id_countries ~ ul.tagit .tagit-label").all_inner_texts()
    ]


def save_draft(page):
    page.locator("form#page-edit-form button[type=submit]:not([name])").first.click()
    page.wait_for_load_state("networkidle")


def test_kz_and_kazakhstan_become_kazakhstan(page, live_server, ru_news):
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/{ru_news.pk}/edit/")
    box = country_input(page)
    box.click()
    box.press_sequentially("kz", delay=50)
    suggestion = page.locator("ul.ui-autocomplete li", has_text="Казахстан")
    suggestion.first.wait_for(state="visible")
    page.screenshot(path="/tmp/h2sl-admin-country-autocomplete.png", full_page=False)
    suggestion.first.click()
    box.press_sequentially("Kazakhstan", delay=20)
    box.press("Enter")
    assert tags_shown(page) == ["Казахстан", "Kazakhstan"]
    save_draft(page)
    assert page.locator(".error-message, .help-critical").count() == 0
    assert tags_shown(page) == ["Казахстан"]
    ru_news.refresh_from_db()
    draft = ru_news.get_latest_revision_as_object()
    assert [tag.slug for tag in draft.countries.all()] == ["kz"]


def test_an_unknown_country_is_refused_with_a_message(page, live_server, ru_news):
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/{ru_news.pk}/edit/")
    box = country_input(page)
    box.click()
    box.press_sequentially("Атлантида", delay=20)
    box.press("Enter")
    save_draft(page)
    field = page.locator(".w-field", has=page.locator("#id_countries")).last
    message = field.locator(".error-message")
    message.scroll_into_view_if_needed()
    assert "Неизвестные значения (страна)" in message.inner_text()
    assert "«Атлантида»" in message.inner_text() or "“Атлантида”" in message.inner_text()
    page.screenshot(path="/tmp/h2sl-admin-country-error.png", full_page=False)
    assert ru_news.get_latest_revision_as_object().countries.count() == 0
