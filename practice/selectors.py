"""Reads of the practice app that need care: the viewer's offices, governing places, the matrix."""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from places.models import Place
from proposals.models import PolicyArea, Proposal
from proposals.selectors import ReachablePaginator

from .models import Assignment, Carrying, GoverningPeriod, Implementation
from .permissions import NO_OFFICES, Offices, can_record_anywhere, can_record_implementation

# The states in which an idea counts as tried in practice somewhere.
TRIED_STATES = [Implementation.State.TRIAL, Implementation.State.CARRIED_OUT, Implementation.State.EVALUATED]
MATRIX_ROWS = 25
MATRIX_MAX_PAGES = 20


def offices_for(viewer) -> Offices:
    """The viewer's confirmed assignments (one query for a signed-in member, none for anyone else)."""
    if not viewer.is_verified:
        return NO_OFFICES
    assignments = tuple(
        Assignment.objects.filter(member_id=viewer.pk, confirmed_at__isnull=False).select_related("place")
    )
    return Offices(
        assignments=assignments,
        place_ids=frozenset(a.place_id for a in assignments if a.place_id),
        every_place=any(a.covers_every_place for a in assignments),
    )


def request_offices(request) -> Offices:
    """The request's viewer's offices, loaded once however many tags and views ask."""
    if not hasattr(request, "_practice_offices"):
        request._practice_offices = offices_for(request.viewer)
    return request._practice_offices


def recordable_places(request, proposal) -> list[Place]:
    """The places where the request's viewer may record the idea's implementation."""
    viewer, offices = request.viewer, request_offices(request)
    if not can_record_anywhere(viewer, offices, proposal):
        return []
    places = Place.objects.filter(is_active=True).only("id", "code", "name", "kind")
    return [place for place in places if can_record_implementation(viewer, offices, proposal, place)]


def governing_now(today=None):
    """The periods in which the party governs today."""
    today = today or timezone.localdate()
    return GoverningPeriod.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today), starts_on__lte=today
    )


def governing_place_ids(today=None) -> set[int]:
    return set(governing_now(today).values_list("place_id", flat=True))


def proposal_ids_tried():
    """Ids of the ideas tried in practice somewhere (being tried, carried out or evaluated): a subquery for the
    list's filter "prövad i praktiken"."""
    return Implementation.objects.filter(state__in=TRIED_STATES).values("proposal_id").distinct()


def proposal_ids_in_governing_places(today=None):
    """Ids of the ideas that concern a place the party governs today: a subquery for the list's filter. The
    places are looked up first and written into it, so a cached search with this filter (keyed by its SQL) is
    a new search once a governing period starts, ends or is changed in the admin."""
    places = sorted(governing_place_ids(today))
    # No place: a condition no row meets but that still compiles to SQL (an empty IN list would not).
    where = Q(place_id__in=places) if places else Q(pk__isnull=True)
    return Proposal.places.through.objects.filter(where).values("proposal_id").distinct()


def proposal_implementations(proposal) -> list[Implementation]:
    return list(proposal.implementations.select_related("place", "recorded_by"))


def implementations_by_proposal(proposal_ids) -> dict[int, list[Implementation]]:
    """The implementations of many ideas at once (an agenda's source ideas), by idea id."""
    found: dict[int, list[Implementation]] = {}
    rows = Implementation.objects.filter(proposal_id__in=list(proposal_ids)).select_related("place")
    for implementation in rows:
        found.setdefault(implementation.proposal_id, []).append(implementation)
    return found


def proposal_carryings(proposal) -> list[Carrying]:
    """Who carries the idea, in which office (only confirmed offices count)."""
    return list(
        proposal.carryings.filter(assignment__confirmed_at__isnull=False).select_related(
            "member", "assignment__place"
        )
    )


def matrix_places() -> list[Place]:
    """The columns: the region, then the municipalities in alphabetical order."""
    return list(Place.objects.filter(is_active=True).only("id", "code", "name", "kind"))


def matrix_page(area: PolicyArea, page_number):
    """A page of the area's ideas that have any implementation, each with its implementations by place id."""
    has_any = Exists(Implementation.objects.filter(proposal=OuterRef("pk")))
    ideas = (
        Proposal.objects.filter(has_any, policy_area=area)
        .only("id", "title", "status")
        .order_by("title", "id")
    )
    page = ReachablePaginator(ideas, MATRIX_ROWS, max_pages=MATRIX_MAX_PAGES).get_page(page_number)
    by_idea = implementations_by_proposal(idea.pk for idea in page)
    for idea in page:
        idea.cells = {i.place_id: i for i in by_idea.get(idea.pk, [])}
    return page


def representative_assignments(member) -> list[Assignment]:
    return list(member.assignments.filter(confirmed_at__isnull=False).select_related("place"))


def representative_carryings(member) -> list[Carrying]:
    """What the representative carries, each idea with its implementations."""
    carryings = list(
        Carrying.objects.filter(member=member, assignment__confirmed_at__isnull=False)
        .select_related("proposal", "assignment__place")
        .order_by("-created_at")
    )
    by_idea = implementations_by_proposal(c.proposal_id for c in carryings)
    for carrying in carryings:
        carrying.implementations = by_idea.get(carrying.proposal_id, [])
    return carryings


def place_representatives(place) -> list[Assignment]:
    """The confirmed offices in the place, and those of the parliament and region that cover it too."""
    return list(
        Assignment.objects.filter(confirmed_at__isnull=False)
        .filter(Q(place=place) | Q(place__isnull=True) | Q(place__kind=Place.Kind.REGION))
        .select_related("member", "place")
        .order_by("kind", "member__display_name")
    )
