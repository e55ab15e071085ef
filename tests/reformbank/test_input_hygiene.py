"""Input that is not text a person typed: control characters anywhere are a clear 400, and one-line fields (titles,
tags, names) refuse line breaks and text that only looks filled in. Tags are one per slug, and a member without a
display name is never shown by their email address."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag

from members.models import User
from proposals.models import Comment, Proposal
from proposals.services import comment_create
from tests.conftest import make_user


@pytest.fixture(autouse=True)
def default_language():
    """A request leaves its language active in the thread; don't let English leak into the next test."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def submit(client, member, idea_data, **changes):
    client.force_login(member)
    return client.post(reverse("proposals:create"), {**idea_data, **changes})


# Control characters: one 400 page for every query string, path and form.


@pytest.mark.parametrize(
    "url",
    [
        "/ideer/taggar/?q=%00",
        "/ideer/taggar/?q=a%00",
        "/ideer/?q=skola%00",
        "/ideer/?place=%01",
        "/ideer/forslag/?q=ab%1B",
        "/ideer/?q=%7F",
        "/ideer/?q=%C2%85",  # NEL, a C1 control
        "/ideer/?%00=1",
        "/ideer/%00/",
        "/ideer/%0A/",
    ],
)
def test_control_characters_in_address_are_a_bad_request(client, db, url):
    response = client.get(url)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Felaktig förfrågan" in html
    assert 'class="site-header"' in html  # the site's own layout


def test_control_character_in_admin_filter_is_a_bad_request(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/proposals/proposal/?status__exact=%00").status_code == 400
    assert client.get("/admin/proposals/proposal/?status__exact=new").status_code == 200


def test_tabs_and_line_breaks_in_a_search_are_fine(client, db):
    assert client.get("/ideer/?q=skola%09och%0D%0Afritids").status_code == 200


def test_bad_request_page_is_translated(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/ideer/taggar/?q=%00").content.decode()
    assert '<html lang="en">' in html
    assert "Bad request" in html
    assert "Felaktig förfrågan" not in html


def test_posted_control_character_is_refused_and_nothing_is_written(client, other_member, proposal):
    client.force_login(other_member)
    url = reverse("proposals:comment_create", args=[proposal.pk])
    response = client.post(url, {"body": "Bra idé\x00!"})
    assert response.status_code == 400
    assert "Felaktig förfrågan" in response.content.decode()
    assert not Comment.objects.exists()
    # Line breaks and tabs belong in a comment.
    assert client.post(url, {"body": "Bra idé!\r\n\tTack."}).status_code == 302
    assert Comment.objects.get().body == "Bra idé!\r\n\tTack."


def test_signed_in_member_keeps_the_site_menu_on_the_bad_request_page(client, member):
    client.force_login(member)
    html = client.get("/ideer/?q=%00").content.decode()
    assert "Logga ut" in html


def test_forged_session_cookie_is_no_session(client, db):
    response = client.get("/ideer/", HTTP_COOKIE='sessionid="abcdefghij\\000klmnopqrstuvwxyz"')
    assert response.status_code == 200
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""  # deleted


# One-line fields.


@pytest.mark.parametrize("title", ["\u200b", "\u200b\u200c\u200d", " \u2060 \ufeff ", "\u3164"])
def test_title_of_invisible_characters_is_missing(client, member, idea_data, title):
    response = submit(client, member, idea_data, title=title)
    assert response.status_code == 400
    assert "Detta fält måste fyllas i" in response.content.decode()
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("Fler\ncykelbanor", "Skriv på en rad, utan radbrytningar."),
        ("Fler\r\ncykelbanor", "Skriv på en rad, utan radbrytningar."),
        ("Fler\u2028cykelbanor", "Skriv på en rad, utan radbrytningar."),
        ("Fler\tcykelbanor", "Texten innehåller otillåtna kontrolltecken."),
    ],
)
def test_title_with_line_break_or_control_character_is_refused(client, member, idea_data, title, message):
    response = submit(client, member, idea_data, title=title)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'aria-invalid="true"' in html
    assert not Proposal.objects.exists()


