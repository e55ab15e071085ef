"""The Atom feed of an agenda's versions: only what an anonymous visitor may read, in Swedish."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from agenda import services

from .helpers import add_points, fresh, to_adopted, to_board_proposal, to_consultation

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_url(agenda):
    return reverse("agenda:feed", args=[agenda.pk])


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


def entry_titles(root):
    return [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]


@pytest.fixture
def published(agenda, editor_lan, section_key):
    """The county agenda on consultation: versions 1 (created), 2 (a direction) and 3 (a point)."""
    add_points(agenda, editor_lan, section_key, "Läxhjälp <på> alla skolor")
    return to_consultation(agenda, editor_lan)


def test_feed_lists_the_published_versions(client, published, django_assert_max_num_queries):
    # The agenda; its versions with their authors.
    with django_assert_max_num_queries(2):
        root = parse(client.get(feed_url(published)))
    assert entry_titles(root) == [
        "Version 3: Punkt: Läxhjälp <på> alla skolor",
        "Version 2: Första riktningen",
        "Version 1: Ny reformagenda",
    ]
    newest = root.find(f"{ATOM}entry")
    assert newest.find(f"{ATOM}link").get("href") == f"http://testserver/agenda/{published.pk}/versioner/3/"
    assert newest.findtext(f"{ATOM}author/{ATOM}name") == "Lena Länsredaktör"
    assert newest.findtext(f"{ATOM}id")
    assert "&lt;på&gt;" in newest.findtext(f"{ATOM}summary")
    assert "@example.se" not in client.get(feed_url(published)).content.decode()


def test_change_messages_are_in_swedish_whatever_the_language(client, published):
    client.cookies["django_language"] = "en"
    response = client.get(feed_url(published), headers={"accept-language": "en"})
    assert "Version 1: Ny reformagenda" in entry_titles(parse(response))
    history = client.get(reverse("agenda:history", args=[published.pk]), headers={"accept-language": "en"})
    assert "New reform agenda" in history.content.decode()  # the pages do follow the reader's language


@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_draft_only_agenda_has_no_feed(client, agenda, editor_lan, role):
    if role == "editor":
        client.force_login(editor_lan)
    assert client.get(feed_url(agenda)).status_code == 404


def test_unknown_agenda_has_no_feed(client, db):
    assert client.get(reverse("agenda:feed", args=[987654])).status_code == 404


def test_new_draft_after_adoption_stays_out_of_the_feed(client, published, editor_lan, section_key):
    adopted = to_adopted(to_board_proposal(published, editor_lan), editor_lan)
    services.agenda_new_draft(agenda=adopted, editor=editor_lan)
    draft = add_points(fresh(adopted), editor_lan, section_key, "Hemlig utkastpunkt")
    assert draft.head_number > draft.last_adopted_number
    client.force_login(editor_lan)  # even an editor gets the anonymous view
    root = parse(client.get(feed_url(draft)))
    titles = entry_titles(root)
    assert titles[0] == f"Version {draft.last_adopted_number}: Punkt: Läxhjälp <på> alla skolor"
    assert not any("Hemlig" in title or "Nytt utkast" in title for title in titles)


def test_agenda_page_links_its_feed(client, published):
    html = client.get(reverse("agenda:detail", args=[published.pk])).content.decode()
    assert (
        f'type="application/atom+xml" title="Versioner av Reformagenda för länet (Atom)" href="{feed_url(published)}"'
        in html
    )


def test_draft_page_links_no_feed(client, agenda, editor_lan):
    client.force_login(editor_lan)
    html = client.get(reverse("agenda:detail", args=[agenda.pk])).content.decode()
    assert "application/atom+xml" not in html


def test_unchanged_agenda_feed_answers_304_until_a_new_version(
    client, published, editor_lan, section_key, django_assert_max_num_queries
):
    first = client.get(feed_url(published))
    etag, modified = first["ETag"], first["Last-Modified"]
    # The agenda; its versions with their authors (the feed is built to hash it).
    with django_assert_max_num_queries(2):
        again = client.get(feed_url(published), headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert client.get(feed_url(published), headers={"if-modified-since": modified}).status_code == 304
    add_points(fresh(published), editor_lan, section_key, "Fler bibliotek")
    newer = client.get(feed_url(published), headers={"if-none-match": etag, "if-modified-since": modified})
    assert newer.status_code == 200
    assert entry_titles(parse(newer))[0] == "Version 4: Punkt: Fler bibliotek"
    assert newer["ETag"] != etag
