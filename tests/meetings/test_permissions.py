"""Who may do what with meetings: the permission truth table, roles × actions, driven through HTTP.

Every refused write leaves the database exactly as it was; every allowed write is checked to have happened.
The meeting belongs to the county district ("lan"), so its editor arranges it and the city's editor does not.
"""

from datetime import timedelta

import pytest
from django.urls import reverse

from meetings.models import CalendarFeed, Meeting, Registration
from tests.conftest import role_matrix

ROLES = ["anonymous", "unverified", "member", "editor_lan", "editor_stad", "admin"]
PERSONA = {
    "unverified": "unverified",
    "member": "member",
    "editor_lan": "editor_lan",
    "editor_stad": "editor_stad",
    "admin": "admin_user",
}
LINK = "https://mote.example.se/j/123"


def matrix(**expected):
    return role_matrix(ROLES, **expected)


def db_state():
    return {
        "meetings": sorted(
            Meeting.objects.values_list(
                "pk", "title", "district_id", "kind", "address", "join_url", "capacity", "notes"
            )
        ),
        "ideas": sorted(Meeting.ideas.through.objects.values_list("meeting_id", "proposal_id")),
        "registrations": sorted(Registration.objects.values_list("meeting_id", "member_id", "state")),
        "feeds": sorted(CalendarFeed.objects.values_list("member_id", "token")),
    }


def assert_status(response, role, expected):
    assert response.status_code == expected, response.content.decode()[:300]
    if role == "anonymous" and expected == 302:
        assert response.url.startswith(reverse("account_login") + "?next=")


def is_allowed(role, expected):
    return role != "anonymous" and expected in (200, 302)


@pytest.fixture
def past_meeting(make_meeting):
    return make_meeting(title="Förra veckans seminarium", starts_in=-timedelta(days=7))


# --- Reading -------------------------------------------------------------------------------------------


@matrix(anonymous=200, unverified=200, member=200, editor_lan=200, editor_stad=200, admin=200)
def test_view_list(client, act_as, meeting, role, expected):
    act_as(role)
    response = client.get(reverse("meetings:list"))
    assert_status(response, role, expected)
    assert meeting.title in response.content.decode()


@matrix(anonymous=200, unverified=200, member=200, editor_lan=200, editor_stad=200, admin=200)
def test_view_meeting(client, act_as, meeting, role, expected):
    act_as(role)
    response = client.get(meeting.get_absolute_url())
    assert_status(response, role, expected)
    html = response.content.decode()
    assert meeting.title in html and meeting.address in html
    # The organisers' links only for those who arrange the meeting.
    assert ("Ändra mötet" in html) == (role in ("editor_lan", "admin"))


@matrix(anonymous=200, unverified=200, member=200, editor_lan=200, editor_stad=200, admin=200)
def test_meeting_calendar_file(client, act_as, meeting, role, expected):
    act_as(role)
    response = client.get(reverse("meetings:ical", args=[meeting.pk]))
    assert_status(response, role, expected)
    assert meeting.title.encode() in response.content


# --- Signing up ----------------------------------------------------------------------------------------


@matrix(anonymous=302, unverified=403, member=302, editor_lan=302, editor_stad=302, admin=302)
def test_sign_up(client, act_as, meeting, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("meetings:register", args=[meeting.pk]))
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        assert list(Registration.objects.values_list("member", "state")) == [(user.pk, "confirmed")]
    else:
        assert db_state() == before


@matrix(anonymous=302, unverified=403, member=302, editor_lan=302, editor_stad=302, admin=302)
def test_cancel(client, act_as, meeting, other_member, role, expected):
    user = act_as(role)
    Registration.objects.create(meeting=meeting, member=other_member, state="confirmed")
    if user is not None:
        Registration.objects.create(meeting=meeting, member=user, state="confirmed")
    before = db_state()
    response = client.post(reverse("meetings:cancel", args=[meeting.pk]))
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        assert list(Registration.objects.values_list("member", flat=True)) == [other_member.pk]
    else:
        assert db_state() == before


@pytest.mark.parametrize("registered", [True, False])
@matrix(anonymous=200, unverified=200, member=200, editor_lan=200, editor_stad=200, admin=200)
def test_see_join_link(client, act_as, make_meeting, role, expected, registered):
    meeting = make_meeting(kind="digital", starts_in=timedelta(minutes=30))
    user = act_as(role)
    if user is not None and registered:
        Registration.objects.create(meeting=meeting, member=user, state="confirmed")
    response = client.get(meeting.get_absolute_url())
    assert_status(response, role, expected)
    shown = registered and role not in ("anonymous", "unverified")
    assert (LINK in response.content.decode()) == shown


# --- Arranging -----------------------------------------------------------------------------------------


@matrix(anonymous=302, unverified=403, member=403, editor_lan=200, editor_stad=200, admin=200)
def test_create_form(client, act_as, role, expected):
    act_as(role)
    assert_status(client.get(reverse("meetings:create")), role, expected)


