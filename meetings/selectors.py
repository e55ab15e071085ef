"""Reads of meetings that need care: the list (coming first, then past) with seats and the viewer's sign-up."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.utils import timezone

from .models import Meeting, Registration

PER_PAGE = 20
# A member's calendar lists their meetings of the last year and all coming ones, at most this many.
CALENDAR_MAX = 200


def meeting_list_page(*, district_id: int | None, viewer, page_number):
    """The page of meetings: the coming ones soonest first, then the past ones latest first; with a district,
    its meetings and the joint ones. Each meeting has `confirmed_count` and the viewer's `my_state`."""
    now = timezone.now()
    meetings = Meeting.objects.select_related("district").annotate(
        is_past=Case(When(ends_at__lte=now, then=Value(1)), default=Value(0), output_field=IntegerField()),
        coming_start=Case(When(ends_at__gt=now, then=F("starts_at"))),
        past_start=Case(When(ends_at__lte=now, then=F("starts_at"))),
        confirmed_count=Count("registrations", filter=Q(registrations__state=Registration.State.CONFIRMED)),
    )
    if viewer.is_authenticated:
        mine = Registration.objects.filter(meeting=OuterRef("pk"), member_id=viewer.pk).values("state")
        meetings = meetings.annotate(my_state=Subquery(mine[:1]))
    if district_id is not None:
        meetings = meetings.filter(Q(district_id=district_id) | Q(district__isnull=True))
    meetings = meetings.order_by(
        "is_past", F("coming_start").asc(nulls_last=True), F("past_start").desc(nulls_last=True), "id"
    )
    return Paginator(meetings, PER_PAGE).get_page(page_number)


def meeting_for_detail(pk) -> Meeting:
    """The meeting with its district and the number of seats taken (raises Meeting.DoesNotExist)."""
    return (
        Meeting.objects.select_related("district", "round")
        .annotate(
            confirmed_count=Count(
                "registrations", filter=Q(registrations__state=Registration.State.CONFIRMED)
            ),
            waiting_count=Count("registrations", filter=Q(registrations__state=Registration.State.WAITING)),
        )
        .get(pk=pk)
    )


def registration_of(meeting: Meeting, viewer) -> Registration | None:
    """The viewer's registration; when waiting, with `position` on the waiting list (1 is next)."""
    if not viewer.is_authenticated:
        return None
    registration = Registration.objects.filter(meeting=meeting, member_id=viewer.pk).first()
    if registration is not None and not registration.is_confirmed:
        earlier = Q(created_at__lt=registration.created_at) | Q(
            created_at=registration.created_at, id__lt=registration.pk
        )
        registration.position = 1 + (
            Registration.objects.filter(meeting=meeting, state=Registration.State.WAITING)
            .filter(earlier)
            .count()
        )
    return registration


def member_calendar_meetings(member_id: int) -> list[Meeting]:
    """The meetings where the member has a seat: all coming ones and those of the last year, soonest first."""
    since = timezone.now() - timedelta(days=365)
    return list(
        Meeting.objects.filter(
            registrations__member_id=member_id,
            registrations__state=Registration.State.CONFIRMED,
            ends_at__gte=since,
        ).order_by("starts_at", "id")[:CALENDAR_MAX]
    )
