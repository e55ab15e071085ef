"""Notifications by email: each one at once, or a digest a day or a week, as the member chose.

A notification is marked emailed in the same transaction that sends it, with its row locked: a send that fails
rolls the mark back and the notification goes out with the next run, and one that is marked is never sent
again, at once or in a digest. Read notifications are not emailed."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import Notification, User

EMAIL_SETTINGS_SALT = "members.email-settings"
# A digest lists the newest of the member's notifications; the rest wait on the site.
DIGEST_ITEMS = 50


def email_settings_token(user: User) -> str:
    return signing.dumps(user.pk, salt=EMAIL_SETTINGS_SALT)


def user_for_email_settings_token(token: str) -> User | None:
    """The member whose email settings link this is, or None for a forged or broken one."""
    try:
        pk = signing.loads(token, salt=EMAIL_SETTINGS_SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk, is_active=True).first() if isinstance(pk, int) else None


def _site() -> str:
    return settings.SITE_URL.rstrip("/")


def _send(user: User, template: str, context: dict) -> None:
    settings_url = _site() + reverse("members:email_settings", args=[email_settings_token(user)])
    context = {**context, "site_name": settings.SITE_NAME, "site_url": _site(), "settings_url": settings_url}
    with translation.override(user.language):
        subject = " ".join(render_to_string(f"members/email/{template}_subject.txt", context).split())
        body = render_to_string(f"members/email/{template}_body.txt", context)
    message = EmailMultiAlternatives(
        subject=f"[{settings.SITE_NAME}] {subject}",
        body=body,
        to=[user.email],
        # Mail programs offer "unsubscribe" and may post to the link themselves (RFC 8058).
        headers={
            "List-Unsubscribe": f"<{settings_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()


def _pending():
    return Notification.objects.filter(emailed_at__isnull=True, read_at__isnull=True, user__is_active=True)


def notification_emails_send(*, notification_ids) -> int:
    """Email each of these notifications to its member, if they still want emails at once and it is neither
    read nor sent; how many were sent."""
    sent = 0
    for pk in notification_ids:
        with transaction.atomic():
            notification = (
                _pending()
                .filter(pk=pk, user__email_frequency=User.EmailFrequency.IMMEDIATELY)
                .select_related("user")
                .select_for_update(of=("self",), skip_locked=True)
                .first()
            )
            if notification is None:
                continue
            with translation.override(notification.user.language):
                text = notification.text
            _send(
                notification.user,
                "notification",
                {
                    "text": text,
                    "detail": notification.params.get("detail", ""),
                    "url": _site() + notification.url if notification.url else "",
                },
            )
            Notification.objects.filter(pk=pk).update(emailed_at=timezone.now())
            sent += 1
    return sent


@transaction.atomic
def notification_digest_send(*, user_id: int, frequency: str) -> int:
    """Email the member one digest of their unread notifications not yet emailed, if they still want digests
    this often; how many notifications it covered."""
    user = User.objects.filter(pk=user_id, is_active=True, email_frequency=frequency).first()
    if user is None:
        return 0
    notifications = list(
        _pending()
        .filter(user=user)
        .order_by("-created_at", "-id")
        .select_for_update(of=("self",), skip_locked=True)
    )
    if not notifications:
        return 0
    with translation.override(user.language):
        items = [
            {"text": n.text, "url": _site() + n.url if n.url else "", "created_at": n.created_at}
            for n in notifications[:DIGEST_ITEMS]
        ]
    _send(
        user,
        "digest",
        {
            "items": items,
            "more": len(notifications) - len(items),
            "count": len(notifications),
            "frequency": frequency,
            "notifications_url": _site() + reverse("members:notifications"),
        },
    )
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(emailed_at=timezone.now())
    return len(notifications)


def digest_recipients(frequency: str) -> list[int]:
    """The members who want digests this often and have something unread that was not emailed."""
    return list(
        _pending()
        .filter(user__email_frequency=frequency)
        .order_by()
        .values_list("user_id", flat=True)
        .distinct()
    )


def immediate_backlog(*, older_than) -> list[int]:
    """Notifications meant to go out at once that have not (a send that failed, a worker that was down)."""
    return list(
        _pending()
        .filter(user__email_frequency=User.EmailFrequency.IMMEDIATELY, created_at__lt=older_than)
        .order_by("created_at")
        .values_list("pk", flat=True)[:5000]
    )
