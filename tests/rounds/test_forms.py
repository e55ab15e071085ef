"""Bad input to the round forms is a field error next to the field, with every word typed kept; never a 500."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from places.models import District, Place
from proposals.models import Proposal
from rounds.models import Round, RoundIdea

TODAY = timezone.localdate


def round_data(**changes):
    return {
        "district": "joint",
        "title": "Unga vuxnas bostäder",
        "description": "Vad behöver unga för att få en första bostad?",
        "opens_on": TODAY().isoformat(),
        "closes_on": (TODAY() + timedelta(days=30)).isoformat(),
        **changes,
    }


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"closes_on": (TODAY() - timedelta(days=1)).isoformat(), "opens_on": (TODAY() - timedelta(days=9)).isoformat()},
         "closes_on", "Sista dagen har redan varit"),
        ({"opens_on": (TODAY() + timedelta(days=40)).isoformat()}, "closes_on", "kan inte stänga innan den öppnar"),
        ({"opens_on": "99999-01-01"}, "opens_on", "Fyll i ett giltigt datum"),
        ({"closes_on": "imorgon"}, "closes_on", "Fyll i ett giltigt datum"),
        ({"places": ["987654321"]}, "places", "Välj en kommun eller region ur listan"),
        ({"places": ["ett"]}, "places", "Välj en kommun eller region ur listan"),
        ({"policy_areas": ["99999999999999999999"]}, "policy_areas", "Välj ett sakområde ur listan"),
        ({"district": "99999999999999999999"}, "district", "Välj ett giltigt alternativ"),
        ({"title": "Två\nrader"}, "title", "Skriv på en rad"),
        ({"title": "\u200b "}, "title", "Detta fält måste fyllas i"),
        ({"description": "x" * 6001}, "description", "6000"),
    ],
)  # fmt: skip
def test_create_refuses_bad_input_next_to_the_field(client, editor_lan, changes, field, message):
    client.force_login(editor_lan)
    data = round_data(**changes)
    response = client.post(reverse("rounds:create"), data)
    assert response.status_code == 400
    form = response.context["form"]
    assert message in " ".join(form.errors[field]), form.errors
    assert not Round.objects.exists()
    assert (
        "Vad behöver unga för att få en första bostad?" in response.content.decode()[:50000]
        or field == "description"
    )


def test_place_outside_the_round_district_is_a_field_error(client, editor_stad, lan):
    client.force_login(editor_stad)
    stad = District.objects.get(code="stad")
    nacka = Place.objects.get(code="0182")
    response = client.post(reverse("rounds:create"), round_data(district=stad.pk, places=[nacka.pk]))
    assert response.status_code == 400
    assert "Nacka hör inte till Stockholms stads partidistrikt" in " ".join(
        response.context["form"].errors["places"]
    )
    assert not Round.objects.exists()


def test_control_characters_are_refused(client, editor_lan):
    client.force_login(editor_lan)
    response = client.post(reverse("rounds:create"), round_data(title="Tema\x00"))
    assert response.status_code == 400
    assert not Round.objects.exists()


def test_create_with_places_and_areas(client, editor_lan, lan, area):
    client.force_login(editor_lan)
    nacka, region = Place.objects.get(code="0182"), Place.objects.get(code="01")
    response = client.post(
        reverse("rounds:create"),
        round_data(district=lan.pk, places=[nacka.pk, region.pk], policy_areas=[area.pk]),
    )
    created = Round.objects.get()
    assert response.url == created.get_absolute_url() == "/ideinsamlingar/unga-vuxnas-bostader/"
    assert set(created.places.all()) == {nacka, region} and list(created.policy_areas.all()) == [area]
    assert created.state == Round.State.OPEN


def test_a_title_that_makes_no_slug_or_a_reserved_one_still_gets_a_page(client, editor_lan):
    client.force_login(editor_lan)
    client.post(reverse("rounds:create"), round_data(title="Ny"))
    client.post(reverse("rounds:create"), round_data(title="!!!"))
    assert sorted(Round.objects.values_list("slug", flat=True)) == ["ideinsamling", "ny-2"]
    for round_ in Round.objects.all():
        assert client.get(round_.get_absolute_url()).status_code == 200


def test_edit_keeps_the_text_on_error_and_saves_when_valid(client, editor_lan, open_round):
    client.force_login(editor_lan)
    url = reverse("rounds:edit", args=[open_round.slug])
    data = round_data(title="Tryggare förorter", description="Ny beskrivning som inte får försvinna.")
    data.pop("district")
    bad = client.post(url, data | {"closes_on": "2020-01-01"})
    assert bad.status_code == 400
    assert "Ny beskrivning som inte får försvinna." in bad.content.decode()
    assert "kan inte stänga innan den öppnar" in " ".join(bad.context["form"].errors["closes_on"])
    open_round.refresh_from_db()
    assert open_round.title == "Trygghet i förorten"
    # A past last day is fine when editing: a closed round's description may still be corrected.
    past = data | {"opens_on": "2026-01-01", "closes_on": "2026-02-01"}
    assert client.post(url, past).status_code == 302
    open_round.refresh_from_db()
    assert (open_round.title, open_round.state) == ("Tryggare förorter", Round.State.CLOSED)


def test_invalid_idea_in_a_round_keeps_what_was_typed(client, member, open_round, idea_data):
    client.force_login(member)
    response = client.post(
        reverse("rounds:submit", args=[open_round.slug]), idea_data | {"title": "", "places": ["987654321"]}
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"title", "places"}
    assert idea_data["body"] in response.content.decode()
    assert not Proposal.objects.exists() and not RoundIdea.objects.exists()


def test_refused_idea_can_go_to_the_bank_without_the_round(client, member, closed_round, idea_data):
    client.force_login(member)
    refused = client.post(reverse("rounds:submit", args=[closed_round.slug]), idea_data)
    assert refused.status_code == 409
    text = refused.content.decode()
    assert f'formaction="{reverse("proposals:create")}"' in text and idea_data["problem"] in text
    # The same form sent to the bank's own submit page instead.
    response = client.post(reverse("proposals:create"), idea_data)
    proposal = Proposal.objects.get()
    assert response.url == proposal.get_absolute_url()
    assert not RoundIdea.objects.exists()


def test_idea_sent_to_a_round_not_yet_open_is_refused_with_its_text(
    client, member, upcoming_round, idea_data
):
    client.force_login(member)
    response = client.post(reverse("rounds:submit", args=[upcoming_round.slug]), idea_data)
    assert response.status_code == 409
    text = response.content.decode()
    assert "har inte öppnat än" in text and idea_data["problem"] in text
    assert not Proposal.objects.exists()
