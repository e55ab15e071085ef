"""A search by relevance past the count limit ranks only the hits at or above the highest rank key that enough
of them reach, found from the index of labelled head lexemes: the pages are the same as ranking every hit."""

import re
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from proposals import selectors
from proposals.models import Proposal
from proposals.search import hits
from proposals.search.hits import RANK_SQL, RANK_TENTHS, _rank_sql
from proposals.search.index import SEARCH_CACHE
from proposals.search.language import RANK_WEIGHTS, quote_lexeme
from proposals.search.query import RankTerm, SynonymSet, parse_query, rank_clauses

LOOKED_UP_RE = re.compile(r"unnest\('\{(.*?)\}'::text\[\]\)")
LEXEMES = ["skol", "skola", "skolor", "_skol", "_skola", "_skolor"]


def rank_key(terms, head: dict[str, str]) -> int:
    """The rank key of an idea whose search_head holds `head` (lexeme → label): its terms' values summed."""
    return sum(term.value(head[term.lexeme]) for term in terms if term.lexeme in head)


def head_of(labels: dict[str, str]) -> str:
    """search_head's text for an idea whose head holds these lexemes with these labels."""
    return " ".join(
        f"{quote_lexeme(lexeme)}:{2 if lexeme.startswith('_') else 1}{label}"
        for lexeme, label in labels.items()
    )


heads = st.fixed_dictionaries(
    {},
    optional={lexeme: st.sampled_from("D" if lexeme.startswith("_") else "ABC") for lexeme in LEXEMES},
)
term_sets = st.lists(st.sampled_from(LEXEMES), min_size=1, unique=True).flatmap(
    lambda lexemes: st.tuples(
        st.just(lexemes),
        st.lists(st.sampled_from([1, 2, 3, 10]), min_size=len(lexemes), max_size=len(lexemes)),
    )
)


@given(term_sets, heads, st.integers(min_value=1, max_value=60))
def test_the_clauses_of_a_key_hold_exactly_the_heads_that_reach_it(term_set, head, at_least):
    lexemes, scales = term_set
    terms = [RankTerm(lexeme, scale) for lexeme, scale in zip(lexemes, scales)]
    clauses = rank_clauses(terms, at_least, limit=10_000)
    labelled = {label + lexeme for lexeme, label in head.items()}
    assert any(set(clause) <= labelled for clause in clauses) == (rank_key(terms, head) >= at_least)


def test_too_many_clauses_are_not_listed():
    terms = [RankTerm(f"ord{i}", 1) for i in range(12)]
    assert rank_clauses(terms, 30, limit=48) is None
    assert rank_clauses(terms, 0, limit=48) is None  # every idea reaches nothing


@pytest.mark.django_db
@hypothesis_settings(max_examples=40, deadline=None)
@given(heads)
def test_the_rank_key_in_sql_is_the_sum_of_the_weights_in_tenths(head):
    """What the search orders by is what the clauses count: the labels' weights in tenths."""
    terms = [RankTerm(lexeme, 1) for lexeme in LEXEMES]
    query = " | ".join(quote_lexeme(lexeme) for lexeme in LEXEMES)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + RANK_SQL.replace("proposals_proposal.search_head", "%s::tsvector"),
            [RANK_WEIGHTS, head_of(head), query, len(LEXEMES) * RANK_TENTHS],
        )
        assert cursor.fetchone()[0] == rank_key(terms, head)


@pytest.mark.django_db
@pytest.mark.parametrize("created", ["2026-12-03 09:30+01", "2026-12-31 23:59:59+00", "1970-01-08 00:00+00"])
def test_the_labelled_index_puts_each_label_before_its_lexeme_and_the_week_the_search_asks_for(created):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT proposal_head_labels(%s::tsvector, %s::timestamptz)::text, %s::timestamptz",
            [head_of({"skolor": "A", "_skola": "D"}), created, created],
        )
        labels, when = cursor.fetchone()
    assert labels == f"'Askolor' 'D_skola' '{hits.week_lexeme(hits.week_number(when))}'"


