"""Duplicates caught while typing: the submit form asks for ideas like the title being typed."""

import pytest
from django.urls import reverse

from proposals import services
from tests.conftest import make_user, role_matrix

URL = reverse("proposals:similar")
ROLES = ["anonymous", "member", "author", "editor_other", "editor_right", "admin"]
PERSONA = {
    "member": "other_member",
    "author": "member",
    "editor_other": "editor_stad",
    "editor_right": "editor_lan",
    "admin": "admin_user",
}


@pytest.fixture
def bike_lanes(member, make_proposal):
    return make_proposal(member, title="Fler cykelbanor till skolorna i Nacka", tags=("cykel",))


def similar(client, title):
    response = client.get(URL, {"titel": title})
    assert response.status_code == 200
    return response.json()["ideas"]


@role_matrix(
    ROLES,
    anonymous="login",
    member="support",
    author="",
    editor_other="support",
    editor_right="support",
    admin="support",
)
def test_similar_ideas_by_role(client, act_as, bike_lanes, role, expected):
    """Everyone may ask (it is what search shows); the button depends on whether the viewer may support."""
    act_as(role)
    [idea] = similar(client, "Cykelbana till skolan")
    assert (idea["id"], idea["title"], idea["url"]) == (
        bike_lanes.pk,
        bike_lanes.title,
        bike_lanes.get_absolute_url(),
    )
    kinds = {"login": "login_url", "support": "support_url"}
    assert [key for key in ("login_url", "support_url") if key in idea] == (
        [kinds[expected]] if expected else []
    )
    if expected == "support":
        assert idea["support_url"] == reverse("proposals:support", args=[bike_lanes.pk])


def test_similar_is_the_swedish_search_not_substring(client, bike_lanes):
    # Another form of the word, and the last word still being typed, find it; a shared substring does not.
    assert [i["id"] for i in similar(client, "cykelbanorna vid skol")] == [bike_lanes.pk]
    assert similar(client, "ykelb") == []
    # One word of several may be missing.
    assert [i["id"] for i in similar(client, "Cykelbanor till skolorna i Danderyd")] == [bike_lanes.pk]


def test_similar_leaves_out_hidden_and_merged_ideas(
    client, bike_lanes, other_member, make_proposal, editor_lan
):
    hidden = make_proposal(other_member, title="Cykelbanor överallt")
    services.proposal_hide(proposal=hidden, editor=editor_lan, reason="Dubblett med reklam")
    merged = make_proposal(other_member, title="Trygga cykelbanor till skolan")
    services.proposal_merge(kept=bike_lanes, merged=merged, editor=editor_lan)
    assert [i["id"] for i in similar(client, "cykelbanor")] == [bike_lanes.pk]


def test_at_most_five_and_short_input_asks_nothing(
    client, member, make_proposal, django_assert_max_num_queries
):
    for i in range(8):
        make_proposal(member, title=f"Cykelbanor i kommun {i}")
    # The search: the synonyms and places its words name, the vocabulary (read at most once a second), the
    # bank's last change, the cache lookup, the ranked ids, storing them (five with the database cache); the
    # ideas found. No session for a visitor.
    with django_assert_max_num_queries(11):
        assert len(similar(client, "cykelbanor")) == 5
    with django_assert_max_num_queries(0):
        assert similar(client, "cyk") == []


def test_query_count_for_a_member(client, other_member, bike_lanes, django_assert_max_num_queries):
    client.force_login(other_member)
    # session, user, the search (as above: up to ten), the ideas found, verified email (may support)
    with django_assert_max_num_queries(14):
        assert len(similar(client, "cykelbanor")) == 1


@pytest.mark.parametrize("title", ["cykel" * 1000, "9" * 500, "!!! ??? ---", ""])
def test_long_or_odd_input_is_capped_not_an_error(client, bike_lanes, title):
    assert isinstance(similar(client, title), list)


def test_control_characters_are_400(client, bike_lanes):
    assert client.get(URL, {"titel": "cykel\x00banor"}).status_code == 400


def test_similar_is_read_only(client, other_member, bike_lanes):
    client.force_login(other_member)
    assert client.post(URL, {"titel": "cykelbanor"}).status_code == 405
    bike_lanes.refresh_from_db()
    assert bike_lanes.support_count == 0


def test_submit_form_carries_the_warning_and_support_instead_counts(client, other_member, bike_lanes):
    """The warning box is on the submit form; its button posts the form to the idea's support address."""
    client.force_login(other_member)
    html = client.get(reverse("proposals:create")).content.decode()
    assert (
        'id="similar-ideas"' in html and "js/similar-ideas" in html and "Liknande idéer finns redan" in html
    )
    [idea] = similar(client, "cykelbanor")
    response = client.post(idea["support_url"], {"title": "Cykelbanor", "csrfmiddlewaretoken": "x"})
    assert response.status_code == 302 and response["Location"] == bike_lanes.get_absolute_url()
    bike_lanes.refresh_from_db()
    assert bike_lanes.support_count == 1


def test_unverified_member_gets_no_button(client, bike_lanes):
    client.force_login(make_user("ny@example.se", verified=False))
    [idea] = similar(client, "cykelbanor")
    assert "support_url" not in idea and "login_url" not in idea
