"""``manage.py compile_translations``: the interface catalogues to ``.mo`` (Babel, no gettext
needed). ``make run`` and ``make test`` call it; ``--stale`` skips up-to-date catalogues."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from portal.i18n.catalogues import compile_catalogues


class Command(BaseCommand):
    help = "Compile the interface's message catalogues (django.po -> django.mo) with Babel."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale", action="store_true", help="Only catalogues whose .mo is missing or older."
        )

    def handle(self, *args, stale: bool = False, **options):
        written = compile_catalogues(stale_only=stale)
        self.stdout.write(f"Compiled {len(written)} catalogue(s).")
