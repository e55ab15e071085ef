"""`manage.py backup` and `manage.py restore` (make backup, make restore FILE=…): a round trip through a
scratch database on the same server, and the refusals."""

import io
import os
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from psycopg import sql

from agenda import services as agenda_services
from agenda.models import AgendaVersion
from places.models import District
from proposals import services
from proposals.models import Proposal
from reformbank.management.commands import backup as backup_command
from reformbank.settings import BASE_DIR

# pg_dump and pg_restore see only committed rows.
pytestmark = pytest.mark.django_db(transaction=True)


def connect(dbname):
    params = {**connection.get_connection_params(), "dbname": dbname}
    return psycopg.connect(**params, autocommit=True)


def row_counts(dbname):
    with connect(dbname) as db:
        return {
            table: db.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))).fetchone()[0]
            for table in connection.introspection.table_names()
        }


@pytest.fixture
def scratch_database():
    """An empty database on the same server, dropped when the test ends (also when it fails)."""
    name = f"restore_test_{os.getpid()}"
    with connect("postgres") as db:
        db.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield name
    with connect("postgres") as db:
        db.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def bank(member, other_member, editor_lan, make_proposal):
    """A few ideas, comments and an agenda with a narrative, made through the services."""
    idea = make_proposal(
        member, title="Fler cykelbanor till skolorna", body="Bygg **separerade** cykelbanor."
    )
    make_proposal(other_member, title="Läxhjälp i alla kommuner")
    comment = services.comment_create(proposal=idea, author=other_member, body="Bra idé!")
    services.comment_create(proposal=idea, author=member, body="Tack!", parent=comment)
    agenda = agenda_services.agenda_create(
        title="Reformagenda för länet", district=District.objects.get(code="lan"), editor=editor_lan
    )
    agenda_services.agenda_edit(
        agenda=agenda,
        editor=editor_lan,
        base_number=1,
        message="Berättelsen",
        change=lambda document: document.narrative_set(
            "Reformagenda för länet", "Ett län där alla barn lyckas."
        ),
    )
    return idea


def backup(folder):
    call_command("backup", output_dir=folder, stdout=io.StringIO())
    (dump,) = folder.glob("reformbank-*.dump")
    return dump


def test_a_backup_restores_into_an_empty_database_with_every_row(bank, tmp_path, scratch_database):
    dump = backup(tmp_path)
    assert dump.stat().st_size > 0 and not list(tmp_path.glob("*.partial"))

    call_command("restore", str(dump), database_name=scratch_database, stdout=io.StringIO())

    source = row_counts(connection.settings_dict["NAME"])
    assert source[Proposal._meta.db_table] == 2 and source[AgendaVersion._meta.db_table] == 2
    assert row_counts(scratch_database) == source
    with connect(scratch_database) as restored:
        title, body, vector = restored.execute(
            "SELECT title, body, search_vector::text FROM proposals_proposal WHERE id = %s", [bank.pk]
        ).fetchone()
        (narrative,) = restored.execute(
            "SELECT narrative FROM agenda_agendaversion WHERE number = 2"
        ).fetchone()
    idea = Proposal.objects.get(pk=bank.pk)
    assert (title, body) == ("Fler cykelbanor till skolorna", "Bygg **separerade** cykelbanor.")
    assert vector is not None and vector == str(idea.search_vector)
    assert narrative == "Ett län där alla barn lyckas."


def test_restore_refuses_a_database_that_has_tables_and_changes_nothing(bank, tmp_path):
    dump = backup(tmp_path)
    before = row_counts(connection.settings_dict["NAME"])
    Proposal.objects.update(title="Ändrad efter säkerhetskopian")

    with pytest.raises(CommandError, match="already has tables") as refusal:
        call_command("restore", str(dump))

    if "PGDATA" in connection.settings_dict:
        assert "make reset" in str(refusal.value)
    assert row_counts(connection.settings_dict["NAME"]) == before
    assert set(Proposal.objects.values_list("title", flat=True)) == {"Ändrad efter säkerhetskopian"}


def test_restore_of_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="There is no backup file .*nowhere.dump"):
        call_command("restore", str(tmp_path / "nowhere.dump"))


def test_restore_of_a_file_that_is_not_a_backup_is_a_clear_error(tmp_path, scratch_database):
    not_a_backup = tmp_path / "notes.dump"
    not_a_backup.write_text("inte en säkerhetskopia")
    with pytest.raises(CommandError, match="pg_restore failed: .*valid archive"):
        call_command("restore", str(not_a_backup), database_name=scratch_database)


def test_make_restore_without_file_says_what_is_missing():
    result = subprocess.run(["make", "-n", "restore"], cwd=BASE_DIR, capture_output=True, text=True)
    assert result.returncode != 0
    assert "make restore FILE=" in result.stderr


def test_the_password_goes_to_pg_dump_in_the_environment_not_on_the_command_line(tmp_path, monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "PASSWORD", "hemligt-lösenord")
    calls = []

    def run(arguments, env, **kwargs):
        calls.append((arguments, env))
        Path(next(a for a in arguments if a.startswith("--file=")).removeprefix("--file=")).touch()
        return subprocess.CompletedProcess(arguments, 0, "", "")

    monkeypatch.setattr(backup_command.subprocess, "run", run)
    backup(tmp_path)

    ((arguments, env),) = calls
    assert env["PGPASSWORD"] == "hemligt-lösenord"
    assert not any("hemligt" in argument for argument in arguments)
