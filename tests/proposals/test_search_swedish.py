"""Swedish search beyond Snowball: compounds both ways, missing diacritics without lost precision, ranking by
match tier, search-as-you-type suggestions and facet counts in the same response."""

import importlib
import json

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from places.models import Place
from proposals import search as search_module
from proposals import services
from proposals.models import PolicyArea
from proposals.search import (
    compound_parts,
    fold,
    mark_matches,
    parse_query,
    split_compound,
    word_lexemes,
)

NEUTRAL = {"summary": "Kort.", "problem": "Inget.", "body": "Text.", "tags": []}


def titles(response):
    return [p.title for p in response.context["page"]]


def search(client, q, **params):
    return titles(client.get(reverse("proposals:list"), {"q": q, **params}))


# The language work, as units ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("kollektivtrafik", ("kollektiv", "trafik")),
        ("kollektivavtal", ("kollektiv", "avtal")),
        ("cykelbana", ("cykel", "bana")),
        ("idrottshall", ("idrotts", "hall")),  # the linking s stays with the first part
        ("äldreboende", ("äldre", "boende")),
        ("mötesplats", ("möte", "plats")),  # a noun joined by its genitive s
        ("läxhjälp", ("läx", "hjälp")),  # läxa drops its a
        ("barnomsorg", ("barn", "omsorg")),
    ],
)
def test_compound_splitter_finds_the_parts(word, parts):
    assert split_compound(word) == parts


@pytest.mark.parametrize("word", ["kommun", "bostad", "lärare", "lakan", "trafik", "hall", "sko"])
def test_compound_splitter_leaves_simple_words_whole(word):
    assert split_compound(word) == ()


def test_compound_parts_include_the_parts_of_parts():
    assert compound_parts("snabbcykelbana") >= {"snabb", "cykelbana", "cykel", "bana"}


def test_folding_drops_swedish_diacritics():
    assert fold("äldreboende på Södermalm") == "aldreboende pa Sodermalm"


def test_a_word_is_indexed_by_tier():
    tiers = dict(word_lexemes("kollektivtrafiken"))
    assert tiers["kollektivtrafiken"] == "A"  # exact
    assert tiers["kollektivtrafik"] == "B"  # lemma
    assert tiers["trafik"] == tiers["kollektiv"] == "C"  # compound parts
    assert dict(word_lexemes("läkare"))["lakare"] == "D"  # folded
    assert "lak" not in dict(word_lexemes("lakan"))  # lakan shares no stem with läkare


def test_each_server_process_loads_the_word_lists_before_its_first_search():
    import reformbank.wsgi

    search_module.vocabulary.cache_clear()
    search_module.lemma.cache_clear()
    importlib.reload(reformbank.wsgi)
    assert search_module.vocabulary.cache_info().currsize == 1
    assert search_module.vocabulary().end  # the hunspell-sv word list was found and read
    assert search_module.lemma.cache_info().currsize == 1


def test_query_words_take_the_last_as_a_prefix_only_while_typing():
    assert [w.prefix for w in parse_query("fler bost", prefix_last=True).words] == [False, True]
    assert [w.prefix for w in parse_query("fler bost ", prefix_last=True).words] == [False, False]
    assert parse_query("och i på").words == ()  # stop words only


def test_snippet_marks_inflected_and_compound_matches():
    query = parse_query("skola trafik")
    marked = mark_matches("Skolorna ligger nära kollektivtrafiken.", query, "[", "]")
    assert marked == "[Skolorna] ligger nära [kollektivtrafiken]."


