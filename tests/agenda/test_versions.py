"""Every save is an immutable, numbered version: history, any version, comparison, restore, and two editors
saving at once without losing work."""

import pytest
from django.urls import reverse

from agenda import services
from agenda.models import Agenda, AgendaVersion
from tests.parallel import parallel

from .conftest import head
from .helpers import add_points, agenda_data, fresh, in_two_weeks, message_texts


def edit(agenda, editor, change, message="Ändring"):
    return services.agenda_edit(
        agenda=fresh(agenda),
        editor=editor,
        base_number=fresh(agenda).head_number,
        message=message,
        change=change,
    )


# --- History and versions ------------------------------------------------------------------------------


def test_history_lists_every_version_with_author_and_message(client, editor_lan, editor_stad, joint_agenda):
    edit(
        joint_agenda,
        editor_stad,
        lambda document: document.narrative_set("Gemensam reformagenda", "Vi vill."),
        "Berättelsen",
    )
    client.force_login(editor_lan)
    response = client.get(reverse("agenda:history", args=[joint_agenda.pk]))
    html = response.content.decode()
    assert [v.number for v in response.context["page"]] == [2, 1]
    assert "Berättelsen" in html and "Sami Stadsredaktör" in html
    assert "Ny reformagenda" in html and "Lena Länsredaktör" in html
    assert f'href="{reverse("agenda:version", args=[joint_agenda.pk, 1])}"' in html
    assert f"{reverse('agenda:compare', args=[joint_agenda.pk])}?fran=1&amp;till=2" in html


def test_any_version_can_be_read_and_stays_as_it_was(client, editor_lan, agenda, section_key):
    add_points(agenda, editor_lan, section_key, "Läxhjälp på alla skolor")
    point = next(head(agenda).points())
    edit(agenda, editor_lan, lambda document: document.point_set(point.key, "Läxhjälp varje dag"))
    client.force_login(editor_lan)
    old = client.get(reverse("agenda:version", args=[agenda.pk, 3])).content.decode()
    new = client.get(reverse("agenda:version", args=[agenda.pk, 4])).content.decode()
    assert "Läxhjälp på alla skolor" in old and "Läxhjälp varje dag" not in old
    assert "Läxhjälp varje dag" in new and "Läxhjälp på alla skolor" not in new
    assert "Version 3, sparad av Lena Länsredaktör" in old
    # An old version of an editable agenda offers a restore; the newest has nothing to restore.
    assert "Återställ den här versionen" in old
    assert "Återställ den här versionen" not in new


def test_version_page_query_count(
    client, editor_lan, agenda, section_key, selected_proposal, django_assert_max_num_queries
):
    for i in range(20):
        add_points(agenda, editor_lan, section_key, f"Punkt {i}", source_ids=[selected_proposal.pk])
    client.force_login(editor_lan)
    # agenda, session, user, editor roles, version (+author, restored_from), sections, points, point sources,
    # source ideas, adoption (state label), transition (state label), the source ideas' implementations
    with django_assert_max_num_queries(12):
        response = client.get(reverse("agenda:version", args=[agenda.pk, 22]))
    assert response.content.decode().count('class="point-number"') == 20


def test_history_query_count_for_a_reader(client, member, agenda, editor_lan, django_assert_max_num_queries):
    for i in range(40):
        edit(
            agenda,
            editor_lan,
            lambda document, i=i: document.narrative_set(agenda.title, f"Text {i}"),
            f"Ändring {i}",
        )
    services.agenda_consultation_start(agenda=fresh(agenda), editor=editor_lan, ends_on=in_two_weeks())
    client.force_login(member)
    # agenda, session, user, editor roles, count for the paginator,
    # the page of versions (+author, restored_from)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("agenda:history", args=[agenda.pk]) + "?page=2")
    assert [v.number for v in response.context["page"]] == list(range(12, 0, -1))


# --- Comparing two versions ----------------------------------------------------------------------------


