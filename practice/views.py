from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from members.models import User
from places.models import Place
from proposals.models import PolicyArea, Proposal
from reformbank.views import form_submit, require

from . import permissions, selectors, services
from .forms import AssignmentForm, CarryForm, ImplementationForm, MatrixForm, PlaceChoiceForm
from .models import Assignment, GoverningPeriod, Implementation

HISTORY_SHOWN = 100
PLACE_IMPLEMENTATIONS_PER_PAGE = 25
PENDING_PER_PAGE = 30


def _proposal_or_404(pk) -> Proposal:
    try:
        return Proposal.objects.select_related("author").prefetch_related("places__districts").get(pk=pk)
    except Proposal.DoesNotExist:
        raise Http404 from None


@require_GET
def overview(request):
    governing = selectors.governing_place_ids()
    places = list(
        Place.objects.filter(is_active=True).annotate(
            tried=Count("implementations", filter=Q(implementations__state__in=selectors.TRIED_STATES))
        )
    )
    for place in places:
        place.is_governed = place.pk in governing
    return render(
        request,
        "practice/overview.html",
        {"places": places, "areas": PolicyArea.objects.filter(is_active=True)},
    )


@require_GET
def matrix(request):
    form = MatrixForm(request.GET or None)
    context = {"form": form}
    status = 200
    if form.is_bound and form.is_valid():
        area = form.cleaned_data["omrade"]
        governing = selectors.governing_place_ids()
        places = selectors.matrix_places()
        for place in places:
            place.is_governed = place.pk in governing
        page = selectors.matrix_page(area, request.GET.get("page"))
        for idea in page:
            idea.row = [(place, idea.cells.get(place.pk)) for place in places]
            idea.recorded = [(place, implementation) for place, implementation in idea.row if implementation]
        context.update({"area": area, "places": places, "page": page, "states": Implementation.State})
    elif form.is_bound:
        status = 400
    return render(request, "practice/matrix.html", context, status=status)


@require_GET
def place_detail(request, code):
    place = get_object_or_404(Place, code=code)
    implementations = (
        Implementation.objects.filter(place=place).select_related("proposal").order_by("-happened_on", "-pk")
    )
    page = Paginator(implementations, PLACE_IMPLEMENTATIONS_PER_PAGE).get_page(request.GET.get("page"))
    periods = list(GoverningPeriod.objects.filter(place=place).order_by("-starts_on"))
    return render(
        request,
        "practice/place_detail.html",
        {
            "place": place,
            "periods": periods,
            "is_governed": any(period.is_current() for period in periods),
            "page": page,
            "representatives": selectors.place_representatives(place),
        },
    )


@require_GET
def implementation_choose(request, pk):
    """The idea page's place chooser (a GET form): on to that place's implementation page."""
    proposal = _proposal_or_404(pk)
    places = selectors.recordable_places(request, proposal)
    require(bool(places))
    form = PlaceChoiceForm(request.GET, places=places)
    if not form.is_valid():
        return render(
            request, "practice/implementation_choose.html", {"proposal": proposal, "form": form}, status=400
        )
    return redirect("practice:implementation", pk=proposal.pk, code=form.cleaned_data["plats"])


def implementation_detail(request, pk, code):
    """An idea's implementation in one place, with its history; and the form to record where it stands now,
    for those who may."""
    proposal = _proposal_or_404(pk)
    place = get_object_or_404(Place, code=code)
    offices = selectors.request_offices(request)
    can_record = place.is_active and permissions.can_record_implementation(
        request.viewer, offices, proposal, place
    )
    implementation = Implementation.objects.filter(proposal=proposal, place=place).first()
    if implementation is None and not can_record:
        raise Http404
    status = 200
    form = None
    if request.method == "POST":
        require(can_record)
        form = ImplementationForm(request.POST)
        submitted = form_submit(
            form,
            lambda data: services.implementation_record(
                proposal=proposal,
                place=place,
                recorded_by=request.user,
                state=data["state"],
                happened_on=data["happened_on"],
                outcome=data["outcome"],
                link=data["link"],
                base_revision=data["base_revision"],
                submission_key=data["submission_key"],
            ),
        )
        if submitted:
            messages.success(request, _("Läget i %(place)s är sparat.") % {"place": place.name})
            return redirect(proposal.get_absolute_url() + "#i-praktiken")
        status = submitted.status
        if isinstance(submitted.error, services.PracticeError):
            # Shown with the newest state; the form now builds on it, so saving again records on top of it.
            implementation = Implementation.objects.filter(proposal=proposal, place=place).first()
            form.data = form.data.copy()
            form.data["base_revision"] = implementation.revision if implementation else 0
    elif can_record:
        initial = {"base_revision": implementation.revision if implementation else 0}
        if implementation is not None:
            initial.update(
                state=implementation.state,
                happened_on=implementation.happened_on,
                outcome=implementation.outcome,
                link=implementation.link,
            )
        form = ImplementationForm(initial=initial)
    history = []
    if implementation is not None:
        history = list(implementation.changes.select_related("recorded_by")[:HISTORY_SHOWN])
    return render(
        request,
        "practice/implementation.html",
        {
            "proposal": proposal,
            "place": place,
            "implementation": implementation,
            "history": history,
            "form": form,
        },
        status=status,
    )


