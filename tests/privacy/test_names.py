"""A member who hides their name is "Medlem" wherever others read them: idea and comment pages, the API, the
ideas feed and the export; a representative carrying an idea keeps their name (an office is public)."""

import pytest
from django.urls import reverse

from practice.models import Assignment, Carrying
from proposals import services


@pytest.fixture
def hidden(member):
    member.show_name = False
    member.save(update_fields=["show_name"])
    return member


def test_profile_form_sets_the_choice_and_keeps_it_when_left_out(client, member, place):
    client.force_login(member)
    data = {"display_name": "Maria Medlem", "home_place": place.pk, "show_name": "0"}
    assert client.post(reverse("members:profile"), data).status_code == 302
    member.refresh_from_db()
    assert member.show_name is False
    del data["show_name"]
    client.post(reverse("members:profile"), data)
    member.refresh_from_db()
    assert member.show_name is False  # left out: as it was
    assert (
        client.get(reverse("members:profile")).content.decode().count('value="0" id="id_show_name_1" checked')
        == 1
    )


def test_unknown_choice_is_a_field_error(client, member, place):
    client.force_login(member)
    response = client.post(
        reverse("members:profile"),
        {"display_name": "Maria Medlem", "home_place": place.pk, "show_name": "kanske"},
    )
    assert response.status_code == 200  # the profile page shows its errors as it always has
    assert "show_name" in response.context["form"].errors
    member.refresh_from_db()
    assert member.show_name is True


def test_hidden_name_on_idea_and_comment_pages(client, hidden, other_member, proposal):
    services.comment_create(proposal=proposal, author=hidden, body="Jag håller med mig själv.")
    services.comment_create(proposal=proposal, author=other_member, body="Bra idé!")
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Maria Medlem" not in page
    assert "Av Medlem" in page
    assert "Anders Annan" in page  # others' choice is theirs


def test_hidden_name_in_api_feed_and_export(client, hidden, proposal):
    services.comment_create(proposal=proposal, author=hidden, body="Ett tillägg.")
    idea = client.get(f"/api/v1/ideas/{proposal.pk}").json()
    assert idea["author"] == "Medlem"
    assert {comment["author"] for comment in idea["comments"]} == {"Medlem"}
    feed = client.get(reverse("proposals:feed")).content.decode()
    export = b"".join(client.get(reverse("proposals:export", args=["csv"])).streaming_content).decode(
        "utf-8-sig"
    )
    for text in (feed, export):
        assert proposal.title in text
        assert "Maria Medlem" not in text


def test_carrying_representative_keeps_their_name(client, hidden, other_member, place, proposal):
    assignment = Assignment.objects.create(
        member=hidden, kind=Assignment.Kind.MUNICIPAL_COUNCIL, place=place, confirmed_at=proposal.created_at
    )
    Carrying.objects.create(proposal=proposal, member=hidden, assignment=assignment)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Maria Medlem" in page  # in the carriers' list, acting in office
    assert "Av Medlem" in page  # as the author, still hidden
