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
        starts_at = timezone.now() + starts_in
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
