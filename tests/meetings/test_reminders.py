"""Reminders the day before: `manage.py meetings_remind` (every hour from cron or a systemd timer) queues one
email to each member with a seat at a meeting starting within a day, never two, however often it runs."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from meetings import services
from meetings.models import Registration
from tests.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)  # the task worker sends after the commit


def test_running_twice_sends_one_reminder_per_member(make_meeting, member, other_member, run_tasks):
    tomorrow = make_meeting(title="Seminarium i morgon", starts_in=timedelta(hours=20), capacity=2)
    later = make_meeting(title="Seminarium nästa vecka", starts_in=timedelta(days=7))
    waiting = make_user("vantar@example.se")
    for user in (member, other_member, waiting):
        services.meeting_register(meeting=tomorrow, member=user)
        services.meeting_register(meeting=later, member=user)
    call_command("meetings_remind", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("meetings_remind", stdout=open("/dev/null", "w"))  # noqa: SIM115
    outbox = run_tasks()
    assert sorted(m.to[0] for m in outbox) == sorted([member.email, other_member.email])
    assert all("Seminarium i morgon" in m.subject for m in outbox)
    assert Registration.objects.filter(reminded_at__isnull=False).count() == 2


def test_a_member_moved_up_later_is_reminded_once(make_meeting, member, other_member, run_tasks):
    meeting = make_meeting(starts_in=timedelta(hours=10), capacity=1)
    services.meeting_register(meeting=meeting, member=member)
    services.meeting_register(meeting=meeting, member=other_member)
    assert services.meeting_reminders_send() == 1
    services.meeting_cancel(meeting=meeting, member=member)
    assert services.meeting_reminders_send() == 1
    assert services.meeting_reminders_send() == 0
    reminded = [
        m.to[0] for m in run_tasks() if m.subject.startswith("[") is False and "Påminnelse" in m.subject
    ]
    assert sorted(reminded) == sorted([member.email, other_member.email])


def test_a_started_meeting_gets_no_reminder(make_meeting, member, run_tasks):
    meeting = make_meeting(starts_in=timedelta(hours=2))
    services.meeting_register(meeting=meeting, member=member)
    Registration.objects.update(reminded_at=None)
    assert services.meeting_reminders_send(now=meeting.starts_at + timedelta(minutes=1)) == 0
    assert run_tasks() == []


def test_the_reminder_gives_the_time_in_swedish_time(make_meeting, member, run_tasks):
    meeting = make_meeting(title="Kvällsmöte om cykelbanor", starts_in=timedelta(hours=20))
    services.meeting_register(meeting=meeting, member=member)
    services.meeting_reminders_send()
    (message,) = run_tasks()
    assert message.subject.endswith("Påminnelse: Kvällsmöte om cykelbanor")
    assert timezone.localtime(meeting.starts_at).strftime("%H.%M") in message.body
    assert meeting.address in message.body
    assert meeting.get_absolute_url() in message.body
