"""The API as HTTP: ETags and 304, page bounds, refused input, read-only methods, the rate limit."""

import time

import pytest
from django.contrib.contenttypes.models import ContentType
from taggit.models import Tag, TaggedItem

from api.models import RateWindow
from proposals.models import Proposal
from tests.parallel import client_for, parallel

from .conftest import API, get_json


def test_etag_answers_304_until_the_data_changes(api, bank, member):
    first = api.get(f"{API}/ideas/{bank.school.pk}")
    etag = first["ETag"]
    assert etag.startswith('"') and first["Cache-Control"] == "public, max-age=60"
    again = api.get(f"{API}/ideas/{bank.school.pk}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    bank.school.comments.create(author=member, body="En ny kommentar")
    changed = api.get(f"{API}/ideas/{bank.school.pk}", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "En ny kommentar" in changed.content.decode()


def test_errors_carry_no_etag(api, bank):
    response = api.get(f"{API}/ideas/999999")
    assert response.status_code == 404 and not response.has_header("ETag")


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"page": "0"}, 400),
        ({"page": "-1"}, 400),
        ({"page": "1001"}, 400),
        ({"page": "9" * 30}, 400),
        ({"page_size": "0"}, 400),
        ({"page_size": "101"}, 400),
        ({"page": "2"}, 404),  # past the last page of three ideas
        ({"page": "11", "page_size": "100"}, 404),  # deeper than the 1,000 ideas the list pages through
    ],
)
def test_page_bounds(api, bank, params, status):
    response = api.get(f"{API}/ideas", params)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")


def test_a_long_list_pages_only_as_deep_as_the_site(api, bank):
    tags = Tag.objects.bulk_create(Tag(name=f"tagg {n:04}", slug=f"tagg-{n:04}") for n in range(1000))
    kind = ContentType.objects.get_for_model(Proposal)
    TaggedItem.objects.bulk_create(
        TaggedItem(tag=t, content_type=kind, object_id=bank.school.pk) for t in tags
    )
    last = get_json(api, "/tags", page_size=100, page=10)
    assert last["count"] == 1003 and last["truncated"] is True
    assert last["next"] is None and len(last["results"]) == 100
    assert api.get(f"{API}/tags", {"page_size": 100, "page": 11}).status_code == 404


@pytest.mark.parametrize("query", ["q=skola%00", "q=%1b%5b31m", "tag=%7f"])
def test_control_characters_are_a_400(api, bank, query):
    assert api.get(f"{API}/ideas?{query}").status_code == 400


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_nothing_but_get(api, bank, method):
    response = getattr(api, method)(f"{API}/ideas/{bank.school.pk}")
    assert response.status_code == 405
    assert get_json(api, f"/ideas/{bank.school.pk}")["title"] == bank.school.title


@pytest.fixture
def fresh_minute():
    """Counts start again each minute of the clock: a test of the limit does not start in its last seconds."""
    left = 60 - time.time() % 60
    if left < 5:
        time.sleep(left + 0.1)


def test_rate_limit_per_client_address(api, db, settings, fresh_minute):
    settings.API_RATE_LIMIT = 3
    statuses = [api.get(f"{API}/districts").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = api.get(f"{API}/districts")
    assert refused.status_code == 429
    seconds = int(refused["Retry-After"])
    assert 1 <= seconds <= 60
    assert refused.json() == {"detail": f"För många anrop. Försök igen om {seconds} sekunder."}
    # Another client has its own count.
    assert api.get(f"{API}/districts", REMOTE_ADDR="203.0.113.9").status_code == 200


def test_rate_limit_believes_forwarded_for_only_from_trusted_proxies(api, db, settings, fresh_minute):
    settings.API_RATE_LIMIT = 1
    # Untrusted: the header is the client's own writing, so every request counts for 127.0.0.1.
    settings.TRUSTED_PROXIES = []
    forged = [
        api.get(f"{API}/districts", headers={"X-Forwarded-For": f"198.51.100.{n}"}).status_code
        for n in range(2)
    ]
    assert forged == [200, 429]
    # Behind a trusted proxy each forwarded client counts on its own.
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    RateWindow.objects.all().delete()
    clients = [
        api.get(f"{API}/districts", headers={"X-Forwarded-For": f"198.51.100.{n}"}).status_code
        for n in range(2)
    ]
    assert clients == [200, 200]
    assert api.get(f"{API}/districts", headers={"X-Forwarded-For": "198.51.100.0"}).status_code == 429


def test_the_schema_is_published_and_lists_the_filters_values(api, db):
    schema = get_json(api, "/openapi.json")
    assert schema["openapi"].startswith("3.") and schema["info"]["title"] == "Reformbanken API"
    parameters = {p["name"]: p["schema"] for p in schema["paths"][f"{API}/ideas"]["get"]["parameters"]}
    assert "0182" in parameters["place"]["enum"] and parameters["district"]["enum"] == ["lan", "stad"]
    assert "null" not in str(parameters["status"])


def test_documentation_page_lists_every_route_in_swedish(client, db):
    response = client.get(f"{API}/docs")
    assert response.status_code == 200
    page = response.content.decode()
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    for path in paths:
        assert f"<code>{path.removeprefix(API)}</code>" in page
    assert "Varje klientadress får göra 120 anrop per minut." in page
    assert f'href="{API}/openapi.json"' in page


@pytest.mark.django_db(transaction=True)
def test_rate_limit_holds_under_parallel_requests(settings, fresh_minute):
    """Requests at the same moment, each on its own connection: exactly the limit's number get through."""
    settings.API_RATE_LIMIT = 3
    statuses = parallel([lambda: client_for().get(f"{API}/districts").status_code for _ in range(8)])
    assert sorted(statuses) == [200, 200, 200, 429, 429, 429, 429, 429]
    assert client_for().get(f"{API}/districts").status_code == 429
    assert RateWindow.objects.get().count == 3
