"""Every write of moderation: members report, editors handle the reports."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEntry
from audit.services import audit_record
from members.services import editors_of, followers_notify, notification_create
from proposals import services as proposal_services
from proposals.models import Comment, Proposal
from proposals.selectors import proposal_district_ids
from reformbank.errors import UserError

from .models import RESPONSE_MAX, Report


class ReportError(UserError):
    """The report cannot be made or handled now (someone else was first); the message is for the user."""

    status = 409


def report_create(
    *, reporter, proposal: Proposal, comment: Comment | None = None, reason: str
) -> tuple[Report, bool]:
    """Report an idea, or a comment on it, to the editors. A member reports each once: the report made
    before (a double-click, or coming back later) is returned with False."""
    if comment is not None and comment.proposal_id != proposal.pk:
        raise ReportError(_("Kommentaren hör till en annan idé."))
    if (comment or proposal).is_hidden:
        raise ReportError(_("Redaktionen har redan dolt det här."))
    report = Report(reporter=reporter, proposal=proposal, comment=comment, reason=reason.strip())
    report.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            report.save()
            # The editors of the idea's districts hear of it (not who reported it).
            followers_notify(
                targets=[],
                also=editors_of(proposal_district_ids(proposal.pk)),
                exclude=[reporter],
                kind="report_new",
                params={"title": proposal.title},
                url=reverse("moderation:queue"),
            )
    except IntegrityError:
        # One report per member and idea or comment (the database's unique constraints): this one's first.
        return Report.objects.get(reporter=reporter, proposal=proposal, comment=comment), False
    return report, True


def _reports_close(*, report: Report, editor, state: str, response: str = "") -> int:
    """Close the report, and every other open report of the same idea or comment, as `state`: the editor
    decides about what was reported, once. The open reports are locked in one order, so that two editors
    handling reports of the same thing at once go one after the other; the second finds the report closed
    and is told who was first. How many reports were closed."""
    open_reports = Report.objects.select_for_update().filter(
        proposal_id=report.proposal_id, comment_id=report.comment_id, state=Report.State.OPEN
    )
    locked = list(open_reports.order_by("pk").values_list("pk", flat=True))
    if report.pk not in locked:
        current = Report.objects.select_related("handled_by").get(pk=report.pk)
        raise ReportError(
            _("%(editor)s hann före: anmälan är redan hanterad (%(state)s).")
            % {"editor": current.handled_by.public_name, "state": current.get_state_display().lower()}
        )
    Report.objects.filter(pk__in=locked).update(
        state=state, handled_by=editor, handled_at=timezone.now(), response=response[:RESPONSE_MAX]
    )
    report.refresh_from_db(fields=["state", "handled_by", "handled_at", "response"])
    return len(locked)


def _report_audit(*, report: Report, editor, action: str, closed: int, reason: str = "") -> None:
    audit_record(
        actor=editor,
        action=action,
        target=report.target,
        districts=proposal_district_ids(report.proposal_id),
        before={"reports_open": closed},
        after={"reports_open": 0, "state": report.state},
        reason=reason,
        label=_target_label(report),
    )


def _target_label(report: Report) -> str:
    if report.comment_id:
        return _("Kommentar på ”%(title)s”") % {"title": report.proposal.title}
    return report.proposal.title


@transaction.atomic
def report_dismiss(*, report: Report, editor) -> Report:
    """The editor finds nothing wrong: the report (and the others of the same thing) is closed."""
    closed = _reports_close(report=report, editor=editor, state=Report.State.DISMISSED)
    _report_audit(report=report, editor=editor, action=AuditEntry.Action.REPORT_DISMISS, closed=closed)
    return report


@transaction.atomic
def report_hide(*, report: Report, editor, reason: str) -> Report:
    """Hide what was reported, with a public reason (the idea's or comment's own hiding writes the log). If
    it was hidden meanwhile, it stays hidden as it was."""
    reason = reason.strip()
    if not reason:
        raise ReportError(_("Skriv varför det döljs."))
    _reports_close(report=report, editor=editor, state=Report.State.HIDDEN, response=reason)
    if report.comment_id:
        proposal_services.comment_hide(comment=report.comment, editor=editor, reason=reason)
    else:
        proposal_services.proposal_hide(proposal=report.proposal, editor=editor, reason=reason)
    return report


@transaction.atomic
def report_ask_change(*, report: Report, editor, message: str) -> Report:
    """Ask the author to change what was reported: a notification tells them what, with a link to it."""
    message = message.strip()
    if not message:
        raise ReportError(_("Skriv vad författaren ska ändra."))
    closed = _reports_close(
        report=report, editor=editor, state=Report.State.ASKED_TO_CHANGE, response=message
    )
    proposal = report.proposal
    if report.comment_id:
        author, kind = report.comment.author, "change_requested_comment"
        url = f"{proposal.get_absolute_url()}#kommentar-{report.comment_id}"
    else:
        author, kind, url = proposal.author, "change_requested_proposal", proposal.get_absolute_url()
    notification_create(
        user=author, kind=kind, params={"title": proposal.title, "message": message[:RESPONSE_MAX]}, url=url
    )
    _report_audit(
        report=report,
        editor=editor,
        action=AuditEntry.Action.REPORT_ASK_CHANGE,
        closed=closed,
        reason=message,
    )
    return report
