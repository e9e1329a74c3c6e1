"""What readers get: hreflang alternates equal to the published translations, the same
alternates in the sitemap, the language switcher, and the missing-translation fallback."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import create_aliases_for_new_page

from portal.models import HomePage

pytestmark = pytest.mark.django_db

XHTML = "{http://www.w3.org/1999/xhtml}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def add_page(parent, title, slug, **fields):
    """A translatable content page whose template exists in every branch (home_page.html)."""
    page = HomePage(title=title, slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, language, title, publish=True):
    translation = page.copy_for_translation(Locale.objects.get(language_code=language))
    translation.title = title
    revision = translation.save_revision()
    if publish:
        revision.publish()
    translation.refresh_from_db()
    return translation


def head_alternates(html: str) -> list[tuple[str, str]]:
    head = html.split("</head>")[0]
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head)


def expected_alternates(page) -> list[tuple[str, str]]:
    """Straight from the database: every live, public, non-alias page sharing the key."""
    rows = [
        (p.locale.language_code, f"http://localhost{p.url}")
        for p in Page.objects.filter(translation_key=page.translation_key)
        if p.live and p.alias_of_id is None and not p.get_view_restrictions().exists()
    ]
    rows.sort()
    rows += [("x-default", url) for code, url in rows if code == "ru"]
    return rows


@pytest.fixture
def about(homes):
    """A page in ru, published in en, a draft in kk, and an alias (untranslated) in ky."""
    page = add_page(homes["ru"], "О программе", "about")
    translate(page, "en", "About the programme")
    kk_home = translate(homes["ru"], "kk", "Басты бет")
    kk = page.copy_for_translation(Locale.objects.get(language_code="kk"))
    kk.title = "Бағдарлама туралы"
    kk.live = False
    kk.save_revision()
    assert kk_home.live
    LocaleSynchronization.objects.create(
        locale=Locale.objects.get(language_code="ky"),
        sync_from=Locale.objects.get(language_code="ru"),
    )
    assert Page.objects.filter(
        translation_key=page.translation_key, locale__language_code="ky"
    ).exclude(alias_of=None)
    return page


def test_hreflang_alternates_match_the_published_translations_exactly(client, about):
    for language in ("ru", "en"):
        html = client.get(f"/{language}/about/").content.decode()
        assert head_alternates(html) == expected_alternates(about)
    assert [code for code, _url in head_alternates(html)] == ["en", "ru", "x-default"]


def test_hreflang_follows_publishing(client, about):
    kk = Page.objects.get(translation_key=about.translation_key, locale__language_code="kk")
    kk.get_latest_revision().publish()
    html = client.get("/en/about/").content.decode()
    assert [code for code, _ in head_alternates(html)] == ["en", "kk", "ru", "x-default"]
    assert head_alternates(html) == expected_alternates(about)
    Page.objects.get(translation_key=about.translation_key, locale__language_code="en").unpublish()
    html = client.get("/ru/about/").content.decode()
    assert [code for code, _ in head_alternates(html)] == ["kk", "ru", "x-default"]


def test_sitemap_lists_every_language_with_the_same_alternates(client, homes, about):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)
    entries = {}
    for url in tree.iter(f"{SITEMAP}url"):
        loc = url.find(f"{SITEMAP}loc").text
        entries[loc] = [
            (link.get("hreflang"), link.get("href")) for link in url.iter(f"{XHTML}link")
        ]
    # Published pages of every tree, no alias, no draft.
    assert set(entries) == {
        "http://localhost/ru/",
        "http://localhost/en/",
        "http://localhost/kk/",
        "http://localhost/ru/about/",
        "http://localhost/en/about/",
    }
    for language in ("ru", "en"):
        html = client.get(f"/{language}/about/").content.decode()
        assert entries[f"http://localhost/{language}/about/"] == head_alternates(html)
    assert entries["http://localhost/kk/"] == expected_alternates(homes["ru"])


def test_sitemap_leaves_out_private_and_draft_pages(client, homes):
    from wagtail.models import PageViewRestriction

    private = add_page(homes["ru"], "Закрытая", "private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = add_page(homes["ru"], "Черновик", "draft")
    draft.unpublish()
    xml = client.get("/sitemap.xml").content.decode()
    assert "/ru/private/" not in xml and "/ru/draft/" not in xml
    assert "http://localhost/ru/" in xml


@override_settings(NEWSROOM_MISSING_TRANSLATION="redirect")
def test_language_switcher_goes_to_the_translation_or_the_home_with_a_notice(client, about):
    html = client.get("/ru/about/").content.decode()
    assert 'href="/en/about/" hreflang="en"' in html
    # kk: a draft translation is no translation; the kk home says so.
    assert 'href="/kk/?untranslated=1" hreflang="kk"' in html
    # ky: only an alias home, nothing to link to.
    assert '<span class="lang unavailable" data-lang="ky"' in html
    notice = client.get("/kk/?untranslated=1").content.decode()
    assert 'role="status"' in notice


@pytest.mark.parametrize("language", ["ky", "tg"])
@override_settings(NEWSROOM_MISSING_TRANSLATION="redirect")
def test_untranslated_page_redirects_to_the_source_language(client, about, language):
    # ky has an alias tree (synchronised), tg has no tree at all: both fall back.
    response = client.get(f"/{language}/about/?utm=x")
    assert response.status_code == 302
    assert response["Location"] == "/ru/about/?utm=x"
    home = client.get(f"/{language}/")
    assert (home.status_code, home["Location"]) == (302, "/ru/")


@override_settings(NEWSROOM_MISSING_TRANSLATION="redirect")
def test_unpublished_translation_redirects_too(client, about):
    # kk has a home, and a draft translation of the page: readers are sent to ru.
    response = client.get("/kk/about/")
    assert response.status_code == 302
    assert response["Location"] == "/ru/about/"
    assert client.get("/kk/").status_code == 200


@pytest.mark.parametrize("language", ["ky", "tg", "kk"])
@override_settings(NEWSROOM_MISSING_TRANSLATION="404")
def test_untranslated_page_answers_404_when_configured(client, about, language):
    response = client.get(f"/{language}/about/")
    assert response.status_code == 404
    assert "О программе" not in response.content.decode()


@pytest.mark.parametrize("mode", ["404", "redirect"])
def test_translated_and_source_pages_are_served_in_either_mode(client, about, settings, mode):
    settings.NEWSROOM_MISSING_TRANSLATION = mode
    assert client.get("/ru/about/").status_code == 200
    response = client.get("/en/about/")
    assert response.status_code == 200
    assert "About the programme" in response.content.decode()


def test_new_ru_page_appears_as_alias_in_synchronised_trees(homes, about):
    ru = Locale.objects.get(language_code="ru")
    LocaleSynchronization.objects.create(
        locale=Locale.objects.get(language_code="kk"), sync_from=ru
    )
    page = add_page(homes["ru"], "Контакты", "contacts")
    create_aliases_for_new_page(page)  # what Wagtail's admin runs after creating a page
    aliases = Page.objects.filter(translation_key=page.translation_key).exclude(locale=ru)
    assert {p.locale.language_code: p.alias_of_id for p in aliases} == {
        "kk": page.pk,
        "ky": page.pk,
    }


@override_settings(NEWSROOM_MISSING_TRANSLATION="redirect")
def test_menu_leaves_out_untranslated_aliases(client, homes, about):
    ru = Locale.objects.get(language_code="ru")
    add_page(homes["ru"], "Партнёры", "partners", show_in_menus=True)
    LocaleSynchronization.objects.create(
        locale=Locale.objects.get(language_code="kk"), sync_from=ru
    )
    alias = Page.objects.get(url_path__endswith="/partners/", locale__language_code="kk")
    assert alias.alias_of_id and alias.live and alias.show_in_menus
    assert ">Партнёры</a>" in client.get("/ru/").content.decode()
    assert ">Партнёры</a>" not in client.get("/kk/").content.decode()


@pytest.mark.parametrize("count", [2, 12])
def test_sitemap_queries_do_not_grow_with_pages(
    client, homes, count, django_assert_max_num_queries
):
    for n in range(count):
        page = add_page(homes["ru"], f"Страница {n}", f"page-{n}")
        if n % 2:
            translate(page, "en", f"Page {n}")
    client.get("/sitemap.xml")  # warm the site-root and locale caches
    with django_assert_max_num_queries(12):
        response = client.get("/sitemap.xml")
    assert response.content.decode().count("<url>") == 2 + count + count // 2
