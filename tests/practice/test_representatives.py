"""Elected representatives: stating and confirming offices, taking an idea on ("Jag driver den här"), and the
representative's page."""

import pytest
from django.urls import reverse

from members.models import Notification
from places.models import Place
from practice import services
from practice.models import Assignment, Carrying
from tests.conftest import make_user
from tests.parallel import client_for, parallel, parallel_posts


def carry_url(proposal):
    return reverse("practice:carry", args=[proposal.pk])


def test_member_states_an_office_and_an_admin_confirms_it(client, other_member, admin_user, proposal):
    client.force_login(other_member)
    nacka = Place.objects.get(code="0182")
    data = {"kind": "municipal_council", "place": nacka.pk, "title": "Gruppledare"}
    assert client.post(reverse("practice:assignments"), data).status_code == 302
    stated = Assignment.objects.get(member=other_member)
    assert not stated.is_confirmed
    # Not yet a representative: no "Jag driver den här" on the idea.
    assert "Jag driver den här" not in client.get(proposal.get_absolute_url()).content.decode()

    client.force_login(admin_user)
    page = client.get(reverse("practice:assignments")).content.decode()
    assert "Anders Annan" in page and "Kommunfullmäktigegruppen, Nacka" in page
    assert client.post(reverse("practice:assignment_confirm", args=[stated.pk])).status_code == 302
    stated.refresh_from_db()
    assert stated.confirmed_by == admin_user and stated.is_confirmed

    client.force_login(other_member)
    assert "Jag driver den här" in client.get(proposal.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("kind", "code", "message"),
    [
        ("parliament", "0182", "Ett uppdrag i riksdagen gäller hela länet"),
        ("municipal_council", None, "Välj kommunen eller regionen uppdraget gäller"),
        ("municipal_council", "01", "Välj en kommun för ett uppdrag i kommunfullmäktige"),
        ("regional_council", "0182", "Välj regionen för ett uppdrag i regionfullmäktige"),
    ],
)
def test_office_and_place_must_fit(client, member, kind, code, message):
    client.force_login(member)
    place = Place.objects.get(code=code).pk if code else ""
    response = client.post(
        reverse("practice:assignments"), {"kind": kind, "place": place, "title": "Ledamot"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and 'value="Ledamot"' in page
    assert not Assignment.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "king", "place": "", "title": ""},
        {"kind": "board", "place": "99999999999999999999", "title": ""},
        {"kind": "parliament", "place": "", "title": "Två\nrader"},
        {"kind": "parliament", "place": "", "title": "x" * 200},
    ],
)
def test_bad_office_input_is_400(client, member, data):
    client.force_login(member)
    assert client.post(reverse("practice:assignments"), data).status_code == 400
    assert not Assignment.objects.exists()


def test_the_same_office_twice_is_refused(client, member):
    client.force_login(member)
    data = {"kind": "parliament", "place": "", "title": ""}
    assert client.post(reverse("practice:assignments"), data).status_code == 302
    response = client.post(reverse("practice:assignments"), data)
    assert response.status_code == 400 and "Du har redan angett det uppdraget" in response.content.decode()
    assert Assignment.objects.count() == 1


def test_carrying_shows_on_the_idea_and_tells_the_author(client, proposal, rep_nacka, member):
    client.force_login(rep_nacka)
    office = Assignment.objects.get(member=rep_nacka)
    response = client.post(carry_url(proposal), {"assignment": office.pk})
    assert response.status_code == 302
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Nora Nackaledamot" in page and "Kommunfullmäktigegruppen, Nacka" in page
    assert "Sluta driva idén" in page and "Jag driver den här" not in page

    notification = Notification.objects.get(user=member)
    assert notification.kind == "proposal_carried"
    assert (
        notification.text
        == "Nora Nackaledamot (Kommunfullmäktigegruppen) driver nu din idé ”Gratis läxhjälp på alla skolor”."
    )
    assert notification.url == proposal.get_absolute_url()

    representative = client.get(reverse("practice:representative", args=[rep_nacka.pk])).content.decode()
    assert "Gratis läxhjälp på alla skolor" in representative and "Ny" in representative

    assert client.post(carry_url(proposal), {"action": "stop"}).status_code == 302
    assert not Carrying.objects.exists()


def test_carrying_needs_ones_own_confirmed_office(client, proposal, rep_nacka, rep_pending):
    client.force_login(rep_nacka)
    someone_elses = Assignment.objects.get(member=rep_pending)
    response = client.post(carry_url(proposal), {"assignment": someone_elses.pk})
    assert response.status_code == 302
    assert not Carrying.objects.exists()
    assert client.post(carry_url(proposal), {"assignment": "x" * 30}).status_code == 302
    assert not Carrying.objects.exists()


def test_an_author_carrying_their_own_idea_gets_no_notification(proposal, member, admin_user):
    office = Assignment.objects.create(
        member=member, kind="parliament", confirmed_by=admin_user, confirmed_at="2026-01-01T10:00Z"
    )
    services.proposal_carry(proposal=proposal, member=member, assignment=office)
    assert Carrying.objects.count() == 1 and not Notification.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_taking_on_twice_at_once_makes_one_carrying_and_one_notification(proposal, rep_nacka):
    office = Assignment.objects.get(member=rep_nacka)
    responses = parallel_posts(rep_nacka, carry_url(proposal), {"assignment": office.pk}, times=3)
    assert [r.status_code for r in responses] == [302, 302, 302]
    assert Carrying.objects.count() == 1
    assert Notification.objects.filter(kind="proposal_carried").count() == 1


@pytest.mark.django_db(transaction=True)
def test_an_office_removed_while_taking_an_idea_on_carries_nothing(proposal, rep_nacka):
    office = Assignment.objects.get(member=rep_nacka)
    representative = client_for(rep_nacka)
    responses = parallel(
        [
            lambda: representative.post(carry_url(proposal), {"assignment": office.pk}),
            lambda: services.assignment_remove(assignment=office),
        ]
    )
    # Refused (403) if the office was gone when the request began, told so (302) if it went while waiting
    # for the lock; either way nothing is carried in an office that no longer exists.
    assert responses[0].status_code in (302, 403)
    assert not Assignment.objects.exists() and not Carrying.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_admins_confirming_at_once_confirm_once(rep_pending, admin_user):
    other_admin = make_user("admin2@example.se", admin=True, display_name="Alva Admin")
    office = Assignment.objects.get(member=rep_pending)
    url = reverse("practice:assignment_confirm", args=[office.pk])
    first, second = client_for(admin_user), client_for(other_admin)
    responses = parallel([lambda: first.post(url), lambda: second.post(url)])
    assert [r.status_code for r in responses] == [302, 302]
    office.refresh_from_db()
    assert office.is_confirmed and office.confirmed_by in (admin_user, other_admin)


@pytest.mark.django_db(transaction=True)
def test_stating_the_same_office_twice_at_once_makes_one(member):
    data = {"kind": "parliament", "place": "", "title": ""}
    responses = parallel_posts(member, reverse("practice:assignments"), data, times=2)
    assert sorted(r.status_code for r in responses) == [302, 400]
    assert Assignment.objects.count() == 1
