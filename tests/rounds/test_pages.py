"""The round index and the round page as a visitor reads them: order, states, counts per municipality, the
round's ideas with the bank's filters and search, the feed, and the query counts of each list."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from places.models import Place
from proposals.models import PolicyArea, Proposal
from rounds.models import Round

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def round_bank(open_round, submit_to, make_proposal, member, other_member, place, stockholm):
    """Three ideas in the open round (about Nacka, Solna, and Nacka and Stockholm) and one outside it, about
    Nacka, that uses the same words."""
    solna = Place.objects.get(name="Solna")
    housing = PolicyArea.objects.get(slug="bostader-och-stadsbyggnad")
    ideas = {
        "field": submit_to(open_round, member),
        "light": submit_to(
            open_round,
            other_member,
            title="Bättre belysning i gångtunnlarna",
            summary="Ljusa gångtunnlar känns tryggare.",
            body="Byt till starka lampor i alla gångtunnlar.",
            policy_area=housing,
            places=[solna],
        ),
        "both": submit_to(
            open_round, other_member, title="Trygga skolvägar med fältassistenter", places=[place, stockholm]
        ),
        "outside": make_proposal(member, title="Fältassistenter i hela länet"),
    }
    return ideas


def titles(response) -> list[str]:
    """The titles the page lists, in the order of the known ones (a search marks the words in a title)."""
    shown = {proposal.title for proposal in response.context["page"]}
    return [t for t in ("Fler fältassistenter i Fisksätra", "Bättre belysning i gångtunnlarna",
                        "Trygga skolvägar med fältassistenter", "Fältassistenter i hela länet") if t in shown]  # fmt: skip


def test_round_page_lists_only_the_round_ideas_with_counts_per_municipality(client, open_round, round_bank):
    response = client.get(open_round.get_absolute_url())
    assert response.status_code == 200
    assert sorted(titles(response)) == sorted(
        [
            "Fler fältassistenter i Fisksätra",
            "Bättre belysning i gångtunnlarna",
            "Trygga skolvägar med fältassistenter",
        ]
    )
    assert response.context["place_counts"] == [("Nacka", 2), ("Solna", 1), ("Stockholm", 1)]
    text = response.content.decode()
    assert "<strong>tryggare</strong>" in text  # the description's Markdown
    assert "Pågår" in text
    assert '<link rel="alternate" type="application/atom+xml"' in text
    assert reverse("rounds:feed", args=[open_round.slug]) in text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"place": "0180"}, ["Trygga skolvägar med fältassistenter"]),
        ({"area": "bostader-och-stadsbyggnad"}, ["Bättre belysning i gångtunnlarna"]),
        (
            {"q": "fältassistenter"},
            ["Fler fältassistenter i Fisksätra", "Trygga skolvägar med fältassistenter"],
        ),
        ({"q": "fältassistenter", "place": "0180"}, ["Trygga skolvägar med fältassistenter"]),
        ({"q": "belysning", "sort": "newest"}, ["Bättre belysning i gångtunnlarna"]),
        ({"status": "selected"}, []),
    ],
)
def test_round_page_filters_and_searches_within_the_round(client, open_round, round_bank, params, expected):
    response = client.get(open_round.get_absolute_url(), params)
    assert response.status_code == 200
    assert sorted(titles(response)) == sorted(expected)
    assert response.context["page"].paginator.count == len(expected)


def test_search_facets_count_only_the_round_ideas(client, open_round, round_bank):
    response = client.get(open_round.get_absolute_url(), {"q": "fältassistenter"})
    choices = dict(response.context["form"].fields["place"].choices)
    assert choices["0182"] == "Nacka (2)"  # the idea outside the round, also about Nacka, is not counted
    assert choices["0180"] == "Stockholm (1)"


def test_a_typo_in_the_round_is_corrected_and_says_so(client, open_round, round_bank):
    """The round page shows a search as the bank's list does: what it searched for, and the words as typed."""
    response = client.get(open_round.get_absolute_url(), {"q": "fältasistenter"})
    assert sorted(titles(response)) == [
        "Fler fältassistenter i Fisksätra",
        "Trygga skolvägar med fältassistenter",
    ]
    assert "Visar träffar för <strong>fältassistenter</strong>" in response.text
    assert "exakt=1" in response.text
    as_typed = client.get(open_round.get_absolute_url(), {"q": "fältasistenter", "exakt": "1"})
    assert titles(as_typed) == []
    assert "Visar träffar för" not in as_typed.text


@pytest.mark.parametrize(
    "params", [{"place": "9999"}, {"page": "x" * 50}, {"status": "\u00e5\u00e4"}, {"q": "och"}]
)
def test_round_page_survives_bad_filters(client, open_round, round_bank, params):
    assert client.get(open_round.get_absolute_url(), params).status_code == 200


def test_round_page_query_count(client, member, open_round, round_bank, django_assert_max_num_queries):
    client.force_login(member)
    # Session, user and viewer; the round with its places and areas (3); counts per municipality; filter
    # options (places, districts, areas); the page's count and rows; the cards' places and tags; whether the
    # member follows the round.
    with django_assert_max_num_queries(15):
        response = client.get(open_round.get_absolute_url(), {"place": "0182", "sort": "supported"})
    assert len(response.context["page"].object_list) == 2


def test_round_page_query_count_does_not_grow_with_the_ideas(
    client, open_round, submit_to, member, django_assert_max_num_queries
):
    for number in range(25):
        submit_to(open_round, member, title=f"Trygghetsvandring nummer {number}")
    with django_assert_max_num_queries(11):  # as above, anonymous: no session, user or viewer
        response = client.get(open_round.get_absolute_url())
    assert len(response.context["page"].object_list) == 20