def test_invisible_characters_around_a_title_are_removed(client, member, idea_data):
    submit(client, member, idea_data, title="\ufeff\u200bFler cykelbanor\u200b ")
    assert Proposal.objects.get().title == "Fler cykelbanor"


def test_tags_with_a_line_break_are_refused(client, member, idea_data):
    response = submit(client, member, idea_data, tags="skola\nfritids")
    assert "Skriv på en rad, utan radbrytningar." in response.content.decode()
    assert not Proposal.objects.exists()


# Tags: one tag per slug.


def tag_names(proposal):
    return sorted(proposal.tags.names())


def test_full_width_tag_is_the_ordinary_tag(client, member, idea_data, make_proposal):
    make_proposal(member, tags=["skola"])
    submit(client, member, idea_data, tags="ｓｋｏｌａ")
    assert tag_names(Proposal.objects.latest("pk")) == ["skola"]
    assert list(Tag.objects.values_list("name", flat=True)) == ["skola"]


@pytest.mark.parametrize("typed", ["skola x", "skola-x", "Skola  X", "skola--x", "ｓｋｏｌａ－ｘ"])
def test_tags_with_the_same_slug_are_one_tag(client, member, idea_data, make_proposal, typed):
    make_proposal(member, tags=["skola-x"])
    # With a comma in the field, tags are separated by commas and may hold spaces.
    submit(client, member, idea_data, tags=f"{typed}, cykel")
    assert tag_names(Proposal.objects.latest("pk")) == ["cykel", "skola-x"]
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["cykel", "skola-x"]


def test_tags_typed_twice_in_different_forms_are_one_new_tag(client, member, idea_data):
    submit(client, member, idea_data, tags="skola x, skola-x, ｓｋｏｌａ x")
    assert tag_names(Proposal.objects.get()) == ["skola x"]
    assert Tag.objects.get().slug == "skola-x"


# Public names.


def test_member_without_display_name_is_shown_neutrally(client, make_proposal, other_member):
    nameless = make_user("kalle.karlsson@example.se")
    User.objects.filter(pk=nameless.pk).update(display_name="")
    nameless.refresh_from_db()
    proposal = make_proposal(nameless)
    comment_create(proposal=proposal, author=nameless, body="Jag håller med.")
    html = client.get(proposal.get_absolute_url()).content.decode()
    assert "kalle" not in html.lower()
    assert "Av Medlem" in html
    assert nameless.public_name == str(nameless) == "Medlem"

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(proposal.get_absolute_url()).content.decode()
    assert "kalle" not in html.lower()
    assert "Member" in html


def test_display_name_of_invisible_characters_is_no_name(db):
    user = make_user("osynlig@example.se")
    user.display_name = "\u200b\u3164"
    assert user.public_name == "Medlem"
    user.display_name = " Maria Medlem "
    assert user.public_name == "Maria Medlem"


def test_too_many_form_fields_get_the_same_page(client, member):
    client.force_login(member)
    data = {f"f{i}": "x" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = client.post(reverse("proposals:create"), data)
    assert response.status_code == 400
    assert "Felaktig förfrågan" in response.content.decode()


@pytest.mark.parametrize("title", ["Reformagenda\n2026", "\u200b", "Agenda\u2028x"])
def test_agenda_titles_and_names_are_one_line(client, editor_lan, title):
    from agenda.models import Agenda

    client.force_login(editor_lan)
    response = client.post(reverse("agenda:create"), {"title": title, "district": "joint"})
    assert response.status_code in (200, 400)
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Agenda.objects.exists()
    response = client.post(reverse("members:profile"), {"display_name": title})
    assert 'aria-invalid="true"' in response.content.decode()
    editor_lan.refresh_from_db()
    assert editor_lan.display_name == "Lena Länsredaktör"
