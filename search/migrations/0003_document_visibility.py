"""The search document carries what the visibility rule reads of its page, so a search reads
one table: ``locale_id``, ``first_published_at``, ``expire_at``, and ``visible``, the rule's
parts that no clock moves (``headless.visibility``: live, not an alias, not expired, no view
restriction on the page or an ancestor).

Joining 50,000 matches to the page table and its view restrictions, to learn which of them a
reader may see, cost more than the text search, the rank and the facets together (some 40 of
110 ms at 100,000 items). Triggers keep the copy in step with the page, whoever changes it:

* the index entry's trigger (``0002``) writes them with the document;
* a change of one of these columns of ``wagtailcore_page`` rewrites the page's document
  (publishing, unpublishing, an expiry, a move: treebeard rewrites every moved path);
* a view restriction added, changed or removed rewrites the documents of every page at or
  below the restricted page.

The clock's parts (an expiry date passed, an embargo date to come) are still compared with
*now* when the search runs (``search.services.documents``): no stored flag can follow a
clock. On other databases this migration does nothing.
"""

from importlib import import_module

from django.db import migrations, models

from search.migrations._postgres import run_on_postgresql

CREATE = """
ALTER TABLE search_document
    ADD COLUMN IF NOT EXISTS locale_id integer,
    ADD COLUMN IF NOT EXISTS first_published_at timestamptz,
    ADD COLUMN IF NOT EXISTS expire_at timestamptz,
    ADD COLUMN IF NOT EXISTS visible boolean NOT NULL DEFAULT false;

-- The rule's unclocked parts for one page (headless.visibility.visible_pages).
-- Arguments by number: in an SQL function a column's name wins over an argument's.
CREATE OR REPLACE FUNCTION search_document_visible(
    page_live boolean, page_alias_of_id integer, page_expired boolean, page_path text
) RETURNS boolean AS $$
    SELECT $1 AND $2 IS NULL AND NOT $3 AND NOT EXISTS (
        SELECT 1 FROM wagtailcore_pageviewrestriction r
        JOIN wagtailcore_page restricted ON restricted.id = r.page_id
        WHERE restricted.path = left($4, length(restricted.path))
    )
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION search_document_sync() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.object_id ~ '^[0-9]{1,9}$' THEN
        DELETE FROM search_document
        WHERE page_id = OLD.object_id::integer AND content_type_id = OLD.content_type_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.object_id ~ '^[0-9]{1,9}$' THEN
        INSERT INTO search_document (
            page_id, content_type_id, document, locale_id, first_published_at, expire_at,
            visible
        )
        SELECT p.id, NEW.content_type_id, NEW.title || NEW.body, p.locale_id,
            p.first_published_at, p.expire_at,
            search_document_visible(p.live, p.alias_of_id, p.expired, p.path)
        FROM wagtailcore_page p
        WHERE p.id = NEW.object_id::integer AND p.content_type_id = NEW.content_type_id
        ON CONFLICT (page_id) DO UPDATE
            SET content_type_id = EXCLUDED.content_type_id, document = EXCLUDED.document,
                facets = NULL, locale_id = EXCLUDED.locale_id,
                first_published_at = EXCLUDED.first_published_at,
                expire_at = EXCLUDED.expire_at, visible = EXCLUDED.visible;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION search_document_page_sync() RETURNS trigger AS $$
BEGIN
    UPDATE search_document
    SET locale_id = NEW.locale_id, first_published_at = NEW.first_published_at,
        expire_at = NEW.expire_at,
        visible = search_document_visible(NEW.live, NEW.alias_of_id, NEW.expired, NEW.path)
    WHERE page_id = NEW.id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS search_document_page_sync ON wagtailcore_page;
CREATE TRIGGER search_document_page_sync
    AFTER UPDATE OF live, expired, alias_of_id, path, locale_id, first_published_at, expire_at
    ON wagtailcore_page
    FOR EACH ROW
    WHEN (
        OLD.live IS DISTINCT FROM NEW.live
        OR OLD.expired IS DISTINCT FROM NEW.expired
        OR OLD.alias_of_id IS DISTINCT FROM NEW.alias_of_id
        OR OLD.path IS DISTINCT FROM NEW.path
        OR OLD.locale_id IS DISTINCT FROM NEW.locale_id
        OR OLD.first_published_at IS DISTINCT FROM NEW.first_published_at
        OR OLD.expire_at IS DISTINCT FROM NEW.expire_at
    )
    EXECUTE FUNCTION search_document_page_sync();

CREATE OR REPLACE FUNCTION search_document_restriction_sync() RETURNS trigger AS $$
BEGIN
    -- Every page at or below the restricted page (before and after an update): with the
    -- restriction gone another one may still hide it, so the rule is asked again.
    UPDATE search_document d
    SET visible = search_document_visible(p.live, p.alias_of_id, p.expired, p.path)
    FROM wagtailcore_page p, wagtailcore_page restricted
    WHERE restricted.id IN (OLD.page_id, NEW.page_id)
        AND left(p.path, length(restricted.path)) = restricted.path
        AND d.page_id = p.id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS search_document_restriction_sync ON wagtailcore_pageviewrestriction;
CREATE TRIGGER search_document_restriction_sync
    AFTER INSERT OR UPDATE OR DELETE ON wagtailcore_pageviewrestriction
    FOR EACH ROW EXECUTE FUNCTION search_document_restriction_sync();

UPDATE search_document d
SET locale_id = p.locale_id, first_published_at = p.first_published_at,
    expire_at = p.expire_at,
    visible = search_document_visible(p.live, p.alias_of_id, p.expired, p.path)
FROM wagtailcore_page p
WHERE p.id = d.page_id;
CREATE INDEX IF NOT EXISTS search_document_locale ON search_document (locale_id);
ANALYZE search_document;
"""

#: Unapplied: the index entry's trigger function back as 0002 wrote it.
DROP = (
    """
DROP TRIGGER IF EXISTS search_document_restriction_sync ON wagtailcore_pageviewrestriction;
DROP TRIGGER IF EXISTS search_document_page_sync ON wagtailcore_page;
DROP FUNCTION IF EXISTS search_document_restriction_sync();
DROP FUNCTION IF EXISTS search_document_page_sync();
"""
    + import_module("search.migrations.0002_search_document").SYNC_FUNCTION
    + """
DROP FUNCTION IF EXISTS search_document_visible(boolean, integer, boolean, text);
DROP INDEX IF EXISTS search_document_locale;
ALTER TABLE search_document
    DROP COLUMN IF EXISTS locale_id,
    DROP COLUMN IF EXISTS first_published_at,
    DROP COLUMN IF EXISTS expire_at,
    DROP COLUMN IF EXISTS visible;
"""
)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_search_document")]

    operations = [
        run_on_postgresql(CREATE, DROP),
        migrations.AddField("searchdocument", "locale_id", models.IntegerField(null=True)),
        migrations.AddField(
            "searchdocument", "first_published_at", models.DateTimeField(null=True)
        ),
        migrations.AddField("searchdocument", "expire_at", models.DateTimeField(null=True)),
        migrations.AddField("searchdocument", "visible", models.BooleanField(default=False)),
    ]
