"""Read queries for the agenda."""

from collections import OrderedDict

from django.db.models import F, Q

from . import permissions
from .models import Agenda, AgendaVersion, BoardApproval, VersionPoint, VersionSection


def agendas_visible(viewer):
    """The agendas the user may open: published ones, and the drafts of the boards they edit for."""
    visible = ~Q(state=Agenda.State.DRAFT) | Q(last_adopted_number__isnull=False)
    editing = viewer.editor_district_ids
    if editing:
        visible |= Q(district__in=editing) | Q(district__isnull=True)
    return Agenda.objects.filter(visible).select_related("district")


def agendas_editable(viewer):
    editing = viewer.editor_district_ids
    if not editing:
        return Agenda.objects.none()
    return Agenda.objects.filter(
        Q(district__in=editing) | Q(district__isnull=True),
        state__in=[Agenda.State.DRAFT, Agenda.State.CONSULTATION],
    )


def promote_targets(viewer) -> list[tuple[str, list[tuple[str, str]]]]:
    """Choices for promoting an idea: the sections of the current version of each agenda the user edits."""
    sections = (
        VersionSection.objects.filter(
            version__agenda__in=agendas_editable(viewer), version__number=F("version__agenda__head_number")
        )
        .select_related("version__agenda")
        .order_by("version__agenda__title", "version__agenda_id", "position")
    )
    groups = OrderedDict()
    for section in sections:
        agenda = section.version.agenda
        groups.setdefault(agenda.title, []).append((f"{agenda.pk}:{section.key}", section.title))
    return list(groups.items())


def proposal_agenda_trail(proposal, viewer) -> list[dict]:
    """Every version of every agenda the idea fed, and what became of it in the newest version the user may see."""
    rows = (
        VersionPoint.objects.filter(sources=proposal)
        .select_related("version__agenda", "section")
        .order_by("version__agenda_id", "version__number")
    )
    trails = OrderedDict()
    for point in rows:
        agenda = point.version.agenda
        if not permissions.can_view_version(viewer, agenda, point.version.number):
            continue
        trail = trails.setdefault(agenda.pk, {"agenda": agenda, "versions": OrderedDict()})
        trail["versions"].setdefault(point.version.number, []).append(point)
    result = []
    for trail in trails.values():
        agenda = trail["agenda"]
        newest_visible = permissions.newest_visible_number(viewer, agenda)
        last_number = next(reversed(trail["versions"]))
        result.append(
            {
                "agenda": agenda,
                "versions": list(trail["versions"].items()),
                "current": trail["versions"][last_number] if last_number == newest_visible else [],
                "newest_number": newest_visible,
                "last_number": last_number,
            }
        )
    return result


def version_or_none(agenda, number):
    return (
        AgendaVersion.objects.select_related("author", "restored_from")
        .filter(agenda=agenda, number=number)
        .first()
    )


def head_version(agenda) -> AgendaVersion:
    return AgendaVersion.objects.get(agenda=agenda, number=agenda.head_number)


def approvals_missing(agenda: Agenda, districts, number: int | None = None) -> list:
    """The boards that have not approved version `number` (the current one by default); joint agendas only."""
    if not agenda.is_joint:
        return []
    approved = set(
        BoardApproval.objects.filter(
            agenda=agenda, version_number=agenda.head_number if number is None else number
        ).values_list("district_id", flat=True)
    )
    return [district for district in districts if district.pk not in approved]
