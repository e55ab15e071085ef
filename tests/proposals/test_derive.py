"""Build on an idea: the new idea starts from the old one and the lineage shows both ways."""

from django.urls import reverse

from proposals.models import Proposal


def test_member_builds_on_an_idea(client, other_member, proposal, area, place):
    client.force_login(other_member)
    url = reverse("proposals:derive", args=[proposal.pk])
    form_html = client.get(url).content.decode()
    assert proposal.title in form_html
    assert "Du bygger vidare på" in form_html

    response = client.post(
        url,
        {
            "title": "Läxhjälp även på helger",
            "summary": "Samma sak på lördagar.",
            "problem": proposal.problem,
            "body": "Öppet även på lördagar.",
            "places": [place.pk],
            "policy_area": area.pk,
            "tags": "läxhjälp, helger",
        },
    )
    child = Proposal.objects.get(title="Läxhjälp även på helger")
    assert response.url == child.get_absolute_url()
    assert child.derived_from == proposal
    assert child.author == other_member

    child_html = client.get(child.get_absolute_url()).content.decode()
    assert "Bygger vidare på" in child_html and proposal.get_absolute_url() in child_html
    parent_html = client.get(proposal.get_absolute_url()).content.decode()
    assert child.get_absolute_url() in parent_html


def test_building_on_a_missing_idea_is_404(client, other_member, db):
    client.force_login(other_member)
    assert client.get(reverse("proposals:derive", args=[424242])).status_code == 404
