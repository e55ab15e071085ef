"""The agenda as a plain document in memory: load a version, change it, write it as the next version."""

import uuid
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .errors import AgendaError, ItemGone
from .models import AgendaVersion, VersionPoint, VersionSection


@dataclass
class Point:
    key: uuid.UUID
    text: str
    source_ids: list[int] = field(default_factory=list)


@dataclass
class Section:
    key: uuid.UUID
    title: str
    intro: str = ""
    points: list[Point] = field(default_factory=list)


@dataclass
class Document:
    """The agenda as it is in one version: a plain object, no database. Its methods are the edits an editor
    makes; each changes the document in place and raises ItemGone for a section or point it lacks."""

    title: str
    narrative: str = ""
    sections: list[Section] = field(default_factory=list)

    def section(self, key) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise ItemGone(key)

    def find_point(self, key) -> tuple[Section, Point]:
        for section in self.sections:
            for point in section.points:
                if point.key == key:
                    return section, point
        raise ItemGone(key)

    def points(self):
        for section in self.sections:
            yield from section.points

    def cites(self, proposal_id: int) -> bool:
        return any(proposal_id in point.source_ids for point in self.points())

    # The edits.

    def narrative_set(self, title: str, narrative: str) -> None:
        self.title, self.narrative = title, _text(narrative)

    def section_add(self, title: str, intro: str = "") -> Section:
        section = Section(key=uuid.uuid4(), title=title, intro=_text(intro))
        self.sections.append(section)
        return section

    def section_set(self, key, title: str, intro: str) -> None:
        section = self.section(key)
        section.title, section.intro = title, _text(intro)

    def section_intro_set(self, key, intro: str) -> None:
        self.section(key).intro = _text(intro)

    def section_move(self, key, offset: int) -> None:
        _move(self.sections, self.section(key), offset)

    def section_remove(self, key) -> None:
        self.sections.remove(self.section(key))

    def point_add(self, section_key, text: str, source_ids=()) -> Point:
        point = Point(key=uuid.uuid4(), text=_text(text), source_ids=list(source_ids))
        self.section(section_key).points.append(point)
        return point

    def point_set(self, key, text: str) -> None:
        self.find_point(key)[1].text = _text(text)

    def point_move(self, key, *, section_key=None, offset: int = 0) -> None:
        """Up or down in its section (offset), or to the end of another section."""
        section, point = self.find_point(key)
        if section_key is not None and section_key != section.key:
            target = self.section(section_key)
            section.points.remove(point)
            target.points.append(point)
        else:
            _move(section.points, point, offset)

    def point_remove(self, key) -> None:
        section, point = self.find_point(key)
        section.points.remove(point)

    def point_merge(self, key, other_key, text: str) -> None:
        """Merge `other_key` into `key`: one point with the given text and the source ideas of both."""
        if key == other_key:
            raise AgendaError(_("Välj en annan punkt att slå ihop med."))
        point = self.find_point(key)[1]
        other_section, other = self.find_point(other_key)
        point.text = _text(text)
        point.source_ids = list(dict.fromkeys(point.source_ids + other.source_ids))
        other_section.points.remove(other)

    def point_split(self, key, first_text: str, second_text: str) -> Point:
        """Split a point in two; both keep the source ideas. The first keeps the point's identity."""
        section, point = self.find_point(key)
        point.text = _text(first_text)
        new = Point(key=uuid.uuid4(), text=_text(second_text), source_ids=list(point.source_ids))
        section.points.insert(section.points.index(point) + 1, new)
        return new


def _text(text: str) -> str:
    """Text as stored: line endings as \n (browsers send \r\n), so that no two versions differ only in them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _move(items: list, item, offset: int) -> None:
    index = items.index(item)
    target = max(0, min(len(items) - 1, index + offset))
    items.insert(target, items.pop(index))


def document_load(version: AgendaVersion) -> Document:
    """The whole document of a version, in three queries."""
    sections = {}
    for row in VersionSection.objects.filter(version=version).order_by("position"):
        sections[row.pk] = Section(key=row.key, title=row.title, intro=row.intro)
    points = {}
    for row in VersionPoint.objects.filter(version=version).order_by("section__position", "position"):
        point = Point(key=row.key, text=row.text)
        points[row.pk] = point
        sections[row.section_id].points.append(point)
    through = VersionPoint.sources.through
    for point_id, proposal_id in (
        through.objects.filter(versionpoint__version=version)
        .order_by("versionpoint_id", "proposal_id")
        .values_list("versionpoint_id", "proposal_id")
    ):
        points[point_id].source_ids.append(proposal_id)
    return Document(title=version.title, narrative=version.narrative, sections=list(sections.values()))


def document_write(version: AgendaVersion, document: Document) -> None:
    """Store the document's sections and points as rows of a new (unsaved-content) version."""
    section_rows = VersionSection.objects.bulk_create(
        VersionSection(version=version, key=s.key, position=i, title=s.title, intro=s.intro)
        for i, s in enumerate(document.sections)
    )
    point_rows, point_docs = [], []
    for section_row, section in zip(section_rows, document.sections):
        for i, point in enumerate(section.points):
            point_rows.append(
                VersionPoint(version=version, section=section_row, key=point.key, position=i, text=point.text)
            )
            point_docs.append(point)
    VersionPoint.objects.bulk_create(point_rows)
    through = VersionPoint.sources.through
    through.objects.bulk_create(
        through(versionpoint_id=row.pk, proposal_id=proposal_id)
        for row, point in zip(point_rows, point_docs)
        for proposal_id in dict.fromkeys(point.source_ids)
    )
