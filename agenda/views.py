import operator
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.services import is_following
from places.models import District
from proposals.models import Proposal
from proposals.permissions import can_moderate
from proposals.selectors import proposal_for_detail
from reformbank.views import follow_answer, form_submit, require

from . import exports, permissions, selectors, services
from .diff import document_diff, words_diff
from .document import Document, document_load
from .forms import (
    AdoptForm,
    AgendaCreateForm,
    AmendmentAnswerForm,
    AmendmentForm,
    ConsultationForm,
    MergeForm,
    NarrativeForm,
    PointForm,
    PromoteForm,
    SectionForm,
    SplitForm,
    StructureForm,
)
from .models import Agenda, AgendaVersion, Amendment


def _agenda_or_404(request, pk) -> Agenda:
    agenda = get_object_or_404(Agenda.objects.select_related("district"), pk=pk)
    if not permissions.can_view_agenda(request.viewer, agenda):
        raise Http404
    return agenda


def _version_or_404(request, agenda, number) -> AgendaVersion:
    version = selectors.version_or_none(agenda, number)
    if version is None or not permissions.can_view_version(request.viewer, agenda, number):
        raise Http404
    return version


def _sources(document) -> dict:
    ids = {pk for point in document.points() for pk in point.source_ids}
    return Proposal.objects.only("id", "title", "status").in_bulk(ids)


def _shown_state(request, agenda) -> tuple[str, int]:
    """The state and version a reader sees: members see the adopted version while editors draft the next."""
    number = permissions.newest_visible_number(request.viewer, agenda)
    if number != agenda.head_number:
        return Agenda.State.ADOPTED, number
    return agenda.state, number


def agenda_list(request):
    agendas = list(selectors.agendas_visible(request.viewer).order_by("-created_at"))
    for agenda in agendas:
        agenda.shown_state, agenda.shown_number = _shown_state(request, agenda)
        agenda.shown_title = agenda.title
    # A member sees the adopted version while the boards draft the next: its title, not the draft's.
    older = {(a.pk, a.shown_number): a for a in agendas if a.shown_number != a.head_number}
    if older:
        titles = AgendaVersion.objects.filter(
            reduce(operator.or_, (Q(agenda_id=pk, number=number) for pk, number in older))
        ).values_list("agenda_id", "number", "title")
        for pk, number, title in titles:
            older[pk, number].shown_title = title
    return render(
        request,
        "agenda/agenda_list.html",
        {
            "agendas": agendas,
            "can_create": bool(request.viewer.editor_district_ids),
        },
    )


@login_required
def agenda_create(request):
    districts = list(District.objects.filter(pk__in=request.viewer.editor_district_ids))
    require(bool(districts))
    form = AgendaCreateForm(request.POST or None, districts=districts)
    if request.method == "POST" and form.is_valid():
        district = form.cleaned_data["district"]
        require(permissions.can_create_agenda(request.viewer, district))
        agenda = services.agenda_create(
            title=form.cleaned_data["title"],
            district=district,
            editor=request.user,
            submission_key=form.cleaned_data["submission_key"],
        )
        messages.success(request, _("Reformagendan är skapad. Börja med berättelsen och reformriktningarna."))
        return redirect(agenda)
    return render(request, "agenda/agenda_form.html", {"form": form})


def agenda_detail(request, pk):
    agenda = _agenda_or_404(request, pk)
    version = _version_or_404(request, agenda, permissions.newest_visible_number(request.viewer, agenda))
    document = document_load(version)
    is_editor = permissions.is_agenda_editor(request.viewer, agenda)
    districts = permissions.agenda_districts(agenda)
    context = {
        "agenda": agenda,
        "version": version,
        "shown_state": _shown_state(request, agenda)[0],
        "document": document,
        "sources": _sources(document),
        "is_editor": is_editor,
        "can_edit": permissions.can_edit(request.viewer, agenda),
        "can_amend": permissions.can_amend(request.viewer, agenda),
        "events": _events(agenda),
        "adoptions": agenda.adoptions.select_related("version"),
        "amendment_count": agenda.amendments.count(),
        "is_following": is_following(user=request.user, target=agenda),
    }
    if is_editor:
        context.update(
            {
                "approvals": agenda.approvals.filter(version_number=agenda.head_number).select_related(
                    "district", "by"
                ),
                "missing_approvals": selectors.approvals_missing(agenda, districts),
                "approvable": [
                    d for d in districts if d.pk in permissions.approvable_districts(request.viewer, agenda)
                ],
                "consultation_form": ConsultationForm(),
                "adopt_form": AdoptForm(),
            }
        )
    return render(request, "agenda/agenda_detail.html", context)