def test_a_snippet_is_the_window_with_the_most_matches_with_ellipses_where_the_text_is_cut():
    text = (
        "Inledning. En skola här. "
        + "ord " * 20
        + "skolor och skolan och skolorna nu. "
        + "ord " * 20
        + "Slut."
    )
    marked = mark_matches(text, parse_query("skola"), "[", "]", max_words=8)
    assert marked == "… ord ord ord [skolor] och [skolan] och [skolorna] …"
    # The whole text when it is short enough, without ellipses; the first of equally good windows.
    assert mark_matches("En skola.", parse_query("skola"), "[", "]", max_words=8) == "En [skola]."
    assert mark_matches("skola " * 5 + "slut", parse_query("skola"), "[", "]", max_words=3) == (
        "[skola] [skola] [skola] …"
    )


def test_a_long_text_where_every_word_matches_gives_one_window():
    # 20,000 matches: the windows are counted by bisection, not each against every match.
    text = "Skolor. " + "skola " * 20_000 + "slut"
    marked = mark_matches(text, parse_query("skola"), "[", "]", max_words=35)
    assert marked == " ".join(["[Skolor]."] + ["[skola]"] * 34) + " …"


def _window_by_every_start(words, hits, max_words):
    """The snippet's window as the docstring says it, counting each candidate against every match."""
    best, best_count = 0, -1
    for n in hits or [0]:
        start = max(0, min(n - 3, len(words) - max_words))
        count = sum(1 for h in hits if start <= h < start + max_words)
        if count > best_count:
            best, best_count = start, count
    return best


@hypothesis_settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.sampled_from(["skola", "skolor", "ord", "väg", "hus"]), min_size=1, max_size=80),
    max_words=st.integers(1, 12),
)
def test_the_snippet_window_is_the_first_with_the_most_matches(words, max_words):
    marked = mark_matches(" ".join(words), parse_query("skola"), "[", "]", max_words=max_words)
    if len(words) <= max_words:
        assert marked == " ".join(f"[{w}]" if w.startswith("skol") else w for w in words)
        return
    hits = [n for n, w in enumerate(words) if w.startswith("skol")]
    start = _window_by_every_start(words, hits, max_words)
    kept = [f"[{w}]" if w.startswith("skol") else w for w in words[start : start + max_words]]
    before = "… " if start > 0 else ""
    after = " …" if start + max_words < len(words) else ""
    assert marked == before + " ".join(kept) + after


# Matching through the list page -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "query"),
    [
        ("Bättre kollektivtrafiken i länet", "trafik"),
        ("Sammanhängande cykelbanor", "cykel"),
        ("Ny idrottshallen i Tyresö", "hall"),
        ("Bygg förskolan nu", "förskola"),
        ("Fler bostäder för unga", "bostad"),
        ("Mötesplatser för ensamma äldre", "ensam"),
        ("Bygg ett nytt sjukhus", "sjukhuset"),
        ("Fler platser på äldreboende", "aldreboende"),
        ("Fast läkarkontakt för alla", "lakarkontakt"),
        ("Sommarjobb till alla ungdomar", "ungdomarna"),
    ],
)
def test_search_matches_across_inflections_compounds_and_missing_diacritics(
    client, member, make_proposal, title, query
):
    make_proposal(member, title=title, **NEUTRAL)
    make_proposal(member, title="Solceller på kommunens tak", **NEUTRAL)
    assert search(client, query) == [title]


def test_a_compound_query_finds_its_parts_apart(client, member, make_proposal):
    make_proposal(member, title="En hall för idrott i Tyresö", **NEUTRAL)
    make_proposal(member, title="En hall för musik", **NEUTRAL)
    assert search(client, "idrottshall") == ["En hall för idrott i Tyresö"]


def test_typed_diacritics_keep_their_precision(client, member, make_proposal):
    make_proposal(member, title="Fler läkare på vårdcentralen", **NEUTRAL)
    make_proposal(member, title="Rena lakan på sjukhusen", **NEUTRAL)
    assert search(client, "läkare") == ["Fler läkare på vårdcentralen"]
    assert search(client, "lakare") == ["Fler läkare på vårdcentralen"]
    assert search(client, "lakan") == ["Rena lakan på sjukhusen"]


