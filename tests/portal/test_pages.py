"""The site frame: home pages per locale, language switcher, hreflang, error pages."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ru", "en"])
def test_home_renders_in_each_language(client, homes, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}" dir="ltr">' in html
    assert homes[language].title in html


def test_root_redirects_to_a_language(client, homes):
    response = client.get("/", headers={"accept-language": "en"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_language_switcher_links_to_the_translation(client, homes):
    html = client.get("/ru/").content.decode()
    assert 'href="/en/" hreflang="en"' in html
    # kk has no home page of its own yet: no link, the language is shown as unavailable.
    assert '<span class="lang unavailable" data-lang="kk"' in html
    assert '<span lang="kk">Қазақ' in html  # the name, marked up in its own language
    assert 'href="/kk/' not in html


def test_untranslated_notice(client, homes):
    html = client.get("/ru/?untranslated=1").content.decode()
    assert 'role="status"' in html


def test_hreflang_alternates_match_published_translations(client, homes):
    html = client.get("/en/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://localhost/en/">' in html
    assert '<link rel="alternate" hreflang="ru" href="http://localhost/ru/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://localhost/ru/">' in html
    assert 'hreflang="kk" href' not in html.split("</head>")[0]


def test_unpublished_translation_has_no_alternate(client, homes):
    homes["en"].unpublish()
    html = client.get("/ru/").content.decode()
    assert 'hreflang="en" href="http://localhost/en/"' not in html.split("</head>")[0]


def test_menu_lists_live_children_marked_for_menus(client, homes):
    from wagtail.models import Page

    child = Page(title="О нас", slug="about", show_in_menus=True)
    homes["ru"].add_child(instance=child)
    child.save_revision().publish()
    hidden = Page(title="Черновик", slug="draft", show_in_menus=True, live=False)
    homes["ru"].add_child(instance=hidden)
    html = client.get("/ru/").content.decode()
    assert ">О нас</a>" in html
    assert "Черновик" not in html


def test_404_page(client, homes):
    response = client.get("/ru/does-not-exist/")
    assert response.status_code == 404
    assert "<h1>" in response.content.decode()


@override_settings(DEBUG=False)
def test_500_page_renders_without_context():
    from django.test import RequestFactory

    from portal.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Ошибка сервера".encode() in response.content


class FailingMiddleware:
    """Raises for every request, outside the API's own error handling (the input guard and
    the API middleware sit inside it), as a broken middleware or backend would."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise RuntimeError("cache at 10.0.0.9:6379 refused the connection")


@pytest.mark.parametrize("path", ["/api/v3/news/", "/api/v2/pages/"])
def test_a_server_error_on_the_api_is_problem_json_without_internals(path, settings, homes):
    settings.DEBUG = False
    settings.MIDDLEWARE = ["tests.portal.test_pages.FailingMiddleware", *settings.MIDDLEWARE]
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 500 and body["title"] == "Internal Server Error"
    assert b"6379" not in response.content and b"RuntimeError" not in response.content


def test_a_server_error_on_the_site_is_the_html_page(settings, homes):
    settings.DEBUG = False
    settings.MIDDLEWARE = ["tests.portal.test_pages.FailingMiddleware", *settings.MIDDLEWARE]
    response = Client(raise_request_exception=False).get("/ru/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert b"6379" not in response.content


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_footer_shows_localized_site_texts(client, homes):
    from wagtail.models import Locale, Site

    from portal.models import SiteSettings
    from programme.models import Boilerplate

    ru = Locale.objects.get(language_code="ru")
    disclaimer = Boilerplate.objects.create(
        kind=Boilerplate.Kind.DISCLAIMER, locale=ru, title="Оговорка", text="<p>Оговорка RU</p>"
    )
    english = disclaimer.copy_for_translation(Locale.objects.get(language_code="en"))
    english.text = "<p>Disclaimer EN</p>"
    english.save()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.disclaimer = disclaimer
    site_settings.save()
    assert "Оговорка RU" in client.get("/ru/").content.decode()
    assert "Disclaimer EN" in client.get("/en/").content.decode()
