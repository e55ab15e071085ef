from django.core.management.base import BaseCommand

from anchoring.services import figures_count


class Command(BaseCommand):
    help = (
        "Count the anchoring dashboard's figures afresh (run it every ten minutes from cron or a systemd timer; "
        "the dashboard shows the newest count)."
    )

    def handle(self, *args, **options):
        count = figures_count()
        if count is None:
            self.stdout.write("Another count is running; this one stopped.")
            return
        self.stdout.write(f"Counted the anchoring figures in {count.seconds:.1f} s.")
