"""The demo has meetings held over the last months, the latest with notes citing two of the demo's ideas, and a
coming digital one with a few members signed up."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from meetings.models import Meeting

pytestmark = pytest.mark.django_db


def test_demo_has_a_held_and_a_coming_meeting(client):
    call_command("seed_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    *earlier, held, coming = Meeting.objects.order_by("starts_at")
    assert len(earlier) == 3 and all(meeting.has_ended for meeting in earlier)
    assert {meeting.district.code if meeting.district else None for meeting in earlier} == {
        "lan",
        "stad",
        None,
    }
    assert held.has_ended and held.notes
    assert sorted(held.ideas.values_list("title", flat=True)) == [
        "Läxhjälp på biblioteken även under loven",
        "Läxhjälp varje eftermiddag på alla skolor i Botkyrka",
    ]
    assert not coming.has_started and coming.is_digital and coming.is_joint
    assert coming.registrations.filter(state="confirmed").count() == 4
    html = client.get(reverse("meetings:list")).content.decode()
    assert html.index(coming.title) < html.index(held.title)
    page = client.get(held.get_absolute_url()).content.decode()
    assert "Läxhjälp på biblioteken även under loven" in page
