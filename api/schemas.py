"""What the API answers, field by field: only what an anonymous visitor sees on the site's pages. A member is
named by their public name only; emails, hidden comments and drafts have no field here."""

from datetime import date, datetime
from typing import Literal

from ninja import Schema

IdeaStatus = Literal["new", "under_review", "selected", "answered", "declined"]
AgendaState = Literal["consultation", "board_proposal", "adopted"]


class Error(Schema):
    detail: str | list


class Page(Schema):
    count: int
    # More items match than can be paged to: narrow the filters (the site's list pages as deep).
    truncated: bool
    next: str | None
    previous: str | None


class District(Schema):
    code: str
    name: str
    name_en: str
    short_name: str


class Place(Schema):
    code: str
    name: str
    kind: Literal["municipality", "region"]
    is_active: bool
    districts: list[str]


class PolicyArea(Schema):
    slug: str
    name: str
    name_en: str
    is_active: bool


class Tag(Schema):
    name: str
    slug: str


class TagCount(Tag):
    ideas: int


class PlaceRef(Schema):
    code: str
    name: str


class AreaRef(Schema):
    slug: str
    name: str


class IdeaCard(Schema):
    id: int
    url: str
    title: str
    summary: str
    status: IdeaStatus
    policy_area: AreaRef
    places: list[PlaceRef]
    tags: list[Tag]
    support_count: int
    comment_count: int
    created_at: datetime
    last_activity_at: datetime


class IdeaPage(Page):
    results: list[IdeaCard]


class StatusChange(Schema):
    status: IdeaStatus
    at: datetime
    by: str
    reason: str


class Comment(Schema):
    id: int
    # The comment this one answers; it may be hidden, and then is not in the list.
    reply_to: int | None
    author: str
    body: str
    created_at: datetime
    edited: bool


class IdeaRef(Schema):
    id: int
    title: str


class Idea(IdeaCard):
    author: str
    problem: str
    body: str
    # The board's answer, when the idea is answered or does not go further (as on the idea's page).
    answer: str
    derived_from: IdeaRef | None
    status_history: list[StatusChange]
    comments: list[Comment]
    updated_at: datetime


class DistrictRef(Schema):
    code: str
    name: str


class Agenda(Schema):
    id: int
    url: str
    title: str
    # None for a joint agenda of both districts.
    district: DistrictRef | None
    state: AgendaState
    # The newest version a visitor may read.
    version: int
    consultation_ends_on: date | None
    created_at: datetime


class AgendaPage(Page):
    results: list[Agenda]


class VersionSummary(Schema):
    number: int
    url: str
    title: str
    message: str
    author: str
    created_at: datetime


class VersionPage(Page):
    results: list[VersionSummary]


class Source(Schema):
    id: int
    title: str
    status: IdeaStatus


class Point(Schema):
    key: str
    text: str
    sources: list[Source]


class Section(Schema):
    key: str
    title: str
    intro: str
    points: list[Point]


class Adoption(Schema):
    body: Literal["congress", "council", "joint_assembly"]
    decided_on: date
    minutes_reference: str


class Version(VersionSummary):
    agenda_id: int
    narrative: str
    sections: list[Section]
    adoption: Adoption | None


class TagPage(Page):
    results: list[TagCount]
