from datetime import timedelta

import pytest
from django.utils import timezone

from places.models import District
from rounds import services


@pytest.fixture
def lan(db):
    return District.objects.get(code="lan")


@pytest.fixture
def make_round(editor_lan, lan):
    """A round of the county district, open from `opens` to `closes` days from today (negative: in the past)."""

    def make(title="Trygghet i förorten", *, opens=-10, closes=20, district=lan, editor=None, **fields):
        today = timezone.localdate()
        data = {"description": "Vad gör förorten **tryggare**? Skicka in dina idéer.", **fields}
        return services.round_create(
            editor=editor or editor_lan,
            district=district,
            title=title,
            opens_on=today + timedelta(days=opens),
            closes_on=today + timedelta(days=closes),
            **data,
        )

    return make


@pytest.fixture
def open_round(make_round):
    return make_round()


@pytest.fixture
def closed_round(make_round):
    return make_round("Klimatsmarta kommuner", opens=-60, closes=-5)


@pytest.fixture
def upcoming_round(make_round):
    return make_round("Bostäder för unga", opens=5, closes=40)


@pytest.fixture
def submit_to(area, place):
    """Submit an idea to a round through the service, as the round's submit page does."""

    def submit(round_, author, *, title="Fler fältassistenter i Fisksätra", places=None, **fields):
        data = {
            "summary": "Vuxna som rör sig ute på kvällarna gör förorten tryggare.",
            "problem": "Unga saknar vuxna att prata med på kvällarna.",
            "body": "Kommunen anställer **fältassistenter** som arbetar kvällar och helger.",
            "policy_area": area,
            "tags": ["trygghet"],
            **fields,
        }
        return services.round_idea_submit(
            round_=round_, author=author, title=title, places=places or [place], **data
        )

    return submit