@pytest.fixture
def changed_agenda(agenda, editor_lan, section_key):
    """Version 6 has a school section (with points A, B, C) and a housing section; version 12 differs from it
    in every way a comparison must show."""
    add_points(
        agenda, editor_lan, section_key, "Läxhjälp på alla skolor", "Fler speciallärare", "Mindre klasser"
    )
    edit(agenda, editor_lan, lambda document: document.section_add("Bostäder", "Alla ska ha ett hem."))
    document = head(agenda)
    school, housing = document.sections
    a, b, c = school.points
    assert fresh(agenda).head_number == 6
    edit(
        agenda,
        editor_lan,
        lambda document: document.point_set(a.key, "Läxhjälp på alla grundskolor varje dag"),
    )
    edit(agenda, editor_lan, lambda document: document.point_move(b.key, section_key=housing.key))
    edit(agenda, editor_lan, lambda document: document.point_remove(c.key))
    edit(agenda, editor_lan, lambda document: document.section_move(housing.key, -1))
    edit(
        agenda,
        editor_lan,
        lambda document: document.narrative_set("Reformagenda för länet", "Ett jämlikt län."),
    )
    edit(agenda, editor_lan, lambda document: document.section_add("Trygghet"))
    assert fresh(agenda).head_number == 12
    return agenda


def test_comparison_names_every_kind_of_change(client, editor_lan, changed_agenda):
    client.force_login(editor_lan)
    response = client.get(reverse("agenda:compare", args=[changed_agenda.pk]) + "?fran=6&till=12")
    html = response.content.decode()
    assert response.status_code == 200
    counts = response.context["diff"].counts
    # added: the section Trygghet; removed: point C; changed: point A (the narrative is shown apart);
    # moved: the housing section (now first), so the school section too, and point B (to housing).
    assert counts == {"added": 1, "removed": 1, "changed": 1, "moved": 3}
    assert "1 tillagda, 1 borttagna, 1 ändrade och 3 flyttade" in html
    # Text markers, so that nothing relies on colour.
    assert "[ny reformriktning]" in html
    assert "[borttagen punkt]" in html
    assert "[flyttad hit från ”Jämlik skola”]" in html
    assert "[flyttad]" in html
    assert "[ändrad]" in html
    assert "Berättelsen" in html
    # Word level: only the changed words of point A are marked, and the old text of C as removed.
    assert (
        'Läxhjälp på alla <del><span class="visually-hidden">borttaget: </span>skolor<span '
        'class="visually-hidden"> slut borttaget</span></del><ins><span class="visually-hidden">tillagt: '
        '</span>grundskolor varje dag<span class="visually-hidden"> slut tillagt</span></ins>'
    ) in html
    assert (
        '<del><span class="visually-hidden">borttaget: </span>Mindre klasser<span '
        'class="visually-hidden"> slut borttaget</span></del>'
    ) in html
    assert "Teckenförklaring" in html


def test_comparison_backwards_shows_the_opposite(client, editor_lan, changed_agenda):
    client.force_login(editor_lan)
    response = client.get(reverse("agenda:compare", args=[changed_agenda.pk]) + "?fran=12&till=6")
    html = response.content.decode()
    assert response.context["diff"].counts["added"] == 1  # point C is back
    assert response.context["diff"].counts["removed"] == 1  # Trygghet is gone
    assert "[ny punkt]" in html
    assert "[borttagen reformriktning]" in html
    assert '<span class="visually-hidden">borttaget: </span>grundskolor varje dag<' in html


def test_comparison_of_a_version_with_itself_shows_no_change(client, editor_lan, changed_agenda):
    client.force_login(editor_lan)
    response = client.get(reverse("agenda:compare", args=[changed_agenda.pk]) + "?fran=9&till=9")
    assert response.context["diff"].counts == {"added": 0, "removed": 0, "changed": 0, "moved": 0}
    html = response.content.decode()
    assert "tillagt:" not in html and "borttaget:" not in html
    assert "[ändrad]" not in html and "[flyttad]" not in html


def test_comparison_without_versions_goes_back_to_history(client, editor_lan, agenda):
    client.force_login(editor_lan)
    response = client.get(reverse("agenda:compare", args=[agenda.pk]) + "?fran=ett&till=2")
    assert response.url == reverse("agenda:history", args=[agenda.pk])
    assert message_texts(response) == ["Välj två versioner att jämföra."]


