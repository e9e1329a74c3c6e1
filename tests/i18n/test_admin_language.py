"""Editors work in their own language: every site language can be chosen for the admin, and
our labels, help texts and panel headings follow it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.admin.localization import get_available_admin_languages
from wagtail.users.models import UserProfile

from newsroom.models import NewsIndexPage

pytestmark = pytest.mark.django_db


def test_every_site_language_is_an_admin_language():
    codes = [code for code, _name in get_available_admin_languages()]
    assert codes == [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize(
    ("language", "heading", "label", "help_text"),
    [
        ("ru", "Место и дата", "Дата публикации", "Заполняется при первой публикации"),
        ("kk", "Орны мен күні", "Жариялану күні", "алғаш жарияланғанда қойылады"),
        ("uz", "Joyi va sanasi", "Eʼlon qilingan sana", "birinchi eʼlon qilinganda"),
    ],
)
def test_news_editor_in_the_editors_language(
    client, admin_user, homes, language, heading, label, help_text
):
    from tests.factories.newsroom import NewsIndexPageFactory
    from tests.factories.pages import publish

    index = publish(NewsIndexPageFactory(parent=homes["ru"], title="Новости", slug="news"))
    assert isinstance(index, NewsIndexPage)
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=("newsroom", "newspage", index.pk))
    html = client.get(url).content.decode()
    assert f'<html lang="{language}"' in html
    for text in (heading, label, help_text):
        assert text in html, text