# The city's editor may not choose the county district: an unknown choice for them (400), nothing made.
@matrix(anonymous=302, unverified=403, member=403, editor_lan=302, editor_stad=400, admin=302)
def test_create(client, act_as, meeting_data, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("meetings:create"), meeting_data)
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        created = Meeting.objects.get(title=meeting_data["title"])
        assert (created.created_by, created.district_id, created.capacity) == (
            user,
            int(meeting_data["district"]),
            40,
        )
        assert response.url == created.get_absolute_url()
    else:
        assert db_state() == before


@matrix(anonymous=302, unverified=403, member=403, editor_lan=302, editor_stad=302, admin=302)
def test_create_joint(client, act_as, meeting_data, role, expected):
    act_as(role)
    before = db_state()
    response = client.post(reverse("meetings:create"), {**meeting_data, "district": "joint"})
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        assert Meeting.objects.get(title=meeting_data["title"]).district is None
    else:
        assert db_state() == before


@matrix(anonymous=302, unverified=403, member=403, editor_lan=200, editor_stad=403, admin=200)
def test_edit_form(client, act_as, meeting, role, expected):
    act_as(role)
    assert_status(client.get(reverse("meetings:edit", args=[meeting.pk])), role, expected)


@matrix(anonymous=302, unverified=403, member=403, editor_lan=302, editor_stad=403, admin=302)
def test_edit(client, act_as, meeting, meeting_data, role, expected):
    act_as(role)
    before = db_state()
    response = client.post(reverse("meetings:edit", args=[meeting.pk]), {**meeting_data, "capacity": "12"})
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        meeting.refresh_from_db()
        assert (meeting.title, meeting.capacity) == (meeting_data["title"], 12)
    else:
        assert db_state() == before


@matrix(anonymous=302, unverified=403, member=403, editor_lan=302, editor_stad=302, admin=302)
def test_edit_joint(client, act_as, make_meeting, meeting_data, role, expected):
    joint = make_meeting(district=None)
    act_as(role)
    before = db_state()
    data = {**meeting_data, "district": "joint", "title": "Gemensamt och ändrat"}
    response = client.post(reverse("meetings:edit", args=[joint.pk]), data)
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        joint.refresh_from_db()
        assert (joint.title, joint.district) == ("Gemensamt och ändrat", None)
    else:
        assert db_state() == before


@matrix(anonymous=302, unverified=403, member=403, editor_lan=200, editor_stad=403, admin=200)
def test_notes_form(client, act_as, past_meeting, role, expected):
    act_as(role)
    assert_status(client.get(reverse("meetings:notes", args=[past_meeting.pk])), role, expected)


@matrix(anonymous=302, unverified=403, member=403, editor_lan=302, editor_stad=403, admin=302)
def test_write_notes(client, act_as, past_meeting, proposal, role, expected):
    act_as(role)
    before = db_state()
    data = {"notes": "Vi enades om **läxhjälp**.", "ideas": f"{proposal.pk}"}
    response = client.post(reverse("meetings:notes", args=[past_meeting.pk]), data)
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        past_meeting.refresh_from_db()
        assert past_meeting.notes == "Vi enades om **läxhjälp**."
        assert list(past_meeting.ideas.all()) == [proposal]
    else:
        assert db_state() == before


@pytest.mark.parametrize("role", ["editor_lan", "admin"])
def test_no_notes_before_the_meeting(client, act_as, meeting, role):
    act_as(role)
    before = db_state()
    assert client.get(reverse("meetings:notes", args=[meeting.pk])).status_code == 403
    assert (
        client.post(reverse("meetings:notes", args=[meeting.pk]), {"notes": "För tidigt"}).status_code == 403
    )
    assert db_state() == before


# --- The member's calendar address ---------------------------------------------------------------------


@matrix(anonymous=302, unverified=403, member=200, editor_lan=200, editor_stad=200, admin=200)
def test_calendar_page(client, act_as, role, expected):
    act_as(role)
    assert_status(client.get(reverse("meetings:calendar")), role, expected)


@matrix(anonymous=302, unverified=403, member=302, editor_lan=302, editor_stad=302, admin=302)
def test_calendar_address_create(client, act_as, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("meetings:calendar"), {"action": "renew"})
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        assert list(CalendarFeed.objects.values_list("member", flat=True)) == [user.pk]
    else:
        assert db_state() == before


# --- Unknown ids: 404 for everyone (or the login page for anonymous, which says nothing either) ----------

UNKNOWN_PK = 987654321
UNKNOWN_ACTIONS = [
    ("get", "meetings:detail"),
    ("get", "meetings:ical"),
    ("get", "meetings:edit"),
    ("post", "meetings:edit"),
    ("get", "meetings:notes"),
    ("post", "meetings:notes"),
    ("post", "meetings:register"),
    ("post", "meetings:cancel"),
]


@pytest.mark.parametrize("role", ROLES)
def test_unknown_meeting_is_404_for_every_role(client, act_as, role):
    act_as(role)
    for method, name in UNKNOWN_ACTIONS:
        response = getattr(client, method)(reverse(name, args=[UNKNOWN_PK]))
        if role == "anonymous" and name not in ("meetings:detail", "meetings:ical"):
            assert_status(response, role, 302)
        else:
            assert response.status_code == 404, (method, name, response.status_code)
