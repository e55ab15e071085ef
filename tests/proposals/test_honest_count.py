"""A count that is exact when small and honest when large: the list and the search count their ideas up to
PROPOSAL_COUNT_LIMIT and beyond it say "more than", so a national bank's count costs what a small bank's does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from proposals import selectors, services
from proposals.search import hits
from proposals.templatetags.proposal_tags import grouped


def result_count(response) -> str:
    html = response.content.decode()
    start = html.index('<p class="result-count" role="status">')
    return " ".join(html[start : html.index("</p>", start)].split()[3:])


@pytest.fixture
def six_ideas(member, make_proposal, stockholm):
    return [
        make_proposal(member, title=f"Läxhjälp nummer {i}", places=[stockholm] if i % 2 else None)
        for i in range(6)
    ]


@pytest.mark.parametrize(
    ("limit", "params", "shown"),
    [
        (10, {}, "6 idéer"),
        (6, {}, "6 idéer"),
        (5, {}, "Fler än 5 idéer"),
        (5, {"district": "stad"}, "3 idéer"),
        (2, {"place": "0180"}, "Fler än 2 idéer"),
        (3, {"place": "0180", "sort": "supported"}, "3 idéer"),
    ],
)
def test_list_counts_up_to_the_limit(client, settings, six_ideas, limit, params, shown):
    settings.PROPOSAL_COUNT_LIMIT = limit
    response = client.get(reverse("proposals:list"), params)
    assert result_count(response) == shown


@pytest.mark.parametrize(("language", "written"), [("sv", "10\xa0000"), ("en", "10,000")])
def test_the_limit_is_written_with_its_thousands_grouped(language, written):
    with translation.override(language):
        assert grouped(10_000) == written


def test_capped_list_still_pages_through_every_reachable_page(client, settings, six_ideas):
    settings.PROPOSAL_COUNT_LIMIT = 3
    settings.PROPOSALS_PER_PAGE = 2
    pages = [client.get(reverse("proposals:list"), {"page": n}) for n in (1, 2, 3)]
    titles = [p.title for response in pages for p in response.context["page"]]
    assert len(set(titles)) == 6
    assert "Fler än 3 idéer" in pages[2].content.decode()
    assert 'rel="next"' not in pages[2].content.decode()


@pytest.fixture
def twelve_ideas(member, other_member, make_proposal, stockholm):
    ideas = [
        make_proposal(member, title=f"Läxhjälp nummer {i}", places=[stockholm] if i % 3 else None)
        for i in range(12)
    ]
    for idea in ideas[4:7]:
        services.proposal_support(proposal=idea, member=other_member)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE proposals_proposal")  # the size a window is measured against
    return ideas


def searched(client, params) -> list[str]:
    response = client.get(reverse("proposals:list"), params)
    assert response.status_code == 200
    return [p.title for p in response.context["page"]], response


@pytest.mark.parametrize("sort", ["", "newest", "supported", "active"])
@pytest.mark.parametrize("window", [None, 8])
def test_a_search_with_more_hits_than_the_limit_ranks_the_same_first_pages(
    client, settings, monkeypatch, twelve_ideas, sort, window
):
    settings.PROPOSALS_PER_PAGE = 4
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    params = {"q": "läxhjälp", "sort": sort}
    exact = [searched(client, {**params, "page": page})[0] for page in (1, 2)]
    # A window of the sort order's first nine ideas holds more hits than the limit and the eight that can be
    # paged to; without one, every hit is ranked and counted.
    monkeypatch.setattr(hits, "WINDOW_FIRST", window or 1_000_000)
    monkeypatch.setattr(hits, "WINDOW_BANK", 0)
    settings.PROPOSAL_COUNT_LIMIT = 5
    with CaptureQueriesContext(connection) as queries:
        capped = [searched(client, {**params, "page": page}) for page in (1, 2)]
    assert [titles for titles, _response in capped] == exact
    # By support most ideas have none: the window's edge is an idea, ties ordered by id, so that the window
    # still holds nine ideas, not the whole bank.
    windowed = [q["sql"] for q in queries if "WITH hits" in q["sql"] and '"id" >= ' in q["sql"]]
    assert bool(windowed) == bool(window and sort in ("newest", "supported", "active"))
    html = capped[0][1].content.decode()
    assert result_count(capped[0][1]) == "Fler än 5 idéer"
    # Windowed or not, the facets count the hits that can be paged to.
    assert "Antalen inom parentes räknar de 8 första träffarna." in html


def test_a_search_with_fewer_hits_than_the_limit_counts_them_all(client, settings, twelve_ideas):
    settings.PROPOSAL_COUNT_LIMIT = 12
    titles, response = searched(client, {"q": "läxhjälp"})
    assert result_count(response) == "12 idéer"
    assert "Antalen inom parentes" not in response.content.decode()
    # the facets count every hit: four ideas in Nacka, eight in Stockholm
    html = response.content.decode()
    assert "Nacka (4)" in html and "Stockholm (8)" in html


def test_capped_facets_count_the_hits_that_can_be_paged_to(client, settings, monkeypatch, twelve_ideas):
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    monkeypatch.setattr(hits, "WINDOW_FIRST", 6)
    monkeypatch.setattr(hits, "WINDOW_BANK", 0)
    settings.PROPOSALS_PER_PAGE = 3
    settings.PROPOSAL_COUNT_LIMIT = 5
    titles, response = searched(client, {"q": "läxhjälp", "sort": "newest"})
    html = response.content.decode()
    assert "Antalen inom parentes räknar de 6 första träffarna." in html
    # the six newest: numbers 11 to 6, of which 9 and 6 are in Nacka
    assert "Nacka (2)" in html and "Stockholm (4)" in html


def test_a_window_with_every_reachable_page_counts_the_rest_from_the_index(
    client, settings, monkeypatch, twelve_ideas
):
    """The window of the newest nine ideas holds the eight hits that can be paged to but not more than the
    limit: the hits are read up to the limit + 1, ranking none, instead of growing the window to the whole
    bank."""
    settings.PROPOSALS_PER_PAGE = 4
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    exact = [searched(client, {"q": "läxhjälp", "sort": "newest", "page": page})[0] for page in (1, 2)]
    monkeypatch.setattr(hits, "WINDOW_FIRST", 8)
    monkeypatch.setattr(hits, "WINDOW_BANK", 0)
    settings.PROPOSAL_COUNT_LIMIT = 10
    with CaptureQueriesContext(connection) as queries:
        capped = [searched(client, {"q": "läxhjälp", "sort": "newest", "page": page}) for page in (1, 2)]
    assert [titles for titles, _response in capped] == exact
    statements = [q["sql"] for q in queries if "WITH hits" in q["sql"]]
    assert len(statements) == 2 and '" >= ' in statements[0]  # the window, never every hit in order
    assert "LIMIT 11)" in statements[1] and '" >= ' not in statements[1]
    assert result_count(capped[0][1]) == "Fler än 10 idéer"


@pytest.mark.parametrize("sort", ["newest", "supported"])
def test_as_few_hits_as_the_limit_are_counted_exactly_with_the_pages_of_the_window(
    client, settings, monkeypatch, twelve_ideas, sort
):
    """The window holds every reachable page and the hits are no more than the limit: one statement that
    reads them in no order counts them and their facets, exactly; the pages are the window's, the same as
    ordering every hit."""
    settings.PROPOSALS_PER_PAGE = 4
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    params = {"q": "läxhjälp", "sort": sort}
    exact = [searched(client, {**params, "page": page})[0] for page in (1, 2)]
    monkeypatch.setattr(hits, "WINDOW_FIRST", 8)
    monkeypatch.setattr(hits, "WINDOW_BANK", 0)
    settings.PROPOSAL_COUNT_LIMIT = 12
    with CaptureQueriesContext(connection) as queries:
        titles, response = searched(client, {**params, "page": 1})
        statements = [q["sql"] for q in queries if "WITH hits" in q["sql"]]
    assert [titles, searched(client, {**params, "page": 2})[0]] == exact
    assert len(statements) == 2 and '" >= ' in statements[0]
    assert "LIMIT 13)" in statements[1] and '" >= ' not in statements[1]
    html = response.content.decode()
    assert result_count(response) == "12 idéer"
    assert "Antalen inom parentes" not in html
    assert "Nacka (4)" in html and "Stockholm (8)" in html


@pytest.mark.parametrize(("read_all", "windowed"), [(5, [True, False]), (0, [True, True])])
def test_a_window_with_too_few_hits_reads_every_hit_when_the_bank_would_hold_few(
    client, settings, monkeypatch, twelve_ideas, read_all, windowed
):
    """The window of the newest five ideas holds five hits, fewer than the eight that can be paged to: at that
    rate the bank holds 15, no more than WINDOW_READ_ALL times the limit + 1, so every hit is read once rather
    than a larger window and then a count. Without that, the window grows (to nine ideas, more hits than the
    limit)."""
    response, queries = newest_in_small_windows(client, settings, monkeypatch, WINDOW_READ_ALL=read_all)
    assert [('" >= ' in sql) for sql in queries if "WITH hits" in sql] == windowed
    assert result_count(response) == "Fler än 5 idéer"


def newest_in_small_windows(client, settings, monkeypatch, **constants):
    """`läxhjälp` by date, two pages of four, with windows from the newest four ideas (and these constants of
    proposals.search.hits) and a limit of five: page 1's response and the SQL of its queries, once its pages are
    found to be those of ranking every hit."""
    settings.PROPOSALS_PER_PAGE = 4
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    params = {"q": "läxhjälp", "sort": "newest"}
    exact = [searched(client, {**params, "page": page})[0] for page in (1, 2)]
    monkeypatch.setattr(hits, "WINDOW_FIRST", 4)
    monkeypatch.setattr(hits, "WINDOW_BANK", 0)
    for name, value in constants.items():
        monkeypatch.setattr(hits, name, value)
    settings.PROPOSAL_COUNT_LIMIT = 5
    with CaptureQueriesContext(connection) as captured:
        titles, response = searched(client, {**params, "page": 1})
        queries = [q["sql"] for q in captured]
    assert [titles, searched(client, {**params, "page": 2})[0]] == exact
    return response, queries


def test_a_kept_window_edge_still_gives_the_pages_after_supports_reorder_the_ideas(
    client, settings, monkeypatch, twelve_ideas, other_member
):
    """A window's edge is kept while the bank's text is unchanged (hits._fact), and supports change no text:
    the kept edge still bounds the first stretch of the order, and the pages are those of ranking every hit."""
    settings.PROPOSALS_PER_PAGE = 4
    settings.PROPOSAL_COUNT_LIMIT = 5
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)
    monkeypatch.setattr(hits, "WINDOW_FIRST", 8)
    monkeypatch.setattr(hits, "WINDOW_BANK", 0)
    params = {"q": "läxhjälp", "sort": "supported"}
    searched(client, {**params, "page": 1})
    for idea in twelve_ideas[:2]:
        services.proposal_support(proposal=idea, member=other_member)

    with CaptureQueriesContext(connection) as queries:
        windowed = [searched(client, {**params, "page": page})[0] for page in (1, 2)]
    assert not [q for q in queries if "LATERAL" in q["sql"]]  # the edge was kept, not looked up again

    monkeypatch.setattr(hits, "WINDOW_FIRST", 1_000_000)
    every = [searched(client, {**params, "page": page})[0] for page in (1, 2)]
    assert windowed == every
    # Five ideas with one support now, tied, the highest id first: 6, 5, 4, 1, then 0 (none at the first search).
    assert windowed[0] == [f"Läxhjälp nummer {n}" for n in (6, 5, 4, 1)]
    assert windowed[1][0] == "Läxhjälp nummer 0"


@pytest.mark.parametrize(("read_all", "edge_of"), [(5, None), (0, 16)])
def test_the_planners_estimate_of_the_hits_sizes_the_first_window(
    client, settings, monkeypatch, twelve_ideas, read_all, edge_of
):
    """From WINDOW_ESTIMATED_BANK ideas the planner's estimate sizes the first window: twelve hits expected in a
    bank of twelve, so a window of the newest four would hold fewer than the eight hits that can be paged to.
    With no more hits expected than WINDOW_READ_ALL times the limit + 1, every hit is read once without a
    window; else the first window is the least power of two times WINDOW_FIRST expected to hold enough
    (sixteen ideas: the whole bank, so every hit is read)."""
    response, queries = newest_in_small_windows(
        client, settings, monkeypatch, WINDOW_ESTIMATED_BANK=0, WINDOW_READ_ALL=read_all
    )
    statements = [sql for sql in queries if "WITH hits" in sql]
    edges = [sql for sql in queries if "LATERAL" in sql]
    assert len(statements) == 1 and '" >= ' not in statements[0]
    if edge_of is None:
        assert not edges
    else:
        assert len(edges) == 1 and f"OFFSET {edge_of} " in edges[0]
    assert result_count(response) == "Fler än 5 idéer"