def test_comparison_of_split_and_merge_keeps_identity(client, editor_lan, agenda, section_key):
    add_points(agenda, editor_lan, section_key, "Läxhjälp och speciallärare", "Mindre klasser")
    first, second = head(agenda).points()
    edit(
        agenda, editor_lan, lambda document: document.point_split(first.key, "Läxhjälp", "Speciallärare")
    )  # v5
    edit(
        agenda,
        editor_lan,
        lambda document: document.point_merge(first.key, second.key, "Läxhjälp och mindre klasser"),
    )  # v6
    client.force_login(editor_lan)
    split = client.get(reverse("agenda:compare", args=[agenda.pk]) + "?fran=4&till=5").context["diff"]
    assert [p.status for p in split.sections[0].points] == ["changed", "added", "unchanged"]
    merged = client.get(reverse("agenda:compare", args=[agenda.pk]) + "?fran=5&till=6")
    statuses = [p.status for p in merged.context["diff"].sections[0].points]
    assert statuses == ["changed", "unchanged", "removed"]
    assert "[ändrade källidéer]" not in merged.content.decode()


def test_compare_page_query_count(client, editor_lan, changed_agenda, django_assert_max_num_queries):
    client.force_login(editor_lan)
    # agenda, session, user, editor roles, two versions, and for each of them sections, points, point sources
    with django_assert_max_num_queries(12):
        client.get(reverse("agenda:compare", args=[changed_agenda.pk]) + "?fran=6&till=12")


# --- Restore -------------------------------------------------------------------------------------------


def test_restore_makes_a_new_version_equal_to_the_old_one(client, editor_lan, changed_agenda):
    old = head_of(changed_agenda, 6)
    client.force_login(editor_lan)
    response = client.post(reverse("agenda:restore", args=[changed_agenda.pk, 6]), {"base_number": 12})
    assert response.url == changed_agenda.get_absolute_url()
    assert message_texts(response) == ["Version 6 är återställd som version 13."]
    restored = AgendaVersion.objects.get(agenda=changed_agenda, number=13)
    assert (restored.restored_from.number, restored.author, restored.message) == (
        6,
        editor_lan,
        "Återställd till version 6",
    )
    assert head(changed_agenda) == old  # same keys, texts, order and source ideas
    # Nothing in between is lost.
    assert AgendaVersion.objects.filter(agenda=changed_agenda).count() == 13
    assert head_of(changed_agenda, 12).narrative == "Ett jämlikt län."
    history = client.get(reverse("agenda:history", args=[changed_agenda.pk])).content.decode()
    assert "Återställd till version 6" in history and "från version 6" not in history  # said once
    compare = client.get(reverse("agenda:compare", args=[changed_agenda.pk]) + "?fran=6&till=13")
    assert compare.context["diff"].counts == {"added": 0, "removed": 0, "changed": 0, "moved": 0}


def test_restore_on_top_of_a_newer_version_changes_nothing(client, editor_lan, agenda):
    client.force_login(editor_lan)
    edit(agenda, editor_lan, lambda document: document.narrative_set(agenda.title, "Under tiden"))
    before = agenda_data()
    response = client.post(reverse("agenda:restore", args=[agenda.pk, 1]), {"base_number": 2})
    assert response.url == reverse("agenda:version", args=[agenda.pk, 1])
    assert "Inget återställdes" in message_texts(response)[0]
    assert agenda_data() == before


def head_of(agenda, number):
    from agenda.document import document_load

    return document_load(AgendaVersion.objects.get(agenda=agenda, number=number))


# --- Two editors at once -------------------------------------------------------------------------------


