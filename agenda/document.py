"""The agenda as a plain document in memory: load a version, change it, write it as the next version."""

import uuid
from dataclasses import dataclass, field

from .errors import ItemGone
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
