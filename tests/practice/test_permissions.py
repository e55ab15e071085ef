"""Who may do what in the practice app: the permission truth table, roles × actions, through HTTP.

Every refused write leaves the database as it was; every allowed write is checked to have happened. What a
role may not see is a 404, what it sees but may not change a 403."""

from datetime import date

import pytest
from django.urls import reverse

from places.models import Place
from practice import services
from practice.models import Assignment, Carrying, GoverningPeriod, Implementation, ImplementationChange
from tests.conftest import role_matrix

ROLES = [
    "anonymous",
    "unverified",
    "member",
    "author",
    "editor_other",
    "editor_right",
    "rep_pending",
    "rep_elsewhere",
    "rep_here",
    "rep_parliament",
    "admin",
]
# The idea is by `member` about Nacka (county district "lan").
PERSONA = {
    "unverified": "unverified",
    "member": "other_member",
    "author": "member",
    "editor_other": "editor_stad",
    "editor_right": "editor_lan",
    "rep_pending": "rep_pending",
    "rep_elsewhere": "rep_stockholm",
    "rep_here": "rep_nacka",
    "rep_parliament": "rep_parliament",
    "admin": "admin_user",
}


def matrix(**expected):
    return role_matrix(ROLES, **expected)


@pytest.fixture
def nacka_implementation(proposal, place, editor_lan):
    return services.implementation_record(
        proposal=proposal, place=place, recorded_by=editor_lan, state="proposed", happened_on=date(2026, 3, 1)
    )


def db_state():
    return {
        "implementations": sorted(Implementation.objects.values_list("pk", "state", "revision")),
        "changes": ImplementationChange.objects.count(),
        "assignments": sorted(Assignment.objects.values_list("pk", "member_id", "kind", "confirmed_at")),
        "carryings": sorted(Carrying.objects.values_list("proposal_id", "member_id")),
        "periods": GoverningPeriod.objects.count(),
    }


def refused(response, expected, before):
    assert response.status_code == expected
    assert db_state() == before


@matrix(
    anonymous=403,
    unverified=403,
    member=403,
    author=403,
    editor_other=403,
    editor_right=302,
    rep_pending=403,
    rep_elsewhere=403,
    rep_here=302,
    rep_parliament=302,
    admin=302,
)
def test_record_implementation(client, act_as, role, expected, proposal, place, nacka_implementation):
    user = act_as(role)
    before = db_state()
    url = reverse("practice:implementation", args=[proposal.pk, place.code])
    data = {
        "state": "decided",
        "happened_on": "2026-04-01",
        "outcome": "Beslut i fullmäktige.",
        "base_revision": 1,
    }
    response = client.post(url, data)
    if expected != 302:
        return refused(response, expected, before)
    assert response.status_code == 302
    implementation = Implementation.objects.get()
    assert (implementation.state, implementation.revision, implementation.recorded_by) == ("decided", 2, user)
    assert list(implementation.changes.values_list("state", flat=True)) == ["decided", "proposed"]


@matrix(
    anonymous=404,
    unverified=404,
    member=404,
    author=404,
    editor_other=404,
    editor_right=200,
    rep_pending=404,
    rep_elsewhere=404,
    rep_here=200,
    rep_parliament=200,
    admin=200,
)
def test_record_form_for_a_place_without_implementation(client, act_as, role, expected, proposal, place):
    """Nothing recorded yet: only those who may record see the page (with its form)."""
    act_as(role)
    response = client.get(reverse("practice:implementation", args=[proposal.pk, place.code]))
    assert response.status_code == expected
    if expected == 200:
        assert 'name="state"' in response.content.decode()


@matrix(
    anonymous=404,
    unverified=404,
    member=404,
    author=404,
    editor_other=404,
    editor_right=201,
    rep_pending=404,
    rep_elsewhere=201,
    rep_here=404,
    rep_parliament=201,
    admin=201,
)
def test_record_in_stockholm(client, act_as, role, expected, proposal, stockholm):
    """A representative in Stockholm records there (the idea's editors may too); one in Nacka may not."""
    act_as(role)
    before = db_state()
    url = reverse("practice:implementation", args=[proposal.pk, stockholm.code])
    response = client.post(url, {"state": "trial", "happened_on": "2026-04-01", "base_revision": 0})
    if expected == 404:
        return refused(response, 404, before)
    assert response.status_code == 302
    assert Implementation.objects.get(place=stockholm).state == "trial"


@matrix(
    anonymous=302,
    unverified=403,
    member=403,
    author=403,
    editor_other=403,
    editor_right=403,
    rep_pending=403,
    rep_elsewhere=302,
    rep_here=302,
    rep_parliament=302,
    admin=403,
)
def test_carry_idea(client, act_as, role, expected, proposal):
    user = act_as(role)
    before = db_state()
    offices = Assignment.objects.filter(member=user, confirmed_at__isnull=False) if user else []
    data = {"assignment": offices[0].pk if offices else 0}
    response = client.post(reverse("practice:carry", args=[proposal.pk]), data)
    if role == "anonymous":
        assert response.status_code == 302 and "/konto/login/" in response["Location"]
        assert db_state() == before
    elif expected == 403:
        refused(response, 403, before)
    else:
        assert response.status_code == 302
        assert Carrying.objects.filter(proposal=proposal, member=user).exists()


