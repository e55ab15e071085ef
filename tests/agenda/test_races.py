"""Requests that arrive at the same moment, each on its own database connection (tests/parallel.py).

Every write that depends on the agenda's state or head version re-reads them under the agenda's row lock, so
whatever the timing, what is adopted is what the boards approved, and a double-click makes one change."""

import pytest
from django.urls import reverse

from agenda import services
from agenda.models import Adoption, Agenda, AgendaVersion, BoardApproval, Transition, VersionPoint
from places.models import District
from tests.parallel import client_for, parallel, parallel_posts

from .conftest import head
from .helpers import add_points, approve_all, fresh, in_two_weeks, process_url, to_consultation

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 25


def adoption(body="joint_assembly"):
    return {"body": body, "decided_on": "2026-03-14", "minutes_reference": "Gemensam samling § 2"}


def test_joint_agenda_never_adopts_a_version_the_boards_did_not_approve(editor_lan, editor_stad):
    """Both boards approve the head; then "propose" and a narrative save race, then the assembly adopts.
    Either the proposal wins (the save is refused) or the save wins (the proposal is refused): never a
    proposal of one version with another saved, never an adoption of an unapproved version."""
    lan, stad = client_for(editor_lan), client_for(editor_stad)
    outcomes = set()
    for round_number in range(ROUNDS):
        agenda = services.agenda_create(title=f"Gemensam {round_number}", district=None, editor=editor_lan)
        approve_all(agenda, editor_lan, editor_stad)
        approved = fresh(agenda).head_number
        narrative = {
            "title": agenda.title,
            "narrative": f"UNAPPROVED change {round_number}",
            "message": "Sent ändring",
            "base_number": approved,
        }
        propose, save = parallel(
            [
                lambda agenda=agenda: stad.post(process_url(agenda, "forslag")),
                lambda agenda=agenda, data=narrative: lan.post(
                    reverse("agenda:narrative", args=[agenda.pk]), data
                ),
            ]
        )
        assert propose.status_code == 302 and save.status_code in (302, 409), (propose, save)
        agenda = fresh(agenda)
        if agenda.state == Agenda.State.BOARD_PROPOSAL:
            outcomes.add("proposed")
            assert (agenda.head_number, agenda.proposed_number) == (approved, approved)
            assert save.status_code == 409  # refused, the editor's text kept in the form
            assert f"UNAPPROVED change {round_number}" in save.content.decode()
        else:
            outcomes.add("saved")
            assert agenda.state == Agenda.State.DRAFT and agenda.head_number == approved + 1
            assert not Transition.objects.filter(agenda=agenda).exists()

        stad.post(process_url(agenda, "anta"), adoption())
        agenda = fresh(agenda)
        adopted = Adoption.objects.filter(agenda=agenda).select_related("version").first()
        if agenda.state == Agenda.State.ADOPTED:
            assert adopted.version.number == approved == agenda.head_number == agenda.last_adopted_number
            assert "UNAPPROVED" not in adopted.version.narrative
            assert set(
                BoardApproval.objects.filter(agenda=agenda, version_number=approved).values_list(
                    "district__code", flat=True
                )
            ) == {"lan", "stad"}
            assert not AgendaVersion.objects.filter(agenda=agenda, number__gt=approved).exists()
        else:
            assert adopted is None
    assert outcomes  # the rounds ran (which side wins each round is up to the timing)


def test_a_save_cannot_follow_a_proposal_even_past_the_views(editor_lan, editor_stad):
    """The database refuses a version saved on top of a board proposal, whoever calls."""
    agenda = services.agenda_create(title="Gemensam", district=None, editor=editor_lan)
    approve_all(agenda, editor_lan, editor_stad)
    services.agenda_propose(agenda=fresh(agenda), editor=editor_stad)
    stale = fresh(agenda)
    stale.state = Agenda.State.DRAFT  # an object loaded before the proposal
    with pytest.raises(services.AgendaError):
        services.agenda_edit(
            agenda=stale,
            editor=editor_lan,
            base_number=stale.head_number,
            message="m",
            change=lambda document: document.section_add("Sent"),
        )
    assert fresh(agenda).head_number == stale.head_number


@pytest.fixture
def district_draft(editor_lan):
    agenda = services.agenda_create(
        title="Länets agenda", district=District.objects.get(code="lan"), editor=editor_lan
    )
    services.agenda_edit(
        agenda=agenda,
        editor=editor_lan,
        base_number=1,
        message="m",
        change=lambda document: document.section_add("Skola"),
    )
    return add_points(fresh(agenda), editor_lan, head(agenda).sections[0].key, "Läxhjälp", "Speciallärare")


@pytest.mark.parametrize(
    ("setup", "action", "data"),
    [
        ("draft", "remiss", {"ends_on": str(in_two_weeks())}),
        ("consultation", "utkast", {}),
        ("draft", "forslag", {}),
        ("proposal", "anta", adoption("congress")),
        ("adopted", "nytt-utkast", {}),
    ],
)
def test_each_process_step_taken_twice_at_once_happens_once(editor_lan, district_draft, setup, action, data):
    agenda = district_draft
    if setup == "consultation":
        agenda = to_consultation(agenda, editor_lan)
    if setup in ("proposal", "adopted"):
        services.agenda_propose(agenda=fresh(agenda), editor=editor_lan)
    if setup == "adopted":
        services.agenda_adopt(
            agenda=fresh(agenda), editor=editor_lan, **adoption("congress") | {"decided_on": "2026-03-14"}
        )
    transitions = Transition.objects.filter(agenda=agenda).count()
    versions = AgendaVersion.objects.filter(agenda=agenda).count()

    responses = parallel_posts(editor_lan, process_url(agenda, action), data, times=3)

    assert [r.status_code for r in responses] == [302, 302, 302]
    assert Transition.objects.filter(agenda=agenda).count() == transitions + 1
    assert Adoption.objects.filter(agenda=agenda).count() == (1 if setup in ("proposal", "adopted") else 0)
    assert AgendaVersion.objects.filter(agenda=agenda).count() == versions + (action == "nytt-utkast")


