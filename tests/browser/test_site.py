"""The public site and the admin in a real headless Chromium."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_home_renders_in_ru_and_en(page, live_server, live_homes):
    page.goto(f"{live_server.url}/ru/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").inner_text() == live_homes["ru"].title
    page.goto(f"{live_server.url}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == live_homes["en"].title


def test_language_switcher_leads_to_the_translation(page, live_server, live_homes):
    page.goto(f"{live_server.url}/ru/")
    page.locator(".language-switcher summary").click()  # the language menu opens
    page.locator(".language-switcher a[data-lang='en']").click()
    page.wait_for_url(f"{live_server.url}/en/")
    assert page.locator("h1").inner_text() == live_homes["en"].title
    assert page.locator(".language-switcher a[aria-current]").get_attribute("data-lang") == "en"


def test_admin_login_page_loads_and_logs_in(page, live_server, live_homes, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "s3cret-pass")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "s3cret-pass")
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.locator("body").inner_text() != ""
    assert "/admin/login" not in page.url
