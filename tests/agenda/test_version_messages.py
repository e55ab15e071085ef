"""Change messages the portal writes itself are shown in the reader's language; an editor's own stays as typed."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from agenda import services
from agenda.models import AgendaVersion

from .conftest import head
from .helpers import fresh


def history(client, agenda, language):
    client.cookies["django_language"] = language
    return client.get(reverse("agenda:history", args=[agenda.pk])).content.decode()


def test_the_portals_messages_follow_the_reader_and_typed_ones_stay(
    client, editor_lan, agenda, selected_proposal
):
    client.force_login(editor_lan)
    section = head(agenda).sections[0]
    client.post(
        reverse("agenda:promote", args=[selected_proposal.pk]), {"target": f"{agenda.pk}:{section.key}"}
    )
    client.post(
        reverse("agenda:section_move", args=[agenda.pk, section.key]), {"base_number": 3, "offset": "1"}
    )
    services.agenda_version_restore(
        agenda=fresh(agenda), version=agenda.versions.get(number=2), editor=editor_lan, base_number=4
    )

    english = history(client, agenda, "en")
    assert f"The idea “{selected_proposal.title}” was added" in english
    assert "Restored to version 2" in english
    assert "Första riktningen" in english  # typed by the editor: never translated
    assert "fördes in" not in english and "Återställd" not in english

    swedish = history(client, agenda, "sv")
    assert f"Idén ”{selected_proposal.title}” fördes in" in swedish
    assert "Återställd till version 2" in swedish
    # The Swedish text is kept beside the kind, for the admin and anything that reads the column.
    assert AgendaVersion.objects.get(agenda=agenda, number=5).message == "Återställd till version 2"


@pytest.mark.django_db(transaction=True)
def test_messages_stored_before_the_kinds_get_theirs(editor_lan):
    agenda = services.agenda_create(title="Agenda", district=None, editor=editor_lan)
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("agenda")
    executor.migrate([("agenda", "0003_submission_keys")])
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO agenda_agendaversion (agenda_id, number, title, narrative, message, author_id, created_at)"
            " VALUES (%s, 2, 'Agenda', '', 'Återställd till version 1', %s, now())",
            [agenda.pk, editor_lan.pk],
        )
    MigrationExecutor(connection).migrate(latest)
    version = AgendaVersion.objects.get(agenda=agenda, number=2)
    assert (version.message_kind, version.message_params) == ("restored", {"number": 1})
