from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def email_send(
    *, subject: str, body: str, to: list[str], html: str = "", from_email: str | None = None
) -> None:
    """Send one email from the worker, so that a slow mail server never slows a request."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, from_email=from_email)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
