from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from members.services import is_following
from places.models import District
from proposals import selectors as proposal_selectors
from proposals.forms import ProposalFilterForm, ProposalForm
from reformbank.views import follow_answer, form_submit, require

from . import permissions, selectors, services
from .forms import RoundCreateForm, RoundForm
from .models import Round

ROUNDS_PER_PAGE = 10


def _round_or_404(slug) -> Round:
    try:
        return selectors.round_for_detail(slug)
    except Round.DoesNotExist:
        raise Http404 from None


def _creatable_districts(viewer) -> list:
    return list(District.objects.filter(pk__in=viewer.editor_district_ids))


@require_GET
def round_list(request):
    rounds = selectors.rounds_ordered(timezone.localdate())
    page = Paginator(rounds, ROUNDS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "can_create": permissions.can_create_round(request.viewer, None)}
    return render(request, "rounds/round_list.html", context)


@require_GET
def round_detail(request, slug):
    """The round: its theme, dates and state, its counts per municipality, and its ideas with the bank's filters,
    sort, search and paging."""
    round_ = _round_or_404(slug)
    form = ProposalFilterForm(request.GET or None, options=proposal_selectors.filter_options())
    filters = replace(form.filters(), within=selectors.round_proposal_ids(round_))
    page, search = proposal_selectors.proposal_page(
        filters, request.GET.get("page"), correct=form.corrects_typos()
    )
    if search and search.searchable:
        form.show_counts(search.hits)
    viewer = request.viewer
    context = {
        "round": round_,
        "place_counts": selectors.round_place_counts(round_),
        "form": form,
        "filters": filters,
        "page": page,
        "searching": bool(filters.q),
        "unsearchable": search is not None and not search.searchable,
        "hits": search.hits if search else None,
        "query": search.query if search else None,
        "can_submit": round_.is_open and permissions.can_submit_to_round(viewer, round_),
        "can_edit": permissions.can_edit_round(viewer, round_),
        "can_close": round_.is_open and permissions.can_close_round(viewer, round_),
        "is_following": is_following(user=request.user, target=round_),
    }
    return render(request, "rounds/round_detail.html", context)


@login_required
@require_POST
def round_follow(request, slug):
    round_ = _round_or_404(slug)
    return follow_answer(
        request,
        round_,
        lambda following: services.round_follow(round_=round_, member=request.user, following=following),
        started=_("Du bevakar insamlingen och får en notis om varje ny idé i den."),
        stopped=_("Du bevakar inte längre insamlingen."),
    )


@login_required
def round_create(request):
    districts = _creatable_districts(request.viewer)
    require(bool(districts))
    form = RoundCreateForm(request.POST or None, districts=districts)
    status = 200
    if request.method == "POST":
        submitted = form_submit(
            form,
            lambda data: services.round_create(editor=request.user, **data),
        )
        if submitted:
            messages.success(request, _("Idéinsamlingen är skapad."))
            return redirect(submitted.result)
        status = submitted.status
    return render(request, "rounds/round_form.html", {"form": form}, status=status)


@login_required
def round_edit(request, slug):
    round_ = _round_or_404(slug)
    require(permissions.can_edit_round(request.viewer, round_))
    status = 200
    if request.method == "POST":
        form = RoundForm(request.POST, round_=round_)
        submitted = form_submit(
            form, lambda data: services.round_update(round_=round_, editor=request.user, **data)
        )
        if submitted:
            messages.success(request, _("Idéinsamlingen är sparad."))
            return redirect(submitted.result)
        status = submitted.status
    else:
        form = RoundForm(
            round_=round_,
            initial={
                "title": round_.title,
                "description": round_.description,
                "opens_on": round_.opens_on,
                "closes_on": round_.closes_on,
                "places": list(round_.places.all()),
                "policy_areas": list(round_.policy_areas.all()),
            },
        )
    return render(request, "rounds/round_form.html", {"form": form, "round": round_}, status=status)


@login_required
def round_close(request, slug):
    """A confirmation page (GET) and the close itself (POST)."""
    round_ = _round_or_404(slug)
    require(permissions.can_close_round(request.viewer, round_))
    status = 200
    error = None
    if request.method == "POST":
        try:
            services.round_close(round_=round_, editor=request.user)
        except services.RoundStateError as refused:
            error, status = str(refused), refused.status
        else:
            messages.success(request, _("Idéinsamlingen är stängd. Den tar inte emot fler idéer."))
            return redirect(round_)
    elif not round_.is_open:
        messages.info(request, _("Idéinsamlingen är inte öppen."))
        return redirect(round_)
    return render(request, "rounds/round_close.html", {"round": round_, "error": error}, status=status)


@login_required
def round_submit(request, slug):
    """The bank's submit form, for an idea that belongs to the round."""
    round_ = _round_or_404(slug)
    require(permissions.can_submit_to_round(request.viewer, round_))
    status = 200
    if request.method == "POST":
        form = ProposalForm(request.POST)
        submitted = form_submit(
            form,
            lambda data: services.round_idea_submit(
                round_=round_,
                author=request.user,
                submission_key=data["submission_key"],
                **{name: data[name] for name in ProposalForm.Meta.fields},
            ),
        )
        if submitted:
            messages.success(
                request,
                _("Tack! Din idé finns nu i reformbanken och i idéinsamlingen ”%(round)s”.")
                % {"round": round_},
            )
            return redirect(submitted.result)
        status = submitted.status
    elif not round_.is_open:
        messages.info(request, _("Idéinsamlingen tar inte emot idéer just nu."))
        return redirect(round_)
    else:
        # What the round concerns, where it is one place or one area, is the likely answer.
        places, areas = list(round_.places.all()), list(round_.policy_areas.all())
        initial = {}
        if len(places) == 1:
            initial["places"] = places
        if len(areas) == 1:
            initial["policy_area"] = areas[0]
        form = ProposalForm(initial=initial)
    return render(request, "rounds/round_submit.html", {"form": form, "round": round_}, status=status)