@login_required
@require_POST
def agenda_follow(request, pk):
    agenda = _agenda_or_404(request, pk)
    return follow_answer(
        request,
        agenda,
        lambda following: services.agenda_follow(agenda=agenda, member=request.user, following=following),
        started=_("Du bevakar agendan och får en notis när den går på remiss, läggs fram och antas."),
        stopped=_("Du bevakar inte längre agendan."),
    )


def _events(agenda) -> list:
    """The process steps and the boards' approvals, in the order they happened (two queries)."""
    transitions = agenda.transitions.select_related("by")
    approvals = agenda.approvals.select_related("district", "by")
    return sorted([*transitions, *approvals], key=lambda event: (event.created_at, event.pk))


# Editing the document. Text edits on top of an older version show the conflict screen.


@dataclass(frozen=True)
class TextEdit:
    """A text edit of the agenda, declared once: its form, the fields it shows, where their values are in a
    document (ItemGone where the document lacks the item), and the change it makes."""

    title: str
    form_class: type
    fields: tuple[str, ...]
    values: Callable[[Document], dict]
    change: Callable[[Document, dict], None]
    form_kwargs: dict = field(default_factory=dict)
    # Merged on its own into a version saved meanwhile (agenda/merge.py); off for an edit that changes more
    # than its fields show (merging two points drops the other point, whatever was done to it meanwhile).
    auto_merge: bool = True


def _text_edit(request, agenda, edit: TextEdit):
    """Show and save a text edit made on top of the version the editor saw.

    A save posted after the agenda left the editable states (proposed meanwhile) is refused by the service,
    with the text kept in the form, not with a bare 403."""
    if request.method != "POST":
        require(permissions.can_edit(request.viewer, agenda))
        head = selectors.head_version(agenda)
        try:
            values = edit.values(document_load(head))
        except services.ItemGone:
            raise Http404 from None
        form = edit.form_class(initial={**values, "base_number": head.number}, **edit.form_kwargs)
        return _text_edit_page(request, agenda, edit, form)
    require(permissions.is_agenda_editor(request.viewer, agenda))
    form = edit.form_class(request.POST, **edit.form_kwargs)
    submitted = form_submit(
        form,
        lambda data: services.agenda_text_edit(
            agenda=agenda,
            editor=request.user,
            base_number=data["base_number"],
            message=data["message"],
            data=data,
            fields=edit.fields,
            values=edit.values,
            change=edit.change,
            auto_merge=edit.auto_merge,
        ),
    )
    if submitted:
        merged_with = submitted.result.merged_with
        if merged_with is None:
            messages.success(request, _("Sparat som en ny version."))
        else:
            messages.success(
                request,
                _("Sparad tillsammans med ändringen i version %(number)s av %(author)s.")
                % {"number": merged_with.number, "author": merged_with.author.public_name},
            )
        return redirect(agenda)
    if isinstance(submitted.error, services.TextConflict):
        return _text_conflict(request, agenda, form, edit, submitted.error)
    if isinstance(submitted.error, services.VersionConflict):
        return _conflict(request, agenda, form, edit, submitted.error.head_number)
    return _text_edit_page(request, agenda, edit, form, status=submitted.status)


def _text_edit_page(request, agenda, edit, form, status=200):
    context = {"agenda": agenda, "form": form, "title": edit.title}
    return render(request, "agenda/text_edit.html", context, status=status)


def _text_conflict(request, agenda, form, edit: TextEdit, conflict: services.TextConflict):
    """Only the paragraphs both editors changed, side by side; the form holds everything else already merged
    and the editor's own text in those paragraphs."""
    fields = [
        {
            "label": form.fields[name].label,
            "parts": [
                {"theirs": words_diff(part.base, part.theirs), "mine": part.mine}
                for part in conflict.merges[name].conflicts
            ],
        }
        for name in edit.fields
        if not conflict.merges[name].clean
    ]
    data = request.POST.copy()
    data["base_number"] = conflict.head.number
    for name, merged in conflict.merges.items():
        data[name] = merged.text
    context = {
        "agenda": agenda,
        "form": edit.form_class(data, **edit.form_kwargs),
        "title": edit.title,
        "fields": fields,
        "base": conflict.base,
        "head": conflict.head,
        "merged": True,
    }
    return render(request, "agenda/conflict.html", context, status=409)