def test_kollektivavtal_is_not_swamped_by_kollektivtrafik(client, member, make_proposal):
    make_proposal(
        member,
        title="Billigare kollektivtrafik",
        summary="Kollektivtrafiken ska bli billigare.",
        problem="Inget.",
        body="Trafiken.",
        tags=["kollektivtrafik"],
    )
    make_proposal(member, title="Krav på kollektivavtal", **NEUTRAL)
    assert search(client, "kollektivavtal") == ["Krav på kollektivavtal"]


def test_ideas_with_every_word_come_first_then_those_lacking_one(client, member, make_proposal):
    make_proposal(
        member,
        title="Ungdomsbostäder nära pendeln",
        summary="Små lägenheter för unga.",
        problem="Inget.",
        body="Text.",
    )
    make_proposal(member, title="Nya bostäder för unga i Nacka", **NEUTRAL)
    make_proposal(member, title="Billiga cykelbanor", **NEUTRAL)
    # Every word is in the second idea: it comes first, then the one lacking "nya", with a notice saying so.
    response = client.get(reverse("proposals:list"), {"q": "nya bostäder unga"})
    html = response.content.decode()
    assert "1 idé innehåller alla orden du sökte på och visas först" in html
    assert titles(response) == ["Nya bostäder för unga i Nacka", "Ungdomsbostäder nära pendeln"]
    # No idea holds all of "billiga bostäder unga": those with two of the words, not the one with only one.
    response = client.get(reverse("proposals:list"), {"q": "billiga bostäder unga"})
    assert "alla utom ett av dem" in response.content.decode()
    assert sorted(titles(response)) == ["Nya bostäder för unga i Nacka", "Ungdomsbostäder nära pendeln"]


def test_a_relaxed_search_that_also_finds_nothing_says_only_that_nothing_matched(
    client, member, make_proposal
):
    make_proposal(member, title="Nya bostäder", **NEUTRAL)
    response = client.get(reverse("proposals:list"), {"q": "zebra giraff elefant"})
    html = response.content.decode()
    assert list(response.context["page"]) == [] and not response.context["hits"].relaxed
    assert "Inga idéer matchar din sökning" in html and "alla utom ett" not in html


def test_a_relaxed_search_keeps_the_filters(client, member, make_proposal, stockholm):
    make_proposal(member, title="Nya bostäder för unga", **NEUTRAL)  # Nacka
    in_stockholm = make_proposal(member, title="Bostäder för unga", places=[stockholm], **NEUTRAL)
    response = client.get(reverse("proposals:list"), {"q": "billiga bostäder unga", "place": stockholm.code})
    assert list(response.context["page"]) == [in_stockholm]
    assert "Ingen idé i urvalet innehåller alla orden" in response.content.decode()


def test_a_search_of_two_words_also_finds_ideas_with_one_of_them_after_those_with_both(
    client, member, make_proposal
):
    make_proposal(member, title="Nya bostäder", **NEUTRAL)
    make_proposal(member, title="Billiga bostäder", **NEUTRAL)
    make_proposal(member, title="Billiga cykelbanor", **NEUTRAL)
    assert search(client, "billiga bostäder")[0] == "Billiga bostäder"
    assert sorted(search(client, "billiga bostäder")[1:]) == ["Billiga cykelbanor", "Nya bostäder"]


# Ranking ------------------------------------------------------------------------------------------------


def test_exact_ranks_above_inflected_above_compound_part(client, member, make_proposal):
    make_proposal(member, title="Fler idrottshallar", **NEUTRAL)  # part
    make_proposal(member, title="Renovera hallarna", **NEUTRAL)  # inflected
    make_proposal(member, title="En ny hall", **NEUTRAL)  # exact
    assert search(client, "hall") == ["En ny hall", "Renovera hallarna", "Fler idrottshallar"]


