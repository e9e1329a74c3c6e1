"""Search latency on the database backend with 10,000 news items in two locales (PostgreSQL).

Not a test (pytest does not collect bench_*.py). Run from the repository root:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_search_bench \\
        .venv/bin/python tests/perf/bench_search.py [--items 10000] [--runs 300] [--reuse]

It creates the database when missing, migrates it, builds a ru + en site with ``--items``
news items (half per locale, bulk-created: tree paths computed, no per-page signals), indexes
them with ``rebuild_search_index`` and times ``search.services.run_search()`` (results,
facets, snippets; query logging off) for typical queries, printing p50/p95 per scenario.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

RU_WORDS = (
    "профилактика профилактике наркотиков наркотики лечение лечения зависимости молодёжь "
    "молодёжи школа школах семинар семинаре программа программы партнёры министерство "
    "здравоохранения фаза фазы тренинг тренинге волонтёры волонтёров центр центра граница "
    "границе таможня таможни исследование исследования доклад доклада конференция"
).split()
EN_WORDS = (
    "prevention preventing drug drugs treatment treating addiction youth school schools "
    "seminar programme programmes partners ministry health phase phases training trainers "
    "volunteers centre centres border borders customs research report reports conference"
).split()
SCENARIOS = [
    ("ru one word (stemmed)", "ru", "наркотик", None),
    ("ru two words", "ru", "профилактика школа", None),
    ("ru word + country filter", "ru", "лечение", {"country": ["kz"]}),
    ("ru rare word", "ru", "таможня граница доклад", None),
    ("ru no match (did you mean)", "ru", "наркотег", None),
    ("en one word (stemmed)", "en", "prevent", None),
    ("en two words + kind filter", "en", "drug treatment", {"kind": ["press_release"]}),
    ("en facets only (no query)", "en", "", {"year": ["2022"]}),
]


def ensure_database(url: str, fresh: bool = False) -> None:
    """Create the database of ``url`` if it does not exist (``fresh``: drop it first)."""
    import psycopg
    from dj_database_url import parse

    config = parse(url)
    name = config["NAME"]
    conninfo = dict(
        host=config["HOST"] or "127.0.0.1",
        port=config["PORT"] or 5432,
        user=config["USER"] or "postgres",
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with psycopg.connect(**conninfo) as conn:
        if fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def sentence(rng: random.Random, words: list[str], n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(n))


def build(items: int, seed: int = 6) -> None:
    import datetime

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from newsroom.models import NewsIndexPage, NewsPage
    from programme.models import CountryTag, ThemeTag
    from tests.factories.newsroom import NewsIndexPageFactory
    from tests.factories.portal import build_site

    rng = random.Random(seed)
    homes = build_site()
    countries = [
        CountryTag.objects.get_or_create(slug=c, name=c.upper())[0]
        for c in "kz kg tj tm uz".split()
    ]
    themes = [
        ThemeTag.objects.get_or_create(slug=t, name=t)[0]
        for t in ("prevention", "treatment", "research")
    ]
    content_type = ContentType.objects.get_for_model(NewsPage)
    per_locale = items // 2
    for language, words in (("ru", RU_WORDS), ("en", EN_WORDS)):
        locale = Locale.objects.get(language_code=language)
        index: NewsIndexPage = NewsIndexPageFactory(parent=homes[language], slug="news")
        index.save_revision().publish()
        index.refresh_from_db()
        now = timezone.now()
        bases, specifics = [], []
        for i in range(per_locale):
            path = index.path + _step(i + 1)
            title = sentence(rng, words, 5).capitalize()
            slug = f"item-{i}"
            published = timezone.make_aware(
                datetime.datetime(2015 + i % 10, 1 + i % 12, 1 + i % 28, 10)
            )
            bases.append(
                Page(
                    path=path,
                    depth=index.depth + 1,
                    numchild=0,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    url_path=f"{index.url_path}{slug}/",
                    content_type=content_type,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    latest_revision_created_at=now,
                )
            )
            specifics.append(
                dict(
                    kind=rng.choice([k for k, _ in NewsPage.Kind.choices]),
                    publication_date=published,
                    dateline_place="Алматы" if language == "ru" else "Almaty",
                    standfirst=sentence(rng, words, 20),
                    body=[
                        ("paragraph", f"<p>{sentence(rng, words, 60)}.</p>"),
                        ("paragraph", f"<p>{sentence(rng, words, 60)}.</p>"),
                    ],
                )
            )
        with transaction.atomic():
            created = Page.objects.bulk_create(bases, batch_size=1000)
            index.numchild = len(created)
            index.save(update_fields=["numchild"])
            through_c, through_t = NewsPage.countries.through, NewsPage.themes.through
            country_rows, theme_rows = [], []
            for base, fields in zip(created, specifics, strict=True):
                page = NewsPage(page_ptr_id=base.pk, **fields)
                page.__dict__.update(
                    {f.attname: getattr(base, f.attname) for f in Page._meta.concrete_fields}
                )
                page.save_base(raw=True)  # raw: the child row only, no signals acted on
                country_rows.append(through_c(content_object_id=base.pk, tag=rng.choice(countries)))
                theme_rows.append(through_t(content_object_id=base.pk, tag=rng.choice(themes)))
            through_c.objects.bulk_create(country_rows, batch_size=1000)
            through_t.objects.bulk_create(theme_rows, batch_size=1000)
        print(f"built {per_locale} {language} news items")


def _step(n: int) -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = alphabet[r] + out
    return out.rjust(4, "0")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * share
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=300, help="timed searches in total")
    parser.add_argument("--reuse", action="store_true", help="keep existing content and index")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("Set DATABASE_URL to a PostgreSQL database, e.g. .../newsroom_search_bench")
    ensure_database(url)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from newsroom.models import NewsPage
    from search.services import run_search

    call_command("migrate", verbosity=0)
    if not (args.reuse and NewsPage.objects.count() >= args.items):
        started = time.perf_counter()
        build(args.items)
        print(f"content built in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        call_command("rebuild_search_index", "--backend", "default", verbosity=0)
        print(f"indexed in {time.perf_counter() - started:.1f} s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    print(f"PostgreSQL {connection.pg_version}, {NewsPage.objects.count()} news items")
    runs = max(1, args.runs // len(SCENARIOS))
    everything: list[float] = []
    print(f"{'scenario':34} {'hits':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, language, query, filters in SCENARIOS:
        for _ in range(3):  # warm-up
            run_search(query, language=language, filters=filters, log=False)
        timings = []
        for i in range(runs):
            started = time.perf_counter()
            result = run_search(
                query, language=language, filters=filters, page=1 + i % 3, log=False
            )
            timings.append((time.perf_counter() - started) * 1000)
        everything.extend(timings)
        print(
            f"{name:34} {result.total:6d} {statistics.median(timings):8.1f} "
            f"{percentile(timings, 0.95):8.1f} {max(timings):8.1f}"
        )
    print(
        f"{'ALL':34} {'':6} {statistics.median(everything):8.1f} "
        f"{percentile(everything, 0.95):8.1f} {max(everything):8.1f}"
    )


if __name__ == "__main__":
    main()
