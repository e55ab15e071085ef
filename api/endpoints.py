"""The API's routes, all GET: each reads through the app's own selectors and permissions, as the anonymous
viewer (members.permissions.ANONYMOUS), and answers with a schema of api/schemas.py."""

from typing import Annotated, Literal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from ninja import Path, Query, Router
from ninja.errors import HttpError
from taggit.models import Tag

from agenda import permissions as agenda_permissions
from agenda import selectors as agenda_selectors
from agenda.document import document_load
from agenda.models import Adoption, AgendaVersion
from members.permissions import ANONYMOUS
from places.models import District, Place
from proposals import permissions as proposal_permissions
from proposals import selectors
from proposals.models import Comment, PolicyArea, Proposal

from . import schemas
from .paging import (
    DEFAULT_PAGE_SIZE,
    MAX_DEPTH,
    MAX_PAGE_SIZE,
    page_check,
    page_meta,
    page_of,
    reachable_pages,
)

router = Router()

IDEAS_PATH = "/ideas"
# Text a member could type: no control characters (the site refuses them too, with a 400 page).
NO_CONTROL = r"^[^\x00-\x1f\x7f-\x9f]*$"
# An idea's comments in its answer: the first this many (comment_count tells how many there are).
COMMENTS_MAX = 500
# Ids are PostgreSQL bigints, version numbers integers: a larger number is no id, not an error.
MAX_ID = 2**63 - 1
MAX_NUMBER = 2**31 - 1
# What any route may answer besides its 200: a bad parameter (400), nothing there (404), too many requests
# (429, with Retry-After).
ERRORS = {400: schemas.Error, 404: schemas.Error, 429: schemas.Error}