@matrix(
    anonymous=302,
    unverified=403,
    member=302,
    author=302,
    editor_other=302,
    editor_right=302,
    rep_pending=302,
    rep_elsewhere=302,
    rep_here=302,
    rep_parliament=302,
    admin=302,
)
def test_state_assignment(client, act_as, role, expected):
    user = act_as(role)
    before = db_state()
    nacka = Place.objects.get(code="0182")
    data = {"kind": "board", "place": nacka.pk, "title": "Ledamot i utbildningsnämnden"}
    response = client.post(reverse("practice:assignments"), data)
    if user is None:
        assert response.status_code == 302 and "/konto/login/" in response["Location"]
        assert db_state() == before
    elif expected == 403:
        refused(response, 403, before)
    else:
        assert response.status_code == 302
        stated = Assignment.objects.get(member=user, kind="board")
        assert (stated.place, stated.confirmed_at) == (nacka, None)


@matrix(
    anonymous=302,
    unverified=404,
    member=404,
    author=404,
    editor_other=404,
    editor_right=404,
    rep_pending=403,
    rep_elsewhere=404,
    rep_here=404,
    rep_parliament=404,
    admin=302,
)
def test_confirm_assignment(client, act_as, role, expected, rep_pending):
    """A waiting assignment is seen by its member (who may not confirm it) and the admins only."""
    user = act_as(role)
    pending = Assignment.objects.get(member=rep_pending)
    before = db_state()
    response = client.post(reverse("practice:assignment_confirm", args=[pending.pk]))
    if role == "anonymous":
        assert "/konto/login/" in response["Location"] and db_state() == before
    elif expected != 302:
        refused(response, expected, before)
    else:
        pending.refresh_from_db()
        assert (pending.confirmed_by, pending.is_confirmed) == (user, True)


@matrix(
    anonymous=302,
    unverified=403,
    member=403,
    author=403,
    editor_other=403,
    editor_right=403,
    rep_pending=403,
    rep_elsewhere=403,
    rep_here=302,
    rep_parliament=403,
    admin=302,
)
def test_remove_confirmed_assignment(client, act_as, role, expected, rep_nacka, proposal):
    """A confirmed office is public: others see it but may not remove it; with it go the ideas it carried."""
    user = act_as(role)
    confirmed = Assignment.objects.get(member=rep_nacka)
    services.proposal_carry(proposal=proposal, member=rep_nacka, assignment=confirmed)
    before = db_state()
    response = client.post(reverse("practice:assignment_remove", args=[confirmed.pk]))
    if user is None:
        assert "/konto/login/" in response["Location"] and db_state() == before
    elif expected == 403:
        refused(response, 403, before)
    else:
        assert response.status_code == 302
        assert not Assignment.objects.filter(pk=confirmed.pk).exists()
        assert not Carrying.objects.exists()


@matrix(
    anonymous=302,
    unverified=302,
    member=302,
    author=302,
    editor_other=403,
    editor_right=403,
    rep_pending=302,
    rep_elsewhere=302,
    rep_here=302,
    rep_parliament=302,
    admin=302,
)
def test_mark_governing_municipality(client, act_as, role, expected, place):
    """Only admins mark where the party governs (in the admin site; editors, who enter it for the synonyms,
    are refused, anyone else is sent to its login)."""
    act_as(role)
    before = db_state()
    data = {"place": place.pk, "starts_on": "2022-10-15", "ends_on": "", "note": "Tillsammans med C"}
    response = client.post(reverse("admin:practice_governingperiod_add"), data)
    assert response.status_code == expected
    if role == "admin":
        period = GoverningPeriod.objects.get()
        assert (period.place, period.starts_on, period.ends_on) == (place, date(2022, 10, 15), None)
    else:
        assert expected == 403 or "/admin/login/" in response["Location"]
        assert db_state() == before


@matrix(
    anonymous=200,
    unverified=200,
    member=200,
    author=200,
    editor_other=200,
    editor_right=200,
    rep_pending=200,
    rep_elsewhere=200,
    rep_here=200,
    rep_parliament=200,
    admin=200,
)
def test_public_pages(client, act_as, role, expected, proposal, place, nacka_implementation, rep_nacka):
    """Implementations, places, the matrix and confirmed representatives are public; a form only for those
    who may use it."""
    act_as(role)
    pages = [
        reverse("practice:overview"),
        reverse("practice:matrix") + f"?omrade={proposal.policy_area.slug}",
        reverse("practice:place", args=[place.code]),
        reverse("practice:implementation", args=[proposal.pk, place.code]),
        reverse("practice:representative", args=[rep_nacka.pk]),
        proposal.get_absolute_url(),
    ]
    for url in pages:
        assert client.get(url).status_code == expected, url
    form_shown = 'name="state"' in client.get(pages[3]).content.decode()
    assert form_shown == (role in {"editor_right", "rep_here", "rep_parliament", "admin"})


def test_pending_representative_has_no_page(client, rep_pending):
    assert client.get(reverse("practice:representative", args=[rep_pending.pk])).status_code == 404