@login_required
@require_POST
def proposal_carry(request, pk):
    proposal = _proposal_or_404(pk)
    offices = selectors.request_offices(request)
    if request.POST.get("action") == "stop":
        require(request.viewer.is_verified)
        if services.proposal_carry_stop(proposal=proposal, member=request.user):
            messages.info(request, _("Du driver inte längre idén."))
        return redirect(proposal.get_absolute_url() + "#drivs-av")
    require(permissions.can_carry(request.viewer, offices))
    form = CarryForm(request.POST, assignments=offices.assignments)
    if not form.is_valid():
        messages.error(request, _("Välj ett av dina bekräftade uppdrag."))
        return redirect(proposal.get_absolute_url() + "#drivs-av")
    assignment = next(a for a in offices.assignments if a.pk == form.cleaned_data["assignment"])
    try:
        services.proposal_carry(proposal=proposal, member=request.user, assignment=assignment)
    except services.PracticeError as error:
        messages.info(request, str(error))
    else:
        messages.success(request, _("Du driver nu idén. Författaren har fått veta det."))
    return redirect(proposal.get_absolute_url() + "#drivs-av")


@login_required
def assignments(request):
    """The member's own offices (and the form to state one); for admins also the offices waiting for them."""
    viewer = request.viewer
    require(permissions.can_state_assignments(viewer))
    status = 200
    if request.method == "POST":
        form = AssignmentForm(request.POST)
        submitted = form_submit(
            form,
            lambda data: services.assignment_state(
                member=request.user, kind=data["kind"], place=data["place"], title=data["title"]
            ),
        )
        if submitted:
            messages.success(request, _("Uppdraget är angett. En administratör bekräftar det."))
            return redirect("practice:assignments")
        status = submitted.status
    else:
        form = AssignmentForm()
    own = list(request.user.assignments.select_related("place"))
    context = {
        "form": form,
        "own": own,
        "has_confirmed": any(assignment.is_confirmed for assignment in own),
        "can_confirm": permissions.can_confirm_assignments(viewer),
    }
    if context["can_confirm"]:
        pending = (
            Assignment.objects.filter(confirmed_at__isnull=True)
            .select_related("member", "place")
            .order_by("created_at", "pk")
        )
        context["pending"] = Paginator(pending, PENDING_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "practice/assignments.html", context, status=status)


def _assignment_or_404(request, pk) -> Assignment:
    assignment = get_object_or_404(Assignment.objects.select_related("member", "place"), pk=pk)
    if not permissions.can_see_assignment(request.viewer, assignment):
        raise Http404
    return assignment


@login_required
@require_POST
def assignment_confirm(request, pk):
    assignment = _assignment_or_404(request, pk)
    require(permissions.can_confirm_assignments(request.viewer))
    if services.assignment_confirm(assignment=assignment, admin=request.user):
        messages.success(
            request,
            _("%(name)s: %(assignment)s är bekräftat.")
            % {"name": assignment.member.public_name, "assignment": assignment.description},
        )
    else:
        messages.info(request, _("Uppdraget var redan bekräftat."))
    return redirect("practice:assignments")


@login_required
@require_POST
def assignment_remove(request, pk):
    assignment = _assignment_or_404(request, pk)
    require(permissions.can_remove_assignment(request.viewer, assignment))
    services.assignment_remove(assignment=assignment)
    messages.success(request, _("Uppdraget är borttaget."))
    return redirect("practice:assignments")


@require_GET
def representative(request, pk):
    member = get_object_or_404(User, pk=pk, is_active=True)
    offices = selectors.representative_assignments(member)
    if not offices:
        raise Http404
    return render(
        request,
        "practice/representative.html",
        {"member": member, "offices": offices, "carryings": selectors.representative_carryings(member)},
    )
