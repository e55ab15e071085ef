"""The idea list's filters "tried in practice somewhere" and "in a municipality the party governs" (the practice
app registers them on the bank's list, proposals.list_filters): on the list, in a search, and on an idea round's
page, kept while paging."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from places.models import Place
from practice import services
from practice.models import GoverningPeriod


def titles(response):
    return {proposal.title for proposal in response.context["page"]}


def test_tried_and_governing_filters_on_the_list_and_in_a_search(client, member, editor_lan, make_proposal):
    nacka, botkyrka = Place.objects.get(code="0182"), Place.objects.get(code="0127")
    tried = make_proposal(member, title="Läxhjälp i Nacka", places=[nacka])
    proposed = make_proposal(member, title="Läxhjälp i Botkyrka", places=[botkyrka])
    make_proposal(member, title="Cykelbanor i Nacka", places=[nacka])
    services.implementation_record(
        proposal=tried, place=nacka, recorded_by=editor_lan, state="trial", happened_on=timezone.localdate()
    )
    services.implementation_record(  # a motion is no trial yet
        proposal=proposed,
        place=botkyrka,
        recorded_by=editor_lan,
        state="proposed",
        happened_on=timezone.localdate(),
    )
    GoverningPeriod.objects.create(place=botkyrka, starts_on=date(2022, 10, 15))

    page = client.get(reverse("proposals:list"))
    assert (
        'name="provad"' in page.content.decode() and "Prövad i praktiken någonstans" in page.content.decode()
    )
    assert titles(client.get(reverse("proposals:list"), {"provad": "on"})) == {"Läxhjälp i Nacka"}
    assert titles(client.get(reverse("proposals:list"), {"styrt": "on"})) == {"Läxhjälp i Botkyrka"}
    assert titles(client.get(reverse("proposals:list"), {"q": "läxhjälp", "provad": "on"})) == {
        "Läxhjälp i Nacka"
    }
    assert titles(client.get(reverse("proposals:list"), {"provad": "on", "styrt": "on"})) == set()
    kept = client.get(reverse("proposals:list"), {"provad": "on", "page": "2"})
    assert kept.context["form"]["provad"].value() is True  # ticked on every page
    assert "provad=on" in kept.content.decode()  # the feed and download links keep it


def test_a_bad_value_is_no_filter_and_no_error(client, member, make_proposal):
    make_proposal(member, title="Läxhjälp i Nacka")
    response = client.get(reverse("proposals:list"), {"provad": "\u00e5\u00e4\u00f6" * 100})
    assert response.status_code == 200  # any value ticks a checkbox, as a browser sends "on"


def test_a_cached_search_sees_a_new_governing_period_at_once(admin_client, client, member, make_proposal):
    """A search filtered by "where the party governs" is cached like any search; marking a municipality in the
    admin makes it a new search, not one that waits for the cache to expire."""
    nacka = Place.objects.get(code="0182")
    make_proposal(member, title="Läxhjälp i Nacka", places=[nacka])
    search = {"q": "läxhjälp", "styrt": "on"}
    assert titles(client.get(reverse("proposals:list"), search)) == set()
    response = admin_client.post(
        reverse("admin:practice_governingperiod_add"),
        {"place": nacka.pk, "starts_on": "2022-10-15", "ends_on": "", "note": ""},
    )
    assert response.status_code == 302
    assert titles(client.get(reverse("proposals:list"), search)) == {"Läxhjälp i Nacka"}
