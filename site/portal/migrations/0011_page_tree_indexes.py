"""Indexes on Wagtail's page table for the reads this site makes on every request.

* ``url_path``: ``portal.routing`` reads every page on a request's path in one query by
  ``url_path``, which Wagtail does not index (a scan of the page table: 41 ms at 100,000
  items).
* ``(depth, path)``: menus and children (``depth = n`` and a path range or prefix); the path
  index alone walks every descendant and filters on depth (33 ms for the main menu at
  100,000 items). Two operator classes on PostgreSQL: the default one for ranges
  (``BETWEEN``), ``varchar_pattern_ops`` for ``LIKE 'prefix%'``.

Wagtail's own model state is left alone (the indexes are SQL only), so they survive
Wagtail's migrations and never show in ``makemigrations``.
"""

from django.db import migrations

INDEXES = {
    "postgresql": [
        "CREATE INDEX IF NOT EXISTS portal_page_url_path ON wagtailcore_page (url_path)",
        "CREATE INDEX IF NOT EXISTS portal_page_depth_path ON wagtailcore_page (depth, path)",
        "CREATE INDEX IF NOT EXISTS portal_page_depth_path_like "
        "ON wagtailcore_page (depth, path varchar_pattern_ops)",
    ],
    "sqlite": [
        "CREATE INDEX IF NOT EXISTS portal_page_url_path ON wagtailcore_page (url_path)",
        "CREATE INDEX IF NOT EXISTS portal_page_depth_path ON wagtailcore_page (depth, path)",
    ],
}
NAMES = ("portal_page_url_path", "portal_page_depth_path", "portal_page_depth_path_like")


def create(apps, schema_editor) -> None:
    for statement in INDEXES.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def drop(apps, schema_editor) -> None:
    for name in NAMES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0010_machine_translation_jobs"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