def _conflict(request, agenda, form, edit: TextEdit, head_number: int):
    """Both texts side by side and what the other editor changed, where there is nothing to merge with (the
    item is gone from one of the versions); the editor's own text stays in the form."""
    base = AgendaVersion.objects.filter(agenda=agenda, number=form.cleaned_data["base_number"]).first()
    if base is None or base.number > head_number:
        # A tampered base_number (0, or a version that does not exist yet): nothing to merge with.
        raise Http404
    head = AgendaVersion.objects.select_related("author").get(agenda=agenda, number=head_number)
    try:
        base_values, head_values = edit.values(document_load(base)), edit.values(document_load(head))
    except services.ItemGone:
        base_values = head_values = {}
    fields = [
        {
            "label": form.fields[name].label,
            "parts": [
                {
                    "theirs": words_diff(base_values.get(name, ""), head_values.get(name, "")),
                    "mine": form.cleaned_data.get(name, ""),
                }
            ],
        }
        for name in edit.fields
    ]
    data = request.POST.copy()
    data["base_number"] = head.number
    for name in edit.fields:
        # A field the editor left as it was takes the other editor's text, so saving never undoes their change.
        if name in base_values and form.cleaned_data.get(name, "") == base_values[name]:
            data[name] = head_values[name]
    context = {
        "agenda": agenda,
        "form": edit.form_class(data, **edit.form_kwargs),
        "title": edit.title,
        "fields": fields,
        "base": base,
        "head": head,
    }
    return render(request, "agenda/conflict.html", context, status=409)


@login_required
def narrative_edit(request, pk):
    return _text_edit(
        request,
        _agenda_or_404(request, pk),
        TextEdit(
            title=_("Redigera titel och berättelse"),
            form_class=NarrativeForm,
            fields=("title", "narrative"),
            values=lambda doc: {"title": doc.title, "narrative": doc.narrative},
            change=lambda doc, data: doc.narrative_set(data["title"], data["narrative"]),
        ),
    )


@login_required
def section_add(request, pk):
    return _text_edit(
        request,
        _agenda_or_404(request, pk),
        TextEdit(
            title=_("Ny reformriktning"),
            form_class=SectionForm,
            fields=("title", "intro"),
            values=lambda doc: {"message": _("Ny reformriktning")},
            change=lambda doc, data: doc.section_add(data["title"], data["intro"]),
        ),
    )


@login_required
def section_edit(request, pk, key):
    def values(doc):
        section = doc.section(key)
        return {"title": section.title, "intro": section.intro}

    return _text_edit(
        request,
        _agenda_or_404(request, pk),
        TextEdit(
            title=_("Redigera reformriktning"),
            form_class=SectionForm,
            fields=("title", "intro"),
            values=values,
            change=lambda doc, data: doc.section_set(key, data["title"], data["intro"]),
        ),
    )


@login_required
def point_add(request, pk):
    agenda = _agenda_or_404(request, pk)
    try:
        section_key = uuid.UUID(request.GET.get("avsnitt") or request.POST.get("section", ""))
    except ValueError:
        raise Http404 from None

    def values(doc):
        doc.section(section_key)  # ItemGone (404) for a section that is not there
        return {"message": _("Ny reformpunkt")}

    return _text_edit(
        request,
        agenda,
        TextEdit(
            title=_("Ny reformpunkt"),
            form_class=PointForm,
            fields=("text",),
            values=values,
            change=lambda doc, data: doc.point_add(section_key, data["text"]),
        ),
    )


@login_required
def point_edit(request, pk, key):
    return _text_edit(
        request,
        _agenda_or_404(request, pk),
        TextEdit(
            title=_("Redigera reformpunkt"),
            form_class=PointForm,
            fields=("text",),
            values=lambda doc: {"text": doc.find_point(key)[1].text},
            change=lambda doc, data: doc.point_set(key, data["text"]),
        ),
    )


@login_required
def point_merge(request, pk, key):
    agenda = _agenda_or_404(request, pk)
    require(permissions.is_agenda_editor(request.viewer, agenda))  # _text_edit checks the rest
    # Posted on a point removed meanwhile, the edit finds it gone and the form keeps the text (409).
    others = [p for p in document_load(selectors.head_version(agenda)).points() if p.key != key]
    return _text_edit(
        request,
        agenda,
        TextEdit(
            title=_("Slå ihop reformpunkter"),
            form_class=MergeForm,
            fields=("text",),
            form_kwargs={"points": others},
            values=lambda doc: {"text": doc.find_point(key)[1].text, "message": _("Slog ihop två punkter")},
            change=lambda doc, data: doc.point_merge(key, uuid.UUID(data["other"]), data["text"]),
            auto_merge=False,
        ),
    )


