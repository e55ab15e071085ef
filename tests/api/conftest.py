"""A small bank for the API's tests: ideas in two municipalities, and agendas in every state of the process."""

from dataclasses import dataclass

import pytest
from django.test import Client

from agenda import services as agenda_services
from agenda.document import document_load
from agenda.models import Agenda
from places.models import District, Place
from proposals import services
from proposals.models import PolicyArea, Proposal
from tests.agenda.helpers import add_points, fresh, to_adopted, to_board_proposal, to_consultation

API = "/api/v1"


@pytest.fixture
def api():
    """An anonymous client that raises nothing: a server error comes back as a 500 to assert on."""
    return Client(raise_request_exception=False)


def get_json(client, path: str, **params):
    response = client.get(API + path, params)
    assert response.status_code == 200, (path, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


@dataclass
class Bank:
    school: Proposal  # Nacka, school, supported, with comments (one hidden)
    housing: Proposal  # Stockholm, housing, answered
    transport: Proposal  # Region, transport, no support
    consultation: Agenda  # the county district's agenda on consultation
    adopted: Agenda  # the city district's agenda: adopted, and a new draft on top
    draft: Agenda  # the county district's agenda still being drafted
    joint_draft: Agenda  # a joint draft of both boards


def _edit(agenda, editor, message, change):
    agenda_services.agenda_edit(
        agenda=agenda, editor=editor, base_number=fresh(agenda).head_number, message=message, change=change
    )
    return fresh(agenda)


@pytest.fixture
def bank(db, member, other_member, editor_lan, editor_stad, make_proposal):
    nacka, stockholm, region = (Place.objects.get(code=code) for code in ("0182", "0180", "01"))
    housing_area = PolicyArea.objects.get(slug="bostader-och-stadsbyggnad")
    transport_area = PolicyArea.objects.get(slug="kollektivtrafik-och-infrastruktur")
    school = make_proposal(member, title="Läxhjälp på alla skolor i Nacka", tags=("läxhjälp", "skola"))
    housing = make_proposal(
        other_member,
        title="Hyresrätter med rimliga hyror",
        summary="Bygg fler hyresrätter som vanliga löntagare har råd med.",
        places=[stockholm],
        policy_area=housing_area,
        tags=("hyresrätt",),
    )
    transport = make_proposal(
        member,
        title="Nattbussar i hela regionen",
        summary="Nattrafik på helgerna till alla kommuner.",
        places=[region],
        policy_area=transport_area,
        tags=(),
    )
    services.proposal_support(proposal=school, member=other_member)
    first = services.comment_create(proposal=school, author=other_member, body="Bra idé, det behövs.")
    services.comment_create(proposal=school, author=member, body="Tack! Fler lärare krävs.", parent=first)
    services.proposal_status_change(
        proposal=housing, editor=editor_stad, status="answered", text="Styrelsen driver frågan i stadshuset."
    )

    lan, stad = District.objects.get(code="lan"), District.objects.get(code="stad")
    consultation = agenda_services.agenda_create(
        title="Reformagenda för länet", district=lan, editor=editor_lan
    )
    consultation = _edit(
        consultation, editor_lan, "Första riktningen", lambda d: d.section_add("Jämlik skola", "Alla barn.")
    )
    key = document_load(consultation.versions.get(number=consultation.head_number)).sections[0].key
    consultation = add_points(consultation, editor_lan, key, "Läxhjälp i alla skolor", source_ids=[school.pk])
    consultation = to_consultation(consultation, editor_lan)

    adopted = agenda_services.agenda_create(title="Stadens reformprogram", district=stad, editor=editor_stad)
    adopted = _edit(
        adopted, editor_stad, "Berättelsen", lambda d: d.narrative_set("Stadens reformprogram", "Vi bygger.")
    )
    adopted = to_adopted(to_board_proposal(adopted, editor_stad), editor_stad)
    agenda_services.agenda_new_draft(agenda=adopted, editor=editor_stad)
    adopted = _edit(
        fresh(adopted),
        editor_stad,
        "Ett utkast",
        lambda d: d.narrative_set("Nästa program (utkast)", "Utkastets berättelse"),
    )

    draft = agenda_services.agenda_create(title="Länets utkast", district=lan, editor=editor_lan)
    joint_draft = agenda_services.agenda_create(title="Gemensamt utkast", district=None, editor=editor_lan)
    return Bank(
        school=school,
        housing=housing,
        transport=transport,
        consultation=consultation,
        adopted=fresh(adopted),
        draft=draft,
        joint_draft=joint_draft,
    )
