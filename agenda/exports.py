"""Exports of an agenda version: print page with line numbers, Markdown and PDF. Each names the version and
its state."""

import re
import textwrap

from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from .models import Agenda, Transition

LINE_WIDTH = 80
# The PDF's built-in fonts cover Latin-1 (å, ä, ö, é); typographic characters outside it are simplified.
PDF_REPLACEMENTS = str.maketrans(
    {"–": "-", "—": "-", "”": '"', "“": '"', "’": "'", "‘": "'", "…": "...", "•": "-"}
)


def version_state_label(agenda: Agenda, version) -> str:
    """The state of the agenda while this version was its current one."""
    if hasattr(version, "adoption"):
        adoption = version.adoption
        return _("Antagen av %(body)s %(date)s (%(minutes)s)") % {
            "body": adoption.get_body_display().lower(),
            "date": adoption.decided_on.isoformat(),
            "minutes": adoption.minutes_reference,
        }
    transition = (
        Transition.objects.filter(agenda=agenda, version_number__lte=version.number).order_by("-id").first()
    )
    state = Agenda.State(transition.to_state) if transition else Agenda.State.DRAFT
    if version.number < agenda.head_number:
        return _("%(state)s, ersatt av en senare version") % {"state": state.label}
    return str(state.label)


def document_blocks(document) -> list[tuple[str, str]]:
    """The document as (kind, text) blocks in reading order."""
    blocks = [("title", document.title)]
    if document.narrative:
        blocks += [("text", paragraph) for paragraph in _paragraphs(document.narrative)]
    for number, section in enumerate(document.sections, start=1):
        blocks.append(("heading", f"{number}. {section.title}"))
        if section.intro:
            blocks += [("text", p) for p in _paragraphs(section.intro)]
        for point_number, point in enumerate(section.points, start=1):
            blocks.append(("point", f"{number}.{point_number} {point.text}"))
    return blocks


def numbered_lines(document) -> list[dict]:
    """The document as lines of at most LINE_WIDTH characters, numbered from 1, for the print page."""
    lines, number = [], 0
    for kind, text in document_blocks(document):
        for paragraph in text.splitlines() or [""]:
            for line in textwrap.wrap(paragraph, LINE_WIDTH) or [""]:
                number += 1
                lines.append({"number": number, "text": line, "kind": kind})
        lines.append({"number": None, "text": "", "kind": "gap"})
    return lines


def markdown_export(agenda, version, document, state_label) -> str:
    parts = [
        f"# {document.title}",
        "",
        _("Version %(number)s · %(state)s · %(date)s")
        % {
            "number": version.number,
            "state": state_label,
            "date": timezone.localdate(version.created_at).isoformat(),
        },
        "",
    ]
    if document.narrative:
        parts += [_newlines(document.narrative).strip(), ""]
    for number, section in enumerate(document.sections, start=1):
        parts += [f"## {number}. {section.title}", ""]
        if section.intro:
            parts += [_newlines(section.intro).strip(), ""]
        for point_number, point in enumerate(section.points, start=1):
            parts.append(f"{number}.{point_number}. {_newlines(point.text).strip()}")
        parts.append("")
    return "\n".join(parts)


def pdf_export(agenda, version, document, state_label) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_title(document.title.translate(PDF_REPLACEMENTS))
    pdf.add_page()
    header = _("Version %(number)s · %(state)s") % {"number": version.number, "state": state_label}
    pdf.set_font("Helvetica", size=9)
    pdf.cell(0, 6, _latin1(header.replace("·", "-")), new_x="LMARGIN", new_y="NEXT")
    styles = {"title": ("B", 16), "heading": ("B", 12), "point": ("", 10), "text": ("", 10)}
    for line in numbered_lines(document):
        if line["kind"] == "gap":
            pdf.ln(2)
            continue
        style, size = styles[line["kind"]]
        pdf.set_font("Helvetica", size=7)
        pdf.cell(12, 5.5, str(line["number"]), align="R")
        pdf.set_font("Helvetica", style=style, size=size)
        pdf.cell(0, 5.5 if size < 12 else 7, "  " + _latin1(line["text"]), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _newlines(text: str) -> str:
    # Browsers send textareas with CRLF line endings.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n[ \t]*\n", _newlines(text)) if p.strip()]


def _latin1(text: str) -> str:
    return text.translate(PDF_REPLACEMENTS).encode("latin-1", "replace").decode("latin-1")
