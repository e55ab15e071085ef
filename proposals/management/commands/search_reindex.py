"""`manage.py search_reindex`: recompute every idea's search index (after changing proposals/search.py, or
after changing which district a place belongs to other than in the admin, which refreshes its ideas itself)."""

import time

from django.core.management.base import BaseCommand
from django.db import connection

from proposals.search import REINDEX_BATCH, search_cache_clear, search_reindex


class Command(BaseCommand):
    help = (
        "Recompute the search index (lexemes, title tiers, place, tag and district lists) of every idea, "
        "in batches."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=REINDEX_BATCH)

    def handle(self, *args, batch_size, **options):
        started = time.monotonic()
        verbose = options["verbosity"] > 1
        total = search_reindex(
            batch_size=batch_size,
            progress=(lambda n: self.stdout.write(f"  {n}")) if verbose else None,
        )
        search_cache_clear()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE proposals_proposal")
        self.stdout.write(f"Reindexed {total} ideas in {time.monotonic() - started:.1f} s.")
