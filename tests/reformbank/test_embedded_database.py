"""Reading the settings starts nothing; the embedded PostgreSQL starts on the first connection and stops on
`manage.py embedded_postgres stop` (make stop)."""

import os

import pytest

from reformbank.database import embedded_shared_buffers
from tests.reformbank.test_settings import manage


@pytest.fixture
def fresh_data(tmp_path):
    # Empty, not absent: manage() starts from this process's environment, which may name another server.
    env = {"DATABASE_URL": "", "PGSERVER_DATA": str(tmp_path / "pgdata")}
    yield tmp_path / "pgdata", env
    manage("embedded_postgres", "stop", env=env)


def test_commands_that_need_no_database_start_no_server(fresh_data):
    pgdata, env = fresh_data
    for command in (["check"], ["makemigrations", "--check", "--dry-run", "--skip-checks"], ["help"]):
        result = manage(*command, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        assert not (pgdata / "PG_VERSION").exists(), command


def test_the_first_connection_starts_the_server_and_stop_stops_it(fresh_data):
    pgdata, env = fresh_data
    result = manage(
        "shell", "-c", "from places.models import District; print(District.objects.count())", env=env
    )
    assert result.returncode != 0 or result.stdout  # no tables yet; the server started all the same
    assert (pgdata / "PG_VERSION").exists() and (pgdata / "postmaster.pid").exists()
    result = manage("embedded_postgres", "stop", env=env)
    assert "is stopped" in result.stdout, result.stdout + result.stderr
    assert not (pgdata / "postmaster.pid").exists()
    assert "No embedded PostgreSQL was running" in manage("embedded_postgres", "stop", env=env).stdout


def test_the_server_runs_with_the_projects_settings_from_its_first_start(fresh_data):
    """A new data folder's first start already has the project's shared buffers (initdb writes postgresql.conf,
    the server restarts once with the settings included), and so does every later start."""
    pgdata, env = fresh_data
    env = {**env, "PGSERVER_SHARED_BUFFERS": "48MB"}
    sql = "SHOW shared_buffers"
    show = [
        "shell",
        "-c",
        f"from django.db import connection as c; print(c.cursor().execute('{sql}').fetchone()[0])",
    ]
    result = manage(*show, env=env)
    assert result.stdout.split()[-1] == "48MB", result.stdout + result.stderr
    assert "include_if_exists = 'reformbank.conf'" in (pgdata / "postgresql.conf").read_text()
    manage("embedded_postgres", "stop", env=env)
    result = manage(*show, env={**env, "PGSERVER_SHARED_BUFFERS": "40MB"})
    assert result.stdout.split()[-1] == "40MB", result.stdout + result.stderr
    assert (pgdata / "postgresql.conf").read_text().count("\ninclude_if_exists = 'reformbank.conf'") == 1


def test_the_shared_buffers_are_a_quarter_of_the_memory_within_bounds(monkeypatch):
    monkeypatch.delenv("PGSERVER_SHARED_BUFFERS", raising=False)
    memory_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    size = embedded_shared_buffers()
    assert size.endswith("MB") and int(size[:-2]) == min(max(memory_mb // 4, 128), 4096)
    monkeypatch.setenv("PGSERVER_SHARED_BUFFERS", "512MB")
    assert embedded_shared_buffers() == "512MB"
