"""``manage.py import_wordpress``: a WXR export the tests build (twenty posts, Russian and
English via Polylang, images, categories) becomes news items with tags, images, rewritten
links and redirects; a second run changes nothing."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model

from importers.models import ImportRecord
from newsroom.models import NewsPage
from tests.importers.wxr_builder import build_wxr

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("import_wordpress", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def export(tmp_path):
    return build_wxr(tmp_path)


def _state():
    pages = NewsPage.objects.all()
    return (
        pages.count(),
        sum(page.revisions.count() for page in pages),
        get_image_model().objects.count(),
        Redirect.objects.count(),
        sorted(pages.values_list("title", "live", "locale__language_code")),
    )


def test_import_then_a_second_run_changes_nothing(export, import_site, tmp_path, client):
    out = run(export, "--uploads", tmp_path / "uploads", "--no-download", "--no-progress")
    assert "24 items: 24 created, 0 updated, 0 unchanged, 0 failed." in out
    ru = NewsPage.objects.filter(locale__language_code="ru", title__startswith="Новость")
    en = NewsPage.objects.filter(locale__language_code="en", title__startswith="Story")
    assert ru.count() == 10 and en.count() == 10
    assert all(p.get_parent().pk == import_site["newsroom"].pk for p in ru)
    assert all(p.get_parent().pk == import_site["newsroom_en"].pk for p in en)
    # Translations of one another, as Polylang had them.
    story1 = en.get(title="Story 1")
    assert story1.translation_key == ru.get(title="Новость 1").translation_key
    # Published posts are live, the draft is not.
    assert not ru.get(title="Новость 10").live and ru.get(title="Новость 9").live
    # Categories: kind and countries; tags: themes (matched on the labels).
    item = ru.get(title="Новость 3")
    assert item.kind == "press_release"
    assert ru.get(title="Новость 1").kind == "event_report"
    assert ru.get(title="Новость 2").kind == "news"
    assert {t.slug for t in item.countries.all()} == {"kz"}
    assert {t.slug for t in ru.get(title="Новость 2").countries.all()} == {"kg"}
    assert {t.slug for t in item.themes.all()} == {"prevention"}
    assert item.standfirst == "Lead of story 3."
    assert item.publication_date.date().isoformat() == "2016-05-03"
    # Images: four attachments (three files, one data: URL), hero and body images.
    assert get_image_model().objects.count() == 4
    assert item.hero_image is not None and item.hero_image.title == "Photo 1"
    images = [b.value for b in item.body if b.block_type == "image"]
    assert [i["image"].title for i in images] == ["Photo 2", "Inline logo"]
    assert images[0]["caption"] == "The meeting"
    quote = next(b.value for b in ru.get(title="Новость 4").body if b.block_type == "quote")
    assert (quote["speaker"], quote["role"], quote["organisation"]) == (
        "Jane Doe",
        "Director",
        "Republican Centre",
    )
    # Internal links: to an earlier post and, after the last pass, to a later one.
    story2 = ru.get(title="Новость 2")
    assert f'linktype="page" id="{ru.get(title="Новость 1").pk}"' in str(story2.body.raw_data)
    story1_ru = ru.get(title="Новость 1")
    assert f'linktype="page" id="{ru.get(title="Новость 5").pk}"' in str(story1_ru.body.raw_data)
    assert f'linktype="page" id="{en.get(title="Story 5").pk}"' in str(
        en.get(title="Story 1").body.raw_data
    )
    # Old URLs redirect to the new pages: the permalink and the ?p= address of each post.
    redirect = Redirect.objects.get(old_path="/en/2016/05/01/story-1-en")
    assert redirect.redirect_page.pk == story1.pk and redirect.is_permanent
    assert Redirect.objects.get(old_path="/?p=101").redirect_page.pk == story1.pk
    assert Redirect.objects.count() == 40
    # A reader following an old link lands on the new page (and the Russian one too, whose
    # old address had no language prefix).
    response = client.get("/en/2016/05/01/story-1-en/")
    assert response.status_code == 301 and response["Location"].endswith(story1.url)
    story1_ru_old = client.get("/2016/05/01/story-1-ru/")
    assert story1_ru_old.status_code == 301
    assert story1_ru_old["Location"].endswith(story1_ru.url)

    before = _state()
    out = run(export, "--uploads", tmp_path / "uploads", "--no-download", "--no-progress")
    assert "24 items: 0 created, 0 updated, 24 unchanged, 0 failed." in out
    assert _state() == before


def test_a_changed_post_updates_its_page(export, import_site, tmp_path):
    run(export, "--uploads", tmp_path / "uploads", "--no-download", "--no-progress")
    export.write_text(
        export.read_text().replace("<title>Story 7</title>", "<title>Story seven</title>")
    )
    out = run(export, "--uploads", tmp_path / "uploads", "--no-download", "--no-progress")
    assert "0 created, 1 updated, 23 unchanged" in out
    page = NewsPage.objects.get(
        pk=ImportRecord.objects.get(source_key__endswith=":post:107").page_id
    )
    assert page.title == "Story seven" and page.live


def test_missing_image_fails_alone_and_dry_run_saves_nothing(export, import_site, tmp_path):
    (tmp_path / "uploads" / "2016" / "05" / "photo-3.png").unlink()
    out = run(
        export, "--uploads", tmp_path / "uploads", "--no-download", "--dry-run", "--no-progress"
    )
    assert "Dry run, nothing saved. 24 items: 23 created, 0 updated, 0 unchanged, 1 failed." in out
    assert "FAILED image 903 photo-3.png: FileNotFoundError" in out
    assert not NewsPage.objects.filter(title__startswith="Story").exists()
    assert not ImportRecord.objects.exists() and not Redirect.objects.exists()
    assert get_image_model().objects.count() == 0


def test_rules_file_maps_terms(export, import_site, tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_text(
        json.dumps({"kinds": {"news": "statement"}, "countries": {"kyrgyzstan": "tj"}})
    )
    run(
        export,
        "--uploads",
        tmp_path / "uploads",
        "--no-download",
        "--no-progress",
        "--rules",
        rules,
    )
    page = NewsPage.objects.get(title="Новость 2")
    assert page.kind == "statement"
    assert {t.slug for t in page.countries.all()} == {"tj"}


def test_not_an_export_is_a_clear_error(tmp_path, import_site):
    bad = tmp_path / "bad.xml"
    bad.write_text("<rss><channel></channel></rss>")
    with pytest.raises(CommandError, match="not a WordPress export"):
        run(bad)
