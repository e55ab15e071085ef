"""`manage.py restore FILE` (make restore FILE=…): read a backup made by `manage.py backup` back into an empty
database. It refuses a database that already holds tables: nothing is overwritten or merged."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from .backup import pg_connection, pg_run, pg_tool

# Tables, views, sequences and the like outside PostgreSQL's own schemas.
COUNT_RELATIONS = """
SELECT count(*) FROM pg_class JOIN pg_namespace ON pg_namespace.oid = relnamespace
WHERE relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
"""


class Command(BaseCommand):
    help = "Restore a backup (manage.py backup) into an empty database."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", type=Path, help="the backup file, e.g. backups/reformbank-2026-12-01T1630.dump"
        )
        parser.add_argument(
            "--database-name",
            help="restore into this database on the same server (it must exist and be empty) instead of the "
            "project's own",
        )

    def handle(self, *args, file: Path, database_name: str | None, **options):
        if not file.is_file():
            raise CommandError(f"There is no backup file {file}.")
        conninfo, environment = pg_connection(database_name)
        listing = pg_run([pg_tool("pg_restore"), "--list", str(file)], environment)
        if not listing.stdout.strip():
            raise CommandError(f"{file} is not a backup made by manage.py backup.")
        relations = pg_run(
            [pg_tool("psql"), "--no-psqlrc", "--tuples-only", "--no-align", f"--dbname={conninfo}"]
            + ["--command", COUNT_RELATIONS],
            environment,
        )
        if int(relations.stdout.strip()) > 0:
            raise CommandError(self.not_empty_message(database_name))
        # One transaction: a restore that fails half-way leaves the database as empty as it was.
        pg_run(
            [
                pg_tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={conninfo}",
                str(file),
            ],
            environment,
        )
        # Fresh statistics and visibility map, so the first requests are planned as on the old server.
        pg_run(
            [
                pg_tool("psql"),
                "--no-psqlrc",
                "--quiet",
                f"--dbname={conninfo}",
                "--command",
                "VACUUM (ANALYZE)",
            ],
            environment,
        )
        self.stdout.write(f"Restored {file} into the database {database_name or self.project_database()}.")

    def project_database(self) -> str:
        return connection.settings_dict["NAME"]

    def not_empty_message(self, database_name: str | None) -> str:
        name = database_name or self.project_database()
        if database_name is None and "PGDATA" in connection.settings_dict:
            remedy = "`make reset` empties the embedded server (it deletes all its data), then restore again."
        else:
            remedy = (
                "Restore into a new, empty database (createdb, then point DATABASE_URL at it), or drop and "
                "create this one first."
            )
        return f"The database {name} already has tables: a backup is restored only into an empty database. {remedy}"
