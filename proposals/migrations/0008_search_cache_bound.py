from django.db import migrations

# The search cache (migration 0004) kept a row per distinct search and page until the bank next changed: a
# crawler asking for page after page, or search after search, grew the table without bound. Now each stored
# search takes a number from a sequence (renewed when it is stored again), and storing one deletes every entry
# more than p_keep numbers older, through an index on the number: the table never holds more than p_keep
# searches (a few more while other stores run at the same time), and each store deletes about one row. The
# caller passes p_keep (proposals.search.SEARCH_CACHE_ENTRIES). A search's result now holds every page it can
# show (proposals.search.search_hits), so its pages share one entry.
SEARCH_CACHE_SQL = [
    "TRUNCATE proposals_searchcache",
    "CREATE SEQUENCE proposals_searchcache_entry_seq",
    "ALTER TABLE proposals_searchcache ADD COLUMN entry bigint NOT NULL",
    "CREATE INDEX proposals_searchcache_entry ON proposals_searchcache (entry)",
    "DROP FUNCTION proposals_search_cached(text, text)",
    """
    CREATE FUNCTION proposals_search_cached(p_key text, p_sql text, p_keep integer)
    RETURNS TABLE (row_kind text, row_key text, row_label text, row_n integer)  -- p_sql returns these
    LANGUAGE plpgsql SET enable_seqscan = off SET work_mem = '32MB' AS $$
    DECLARE
        current bigint;
        found jsonb;
        stored bigint;
    BEGIN
        SELECT g.n INTO current FROM proposals_searchgeneration g WHERE g.id = 1;
        SELECT c.result INTO found FROM proposals_searchcache c
        WHERE c.search_key = p_key AND c.generation = current;
        IF found IS NULL THEN
            EXECUTE 'SELECT coalesce(jsonb_agg(jsonb_build_array(r.kind, r.key, r.label, r.n)), ''[]'') '
                'FROM (' || p_sql || ') AS r'
                INTO found;
            stored := nextval('proposals_searchcache_entry_seq');
            INSERT INTO proposals_searchcache (search_key, generation, result, entry)
            VALUES (p_key, current, found, stored)
            ON CONFLICT ON CONSTRAINT proposals_searchcache_pkey
            DO UPDATE SET generation = excluded.generation, result = excluded.result, entry = excluded.entry;
            DELETE FROM proposals_searchcache c WHERE c.entry <= stored - greatest(p_keep, 1);
            IF random() < 0.02 THEN  -- at most p_keep rows to read
                DELETE FROM proposals_searchcache c WHERE c.generation < current;
            END IF;
        END IF;
        RETURN QUERY SELECT e->>0, e->>1, e->>2, (e->>3)::integer FROM jsonb_array_elements(found) AS e;
    END $$
    """,
]
# Migration 0004's function, as it was.
SEARCH_CACHE_REVERSE_SQL = [
    "DROP FUNCTION proposals_search_cached(text, text, integer)",
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
    "TRUNCATE proposals_searchcache",
    "DROP INDEX proposals_searchcache_entry",
    "ALTER TABLE proposals_searchcache DROP COLUMN entry",
    "DROP SEQUENCE proposals_searchcache_entry_seq",
]


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0007_submission_keys"),
    ]

    operations = [
        migrations.RunSQL(sql=SEARCH_CACHE_SQL, reverse_sql=SEARCH_CACHE_REVERSE_SQL),
    ]
