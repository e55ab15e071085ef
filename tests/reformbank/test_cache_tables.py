"""The database caches' tables are unlogged (reformbank/management/commands/createcachetable.py)."""

from django.core.management import call_command
from django.db import connection

TABLES = ("cache", "search_cache", "places_place")


def persistence() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, relpersistence FROM pg_class WHERE relname = ANY(%s)", [list(TABLES)])
        return dict(cursor.fetchall())


def test_the_test_database_has_unlogged_cache_tables(db):
    assert persistence() == {"cache": "u", "search_cache": "u", "places_place": "p"}


def test_createcachetable_makes_a_logged_cache_table_unlogged_and_keeps_its_entries(db):
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE search_cache SET LOGGED")
        cursor.execute("INSERT INTO search_cache VALUES ('kept', 'value', now() + interval '1 hour')")
    assert persistence()["search_cache"] == "p"
    call_command("createcachetable", verbosity=0)
    call_command("createcachetable", verbosity=0)  # again: nothing left to do
    assert persistence() == {"cache": "u", "search_cache": "u", "places_place": "p"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM search_cache WHERE cache_key = 'kept'")
        assert cursor.fetchall() == [("value",)]


def test_a_table_that_is_no_cache_is_left_as_it_is(db):
    call_command("createcachetable", "places_place", verbosity=0)
    assert persistence()["places_place"] == "p"


def test_a_dry_run_only_prints_what_it_would_change(db, capsys):
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE cache SET LOGGED")
    call_command("createcachetable", dry_run=True)
    out = capsys.readouterr().out
    assert 'ALTER TABLE "cache" SET UNLOGGED;' in out
    assert 'ALTER TABLE "search_cache"' not in out  # unlogged already
    assert persistence()["cache"] == "p"
    call_command("createcachetable", "new_cache", dry_run=True)
    assert 'ALTER TABLE "new_cache" SET UNLOGGED;' in capsys.readouterr().out


def test_a_role_that_may_not_alter_the_table_leaves_it_logged_and_says_so(db, capsys):
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE search_cache SET LOGGED")
        cursor.execute("CREATE ROLE reformbank_test_reader")
        cursor.execute("GRANT SELECT ON search_cache, cache TO reformbank_test_reader")
        cursor.execute("SET ROLE reformbank_test_reader")
        try:
            call_command("createcachetable", "search_cache", verbosity=0)
        finally:
            cursor.execute("RESET ROLE")
    assert (
        "Cache table 'search_cache' left logged: must be owner of table search_cache"
        in capsys.readouterr().err
    )
    assert persistence()["search_cache"] == "p"
