"""``manage.py import_press_releases``: a folder of releases becomes drafts; a second run
changes nothing; a changed file updates its draft; a bad file is named and skipped with
nothing half-created; a dry run saves nothing."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from importers.models import ImportRecord
from newsroom.models import NewsPage
from tests.importers.documents import docx_from_text

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"


@pytest.fixture
def folder(tmp_path):
    for file in DATA.iterdir():
        shutil.copy(file, tmp_path / file.name)
    text = (DATA / "11-turkmenabat-docx-en.txt").read_text(encoding="utf-8")
    (tmp_path / "11-turkmenabat-docx-en.txt").unlink()
    (tmp_path / "word").mkdir()
    (tmp_path / "word" / "11-turkmenabat-en.docx").write_bytes(docx_from_text(text))
    return tmp_path


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_press_releases", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_folder_import_then_a_second_run_changes_nothing(folder, import_site):
    out, err = run(folder)
    assert "15 items: 15 created, 0 updated, 0 unchanged, 0 failed." in out
    assert "[##############################] 15/15" in err  # the progress bar
    pages = NewsPage.objects.filter(
        title__in=[
            "Kyrgyz clinics open their doors to outreach workers",
            "Таджикистан усиливает контроль на границе",
            "Mobile prevention team starts work in Lebap region",
        ]
    )
    assert pages.count() == 3
    assert not NewsPage.objects.filter(live=True).exists()  # drafts only
    by_lang = {p.title: p.locale.language_code for p in pages}
    assert by_lang["Таджикистан усиливает контроль на границе"] == "ru"
    assert by_lang["Kyrgyz clinics open their doors to outreach workers"] == "en"
    count = NewsPage.objects.count()
    revisions = sum(p.revisions.count() for p in NewsPage.objects.all())

    out, _err = run(folder)
    assert "15 items: 0 created, 0 updated, 15 unchanged, 0 failed." in out
    assert NewsPage.objects.count() == count
    assert sum(p.revisions.count() for p in NewsPage.objects.all()) == revisions


def test_a_changed_file_updates_its_draft(folder, import_site):
    run(folder)
    file = folder / "06-news-ru.txt"
    file.write_text(
        file.read_text().replace(
            "В Оше открылся центр социальной поддержки\n", "В Оше открыт центр поддержки\n", 1
        )
    )
    out, _err = run(folder)
    assert "0 created, 1 updated, 14 unchanged" in out
    record = ImportRecord.objects.get(source_key="file:06-news-ru.txt")
    assert NewsPage.objects.get(pk=record.page_id).title == "В Оше открыт центр поддержки"


def test_a_bad_file_is_named_and_skipped(folder, import_site):
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    (folder / "empty.txt").write_text("Home | News | About\n\n12.03.2019")
    before = NewsPage.objects.count()
    out, _err = run(folder, "--no-progress")
    assert "17 items: 15 created, 0 updated, 0 unchanged, 2 failed." in out
    assert "FAILED broken.docx: UnreadableSource" in out
    assert "FAILED empty.txt: ValueError: no title found" in out
    assert NewsPage.objects.count() == before + 15
    assert not ImportRecord.objects.filter(source_key__in=["file:broken.docx", "file:empty.txt"])


def test_dry_run_saves_nothing_and_reports(folder, import_site):
    before = NewsPage.objects.count()
    out, _err = run(folder, "--dry-run", "--no-progress")
    assert "Dry run, nothing saved. 15 items: 15 created" in out
    assert "01-bishkek-wire-en.txt: would be created — press_release" in out
    assert NewsPage.objects.count() == before
    assert not ImportRecord.objects.exists()


def test_missing_path_is_an_error(import_site, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "nowhere")
