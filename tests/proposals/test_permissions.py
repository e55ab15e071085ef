"""Who may do what: the permission truth table, roles × actions, driven through HTTP.

Every refused write leaves the database exactly as it was; every allowed write is checked to have happened.
What a user may not see is a 404, never a leak.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import EditorRole, User
from places.models import District, Place
from proposals import services
from proposals.models import Comment, Proposal, ProposalRevision, StatusChange, Support
from tests.conftest import make_user, role_matrix

ROLES = ["anonymous", "unverified", "member", "author", "editor_other", "editor_right", "admin"]

# The persona fixture behind each role, for an idea by `member` about Nacka (county district "lan").
PERSONA = {
    "unverified": "unverified",
    "member": "other_member",
    "author": "member",
    "editor_other": "editor_stad",
    "editor_right": "editor_lan",
    "admin": "admin_user",
}
UNKNOWN_PK = 987654321


def matrix(**expected):
    return role_matrix(ROLES, **expected)


@pytest.fixture
def bystander(db):
    return make_user("askadare@example.se", display_name="Åsa Åskådare")


@pytest.fixture
def idea_data(area, place):
    return {
        "title": "Läxhjälp på alla skolor, även på lov",
        "summary": "Alla elever ska kunna få hjälp med läxorna.",
        "problem": "Elever vars föräldrar inte kan hjälpa till halkar efter.",
        "body": "Kommunen anordnar läxhjälp varje eftermiddag.",
        "places": [place.pk],
        "policy_area": area.pk,
        "tags": "läxhjälp",
    }


@pytest.fixture
def comment(proposal, other_member):
    """A comment by `other_member` (the role "member") on the Nacka idea."""
    return services.comment_create(proposal=proposal, author=other_member, body="Bra idé, men vem betalar?")


def db_state():
    """Everything an action in this file could change."""
    return {
        "proposals": sorted(
            Proposal.objects.values_list(
                "pk",
                "status",
                "answer",
                "title",
                "summary",
                "body",
                "problem",
                "support_count",
                "comment_count",
                "derived_from_id",
                "policy_area_id",
            )
        ),
        "places": sorted(Proposal.places.through.objects.values_list("proposal_id", "place_id")),
        "supports": sorted(Support.objects.values_list("proposal_id", "member_id")),
        "comments": sorted(
            Comment.objects.values_list(
                "pk",
                "proposal_id",
                "parent_id",
                "author_id",
                "body",
                "edited_at",
                "hidden_at",
                "hidden_reason",
            )
        ),
        "status_changes": StatusChange.objects.count(),
        "revisions": ProposalRevision.objects.count(),
        "editor_roles": sorted(EditorRole.objects.values_list("user_id", "district_id")),
        "admins": sorted(User.objects.filter(is_superuser=True).values_list("pk", flat=True)),
        "staff": sorted(User.objects.filter(is_staff=True).values_list("pk", flat=True)),
    }


def assert_status(response, role, expected):
    assert response.status_code == expected, response.content.decode()[:500]
    if role == "anonymous" and expected == 302:
        assert_sent_to_login(response)


def assert_sent_to_login(response):
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login") + "?next=")


def is_allowed(role, expected):
    return role != "anonymous" and expected in (200, 302)


def detail_url(proposal):
    return reverse("proposals:detail", args=[proposal.pk])


# --- Reading -------------------------------------------------------------------------------------------


@matrix(anonymous=200, unverified=200, member=200, author=200, editor_other=200, editor_right=200, admin=200)
def test_view_idea(client, act_as, proposal, role, expected):
    act_as(role)
    response = client.get(detail_url(proposal))
    assert_status(response, role, expected)
    assert proposal.title in response.content.decode()


@matrix(anonymous=200, unverified=200, member=200, author=200, editor_other=200, editor_right=200, admin=200)
def test_view_list(client, act_as, proposal, role, expected):
    act_as(role)
    response = client.get(reverse("proposals:list"))
    assert_status(response, role, expected)
    assert proposal.title in response.content.decode()


@matrix(anonymous=302, unverified=200, member=200, author=200, editor_other=200, editor_right=200, admin=200)
def test_my_ideas(client, act_as, proposal, role, expected):
    user = act_as(role)
    response = client.get(reverse("proposals:mine"))
    assert_status(response, role, expected)
    if user is not None:
        # Only one's own ideas are listed.
        assert (proposal.title in response.content.decode()) == (user == proposal.author)


@matrix(anonymous=302, unverified=403, member=403, author=403, editor_other=200, editor_right=200, admin=403)
def test_editor_queue(client, act_as, proposal, role, expected):
    act_as(role)
    response = client.get(reverse("proposals:queue"))
    assert_status(response, role, expected)
    if role == "editor_right":
        assert proposal.title in response.content.decode()
    if role == "editor_other":
        assert proposal.title not in response.content.decode()


@matrix(anonymous=302, unverified=403, member=403, author=403, editor_other=403, editor_right=403, admin=200)
def test_roles_page(client, act_as, role, expected):
    act_as(role)
    assert_status(client.get(reverse("members:roles")), role, expected)


# --- Submitting and editing ideas ----------------------------------------------------------------------


@matrix(anonymous=302, unverified=403, member=200, author=200, editor_other=200, editor_right=200, admin=200)
def test_submit_form(client, act_as, role, expected):
    act_as(role)
    assert_status(client.get(reverse("proposals:create")), role, expected)


@matrix(anonymous=302, unverified=403, member=302, author=302, editor_other=302, editor_right=302, admin=302)
def test_submit_idea(client, act_as, idea_data, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("proposals:create"), idea_data)
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        created = Proposal.objects.get(title=idea_data["title"])
        assert created.author == user
        assert response.url == detail_url(created)
    else:
        assert db_state() == before


@matrix(anonymous=302, unverified=403, member=403, author=200, editor_other=403, editor_right=403, admin=403)
def test_edit_form(client, act_as, proposal, role, expected):
    act_as(role)
    assert_status(client.get(reverse("proposals:edit", args=[proposal.pk])), role, expected)


@matrix(anonymous=302, unverified=403, member=403, author=302, editor_other=403, editor_right=403, admin=403)
def test_edit_idea(client, act_as, proposal, idea_data, role, expected):
    act_as(role)
    before = db_state()
    response = client.post(reverse("proposals:edit", args=[proposal.pk]), idea_data)
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        proposal.refresh_from_db()
        assert proposal.title == idea_data["title"]
        assert proposal.revisions.get().title == "Gratis läxhjälp på alla skolor"
    else:
        assert db_state() == before


@pytest.mark.parametrize("status", ["selected", "answered", "declined"])
def test_author_cannot_edit_idea_once_handled(client, member, editor_lan, proposal, idea_data, status):
    services.proposal_status_change(proposal=proposal, editor=editor_lan, status=status, text="Svaret")
    client.force_login(member)
    before = db_state()
    assert client.get(reverse("proposals:edit", args=[proposal.pk])).status_code == 403
    # Posted from a page opened before: refused with the reason, the text kept (409).
    response = client.post(reverse("proposals:edit", args=[proposal.pk]), idea_data)
    assert response.status_code == 409 and idea_data["title"] in response.content.decode()
    assert db_state() == before


def test_author_can_still_edit_idea_under_review(client, member, editor_lan, proposal, idea_data):
    services.proposal_status_change(proposal=proposal, editor=editor_lan, status=Proposal.Status.UNDER_REVIEW)
    client.force_login(member)
    assert client.post(reverse("proposals:edit", args=[proposal.pk]), idea_data).status_code == 302
    proposal.refresh_from_db()
    assert proposal.title == idea_data["title"]


@matrix(anonymous=302, unverified=403, member=200, author=200, editor_other=200, editor_right=200, admin=200)
def test_build_on_form(client, act_as, proposal, role, expected):
    act_as(role)
    response = client.get(reverse("proposals:derive", args=[proposal.pk]))
    assert_status(response, role, expected)
    if expected == 200:
        assert proposal.summary in response.content.decode()


@matrix(anonymous=302, unverified=403, member=302, author=302, editor_other=302, editor_right=302, admin=302)
def test_build_on_idea(client, act_as, proposal, idea_data, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("proposals:derive", args=[proposal.pk]), idea_data)
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        derived = Proposal.objects.get(title=idea_data["title"])
        assert (derived.author, derived.derived_from) == (user, proposal)
    else:
        assert db_state() == before


# --- Support -------------------------------------------------------------------------------------------


@matrix(anonymous=302, unverified=403, member=302, author=403, editor_other=302, editor_right=302, admin=302)
def test_support(client, act_as, proposal, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("proposals:support", args=[proposal.pk]))
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        assert response.url == detail_url(proposal)
        assert list(Support.objects.values_list("member", flat=True)) == [user.pk]
        assert Proposal.objects.get(pk=proposal.pk).support_count == 1
    else:
        assert db_state() == before


@matrix(anonymous=302, unverified=403, member=302, author=403, editor_other=302, editor_right=302, admin=302)
def test_withdraw_support(client, act_as, proposal, bystander, role, expected):
    user = act_as(role)
    services.proposal_support(proposal=proposal, member=bystander)
    if user is not None and user != proposal.author:
        # The persona supported the idea earlier (the unverified one before their address changed).
        Support.objects.create(proposal=proposal, member=user)
        Proposal.objects.filter(pk=proposal.pk).update(support_count=2)
    before = db_state()
    response = client.post(reverse("proposals:support", args=[proposal.pk]), {"action": "withdraw"})
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        assert list(Support.objects.values_list("member", flat=True)) == [bystander.pk]
        assert Proposal.objects.get(pk=proposal.pk).support_count == 1
    else:
        assert db_state() == before


def test_supporting_twice_counts_once(client, other_member, proposal):
    client.force_login(other_member)
    url = reverse("proposals:support", args=[proposal.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302
    assert Support.objects.filter(proposal=proposal, member=other_member).count() == 1
    assert Proposal.objects.get(pk=proposal.pk).support_count == 1


def test_withdrawing_support_one_never_gave_changes_nothing(client, other_member, bystander, proposal):
    services.proposal_support(proposal=proposal, member=bystander)
    client.force_login(other_member)
    before = db_state()
    response = client.post(reverse("proposals:support", args=[proposal.pk]), {"action": "withdraw"})
    assert response.status_code == 302
    assert db_state() == before


def test_support_is_post_only(client, other_member, proposal):
    client.force_login(other_member)
    assert client.get(reverse("proposals:support", args=[proposal.pk])).status_code == 405
    assert not Support.objects.exists()


# --- Comments ------------------------------------------------------------------------------------------


@matrix(anonymous=302, unverified=403, member=302, author=302, editor_other=302, editor_right=302, admin=302)
def test_comment(client, act_as, proposal, role, expected):
    user = act_as(role)
    before = db_state()
    url = reverse("proposals:comment_create", args=[proposal.pk])
    response = client.post(url, {"body": "Jag håller med."})
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        created = Comment.objects.get()
        assert (created.author, created.proposal, created.body) == (user, proposal, "Jag håller med.")
        assert Proposal.objects.get(pk=proposal.pk).comment_count == 1
    else:
        assert db_state() == before


@matrix(anonymous=302, unverified=403, member=302, author=302, editor_other=302, editor_right=302, admin=302)
def test_reply(client, act_as, comment, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(
        reverse("proposals:comment_create", args=[comment.proposal_id]),
        {"body": "Skatten.", "parent": comment.pk},
    )
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        reply = Comment.objects.get(parent=comment)
        assert (reply.author, reply.body) == (user, "Skatten.")
    else:
        assert db_state() == before


def test_reply_to_a_comment_on_another_idea_is_404(client, other_member, make_proposal, comment):
    elsewhere = make_proposal(other_member, title="Fler fritidsgårdar")
    client.force_login(other_member)
    before = db_state()
    response = client.post(
        reverse("proposals:comment_create", args=[elsewhere.pk]), {"body": "Kapning", "parent": comment.pk}
    )
    assert response.status_code == 404
    assert db_state() == before


def test_reply_to_an_unknown_comment_is_404(client, other_member, proposal):
    client.force_login(other_member)
    before = db_state()
    response = client.post(
        reverse("proposals:comment_create", args=[proposal.pk]), {"body": "Hallå?", "parent": UNKNOWN_PK}
    )
    assert response.status_code == 404
    assert db_state() == before


@matrix(anonymous=302, unverified=403, member=200, author=403, editor_other=403, editor_right=403, admin=403)
def test_edit_comment_form(client, act_as, comment, role, expected):
    act_as(role)
    assert_status(client.get(reverse("proposals:comment_edit", args=[comment.pk])), role, expected)


@matrix(anonymous=302, unverified=403, member=302, author=403, editor_other=403, editor_right=403, admin=403)
def test_edit_comment(client, act_as, comment, role, expected):
    act_as(role)
    before = db_state()
    response = client.post(reverse("proposals:comment_edit", args=[comment.pk]), {"body": "Ändrad text."})
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        comment.refresh_from_db()
        assert comment.body == "Ändrad text."
        assert comment.edited_at is not None
    else:
        assert db_state() == before


def test_comment_cannot_be_edited_after_the_edit_window(client, settings, other_member, comment):
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=settings.COMMENT_EDIT_MINUTES + 1)
    )
    client.force_login(other_member)
    before = db_state()
    url = reverse("proposals:comment_edit", args=[comment.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"body": "För sent."}).status_code == 403
    assert db_state() == before


def test_hidden_comment_cannot_be_edited_by_its_author(client, other_member, editor_lan, comment):
    services.comment_hide(comment=comment, editor=editor_lan, reason="Personangrepp")
    client.force_login(other_member)
    before = db_state()
    response = client.post(reverse("proposals:comment_edit", args=[comment.pk]), {"body": "Nu då?"})
    assert response.status_code == 403
    assert db_state() == before


@matrix(anonymous=302, unverified=403, member=403, author=403, editor_other=403, editor_right=200, admin=403)
def test_hide_comment_form(client, act_as, comment, role, expected):
    act_as(role)
    assert_status(client.get(reverse("proposals:comment_hide", args=[comment.pk])), role, expected)


@matrix(anonymous=302, unverified=403, member=403, author=403, editor_other=403, editor_right=302, admin=403)
def test_hide_comment(client, act_as, comment, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("proposals:comment_hide", args=[comment.pk]), {"reason": "Personangrepp"})
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        comment.refresh_from_db()
        assert comment.hidden_at is not None
        assert (comment.hidden_by, comment.hidden_reason) == (user, "Personangrepp")
        assert comment.body == "Bra idé, men vem betalar?"  # kept, only hidden
        assert Proposal.objects.get(pk=comment.proposal_id).comment_count == 0
    else:
        assert db_state() == before


def test_hidden_comment_cannot_be_hidden_again(client, editor_lan, comment):
    services.comment_hide(comment=comment, editor=editor_lan, reason="Personangrepp")
    client.force_login(editor_lan)
    before = db_state()
    response = client.post(
        reverse("proposals:comment_hide", args=[comment.pk]), {"reason": "Igen"}, follow=True
    )
    assert "Kommentaren är redan dold." in response.content.decode()
    assert db_state() == before


@pytest.mark.parametrize("role", ROLES)
def test_hidden_comment_text_is_not_shown_to_anyone(client, act_as, editor_lan, comment, role):
    services.comment_hide(comment=comment, editor=editor_lan, reason="Personangrepp")
    act_as(role)
    html = client.get(detail_url(comment.proposal)).content.decode()
    assert "vem betalar" not in html
    assert "Personangrepp" in html


# --- Status --------------------------------------------------------------------------------------------


@matrix(anonymous=302, unverified=403, member=403, author=403, editor_other=403, editor_right=302, admin=403)
def test_change_status(client, act_as, proposal, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("proposals:status", args=[proposal.pk]), {"status": "under_review"})
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        assert Proposal.objects.get(pk=proposal.pk).status == Proposal.Status.UNDER_REVIEW
        change = StatusChange.objects.get()
        assert (change.from_status, change.to_status, change.changed_by) == ("new", "under_review", user)
    else:
        assert db_state() == before


@pytest.mark.parametrize(
    "data",
    [
        {"status": "approved"},  # not a status at all
        {"status": "' OR 1=1 --"},
        {"status": ""},
        {},
        {"status": "new"},  # a real status, but not a move from "new"
        {"status": "answered", "text": "   "},  # an answer needs a text
        {"status": "declined"},
    ],
)
def test_forged_status_is_refused_with_400(client, editor_lan, proposal, data):
    client.force_login(editor_lan)
    before = db_state()
    response = client.post(reverse("proposals:status", args=[proposal.pk]), data)
    assert response.status_code == 400
    assert db_state() == before


def test_county_editor_cannot_moderate_a_city_idea(client, editor_lan, member, make_proposal, stockholm):
    city_idea = make_proposal(member, title="Fler bibliotek i Rinkeby", places=[stockholm])
    reply = services.comment_create(proposal=city_idea, author=member, body="Och längre öppettider.")
    client.force_login(editor_lan)
    before = db_state()
    response = client.post(reverse("proposals:status", args=[city_idea.pk]), {"status": "selected"})
    assert response.status_code == 403
    response = client.post(reverse("proposals:comment_hide", args=[reply.pk]), {"reason": "Test"})
    assert response.status_code == 403
    assert db_state() == before
    assert city_idea.title not in client.get(reverse("proposals:queue")).content.decode()


@pytest.mark.parametrize("editor", ["editor_lan", "editor_stad"])
def test_region_idea_is_moderated_by_both_districts(client, request, member, make_proposal, editor):
    region = Place.objects.get(code="01")
    assert set(region.districts.values_list("code", flat=True)) == {"lan", "stad"}
    idea = make_proposal(member, title="Nattbussar i hela regionen", places=[region])
    comment = services.comment_create(proposal=idea, author=member, body="Till Norrtälje också!")
    user = request.getfixturevalue(editor)
    client.force_login(user)

    assert idea.title in client.get(reverse("proposals:queue")).content.decode()
    response = client.post(reverse("proposals:status", args=[idea.pk]), {"status": "selected"})
    assert response.status_code == 302
    assert Proposal.objects.get(pk=idea.pk).status == Proposal.Status.SELECTED
    response = client.post(reverse("proposals:comment_hide", args=[comment.pk]), {"reason": "Dubblett"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.hidden_by, comment.hidden_reason) == (user, "Dubblett")


def test_idea_of_both_a_county_and_a_city_place_is_moderated_by_both(
    client, editor_lan, editor_stad, member, make_proposal, place, stockholm
):
    idea = make_proposal(member, title="Pendelbåt Nacka–Slussen", places=[place, stockholm])
    client.force_login(editor_lan)
    response = client.post(reverse("proposals:status", args=[idea.pk]), {"status": "under_review"})
    assert response.status_code == 302
    client.force_login(editor_stad)
    assert client.post(reverse("proposals:status", args=[idea.pk]), {"status": "selected"}).status_code == 302
    assert list(StatusChange.objects.values_list("changed_by", "to_status")) == [
        (editor_lan.pk, "under_review"),
        (editor_stad.pk, "selected"),
    ]


# --- Roles ---------------------------------------------------------------------------------------------


@matrix(anonymous=302, unverified=403, member=403, author=403, editor_other=403, editor_right=403, admin=302)
def test_set_roles(client, act_as, bystander, role, expected):
    act_as(role)
    districts = [d.pk for d in District.objects.all()]
    before = db_state()
    response = client.post(
        reverse("members:roles_update", args=[bystander.pk]), {"districts": districts, "is_admin": "on"}
    )
    assert_status(response, role, expected)
    if is_allowed(role, expected):
        bystander.refresh_from_db()
        assert sorted(bystander.editor_roles.values_list("district_id", flat=True)) == sorted(districts)
        assert bystander.is_superuser and bystander.is_staff
    else:
        assert db_state() == before


@pytest.mark.parametrize("role", ["unverified", "member", "editor_other", "editor_right"])
def test_nobody_but_an_admin_can_raise_themselves(client, act_as, role):
    user = act_as(role)
    before = db_state()
    response = client.post(
        reverse("members:roles_update", args=[user.pk]),
        {"districts": [d.pk for d in District.objects.all()], "is_admin": "on"},
    )
    assert response.status_code == 403
    assert db_state() == before


# --- Unknown ids: 404 for everyone, or the login page for anonymous (which says nothing either) ------------


UNKNOWN_IDEA_ACTIONS = [
    ("get", "proposals:detail", {}),
    ("get", "proposals:edit", {}),
    ("post", "proposals:edit", {"title": "x"}),
    ("get", "proposals:derive", {}),
    ("post", "proposals:derive", {"title": "x"}),
    ("post", "proposals:support", {}),
    ("post", "proposals:support", {"action": "withdraw"}),
    ("post", "proposals:status", {"status": "under_review"}),
    ("post", "proposals:comment_create", {"body": "Hallå?"}),
    ("get", "proposals:comment_edit", {}),
    ("post", "proposals:comment_edit", {"body": "Hallå?"}),
    ("get", "proposals:comment_hide", {}),
    ("post", "proposals:comment_hide", {"reason": "Hallå?"}),
]


@pytest.mark.parametrize("role", ROLES)
def test_unknown_id_is_404_for_every_role(client, act_as, role):
    act_as(role)
    before = db_state()
    for method, url_name, data in UNKNOWN_IDEA_ACTIONS:
        response = getattr(client, method)(reverse(url_name, args=[UNKNOWN_PK]), data)
        if role == "anonymous" and url_name != "proposals:detail":
            assert_sent_to_login(response)
        else:
            assert response.status_code == 404, (method, url_name, response.status_code)
    assert db_state() == before


@matrix(anonymous=302, unverified=403, member=403, author=403, editor_other=403, editor_right=403, admin=404)
def test_roles_of_an_unknown_member(client, act_as, role, expected):
    # Non-admins are refused before the lookup, so known and unknown members answer alike.
    act_as(role)
    before = db_state()
    response = client.post(reverse("members:roles_update", args=[UNKNOWN_PK]), {"is_admin": "on"})
    assert_status(response, role, expected)
    assert db_state() == before


def test_roles_form_never_redirects_off_site(client, admin_user, bystander):
    client.force_login(admin_user)
    response = client.post(
        reverse("members:roles_update", args=[bystander.pk]),
        {"districts": [], "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response.url == reverse("members:roles")
