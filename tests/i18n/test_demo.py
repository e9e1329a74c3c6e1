"""load_demo: ru and en complete, kk partly translated, the other languages synchronised."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

from portal.i18n.models import TranslatorLocaleScope
from programme.models import Boilerplate

pytestmark = pytest.mark.django_db


def real_pages(code: str):
    return Page.objects.filter(locale__language_code=code, depth__gt=1, alias_of__isnull=True)


def test_ru_and_en_are_complete(demo):
    ru_keys = set(real_pages("ru").values_list("translation_key", flat=True))
    en_keys = set(real_pages("en").live().values_list("translation_key", flat=True))
    assert ru_keys and ru_keys == en_keys
    ru_texts = set(Boilerplate.objects.filter(locale__language_code="ru").values_list("kind"))
    en_texts = set(Boilerplate.objects.filter(locale__language_code="en").values_list("kind"))
    assert ru_texts == en_texts


def test_kk_is_partly_translated_and_the_rest_waits_as_aliases(demo, client):
    kk_home = real_pages("kk").get(depth=2)
    assert kk_home.live and kk_home.title != real_pages("ru").get(depth=2).title
    kk_texts = Boilerplate.objects.filter(locale__language_code="kk").count()
    assert 0 < kk_texts < Boilerplate.objects.filter(locale__language_code="ru").count()
    # Every ru page exists in the kk tree: translated, or as an alias of the ru page.
    ru_pages = real_pages("ru")
    kk_pages = Page.objects.filter(locale__language_code="kk")
    assert set(kk_pages.values_list("translation_key", flat=True)) == set(
        ru_pages.values_list("translation_key", flat=True)
    )
    for page in kk_pages.exclude(alias_of=None):
        assert page.alias_of.locale.language_code == "ru"
    assert client.get("/kk/").status_code == 200
    # ky has no translation at all: its home is an alias, served in Russian and labelled so
    # (NEWSROOM_MISSING_TRANSLATION "source", the default).
    ky_home = Page.objects.get(locale__language_code="ky", depth=2)
    assert ky_home.alias_of_id == real_pages("ru").get(depth=2).pk
    response = client.get("/ky/")
    assert response.status_code == 200
    assert '<main id="main" class="container" lang="ru">' in response.content.decode()


def test_every_other_language_is_synchronised_from_ru_with_a_translator_group(demo):
    ru = Locale.objects.get(language_code="ru")
    synced = {
        sync.locale.language_code
        for sync in LocaleSynchronization.objects.filter(sync_from=ru).select_related("locale")
    }
    assert synced == {"en", "kk", "ky", "tg", "tk", "uz"}
    for code in synced:
        group = Group.objects.get(name=f"Translators ({code})")
        scope = TranslatorLocaleScope.objects.get(group=group)
        assert [locale.language_code for locale in scope.locales.all()] == [code]
