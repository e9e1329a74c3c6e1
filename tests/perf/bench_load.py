"""Loading the benchmark's database (not a test): ``items`` news items in bulk, then the
search index. ``bench_http.py`` runs it in a child process with ``DATABASE_URL`` set, so
that Django is set up for that database only:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench_10000 \\
        .venv/bin/python tests/perf/bench_load.py 10000 [--reload] [--skip-search]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build(items: int, seed: int = 6) -> None:
    """A ru + en site with ``items`` news items (half per locale), tagged, with bodies: the
    page rows, news rows and tags by ``executemany`` (tree paths computed, ids taken from the
    page table's sequence); no per-page signal, so search indexing is a separate step."""
    import datetime
    import random
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from newsroom.models import NewsPage
    from programme.models import CountryTag, ThemeTag
    from tests.factories.newsroom import NewsIndexPageFactory
    from tests.factories.portal import build_site
    from tests.perf.bench_search import EN_WORDS, RU_WORDS, _step, sentence

    rng = random.Random(seed)
    homes = build_site()
    countries = [CountryTag.for_code(c) for c in "kz kg tj tm uz".split()]
    themes = [
        ThemeTag.objects.get_or_create(slug=t, name=t)[0]
        for t in ("prevention", "treatment", "research")
    ]
    content_type = ContentType.objects.get_for_model(NewsPage)
    kinds = [k for k, _ in NewsPage.Kind.choices]
    # Rows as lists of column values, not model instances: building 100,000 Page and
    # NewsPage objects was a third of the load. One template instance gives every column's
    # prepared default; each item overrides the columns that vary.
    page_fields = [f for f in Page._meta.local_concrete_fields if f.name != "id"]
    child_fields = [f for f in NewsPage._meta.local_concrete_fields if f.name != "page_ptr"]
    varying = {"title", "draft_title", "slug", "url_path", "path", "translation_key"}
    varying |= {"first_published_at", "last_published_at", "publication_date", "kind"}
    varying |= {"standfirst", "body", "dateline_place"}
    for language, words in (("ru", RU_WORDS), ("en", EN_WORDS)):
        locale = Locale.objects.get(language_code=language)
        index = NewsIndexPageFactory(parent=homes[language], slug="news")
        index.save_revision().publish()
        index.refresh_from_db()
        now = timezone.now()
        template = NewsPage(
            depth=index.depth + 1,
            numchild=0,
            content_type=content_type,
            locale=locale,
            live=True,
            has_unpublished_changes=False,
            latest_revision_created_at=now,
            dateline_place="Алматы" if language == "ru" else "Almaty",
        )
        defaults = {
            f.column: f.get_db_prep_save(f.pre_save(template, True), connection)
            for f in page_fields + child_fields
            if f.name not in varying
        }
        page_rows, child_rows, tag_rows = [], [], []
        for i in range(items // 2):
            title = sentence(rng, words, 5).capitalize()
            published = timezone.make_aware(
                datetime.datetime(2015 + i % 10, 1 + i % 12, 1 + i % 28, 10, i % 60)
            )
            page_rows.append(
                {
                    **defaults,
                    "title": title,
                    "draft_title": title,
                    "slug": f"item-{i}",
                    "url_path": f"{index.url_path}item-{i}/",
                    "path": index.path + _step(i + 1),
                    "translation_key": uuid.uuid4(),
                    "first_published_at": published,
                    "last_published_at": published,
                }
            )
            body = [{"type": "paragraph", "value": f"<p>{sentence(rng, words, 60)}.</p>"}]
            child_rows.append(
                {
                    **defaults,
                    "kind": rng.choice(kinds),
                    "publication_date": published,
                    "dateline_place": template.dateline_place,
                    "standfirst": sentence(rng, words, 20),
                    "body": json.dumps([{**block, "id": str(uuid.uuid4())} for block in body]),
                }
            )
            tag_rows.append((rng.choice(countries).pk, rng.choice(themes).pk))
        page_columns = [f.column for f in page_fields]
        child_columns = [f.column for f in child_fields]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT nextval(pg_get_serial_sequence('{Page._meta.db_table}', 'id'))"
                " FROM generate_series(1, %s)",
                [len(page_rows)],
            )
            ids = [row[0] for row in cursor.fetchall()]
            cursor.executemany(
                f"INSERT INTO {Page._meta.db_table} (id, {', '.join(page_columns)})"
                f" VALUES (%s, {', '.join(['%s'] * len(page_columns))})",
                [
                    [pk, *(row[c] for c in page_columns)]
                    for pk, row in zip(ids, page_rows, strict=True)
                ],
            )
            Page.objects.filter(pk=index.pk).update(numchild=len(ids))
            cursor.executemany(
                f"INSERT INTO {NewsPage._meta.db_table} (page_ptr_id, {', '.join(child_columns)})"
                f" VALUES (%s, {', '.join(['%s'] * len(child_columns))})",
                [
                    [pk, *(row[c] for c in child_columns)]
                    for pk, row in zip(ids, child_rows, strict=True)
                ],
            )
            for table, position in (("newsroom_newscountry", 0), ("newsroom_newstheme", 1)):
                cursor.executemany(
                    f"INSERT INTO {table} (content_object_id, tag_id) VALUES (%s, %s)",
                    [(pk, tags[position]) for pk, tags in zip(ids, tag_rows, strict=True)],
                )
        print(f"built {len(ids)} {language} news items", flush=True)


#: Above this many items the search index is written by SQL (``bulk_index``), not by
#: ``rebuild_search_index`` (about 100 items a second here: 100,000 would take 17 minutes).
BULK_INDEX_ABOVE = 20_000

#: The news items' index entries as Wagtail's PostgreSQL backend writes them
#: (``search.backends.postgres``): the title weighted C (its boost), the standfirst C, body
#: and dateline unweighted, in the locale's configuration, ``ё`` read as ``е``.
BULK_ENTRIES = """
INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title, autocomplete, body,
    title_norm, title_text, body_text)
SELECT p.content_type_id, p.id::text,
    setweight(to_tsvector(x.cfg, x.title), 'C'),
    to_tsvector('simple', x.title),
    setweight(to_tsvector(x.cfg, x.standfirst), 'C') || to_tsvector(x.cfg, x.body)
        || to_tsvector(x.cfg, lower(n.dateline_place)),
    1.0, p.title, x.standfirst || ' ' || x.body
FROM wagtailcore_page p
JOIN newsroom_newspage n ON n.page_ptr_id = p.id
JOIN wagtailcore_locale l ON l.id = p.locale_id
CROSS JOIN LATERAL (SELECT
    (CASE l.language_code WHEN 'ru' THEN 'russian' WHEN 'en' THEN 'english'
        ELSE 'simple' END)::regconfig AS cfg,
    translate(lower(p.title), 'ё', 'е') AS title,
    translate(lower(n.standfirst), 'ё', 'е') AS standfirst,
    translate(lower(regexp_replace(n.body::jsonb -> 0 ->> 'value', '<[^>]+>', ' ', 'g')),
        'ё', 'е') AS body) x
ON CONFLICT (content_type_id, object_id) DO NOTHING
"""

#: Their facet values (``search.facet_tokens``), the year in the site's time zone.
BULK_FACETS = """
UPDATE search_document d SET facets = ARRAY(SELECT DISTINCT t FROM unnest(
    ARRAY['content_type:' || p.content_type_id, 'kind:' || n.kind,
          'year:' || EXTRACT(YEAR FROM n.publication_date AT TIME ZONE %s)::integer]
    || ARRAY(SELECT 'country:' || tag_id FROM newsroom_newscountry WHERE content_object_id = p.id)
    || ARRAY(SELECT 'theme:' || tag_id FROM newsroom_newstheme WHERE content_object_id = p.id)
) AS t ORDER BY t)
FROM wagtailcore_page p JOIN newsroom_newspage n ON n.page_ptr_id = p.id
WHERE d.page_id = p.id
"""


def bulk_index() -> None:
    """The search index of a large bench database in two statements (the news items) and
    Wagtail's indexing for the few other pages: what ``rebuild_search_index`` writes, minus
    the partners' names a news item cites (the bench's items cite none)."""
    from django.conf import settings
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    from newsroom.models import NewsPage
    from search.facets import searchable_page_models

    with connection.cursor() as cursor:
        cursor.execute(BULK_ENTRIES)
        cursor.execute(BULK_FACETS, [settings.TIME_ZONE])
    backend = get_search_backend("default")
    for model in searchable_page_models():
        if model is not NewsPage:
            backend.add_bulk(
                model, list(model.objects.filter(content_type__model=model._meta.model_name))
            )


def load(items: int, reload: bool, skip_search: bool = False) -> None:
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    from tests.perf.bench_search import ensure_database

    ensure_database(os.environ["DATABASE_URL"], fresh=reload)  # --reload: a new database
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from newsroom.models import NewsPage

    for backend in settings.WAGTAILSEARCH_BACKENDS.values():
        backend["AUTO_UPDATE"] = False
    call_command("migrate", verbosity=0)
    if NewsPage.objects.count() < items:
        if NewsPage.objects.exists():
            sys.exit(f"{connection.settings_dict['NAME']} holds other content: use --reload")
        started = time.perf_counter()
        build(items)
        print(f"loaded {items} news items in {time.perf_counter() - started:.1f} s", flush=True)
        if not skip_search:
            started = time.perf_counter()
            if items > BULK_INDEX_ABOVE:
                bulk_index()
                how = "in SQL"
            else:
                call_command("rebuild_search_index", "--backend", "default", verbosity=0)
                how = "by rebuild_search_index"
            print(f"indexed for search {how} in {time.perf_counter() - started:.1f} s", flush=True)
        with connection.cursor() as cursor:
            # Indexing writes each search document twice (the entry's trigger, then its facet
            # values): compacted as docs/search.md tells operators to after a bulk load or a
            # full rebuild, or every search reads the dead half too.
            if not skip_search:
                cursor.execute("VACUUM FULL search_document")
            cursor.execute("ANALYZE")
    else:
        print(f"reusing {NewsPage.objects.count()} news items", flush=True)
    newsroom = NewsPage.objects.filter(locale__language_code="ru").first().get_parent()
    print("IDS " + json.dumps({"newsroom": newsroom.pk}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("items", type=int)
    parser.add_argument("--reload", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    args = parser.parse_args()
    load(args.items, args.reload, args.skip_search)


if __name__ == "__main__":
    main()
