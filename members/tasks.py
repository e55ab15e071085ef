from django.core.mail import EmailMultiAlternatives
from django_tasks import task

from . import delivery


@task()
def email_send(
    *, subject: str, body: str, to: list[str], html: str = "", from_email: str | None = None
) -> None:
    """Send one email from the worker, so that a slow mail server never slows a request."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, from_email=from_email)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


@task()
def notifications_email(*, notification_ids: list[int]) -> int:
    """Email notifications to the members who want them at once (see members.delivery)."""
    return delivery.notification_emails_send(notification_ids=notification_ids)


@task()
def notifications_digest(*, user_id: int, frequency: str) -> int:
    """Email one member their daily or weekly digest (see members.delivery)."""
    return delivery.notification_digest_send(user_id=user_id, frequency=frequency)
