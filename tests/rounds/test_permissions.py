"""Who may do what with idea rounds: the permission truth table, roles × actions, driven through HTTP.

The round under test belongs to the county district ("lan"). Every refused write leaves the database exactly as
it was; every allowed write is checked to have happened."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from proposals.models import Proposal
from rounds.models import Round, RoundIdea
from tests.conftest import role_matrix

ROLES = ["anonymous", "member", "editor_lan", "editor_stad", "admin"]
PERSONA = {
    "member": "member",
    "editor_lan": "editor_lan",
    "editor_stad": "editor_stad",
    "admin": "admin_user",
}


def matrix(**expected):
    return role_matrix(ROLES, **expected)


def db_state():
    """Everything an action in this file could change."""
    return {
        "rounds": sorted(
            Round.objects.values_list("pk", "title", "description", "opens_on", "closes_on", "closed_at")
        ),
        "round_places": sorted(Round.places.through.objects.values_list("round_id", "place_id")),
        "round_ideas": sorted(RoundIdea.objects.values_list("round_id", "proposal_id")),
        "proposals": sorted(Proposal.objects.values_list("pk", "title")),
    }


def assert_status(response, role, expected):
    assert response.status_code == expected, response.content.decode()[:500]
    if role == "anonymous" and expected == 302:
        assert response.url.startswith(reverse("account_login") + "?next=")


def allowed(role, expected):
    return role != "anonymous" and expected == 302


def round_data(**changes):
    today = timezone.localdate()
    return {
        "title": "Trygghet i förorten – hösten",
        "description": "Nya idéer om trygghet.",
        "opens_on": (today - timedelta(days=3)).isoformat(),
        "closes_on": (today + timedelta(days=30)).isoformat(),
        **changes,
    }


# --- Reading: every round and its ideas are public --------------------------------------------------------


@matrix(anonymous=200, member=200, editor_lan=200, editor_stad=200, admin=200)
def test_view_index(client, act_as, open_round, closed_round, role, expected):
    act_as(role)
    response = client.get(reverse("rounds:list"))
    assert_status(response, role, expected)
    text = response.content.decode()
    assert open_round.title in text and closed_round.title in text
    assert (reverse("rounds:create") in text) == (role in ("editor_lan", "editor_stad"))


@matrix(anonymous=200, member=200, editor_lan=200, editor_stad=200, admin=200)
def test_view_round(client, act_as, open_round, role, expected):
    act_as(role)
    response = client.get(open_round.get_absolute_url())
    assert_status(response, role, expected)
    text = response.content.decode()
    assert open_round.title in text
    assert reverse("rounds:submit", args=[open_round.slug]) in text  # anonymous visitors are asked to log in
    assert (reverse("rounds:edit", args=[open_round.slug]) in text) == (role == "editor_lan")
    assert (reverse("rounds:close", args=[open_round.slug]) in text) == (role == "editor_lan")


def test_unknown_round_is_404(client, db):
    assert client.get(reverse("rounds:detail", args=["finns-inte"])).status_code == 404
    assert client.get(reverse("rounds:feed", args=["finns-inte"])).status_code == 404


# --- Submitting ideas -------------------------------------------------------------------------------------


@matrix(anonymous=302, member=302, editor_lan=302, editor_stad=302, admin=302)
def test_submit_to_open_round(client, act_as, open_round, idea_data, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("rounds:submit", args=[open_round.slug]), idea_data)
    assert_status(response, role, expected)
    if allowed(role, expected):
        proposal = Proposal.objects.get(author=user)
        assert response.url == proposal.get_absolute_url()
        assert RoundIdea.objects.get(proposal=proposal).round == open_round
    else:
        assert db_state() == before


@matrix(anonymous=302, member=409, editor_lan=409, editor_stad=409, admin=409)
def test_submit_to_closed_round(client, act_as, closed_round, idea_data, role, expected):
    act_as(role)
    before = db_state()
    response = client.post(reverse("rounds:submit", args=[closed_round.slug]), idea_data)
    assert_status(response, role, expected)
    assert db_state() == before
    if role != "anonymous":
        assert "stängd" in response.content.decode()


@matrix(anonymous=302, member=302, editor_lan=302, editor_stad=302, admin=302)
def test_submit_form_of_a_closed_round_leads_back_to_it(client, act_as, closed_round, role, expected):
    act_as(role)
    response = client.get(reverse("rounds:submit", args=[closed_round.slug]))
    assert_status(response, role, expected)
    if role != "anonymous":
        assert response.url == closed_round.get_absolute_url()


def test_unverified_member_may_not_submit_to_a_round(client, unverified, open_round, idea_data):
    client.force_login(unverified)
    before = db_state()
    assert client.get(reverse("rounds:submit", args=[open_round.slug])).status_code == 403
    assert client.post(reverse("rounds:submit", args=[open_round.slug]), idea_data).status_code == 403
    assert db_state() == before


# --- Running rounds: create, edit, close --------------------------------------------------------------------


@matrix(anonymous=302, member=403, editor_lan=200, editor_stad=200, admin=403)
def test_create_form(client, act_as, role, expected):
    act_as(role)
    assert_status(client.get(reverse("rounds:create")), role, expected)


@matrix(anonymous=302, member=403, editor_lan=302, editor_stad=400, admin=403)
def test_create_for_the_county_district(client, act_as, lan, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("rounds:create"), round_data(district=lan.pk))
    assert_status(response, role, expected)
    if allowed(role, expected):
        created = Round.objects.get()
        assert (created.district, created.created_by, created.title) == (
            lan,
            user,
            "Trygghet i förorten – hösten",
        )
        assert response.url == created.get_absolute_url()
    else:
        assert db_state() == before
    if expected == 400:  # the other district's editor is offered only their own district and a joint round
        assert "Välj ett giltigt alternativ" in response.content.decode()


@matrix(anonymous=302, member=403, editor_lan=302, editor_stad=302, admin=403)
def test_create_joint_round(client, act_as, role, expected):
    act_as(role)
    before = db_state()
    response = client.post(reverse("rounds:create"), round_data(district="joint"))
    assert_status(response, role, expected)
    if allowed(role, expected):
        assert Round.objects.get().district is None
    else:
        assert db_state() == before


@matrix(anonymous=302, member=403, editor_lan=200, editor_stad=403, admin=403)
def test_edit_form(client, act_as, open_round, role, expected):
    act_as(role)
    assert_status(client.get(reverse("rounds:edit", args=[open_round.slug])), role, expected)


@matrix(anonymous=302, member=403, editor_lan=302, editor_stad=403, admin=403)
def test_edit(client, act_as, open_round, role, expected):
    act_as(role)
    before = db_state()
    response = client.post(
        reverse("rounds:edit", args=[open_round.slug]), round_data(title="Tryggare förorter")
    )
    assert_status(response, role, expected)
    open_round.refresh_from_db()
    if allowed(role, expected):
        assert open_round.title == "Tryggare förorter"
        assert open_round.slug == "trygghet-i-fororten"  # links to the round keep working
    else:
        assert db_state() == before


@matrix(anonymous=302, member=403, editor_lan=200, editor_stad=403, admin=403)
def test_close_confirmation(client, act_as, open_round, role, expected):
    act_as(role)
    before = db_state()
    assert_status(client.get(reverse("rounds:close", args=[open_round.slug])), role, expected)
    assert db_state() == before


@matrix(anonymous=302, member=403, editor_lan=302, editor_stad=403, admin=403)
def test_close(client, act_as, open_round, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("rounds:close", args=[open_round.slug]))
    assert_status(response, role, expected)
    open_round.refresh_from_db()
    if allowed(role, expected):
        assert open_round.closed_at is not None and open_round.state == Round.State.CLOSED
        assert open_round.closed_by == user
    else:
        assert db_state() == before


@pytest.mark.parametrize("role", ["editor_lan", "editor_stad"])
def test_either_board_runs_a_joint_round(client, act_as, make_round, role):
    joint = make_round("Regionens kollektivtrafik", district=None)
    act_as(role)
    response = client.post(reverse("rounds:close", args=[joint.slug]))
    assert response.status_code == 302
    joint.refresh_from_db()
    assert joint.closed_at is not None


def test_closing_a_closed_round_is_a_conflict(client, editor_lan, closed_round):
    client.force_login(editor_lan)
    before = db_state()
    response = client.post(reverse("rounds:close", args=[closed_round.slug]))
    assert response.status_code == 409
    assert "inte öppen" in response.content.decode()
    assert db_state() == before
