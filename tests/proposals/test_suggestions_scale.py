"""Suggestions on a large bank: a common prefix ranks the most supported ideas whose title matches (walking the
bank from the most supported, which stops early), a rare one every match; on the relevance set both give what
ranking every match gives."""

import json

import pytest
from django.db import connection
from django.urls import reverse

from proposals import services
from proposals.search import bank_lexicon, parse_query
from proposals.search.language import RANK_WEIGHTS
from proposals.search_relevance import ideas_load

PREFIXES = [
    "bost",
    "sko",
    "hyr",
    "cyk",
    "äldr",
    "aldr",
    "läx",
    "bibl",
    "kollek",
    "ungdom",
    "fler sko",
    "buss",
]


def suggested(client, q) -> list[str]:
    response = client.get(reverse("proposals:suggest"), {"q": q})
    assert response.status_code == 200
    return [s["url"] for s in json.loads(response.content)["suggestions"]]


def every_match_ranked(q) -> list[str]:
    """The suggestions as they were: every listed idea whose title matches, ranked, then by support."""
    query = parse_query(q, prefix_last=True)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM proposals_proposal WHERE hidden_at IS NULL AND merged_into_id IS NULL "
            "AND search_head @@ %s::tsquery ORDER BY ts_rank(%s::float4[], search_head, %s::tsquery) DESC, "
            "support_count DESC, id DESC LIMIT 8",
            [query.match(), RANK_WEIGHTS, query.rank(summary=False)],
        )
        return [reverse("proposals:detail", args=[pk]) for (pk,) in cursor.fetchall()]


@pytest.fixture
def ideas(member, other_member):
    bank_lexicon.reset()
    ideas = ideas_load(member)
    for key in ["ungdomsbostader", "laxhjalp", "bostadsko"]:
        services.proposal_support(proposal=ideas[key], member=other_member)
    return ideas


def test_suggestions_rank_as_every_match_ranked_on_the_relevance_set(client, ideas):
    for q in PREFIXES:
        assert suggested(client, q) == every_match_ranked(q), q


@pytest.fixture
def many_schools(ideas, member, other_member, make_proposal):
    """Twelve more ideas whose titles start with "sko": with the relevance set's, more than a walk needs."""
    neutral = {"summary": "Kort.", "problem": "Inget.", "body": "Text.", "tags": []}
    schools = [make_proposal(member, title=f"Skolor nummer {i}", **neutral) for i in range(12)]
    for school in schools[3:6]:
        services.proposal_support(proposal=school, member=other_member)
    return schools


def test_a_common_prefix_ranks_the_most_supported_matches_in_one_query(
    client, settings, ideas, many_schools, django_assert_num_queries
):
    settings.SUGGEST_CANDIDATES = 8
    # the walk from the most supported idea, which stops at the eighth title that matches
    with django_assert_num_queries(1):
        urls = suggested(client, "sko")
    # The supported schools first (the newest first), the supported "läxhjälp på alla skolor", the newest of
    # the rest: ranked alike, they keep the order of the walk.
    expected = [many_schools[i] for i in (5, 4, 3)] + [ideas["laxhjalp"]]
    expected += [many_schools[i] for i in (11, 10, 9, 8)]
    assert urls == [idea.get_absolute_url() for idea in expected]


def test_a_rare_prefix_ranks_every_match(client, settings, many_schools, ideas, django_assert_num_queries):
    settings.SUGGEST_CANDIDATES = 8
    # the walk finding fewer than eight titles, then every match ranked from the title index
    with django_assert_num_queries(2):
        urls = suggested(client, "renover")
    assert urls == every_match_ranked("renover")
    assert ideas["renovering"].get_absolute_url() in urls
