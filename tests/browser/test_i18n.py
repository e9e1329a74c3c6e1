"""Language switching in a real browser: from an article to its translation, and to a
locale's home with a notice when the article is not translated there."""

from __future__ import annotations

import pytest
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from wagtail.models import Locale

from portal.models import HomePage

pytestmark = pytest.mark.browser


def make_article(homes):
    """A published ru article with an en translation. The newsroom's NewsPage where its
    template exists; otherwise a plain translatable content page of the host site."""
    from newsroom.models import NewsPage

    try:
        get_template(NewsPage.template)
    except TemplateDoesNotExist:
        article = HomePage(title="Семинар в Алматы", slug="seminar", locale=homes["ru"].locale)
        homes["ru"].add_child(instance=article)
    else:
        from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory

        index = NewsIndexPageFactory(parent=homes["ru"])
        index.save_revision().publish()
        index_en = index.copy_for_translation(homes["en"].locale)
        index_en.save_revision().publish()
        article = NewsPageFactory(parent=index, title="Семинар в Алматы", slug="seminar")
    article.save_revision().publish()
    translation = article.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.title = "Seminar in Almaty"
    translation.slug = "seminar-almaty"
    translation.save_revision().publish()
    article.refresh_from_db()
    translation.refresh_from_db()
    return article, translation


def test_switching_language_on_an_article_lands_on_its_translation(page, live_server, live_homes):
    article, translation = make_article(live_homes)
    page.goto(live_server.url + article.url)
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").first.inner_text() == "Семинар в Алматы"

    page.locator(".language-switcher summary").click()  # the language menu opens

    page.locator(".language-switcher a[data-lang='en']").click()
    page.wait_for_url(live_server.url + translation.url)
    assert translation.url.startswith("/en/") and translation.url.endswith("/seminar-almaty/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text() == "Seminar in Almaty"
    assert page.locator(".language-switcher a[aria-current]").get_attribute("data-lang") == "en"
    hreflangs = page.locator("link[rel=alternate][hreflang]")
    assert [hreflangs.nth(i).get_attribute("hreflang") for i in range(hreflangs.count())] == [
        "en",
        "ru",
        "x-default",
    ]

    page.locator(".language-switcher summary").click()  # the language menu opens

    page.locator(".language-switcher a[data-lang='ru']").click()
    page.wait_for_url(live_server.url + article.url)
    assert page.locator("h1").first.inner_text() == "Семинар в Алматы"


def test_switching_to_a_language_without_the_article_shows_a_notice(page, live_server, live_homes):
    article, _translation = make_article(live_homes)
    kk_home = live_homes["ru"].copy_for_translation(Locale.objects.get(language_code="kk"))
    kk_home.title = "Басты бет"
    kk_home.save_revision().publish()

    page.goto(live_server.url + article.url)
    page.locator(".language-switcher summary").click()  # the language menu opens
    page.locator(".language-switcher a[data-lang='kk']").click()
    page.wait_for_url(f"{live_server.url}/kk/?untranslated=1")
    assert page.locator("html").get_attribute("lang") == "kk"
    assert page.locator("[role=status]").is_visible()
    # Asking for the article under /kk/ sends the reader to the Russian original.
    page.goto(f"{live_server.url}/kk{article.url[3:]}")
    page.wait_for_url(live_server.url + article.url)
    assert page.locator("h1").first.inner_text() == "Семинар в Алматы"
