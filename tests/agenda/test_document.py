"""Editors build the agenda: narrative, reform directions, points; every save is a new immutable version."""

from django.urls import reverse

from agenda.models import Agenda, AgendaVersion

from .conftest import head


def test_editor_creates_agenda(client, editor_lan, lan):
    client.force_login(editor_lan)
    response = client.post(reverse("agenda:create"), {"title": "Valet 2026", "district": lan.pk})
    agenda = Agenda.objects.get()
    assert response.url == agenda.get_absolute_url()
    assert (agenda.district, agenda.head_number, agenda.state) == (lan, 1, "draft")


def test_editor_creates_joint_agenda(client, editor_stad):
    client.force_login(editor_stad)
    client.post(reverse("agenda:create"), {"title": "Gemensam", "district": "joint"})
    assert Agenda.objects.get().is_joint


def test_narrative_edit_creates_version(client, editor_lan, agenda):
    client.force_login(editor_lan)
    url = reverse("agenda:narrative", args=[agenda.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"title": "Ny titel", "narrative": "Vi vill **mer**.", "message": "Berättelse", "base_number": 2}
    )
    assert response.status_code == 302
    version = AgendaVersion.objects.get(agenda=agenda, number=3)
    assert (version.title, version.narrative, version.message, version.author) == (
        "Ny titel",
        "Vi vill **mer**.",
        "Berättelse",
        editor_lan,
    )
    # The older versions are untouched.
    assert AgendaVersion.objects.get(agenda=agenda, number=2).narrative == ""
    assert "<strong>mer</strong>" in client.get(agenda.get_absolute_url()).content.decode()


def test_missing_message_is_explained_and_text_kept(client, editor_lan, agenda):
    client.force_login(editor_lan)
    response = client.post(
        reverse("agenda:narrative", args=[agenda.pk]),
        {"title": "Titel", "narrative": "Min långa text", "message": "", "base_number": 2},
    )
    assert response.status_code == 400
    assert "Min långa text" in response.content.decode()
    assert Agenda.objects.get(pk=agenda.pk).head_number == 2


def test_points_added_edited_moved_merged_split_and_removed(client, editor_lan, agenda, section_key):
    client.force_login(editor_lan)
    add = reverse("agenda:point_add", args=[agenda.pk]) + f"?avsnitt={section_key}"
    client.post(add, {"text": "Läxhjälp på alla skolor", "message": "Punkt 1", "base_number": 2})
    client.post(add, {"text": "Fler speciallärare", "message": "Punkt 2", "base_number": 3})
    client.post(
        reverse("agenda:section_add", args=[agenda.pk]),
        {"title": "Bostäder", "intro": "", "message": "Ny riktning", "base_number": 4},
    )
    document = head(agenda)
    first, second = document.sections[0].points
    housing = document.sections[1]

    client.post(
        reverse("agenda:point_edit", args=[agenda.pk, first.key]),
        {"text": "Läxhjälp varje dag", "message": "Skärpt", "base_number": 5},
    )
    client.post(
        reverse("agenda:point_move", args=[agenda.pk, second.key]),
        {"base_number": 6, "offset": "-1"},
    )
    assert [p.text for p in head(agenda).sections[0].points] == ["Fler speciallärare", "Läxhjälp varje dag"]
    client.post(
        reverse("agenda:point_move", args=[agenda.pk, second.key]),
        {"base_number": 7, "section": str(housing.key)},
    )
    assert [p.key for p in head(agenda).sections[1].points] == [second.key]
    client.post(
        reverse("agenda:point_merge", args=[agenda.pk, first.key]),
        {"other": str(second.key), "text": "Läxhjälp och speciallärare", "message": "Ihop", "base_number": 8},
    )
    document = head(agenda)
    assert [p.text for p in document.points()] == ["Läxhjälp och speciallärare"]
    assert next(document.points()).key == first.key
    client.post(
        reverse("agenda:point_split", args=[agenda.pk, first.key]),
        {"first": "Läxhjälp", "second": "Speciallärare", "message": "Isär", "base_number": 9},
    )
    assert [p.text for p in head(agenda).points()] == ["Läxhjälp", "Speciallärare"]
    client.post(reverse("agenda:section_remove", args=[agenda.pk, housing.key]), {"base_number": 10})
    assert [s.title for s in head(agenda).sections] == ["Jämlik skola"]
    assert Agenda.objects.get(pk=agenda.pk).head_number == 11
    assert AgendaVersion.objects.filter(agenda=agenda).count() == 11


def test_a_points_markdown_is_rendered_on_the_agenda_page_and_its_html_is_not(
    client, editor_lan, agenda, section_key
):
    client.force_login(editor_lan)
    add = reverse("agenda:point_add", args=[agenda.pk]) + f"?avsnitt={section_key}"
    text = "**Läxhjälp** på [alla skolor](https://example.se/skolor)\n\n<script>alert(1)</script>"
    client.post(add, {"text": text, "message": "Punkt med länk", "base_number": 2})
    html = client.get(reverse("agenda:detail", args=[agenda.pk])).content.decode()
    assert "<strong>Läxhjälp</strong>" in html
    assert (
        '<a href="https://example.se/skolor" rel="nofollow noopener noreferrer ugc">alla skolor</a>' in html
    )
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_editing_a_missing_point_is_404(client, editor_lan, agenda):
    client.force_login(editor_lan)
    url = reverse("agenda:point_edit", args=[agenda.pk, "00000000-0000-0000-0000-000000000000"])
    assert client.get(url).status_code == 404


def test_agenda_page_query_count(
    client, editor_lan, agenda, section_key, selected_proposal, django_assert_max_num_queries
):
    from agenda import services

    for i in range(30):
        services.agenda_edit(
            agenda=agenda,
            editor=editor_lan,
            base_number=agenda.head_number,
            message=f"p{i}",
            change=lambda document, i=i: document.point_add(
                section_key, f"Punkt {i}", [selected_proposal.pk]
            ),
        )
    client.force_login(editor_lan)
    with django_assert_max_num_queries(18):
        response = client.get(agenda.get_absolute_url())
    assert response.content.decode().count('class="point-number"') == 30
    with django_assert_max_num_queries(8):
        response = client.get(reverse("agenda:history", args=[agenda.pk]))
    assert len(response.context["page"]) == 30
