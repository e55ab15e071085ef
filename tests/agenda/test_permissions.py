"""Who may do what with a reform agenda: the truth table, roles × actions, driven through HTTP.

The agenda belongs to the county district ("lan"): `editor_lan` is the right editor, `editor_stad` the editor
of the other board. For a joint agenda both are right. A draft does not exist for anyone but its editors
(404); a published agenda may be read by all but changed only by its editors (403). Every refused request
leaves the data exactly as it was; every allowed one is checked to have happened.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from agenda import services
from agenda.models import Agenda, AgendaVersion, Amendment, BoardApproval, Transition
from places.models import District

from ..conftest import make_user, role_matrix
from .conftest import head
from .helpers import (
    add_points,
    agenda_data,
    fresh,
    in_two_weeks,
    process_url,
    to_adopted,
    to_board_proposal,
    to_consultation,
)

ROLES = ["anonymous", "unverified", "member", "editor_other", "editor_right", "admin"]
PERSONA = {
    "unverified": "unverified",
    "member": "member",
    "editor_other": "editor_stad",
    "editor_right": "editor_lan",
    "admin": "admin_user",
}
OK = (200, 302)


def matrix(**expected):
    return role_matrix(ROLES, **expected)


@pytest.fixture
def draft(agenda, editor_lan, section_key):
    """The county district's draft: one reform direction with two points (version 4)."""
    return add_points(agenda, editor_lan, section_key, "Läxhjälp på alla skolor", "Fler speciallärare")


@pytest.fixture
def consultation(draft, editor_lan):
    return to_consultation(draft, editor_lan)


@pytest.fixture
def board_proposal(consultation, editor_lan):
    return to_board_proposal(consultation, editor_lan)


@pytest.fixture
def adopted(board_proposal, editor_lan):
    return to_adopted(board_proposal, editor_lan)


@pytest.fixture
def joint_draft(joint_agenda, editor_lan):
    services.agenda_edit(
        agenda=joint_agenda,
        editor=editor_lan,
        base_number=1,
        message="Riktning",
        change=lambda document: document.section_add("Bostäder för alla"),
    )
    key = head(joint_agenda).sections[0].key
    return add_points(joint_agenda, editor_lan, key, "Fler hyresrätter", "Stoppa ombildningar")


def assert_status(response, role, expected, what=""):
    assert response.status_code == expected, (what, response.content.decode()[:300])
    if role == "anonymous" and expected == 302:
        assert response.url.startswith(reverse("account_login") + "?next="), what


# --- Reading -------------------------------------------------------------------------------------------


def read_urls(agenda):
    """Every page that shows the agenda or one of its versions."""
    agenda = fresh(agenda)
    pk, number = agenda.pk, agenda.head_number
    return {
        "detail": reverse("agenda:detail", args=[pk]),
        "history": reverse("agenda:history", args=[pk]),
        "version": reverse("agenda:version", args=[pk, number]),
        "old version": reverse("agenda:version", args=[pk, 1]),
        "compare": reverse("agenda:compare", args=[pk]) + f"?fran=1&till={number}",
        "amendments": reverse("agenda:amendments", args=[pk]),
        "print": reverse("agenda:export", args=[pk, number, "utskrift"]),
        "markdown": reverse("agenda:export", args=[pk, number, "md"]),
        "pdf": reverse("agenda:export", args=[pk, number, "pdf"]),
    }


@matrix(anonymous=404, unverified=404, member=404, editor_other=404, editor_right=200, admin=404)
def test_view_draft(client, act_as, draft, role, expected):
    act_as(role)
    for what, url in read_urls(draft).items():
        response = client.get(url)
        assert_status(response, role, expected, what)
        if expected == 404:
            assert draft.title not in response.content.decode(), what


@matrix(anonymous=404, unverified=404, member=404, editor_other=200, editor_right=200, admin=404)
def test_view_joint_draft(client, act_as, joint_draft, role, expected):
    act_as(role)
    for what, url in read_urls(joint_draft).items():
        assert_status(client.get(url), role, expected, what)


