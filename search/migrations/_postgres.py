"""What every migration of this app does the same way: SQL run on PostgreSQL only.

The search documents, their triggers and indexes exist on PostgreSQL alone; on SQLite (the
quick start) and MySQL the generic search path needs none of them, so these migrations do
nothing there. (Django's migration loader skips modules whose name begins with ``_``.)
"""

from __future__ import annotations

from django.db import migrations


def run_on_postgresql(forward: str, backward: str) -> migrations.RunPython:
    """An operation running ``forward`` (``backward`` when unapplied) on PostgreSQL only."""

    def run(sql: str):
        def operation(apps, schema_editor) -> None:
            if schema_editor.connection.vendor == "postgresql":
                schema_editor.execute(sql)

        return operation

    return migrations.RunPython(run(forward), run(backward))
