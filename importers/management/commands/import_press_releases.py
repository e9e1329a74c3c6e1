"""``manage.py import_press_releases PATH…``: every press release in the files and folders
given becomes a draft news item; a second run updates the drafts of changed files and leaves
the others alone. See docs/importing.md."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from importers import parsing
from importers.builder import save_draft
from importers.runner import ImportRun, checksum
from importers.service import match_release
from newsroom.models import NewsIndexPage, NewsPage

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".docx"}


def collect(paths: list[str]) -> list[tuple[str, Path]]:
    """[(source name, file)]: a file given alone is named by its file name, a file found in
    a folder by its path inside that folder, so the name stays the same from run to run."""
    found = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.is_file() and file.suffix.lower() in SUFFIXES:
                    found.append((file.relative_to(path).as_posix(), file))
        elif path.is_file():
            found.append((path.name, path))
        else:
            raise CommandError(f"{given}: no such file or folder")
    return found


class Command(BaseCommand):
    help = "Import press releases (text, Markdown, HTML, .docx) as draft news items."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders.")
        parser.add_argument(
            "--newsroom",
            type=int,
            help="Page id of the newsroom to import into (default: the first newsroom in "
            "the language of each release).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Report, save nothing.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, paths, newsroom=None, dry_run=False, no_progress=False, **options):
        files = collect(paths)
        fixed = None
        if newsroom is not None:
            fixed = NewsIndexPage.objects.filter(pk=newsroom).first()
            if fixed is None:
                raise CommandError(f"No newsroom with id {newsroom}.")
        run = ImportRun(len(files), self.stdout, self.stderr, dry_run, not no_progress)
        with run.session():
            for name, file in files:
                data = file.read_bytes()
                run.item(
                    name,
                    f"file:{name}",
                    checksum(data),
                    lambda record, data=data, name=name: self._import(data, name, fixed, record),
                )
        if options.get("verbosity", 1) >= 1:
            for line in run.report:
                self.stdout.write(line)
        self.stdout.write(run.summary())

    def _import(self, data: bytes, name: str, fixed: NewsIndexPage | None, record) -> dict:
        release = parsing.parse(data, name)
        if not release.title:
            raise ValueError("no title found")
        newsroom = fixed or (
            NewsIndexPage.objects.filter(locale__language_code=release.language).first()
        )
        if newsroom is None:
            raise ValueError(f"no newsroom in language {release.language!r}")
        matched = match_release(release, newsroom.locale)
        page = None
        if record is not None and record.page_id:
            page = NewsPage.objects.filter(pk=record.page_id).first()
        # In a dry run too: the run's session is rolled back at the end, so the report says
        # what a real run would do, errors included.
        page = save_draft(matched.draft, newsroom, page=page)
        note = f"{release.kind}, {len(release.body)} blocks"
        if matched.unmatched:
            note += f"; new (not on the site yet): {', '.join(matched.unmatched)}"
        return {"page": page, "note": note}
