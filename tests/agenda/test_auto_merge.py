"""Two editors save on the same version: edits of different paragraphs are merged on their own and saved on top
of the newer version; only paragraphs both changed come to the conflict screen, and only those are shown."""

import pytest
from django.urls import reverse

from agenda import services
from agenda.models import Agenda, AgendaVersion
from tests.parallel import client_for, parallel

from .conftest import head
from .helpers import add_points, fresh, message_texts

NARRATIVE = "Ett jämlikt län.\r\n\r\nBostäder åt alla.\r\n\r\nEn skola där alla lyckas."


@pytest.fixture
def two_editors(editor_lan, editor_stad, joint_agenda):
    services.agenda_edit(
        agenda=joint_agenda,
        editor=editor_lan,
        base_number=1,
        message="Berättelsen",
        change=lambda document: document.narrative_set("Gemensam reformagenda", NARRATIVE),
    )
    return client_for(editor_lan), client_for(editor_stad)


def narrative_form(narrative, *, title="Gemensam reformagenda", message="Ändring", base_number=2):
    return {"title": title, "narrative": narrative, "message": message, "base_number": base_number}


def test_a_change_to_the_first_paragraph_and_a_new_last_one_merge(two_editors, joint_agenda, editor_stad):
    lena, sami = two_editors
    url = reverse("agenda:narrative", args=[joint_agenda.pk])
    assert lena.post(url, narrative_form(NARRATIVE.replace("Ett jämlikt", "Ett rättvist"))).status_code == 302
    response = sami.post(
        url, narrative_form(NARRATIVE + "\r\n\r\nTrygghet i hela länet.", message="Trygghet")
    )
    assert response.status_code == 302
    assert response.url == joint_agenda.get_absolute_url()
    assert message_texts(response) == ["Sparad tillsammans med ändringen i version 3 av Lena Länsredaktör."]
    version = AgendaVersion.objects.get(agenda=joint_agenda, number=4)
    assert version.narrative == (
        "Ett rättvist län.\n\nBostäder åt alla.\n\nEn skola där alla lyckas.\n\nTrygghet i hela länet."
    )
    assert (version.author, version.message) == (editor_stad, "Trygghet")
    assert fresh(joint_agenda).head_number == 4


def test_only_the_paragraph_both_changed_is_shown_and_the_rest_is_merged(two_editors, joint_agenda):
    lena, sami = two_editors
    url = reverse("agenda:narrative", args=[joint_agenda.pk])
    theirs = NARRATIVE.replace("Bostäder åt alla.", "Bostäder åt alla, med rimliga hyror.").replace(
        "Ett jämlikt", "Ett rättvist"
    )
    assert lena.post(url, narrative_form(theirs)).status_code == 302
    mine = NARRATIVE.replace("Bostäder åt alla.", "Billiga bostäder åt alla.").replace(
        "En skola", "En trygg skola"
    )
    response = sami.post(url, narrative_form(mine, message="Bostäder"))
    assert response.status_code == 409
    html = response.content.decode()
    assert "Lena Länsredaktör har sedan dess sparat version 3" in html
    assert "Här visas bara de stycken ni båda ändrade." in html
    [field] = response.context["fields"]
    assert str(field["label"]) == "Berättelse"
    [part] = field["parts"]
    assert part["mine"] == "Billiga bostäder åt alla."
    assert "tillagt: </span>alla, med rimliga hyror.<span" in part["theirs"]
    # The paragraphs only one of them changed are not shown to resolve…
    assert "En trygg skola där alla lyckas." not in html.split("Slå ihop och spara")[0]
    # …but are in the form, merged, with the editor's own text in the paragraph to resolve.
    form = response.context["form"]
    assert form["narrative"].value() == (
        "Ett rättvist län.\n\nBilliga bostäder åt alla.\n\nEn trygg skola där alla lyckas."
    )
    assert (form["title"].value(), form["message"].value(), int(form["base_number"].value())) == (
        "Gemensam reformagenda",
        "Bostäder",
        3,
    )
    assert fresh(joint_agenda).head_number == 3

    resolved = (
        form["narrative"].value().replace("Billiga bostäder åt alla.", "Billiga bostäder, rimliga hyror.")
    )
    response = sami.post(url, narrative_form(resolved, message="Bostäder", base_number=3))
    assert response.status_code == 302
    assert message_texts(response) == ["Sparat som en ny version."]
    assert head(joint_agenda).narrative == resolved


def test_both_changing_the_title_differently_is_a_conflict_of_the_title_only(two_editors, joint_agenda):
    lena, sami = two_editors
    url = reverse("agenda:narrative", args=[joint_agenda.pk])
    lena.post(url, narrative_form(NARRATIVE, title="Ett bättre Stockholm"))
    response = sami.post(url, narrative_form(NARRATIVE + "\n\nNytt.", title="Ett Stockholm för alla"))
    assert response.status_code == 409
    assert [str(field["label"]) for field in response.context["fields"]] == ["Titel"]
    form = response.context["form"]
    assert form["title"].value() == "Ett Stockholm för alla"
    assert form["narrative"].value().endswith("En skola där alla lyckas.\n\nNytt.")


