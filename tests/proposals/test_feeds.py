"""Atom feeds of new ideas: the whole bank, and exactly what the list shows for the same query string."""

import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from django.urls import reverse

from places.models import Place
from proposals import services
from proposals.models import PolicyArea

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


def entries(root):
    return root.findall(f"{ATOM}entry")


def entry_titles(root):
    return [entry.findtext(f"{ATOM}title") for entry in entries(root)]


@pytest.fixture
def bank(member, other_member, make_proposal, place, stockholm):
    housing = PolicyArea.objects.get(slug="bostader-och-stadsbyggnad")
    region = Place.objects.get(code="01")
    return {
        "nacka": make_proposal(member, title="Läxhjälp i Nacka", places=[place], tags=["läxhjälp"]),
        "stockholm": make_proposal(
            member,
            title="Hyresrätter i Stockholm",
            places=[stockholm],
            policy_area=housing,
            tags=["hyresrätter"],
            summary="Bygg fler <b>hyresrätter</b> & sänk hyran.",
        ),
        "region": make_proposal(other_member, title="Billigare SL-kort", places=[region], tags=["sl"]),
    }


def test_feed_of_the_whole_bank_is_atom_newest_first(client, bank, django_assert_max_num_queries):
    # Filter options: places, districts, areas; the ideas with their authors.
    with django_assert_max_num_queries(4):
        root = parse(client.get(reverse("proposals:feed")))
    assert entry_titles(root) == ["Billigare SL-kort", "Hyresrätter i Stockholm", "Läxhjälp i Nacka"]
    first = entries(root)[0]
    link = first.find(f"{ATOM}link").get("href")
    assert link == f"http://testserver{bank['region'].get_absolute_url()}"
    assert first.findtext(f"{ATOM}id")
    assert first.findtext(f"{ATOM}author/{ATOM}name") == "Anders Annan"
    assert first.findtext(f"{ATOM}published") or first.findtext(f"{ATOM}updated")
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == "http://testserver/ideer/"


def test_feed_never_shows_emails(client, bank):
    content = client.get(reverse("proposals:feed")).content.decode()
    assert "@example.se" not in content


def test_summary_is_escaped_text(client, bank):
    root = parse(client.get(reverse("proposals:feed"), {"place": "0180"}))
    summary = entries(root)[0].findtext(f"{ATOM}summary")
    # Unescaped once by the XML parser, the HTML a reader renders still shows the member's markup as text.
    assert "<b>" not in summary
    assert "&lt;b&gt;hyresrätter&lt;/b&gt; &amp; sänk" in summary


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"place": "0182"}, ["Läxhjälp i Nacka"]),
        ({"district": "stad"}, ["Billigare SL-kort", "Hyresrätter i Stockholm"]),
        ({"area": "bostader-och-stadsbyggnad"}, ["Hyresrätter i Stockholm"]),
        ({"tag": "sl"}, ["Billigare SL-kort"]),
        ({"place": "0182", "q": "läxhjälp"}, ["Läxhjälp i Nacka"]),
        ({"q": "hyresrätter"}, ["Hyresrätter i Stockholm"]),
        ({"place": "9999", "area": "nope", "tag": "??", "sort": "x", "page": "z"}, None),
        ({"q": "och"}, []),
    ],
)
def test_feed_filters_like_the_list(client, bank, params, expected):
    root = parse(client.get(reverse("proposals:feed"), params))
    if expected is None:  # unknown filters drop, as on the list
        expected = ["Billigare SL-kort", "Hyresrätter i Stockholm", "Läxhjälp i Nacka"]
    assert entry_titles(root) == expected


def test_search_feed_query_count(client, bank, django_assert_max_num_queries):
    # Filter options: places, districts, areas; the synonyms and places the words name; the bank's last
    # change, the cached entry, the search, storing it (count, savepoint, read, write, release); the rows with
    # authors.
    with django_assert_max_num_queries(13):
        root = parse(client.get(reverse("proposals:feed"), {"q": "läxhjälp", "place": "0182"}))
    assert entry_titles(root) == ["Läxhjälp i Nacka"]
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link.startswith("http://testserver/ideer/flode/?")
    assert "place=0182" in self_link


def test_feed_has_at_most_30_items(client, member, make_proposal, django_assert_max_num_queries):
    for number in range(32):
        make_proposal(member, title=f"Idé {number}", tags=())
    with django_assert_max_num_queries(4):
        root = parse(client.get(reverse("proposals:feed")))
    assert len(entries(root)) == 30
    assert entry_titles(root)[0] == "Idé 31"


@pytest.mark.parametrize(
    "params", [{"q": "x" * 500}, {"author": "-1"}, {"status": "🙂"}, {"q": "'\"<&>)(!|"}]
)
def test_bad_input_is_no_error(client, bank, params):
    parse(client.get(reverse("proposals:feed"), params))


def test_list_page_links_its_filtered_feed(client, bank):
    response = client.get(reverse("proposals:list"), {"place": "0182", "q": "läxhjälp", "page": "2"})
    html = response.content.decode()
    assert 'rel="alternate" type="application/atom+xml"' in html
    assert "/ideer/flode/?place=0182&amp;q=l%C3%A4xhj%C3%A4lp" in html or (
        "/ideer/flode/?q=l%C3%A4xhj%C3%A4lp&amp;place=0182" in html
    )
    assert "page=2" not in html.split('type="application/atom+xml"')[1].split(">")[0]


