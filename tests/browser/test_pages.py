"""Every public page type, in ru, en and kk, on a desktop (1280x800) and a phone (390x844):
no axe-core violation of any impact, no sideways scroll on the phone, no broken image, and
HTML that the Nu HTML checker accepts without an error.

One live server, one browser and the demo site loaded once for the module; the pages'
HTML is saved as the tests go and validated in one Java run by the last test. Screenshots
land in artifacts/screenshots/ (kept by CI, git-ignored; see the README).
"""

from __future__ import annotations

import io
import re

import pytest

from tests.browser.audit import (
    AXE_JS,
    SCREENSHOTS,
    VNU_JAR,
    axe_violations,
    broken_images,
    horizontal_overflow,
    vnu_errors,
)

# django_db: so that pytest-django sets the test database up at all (it sets up the
# databases the selected tests declare); each test's own transaction is rolled back, the
# demo loaded below (committed) stays for the module.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGE_TYPES = {
    "home": "/{lang}/",
    "listing": "/{lang}/news/",
    "article": "/{lang}/news/almaty-regional-dialogue-2022/",
    "programme": "/{lang}/programme/",
    "phase": "/{lang}/programme/phase-7/",
    "partners": "/{lang}/partners/",
    "partner": "/{lang}/partners/european-union/",
    "contacts": "/{lang}/contacts/",
    "contact": "/{lang}/contacts/eu-delegation-kyrgyzstan/",
    "country": "/{lang}/countries/kz/",
    "theme": "/{lang}/themes/prevention/",
    "search": "/{lang}/search/?q=2022",
    "search-empty": "/{lang}/search/?q=zzzqqqxx",
    "404": "/{lang}/no-such-page/",
}
LOCALES = ["ru", "en", "kk"]
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
SAVED_HTML: list = []


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site (load_demo), committed, served by a live server of the module's own,
    and emptied afterwards the way a transactional test's database is.

    Not pytest-django's ``live_server`` fixture: a test that uses it gets ``transactional_db``,
    whose flush after each test would take the demo away after the first page.
    """
    from django.core.management import call_command
    from pytest_django.live_server_helper import LiveServer

    from tests.conftest import _restore_migrated_data
    from tests.factories import layers

    for path in (AXE_JS, VNU_JAR):
        if not path.exists():
            pytest.fail(f"{path} is missing: run `make node` (npm ci)", pytrace=False)
    with django_db_blocker.unblock():
        layers.close()
        call_command("load_demo", stdout=io.StringIO())
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    yield {"url": server.url, "html_dir": tmp_path_factory.mktemp("html")}
    server.stop()
    with django_db_blocker.unblock():
        # As a transactional test's flush: the sequences go on (``flush`` would restart them,
        # and the ids the restore below writes would then be handed out again).
        call_command("flush", interactive=False, verbosity=0, reset_sequences=False)
    _restore_migrated_data(django_db_blocker)


@pytest.fixture(scope="module")
def contexts(browser):
    made = {
        name: browser.new_context(
            viewport={"width": w, "height": h}, bypass_csp=True, locale="ru-RU"
        )
        for name, (w, h) in VIEWPORTS.items()
    }
    yield made
    for context in made.values():
        context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_page(demo_site, contexts, kind, lang, viewport):
    page = contexts[viewport].new_page()
    try:
        response = page.goto(demo_site["url"] + PAGE_TYPES[kind].format(lang=lang))
        assert response is not None
        assert response.status == (404 if kind == "404" else 200), page.url + (
            _server_error() if response.status == 500 else page.locator("main").inner_text()[:300])
        assert page.locator("h1").count() == 1, "one h1 per page"
        problems = broken_images(page)
        assert problems == [], f"broken images: {problems}"
        if viewport == "phone":
            assert horizontal_overflow(page) == 0, "the page scrolls sideways on a phone"
        violations = axe_violations(page)
        assert violations == [], "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} {v['targets']}" for v in violations
        )
        page.screenshot(path=str(SCREENSHOTS / f"{kind}-{lang}-{viewport}.png"), full_page=True)
        if viewport == "desktop":
            html = demo_site["html_dir"] / f"{kind}-{lang}.html"
            html.write_text(response.text(), encoding="utf-8")
            SAVED_HTML.append(html)
    finally:
        page.close()


def test_phone_menu_opens_and_closes_with_the_keyboard(demo_site, contexts):
    page = contexts["phone"].new_page()
    page.goto(demo_site["url"] + "/ru/")
    toggle = page.locator(".menu-toggle")
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator(".main-nav").is_visible()
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 120, "the closed header stays short on a phone"
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator(".main-nav").is_visible()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    page.close()


def test_desktop_navigation_stays_on_one_row(demo_site, contexts):
    """At 1280 px the menu (with the programme's long name in it) is one row of links."""
    page = contexts["desktop"].new_page()
    for lang in LOCALES:
        page.goto(demo_site["url"] + f"/{lang}/")
        tops = page.locator(".main-nav li").evaluate_all(
            "items => items.map(item => Math.round(item.getBoundingClientRect().top))"
        )
        assert len(tops) >= 4 and len(set(tops)) == 1, f"{lang}: menu rows at {tops}"
    page.close()


def test_country_map_links_by_keyboard_with_visible_focus(demo_site, contexts):
    """Each programme country on the home page's map is a link with its news count in its
    name; tabbing onto one outlines the country in the focus colour."""
    page = contexts["desktop"].new_page()
    page.goto(demo_site["url"] + "/ru/")
    links = page.locator(".country-map a.map-country")
    assert links.count() == 5
    names = [links.nth(n).get_attribute("aria-label") for n in range(5)]
    assert all(re.fullmatch(r"\S+: \d+ материал(а|ов)?", name) for name in names), names
    shape = links.first.locator(".map-shape")
    before = shape.evaluate("el => getComputedStyle(el).stroke")
    links.first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, so that :focus-visible applies
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == names[0]
    focused = shape.evaluate("el => getComputedStyle(el).stroke")
    assert focused != before and focused == "rgb(255, 204, 0)", (before, focused)
    href = links.first.get_attribute("href")
    assert re.fullmatch(r"/ru/countries/[a-z]{2}/", href), href
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(href) and page.locator("h1").count() == 1
    page.close()


def test_html_validates(demo_site):
    """Last in the module: every saved page through the Nu HTML checker at once."""
    assert SAVED_HTML, "no page was saved"
    errors = vnu_errors(SAVED_HTML)
    assert errors == {}, "\n".join(
        f"{name}: {message}" for name, messages in errors.items() for message in messages
    )


def test_titles_do_not_repeat_the_site_name(demo_site, contexts):
    page = contexts["desktop"].new_page()
    page.goto(demo_site["url"] + "/ru/")
    site_name = page.locator(".brand").inner_text().strip()
    assert page.title() == site_name
    page.goto(demo_site["url"] + "/ru/news/")
    assert len(re.findall(re.escape(site_name), page.title())) == 1
    page.close()


def _server_error() -> str:
    """The last exception the live server logged, to say why a page answered 500."""
    import sys
    import traceback

    exc = getattr(sys, "last_exc", None) or _LAST_ERROR.get("exc")
    return "".join(traceback.format_exception(exc)) if exc else ""


_LAST_ERROR: dict = {}


@pytest.fixture(autouse=True, scope="module")
def _record_server_errors():
    from django.core.signals import got_request_exception

    def record(sender, request=None, **kwargs):
        import sys

        _LAST_ERROR["exc"] = sys.exc_info()[1]

    got_request_exception.connect(record, weak=False)
    yield
    got_request_exception.disconnect(record)
