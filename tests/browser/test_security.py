"""The Content-Security-Policy in a real browser: the public site, Wagtail's admin (page editor
included) and the API docs work under their policies with no violation in the console, and
the print button (once an inline ``onclick``) still works through the nonced script."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

pytestmark = pytest.mark.browser

PASSWORD = "s3cret-pass-for-csp"


def csp_messages(page) -> list[str]:
    """Console lines the browser writes for CSP or Permissions-Policy problems."""
    seen: list[str] = []

    def record(message) -> None:
        text = message.text
        if "Content Security Policy" in text or "Permissions-Policy" in text:
            seen.append(text)

    page.on("console", record)
    page.on("pageerror", lambda error: seen.append(f"page error: {error}"))
    return seen


@pytest.fixture
def live_article(live_homes):
    from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory

    index = NewsIndexPageFactory(parent=live_homes["ru"], title="Новости", slug="news")
    index.save_revision().publish()
    article = NewsPageFactory(
        parent=index,
        title="Семинар в Алматы",
        slug="seminar",
        dateline_place="Алматы",
        publication_date=timezone.now() - datetime.timedelta(days=1),
    )
    article.save_revision().publish()
    return article


def test_public_pages_run_under_the_policy(page, live_server, live_article):
    seen = csp_messages(page)
    for path in ("/ru/", live_article.url, "/ru/search/?q=семинар"):
        response = page.goto(f"{live_server.url}{path}")
        policy = response.headers["content-security-policy"]
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    # The search box's autocomplete script (a static file) runs: suggestions appear.
    page.goto(f"{live_server.url}/ru/")
    page.locator(".search-box input[name=q]").press_sequentially("Семи", delay=50)
    page.locator(".search-box [data-autocomplete-list] a").first.wait_for()
    assert seen == []


def test_print_button_works_without_inline_handler(page, live_server, live_article):
    seen = csp_messages(page)
    page.goto(f"{live_server.url}{live_article.url}")
    page.evaluate("() => { window.__printed = 0; window.print = () => window.__printed++; }")
    page.locator(".print-button").click()
    assert page.evaluate("window.__printed") == 1
    assert page.locator("[onclick]").count() == 0
    assert seen == []


def test_admin_and_page_editor_work_under_their_policy(
    page, live_server, live_article, django_user_model
):
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    seen = csp_messages(page)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/pages/{live_article.pk}/edit/")
    page.locator("form#page-edit-form").wait_for()
    page.wait_for_load_state("networkidle")
    for path in (
        f"/admin/pages/{live_article.pk}/edit/preview/?mode=",
        "/admin/images/multiple/add/",
        "/admin/api-tokens/",
        "/django-admin/axes/accessattempt/",
    ):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    # The editor's userbar on the public page loads its scripts from this origin.
    page.goto(f"{live_server.url}{live_article.url}")
    page.wait_for_load_state("networkidle")
    assert seen == []


def test_api_docs_page_works_under_its_policy(page, live_server, live_homes):
    seen = csp_messages(page)
    page.goto(f"{live_server.url}/api/v3/docs/")
    page.locator(".swagger-ui .opblock").first.wait_for()
    assert seen == []
