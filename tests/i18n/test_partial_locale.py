"""A locale with partial content is still a site (``NEWSROOM_MISSING_TRANSLATION = "source"``,
the default): menus, home and pages of a locale show what exists in its language and, for the
rest, the source page labelled with its language; the switcher keeps search queries."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

from tests.i18n.test_readers import add_page, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def partial_site(homes):
    """ru: two menu pages; kk: home and one of them translated; ky: only aliases
    (synchronised from ru)."""
    programme = add_page(homes["ru"], "Программа", "programme", show_in_menus=True)
    partners = add_page(homes["ru"], "Партнёры", "partners", show_in_menus=True)
    translate(homes["ru"], "kk", "Басты бет")
    translate(programme, "kk", "Бағдарлама")
    ru = Locale.objects.get(language_code="ru")
    for code in ("kk", "ky"):
        LocaleSynchronization.objects.create(
            locale=Locale.objects.get(language_code=code), sync_from=ru
        )
    assert Page.objects.filter(
        translation_key=partners.translation_key, locale__language_code="kk"
    ).exclude(alias_of=None)
    return {"programme": programme, "partners": partners}


def menu(html: str) -> str:
    return html.split('class="main-nav"')[1].split("</nav>")[0]


def test_menu_of_a_partial_locale_shows_translations_and_labelled_sources(client, partial_site):
    nav = menu(client.get("/kk/").content.decode())
    assert ">Бағдарлама</a>" in nav  # translated: plain
    assert '<span lang="ru">Партнёры</span> <span class="lang-marker">(орысша)</span>' in nav
    assert "Программа" not in nav  # the source of a translated page is not listed twice


def test_locale_with_aliases_only_has_a_full_labelled_menu_and_a_home(client, partial_site):
    response = client.get("/ky/")
    assert response.status_code == 200
    html = response.content.decode()
    nav = menu(html)
    assert nav.count('lang="ru"') == 2
    assert "(орусча)" in nav
    assert '<html lang="ky"' in html
    assert re.search(r'<main id="main" class="container" lang="ru">', html)
    assert 'class="notice translation-fallback' in html


def test_untranslated_page_is_served_labelled_not_redirected(client, partial_site):
    response = client.get("/kk/partners/?utm=x")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Партнёры" in html
    assert '<main id="main" class="container" lang="ru">' in html
    notice = html.split('class="notice translation-fallback container" role="note">')[1]
    assert notice.split("</p>")[0].strip().endswith("орысша.")
    translated = client.get("/kk/programme/").content.decode()
    assert "translation-fallback" not in translated
    assert '<main id="main" class="container">' in translated


def test_switcher_links_untranslated_pages_in_the_source_mode(client, partial_site):
    html = client.get("/ru/partners/").content.decode()
    assert 'href="/kk/partners/" hreflang="kk"' in html
    assert 'href="/ky/partners/" hreflang="ky"' in html
    # tg has no tree at all: its address still serves the labelled source.
    assert client.get("/tg/partners/").status_code == 200


@override_settings(NEWSROOM_MISSING_TRANSLATION="redirect")
def test_redirect_mode_keeps_the_old_behaviour(client, partial_site):
    assert client.get("/kk/partners/")["Location"] == "/ru/partners/"
    assert "Партнёры" not in menu(client.get("/kk/").content.decode())


def test_footer_boilerplate_in_another_language_carries_its_lang(rf, partial_site):
    from django.template import Context, Template
    from django.utils import translation

    from programme.models import Boilerplate

    ru = Locale.objects.get(language_code="ru")
    text = Boilerplate.objects.create(title="Подвал", text="<p>Текст</p>", locale=ru)
    template = Template("{% load portal_tags %}<div{% lang_attr obj %}>")
    with translation.override("kk"):
        assert template.render(Context({"obj": text.localized})) == '<div lang="ru">'
    with translation.override("ru"):
        assert template.render(Context({"obj": text.localized})) == "<div>"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/ru/search/?q=%D0%BF%D1%80%D0%BE", 'href="/kk/search/?q=%D0%BF%D1%80%D0%BE"'),
        ("/ru/countries/kz/?page=2", 'href="/kk/countries/kz/?page=2"'),
    ],
)
def test_switcher_keeps_the_query_of_search_and_tag_pages(client, homes, path, expected):
    translate(homes["ru"], "kk", "Басты бет")
    from tests.factories.programme import vocabulary

    vocabulary(["kz"], [], labels=False)
    html = client.get(path).content.decode()
    switcher = html.split("language-switcher\"")[1].split("</details>")[0]
    assert expected in switcher
