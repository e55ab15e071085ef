"""The process says what happened: a board's approval in its message and among the agenda's events, a restore's
version message once, and an adoption dated in the future only when the editor confirms the date."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from agenda import services
from agenda.models import Adoption
from places.models import District

from .helpers import agenda_data, fresh, message_texts, process_url, to_board_proposal

LAN = "Stockholms läns partidistrikt"


def test_approving_for_a_board_says_so_and_is_among_the_events(client, editor_lan, joint_agenda):
    client.force_login(editor_lan)
    lan = District.objects.get(code="lan")
    response = client.post(process_url(joint_agenda, "godkann"), {"district": lan.pk})
    assert message_texts(response) == [f"{LAN} har godkänt version 1."]
    services.agenda_consultation_start(
        agenda=fresh(joint_agenda), editor=editor_lan, ends_on=timezone.localdate() + timedelta(days=7)
    )
    html = client.get(joint_agenda.get_absolute_url()).content.decode()
    events = html.split('id="log-heading"')[1].split("</ol>")[0]
    assert events.index(f"{LAN} godkände version 1 – Lena Länsredaktör") < events.index(
        "På remiss (version 1)"
    )


def test_a_restored_version_names_the_version_once(client, editor_lan, agenda):
    client.force_login(editor_lan)
    client.post(reverse("agenda:restore", args=[agenda.pk, 1]), {"base_number": 2})
    html = client.get(reverse("agenda:history", args=[agenda.pk])).content.decode()
    assert html.count("version 1") == 1 and "Återställd till version 1<" in html
    assert "från version" not in html.split("<tbody>")[1]


def adopt(client, agenda, decided_on, **extra):
    data = {"body": "congress", "decided_on": decided_on.isoformat(), "minutes_reference": "§ 4", **extra}
    return client.post(process_url(agenda, "anta"), data)


def test_an_adoption_dated_in_the_future_needs_a_confirmation(client, editor_lan, agenda):
    proposed = to_board_proposal(agenda, editor_lan)
    client.force_login(editor_lan)
    tomorrow = timezone.localdate() + timedelta(days=1)
    before = agenda_data()
    response = adopt(client, proposed, tomorrow)
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["future_confirmed"]
    html = response.content.decode()
    assert "ligger i framtiden. Rätta datumet, eller kryssa i att det stämmer." in html
    assert "Beslutsdatumet ligger i framtiden – jag bekräftar" in html
    assert agenda_data() == before

    response = adopt(client, proposed, tomorrow, future_confirmed="on")
    assert response.status_code == 302
    assert message_texts(response) == ["Agendans läge: Antagen."]
    assert Adoption.objects.get().decided_on == tomorrow


def test_an_adoption_dated_today_needs_no_confirmation(client, editor_lan, agenda):
    proposed = to_board_proposal(agenda, editor_lan)
    client.force_login(editor_lan)
    assert adopt(client, proposed, timezone.localdate()).status_code == 302
    assert fresh(proposed).state == "adopted"
