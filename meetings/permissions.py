"""Who may see and do what with meetings. Views and templates ask here, nowhere else; each predicate takes the
request's viewer (members.permissions.Viewer).

Meetings are public: anyone may read the list, a meeting's page and its calendar file. Verified members sign
up. A meeting belongs to one district's board (its editors arrange it) or is joint (the editors of either
board); admins arrange every meeting. A digital meeting's link is for the members with a seat, from an hour
before the start until the end.
"""

from django.utils import timezone

from members.permissions import Viewer

from .models import Meeting


def can_sign_up(viewer: Viewer) -> bool:
    """Sign up for meetings and cancel (whether a meeting still takes sign-ups is the service's to say, under
    a lock: a refusal there is a conflict, 409)."""
    return viewer.is_verified


def can_register(viewer: Viewer, meeting: Meeting) -> bool:
    """Show the sign-up and cancel buttons: before the meeting starts."""
    return can_sign_up(viewer) and not meeting.has_started


def can_create_meeting(viewer: Viewer, district=None) -> bool:
    """Editors arrange meetings for their own board, or joint ones; admins for any board."""
    if not viewer.is_verified:
        return False
    if viewer.is_admin:
        return True
    editing = viewer.editor_district_ids
    return bool(editing) and (district is None or district.pk in editing)


def can_edit_meeting(viewer: Viewer, meeting: Meeting) -> bool:
    if not viewer.is_verified:
        return False
    if viewer.is_admin:
        return True
    editing = viewer.editor_district_ids
    return bool(editing) and (meeting.district_id is None or meeting.district_id in editing)


def can_write_notes(viewer: Viewer, meeting: Meeting) -> bool:
    """The notes are written afterwards: from the start of the meeting."""
    return can_edit_meeting(viewer, meeting) and meeting.has_started


def can_see_join_link(viewer: Viewer, meeting: Meeting, registration) -> bool:
    """`registration`: the viewer's own, or None."""
    now = timezone.now()
    return (
        viewer.is_verified
        and meeting.is_digital
        and registration is not None
        and registration.member_id == viewer.pk
        and registration.is_confirmed
        and meeting.join_link_opens_at <= now < meeting.ends_at
    )


def can_use_calendar_feed(viewer: Viewer) -> bool:
    return viewer.is_verified
