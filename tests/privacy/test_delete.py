"""Deleting an account: writing stays as "tidigare medlem", supports go (counts right), a meeting seat goes to
the waiting list, the member cannot log in, and the same address can sign up again."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from meetings import services as meeting_services
from meetings.models import CalendarFeed, Registration
from members.models import Follow, Notification, User
from places.models import District
from proposals import services
from proposals.models import Comment, Proposal, Support
from tests.conftest import PASSWORD, make_user
from tests.parallel import client_for, parallel

DELETE = reverse("privacy:delete")


def delete_account(client, user, password=PASSWORD):
    client.force_login(user)
    return client.post(DELETE, {"password": password})


def test_writing_stays_as_former_member_and_supports_go(client, member, other_member, make_proposal):
    own = make_proposal(member, title="Läxhjälp i Nacka")
    theirs = make_proposal(other_member, title="Fler cykelbanor")
    comment = services.comment_create(proposal=theirs, author=member, body="Ja, längs Värmdövägen!")
    services.proposal_support(proposal=theirs, member=member)
    services.proposal_support(proposal=theirs, member=other_member)
    services.proposal_follow(proposal=theirs, member=member)

    response = delete_account(client, member)

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.deleted_at is not None
    assert member.public_name == "tidigare medlem"
    assert (member.email, member.display_name, member.is_active) == (
        f"deleted-{member.pk}@invalid",
        "",
        False,
    )
    assert not member.has_usable_password()
    assert Proposal.objects.get(pk=own.pk).author_id == member.pk
    assert Comment.objects.get(pk=comment.pk).body == "Ja, längs Värmdövägen!"
    assert not Support.objects.filter(member=member).exists()
    assert Proposal.objects.get(pk=theirs.pk).support_count == 1  # other_member's is left
    assert not Follow.objects.filter(user=member).exists()
    assert not EmailAddress.objects.filter(user=member).exists()
    page = client.get(theirs.get_absolute_url()).content.decode()
    assert "tidigare medlem" in page and "Maria Medlem" not in page
    assert "Maria Medlem" not in client.get(own.get_absolute_url()).content.decode()
    assert "_auth_user_id" not in client.session  # logged out


def test_deleted_member_cannot_log_in_and_the_address_signs_up_again(client, member, place):
    delete_account(client, member)
    client.logout()
    login = client.post(reverse("account_login"), {"login": "medlem@example.se", "password": PASSWORD})
    assert login.status_code == 200  # the form again, with its error
    assert "_auth_user_id" not in client.session
    signup = client.post(
        reverse("account_signup"),
        {
            "email": "medlem@example.se",
            "display_name": "Maria Ny",
            "home_place": place.pk,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert signup.status_code == 302
    assert User.objects.filter(email="medlem@example.se", deleted_at__isnull=True).count() == 1


def test_old_session_stops_working(member):
    other_tab = client_for(member)
    delete_account(client_for(member), member)
    assert other_tab.get(reverse("members:profile")).status_code == 302  # to the login page


def test_seat_goes_to_the_waiting_list(client, member, other_member, editor_lan):
    meeting = meeting_services.meeting_create(
        editor=editor_lan,
        district=District.objects.get(code="lan"),
        title="Skolpolitiskt seminarium",
        description="Om läxhjälp.",
        kind="on_site",
        join_url="",
        address="ABF-huset, Sveavägen 41, Stockholm",
        starts_at=timezone.now() + timedelta(days=3),
        ends_at=timezone.now() + timedelta(days=3, hours=2),
        capacity=1,
    )
    meeting_services.meeting_register(meeting=meeting, member=member)
    waiting = meeting_services.meeting_register(meeting=meeting, member=other_member)
    assert waiting.state == Registration.State.WAITING
    meeting_services.calendar_feed_renew(member=member)

    delete_account(client, member)

    waiting.refresh_from_db()
    assert waiting.state == Registration.State.CONFIRMED
    assert not Registration.objects.filter(member=member).exists()
    assert not CalendarFeed.objects.filter(member=member).exists()
    assert Notification.objects.filter(user=other_member, kind="meeting_seat").count() == 1


def test_audit_log_keeps_the_anonymised_actor(client, editor_lan, admin_user, proposal):
    services.proposal_hide(proposal=proposal, editor=editor_lan, reason="Personuppgifter i texten.")
    client.force_login(admin_user)
    client.post(reverse("members:roles_update", args=[editor_lan.pk]), {"districts": [], "is_admin": ""})
    entries = AuditEntry.objects.filter(actor=editor_lan).count()
    assert entries == 1
    delete_account(client, editor_lan)
    assert AuditEntry.objects.filter(actor=editor_lan).count() == entries
    editor_lan.refresh_from_db()
    assert editor_lan.public_name == "tidigare medlem"
    assert not editor_lan.editor_roles.exists()
    labels = set(
        AuditEntry.objects.filter(action=AuditEntry.Action.ROLE_CHANGE).values_list("target_label", flat=True)
    )
    assert labels == {"tidigare medlem"}  # the role change about them no longer names them


@pytest.mark.parametrize("password", ["fel-lösenord", "", "x" * 5000])
def test_wrong_password_deletes_nothing(client, member, password):
    response = delete_account(client, member, password)
    assert response.status_code == 400
    assert "password" in response.context["form"].errors
    member.refresh_from_db()
    assert member.deleted_at is None and member.is_active


def test_control_characters_are_refused(client, member):
    response = delete_account(client, member, "lösen\x00ord")
    assert response.status_code == 400
    member.refresh_from_db()
    assert member.deleted_at is None


def test_the_last_admin_cannot_leave_the_portal_without_one(client, admin_user):
    response = delete_account(client, admin_user)
    assert response.status_code == 400
    assert "enda administratören" in response.content.decode()
    admin_user.refresh_from_db()
    assert admin_user.deleted_at is None


def test_get_changes_nothing(client, member):
    client.force_login(member)
    assert client.get(DELETE).status_code == 200
    member.refresh_from_db()
    assert member.deleted_at is None


@pytest.mark.django_db(transaction=True)
def test_deletion_while_support_is_withdrawn(make_proposal, area, place):
    member = make_user("medlem@example.se", display_name="Maria Medlem")
    author = make_user("annan@example.se", display_name="Anders Annan")
    ideas = [make_proposal(author, title=f"Idé nummer {n}") for n in range(3)]
    for idea in ideas:
        services.proposal_support(proposal=idea, member=member)
        services.proposal_support(proposal=idea, member=author)
    results = parallel(
        [
            lambda: client_for(member).post(DELETE, {"password": PASSWORD}).status_code,
            lambda: services.proposal_unsupport(proposal=ideas[0], member=member),
        ]
    )
    assert results[0] == 302
    assert results[1] in (True, False)
    assert not Support.objects.filter(member=member).exists()
    assert [Proposal.objects.get(pk=idea.pk).support_count for idea in ideas] == [1, 1, 1]


@pytest.mark.django_db(transaction=True)
def test_double_click_deletes_once():
    member = make_user("medlem@example.se", display_name="Maria Medlem")
    statuses = sorted(
        parallel([lambda: client_for(member).post(DELETE, {"password": PASSWORD}).status_code] * 2)
    )
    # The second, once the first has committed, finds the account gone (409) or its session ended (302).
    assert statuses[0] == 302 and statuses[1] in (302, 409, 400)
    member.refresh_from_db()
    assert member.deleted_at is not None
