"""The published agendas through the API: the list, each agenda's versions, one version's document."""

import pytest

from .conftest import API, get_json


def test_list_shows_the_published_agendas_only(api, bank, django_assert_max_num_queries):
    # The rate limit's count (5, see test_ideas), the count, the page with the districts, the titles
    # of the versions shown.
    with django_assert_max_num_queries(8):
        data = get_json(api, "/agendas")
    assert data["count"] == 2
    adopted, consultation = data["results"]
    assert consultation["id"] == bank.consultation.pk
    assert consultation["state"] == "consultation"
    assert consultation["version"] == bank.consultation.head_number
    assert consultation["consultation_ends_on"] == bank.consultation.consultation_ends_on.isoformat()
    assert consultation["district"] == {"code": "lan", "name": "Stockholms läns partidistrikt"}
    # The city's agenda has a new draft on top of the adopted version: a visitor sees the adopted one.
    assert adopted["id"] == bank.adopted.pk
    assert adopted["state"] == "adopted"
    assert adopted["version"] == bank.adopted.last_adopted_number < bank.adopted.head_number
    assert adopted["title"] == "Stadens reformprogram"
    assert adopted["consultation_ends_on"] is None


def test_versions_stop_at_the_published_one(api, bank, django_assert_max_num_queries):
    # The rate limit's count (5), the agenda, the count, the page with the authors.
    with django_assert_max_num_queries(8):
        data = get_json(api, f"/agendas/{bank.adopted.pk}/versions")
    numbers = [v["number"] for v in data["results"]]
    assert numbers == list(range(bank.adopted.last_adopted_number, 0, -1))
    assert data["results"][0]["message"] == "Berättelsen"
    assert data["results"][0]["author"] == "Sami Stadsredaktör"
    assert data["results"][0]["url"] == f"http://testserver/agenda/{bank.adopted.pk}/versioner/2/"


def test_version_is_the_whole_document_with_its_sources(api, bank, django_assert_max_num_queries):
    number = bank.consultation.head_number
    # The rate limit's count (5), the agenda, the version with its author, its sections, points and their
    # sources (3), the source ideas, the adoption.
    with django_assert_max_num_queries(12):
        data = get_json(api, f"/agendas/{bank.consultation.pk}/versions/{number}")
    assert data["number"] == number and data["agenda_id"] == bank.consultation.pk
    [section] = data["sections"]
    assert (section["title"], section["intro"]) == ("Jämlik skola", "Alla barn.")
    [point] = section["points"]
    assert point["text"] == "Läxhjälp i alla skolor"
    assert point["sources"] == [{"id": bank.school.pk, "title": bank.school.title, "status": "new"}]
    assert data["adoption"] is None


def test_adopted_version_names_the_decision(api, bank):
    data = get_json(api, f"/agendas/{bank.adopted.pk}/versions/{bank.adopted.last_adopted_number}")
    assert data["narrative"] == "Vi bygger."
    assert data["adoption"]["body"] == "congress"
    assert data["adoption"]["minutes_reference"] == "Protokoll 2026-03-14, § 7"


@pytest.mark.parametrize(
    "path",
    [
        "/agendas/{draft}/versions",
        "/agendas/{draft}/versions/1",
        "/agendas/{joint}/versions",
        "/agendas/{adopted}/versions/{next}",  # the new draft on top of the adopted version
        "/agendas/{adopted}/versions/999",
        "/agendas/999999/versions",
    ],
)
def test_what_a_visitor_may_not_read_is_a_404(api, bank, path):
    url = path.format(
        draft=bank.draft.pk,
        joint=bank.joint_draft.pk,
        adopted=bank.adopted.pk,
        next=bank.adopted.head_number,
    )
    response = api.get(API + url)
    assert response.status_code == 404
    assert response.json()["detail"] in {"Reformagendan finns inte.", "Versionen finns inte."}
