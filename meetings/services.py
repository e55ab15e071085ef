"""Every write to meetings, sign-ups and calendar addresses goes through these functions.

Whatever depends on the seats (signing up, cancelling, changing the capacity) locks the meeting's row first, so
that two members taking the last seat at once are handled one after the other: one gets it, the other the
waiting list.
"""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit.models import AuditEntry
from audit.services import audit_record
from members.services import notification_create
from members.tasks import email_send
from places.models import District
from reformbank.submissions import submission_claim

from .errors import MeetingError
from .models import CalendarFeed, Meeting, Registration

# Reminders go to the members with a seat at a meeting that starts within this time ("the day before").
REMINDER_AHEAD = timedelta(hours=24)
# The reminders claimed in one transaction; the command runs batches until none are due.
REMINDER_BATCH = 200
MEETING_FIELDS = (
    "title",
    "description",
    "kind",
    "join_url",
    "address",
    "starts_at",
    "ends_at",
    "capacity",
    "round",
)


def _locked(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def _confirmed_count(meeting: Meeting) -> int:
    return meeting.registrations.filter(state=Registration.State.CONFIRMED).count()


@transaction.atomic
def meeting_create(*, editor, district, submission_key=None, **fields) -> Meeting:
    """Arrange a meeting (`fields`: MEETING_FIELDS) for a district's board, or a joint one (district None).
    The same form sent again (`submission_key`) returns the meeting it made."""
    earlier, submission_key = submission_claim(
        Meeting,
        owner_field="created_by",
        owner=editor,
        key=submission_key,
        same=lambda row: (row.title, row.starts_at) == (fields["title"], fields["starts_at"]),
    )
    if earlier is not None:
        return earlier
    meeting = Meeting(created_by=editor, district=district, submission_key=submission_key, **fields)
    meeting.full_clean()
    meeting.save()
    _audit(editor=editor, meeting=meeting, before={})
    return meeting


def _snapshot(meeting: Meeting) -> dict:
    """What the audit log keeps of a meeting, before and after a change."""
    return {
        "title": meeting.title,
        "kind": meeting.kind,
        "starts_at": meeting.starts_at.isoformat(),
        "ends_at": meeting.ends_at.isoformat(),
        "capacity": meeting.capacity,
        "address": meeting.address,
        "district": meeting.district_id,
        "ideas_raised": sorted(meeting.ideas.values_list("pk", flat=True)) if meeting.pk else [],
    }


def _audit(*, editor, meeting: Meeting, before: dict) -> None:
    audit_record(
        actor=editor,
        action=AuditEntry.Action.MEETING_CHANGE,
        target=meeting,
        districts=District.objects.concerned_ids(meeting.district_id),
        before=before,
        after=_snapshot(meeting),
    )


@transaction.atomic
def meeting_update(*, meeting: Meeting, editor, district, **fields) -> Meeting:
    """Change a meeting. The capacity cannot go below the seats already taken; a larger one moves the first
    on the waiting list up into the new seats."""
    locked = _locked(meeting)
    before = _snapshot(locked)
    taken = _confirmed_count(locked)
    if fields["capacity"] < taken:
        raise MeetingError(
            _("%(taken)s medlemmar har redan en plats: färre platser än så går inte.") % {"taken": taken}
        )
    locked.district = district
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.full_clean()
    locked.save()
    _seats_fill(locked)
    _audit(editor=editor, meeting=locked, before=before)
    return locked


@transaction.atomic
def meeting_notes_set(*, meeting: Meeting, editor, notes: str, ideas) -> Meeting:
    """Write the notes after the meeting and link the ideas raised there (all of them: the list replaces the
    earlier one)."""
    locked = _locked(meeting)
    before = _snapshot(locked)
    if not locked.has_started:
        raise MeetingError(_("Anteckningarna skrivs när mötet har börjat."))
    locked.notes = notes
    locked.full_clean()
    locked.save(update_fields=["notes"])
    locked.ideas.set(ideas)
    _audit(editor=editor, meeting=locked, before=before)
    return locked


@transaction.atomic
def meeting_register(*, meeting: Meeting, member) -> Registration:
    """Sign the member up: a seat while there is one, else the end of the waiting list. Signing up again (a
    double-click) returns the registration there is."""
    locked = _locked(meeting)
    if locked.has_started:
        raise MeetingError(_("Mötet har redan börjat, så anmälan är stängd."))
    existing = Registration.objects.filter(meeting=locked, member=member).first()
    if existing is not None:
        return existing
    free = _confirmed_count(locked) < locked.capacity
    registration = Registration(
        meeting=locked,
        member=member,
        state=Registration.State.CONFIRMED if free else Registration.State.WAITING,
    )
    registration.save()
    return registration


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, member) -> bool:
    """Cancel the member's registration; a seat given back goes to the first on the waiting list, who hears of
    it. False when the member was not signed up."""
    locked = _locked(meeting)
    if locked.has_started:
        raise MeetingError(_("Mötet har redan börjat, så anmälan kan inte tas tillbaka här."))
    registration = Registration.objects.filter(meeting=locked, member=member).first()
    if registration is None:
        return False
    registration.delete()
    if registration.is_confirmed:
        _seats_fill(locked)
    return True