PageNumber = Annotated[int, Query(1, ge=1, le=MAX_DEPTH, description="Page number, from 1.")]
PageSize = Annotated[int, Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Items per page.")]


def site_link(request, path: str) -> str:
    return request.build_absolute_uri(path)


# Places, districts, policy areas, tags.


@router.get(
    "/places",
    response={200: list[schemas.Place], **ERRORS},
    tags=["places"],
    summary="Municipalities and the region",
)
def places(request):
    """Stockholm County's municipalities and Region Stockholm, with the districts each belongs to; `code` is
    what the ideas' `place` filter takes."""
    rows = Place.objects.prefetch_related("districts")
    return [
        {
            "code": place.code,
            "name": place.name,
            "kind": place.kind,
            "is_active": place.is_active,
            "districts": sorted(district.code for district in place.districts.all()),
        }
        for place in rows
    ]


@router.get(
    "/districts", response={200: list[schemas.District], **ERRORS}, tags=["places"], summary="Party districts"
)
def districts(request):
    """The party districts; `code` is what the ideas' `district` filter takes."""
    return [
        {"code": d.code, "name": d.name, "name_en": d.name_en, "short_name": d.short_name}
        for d in District.objects.all()
    ]


@router.get(
    "/policy-areas",
    response={200: list[schemas.PolicyArea], **ERRORS},
    tags=["ideas"],
    summary="Policy areas",
)
def policy_areas(request):
    """The policy areas; `slug` is what the ideas' `area` filter takes. A retired area keeps its ideas."""
    return [
        {"slug": a.slug, "name": a.name, "name_en": a.name_en, "is_active": a.is_active}
        for a in PolicyArea.objects.all()
    ]


@router.get("/tags", response={200: schemas.TagPage, **ERRORS}, tags=["ideas"], summary="Tags")
def tags(request, page: PageNumber, page_size: PageSize):
    """The tags on ideas, alphabetically, with how many ideas carry each; `slug` is what the ideas' `tag`
    filter takes."""
    content_type = ContentType.objects.get_for_model(Proposal)
    rows = (
        Tag.objects.filter(taggit_taggeditem_items__content_type=content_type)
        .annotate(ideas=Count("taggit_taggeditem_items"))
        .order_by("name", "id")
        .values("name", "slug", "ideas")
    )
    shown, meta = page_of(request, rows, number=page, size=page_size)
    return {**meta, "results": list(shown)}


# Ideas.


def _card(request, proposal, place_codes: dict) -> dict:
    return {
        "id": proposal.pk,
        "url": site_link(request, proposal.get_absolute_url()),
        "title": proposal.title,
        "summary": proposal.summary,
        "status": proposal.status,
        "policy_area": {"slug": proposal.policy_area.slug, "name": proposal.policy_area.name},
        "places": [{"code": place_codes[name], "name": name} for name in proposal.card_places],
        "tags": [{"name": tag.name, "slug": tag.slug} for tag in proposal.card_tags],
        "support_count": proposal.support_count,
        "comment_count": proposal.comment_count,
        "created_at": proposal.created_at,
        "last_activity_at": proposal.last_activity_at,
    }


def _choice(model, field: str, value: str | None, message: str) -> int | None:
    """The id of the row whose `field` is `value` (None for no value); 400 naming the filter when none is."""
    if value is None:
        return None
    pk = model.objects.filter(**{field: value}).values_list("pk", flat=True).first()
    if pk is None:
        raise HttpError(400, message % {"value": value})
    return pk


@router.get(
    IDEAS_PATH,
    response={200: schemas.IdeaPage, **ERRORS},
    tags=["ideas"],
    summary="Ideas",
)
def ideas(
    request,
    page: PageNumber,
    page_size: PageSize,
    q: Annotated[str, Query("", max_length=200, pattern=NO_CONTROL, description="Search words.")],
    place: Annotated[str | None, Query(None, description="A municipality's code (see /places).")],
    district: Annotated[str | None, Query(None, description="A district's code (see /districts).")],
    area: Annotated[str | None, Query(None, description="A policy area's slug (see /policy-areas).")],
    tag: Annotated[
        str | None, Query(None, max_length=100, pattern=r"^[-\w]+$", description="A tag's slug (see /tags).")
    ],
    status: Annotated[schemas.IdeaStatus | None, Query(None)],
    has_supports: Annotated[bool, Query(False, description="Only ideas with support.")],
    sort: Annotated[
        Literal["relevance", "newest", "supported", "commented", "active"] | None,
        Query(None, description="Default: relevance for a search, else newest."),
    ],
):
    """The ideas of the bank with the list page's filters, search and sort, a page at a time. A search (`q`)
    ranks by relevance unless `sort` says otherwise."""
    filters = selectors.ProposalFilters(
        q=q.strip(),
        place_id=_choice(Place, "code", place, _("Det finns ingen kommun med koden ”%(value)s”.")),
        district_id=_choice(District, "code", district, _("Det finns inget distrikt med koden ”%(value)s”.")),
        policy_area_id=_choice(PolicyArea, "slug", area, _("Det finns inget sakområde ”%(value)s”.")),
        tag=tag or "",
        status=status or "",
        has_supports=has_supports,
        sort="" if sort in (None, "relevance") else sort,
    )
    if filters.q:
        search = selectors.proposal_search(
            filters, page_number=page, per_page=page_size, max_pages=reachable_pages(page_size)
        )
        count = search.page.paginator.count if search.searchable else 0
        page_check(count, number=page, size=page_size)
        shown = list(search.page.object_list)
    else:
        # As the site's list (selectors.proposal_list_page): with a municipality, counted from the place links
        # and paged testing the place ids kept on each idea.
        rows = selectors.proposal_list(filters, place_by_links=filters.place_id is None)
        count = (selectors.proposal_list(filters) if filters.place_id is not None else rows).count()
        page_check(count, number=page, size=page_size)
        start = (page - 1) * page_size
        shown = selectors.proposal_cards(rows[start : start + page_size])
    place_codes = dict(Place.objects.values_list("name", "code")) if shown else {}
    return {
        **page_meta(request, count, number=page, size=page_size),
        "results": [_card(request, proposal, place_codes) for proposal in shown],
    }


@router.get(IDEAS_PATH + "/{id}", response={200: schemas.Idea, **ERRORS}, tags=["ideas"], summary="One idea")
def idea(request, id: Annotated[int, Path(ge=1, le=MAX_ID)]):
    """One idea with its status history and its visible comments (a hidden comment is left out; a reply to it
    names it in `reply_to`)."""
    try:
        proposal = selectors.proposal_for_detail(id)
    except Proposal.DoesNotExist:
        raise HttpError(404, _("Idén finns inte.")) from None
    if not proposal_permissions.can_see_proposal(ANONYMOUS, proposal):  # hidden by an editor
        raise HttpError(404, _("Idén finns inte."))
    proposal.card_places = [place.name for place in proposal.places.all()]
    proposal.card_tags = list(proposal.tags.all())
    comments = (
        Comment.objects.filter(proposal=proposal, hidden_at__isnull=True)
        .select_related("author")
        .order_by("created_at", "id")[:COMMENTS_MAX]
    )
    answered = proposal.status in {Proposal.Status.ANSWERED, Proposal.Status.DECLINED}
    return {
        **_card(request, proposal, {place.name: place.code for place in proposal.places.all()}),
        "author": proposal.author.public_name,
        "problem": proposal.problem,
        "body": proposal.body,
        "answer": proposal.answer if answered else "",
        "derived_from": {"id": proposal.derived_from.pk, "title": proposal.derived_from.title}
        if proposal.derived_from and not proposal.derived_from.is_hidden
        else None,
        "status_history": [
            {
                "status": change.to_status,
                "at": change.created_at,
                "by": change.changed_by.public_name,
                "reason": change.reason,
            }
            for change in proposal.status_changes.select_related("changed_by")
        ],
        "comments": [
            {
                "id": comment.pk,
                "reply_to": comment.parent_id,
                "author": comment.author.public_name,
                "body": comment.body,
                "created_at": comment.created_at,
                "edited": comment.edited_at is not None,
            }
            for comment in comments
        ],
        "updated_at": proposal.updated_at,
    }


# Agendas: what agenda.selectors.agendas_visible shows the anonymous viewer, and of each agenda the versions
# agenda.permissions lets that viewer read (the published ones).


def _public_agenda_or_404(pk: int):
    agenda = agenda_selectors.agendas_visible(ANONYMOUS).filter(pk=pk).first()
    if agenda is None:
        raise HttpError(404, _("Reformagendan finns inte."))
    return agenda


@router.get(
    "/agendas", response={200: schemas.AgendaPage, **ERRORS}, tags=["agendas"], summary="Reform agendas"
)
def agendas(request, page: PageNumber, page_size: PageSize):
    """The published reform agendas, newest first: each in the newest version a visitor may read (the adopted
    one while the boards draft the next)."""
    rows = agenda_selectors.agendas_visible(ANONYMOUS).order_by("-created_at", "-id")
    shown, meta = page_of(request, rows, number=page, size=page_size)
    shown = list(shown)
    numbers = {agenda.pk: agenda_permissions.public_version_number(agenda) for agenda in shown}
    titles = {}
    if shown:
        wanted = Q()
        for pk, number in numbers.items():
            wanted |= Q(agenda_id=pk, number=number)
        titles = {
            (pk, n): title
            for pk, n, title in AgendaVersion.objects.filter(wanted).values_list(
                "agenda_id", "number", "title"
            )
        }
    results = []
    for agenda in shown:
        number = numbers[agenda.pk]
        state = agenda.state if number == agenda.head_number else "adopted"
        results.append(
            {
                "id": agenda.pk,
                "url": site_link(request, agenda.get_absolute_url()),
                "title": titles.get((agenda.pk, number), agenda.title),
                "district": {"code": agenda.district.code, "name": agenda.district.name}
                if agenda.district
                else None,
                "state": state,
                "version": number,
                "consultation_ends_on": agenda.consultation_ends_on if state == "consultation" else None,
                "created_at": agenda.created_at,
            }
        )
    return {**meta, "results": results}


def _version_summary(request, version) -> dict:
    return {
        "number": version.number,
        "url": site_link(request, version.get_absolute_url()),
        "title": version.title,
        "message": version.message_text,
        "author": version.author.public_name,
        "created_at": version.created_at,
    }


@router.get(
    "/agendas/{id}/versions",
    response={200: schemas.VersionPage, **ERRORS},
    tags=["agendas"],
    summary="An agenda's versions",
)
def agenda_versions(
    request,
    id: Annotated[int, Path(ge=1, le=MAX_ID)],
    page: PageNumber,
    page_size: PageSize,
):
    """The versions of an agenda a visitor may read, newest first."""
    agenda = _public_agenda_or_404(id)
    newest = agenda_permissions.public_version_number(agenda)
    rows = agenda.versions.filter(number__lte=newest).select_related("author").order_by("-number")
    shown, meta = page_of(request, rows, number=page, size=page_size)
    return {**meta, "results": [_version_summary(request, version) for version in shown]}


@router.get(
    "/agendas/{id}/versions/{number}",
    response={200: schemas.Version, **ERRORS},
    tags=["agendas"],
    summary="One version of an agenda",
)
def agenda_version(
    request,
    id: Annotated[int, Path(ge=1, le=MAX_ID)],
    number: Annotated[int, Path(ge=1, le=MAX_NUMBER)],
):
    """One published version of an agenda, the whole document: narrative, reform directions and their points,
    each point with the ideas it comes from; and the decision, if this is an adopted version."""
    agenda = _public_agenda_or_404(id)
    if not agenda_permissions.can_view_version(ANONYMOUS, agenda, number):
        raise HttpError(404, _("Versionen finns inte."))
    version = agenda_selectors.version_or_none(agenda, number)
    if version is None:
        raise HttpError(404, _("Versionen finns inte."))
    document = document_load(version)
    source_ids = {pk for point in document.points() for pk in point.source_ids}
    sources = (
        Proposal.objects.filter(hidden_at__isnull=True).only("id", "title", "status").in_bulk(source_ids)
    )
    adoption = Adoption.objects.filter(version=version).first()
    return {
        **_version_summary(request, version),
        "agenda_id": agenda.pk,
        "narrative": document.narrative,
        "sections": [
            {
                "key": str(section.key),
                "title": section.title,
                "intro": section.intro,
                "points": [
                    {
                        "key": str(point.key),
                        "text": point.text,
                        "sources": [
                            {"id": pk, "title": sources[pk].title, "status": sources[pk].status}
                            for pk in point.source_ids
                            if pk in sources
                        ],
                    }
                    for point in section.points
                ],
            }
            for section in document.sections
        ],
        "adoption": {
            "body": adoption.body,
            "decided_on": adoption.decided_on,
            "minutes_reference": adoption.minutes_reference,
        }
        if adoption
        else None,
    }
