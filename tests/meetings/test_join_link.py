"""A digital meeting's link is for the members with a seat, from an hour before the start until the end."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings import services

LINK = "https://mote.example.se/j/123"


@pytest.mark.parametrize(
    ("starts_in", "shown"),
    [
        (timedelta(minutes=61), False),  # just over an hour before
        (timedelta(minutes=59), True),  # just under an hour before
        (-timedelta(minutes=30), True),  # while it goes on
        (-timedelta(hours=3), False),  # after the end (two hours long)
    ],
)
def test_link_shows_from_an_hour_before_the_start(client, make_meeting, member, starts_in, shown):
    meeting = make_meeting(kind="digital", starts_in=timedelta(days=1))
    services.meeting_register(meeting=meeting, member=member)
    meeting.starts_at = timezone.now() + starts_in
    meeting.ends_at = meeting.starts_at + timedelta(hours=2)
    meeting.save()
    client.force_login(member)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert (LINK in html) == shown


def test_link_is_not_for_the_waiting_list_nor_others(client, make_meeting, member, other_member, editor_lan):
    meeting = make_meeting(kind="digital", capacity=1, starts_in=timedelta(minutes=30))
    services.meeting_register(meeting=meeting, member=other_member)
    services.meeting_register(meeting=meeting, member=member)
    for user, shown in [(other_member, True), (member, False), (editor_lan, False)]:
        client.force_login(user)
        assert (LINK in client.get(meeting.get_absolute_url()).content.decode()) == shown, user
    client.logout()
    assert LINK not in client.get(meeting.get_absolute_url()).content.decode()


def test_before_the_hour_a_confirmed_member_is_told_when(client, make_meeting, member):
    meeting = make_meeting(kind="digital", starts_in=timedelta(days=2))
    services.meeting_register(meeting=meeting, member=member)
    client.force_login(member)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Länken till mötet visas här från kl." in html
    assert LINK not in html
