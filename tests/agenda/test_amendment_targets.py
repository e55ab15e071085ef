"""The list of amendments shows what each is about: the reform direction or point it targets and that text as
it is now; a deletion shows what would be struck. The document is loaded once for the whole list."""

import pytest
from django.urls import reverse

from agenda import services

from .conftest import head
from .helpers import add_points, fresh, to_board_proposal, to_consultation


@pytest.fixture
def filed(agenda, editor_lan, section_key, member):
    """On consultation, with amendments of every kind on the school direction and its two points."""
    add_points(agenda, editor_lan, section_key, "Läxhjälp på alla skolor", "Fler speciallärare")
    agenda = to_consultation(agenda, editor_lan)
    first, second = head(agenda).points()

    def make(kind, point_key=None, text=""):
        services.amendment_create(
            agenda=fresh(agenda),
            author=member,
            kind=kind,
            section_key=section_key,
            point_key=point_key,
            text=text,
            motivation=f"Motivering {kind}",
        )

    make("replace", first.key, "Läxhjälp varje skoldag")
    make("delete", second.key)
    make("add", text="Mindre klasser")
    make("replace", text="Alla barn ska lyckas, oavsett bakgrund.")
    make("delete")
    return fresh(agenda)


def articles(html):
    return [part.split("</article>")[0] for part in html.split('class="card amendment"')[1:]]


def test_each_amendment_shows_its_target_and_the_text_now(client, member, filed):
    client.force_login(member)
    replace_point, delete_point, add, replace_intro, delete_section = articles(
        client.get(reverse("agenda:amendments", args=[filed.pk])).content.decode()
    )
    assert "Gäller punkt 1.1 under ”Jämlik skola”" in replace_point
    assert "Texten nu (version 4)" in replace_point and "Läxhjälp på alla skolor" in replace_point
    assert "Föreslagen text" in replace_point and "Läxhjälp varje skoldag" in replace_point

    assert "Gäller punkt 1.2 under ”Jämlik skola”" in delete_point
    assert "Punkten som skulle strykas" in delete_point
    assert "<del>Fler speciallärare</del>" in delete_point

    assert "Gäller reformriktningen ”Jämlik skola”" in add and "Texten nu" not in add
    assert "Gäller reformriktningen ”Jämlik skola”" in replace_intro
    assert "Alla barn ska lyckas.</blockquote>" in replace_intro

    assert "Reformriktningen som skulle strykas, med 2 punkter" in delete_section
    assert "<del>Jämlik skola\n\nAlla barn ska lyckas.</del>" in delete_section


def test_the_text_shown_is_the_current_one_and_a_target_gone_says_so(client, member, editor_lan, filed):
    first, second = head(filed).points()
    for change in (
        lambda document: document.point_set(first.key, "Läxhjälp på alla skolor i länet"),
        lambda document: document.point_remove(second.key),
    ):
        services.agenda_edit(
            agenda=fresh(filed), editor=editor_lan, base_number=None, message="Ändring", change=change
        )
    client.force_login(member)
    replace_point, delete_point, *_ = articles(
        client.get(reverse("agenda:amendments", args=[filed.pk])).content.decode()
    )
    assert "Texten nu (version 6)" in replace_point and "Läxhjälp på alla skolor i länet" in replace_point
    assert "Det yrkandet gäller finns inte längre i agendan." in delete_point
    assert "<del>" not in delete_point


def test_amendments_list_of_a_board_proposal_loads_the_document_once(
    client, member, editor_lan, filed, django_assert_max_num_queries
):
    proposed = to_board_proposal(filed, editor_lan)
    client.force_login(member)
    # session, user, editor roles, agenda, the version shown, its sections, points and sources,
    # amendments with authors and answers
    with django_assert_max_num_queries(9):
        html = client.get(reverse("agenda:amendments", args=[proposed.pk])).content.decode()
    assert len(articles(html)) == 5 and "Gäller punkt 1.1" in html
