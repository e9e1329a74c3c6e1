"""Browser tests: Playwright drives Debian's Chromium (never a downloaded browser) against
pytest-django's live server."""

from __future__ import annotations

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; Django would otherwise refuse
# database access from it. The database work here is plain synchronous test set-up.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        pytest.fail(
            f"Chromium not found at {path}: install Debian's chromium package "
            "(apt-get install chromium) or set CHROMIUM_PATH",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def browser():
    """Chromium, once per worker.

    Playwright's sync API leaves this thread marked as running its event loop. Django (its
    connections are asgiref Locals) then gives the code of the browser tests database
    connections of their own, apart from the thread's usual ones, which are the only ones
    pytest-django closes before it drops the test database ("database is being accessed
    by other users"). They are closed here, while Playwright's loop still marks the thread.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        connections.close_all()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ru-RU")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def live_homes(transactional_db, live_server):
    """The ru/en site tree, committed so the live server's thread sees it."""
    from tests.factories.portal import build_site

    return build_site()
