"""What moderation shows on the bank's idea page: the bank's templates load these tags, so the bank's code never
imports moderation."""

from django import template
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from proposals.models import Proposal

from ..forms import ReportForm
from ..models import Report
from ..permissions import can_handle, can_report

register = template.Library()


@register.inclusion_tag("moderation/_hidden_notice.html", takes_context=True)
def hidden_notice(context, proposal):
    """On a hidden idea's page (which only its author, editors and admins reach): why it is hidden, and for
    those who handle it, the button that shows it again."""
    request = context["request"]
    return {
        "proposal": proposal,
        "can_unhide": proposal.is_hidden and can_handle(request.viewer, proposal),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("moderation/_report_idea.html", takes_context=True)
def report_idea(context, proposal):
    """The form that reports the idea to the editors (for every verified member but its author)."""
    viewer = context["request"].viewer
    shown = not proposal.is_hidden and can_report(viewer, author_id=proposal.author_id)
    return {
        "proposal": proposal,
        "form": ReportForm(prefix_id="report-idea") if shown else None,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("moderation/_comment_moderation.html", takes_context=True)
def comment_moderation(context, comment, proposal):
    """Beside a comment: the form that reports it, or, on a hidden one, the button that shows it again (for
    the idea's editors and admins). `proposal` is the page's idea, its districts loaded."""
    request = context["request"]
    viewer = request.viewer
    reportable = not comment.is_hidden and can_report(viewer, author_id=comment.author_id)
    return {
        "comment": comment,
        "form": ReportForm(prefix_id=f"report-comment-{comment.pk}") if reportable else None,
        "can_unhide": comment.is_hidden and can_handle(viewer, proposal),
        "next": f"{request.path}#kommentar-{comment.pk}",
        "csrf_token": context.get("csrf_token"),
    }


# The names of the values the audit log keeps before and after an action, as the log page shows them.
VALUE_LABELS = {
    "status": _("status"),
    "answer": _("svar"),
    "hidden": _("dold"),
    "reason": _("skäl"),
    "districts": _("redaktör för"),
    "is_admin": _("administratör"),
    "reports_open": _("öppna anmälningar"),
    "state": _("beslut"),
    "agenda": _("reformagenda"),
    "version": _("version"),
}
# Values that are a choice's code, shown by the choice's label.
VALUE_CHOICES = {"status": dict(Proposal.Status.choices), "state": dict(Report.State.choices)}


def _value_shown(name: str, value) -> str:
    if isinstance(value, bool):
        return gettext("ja") if value else gettext("nej")
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "–"
    if value is None or value == "":
        return "–"
    return str(VALUE_CHOICES.get(name, {}).get(value, value))


@register.filter
def audit_values(values: dict) -> list[tuple[str, str]]:
    """An entry's `before` or `after` as (label, value) pairs for the log page."""
    return [(VALUE_LABELS.get(name, name), _value_shown(name, value)) for name, value in values.items()]