def test_two_editors_save_the_narrative_at_once(client, editor_lan, editor_stad, joint_agenda):
    """Both open the form at version 1 and save. The second sees the conflict, keeps their text, merges by
    hand and saves on top of version 2. No version is lost."""
    from django.test import Client

    first, second = client, Client()
    first.force_login(editor_lan)
    second.force_login(editor_stad)
    url = reverse("agenda:narrative", args=[joint_agenda.pk])
    for c in (first, second):
        assert c.get(url).context["form"]["base_number"].value() == 1

    response = first.post(
        url,
        {
            "title": "Gemensam reformagenda",
            "narrative": "Länet först: bostäder.",
            "message": "Länets berättelse",
            "base_number": 1,
        },
    )
    assert response.status_code == 302
    mine = {
        "title": "Gemensam reformagenda",
        "narrative": "Staden först: skolan.",
        "message": "Stadens berättelse",
        "base_number": 1,
    }
    response = second.post(url, mine)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Lena Länsredaktör har sedan dess sparat version 2" in html
    assert "Länet först: bostäder." in html  # their text (in what they changed)
    assert "Staden först: skolan." in html  # the editor's own text
    assert '<span class="visually-hidden">tillagt: </span>Länet först: bostäder.' in html
    form = response.context["form"]
    assert form["narrative"].value() == "Staden först: skolan."
    assert form["message"].value() == "Stadens berättelse"
    assert int(form["base_number"].value()) == 2
    assert Agenda.objects.get(pk=joint_agenda.pk).head_number == 2

    merged = {**mine, "narrative": "Länet först: bostäder. Staden först: skolan.", "base_number": 2}
    response = second.post(url, merged)
    assert response.status_code == 302
    versions = list(
        AgendaVersion.objects.filter(agenda=joint_agenda)
        .order_by("number")
        .values_list("number", "narrative", "author")
    )
    assert versions == [
        (1, "", editor_lan.pk),
        (2, "Länet först: bostäder.", editor_lan.pk),
        (3, "Länet först: bostäder. Staden först: skolan.", editor_stad.pk),
    ]


def test_changes_to_different_fields_merge_without_a_conflict(client, editor_lan, editor_stad, joint_agenda):
    """The first editor changed the title, the second only the narrative: the second save keeps both.
    (It was a conflict screen to resolve by hand before the three-way merge.)"""
    from django.test import Client

    second = Client()
    second.force_login(editor_stad)
    client.force_login(editor_lan)
    url = reverse("agenda:narrative", args=[joint_agenda.pk])
    client.post(url, {"title": "Ett bättre Stockholm", "narrative": "", "message": "Titel", "base_number": 1})
    response = second.post(
        url,
        {
            "title": "Gemensam reformagenda",
            "narrative": "Vår berättelse.",
            "message": "Berättelse",
            "base_number": 1,
        },
    )
    assert response.status_code == 302
    assert message_texts(response) == ["Sparad tillsammans med ändringen i version 2 av Lena Länsredaktör."]
    version = AgendaVersion.objects.get(agenda=joint_agenda, number=3)
    assert (version.title, version.narrative, version.author) == (
        "Ett bättre Stockholm",
        "Vår berättelse.",
        editor_stad,
    )


