"""A ru news item through wagtail-localize: sync to en, machine translation with the dummy
translator, publication, a change of the source, re-sync; and a PO file round trip."""

from __future__ import annotations

import datetime

import polib
import pytest
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.dummy import DummyTranslator, translate_string
from wagtail_localize.models import StringTranslation

from newsroom.models import NewsPage
from portal.i18n.workflow import machine_translate, start_translation, sync_translations
from tests.factories.newsroom import NewsPageFactory

pytestmark = pytest.mark.django_db


def make_item(newsroom, programme_pages, tags, **fields):
    item = NewsPageFactory(
        parent=newsroom["ru"],
        title="Семинар по профилактике в Алматы",
        slug="seminar",
        standfirst="Специалисты пяти стран обсудили профилактику.",
        dateline_place="Алматы",
        hero_caption="Участники семинара",
        body=[("paragraph", "<p>Семинар прошёл в Алматы.</p>")],
        related_phase=programme_pages["phase"],
        countries=[tags["kz"]],
        themes=[tags["prevention"]],
        related_partners=[programme_pages["partners"][0]],
        **fields,
    )
    item.save_revision().publish()
    item.refresh_from_db()
    return item


def slugs(manager) -> set[str]:
    return set(manager.values_list("slug", flat=True))


def test_the_configured_machine_translator_is_the_dummy_without_a_deepl_key(settings):
    assert not settings.DEEPL_API_KEY
    assert isinstance(get_machine_translator(), DummyTranslator)


def test_news_item_sync_translate_publish_change_resync(
    newsroom, programme_pages, tags, locales, django_capture_on_commit_callbacks
):
    item = make_item(newsroom, programme_pages, tags)
    en = locales["en"]

    # 1. Sync to en and machine-translate every string with the dummy translator.
    translation = start_translation(item, en)
    assert machine_translate(translation) >= 5
    assert set(
        StringTranslation.objects.filter(locale=en).values_list("translation_type", flat=True)
    ) == {StringTranslation.TRANSLATION_TYPE_MACHINE}

    # 2. Publish.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    target = NewsPage.objects.get(translation_key=item.translation_key, locale=en)
    assert target.live and target.alias_of_id is None
    assert target.get_parent().pk == newsroom["en"].pk
    # Translated fields carry the machine translation (the dummy reverses the words) ...
    assert target.title == translate_string(item.title)
    assert target.standfirst == translate_string(item.standfirst)
    assert target.dateline_place == "Алматы"  # one word: reversed, it is itself
    assert target.hero_caption == translate_string(item.hero_caption)
    assert "Алматы. в прошёл Семинар" in str(target.body)
    # ... synchronised ones are the source's.
    assert target.publication_date == item.publication_date
    assert target.kind == item.kind
    assert target.related_phase_id == programme_pages["phase"].pk
    assert set(target.related_partners.all()) == {programme_pages["partners"][0]}
    assert slugs(target.countries) == {"kz"}
    assert slugs(target.themes) == {"prevention"}

    # 3. The editor changes the ru source: text, date, tags and related pages.
    new_date = timezone.make_aware(datetime.datetime(2022, 12, 1, 9))
    item.standfirst = "Специалисты шести стран обсудили лечение."
    item.publication_date = new_date
    item.related_phase = None
    item.countries.set([tags["kz"], tags["kg"]])
    item.themes.set([tags["treatment"]])
    item.related_partners.set(programme_pages["partners"])
    item.save_revision().publish()

    # 4. Re-sync: the new string is machine-translated, then the en page saved again.
    translation = start_translation(item, en)
    assert machine_translate(translation) == 1  # only the changed standfirst was new
    with django_capture_on_commit_callbacks(execute=True):
        synced = sync_translations(item)
    assert [page.pk for page in synced] == [target.pk]

    target = NewsPage.objects.get(pk=target.pk)
    assert target.live
    assert target.standfirst == translate_string("Специалисты шести стран обсудили лечение.")
    assert target.title == translate_string(item.title)  # unchanged strings keep theirs
    assert target.publication_date == new_date
    assert target.related_phase_id is None
    assert set(target.related_partners.all()) == set(programme_pages["partners"])
    assert slugs(target.countries) == {"kz", "kg"}
    assert slugs(target.themes) == {"treatment"}
    # The published revision is the synced one: what en readers get.
    live = target.get_latest_revision_as_object()
    assert live.standfirst == target.standfirst
    assert target.has_unpublished_changes is False
    # The ru source is untouched by the round trip.
    item.refresh_from_db()
    assert item.standfirst == "Специалисты шести стран обсудили лечение."
    assert item.locale.language_code == "ru"

    # Where the article template exists (the newsroom app), en readers see the update.
    try:
        get_template(target.template)
    except TemplateDoesNotExist:
        return
    from django.test import Client

    html = Client().get(target.url).content.decode()
    assert translate_string("Специалисты шести стран обсудили лечение.") in html


