"""Who may do what with ideas and comments. Views and templates ask here, nowhere else; each predicate takes the
request's viewer (members.permissions.Viewer)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from members.permissions import Viewer


def can_submit(viewer: Viewer) -> bool:
    return viewer.is_verified


def is_own_proposal(viewer: Viewer, proposal) -> bool:
    return viewer.is_verified and proposal.author_id == viewer.pk


def can_edit_proposal(viewer: Viewer, proposal) -> bool:
    """The author, while the board has not taken the idea up (the service checks it again when saving)."""
    return is_own_proposal(viewer, proposal) and proposal.is_open_for_edit


def can_support(viewer: Viewer, proposal) -> bool:
    return viewer.is_verified and proposal.author_id != viewer.pk and proposal.merged_into_id is None


def can_comment(viewer: Viewer, proposal) -> bool:
    return viewer.is_verified


def can_moderate(viewer: Viewer, proposal) -> bool:
    """Editors of a board may moderate the ideas that concern a place of their district."""
    return bool(viewer.editor_district_ids & proposal.district_ids)


def can_merge(viewer: Viewer, merged, kept) -> bool:
    """Editors of both ideas' districts may merge one into the other, and undo it (the service re-checks the
    ideas' state under lock)."""
    return can_moderate(viewer, merged) and can_moderate(viewer, kept)


def can_see_proposal(viewer: Viewer, proposal) -> bool:
    """An idea an editor hid is for its author, the editors of its districts and admins only."""
    return (
        not proposal.is_hidden
        or viewer.is_admin
        or (viewer.is_authenticated and proposal.author_id == viewer.pk)
        or can_moderate(viewer, proposal)
    )


def can_edit_comment(viewer: Viewer, comment) -> bool:
    window = timedelta(minutes=settings.COMMENT_EDIT_MINUTES)
    return (
        viewer.is_verified
        and comment.author_id == viewer.pk
        and not comment.is_hidden
        and timezone.now() - comment.created_at <= window
    )
