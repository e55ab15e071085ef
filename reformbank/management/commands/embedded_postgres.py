from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reformbank.database import embedded_server_stop


class Command(BaseCommand):
    help = "Stop the embedded PostgreSQL server (make stop); the next command that needs it starts it again."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["stop"])

    def handle(self, *args, action, **options):
        database = settings.DATABASES["default"]
        if "PGDATA" not in database:
            raise CommandError("DATABASE_URL is set: this project runs no embedded server to stop.")
        pgdata = Path(database["PGDATA"])
        if embedded_server_stop(pgdata):
            self.stdout.write(f"The embedded PostgreSQL in {pgdata} is stopped.")
        else:
            self.stdout.write(f"No embedded PostgreSQL was running in {pgdata}.")
