"""Benchmark (not a test): requests per second of our news list endpoint against Wagtail's
stock pages listing of the same items, with 10,000 published news items, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom python tests/perf/bench_api.py

The script creates Django's throw-away test database next to DATABASE_URL's (test_<name>),
loads the items in bulk, times both endpoints through the full middleware stack (Django's
test client: no network, so the figures compare the application, not a server), prints the
ratio, and drops the database. Options: --items N, --requests N, --limit N.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")


def load(items: int) -> dict:
    """A ru site with a newsroom of ``items`` published news items, tagged, in bulk."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Page

    from newsroom.models import NewsCountry, NewsPage, NewsTheme
    from programme.models import CountryTag, ThemeTag
    from tests.factories.newsroom import NewsIndexPageFactory
    from tests.factories.portal import build_site

    homes = build_site(("ru", "en"))
    newsroom = NewsIndexPageFactory(parent=homes["ru"])
    newsroom.save_revision().publish()
    newsroom.refresh_from_db()
    countries = [
        CountryTag.objects.get_or_create(slug=s, name=s.upper())[0]
        for s in "kz kg tj tm uz".split()
    ]
    themes = [
        ThemeTag.objects.get_or_create(slug=s, name=s)[0]
        for s in ("prevention", "treatment", "research")
    ]
    content_type = ContentType.objects.get_for_model(NewsPage)
    start = timezone.make_aware(datetime.datetime(2020, 1, 1))
    now = timezone.now()
    pages = []
    for n in range(items):
        slug = f"news-{n}"
        pages.append(
            Page(
                title=f"Новость номер {n} о профилактике",
                draft_title=f"Новость номер {n} о профилактике",
                slug=slug,
                content_type=content_type,
                locale_id=newsroom.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                url_path=f"{newsroom.url_path}{slug}/",
                path=Page._get_path(newsroom.path, newsroom.depth + 1, n + 1),
                depth=newsroom.depth + 1,
                numchild=0,
            )
        )
    child_fields = [f for f in NewsPage._meta.local_concrete_fields if f.name != "page_ptr"]
    with transaction.atomic():
        Page.objects.bulk_create(pages, batch_size=1000)
        Page.objects.filter(pk=newsroom.pk).update(numchild=items)
        rows = []
        for n, page in enumerate(pages):
            item = NewsPage(
                kind=NewsPage.Kind.values[n % 4],
                publication_date=start + datetime.timedelta(hours=n),
                dateline_place="Алматы",
                standfirst="Краткое содержание новости.",
                body=[("paragraph", "<p>Текст новости.</p>")],
            )
            values = [page.pk] + [
                f.get_db_prep_save(f.pre_save(item, True), connection) for f in child_fields
            ]
            rows.append(values)
        columns = ", ".join(["page_ptr_id"] + [f.column for f in child_fields])
        marks = ", ".join(["%s"] * (len(child_fields) + 1))
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {NewsPage._meta.db_table} ({columns}) VALUES ({marks})", rows
            )
        NewsCountry.objects.bulk_create(
            [
                NewsCountry(content_object_id=p.pk, tag=countries[n % 5])
                for n, p in enumerate(pages)
            ],
            batch_size=2000,
        )
        NewsTheme.objects.bulk_create(
            [NewsTheme(content_object_id=p.pk, tag=themes[n % 3]) for n, p in enumerate(pages)],
            batch_size=2000,
        )
    return {"homes": homes, "newsroom": newsroom}


def rate(client, url: str, requests: int) -> tuple[float, int]:
    """Requests per second (median of three rounds) and the response size."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    size = len(response.content)
    rounds = []
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(requests):
            client.get(url)
        rounds.append(requests / (time.perf_counter() - started))
    return statistics.median(rounds), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    if connection.vendor != "postgresql":
        sys.exit("bench_api.py measures PostgreSQL: set DATABASE_URL=postgres://...")
    # Search indexing of 10,000 bulk rows is not what is measured here.
    for backend in settings.WAGTAILSEARCH_BACKENDS.values():
        backend["AUTO_UPDATE"] = False
    setup_test_environment()
    print("Creating the benchmark database (migrations)...", flush=True)
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        started = time.perf_counter()
        load(args.items)
        print(f"Loaded {args.items} news items in {time.perf_counter() - started:.1f} s")
        client = Client()
        limit = args.limit
        ours_url = f"/api/v3/news/?locale=ru&limit={limit}"
        stock_url = f"/api/v3/pages/?type=newsroom.NewsPage&locale=ru&limit={limit}"
        ours_filtered = f"/api/v3/news/?locale=ru&country=kz&theme=prevention&limit={limit}"
        stock_filtered = f"/api/v3/pages/?type=newsroom.NewsPage&locale=ru&kind=news&limit={limit}"
        results = {}
        for name, url in [
            ("ours: /api/v3/news/", ours_url),
            ("stock: /api/v3/pages/?type=newsroom.NewsPage", stock_url),
            ("ours, filtered by country+theme", ours_filtered),
            ("stock, filtered by kind", stock_filtered),
        ]:
            results[name] = rate(client, url, args.requests)
        print(f"\n{args.items} news items, limit={limit}, {args.requests} requests x 3 rounds")
        print(f"{'endpoint':48} {'req/s':>8} {'bytes':>8}")
        for name, (per_second, size) in results.items():
            print(f"{name:48} {per_second:8.1f} {size:8d}")
        ours = results["ours: /api/v3/news/"][0]
        stock = results["stock: /api/v3/pages/?type=newsroom.NewsPage"][0]
        print(f"\nratio ours/stock (unfiltered): {ours / stock:.2f}")
    finally:
        teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    main()