def test_title_ranks_above_summary_above_body_then_support(client, member, other_member, make_proposal):
    body = make_proposal(member, title="Ett", summary="Kort.", problem="Inget.", body="Om skolor.", tags=[])
    summary = make_proposal(
        member, title="Två", summary="Om skolor.", problem="Inget.", body="Text.", tags=[]
    )
    title = make_proposal(member, title="Skolor", **NEUTRAL)
    supported = make_proposal(member, title="Tre", summary="Kort.", problem="Inget.", body="Skolor.", tags=[])
    services.proposal_support(proposal=supported, member=other_member)
    assert search(client, "skolor") == [title.title, summary.title, supported.title, body.title]


# Facets -------------------------------------------------------------------------------------------------


@pytest.fixture
def bank(member, make_proposal, place, stockholm):
    housing = PolicyArea.objects.get(slug="bostader-och-stadsbyggnad")
    region = Place.objects.get(code="01")
    text = {"summary": "Kort.", "problem": "Inget.", "body": "Text."}
    return [
        make_proposal(member, title="Läxhjälp på skolor i Nacka", places=[place], tags=["läxhjälp"], **text),
        make_proposal(
            member, title="Skolor i Stockholm", places=[stockholm], tags=["läxhjälp", "skolmat"], **text
        ),
        make_proposal(
            member,
            title="Bostäder nära skolor",
            places=[place, stockholm],
            policy_area=housing,
            tags=["bostäder"],
            **text,
        ),
        make_proposal(member, title="Skolbussar i hela länet", places=[region], tags=[], **text),
        make_proposal(member, title="Solceller", places=[place], tags=["läxhjälp"], **text),
    ]


def test_facets_count_the_hits_per_place_area_status_and_tag(client, bank):
    response = client.get(reverse("proposals:list"), {"q": "skolor"})
    hits = response.context["page"].paginator.count
    assert hits == 4
    html = response.content.decode()
    assert ">Nacka (2)</option>" in html
    assert ">Stockholm (2)</option>" in html
    assert ">Region Stockholm (1)</option>" in html
    assert ">Värmdö (0)</option>" in html
    assert ">Skola och utbildning (3)</option>" in html
    assert ">Bostäder och stadsbyggnad (1)</option>" in html
    assert ">Ny (4)</option>" in html
    assert [(name, count) for _slug, name, count in response.context["top_tags"]] == [
        ("läxhjälp", 2),
        ("bostäder", 1),
        ("skolmat", 1),
    ]
    link = 'href="?q=skolor&amp;tag=l%C3%A4xhj%C3%A4lp">#läxhjälp <span class="facet-count">(2)</span>'
    assert link in html


def test_facets_follow_the_filters(client, bank):
    response = client.get(reverse("proposals:list"), {"q": "skolor", "place": "0182"})
    # equal matches: the newest first
    assert titles(response) == ["Bostäder nära skolor", "Läxhjälp på skolor i Nacka"]
    html = response.content.decode()
    assert ">Nacka (2)</option>" in html
    assert ">Stockholm (1)</option>" in html
    response = client.get(reverse("proposals:list"), {"q": "skolor", "tag": "läxhjälp", "district": "stad"})
    assert titles(response) == ["Skolor i Stockholm"]
    assert response.context["page"].paginator.count == 1


def test_search_pages_through_all_hits(client, settings, member, make_proposal):
    settings.PROPOSALS_PER_PAGE = 2
    for i in range(5):
        make_proposal(member, title=f"Skola nummer {i}", **NEUTRAL)
    seen = []
    for page in (1, 2, 3):
        response = client.get(reverse("proposals:list"), {"q": "skola", "page": page})
        seen += titles(response)
    assert sorted(seen) == [f"Skola nummer {i}" for i in range(5)]
    assert titles(client.get(reverse("proposals:list"), {"q": "skola", "page": 99})) == titles(response)


# Suggestions --------------------------------------------------------------------------------------------


def suggest(client, q):
    response = client.get(reverse("proposals:suggest"), {"q": q})
    assert response.status_code == 200
    return json.loads(response.content)["suggestions"]


