"""Nothing the site hides from an anonymous visitor comes out of the API, whoever asks.

Every hidden thing gets a marker word; the test walks every route the schema publishes, every page of every
list, every idea and every agenda version it can find (ids from the site's own tables, so also what the
lists do not show), anonymously and signed in as an editor of both boards and as an admin, and searches
every answer for the markers and the members' email addresses."""

import re

import pytest
from django.test import Client

from agenda import services as agenda_services
from agenda.document import document_load
from agenda.models import Agenda, AgendaVersion
from members.models import User
from proposals import services
from proposals.models import Proposal
from tests.agenda.helpers import fresh
from tests.conftest import make_user

from .conftest import API

SECRETS = {
    "hidden comment": "HEMLIG-KOMMENTAR",
    "hide reason": "HEMLIGT-SKAL",
    "reply hidden": "HEMLIGT-SVAR",
    "draft agenda": "HEMLIGT-UTKAST",
    "joint draft": "HEMLIG-GEMENSAM",
    "draft after adoption": "HEMLIG-NASTA",
    "amendment": "HEMLIGT-YRKANDE",
    "answer while selected": "HEMLIGT-GAMMALT-SVAR",
    "unverified name": "HEMLIG-OVERIFIERAD",
    "hidden idea": "HEMLIG-DOLD-IDE",
    "hidden idea reason": "HEMLIGT-DOLD-SKAL",
}


@pytest.fixture
def secrets(bank, member, editor_lan, editor_stad):
    """The bank with one of everything the site hides."""
    hidden = services.comment_create(
        proposal=bank.school, author=member, body=f"Text {SECRETS['hidden comment']}"
    )
    reply = services.comment_create(
        proposal=bank.school, author=member, body=f"Svar {SECRETS['reply hidden']}", parent=hidden
    )
    services.comment_hide(comment=hidden, editor=editor_lan, reason=f"Skäl {SECRETS['hide reason']}")
    services.comment_hide(comment=reply, editor=editor_lan, reason="Upprepning")
    agenda_services.agenda_edit(
        agenda=bank.draft,
        editor=editor_lan,
        base_number=1,
        message=SECRETS["draft agenda"],
        change=lambda d: d.narrative_set(f"Utkast {SECRETS['draft agenda']}", SECRETS["draft agenda"]),
    )
    agenda_services.agenda_edit(
        agenda=bank.joint_draft,
        editor=editor_lan,
        base_number=1,
        message=SECRETS["joint draft"],
        change=lambda d: d.section_add(SECRETS["joint draft"], SECRETS["joint draft"]),
    )
    agenda_services.agenda_edit(
        agenda=bank.adopted,
        editor=editor_stad,
        base_number=bank.adopted.head_number,
        message=SECRETS["draft after adoption"],
        change=lambda d: d.narrative_set(SECRETS["draft after adoption"], SECRETS["draft after adoption"]),
    )
    section = document_load(bank.consultation.versions.get(number=bank.consultation.head_number)).sections[0]
    agenda_services.amendment_create(
        agenda=fresh(bank.consultation),
        author=member,
        kind="add",
        section_key=section.key,
        text=SECRETS["amendment"],
        motivation=SECRETS["amendment"],
    )
    # An answer written while the idea was answered stays in the row when the board takes it up again; the
    # idea's page shows it only while the idea is answered or declined.
    Proposal.objects.filter(pk=bank.transport.pk).update(
        status="selected", answer=SECRETS["answer while selected"]
    )
    make_user("overifierad@example.se", verified=False, display_name=SECRETS["unverified name"])
    spam = services.proposal_create(
        author=member,
        title=f"Köp klockor {SECRETS['hidden idea']}",
        summary=SECRETS["hidden idea"],
        body=SECRETS["hidden idea"],
        problem=SECRETS["hidden idea"],
        places=list(bank.school.places.all()),
        policy_area=bank.school.policy_area,
        tags=["klockor"],
    )
    services.proposal_hide(proposal=spam, editor=editor_lan, reason=SECRETS["hidden idea reason"])
    return bank


def _paths(client) -> list[str]:
    """Every GET the schema publishes, with each id and number the database holds (visible or not)."""
    schema = client.get(f"{API}/openapi.json").json()
    ideas = list(Proposal.objects.values_list("pk", flat=True))
    agendas = list(Agenda.objects.values_list("pk", flat=True))
    versions = list(AgendaVersion.objects.values_list("agenda_id", "number"))
    paths = []
    for path in schema["paths"]:
        assert "get" in schema["paths"][path] and set(schema["paths"][path]) == {"get"}, path
        if path.endswith("/versions/{number}"):
            paths += [path.format(id=pk, number=number) for pk, number in versions]
        elif "{id}" in path:
            paths += [path.format(id=pk) for pk in (agendas if "agendas" in path else ideas)]
        else:
            paths.append(path)
    paths += [f"{API}/ideas?q={word}" for word in SECRETS.values()]
    paths += [f"{API}/ideas?status={status}" for status in Proposal.Status.values]
    return paths


def _crawl(client) -> dict[str, bytes]:
    """Each path's answer, and every further page of each list."""
    answers = {}
    queue = _paths(client)
    while queue:
        path = queue.pop()
        response = client.get(path)
        assert response.status_code in {200, 404}, (path, response.status_code)
        answers[path] = response.content
        if response.status_code == 200 and isinstance(data := response.json(), dict) and data.get("next"):
            queue.append(data["next"])
    return answers


@pytest.fixture
def super_editor(db):
    return make_user("chef@example.se", districts=["lan", "stad"], admin=True, display_name="Cecilia Chef")


def test_nothing_hidden_leaks_anonymously_or_to_an_editor(secrets, super_editor):
    anonymous = _crawl(Client())
    editor = Client()
    editor.force_login(super_editor)
    signed_in = _crawl(editor)
    # The session changes nothing: the editor gets the anonymous answers, byte for byte.
    assert signed_in == anonymous
    text = b"\n".join(anonymous.values()).decode()
    found = {name: word for name, word in SECRETS.items() if word in text}
    assert found == {}
    emails = set(User.objects.values_list("email", flat=True))
    assert not {email for email in emails if email in text}
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text)
    # The crawl did read the public things: the visible comments, the published agendas.
    assert "Bra idé, det behövs." in text and "Stadens reformprogram" in text
    assert f'"id": {secrets.draft.pk}' not in anonymous[f"{API}/agendas"].decode()


def test_the_session_is_never_read(api, secrets, editor_lan, django_assert_max_num_queries):
    """An editor's request costs what an anonymous one does: no session, user or role is looked up."""
    api.force_login(editor_lan)
    # The rate limit's count (5, see test_ideas), the districts.
    with django_assert_max_num_queries(6):
        response = api.get(f"{API}/districts")
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
