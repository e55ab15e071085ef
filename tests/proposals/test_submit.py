"""Members submit ideas; bad input is explained beside the field and nothing typed is lost."""

import re

import pytest
from django.urls import reverse

from proposals.models import Proposal


@pytest.fixture
def idea_data(area, place, stockholm):
    return {
        "title": "Fler cykelbanor till skolorna",
        "summary": "Säkra cykelvägar till alla skolor.",
        "problem": "Barn kan inte cykla tryggt till skolan.",
        "body": "Bygg **separerade** cykelbanor.",
        "places": [place.pk, stockholm.pk],
        "policy_area": area.pk,
        "tags": "cykel, Trafiksäkerhet",
    }


def test_member_submits_idea_with_places_and_tags(client, member, idea_data):
    client.force_login(member)
    response = client.post(reverse("proposals:create"), idea_data)
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response.url == proposal.get_absolute_url()
    assert proposal.author == member
    assert proposal.status == Proposal.Status.NEW
    assert sorted(p.code for p in proposal.places.all()) == ["0180", "0182"]
    assert sorted(proposal.tags.names()) == ["cykel", "trafiksäkerhet"]
    page = client.get(proposal.get_absolute_url())
    assert "<strong>separerade</strong>" in page.content.decode()


def test_unverified_member_cannot_submit(client, unverified, idea_data):
    client.force_login(unverified)
    assert client.get(reverse("proposals:create")).status_code == 403
    assert client.post(reverse("proposals:create"), idea_data).status_code == 403
    assert not Proposal.objects.exists()


def test_anonymous_is_sent_to_login(client, idea_data):
    response = client.post(reverse("proposals:create"), idea_data)
    assert response.status_code == 302
    assert reverse("account_login") in response.url
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "x" * 161, "som mest 160 tecken"),
        ("title", "", "Detta fält måste fyllas i"),
        ("places", [999999], "Välj en kommun eller region ur listan."),
        ("places", [], "Välj minst en kommun eller regionen."),
        ("policy_area", 999999, "Välj ett sakområde ur listan."),
        ("tags", "a" * 41, "för lång"),
        ("tags", "<script>, ok", "får bara innehålla"),
        ("tags", ", ".join(f"tagg{i}" for i in range(9)), "Högst 8 taggar"),
    ],
)
def test_bad_input_is_explained_and_text_is_kept(client, member, idea_data, field, value, message):
    client.force_login(member)
    idea_data[field] = value
    response = client.post(reverse("proposals:create"), idea_data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'aria-invalid="true"' in html
    # The summary above the form links to the field (the first checkbox of the places).
    summary = html[html.index('id="form-errors"') :]
    target = re.search(r'<a href="#([\w-]+)">', summary).group(1)
    assert target.startswith(f"id_{field}") and f'id="{target}"' in html
    # What the member wrote in the other fields is still there.
    assert "Säkra cykelvägar till alla skolor." in html
    assert "Bygg **separerade** cykelbanor." in html
    assert not Proposal.objects.exists()


def test_script_in_markdown_is_neutralised(client, member, idea_data):
    client.force_login(member)
    idea_data["body"] = (
        "<script>alert(1)</script>\n\n[klick](javascript:alert(2)) <img src=x onerror=alert(3)>"
    )
    client.post(reverse("proposals:create"), idea_data)
    html = client.get(Proposal.objects.get().get_absolute_url()).content.decode()
    body = html.split('id="body-heading"')[1].split("</section>")[0]
    assert "<script" not in body
    assert 'href="javascript' not in body
    assert "<img" not in body
    assert "&lt;img src=x onerror=alert(3)&gt;" in body  # shown as the text it was, never as markup


def test_post_without_csrf_token_is_refused(member, idea_data):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post(reverse("proposals:create"), idea_data)
    assert response.status_code == 403
    assert not Proposal.objects.exists()


def test_tag_autocomplete_suggests_existing_tags(client, proposal, make_proposal, member):
    make_proposal(member, title="Annat", tags=["lärare", "läxläsning", "energi"])
    response = client.get(reverse("proposals:tag_autocomplete"), {"q": "LÄX"})
    assert response.json() == {"tags": ["läxhjälp", "läxläsning"]}
    assert client.get(reverse("proposals:tag_autocomplete"), {"q": ""}).json() == {"tags": []}
    form = client.get(reverse("proposals:create"))
    assert form.status_code == 302  # anonymous: login first


def test_submit_form_offers_tag_suggestions(client, member):
    client.force_login(member)
    html = client.get(reverse("proposals:create")).content.decode()
    assert 'list="tag-suggestions"' in html
    assert reverse("proposals:tag_autocomplete") in html
