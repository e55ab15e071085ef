"""Migrations that rewrite data still work on a database that already holds ideas."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from proposals.models import Proposal


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate(target)


@pytest.mark.django_db(transaction=True)
def test_the_search_migrations_index_ideas_that_already_exist(client, member, make_proposal):
    idea = make_proposal(member, title="Fler cykelbanor i Nacka")
    latest = MigrationExecutor(
        connection
    ).loader.graph.leaf_nodes()  # every app: going back undoes the apps above
    # Back to before the search tiers (0004) and the districts kept on each idea (0005), then forward again:
    # 0004's reindex must write only the columns that exist at that point.
    migrate([("proposals", "0003_proposal_area_id")])
    migrate(latest)

    idea = Proposal.objects.get(pk=idea.pk)
    assert idea.search_districts == f",{idea.places.get().districts.get().pk},"
    response = client.get(reverse("proposals:list"), {"q": "cykel", "district": "lan"})
    assert [p.title for p in response.context["page"]] == ["Fler cykelbanor i Nacka"]
