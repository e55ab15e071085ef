"""Differences between two versions of an agenda: sections and points matched by their stable keys,
text compared word by word. Changes are marked with <ins>/<del> plus words for screen readers and print,
so that they never rely on colour alone.

difflib finds the fewest marks but takes quadratic time or worse, and the comparison page is open to anyone
during consultation while a narrative may have 60,000 characters. So difflib only ever sees short stretches:
a longer text is matched paragraph by paragraph first and word by word only inside the paragraphs that
changed, and all of it within a fixed amount of work (see `_align`). What cannot be matched within that is
marked as removed and added whole."""

import difflib
import html as html_lib
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .document import Document

TOKEN_RE = re.compile(r"\s+|[^\s]+")
# A blank line (spaces allowed on it) ends a paragraph; the break belongs to neither paragraph.
PARAGRAPH_BREAK_RE = re.compile(r"\n(?:[^\S\n]*\n)+")

# Work is counted in steps of roughly a tenth of a microsecond (as measured when this was tuned). All the
# work one comparison may do, of one text and of all the texts of two agenda versions: once it is spent,
# whatever is not compared yet is replaced whole.
WORK_LIMIT = 1_000_000
DOCUMENT_WORK_LIMIT = 4_000_000
# difflib compares a stretch (its lengths on the two sides multiplied) of at most this at once: 25 words
# and their spaces on each side, say. A larger stretch is split first (see _anchors); one that cannot be
# split goes to difflib up to the second limit. Larger ones without split points are replaced whole.
STRETCH_LIMIT = 2_500
UNSPLIT_STRETCH_LIMIT = 10_000
# What difflib costs: up to about 5 steps per pair of items in its worst cases at these sizes (it grows with
# the length), and what setting up any comparison costs.
STEPS_PER_PAIR = 5
CALL_STEPS = 200
# Split points for a larger stretch, with the steps per item of looking for them: single items found once
# on each side; failing that, runs of four (one-word lines repeat their words, but seldom a pair of lines).
ANCHOR_WIDTHS = ((1, 1), (4, 6))
# Split points covering less than this share of a stretch are chance matches in a rewritten text: the
# stretch is replaced whole rather than cut into fragments around them.
ANCHOR_MIN_SHARE = 0.02


def words_diff(old: str, new: str) -> SafeString:
    """HTML of `new` with the words removed since `old` in <del> and the words added in <ins>.

    Line endings are compared as \\n (browsers send \\r\\n), so a save from a form marks no false change."""
    return _text_diff(old, new, _Budget(WORK_LIMIT))


