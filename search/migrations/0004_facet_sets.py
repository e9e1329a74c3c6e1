"""Each distinct set of facet tokens once, in ``search_facet_set``, and each document pointing
at its set (``search_document.facet_set_id``).

A search counts its facets from its matches grouped by their tokens: there are far fewer
sets than matches (some 600 among 50,000 at 100,000 items). Grouping 50,000 text arrays
cost 20 to 35 ms of a 110 ms search; grouping their set ids costs a few, and the matches
carried through the statement shrink from a hundred bytes of tokens to four.

A trigger before every write of ``search_document.facets`` finds or adds the set and stores
its id, so whoever writes the tokens (the index, a bulk load in SQL) needs to know nothing
of it; tokens set back to NULL (a document rewritten, its tokens not yet written) clear it.
Sets no document uses any more are left in place: there are few, and a search never reads a
set that no match points at. On other databases this migration does nothing.
"""

from django.db import migrations, models

from search.migrations._postgres import run_on_postgresql

CREATE = """
CREATE TABLE IF NOT EXISTS search_facet_set (
    id serial PRIMARY KEY,
    facets text[] NOT NULL UNIQUE
);
ALTER TABLE search_document ADD COLUMN IF NOT EXISTS facet_set_id integer;

CREATE OR REPLACE FUNCTION search_document_facet_set() RETURNS trigger AS $$
DECLARE found integer;
BEGIN
    IF NEW.facets IS NULL THEN
        NEW.facet_set_id := NULL;
        RETURN NEW;
    END IF;
    SELECT id INTO found FROM search_facet_set WHERE facets = NEW.facets;
    IF found IS NULL THEN
        INSERT INTO search_facet_set (facets) VALUES (NEW.facets)
        ON CONFLICT (facets) DO NOTHING RETURNING id INTO found;
        IF found IS NULL THEN  -- added meanwhile by another transaction
            SELECT id INTO found FROM search_facet_set WHERE facets = NEW.facets;
        END IF;
    END IF;
    NEW.facet_set_id := found;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS search_document_facet_set ON search_document;
CREATE TRIGGER search_document_facet_set
    BEFORE INSERT OR UPDATE OF facets ON search_document
    FOR EACH ROW EXECUTE FUNCTION search_document_facet_set();

INSERT INTO search_facet_set (facets)
SELECT DISTINCT facets FROM search_document WHERE facets IS NOT NULL
ON CONFLICT (facets) DO NOTHING;
UPDATE search_document d SET facet_set_id = s.id
FROM search_facet_set s WHERE s.facets = d.facets;
ANALYZE search_facet_set;
ANALYZE search_document;
"""

DROP = """
DROP TRIGGER IF EXISTS search_document_facet_set ON search_document;
DROP FUNCTION IF EXISTS search_document_facet_set();
ALTER TABLE search_document DROP COLUMN IF EXISTS facet_set_id;
DROP TABLE IF EXISTS search_facet_set;
"""


class Migration(migrations.Migration):
    dependencies = [("search", "0003_document_visibility")]

    operations = [
        run_on_postgresql(CREATE, DROP),
        migrations.AddField("searchdocument", "facet_set_id", models.IntegerField(null=True)),
    ]
