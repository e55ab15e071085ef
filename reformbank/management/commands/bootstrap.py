"""Everything `make run` needs before serving: schema, cache table, county data (a migration), once the demo, and
the anchoring figures counted."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from members.models import User

from .seed_demo import DEMO_PASSWORD, DEMO_PEOPLE


class Command(BaseCommand):
    help = "Migrate, create the cache table, load the demo content on first run and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000")

    def handle(self, *args, url, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        if not User.objects.filter(email=DEMO_PEOPLE[0][0]).exists():
            self.stdout.write("Loading demo content (first run only)…")
            call_command("seed_demo", verbosity=0, stdout=self.stdout)
        call_command("anchoring_count", stdout=self.stdout)  # the dashboard's figures, up to date at start
        roles = {
            "medlem@example.se": "member",
            "redaktor.lan@example.se": "editor, county district board",
            "redaktor.stad@example.se": "editor, city district board",
            "admin@example.se": "admin",
        }
        self.stdout.write(self.style.SUCCESS(f"\nReformbanken is ready on {url}"))
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for email, _, _, _ in DEMO_PEOPLE:
            self.stdout.write(f"  {email:<28} {roles[email]}")
        self.stdout.write("Emails (verification, password reset) are printed here by the task worker.\n")
