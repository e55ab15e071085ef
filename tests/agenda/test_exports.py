"""Exports of any version: a print page with line numbers, Markdown and PDF. Each names the version and its
state."""

import html
import io
import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

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
    """(number, kind, text) of each numbered line of the print page, the text without its markup."""
    return [
        (int(n), kind, html.unescape(re.sub(r"<[^>]+>", "", text)))
        for n, kind, text in re.findall(
            r'<li value="(\d+)" class="line-(\w+)(?: indent-\d)?">(.*?)</li>', response.content.decode()
        )
    ]


def pdf_text(content: bytes) -> str:
    """The text of every page of the PDF, as a reader copies it."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def pdf_runs(content: bytes) -> list[tuple[str, str]]:
    """(font, text) of each piece of text the PDF draws: the font's name without its subset prefix."""
    runs = []

    def visit(text, _cm, _tm, font, _size):
        if text.strip() and font:
            runs.append((font["/BaseFont"].split("+")[-1], text.strip()))

    for page in PdfReader(io.BytesIO(content)).pages:
        page.extract_text(visitor_text=visit)
    return runs


def test_print_page_numbers_every_line_and_names_version_and_state(client, editor_lan, draft):
    client.force_login(editor_lan)
    response = export(client, draft, 5, "utskrift")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Version 5, " in html and "<strong>Utkast</strong>" in html
    assert "<title>Reformagenda för länet – version 5</title>" in html
    # Printed, a header repeats the version, its state and date on every page, as the PDF's does.
    assert f"<span>Version 5 · Utkast · {timezone.localdate().isoformat()}</span>" in html
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
        f"1.1 {LONG_POINT}\n"
        "\n"
        "1.2 Fler speciallärare – i alla ”resursskolor”\n"
    )


