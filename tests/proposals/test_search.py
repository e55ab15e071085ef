"""Swedish full-text search: inflections meet, title weighs most, snippets are highlighted and safe."""

import pytest
from django.urls import reverse

from proposals.models import Proposal


def titles(response):
    return [p.title for p in response.context["page"]]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Gratis läxhjälp på alla skolor", "skola"),
        ("Mer resurser till varje skola", "skolor"),
        ("Billigare bostad för unga", "bostäder"),
        ("Fler bostäder för unga", "bostad"),
        ("Bygg ett nytt sjukhus i söder", "sjukhuset"),
        ("Mötesplatser för ensamma äldre", "ensam"),
    ],
)
def test_search_finds_other_inflections(client, member, make_proposal, text, query):
    neutral = {"summary": "Kort.", "problem": "Inget.", "body": "Text.", "tags": []}
    make_proposal(member, title=text, **neutral)
    make_proposal(member, title="Solceller på kommunens tak", **neutral)
    response = client.get(reverse("proposals:list"), {"q": query})
    assert titles(response) == [text]


def test_title_match_ranks_above_body_match(client, member, make_proposal):
    neutral = {"summary": "Kort.", "problem": "Inget.", "tags": []}
    make_proposal(
        member, title="Solceller på alla tak", body="Också skolornas tak ska få solceller.", **neutral
    )
    make_proposal(member, title="Fler lärare i skolan", body="Lärare behövs.", **neutral)
    assert titles(client.get(reverse("proposals:list"), {"q": "skola"})) == [
        "Fler lärare i skolan",
        "Solceller på alla tak",
    ]


def test_search_covers_tags_summary_and_problem(client, member, make_proposal):
    make_proposal(member, title="Ett förslag", tags=["cykelbanor"])
    assert titles(client.get(reverse("proposals:list"), {"q": "cykelbana"})) == ["Ett förslag"]
    make_proposal(member, title="Ett annat förslag", problem="Hemlösheten ökar i kommunen.", tags=[])
    assert titles(client.get(reverse("proposals:list"), {"q": "hemlösheten"})) == ["Ett annat förslag"]


def test_search_combines_with_filters(client, member, make_proposal, place, stockholm):
    make_proposal(member, title="Läxhjälp i Nacka", places=[place])
    make_proposal(member, title="Läxhjälp i Stockholm", places=[stockholm])
    response = client.get(reverse("proposals:list"), {"q": "läxhjälp", "district": "stad"})
    assert titles(response) == ["Läxhjälp i Stockholm"]


def test_snippet_marks_the_match_and_escapes_member_text(client, member, make_proposal):
    make_proposal(member, title="Läxhjälp", summary='<b>Fet</b> läxhjälp för elever i klass 1 <2 & "3"')
    html = client.get(reverse("proposals:list"), {"q": "läxhjälp"}).content.decode()
    snippet = html.split('class="snippet">')[1].split("</p>")[0]
    assert "<mark>läxhjälp</mark>" in snippet
    assert "<b>" not in snippet
    assert "&lt;2 &amp; &quot;3&quot;" in snippet


def test_search_tolerates_operators_and_noise(client, member, make_proposal):
    make_proposal(member, title="Läxhjälp på skolorna")
    for noise in ["'; DROP TABLE x; --", "läxhjälp & | ! ( ) :*", "!!!", "a" * 200]:
        response = client.get(reverse("proposals:list"), {"q": noise})
        assert response.status_code == 200
    assert titles(client.get(reverse("proposals:list"), {"q": "läxhjälp & | !"})) == ["Läxhjälp på skolorna"]


def test_search_index_follows_edits(client, member, proposal):
    from proposals import services

    services.proposal_update(
        proposal=proposal,
        editor=member,
        title="Bättre kollektivtrafik",
        summary=proposal.summary,
        body=proposal.body,
        problem=proposal.problem,
        places=list(proposal.places.all()),
        policy_area=proposal.policy_area,
        tags=["buss"],
    )
    assert titles(client.get(reverse("proposals:list"), {"q": "kollektivtrafiken"})) == [
        "Bättre kollektivtrafik"
    ]
    assert titles(client.get(reverse("proposals:list"), {"q": "bussar"})) == ["Bättre kollektivtrafik"]
    assert Proposal.objects.count() == 1


def test_sentinels_typed_by_a_member_never_become_marks(client, member, make_proposal):
    make_proposal(
        member,
        title="Cykelbanor \ue000överallt\ue001 i kommunen",
        summary="Vi vill ha \ue000fler\ue001 cykelbanor.",
        body="\ue000Solceller\ue001 längs cykelbanorna.",
        tags=[],
    )
    html = client.get(reverse("proposals:list"), {"q": "cykelbanor"}).content.decode()
    snippet = html.split('class="snippet">')[1].split("</p>")[0]
    assert "<mark>cykelbanor</mark>" in snippet
    # The marks of the snippet and the title's one, nothing else.
    assert ">\n<mark>Cykelbanor</mark> överallt i kommunen</a>" not in html
    assert "<mark>Cykelbanor</mark> överallt i kommunen</a>" in html
    assert html.count("<mark>") == html.count("</mark>") == snippet.count("<mark>") + 1
    for word in ["överallt", "fler", "Solceller"]:
        assert f"<mark>{word}</mark>" not in html

    suggestions = client.get(reverse("proposals:suggest"), {"q": "cykelb"}).json()["suggestions"]
    assert [s["html"] for s in suggestions] == ["<mark>Cykelbanor</mark> överallt i kommunen"]
    # A word the member wrapped in sentinels is marked when it is what was searched for, like any other.
    suggestions = client.get(reverse("proposals:suggest"), {"q": "överal"}).json()["suggestions"]
    assert [s["html"] for s in suggestions] == ["Cykelbanor <mark>överallt</mark> i kommunen"]


@pytest.mark.parametrize("q", ["och", "...", "ska", "och att ska!", "  ?  "])
def test_search_without_searchable_words_says_so_instead_of_listing_the_bank(
    client, member, make_proposal, q
):
    make_proposal(member, title="Läxhjälp på skolorna")
    response = client.get(reverse("proposals:list"), {"q": q})
    html = response.content.decode()
    assert response.status_code == 200
    if not q.strip():  # a blank search is no search: the plain list
        assert "Läxhjälp på skolorna" in html
        return
    assert "Sökningen innehåller inga ord att söka på." in html
    assert list(response.context["page"]) == []
    assert 'class="card proposal-card"' not in html
    assert "Inga idéer matchar" not in html


def test_search_without_searchable_words_in_english(client, member, make_proposal):
    make_proposal(member, title="Läxhjälp på skolorna")
    client.post(reverse("set_language"), {"language": "en", "next": "/ideer/"})
    html = client.get(reverse("proposals:list"), {"q": "och"}).content.decode()
    assert "The search contains no words to search for." in html
    assert "Small words such as" in html
