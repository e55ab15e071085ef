"""Property-based, as tests/reformbank/test_fuzz.py: whatever arrives in the round page's query string or a round's
forms, the answer is never a server error, and a refused write leaves every row as it was."""

import pytest
from django.urls import reverse

from places.models import District, Place
from proposals.models import PolicyArea, Proposal
from rounds.models import Round, RoundIdea
from tests.reformbank.test_fuzz import assert_no_server_error, fuzz_form, submission_keys


@pytest.fixture
def choices(db):
    return {
        "place": list(Place.objects.values_list("code", flat=True)[:5]),
        "place_pk": [str(pk) for pk in Place.objects.values_list("pk", flat=True)[:5]],
        "district": list(District.objects.values_list("code", flat=True)),
        "area": list(PolicyArea.objects.values_list("slug", flat=True)),
        "area_pk": [str(pk) for pk in PolicyArea.objects.values_list("pk", flat=True)],
        "status": list(Proposal.Status.values),
        "sort": ["", "newest", "supported", "commented", "active"],
    }


def round_rows() -> dict:
    return {
        "rounds": sorted(Round.objects.values_list("pk", "title", "description", "opens_on", "closes_on")),
        "places": Round.places.through.objects.count(),
        "areas": Round.policy_areas.through.objects.count(),
        "ideas": RoundIdea.objects.count(),
        "proposals": Proposal.objects.count(),
    }


def check_post(client, url, data):
    """No server error, and unless it redirects (a saved form), nothing written."""
    before = round_rows()
    response = client.post(url, data)
    assert_no_server_error(response)
    if response.status_code != 302:
        assert round_rows() == before
    return response


def round_fields(choices):
    return {
        "title": ["Trygghet i förorten", "Klimatsmarta kommuner"],
        "description": ["Idéer om trygghet."],
        "opens_on": ["2026-01-01", "2026-12-01"],
        "closes_on": ["2099-12-31", "2027-01-31"],
        "places": choices["place_pk"],
        "policy_areas": [str(pk) for pk in PolicyArea.objects.values_list("pk", flat=True)[:4]],
    }


def test_round_page_never_fails(client, open_round, choices):
    @fuzz_form(
        {
            "q": ["", "läxhjälp", "trygghet OR fritids", "-skola"],
            "place": ["", *choices["place"]],
            "district": ["", *choices["district"]],
            "area": ["", *choices["area"]],
            "status": ["", *choices["status"]],
            "sort": choices["sort"],
            "page": ["1", "2", "last"],
        }
    )
    def check(params):
        assert_no_server_error(client.get(open_round.get_absolute_url(), params))

    check()


def test_create_form_never_fails(client, editor_lan, choices):
    client.force_login(editor_lan)
    district = str(District.objects.get(code="lan").pk)

    @fuzz_form(
        {**round_fields(choices), "district": [district, "joint"], "submission_key": submission_keys},
        many={"places", "policy_areas"},
    )
    def check(data):
        check_post(client, reverse("rounds:create"), data)

    check()


def test_edit_form_never_fails(client, editor_lan, open_round, choices):
    client.force_login(editor_lan)

    @fuzz_form(round_fields(choices), many={"places", "policy_areas"})
    def check(data):
        check_post(client, reverse("rounds:edit", args=[open_round.slug]), data)

    check()


def test_round_submit_form_never_fails(client, member, open_round, choices):
    client.force_login(member)

    @fuzz_form(
        {
            "title": ["Fler fältassistenter"],
            "summary": ["Vuxna ute på kvällarna."],
            "problem": ["Unga är otrygga."],
            "body": ["Anställ fältassistenter."],
            "places": choices["place_pk"],
            "policy_area": choices["area_pk"],
            "tags": ["", "trygghet"],
            "submission_key": submission_keys,
        },
        many={"places"},
    )
    def check(data):
        response = check_post(client, reverse("rounds:submit", args=[open_round.slug]), data)
        if response.status_code == 302:
            assert RoundIdea.objects.filter(round=open_round).exists()

    check()
