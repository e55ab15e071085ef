"""The demo's dashboard says something: months with ideas, meetings held in several months, members at them
from their home municipalities, implementations."""

import csv
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from .test_dashboard import place_table

pytestmark = pytest.mark.django_db


def test_the_demo_dashboard_has_history(client, admin_user):
    call_command("seed_demo", verbosity=0, stdout=io.StringIO())
    call_command("anchoring_count", stdout=io.StringIO())
    client.force_login(admin_user)
    page = client.get(reverse("anchoring:csv"))
    totals = {}
    for row in csv.DictReader(io.StringIO(page.content.decode())):
        if row["Kommun, region eller distrikt"] in {"Totalt för de valda kommunerna", "Totalt för mötena"}:
            totals.setdefault(row["Mått"], []).append(int(row["Antal"]))
    months_with = {figure: sum(1 for value in values if value) for figure, values in totals.items()}
    assert months_with["Idéer inskickade"] >= 6
    assert months_with["Möten som hållits"] >= 3
    assert months_with["Genomföranden registrerade"] >= 3
    assert months_with["Medlemmar på möten, efter hemkommun"] >= 3
    table = place_table(client.get(reverse("anchoring:dashboard")))
    assert table["Stockholm"]["meeting_members"] >= 5  # the members from the city at its meetings
