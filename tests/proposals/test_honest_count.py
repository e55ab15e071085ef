"""A count that is exact when small and honest when large: the list and the search count their ideas up to
PROPOSAL_COUNT_LIMIT and beyond it say "more than", so a national bank's count costs what a small bank's does."""

import pytest
from django.urls import reverse
from django.utils import translation

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
