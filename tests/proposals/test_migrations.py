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


@pytest.mark.django_db(transaction=True)
def test_ideas_seeded_without_their_places_in_the_index_get_them(client, member, make_proposal, stockholm):
    """Before the seed put each idea's places in its index, a search filtered on a municipality, or naming
    one, missed the seeded ideas: migration 0021 adds the places' lexemes, and leaves a complete index alone."""
    seeded = make_proposal(member, title="Fler cykelbanor vid skolorna", places=[stockholm])
    saved = make_proposal(member, title="Fler cykelbanor vid badet", places=[stockholm])
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE proposals_proposal SET search_vector = ts_delete(search_vector, %s) WHERE id = %s",
            [f"@place{stockholm.pk}", seeded.pk],
        )
    vector = Proposal.objects.values_list("search_vector", flat=True)
    before = vector.get(pk=saved.pk)
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    migrate([("proposals", "0020_supported_search_index")])
    migrate(latest)

    assert vector.get(pk=saved.pk) == before
    for params in ({"q": "cykelbanor", "place": "0180"}, {"q": "cykelbanor stockholm"}):
        response = client.get(reverse("proposals:list"), params)
        titles = {p.title for p in response.context["page"]}
        assert titles == {"Fler cykelbanor vid skolorna", "Fler cykelbanor vid badet"}, params
