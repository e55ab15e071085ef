"""A hidden idea is gone from every public list, search, feed and count, and its page is a 404 but for its author,
the editors of its districts and admins, who read the public reason. Showing it again brings it all back."""

import re

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from proposals import services
from tests.parallel import client_for, parallel

from .conftest import db_state


@pytest.fixture
def hidden(proposal, editor_lan, make_proposal, other_member):
    """The Nacka idea hidden; another, visible idea on the same subject beside it."""
    visible = make_proposal(other_member, title="Läxhjälp i biblioteken")
    services.proposal_hide(proposal=proposal, editor=editor_lan, reason="Reklam för ett företag")
    return proposal, visible


PUBLIC_PAGES = [
    ("home", {}),
    ("proposals:list", {}),
    ("proposals:list", {"q": "läxhjälp"}),
    ("proposals:list", {"place": "0182", "sort": "supported"}),
    ("proposals:feed", {}),
    ("proposals:feed", {"q": "läxhjälp"}),
    ("proposals:suggest", {"q": "läxhjälp"}),
]


@pytest.mark.parametrize(("name", "query"), PUBLIC_PAGES)
def test_hidden_idea_is_in_no_public_list(client, editor_lan, hidden, name, query):
    idea, visible = hidden
    client.force_login(editor_lan)  # even the editor who hid it: the lists are the same for everyone
    response = client.get(reverse(name), query)
    # A search marks the words it found in a title: the text as read, without the marks.
    content = str(response.json()) if name == "proposals:suggest" else response.content.decode()
    content = re.sub(r"</?mark>", "", content)
    assert idea.title not in content
    if name != "home":
        assert visible.title in content


def test_hidden_idea_is_not_counted(client, hidden):
    html = client.get(reverse("proposals:list"), {"q": "läxhjälp"}).content.decode()
    assert "1 idé" in html
    html = client.get(reverse("proposals:list")).content.decode()
    assert "1 idé" in html


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        (None, 404),
        ("other_member", 404),
        ("editor_stad", 404),
        ("member", 200),  # the author
        ("editor_lan", 200),
        ("admin_user", 200),
    ],
)
def test_hidden_idea_page(client, request, hidden, persona, expected):
    idea, _visible = hidden
    if persona:
        client.force_login(request.getfixturevalue(persona))
    response = client.get(idea.get_absolute_url())
    assert response.status_code == expected
    html = response.content.decode()
    assert (idea.title in html) == (expected == 200)
    if expected == 200:
        assert "Idén är dold av redaktionen." in html and "Reklam för ett företag" in html
        assert ("Visa idén igen" in html) == (persona != "member")


@pytest.mark.parametrize("name", ["proposals:support", "proposals:comment_create", "proposals:derive"])
def test_nobody_acts_on_an_idea_they_cannot_see(client, other_member, hidden, name):
    idea, _visible = hidden
    client.force_login(other_member)
    before = db_state()
    assert client.post(reverse(name, args=[idea.pk]), {"body": "Hallå?"}).status_code == 404
    assert db_state() == before


def test_derived_idea_does_not_name_its_hidden_origin(client, hidden, make_proposal, other_member):
    idea, _visible = hidden
    derived = make_proposal(other_member, title="Läxhjälp även på helger", derived_from=idea)
    html = client.get(derived.get_absolute_url()).content.decode()
    assert idea.title not in html


def test_hidden_derivative_is_not_listed_on_its_origin(
    client, proposal, make_proposal, other_member, editor_lan
):
    derived = make_proposal(other_member, title="Läxhjälp även på helger", derived_from=proposal)
    services.proposal_hide(proposal=derived, editor=editor_lan, reason="Dubblett")
    assert derived.title not in client.get(proposal.get_absolute_url()).content.decode()


def test_unhiding_brings_the_idea_back(client, editor_lan, hidden):
    idea, _visible = hidden
    client.force_login(editor_lan)
    response = client.post(
        reverse("moderation:proposal_unhide", args=[idea.pk]), {"next": idea.get_absolute_url()}
    )
    assert response.status_code == 302 and response.url == idea.get_absolute_url()
    client.logout()
    assert client.get(idea.get_absolute_url()).status_code == 200
    found = client.get(reverse("proposals:list"), {"q": "läxhjälp"}).context["page"]
    assert idea.title in {proposal.title for proposal in found}
    assert idea.title in client.get(reverse("proposals:feed")).content.decode()


def test_unhide_never_redirects_off_site(client, editor_lan, hidden):
    idea, _visible = hidden
    client.force_login(editor_lan)
    response = client.post(
        reverse("moderation:proposal_unhide", args=[idea.pk]), {"next": "https://evil.example/"}
    )
    assert response.url == idea.get_absolute_url()


def test_unhiding_what_is_shown_changes_nothing(client, editor_lan, proposal):
    client.force_login(editor_lan)
    before = db_state()
    response = client.post(reverse("moderation:proposal_unhide", args=[proposal.pk]), follow=True)
    assert "Idén visas redan." in response.content.decode()
    assert db_state() == before


def test_hidden_comment_shows_unhide_to_its_editors_only(
    client, editor_lan, editor_stad, proposal, other_member
):
    comment = services.comment_create(proposal=proposal, author=other_member, body="Dumheter!")
    services.comment_hide(comment=comment, editor=editor_lan, reason="Personangrepp")
    client.force_login(editor_lan)
    assert "Visa kommentaren igen" in client.get(proposal.get_absolute_url()).content.decode()
    client.force_login(editor_stad)
    assert "Visa kommentaren igen" not in client.get(proposal.get_absolute_url()).content.decode()


@pytest.mark.django_db(transaction=True)
def test_two_editors_hiding_at_once_hide_once(proposal, editor_lan, admin_user):
    results = parallel(
        [
            lambda: services.proposal_hide(proposal=proposal, editor=editor_lan, reason="Reklam"),
            lambda: services.proposal_hide(proposal=proposal, editor=admin_user, reason="Spam"),
        ]
    )
    assert sorted(results) == [False, True]
    proposal.refresh_from_db()
    winner = editor_lan if results[0] else admin_user
    assert proposal.hidden_by == winner
    assert list(AuditEntry.objects.values_list("action", "actor")) == [("proposal_hide", winner.pk)]


@pytest.mark.django_db(transaction=True)
def test_two_editors_unhiding_a_comment_at_once_count_it_once(proposal, other_member, editor_lan, admin_user):
    comment = services.comment_create(proposal=proposal, author=other_member, body="Dumheter!")
    services.comment_hide(comment=comment, editor=editor_lan, reason="Personangrepp")
    url = reverse("moderation:comment_unhide", args=[comment.pk])
    responses = parallel([lambda: client_for(editor_lan).post(url), lambda: client_for(admin_user).post(url)])
    assert [r.status_code for r in responses] == [302, 302]
    proposal.refresh_from_db()
    assert proposal.comment_count == 1
    assert AuditEntry.objects.filter(action="comment_unhide").count() == 1
