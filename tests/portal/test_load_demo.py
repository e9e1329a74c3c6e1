"""load_demo builds the demo site and a second run changes nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

pytestmark = pytest.mark.django_db


def snapshot() -> tuple:
    return (
        Page.objects.count(),
        Revision.objects.count(),
        sorted(Page.objects.values_list("url_path", "locale__language_code", "live")),
    )


def test_load_demo_is_idempotent_and_prints_a_login(client):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Login: admin / " in out.getvalue()
    first = snapshot()
    call_command("load_demo", stdout=StringIO())
    assert snapshot() == first

    assert Site.objects.get(is_default_site=True).root_page.specific.locale.language_code == "ru"
    assert client.get("/ru/").status_code == 200
    assert client.get("/en/").status_code == 200
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("newsroom-demo")
    assert client.login(username="admin", password="newsroom-demo")
    assert client.get("/admin/").status_code == 200


def test_translator_groups_survive_a_flushed_database():
    """``flush`` keeps only what post_migrate recreates: the permissions Wagtail and
    wagtail-localize made in data migrations are gone, and a translator group still gets them."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale

    from portal.i18n.permissions import setup_translator_group

    call_command("flush", interactive=False, verbosity=0)
    try:
        locale = Locale.objects.create(language_code="kk")
        group = setup_translator_group(locale)
        codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    finally:
        # post_migrate recreated the content types under ids the rollback takes back
        ContentType.objects.clear_cache()
    assert ("wagtail_localize", "submit_translation") in codenames
    assert ("wagtailadmin", "access_admin") in codenames
