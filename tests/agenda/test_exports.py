"""Exports of any version: a print page with line numbers, Markdown and PDF. Each names the version and its
state."""

import re
import zlib
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from agenda import services

from .helpers import add_points, fresh, to_adopted, to_board_proposal, to_consultation

LONG_POINT = (
    "Kommunen ska erbjuda läxhjälp varje skoldag på alla grundskolor, med behöriga lärare och "
    "ett mellanmål, så att ingen elev är beroende av sina föräldrars utbildning för att lyckas i "
    "skolan."
)


@pytest.fixture
def draft(agenda, editor_lan, section_key):
    """Version 5: a narrative of two paragraphs, and "Jämlik skola" with a long and a short point."""
    add_points(agenda, editor_lan, section_key, LONG_POINT, "Fler speciallärare – i alla ”resursskolor”")
    services.agenda_edit(
        agenda=fresh(agenda),
        editor=editor_lan,
        base_number=4,
        message="Berättelse",
        change=lambda document: document.narrative_set(
            "Reformagenda för länet", "Ett jämlikt län.\n\nDär alla barn lyckas."
        ),
    )
    return fresh(agenda)


def export(client, agenda, number, fmt):
    return client.get(reverse("agenda:export", args=[agenda.pk, number, fmt]))


def print_lines(response) -> list[tuple[int, str, str]]:
    """(number, kind, text) of each numbered line of the print page."""
    return [
        (int(n), kind, text)
        for n, kind, text in re.findall(
            r'<li value="(\d+)" class="line-(\w+)">(.*?)</li>', response.content.decode()
        )
    ]


def pdf_text(content: bytes) -> str:
    """The text drawing operations of every (deflated) content stream of the PDF."""
    text = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", content, re.DOTALL):
        try:
            text.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            text.append(stream.decode("latin-1"))
    # Parentheses inside PDF strings are escaped.
    return "\n".join(text).replace("\\(", "(").replace("\\)", ")")


def test_print_page_numbers_every_line_and_names_version_and_state(client, editor_lan, draft):
    client.force_login(editor_lan)
    response = export(client, draft, 5, "utskrift")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Version 5, " in html and "<strong>Utkast</strong>" in html
    assert "<title>Reformagenda för länet – version 5</title>" in html
    lines = print_lines(response)
    assert [number for number, _kind, _text in lines] == list(range(1, len(lines) + 1))
    assert lines[:4] == [
        (1, "title", "Reformagenda för länet"),
        (2, "text", "Ett jämlikt län."),
        (3, "text", "Där alla barn lyckas."),
        (4, "heading", "1. Jämlik skola"),
    ]
    assert lines[5][1:] == (
        "point",
        "1.1 Kommunen ska erbjuda läxhjälp varje skoldag på alla grundskolor, med",
    )
    # A long point wraps at 80 characters into lines numbered on their own.
    point_lines = [text for _n, kind, text in lines if kind == "point"]
    assert all(len(text) <= 80 for _n, _k, text in lines)
    assert " ".join(point_lines[:-1]) == f"1.1 {LONG_POINT}"
    assert point_lines[-1] == "1.2 Fler speciallärare – i alla ”resursskolor”"


def test_print_page_of_an_older_version(client, editor_lan, draft):
    client.force_login(editor_lan)
    response = export(client, draft, 3, "utskrift")
    assert "Utkast, ersatt av en senare version" in response.content.decode()
    assert "ingen elev är beroende" in response.content.decode()
    assert "Där alla barn lyckas." not in response.content.decode()


def test_markdown_export(client, editor_lan, draft):
    client.force_login(editor_lan)
    response = export(client, draft, 5, "md")
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="reformagenda-{draft.pk}-v5.md"'
    today = timezone.localdate().isoformat()
    assert response.content.decode() == (
        "# Reformagenda för länet\n"
        "\n"
        f"Version 5 · Utkast · {today}\n"
        "\n"
        "Ett jämlikt län.\n\nDär alla barn lyckas.\n"
        "\n"
        "## 1. Jämlik skola\n"
        "\n"
        "Alla barn ska lyckas.\n"
        "\n"
        f"1.1. {LONG_POINT}\n"
        "1.2. Fler speciallärare – i alla ”resursskolor”\n"
    )


