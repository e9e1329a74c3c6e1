"""Editors: the admin forms of the newsroom and the preview of a draft item work."""

from __future__ import annotations

import pytest

from newsroom.models import NewsCountry, NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw-123456")
    client.force_login(user)
    return client


def test_add_and_edit_forms_render(editor, newsroom, make_news):
    add = editor.get(f"/admin/pages/add/newsroom/newspage/{newsroom.pk}/")
    assert add.status_code == 200
    assert b'name="dateline_place"' in add.content and b'name="funder_credit"' in add.content
    item = make_news()
    assert editor.get(f"/admin/pages/{item.pk}/edit/").status_code == 200
    assert editor.get(f"/admin/pages/{newsroom.pk}/edit/").status_code == 200


def test_preview_of_a_draft_item_renders(newsroom, tags):
    page = NewsPage(
        title="Черновик",
        slug="draft-preview",
        kind=NewsPage.Kind.EVENT_REPORT,
        dateline_place="Ош",
        event_venue="Ош",
        locale=newsroom.locale,
        country_items=[NewsCountry(tag=tags["countries"]["kg"])],
    )
    newsroom.add_child(instance=page)
    page = NewsPage.objects.get(pk=page.pk)
    page.live = False
    response = page.make_preview_request()
    assert response.status_code == 200
    assert "Черновик" in response.content.decode()
