"""Signing up and cancelling: seats first come, first served, a waiting list that moves up by itself when a seat
is given back (the member hears of it), and the races: two members taking the last seat at once, a double-click."""

from datetime import timedelta

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import Meeting, Registration
from members.models import Notification
from tests.conftest import make_user
from tests.parallel import client_for, parallel, parallel_posts


def states(meeting) -> list[tuple[str, str]]:
    return list(
        Registration.objects.filter(meeting=meeting)
        .order_by("created_at", "id")
        .values_list("member__email", "state")
    )


def test_signing_up_takes_a_seat_then_the_waiting_list(client, make_meeting, member, other_member):
    meeting = make_meeting(capacity=1)
    for user in (member, other_member):
        client.force_login(user)
        assert client.post(reverse("meetings:register", args=[meeting.pk])).status_code == 302
    assert states(meeting) == [(member.email, "confirmed"), (other_member.email, "waiting")]


@pytest.mark.django_db(transaction=True)  # the task worker sends the email after the commit, as in production
def test_cancelling_a_seat_moves_the_first_waiting_member_up_and_tells_them(
    client, make_meeting, member, other_member, run_tasks
):
    meeting = make_meeting(capacity=1, title="Bostadsseminarium i Nacka")
    third = make_user("tredje@example.se", display_name="Tea Tredje")
    for user in (member, other_member, third):
        services.meeting_register(meeting=meeting, member=user)
    client.force_login(member)
    response = client.post(reverse("meetings:cancel", args=[meeting.pk]))
    assert response.status_code == 302
    assert states(meeting) == [(other_member.email, "confirmed"), (third.email, "waiting")]
    notification = Notification.objects.get()
    assert (notification.user, notification.url) == (other_member, meeting.get_absolute_url())
    assert notification.text == "Du har fått en plats på ”Bostadsseminarium i Nacka”."
    outbox = run_tasks()
    assert [m.to for m in outbox] == [[other_member.email]]
    assert "Bostadsseminarium i Nacka" in outbox[0].subject
    assert "http://127.0.0.1:8000" + meeting.get_absolute_url() in outbox[0].body


def test_leaving_the_waiting_list_moves_nobody(make_meeting, member, other_member):
    meeting = make_meeting(capacity=1)
    third = make_user("tredje@example.se")
    for user in (member, other_member, third):
        services.meeting_register(meeting=meeting, member=user)
    assert services.meeting_cancel(meeting=meeting, member=other_member)
    assert states(meeting) == [(member.email, "confirmed"), (third.email, "waiting")]
    assert not Notification.objects.exists()


def test_cancelling_without_a_registration_changes_nothing(client, meeting, member, other_member):
    services.meeting_register(meeting=meeting, member=other_member)
    client.force_login(member)
    assert client.post(reverse("meetings:cancel", args=[meeting.pk])).status_code == 302
    assert states(meeting) == [(other_member.email, "confirmed")]


def test_more_seats_move_the_waiting_list_up(client, make_meeting, editor_lan, member, other_member):
    meeting = make_meeting(capacity=1)
    third = make_user("tredje@example.se")
    for user in (member, other_member, third):
        services.meeting_register(meeting=meeting, member=user)
    services.meeting_update(
        meeting=meeting,
        editor=editor_lan,
        district=meeting.district,
        **{name: getattr(meeting, name) for name in services.MEETING_FIELDS if name != "capacity"},
        capacity=2,
    )
    assert states(meeting) == [
        (member.email, "confirmed"),
        (other_member.email, "confirmed"),
        (third.email, "waiting"),
    ]
    assert list(Notification.objects.values_list("user", flat=True)) == [other_member.pk]


def test_fewer_seats_than_taken_is_refused_with_the_form_kept(
    client, make_meeting, editor_lan, member, meeting_data
):
    meeting = make_meeting(capacity=5, title="Stort möte")
    other = make_user("tva@example.se")
    services.meeting_register(meeting=meeting, member=member)
    services.meeting_register(meeting=meeting, member=other)
    client.force_login(editor_lan)
    data = {**meeting_data, "title": "Litet möte nu", "capacity": "1"}
    response = client.post(reverse("meetings:edit", args=[meeting.pk]), data)
    assert response.status_code == 409
    html = response.content.decode()
    assert "2 medlemmar har redan en plats" in html
    assert 'value="Litet möte nu"' in html
    meeting.refresh_from_db()
    assert (meeting.title, meeting.capacity) == ("Stort möte", 5)


# --- Races ---------------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_members_taking_the_last_seat_at_once(make_meeting, member, other_member):
    meeting = make_meeting(capacity=2)
    first = make_user("forst@example.se")
    services.meeting_register(meeting=meeting, member=first)
    url = reverse("meetings:register", args=[meeting.pk])
    clients = [client_for(member), client_for(other_member)]
    responses = parallel([lambda c=c: c.post(url) for c in clients])
    assert [r.status_code for r in responses] == [302, 302]
    rows = dict(Registration.objects.filter(meeting=meeting).values_list("member_id", "state"))
    assert rows[first.pk] == "confirmed"
    assert sorted([rows[member.pk], rows[other_member.pk]]) == ["confirmed", "waiting"]


@pytest.mark.django_db(transaction=True)
def test_a_double_click_makes_one_registration(make_meeting, member):
    meeting = make_meeting(capacity=1)
    responses = parallel_posts(member, reverse("meetings:register", args=[meeting.pk]), {}, times=3)
    assert [r.status_code for r in responses] == [302, 302, 302]
    assert states(meeting) == [(member.email, "confirmed")]


@pytest.mark.django_db(transaction=True)
def test_a_cancellation_and_a_new_sign_up_at_once_never_overbook(make_meeting, member, other_member):
    meeting = make_meeting(capacity=1)
    waiting = make_user("vantar@example.se")
    services.meeting_register(meeting=meeting, member=member)
    services.meeting_register(meeting=meeting, member=waiting)
    responses = parallel(
        [
            lambda: client_for(member).post(reverse("meetings:cancel", args=[meeting.pk])),
            lambda: client_for(other_member).post(reverse("meetings:register", args=[meeting.pk])),
        ]
    )
    assert [r.status_code for r in responses] == [302, 302]
    rows = dict(Registration.objects.filter(meeting=meeting).values_list("member_id", "state"))
    # The seat given back went to the one already waiting; the newcomer waits, whoever came first.
    assert rows == {waiting.pk: "confirmed", other_member.pk: "waiting"}
    assert Meeting.objects.get(pk=meeting.pk).registrations.filter(state="confirmed").count() == 1


def test_sign_up_is_post_only(client, meeting, member):
    client.force_login(member)
    assert client.get(reverse("meetings:register", args=[meeting.pk])).status_code == 405
    assert client.get(reverse("meetings:cancel", args=[meeting.pk])).status_code == 405
    assert not Registration.objects.exists()


def test_meeting_that_started_a_minute_ago_is_closed(make_meeting, member):
    meeting = make_meeting(starts_in=-timedelta(minutes=1))
    with pytest.raises(services.MeetingError):
        services.meeting_register(meeting=meeting, member=member)
