"""The agenda pages this feature changed are valid HTML (Nu HTML Checker, as tests/reformbank/test_html_valid.py
checks the other pages): the amendments with their targets, the conflict screen with only the paragraphs to
resolve, and the agenda page with approvals among its events and the adoption form's confirmation."""

from django.urls import reverse

from agenda import services
from places.models import District
from tests.parallel import client_for
from tests.reformbank.test_html_valid import nu_checker_errors

from .conftest import head
from .helpers import add_points, approve_all, fresh, process_url, to_board_proposal, to_consultation

NARRATIVE = "Ett jämlikt län.\n\nBostäder åt alla."


def test_changed_agenda_pages_are_valid_html(tmp_path, editor_lan, editor_stad, member, agenda, section_key):
    pages = {}
    add_points(agenda, editor_lan, section_key, "Läxhjälp", "Speciallärare")
    consultation = to_consultation(agenda, editor_lan)
    first, second = head(consultation).points()
    for kind, point_key, text in (("replace", first.key, "Läxhjälp varje dag"), ("delete", second.key, "")):
        services.amendment_create(
            agenda=consultation,
            author=member,
            kind=kind,
            section_key=section_key,
            point_key=point_key,
            text=text,
            motivation="Därför.",
        )
    services.amendment_create(
        agenda=consultation, author=member, kind="delete", section_key=section_key, motivation="Därför."
    )
    pages["amendments"] = client_for(member).get(reverse("agenda:amendments", args=[agenda.pk]))

    lena, sami = client_for(editor_lan), client_for(editor_lan)
    url = reverse("agenda:narrative", args=[agenda.pk])
    base = fresh(agenda).head_number
    form = {"title": agenda.title, "message": "m", "base_number": base}
    lena.post(url, {**form, "narrative": NARRATIVE.replace("Bostäder", "Hem")})
    pages["conflict"] = sami.post(url, {**form, "narrative": NARRATIVE.replace("Bostäder", "Lägenheter")})
    assert pages["conflict"].status_code == 409

    pages["board-proposal"] = lena.get(to_board_proposal(agenda, editor_lan).get_absolute_url())

    joint = services.agenda_create(title="Gemensam", district=None, editor=editor_lan)
    approve_all(joint, editor_lan)
    lena.post(process_url(joint, "godkann"), {"district": District.objects.get(code="lan").pk})
    pages["joint-events"] = client_for(editor_stad).get(joint.get_absolute_url())

    assert "Punkten som skulle strykas" in pages["amendments"].content.decode()
    assert "Beslutsdatumet ligger i framtiden – jag bekräftar" in pages["board-proposal"].content.decode()
    assert "godkände version 1" in pages["joint-events"].content.decode()
    files = []
    for name, response in pages.items():
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(path)
    assert nu_checker_errors(files) == []