@login_required
def point_split(request, pk, key):
    return _text_edit(
        request,
        _agenda_or_404(request, pk),
        TextEdit(
            title=_("Dela reformpunkt"),
            form_class=SplitForm,
            fields=("first", "second"),
            values=lambda doc: {"first": doc.find_point(key)[1].text, "message": _("Delade en punkt")},
            change=lambda doc, data: doc.point_split(key, data["first"], data["second"]),
        ),
    )


# Moving and removing: buttons on the agenda page, made on the version shown there.


def _structure_change(request, pk, message: services.SystemMessage, change: Callable[[Document, dict], None]):
    agenda = _agenda_or_404(request, pk)
    require(permissions.can_edit(request.viewer, agenda))
    form = StructureForm(request.POST)
    if not form.is_valid():
        raise Http404
    data = form.cleaned_data
    try:
        services.agenda_edit(
            agenda=agenda,
            editor=request.user,
            base_number=data["base_number"],
            message=message,
            change=lambda document: change(document, data),
        )
    except services.VersionConflict:
        messages.error(
            request, _("Någon annan har ändrat agendan under tiden. Inget ändrades – försök igen.")
        )
    except services.ItemGone:
        messages.error(request, _("Det du ville ändra finns inte längre i agendan."))
    except services.AgendaError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Sparat som en ny version."))
    return redirect(agenda)


@login_required
@require_POST
def section_move(request, pk, key):
    return _structure_change(
        request,
        pk,
        services.SystemMessage("section_moved"),
        lambda doc, data: doc.section_move(key, data["offset"] or 0),
    )


@login_required
@require_POST
def section_remove(request, pk, key):
    return _structure_change(
        request, pk, services.SystemMessage("section_removed"), lambda doc, data: doc.section_remove(key)
    )


@login_required
@require_POST
def point_move(request, pk, key):
    return _structure_change(
        request,
        pk,
        services.SystemMessage("point_moved"),
        lambda doc, data: doc.point_move(key, section_key=data["section"], offset=data["offset"] or 0),
    )


@login_required
@require_POST
def point_remove(request, pk, key):
    return _structure_change(
        request, pk, services.SystemMessage("point_removed"), lambda doc, data: doc.point_remove(key)
    )


# History, versions, comparison, restore.


def history(request, pk):
    agenda = _agenda_or_404(request, pk)
    newest = permissions.newest_visible_number(request.viewer, agenda)
    versions = agenda.versions.filter(number__lte=newest).select_related("author", "restored_from")
    page = Paginator(versions, 30).get_page(request.GET.get("page"))
    return render(request, "agenda/history.html", {"agenda": agenda, "page": page, "newest": newest})


def version_detail(request, pk, number):
    agenda = _agenda_or_404(request, pk)
    version = _version_or_404(request, agenda, number)
    document = document_load(version)
    return render(
        request,
        "agenda/version_detail.html",
        {
            "agenda": agenda,
            "version": version,
            "document": document,
            "sources": _sources(document),
            "state_label": exports.version_state_label(agenda, version),
            "can_restore": permissions.can_edit(request.viewer, agenda) and number != agenda.head_number,
        },
    )


def compare(request, pk):
    agenda = _agenda_or_404(request, pk)
    try:
        old_number, new_number = int(request.GET.get("fran", "")), int(request.GET.get("till", ""))
    except ValueError:
        messages.error(request, _("Välj två versioner att jämföra."))
        return redirect("agenda:history", pk=agenda.pk)
    old = _version_or_404(request, agenda, old_number)
    new = _version_or_404(request, agenda, new_number)
    diff = document_diff(document_load(old), document_load(new))
    return render(request, "agenda/compare.html", {"agenda": agenda, "old": old, "new": new, "diff": diff})