@matrix(anonymous=200, unverified=200, member=200, editor_other=200, editor_right=200, admin=200)
def test_view_agenda_on_consultation(client, act_as, consultation, role, expected):
    act_as(role)
    for what, url in read_urls(consultation).items():
        assert_status(client.get(url), role, expected, what)
    assert "Läxhjälp på alla skolor" in client.get(consultation.get_absolute_url()).content.decode()


@pytest.mark.parametrize("state", ["board_proposal", "adopted"])
def test_anyone_reads_a_board_proposal_and_an_adopted_agenda(db, client, request, state):
    # `db` up front: pytest-django orders tests by the fixtures they name; this one fetches its agenda lazily.
    agenda = request.getfixturevalue(state)
    for what, url in read_urls(agenda).items():
        assert client.get(url).status_code == 200, what


@matrix(anonymous=False, unverified=False, member=False, editor_other=False, editor_right=True, admin=False)
def test_list_shows_a_draft_only_to_its_editors(client, act_as, draft, role, expected):
    act_as(role)
    response = client.get(reverse("agenda:list"))
    assert response.status_code == 200
    assert (draft.title in response.content.decode()) is expected


@matrix(anonymous=True, unverified=True, member=True, editor_other=True, editor_right=True, admin=True)
def test_list_shows_a_published_agenda_to_everyone(client, act_as, consultation, role, expected):
    act_as(role)
    assert (consultation.title in client.get(reverse("agenda:list")).content.decode()) is expected


@matrix(anonymous=False, unverified=False, member=False, editor_other=False, editor_right=True, admin=False)
def test_new_draft_after_adoption_shows_others_only_the_adopted_version(
    client, act_as, adopted, editor_lan, role, expected
):
    """Version 4 was adopted; the new draft (versions 5 and 6) is for the board's editors only."""
    services.agenda_new_draft(agenda=adopted, editor=editor_lan)
    services.agenda_edit(
        agenda=fresh(adopted),
        editor=editor_lan,
        base_number=5,
        message="Hemligt",
        change=lambda document: document.narrative_set("Reformagenda för länet", "Ett hemligt utkast."),
    )
    sees_draft = expected
    act_as(role)
    response = client.get(adopted.get_absolute_url())
    assert response.status_code == 200
    assert response.context["version"].number == (6 if sees_draft else 4)
    assert ("Ett hemligt utkast." in response.content.decode()) is sees_draft
    history = client.get(reverse("agenda:history", args=[adopted.pk]))
    assert max(v.number for v in history.context["page"]) == (6 if sees_draft else 4)
    for number in (5, 6):
        for url in (
            reverse("agenda:version", args=[adopted.pk, number]),
            reverse("agenda:export", args=[adopted.pk, number, "md"]),
            reverse("agenda:compare", args=[adopted.pk]) + f"?fran=4&till={number}",
        ):
            assert client.get(url).status_code == (200 if sees_draft else 404), url
    assert client.get(reverse("agenda:export", args=[adopted.pk, 4, "md"])).status_code == 200


def test_unknown_agenda_and_version_are_404(client, editor_lan, draft):
    client.force_login(editor_lan)
    assert client.get(reverse("agenda:detail", args=[987654])).status_code == 404
    assert client.get(reverse("agenda:version", args=[draft.pk, 99])).status_code == 404
    assert client.get(reverse("agenda:export", args=[draft.pk, 99, "pdf"])).status_code == 404
    assert client.get(reverse("agenda:export", args=[draft.pk, 1, "docx"])).status_code == 404


# --- Creating ------------------------------------------------------------------------------------------


@matrix(anonymous=302, unverified=403, member=403, editor_other=200, editor_right=200, admin=403)
def test_create_form(client, act_as, role, expected):
    act_as(role)
    assert_status(client.get(reverse("agenda:create")), role, expected)


@matrix(anonymous=302, unverified=403, member=403, editor_other=200, editor_right=302, admin=403)
def test_create_agenda_for_the_county_district(client, act_as, role, expected):
    user = act_as(role)
    lan = District.objects.get(code="lan")
    before = agenda_data()
    response = client.post(reverse("agenda:create"), {"title": "Länets agenda", "district": lan.pk})
    assert_status(response, role, expected)
    if role == "editor_right":
        agenda = Agenda.objects.get()
        assert (agenda.district, agenda.created_by, agenda.head_number) == (lan, user, 1)
    else:
        # The other board's editor is shown the form again: the county district is not a choice for them.
        assert agenda_data() == before


