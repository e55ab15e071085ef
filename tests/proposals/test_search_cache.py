"""The search cache (Django's "search" cache; the database table here, Redis with REDIS_URL): every page of a
search shares one entry, the cache stays within its bound, changes to the index are seen at once, and supports
neither wait on anything shared nor clear the cached searches."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.urls import reverse

from proposals import services
from proposals.models import Proposal
from proposals.search.index import SEARCH_CACHE
from tests.parallel import parallel


def cached_searches() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_cache WHERE cache_key LIKE '%%:hits:%%'")
        return cursor.fetchone()[0]


@pytest.fixture
def ideas(settings, member, make_proposal):
    settings.PROPOSALS_PER_PAGE = 2
    caches[SEARCH_CACHE].clear()
    return [make_proposal(member, title=f"Läxhjälp nummer {i}") for i in range(7)]


def test_every_page_of_a_search_shares_one_entry(client, ideas):
    for page in [1, 2, 3, 4, 5, 99, 10**20, -1, "x"]:
        response = client.get(reverse("proposals:list"), {"q": "läxhjälp", "page": page})
        assert response.status_code == 200
    assert cached_searches() == 1


def test_a_cached_search_runs_no_search_statement(client, ideas, django_assert_max_num_queries):
    client.get(reverse("proposals:list"), {"q": "läxhjälp"})
    # Filter options (places, districts, areas), synonyms and places named, the bank's last change, the
    # cached entry, the page's rows, their places, their tags.
    with django_assert_max_num_queries(9):
        response = client.get(reverse("proposals:list"), {"q": "läxhjälp", "page": 3})
    assert [p.title for p in response.context["page"]] == ["Läxhjälp nummer 2", "Läxhjälp nummer 1"]


def test_distinct_searches_keep_the_cache_at_its_bound(client, settings, ideas):
    settings.CACHES = {
        **settings.CACHES,
        "search": {**settings.CACHES["search"], "OPTIONS": {"MAX_ENTRIES": 5, "CULL_FREQUENCY": 2}},
    }
    for word in ["läxhjälp", "skolor", "bostäder", "cykel", "buss", "park", "bad", "bibliotek", "lärare"]:
        for page in (1, 2, 3):
            client.get(reverse("proposals:list"), {"q": word, "page": page})
        assert cached_searches() <= 6, word  # Django culls once the table holds more than MAX_ENTRIES


def test_a_change_to_the_index_is_seen_on_every_page(client, member, make_proposal, ideas):
    client.get(reverse("proposals:list"), {"q": "läxhjälp", "page": 4})
    make_proposal(member, title="Läxhjälp nummer 7")
    response = client.get(reverse("proposals:list"), {"q": "läxhjälp", "sort": "newest", "page": 1})
    assert response.context["page"].paginator.count == 8
    assert [p.title for p in response.context["page"]][0] == "Läxhjälp nummer 7"


def test_a_status_change_is_seen_in_the_status_filter(client, editor_lan, ideas):
    assert (
        client.get(reverse("proposals:list"), {"q": "läxhjälp", "status": "under_review"})
        .context["page"]
        .paginator.count
        == 0
    )
    services.proposal_status_change(proposal=ideas[0], editor=editor_lan, status="under_review")
    response = client.get(reverse("proposals:list"), {"q": "läxhjälp", "status": "under_review"})
    assert [p.pk for p in response.context["page"]] == [ideas[0].pk]


def test_the_index_keeps_no_shared_row_that_writes_bump(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal "
            "AND tgrelid IN ('proposals_proposal'::regclass, 'taggit_tag'::regclass)"
        )
        assert cursor.fetchone()[0] == 0
        cursor.execute(
            "SELECT to_regclass('proposals_searchgeneration'), to_regclass('proposals_searchcache')"
        )
        assert cursor.fetchone() == (None, None)


@pytest.mark.django_db(transaction=True)
def test_twenty_supports_at_once_all_count_and_keep_the_cached_search(
    client, django_user_model, make_proposal
):
    author = django_user_model.objects.create_user(
        email="forfattare@example.se", password=None, display_name="Författare"
    )
    idea = make_proposal(author, title="Läxhjälp på biblioteket")
    caches[SEARCH_CACHE].clear()
    client.get(reverse("proposals:list"), {"q": "läxhjälp"})
    members = [
        django_user_model.objects.create_user(
            email=f"medlem{i}@example.se", password=None, display_name=f"Medlem {i}"
        )
        for i in range(20)
    ]
    results = parallel(
        [lambda m=m: services.proposal_support(proposal=idea, member=m) for m in members], timeout=60
    )
    assert results == [True] * 20
    assert Proposal.objects.get(pk=idea.pk).support_count == 20
    assert cached_searches() == 1  # no support cleared it
    response = client.get(reverse("proposals:list"), {"q": "läxhjälp", "sort": "supported"})
    assert [p.support_count for p in response.context["page"]] == [20]