@login_required
@require_POST
def restore(request, pk, number):
    agenda = _agenda_or_404(request, pk)
    require(permissions.can_edit(request.viewer, agenda))
    version = _version_or_404(request, agenda, number)
    form = StructureForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        new = services.agenda_version_restore(
            agenda=agenda, version=version, editor=request.user, base_number=form.cleaned_data["base_number"]
        )
    except services.VersionConflict:
        messages.error(
            request, _("Någon annan har ändrat agendan under tiden. Inget återställdes – försök igen.")
        )
        return redirect("agenda:version", pk=agenda.pk, number=number)
    except services.AgendaError as error:
        messages.error(request, str(error))
        return redirect("agenda:version", pk=agenda.pk, number=number)
    messages.success(
        request, _("Version %(old)s är återställd som version %(new)s.") % {"old": number, "new": new.number}
    )
    return redirect(agenda)


# The process: one small view per step, each calling its service.


def _process_agenda(request, pk) -> Agenda:
    agenda = _agenda_or_404(request, pk)
    require(permissions.can_run_process(request.viewer, agenda))
    return agenda


def _process_run(request, agenda, call: Callable[[], object], success: Callable[[object], str] | None = None):
    """Run a process step; `success(result)` says what it did (by default: the agenda's state now)."""
    try:
        result = call()
    except services.AgendaError as error:
        messages.error(request, str(error))
    else:
        if success is None:
            messages.success(request, _("Agendans läge: %(state)s.") % {"state": agenda.get_state_display()})
        else:
            messages.success(request, success(result))
    return redirect(agenda)


@login_required
@require_POST
def consultation_start(request, pk):
    agenda = _process_agenda(request, pk)
    form = ConsultationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ange ett giltigt slutdatum för remissen."))
        return redirect(agenda)
    ends_on = form.cleaned_data["ends_on"]
    return _process_run(
        request,
        agenda,
        lambda: services.agenda_consultation_start(agenda=agenda, editor=request.user, ends_on=ends_on),
    )


@login_required
@require_POST
def back_to_draft(request, pk):
    agenda = _process_agenda(request, pk)
    return _process_run(
        request, agenda, lambda: services.agenda_back_to_draft(agenda=agenda, editor=request.user)
    )


@login_required
@require_POST
def approve(request, pk):
    """One board's approval of a joint agenda's current version, by an editor of that board."""
    agenda = _process_agenda(request, pk)
    try:
        district = District.objects.get(pk=int(request.POST.get("district", "")))
    except (ValueError, District.DoesNotExist):
        raise Http404 from None
    require(district.pk in permissions.approvable_districts(request.viewer, agenda))
    return _process_run(
        request,
        agenda,
        lambda: services.agenda_approve(agenda=agenda, district=district, editor=request.user),
        lambda approval: (
            _("%(board)s har godkänt version %(number)s.")
            % {"board": district.name, "number": approval.version_number}
        ),
    )


@login_required
@require_POST
def propose(request, pk):
    agenda = _process_agenda(request, pk)
    return _process_run(request, agenda, lambda: services.agenda_propose(agenda=agenda, editor=request.user))


@login_required
@require_POST
def adopt(request, pk):
    agenda = _process_agenda(request, pk)
    form = AdoptForm(request.POST)
    if not form.is_valid():
        return render(request, "agenda/adopt.html", {"agenda": agenda, "form": form}, status=400)
    return _process_run(
        request,
        agenda,
        lambda: services.agenda_adopt(agenda=agenda, editor=request.user, **form.adoption()),
    )


@login_required
@require_POST
def new_draft(request, pk):
    agenda = _process_agenda(request, pk)
    return _process_run(
        request, agenda, lambda: services.agenda_new_draft(agenda=agenda, editor=request.user)
    )


# Amendments.


@dataclass
class AmendmentTarget:
    """What an amendment is about, as it is in the version the reader sees: its reform direction, the point
    (None for the direction itself), the point's number, and whether it is gone from that version."""

    section: object = None
    point: object = None
    number: str = ""
    gone: bool = False


def _amendment_targets(document, amendments) -> None:
    """Give each amendment its `target` in the document (loaded once for the whole list)."""
    sections, points = {}, {}
    for s_index, section in enumerate(document.sections, start=1):
        sections[section.key] = section
        for p_index, point in enumerate(section.points, start=1):
            points[point.key] = (section, point, f"{s_index}.{p_index}")
    for amendment in amendments:
        if amendment.point_key and amendment.kind != Amendment.Kind.ADD:
            section, point, number = points.get(amendment.point_key, (None, None, ""))
            amendment.target = AmendmentTarget(section, point, number, gone=point is None)
        else:
            section = sections.get(amendment.section_key)
            amendment.target = AmendmentTarget(section, gone=section is None)


