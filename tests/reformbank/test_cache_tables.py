"""The database caches' tables are unlogged (reformbank/management/commands/createcachetable.py)."""

from django.core.management import call_command
from django.db import connection

TABLES = ("cache", "search_cache")


def persistence() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, relpersistence FROM pg_class WHERE relname = ANY(%s)", [list(TABLES)])
        return dict(cursor.fetchall())


def test_the_test_database_has_unlogged_cache_tables(db):
    assert persistence() == {"cache": "u", "search_cache": "u"}


def test_createcachetable_makes_a_logged_cache_table_unlogged_and_keeps_its_entries(db):
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE search_cache SET LOGGED")
        cursor.execute("INSERT INTO search_cache VALUES ('kept', 'value', now() + interval '1 hour')")
    assert persistence()["search_cache"] == "p"
    call_command("createcachetable", verbosity=0)
    call_command("createcachetable", verbosity=0)  # again: nothing left to do
    assert persistence() == {"cache": "u", "search_cache": "u"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM search_cache WHERE cache_key = 'kept'")
        assert cursor.fetchall() == [("value",)]


def test_a_dry_run_only_prints_what_it_would_change(db, capsys):
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE cache SET LOGGED")
    call_command("createcachetable", dry_run=True)
    assert "ALTER TABLE cache SET UNLOGGED" in capsys.readouterr().out
    assert persistence()["cache"] == "p"
