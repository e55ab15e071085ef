"""Database bootstrap: an external server from DATABASE_URL, else the embedded PostgreSQL (pgserver).

The embedded server keeps its data in a folder of the project (`.pgdata/` unless PGSERVER_DATA says otherwise),
is started on first use and left running, so the next command finds it up and starts in milliseconds.
"""

import os
import re
import warnings
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_int, env_str

CONN_MAX_AGE = env_int("DJANGO_CONN_MAX_AGE", 600)


def database_settings(base_dir: Path) -> dict:
    url = env_str("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=CONN_MAX_AGE, conn_health_checks=True)
    else:
        config = embedded_database(
            Path(env_str("PGSERVER_DATA", str(base_dir / ".pgdata"))),
            env_str("PGSERVER_DATABASE", "reformbank"),
        )
    config.setdefault("OPTIONS", {})
    # One test database per test process, so that several test runs on one server never collide.
    config["TEST"] = {"NAME": f"test_{config['NAME']}_{os.getpid()}"}
    return config


def embedded_database(pgdata: Path, name: str) -> dict:
    """Start (or find running) the embedded PostgreSQL and make sure database `name` exists."""
    with warnings.catch_warnings():
        # platformdirs warns that XDG_RUNTIME_DIR is unset on servers; pgserver does not use that folder.
        warnings.simplefilter("ignore")
        import pgserver

    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise ImproperlyConfigured(f"PGSERVER_DATABASE must be a plain lower-case name, not {name!r}")

    server = pgserver.get_server(pgdata, cleanup_mode=None)
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';")
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{name}";')
    # The socket lives in the data folder, or in a short runtime folder when that path is too long for a socket.
    config = dj_database_url.parse(server.get_uri(name), conn_max_age=CONN_MAX_AGE, conn_health_checks=True)
    config["HOST"] = config.get("OPTIONS", {}).pop("host", config["HOST"])
    # The embedded server shares the machine's cores with the web workers and reads from the page cache:
    # random reads cost about what sequential ones do (so a common search word is counted from the GIN index,
    # not by reading the whole table), and parallel query workers would only compete with the web workers.
    planner = "-c random_page_cost=1.1 -c max_parallel_workers_per_gather=0"
    config.setdefault("OPTIONS", {})["options"] = planner
    return config
