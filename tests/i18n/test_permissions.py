"""Per-locale editing rights: a kk translator edits kk content and is refused elsewhere."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page

from portal.i18n.models import TranslatorLocaleScope
from portal.i18n.permissions import allowed_locale_ids, setup_translator_group
from programme.models import Boilerplate
from tests.factories.programme import BoilerplateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kk_home(homes):
    kk = homes["ru"].copy_for_translation(Locale.objects.get(language_code="kk"))
    kk.title = "Басты бет"
    kk.save_revision().publish()
    kk.refresh_from_db()
    return kk.specific


@pytest.fixture
def kk_translator(django_user_model, kk_home):
    """A kk translator whose group ALSO holds page permissions on the root of the tree (as a
    careless administrator might give): only the locale scope keeps it out of en."""
    group = setup_translator_group(kk_home.locale, kk_home)
    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user("aigerim", "aigerim@example.org", "pw-kk-123")
    user.groups.add(group)
    return user


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_setup_is_idempotent_and_scoped(kk_home):
    first = setup_translator_group(kk_home.locale, kk_home)
    second = setup_translator_group(kk_home.locale, kk_home)
    assert first == second and first.name == "Translators (kk)"
    assert list(TranslatorLocaleScope.objects.get(group=first).locales.all()) == [kk_home.locale]
    assert GroupPagePermission.objects.filter(group=first, page=kk_home).count() == 3


def test_kk_translator_is_refused_on_en_and_allowed_on_kk(client, homes, kk_home, kk_translator):
    client.force_login(kk_translator)
    assert allowed_locale_ids(kk_translator) == {kk_home.locale_id}

    refused = client.get(edit_url(homes["en"]))
    assert refused.status_code == 302
    assert refused["Location"] == reverse("wagtailadmin_home")
    assert client.get(edit_url(homes["ru"])).status_code == 302

    allowed = client.get(edit_url(kk_home))
    assert allowed.status_code == 200
    assert "Басты бет" in allowed.content.decode()


def test_kk_translator_cannot_change_en_by_post(client, homes, kk_home, kk_translator):
    client.force_login(kk_translator)
    en = homes["en"]
    response = client.post(
        edit_url(en), {"title": "Hacked", "slug": en.slug, "action-publish": "1"}
    )
    assert response.status_code == 302
    en.refresh_from_db()
    assert en.title == "Home (en)"
    assert en.get_latest_revision().content["title"] != "Hacked"


def test_kk_translator_cannot_create_delete_or_unpublish_outside_kk(
    client, homes, kk_home, kk_translator
):
    client.force_login(kk_translator)
    en = homes["en"]
    add = reverse("wagtailadmin_pages:add", args=["portal", "homepage", en.pk])
    assert client.get(add).status_code == 302
    assert client.get(reverse("wagtailadmin_pages:delete", args=[en.pk])).status_code == 302
    assert client.post(reverse("wagtailadmin_pages:unpublish", args=[en.pk])).status_code == 302
    en.refresh_from_db()
    assert en.live


def test_without_the_scope_the_same_group_could_edit_en(client, homes, kk_home, kk_translator):
    """The control: the refusal above comes from the scope, not from missing permissions."""
    TranslatorLocaleScope.objects.all().delete()
    client.force_login(kk_translator)
    assert client.get(edit_url(homes["en"])).status_code == 200


def test_scope_applies_to_translatable_snippets(client, kk_home, kk_translator):
    ru = BoilerplateFactory(locale=homes_locale("ru"), title="Оговорка")
    en = ru.copy_for_translation(homes_locale("en"))
    en.title = "Disclaimer"
    en.save()
    kk = ru.copy_for_translation(homes_locale("kk"))
    kk.title = "Ескерту"
    kk.save()
    client.force_login(kk_translator)

    def snippet_edit(obj):
        return reverse("wagtailsnippets_programme_boilerplate:edit", args=[obj.pk])

    assert client.get(snippet_edit(en)).status_code == 302
    assert client.get(snippet_edit(kk)).status_code == 200
    client.post(snippet_edit(en), {"kind": en.kind, "title": "Hacked", "text": "<p>x</p>"})
    assert Boilerplate.objects.get(pk=en.pk).title == "Disclaimer"

    add = reverse("wagtailsnippets_programme_boilerplate:add")
    assert client.get(add, {"locale": "en"}).status_code == 302
    assert client.get(add).status_code == 302  # the default locale, ru
    assert client.get(add, {"locale": "kk"}).status_code == 200


def test_superusers_and_unscoped_editors_are_not_limited(django_user_model, kk_translator):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    assert allowed_locale_ids(admin) is None
    editor = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    assert allowed_locale_ids(editor) is None


def test_two_scoped_groups_add_up(django_user_model, kk_home, kk_translator):
    en_group = setup_translator_group(Locale.objects.get(language_code="en"))
    kk_translator.groups.add(en_group)
    kk_translator = django_user_model.objects.get(pk=kk_translator.pk)  # fresh cache
    assert allowed_locale_ids(kk_translator) == {
        kk_home.locale_id,
        Locale.objects.get(language_code="en").pk,
    }


def homes_locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def test_kk_translator_translates_an_alias_into_kk_but_not_into_en(
    client, homes, kk_home, kk_translator
):
    """The synchronised-tree workflow: the kk alias of a ru page is translated with
    wagtail-localize's "Translate this page"; the same form cannot target en."""
    from wagtail_localize.models import LocaleSynchronization

    from portal.models import HomePage

    about = HomePage(title="О программе", slug="about", locale=homes["ru"].locale)
    homes["ru"].add_child(instance=about)
    about.save_revision().publish()
    LocaleSynchronization.objects.create(locale=kk_home.locale, sync_from=homes["ru"].locale)
    alias = Page.objects.get(translation_key=about.translation_key, locale=kk_home.locale)
    assert alias.alias_of_id == about.pk
    client.force_login(kk_translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[about.pk])

    refused = client.post(url, {"locales": [homes_locale("en").pk]})
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    assert not Page.objects.filter(
        translation_key=about.translation_key, locale__language_code="en"
    ).exists()

    accepted = client.post(url, {"locales": [kk_home.locale_id]})
    assert accepted.status_code == 302
    alias.refresh_from_db()
    assert alias.alias_of_id is None  # now a translation under way, editable by the kk team
    assert client.get(edit_url(alias)).status_code == 200


