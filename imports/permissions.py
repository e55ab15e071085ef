"""Who may import and see imports. Views and templates ask here, nowhere else; each predicate takes the request's
viewer (members.permissions.Viewer).

Editors import into their own district (its places only) and see its imports; admins import into any district.
To everyone else an import does not exist (404), and the upload page is refused (403)."""

from members.permissions import Viewer
from places.models import District


def can_import(viewer: Viewer) -> bool:
    return viewer.is_verified and (viewer.is_editor or viewer.is_admin)


def import_districts(viewer: Viewer):
    """The districts the viewer may import into."""
    districts = District.objects.all()
    if not can_import(viewer):
        return districts.none()
    return districts if viewer.is_admin else districts.filter(pk__in=viewer.editor_district_ids)


def can_view_job(viewer: Viewer, job) -> bool:
    return can_import(viewer) and (viewer.is_admin or job.district_id in viewer.editor_district_ids)
