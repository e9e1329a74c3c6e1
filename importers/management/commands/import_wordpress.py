"""``manage.py import_wordpress EXPORT.xml``: a WordPress site's posts become news items
(published when they were), its images enter the image library, links between posts become
page links and the old addresses redirect to the new pages. Polylang or WPML translations
become Wagtail translations. A second run changes nothing; see docs/importing.md."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from importers.runner import ImportRun
from importers.wordpress.importer import Options, WordPressImport
from importers.wordpress.rules import Rules
from importers.wordpress.wxr import BadExport, read_export
from newsroom.models import NewsIndexPage


class Command(BaseCommand):
    help = "Import a WordPress export (WXR) into the newsroom."

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WXR file (Tools > Export in WordPress).")
        parser.add_argument(
            "--newsroom",
            action="append",
            default=[],
            metavar="LANG=PAGE_ID",
            help="Newsroom of a language (default: the first newsroom in that language).",
        )
        parser.add_argument(
            "--language",
            help="Language of posts that name none (default: the site's default language).",
        )
        parser.add_argument("--rules", help="JSON file of category/tag rules.")
        parser.add_argument("--uploads", help="Local copy of wp-content/uploads.")
        parser.add_argument(
            "--no-download", action="store_true", help="Never fetch images over http(s)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Report, save nothing.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, **options):
        path = Path(options["export"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            export = read_export(path.read_bytes())
            rules = Rules.load(options.get("rules"))
        except (BadExport, ValueError, OSError) as error:
            raise CommandError(f"{path}: {error}") from error
        uploads = Path(options["uploads"] or settings.IMPORTERS_WORDPRESS_UPLOADS or ".")
        newsrooms = self._newsrooms(options["newsroom"])
        total = len(export.attachments) + len(
            [p for p in export.posts if p.status not in ("trash", "auto-draft", "inherit")]
        )
        run = ImportRun(
            total, self.stdout, self.stderr, options["dry_run"], not options["no_progress"]
        )
        with run.session():
            WordPressImport(
                export,
                Options(
                    newsrooms=newsrooms,
                    default_language=options.get("language")
                    or settings.LANGUAGE_CODE.split("-")[0],
                    rules=rules,
                    uploads=uploads
                    if (options["uploads"] or settings.IMPORTERS_WORDPRESS_UPLOADS)
                    else None,
                    allow_download=not options["no_download"],
                ),
                run,
            ).run_all()
        if options.get("verbosity", 1) >= 1:
            for line in run.report:
                self.stdout.write(line)
        self.stdout.write(run.summary())

    def _newsrooms(self, given: list[str]) -> dict[str, NewsIndexPage]:
        newsrooms: dict[str, NewsIndexPage] = {}
        for index in NewsIndexPage.objects.select_related("locale").order_by("path"):
            newsrooms.setdefault(index.locale.language_code, index)
        for value in given:
            language, _, page_id = value.partition("=")
            index = NewsIndexPage.objects.filter(
                pk=int(page_id) if page_id.isdigit() else 0
            ).first()
            if not language or index is None:
                raise CommandError(f"--newsroom {value}: give LANG=ID of a newsroom page")
            newsrooms[language] = index
        return newsrooms
