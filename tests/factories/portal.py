"""Factories for the host site: locales, the home page tree, site settings."""

from __future__ import annotations

import factory
import wagtail_factories
from django.conf import settings
from wagtail.models import Locale, Page, Site

from portal.models import HomePage
from tests.factories.pages import publish


def ensure_locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Home {n}")
    slug = factory.Sequence(lambda n: f"home-{n}")
    intro = "<p>Welcome.</p>"

    class Meta:
        model = HomePage


def build_site(languages: tuple[str, ...] = ("ru", "en")) -> dict[str, HomePage]:
    """A default site whose root is a ru home page, translated (and published) into
    ``languages``; returns {language: home page}. Wagtail's welcome page is removed."""
    locales = ensure_locales()
    root = Page.get_first_root_node()
    if root is None:  # a transactional test flushed the tree Wagtail's migration made
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["ru"]))
    Site.objects.all().delete()
    for page in root.get_children():
        page.delete()
    root.refresh_from_db()
    home = publish(HomePageFactory(parent=root, locale=locales["ru"], title="Главная", slug="home"))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    homes = {"ru": home}
    for language in languages:
        if language == "ru":
            continue
        translation = home.copy_for_translation(locales[language])
        translation.title = f"Home ({language})"
        homes[language] = publish(translation)
    return homes
