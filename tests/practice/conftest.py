"""Elected representatives for the practice tests: confirmed offices in Nacka (where the ideas are), in
Stockholm (elsewhere), in the parliament, and one still waiting for an admin."""

import pytest
from django.utils import timezone

from places.models import Place
from practice.models import Assignment
from tests.conftest import make_user


def office(member, kind, code=None, *, confirmed_by=None, title=""):
    return Assignment.objects.create(
        member=member,
        kind=kind,
        place=Place.objects.get(code=code) if code else None,
        title=title,
        confirmed_by=confirmed_by,
        confirmed_at=timezone.now() if confirmed_by else None,
    )


@pytest.fixture
def rep_nacka(db, admin_user):
    user = make_user("rep.nacka@example.se", display_name="Nora Nackaledamot")
    office(user, "municipal_council", "0182", confirmed_by=admin_user, title="Gruppledare")
    return user


@pytest.fixture
def rep_stockholm(db, admin_user):
    user = make_user("rep.stockholm@example.se", display_name="Stefan Stadshus")
    office(user, "municipal_council", "0180", confirmed_by=admin_user)
    return user


@pytest.fixture
def rep_parliament(db, admin_user):
    user = make_user("rep.riksdag@example.se", display_name="Rut Riksdag")
    office(user, "parliament", confirmed_by=admin_user)
    return user


@pytest.fixture
def rep_pending(db):
    user = make_user("rep.vantar@example.se", display_name="Vera Väntar")
    office(user, "municipal_council", "0182")
    return user