@pytest.fixture(autouse=True)
def bank_out_of_memory(monkeypatch):
    """These tests' banks are a few ideas: they look from the top as on a bank larger than WINDOW_BANK, where
    RANK_EVERY (not RANK_EVERY_IN_MEMORY) decides which searches rank every hit at once. What the process has
    learnt about earlier tests' banks (rolled back) is forgotten."""
    monkeypatch.setattr(hits, "WINDOW_BANK", 0)
    monkeypatch.setattr(hits, "_facts", {})
    monkeypatch.setattr(hits, "_statistics", {})


@pytest.fixture
def ranked_ideas(member, make_proposal, stockholm, place):
    """Three groups of ideas about homework help, each group at one rank: "Läxhjälp i skolan" (the word in the
    title, the default summary's "hjälp" and "läxorna" behind it), "Läxhjälp på biblioteket" (the word in the
    title and the summary), both alternately in Stockholm and Nacka, and "Studiero" (the word in the body only,
    in Stockholm)."""
    ideas = []
    for i in range(4):
        ideas.append(
            make_proposal(
                member,
                title=f"Läxhjälp på biblioteket {i}",
                summary="Läxhjälp varje vecka.",
                places=[stockholm if i % 2 else place],
            )
        )
    for i in range(5):
        ideas.append(
            make_proposal(member, title=f"Läxhjälp i skolan {i}", places=[stockholm if i % 2 else place])
        )
    for i in range(5):
        ideas.append(
            make_proposal(
                member, title=f"Studiero i skolan {i}", body="Med läxhjälp efter skolan.", places=[stockholm]
            )
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE proposals_proposal")  # the planner's estimate and the sample's size
    return ideas


def titles_of(client, params) -> list[str]:
    response = client.get(reverse("proposals:list"), params)
    assert response.status_code == 200
    return [p.title for p in response.context["page"]]


def capped_as_ranking_every_hit(client, settings, params, *, limit: int) -> tuple[list, list[str]]:
    """The first two pages of `params` with every hit ranked, and then with the count limited to `limit`, which
    are the same pages: those pages, and the search statements of the limited ones."""
    exact = [titles_of(client, {**params, "page": page}) for page in (1, 2)]
    settings.PROPOSAL_COUNT_LIMIT = limit
    with CaptureQueriesContext(connection) as queries:
        capped = [titles_of(client, {**params, "page": page}) for page in (1, 2)]
        statements = [q["sql"] for q in queries if "WITH hits" in q["sql"]]
    assert capped == exact
    return exact, statements


@pytest.mark.parametrize("params", [{}, {"district": "stad"}, {"district": "lan"}])
def test_past_the_limit_the_first_pages_are_those_of_ranking_every_hit(
    client, settings, monkeypatch, ranked_ideas, params
):
    settings.PROPOSALS_PER_PAGE = 3
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    params = {"q": "läxhjälp", **params}
    exact, statements = capped_as_ranking_every_hit(client, settings, params, limit=5)
    if not params.get("district"):
        # The hits at or above a key that twice the six ideas of two pages reach are ranked, in one statement;
        # the ideas with the word in the body only rank last, past the two pages.
        assert not any(title.startswith("Studiero") for page in exact for title in page)
        assert len(statements) == 1 and "proposal_head_labels" in statements[0]


def test_as_few_hits_as_the_limit_are_ranked_from_the_top_and_counted_exactly(
    client, settings, monkeypatch, ranked_ideas
):
    """The hits at or above the key hold every reachable page and the hits are no more than the limit: one
    statement that ranks none counts them and their facets, exactly."""
    settings.PROPOSALS_PER_PAGE = 3
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    exact = [titles_of(client, {"q": "läxhjälp", "page": page}) for page in (1, 2)]
    settings.PROPOSAL_COUNT_LIMIT = 14
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("proposals:list"), {"q": "läxhjälp"})
        statements = [q["sql"] for q in queries if "WITH hits" in q["sql"]]
    assert [
        [p.title for p in response.context["page"]],
        titles_of(client, {"q": "läxhjälp", "page": 2}),
    ] == exact
    assert len(statements) == 2 and "proposal_head_labels" in statements[0]
    assert "LIMIT 15)" in statements[1] and "ts_rank" not in statements[1]
    assert response.context["page"].paginator.count == 14
    html = response.content.decode()
    assert "Antalen inom parentes" not in html
    assert "Nacka (5)" in html and "Stockholm (9)" in html


