"""Exports of an agenda version: print page with line numbers, Markdown and PDF. Each names the version and
its state.

The print page and the PDF are one document: the narrative, intros and points are Markdown, parsed here into
blocks of styled runs (bold, italic, …) and wrapped into the same numbered lines, so that a line number cited
in an amendment points at the same words in both. The Markdown export is the document's own source, with the
same headings and numbers."""

from dataclasses import dataclass, field
from functools import cache

import fontpkg_pt_serif
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from fpdf import FPDF
from markdown_it import MarkdownIt

from .models import Agenda, Transition

# Characters per line, by kind of line: larger type gets shorter lines, so each fits the PDF's page width.
LINE_WIDTH = 80
LINE_WIDTHS = {"title": 44, "heading": 60, "subheading": 70}

# The same Markdown as the site's (reformbank.markdown): CommonMark with tables and strikethrough, no raw HTML.
_parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)


@dataclass(frozen=True)
class Run:
    """Text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False

    @property
    def style(self) -> tuple[bool, bool, bool, bool]:
        return (self.bold, self.italic, self.code, self.strike)


@dataclass
class Block:
    """A paragraph, heading or list item: its runs are wrapped into lines. `label` hangs before the first
    line (a point's number, a list bullet); `indent` counts the labels it stands under."""

    kind: str
    runs: list[Run]
    label: str = ""
    indent: int = 0
    tight: bool = False


@dataclass
class Line:
    number: int | None
    kind: str
    runs: list[Run] = field(default_factory=list)
    label: str = ""
    indent: int = 0

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def html(self) -> SafeString:
        return mark_safe("".join(_run_html(run) for run in self.runs))  # noqa: S308 - every run is escaped


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


def version_line(version, state_label: str) -> str:
    """The version, its state and its date, as each export shows them at the top (the print page's template
    says the same)."""
    return _("Version %(number)s · %(state)s · %(date)s") % {
        "number": version.number,
        "state": state_label,
        "date": timezone.localdate(version.created_at).isoformat(),
    }


def section_heading(number: int, section) -> str:
    return f"{number}. {section.title}"


def point_number(section_number: int, point_number: int) -> str:
    return f"{section_number}.{point_number}"


def document_blocks(document) -> list[Block]:
    """The document as blocks in reading order: the title, the narrative, and each reform direction with its
    number, intro and numbered points."""
    blocks = [Block("title", [Run(document.title)])]
    blocks += markdown_blocks(document.narrative, kind="text")
    for number, section in enumerate(document.sections, start=1):
        blocks.append(Block("heading", [Run(section_heading(number, section))]))
        blocks += markdown_blocks(section.intro, kind="text")
        for index, point in enumerate(section.points, start=1):
            point_blocks = markdown_blocks(point.text, kind="point", indent=1)
            if not point_blocks or point_blocks[0].label:  # empty, or opening with a list item of its own
                point_blocks.insert(0, Block("point", [], indent=1))
            point_blocks[0].label = point_number(number, index)
            blocks += point_blocks
    return blocks


def markdown_blocks(text: str, *, kind: str, indent: int = 0) -> list[Block]:
    """Markdown as blocks of styled runs: paragraphs of `kind`, its headings as subheadings, list items with
    their bullet or number as label."""
    blocks: list[Block] = []
    lists: list[list] = []  # per open list: [ordered, next number]
    label, quote, row = "", 0, None
    tokens = _parser.parse(_newlines(text or ""))
    for position, token in enumerate(tokens):
        match token.type:
            case "bullet_list_open" | "ordered_list_open":
                lists.append([token.type == "ordered_list_open", int(token.attrGet("start") or 1)])
            case "bullet_list_close" | "ordered_list_close":
                lists.pop()
            case "list_item_open":
                ordered, next_number = lists[-1]
                label = f"{next_number}." if ordered else "–"
                lists[-1][1] += 1
            case "blockquote_open" | "blockquote_close":
                quote += 1 if token.type == "blockquote_open" else -1
            case "tr_open":
                row = []
            case "tr_close":
                cells = [run for i, cell in enumerate(row) for run in ([Run(" | ")] if i else []) + cell]
                blocks.append(Block(kind, cells, indent=indent + len(lists) + quote, tight=True))
                row = None
            case "inline" if row is not None:
                row.append(_inline_runs(token.children or []))
            case "inline":
                opener = tokens[position - 1]
                block_kind = "subheading" if opener.type == "heading_open" else ("quote" if quote else kind)
                blocks.append(
                    Block(
                        block_kind,
                        _inline_runs(token.children or []),
                        label=label,
                        indent=indent + len(lists) + quote,
                        tight=opener.hidden,
                    )
                )
                label = ""
            case "fence" | "code_block":
                for code_line in token.content.rstrip("\n").split("\n"):
                    blocks.append(
                        Block(
                            kind, [Run(code_line, code=True)], indent=indent + len(lists) + quote, tight=True
                        )
                    )
    return blocks


def numbered_lines(document) -> list[Line]:
    """The document as lines, numbered from 1, for the print page and the PDF. Blocks wrap at LINE_WIDTH
    characters (fewer for headings); an unnumbered gap line separates blocks."""
    lines, number, previous = [], 0, None
    for block in document_blocks(document):
        if previous is not None and not (block.tight and previous.tight):
            lines.append(Line(None, "gap"))
        width = LINE_WIDTHS.get(block.kind, LINE_WIDTH) - 4 * block.indent
        for index, runs in enumerate(wrap_runs(block.runs, width)):
            number += 1
            lines.append(Line(number, block.kind, runs, block.label if index == 0 else "", block.indent))
        previous = block
    return lines


def wrap_runs(runs: list[Run], width: int) -> list[list[Run]]:
    """Styled runs wrapped into lines of at most `width` characters, breaking between words (and inside a
    word longer than a line). A run's line breaks ("\\n", Markdown's hard breaks) start a new line."""
    paragraphs: list[list[list[Run]]] = [[]]  # paragraphs of words of runs
    gluing = False  # the next text continues the last word (no space between)
    for run in runs:
        for part_index, part in enumerate(run.text.split("\n")):
            if part_index:
                paragraphs.append([])
                gluing = False
            words = paragraphs[-1]
            pieces = part.split(" ")
            for piece_index, piece in enumerate(pieces):
                if piece_index:
                    gluing = False
                if not piece:
                    continue
                if gluing and words:
                    words[-1].append(Run(piece, run.bold, run.italic, run.code, run.strike))
                else:
                    words.append([Run(piece, run.bold, run.italic, run.code, run.strike)])
                gluing = True
            if part.endswith(" "):
                gluing = False
    lines: list[list[Run]] = []
    for words in paragraphs:
        line: list[list[Run]] = []
        length = 0
        for word in _split_long_words(words, width):
            word_length = sum(len(run.text) for run in word)
            if line and length + 1 + word_length > width:
                lines.append(_join_words(line))
                line, length = [], 0
            length += word_length + (1 if line else 0)
            line.append(word)
        lines.append(_join_words(line))
    return lines


def markdown_export(agenda, version, document, state_label) -> str:
    parts = [
        f"# {document.title}",
        "",
        version_line(version, state_label),
        "",
    ]
    if document.narrative.strip():
        parts += [_markdown_below_sections(document.narrative), ""]
    for number, section in enumerate(document.sections, start=1):
        parts += [f"## {section_heading(number, section)}", ""]
        if section.intro.strip():
            parts += [_markdown_below_sections(section.intro), ""]
        for index, point in enumerate(section.points, start=1):
            # A blank line after each point: consecutive lines would be one Markdown paragraph.
            text = _markdown_below_sections(point.text)
            tokens = _parser.parse(text)
            if tokens and tokens[0].type != "paragraph_open":
                # A point opening with a list or heading: its number stands alone, as on the print page.
                parts += [point_number(number, index), ""]
                parts += [text, ""]
            else:
                parts += [f"{point_number(number, index)} {text}".rstrip(), ""]
    return "\n".join(parts)


def _markdown_below_sections(text: str) -> str:
    """Markdown with its headings below the numbered reform directions (##), as the print page and the PDF
    show them: "# Bakgrund" and "## Bakgrund" become "### Bakgrund", "### Mål" becomes "#### Mål"."""
    lines = _newlines(text).strip().split("\n")
    for token in reversed(_parser.parse("\n".join(lines))):
        if token.type != "heading_open" or token.level != 0 or not token.map:
            continue
        start, end = token.map
        hashes = "#" * min(max(int(token.tag[1]) + 1, 3), 6)
        if token.markup.startswith("#"):
            lines[start] = hashes + lines[start].lstrip().lstrip("#")
        else:  # a setext heading: its text, then a line of = or -
            content = " ".join(line.strip() for line in lines[start : end - 1])
            lines[start:end] = [f"{hashes} {content}"]
    return "\n".join(lines)


# The PDF: A4, PT Serif (embedded, from the pinned fontpkg-pt-serif package), line numbers in the left margin.
PDF_FONT = "PTSerif"
PDF_SIZES = {"title": 20, "heading": 13.5, "subheading": 11.5}
PDF_BODY_SIZE = 10.5
PDF_LINE_HEIGHTS = {"title": 9.5, "heading": 7, "subheading": 6, "gap": 2.6}
PDF_BODY_LINE_HEIGHT = 5.2
PDF_INDENT = 9  # mm per label level
GREY = (110, 110, 110)


@cache
def _pdf_font_files() -> dict[str, str]:
    files = fontpkg_pt_serif.ROOT / "files"
    return {
        "": str(files / "PT_Serif-Web-Regular.ttf"),
        "B": str(files / "PT_Serif-Web-Bold.ttf"),
        "I": str(files / "PT_Serif-Web-Italic.ttf"),
        "BI": str(files / "PT_Serif-Web-BoldItalic.ttf"),
    }


class AgendaPDF(FPDF):
    """A4 pages with the title and the version's state in the header and the page number in the footer."""

    def __init__(self, *, title: str, state_line: str):
        super().__init__(format="A4", unit="mm")
        self.document_title, self.state_line = title, state_line
        for style, path in _pdf_font_files().items():
            self.add_font(PDF_FONT, style=style, fname=path)
        self.set_margins(left=30, top=24, right=22)
        self.c_margin = 0
        self.set_auto_page_break(auto=True, margin=22)
        self.alias_nb_pages()

    def header(self):
        self.set_font(PDF_FONT, size=8)
        self.set_text_color(*GREY)
        self.set_xy(self.l_margin, 12)
        width = self.w - self.l_margin - self.r_margin
        self.cell(width / 2, 4, _truncate(self, self.document_title, width / 2 - 4))
        self.cell(width / 2, 4, self.state_line, align="R")
        self.set_draw_color(*GREY)
        self.set_line_width(0.2)
        self.line(self.l_margin, 17, self.w - self.r_margin, 17)
        self.set_text_color(0)
        self.set_y(self.t_margin)

    def footer(self):
        self.set_font(PDF_FONT, size=8)
        self.set_text_color(*GREY)
        self.set_xy(self.l_margin, -14)
        page = _("Sida %(number)s av %(total)s") % {
            "number": self.page_no(),
            "total": self.str_alias_nb_pages,
        }
        self.cell(self.w - self.l_margin - self.r_margin, 4, page, align="C")
        self.set_text_color(0)


def pdf_export(agenda, version, document, state_label) -> bytes:
    state_line = version_line(version, state_label)
    pdf = AgendaPDF(title=document.title, state_line=state_line)
    pdf.set_title(document.title)
    pdf.set_subject(state_line)
    pdf.set_lang("sv")  # the agenda is written in Swedish
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    lines = numbered_lines(document)
    for position, line in enumerate(lines):
        height = PDF_LINE_HEIGHTS.get(line.kind, PDF_BODY_LINE_HEIGHT)
        if line.kind == "gap":
            if pdf.get_y() > pdf.t_margin:
                pdf.ln(
                    height
                    * (1.6 if position + 1 < len(lines) and lines[position + 1].kind == "heading" else 1)
                )
            continue
        # A heading keeps its first two lines below it on the same page.
        keep = height + (2 * PDF_BODY_LINE_HEIGHT if line.kind in ("heading", "subheading") else 0)
        if pdf.will_page_break(keep):
            pdf.add_page()
        y = pdf.get_y()
        size = PDF_SIZES.get(line.kind, PDF_BODY_SIZE)
        pdf.set_font(PDF_FONT, size=7)
        pdf.set_text_color(*GREY)
        # On the line's baseline: a cell centres its text, and the number is smaller than the line's text.
        pdf.set_xy(pdf.l_margin - 14, y + 0.3 * (size - 7) / pdf.k)
        pdf.cell(10, height, str(line.number), align="R")
        pdf.set_text_color(0)
        x = pdf.l_margin + PDF_INDENT * line.indent
        if line.label:
            pdf.set_font(PDF_FONT, style="B" if line.kind == "point" else "", size=size)
            pdf.set_xy(x - PDF_INDENT, y)
            pdf.cell(PDF_INDENT, height, line.label)
        available = width - PDF_INDENT * line.indent
        # Lines are wrapped by characters (the print page's numbers); a line of wide letters shrinks to fit.
        natural = sum(_run_width(pdf, run, size, line.kind) for run in line.runs)
        if natural > available:
            size *= available / natural
        pdf.set_xy(x, y)
        for run in line.runs:
            _pdf_run(pdf, run, size, height, line.kind)
        pdf.set_xy(pdf.l_margin, y + height)
    return bytes(pdf.output())


def _pdf_style(run: Run, kind: str) -> str:
    bold = run.bold or kind in ("title", "heading", "subheading")
    italic = run.italic or kind == "quote"
    return ("B" if bold else "") + ("I" if italic else "")


def _run_width(pdf, run: Run, size: float, kind: str) -> float:
    pdf.set_font(PDF_FONT, style=_pdf_style(run, kind), size=size)
    return pdf.get_string_width(run.text)


def _pdf_run(pdf, run: Run, size: float, height: float, kind: str) -> None:
    width = _run_width(pdf, run, size, kind)
    if run.code:
        pdf.set_text_color(60, 60, 60)
    x, y = pdf.get_x(), pdf.get_y()
    pdf.cell(width, height, run.text)
    pdf.set_text_color(0)
    if run.strike:
        pdf.set_line_width(0.25)
        pdf.line(x, y + height * 0.55, x + width, y + height * 0.55)


def _truncate(pdf, text: str, width: float) -> str:
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _inline_runs(children) -> list[Run]:
    """A Markdown paragraph's inline tokens as runs of one style each."""
    runs: list[Run] = []
    bold = italic = strike = 0
    link_start, href = 0, ""
    for token in children:
        match token.type:
            case "link_open":
                link_start, href = len(runs), token.attrGet("href") or ""
            case "link_close":
                # On paper a link shows where it leads, unless its text already says it.
                if href and "".join(run.text for run in runs[link_start:]).strip() != href:
                    runs.append(Run(f" ({href})"))
            case "strong_open" | "strong_close":
                bold += 1 if token.type == "strong_open" else -1
            case "em_open" | "em_close":
                italic += 1 if token.type == "em_open" else -1
            case "s_open" | "s_close":
                strike += 1 if token.type == "s_open" else -1
            case "text" | "html_inline":
                runs.append(Run(token.content, bool(bold), bool(italic), False, bool(strike)))
            case "code_inline":
                runs.append(Run(token.content, bool(bold), bool(italic), True, bool(strike)))
            case "softbreak":
                runs.append(Run(" "))
            case "hardbreak":
                runs.append(Run("\n"))
            case "image":
                runs.append(Run(token.content, bool(bold), bool(italic), False, bool(strike)))
    return runs


def _split_long_words(words: list[list[Run]], width: int):
    for word in words:
        while sum(len(run.text) for run in word) > width:
            head, tail, room = [], [], width
            for run in word:
                if room >= len(run.text):
                    head.append(run)
                    room -= len(run.text)
                elif room > 0:
                    head.append(_restyle(run, run.text[:room]))
                    tail.append(_restyle(run, run.text[room:]))
                    room = 0
                else:
                    tail.append(run)
            yield head
            word = tail
        yield word


def _join_words(words: list[list[Run]]) -> list[Run]:
    """Words joined by spaces, a space taking the style the words on both its sides share; neighbouring runs
    of one style merged."""
    runs: list[Run] = []
    for word in words:
        if runs:
            before, after = runs[-1], word[0]
            runs.append(
                Run(
                    " ",
                    before.bold and after.bold,
                    before.italic and after.italic,
                    False,
                    before.strike and after.strike,
                )
            )
        runs += word
    merged: list[Run] = []
    for run in runs:
        if merged and merged[-1].style == run.style:
            merged[-1] = _restyle(run, merged[-1].text + run.text)
        else:
            merged.append(run)
    return merged


def _restyle(run: Run, text: str) -> Run:
    return Run(text, run.bold, run.italic, run.code, run.strike)


def _run_html(run: Run) -> str:
    html = escape(run.text)
    for flag, tag in ((run.code, "code"), (run.strike, "del"), (run.italic, "em"), (run.bold, "strong")):
        if flag:
            html = f"<{tag}>{html}</{tag}>"
    return html


def _newlines(text: str) -> str:
    # Browsers send textareas with CRLF line endings.
    return text.replace("\r\n", "\n").replace("\r", "\n")
