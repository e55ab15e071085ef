from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from places.models import District
from proposals.search import parse_query
from proposals.selectors import proposal_suggestions
from reformbank.views import form_submit, require

from . import permissions, selectors, services
from .errors import MeetingError
from .forms import DistrictFilterForm, IdeaSearchForm, MeetingForm, NotesForm
from .ical import calendar_render
from .models import CalendarFeed, Meeting

SUGGESTIONS = 8


def _meeting_or_404(pk) -> Meeting:
    try:
        return selectors.meeting_for_detail(pk)
    except Meeting.DoesNotExist:
        raise Http404 from None


def _site_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@require_GET
def meeting_list(request):
    form = DistrictFilterForm(request.GET or None, districts=District.objects.all())
    page = selectors.meeting_list_page(
        district_id=form.district_id(), viewer=request.viewer, page_number=request.GET.get("page")
    )
    context = {
        "form": form,
        "page": page,
        "can_create": permissions.can_create_meeting(request.viewer),
        "can_use_calendar": permissions.can_use_calendar_feed(request.viewer),
    }
    return render(request, "meetings/meeting_list.html", context)


def _detail(request, meeting: Meeting, status: int = 200):
    viewer = request.viewer
    registration = selectors.registration_of(meeting, viewer)
    context = {
        "meeting": meeting,
        "registration": registration,
        "can_register": permissions.can_register(viewer, meeting),
        "can_edit": permissions.can_edit_meeting(viewer, meeting),
        "can_write_notes": permissions.can_write_notes(viewer, meeting),
        "can_see_join_link": permissions.can_see_join_link(viewer, meeting, registration),
        "ideas": meeting.ideas.only("id", "title", "status").order_by("title"),
    }
    return render(request, "meetings/meeting_detail.html", context, status=status)


@require_GET
def meeting_detail(request, pk):
    return _detail(request, _meeting_or_404(pk))


def _editable_districts(viewer) -> list[District]:
    districts = District.objects.all()
    if not viewer.is_admin:
        districts = districts.filter(pk__in=viewer.editor_district_ids)
    return list(districts)


@login_required
def meeting_create(request):
    viewer = request.viewer
    require(permissions.can_create_meeting(viewer))
    form = MeetingForm(request.POST or None, districts=_editable_districts(viewer))
    status = 200
    if request.method == "POST":
        submitted = form_submit(
            form,
            lambda data: services.meeting_create(
                editor=request.user,
                district=data["district"],
                submission_key=data["submission_key"],
                **form.meeting_fields(),
            ),
        )
        if submitted:
            messages.success(request, _("Mötet är publicerat."))
            return redirect(submitted.result)
        status = submitted.status
    return render(request, "meetings/meeting_form.html", {"form": form}, status=status)


@login_required
def meeting_edit(request, pk):
    meeting = _meeting_or_404(pk)
    viewer = request.viewer
    require(permissions.can_edit_meeting(viewer, meeting))
    districts = _editable_districts(viewer)
    if meeting.district is not None and meeting.district not in districts:
        districts.append(meeting.district)
    form = MeetingForm(request.POST or None, instance=meeting, districts=districts)
    status = 200
    if request.method == "POST":
        submitted = form_submit(
            form,
            lambda data: services.meeting_update(
                meeting=meeting, editor=request.user, district=data["district"], **form.meeting_fields()
            ),
        )
        if submitted:
            messages.success(request, _("Mötet är ändrat."))
            return redirect(submitted.result)
        status = submitted.status
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting}, status=status)


@login_required
def meeting_notes(request, pk):
    """The notes form. Its search button finds ideas' numbers by title and shows the form again as typed,
    saving nothing."""
    meeting = _meeting_or_404(pk)
    require(permissions.can_write_notes(request.viewer, meeting))
    status, suggestions = 200, None
    search = IdeaSearchForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and request.POST.get("action") == "search":
        form = NotesForm(initial={name: request.POST.get(name, "") for name in ("notes", "ideas")})
        suggestions = []
        if search.is_valid() and search.cleaned_data["sok"].strip():
            suggestions = proposal_suggestions(parse_query(search.cleaned_data["sok"]), limit=SUGGESTIONS)
    elif request.method == "POST":
        form = NotesForm(request.POST)
        submitted = form_submit(
            form,
            lambda data: services.meeting_notes_set(
                meeting=meeting, editor=request.user, notes=data["notes"], ideas=data["ideas"]
            ),
        )
        if submitted:
            messages.success(request, _("Anteckningarna är sparade."))
            return redirect(meeting)
        status = submitted.status
    else:
        ideas = ", ".join(str(pk) for pk in meeting.ideas.order_by("pk").values_list("pk", flat=True))
        form = NotesForm(initial={"notes": meeting.notes, "ideas": ideas})
    context = {"meeting": meeting, "form": form, "search": search, "suggestions": suggestions}
    return render(request, "meetings/notes_form.html", context, status=status)


@login_required
@require_POST
def meeting_register(request, pk):
    meeting = _meeting_or_404(pk)
    require(permissions.can_sign_up(request.viewer))
    try:
        registration = services.meeting_register(meeting=meeting, member=request.user)
    except MeetingError as error:
        messages.error(request, str(error))
        return _detail(request, meeting, status=error.status)
    if registration.is_confirmed:
        messages.success(request, _("Du är anmäld. Välkommen!"))
    else:
        messages.info(
            request, _("Mötet är fullt, så du står på väntelistan. Du får besked om en plats blir ledig.")
        )
    return redirect(meeting)


@login_required
@require_POST
def meeting_cancel(request, pk):
    meeting = _meeting_or_404(pk)
    require(permissions.can_sign_up(request.viewer))
    try:
        cancelled = services.meeting_cancel(meeting=meeting, member=request.user)
    except MeetingError as error:
        messages.error(request, str(error))
        return _detail(request, meeting, status=error.status)
    if cancelled:
        messages.info(request, _("Din anmälan är borttagen."))
    return redirect(meeting)


@require_GET
def meeting_ical(request, pk):
    """The meeting's public calendar file: no join link."""
    meeting = _meeting_or_404(pk)
    body = calendar_render([meeting], name=meeting.title, site_url=_site_url(request), with_join_links=False)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mote-{meeting.pk}.ics"'
    return response


@login_required
def calendar_settings(request):
    """The member's own calendar address: shown, renewed or turned off (by POST)."""
    require(permissions.can_use_calendar_feed(request.viewer))
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.calendar_feed_revoke(member=request.user)
            messages.info(request, _("Kalenderadressen är avstängd."))
        else:
            services.calendar_feed_renew(member=request.user)
            messages.success(
                request, _("Du har en ny kalenderadress. En tidigare adress fungerar inte längre.")
            )
        return redirect("meetings:calendar")
    feed = CalendarFeed.objects.filter(member=request.user).first()
    feed_url = request.build_absolute_uri(feed.get_absolute_url()) if feed else ""
    return render(request, "meetings/calendar.html", {"feed": feed, "feed_url": feed_url})


@require_GET
def member_calendar(request, token):
    """A member's meetings with a seat, join links included: for the calendar app that holds the secret address."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("member"), token=token)
    member = feed.member
    if not member.is_active:
        raise Http404
    with translation.override(member.language):
        body = calendar_render(
            selectors.member_calendar_meetings(member.pk),
            name=_("Mina möten i Reformbanken"),
            site_url=_site_url(request),
            with_join_links=True,
        )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response
