from datetime import timedelta

import pytest
from django.utils import timezone

from meetings import services
from places.models import District


@pytest.fixture
def lan(db):
    return District.objects.get(code="lan")


@pytest.fixture
def make_meeting(db, editor_lan, lan):
    """A meeting of the county district, by its editor: on site, in three days, unless told otherwise."""

    def make(*, starts_in=timedelta(days=3), hours=2, district=lan, **fields):
        starts_at = (timezone.now() + starts_in).replace(second=0, microsecond=0)  # as the form gives it
        data = {
            "title": "Skolpolitiskt seminarium",
            "description": "Vi samtalar om **läxhjälp** och fritids.",
            "kind": "on_site",
            "join_url": "",
            "address": "ABF-huset, Sveavägen 41, Stockholm",
            "starts_at": starts_at,
            "ends_at": starts_at + timedelta(hours=hours),
            "capacity": 30,
        }
        if fields.get("kind") == "digital":
            data.update(address="", join_url="https://mote.example.se/j/123")
        data.update(fields)
        return services.meeting_create(editor=editor_lan, district=district, **data)

    return make


@pytest.fixture
def meeting(make_meeting):
    return make_meeting()


@pytest.fixture
def digital(make_meeting):
    return make_meeting(title="Digitalt samtal om bostäder", kind="digital")


def local_input(when) -> str:
    """A time as the browser's date-time picker sends it: Swedish time, to the minute."""
    return timezone.localtime(when).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def meeting_data(lan):
    """What an editor types into the meeting form: an on-site meeting in ten days, 18–20."""
    starts = timezone.localtime(timezone.now() + timedelta(days=10)).replace(hour=18, minute=0)
    return {
        "title": "Välfärdens framtid – samtal i Södertälje",
        "district": str(lan.pk),
        "kind": "on_site",
        "address": "Folkets hus, Kringlan, Södertälje",
        "join_url": "",
        "starts_at": local_input(starts),
        "ends_at": local_input(starts + timedelta(hours=2)),
        "capacity": "40",
        "description": "Vi samtalar om **välfärden**.",
    }
