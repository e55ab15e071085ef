"""The practice pages and the tags on the idea and agenda pages: what they show, and their pinned query
counts (which do not grow with the number of ideas, points or implementations)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agenda import services as agenda_services
from agenda.document import document_load
from places.models import District, Place
from practice import selectors, services
from practice.models import Assignment, GoverningPeriod, Implementation
from proposals.models import Proposal


def record(proposal, code, state, recorder, outcome=""):
    return services.implementation_record(
        proposal=proposal,
        place=Place.objects.get(code=code),
        recorded_by=recorder,
        state=state,
        happened_on=date(2026, 3, 1),
        outcome=outcome,
    )


@pytest.fixture
def governing(db):
    GoverningPeriod.objects.create(place=Place.objects.get(code="0182"), starts_on=date(2022, 10, 15))
    GoverningPeriod.objects.create(
        place=Place.objects.get(code="0180"), starts_on=date(2014, 10, 15), ends_on=date(2018, 10, 14)
    )


def ideas_tried(make_proposal, member, editor_lan, count):
    """Ideas of the area tried in a few places each, and one never tried."""
    ideas = [make_proposal(member, title=f"Idé nummer {i:02}") for i in range(count)]
    for i, idea in enumerate(ideas):
        record(idea, "0182", "trial", editor_lan, outcome="Prövas på tre skolor.")
        record(idea, "01", "decided", editor_lan)
        if i % 3 == 0:
            record(idea, "0180", "evaluated", editor_lan)
    make_proposal(member, title="Aldrig prövad")
    return ideas


@pytest.fixture
def many_ideas(make_proposal, member, editor_lan):
    """More than a page of the matrix."""
    return ideas_tried(make_proposal, member, editor_lan, 27)


@pytest.fixture
def few_ideas(make_proposal, member, editor_lan):
    return ideas_tried(make_proposal, member, editor_lan, 6)


def test_matrix_page_shows_ideas_by_place_in_pinned_queries(
    client, many_ideas, governing, area, django_assert_max_num_queries
):
    url = reverse("practice:matrix") + f"?omrade={area.slug}"
    # session-less: area, places, governing periods, page count, the page's ideas, their implementations
    with django_assert_max_num_queries(6):
        response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<tr>") == 1 + 25  # header and a full page of ideas
    assert "Idé nummer 00" in page and "Aldrig prövad" not in page
    # The state as text and symbol, the governing places marked in words too.
    assert "◐</span> Prövas" in page and "✓</span> Utvärderad" in page
    assert 'Nacka</a> <span aria-hidden="true">★</span><span class="visually-hidden">(partiet styr)' in page
    assert "Stockholm</a></th>" in page  # governed once, not now
    second = client.get(url + "&page=2").content.decode()
    assert "Idé nummer 26" in second and "Idé nummer 00" not in second


@pytest.mark.parametrize("query", ["?omrade=finns-inte", "?omrade=%00", "?omrade=" + "x" * 5000])
def test_matrix_with_an_unknown_area_is_400(client, db, query):
    response = client.get(reverse("practice:matrix") + query)
    assert response.status_code == 400


def test_matrix_without_an_area_offers_the_choice(client, area):
    response = client.get(reverse("practice:matrix"))
    assert response.status_code == 200 and area.name in response.content.decode()


def test_place_page_shows_governing_representatives_and_implementations(
    client, few_ideas, governing, rep_nacka, rep_parliament, rep_stockholm, django_assert_max_num_queries
):
    # place, its implementations' count and page (+ideas), governing periods, representatives (+members, places)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("practice:place", args=["0182"]))
    page = response.content.decode()
    assert "Partiet styr" in page and "2022–" in page
    assert "Nora Nackaledamot" in page and "Rut Riksdag" in page and "Stefan Stadshus" not in page
    assert page.count("Prövas på tre skolor.") == 6
    stockholm = client.get(reverse("practice:place", args=["0180"])).content.decode()
    assert "2014–2018" in stockholm and "badge-governing" not in stockholm


def test_overview_counts_tried_reforms_per_place(client, few_ideas, governing, django_assert_max_num_queries):
    # governing periods, places with their counts, policy areas
    with django_assert_max_num_queries(3):
        page = client.get(reverse("practice:overview")).content.decode()
    assert "6 reformer prövade" in page and "2 reformer prövade" in page and "0 reformer prövade" in page


def test_representative_page_lists_what_they_carry_with_its_state(
    client, few_ideas, rep_nacka, django_assert_max_num_queries
):

    office = Assignment.objects.get(member=rep_nacka)
    for idea in few_ideas[:5]:
        services.proposal_carry(proposal=idea, member=rep_nacka, assignment=office)
    # member, offices (+places), carried ideas (+offices, places), their implementations (+places)
    with django_assert_max_num_queries(4):
        page = client.get(reverse("practice:representative", args=[rep_nacka.pk])).content.decode()
    assert page.count("proposal-card") == 5
    assert 'Nacka: <span aria-hidden="true">◐</span> Prövas' in page and "Gruppledare" in page


def test_idea_page_implementations_and_carriers(client, few_ideas, rep_nacka, django_assert_max_num_queries):
    idea = few_ideas[0]
    client.force_login(rep_nacka)
    # session, user, verified email, editor roles, idea (+author, area), places, their districts, tags, comments,
    # has supported, status changes, derived ideas, revisions, agenda trail; then the practice part:
    # implementations (+places, recorders), carryings (+members, offices, places), the viewer's offices, the
    # places they may record in; whether the viewer follows it, its idea round, where it was imported from
    with django_assert_max_num_queries(21):
        page = client.get(idea.get_absolute_url()).content.decode()
    assert "I praktiken" in page and "Region Stockholm" in page and "Registrera läget i" in page
    assert '<option value="0182">Nacka</option>' in page and '<option value="0180">' not in page


def test_agenda_points_show_their_sources_implementations_in_one_query(
    client, few_ideas, editor_lan, member, django_assert_max_num_queries
):
    lan = District.objects.get(code="lan")
    agenda = agenda_services.agenda_create(title="Reformagenda för länet", district=lan, editor=editor_lan)

    def write(document):
        section = document.section_add("Jämlik skola", "Alla barn ska lyckas.")
        for i, idea in enumerate(few_ideas):
            document.point_add(section.key, f"Punkt {i}", [idea.pk])

    agenda_services.agenda_edit(
        agenda=agenda, editor=editor_lan, base_number=1, message="Punkter", change=write
    )
    assert len(document_load(agenda.versions.get(number=2)).sections[0].points) == 6
    client.force_login(editor_lan)
    response = client.get(agenda.get_absolute_url())
    page = response.content.decode()
    assert page.count('class="point-practice"') == 6
    assert 'Nacka</strong>: <span aria-hidden="true">◐</span> Prövas' in page
    with CaptureQueriesContext(connection) as queries:
        client.get(agenda.get_absolute_url())
    practice_queries = [q for q in queries.captured_queries if "practice_implementation" in q["sql"]]
    assert len(practice_queries) == 1


def test_selectors_for_the_list_filters(few_ideas, governing, make_proposal, member, stockholm, editor_lan):
    proposed_only = make_proposal(member, title="Bara motion")
    record(proposed_only, "0182", "proposed", editor_lan)
    tried = set(Proposal.objects.filter(pk__in=selectors.proposal_ids_tried()).values_list("pk", flat=True))
    assert tried == {idea.pk for idea in few_ideas}
    in_stockholm = make_proposal(member, title="Bara i Stockholm", places=[stockholm])
    governed = set(
        Proposal.objects.filter(pk__in=selectors.proposal_ids_in_governing_places()).values_list(
            "pk", flat=True
        )
    )
    assert in_stockholm.pk not in governed and proposed_only.pk in governed
    assert Implementation.objects.count() == 6 * 2 + 2 + 1
