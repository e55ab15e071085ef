"""Read queries of moderation: the reports an editor works, and the part of the audit log they may read."""

from datetime import date, datetime, time, timedelta

from django.db.models import Exists, OuterRef
from django.utils import timezone

from audit.models import AuditEntry
from members.models import User
from members.permissions import Viewer
from proposals.models import Proposal

from .models import Report


def reports_visible(viewer: Viewer):
    """Every report for an admin; for an editor, those of ideas about their districts' places."""
    reports = Report.objects.all()
    if viewer.is_admin:
        return reports
    links = Proposal.places.through.objects.filter(
        proposal=OuterRef("proposal"), place__districts__in=viewer.editor_district_ids
    )
    return reports.filter(Exists(links))


def report_queue(viewer: Viewer, *, handled: bool):
    """The open reports, oldest first (so that none is left lying), or the handled ones, newest first."""
    reports = reports_visible(viewer).select_related("proposal", "comment", "reporter", "handled_by")
    if handled:
        return reports.exclude(state=Report.State.OPEN).order_by("-handled_at", "-id")
    return reports.filter(state=Report.State.OPEN).order_by("created_at", "id")


def report_for_handling(pk: int) -> Report:
    """A report with what its page shows and what deciding who may handle it needs (the idea's districts)."""
    return (
        Report.objects.select_related("proposal__author", "comment__author", "reporter", "handled_by")
        .prefetch_related("proposal__places__districts")
        .get(pk=pk)
    )


def reports_of_same_target(report: Report):
    """The other reports of the same idea or comment, for the editor's view of the whole matter."""
    return (
        Report.objects.filter(proposal_id=report.proposal_id, comment_id=report.comment_id)
        .exclude(pk=report.pk)
        .select_related("reporter")
        .order_by("created_at", "id")
    )


def audit_visible(viewer: Viewer):
    """The whole log for an admin; for an editor, the entries of their districts' boards."""
    entries = AuditEntry.objects.all()
    if viewer.is_admin:
        return entries
    links = AuditEntry.districts.through.objects.filter(
        auditentry_id=OuterRef("pk"), district_id__in=viewer.editor_district_ids
    )
    return entries.filter(Exists(links))


def audit_actors(viewer: Viewer):
    """Who acted in the part of the log the viewer reads: the choices of the log's filter."""
    acted = audit_visible(viewer).filter(actor=OuterRef("pk"))
    return User.objects.filter(Exists(acted)).order_by("display_name", "pk")


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_log(viewer: Viewer, filters: dict):
    """The log's entries the viewer may read that match the filters (action, actor, since, until: dates,
    both days included), newest first, with what a row shows loaded."""
    entries = audit_visible(viewer)
    if "action" in filters:
        entries = entries.filter(action=filters["action"])
    if "actor" in filters:
        entries = entries.filter(actor=filters["actor"])
    # Day bounds in the site's time zone, as times: the index on the time serves them.
    if "since" in filters:
        entries = entries.filter(created_at__gte=_start_of(filters["since"]))
    if "until" in filters and filters["until"] < date.max:
        entries = entries.filter(created_at__lt=_start_of(filters["until"] + timedelta(days=1)))
    return (
        entries.select_related("actor", "target_type")
        .prefetch_related("districts")
        .order_by("-created_at", "-id")
    )