@matrix(anonymous=302, unverified=403, member=403, editor_other=302, editor_right=302, admin=403)
def test_create_joint_agenda(client, act_as, role, expected):
    act_as(role)
    before = agenda_data()
    response = client.post(reverse("agenda:create"), {"title": "Gemensam agenda", "district": "joint"})
    assert_status(response, role, expected)
    if role.startswith("editor"):
        assert Agenda.objects.get().is_joint
    else:
        assert agenda_data() == before


# --- Editing the document ------------------------------------------------------------------------------


def _first_points(doc):
    points = [p for s in doc.sections for p in s.points]
    return points[0], points[1]


# Every edit, built on the current version (keys and base_number read afresh before each request).
EDITS = [
    (
        "narrative",
        lambda pk, doc: (
            reverse("agenda:narrative", args=[pk]),
            {"title": "Ny titel", "narrative": "Ny berättelse"},
        ),
    ),
    (
        "section_add",
        lambda pk, doc: (reverse("agenda:section_add", args=[pk]), {"title": "Trygghet", "intro": ""}),
    ),
    (
        "section_edit",
        lambda pk, doc: (
            reverse("agenda:section_edit", args=[pk, doc.sections[0].key]),
            {"title": "Skolan", "intro": "Ny inledning"},
        ),
    ),
    (
        "point_add",
        lambda pk, doc: (
            reverse("agenda:point_add", args=[pk]) + f"?avsnitt={doc.sections[0].key}",
            {"text": "En tredje punkt"},
        ),
    ),
    (
        "point_edit",
        lambda pk, doc: (
            reverse("agenda:point_edit", args=[pk, _first_points(doc)[0].key]),
            {"text": "Ändrad punkt"},
        ),
    ),
    (
        "point_split",
        lambda pk, doc: (
            reverse("agenda:point_split", args=[pk, _first_points(doc)[0].key]),
            {"first": "Första halvan", "second": "Andra halvan"},
        ),
    ),
    (
        "point_merge",
        lambda pk, doc: (
            reverse("agenda:point_merge", args=[pk, _first_points(doc)[0].key]),
            {"other": str(_first_points(doc)[1].key), "text": "Ihopslagen"},
        ),
    ),
    (
        "point_move",
        lambda pk, doc: (
            reverse("agenda:point_move", args=[pk, _first_points(doc)[0].key]),
            {"offset": "1"},
        ),
    ),
    (
        "point_move_section",
        lambda pk, doc: (
            reverse("agenda:point_move", args=[pk, _first_points(doc)[0].key]),
            {"section": str(doc.sections[-1].key)},
        ),
    ),
    (
        "section_move",
        lambda pk, doc: (
            reverse("agenda:section_move", args=[pk, doc.sections[0].key]),
            {"offset": "1"},
        ),
    ),
    (
        "point_remove",
        lambda pk, doc: (
            reverse("agenda:point_remove", args=[pk, _first_points(doc)[0].key]),
            {},
        ),
    ),
    (
        "section_remove",
        lambda pk, doc: (
            reverse("agenda:section_remove", args=[pk, doc.sections[-1].key]),
            {},
        ),
    ),
    ("restore", lambda pk, doc: (reverse("agenda:restore", args=[pk, 2]), {})),
]
FORMS = {"narrative", "section_add", "section_edit", "point_add", "point_edit", "point_split", "point_merge"}


def check_edits(client, agenda, user, role, expected):
    """Try every edit; allowed ones each add exactly one version by the user, refused ones change nothing."""
    allowed = role != "anonymous" and expected == 302
    before = agenda_data()
    for name, build in EDITS:
        agenda = fresh(agenda)
        url, data = build(agenda.pk, head(agenda))
        data = {**data, "message": f"Ändring: {name}", "base_number": agenda.head_number}
        if name in FORMS:
            assert_status(client.get(url), role, 200 if allowed else expected, f"GET {name}")
        response = client.post(url, data)
        # The agenda's own editors, refused because of its state, get their text back with the reason (409).
        refused_text = role == "editor_right" and expected == 403 and name in FORMS
        assert_status(response, role, 409 if refused_text else expected, name)
        if allowed:
            after = fresh(agenda)
            assert after.head_number == agenda.head_number + 1, name
            assert agenda.versions.get(number=after.head_number).author == user, name
        else:
            assert agenda_data() == before, name


