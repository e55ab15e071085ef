"""`manage.py backup` (make backup): a pg_dump of the database in custom format, to a dated file.

The dump and the restore (`restore.py`) use pgserver's PostgreSQL 16 tools, whichever server the settings
name: the embedded one or DATABASE_URL's (a PostgreSQL 14 or 15 server as well, with the newer tools). They
connect with Django's own connection parameters; the password goes in PGPASSWORD, never on the command line.
"""

import os
import subprocess
from importlib.util import find_spec
from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

DEFAULT_FOLDER = settings.BASE_DIR / "backups"


def pg_tool(name: str) -> str:
    """The path of one of pgserver's PostgreSQL programs (pg_dump, pg_restore, psql); importing pgserver is
    not needed to find them."""
    return str(Path(find_spec("pgserver").origin).parent / "pginstall" / "bin" / name)


def pg_connection(database_name: str | None = None) -> tuple[str, dict]:
    """The connection string (without the password) for the tools' --dbname, and their environment with the
    password. Django's parameters: for the embedded server this starts it and gives its socket folder.
    `database_name` names another database on the same server."""
    params = connection.get_connection_params()
    if database_name:
        params["dbname"] = database_name
    known = {option.keyword.decode() for option in psycopg.pq.Conninfo.get_defaults()}
    conninfo = psycopg.conninfo.make_conninfo(
        **{key: value for key, value in params.items() if key in known and key != "password" and value}
    )
    environment = dict(os.environ)
    if params.get("password"):
        environment["PGPASSWORD"] = str(params["password"])
    return conninfo, environment


def pg_run(arguments: list[str], environment: dict) -> subprocess.CompletedProcess:
    """Run a PostgreSQL program; its own message as a CommandError when it fails."""
    result = subprocess.run(arguments, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        program = Path(arguments[0]).name
        raise CommandError(f"{program} failed: {result.stderr.strip() or result.stdout.strip()}")
    return result


class Command(BaseCommand):
    help = "Write a pg_dump (custom format) of the database to backups/reformbank-<date>T<time>.dump."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=DEFAULT_FOLDER,
            help="the folder for the backup (default: backups/ in the project, created when missing)",
        )

    def handle(self, *args, output_dir: Path, **options):
        output_dir.mkdir(parents=True, exist_ok=True)
        now = timezone.localtime()
        target = output_dir / f"reformbank-{now:%Y-%m-%dT%H%M}.dump"
        if target.exists():  # a second backup within the same minute
            target = output_dir / f"reformbank-{now:%Y-%m-%dT%H%M%S}.dump"
        # Written under a temporary name and renamed when complete: a failed dump leaves no file that looks
        # like a backup.
        partial = target.with_name(target.name + ".partial")
        conninfo, environment = pg_connection()
        try:
            pg_run(
                [
                    pg_tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={partial}",
                    f"--dbname={conninfo}",
                ],
                environment,
            )
            partial.rename(target)
        finally:
            partial.unlink(missing_ok=True)
        self.stdout.write(str(target))