def _text_diff(old: str, new: str, budget: "_Budget") -> SafeString:
    old, new = _normalise(old), _normalise(new)
    if old == new:
        return mark_safe(escape(new))  # noqa: S308
    html = _Html()
    a, b = TOKEN_RE.findall(old), TOKEN_RE.findall(new)
    if not a or not b:
        html.changed(old, new)
    elif len(a) * len(b) <= STRETCH_LIMIT and budget.spend(_difflib_steps(len(a), len(b))):
        # Short texts (titles, short points) exactly as they have always been compared.
        html.tokens(a, b, difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
    else:
        _paragraphs_diff(html, old, new, budget)
    return mark_safe("".join(html.parts))  # noqa: S308


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _differs(old: str, new: str) -> bool:
    """Whether the texts differ in more than their line endings (what words_diff would mark)."""
    return _normalise(old) != _normalise(new)


def _difflib_steps(n: int, m: int) -> int:
    return n * m * STEPS_PER_PAIR + CALL_STEPS


class _Html:
    """The marked-up text, written piece by piece."""

    def __init__(self):
        # Outside the f-strings below: xgettext (makemessages) cannot see _() inside an f-string.
        self.removed, self.removed_end = escape(_("borttaget:")), escape(_("slut borttaget"))
        self.added, self.added_end = escape(_("tillagt:")), escape(_("slut tillagt"))
        self.parts = []

    # The standard library's escape, which Django's wraps (same output): Django's lazy-string wrapper costs
    # more than the escaping itself when a text is written in thousands of pieces.
    def same(self, text: str) -> None:
        self.parts.append(html_lib.escape(text))

    def changed(self, old: str, new: str) -> None:
        if old:
            self.parts.append(
                f'<del><span class="visually-hidden">{self.removed} </span>{html_lib.escape(old)}'
                f'<span class="visually-hidden"> {self.removed_end}</span></del>'
            )
        if new:
            self.parts.append(
                f'<ins><span class="visually-hidden">{self.added} </span>{html_lib.escape(new)}'
                f'<span class="visually-hidden"> {self.added_end}</span></ins>'
            )

    def tokens(self, a: list[str], b: list[str], opcodes) -> None:
        for op, a1, a2, b1, b2 in opcodes:
            if op == "equal":
                self.same("".join(b[b1:b2]))
            else:
                self.changed("".join(a[a1:a2]), "".join(b[b1:b2]))


class _Budget:
    """The steps of work left to one comparison (of a text, or of a whole document)."""

    def __init__(self, steps: int):
        self.left = steps

    def spend(self, steps: int) -> bool:
        """Take `steps` if that many are left; False (and nothing taken) if not."""
        if steps > self.left:
            return False
        self.left -= steps
        return True


def _paragraphs_diff(html: _Html, old: str, new: str, budget: _Budget) -> None:
    """Match whole paragraphs first; compare words only in what lies between matched paragraphs, pairing
    the changed paragraphs one to one where their number did not change."""
    old_spans, new_spans = _paragraphs(old), _paragraphs(new)
    opcodes = _align([old[s:e] for s, e in old_spans], [new[s:e] for s, e in new_spans], budget)
    old_at = new_at = 0  # how far each text has been written
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            # The breaks between these paragraphs may still differ (one blank line or two).
            old_end, new_end = old_spans[i2 - 1][1], new_spans[j2 - 1][1]
            _words(html, old[old_at:old_end], new[new_at:new_end], budget)
            old_at, new_at = old_end, new_end
            continue
        # The changed paragraphs, with the breaks on either side, up to the next unchanged paragraph.
        old_end = old_spans[i2][0] if i2 < len(old_spans) else len(old)
        new_end = new_spans[j2][0] if j2 < len(new_spans) else len(new)
        if i2 - i1 == j2 - j1:
            old_cuts = [old_at, *(old_spans[i][0] for i in range(i1 + 1, i2)), old_end]
            new_cuts = [new_at, *(new_spans[j][0] for j in range(j1 + 1, j2)), new_end]
            for k in range(i2 - i1):
                _words(html, old[old_cuts[k] : old_cuts[k + 1]], new[new_cuts[k] : new_cuts[k + 1]], budget)
        else:
            _words(html, old[old_at:old_end], new[new_at:new_end], budget)
        old_at, new_at = old_end, new_end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Start and end of each paragraph; the text between two of them is a paragraph break."""
    spans, start = [], 0
    for paragraph_break in PARAGRAPH_BREAK_RE.finditer(text):
        spans.append((start, paragraph_break.start()))
        start = paragraph_break.end()
    spans.append((start, len(text)))
    return spans


def _words(html: _Html, old: str, new: str, budget: _Budget) -> None:
    if old == new:
        html.same(new)
        return
    a, b = TOKEN_RE.findall(old), TOKEN_RE.findall(new)
    html.tokens(a, b, _align(a, b, budget))


def _align(a: list[str], b: list[str], budget: _Budget) -> list[tuple[str, int, int, int, int]]:
    """Opcodes turning `a` into `b`, as difflib's get_opcodes(), in bounded work.

    The common start and end of a stretch are kept as they are (linear). A small stretch goes to difflib. A
    larger one is split at the items it has exactly once on each side, kept in order (patience diff), and
    each piece between them is aligned the same way. A large stretch that cannot be split, and any stretch
    once the budget is spent, is replaced whole."""
    opcodes = []
    todo = [(0, len(a), 0, len(b), False)]  # stretches still to align, the next one last
    while todo:
        alo, ahi, blo, bhi, matched = todo.pop()
        if matched:
            opcodes.append(("equal", alo, ahi, blo, bhi))
            continue
        start = alo
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            alo, blo = alo + 1, blo + 1
        if alo > start:
            opcodes.append(("equal", start, alo, blo - (alo - start), blo))
        end = ahi
        while ahi > alo and bhi > blo and a[ahi - 1] == b[bhi - 1]:
            ahi, bhi = ahi - 1, bhi - 1
        if ahi < end:
            todo.append((ahi, end, bhi, bhi + (end - ahi), True))
        n, m = ahi - alo, bhi - blo
        if not n or not m:
            if n or m:
                opcodes.append(("delete" if n else "insert", alo, ahi, blo, bhi))
        elif n == m == 1:
            opcodes.append(("replace", alo, ahi, blo, bhi))  # different, or they would have been trimmed
        elif n * m <= STRETCH_LIMIT and budget.spend(_difflib_steps(n, m)):
            opcodes += _difflib(a, alo, ahi, b, blo, bhi)
        elif anchors := _anchors(a, alo, ahi, b, blo, bhi, budget):
            pieces = []
            for i, j, width in anchors:
                if i > alo or j > blo:
                    pieces.append((alo, i, blo, j, False))
                pieces.append((i, i + width, j, j + width, True))
                alo, blo = i + width, j + width
            if ahi > alo or bhi > blo:
                pieces.append((alo, ahi, blo, bhi, False))
            todo.extend(reversed(pieces))
        elif n * m <= UNSPLIT_STRETCH_LIMIT and budget.spend(_difflib_steps(n, m)):
            opcodes += _difflib(a, alo, ahi, b, blo, bhi)  # its words all repeat: 50 words of a few, say
        else:
            opcodes.append(("replace", alo, ahi, blo, bhi))
    return _merged(opcodes)


def _difflib(a, alo, ahi, b, blo, bhi) -> list[tuple[str, int, int, int, int]]:
    matcher = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
    return [(op, alo + i1, alo + i2, blo + j1, blo + j2) for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def _anchors(a, alo, ahi, b, blo, bhi, budget: _Budget) -> list[tuple[int, int, int]]:
    """Where to split a large stretch: (i, j, width) for runs of `width` items found exactly once in
    a[alo:ahi] and once in b[blo:bhi], the longest chain of them in the same order on both sides, not
    overlapping. Empty if there are none, or too few to be more than chance."""
    items = ahi - alo + bhi - blo
    for width, steps_per_item in ANCHOR_WIDTHS:
        if not budget.spend(items * steps_per_item + CALL_STEPS):
            break
        a_keys, b_keys = _windows(a, alo, ahi, width), _windows(b, blo, bhi, width)
        a_count, b_count = Counter(a_keys), Counter(b_keys)
        b_at = {key: blo + j for j, key in enumerate(b_keys) if b_count[key] == 1}
        pairs = [(alo + i, b_at[key]) for i, key in enumerate(a_keys) if a_count[key] == 1 and key in b_at]
        chain, last_i, last_j = [], alo - width, blo - width
        for i, j in _increasing(pairs):
            if i >= last_i + width and j >= last_j + width:
                chain.append((i, j, width))
                last_i, last_j = i, j
        if 2 * width * len(chain) >= ANCHOR_MIN_SHARE * items:
            return chain
    return []


def _windows(items, lo, hi, width) -> list:
    """items[lo:hi] as runs of `width`, one starting at each position."""
    if width == 1:
        return items[lo:hi]
    return list(zip(*(items[lo + k : hi] for k in range(width))))


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of `pairs` (in order of i) whose j increase too: patience sorting, n log n."""
    ends, end_js, before = [], [], []  # ends[k]: the pair ending the best run of k + 1 found so far
    for index, (_i, j) in enumerate(pairs):
        k = bisect_left(end_js, j)
        before.append(ends[k - 1] if k else -1)
        if k == len(ends):
            ends.append(index)
            end_js.append(j)
        else:
            ends[k], end_js[k] = index, j
    run, index = [], ends[-1] if ends else -1
    while index >= 0:
        run.append(pairs[index])
        index = before[index]
    return run[::-1]


def _merged(opcodes):
    """Neighbouring opcodes of the same kind as one; changes next to each other as one replacement."""
    merged = []
    for op, i1, i2, j1, j2 in opcodes:
        if merged and (merged[-1][0] == "equal") == (op == "equal"):
            _op, i1, _i2, j1, _j2 = merged.pop()
        if op != "equal":
            op = "replace" if i1 < i2 and j1 < j2 else ("delete" if i1 < i2 else "insert")
        merged.append((op, i1, i2, j1, j2))
    return merged


@dataclass
class PointDiff:
    status: str  # added, removed, changed, moved, unchanged (moved may also be changed)
    html: SafeString
    moved_from: str = ""
    changed: bool = False
    sources_changed: bool = False


@dataclass
class SectionDiff:
    status: str
    title_html: SafeString
    intro_html: SafeString
    moved: bool = False
    changed: bool = False
    points: list[PointDiff] = field(default_factory=list)


@dataclass
class DocumentDiff:
    title_html: SafeString
    narrative_html: SafeString
    narrative_changed: bool
    sections: list[SectionDiff]

    @property
    def counts(self) -> dict:
        counts = {"added": 0, "removed": 0, "changed": 0, "moved": 0}
        for section in self.sections:
            for item in [section, *section.points]:
                if item.status in ("added", "removed"):
                    counts[item.status] += 1
                else:
                    counts["changed"] += item.changed
                    counts["moved"] += item.status == "moved"
        return counts


def document_diff(old: Document, new: Document) -> DocumentDiff:
    # One budget for the whole document: a page of many long texts is bounded too, not just each text.
    budget = _Budget(DOCUMENT_WORK_LIMIT)

    def text_diff(old_text: str, new_text: str) -> SafeString:
        return _text_diff(old_text, new_text, budget)

    title_html, narrative_html = text_diff(old.title, new.title), text_diff(old.narrative, new.narrative)
    old_sections = {s.key: (i, s) for i, s in enumerate(old.sections)}
    new_section_keys = {s.key for s in new.sections}
    old_points = {}
    for section in old.sections:
        for i, point in enumerate(section.points):
            old_points[point.key] = (section, i, point)
    new_point_keys = {p.key for p in new.points()}

    sections = []
    for section in new.sections:
        before = old_sections.get(section.key)
        if before is None:
            diff = SectionDiff("added", text_diff("", section.title), text_diff("", section.intro))
        else:
            old_index, old_section = before
            changed = _differs(old_section.title, section.title) or _differs(old_section.intro, section.intro)
            moved = _relative_order_changed(old.sections, new.sections, section.key)
            diff = SectionDiff(
                "moved" if moved else ("changed" if changed else "unchanged"),
                text_diff(old_section.title, section.title),
                text_diff(old_section.intro, section.intro),
                moved=moved,
                changed=changed,
            )
        for point in section.points:
            diff.points.append(_point_diff(point, section, old_points, text_diff))
        # Points that were in this section and are gone from the whole document.
        if before is not None:
            for point in before[1].points:
                if point.key not in new_point_keys:
                    diff.points.append(PointDiff("removed", text_diff(point.text, "")))
        sections.append(diff)
    for key, (_index, section) in old_sections.items():
        if key not in new_section_keys:
            removed = SectionDiff("removed", text_diff(section.title, ""), text_diff(section.intro, ""))
            removed.points = [
                PointDiff("removed", text_diff(p.text, ""))
                for p in section.points
                if p.key not in new_point_keys
            ]
            sections.append(removed)
    return DocumentDiff(
        title_html=title_html,
        narrative_html=narrative_html,
        narrative_changed=_differs(old.narrative, new.narrative),
        sections=sections,
    )


def _point_diff(point, section, old_points, text_diff) -> PointDiff:
    before = old_points.get(point.key)
    if before is None:
        return PointDiff("added", text_diff("", point.text))
    old_section, _position, old_point = before
    changed = _differs(old_point.text, point.text)
    moved_from = old_section.title if old_section.key != section.key else ""
    moved = bool(moved_from) or _relative_order_changed(old_section.points, section.points, point.key)
    return PointDiff(
        "moved" if moved else ("changed" if changed else "unchanged"),
        text_diff(old_point.text, point.text),
        moved_from=moved_from,
        changed=changed,
        sources_changed=sorted(old_point.source_ids) != sorted(point.source_ids),
    )


def _relative_order_changed(old_list, new_list, key) -> bool:
    """Whether the item moved relative to the items both versions share (insertions alone do not move it)."""
    shared = {item.key for item in old_list} & {item.key for item in new_list}
    old_order = [item.key for item in old_list if item.key in shared]
    new_order = [item.key for item in new_list if item.key in shared]
    return old_order.index(key) != new_order.index(key)
