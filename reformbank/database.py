"""Database settings: an external server from DATABASE_URL, else the embedded PostgreSQL (pgserver).

Reading the settings starts nothing. With the embedded server, the database engine is
`reformbank.embedded_postgres`, PostgreSQL's own backend that starts the server (or finds it running) when
the first connection is made: `manage.py check` and other commands that never touch the database leave it
alone. The server keeps its data in a folder of the project (`.pgdata/` unless PGSERVER_DATA says
otherwise) and is left running, so the next command finds it up and connects in milliseconds.
`manage.py embedded_postgres stop` stops it (`make stop`).
"""

import fcntl
import os
import re
import signal
import time
import warnings
from functools import cache
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_int, env_str

CONN_MAX_AGE = env_int("DJANGO_CONN_MAX_AGE", 600)
# The embedded server shares the machine's cores with the web workers and reads from the page cache: random
# reads cost about what sequential ones do (so a common search word is counted from the GIN index, not by
# reading the whole table), and parallel query workers would only compete with the web workers.
# The search statements set the same random page cost themselves (proposals.search.hits), on any server.
RANDOM_PAGE_COST = 1.1
EMBEDDED_PLANNER_OPTIONS = f"-c random_page_cost={RANDOM_PAGE_COST} -c max_parallel_workers_per_gather=0"
# The embedded server's own settings, in a file of its data folder that its postgresql.conf includes (read when
# the server starts). Shared buffers: a quarter of the machine's memory, as PostgreSQL's own guide suggests, at
# most 4 GB, instead of PostgreSQL's default 128 MB. On a national bank a search reads rows from all over the
# ideas table (1,000,000 ideas, searches nobody had made, concurrency 2: p50 120-140 / p95 264-269 ms with the
# default, 89-108 / 211-216 with 4 GB); on 100,000 ideas the two differ by less than the runs do.
# PGSERVER_SHARED_BUFFERS sets another size ("512MB").
EMBEDDED_CONF = "reformbank.conf"
EMBEDDED_CONF_INCLUDE = f"include_if_exists = '{EMBEDDED_CONF}'"


def database_settings(base_dir: Path) -> dict:
    url = env_str("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=CONN_MAX_AGE, conn_health_checks=True)
    else:
        config = embedded_settings(
            Path(env_str("PGSERVER_DATA", str(base_dir / ".pgdata"))),
            env_str("PGSERVER_DATABASE", "reformbank"),
        )
    config.setdefault("OPTIONS", {})
    # One test database per test process, so that several test runs on one server never collide.
    config["TEST"] = {"NAME": f"test_{config['NAME']}_{os.getpid()}"}
    return config


def embedded_settings(pgdata: Path, name: str) -> dict:
    """The embedded server's connection settings; the host (its socket folder) is known once it runs."""
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise ImproperlyConfigured(f"PGSERVER_DATABASE must be a plain lower-case name, not {name!r}")
    return {
        "ENGINE": "reformbank.embedded_postgres",
        "NAME": name,
        "USER": "postgres",
        "HOST": "",
        "PORT": "",
        "PGDATA": str(pgdata),
        "PROJECT_NAME": name,
        "CONN_MAX_AGE": CONN_MAX_AGE,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {"options": EMBEDDED_PLANNER_OPTIONS},
    }


def embedded_shared_buffers() -> str:
    configured = env_str("PGSERVER_SHARED_BUFFERS")
    if configured:
        return configured
    memory_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    return f"{min(max(memory_mb // 4, 128), 4096)}MB"


def embedded_server_configure(pgdata: Path) -> None:
    """Write the embedded server's settings (read when it starts) into its data folder, and make its
    postgresql.conf include them."""
    conf = pgdata / "postgresql.conf"
    text = conf.read_text()
    if EMBEDDED_CONF_INCLUDE not in text:
        conf.write_text(
            f"{text}\n# Reformbanken's settings (reformbank/database.py)\n{EMBEDDED_CONF_INCLUDE}\n"
        )
    (pgdata / EMBEDDED_CONF).write_text(f"shared_buffers = '{embedded_shared_buffers()}'\n")


def _pgserver():
    with warnings.catch_warnings():
        # platformdirs warns that XDG_RUNTIME_DIR is unset on servers; pgserver does not use that folder.
        warnings.simplefilter("ignore")
        import pgserver
    return pgserver


@cache
def embedded_server_start(pgdata: str, name: str) -> str:
    """Start the embedded server (or find it running), make sure database `name` exists; its socket folder.

    Once per process and database: the server is left running when the process ends."""
    # pgserver serialises starting a server across processes, but first creates the folder with a check and a
    # mkdir that fail for the second of two processes starting at once (the test workers): create it here.
    # The settings are written before a start; a new folder's first start (initdb writes postgresql.conf) is
    # followed by a restart with them, which a lock beside the folder keeps other processes from connecting to.
    folder = Path(pgdata)
    folder.mkdir(exist_ok=True)
    with open(folder.with_name(folder.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        new = not (folder / "PG_VERSION").exists()
        if not new:
            embedded_server_configure(folder)
        server = _pgserver().get_server(folder, cleanup_mode=None)
        if new:
            embedded_server_configure(folder)
            _pgserver()._commands.pg_ctl(
                ["-w", "-l", str(server.log), "restart"], pgdata=server.pgdata, user=server.system_user
            )
    if "(1 row)" not in server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';"):
        server.psql(f'CREATE DATABASE "{name}";')
    # The socket lives in the data folder, or in a short runtime folder when that path is too long for a socket.
    uri = dj_database_url.parse(server.get_uri(name))
    return uri.get("OPTIONS", {}).get("host") or uri["HOST"]


def _postmaster_info(pgdata: Path):
    """What the running server wrote in its postmaster.pid, or None. The server writes the file in steps while
    it starts; pgserver refuses a file with lines missing, so read it again a moment later."""
    for _attempt in range(50):
        try:
            return _pgserver().utils.PostmasterInfo.read_from_pgdata(pgdata)
        except AssertionError:
            time.sleep(0.1)
    return _pgserver().utils.PostmasterInfo.read_from_pgdata(pgdata)


def embedded_server_socket(pgdata: str) -> str | None:
    """The socket folder of the embedded server if it runs, without starting it."""
    info = _postmaster_info(Path(pgdata))
    return str(info.socket_dir) if info is not None and info.is_running() and info.socket_dir else None


def embedded_server_stop(pgdata: Path) -> bool:
    """Stop the embedded server if it runs (a fast shutdown: open sessions are ended); whether it ran."""
    info = _postmaster_info(pgdata)
    if info is None or not info.is_running():
        return False
    info.process.send_signal(signal.SIGINT)
    info.process.wait(30)
    return True
