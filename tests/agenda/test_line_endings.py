"""Stored texts have \\n line endings, however they came (a browser's form sends \\r\\n), so two versions never
differ only in their line endings, and a comparison marks only real changes."""

from django.urls import reverse

from agenda import services
from agenda.models import AgendaVersion, Amendment

from .conftest import head
from .helpers import add_points, fresh, to_consultation

CRLF = "Första stycket.\r\nMed en rad till.\r\n\r\nAndra stycket."
LF = CRLF.replace("\r\n", "\n")


def test_text_from_a_form_is_stored_with_lf(client, editor_lan, agenda, section_key):
    client.force_login(editor_lan)
    client.post(
        reverse("agenda:narrative", args=[agenda.pk]),
        {"title": agenda.title, "narrative": CRLF, "message": "Berättelsen", "base_number": 2},
    )
    client.post(
        reverse("agenda:section_edit", args=[agenda.pk, section_key]),
        {"title": "Jämlik skola", "intro": CRLF, "message": "Inledningen", "base_number": 3},
    )
    document = head(agenda)
    assert (document.narrative, document.sections[0].intro) == (LF, LF)


def test_the_same_text_saved_by_a_form_and_by_a_service_is_the_same_version_text(
    client, editor_lan, agenda, section_key
):
    add_points(agenda, editor_lan, section_key, CRLF)  # v3, through the document's own edit
    point = next(head(agenda).points())
    assert point.text == LF
    client.force_login(editor_lan)
    response = client.post(
        reverse("agenda:point_edit", args=[agenda.pk, point.key]),
        {"text": CRLF, "message": "Samma text", "base_number": 3},
    )
    assert response.status_code == 302
    assert not AgendaVersion.objects.filter(agenda=agenda, narrative__contains="\r").exists()
    compare = client.get(reverse("agenda:compare", args=[agenda.pk]) + "?fran=3&till=4")
    assert compare.context["diff"].counts == {"added": 0, "removed": 0, "changed": 0, "moved": 0}
    assert "[ändrad]" not in compare.content.decode()


def test_an_amendment_is_stored_with_lf_and_applied_so(client, editor_lan, member, agenda, section_key):
    add_points(agenda, editor_lan, section_key, "Läxhjälp")
    consultation = to_consultation(agenda, editor_lan)
    point = next(head(consultation).points())
    client.force_login(member)
    client.post(
        reverse("agenda:amendments", args=[consultation.pk]),
        {"target": f"p:{section_key}:{point.key}", "kind": "replace", "text": CRLF, "motivation": "A\r\nB"},
    )
    amendment = Amendment.objects.get()
    assert (amendment.text, amendment.motivation) == (LF, "A\nB")
    services.amendment_answer(amendment=amendment, editor=editor_lan, decision="accepted", answer="Ja.")
    assert next(head(fresh(consultation)).points()).text == LF