def test_index_orders_open_then_upcoming_then_closed(client, make_round):
    make_round("Avslutad för länge sedan", opens=-200, closes=-150)
    make_round("Nyss avslutad", opens=-40, closes=-2)
    make_round("Stänger snart", opens=-30, closes=3)
    make_round("Stänger senare", opens=-3, closes=30)
    make_round("Öppnar snart", opens=2, closes=30)
    make_round("Öppnar senare", opens=20, closes=60)
    closed_early = make_round("Stängd i förtid", opens=-15, closes=30)
    Round.objects.filter(pk=closed_early.pk).update(
        closed_at=timezone.now() - timedelta(days=10), closed_by=closed_early.created_by
    )
    response = client.get(reverse("rounds:list"))
    shown = [round_.title for round_ in response.context["page"]]
    assert shown == [
        "Stänger snart",
        "Stänger senare",
        "Öppnar snart",
        "Öppnar senare",
        "Nyss avslutad",
        "Stängd i förtid",  # ended ten days ago, though its last day was to come
        "Avslutad för länge sedan",
    ]
    assert [r.state for r in response.context["page"]] == ["open"] * 2 + ["upcoming"] * 2 + ["closed"] * 3


def test_index_query_count_and_paging(
    client, editor_lan, make_round, submit_to, member, django_assert_max_num_queries
):
    for number in range(12):
        round_ = make_round(f"Insamling {number}", opens=-number - 1, closes=number + 1)
        submit_to(round_, member, title=f"Idé till insamling {number}")
    client.force_login(editor_lan)
    # Session, user and viewer; the count and the page of rounds with their districts and idea counts.
    with django_assert_max_num_queries(5):
        response = client.get(reverse("rounds:list"))
    page = response.context["page"]
    assert (len(page.object_list), page.paginator.num_pages) == (10, 2)
    assert [r.idea_count for r in page] == [1] * 10
    assert "Insamling 0" == page[0].title  # closes soonest
    last = client.get(reverse("rounds:list"), {"page": "2"})
    assert [r.title for r in last.context["page"]] == ["Insamling 10", "Insamling 11"]
    assert client.get(reverse("rounds:list"), {"page": "9" * 30}).status_code == 200


def test_closed_round_shows_what_came_in(client, make_round, submit_to, member, stockholm):
    round_ = make_round("Klimatsmarta kommuner", opens=-30, closes=10)
    submit_to(round_, member, title="Solceller på skolornas tak", places=[stockholm])
    Round.objects.filter(pk=round_.pk).update(closes_on=timezone.localdate() - timedelta(days=1))
    response = client.get(round_.get_absolute_url())
    text = response.content.decode()
    assert "Avslutad" in text and "tar inte emot fler idéer" in text
    assert "Solceller på skolornas tak" in text
    assert response.context["place_counts"] == [("Stockholm", 1)]
    assert reverse("rounds:submit", args=[round_.slug]) not in text


def test_round_feed_is_atom_of_the_round_ideas_newest_first(
    client, open_round, round_bank, django_assert_max_num_queries
):
    # The round; its newest ideas with their authors.
    with django_assert_max_num_queries(2):
        response = client.get(reverse("rounds:feed", args=[open_round.slug]))
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")] == [
        "Trygga skolvägar med fältassistenter",
        "Bättre belysning i gångtunnlarna",
        "Fler fältassistenter i Fisksätra",
    ]
    assert "Trygghet i förorten" in root.findtext(f"{ATOM}title")
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href").endswith(open_round.get_absolute_url())


def test_submit_page_offers_the_open_rounds(client, member, open_round, closed_round, upcoming_round):
    client.force_login(member)
    text = client.get(reverse("proposals:create")).content.decode()
    assert reverse("rounds:submit", args=[open_round.slug]) in text
    assert closed_round.title not in text and upcoming_round.title not in text


def test_submit_page_without_open_rounds_offers_nothing(client, member, closed_round):
    client.force_login(member)
    assert "Pågående idéinsamlingar" not in client.get(reverse("proposals:create")).content.decode()


def test_idea_page_names_its_round(client, open_round, round_bank):
    text = client.get(round_bank["field"].get_absolute_url()).content.decode()
    assert "Inskickad till idéinsamlingen" in text and open_round.get_absolute_url() in text
    assert (
        "Inskickad till idéinsamlingen"
        not in client.get(round_bank["outside"].get_absolute_url()).content.decode()
    )


def test_member_submits_to_the_round_through_its_page(client, member, open_round, idea_data):
    client.force_login(member)
    form = client.get(reverse("rounds:submit", args=[open_round.slug]))
    assert open_round.title in form.content.decode()
    response = client.post(reverse("rounds:submit", args=[open_round.slug]), idea_data, follow=True)
    proposal = Proposal.objects.get()
    assert response.redirect_chain[-1][0] == proposal.get_absolute_url()
    assert "idéinsamlingen ”Trygghet i förorten”" in response.content.decode()
    assert proposal.title in client.get(open_round.get_absolute_url()).content.decode()


def test_round_with_one_place_and_area_prefills_them(client, member, make_round, area, place):
    round_ = make_round("Läxhjälp i Nacka", places=[place], policy_areas=[area])
    client.force_login(member)
    form = client.get(reverse("rounds:submit", args=[round_.slug])).context["form"]
    assert list(form["places"].initial) == [place] and form["policy_area"].initial == area
