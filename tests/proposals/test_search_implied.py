"""A search asks the GIN index for a word's stem alone when every idea holding one of the word's forms holds the
stem too (proposals.search.hits._with_implied): the same ideas, fewer lists read. An idea that holds a form
without its stem keeps the form asked for once it is saved, merged or unmerged (each sets its updated_at)."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from proposals import services
from proposals.models import Proposal
from proposals.search import hits
from proposals.search.lexicon import bank_lexicon

MATCH_RE = re.compile(r"search_vector @@ '(.*?)'::tsquery")
GARDENS = {"problem": "Gårdarna är grå.", "body": "Plantera träd på gårdarna.", "tags": ("gårdar",)}


@pytest.fixture(autouse=True)
def national_bank(monkeypatch):
    """These tests' banks are a few ideas: as on a national bank. The process's vocabulary forgets earlier
    tests' rolled-back words (with `skolorna` among them, `skolor` would be searched as a half-typed word)."""
    monkeypatch.setattr(hits, "IMPLIED_BANK", -1)
    bank_lexicon.reset()


def idea(make_proposal, member, title, summary):
    return make_proposal(member, title=title, summary=summary, **GARDENS)


def search(client, q: str) -> tuple[str, str]:
    """The results page's text and the tsquery its search statement matches with."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("proposals:list"), {"q": q})
    assert response.status_code == 200
    statement = next(query["sql"] for query in queries if "WITH hits" in query["sql"])
    return response.content.decode(), MATCH_RE.search(statement).group(1)


def test_forms_that_every_idea_holds_with_their_stem_are_not_asked_for(client, member, make_proposal):
    schools = idea(make_proposal, member, "Fler skolor i förorten", "Nya skolor där barnen bor.")
    school = idea(make_proposal, member, "En skola med simhall", "Skolan får ett bad.")
    cycling = idea(make_proposal, member, "Fler cykelbanor", "Säkra vägar till jobbet.")

    page, match = search(client, "skolor")

    assert match == "(''skol'')"  # not ''skol'' | ''skola'' | ''skolor''
    assert schools.get_absolute_url() in page and school.get_absolute_url() in page
    assert cycling.get_absolute_url() not in page


def test_an_idea_with_a_form_and_not_its_stem_keeps_the_form_asked_for(client, member, make_proposal):
    # "skolorens" (a slip for skolornas) gives the lexemes skolorens and skolor: no skol.
    odd = idea(make_proposal, member, "Skolorens gårdar", "Gröna gårdar.")
    schools = idea(make_proposal, member, "Fler skolor i förorten", "Nya skolor där barnen bor.")

    page, match = search(client, "skolor")

    assert "''skolor''" in match and "''skol''" in match
    assert odd.get_absolute_url() in page and schools.get_absolute_url() in page


def test_an_idea_saved_after_the_check_is_found(client, member, make_proposal):
    schools = idea(make_proposal, member, "Fler skolor i förorten", "Nya skolor där barnen bor.")
    page, match = search(client, "skolor")
    assert match == "(''skol'')" and schools.get_absolute_url() in page

    odd = idea(make_proposal, member, "Skolorens gårdar", "Gröna gårdar.")
    page, match = search(client, "skolor")

    # The ideas changed since the check break the pair: the form is asked for again.
    assert "''skolor''" in match
    assert odd.get_absolute_url() in page and schools.get_absolute_url() in page


def test_an_unmerged_idea_with_a_form_and_not_its_stem_is_found(
    client, member, other_member, make_proposal, editor_lan
):
    kept = idea(make_proposal, member, "Fler skolor i förorten", "Nya skolor där barnen bor.")
    odd = idea(make_proposal, other_member, "Skolorens gårdar", "Gröna gårdar.")
    # Both saved long before the searches: a check after a change looks only at the ideas changed since.
    Proposal.objects.filter(pk__in=[kept.pk, odd.pk]).update(updated_at=timezone.now() - timedelta(days=3))
    merge = services.proposal_merge(kept=kept, merged=odd, editor=editor_lan)
    page, match = search(client, "skolor")
    assert match == "(''skol'')"  # merged away, the odd idea is out of the search

    services.proposal_unmerge(merge=merge, editor=editor_lan)
    page, match = search(client, "skolor")

    assert "''skolor''" in match
    assert odd.get_absolute_url() in page and kept.get_absolute_url() in page
