"""Who may see and do what with reform agendas. Views and templates ask here, nowhere else; each predicate takes
the request's viewer (members.permissions.Viewer).

An agenda belongs to one district's board, or is joint for both. Its editors are the editors of that board
(of either board for a joint agenda). Drafts are for the editors; once an agenda has gone on consultation,
been proposed or been adopted, every member may read it. Before that, it does not exist for them (404).
"""

from members.permissions import Viewer
from places.models import District

from .models import Agenda


def agenda_districts(agenda) -> list:
    """The districts whose boards stand behind the agenda: its own, or both for a joint agenda."""
    if agenda.district_id is not None:
        return [agenda.district]
    return list(District.objects.all())


def is_agenda_editor(viewer: Viewer, agenda) -> bool:
    editing = viewer.editor_district_ids
    if not editing:
        return False
    return agenda.district_id in editing if agenda.district_id is not None else True


def public_version_number(agenda) -> int | None:
    """The newest version members may read: the current one outside drafts, else the last adopted one."""
    if agenda.state != Agenda.State.DRAFT:
        return agenda.head_number
    return agenda.last_adopted_number


def newest_visible_number(viewer: Viewer, agenda) -> int | None:
    """The newest version the user may read: the head for its editors, else the public one (None: none)."""
    return agenda.head_number if is_agenda_editor(viewer, agenda) else public_version_number(agenda)


def can_view_version(viewer: Viewer, agenda, number: int) -> bool:
    newest = newest_visible_number(viewer, agenda)
    return newest is not None and number <= newest


def can_view_agenda(viewer: Viewer, agenda) -> bool:
    return is_agenda_editor(viewer, agenda) or public_version_number(agenda) is not None


def can_edit(viewer: Viewer, agenda) -> bool:
    return is_agenda_editor(viewer, agenda) and agenda.state in {
        Agenda.State.DRAFT,
        Agenda.State.CONSULTATION,
    }


def can_run_process(viewer: Viewer, agenda) -> bool:
    return is_agenda_editor(viewer, agenda)


def can_create_agenda(viewer: Viewer, district) -> bool:
    """Editors create agendas for their own board; any editor may start a joint one."""
    editing = viewer.editor_district_ids
    return bool(editing) and (district is None or district.pk in editing)


def can_amend(viewer: Viewer, agenda) -> bool:
    return viewer.is_verified and agenda.state == Agenda.State.CONSULTATION


def approvable_districts(viewer: Viewer, agenda) -> list[int]:
    """The boards on whose behalf the user may approve a joint agenda."""
    if not agenda.is_joint:
        return []
    return sorted(viewer.editor_district_ids)
