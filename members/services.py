"""Writes to members and their roles."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEntry
from audit.services import audit_record
from places.models import District

from .models import EditorRole, Notification, User
from .notifications import notification_params


@transaction.atomic
def member_profile_update(*, user: User, display_name: str, home_place, language: str | None = None) -> User:
    user.display_name = display_name
    user.home_place = home_place
    if language:
        user.language = language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name", "home_place", "language"])
    return user


class RolesError(Exception):
    """A change of roles that is not allowed now; the message is for the admin."""


@transaction.atomic
def member_roles_set(*, user: User, district_ids, is_admin: bool, granted_by: User) -> None:
    """Make the user editor for exactly these districts' boards, and admin or not.

    The admins' rows are locked first, so two admins changing each other's roles at once are handled one
    after the other: the second is checked against what the first did (still an admin?), and the portal
    always keeps an admin."""
    admins = set(
        User.objects.select_for_update()
        .filter(is_superuser=True, is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if granted_by.pk not in admins:
        raise RolesError(_("Du är inte längre administratör."))
    district_ids = set(district_ids)
    before = roles_snapshot(user)
    EditorRole.objects.filter(user=user).exclude(district_id__in=district_ids).delete()
    existing = set(EditorRole.objects.filter(user=user).values_list("district_id", flat=True))
    EditorRole.objects.bulk_create(
        EditorRole(user=user, district_id=district_id, granted_by=granted_by)
        for district_id in district_ids - existing
    )
    if user.pk == granted_by.pk and not is_admin:
        # An admin cannot remove their own admin role here, so that the last admin is never locked out.
        is_admin = True
    user.is_superuser = is_admin
    user.is_staff = is_admin
    user.save(update_fields=["is_superuser", "is_staff"])
    roles_change_record(user=user, actor=granted_by, before=before)


def roles_snapshot(user: User) -> dict:
    """The user's roles as the audit log keeps them: the districts' codes and admin or not, from the database."""
    row = User.objects.filter(pk=user.pk).values("is_superuser").get()
    codes = (
        EditorRole.objects.filter(user=user)
        .order_by("district__code")
        .values_list("district__code", flat=True)
    )
    return {"districts": list(codes), "is_admin": row["is_superuser"]}


def roles_change_record(*, user: User, actor: User, before: dict) -> None:
    """Log a change of the user's roles (if there was one) in the logs of the districts it touched."""
    after = roles_snapshot(user)
    if after == before:
        return
    changed = set(before["districts"]) ^ set(after["districts"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.ROLE_CHANGE,
        target=user,
        districts=District.objects.filter(code__in=changed),
        before=before,
        after=after,
    )


def notification_create(*, user: User, kind: str, params: dict | None = None, url: str = "") -> Notification:
    """Tell the member something on the site. The message is the kind's (members.notifications), rendered
    in the member's language when they read it; pass labels as lazy translations (a TextChoices' `.label`)."""
    return Notification.objects.create(
        user=user, kind=kind, params=notification_params(kind, params or {}), url=url
    )


def member_language_set(*, user: User, language: str) -> None:
    """Remember the member's language: the site's pages and the emails to them are in it."""
    if user.language != language:
        user.language = language
        user.full_clean(exclude=["password"])
        user.save(update_fields=["language"])


def notifications_mark_read(*, user: User, notifications) -> int:
    """Mark these notifications of the user's read (those still unread); how many were."""
    return Notification.objects.filter(
        user=user, pk__in=[n.pk for n in notifications], read_at__isnull=True
    ).update(read_at=timezone.now())
