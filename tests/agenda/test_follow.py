"""Members follow an agenda's process, and authors hear when their idea is promoted into an agenda and when an
agenda built on it is adopted."""

from django.urls import reverse

from members.models import Follow, Notification

from .conftest import head
from .helpers import fresh, process_url, to_board_proposal, to_consultation


def kinds(user):
    return list(Notification.objects.filter(user=user).order_by("pk").values_list("kind", flat=True))


def test_followers_hear_of_the_consultation_the_proposal_and_the_adoption(
    client, other_member, editor_lan, agenda
):
    agenda = to_board_proposal(to_consultation(agenda, editor_lan), editor_lan)
    client.force_login(other_member)
    assert client.post(reverse("agenda:follow", args=[agenda.pk]), {"following": "1"}).status_code == 302
    assert Follow.objects.get(user=other_member).label == "Reformagenda för länet"
    client.force_login(editor_lan)
    client.post(
        process_url(agenda, "anta"),
        {"body": "congress", "decided_on": "2026-11-28", "minutes_reference": "Protokoll § 7"},
    )
    assert fresh(agenda).state == "adopted"
    [notice] = Notification.objects.filter(user=other_member)
    assert notice.text == "Reformagendan ”Reformagenda för länet”: agendan är antagen"
    assert kinds(editor_lan) == []  # the editor who acted is not told


def test_the_step_is_told_in_the_readers_language(client, other_member, editor_lan, agenda):
    agenda = to_consultation(agenda, editor_lan)
    other_member.language = "en"
    other_member.save(update_fields=["language"])
    client.force_login(other_member)
    client.post(reverse("agenda:follow", args=[agenda.pk]), {"following": "1"})
    client.force_login(editor_lan)
    client.post(process_url(agenda, "forslag"))
    assert fresh(agenda).state == "board_proposal"
    client.force_login(other_member)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("members:notifications")).content.decode()
    assert "The reform agenda “Reformagenda för länet”: the board has put forward its proposal" in html


def test_a_draft_agenda_a_member_may_not_see_cannot_be_followed(client, other_member, editor_stad, agenda):
    client.force_login(other_member)
    assert client.post(reverse("agenda:follow", args=[agenda.pk]), {"following": "1"}).status_code == 404
    assert not Follow.objects.exists()


def test_the_author_hears_of_the_promotion_and_of_the_adoption(
    client, member, other_member, editor_lan, agenda, section_key, selected_proposal
):
    client.force_login(other_member)
    client.post(reverse("proposals:follow", args=[selected_proposal.pk]), {"following": "1"})
    client.force_login(editor_lan)
    client.post(
        reverse("agenda:promote", args=[selected_proposal.pk]),
        {"target": f"{agenda.pk}:{section_key}", "text": ""},
    )
    assert head(agenda).cites(selected_proposal.pk)
    assert kinds(member)[-1] == "own_idea_promoted"
    assert kinds(other_member)[-1] == "idea_promoted"
    agenda = to_board_proposal(to_consultation(agenda, editor_lan), editor_lan)
    client.post(
        process_url(agenda, "anta"),
        {"body": "congress", "decided_on": "2026-11-28", "minutes_reference": "Protokoll § 7"},
    )
    notice = Notification.objects.filter(user=member).latest("pk")
    assert notice.text == (
        "Reformagendan ”Reformagenda för länet” är antagen, med din idé ”Gratis läxhjälp på alla skolor” som grund"
    )