def test_both_boards_approving_twice_at_once_records_one_approval_each(editor_lan, editor_stad):
    agenda = services.agenda_create(title="Gemensam", district=None, editor=editor_lan)
    url = process_url(agenda, "godkann")
    lan = {"district": District.objects.get(code="lan").pk}
    stad = {"district": District.objects.get(code="stad").pk}
    clients = [
        client_for(editor_lan),
        client_for(editor_lan),
        client_for(editor_stad),
        client_for(editor_stad),
    ]
    responses = parallel([lambda c=c, d=d: c.post(url, d) for c, d in zip(clients, [lan, lan, stad, stad])])
    assert [r.status_code for r in responses] == [302] * 4
    assert sorted(BoardApproval.objects.values_list("district__code", "version_number")) == [
        ("lan", 1),
        ("stad", 1),
    ]


def test_double_click_on_save_makes_one_version(editor_lan, district_draft):
    data = {"title": "Ny titel", "narrative": "Ny berättelse", "message": "m", "base_number": 4}
    responses = parallel_posts(editor_lan, reverse("agenda:narrative", args=[district_draft.pk]), data)
    assert sorted(r.status_code for r in responses) == [302, 409]
    assert fresh(district_draft).head_number == 5
    conflict = next(r for r in responses if r.status_code == 409).content.decode()
    assert "Ny berättelse" in conflict  # the second click's text is still in the form


def test_two_merges_of_the_same_points_make_one_version(editor_lan, district_draft):
    first, second = head(district_draft).sections[0].points
    url = reverse("agenda:point_merge", args=[district_draft.pk, first.key])
    data = {"other": str(second.key), "text": "Läxhjälp och speciallärare", "message": "m", "base_number": 4}
    responses = parallel_posts(editor_lan, url, data)
    saved, refused = sorted(responses, key=lambda r: r.status_code)
    # The second is refused with the text kept: 409 when it loaded the page before the first merge saved,
    # 400 when after (the other point is then no longer among the form's choices).
    assert saved.status_code == 302 and refused.status_code in (400, 409)
    assert "Läxhjälp och speciallärare" in refused.content.decode()
    assert [p.text for p in head(district_draft).sections[0].points] == ["Läxhjälp och speciallärare"]


def test_promoting_an_idea_twice_at_once_adds_one_point(editor_lan, district_draft, proposal):
    from proposals import services as proposal_services

    proposal_services.proposal_status_change(proposal=proposal, editor=editor_lan, status="selected")
    section = head(district_draft).sections[0]
    data = {"target": f"{district_draft.pk}:{section.key}", "text": "Läxhjälp i hela länet"}
    responses = parallel_posts(editor_lan, reverse("agenda:promote", args=[proposal.pk]), data)
    assert sorted(r.status_code for r in responses) == [302, 409]
    assert (
        VersionPoint.objects.filter(
            version__agenda=district_draft,
            version__number=fresh(district_draft).head_number,
            sources=proposal,
        ).count()
        == 1
    )


def test_promote_lands_whatever_edit_comes_at_the_same_time(editor_lan, district_draft, proposal):
    """A promoted idea is added to whatever version is newest, so it never conflicts with a text edit (the
    edit, made on version 4, conflicts if the promotion saved first)."""
    from proposals import services as proposal_services

    proposal_services.proposal_status_change(proposal=proposal, editor=editor_lan, status="selected")
    section = head(district_draft).sections[0]
    promote, save = parallel(
        [
            lambda: client_for(editor_lan).post(
                reverse("agenda:promote", args=[proposal.pk]),
                {"target": f"{district_draft.pk}:{section.key}"},
            ),
            lambda: client_for(editor_lan).post(
                reverse("agenda:narrative", args=[district_draft.pk]),
                {"title": "Titel", "narrative": "Berättelse", "message": "m", "base_number": 4},
            ),
        ]
    )
    assert promote.status_code == 302 and save.status_code in (302, 409)
    document = head(district_draft)
    assert fresh(district_draft).head_number == (6 if save.status_code == 302 else 5)
    assert any(proposal.pk in point.source_ids for point in document.points())


def test_double_click_on_an_amendment_or_a_new_agenda_makes_one(editor_lan, member, district_draft):
    agenda = to_consultation(district_draft, editor_lan)
    section = head(agenda).sections[0]
    data = {
        "submission_key": "0b7a4c1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b",
        "target": f"s:{section.key}",
        "kind": "replace",
        "text": "Ny inledning",
        "motivation": "Tydligare.",
    }
    responses = parallel_posts(member, reverse("agenda:amendments", args=[agenda.pk]), data, times=3)
    assert [r.status_code for r in responses] == [302] * 3
    assert agenda.amendments.count() == 1

    create = {
        "submission_key": "1c8b5d2f-3a4e-4f6a-9bac-1d2e3f4a5b6c",
        "title": "Ny agenda",
        "district": "joint",
    }
    responses = parallel_posts(editor_lan, reverse("agenda:create"), create, times=3)
    assert [r.status_code for r in responses] == [302] * 3
    assert Agenda.objects.filter(title="Ny agenda").count() == 1
