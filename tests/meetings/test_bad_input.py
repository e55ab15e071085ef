"""Bad input to the meeting forms: a field error (400) next to the field with every word kept, never a 500 and
never a row; and one submission makes one meeting however often it is sent."""

from datetime import timedelta

import pytest
from django.urls import reverse

from meetings.models import Meeting
from tests.parallel import parallel_posts

TEXT_KEPT = "Välfärdens framtid"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "Två\nrader"}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"capacity": "0"}, "capacity"),
        ({"capacity": "-1"}, "capacity"),
        ({"capacity": "10001"}, "capacity"),
        ({"capacity": "9" * 5000}, "capacity"),
        ({"capacity": "1e5"}, "capacity"),
        ({"kind": "hybrid"}, "kind"),
        ({"district": "999"}, "district"),
        ({"starts_at": "2026-13-45T25:99"}, "starts_at"),
        ({"starts_at": "0001-01-01T00:00"}, "starts_at"),
        ({"starts_at": "9999-12-31T23:59", "ends_at": "9999-12-31T23:59"}, "starts_at"),
        ({"starts_at": "2019-05-01T18:00", "ends_at": "2019-05-01T20:00"}, "starts_at"),
        # 02.30 on the last Sunday of March 2027 does not exist in Sweden (the clocks jump from 02 to 03).
        ({"starts_at": "2027-03-28T02:30", "ends_at": "2027-03-28T04:00"}, "starts_at"),
        ({"ends_at": "2020-01-01T10:00"}, "ends_at"),
        ({"ends_at": "0001-01-01T00:30"}, "ends_at"),
        ({"kind": "digital", "join_url": ""}, "join_url"),
        ({"kind": "digital", "join_url": "http://mote.example.se/j/1"}, "join_url"),
        ({"kind": "digital", "join_url": "javascript:alert(1)"}, "join_url"),
        ({"kind": "digital", "join_url": "https://" + "a" * 600 + ".se"}, "join_url"),
        ({"address": ""}, "address"),
    ],
)
def test_bad_meeting_input_is_a_field_error_with_the_text_kept(
    client, editor_lan, meeting_data, changes, field
):
    client.force_login(editor_lan)
    response = client.post(reverse("meetings:create"), {**meeting_data, **changes})
    assert response.status_code == 400
    html = response.content.decode()
    assert TEXT_KEPT in html or field == "title"
    assert "Vi samtalar om **välfärden**." in html
    assert f'id="id_{field}_error"' in html or f'id="id_{field}_0_error"' in html or "errorlist" in html
    assert response.context["form"].errors.get(field), response.context["form"].errors
    assert not Meeting.objects.exists()


def test_control_characters_are_refused(client, editor_lan, meeting_data):
    client.force_login(editor_lan)
    response = client.post(reverse("meetings:create"), {**meeting_data, "title": "Möte\x00"})
    assert response.status_code == 400
    assert not Meeting.objects.exists()


def test_a_digital_meeting_keeps_no_address_and_an_on_site_one_no_link(client, editor_lan, meeting_data):
    client.force_login(editor_lan)
    data = {**meeting_data, "kind": "on_site", "join_url": "https://mote.example.se/j/9"}
    assert client.post(reverse("meetings:create"), data).status_code == 302
    assert Meeting.objects.get().join_url == ""


def test_a_link_without_a_scheme_becomes_https(client, editor_lan, meeting_data):
    client.force_login(editor_lan)
    data = {**meeting_data, "kind": "digital", "address": "", "join_url": "mote.example.se/j/9"}
    assert client.post(reverse("meetings:create"), data).status_code == 302
    assert Meeting.objects.get().join_url == "https://mote.example.se/j/9"


def test_times_are_swedish_time(client, editor_lan, meeting_data):
    client.force_login(editor_lan)
    data = {**meeting_data, "starts_at": "2027-06-10T18:00", "ends_at": "2027-06-10T20:30"}
    assert client.post(reverse("meetings:create"), data).status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.starts_at.isoformat() == "2027-06-10T16:00:00+00:00"  # summer time, UTC+2
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "18.00" in html and "20.30" in html


@pytest.mark.django_db(transaction=True)
def test_a_double_click_makes_one_meeting(editor_lan, meeting_data):
    data = {**meeting_data, "submission_key": "0b7a8a52-3c1e-4f39-9d3b-0d1f1f6f1a11"}
    responses = parallel_posts(editor_lan, reverse("meetings:create"), data, times=2)
    assert [r.status_code for r in responses] == [302, 302]
    assert Meeting.objects.count() == 1


@pytest.mark.parametrize(
    ("ideas", "message"),
    [
        ("abc", "är varken ett idénummer"),
        ("99999999999999", "är varken ett idénummer"),
        ("987654", "Det finns ingen idé med nummer 987654"),
        (", ".join(str(n) for n in range(1, 22)), "Högst 20 idéer"),
        ("1\n2", "Skriv på en rad"),
    ],
)
def test_bad_idea_references_in_the_notes(client, editor_lan, make_meeting, ideas, message):
    past = make_meeting(starts_in=-timedelta(days=1))
    client.force_login(editor_lan)
    response = client.post(reverse("meetings:notes", args=[past.pk]), {"notes": "Bra möte.", "ideas": ideas})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "Bra möte." in html
    past.refresh_from_db()
    assert past.notes == "" and not past.ideas.exists()


def test_ideas_by_number_or_address(client, editor_lan, make_meeting, make_proposal, member):
    first = make_proposal(member, title="Läxhjälp i Nacka")
    second = make_proposal(member, title="Fler fritidsgårdar")
    past = make_meeting(starts_in=-timedelta(days=1))
    client.force_login(editor_lan)
    ideas = f"{first.pk}, http://testserver/ideer/{second.pk}/ {first.pk}"
    response = client.post(reverse("meetings:notes", args=[past.pk]), {"notes": "", "ideas": ideas})
    assert response.status_code == 302
    assert set(past.ideas.all()) == {first, second}
    html = client.get(past.get_absolute_url()).content.decode()
    assert "Läxhjälp i Nacka" in html and "Fler fritidsgårdar" in html
    page = client.get(reverse("meetings:notes", args=[past.pk])).content.decode()
    assert f'value="{first.pk}, {second.pk}"' in page


def test_the_search_button_finds_numbers_and_keeps_the_text(
    client, editor_lan, make_meeting, make_proposal, member
):
    idea = make_proposal(member, title="Fler fritidsgårdar i Nacka")
    past = make_meeting(starts_in=-timedelta(days=1))
    client.force_login(editor_lan)
    data = {"notes": "Halvskrivna anteckningar", "ideas": "abc", "sok": "fritidsgård", "action": "search"}
    response = client.post(reverse("meetings:notes", args=[past.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<strong>{idea.pk}</strong>" in html
    assert "Halvskrivna anteckningar" in html and 'value="abc"' in html
    assert "är varken ett idénummer" not in html  # searching is not saving: no errors yet
    past.refresh_from_db()
    assert past.notes == ""
