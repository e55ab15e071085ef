from django.conf import settings
from django.core.management.base import BaseCommand

from audit.services import audit_purge


class Command(BaseCommand):
    help = (
        "Delete the audit log's entries older than DJANGO_AUDIT_RETENTION_YEARS (5 by default); run it daily "
        "from cron or a systemd timer."
    )

    def handle(self, *args, **options):
        deleted = audit_purge()
        self.stdout.write(
            f"Deleted {deleted} audit log entries older than {settings.AUDIT_RETENTION_YEARS} years."
        )