@pytest.mark.parametrize("params", [{}, {"district": "stad"}])
def test_on_a_bank_in_memory_a_search_of_few_hits_ranks_every_hit_at_once(
    client, settings, monkeypatch, ranked_ideas, params
):
    """On a bank no larger than WINDOW_BANK, up to RANK_EVERY_IN_MEMORY times the reachable hits are ranked in
    one statement, without the sample or the statements from the top: the same pages, the same count."""
    settings.PROPOSALS_PER_PAGE = 3
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    params = {"q": "läxhjälp", **params}
    settings.PROPOSAL_COUNT_LIMIT = 5
    from_the_top = [titles_of(client, {**params, "page": page}) for page in (1, 2)]
    assert client.get(reverse("proposals:list"), params).context["page"].paginator.count_capped
    monkeypatch.setattr(hits, "WINDOW_BANK", 100)  # the 14 ideas, six reachable: 14 < 20 × 6
    caches[SEARCH_CACHE].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("proposals:list"), params)
    statements = [q["sql"] for q in queries if "WITH hits" in q["sql"]]
    assert len(statements) == 1 and "proposal_head_labels" not in statements[0]
    assert not any("TABLESAMPLE" in q["sql"] for q in queries)
    assert [
        [p.title for p in response.context["page"]],
        titles_of(client, {**params, "page": 2}),
    ] == from_the_top
    assert response.context["page"].paginator.count_capped  # "fler än 5" either way


def test_a_half_typed_word_ranks_every_hit(client, settings, monkeypatch, ranked_ideas):
    """A prefix's lexemes are not known in advance: no key can be looked up."""
    settings.PROPOSALS_PER_PAGE = 3
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    settings.PROPOSAL_COUNT_LIMIT = 5
    with CaptureQueriesContext(connection) as queries:
        titles_of(client, {"q": "läxhj"})
    statements = [q["sql"] for q in queries if "WITH hits" in q["sql"]]
    assert statements and not any("proposal_head_labels" in sql for sql in statements)


def test_a_key_with_too_many_clauses_ranks_every_hit(client, settings, monkeypatch, ranked_ideas):
    """When the ideas at or above the key would take more look-ups than TOP_CLAUSES, the search ranks every
    hit, as before, with the same pages."""
    settings.PROPOSALS_PER_PAGE = 3
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    exact = titles_of(client, {"q": "läxhjälp"})
    monkeypatch.setattr(hits, "TOP_CLAUSES", 0)
    settings.PROPOSAL_COUNT_LIMIT = 5
    with CaptureQueriesContext(connection) as queries:
        assert titles_of(client, {"q": "läxhjälp"}) == exact
    statements = [q["sql"] for q in queries if "WITH hits" in q["sql"]]
    assert len(statements) == 1 and "proposal_head_labels" not in statements[0]


