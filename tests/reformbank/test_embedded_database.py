"""Reading the settings starts nothing; the embedded PostgreSQL starts on the first connection and stops on
`manage.py embedded_postgres stop` (make stop)."""

import pytest

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
