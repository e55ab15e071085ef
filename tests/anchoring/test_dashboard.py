"""The anchoring dashboard read through HTTP: the figures of a small known bank, in the page and the CSV."""

import csv
import io
import re
import threading

import pytest
from django.core.management import call_command
from django.db import connections
from django.urls import reverse
from django.utils import timezone

from anchoring.models import Count
from anchoring.services import figures_count
from places.models import Place
from proposals.models import Proposal
from proposals.services import proposal_hide

from ..conftest import role_matrix

ROLES = ["anonymous", "member", "editor_lan", "editor_stad", "admin_user"]
PERSONA = {role: role for role in ROLES if role != "anonymous"}
PLACE_COLUMNS = ["ideas", "active", "rounds", "promoted", "implementations", "meeting_members"]


def place_table(response) -> dict[str, dict[str, int]]:
    """The rows of the places table: name -> figure -> count."""
    rows = re.findall(
        r'<tr><th scope="row">([^<]+)</th>((?:<td>\d+</td>)+)<td>([^<]+)</td></tr>', response.text
    )
    return {
        name: dict(zip(PLACE_COLUMNS, map(int, re.findall(r"<td>(\d+)</td>", cells)), strict=True))
        for name, cells, _ in rows
    }


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def this_month() -> str:
    return timezone.localdate().replace(day=1).isoformat()


def test_figures_of_a_known_bank_in_the_page(client, admin_user, known_data):
    client.force_login(admin_user)
    response = client.get(reverse("anchoring:dashboard"))
    assert response.status_code == 200
    table = place_table(response)
    assert table["Nacka"] == {
        "ideas": 1,
        "active": 2,
        "rounds": 1,
        "promoted": 1,
        "implementations": 1,
        "meeting_members": 1,
    }
    assert table["Stockholm"] == {
        "ideas": 1,
        "active": 1,
        "rounds": 0,
        "promoted": 0,
        "implementations": 0,
        "meeting_members": 0,
    }
    assert table["Danderyd"] == dict.fromkeys(PLACE_COLUMNS, 0)
    assert len(table) == 27  # 26 municipalities and the region
    # The places with the fewest active members are marked in words, not only by a colour.
    assert re.search(
        r"anchoring-thin-marker\"><span aria-hidden=\"true\">▽</span> Tunn förankring", response.text
    )
    # Each chart names itself and carries its numbers as text; the meetings: one in each district, one seat.
    assert response.text.count('role="img"') == 8
    meetings = response.text[response.text.index('id="chart-meetings"') :]
    assert "<desc" in meetings and "Totalt 2." in meetings[: meetings.index("</desc>")]
    attendance = response.text[response.text.index('id="chart-attendance"') :]
    assert "Totalt 1." in attendance[: attendance.index("</desc>")]


