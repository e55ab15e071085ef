"""Relevance: realistic Swedish searches over a small bank must find the right idea in the top five.

The set (tests/search_relevance.py) covers inflections, compounds in both directions, missing diacritics and
everyday phrasing; `make bench` reports the same numbers beside plain websearch_to_tsquery('swedish', …).
"""

import pytest

from proposals import search_relevance
from proposals.search import bank_lexicon
from proposals.search_relevance import PHENOMENA, QUERIES, baseline, evaluate, ideas_load, ours

# MRR of today's cases before the forgiving searches (typos, prefixes, synonyms, phrasing) came: it must hold.
MRR_BEFORE = 0.932


@pytest.fixture
def ideas(member):
    bank_lexicon.reset()  # the vocabulary of earlier tests' rolled-back ideas
    return ideas_load(member)


def test_the_relevance_set_is_large_and_realistic():
    assert len(QUERIES) >= 60
    assert len(search_relevance.IDEAS) >= 40
    assert all(expected in search_relevance.IDEAS for _q, expected, _others in QUERIES)


def test_recall_at_five_is_at_least_95_percent_and_beats_plain_postgresql(ideas):
    result = evaluate(ours, ideas)
    plain = evaluate(baseline, ideas)
    assert result["recall"] == 1, f"recall@5 {result['recall']:.2f}; missed: {result['misses']}"
    assert result["mrr"] >= MRR_BEFORE
    assert result["mrr"] > plain["mrr"]
    assert result["recall"] > plain["recall"]


def test_no_idea_that_must_not_outrank_the_right_one_does(ideas):
    result = evaluate(ours, ideas)
    assert result["outranked"] == []


@pytest.mark.parametrize("phenomenon", sorted(PHENOMENA))
def test_every_forgiving_search_finds_its_idea_in_the_top_five(ideas, phenomenon):
    result = evaluate(ours, ideas, PHENOMENA[phenomenon])
    assert len(PHENOMENA[phenomenon]) >= 4
    assert result["recall"] == 1, result["misses"]
    assert result["outranked"] == []