@pytest.mark.parametrize(
    ("params", "found", "looked_up"),
    [({"place": "0180"}, 9, True), ({"district": "stad"}, 9, True), ({"district": "lan"}, 5, False)],
)
def test_a_filter_on_few_places_looks_them_up_with_the_words(client, ranked_ideas, params, found, looked_up):
    """A municipality, or a district of few places (the city's), is looked up in the GIN index with the words;
    the county district's 26 are not, and each idea's own places still decide."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("proposals:list"), {"q": "läxhjälp", **params})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == found
    statement = next(q["sql"] for q in queries if "WITH hits" in q["sql"])
    assert ("'@place" in statement) == looked_up


def test_ideas_with_every_word_in_the_head_need_no_second_look_up_of_the_words(
    client, settings, monkeypatch, ranked_ideas
):
    """Two pages of one idea: the key chosen is the highest, which only ideas with "läxhjälp" in the title
    reach, and each of its clauses names the word: the hits are found from the labelled index alone."""
    settings.PROPOSALS_PER_PAGE = 1
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    exact = [titles_of(client, {"q": "läxhjälp", "page": page}) for page in (1, 2)]
    settings.PROPOSAL_COUNT_LIMIT = 5
    with CaptureQueriesContext(connection) as queries:
        first = titles_of(client, {"q": "läxhjälp", "page": 1})
    # The filter form, the synonyms, the cache, the planner's estimate, the index's statistics (read at most
    # every ten minutes), the labelled lexemes held, the sample, the hits, the count up to the limit + 1,
    # storing the result, the page's cards.
    assert len(queries) <= 21
    statements = [q["sql"] for q in queries if "WITH hits" in q["sql"]]  # read before the next request
    # the hits from the top, then the count to the limit + 1 (from the GIN index of the words)
    assert len(statements) == 2 and "proposal_head_labels" in statements[0]
    assert "search_vector @@" not in statements[0] and "LIMIT 6)" in statements[1]
    assert [first, titles_of(client, {"q": "läxhjälp", "page": 2})] == exact


@pytest.mark.django_db
@hypothesis_settings(max_examples=30, deadline=None)
@given(st.data())
def test_the_rank_key_with_synonyms_is_the_sum_of_the_terms_values(data):
    """A synonym's lexemes count 0.3 of the word's own: the key in SQL is what the clauses add up, with the
    own and the borrowed lexemes' scales (ParsedQuery.rank_scales)."""
    query = parse_query("fritids ungdomsgård").with_synonyms(
        [SynonymSet(("fritids", "fritidshem")), SynonymSet(("ungdomsgård", "fritidsgård"))]
    )
    terms = query.rank_terms()
    assert {term.scale for term in terms} == set(query.rank_scales()) and len(set(query.rank_scales())) == 2
    head = data.draw(
        st.fixed_dictionaries({}, optional={term.lexeme: st.sampled_from(term.labels) for term in terms})
    )
    rank = _rank_sql(query)
    with connection.cursor() as cursor:
        sql = rank.sql.replace("proposals_proposal.search_head", "%s::tsvector")
        params = []
        for param in rank.params:  # the head before each tsquery
            if isinstance(param, str) and param.startswith("{"):
                params.append(param)
            elif isinstance(param, str):
                params.extend([head_of(head), param])
            else:
                params.append(param)
        cursor.execute(f"SELECT {sql}", params)
        assert cursor.fetchone()[0] == rank_key(terms, head)


def test_ideas_with_every_word_in_the_head_are_not_looked_up_again_with_the_districts_places(
    client, settings, monkeypatch, ranked_ideas
):
    """The city district's places are looked up in the GIN index with the words, but the ideas at or above the
    key have every word in the head and the district keeps its own ideas (in the row): the statement from the
    top tests no idea's vector, which lives out of line."""
    settings.PROPOSALS_PER_PAGE = 1
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    params = {"q": "läxhjälp", "district": "stad"}
    _exact, statements = capped_as_ranking_every_hit(client, settings, params, limit=5)
    assert "proposal_head_labels" in statements[0] and "search_vector @@" not in statements[0]
    assert "'@place" in statements[1]  # the count still looks the places up with the words