def test_figures_of_a_known_bank_in_the_csv(client, admin_user, known_data):
    client.force_login(admin_user)
    response = client.get(reverse("anchoring:csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    month = {
        (row["Kod"], row["Kommun, region eller distrikt"], row["Mått"]): int(row["Antal"])
        for row in csv_rows(response)
        if row["Period"] == this_month()
    }
    assert month[("0182", "Nacka", "Aktiva medlemmar")] == 2
    assert month[("0182", "Nacka", "Idéer som lyfts in i en reformagenda")] == 1
    assert month[("0180", "Stockholm", "Idéer inskickade")] == 1
    # The member active in two places counts once in the total.
    assert month[("", "Totalt för de valda kommunerna", "Aktiva medlemmar")] == 2
    assert month[("lan", "Stockholms läns partidistrikt", "Anmälda deltagare på mötena")] == 1
    assert month[("stad", "Stockholms stads partidistrikt", "Möten som hållits")] == 1
    assert month[("", "Totalt för mötena", "Möten som hållits")] == 2


def test_area_filter_counts_only_that_area(client, admin_user, known_data):
    client.force_login(admin_user)
    response = client.get(reverse("anchoring:dashboard"), {"omrade": "bostader-och-stadsbyggnad"})
    table = place_table(response)
    assert table["Nacka"]["ideas"] == 0
    assert table["Stockholm"]["ideas"] == 1
    assert table["Nacka"]["meeting_members"] == 1  # meetings belong to no policy area


def test_quarters_over_three_years(client, admin_user, known_data):
    client.force_login(admin_user)
    response = client.get(reverse("anchoring:csv"), {"period": "quarter", "kommun": "0182"})
    rows = [row for row in csv_rows(response) if row["Mått"] == "Idéer inskickade" and row["Kod"] == "0182"]
    assert len(rows) == 12
    assert [int(row["Antal"]) for row in rows] == [0] * 11 + [1]


@role_matrix(ROLES, anonymous=302, member=404, editor_lan=200, editor_stad=200, admin_user=200)
@pytest.mark.parametrize("view", ["anchoring:dashboard", "anchoring:csv"])
def test_who_reads_the_dashboard(client, act_as, known_data, role, expected, view):
    act_as(role)
    response = client.get(reverse(view))
    assert response.status_code == expected
    if expected != 200:
        assert b"Nacka" not in response.content
        return
    names = response.content.decode()
    # An editor reads the places of their own district only; an admin all of them.
    assert ("Nacka" in names) == (role in {"editor_lan", "admin_user"})
    assert (">Stockholm<" in names or "0180,Stockholm," in names) == (role in {"editor_stad", "admin_user"})


@role_matrix(ROLES, anonymous=302, member=404, editor_lan=400, editor_stad=200, admin_user=200)
def test_filter_by_another_district(client, act_as, known_data, role, expected):
    act_as(role)
    response = client.get(reverse("anchoring:csv"), {"distrikt": "stad"})
    assert response.status_code == expected
    if expected == 200:
        codes = {row["Kod"] for row in csv_rows(response)}
        assert "0180" in codes and "0182" not in codes


@pytest.mark.parametrize(
    "query",
    [
        {"period": "decade"},
        {"kommun": "9999"},
        {"omrade": "x" * 5000},
        {"distrikt": "1" * 40},
        {"distrikt": "lan", "kommun": "0180"},  # Stockholm is not a municipality of the county district
    ],
)
def test_bad_filters_are_field_errors(client, admin_user, known_data, query):
    client.force_login(admin_user)
    page = client.get(reverse("anchoring:dashboard"), query)
    assert page.status_code == 400
    assert 'class="errorlist' in page.text
    assert client.get(reverse("anchoring:csv"), query).status_code == 400


def test_control_characters_are_refused(client, admin_user):
    client.force_login(admin_user)
    # The site's middleware refuses a NUL in the query string before any view runs.
    assert client.get(reverse("anchoring:dashboard"), {"kommun": "01\x0080"}).status_code == 400


def test_editor_of_one_place_sees_no_quartile(client, editor_stad, known_data):
    client.force_login(editor_stad)
    response = client.get(reverse("anchoring:dashboard"))
    # The city district: its one municipality and the region (shared by both districts).
    assert list(place_table(response)) == ["Region Stockholm", "Stockholm"]
    assert "anchoring-thin-marker" not in response.text


def test_query_count_does_not_grow_with_places(client, admin_user, known_data, django_assert_max_num_queries):
    client.force_login(admin_user)
    assert Place.objects.count() == 27
    # session, user, the viewer (verified address); the districts and places in scope; the newest count and its
    # figures (two queries, nothing counted); the filter form: how many districts, then the options of
    # districts, places and policy areas.
    with django_assert_max_num_queries(11):
        response = client.get(reverse("anchoring:dashboard"), {"period": "quarter"})
    assert response.status_code == 200
    assert place_table(response)["Nacka"]["ideas"] == 1


def test_before_the_first_count_the_page_says_so(client, admin_user, member, make_proposal):
    make_proposal(member)
    client.force_login(admin_user)
    page = client.get(reverse("anchoring:dashboard"))
    assert page.status_code == 200
    assert "Siffrorna har inte räknats ännu" in page.text
    assert 'role="img"' not in page.text
    header = client.get(reverse("anchoring:csv")).content.decode()
    assert list(csv.reader(io.StringIO(header))) == [
        ["Kod", "Kommun, region eller distrikt", "Period", "Mått", "Antal"]
    ]


def test_the_page_shows_the_newest_count(client, admin_user, known_data, member, make_proposal):
    """The page only reads what the scheduled count wrote: a new idea shows after the next count."""
    client.force_login(admin_user)
    make_proposal(member, title="Fler lekplatser i Nacka", places=[known_data["nacka"]])
    assert place_table(client.get(reverse("anchoring:dashboard")))["Nacka"]["ideas"] == 1
    call_command("anchoring_count", stdout=io.StringIO())
    page = client.get(reverse("anchoring:dashboard"))
    assert place_table(page)["Nacka"]["ideas"] == 2
    assert "Räknat " in page.text
    assert Count.objects.count() == 1  # the newer count replaced the older


def test_a_hidden_idea_stops_counting(client, admin_user, editor_lan, known_data):
    nacka_idea = Proposal.objects.get(places=known_data["nacka"])
    assert proposal_hide(proposal=nacka_idea, editor=editor_lan, reason="Personuppgifter i texten.")
    figures_count()
    client.force_login(admin_user)
    assert place_table(client.get(reverse("anchoring:dashboard")))["Nacka"] == {
        "ideas": 0,
        "active": 0,
        "rounds": 0,
        "promoted": 1,  # the agenda still cites it
        "implementations": 1,
        "meeting_members": 1,
    }


@pytest.mark.django_db(transaction=True)
def test_counts_started_together_leave_one_whole_count(admin_user, member, make_proposal, client):
    """Two counts at once on separate connections: one waits for nothing and stops, or they run one after
    the other; either way one count remains, complete."""
    make_proposal(member)
    barrier = threading.Barrier(2)
    results = []

    def count():
        try:
            barrier.wait()
            results.append(figures_count())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=count) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done = [result for result in results if result is not None]
    assert len(results) == 2 and done
    assert list(Count.objects.values_list("pk", flat=True)) == [done[-1].pk]
    client.force_login(admin_user)
    assert place_table(client.get(reverse("anchoring:dashboard")))["Nacka"]["ideas"] == 1
