"""Who is asking: the viewer of a request, worked out once, and what members may do with roles.

`request.viewer` (members.middleware) holds a Viewer: signed in or not, verified, the district boards they
edit for, admin or not, from one query the first time anything asks. Every app's permission predicates
take the Viewer, never the user, and templates ask it (`request.viewer.is_editor`), not the database.
"""

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Exists, OuterRef

from .models import User


@dataclass(frozen=True)
class Viewer:
    pk: int | None = None
    is_verified: bool = False  # signed in, active, with a verified primary email address
    editor_district_ids: frozenset[int] = field(default_factory=frozenset)
    is_admin: bool = False

    @property
    def is_authenticated(self) -> bool:
        return self.pk is not None

    @property
    def is_editor(self) -> bool:
        return bool(self.editor_district_ids)


ANONYMOUS = Viewer()


def viewer_for(user) -> Viewer:
    """The viewer behind a user (AnonymousUser included), in one query for a signed-in member."""
    if not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True, primary=True)
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            verified=Exists(verified),
            districts=ArrayAgg("editor_roles__district_id", distinct=True, default=[]),
        )
        .values("verified", "districts")
        .get()
    )
    return Viewer(
        pk=user.pk,
        is_verified=row["verified"],
        editor_district_ids=frozenset(d for d in row["districts"] if d is not None),
        is_admin=user.is_superuser,
    )


def can_manage_roles(viewer: Viewer) -> bool:
    return viewer.is_admin
