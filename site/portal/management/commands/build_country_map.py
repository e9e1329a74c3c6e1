"""``manage.py build_country_map``: write the home page's country map
(``portal/country_map/countries.json``) from world-atlas's TopoJSON.

Run it after ``npm ci`` when the programme's countries change or world-atlas is upgraded,
and commit the file: the site reads only the JSON, never node_modules.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.country_map import DATA_FILE
from portal.country_map.build import PROGRAMME_COUNTRIES, build_map

DEFAULT_SOURCE = Path(settings.BASE_DIR) / "node_modules" / "world-atlas" / "countries-50m.json"


class Command(BaseCommand):
    help = "Build the home page's country map (SVG path data) from world-atlas's TopoJSON."

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", type=Path, default=DEFAULT_SOURCE, help="A world-atlas countries file."
        )
        parser.add_argument("--output", type=Path, default=DATA_FILE)
        parser.add_argument(
            "--country",
            action="append",
            metavar="SLUG=NUMERIC",
            help="A programme country: our tag's slug and its ISO 3166-1 numeric code "
            "(kz=398); repeat it. Default: the five Central Asian countries.",
        )
        parser.add_argument(
            "--tolerance", type=float, default=0.6, help="Simplification, in map units."
        )

    def handle(self, *args, source: Path, output: Path, country, tolerance: float, **options):
        countries = dict(PROGRAMME_COUNTRIES)
        if country:
            try:
                countries = {
                    slug.strip().lower(): number.strip().zfill(3)
                    for slug, number in (item.split("=", 1) for item in country)
                }
            except ValueError as error:
                raise CommandError("--country takes SLUG=NUMERIC, for example kz=398") from error
        if not source.exists():
            raise CommandError(f"{source} is missing: run `npm ci` (world-atlas) first")
        with source.open(encoding="utf-8") as handle:
            topology = json.load(handle)
        try:
            data = build_map(topology, countries, tolerance=tolerance)
        except ValueError as error:
            raise CommandError(str(error)) from error
        package = json.loads((source.parent / "package.json").read_text(encoding="utf-8"))
        data["source"] += f" {package.get('version', '')} ({source.name})"
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        output.write_text(text, encoding="utf-8")
        self.stdout.write(
            f"Wrote {output} ({len(text.encode())} bytes, {len(data['countries'])} countries)."
        )
