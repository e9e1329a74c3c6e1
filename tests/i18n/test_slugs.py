"""Latin slugs for pages with Cyrillic titles (``portal.i18n.slugs``)."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from portal.i18n.slugs import latin_slug, transliterate
from portal.models import HomePage


@pytest.mark.parametrize(
    ("title", "language", "slug"),
    [
        ("Семинар в Алматы по профилактике", "ru", "seminar-v-almaty-po-profilaktike"),
        ("Щит и ёж: Чуйская область", "ru", "shchit-i-ezh-chuyskaya-oblast"),
        ("Жасөспірімдер арасындағы алдын алу", "kk", "zhasospirimder-arasyndagy-aldyn-alu"),
        ("Қазақстан", "kk", "qazaqstan"),
        ("Жаштар үчүн семинар", "ky", "jashtar-uchun-seminar"),
        ("Ҷомеаи шаҳрвандӣ", "tg", "jomeai-shahrvandi"),
        ("Ёшлар ўртасида профилактика", "uz", "yoshlar-ortasida-profilaktika"),
        ("Хабарлар", "uz", "xabarlar"),
        ("Ýaşlaryň arasynda öňüni alyş", "tk", "yashlaryn-arasynda-onuni-alysh"),
        ("Prevention in 2022", "en", "prevention-in-2022"),
    ],
)
def test_latin_slug_per_language(title, language, slug):
    assert latin_slug(title, language) == slug


def test_case_is_kept_by_transliterate():
    assert transliterate("Шымкент", "kk") == "Shymkent"


@pytest.mark.django_db
def test_new_page_with_cyrillic_title_gets_a_unique_latin_slug(homes):
    first = HomePage(title="Новости программы")
    homes["ru"].add_child(instance=first)
    second = HomePage(title="Новости программы")
    homes["ru"].add_child(instance=second)
    assert (first.slug, second.slug) == ("novosti-programmy", "novosti-programmy-2")
    assert first.url == "/ru/novosti-programmy/"


@pytest.mark.django_db
def test_slug_follows_the_page_locale(homes):
    kk_home = homes["ru"].copy_for_translation(Locale.objects.get(language_code="kk"))
    page = HomePage(title="Хабарлама")
    kk_home.add_child(instance=page)
    assert page.slug == "habarlama"  # Kazakh х is h; Russian would give "khabarlama"


@pytest.mark.django_db
def test_typed_cyrillic_slug_becomes_latin_but_existing_pages_keep_theirs(homes, settings):
    page = HomePage(title="Партнёры", slug="партнёры")
    homes["ru"].add_child(instance=page)
    assert page.slug == "partnery"
    page.slug = "старый-адрес"
    page.save()
    assert page.slug == "старый-адрес"  # an existing address is never changed behind one's back


@pytest.mark.django_db
def test_setting_off_keeps_unicode_slugs(homes, settings):
    settings.NEWSROOM_LATIN_SLUGS = False
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = True  # as settings.py derives it
    page = HomePage(title="Партнёры")
    homes["ru"].add_child(instance=page)
    assert page.slug == "партнёры"