def test_kk_translator_cannot_use_the_translation_editor_outside_kk(
    client, homes, kk_home, kk_translator
):
    """wagtail-localize's string API, PO files and machine translation check tree permissions
    only (the kk group here also holds them on the root): the scope refuses en all the same."""
    from urllib.parse import urlencode

    from wagtail_localize.models import StringSegment, Translation, TranslationSource

    from portal.models import HomePage

    about = HomePage(title="О программе", slug="about", locale=homes["ru"].locale)
    homes["ru"].add_child(instance=about)
    about.save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(about)
    translations = {}
    for code in ("en", "kk"):
        translation = Translation.objects.create(source=source, target_locale=homes_locale(code))
        translation.save_target(publish=True)
        translations[code] = translation
    segment = StringSegment.objects.filter(source=source).first()
    client.force_login(kk_translator)

    def edit_string(code: str):
        url = reverse(
            "wagtail_localize:edit_string_translation", args=[translations[code].pk, segment.pk]
        )
        return client.put(
            url, urlencode({"value": "Өзгерген"}), content_type="application/x-www-form-urlencoded"
        )

    refused = edit_string("en")
    assert refused.status_code == 403 and "may not edit" in refused.json()["detail"]
    assert edit_string("kk").status_code in (200, 201)

    download = "wagtail_localize:download_pofile"
    refused = client.get(reverse(download, args=[translations["en"].pk]))
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    assert client.get(reverse(download, args=[translations["kk"].pk])).status_code == 200
    machine = reverse("wagtail_localize:machine_translate", args=[translations["en"].pk])
    assert client.post(machine)["Location"] == reverse("wagtailadmin_home")
    update = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.get(update)["Location"] == reverse("wagtailadmin_home")  # a ru source