def _seats_fill(meeting: Meeting) -> list[Registration]:
    """Move the first on the waiting list up into the free seats and tell them. Call with the meeting locked."""
    free = meeting.capacity - _confirmed_count(meeting)
    if free <= 0:
        return []
    moving = list(
        meeting.registrations.filter(state=Registration.State.WAITING)
        .select_related("member")
        .order_by("created_at", "id")[:free]
    )
    Registration.objects.filter(pk__in=[r.pk for r in moving]).update(state=Registration.State.CONFIRMED)
    for registration in moving:
        registration.state = Registration.State.CONFIRMED
        notification_create(
            user=registration.member,
            kind="meeting_seat",
            params={"meeting": meeting.title},
            url=meeting.get_absolute_url(),
            emailed=True,  # the seat email below says more, and goes whatever the member's email choice
        )
        _member_email(registration.member, meeting, "seat")
    return moving


def _member_email(member, meeting: Meeting, template: str) -> None:
    """Email the member about the meeting, in the member's language, from the task worker once committed."""
    context = {
        "meeting": meeting,
        "member": member,
        "url": settings.SITE_URL.rstrip("/") + meeting.get_absolute_url(),
    }
    with translation.override(member.language), timezone.override(settings.TIME_ZONE):
        subject = render_to_string(f"meetings/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"meetings/email/{template}_body.txt", context)
    transaction.on_commit(partial(email_send.enqueue, subject=subject, body=body, to=[member.email]))


def meeting_reminders_send(*, now=None) -> int:
    """Remind each member with a seat at a meeting starting within REMINDER_AHEAD, once: a registration is
    claimed by setting its `reminded_at` (rows another run holds are skipped, and a claimed row is never
    picked again), and its email is queued when the claim is committed. How many were reminded."""
    now = now or timezone.now()
    sent = 0
    while True:
        with transaction.atomic():
            due = list(
                Registration.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(
                    state=Registration.State.CONFIRMED,
                    reminded_at__isnull=True,
                    meeting__starts_at__gt=now,
                    meeting__starts_at__lte=now + REMINDER_AHEAD,
                )
                .select_related("meeting", "member")
                .order_by("pk")[:REMINDER_BATCH]
            )
            Registration.objects.filter(pk__in=[r.pk for r in due], reminded_at__isnull=True).update(
                reminded_at=now
            )
            for registration in due:
                _member_email(registration.member, registration.meeting, "reminder")
        sent += len(due)
        if len(due) < REMINDER_BATCH:
            return sent


@transaction.atomic
def calendar_feed_renew(*, member) -> CalendarFeed:
    """Give the member a new secret calendar address; the old one, if any, stops working."""
    feed, _created = CalendarFeed.objects.update_or_create(
        member=member, defaults={"token": CalendarFeed._meta.get_field("token").default()}
    )
    return feed


@transaction.atomic
def calendar_feed_revoke(*, member) -> bool:
    """Turn the member's calendar address off; False when there was none."""
    deleted, _per_model = CalendarFeed.objects.filter(member=member).delete()
    return bool(deleted)
