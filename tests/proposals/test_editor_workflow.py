"""Editors handle their district's ideas: review, select, answer, decline; each change recorded; authors see it."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from proposals.models import Proposal, StatusChange


def status_url(proposal):
    return reverse("proposals:status", args=[proposal.pk])


def test_editor_reviews_selects_and_answers(client, editor_lan, member, proposal):
    client.force_login(editor_lan)
    assert "Spara status" in client.get(proposal.get_absolute_url()).content.decode()
    client.post(status_url(proposal), {"status": "under_review"})
    client.post(status_url(proposal), {"status": "selected"})
    client.post(status_url(proposal), {"status": "answered", "text": "Den här tar vi med i agendan."})
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ANSWERED
    assert proposal.answer == "Den här tar vi med i agendan."
    changes = list(proposal.status_changes.values_list("from_status", "to_status", "changed_by"))
    assert changes == [
        ("new", "under_review", editor_lan.pk),
        ("under_review", "selected", editor_lan.pk),
        ("selected", "answered", editor_lan.pk),
    ]

    client.force_login(member)
    assert "Den här tar vi med i agendan." in client.get(proposal.get_absolute_url()).content.decode()
    mine = client.get(reverse("proposals:mine")).content.decode()
    assert "Den här tar vi med i agendan." in mine
    assert "Besvarad" in mine


def test_declining_needs_a_reason(client, editor_lan, proposal):
    client.force_login(editor_lan)
    response = client.post(status_url(proposal), {"status": "declined", "text": "  "})
    assert response.status_code == 400
    assert "Skriv ett svar eller en motivering för den här statusen." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.NEW
    client.post(status_url(proposal), {"status": "declined", "text": "Ligger utanför kommunens ansvar."})
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DECLINED
    assert StatusChange.objects.get().reason == "Ligger utanför kommunens ansvar."


def test_impossible_transition_is_refused(client, editor_lan, proposal):
    client.force_login(editor_lan)
    client.post(status_url(proposal), {"status": "declined", "text": "Nej."})
    response = client.post(status_url(proposal), {"status": "selected"})
    assert response.status_code == 400
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DECLINED


def test_database_requires_an_answer_for_answered_ideas(proposal):
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.filter(pk=proposal.pk).update(status="answered", answer="")


def test_author_edits_until_answered_and_revisions_are_kept(
    client, member, editor_lan, proposal, area, place
):
    client.force_login(member)
    edit_url = reverse("proposals:edit", args=[proposal.pk])
    data = {
        "title": "Läxhjälp varje dag",
        "summary": proposal.summary,
        "problem": proposal.problem,
        "body": proposal.body,
        "places": [place.pk],
        "policy_area": area.pk,
        "tags": "läxhjälp",
    }
    client.post(edit_url, data)
    proposal.refresh_from_db()
    assert proposal.title == "Läxhjälp varje dag"
    assert list(proposal.revisions.values_list("title", flat=True)) == ["Gratis läxhjälp på alla skolor"]
    html = client.get(proposal.get_absolute_url()).content.decode()
    assert "Tidigare versioner" in html and "Gratis läxhjälp på alla skolor" in html

    client.force_login(editor_lan)
    client.post(status_url(proposal), {"status": "answered", "text": "Tack!"})
    client.force_login(member)
    assert client.get(edit_url).status_code == 403
    # An edit posted from a page opened before the answer: refused with the reason, the text kept.
    response = client.post(edit_url, {**data, "title": "Ändrad igen"})
    assert response.status_code == 409
    assert "Idén har redan behandlats och kan inte längre ändras." in response.content.decode()
    assert "Ändrad igen" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.title == "Läxhjälp varje dag"


def test_queue_shows_only_the_editors_district(
    client, editor_stad, member, make_proposal, place, stockholm, django_assert_max_num_queries
):
    make_proposal(member, title="Idé för Nacka", places=[place])
    for i in range(3):
        make_proposal(member, title=f"Idé för Stockholm {i}", places=[stockholm])
    client.force_login(editor_stad)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("proposals:queue"))
    titles = [p.title for p in response.context["page"]]
    assert titles == ["Idé för Stockholm 0", "Idé för Stockholm 1", "Idé för Stockholm 2"]
    selected = client.get(reverse("proposals:queue"), {"status": "selected"})
    assert "Kön är tom." in selected.content.decode()


@pytest.mark.django_db(transaction=True)
def test_author_is_emailed_the_answer(client, editor_lan, member, make_proposal, run_tasks):
    proposal = make_proposal(member)
    client.force_login(editor_lan)
    client.post(status_url(proposal), {"status": "under_review"})
    client.post(status_url(proposal), {"status": "answered", "text": "Vi tar med idén i agendan."})
    [message] = [m for m in run_tasks() if m.to == [member.email]]  # the editor was told of the new idea
    assert (
        message.subject == "[Reformbanken] Din idé ”Gratis läxhjälp på alla skolor” har nu status: Besvarad"
    )
    assert "Vi tar med idén i agendan." in message.body
    assert f"http://127.0.0.1:8000/ideer/{proposal.pk}/" in message.body
