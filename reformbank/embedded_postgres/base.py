"""PostgreSQL's own database backend, for the embedded server: the first connection starts the server."""

import sys

from django.db import OperationalError
from django.db.backends.postgresql import base

from reformbank.database import embedded_server_socket, embedded_server_start

# Commands that work without the data (makemigrations only checks the recorded history when it can): they
# use the server when it runs, and never start it.
COMMANDS_THAT_START_NOTHING = {"check", "makemigrations", "makemessages", "compilemessages", "collectstatic"}


def _running_command() -> str:
    return sys.argv[1] if len(sys.argv) > 1 and sys.argv[0].endswith("manage.py") else ""


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        pgdata = self.settings_dict["PGDATA"]
        if _running_command() in COMMANDS_THAT_START_NOTHING:
            params["host"] = embedded_server_socket(pgdata)
            if params["host"] is None:
                raise OperationalError(
                    f"The embedded PostgreSQL in {pgdata} is not running (make run starts it)."
                )
            return params
        # The project's database is created if missing; a test database is Django's to create, through the
        # "postgres" database, like on any server.
        params["host"] = embedded_server_start(pgdata, self.settings_dict["PROJECT_NAME"])
        return params
