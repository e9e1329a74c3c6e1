"""``manage.py export_iati [--output FILE]``: the IATI activities document (what
``/iati/activities.xml`` serves), to a file or standard output."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from programme.iati.document import render


class Command(BaseCommand):
    help = "Write the programme and its phases as IATI 2.03 activities."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")

    def handle(self, *args, output=None, **options):
        data = render()
        if output:
            Path(output).write_bytes(data)
            self.stderr.write(f"Wrote {len(data)} bytes to {output}")
        else:
            self.stdout.write(data.decode("utf-8"))