def test_po_export_edit_import_publishes_the_edited_text(
    newsroom, programme_pages, tags, locales, django_capture_on_commit_callbacks
):
    item = make_item(newsroom, programme_pages, tags)
    translation = start_translation(item, locales["en"])

    po = translation.export_po()
    msgids = {entry.msgid for entry in po}
    assert {item.title, item.standfirst, "Семинар прошёл в Алматы."} <= msgids
    assert all(entry.msgstr == "" for entry in po)

    # The translator edits the file offline ...
    english = {
        item.title: "Prevention seminar in Almaty",
        item.standfirst: "Specialists from five countries discussed prevention.",
        "Семинар прошёл в Алматы.": "The seminar took place in Almaty.",
        "Алматы": "Almaty",
    }
    for entry in po:
        entry.msgstr = english.get(entry.msgid, "")
    edited = polib.pofile(str(po))  # as read back from the uploaded file

    # ... and uploads it.
    warnings = translation.import_po(edited)
    assert warnings == []
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    target = NewsPage.objects.get(translation_key=item.translation_key, locale=locales["en"])
    assert target.live
    assert target.title == "Prevention seminar in Almaty"
    assert target.standfirst == "Specialists from five countries discussed prevention."
    assert target.dateline_place == "Almaty"
    assert "The seminar took place in Almaty." in str(target.body)
    # Strings left empty in the file fall back to the source text, never to nothing.
    assert target.hero_caption == item.hero_caption
    # A second export carries the imported translations.
    again = {entry.msgid: entry.msgstr for entry in translation.export_po()}
    assert again[item.title] == "Prevention seminar in Almaty"


def test_po_round_trip_through_the_admin_download_and_upload(
    client, admin_user, newsroom, programme_pages, tags, locales, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    item = make_item(newsroom, programme_pages, tags)
    translation = start_translation(item, locales["en"])
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=False)  # what "Translate this page" does
    client.force_login(admin_user)

    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    for entry in po:
        if entry.msgid == item.standfirst:
            entry.msgstr = "Specialists from five countries discussed prevention."
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("en.po", str(po).encode(), "text/x-gettext-translation")},
    )
    assert upload.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)  # the translation editor's "Publish"

    target = NewsPage.objects.get(translation_key=item.translation_key, locale=locales["en"])
    assert target.live
    assert target.standfirst == "Specialists from five countries discussed prevention."


def test_boilerplate_snippet_is_translated_with_wagtail_localize(locales):
    from programme.models import Boilerplate
    from tests.factories.programme import BoilerplateFactory

    ru = BoilerplateFactory(
        locale=locales["ru"],
        kind=Boilerplate.Kind.DISCLAIMER,
        title="Оговорка",
        text="<p>Мнения авторов не обязательно совпадают.</p>",
    )
    translation = start_translation(ru, locales["kk"])
    assert machine_translate(translation) == 2
    translation.save_target()
    kk = ru.get_translation(locales["kk"])
    assert kk.kind == Boilerplate.Kind.DISCLAIMER  # synchronised
    assert kk.title == "Оговорка"  # one word: the dummy leaves it as it is
    assert "совпадают. обязательно не авторов Мнения" in kk.text
