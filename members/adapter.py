from functools import partial

from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction

from .tasks import email_send


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Render allauth's mail here, send it from the task worker once the request's transaction commits."""
        message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        transaction.on_commit(
            partial(
                email_send.enqueue,
                subject=message.subject,
                body=message.body,
                to=list(message.to),
                html=html,
                from_email=message.from_email,
            )
        )
