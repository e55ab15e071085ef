import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models


# The migration keeps its own copy of the update (proposals/search.py SEARCH_UPDATE_SQL), for the columns that
# exist at this point: later migrations add columns that the current update also writes.
UPDATE_SQL = """
UPDATE proposals_proposal AS p SET
    search_vector = d.vector::tsvector,
    search_head = d.head::tsvector,
    search_places = d.places,
    search_tags = d.tags
FROM unnest(%s::int[], %s::text[], %s::text[], %s::text[], %s::text[])
    AS d(id, vector, head, places, tags)
WHERE p.id = d.id
"""


def reindex(apps, schema_editor):
    from proposals.search import search_reindex

    search_reindex(using_connection=schema_editor.connection, update_sql=UPDATE_SQL)


# A search's facets and page, kept per query until any idea changes. Every statement that writes an idea (or
# a tag) bumps one generation number; a cached result counts only for the generation it was computed in, so it
# is never stale. proposals_search_cached() runs a search (with sequential scans off: the GIN bitmap is always
# the better plan; and more work_mem for the hits of a common word) or returns its cached rows, in one round
# trip.
SEARCH_CACHE_SQL = [
    "CREATE TABLE proposals_searchgeneration (id integer PRIMARY KEY CHECK (id = 1), n bigint NOT NULL)",
    "INSERT INTO proposals_searchgeneration VALUES (1, 0)",
    "CREATE UNLOGGED TABLE proposals_searchcache (search_key text PRIMARY KEY, generation bigint NOT NULL, "
    "result jsonb NOT NULL)",
    """
    CREATE FUNCTION proposals_search_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE proposals_searchgeneration SET n = n + 1 WHERE id = 1;
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER proposals_search_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON proposals_proposal FOR EACH STATEMENT EXECUTE FUNCTION proposals_search_generation_bump()
    """,
    """
    CREATE TRIGGER proposals_search_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON taggit_tag FOR EACH STATEMENT EXECUTE FUNCTION proposals_search_generation_bump()
    """,
    """
    CREATE FUNCTION proposals_search_cached(p_key text, p_sql text)  -- p_sql returns (kind, key, label, n)
    RETURNS TABLE (row_kind text, row_key text, row_label text, row_n integer)
    LANGUAGE plpgsql SET enable_seqscan = off SET work_mem = '32MB' AS $$
    DECLARE
        current bigint;
        found jsonb;
    BEGIN
        SELECT g.n INTO current FROM proposals_searchgeneration g WHERE g.id = 1;
        SELECT c.result INTO found FROM proposals_searchcache c
        WHERE c.search_key = p_key AND c.generation = current;
        IF found IS NULL THEN
            EXECUTE 'SELECT coalesce(jsonb_agg(jsonb_build_array(r.kind, r.key, r.label, r.n)), ''[]'') '
                'FROM (' || p_sql || ') AS r'
                INTO found;
            INSERT INTO proposals_searchcache (search_key, generation, result) VALUES (p_key, current, found)
            ON CONFLICT ON CONSTRAINT proposals_searchcache_pkey
            DO UPDATE SET generation = excluded.generation, result = excluded.result;
            IF random() < 0.02 THEN
                DELETE FROM proposals_searchcache c WHERE c.generation < current;
            END IF;
        END IF;
        RETURN QUERY SELECT e->>0, e->>1, e->>2, (e->>3)::integer FROM jsonb_array_elements(found) AS e;
    END $$
    """,
]
SEARCH_CACHE_REVERSE_SQL = [
    "DROP FUNCTION proposals_search_cached(text, text)",
    "DROP TRIGGER proposals_search_generation ON taggit_tag",
    "DROP TRIGGER proposals_search_generation ON proposals_proposal",
    "DROP FUNCTION proposals_search_generation_bump()",
    "DROP TABLE proposals_searchcache",
    "DROP TABLE proposals_searchgeneration",
]


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0003_proposal_area_id"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.AddField(
            model_name="proposal",
            name="search_head",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="proposal",
            name="search_places",
            field=models.TextField(default=",", editable=False),
        ),
        migrations.AddField(
            model_name="proposal",
            name="search_tags",
            field=models.TextField(default=",", editable=False),
        ),
        migrations.AddIndex(
            model_name="proposal",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_head"], name="proposal_search_head_gin"
            ),
        ),
        # A search reads the row of every hit: the ranking vector and the facet lists stay in the row, where
        # reading them costs nothing more; long texts and the matching vector go out to TOAST in large rows.
        migrations.RunSQL(
            sql=[
                "ALTER TABLE proposals_proposal ALTER COLUMN search_head SET STORAGE PLAIN, "
                "ALTER COLUMN search_places SET STORAGE MAIN, ALTER COLUMN search_tags SET STORAGE MAIN",
                "ALTER TABLE proposals_proposal SET (toast_tuple_target = 256)",
            ],
            reverse_sql=[
                "ALTER TABLE proposals_proposal RESET (toast_tuple_target)",
                "ALTER TABLE proposals_proposal ALTER COLUMN search_head SET STORAGE EXTENDED, "
                "ALTER COLUMN search_places SET STORAGE EXTENDED, "
                "ALTER COLUMN search_tags SET STORAGE EXTENDED",
            ],
        ),
        migrations.RunPython(reindex, migrations.RunPython.noop),
        migrations.RunSQL(sql=SEARCH_CACHE_SQL, reverse_sql=SEARCH_CACHE_REVERSE_SQL),
    ]
