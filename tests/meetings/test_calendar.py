"""iCalendar: a meeting's public file (never the join link) and a member's secret calendar address (their
meetings with a seat, join links included), which they renew or turn off by POST. Parsed back with icalendar."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import CalendarFeed

LINK = "https://mote.example.se/j/123"


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def events(calendar) -> list:
    return [component for component in calendar.walk("VEVENT")]


def test_meeting_file_is_valid_icalendar_in_swedish_time(client, make_meeting):
    meeting = make_meeting(title="Seminarium om läxhjälp, Nacka")
    calendar = parse(client.get(reverse("meetings:ical", args=[meeting.pk])))
    (event,) = events(calendar)
    assert str(event["summary"]) == "Seminarium om läxhjälp, Nacka"
    assert str(event["location"]) == meeting.address
    start = event.decoded("dtstart")
    assert start == meeting.starts_at
    assert start.tzinfo.key == "Europe/Stockholm"
    assert event["dtstart"].params["TZID"] == "Europe/Stockholm"
    assert event.decoded("dtend") == meeting.ends_at
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    assert str(event["url"]).endswith(meeting.get_absolute_url())


def test_meeting_file_never_holds_the_join_link(client, make_meeting, member):
    meeting = make_meeting(kind="digital", starts_in=timedelta(minutes=10))
    services.meeting_register(meeting=meeting, member=member)
    client.force_login(member)  # even for a member with a seat, the file is the public one
    response = client.get(reverse("meetings:ical", args=[meeting.pk]))
    assert LINK.encode() not in response.content
    (event,) = events(parse(response))
    assert str(event["location"]) == "Digitalt möte"


def test_member_calendar_lists_their_seats_with_join_links(client, make_meeting, member, other_member):
    digital = make_meeting(title="Digitalt bostadssamtal", kind="digital", capacity=1)
    on_site = make_meeting(title="Seminarium på plats", starts_in=timedelta(days=5))
    waiting = make_meeting(title="Fullt möte", capacity=1)
    make_meeting(title="Möte jag inte går på")
    services.meeting_register(meeting=waiting, member=other_member)
    for meeting in (digital, on_site, waiting):
        services.meeting_register(meeting=meeting, member=member)
    feed = services.calendar_feed_renew(member=member)
    calendar = parse(client.get(reverse("meetings:member_calendar", args=[feed.token])))
    found = {str(event["summary"]): event for event in events(calendar)}
    assert list(found) == ["Digitalt bostadssamtal", "Seminarium på plats"]
    assert str(found["Digitalt bostadssamtal"]["location"]) == LINK
    assert LINK in str(found["Digitalt bostadssamtal"]["description"])
    assert found["Seminarium på plats"].decoded("dtstart") == on_site.starts_at


@pytest.mark.parametrize(
    ("token", "status"),
    [("x" * 43, 404), ("ett-helt-påhittat-token", 404), ("a" * 5000, 404), ("%00", 400)],
)
def test_unknown_calendar_address_is_refused(client, db, token, status):
    assert client.get(f"/moten/kalender/{token}.ics").status_code == status


def test_renewing_the_address_stops_the_old_one(client, member):
    client.force_login(member)
    url = reverse("meetings:calendar")
    assert client.post(url, {"action": "renew"}).status_code == 302
    old = CalendarFeed.objects.get(member=member).token
    assert old in client.get(url).content.decode()
    assert client.post(url, {"action": "renew"}).status_code == 302
    new = CalendarFeed.objects.get(member=member).token
    assert new != old
    client.logout()
    assert client.get(reverse("meetings:member_calendar", args=[old])).status_code == 404
    assert client.get(reverse("meetings:member_calendar", args=[new])).status_code == 200


def test_turning_the_address_off(client, member):
    feed = services.calendar_feed_renew(member=member)
    client.force_login(member)
    assert client.post(reverse("meetings:calendar"), {"action": "revoke"}).status_code == 302
    assert not CalendarFeed.objects.exists()
    assert client.get(reverse("meetings:member_calendar", args=[feed.token])).status_code == 404


def test_calendar_page_changes_nothing_on_get(client, member):
    client.force_login(member)
    assert client.get(reverse("meetings:calendar")).status_code == 200
    assert not CalendarFeed.objects.exists()


def test_a_summer_meeting_keeps_its_swedish_hour(client, make_meeting):
    summer = timezone.make_aware(timezone.datetime(2027, 7, 1, 18, 0), ZoneInfo("Europe/Stockholm"))
    meeting = make_meeting(starts_in=summer - timezone.now())
    (event,) = events(parse(client.get(reverse("meetings:ical", args=[meeting.pk]))))
    assert event["dtstart"].to_ical() == b"20270701T180000"


def test_member_calendar_query_count(client, django_assert_max_num_queries, make_meeting, member):
    for day in range(12):
        services.meeting_register(meeting=make_meeting(starts_in=timedelta(days=day + 1)), member=member)
    feed = services.calendar_feed_renew(member=member)
    url = reverse("meetings:member_calendar", args=[feed.token])
    # the address with its member; the member's meetings (no session: calendar apps fetch without one)
    with django_assert_max_num_queries(2):
        response = client.get(url)
    assert len(events(parse(response))) == 12
