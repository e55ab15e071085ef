"""The meeting pages as members use them: the list (coming first, then past), a meeting's page with its seats and
sign-up, and the query counts of both pinned."""

from datetime import timedelta

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import Registration
from places.models import District
from tests.conftest import make_user


def test_list_shows_coming_meetings_first_then_past_ones(client, make_meeting):
    make_meeting(title="Förra veckans möte", starts_in=-timedelta(days=7))
    make_meeting(title="Mötet i nästa vecka", starts_in=timedelta(days=7))
    make_meeting(title="Mötet i morgon", starts_in=timedelta(days=1))
    make_meeting(title="Förra månadens möte", starts_in=-timedelta(days=30))
    html = client.get(reverse("meetings:list")).content.decode()
    order = [
        "Kommande möten",
        "Mötet i morgon",
        "Mötet i nästa vecka",
        "Tidigare möten",
        "Förra veckans möte",
    ]
    order.append("Förra månadens möte")
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)


def test_list_filters_by_district_with_joint_meetings(client, make_meeting):
    stad = District.objects.get(code="stad")
    make_meeting(title="Länets möte")
    make_meeting(title="Stadens möte", district=stad)
    make_meeting(title="Gemensamt möte", district=None)
    html = client.get(reverse("meetings:list"), {"distrikt": "stad"}).content.decode()
    assert "Stadens möte" in html and "Gemensamt möte" in html
    assert "Länets möte" not in html
    # An unknown district is no filter, not an error.
    response = client.get(reverse("meetings:list"), {"distrikt": "okänt\x00"})
    assert response.status_code in (200, 400)


def test_list_is_paginated(client, make_meeting):
    for day in range(23):
        make_meeting(title=f"Möte nummer {day:02d}", starts_in=timedelta(days=day + 1))
    first = client.get(reverse("meetings:list")).content.decode()
    second = client.get(reverse("meetings:list"), {"page": 2}).content.decode()
    assert "Möte nummer 00" in first and "Möte nummer 19" in first and "Möte nummer 20" not in first
    assert "Möte nummer 20" in second and "Möte nummer 22" in second


def test_list_query_count(client, django_assert_max_num_queries, make_meeting, member):
    for day in range(25):
        meeting = make_meeting(title=f"Möte {day}", starts_in=timedelta(days=day - 5))
        if day % 3 == 0 and day >= 5:
            services.meeting_register(meeting=meeting, member=member)
    client.force_login(member)
    # session, user, viewer; districts for the filter; count and page of meetings (with district, seats and
    # the member's own registration in the same query)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("meetings:list"))
    assert response.status_code == 200
    assert "Du är anmäld" in response.content.decode()


def test_meeting_page_query_count(client, django_assert_max_num_queries, meeting, member, other_member):
    services.meeting_register(meeting=meeting, member=other_member)
    services.meeting_register(meeting=meeting, member=member)
    client.force_login(member)
    # session, user, viewer; the meeting with its district and seat counts; the member's registration;
    # the ideas raised
    with django_assert_max_num_queries(6):
        response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200


def test_meeting_page_shows_seats_and_the_waiting_list_position(client, make_meeting, member, other_member):
    meeting = make_meeting(capacity=1)
    third = make_user("tredje@example.se")
    for user in (other_member, third, member):
        services.meeting_register(meeting=meeting, member=user)
    client.force_login(member)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Du står på väntelistan, som nummer 2." in html
    assert "Lämna väntelistan" in html
    client.force_login(other_member)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Du är anmäld." in html and "Lämna min plats" in html


def test_unknown_meeting_is_404(client, db):
    assert client.get(reverse("meetings:detail", args=[987654321])).status_code == 404
    assert client.get("/moten/99999999999999999999999/").status_code == 404


def test_started_meeting_takes_no_sign_ups_nor_cancellations(client, make_meeting, member):
    past = make_meeting(starts_in=-timedelta(minutes=5))
    Registration.objects.create(meeting=past, member=member, state="confirmed")
    client.force_login(member)
    response = client.post(reverse("meetings:cancel", args=[past.pk]))
    assert response.status_code == 409
    assert "Mötet har redan börjat" in response.content.decode()
    Registration.objects.all().delete()
    response = client.post(reverse("meetings:register", args=[past.pk]))
    assert response.status_code == 409
    assert "Mötet har redan börjat" in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.parametrize("field", ["title", "description"])
def test_markdown_and_text_are_escaped(client, make_meeting, field):
    meeting = make_meeting(**{field: "<script>alert(1)</script> Möte"})
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
