"""Property-based, like tests/reformbank/test_fuzz.py: whatever arrives in the meetings' forms and query strings
(control characters, huge numbers, unknown choices, missing fields), the answer is never a server error, and a
refused write leaves every row as it was."""

from datetime import timedelta

from django.urls import reverse

from meetings.models import CalendarFeed, Meeting, Registration
from tests.reformbank.test_fuzz import assert_no_server_error, fuzz_form


def row_counts() -> dict:
    return {
        "meetings": Meeting.objects.count(),
        "ideas": Meeting.ideas.through.objects.count(),
        "registrations": Registration.objects.count(),
        "feeds": CalendarFeed.objects.count(),
    }


def check_post(client, url, data):
    before = row_counts()
    response = client.post(url, data)
    assert_no_server_error(response)
    if response.status_code != 302:
        assert row_counts() == before


def test_meeting_list_never_fails(client, meeting):
    @fuzz_form({"distrikt": ["", "lan", "stad"], "page": ["1", "2", "last"]})
    def check(params):
        assert_no_server_error(client.get(reverse("meetings:list"), params))

    check()


def test_meeting_form_never_fails(client, editor_lan, meeting_data):
    client.force_login(editor_lan)
    valid = {name: [value] for name, value in meeting_data.items()}
    valid["kind"] = ["on_site", "digital"]
    valid["join_url"] = ["", "https://mote.example.se/j/1"]
    valid["district"] = [meeting_data["district"], "joint"]

    @fuzz_form(valid)
    def check(data):
        check_post(client, reverse("meetings:create"), data)

    check()


def test_notes_form_never_fails(client, editor_lan, make_meeting, proposal):
    past = make_meeting(starts_in=-timedelta(days=1))
    client.force_login(editor_lan)

    @fuzz_form(
        {
            "notes": ["", "Bra möte."],
            "ideas": ["", str(proposal.pk), f"/ideer/{proposal.pk}/"],
            "sok": ["", "läxhjälp"],
            "action": ["", "search"],
        }
    )
    def check(data):
        check_post(client, reverse("meetings:notes", args=[past.pk]), data)

    check()
