"""The cache of searches stays small: every page of a search shares one entry, and the oldest entries make
room for new ones, so no stream of requests grows the table."""

import pytest
from django.db import connection
from django.urls import reverse

from proposals import search


def cached_searches() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM proposals_searchcache")
        return cursor.fetchone()[0]


@pytest.fixture
def ideas(settings, member, make_proposal):
    settings.PROPOSALS_PER_PAGE = 2
    return [make_proposal(member, title=f"Läxhjälp nummer {i}") for i in range(7)]


def test_every_page_of_a_search_shares_one_entry(client, ideas):
    before = cached_searches()
    for page in [1, 2, 3, 4, 5, 99, 10**20, -1, "x"]:
        response = client.get(reverse("proposals:list"), {"q": "läxhjälp", "page": page})
        assert response.status_code == 200
    assert cached_searches() == before + 1


def test_distinct_searches_keep_the_cache_at_its_cap(client, monkeypatch, ideas):
    monkeypatch.setattr(search, "SEARCH_CACHE_ENTRIES", 5)
    words = [
        "läxhjälp",
        "skolor",
        "bostäder",
        "cykel",
        "buss",
        "park",
        "bad",
        "bibliotek",
        "lärare",
        "sjukhus",
    ]
    for number, word in enumerate(words, start=1):
        for page in (1, 2, 3):
            client.get(reverse("proposals:list"), {"q": word, "page": page})
        for sort in ("newest", "supported"):
            client.get(reverse("proposals:list"), {"q": word, "sort": sort})
        assert cached_searches() <= 5, f"after {number} words"
    assert cached_searches() == 5


def test_the_newest_searches_stay_cached(client, monkeypatch, ideas):
    monkeypatch.setattr(search, "SEARCH_CACHE_ENTRIES", 3)
    for word in ["skolor", "bostäder", "cykel", "läxhjälp"]:
        client.get(reverse("proposals:list"), {"q": word})
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(entry) FROM proposals_searchcache")
        newest = cursor.fetchone()[0]
        response = client.get(reverse("proposals:list"), {"q": "läxhjälp", "page": 3})
        cursor.execute("SELECT max(entry) FROM proposals_searchcache")
        assert cursor.fetchone()[0] == newest  # answered from the cache: nothing stored
    assert len(response.context["page"]) == 2


def test_a_change_to_the_bank_is_seen_on_every_page(client, member, make_proposal, ideas):
    client.get(reverse("proposals:list"), {"q": "läxhjälp", "page": 4})
    make_proposal(member, title="Läxhjälp nummer 7")
    response = client.get(reverse("proposals:list"), {"q": "läxhjälp", "sort": "newest", "page": 1})
    assert response.context["page"].paginator.count == 8
    assert [p.title for p in response.context["page"]][0] == "Läxhjälp nummer 7"
