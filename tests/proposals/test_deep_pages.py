"""Page numbers from a crawler: any value shows a page (never a 500), and only the first pages can be reached."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from proposals import selectors

ODD_PAGES = ["99999999999999999999", "9223372036854775808", "-1", "0", "abc", "1e5", "2.0", "", " 2", "3"]


def titles(response):
    return [p.title for p in response.context["page"]]


@pytest.fixture
def five_ideas(settings, member, make_proposal):
    settings.PROPOSALS_PER_PAGE = 2
    return [make_proposal(member, title=f"Läxhjälp nummer {i}") for i in range(5)]


@pytest.mark.parametrize("page", ODD_PAGES)
def test_any_page_number_shows_the_page_the_plain_list_shows(client, five_ideas, page):
    listed = client.get(reverse("proposals:list"), {"page": page})
    searched = client.get(reverse("proposals:list"), {"q": "läxhjälp", "page": page})
    assert listed.status_code == searched.status_code == 200
    # Past the end (or below 1): the last page, as Paginator.get_page does; not a number: the first.
    assert searched.context["page"].number == listed.context["page"].number
    assert len(titles(searched)) == len(titles(listed)) > 0


def test_huge_search_page_shows_the_last_page(client, five_ideas):
    response = client.get(reverse("proposals:list"), {"q": "läxhjälp", "page": "99999999999999999999"})
    assert response.status_code == 200
    assert response.context["page"].number == 3
    assert len(titles(response)) == 1


def test_search_pages_follow_the_ranking_without_gaps_or_repeats(client, settings, five_ideas):
    settings.PROPOSALS_PER_PAGE = 10
    ranked = titles(client.get(reverse("proposals:list"), {"q": "läxhjälp", "sort": "newest"}))
    settings.PROPOSALS_PER_PAGE = 2
    paged = []
    for page in (1, 2, 3):
        paged += titles(
            client.get(reverse("proposals:list"), {"q": "läxhjälp", "sort": "newest", "page": page})
        )
    assert paged == ranked
    assert len(ranked) == 5


@pytest.mark.parametrize(
    "params", [{}, {"q": "läxhjälp"}, {"q": "läxhjälp", "sort": "newest", "district": "lan"}]
)
def test_only_the_first_pages_can_be_reached(client, settings, monkeypatch, member, make_proposal, params):
    settings.PROPOSALS_PER_PAGE = 2
    monkeypatch.setattr(selectors, "MAX_PAGES", 3)
    for i in range(9):
        make_proposal(member, title=f"Läxhjälp nummer {i}")
    url = reverse("proposals:list")

    response = client.get(url, {**params, "page": 99})
    page = response.context["page"]
    html = response.content.decode()
    assert (page.number, page.paginator.num_pages, page.paginator.count) == (3, 3, 9)
    assert len(page) == 2
    assert "9 idéer" in html
    assert "Sida 3 av 3" in html
    assert 'rel="next"' not in html
    assert "page=4" not in html
    assert "Bara de första 3 sidorna kan visas. Sök eller filtrera för att hitta fler idéer." in html
    assert 'rel="prev"' in html

    second = client.get(url, {**params, "page": 2}).content.decode()
    assert "page=3" in second
    assert "Bara de första" not in second


def test_no_notice_when_every_page_can_be_reached(client, five_ideas):
    html = client.get(reverse("proposals:list"), {"page": 3}).content.decode()
    assert "Sida 3 av 3" in html
    assert "Bara de första" not in html


def test_filters_survive_paging_a_search(client, five_ideas):
    html = client.get(
        reverse("proposals:list"), {"q": "läxhjälp", "district": "lan", "sort": "newest"}
    ).content
    assert "?q=l%C3%A4xhj%C3%A4lp&amp;district=lan&amp;sort=newest&amp;page=2" in html.decode()


def test_deep_search_page_runs_the_queries_of_the_first(
    client, editor_lan, member, make_proposal, django_assert_max_num_queries
):
    for i in range(45):
        make_proposal(member, title=f"Läxhjälp nummer {i}")
    client.force_login(editor_lan)
    for page in ("3", "99999999999999999999"):
        # session, user, editor roles (menu), places + districts + areas (filters), synonyms and places
        # named, the bank's new words (a read and a correction's check at most), the bank's last change, the
        # cached entry, the search (its hits counted up to the limit, then facets and ranked ids) and storing
        # it in the database cache (count,
        # savepoint, read, write, release) when not cached, page rows, places of the rows, tags of the rows
        with django_assert_max_num_queries(20):
            response = client.get(reverse("proposals:list"), {"q": "läxhjälp", "page": page})
        assert response.context["page"].number == 3
        assert len(response.context["page"]) == 5


@pytest.mark.parametrize("page", ["99999999999999999999", "-3", "x", "2"])
def test_my_ideas_and_the_editor_queue_take_any_page_number(
    client, settings, member, editor_lan, make_proposal, page
):
    settings.PROPOSALS_PER_PAGE = 2
    for i in range(3):
        make_proposal(member, title=f"Idé {i}")
    client.force_login(member)
    mine = client.get(reverse("proposals:mine"), {"page": page})
    assert mine.status_code == 200
    assert len(mine.context["page"]) > 0
    client.force_login(editor_lan)
    queue = client.get(reverse("proposals:queue"), {"page": page})
    assert queue.status_code == 200
    assert len(queue.context["page"]) > 0


def test_my_ideas_are_not_capped(client, settings, monkeypatch, member, make_proposal):
    settings.PROPOSALS_PER_PAGE = 2
    monkeypatch.setattr(selectors, "MAX_PAGES", 1)
    for i in range(5):
        make_proposal(member, title=f"Idé {i}")
    client.force_login(member)
    response = client.get(reverse("proposals:mine"), {"page": 3})
    assert response.context["page"].number == 3
    assert titles(response) == ["Idé 0"]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"sort": "supported"},
        {"district": "stad"},
        {"place": "0180", "sort": "active"},
        {"sort": "commented"},
    ],
)
def test_list_pages_follow_the_order_reading_only_their_own_rows(
    client, settings, member, make_proposal, stockholm, params
):
    """A page's ids come first, from the sort order's index (which holds what the filters test), then its rows:
    the pages are the slices of the whole list in order."""
    for i in range(7):
        make_proposal(member, title=f"Idé nummer {i}", places=[stockholm] if i % 2 else None)
    settings.PROPOSALS_PER_PAGE = 10
    whole = titles(client.get(reverse("proposals:list"), params))
    settings.PROPOSALS_PER_PAGE = 2
    pages = range(1, (len(whole) + 1) // 2 + 1)
    paged = []
    with CaptureQueriesContext(connection) as queries:
        for page in pages:
            paged += titles(client.get(reverse("proposals:list"), {**params, "page": page}))
    assert paged == whole and len(whole) == (3 if "place" in params or "district" in params else 7)
    rows = [
        q["sql"]
        for q in queries
        if q["sql"].startswith('SELECT "proposals_proposal"."id", "proposals_proposal"."title"')
    ]
    assert len(rows) == len(pages)
    assert all('"proposals_proposal"."id" IN (SELECT U0."id"' in sql for sql in rows)
