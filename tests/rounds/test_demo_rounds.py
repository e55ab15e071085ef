"""The demo shows an open round with ideas on its theme and a closed one, dated as they happened."""

import pytest
from django.core.management import call_command

from reformbank.demo_content import ROUNDS, TOPICS
from rounds.models import Round, RoundIdea

pytestmark = pytest.mark.django_db


def test_demo_has_an_open_and_a_closed_round_with_their_ideas(client):
    call_command("seed_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    rounds = {round_.title: round_ for round_ in Round.objects.all()}
    assert {r.title: r.state for r in rounds.values()} == {
        "Trygghet i förorten": Round.State.OPEN,
        "Klimatsmarta kommuner": Round.State.CLOSED,
    }
    for demo_round in ROUNDS:
        round_ = rounds[demo_round.title]
        links = list(RoundIdea.objects.filter(round=round_).select_related("proposal__policy_area"))
        assert len(links) == len(demo_round.ideas) >= 3
        for link in links:
            # Submitted while the round was open, on the day the idea was written.
            assert round_.opens_on <= link.created_at.date() <= round_.closes_on
            assert link.created_at == link.proposal.created_at
        areas = {link.proposal.policy_area.slug for link in links}
        assert areas <= {TOPICS[t].area for t in ("faltassistenter", "gang", "fritidsgard", "belysning", "solceller", "laddstolpar", "trad")}  # fmt: skip
        response = client.get(round_.get_absolute_url())
        assert response.status_code == 200
        assert response.context["page"].paginator.count == len(demo_round.ideas)
