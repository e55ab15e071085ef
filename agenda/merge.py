"""Three-way merge of a text, paragraph by paragraph, as MediaWiki merges two edits of the same page.

Two editors start from the same version (the base). One saves first (theirs: the text as it is now); the
other's save (mine) is merged into it: where only one side changed a paragraph, that change is kept; where both
changed the same paragraph (or both inserted text at the same place) differently, that region is a conflict
for the editor to resolve. Paragraphs are separated by blank lines; line endings are compared as \\n.

Plain Python, no Django: the views and services use it, and it is tested on its own.
"""

import difflib
import re
from dataclasses import dataclass, field

# A blank line (spaces allowed on it) ends a paragraph, as in agenda/diff.py.
PARAGRAPH_BREAK_RE = re.compile(r"\n(?:[^\S\n]*\n)+")
PARAGRAPH_SEPARATOR = "\n\n"
# difflib matches the paragraphs between the common beginning and end of two texts when there are at most this
# many pairs of them (600 paragraphs rewritten on each side, say); a larger stretch is one change, so that a
# long run of repeated paragraphs cannot make a save slow. A coarser change can only mean more to resolve by
# hand, never a wrong merge.
PAIR_LIMIT = 360_000


def normalise(text: str) -> str:
    """The text with \\r\\n and \\r line endings as \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def paragraphs(text: str) -> list[str]:
    text = normalise(text).strip("\n")
    return PARAGRAPH_BREAK_RE.split(text) if text else []


def join(parts: list[str]) -> str:
    return PARAGRAPH_SEPARATOR.join(part for part in parts if part)


@dataclass(frozen=True)
class Conflict:
    """A region both sides changed differently: the base's text of it, and each side's."""

    base: str
    theirs: str
    mine: str


@dataclass
class TextMerge:
    """The merged text as regions: a str where the sides agree (or only one changed), a Conflict where not."""

    regions: list = field(default_factory=list)

    @property
    def conflicts(self) -> list[Conflict]:
        return [region for region in self.regions if isinstance(region, Conflict)]

    @property
    def clean(self) -> bool:
        return not self.conflicts

    @property
    def text(self) -> str:
        """The merged text; each conflict holds the editor's own text (mine), so nothing they typed is lost."""
        return join([region.mine if isinstance(region, Conflict) else region for region in self.regions])


@dataclass
class _Hunk:
    start: int  # the base paragraphs [start, end) replaced by `lines`; start == end: an insertion
    end: int
    lines: list[str]
    side: str

    def clashes(self, other: "_Hunk") -> bool:
        """Whether two changes of different sides touch the same base paragraph or the same insertion point."""
        if self.start == self.end and other.start == other.end:
            return self.start == other.start
        if self.start == self.end:
            return other.start < self.start < other.end
        if other.start == other.end:
            return self.start < other.start < self.end
        return self.start < other.end and other.start < self.end


def merge_text(base: str, theirs: str, mine: str) -> TextMerge:
    """Merge `mine` (the editor's text, made on `base`) into `theirs` (the text saved meanwhile)."""
    base, theirs, mine = normalise(base), normalise(theirs), normalise(mine)
    # Where one side left the text as it was, the other side's text is the result, exactly as written.
    if mine == base or mine == theirs:
        return TextMerge([theirs] if theirs else [])
    if theirs == base:
        return TextMerge([mine] if mine else [])
    base_parts, their_parts, my_parts = paragraphs(base), paragraphs(theirs), paragraphs(mine)
    hunks = _hunks(base_parts, their_parts, "theirs") + _hunks(base_parts, my_parts, "mine")
    regions, at = [], 0
    for group in _groups(hunks):
        start, end = min(h.start for h in group), max(h.end for h in group)
        regions.extend(base_parts[at:start])
        their_text = _apply(base_parts, start, end, [h for h in group if h.side == "theirs"])
        my_text = _apply(base_parts, start, end, [h for h in group if h.side == "mine"])
        if their_text == my_text:
            regions.extend(their_text)
        elif len({h.side for h in group}) == 1:
            regions.extend(their_text if group[0].side == "theirs" else my_text)
        else:
            regions.append(
                Conflict(base=join(base_parts[start:end]), theirs=join(their_text), mine=join(my_text))
            )
        at = end
    regions.extend(base_parts[at:])
    return TextMerge(regions)


def _hunks(base: list[str], other: list[str], side: str) -> list[_Hunk]:
    hunks = []
    for tag, i1, i2, j1, j2 in _opcodes(base, other):
        if tag == "equal":
            continue
        if i2 - i1 == j2 - j1:
            # So many paragraphs rewritten in place: each its own change, so that a change of the paragraph
            # beside one the other editor changed is no conflict.
            hunks.extend(_Hunk(i1 + k, i1 + k + 1, [other[j1 + k]], side) for k in range(i2 - i1))
        else:
            hunks.append(_Hunk(i1, i2, other[j1:j2], side))
    return hunks


def _opcodes(base: list[str], other: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes, on the stretch between the paragraphs the two have in common at each end."""
    start, base_end, other_end = 0, len(base), len(other)
    while start < min(base_end, other_end) and base[start] == other[start]:
        start += 1
    while base_end > start and other_end > start and base[base_end - 1] == other[other_end - 1]:
        base_end, other_end = base_end - 1, other_end - 1
    a, b = base[start:base_end], other[start:other_end]
    if not a and not b:
        return []
    if len(a) * len(b) > PAIR_LIMIT:
        opcodes = [("replace", 0, len(a), 0, len(b))]
    else:
        opcodes = difflib.SequenceMatcher(None, a, b).get_opcodes()
    return [(tag, i1 + start, i2 + start, j1 + start, j2 + start) for tag, i1, i2, j1, j2 in opcodes]


def _groups(hunks: list[_Hunk]) -> list[list[_Hunk]]:
    """The changes in base order, those that clash (directly or through another) in one group."""
    hunks = sorted(hunks, key=lambda h: (h.start, h.end))
    parent = list(range(len(hunks)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(hunks):
        for j in range(i + 1, len(hunks)):
            b = hunks[j]
            if b.start > a.end:
                break
            if a.side != b.side and a.clashes(b):
                parent[root(j)] = root(i)
    groups: dict[int, list[_Hunk]] = {}
    for i, hunk in enumerate(hunks):
        groups.setdefault(root(i), []).append(hunk)
    ordered = sorted(groups.values(), key=lambda g: (min(h.start for h in g), max(h.end for h in g)))
    # Groups that still overlap inside a span (not only at an edge) are one region.
    merged: list[list[_Hunk]] = []
    for group in ordered:
        if merged and min(h.start for h in group) < max(h.end for h in merged[-1]):
            merged[-1].extend(group)
        else:
            merged.append(group)
    return merged


def _apply(base: list[str], start: int, end: int, hunks: list[_Hunk]) -> list[str]:
    """One side's paragraphs for the base's [start, end), with that side's changes in it."""
    result, at = [], start
    for hunk in sorted(hunks, key=lambda h: (h.start, h.end)):
        result.extend(base[at : hunk.start])
        result.extend(hunk.lines)
        at = hunk.end
    result.extend(base[at:end])
    return result


def merge_fields(base: dict, theirs: dict, mine: dict) -> dict[str, TextMerge]:
    """Each field of `mine` that the base has, merged; fields the base lacks (a new item's text) are mine."""
    return {
        name: merge_text(base[name], theirs.get(name, ""), text) if name in base else TextMerge([text])
        for name, text in mine.items()
    }