@matrix(anonymous=302, unverified=404, member=404, editor_other=404, editor_right=302, admin=404)
def test_edit_draft(client, act_as, draft, role, expected):
    user = act_as(role)
    check_edits(client, draft, user, role, expected)


@matrix(anonymous=302, unverified=404, member=404, editor_other=302, editor_right=302, admin=404)
def test_edit_joint_draft(client, act_as, joint_draft, role, expected):
    user = act_as(role)
    check_edits(client, joint_draft, user, role, expected)


@matrix(anonymous=302, unverified=403, member=403, editor_other=403, editor_right=302, admin=403)
def test_edit_during_consultation(client, act_as, consultation, role, expected):
    user = act_as(role)
    check_edits(client, consultation, user, role, expected)


@matrix(anonymous=302, unverified=403, member=403, editor_other=403, editor_right=403, admin=403)
def test_no_one_edits_a_board_proposal(client, act_as, board_proposal, role, expected):
    user = act_as(role)
    check_edits(client, board_proposal, user, role, expected)


def test_no_one_edits_an_adopted_agenda(client, editor_lan, adopted):
    client.force_login(editor_lan)
    check_edits(client, adopted, editor_lan, "editor_right", 403)


# --- The process ---------------------------------------------------------------------------------------

# action in the URL, the state it starts from, the form data, the state it leads to.
PROCESS = [
    ("remiss", "draft", lambda: {"ends_on": in_two_weeks().isoformat()}, "consultation"),
    ("utkast", "consultation", dict, "draft"),
    ("utkast", "board_proposal", dict, "draft"),
    ("forslag", "draft", dict, "board_proposal"),
    ("forslag", "consultation", dict, "board_proposal"),
    (
        "anta",
        "board_proposal",
        lambda: {
            "body": "congress",
            "decided_on": timezone.localdate().isoformat(),
            "minutes_reference": "Kongressprotokoll § 14",
        },
        "adopted",
    ),
    ("nytt-utkast", "adopted", dict, "draft"),
]
# Non-editors cannot see a draft at all; a published agenda they may see, but not move.
REFUSED = {"draft": 404, "consultation": 403, "board_proposal": 403, "adopted": 403}


@pytest.mark.parametrize(
    ("action", "from_state", "data", "to_state"), PROCESS, ids=[f"{a}-from-{s}" for a, s, _d, _t in PROCESS]
)
@pytest.mark.parametrize("role", ROLES)
def test_process_action(client, act_as, request, role, action, from_state, data, to_state):
    agenda = fresh(request.getfixturevalue(from_state))
    user = act_as(role)
    expected = 302 if role in ("anonymous", "editor_right") else REFUSED[from_state]
    before = agenda_data()
    response = client.post(process_url(agenda, action), data())
    assert_status(response, role, expected, action)
    if role == "editor_right":
        after = fresh(agenda)
        assert after.state == to_state
        transition = Transition.objects.filter(agenda=agenda).last()
        assert (transition.from_state, transition.to_state, transition.by, transition.version_number) == (
            from_state,
            to_state,
            user,
            agenda.head_number,
        )
    else:
        assert agenda_data() == before


@pytest.mark.parametrize("persona", ["editor_lan", "editor_stad"])
def test_either_board_runs_the_process_of_a_joint_agenda(
    client, request, joint_draft, editor_lan, editor_stad, persona
):
    """For a joint agenda both boards' editors are the right editors: each may take every step."""
    user = request.getfixturevalue(persona)
    client.force_login(user)

    def url(action):
        return process_url(joint_draft, action)

    client.post(url("remiss"), {"ends_on": in_two_weeks().isoformat()})
    for editor in (editor_lan, editor_stad):
        district = editor.editor_roles.get().district
        services.agenda_approve(agenda=fresh(joint_draft), district=district, editor=editor)
    client.post(url("forslag"))
    client.post(
        url("anta"),
        {
            "body": "joint_assembly",
            "decided_on": timezone.localdate().isoformat(),
            "minutes_reference": "Gemensamma samlingens protokoll § 3",
        },
    )
    client.post(url("nytt-utkast"))
    steps = list(Transition.objects.filter(agenda=joint_draft).values_list("to_state", "by"))
    assert steps == [
        ("consultation", user.pk),
        ("board_proposal", user.pk),
        ("adopted", user.pk),
        ("draft", user.pk),
    ]


