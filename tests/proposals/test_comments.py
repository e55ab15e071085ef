"""Comments: threaded one level, editable by their author for a while, hidden by editors with a reason."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from proposals.models import Comment


def comment_url(proposal):
    return reverse("proposals:comment_create", args=[proposal.pk])


def test_member_comments_and_replies_one_level_deep(client, member, other_member, proposal):
    client.force_login(other_member)
    client.post(comment_url(proposal), {"body": "Bra idé!"})
    top = Comment.objects.get()
    client.force_login(member)
    client.post(comment_url(proposal), {"body": "Tack!", "parent": top.pk})
    reply = Comment.objects.get(parent=top)
    # A reply to a reply lands on the top-level comment: one level only.
    client.post(comment_url(proposal), {"body": "Och ett svar till.", "parent": reply.pk})
    assert Comment.objects.filter(parent=top).count() == 2
    proposal.refresh_from_db()
    assert proposal.comment_count == 3
    html = client.get(proposal.get_absolute_url()).content.decode()
    assert html.index("Bra idé!") < html.index("Tack!") < html.index("Och ett svar till.")


def test_empty_or_too_long_comment_is_explained(client, other_member, proposal):
    client.force_login(other_member)
    response = client.post(comment_url(proposal), {"body": ""})
    assert response.status_code == 400
    assert "Detta fält måste fyllas i" in response.content.decode()
    long_text = "ord " * 1001
    response = client.post(comment_url(proposal), {"body": long_text})
    assert response.status_code == 400
    assert long_text.strip()[:50] in response.content.decode()
    assert not Comment.objects.exists()


def test_author_edits_comment_within_window_only(client, other_member, proposal):
    client.force_login(other_member)
    client.post(comment_url(proposal), {"body": "Stavfell"})
    comment = Comment.objects.get()
    edit_url = reverse("proposals:comment_edit", args=[comment.pk])
    client.post(edit_url, {"body": "Stavfel rättat"})
    comment.refresh_from_db()
    assert comment.body == "Stavfel rättat"
    assert comment.edited_at is not None

    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(hours=2))
    assert client.post(edit_url, {"body": "För sent"}).status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Stavfel rättat"


def test_editor_hides_comment_with_reason(client, editor_lan, other_member, proposal):
    client.force_login(other_member)
    client.post(comment_url(proposal), {"body": "Otrevlig text"})
    comment = Comment.objects.get()
    client.force_login(editor_lan)
    hide_url = reverse("proposals:comment_hide", args=[comment.pk])
    assert "Otrevlig text" in client.get(hide_url).content.decode()
    response = client.post(hide_url, {"reason": ""})
    assert "Detta fält måste fyllas i" in response.content.decode()
    client.post(hide_url, {"reason": "Bryter mot reglerna"})
    comment.refresh_from_db()
    assert comment.hidden_by == editor_lan
    assert comment.hidden_reason == "Bryter mot reglerna"
    html = client.get(proposal.get_absolute_url()).content.decode()
    assert "Otrevlig text" not in html
    assert "Kommentaren är dold av redaktionen: Bryter mot reglerna" in html
    proposal.refresh_from_db()
    assert proposal.comment_count == 0


def test_comment_page_queries_do_not_grow_with_comments(
    client, member, other_member, proposal, django_assert_max_num_queries
):
    from proposals import services

    for i in range(10):
        top = services.comment_create(proposal=proposal, author=other_member, body=f"Kommentar {i}")
        services.comment_create(proposal=proposal, author=member, body=f"Svar {i}", parent=top)
    client.force_login(other_member)
    # session, user, idea, places, districts, tags, comments, replies, revisions, status changes,
    # derivatives, own support, verified email, editor roles, whether the member follows it; the other apps'
    # tags: its round, where it was imported from, the member's offices, its implementations, its agenda
    # points, who carries it
    with django_assert_max_num_queries(21):
        response = client.get(proposal.get_absolute_url())
    assert response.content.decode().count('class="comment') >= 20
