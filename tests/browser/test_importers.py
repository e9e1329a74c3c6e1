"""'Import press release' in a real browser: paste the reference release, see the parts
beside the source, correct the title, get a draft in the page editor; no CSP violation."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.test_security import csp_messages

pytestmark = pytest.mark.browser
PASSWORD = "s3cret-pass-for-import"
REFERENCE = (
    Path(__file__).resolve().parents[1]
    / "importers"
    / "reference"
    / "press-release-almaty-2022-ru.md"
)


@pytest.fixture
def live_newsroom(live_homes):
    from tests.factories.newsroom import NewsIndexPageFactory

    index = NewsIndexPageFactory(parent=live_homes["ru"], title="Новости", slug="news")
    index.save_revision().publish()
    return index


def test_paste_review_and_create_a_draft(page, live_server, live_newsroom, django_user_model):
    from newsroom.models import NewsPage

    django_user_model.objects.create_superuser("importer", "i@example.org", PASSWORD)
    seen = csp_messages(page)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "importer")
    page.fill("input[name=password]", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.locator("a[href='/admin/import/press-release/']").first.click()
    page.fill("textarea[name=text]", REFERENCE.read_text(encoding="utf-8"))
    page.locator("form.importer-source-form button[type=submit]").click()
    source = page.locator(".importer-source pre")
    assert "Алматы, 30 ноября 2022 г." in source.inner_text()
    assert page.locator("input[name=dateline_place]").input_value() == "Алматы"
    assert page.locator("input[name=publication_date]").input_value() == "2022-11-30"
    # Side by side: the source column left of the parsed form.
    source_box = source.bounding_box()
    form_box = page.locator(".importer-parsed").bounding_box()
    assert source_box["x"] + source_box["width"] <= form_box["x"]
    page.fill("input[name=title]", "Региональный диалог в Алматы")
    page.locator("form.importer-review button[type=submit]").click()
    page.locator("form#page-edit-form").wait_for()
    assert "Региональный диалог в Алматы" in page.content()
    item = NewsPage.objects.get(title="Региональный диалог в Алматы")
    assert not item.live and item.get_parent().pk == live_newsroom.pk
    assert [block.block_type for block in item.body] == ["paragraph", "quote", "quote", "paragraph"]
    assert seen == []