@matrix(anonymous=302, unverified=404, member=404, editor_other=302, editor_right=302, admin=404)
def test_approve_joint_agenda_for_own_board(client, act_as, joint_draft, role, expected):
    user = act_as(role)
    own = user.editor_roles.get().district if role.startswith("editor") else District.objects.get(code="lan")
    before = agenda_data()
    response = client.post(process_url(joint_draft, "godkann"), {"district": own.pk})
    assert_status(response, role, expected)
    if role.startswith("editor"):
        approval = BoardApproval.objects.get()
        assert (approval.district, approval.by, approval.version_number) == (
            own,
            user,
            fresh(joint_draft).head_number,
        )
    else:
        assert agenda_data() == before


@pytest.mark.parametrize(("editor", "other_board"), [("editor_lan", "stad"), ("editor_stad", "lan")])
def test_editor_cannot_approve_for_the_other_board(client, request, joint_draft, editor, other_board):
    client.force_login(request.getfixturevalue(editor))
    before = agenda_data()
    district = District.objects.get(code=other_board)
    response = client.post(process_url(joint_draft, "godkann"), {"district": district.pk})
    assert response.status_code == 403
    assert agenda_data() == before


@pytest.mark.parametrize("value", ["", "lan", "²", "987654321", "99999999999999999999999"])
def test_approval_for_an_unknown_board_is_404(client, editor_lan, joint_draft, value):
    client.force_login(editor_lan)
    before = agenda_data()
    response = client.post(process_url(joint_draft, "godkann"), {"district": value})
    assert response.status_code == 404
    assert agenda_data() == before


def test_a_district_agenda_needs_no_approval(client, editor_lan, draft):
    client.force_login(editor_lan)
    before = agenda_data()
    lan = District.objects.get(code="lan")
    response = client.post(process_url(draft, "godkann"), {"district": lan.pk})
    assert response.status_code == 403
    assert agenda_data() == before


def test_unknown_process_action_is_404(client, editor_lan, draft):
    client.force_login(editor_lan)
    before = agenda_data()
    assert client.post(f"/agenda/{draft.pk}/process/radera/").status_code == 404
    assert agenda_data() == before


@pytest.mark.parametrize("role", ["member", "editor_right"])
def test_process_actions_need_post(client, act_as, draft, role):
    act_as(role)
    assert client.get(process_url(draft, "remiss")).status_code == 405


# --- Amendments ----------------------------------------------------------------------------------------


def amendment_data(agenda):
    point = next(head(agenda).points())
    section = head(agenda).sections[0]
    return {
        "target": f"p:{section.key}:{point.key}",
        "kind": "replace",
        "text": "Läxhjälp varje dag",
        "motivation": "Tydligare.",
    }


@matrix(anonymous=302, unverified=403, member=302, editor_other=302, editor_right=302, admin=302)
def test_file_amendment_during_consultation(client, act_as, consultation, role, expected):
    user = act_as(role)
    before = agenda_data()
    response = client.post(reverse("agenda:amendments", args=[consultation.pk]), amendment_data(consultation))
    assert_status(response, role, expected)
    if role not in ("anonymous", "unverified"):
        amendment = Amendment.objects.get()
        assert (amendment.author, amendment.kind, amendment.text) == (user, "replace", "Läxhjälp varje dag")
    else:
        assert agenda_data() == before


@matrix(anonymous=404, unverified=404, member=404, editor_other=404, editor_right=403, admin=404)
def test_file_amendment_on_a_draft(client, act_as, draft, role, expected):
    act_as(role)
    before = agenda_data()
    response = client.post(reverse("agenda:amendments", args=[draft.pk]), amendment_data(draft))
    assert_status(response, role, expected)
    assert agenda_data() == before


