"""Who may report, and who handles reports and reads the audit log. Views and templates ask here; each predicate
takes the request's viewer (members.permissions.Viewer)."""

from members.permissions import Viewer
from proposals.permissions import can_moderate


def can_report(viewer: Viewer, *, author_id: int) -> bool:
    """Every verified member, about what someone else wrote."""
    return viewer.is_verified and author_id != viewer.pk


def can_work_queue(viewer: Viewer) -> bool:
    return viewer.is_admin or viewer.is_editor


def can_handle(viewer: Viewer, proposal) -> bool:
    """Reports of an idea and its comments: the editors of the idea's districts, and admins."""
    return viewer.is_admin or can_moderate(viewer, proposal)


def can_read_log(viewer: Viewer) -> bool:
    """Admins read the whole audit log, editors their districts' part of it."""
    return viewer.is_admin or viewer.is_editor
