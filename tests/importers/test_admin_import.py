"""'Import a press release' in the admin, as an editor: paste or upload, review the parsed
parts beside the source, correct them, get a draft (never a published page)."""

from __future__ import annotations

import json

import pytest

from newsroom.models import NewsPage
from programme.models import Boilerplate, DonorContactPage
from tests.importers.conftest import REFERENCE_RELEASE
from tests.importers.documents import docx_from_text

pytestmark = pytest.mark.django_db
URL = "/admin/import/press-release/"


def test_menu_item_and_form_for_an_editor(editor, import_site):
    response = editor.get(URL)
    assert response.status_code == 200
    assert b'name="text"' in response.content and b'name="file"' in response.content
    home = editor.get("/admin/").content.decode()  # the sidebar's menu is JSON in the page
    assert URL in home and json.dumps("Импорт пресс-релиза")[1:-1] in home  # admin in Russian


def test_anonymous_and_no_admin_users_are_refused(client, django_user_model, import_site):
    assert client.get(URL).status_code == 302  # to the login page
    django_user_model.objects.create_user("reader", "r@example.org", "pw-123456")
    client.login(username="reader", password="pw-123456")
    assert client.get(URL).status_code in (302, 403)


def test_reference_release_parsed_beside_its_source(editor, import_site):
    response = editor.post(URL, {"step": "parse", "text": REFERENCE_RELEASE.read_text()})
    assert response.status_code == 200
    form = response.context["review_form"]
    initial = form.initial
    assert initial["kind"] == "press_release"
    assert initial["title"].startswith("Укрепление сотрудничества")
    assert initial["dateline_place"] == "Алматы"
    assert str(initial["publication_date"]) == "2022-11-30"
    assert initial["newsroom"] == import_site["newsroom"].pk  # Russian text, Russian newsroom
    assert initial["about_programme"] == import_site["about"].pk  # same text: matched
    assert initial["media_contact"] == import_site["delegation"].pk  # same e-mail: matched
    country_slugs = {
        c.slug for c in form.fields["countries"].queryset.filter(pk__in=initial["countries"])
    }
    assert country_slugs == {"kz"}
    theme_slugs = {t.slug for t in form.fields["themes"].queryset.filter(pk__in=initial["themes"])}
    assert {"prevention", "treatment"} <= theme_slugs
    assert "> Г-н Козимо Ламберти" in initial["body"]
    assert "— Козимо Ламберти | представитель | Европейского Союза" in initial["body"]
    assert set(response.context["unmatched_fields"]) == {
        "implementer_credit",
        "funder_credit",
        "donor_boilerplate",
    }
    html = response.content.decode()
    assert "importer-source" in html and "delegation-kyrgyzstan@eeas.europa.eu" in html
    # A date input takes ISO dates only, whatever the editor's language.
    assert 'type="date" name="publication_date" value="2022-11-30"' in html


def _review_data(editor, text, **changes):
    response = editor.post(URL, {"step": "parse", "text": text})
    form = response.context["review_form"]
    data = {"step": "create"}
    for name, value in form.initial.items():
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list) else str(value)
    data.update(changes)
    return data


def test_corrected_release_becomes_a_draft_never_published(editor, import_site):
    data = _review_data(
        editor,
        REFERENCE_RELEASE.read_text(),
        title="Диалог в Алматы",
        donor_boilerplate_create="on",
    )
    response = editor.post(URL, data)
    assert response.status_code == 302
    page = NewsPage.objects.get(title="Диалог в Алматы")
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().pk == import_site["newsroom"].pk
    assert page.locale == import_site["newsroom"].locale
    assert page.kind == "press_release" and page.dateline_place == "Алматы"
    assert page.publication_date.date().isoformat() == "2022-11-30"
    types = [block.block_type for block in page.body]
    assert types == ["paragraph", "quote", "quote", "paragraph"]
    quote = page.body[1].value
    assert (quote["speaker"], quote["role"], quote["organisation"]) == (
        "Козимо Ламберти",
        "представитель",
        "Европейского Союза",
    )
    assert page.about_programme == import_site["about"]
    assert page.media_contact.pk == import_site["delegation"].pk
    assert page.donor_boilerplate.kind == Boilerplate.Kind.DONOR
    assert "27 государств-членов" in page.donor_boilerplate.text
    assert {tag.slug for tag in page.countries.all()} == {"kz"}
    assert page.latest_revision is not None


def test_english_release_in_the_english_newsroom_with_a_new_contact(editor, import_site):
    text = (
        "Press release\n\nKazakhstan adopts a national prevention plan\n\n"
        "Astana, November 30, 2022 - The Government adopted a plan.\n\n"
        "Prevention programmes in every region.\n\n"
        "Press office of the programme\n+7 727 300 00 00\ninfo@example.org"
    )
    data = _review_data(
        editor, text, create_contact="on", contact_index=str(import_site["contacts"].pk)
    )
    assert data["newsroom"] == str(import_site["newsroom_en"].pk)
    assert editor.post(URL, data).status_code == 302
    page = NewsPage.objects.get(title="Kazakhstan adopts a national prevention plan")
    assert page.locale.language_code == "en" and not page.live
    contact = DonorContactPage.objects.get(email="info@example.org")
    assert not contact.live and page.media_contact.pk == contact.pk
    assert [p.number for p in contact.phones.all()] == ["+7 727 300 00 00"]


def test_docx_upload(editor, import_site):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = (REFERENCE_RELEASE.parent / "press-release-almaty-2022-ru.md").read_text()
    plain = text.replace("## ", "").replace("### ", "").replace("*", "")
    upload = SimpleUploadedFile("release.docx", docx_from_text(plain))
    response = editor.post(URL, {"step": "parse", "file": upload})
    assert response.status_code == 200
    assert response.context["review_form"].initial["title"].startswith("Укрепление")


@pytest.mark.parametrize(
    "post, message",
    [
        ({"step": "parse"}, "Вставьте пресс-релиз или выберите файл."),
        ({"step": "parse", "text": "Home | News | About\n\n12.03.2019"}, "Заголовок не найден"),
    ],
)
def test_bad_input_is_a_400_with_a_message(editor, import_site, post, message):
    response = editor.post(URL, post)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_broken_docx_is_a_400(editor, import_site):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = editor.post(URL, {"step": "parse", "file": SimpleUploadedFile("x.docx", b"PK junk")})
    assert response.status_code == 400
    assert "Не удаётся прочитать" in response.content.decode()


def test_quote_without_speaker_is_refused(editor, import_site):
    data = _review_data(editor, REFERENCE_RELEASE.read_text(), body="> A quote with nobody")
    response = editor.post(URL, data)
    assert response.status_code == 400
    assert "нужна строка «— Кто сказал»" in response.content.decode()
    assert not NewsPage.objects.filter(title__startswith="Укрепление").exists()
