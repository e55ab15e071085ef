"""Who may read the anchoring dashboard: editors (their districts' places) and admins (every place)."""

from members.permissions import Viewer


def can_view_dashboard(viewer: Viewer) -> bool:
    return viewer.is_admin or viewer.is_editor


def visible_district_filter(viewer: Viewer) -> dict:
    """The districts whose figures the viewer reads, as a filter on District."""
    return {} if viewer.is_admin else {"pk__in": viewer.editor_district_ids}
