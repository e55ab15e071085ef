from django.core.management.base import BaseCommand

from meetings.services import meeting_reminders_send


class Command(BaseCommand):
    help = (
        "Queue the reminder emails for the meetings starting within a day, each member once however often it "
        "runs (run it every hour from cron or a systemd timer; the task worker sends them)."
    )

    def handle(self, *args, **options):
        sent = meeting_reminders_send()
        self.stdout.write(f"Queued {sent} meeting reminders.")
