"""Browsing the bank: filters in the URL that survive paging, sorting, empty states, a fixed query count."""

import pytest
from django.urls import reverse

from places.models import Place
from proposals import services
from proposals.models import PolicyArea, Proposal
from proposals.search import bank_lexicon


def titles(response):
    return [p.title for p in response.context["page"]]


@pytest.fixture
def bank(member, other_member, make_proposal, place, stockholm):
    housing = PolicyArea.objects.get(slug="bostader-och-stadsbyggnad")
    region = Place.objects.get(code="01")
    ideas = {
        "nacka": make_proposal(member, title="Läxhjälp i Nacka", places=[place], tags=["läxhjälp"]),
        "stockholm": make_proposal(
            member,
            title="Hyresrätter i Stockholm",
            places=[stockholm],
            policy_area=housing,
            tags=["hyresrätter"],
        ),
        "region": make_proposal(other_member, title="Billigare SL-kort", places=[region], tags=["sl"]),
    }
    services.proposal_support(proposal=ideas["stockholm"], member=other_member)
    return ideas


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Billigare SL-kort", "Hyresrätter i Stockholm", "Läxhjälp i Nacka"]),
        ({"place": "0182"}, ["Läxhjälp i Nacka"]),
        ({"district": "stad"}, ["Billigare SL-kort", "Hyresrätter i Stockholm"]),
        ({"district": "lan"}, ["Billigare SL-kort", "Läxhjälp i Nacka"]),
        ({"area": "bostader-och-stadsbyggnad"}, ["Hyresrätter i Stockholm"]),
        ({"tag": "sl"}, ["Billigare SL-kort"]),
        ({"supported": "on"}, ["Hyresrätter i Stockholm"]),
        (
            {"status": "new", "sort": "supported"},
            ["Hyresrätter i Stockholm", "Billigare SL-kort", "Läxhjälp i Nacka"],
        ),
    ],
)
def test_filters(client, bank, params, expected):
    assert titles(client.get(reverse("proposals:list"), params)) == expected


def test_author_filter(client, bank, other_member):
    assert titles(client.get(reverse("proposals:list"), {"author": other_member.pk})) == ["Billigare SL-kort"]


def test_unknown_filter_values_are_ignored_with_a_message(client, bank):
    response = client.get(reverse("proposals:list"), {"place": "9999", "sort": "bogus", "area": "nej"})
    assert response.status_code == 200
    assert len(titles(response)) == 3
    assert "Välj ett giltigt alternativ" in response.content.decode()


def test_the_filter_form_shows_the_chosen_filters_and_a_search_counts_its_hits(client, bank):
    """The selects and checkboxes are written in Python (reformbank.forms.PlainSelect, Checkbox): the chosen
    option and the ticked box stay so, and a search's counts stand beside each municipality and policy area."""
    response = client.get(
        reverse("proposals:list"),
        {"q": "läxhjälp", "district": "lan", "sort": "newest", "place": "0182", "provad": "on"},
    )
    html = response.content.decode()
    assert '<label class="checkbox"><input type="checkbox" name="provad" id="id_provad" checked> ' in html
    assert '<label class="checkbox"><input type="checkbox" name="supported" id="id_supported"> ' in html
    response = client.get(
        reverse("proposals:list"), {"q": "läxhjälp", "district": "lan", "sort": "newest", "place": "0182"}
    )
    html = response.content.decode()
    assert titles(response) == ["Läxhjälp i Nacka"]
    assert '<select name="district" id="id_district"><option value="">Båda distrikten</option>' in html
    assert '<option value="lan" selected>' in html
    assert '<option value="newest" selected>Nyast</option>' in html
    assert '<option value="0182" selected>Nacka (1)</option>' in html
    assert '<option value="0180">Stockholm (0)</option>' in html
    assert '<option value="skola-och-utbildning">Skola och utbildning (1)</option>' in html


def test_filters_survive_paging(client, settings, member, make_proposal, stockholm):
    settings.PROPOSALS_PER_PAGE = 2
    for i in range(5):
        make_proposal(member, title=f"Idé {i}", places=[stockholm])
    response = client.get(reverse("proposals:list"), {"district": "stad", "sort": "newest"})
    html = response.content.decode()
    assert "?district=stad&amp;sort=newest&amp;page=2" in html
    page2 = client.get(reverse("proposals:list"), {"district": "stad", "sort": "newest", "page": 2})
    assert titles(page2) == ["Idé 2", "Idé 1"]
    assert client.get(reverse("proposals:list"), {"page": "999"}).status_code == 200


def test_empty_states(client, db):
    assert (
        "Det finns inga idéer i reformbanken ännu." in client.get(reverse("proposals:list")).content.decode()
    )
    html = client.get(reverse("proposals:list"), {"q": "ingenting"}).content.decode()
    assert "Inga idéer matchar din sökning eller dina filter." in html


@pytest.mark.parametrize(
    ("params", "queries"),
    [
        # session, user, editor roles (menu), places + districts + areas (filters), count, page rows,
        # places of the rows, tags of the rows
        ({}, 10),
        # The same without the count, and the search's: synonyms and places named, the bank's new words (at
        # most a read of them and a check of a correction), its hits counted up to the limit, facets with
        # ranked ids (sorted by support: never cached). tests/proposals/test_search.py pins the cached orders.
        (
            {
                "q": "läxhjälp",
                "district": "lan",
                "area": "skola-och-utbildning",
                "tag": "läxhjälp",
                "place": "0182",
                "sort": "supported",
            },
            13,
        ),
    ],
)
def test_list_runs_a_fixed_number_of_queries(
    client, editor_lan, make_proposal, member, place, django_assert_max_num_queries, params, queries
):
    for i in range(25):
        make_proposal(member, title=f"Läxhjälp nummer {i}", tags=["läxhjälp", f"tagg{i}"])
    # The process's vocabulary knows the new words (a search reads them at most once a second: not counted).
    bank_lexicon.reset()
    bank_lexicon.refresh()
    client.force_login(editor_lan)
    with django_assert_max_num_queries(queries):
        response = client.get(reverse("proposals:list"), params)
    assert len(response.context["page"]) == 20


def test_home_page(client, bank, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        html = client.get(reverse("home")).content.decode()
    assert "Hyresrätter i Stockholm" in html
    assert Proposal.objects.count() == 3


@pytest.mark.parametrize("params", [{}, {"q": "kommuner"}, {"sort": "supported"}])
def test_cards_show_places_and_tags(client, member, make_proposal, place, stockholm, params):
    make_proposal(member, title="Idé för två kommuner", places=[stockholm, place], tags=["ö-tagg", "a-tagg"])
    html = client.get(reverse("proposals:list"), params).content.decode()
    assert '<span class="places">Nacka, Stockholm</span>' in html
    assert (
        '<li><a class="tag" href="/ideer/?tag=a-tagg">#a-tagg</a></li>'
        '<li><a class="tag" href="/ideer/?tag=ö-tagg">#ö-tagg</a></li>'
    ) in html
