"""Support: one per member and idea (a database constraint), can be withdrawn, count shown."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from proposals.models import Support


def support_url(proposal):
    return reverse("proposals:support", args=[proposal.pk])


def test_member_supports_and_withdraws(client, other_member, proposal):
    client.force_login(other_member)
    response = client.post(support_url(proposal), follow=True)
    proposal.refresh_from_db()
    assert proposal.support_count == 1
    assert "Tack för ditt stöd!" in response.content.decode()
    assert "Ta tillbaka mitt stöd" in response.content.decode()

    client.post(support_url(proposal), {"action": "withdraw"})
    proposal.refresh_from_db()
    assert proposal.support_count == 0
    assert not Support.objects.exists()


def test_duplicate_support_counts_once(client, other_member, proposal):
    client.force_login(other_member)
    client.post(support_url(proposal))
    response = client.post(support_url(proposal), follow=True)
    proposal.refresh_from_db()
    assert proposal.support_count == 1
    assert Support.objects.count() == 1
    assert "Du stöder redan den här idén." in response.content.decode()


def test_database_refuses_a_second_support_row(other_member, proposal):
    Support.objects.create(proposal=proposal, member=other_member)
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(proposal=proposal, member=other_member)


def test_withdrawing_without_support_changes_nothing(client, other_member, proposal):
    client.force_login(other_member)
    client.post(support_url(proposal), {"action": "withdraw"})
    proposal.refresh_from_db()
    assert proposal.support_count == 0


def test_author_cannot_support_own_idea(client, member, proposal):
    client.force_login(member)
    assert client.post(support_url(proposal)).status_code == 403
    proposal.refresh_from_db()
    assert proposal.support_count == 0


def test_support_needs_post(client, other_member, proposal):
    client.force_login(other_member)
    assert client.get(support_url(proposal)).status_code == 405
