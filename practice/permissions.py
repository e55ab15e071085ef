"""Who may do what with implementations, assignments and carried ideas. Views and templates ask here; each
predicate takes the request's viewer (members.permissions.Viewer), and those about elected representatives
also the viewer's confirmed offices (`Offices`, loaded once per request by `offices_for`)."""

from dataclasses import dataclass, field

from members.permissions import Viewer
from proposals.permissions import can_moderate


@dataclass(frozen=True)
class Offices:
    """The viewer's confirmed assignments: the places they concern, or every place (parliament, region)."""

    assignments: tuple = ()
    place_ids: frozenset[int] = field(default_factory=frozenset)
    every_place: bool = False

    @property
    def is_representative(self) -> bool:
        return bool(self.assignments)

    def covers(self, place) -> bool:
        return self.every_place or place.pk in self.place_ids


NO_OFFICES = Offices()


def can_record_implementation(viewer: Viewer, offices: Offices, proposal, place) -> bool:
    """Editors of the districts the idea concerns, admins, and confirmed representatives whose office covers
    the place (the region's and the parliament's cover them all)."""
    if not viewer.is_verified:
        return False
    return viewer.is_admin or can_moderate(viewer, proposal) or offices.covers(place)


def can_record_anywhere(viewer: Viewer, offices: Offices, proposal) -> bool:
    """May record the idea's implementation in at least one place (the idea page offers the form)."""
    if not viewer.is_verified:
        return False
    return viewer.is_admin or can_moderate(viewer, proposal) or offices.is_representative


def can_state_assignments(viewer: Viewer) -> bool:
    return viewer.is_verified


def can_confirm_assignments(viewer: Viewer) -> bool:
    return viewer.is_admin


def can_remove_assignment(viewer: Viewer, assignment) -> bool:
    """The member their own; an admin any (a wrong or ended office)."""
    return viewer.is_verified and (assignment.member_id == viewer.pk or viewer.is_admin)


def can_carry(viewer: Viewer, offices: Offices) -> bool:
    return viewer.is_verified and offices.is_representative


def can_see_assignment(viewer: Viewer, assignment) -> bool:
    """Confirmed offices are public; a stated one only to its member and the admins."""
    return assignment.is_confirmed or assignment.member_id == viewer.pk or viewer.is_admin
