from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from proposals import services as proposal_services
from proposals.models import Comment, Proposal
from proposals.permissions import can_see_proposal
from reformbank.views import form_submit, require

from . import permissions, selectors, services
from .exports import EXPORT_MAX_ROWS, audit_csv_rows
from .forms import AskChangeForm, AuditFilterForm, HideForm, ReportForm
from .models import Report

LOG_PER_PAGE = 50


def _proposal_or_404(pk, viewer) -> Proposal:
    """An idea the viewer may see (a hidden one only its author, editors and admins)."""
    proposal = get_object_or_404(Proposal.objects.prefetch_related("places__districts"), pk=pk)
    if not can_see_proposal(viewer, proposal):
        raise Http404
    return proposal


def _comment_or_404(pk, viewer) -> Comment:
    comment = get_object_or_404(Comment.objects.select_related("author"), pk=pk)
    comment.proposal = _proposal_or_404(comment.proposal_id, viewer)
    return comment


def _back(request, default: str) -> str:
    """Where the form was sent from (`next`), if on this site."""
    url = request.POST.get("next", "")
    return url if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}) else default


# --- Members report ---------------------------------------------------------------------------------------


@login_required
def report_proposal(request, pk):
    proposal = _proposal_or_404(pk, request.viewer)
    require(permissions.can_report(request.viewer, author_id=proposal.author_id))
    return _report(request, proposal=proposal, comment=None, back=proposal.get_absolute_url())


@login_required
def report_comment(request, pk):
    comment = _comment_or_404(pk, request.viewer)
    require(permissions.can_report(request.viewer, author_id=comment.author_id))
    back = f"{comment.proposal.get_absolute_url()}#kommentar-{comment.pk}"
    return _report(request, proposal=comment.proposal, comment=comment, back=back)


def _report(request, *, proposal, comment, back):
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        submitted = form_submit(
            form,
            lambda data: services.report_create(
                reporter=request.user, proposal=proposal, comment=comment, reason=data["reason"]
            ),
        )
        if submitted:
            _report_made, created = submitted.result
            if created:
                messages.success(request, _("Tack! Redaktionen har fått din anmälan."))
            else:
                messages.info(request, _("Du har redan anmält det här. Redaktionen har fått din anmälan."))
            return redirect(back)
        status = submitted.status
    context = {"form": form, "proposal": proposal, "comment": comment, "back": back}
    return render(request, "moderation/report_form.html", context, status=status)


# --- Editors handle reports -----------------------------------------------------------------------------


@login_required
@require_GET
def queue(request):
    require(permissions.can_work_queue(request.viewer))
    handled = request.GET.get("visa") == "hanterade"
    reports = selectors.report_queue(request.viewer, handled=handled)
    page = Paginator(reports, settings.PROPOSALS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "moderation/queue.html", {"page": page, "handled": handled})


def _report_or_404(pk, viewer) -> Report:
    """A report the viewer may handle: of an idea about their districts (any, for an admin)."""
    try:
        report = selectors.report_for_handling(pk)
    except Report.DoesNotExist:
        raise Http404 from None
    if not permissions.can_handle(viewer, report.proposal):
        raise Http404
    return report


def _report_page(request, report, *, status=200, **forms_shown):
    if status == 409:  # decided by someone else meanwhile: show their decision
        report = selectors.report_for_handling(report.pk)
    context = {
        "report": report,
        "others": selectors.reports_of_same_target(report),
        "dismiss_form": forms.Form(),
        "hide_form": HideForm(),
        "ask_form": AskChangeForm(),
        # A refused decision shows its form again, with the reason and what was typed, even on a report
        # another editor has closed meanwhile.
        "failed": status != 200,
        **forms_shown,
    }
    return render(request, "moderation/report_detail.html", context, status=status)


@login_required
@require_GET
def report_detail(request, pk):
    return _report_page(request, _report_or_404(pk, request.viewer))