def test_two_editors_change_different_paragraphs_of_a_point(two_editors, joint_agenda, editor_lan):
    services.agenda_edit(
        agenda=fresh(joint_agenda),
        editor=editor_lan,
        base_number=2,
        message="Riktning",
        change=lambda document: document.section_add("Bostäder"),
    )
    add_points(
        joint_agenda, editor_lan, head(joint_agenda).sections[0].key, "Fler hyresrätter.\n\nLägre hyror."
    )
    point = next(head(joint_agenda).points())
    lena, sami = two_editors
    url = reverse("agenda:point_edit", args=[joint_agenda.pk, point.key])
    first = {
        "text": "Fler hyresrätter i hela länet.\r\n\r\nLägre hyror.",
        "message": "Länet",
        "base_number": 4,
    }
    assert lena.post(url, first).status_code == 302
    second = {"text": "Fler hyresrätter.\r\n\r\nLägre hyror för unga.", "message": "Unga", "base_number": 4}
    response = sami.post(url, second)
    assert response.status_code == 302
    assert next(head(joint_agenda).points()).text == "Fler hyresrätter i hela länet.\n\nLägre hyror för unga."


def test_section_title_and_intro_changed_by_two_editors_merge(two_editors, joint_agenda, editor_lan):
    services.agenda_edit(
        agenda=fresh(joint_agenda),
        editor=editor_lan,
        base_number=2,
        message="Riktning",
        change=lambda document: document.section_add("Skola", "Alla barn ska lyckas."),
    )
    key = head(joint_agenda).sections[0].key
    lena, sami = two_editors
    url = reverse("agenda:section_edit", args=[joint_agenda.pk, key])
    lena.post(
        url, {"title": "Jämlik skola", "intro": "Alla barn ska lyckas.", "message": "m", "base_number": 3}
    )
    response = sami.post(
        url, {"title": "Skola", "intro": "Alla barn ska lyckas i skolan.", "message": "m", "base_number": 3}
    )
    assert response.status_code == 302
    section = head(joint_agenda).sections[0]
    assert (section.title, section.intro) == ("Jämlik skola", "Alla barn ska lyckas i skolan.")


@pytest.mark.django_db(transaction=True)
def test_edits_of_different_paragraphs_posted_at_the_same_moment_both_survive(editor_lan, editor_stad):
    """The row lock puts one save after the other; the second is merged into the first, nothing is lost."""
    agenda = services.agenda_create(title="Samtidigt", district=None, editor=editor_lan)
    services.agenda_edit(
        agenda=agenda,
        editor=editor_lan,
        base_number=1,
        message="Berättelsen",
        change=lambda document: document.narrative_set("Samtidigt", NARRATIVE),
    )
    url = reverse("agenda:narrative", args=[agenda.pk])
    lena, sami = client_for(editor_lan), client_for(editor_stad)
    responses = parallel(
        [
            lambda: lena.post(
                url, narrative_form(NARRATIVE.replace("jämlikt", "rättvist"), title="Samtidigt")
            ),
            lambda: sami.post(url, narrative_form(NARRATIVE + "\n\nSist.", title="Samtidigt")),
        ]
    )
    assert [r.status_code for r in responses] == [302, 302]
    assert Agenda.objects.get(pk=agenda.pk).head_number == 4
    assert AgendaVersion.objects.get(agenda=agenda, number=4).narrative == (
        "Ett rättvist län.\n\nBostäder åt alla.\n\nEn skola där alla lyckas.\n\nSist."
    )


@pytest.fixture
def two_points(two_editors, joint_agenda, editor_lan):
    services.agenda_edit(
        agenda=fresh(joint_agenda),
        editor=editor_lan,
        base_number=2,
        message="Riktning",
        change=lambda document: document.section_add("Bostäder"),
    )
    add_points(
        joint_agenda, editor_lan, head(joint_agenda).sections[0].key, "Fler hyresrätter", "Lägre hyror"
    )
    return list(head(joint_agenda).points())  # version 5


def test_merging_points_after_the_other_point_changed_is_left_to_the_editor(
    two_editors, two_points, joint_agenda
):
    """A merge drops the other point: merged on its own, the other editor's change to it would be lost."""
    first, second = two_points
    lena, sami = two_editors
    lena.post(
        reverse("agenda:point_edit", args=[joint_agenda.pk, second.key]),
        {"text": "Lägre hyror för unga", "message": "Unga", "base_number": 5},
    )
    response = sami.post(
        reverse("agenda:point_merge", args=[joint_agenda.pk, first.key]),
        {
            "other": str(second.key),
            "text": "Fler och billigare hyresrätter",
            "message": "m",
            "base_number": 5,
        },
    )
    assert response.status_code == 409
    assert [p.text for p in head(joint_agenda).points()] == ["Fler hyresrätter", "Lägre hyror för unga"]


@pytest.mark.parametrize("what", ["section_add", "point_add", "point_split"])
def test_additions_on_an_older_version_are_left_to_the_editor(two_editors, two_points, joint_agenda, what):
    """An addition made again on a newer version could copy what a double-click saved a moment ago."""
    first, _second = two_points
    lena, sami = two_editors
    lena.post(
        reverse("agenda:point_edit", args=[joint_agenda.pk, first.key]),
        {"text": "Fler hyresrätter i hela länet", "message": "Länet", "base_number": 5},
    )
    section_key = head(joint_agenda).sections[0].key
    url, data = {
        "section_add": (
            reverse("agenda:section_add", args=[joint_agenda.pk]),
            {"title": "Skola", "intro": ""},
        ),
        "point_add": (
            reverse("agenda:point_add", args=[joint_agenda.pk]) + f"?avsnitt={section_key}",
            {"text": "Fler bostäder", "section": str(section_key)},
        ),
        "point_split": (
            reverse("agenda:point_split", args=[joint_agenda.pk, first.key]),
            {"first": "Fler hyresrätter", "second": "i hela länet"},
        ),
    }[what]
    response = sami.post(url, {**data, "message": "m", "base_number": 5})
    assert response.status_code == 409
    assert fresh(joint_agenda).head_number == 6
