"""One submission of a form makes one row, whatever the double-click; supports and hides count once.

The requests run at the same moment on separate database connections (tests/parallel.py)."""

import re

import pytest
from django.urls import reverse

from proposals import services
from proposals.models import Comment, Proposal, Support
from tests.parallel import client_for, parallel, parallel_posts

pytestmark = pytest.mark.django_db(transaction=True)


def form_key(html: str) -> str:
    """The one-time key of the (first) form on a page."""
    return re.search(r'name="submission_key" value="([0-9a-f-]{36})"', html).group(1)


def test_double_click_on_submit_makes_one_idea(member, idea_data):
    key = form_key(client_for(member).get(reverse("proposals:create")).content.decode())
    responses = parallel_posts(
        member, reverse("proposals:create"), idea_data | {"submission_key": key}, times=3
    )
    proposal = Proposal.objects.get()
    assert [r.status_code for r in responses] == [302, 302, 302]
    assert {r.url for r in responses} == {proposal.get_absolute_url()}
    assert list(proposal.tags.names()) == ["cykel"]


def test_the_same_form_sent_again_later_finds_the_idea_it_made(client, member, idea_data):
    client.force_login(member)
    data = idea_data | {"submission_key": form_key(client.get(reverse("proposals:create")).content.decode())}
    first, again = (
        client.post(reverse("proposals:create"), data),
        client.post(reverse("proposals:create"), data),
    )
    assert first.url == again.url == Proposal.objects.get().get_absolute_url()
    # Sent back with other words (the browser's back button, then an edit), it is a new idea: nothing lost.
    client.post(reverse("proposals:create"), data | {"title": "Cykelbanor längs alla skolvägar"})
    assert sorted(Proposal.objects.values_list("title", flat=True)) == [
        "Cykelbanor längs alla skolvägar",
        "Fler cykelbanor till skolorna",
    ]


def test_each_empty_form_has_its_own_key(client, member, proposal):
    client.force_login(member)
    first = form_key(client.get(reverse("proposals:create")).content.decode())
    second = form_key(client.get(reverse("proposals:create")).content.decode())
    keys = re.findall(
        r'name="submission_key" value="([0-9a-f-]{36})"',
        client.get(proposal.get_absolute_url()).content.decode(),
    )
    assert first != second and len(set(keys)) == len(keys)


def test_double_click_on_comment_and_reply_makes_one_each(member, other_member, proposal):
    url = reverse("proposals:comment_create", args=[proposal.pk])
    key = form_key(client_for(other_member).get(proposal.get_absolute_url()).content.decode())
    responses = parallel_posts(other_member, url, {"body": "Bra idé!", "submission_key": key})
    assert [r.status_code for r in responses] == [302, 302]
    top = Comment.objects.get()
    reply_key = "6f1c1f5e-3c2b-4c55-9a4e-1d2b3c4d5e6f"
    parallel_posts(member, url, {"body": "Tack!", "parent": top.pk, "submission_key": reply_key}, times=3)
    assert list(Comment.objects.filter(parent=top).values_list("body", flat=True)) == ["Tack!"]
    proposal.refresh_from_db()
    assert proposal.comment_count == 2


def test_ten_editors_hiding_a_comment_at_once_hide_it_once(editor_lan, member, other_member, proposal):
    kept = services.comment_create(proposal=proposal, author=other_member, body="Saklig kommentar")
    comment = services.comment_create(proposal=proposal, author=other_member, body="Personangrepp")
    url = reverse("proposals:comment_hide", args=[comment.pk])
    responses = parallel_posts(editor_lan, url, [{"reason": f"Skäl {i}"} for i in range(10)])
    assert [r.status_code for r in responses] == [302] * 10
    comment.refresh_from_db()
    assert comment.hidden_by == editor_lan and re.fullmatch(r"Skäl \d", comment.hidden_reason)
    proposal.refresh_from_db()
    assert proposal.comment_count == 1
    assert list(Comment.objects.filter(hidden_at__isnull=True)) == [kept]
    # Later clicks change nothing either: the first reason stays.
    reason = comment.hidden_reason
    again = client_for(editor_lan).post(url, {"reason": "Ett annat skäl"}, follow=True)
    assert "Kommentaren är redan dold." in again.content.decode()
    comment.refresh_from_db()
    assert comment.hidden_reason == reason


def test_supporting_five_times_at_once_counts_once(member, other_member, proposal):
    url = reverse("proposals:support", args=[proposal.pk])
    responses = parallel_posts(other_member, url, {}, times=5)
    assert [r.status_code for r in responses] == [302] * 5
    proposal.refresh_from_db()
    assert (proposal.support_count, Support.objects.count()) == (1, 1)
    parallel_posts(other_member, url, {"action": "withdraw"}, times=5)
    proposal.refresh_from_db()
    assert (proposal.support_count, Support.objects.count()) == (0, 0)


def test_no_reply_under_a_hidden_comment_not_even_to_its_replies(
    client, editor_lan, member, other_member, proposal
):
    top = services.comment_create(proposal=proposal, author=other_member, body="Personangrepp")
    reply = services.comment_create(proposal=proposal, author=member, body="Lugna ner dig", parent=top)
    services.comment_hide(comment=top, editor=editor_lan, reason="Personangrepp")
    client.force_login(member)
    url = reverse("proposals:comment_create", args=[proposal.pk])
    for parent in (top, reply):
        response = client.post(url, {"body": "Mitt svar finns kvar", "parent": parent.pk})
        assert response.status_code == 409
        html = response.content.decode()
        assert "Kommentaren du svarar på är dold och kan inte besvaras." in html
        assert "Mitt svar finns kvar" in html
    assert Comment.objects.count() == 2


def test_a_reply_racing_the_hide_of_its_comment_never_lands_under_it_unseen(
    editor_lan, member, other_member, proposal
):
    top = services.comment_create(proposal=proposal, author=other_member, body="Personangrepp")
    reply_client, hide_client = client_for(member), client_for(editor_lan)
    reply, hide = parallel(
        [
            lambda: reply_client.post(
                reverse("proposals:comment_create", args=[proposal.pk]), {"body": "Svar", "parent": top.pk}
            ),
            lambda: hide_client.post(reverse("proposals:comment_hide", args=[top.pk]), {"reason": "Skäl"}),
        ]
    )
    assert hide.status_code == 302 and reply.status_code in (302, 409)
    top.refresh_from_db()
    # Either the reply locked the comment first (and stays, made before the hide), or it was refused.
    assert top.is_hidden
    assert Comment.objects.filter(parent=top).count() == (1 if reply.status_code == 302 else 0)


def test_an_edit_racing_the_hide_of_the_comment_never_changes_a_hidden_text(
    editor_lan, other_member, proposal
):
    comment = services.comment_create(proposal=proposal, author=other_member, body="Personangrepp")
    edit, hide = parallel(
        [
            lambda: client_for(other_member).post(
                reverse("proposals:comment_edit", args=[comment.pk]), {"body": "Förlåt, jag menade inte så"}
            ),
            lambda: client_for(editor_lan).post(
                reverse("proposals:comment_hide", args=[comment.pk]), {"reason": "Personangrepp"}
            ),
        ]
    )
    comment.refresh_from_db()
    assert hide.status_code == 302 and comment.is_hidden
    if edit.status_code == 302:  # the edit came first
        assert comment.body == "Förlåt, jag menade inte så"
    else:  # refused: already hidden when the edit was checked (403) or saved (409, the new text kept)
        assert comment.body == "Personangrepp" and edit.status_code in (403, 409)
        assert edit.status_code == 403 or "Förlåt, jag menade inte så" in edit.content.decode()