@matrix(anonymous=302, unverified=403, member=403, editor_other=403, editor_right=403, admin=403)
def test_file_amendment_on_a_board_proposal(client, act_as, board_proposal, role, expected):
    act_as(role)
    before = agenda_data()
    response = client.post(
        reverse("agenda:amendments", args=[board_proposal.pk]), amendment_data(board_proposal)
    )
    assert_status(response, role, expected)
    assert agenda_data() == before


@pytest.fixture
def amendment(consultation, other_member):
    section = head(consultation).sections[0]
    return services.amendment_create(
        agenda=fresh(consultation),
        author=other_member,
        kind="add",
        section_key=section.key,
        text="Läxhjälp även på lov",
        motivation="Loven också.",
    )


@matrix(anonymous=302, unverified=403, member=403, editor_other=403, editor_right=302, admin=403)
def test_answer_amendment(client, act_as, amendment, role, expected):
    user = act_as(role)
    url = reverse("agenda:amendment_answer", args=[amendment.agenda_id, amendment.pk])
    assert_status(client.get(url), role, 200 if role == "editor_right" else expected)
    before = agenda_data()
    response = client.post(url, {"decision": "rejected", "answer": "Ryms inte i budgeten."})
    assert_status(response, role, expected)
    amendment.refresh_from_db()
    if role == "editor_right":
        assert (amendment.decision, amendment.answered_by) == ("rejected", user)
    else:
        assert amendment.decision == "pending"
        assert agenda_data() == before


def test_amendment_of_another_agenda_is_404(client, editor_lan, amendment, joint_draft):
    client.force_login(editor_lan)
    url = reverse("agenda:amendment_answer", args=[joint_draft.pk, amendment.pk])
    assert client.get(url).status_code == 404


# --- Promoting an idea ---------------------------------------------------------------------------------


@matrix(anonymous=302, unverified=403, member=403, editor_other=403, editor_right=302, admin=403)
def test_promote_idea(client, act_as, draft, selected_proposal, role, expected):
    act_as(role)
    section = head(draft).sections[0]
    before = agenda_data()
    response = client.post(
        reverse("agenda:promote", args=[selected_proposal.pk]),
        {"target": f"{draft.pk}:{section.key}", "text": ""},
    )
    assert_status(response, role, expected)
    if role == "editor_right":
        assert [p.source_ids for p in head(draft).points()][-1] == [selected_proposal.pk]
    else:
        assert agenda_data() == before


@pytest.mark.parametrize("target", ["draft", "joint_draft"])
def test_editor_cannot_promote_the_other_districts_idea(
    client, editor_stad, draft, joint_draft, selected_proposal, target
):
    """A county idea is the county editors' to promote, into the county's agenda or the joint one."""
    agenda = {"draft": draft, "joint_draft": joint_draft}[target]
    client.force_login(editor_stad)
    before = agenda_data()
    sections = head(agenda).sections
    response = client.post(
        reverse("agenda:promote", args=[selected_proposal.pk]),
        {"target": f"{agenda.pk}:{sections[0].key}" if sections else f"{agenda.pk}:x"},
    )
    assert response.status_code == 403
    assert agenda_data() == before


def test_cannot_promote_into_a_board_proposal(client, editor_lan, board_proposal, selected_proposal):
    client.force_login(editor_lan)
    before = agenda_data()
    section = head(board_proposal).sections[0]
    response = client.post(
        reverse("agenda:promote", args=[selected_proposal.pk]),
        {"target": f"{board_proposal.pk}:{section.key}"},
    )
    # No agenda is open for editing: the target is stale, a field error (the form and its text kept).
    assert response.status_code == 400
    assert "finns inte längre eller kan inte ändras nu" in response.content.decode()
    assert agenda_data() == before


def test_inactive_editor_is_no_editor(client, draft):
    user = make_user("avgangen@example.se", districts=["lan"])
    user.is_active = False
    user.save()
    client.force_login(user)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert AgendaVersion.objects.filter(agenda=draft).count() == 4