def test_pdf_export(client, editor_lan, draft):
    client.force_login(editor_lan)
    response = export(client, draft, 5, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="reformagenda-{draft.pk}-v5.pdf"'
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "Version 5 - Utkast" in text
    # Swedish letters come through; the typographic dash and quotes are simplified for the built-in font.
    assert "Jämlik skola" in text
    assert 'Fler speciallärare - i alla "resursskolor"' in text


@pytest.mark.parametrize(
    ("step", "label"),
    [
        ("consultation", "På remiss"),
        ("board_proposal", "Styrelsens förslag"),
        ("adopted", "Antagen av distriktskongress 2026-03-14 (Protokoll 2026-03-14, § 7)"),
    ],
)
def test_exports_name_the_state(client, editor_lan, member, draft, step, label):
    agenda = to_consultation(draft, editor_lan)
    if step != "consultation":
        agenda = to_board_proposal(agenda, editor_lan)
    if step == "adopted":
        agenda = to_adopted(agenda, editor_lan, decided_on=date(2026, 3, 14))
    client.force_login(member)
    assert f"<strong>{label}</strong>" in export(client, agenda, 5, "utskrift").content.decode()
    assert f"Version 5 · {label} · " in export(client, agenda, 5, "md").content.decode()
    assert f"Version 5 - {label}" in pdf_text(export(client, agenda, 5, "pdf").content)
    assert (
        f"<strong>{label}</strong>"
        in client.get(reverse("agenda:version", args=[agenda.pk, 5])).content.decode()
    )


def test_adopted_version_keeps_its_label_in_a_new_draft(client, editor_lan, member, draft):
    agenda = to_adopted(to_board_proposal(draft, editor_lan), editor_lan)
    services.agenda_new_draft(agenda=agenda, editor=editor_lan)
    client.force_login(editor_lan)
    assert "Antagen av distriktskongress" in export(client, agenda, 5, "md").content.decode()
    assert "Version 6 · Utkast · " in export(client, agenda, 6, "md").content.decode()
    client.force_login(member)
    assert export(client, agenda, 5, "pdf").status_code == 200
    assert export(client, agenda, 6, "pdf").status_code == 404


def test_export_links_on_the_agenda_page(client, editor_lan, draft):
    client.force_login(editor_lan)
    html = client.get(draft.get_absolute_url()).content.decode()
    for fmt in ("utskrift", "md", "pdf"):
        assert f'href="{reverse("agenda:export", args=[draft.pk, 5, fmt])}"' in html


def test_text_typed_in_a_browser_exports_like_any_other(client, editor_lan, agenda):
    """Browsers send textareas with CRLF line endings: paragraphs still split, no numbered empty lines."""
    client.force_login(editor_lan)
    client.post(
        reverse("agenda:narrative", args=[agenda.pk]),
        {
            "title": "Länet",
            "narrative": "Ett jämlikt län.\r\n\r\nDär alla barn lyckas.\r\nVarje dag.",
            "message": "Berättelse",
            "base_number": 2,
        },
    )
    lines = print_lines(export(client, agenda, 3, "utskrift"))
    assert lines[:4] == [
        (1, "title", "Länet"),
        (2, "text", "Ett jämlikt län."),
        (3, "text", "Där alla barn lyckas."),
        (4, "text", "Varje dag."),
    ]
    assert all(text for _n, _kind, text in lines)
    markdown = export(client, agenda, 3, "md").content.decode()
    assert "\r" not in markdown
    assert "Ett jämlikt län.\n\nDär alla barn lyckas.\nVarje dag.\n" in markdown
