"""EXPLAIN every query the news listing and the news API run, for each filter combination,
on a PostgreSQL database holding many items (not a test: ``make bench`` runs it on the
bench databases; alone: ``DATABASE_URL=postgres://... python tests/perf/explain_news.py``).

Each URL is requested through Django's test client (each API listing also by the cursor its
first page gives) with the queries captured (as PostgreSQL
received them), then each SELECT that reads the news table is EXPLAINed. A plan fails when a
Sort node expects more rows than ``--max-sort`` (default: a tenth of the items, at least
1,000): that is a sort of the table or most of it, where an index should give the order.
Exit status 1 when any plan fails.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
# Pages are rendered here without collected static files: their plain names, no manifest.
os.environ.setdefault("STATIC_MANIFEST", "false")

FILTERS = {
    "country": "country=kz",
    "theme": "theme=prevention",
    "kind": "kind=news",
    "date": "date_from=2018-01-01&date_to=2022-12-31",
}


def urls(phase_id: int | None, partner_id: int | None) -> list[str]:
    filters = dict(FILTERS)
    if phase_id:
        filters["phase"] = f"phase={phase_id}"
    if partner_id:
        filters["partner"] = f"partner={partner_id}"
    found = []
    for size in range(0, 3):
        for combo in itertools.combinations(filters, size):
            query = "&".join(filters[name] for name in combo)
            found.append(f"/api/v3/news/?locale=ru&limit=20&{query}")
    found.append("/api/v3/news/?locale=ru&limit=20&ordering=publication_date")
    found.append("/ru/news/")
    found.append("/ru/news/?country=kz&theme=prevention")
    return found


def sorts(plan: dict) -> list[dict]:
    found = [plan] if plan.get("Node Type") in ("Sort", "Incremental Sort") else []
    for child in plan.get("Plans", []):
        found.extend(sorts(child))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-sort", type=int, default=None)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from newsroom.models import NewsPage
    from programme.models import PartnerOrganisationPage, ProgrammePhasePage

    if connection.vendor != "postgresql":
        sys.exit("explain_news.py reads PostgreSQL plans: set DATABASE_URL=postgres://...")
    items = NewsPage.objects.count()
    limit = args.max_sort or max(1000, items // 10)
    phase = ProgrammePhasePage.objects.values_list("pk", flat=True).first()
    partner = PartnerOrganisationPage.objects.values_list("pk", flat=True).first()
    client = Client()
    failures = 0
    print(f"{items} news items; a plan fails on a sort of more than {limit} rows")
    pending = urls(phase, partner)
    while pending:
        url = pending.pop(0)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            status = response.status_code
        if url.startswith("/api/") and "cursor=" not in url and status == 200:
            # The page after this one, by cursor (keyset: no offset, no count).
            following = response.json().get("next_cursor")
            if following:
                pending.insert(0, f"{url}&cursor={following}")
        worst = 0
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.startswith("SELECT") or "newsroom_newspage" not in sql:
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
                row = cursor.fetchone()[0]
                plan = (row if isinstance(row, list) else json.loads(row))[0]["Plan"]
            for node in sorts(plan):
                worst = max(worst, int(node.get("Plan Rows", 0)))
        verdict = "ok" if worst <= limit else "SORTS TOO MUCH"
        failures += worst > limit
        print(f"{status} {verdict:15} largest sort {worst:7d} rows  {url}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