def test_pdf_export(client, editor_lan, draft):
    client.force_login(editor_lan)
    response = export(client, draft, 5, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="reformagenda-{draft.pk}-v5.pdf"'
    assert response.content.startswith(b"%PDF")
    # The embedded PT Serif carries Swedish typography whole: dashes, quotes, å ä ö.
    assert b"/FontFile2" in response.content and b"PTSerif" in response.content
    text = pdf_text(response.content)
    assert f"Version 5 · Utkast · {timezone.localdate().isoformat()}" in text
    assert "1. Jämlik skola" in text
    assert "1.2 Fler speciallärare – i alla ”resursskolor”" in text
    assert "Sida 1 av 1" in text


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
    assert f"Version 5 · {label}" in pdf_text(export(client, agenda, 5, "pdf").content)
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
    # A single line break inside a Markdown paragraph is a space, as on the site.
    assert lines[:4] == [
        (1, "title", "Länet"),
        (2, "text", "Ett jämlikt län."),
        (3, "text", "Där alla barn lyckas. Varje dag."),
        (4, "heading", "1. Jämlik skola"),
    ]
    assert all(text for _n, _kind, text in lines)
    markdown = export(client, agenda, 3, "md").content.decode()
    assert "\r" not in markdown
    assert "Ett jämlikt län.\n\nDär alla barn lyckas.\nVarje dag.\n" in markdown


@pytest.fixture
def styled(agenda, editor_lan, section_key):
    """Version 3: Markdown in the narrative, an intro and the points, over two reform directions."""

    def change(document):
        document.narrative_set(
            "Reformagenda för länet",
            "Ett **jämlikt** län – för *alla*.\n\n## Bakgrund\n\nVi vill:\n\n- bygga bostäder,\n- rusta skolor.",
        )
        document.point_add(section_key, "Läxhjälp **varje skoldag** på *alla* skolor.")
        document.point_add(section_key, "Fler speciallärare.\n\nI varje kommun.")
        housing = document.section_add("Trygga bostäder", "Bostäder åt **alla**.")
        document.point_add(housing.key, "Bygg 10 000 hyresrätter per år.")

    services.agenda_edit(agenda=agenda, editor=editor_lan, base_number=2, message="Markdown", change=change)
    return fresh(agenda)


def test_print_page_renders_the_markdown(client, editor_lan, styled):
    client.force_login(editor_lan)
    page = export(client, styled, 3, "utskrift").content.decode()
    assert "**" not in page and "*alla*" not in page
    assert "Ett <strong>jämlikt</strong> län – för <em>alla</em>." in page
    assert (
        '<span class="label">1.1 </span>Läxhjälp <strong>varje skoldag</strong> på <em>alla</em> skolor.'
        in page
    )
    assert [line[1:] for line in print_lines(export(client, styled, 3, "utskrift"))] == [
        ("title", "Reformagenda för länet"),
        ("text", "Ett jämlikt län – för alla."),
        ("subheading", "Bakgrund"),
        ("text", "Vi vill:"),
        ("text", "– bygga bostäder,"),
        ("text", "– rusta skolor."),
        ("heading", "1. Jämlik skola"),
        ("text", "Alla barn ska lyckas."),
        ("point", "1.1 Läxhjälp varje skoldag på alla skolor."),
        ("point", "1.2 Fler speciallärare."),
        ("point", "I varje kommun."),
        ("heading", "2. Trygga bostäder"),
        ("text", "Bostäder åt alla."),
        ("point", "2.1 Bygg 10 000 hyresrätter per år."),
    ]


def test_pdf_draws_emphasis_in_the_bold_and_italic_faces(client, editor_lan, styled):
    client.force_login(editor_lan)
    runs = pdf_runs(export(client, styled, 3, "pdf").content)
    assert ("PTSerifBold", "jämlikt") in runs
    assert ("PTSerifItalic", "alla") in runs
    assert ("PTSerifBold", "varje skoldag") in runs
    assert ("PTSerif", "Läxhjälp") in runs
    assert ("PTSerifBold", "1. Jämlik skola") in runs
    assert not any("*" in text for _font, text in runs)


def test_markdown_export_keeps_points_apart_and_headings_below_the_directions(client, editor_lan, styled):
    client.force_login(editor_lan)
    markdown = export(client, styled, 3, "md").content.decode()
    assert "### Bakgrund\n" in markdown and "\n## Bakgrund" not in markdown
    assert (
        "1.1 Läxhjälp **varje skoldag** på *alla* skolor.\n\n1.2 Fler speciallärare.\n\nI varje kommun.\n"
        in (markdown)
    )
    assert markdown.endswith(
        "## 2. Trygga bostäder\n\nBostäder åt **alla**.\n\n2.1 Bygg 10 000 hyresrätter per år.\n"
    )


def test_the_three_exports_number_headings_and_points_alike(client, editor_lan, styled):
    client.force_login(editor_lan)
    numbered = [
        "1. Jämlik skola",
        "1.1 Läxhjälp",
        "1.2 Fler speciallärare.",
        "2. Trygga bostäder",
        "2.1 Bygg",
    ]
    page = [text for _n, _kind, text in print_lines(export(client, styled, 3, "utskrift"))]
    markdown = export(client, styled, 3, "md").content.decode().splitlines()
    pdf = pdf_text(export(client, styled, 3, "pdf").content).splitlines()
    for label in numbered:
        assert any(text.startswith(label) for text in page), label
        assert any(line.lstrip("# ").startswith(label) for line in markdown), label
        # The PDF's lines start with their line number, as the print page's do.
        assert any(re.match(rf"\d+ {re.escape(label)}", line) for line in pdf), label
    assert [line for line in markdown if line.startswith("## ")] == [
        "## 1. Jämlik skola",
        "## 2. Trygga bostäder",
    ]


def test_print_page_and_pdf_number_the_same_lines(client, editor_lan, draft):
    """Amendments cite line numbers: the PDF's lines are the print page's."""
    client.force_login(editor_lan)
    page = [(str(n), text) for n, _kind, text in print_lines(export(client, draft, 5, "utskrift"))]
    pdf = pdf_text(export(client, draft, 5, "pdf").content)
    for number, text in page:
        assert f"{number} {text}" in pdf


def test_emphasis_wraps_with_its_line_and_links_show_where_they_lead(client, editor_lan, agenda, section_key):
    bold = "läxhjälp varje skoldag på alla grundskolor med behöriga lärare och ett mellanmål"
    add_points(
        agenda,
        editor_lan,
        section_key,
        f"Kommunen ska erbjuda **{bold}**, enligt [Skolverket](https://www.skolverket.se).",
        "- en punkt som börjar med en lista\n- och fortsätter",
    )
    client.force_login(editor_lan)
    response = export(client, agenda, 4, "utskrift")
    numbered = response.content.decode().split('<ol class="numbered">')[1]
    # The bold phrase breaks over two numbered lines, each bold on its own.
    assert numbered.count("<strong>") == 2
    points = [text for _n, kind, text in print_lines(response) if kind == "point"]
    assert (
        " ".join(points[:2])
        == f"1.1 Kommunen ska erbjuda {bold}, enligt Skolverket (https://www.skolverket.se)."
    )
    assert points[2:] == ["1.2 ", "– en punkt som börjar med en lista", "– och fortsätter"]
    assert (
        "\n1.2\n\n- en punkt som börjar med en lista\n- och fortsätter\n"
        in export(client, agenda, 4, "md").content.decode()
    )
    runs = pdf_runs(export(client, agenda, 4, "pdf").content)
    assert [font for font, text in runs if "läxhjälp" in text or "mellanmål" in text] == ["PTSerifBold"] * 2
