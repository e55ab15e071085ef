"""The member's download holds all their data and nothing of others'; the admins' register holds no opinions;
who may do what (truth table)."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import services as meeting_services
from members.models import Follow, Notification
from moderation.models import Report
from places.models import District
from practice.models import Assignment
from proposals import services
from tests.conftest import role_matrix

ROLES = ["anonymous", "member", "other_member", "editor_lan", "admin_user"]
PERSONA = {role: role for role in ROLES if role != "anonymous"}
PAGE = reverse("privacy:page")
DOWNLOAD = reverse("privacy:download")
DELETE = reverse("privacy:delete")
REGISTER = reverse("privacy:register")


def download(client, user):
    client.force_login(user)
    response = client.get(DOWNLOAD)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="mina-uppgifter.json"'
    return json.loads(response.content)


@pytest.fixture
def busy_member(member, other_member, editor_lan, make_proposal, place):
    """The member has done a bit of everything; other_member has done the same things with their own words."""
    starts_at = timezone.now() + timedelta(days=3)
    meeting = meeting_services.meeting_create(
        editor=editor_lan,
        district=District.objects.get(code="lan"),
        title="Skolpolitiskt seminarium",
        description="Om läxhjälp.",
        kind="on_site",
        join_url="",
        address="ABF-huset, Sveavägen 41, Stockholm",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        capacity=30,
    )
    for user, word in ((member, "Maria"), (other_member, "Anders")):
        idea = make_proposal(user, title=f"Idé av {word}")
        services.comment_create(proposal=idea, author=user, body=f"Kommentar av {word}")
        services.proposal_support(proposal=idea, member=user)
        Report.objects.create(reporter=user, proposal=idea, reason=f"Anmälan av {word}")
        Assignment.objects.create(member=user, kind=Assignment.Kind.PARLIAMENT, title=f"Ledamot {word}")
        meeting_services.meeting_register(meeting=meeting, member=user)
    return member


def test_download_holds_their_data_and_nothing_of_others(client, busy_member):
    data = download(client, busy_member)
    assert data["profile"]["email"] == "medlem@example.se"
    assert [idea["title"] for idea in data["ideas"]] == ["Idé av Maria"]
    assert [comment["body"] for comment in data["comments"]] == ["Kommentar av Maria"]
    assert [support["proposal__title"] for support in data["supports"]] == ["Idé av Maria"]
    assert [report["reason"] for report in data["reports_made"]] == ["Anmälan av Maria"]
    assert [office["title"] for office in data["offices"]] == ["Ledamot Maria"]
    assert [address["email"] for address in data["email_addresses"]] == ["medlem@example.se"]
    assert {follow["label"] for follow in data["follows"]} == set(
        Follow.objects.filter(user=busy_member).values_list("label", flat=True)
    )
    assert len(data["notifications"]) == Notification.objects.filter(user=busy_member).count()
    assert [(row["meeting__title"], row["state"]) for row in data["meeting_registrations"]] == [
        ("Skolpolitiskt seminarium", "confirmed")
    ]
    assert data["amendments"] == []
    text = json.dumps(data, ensure_ascii=False)
    assert "Anders" not in text and "annan@example.se" not in text


def test_download_queries_do_not_grow_with_the_data(
    client, busy_member, make_proposal, django_assert_max_num_queries
):
    for n in range(5):
        idea = make_proposal(busy_member, title=f"Ännu en idé {n}")
        services.comment_create(proposal=idea, author=busy_member, body="Och en kommentar till.")
    client.force_login(busy_member)
    # The session and the member (the viewer's roles come with it): 2; the home place, when set: 1; then one
    # query per kind of data, 12: email addresses, editor roles, ideas, comments, supports, follows,
    # notifications, registrations, offices, carried ideas, reports, amendments. (14 here: no home place.)
    with django_assert_max_num_queries(15):
        assert client.get(DOWNLOAD).status_code == 200


def test_register_has_no_opinions(client, busy_member, admin_user):
    busy_member.display_name = '=HYPERLINK("http://x")'
    busy_member.save(update_fields=["display_name"])
    client.force_login(admin_user)
    response = client.get(REGISTER)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "id",
        "namn",
        "e-post",
        "hemkommun",
        "verifierad",
        "roller",
        "medlem sedan",
        "senast inloggad",
    ]
    by_email = {row[2]: row for row in rows[1:]}
    assert by_email["medlem@example.se"][1] == '\'=HYPERLINK("http://x")'  # a formula shown as text
    assert by_email["medlem@example.se"][4] == "ja"
    assert by_email["admin@example.se"][5] == "administratör"
    for opinion in ("Idé av", "Kommentar av", "Anmälan av", "Ledamot", "Skolpolitiskt"):
        assert opinion not in text


def test_register_queries_are_bounded(
    client, admin_user, editor_lan, editor_stad, member, django_assert_max_num_queries
):
    client.force_login(admin_user)
    # The session, the admin, the viewer's roles and verified address: 3; the members with their home place and
    # verified flag: 1; their editor roles with the districts: 1.
    with django_assert_max_num_queries(5):
        assert client.get(REGISTER).status_code == 200


def test_register_leaves_out_deleted_accounts(client, member, admin_user):
    client.force_login(member)
    client.post(DELETE, {"password": "ett-bra-lösenord-2026"})
    client.force_login(admin_user)
    text = client.get(REGISTER).content.decode("utf-8-sig")
    assert "deleted-" not in text and "medlem@example.se" not in text


@role_matrix(ROLES, anonymous=200, member=200, other_member=200, editor_lan=200, admin_user=200)
def test_page(client, act_as, role, expected):
    act_as(role)
    response = client.get(PAGE)
    assert response.status_code == expected
    assert "tidigare medlem" in response.content.decode()
    assert (reverse("privacy:download") in response.content.decode()) == (role != "anonymous")


@role_matrix(ROLES, anonymous=302, member=200, other_member=200, editor_lan=200, admin_user=200)
def test_download(client, act_as, role, expected):
    user = act_as(role)
    response = client.get(DOWNLOAD)
    assert response.status_code == expected
    if user is not None:
        assert json.loads(response.content)["profile"]["id"] == user.pk
    assert client.post(DOWNLOAD).status_code == 405  # read only


@role_matrix(ROLES, anonymous=302, member=200, other_member=200, editor_lan=200, admin_user=200)
def test_delete_page(client, act_as, role, expected):
    act_as(role)
    assert client.get(DELETE).status_code == expected


@role_matrix(ROLES, anonymous=302, member=302, other_member=302, editor_lan=302, admin_user=400)
def test_delete(client, act_as, role, expected, other_member):
    """Each deletes only their own account; the portal's only admin is refused (it must keep one)."""
    user = act_as(role)
    response = client.post(DELETE, {"password": "ett-bra-lösenord-2026"})
    assert response.status_code == expected
    if user is not None:
        user.refresh_from_db()
        assert (user.deleted_at is not None) == (role != "admin_user")
    if role != "other_member":
        other_member.refresh_from_db()
        assert other_member.deleted_at is None


@role_matrix(ROLES, anonymous=302, member=404, other_member=404, editor_lan=404, admin_user=200)
def test_register(client, act_as, role, expected):
    act_as(role)
    response = client.get(REGISTER)
    assert response.status_code == expected
    assert (b"medlem sedan" in response.content) == (expected == 200)
