"""An editor promotes a selected idea into the agenda from the idea page; the idea page then follows the point
through every version: moved, merged, split or removed, the link to its source idea stays."""

import re

import pytest
from django.urls import reverse

from agenda import services
from agenda.models import VersionPoint

from .conftest import head
from .helpers import add_points, agenda_data, fresh, message_texts, to_consultation


def idea_url(proposal):
    return reverse("proposals:detail", args=[proposal.pk])


def promote(client, proposal, agenda, section_key, text=""):
    return client.post(
        reverse("agenda:promote", args=[proposal.pk]), {"target": f"{agenda.pk}:{section_key}", "text": text}
    )


def edit(agenda, editor, change):
    return services.agenda_edit(
        agenda=fresh(agenda),
        editor=editor,
        base_number=fresh(agenda).head_number,
        message="Ändring",
        change=change,
    )


def trail_html(client, proposal):
    html = client.get(idea_url(proposal)).content.decode()
    return html.split('id="trail-heading"')[1].split("</section>")[0] if 'id="trail-heading"' in html else ""


def test_editor_promotes_a_selected_idea_from_its_page(
    client, editor_lan, agenda, section_key, selected_proposal
):
    client.force_login(editor_lan)
    page = client.get(idea_url(selected_proposal)).content.decode()
    assert "För in i reformagendan" in page
    assert f'value="{agenda.pk}:{section_key}"' in page and "Jämlik skola" in page

    text = "Läxhjälp varje eftermiddag i alla skolor"
    response = promote(client, selected_proposal, agenda, section_key, text)
    assert response.url == idea_url(selected_proposal)
    assert message_texts(response) == ["Idén är införd i ”Reformagenda för länet”."]
    point = next(head(agenda).points())
    assert (point.text, point.source_ids) == (text, [selected_proposal.pk])
    version = fresh(agenda).versions.get(number=3)
    assert (version.author, version.message) == (editor_lan, f"Idén ”{selected_proposal.title}” fördes in")

    trail = trail_html(client, selected_proposal)
    assert "Reformagenda för länet" in trail
    assert "Reformpunkt under ”Jämlik skola” (version 3):" in trail
    assert f'href="{agenda.get_absolute_url()}#punkt-{point.key}"' in trail
    assert "Läxhjälp varje eftermiddag i alla skolor" in trail

    # From the point, its source idea.
    html = client.get(agenda.get_absolute_url()).content.decode()
    link = f'<a href="{idea_url(selected_proposal)}">{selected_proposal.title}</a>'
    assert re.search(rf"Bygger på:\s*{re.escape(link)}", html)


def test_promoted_without_text_the_point_is_the_ideas_title_and_summary(
    client, editor_lan, agenda, section_key, selected_proposal
):
    client.force_login(editor_lan)
    promote(client, selected_proposal, agenda, section_key)
    assert next(head(agenda).points()).text == f"{selected_proposal.title}. {selected_proposal.summary}"


def test_idea_that_is_not_selected_cannot_be_promoted(client, editor_lan, agenda, section_key, proposal):
    client.force_login(editor_lan)
    assert "För in i reformagendan" not in client.get(idea_url(proposal)).content.decode()
    before = agenda_data()
    response = promote(client, proposal, agenda, section_key, "Min egen formulering")
    assert response.status_code == 409
    html = response.content.decode()
    assert "Bara idéer som är utvalda till reformagendan kan föras in i den." in html
    assert "Min egen formulering" in html
    assert agenda_data() == before


