"""The lists the ideas' filters take their values from: places, districts, policy areas, tags."""

from .conftest import API, get_json


def test_places_are_the_county_with_their_districts(api, db, django_assert_max_num_queries):
    # The rate limit's count (5, see test_ideas), the places, their districts.
    with django_assert_max_num_queries(7):
        places = get_json(api, "/places")
    assert places[0] == {
        "code": "01",
        "name": "Region Stockholm",
        "kind": "region",
        "is_active": True,
        "districts": ["lan", "stad"],
    }
    assert {
        "code": "0180",
        "name": "Stockholm",
        "kind": "municipality",
        "is_active": True,
        "districts": ["stad"],
    } in places
    assert len(places) == 27  # 26 municipalities and the region


def test_districts(api, db, django_assert_max_num_queries):
    # The rate limit's count (5), the districts.
    with django_assert_max_num_queries(6):
        districts = get_json(api, "/districts")
    assert [d["code"] for d in districts] == ["lan", "stad"]
    assert districts[0]["name"] == "Stockholms läns partidistrikt"
    assert all(d["name"] and d["name_en"] for d in districts)


def test_policy_areas_with_their_english_names(api, db, django_assert_max_num_queries):
    # The rate limit's count (5), the areas.
    with django_assert_max_num_queries(6):
        areas = get_json(api, "/policy-areas")
    school = next(a for a in areas if a["slug"] == "skola-och-utbildning")
    assert school["name"] == "Skola och utbildning" and school["name_en"] and school["is_active"] is True


def test_tags_with_their_idea_counts_alphabetically(api, bank, django_assert_max_num_queries):
    # The rate limit's count (5), the count, the page (the content type is cached).
    with django_assert_max_num_queries(7):
        data = get_json(api, "/tags")
    assert data["results"] == [
        {"name": "hyresrätt", "slug": "hyresrätt", "ideas": 1},
        {"name": "läxhjälp", "slug": "läxhjälp", "ideas": 1},
        {"name": "skola", "slug": "skola", "ideas": 1},
    ]
    assert data["count"] == 3


def test_tags_page(api, bank):
    data = get_json(api, "/tags", page_size=2, page=2)
    assert [t["name"] for t in data["results"]] == ["skola"]
    assert data["next"] is None and data["previous"] == f"http://testserver{API}/tags?page_size=2&page=1"
