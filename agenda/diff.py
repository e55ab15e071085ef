"""Differences between two versions of an agenda: sections and points matched by their stable keys,
text compared word by word. Changes are marked with <ins>/<del> plus words for screen readers and print,
so that they never rely on colour alone."""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .document import Document

TOKEN_RE = re.compile(r"\s+|[^\s]+")


def words_diff(old: str, new: str) -> SafeString:
    """HTML of `new` with the words removed since `old` in <del> and the words added in <ins>."""
    if old == new:
        return mark_safe(escape(new))  # noqa: S308
    a, b = TOKEN_RE.findall(old), TOKEN_RE.findall(new)
    # Outside the f-strings below: xgettext (makemessages) cannot see _() inside an f-string.
    removed, removed_end = escape(_("borttaget:")), escape(_("slut borttaget"))
    added, added_end = escape(_("tillagt:")), escape(_("slut tillagt"))
    parts = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(b[b1:b2])))
            continue
        if op in ("delete", "replace"):
            parts.append(
                f'<del><span class="visually-hidden">{removed} </span>{escape("".join(a[a1:a2]))}'
                f'<span class="visually-hidden"> {removed_end}</span></del>'
            )
        if op in ("insert", "replace"):
            parts.append(
                f'<ins><span class="visually-hidden">{added} </span>{escape("".join(b[b1:b2]))}'
                f'<span class="visually-hidden"> {added_end}</span></ins>'
            )
    return mark_safe("".join(parts))  # noqa: S308


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
            diff = SectionDiff("added", words_diff("", section.title), words_diff("", section.intro))
        else:
            old_index, old_section = before
            changed = (old_section.title, old_section.intro) != (section.title, section.intro)
            moved = _relative_order_changed(old.sections, new.sections, section.key)
            diff = SectionDiff(
                "moved" if moved else ("changed" if changed else "unchanged"),
                words_diff(old_section.title, section.title),
                words_diff(old_section.intro, section.intro),
                moved=moved,
                changed=changed,
            )
        for point in section.points:
            diff.points.append(_point_diff(point, section, old_points))
        # Points that were in this section and are gone from the whole document.
        if before is not None:
            for point in before[1].points:
                if point.key not in new_point_keys:
                    diff.points.append(PointDiff("removed", words_diff(point.text, "")))
        sections.append(diff)
    for key, (_index, section) in old_sections.items():
        if key not in new_section_keys:
            removed = SectionDiff("removed", words_diff(section.title, ""), words_diff(section.intro, ""))
            removed.points = [
                PointDiff("removed", words_diff(p.text, ""))
                for p in section.points
                if p.key not in new_point_keys
            ]
            sections.append(removed)
    return DocumentDiff(
        title_html=words_diff(old.title, new.title),
        narrative_html=words_diff(old.narrative, new.narrative),
        narrative_changed=old.narrative != new.narrative,
        sections=sections,
    )


def _point_diff(point, section, old_points) -> PointDiff:
    before = old_points.get(point.key)
    if before is None:
        return PointDiff("added", words_diff("", point.text))
    old_section, _position, old_point = before
    changed = old_point.text != point.text
    moved_from = old_section.title if old_section.key != section.key else ""
    moved = bool(moved_from) or _relative_order_changed(old_section.points, section.points, point.key)
    return PointDiff(
        "moved" if moved else ("changed" if changed else "unchanged"),
        words_diff(old_point.text, point.text),
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
