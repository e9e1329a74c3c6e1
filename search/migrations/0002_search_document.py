"""``search_document``: one tsvector per indexed page, ``title || body`` of Wagtail's index
entry, stored, with a GIN index (``search.models.SearchDocument``).

A trigger on ``wagtailsearch_indexentry`` writes it: every path that writes Wagtail's index
(publishing, ``rebuild_search_index``, unpublishing, deleting, the atomic rebuild's
transaction) writes the document in the same statement, so the two never disagree; a
truncate of the index empties it. Only entries of pages get one (an entry whose object id is
a page of that content type). Existing entries are copied when the migration runs.

No foreign key to the page table: Django's ``flush`` truncates the tables it manages and
this one is not among them. A search reaches a document from a visible page only, so a row
left behind by a page deleted without Wagtail's signals is never read.

``facets`` (``search.facet_tokens``) is written by the index itself after the entry, from
the page's FilterFields: NULL until then (the copied rows until ``rebuild_search_index``; a
row rewritten by anything else), and a search that meets a NULL takes the slower path that
needs none (``search.services.documents``). On other databases this migration does nothing.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import migrations, models

from search.migrations._postgres import run_on_postgresql

#: The index entry's trigger function as this migration writes it (0003 restores it when
#: unapplied).
SYNC_FUNCTION = """
CREATE OR REPLACE FUNCTION search_document_sync() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.object_id ~ '^[0-9]{1,9}$' THEN
        DELETE FROM search_document
        WHERE page_id = OLD.object_id::integer AND content_type_id = OLD.content_type_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.object_id ~ '^[0-9]{1,9}$' THEN
        INSERT INTO search_document (page_id, content_type_id, document)
        SELECT p.id, NEW.content_type_id, NEW.title || NEW.body
        FROM wagtailcore_page p
        WHERE p.id = NEW.object_id::integer AND p.content_type_id = NEW.content_type_id
        ON CONFLICT (page_id) DO UPDATE
            SET content_type_id = EXCLUDED.content_type_id, document = EXCLUDED.document,
                facets = NULL;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""

CREATE = (
    """
CREATE TABLE IF NOT EXISTS search_document (
    page_id integer PRIMARY KEY,
    content_type_id integer NOT NULL,
    document tsvector NOT NULL,
    facets text[]
);
CREATE INDEX IF NOT EXISTS search_document_gin ON search_document USING gin (document);

"""
    + SYNC_FUNCTION
    + """
DROP TRIGGER IF EXISTS search_document_sync ON wagtailsearch_indexentry;
CREATE TRIGGER search_document_sync
    AFTER INSERT OR UPDATE OF object_id, content_type_id, title, body OR DELETE
    ON wagtailsearch_indexentry
    FOR EACH ROW EXECUTE FUNCTION search_document_sync();

CREATE OR REPLACE FUNCTION search_document_truncate() RETURNS trigger AS $$
BEGIN
    TRUNCATE search_document;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS search_document_truncate ON wagtailsearch_indexentry;
CREATE TRIGGER search_document_truncate AFTER TRUNCATE ON wagtailsearch_indexentry
    FOR EACH STATEMENT EXECUTE FUNCTION search_document_truncate();

INSERT INTO search_document (page_id, content_type_id, document)
SELECT p.id, e.content_type_id, e.title || e.body
FROM wagtailsearch_indexentry e
JOIN wagtailcore_page p
    ON e.object_id ~ '^[0-9]{1,9}$' AND p.id = e.object_id::integer
    AND p.content_type_id = e.content_type_id
ON CONFLICT (page_id) DO NOTHING;
ANALYZE search_document;
"""
)

DROP = """
DROP TRIGGER IF EXISTS search_document_sync ON wagtailsearch_indexentry;
DROP TRIGGER IF EXISTS search_document_truncate ON wagtailsearch_indexentry;
DROP FUNCTION IF EXISTS search_document_sync();
DROP FUNCTION IF EXISTS search_document_truncate();
DROP TABLE IF EXISTS search_document;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_title_body_index"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        run_on_postgresql(CREATE, DROP),
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=models.DO_NOTHING,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="wagtailcore.page",
                    ),
                ),
                ("content_type_id", models.IntegerField()),
                ("document", SearchVectorField()),
                ("facets", ArrayField(models.TextField(), null=True)),
            ],
            options={"db_table": "search_document", "managed": False},
        ),
    ]
