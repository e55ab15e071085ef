"""Editors merge duplicate ideas and undo it: what moves, what the unmerge restores, who may, and races."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from members.models import Notification
from places.models import Place
from proposals import services
from proposals.models import Comment, Proposal, ProposalCoauthor, ProposalMerge, Support
from proposals.selectors import ProposalFilters, proposal_search_hits
from tests.conftest import make_user, role_matrix
from tests.parallel import client_for, parallel


@pytest.fixture
def supporters(db):
    return [make_user(f"stodjare{i}@example.se", display_name=f"Stödjare {i}") for i in range(4)]


@pytest.fixture
def pair(member, other_member, make_proposal, stockholm, supporters):
    """Two ideas on free school meals, by different authors: the kept one about Nacka, the duplicate about
    Stockholm, each with supports (one member supports both), comments, tags of their own."""
    kept = make_proposal(member, title="Gratis skollunch på gymnasiet", tags=("skollunch", "gymnasiet"))
    duplicate = make_proposal(
        other_member, title="Fri skolmat för gymnasieelever", places=[stockholm], tags=("skollunch", "mat")
    )
    both, only_kept, only_dup, only_dup2 = supporters
    for who in (both, only_kept):
        services.proposal_support(proposal=kept, member=who)
    for who in (both, only_dup, only_dup2, member):  # the kept idea's author supported the duplicate
        services.proposal_support(proposal=duplicate, member=who)
    services.comment_create(proposal=kept, author=both, body="Bra, det behövs.")
    first = services.comment_create(proposal=duplicate, author=only_dup, body="Samma som den andra idén?")
    services.comment_create(proposal=duplicate, author=member, body="Ja, nästan.", parent=first)
    return kept, duplicate


def snapshot(proposal: Proposal) -> dict:
    """Everything a merge touches of an idea, read fresh from the database."""
    row = Proposal.objects.get(pk=proposal.pk)
    return {
        "supports": sorted(Support.objects.filter(proposal=row).values_list("member_id", "created_at")),
        "comments": sorted(Comment.objects.filter(proposal=row).values_list("id", "parent_id", "body")),
        "tags": sorted(row.tags.values_list("name", flat=True)),
        "places": sorted(row.places.values_list("code", flat=True)),
        "coauthors": sorted(
            ProposalCoauthor.objects.filter(proposal=row).values_list("member_id", flat=True)
        ),
        "counts": (row.support_count, row.comment_count),
        "merged": (row.merged_into_id, row.merged_at),
        "search": (row.search_vector, row.search_head, row.search_places, row.search_tags),
    }


def found(title: str) -> set[int]:
    """The ideas a search for `title` finds."""
    return set(proposal_search_hits(ProposalFilters(q=title), depth=50, sort="")[1].ranked_ids)


def test_merge_moves_supports_comments_tags_places_and_author(pair, editor_lan, supporters, other_member):
    kept, duplicate = pair
    both, only_kept, only_dup, only_dup2 = supporters
    merge = services.proposal_merge(kept=kept, merged=duplicate, editor=editor_lan)

    kept.refresh_from_db()
    duplicate.refresh_from_db()
    supporting = set(Support.objects.filter(proposal=kept).values_list("member_id", flat=True))
    assert supporting == {both.pk, only_kept.pk, only_dup.pk, only_dup2.pk}  # each member counted once
    assert kept.support_count == 4 and kept.comment_count == 3
    assert sorted(kept.tags.names()) == ["gymnasiet", "mat", "skollunch"]
    assert sorted(kept.places.values_list("code", flat=True)) == ["0180", "0182"]
    assert list(kept.coauthors.values_list("member_id", flat=True)) == [other_member.pk]
    assert duplicate.merged_into_id == kept.pk and duplicate.merged_at is not None
    # The duplicate keeps only the supports that would have counted twice (or the kept idea's author's).
    assert sorted(merge.moved["supports_kept_apart"]) == sorted([both.pk, kept.author_id])
    assert duplicate.pk not in found("Fri skolmat för gymnasieelever")
    assert found("mat") == {kept.pk}  # the kept idea is found by the duplicate's tag too
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MERGE)
    assert entry.target_id == str(duplicate.pk) and entry.actor == editor_lan
    assert set(entry.districts.values_list("code", flat=True)) == {"lan", "stad"}
    notified = set(Notification.objects.filter(kind="idea_merged").values_list("user_id", flat=True))
    assert notified == {kept.author_id, duplicate.author_id}


def test_unmerge_restores_both_ideas_exactly(pair, editor_lan, editor_stad):
    kept, duplicate = pair
    before = (snapshot(kept), snapshot(duplicate))
    hits_before = (found("skolmat"), found("mat"), found("skollunch"))
    merge = services.proposal_merge(kept=kept, merged=duplicate, editor=editor_lan)
    assert (snapshot(kept), snapshot(duplicate)) != before

    services.proposal_unmerge(merge=merge, editor=editor_stad)

    assert (snapshot(kept), snapshot(duplicate)) == before
    assert (found("skolmat"), found("mat"), found("skollunch")) == hits_before
    merge.refresh_from_db()
    assert merge.undone_by == editor_stad and merge.undone_at is not None
    assert AuditEntry.objects.filter(action=AuditEntry.Action.UNMERGE, actor=editor_stad).count() == 1


def test_unmerge_gives_back_supports_given_again_after_the_merge(pair, editor_lan, supporters):
    """A member who supported only the duplicate withdraws the moved support and supports the kept idea again:
    the unmerge gives their support (with its first date) back to the duplicate and takes it from the kept
    idea. Supports the kept idea got meanwhile from others stay."""
    kept, duplicate = pair
    only_dup = supporters[2]
    newcomer = make_user("ny@example.se")
    first_date = Support.objects.get(proposal=duplicate, member=only_dup).created_at
    merge = services.proposal_merge(kept=kept, merged=duplicate, editor=editor_lan)
    services.proposal_unsupport(proposal=kept, member=only_dup)
    services.proposal_support(proposal=kept, member=only_dup)
    services.proposal_support(proposal=kept, member=newcomer)
    services.comment_create(proposal=kept, author=newcomer, body="Efter sammanförningen.")

    services.proposal_unmerge(merge=merge, editor=editor_lan)

    assert Support.objects.get(proposal=duplicate, member=only_dup).created_at == first_date
    assert not Support.objects.filter(proposal=kept, member=only_dup).exists()
    assert Support.objects.filter(proposal=kept, member=newcomer).exists()
    kept.refresh_from_db()
    duplicate.refresh_from_db()
    assert (kept.support_count, duplicate.support_count) == (3, 4)
    assert (kept.comment_count, duplicate.comment_count) == (2, 2)


@pytest.mark.parametrize(
    "case",
    ["same", "already_merged", "kept_merged", "merged_has_merges", "hidden"],
)
def test_merge_refuses_what_cannot_be_merged(case, pair, make_proposal, member, editor_lan):
    kept, duplicate = pair
    third = make_proposal(member, title="Skollunch även på loven")
    if case == "same":
        duplicate = kept
    elif case == "already_merged":
        services.proposal_merge(kept=third, merged=duplicate, editor=editor_lan)
    elif case == "kept_merged":
        services.proposal_merge(kept=third, merged=kept, editor=editor_lan)
    elif case == "merged_has_merges":
        services.proposal_merge(kept=duplicate, merged=third, editor=editor_lan)
    else:
        services.proposal_hide(proposal=duplicate, editor=editor_lan, reason="Reklam")
    merges = ProposalMerge.objects.count()
    with pytest.raises(services.ServiceError):
        services.proposal_merge(kept=kept, merged=duplicate, editor=editor_lan)
    assert ProposalMerge.objects.count() == merges


def test_unmerge_twice_is_refused(pair, editor_lan):
    kept, duplicate = pair
    merge = services.proposal_merge(kept=kept, merged=duplicate, editor=editor_lan)
    services.proposal_unmerge(merge=merge, editor=editor_lan)
    with pytest.raises(services.ServiceError):
        services.proposal_unmerge(merge=merge, editor=editor_lan)
    assert AuditEntry.objects.filter(action=AuditEntry.Action.UNMERGE).count() == 1


def test_merged_idea_leaves_lists_and_its_address_leads_to_the_kept_idea(pair, editor_lan, client):
    kept, duplicate = pair
    services.proposal_merge(kept=kept, merged=duplicate, editor=editor_lan)
    response = client.get(duplicate.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == kept.get_absolute_url()
    listed = client.get(reverse("proposals:list")).context["page"].object_list
    assert [p.pk for p in listed] == [kept.pk]
    assert Place.objects.get(code="0180") in kept.places.all()


# --- Through the pages: who may, bad input, races --------------------------------------------------------

ROLES = ["anonymous", "member", "author", "editor_other", "editor_right", "admin"]
PERSONA = {
    "member": "other_member",
    "author": "member",
    "editor_other": "editor_stad",
    "editor_right": "editor_lan",
    "admin": "admin_user",
}


def matrix(**expected):
    return role_matrix(ROLES, **expected)


@pytest.fixture
def nacka_pair(member, other_member, make_proposal):
    """Two ideas about Nacka (the county district's), the second a duplicate of the first."""
    kept = make_proposal(member, title="Läxhjälp på alla skolor i Nacka")
    duplicate = make_proposal(other_member, title="Läxhjälp efter skolan i Nacka", tags=("skola",))
    services.proposal_support(proposal=duplicate, member=member)
    return kept, duplicate


def merge_state():
    return {
        "merged_into": sorted(Proposal.objects.values_list("pk", "merged_into_id", "support_count")),
        "merges": sorted(ProposalMerge.objects.values_list("kept_id", "merged_id", "undone_at")),
        "supports": sorted(Support.objects.values_list("proposal_id", "member_id")),
        "coauthors": sorted(ProposalCoauthor.objects.values_list("proposal_id", "member_id")),
    }


def merge_url(proposal):
    return reverse("proposals:merge", args=[proposal.pk])


@matrix(anonymous=302, member=403, author=403, editor_other=403, editor_right=200, admin=403)
def test_merge_page(client, act_as, nacka_pair, role, expected):
    kept, duplicate = nacka_pair
    act_as(role)
    response = client.get(merge_url(duplicate), {"q": "läxhjälp"})
    assert response.status_code == expected
    if expected == 200:
        assert [c.pk for c in response.context["candidates"]] == [kept.pk]


@matrix(anonymous=302, member=403, author=403, editor_other=403, editor_right=302, admin=403)
def test_merge(client, act_as, nacka_pair, role, expected):
    kept, duplicate = nacka_pair
    before = merge_state()
    act_as(role)
    response = client.post(merge_url(duplicate), {"kept": kept.pk})
    assert response.status_code == expected
    if expected == 302 and role != "anonymous":
        assert response["Location"] == kept.get_absolute_url()
        assert Proposal.objects.get(pk=duplicate.pk).merged_into_id == kept.pk
        assert Support.objects.filter(proposal=kept).count() == 0  # the kept idea's author's stays apart
    else:
        assert merge_state() == before


@matrix(anonymous=302, member=403, author=403, editor_other=403, editor_right=302, admin=403)
def test_unmerge(client, act_as, nacka_pair, editor_lan, role, expected):
    kept, duplicate = nacka_pair
    merge = services.proposal_merge(kept=kept, merged=duplicate, editor=editor_lan)
    before = merge_state()
    act_as(role)
    response = client.post(reverse("proposals:merge_undo", args=[merge.pk]))
    assert response.status_code == expected
    if expected == 302 and role != "anonymous":
        assert Proposal.objects.get(pk=duplicate.pk).merged_into_id is None
        assert ProposalMerge.objects.get().undone_by == editor_lan
    else:
        assert merge_state() == before


def test_unmerge_twice_answers_409(client, nacka_pair, editor_lan):
    kept, duplicate = nacka_pair
    merge = services.proposal_merge(kept=kept, merged=duplicate, editor=editor_lan)
    client.force_login(editor_lan)
    url = reverse("proposals:merge_undo", args=[merge.pk])
    assert client.post(url).status_code == 302
    response = client.post(url)
    assert response.status_code == 409 and "redan ångrad" in response.content.decode()


def test_unmerge_unknown_is_404_and_get_is_refused(client, nacka_pair, editor_lan):
    kept, duplicate = nacka_pair
    merge = services.proposal_merge(kept=kept, merged=duplicate, editor=editor_lan)
    client.force_login(editor_lan)
    assert client.post(reverse("proposals:merge_undo", args=[987654321])).status_code == 404
    assert client.get(reverse("proposals:merge_undo", args=[merge.pk])).status_code == 405
    assert ProposalMerge.objects.get().undone_at is None


@pytest.mark.parametrize(
    "kept", ["", "abc", "-1", "99999999999999999999", "987654321", "1\x00", "same"], ids=repr
)
def test_merge_bad_input_is_a_field_error(client, nacka_pair, editor_lan, kept):
    _kept, duplicate = nacka_pair
    before = merge_state()
    client.force_login(editor_lan)
    response = client.post(merge_url(duplicate), {"kept": duplicate.pk if kept == "same" else kept})
    assert response.status_code == 400
    if "\x00" not in kept:  # a NUL is refused before any view (reformbank's middleware)
        assert response.context["form"].errors["kept"]
    assert merge_state() == before


def test_merge_into_an_idea_merged_away_answers_409(client, nacka_pair, make_proposal, member, editor_lan):
    kept, duplicate = nacka_pair
    third = make_proposal(member, title="Läxhjälp i hela kommunen")
    services.proposal_merge(kept=third, merged=kept, editor=editor_lan)
    before = merge_state()
    client.force_login(editor_lan)
    response = client.post(merge_url(duplicate), {"kept": kept.pk})
    assert response.status_code == 409
    assert "redan sammanförts" in response.content.decode()
    assert merge_state() == before


@pytest.mark.parametrize("q", ["läxhjälp\x00", "x" * 201])
def test_merge_search_bad_input_is_400(client, nacka_pair, editor_lan, q):
    kept, duplicate = nacka_pair
    client.force_login(editor_lan)
    response = client.get(merge_url(duplicate), {"q": q})
    assert response.status_code == 400
    assert kept.title not in response.content.decode()


def test_merge_search_by_number(client, nacka_pair, editor_lan):
    kept, duplicate = nacka_pair
    client.force_login(editor_lan)
    response = client.get(merge_url(duplicate), {"q": f"#{kept.pk}"})
    assert [c.pk for c in response.context["candidates"]] == [kept.pk]


def test_idea_page_shows_coauthors_and_merge_record_query_count(
    client, nacka_pair, editor_lan, other_member, django_assert_max_num_queries
):
    kept, duplicate = nacka_pair
    merge = services.proposal_merge(kept=kept, merged=duplicate, editor=editor_lan)
    client.force_login(editor_lan)
    # session, user, editor roles, verified email; the idea (+author, area, derived from), its places, their
    # districts, tags; comments, has supported, follows, status changes, derived ideas, revisions; its
    # co-authors (+member) and the merges into it (+merged idea, editor); the other apps' tags: agenda trail,
    # promote targets, implementations and their places, carriers, elected offices, idea round, import
    with django_assert_max_num_queries(22):
        html = client.get(kept.get_absolute_url()).content.decode()
    assert "Medförfattare:" in html and other_member.public_name in html
    assert reverse("proposals:merge_undo", args=[merge.pk]) in html


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("crosswise", [False, True], ids=["same_pair", "crosswise"])
def test_two_editors_merging_at_once_one_wins(nacka_pair, editor_lan, crosswise):
    """Two editors merge the same pair at once, or one merges A into B while the other merges B into A: one
    wins, the other gets a 409, and the database holds exactly one merge."""
    kept, duplicate = nacka_pair
    second_editor = make_user("redaktor2.lan@example.se", districts=["lan"])
    payloads = [(duplicate, kept), (kept, duplicate) if crosswise else (duplicate, kept)]
    clients = [client_for(editor_lan), client_for(second_editor)]
    responses = parallel(
        [
            lambda c=c, p=p: c.post(merge_url(p[0]), {"kept": p[1].pk})
            for c, p in zip(clients, payloads, strict=True)
        ]
    )
    assert sorted(r.status_code for r in responses) == [302, 409]
    assert ProposalMerge.objects.count() == 1
    assert Proposal.objects.filter(merged_into__isnull=False).count() == 1