def test_filters_that_keep_fewer_hits_than_the_bank_has_at_the_key_rank_every_hit(
    client, settings, monkeypatch, ranked_ideas, place
):
    """Nacka holds five of the hits, and the planner expects about as many: fewer than the nine ideas of the
    whole bank at the key that twice four times the reachable pages reach. Ranking every hit reads no more ideas
    than the key's would: one statement, the same pages."""
    settings.PROPOSALS_PER_PAGE = 1
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    monkeypatch.setattr(hits, "RANK_EVERY", 0)
    monkeypatch.setattr(hits, "TOP_MARGIN", 4)
    params = {"q": "läxhjälp", "place": place.code}
    _exact, statements = capped_as_ranking_every_hit(client, settings, params, limit=4)
    assert len(statements) == 1 and "proposal_head_labels" not in statements[0]


def test_the_labelled_lexemes_found_held_are_kept_and_the_others_asked_again(
    client, settings, monkeypatch, ranked_ideas, member, make_proposal
):
    """Which of a search's labelled lexemes some idea's head holds is looked up once and those found are kept
    (hits._fact): computed again, the search asks only for the others, which an idea may come to hold. The
    synonym läxläsning's title label is held by one idea made after the statistics were read."""
    make_proposal(member, title="Läxläsning på kvällen")
    settings.PROPOSALS_PER_PAGE = 1
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    settings.PROPOSAL_COUNT_LIMIT = 5

    def asked() -> set[str]:
        caches[SEARCH_CACHE].clear()
        with CaptureQueriesContext(connection) as queries:
            titles_of(client, {"q": "läxhjälp"})
            lookups = [q["sql"] for q in queries if "SELECT labelled FROM unnest" in q["sql"]]
        assert len(lookups) <= 1
        return {item.strip("'") for sql in lookups for item in LOOKED_UP_RE.search(sql).group(1).split(",")}

    def held(labelled: str) -> bool:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT EXISTS (SELECT 1 FROM proposals_proposal "
                "WHERE proposal_head_labels(search_head, created_at) @@ %s::tsquery)",
                [quote_lexeme(labelled)],
            )
            return cursor.fetchone()[0]

    first, again = asked(), asked()
    assert "Aläxläsning" in first - again
    assert all(held(labelled) for labelled in first - again)
    assert not any(held(labelled) for labelled in again)


@pytest.mark.parametrize(("params", "windows"), [({}, [True]), ({"district": "stad"}, [True, False])])
def test_a_key_that_far_more_ideas_reach_than_wanted_ranks_the_newest_at_it(
    client, settings, monkeypatch, ranked_ideas, params, windows
):
    """The five ideas "Läxhjälp i skolan" (the word in the title, its parts in the default summary) are tied at
    the highest key, more than twice the two wanted (TIED): the ideas above it (none) and those at it created in
    the weeks of the newest ideas expected to hold the two (from the quantiles of the creation times; the three
    not made a month ago) are ranked, the weeks looked up in the index. In the city district one of those three
    is a hit, fewer than the two pages: the window grows to the whole bank, and every idea at the key is read."""
    settings.PROPOSALS_PER_PAGE = 1
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    monkeypatch.setattr(hits, "TOP_MARGIN", 1)
    monkeypatch.setattr(hits, "TIED", 2)
    month_ago = timezone.now() - timedelta(days=30)
    Proposal.objects.filter(pk__in=[idea.pk for idea in ranked_ideas[4:6]]).update(created_at=month_ago)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE proposals_proposal")  # the quantiles of the creation times
    monkeypatch.setattr(hits, "TIED_SHARE", 1)  # a window of most of these few ideas
    _exact, statements = capped_as_ranking_every_hit(client, settings, {"q": "läxhjälp", **params}, limit=5)
    statements = [sql for sql in statements if "proposal_head_labels" in sql]
    this_week = hits.week_lexeme(hits.week_number(ranked_ideas[-1].created_at))
    assert [f"'{this_week}'" in sql for sql in statements] == windows
    assert f"'{hits.week_lexeme(hits.week_number(month_ago))}'" not in statements[0]
