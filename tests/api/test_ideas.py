"""The ideas through the API: the list's filters, search, sort and pages, and one idea with its comments."""

import pytest

from proposals import services
from proposals.models import Comment

from .conftest import API, get_json


def titles(data) -> list[str]:
    return [item["title"] for item in data["results"]]


def test_list_shows_every_idea_newest_first_with_its_card(api, bank):
    data = get_json(api, "/ideas")
    assert data["count"] == 3 and data["truncated"] is False
    assert data["next"] is None and data["previous"] is None
    assert titles(data) == [bank.transport.title, bank.housing.title, bank.school.title]
    school = data["results"][2]
    assert school["url"] == f"http://testserver/ideer/{bank.school.pk}/"
    assert school["status"] == "new"
    assert school["policy_area"] == {"slug": "skola-och-utbildning", "name": "Skola och utbildning"}
    assert school["places"] == [{"code": "0182", "name": "Nacka"}]
    assert school["tags"] == [{"name": "läxhjälp", "slug": "läxhjälp"}, {"name": "skola", "slug": "skola"}]
    assert school["support_count"] == 1 and school["comment_count"] == 2


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"place": "0182"}, ["school"]),
        ({"place": "0180"}, ["housing"]),
        ({"district": "stad"}, ["transport", "housing"]),  # the region belongs to both districts
        ({"district": "lan"}, ["transport", "school"]),
        ({"area": "bostader-och-stadsbyggnad"}, ["housing"]),
        ({"tag": "läxhjälp"}, ["school"]),
        ({"tag": "finns-inte"}, []),
        ({"status": "answered"}, ["housing"]),
        ({"has_supports": "true"}, ["school"]),
        ({"sort": "supported"}, ["school", "transport", "housing"]),
        ({"sort": "commented"}, ["school", "transport", "housing"]),
        ({"q": "hyresrätter"}, ["housing"]),
        ({"q": "nattbussar", "district": "lan"}, ["transport"]),
        ({"q": "nattbussar", "place": "0180"}, []),
        ({"q": "och"}, []),  # only a stop word: nothing to search for, not the whole bank
    ],
)
def test_filters_search_and_sort_as_on_the_list_page(api, bank, params, expected):
    ideas = {"school": bank.school, "housing": bank.housing, "transport": bank.transport}
    data = get_json(api, "/ideas", **params)
    assert titles(data) == [ideas[name].title for name in expected]
    assert data["count"] == len(expected)


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"place": "9999"}, "kommun"),
        ({"district": "okand"}, "distrikt"),
        ({"area": "finns-inte"}, "sakområde"),
    ],
)
def test_unknown_filter_value_is_a_400_naming_it(api, bank, params, names):
    response = api.get(f"{API}/ideas", params)
    assert response.status_code == 400
    assert names in response.json()["detail"] and list(params.values())[0] in response.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [
        {"status": "draft"},
        {"sort": "random"},
        {"has_supports": "kanske"},
        {"tag": "två ord"},
        {"q": "x" * 201},
        {"q": "rad\nbrytning"},
        {"page": "första"},
    ],
)
def test_invalid_parameter_is_a_400_with_the_parameter_named(api, bank, params):
    response = api.get(f"{API}/ideas", params)
    assert response.status_code == 400
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", next(iter(params))]


def test_pages_with_links_both_ways(api, bank):
    first = get_json(api, "/ideas", page_size=2)
    assert titles(first) == [bank.transport.title, bank.housing.title]
    assert first["count"] == 3 and first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/ideas?page_size=2&page=2"
    second = api.get(first["next"]).json()
    assert titles(second) == [bank.school.title]
    assert second["next"] is None
    assert second["previous"] == "http://testserver/api/v1/ideas?page_size=2&page=1"


def test_search_pages_too(api, bank, member, make_proposal):
    for number in range(3):
        make_proposal(member, title=f"Cykelbanor längs väg {number}", tags=())
    data = get_json(api, "/ideas", q="cykelbanor", page_size=2, page=2)
    assert data["count"] == 3 and len(data["results"]) == 1
    assert data["previous"].endswith("page=1") and data["next"] is None


def test_detail_shows_the_idea_its_history_and_visible_comments(api, bank, editor_lan):
    hidden = Comment.objects.create(proposal=bank.school, author=editor_lan, body="Ett inlägg som döljs")
    services.comment_hide(comment=hidden, editor=editor_lan, reason="Personangrepp")
    data = get_json(api, f"/ideas/{bank.school.pk}")
    assert data["title"] == bank.school.title
    assert data["author"] == "Maria Medlem"
    assert data["problem"] == bank.school.problem and data["body"] == bank.school.body
    assert data["answer"] == "" and data["derived_from"] is None and data["status_history"] == []
    assert [(c["author"], c["body"]) for c in data["comments"]] == [
        ("Anders Annan", "Bra idé, det behövs."),
        ("Maria Medlem", "Tack! Fler lärare krävs."),
    ]
    assert data["comments"][1]["reply_to"] == data["comments"][0]["id"]


def test_detail_shows_the_boards_answer_and_who_gave_it(api, bank):
    data = get_json(api, f"/ideas/{bank.housing.pk}")
    assert data["status"] == "answered"
    assert data["answer"] == "Styrelsen driver frågan i stadshuset."
    [change] = data["status_history"]
    assert change["status"] == "answered" and change["by"] == "Sami Stadsredaktör"


def test_detail_names_the_idea_it_builds_on(api, bank, other_member, make_proposal):
    derived = make_proposal(other_member, title="Läxhjälp även på loven", derived_from=bank.school)
    data = get_json(api, f"/ideas/{derived.pk}")
    assert data["derived_from"] == {"id": bank.school.pk, "title": bank.school.title}


@pytest.mark.parametrize("pk", ["999999", str(2**63 - 1)])
def test_missing_idea_is_a_404(api, bank, pk):
    response = api.get(f"{API}/ideas/{pk}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Idén finns inte."}


@pytest.mark.parametrize("pk", ["0", str(2**63), "99999999999999999999999"])
def test_id_out_of_range_is_a_400(api, bank, pk):
    assert api.get(f"{API}/ideas/{pk}").status_code == 400


def test_list_queries(api, bank, django_assert_max_num_queries):
    # The rate limit's count (5 for a client's first request in a minute: the conditional update, a
    # savepoint, the insert, its release, the past minutes' rows), the place filter's code, the count of its links, the page, its places, its tags, the places'
    # codes.
    with django_assert_max_num_queries(11):
        data = get_json(api, "/ideas", place="0182", sort="supported")
    assert titles(data) == [bank.school.title]


def test_search_queries(api, bank, django_assert_max_num_queries):
    # The rate limit's count (5); the search: the synonyms and places its words name, the vocabulary (read at
    # most once a second), the bank's last change, the cache lookup, the ranked ids with the facets, storing
    # them (five with the database cache); the page's rows, its places, its tags, the places' codes.
    with django_assert_max_num_queries(19):
        data = get_json(api, "/ideas", q="nacka")
    assert titles(data) == [bank.school.title]


def test_detail_queries(api, bank, django_assert_max_num_queries):
    # The rate limit's count (5), the idea with its author, area and origin, its places, their districts,
    # its tags, the comments with their authors, the status changes with their editors.
    with django_assert_max_num_queries(11):
        data = get_json(api, f"/ideas/{bank.school.pk}")
    assert len(data["comments"]) == 2