def test_suggestions_match_the_last_word_as_a_prefix(client, member, make_proposal):
    idea = make_proposal(member, title="Bostäder för unga i Nacka", **NEUTRAL)
    make_proposal(
        member, title="Solceller", summary="Bostadsbolagen bygger.", problem="Inget.", body="Text.", tags=[]
    )
    [suggestion] = suggest(client, "unga bost")
    assert suggestion["url"] == idea.get_absolute_url()
    assert suggestion["title"] == "Bostäder för unga i Nacka"
    assert suggestion["html"] == "<mark>Bostäder</mark> för <mark>unga</mark> i Nacka"
    [finished] = suggest(client, "bostaden ")  # a finished word matches its inflections
    assert finished["html"] == "<mark>Bostäder</mark> för unga i Nacka"
    assert suggest(client, "b") == []


def test_suggestions_escape_member_text(client, member, make_proposal):
    make_proposal(member, title='Skolor <script>alert("x")</script> & mer', **NEUTRAL)
    [suggestion] = suggest(client, "skol")
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; mer"
    assert suggestion["html"] == f"<mark>Skolor</mark> {escaped}"


def test_suggestions_run_one_query(client, settings, member, make_proposal, django_assert_max_num_queries):
    settings.SUGGEST_CANDIDATES = 10
    for i in range(12):
        make_proposal(member, title=f"Cykelbanor nummer {i}", **NEUTRAL)
    # the suggestions: the most supported ten titles that match, ranked (a rarer prefix: one more query that
    # ranks every match, tests/proposals/test_suggestions_scale.py)
    with django_assert_max_num_queries(1):
        suggestions = suggest(client, "cyk")
    assert len(suggestions) == 8


def test_search_form_works_without_javascript(client, member, make_proposal):
    make_proposal(member, title="Bostäder för unga", **NEUTRAL)
    html = client.get(reverse("proposals:list")).content.decode()
    assert 'data-suggest-url="/ideer/forslag/"' in html
    assert 'role="search"' in html and 'method="get"' in html
    assert search(client, "bostäder") == ["Bostäder för unga"]


# The cache of searches ----------------------------------------------------------------------------------


def test_a_cached_search_follows_every_change_to_the_bank(client, member, other_member, make_proposal):
    older = make_proposal(member, title="Skolor i Nacka", **NEUTRAL)
    newer = make_proposal(member, title="Skolor i Solna", **NEUTRAL)
    assert search(client, "skolor") == [newer.title, older.title]
    assert search(client, "skolor") == [newer.title, older.title]  # from the cache
    assert search(client, "skolor", sort="supported") == [newer.title, older.title]
    services.proposal_support(proposal=older, member=other_member)  # never cached: seen at once
    assert search(client, "skolor", sort="supported") == [older.title, newer.title]
    services.proposal_update(
        proposal=newer,
        editor=member,
        title="Bibliotek i Solna",
        summary=newer.summary,
        body=newer.body,
        problem=newer.problem,
        places=list(newer.places.all()),
        policy_area=newer.policy_area,
        tags=[],
    )
    assert search(client, "skolor") == [older.title]


def test_the_admin_indexes_an_idea_it_saves(admin_client, proposal):
    data = {
        "title": "Fler cykelbanor",
        "summary": proposal.summary,
        "problem": proposal.problem,
        "body": proposal.body,
        "author": proposal.author_id,
        "places": [p.pk for p in proposal.places.all()],
        "policy_area": proposal.policy_area_id,
        "tags": "cykling",
        "status": proposal.status,
        "answer": "",
        "statuschange_set-TOTAL_FORMS": 0,
        "statuschange_set-INITIAL_FORMS": 0,
        "status_changes-TOTAL_FORMS": 0,
        "status_changes-INITIAL_FORMS": 0,
    }
    response = admin_client.post(reverse("admin:proposals_proposal_change", args=[proposal.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert search(admin_client, "cykel") == ["Fler cykelbanor"]