def test_two_editors_edit_the_same_point(client, editor_lan, editor_stad, joint_agenda):
    from django.test import Client

    edit(joint_agenda, editor_lan, lambda document: document.section_add("Bostäder"))
    key = head(joint_agenda).sections[0].key
    add_points(joint_agenda, editor_lan, key, "Fler hyresrätter")
    point = next(head(joint_agenda).points())
    second = Client()
    second.force_login(editor_stad)
    client.force_login(editor_lan)
    url = reverse("agenda:point_edit", args=[joint_agenda.pk, point.key])
    client.post(url, {"text": "Fler hyresrätter med rimliga hyror", "message": "Hyror", "base_number": 3})
    response = second.post(
        url, {"text": "Fler och billigare hyresrätter", "message": "Billigare", "base_number": 3}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Fler och billigare hyresrätter" in html
    assert '<span class="visually-hidden">tillagt: </span> med rimliga hyror' in html
    assert response.context["form"]["text"].value() == "Fler och billigare hyresrätter"
    assert next(head(joint_agenda).points()).text == "Fler hyresrätter med rimliga hyror"


def test_editing_a_point_someone_removed_keeps_the_text(client, editor_lan, agenda, section_key):
    add_points(agenda, editor_lan, section_key, "Läxhjälp")
    point = next(head(agenda).points())
    edit(agenda, editor_lan, lambda document: document.point_remove(point.key))  # v4
    client.force_login(editor_lan)
    url = reverse("agenda:point_edit", args=[agenda.pk, point.key])
    response = client.post(url, {"text": "Läxhjälp varje dag", "message": "m", "base_number": 3})
    assert response.status_code == 409
    assert "Läxhjälp varje dag" in response.content.decode()
    assert fresh(agenda).head_number == 4


@pytest.mark.parametrize("base_number", [0, 99])
def test_save_on_a_version_that_never_existed_is_404(client, editor_lan, agenda, base_number):
    client.force_login(editor_lan)
    before = agenda_data()
    response = client.post(
        reverse("agenda:narrative", args=[agenda.pk]),
        {"title": "T", "narrative": "N", "message": "m", "base_number": base_number},
    )
    assert response.status_code == 404
    assert agenda_data() == before


def test_structure_change_on_an_old_version_changes_nothing(client, editor_lan, agenda, section_key):
    add_points(agenda, editor_lan, section_key, "Första", "Andra")
    first = next(head(agenda).points())
    client.force_login(editor_lan)
    before = agenda_data()
    response = client.post(reverse("agenda:point_remove", args=[agenda.pk, first.key]), {"base_number": 3})
    assert response.status_code == 302
    assert "Inget ändrades" in message_texts(response)[0]
    assert agenda_data() == before


def test_second_save_from_the_same_version_is_a_conflict(editor_lan, editor_stad, agenda):
    services.agenda_edit(
        agenda=agenda,
        editor=editor_lan,
        base_number=2,
        message="Först",
        change=lambda document: document.narrative_set(agenda.title, "Först"),
    )
    with pytest.raises(services.VersionConflict) as conflict:
        services.agenda_edit(
            agenda=agenda,
            editor=editor_stad,
            base_number=2,
            message="Sist",
            change=lambda document: document.narrative_set(agenda.title, "Sist"),
        )
    assert conflict.value.head_number == 3
    assert list(AgendaVersion.objects.filter(agenda=agenda).values_list("number", "narrative")) == [
        (3, "Först"),
        (2, ""),
        (1, ""),
    ]


def test_the_database_update_decides_who_saved_first(editor_lan, agenda):
    """Even past the early check, the conditional update of head_number refuses a stale save."""
    document = head(agenda)
    Agenda.objects.filter(pk=agenda.pk).update(head_number=3)  # as if someone saved version 3 a moment ago
    with pytest.raises(services.VersionConflict):
        services._version_save(
            agenda=agenda, editor=editor_lan, base_number=2, message="Sent", document=document
        )
    assert AgendaVersion.objects.filter(agenda=agenda).count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_saves_make_exactly_one_version(editor_lan, editor_stad):
    """Two threads, each with its own database connection, save on top of version 1 at the same moment.
    The agenda's row lock serialises them: exactly one moves head_number, the other gets a conflict."""
    agenda = services.agenda_create(title="Samtidigt", district=None, editor=editor_lan)

    def save(editor, text):
        try:
            return services.agenda_edit(
                agenda=Agenda.objects.get(pk=agenda.pk),
                editor=editor,
                base_number=1,
                message=text,
                change=lambda document: setattr(document, "narrative", text),
            ).number
        except services.VersionConflict as conflict:
            return ("conflict", conflict.head_number)

    texts = ["Länet", "Staden"]
    outcomes = parallel([lambda: save(editor_lan, texts[0]), lambda: save(editor_stad, texts[1])])
    results = dict(zip(texts, outcomes))
    assert sorted(results.values(), key=str) == [("conflict", 2), 2]
    winner = next(text for text, result in results.items() if result == 2)
    assert list(AgendaVersion.objects.filter(agenda=agenda).values_list("number", "narrative")) == [
        (2, winner),
        (1, ""),
    ]
    assert Agenda.objects.get(pk=agenda.pk).head_number == 2