def amendments(request, pk):
    agenda = _agenda_or_404(request, pk)
    # The version the reader sees (the current one during consultation), once for the form and the list.
    shown = AgendaVersion.objects.get(
        agenda=agenda, number=permissions.newest_visible_number(request.viewer, agenda)
    )
    document = document_load(shown)
    form = (
        AmendmentForm(request.POST or None, document=document)
        if permissions.can_amend(request.viewer, agenda)
        else None
    )
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        require(form is not None)
        submitted = form_submit(
            form,
            lambda data: services.amendment_create(
                agenda=agenda,
                author=request.user,
                kind=data["kind"],
                section_key=data["section_key"],
                point_key=data["point_key"],
                text=data["text"],
                motivation=data["motivation"],
                submission_key=data["submission_key"],
            ),
        )
        if submitted:
            messages.success(request, _("Ditt ändringsyrkande är inlämnat."))
            return redirect("agenda:amendments", pk=agenda.pk)
        status = submitted.status
    items = list(agenda.amendments.select_related("author", "answered_by", "applied_in"))
    _amendment_targets(document, items)
    return render(
        request,
        "agenda/amendments.html",
        {
            "agenda": agenda,
            "shown": shown,
            "amendments": items,
            "form": form,
            "is_editor": permissions.is_agenda_editor(request.viewer, agenda),
        },
        status=status,
    )


@login_required
def amendment_answer(request, pk, amendment_pk):
    agenda = _agenda_or_404(request, pk)
    amendment = get_object_or_404(Amendment.objects.select_related("author"), pk=amendment_pk, agenda=agenda)
    require(permissions.can_edit(request.viewer, agenda))
    form = AmendmentAnswerForm(request.POST or None, initial={"text": amendment.text})
    status = 200
    if request.method == "POST":
        submitted = form_submit(
            form, lambda data: services.amendment_answer(amendment=amendment, editor=request.user, **data)
        )
        if submitted:
            messages.success(request, _("Yrkandet är besvarat."))
            return redirect("agenda:amendments", pk=agenda.pk)
        status = submitted.status
    context = {"agenda": agenda, "amendment": amendment, "form": form}
    return render(request, "agenda/amendment_answer.html", context, status=status)


# Promoting ideas into the agenda.


@login_required
@require_POST
def promote(request, proposal_pk):
    try:
        proposal = proposal_for_detail(proposal_pk)
    except Proposal.DoesNotExist:
        raise Http404 from None
    # Editors bring the ideas of their own district into the agenda, as they handle them in their queue.
    require(can_moderate(request.viewer, proposal))
    next_url = request.POST.get("next", "")
    if not next_url.startswith("/ideer/"):
        next_url = proposal.get_absolute_url()
    # A target that is gone or no longer editable is not among the choices: a field error, the text kept.
    form = PromoteForm(request.POST, targets=selectors.promote_targets(request.viewer))

    def promote_into(data):
        agenda_pk, section_key = data["target"].split(":")
        agenda = get_object_or_404(Agenda, pk=agenda_pk)
        require(permissions.is_agenda_editor(request.viewer, agenda))
        services.proposal_promote(
            proposal=proposal,
            agenda=agenda,
            section_key=uuid.UUID(section_key),
            editor=request.user,
            text=data["text"],
        )
        return agenda

    submitted = form_submit(form, promote_into)
    if submitted:
        messages.success(request, _("Idén är införd i ”%(agenda)s”.") % {"agenda": submitted.result.title})
        return redirect(next_url)
    context = {"proposal": proposal, "form": form, "next": next_url}
    return render(request, "agenda/promote.html", context, status=submitted.status)


# Exports.


def export(request, pk, number, fmt):
    agenda = _agenda_or_404(request, pk)
    version = _version_or_404(request, agenda, number)
    document = document_load(version)
    state_label = exports.version_state_label(agenda, version)
    if fmt == "utskrift":
        return render(
            request,
            "agenda/print.html",
            {
                "agenda": agenda,
                "version": version,
                "state_label": state_label,
                "lines": exports.numbered_lines(document),
            },
        )
    filename = f"reformagenda-{agenda.pk}-v{version.number}"
    if fmt == "md":
        response = HttpResponse(
            exports.markdown_export(agenda, version, document, state_label),
            content_type="text/markdown; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.md"'
        return response
    if fmt == "pdf":
        response = HttpResponse(
            exports.pdf_export(agenda, version, document, state_label), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
        return response
    raise Http404
