"""A GIN index on ``title || body`` of Wagtail's PostgreSQL search index.

Wagtail's database backend matches ``(title || body) @@ query``, an expression PostgreSQL has
no statistics for: it guessed one matching row where there were thousands, chose a nested
loop, and a filtered search over 10,000 items took 18 s instead of 40 ms. An index on exactly
that expression gives the planner statistics (after ANALYZE) and an index to use. On other
databases this migration does nothing.
"""

from django.db import migrations

from search.migrations._postgres import run_on_postgresql

INDEX = "search_indexentry_title_body_gin"
CREATE = f"""
CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body));
ANALYZE wagtailsearch_indexentry;
"""
DROP = f"DROP INDEX IF EXISTS {INDEX}"


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [run_on_postgresql(CREATE, DROP)]
