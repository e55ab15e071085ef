"""Members follow an idea round and hear of every idea submitted to it, once even if they also follow its tag."""

from django.urls import reverse

from members.models import Follow, Notification
from rounds.models import Round


def test_followers_of_a_round_hear_of_its_new_ideas_once(client, member, other_member, open_round, idea_data):
    client.force_login(other_member)
    response = client.post(reverse("rounds:follow", args=[open_round.slug]), {"following": "1"})
    assert response.status_code == 302
    assert Follow.objects.get(user=other_member).label == open_round.title
    assert 'aria-pressed="true"' in client.get(open_round.get_absolute_url()).content.decode()
    client.post(reverse("proposals:topic_follow"), {"place": "0182", "following": "1"})  # Nacka too

    client.force_login(member)
    response = client.post(reverse("rounds:submit", args=[open_round.slug]), idea_data)
    assert response.status_code == 302
    assert list(Notification.objects.filter(user=other_member).values_list("kind", flat=True)) == ["idea_new"]


def test_anonymous_visitors_are_asked_to_log_in_and_unknown_rounds_are_404(client, other_member):
    assert reverse("account_login") in client.post(reverse("rounds:follow", args=["finns-inte"])).url
    client.force_login(other_member)
    assert client.post(reverse("rounds:follow", args=["finns-inte"]), {"following": "1"}).status_code == 404
    assert not Follow.objects.exists() and not Round.objects.exists()