def test_home_page_links_the_bank_feed(client, bank):
    html = client.get(reverse("home")).content.decode()
    assert (
        f'type="application/atom+xml" title="Nya idéer i Reformbanken (Atom)" href="{reverse("proposals:feed")}"'
        in html
    )


# --- Titles naming the selection ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "selection"),
    [
        ({"place": "0182"}, "Nya idéer i Nacka"),
        ({"district": "stad"}, "Nya idéer i Stockholms stads partidistrikt"),
        ({"area": "bostader-och-stadsbyggnad"}, "Nya idéer inom sakområdet Bostäder och stadsbyggnad"),
        ({"tag": "läxhjälp"}, "Nya idéer med taggen läxhjälp"),
        ({"q": "hyresrätter"}, "Nya idéer som matchar ”hyresrätter”"),
        (
            {
                "place": "0180",
                "area": "bostader-och-stadsbyggnad",
                "status": "new",
                "supported": "on",
                "q": "hyra",
            },
            "Nya idéer i Stockholm inom sakområdet Bostäder och stadsbyggnad med status ”Ny” med stöd"
            " som matchar ”hyra”",
        ),
        ({"place": "9999", "sort": "supported", "page": "3"}, None),  # nothing valid to name
    ],
)
def test_feed_and_its_link_name_the_selection(client, bank, params, selection):
    root = parse(client.get(reverse("proposals:feed"), params))
    html = client.get(reverse("proposals:list"), params).content.decode()
    if selection is None:
        assert root.findtext(f"{ATOM}title") == "Nya idéer i Reformbanken"
        assert 'type="application/atom+xml" title="Nya idéer i Reformbanken (Atom)"' in html
        return
    assert root.findtext(f"{ATOM}title") == f"{selection} – Reformbanken"
    assert f'type="application/atom+xml" title="{selection} (Atom)"' in html


def test_feed_link_title_follows_the_readers_language(client, bank):
    html = client.get(
        reverse("proposals:list"), {"area": "bostader-och-stadsbyggnad"}, headers={"accept-language": "en"}
    )
    assert (
        "Housing and urban development" in html.content.decode().split('type="application/atom+xml"')[1][:200]
    )


def test_tag_link_of_a_card_leads_to_a_page_with_the_tags_feed(client, bank):
    html = client.get(reverse("proposals:list")).content.decode()
    assert 'href="/ideer/?tag=sl"' in html
    tagged = client.get("/ideer/?tag=sl").content.decode()
    assert 'title="Nya idéer med taggen sl (Atom)" href="/ideer/flode/?tag=sl"' in tagged


# --- Conditional GET ------------------------------------------------------------------------------------


def test_unchanged_feed_answers_304(client, bank, django_assert_max_num_queries):
    first = client.get(reverse("proposals:feed"), {"place": "0182"})
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and modified.endswith("GMT")
    # Filter options: places, districts, areas; the ideas with their authors (the feed is built to hash it).
    with django_assert_max_num_queries(4):
        again = client.get(reverse("proposals:feed"), {"place": "0182"}, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    since = client.get(reverse("proposals:feed"), {"place": "0182"}, headers={"if-modified-since": modified})
    assert since.status_code == 304
    other = client.get(reverse("proposals:feed"), {"place": "0180"}, headers={"if-none-match": etag})
    assert other.status_code == 200  # another selection, another feed


def test_new_or_edited_idea_changes_the_feed(client, bank, member, make_proposal, area, place):
    etag = client.get(reverse("proposals:feed"))["ETag"]
    nacka = bank["nacka"]
    services.proposal_update(
        proposal=nacka,
        editor=member,
        title="Läxhjälp i hela Nacka",
        summary=nacka.summary,
        body=nacka.body,
        problem=nacka.problem,
        places=[place],
        policy_area=area,
        tags=["läxhjälp"],
    )
    edited = client.get(reverse("proposals:feed"), headers={"if-none-match": etag})
    assert edited.status_code == 200
    assert "Läxhjälp i hela Nacka" in entry_titles(parse(edited))
    entry = next(e for e in entries(parse(edited)) if e.findtext(f"{ATOM}title") == "Läxhjälp i hela Nacka")
    updated, published = (
        datetime.fromisoformat(entry.findtext(f"{ATOM}{name}")) for name in ("updated", "published")
    )
    assert updated > published  # an edit is news to a reader, and moves the feed's Last-Modified
    make_proposal(member, title="Ännu en idé")
    newer = client.get(reverse("proposals:feed"), headers={"if-none-match": edited["ETag"]})
    assert newer.status_code == 200
    assert entry_titles(parse(newer))[0] == "Ännu en idé"


def test_empty_feed_keeps_its_etag(client, bank):
    params = {"tag": "finns-inte"}
    first = client.get(reverse("proposals:feed"), params)
    assert entries(parse(first)) == []
    again = client.get(reverse("proposals:feed"), params, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert first["Last-Modified"] == "Thu, 01 Jan 1970 00:00:00 GMT"


def test_typed_selection_is_escaped_in_the_link_title(client, bank):
    html = client.get(reverse("proposals:list"), {"q": '"><script>x</script>'}).content.decode()
    link = html.split('type="application/atom+xml"')[1].split(">")[0]
    assert "<script>" not in html.split("<body")[0]
    assert "&quot;&gt;&lt;script&gt;" in link