def _report_decide(request, pk, *, form_class, form_name: str, decide, done: str):
    """An editor's decision on a report: `decide(report, data)` once the form is valid, then back to the queue
    with `done`; refused, the report's page again with this form (`form_name`) as it was typed."""
    report = _report_or_404(pk, request.viewer)
    form = form_class(request.POST)
    submitted = form_submit(form, lambda data: decide(report, data))
    if submitted:
        messages.success(request, done)
        return redirect("moderation:queue")
    return _report_page(request, report, status=submitted.status, **{form_name: form})


@login_required
@require_POST
def report_dismiss(request, pk):
    return _report_decide(
        request,
        pk,
        form_class=forms.Form,
        form_name="dismiss_form",
        decide=lambda report, data: services.report_dismiss(report=report, editor=request.user),
        done=_("Anmälan är avfärdad."),
    )


@login_required
@require_POST
def report_hide(request, pk):
    return _report_decide(
        request,
        pk,
        form_class=HideForm,
        form_name="hide_form",
        decide=lambda report, data: services.report_hide(
            report=report, editor=request.user, reason=data["reason"]
        ),
        done=_("Det anmälda är dolt. Du kan visa det igen från anmälan."),
    )


@login_required
@require_POST
def report_ask_change(request, pk):
    return _report_decide(
        request,
        pk,
        form_class=AskChangeForm,
        form_name="ask_form",
        decide=lambda report, data: services.report_ask_change(
            report=report, editor=request.user, message=data["message"]
        ),
        done=_("Författaren har fått en notis om vad som ska ändras."),
    )


@login_required
@require_POST
def proposal_unhide(request, pk):
    proposal = _proposal_or_404(pk, request.viewer)
    require(permissions.can_handle(request.viewer, proposal))
    if proposal_services.proposal_unhide(proposal=proposal, editor=request.user):
        messages.success(request, _("Idén visas igen."))
    else:
        messages.info(request, _("Idén visas redan."))
    return redirect(_back(request, proposal.get_absolute_url()))


@login_required
@require_POST
def comment_unhide(request, pk):
    comment = _comment_or_404(pk, request.viewer)
    require(permissions.can_handle(request.viewer, comment.proposal))
    if proposal_services.comment_unhide(comment=comment, editor=request.user):
        messages.success(request, _("Kommentaren visas igen."))
    else:
        messages.info(request, _("Kommentaren visas redan."))
    return redirect(_back(request, f"{comment.proposal.get_absolute_url()}#kommentar-{comment.pk}"))


# --- The audit log --------------------------------------------------------------------------------------


def _log_filters(request) -> tuple[AuditFilterForm, dict]:
    require(permissions.can_read_log(request.viewer))
    form = AuditFilterForm(request.GET or None, actors=selectors.audit_actors(request.viewer))
    return form, form.filters()


def _log_page(request, form, filters, status=200):
    entries = selectors.audit_log(request.viewer, filters)
    page = Paginator(entries, LOG_PER_PAGE).get_page(request.GET.get("page"))
    export = request.GET.copy()
    export.pop("page", None)
    context = {"form": form, "page": page, "export_query": export.urlencode()}
    return render(request, "moderation/audit_log.html", context, status=status)


@login_required
@require_GET
def audit_log(request):
    form, filters = _log_filters(request)
    return _log_page(request, form, filters, status=400 if form.errors else 200)


@login_required
@require_GET
def audit_log_csv(request):
    """The log as the page shows it (the same filters), every page, the newest EXPORT_MAX_ROWS at most."""
    form, filters = _log_filters(request)
    if form.errors:
        return _log_page(request, form, filters, status=400)
    entries = selectors.audit_log(request.viewer, filters)[:EXPORT_MAX_ROWS]
    response = StreamingHttpResponse(
        audit_csv_rows(entries.iterator(chunk_size=1000)), content_type="text/csv; charset=utf-8"
    )
    filename = f"granskningslogg-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
