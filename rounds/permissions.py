"""Who may do what with idea rounds. Views and templates ask here, nowhere else; each predicate takes the request's
viewer (members.permissions.Viewer).

Every round is public, upcoming, open or closed: anyone may read it and its ideas. A round belongs to one district's
board, or is joint for both; the editors of that board (of either board for a joint round) run it.
"""

from members.permissions import Viewer
from proposals.permissions import can_submit


def can_create_round(viewer: Viewer, district) -> bool:
    """Editors open rounds for their own board; any editor may open a joint one."""
    editing = viewer.editor_district_ids
    return bool(editing) and (district is None or district.pk in editing)


def is_round_editor(viewer: Viewer, round_) -> bool:
    editing = viewer.editor_district_ids
    if not editing:
        return False
    return round_.district_id in editing if round_.district_id is not None else True


def can_edit_round(viewer: Viewer, round_) -> bool:
    return is_round_editor(viewer, round_)


def can_close_round(viewer: Viewer, round_) -> bool:
    """Its editors may close a round before its last day (the service refuses one that is not open)."""
    return is_round_editor(viewer, round_)


def can_submit_to_round(viewer: Viewer, round_) -> bool:
    """Whoever may submit ideas to the bank may submit them to a round (the service refuses one not open)."""
    return can_submit(viewer)