@pytest.mark.parametrize("target", ["{pk}:00000000-0000-0000-0000-000000000000", "{pk}", "nonsens"])
def test_promote_needs_a_section_the_editor_may_edit(
    client, editor_lan, agenda, section_key, selected_proposal, target
):
    client.force_login(editor_lan)
    before = agenda_data()
    response = client.post(
        reverse("agenda:promote", args=[selected_proposal.pk]),
        {"target": target.format(pk=agenda.pk), "text": "Texten jag skrev"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Välj en reformriktning i en agenda du redigerar." in html
    assert "Texten jag skrev" in html
    assert agenda_data() == before


def test_promote_returns_to_the_queue_only_within_the_site(
    client, editor_lan, agenda, section_key, selected_proposal
):
    client.force_login(editor_lan)
    response = client.post(
        reverse("agenda:promote", args=[selected_proposal.pk]),
        {"target": f"{agenda.pk}:{section_key}", "next": "https://example.com/"},
    )
    assert response.url == idea_url(selected_proposal)


# --- Following the point -------------------------------------------------------------------------------


@pytest.fixture
def promoted(client, editor_lan, agenda, section_key, selected_proposal):
    """The idea is point 1 of "Jämlik skola" (version 3); the agenda also has "Fler speciallärare" (version 4)
    and a section "Bostäder" (version 5)."""
    client.force_login(editor_lan)
    promote(client, selected_proposal, agenda, section_key, "Läxhjälp")
    add_points(agenda, editor_lan, section_key, "Fler speciallärare")
    edit(agenda, editor_lan, lambda document: document.section_add("Bostäder"))
    return fresh(agenda)


def versions_in_trail(trail):
    """(version, section) of each version the idea was in, as the idea page lists them."""
    return re.findall(r">Version (\d+)</a>:\s*(.*?) – ", trail)


def keys(agenda):
    document = head(agenda)
    school, housing = document.sections[:2]
    return school, housing, school.points[0], school.points[1]


def test_moved_point_keeps_its_source(client, editor_lan, promoted, selected_proposal):
    _school, housing, idea_point, _other = keys(promoted)
    client.post(
        reverse("agenda:point_move", args=[promoted.pk, idea_point.key]),
        {"base_number": 5, "section": str(housing.key)},
    )
    assert head(promoted).sections[1].points[0].source_ids == [selected_proposal.pk]
    trail = trail_html(client, selected_proposal)
    assert "Reformpunkt under ”Bostäder” (version 6):" in trail
    assert "Med i 4 versioner" in trail
    # Every version it was in, and where.
    assert versions_in_trail(trail) == [
        ("3", "Jämlik skola"),
        ("4", "Jämlik skola"),
        ("5", "Jämlik skola"),
        ("6", "Bostäder"),
    ]


def test_reordered_point_keeps_its_source(client, editor_lan, promoted, selected_proposal):
    _school, _housing, idea_point, _other = keys(promoted)
    client.post(
        reverse("agenda:point_move", args=[promoted.pk, idea_point.key]),
        {"base_number": 5, "offset": "1"},
    )
    assert [p.source_ids for p in head(promoted).sections[0].points] == [[], [selected_proposal.pk]]
    assert "Reformpunkt under ”Jämlik skola” (version 6):" in trail_html(client, selected_proposal)


@pytest.mark.parametrize("idea_point_absorbs", [True, False])
def test_merged_point_keeps_the_sources_of_both(
    client, editor_lan, promoted, selected_proposal, make_proposal, member, idea_point_absorbs
):
    other_idea = make_proposal(member, title="Speciallärare i varje skola")
    from proposals import services as proposal_services

    proposal_services.proposal_status_change(proposal=other_idea, editor=editor_lan, status="selected")
    _school, housing, idea_point, other = keys(promoted)
    promote(client, other_idea, promoted, housing.key, "Speciallärare")  # version 6
    other = head(promoted).sections[1].points[0]
    kept, gone = (idea_point, other) if idea_point_absorbs else (other, idea_point)
    response = client.post(
        reverse("agenda:point_merge", args=[promoted.pk, kept.key]),
        {"other": str(gone.key), "text": "Läxhjälp och speciallärare", "message": "Ihop", "base_number": 6},
    )
    assert response.status_code == 302
    merged = next(p for p in head(promoted).points() if p.key == kept.key)
    assert sorted(merged.source_ids) == sorted([selected_proposal.pk, other_idea.pk])
    assert gone.key not in [p.key for p in head(promoted).points()]
    for idea in (selected_proposal, other_idea):
        trail = trail_html(client, idea)
        assert "(version 7):" in trail and "Läxhjälp och speciallärare" in trail
        assert "Finns inte längre" not in trail
    html = client.get(promoted.get_absolute_url()).content.decode()
    assert selected_proposal.title in html and other_idea.title in html


def test_split_point_keeps_the_source_on_both(client, editor_lan, promoted, selected_proposal):
    _school, _housing, idea_point, _other = keys(promoted)
    client.post(
        reverse("agenda:point_split", args=[promoted.pk, idea_point.key]),
        {
            "first": "Läxhjälp efter skolan",
            "second": "Läxhjälp på lovet",
            "message": "Isär",
            "base_number": 5,
        },
    )
    first, second = head(promoted).sections[0].points[:2]
    assert first.key == idea_point.key
    assert first.source_ids == second.source_ids == [selected_proposal.pk]
    trail = trail_html(client, selected_proposal)
    assert trail.count("Reformpunkt under ”Jämlik skola” (version 6):") == 2
    assert "Läxhjälp efter skolan" in trail and "Läxhjälp på lovet" in trail


def test_removed_point_is_shown_as_no_longer_in_the_agenda(client, editor_lan, promoted, selected_proposal):
    _school, _housing, idea_point, _other = keys(promoted)
    client.post(reverse("agenda:point_remove", args=[promoted.pk, idea_point.key]), {"base_number": 5})
    trail = trail_html(client, selected_proposal)
    assert "Finns inte längre i agendan (borttagen i version 6)." in trail
    assert "Reformpunkt under" not in trail
    assert "Med i 3 versioner" in trail
    # The old versions still hold it.
    assert VersionPoint.objects.filter(sources=selected_proposal).count() == 3

    # Restoring an older version brings it back, linked as before.
    client.post(reverse("agenda:restore", args=[promoted.pk, 5]), {"base_number": 6})
    assert "Reformpunkt under ”Jämlik skola” (version 7):" in trail_html(client, selected_proposal)


def test_members_see_the_trail_only_once_the_agenda_is_published(
    client, member, editor_lan, promoted, selected_proposal
):
    client.force_login(member)
    assert trail_html(client, selected_proposal) == ""
    to_consultation(promoted, editor_lan)
    trail = trail_html(client, selected_proposal)
    assert "Reformpunkt under ”Jämlik skola” (version 5):" in trail


def test_after_a_new_draft_members_follow_the_adopted_version(
    client, member, editor_lan, promoted, selected_proposal
):
    """Adopted at version 5; in the new draft the point is removed. Members still see it in the adopted
    version; the editor sees that it was removed."""
    from .helpers import to_adopted, to_board_proposal

    to_adopted(to_board_proposal(promoted, editor_lan), editor_lan)
    services.agenda_new_draft(agenda=fresh(promoted), editor=editor_lan)  # version 6
    _school, _housing, idea_point, _other = keys(promoted)
    edit(promoted, editor_lan, lambda document: document.point_remove(idea_point.key))  # version 7
    assert "Finns inte längre i agendan (borttagen i version 7)." in trail_html(client, selected_proposal)
    client.force_login(member)
    trail = trail_html(client, selected_proposal)
    assert "Reformpunkt under ”Jämlik skola” (version 5):" in trail
    assert "Med i 3 versioner" in trail  # 3, 4 and 5: the draft's version 6 is not shown


def test_idea_in_two_agendas(client, editor_lan, promoted, joint_agenda, selected_proposal):
    edit(joint_agenda, editor_lan, lambda document: document.section_add("Skolan i hela länet"))
    promote(client, selected_proposal, joint_agenda, head(joint_agenda).sections[0].key, "Läxhjälp överallt")
    trail = trail_html(client, selected_proposal)
    assert "Reformagenda för länet" in trail and "Gemensam reformagenda" in trail
    assert "Reformpunkt under ”Skolan i hela länet” (version 3):" in trail


def test_idea_page_query_count(
    client, editor_lan, member, promoted, joint_agenda, selected_proposal, django_assert_max_num_queries
):
    """The trail is one query however many versions and agendas the idea fed."""
    key = head(promoted).sections[0].key
    for i in range(15):
        add_points(promoted, editor_lan, key, f"Punkt {i}")
    edit(joint_agenda, editor_lan, lambda document: document.section_add("Skolan"))
    promote(client, selected_proposal, joint_agenda, head(joint_agenda).sections[0].key, "Läxhjälp")
    to_consultation(promoted, editor_lan)
    # idea (+author, area), places, their districts, tags, comments, agenda trail (points +version, agenda,
    # section), session, user, has supported, verified email, editor roles, status changes, derived ideas,
    # revisions, implementations, carrying representatives, the viewer's elected offices; for an editor also
    # the promote targets (sections of editable agendas) and the places to record an implementation in; and
    # whether the viewer follows it, its idea round, where it was imported from
    with django_assert_max_num_queries(22):
        html = client.get(idea_url(selected_proposal)).content.decode()
    assert "Med i 18 versioner" in html and "Med i 1 version" in html
    client.force_login(member)
    with django_assert_max_num_queries(20):
        html = client.get(idea_url(selected_proposal)).content.decode()
    assert "Med i 18 versioner" in html and "Gemensam reformagenda" not in html
