"""Writes to members and their roles."""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEntry
from audit.services import audit_record
from places.models import District

from .models import EditorRole, Follow, Notification, User
from .notifications import notification_params
from .tasks import notifications_email


@transaction.atomic
def member_profile_update(
    *,
    user: User,
    display_name: str,
    home_place,
    language: str | None = None,
    email_frequency: str | None = None,
    show_name: bool | None = None,
) -> User:
    user.display_name = display_name
    user.home_place = home_place
    if language:
        user.language = language
    if email_frequency:
        user.email_frequency = email_frequency
    if show_name is not None:
        user.show_name = show_name
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name", "home_place", "language", "email_frequency", "show_name"])
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


def notification_create(
    *, user: User, kind: str, params: dict | None = None, url: str = "", emailed: bool = False
) -> Notification:
    """Tell the member something on the site. The message is the kind's (members.notifications), rendered
    in the member's language when they read it; pass labels as lazy translations (a TextChoices' `.label`).
    `emailed`: the caller emails the member about it itself (a meeting seat), so no notice email follows."""
    [notification] = notifications_create(users=[user], kind=kind, params=params, url=url, emailed=emailed)
    return notification


@transaction.atomic
def notifications_create(
    *, users, kind: str, params: dict | None = None, url: str = "", emailed: bool = False
) -> list[Notification]:
    """Tell each of these members the same thing, once each, and email it to those who want it at once (from
    the task worker, after the commit). Those who want a digest get it in the next one."""
    stored = notification_params(kind, params or {})
    by_pk = {user.pk: user for user in users}
    emailed_at = timezone.now() if emailed else None
    created = Notification.objects.bulk_create(
        Notification(user_id=pk, kind=kind, params=stored, url=url, emailed_at=emailed_at)
        for pk in sorted(by_pk)
    )
    User.objects.filter(pk__in=by_pk).update(unread_notifications=F("unread_notifications") + 1)
    immediate = [
        n.pk
        for n in created
        if not emailed and by_pk[n.user_id].email_frequency == User.EmailFrequency.IMMEDIATELY
    ]
    if immediate:
        transaction.on_commit(partial(notifications_email.enqueue, notification_ids=immediate))
    return created


def followers_notify(
    *, targets, kind: str, params: dict, url: str, also=(), exclude=()
) -> list[Notification]:
    """Tell everyone who follows one of `targets` (model instances: an idea, its tags, its places…), and the
    members in `also` (say, the editors of a district), except those in `exclude` (the member who acted).
    Each member hears it once, however many of the targets they follow."""
    wanted = Q()
    for target in targets:
        wanted |= Q(content_type=ContentType.objects.get_for_model(target), object_id=target.pk)
    user_ids = set(Follow.objects.filter(wanted).values_list("user_id", flat=True)) if targets else set()
    user_ids |= {user.pk for user in also}
    user_ids -= {user.pk for user in exclude}
    if not user_ids:
        return []
    users = User.objects.filter(pk__in=user_ids, is_active=True).only("pk", "email_frequency")
    return notifications_create(users=users, kind=kind, params=params, url=url)


def editors_of(district_ids):
    """The editors of these districts' boards."""
    return User.objects.filter(is_active=True, editor_roles__district_id__in=district_ids).distinct()


def follow_set(*, user: User, target, label: str, url: str, following: bool) -> bool:
    """Start or stop following `target`; whether anything changed (a second click changes nothing)."""
    content_type = ContentType.objects.get_for_model(target)
    if not following:
        deleted, _per_model = Follow.objects.filter(
            user=user, content_type=content_type, object_id=target.pk
        ).delete()
        return bool(deleted)
    _follow, created = Follow.objects.get_or_create(
        user=user,
        content_type=content_type,
        object_id=target.pk,
        defaults={"label": label[: Follow._meta.get_field("label").max_length], "url": url},
    )
    return created


def follow_remove(*, follow: Follow) -> None:
    follow.delete()


def is_following(*, user, target) -> bool:
    return (
        user.is_authenticated
        and Follow.objects.filter(
            user=user, content_type=ContentType.objects.get_for_model(target), object_id=target.pk
        ).exists()
    )


def member_email_frequency_set(*, user: User, email_frequency: str) -> None:
    """How the member wants their notifications by email: at once, in a daily or weekly digest, or never."""
    user.email_frequency = email_frequency
    user.full_clean(exclude=["password"])
    user.save(update_fields=["email_frequency"])


def member_language_set(*, user: User, language: str) -> None:
    """Remember the member's language: the site's pages and the emails to them are in it."""
    if user.language != language:
        user.language = language
        user.full_clean(exclude=["password"])
        user.save(update_fields=["language"])


@transaction.atomic
def notifications_mark_read(*, user: User, notifications) -> int:
    """Mark these notifications of the user's read (those still unread); how many were."""
    marked = Notification.objects.filter(
        user=user, pk__in=[n.pk for n in notifications], read_at__isnull=True
    ).update(read_at=timezone.now())
    if marked:
        User.objects.filter(pk=user.pk).update(
            unread_notifications=Greatest(F("unread_notifications") - marked, 0)
        )
    return marked
