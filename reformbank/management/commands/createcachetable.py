"""Django's `createcachetable`, with the cache tables UNLOGGED.

A cache needs no durability: an unlogged table writes no WAL, so storing an entry (every search nobody has made
before, a result of some 20 KB) neither writes it twice nor waits at commit for the log to reach the disk
(2.0-2.5 ms a commit against 0.6-0.7 here). After a crash PostgreSQL empties the table: for a cache, misses.
"""

from django.core.cache.backends.db import BaseDatabaseCache
from django.core.management.commands import createcachetable
from django.db import DatabaseError, connections, router, transaction

# The table if it is a logged cache table (the columns of Django's): a table made unlogged before, a table that is
# no cache, or none gives no row.
LOGGED_CACHE_SQL = """
SELECT c.oid::regclass::text FROM pg_class c
WHERE c.oid = to_regclass(%s) AND c.relpersistence = 'p' AND (
    SELECT array_agg(attname::text ORDER BY attname) FROM pg_attribute
    WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped
) = '{cache_key,expires,value}'
"""
# Altering the table waits for its lock behind open transactions, and every cache read waits behind it: not long.
LOCK_TIMEOUT = "5s"


class Command(createcachetable.Command):
    def create_table(self, database, tablename, dry_run):
        super().create_table(database, tablename, dry_run)
        if not router.allow_migrate_model(database, BaseDatabaseCache(tablename, {}).cache_model_class):
            return
        connection = connections[database]
        name = connection.ops.quote_name(tablename)
        with connection.cursor() as cursor:
            if dry_run:  # the table as it is, or as the CREATE TABLE printed would make it
                cursor.execute(f"SELECT to_regclass(%s) IS NULL OR EXISTS ({LOGGED_CACHE_SQL})", [name, name])
                if cursor.fetchone()[0]:
                    self.stdout.write(f"ALTER TABLE {name} SET UNLOGGED;")
                return
            try:
                with transaction.atomic(using=database):
                    cursor.execute(LOGGED_CACHE_SQL, [name])
                    for (table,) in cursor.fetchall():
                        cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
                        cursor.execute(f"ALTER TABLE {table} SET UNLOGGED")
                        if self.verbosity > 1:
                            self.stdout.write(f"Cache table '{tablename}' made unlogged.")
            except DatabaseError as error:  # not the table's owner, or the lock not had: a cache only slower
                self.stderr.write(f"Cache table '{tablename}' left logged: {error}")
