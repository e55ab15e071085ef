"""Email what members asked for by email: `--digest daily` once a day, `--digest weekly` once a week, and
without `--digest` every few minutes to send again what was meant to go out at once but did not (a failed
send, a worker that was down). Each run only enqueues; the task worker (`manage.py db_worker`) sends."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from members import delivery
from members.models import User
from members.tasks import notifications_digest, notifications_email

# Notifications younger than this are still on their way from the request that made them.
BACKLOG_AFTER = timedelta(minutes=10)
BATCH = 100


class Command(BaseCommand):
    help = "Enqueue notification emails: the daily or weekly digests, or the backlog of emails due at once."

    def add_arguments(self, parser):
        parser.add_argument("--digest", choices=[User.EmailFrequency.DAILY, User.EmailFrequency.WEEKLY])

    def handle(self, *args, digest=None, **options):
        if digest:
            members = delivery.digest_recipients(digest)
            for user_id in members:
                notifications_digest.enqueue(user_id=user_id, frequency=digest)
            self.stdout.write(f"{len(members)} digests enqueued")
            return
        backlog = delivery.immediate_backlog(older_than=timezone.now() - BACKLOG_AFTER)
        for start in range(0, len(backlog), BATCH):
            notifications_email.enqueue(notification_ids=backlog[start : start + BATCH])
        self.stdout.write(f"{len(backlog)} notifications enqueued")
