"""Follow and notify: members follow ideas, tags, municipalities and agendas and hear of what happens there, on
the site at once and by email at once, in a daily or weekly digest, or never, as each chose. Nobody gets the same
notice twice, a digest never repeats what was emailed at once, a failed send goes out later, and every email
carries a link that changes the choice without logging in."""

import re
from datetime import timedelta
from smtplib import SMTPException

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from members import delivery
from members.models import Follow, Notification, User
from places.models import Place
from proposals.models import Proposal
from tests.conftest import make_user
from tests.parallel import parallel

pytestmark = pytest.mark.django_db(transaction=True)


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, messages):
        raise SMTPException("421 try again later")


def follow_topic(client, **fields):
    return client.post(reverse("proposals:topic_follow"), {**fields, "following": "1"})


def submit(client, idea_data, **changes):
    response = client.post(reverse("proposals:create"), {**idea_data, **changes})
    assert response.status_code == 302
    return Proposal.objects.latest("pk")


def notices(user):
    return list(Notification.objects.filter(user=user).order_by("pk").values_list("kind", flat=True))


# Following


def test_member_follows_a_tag_and_a_municipality_and_hears_of_a_new_idea_once(
    client, member, other_member, editor_lan, editor_stad, place, idea_data, run_tasks, make_proposal
):
    make_proposal(editor_stad, tags=["cykel"], places=[Place.objects.get(code="0180")])
    Notification.objects.all().delete()
    User.objects.update(unread_notifications=0)
    client.force_login(other_member)
    assert follow_topic(client, tag="cykel").url == "/ideer/?tag=cykel"
    assert follow_topic(client, place=place.code).status_code == 302
    assert set(Follow.objects.filter(user=other_member).values_list("label", flat=True)) == {
        "#cykel",
        "Nacka",
    }

    client.force_login(member)
    proposal = submit(client, idea_data)

    assert notices(other_member) == ["idea_new"]  # once, though they follow both the tag and the place
    assert notices(editor_lan) == ["idea_new"]  # the board of the idea's district
    assert notices(editor_stad) == []
    assert notices(member) == []  # not told of their own idea, but they follow it
    assert Follow.objects.filter(user=member, object_id=proposal.pk, label=proposal.title).exists()
    notification = Notification.objects.get(user=other_member)
    assert notification.text == "Ny idé i Nacka: ”Fler cykelbanor till skolorna”"
    assert notification.url == proposal.get_absolute_url()

    outbox = run_tasks()
    assert sorted(m.to[0] for m in outbox) == sorted([other_member.email, editor_lan.email])
    message = next(m for m in outbox if m.to == [other_member.email])
    assert message.subject == "[Reformbanken] Ny idé i Nacka: ”Fler cykelbanor till skolorna”"
    assert f"http://127.0.0.1:8000/ideer/{proposal.pk}/" in message.body
    assert "Reformbanken" in message.body


def test_the_header_counts_unread_notices_and_reading_them_lowers_the_count(
    client, member, other_member, proposal
):
    client.force_login(other_member)
    client.post(reverse("proposals:follow", args=[proposal.pk]), {"following": "1"})
    client.force_login(member)
    for text in ["Bra idé!", "Håller med."]:
        client.post(reverse("proposals:comment_create", args=[proposal.pk]), {"body": text})
    client.force_login(other_member)
    html = client.get(reverse("proposals:list")).content.decode()
    assert '<span class="nav-count">2<span class="visually-hidden"> olästa</span></span>' in html
    first = Notification.objects.filter(user=other_member).first()
    client.post(reverse("members:notifications_read"), {"notifications": [first.pk]})
    client.post(reverse("members:notifications_read"), {"notifications": [first.pk]})  # again: no change
    other_member.refresh_from_db()
    assert other_member.unread_notifications == 1
    assert 'nav-count">1<' in client.get(reverse("proposals:list")).content.decode()


def test_comment_tells_the_author_and_followers_but_not_the_commenter(
    client, member, other_member, editor_lan, proposal
):
    client.force_login(editor_lan)
    client.post(reverse("proposals:follow", args=[proposal.pk]), {"following": "1"})
    client.force_login(other_member)
    client.post(reverse("proposals:comment_create", args=[proposal.pk]), {"body": "Bra idé!"})
    assert notices(member) == ["idea_comment"]
    assert notices(editor_lan) == ["idea_new", "idea_comment"]
    assert notices(other_member) == []
    assert (
        Notification.objects.get(user=member).text
        == "Anders Annan kommenterade ”Gratis läxhjälp på alla skolor”"
    )


def test_unfollowing_stops_the_notices(client, member, other_member, proposal):
    client.force_login(other_member)
    client.post(reverse("proposals:follow", args=[proposal.pk]), {"following": "1"})
    follow = Follow.objects.get(user=other_member)
    response = client.get(reverse("members:follows"))
    assert proposal.title in response.content.decode()
    client.post(reverse("members:follow_remove"), {"follow": follow.pk})
    assert not Follow.objects.filter(user=other_member).exists()
    client.force_login(member)
    client.post(reverse("proposals:comment_create", args=[proposal.pk]), {"body": "Jag la till en bild."})
    assert notices(other_member) == []


def test_follow_buttons_show_the_state_and_anonymous_visitors_are_sent_to_log_in(
    client, other_member, proposal
):
    url = reverse("proposals:follow", args=[proposal.pk])
    assert client.post(url, {"following": "1"}).url.startswith(reverse("account_login"))
    assert "Bevaka" not in client.get(proposal.get_absolute_url()).content.decode()
    client.force_login(other_member)
    assert "☆ Bevaka" in client.get(proposal.get_absolute_url()).content.decode()
    client.post(url, {"following": "1"})
    client.post(url, {"following": "1"})  # a double click follows once
    assert Follow.objects.filter(user=other_member).count() == 1
    assert 'aria-pressed="true">★ Bevakar' in client.get(proposal.get_absolute_url()).content.decode()
    html = client.get(reverse("proposals:list"), {"tag": "läxhjälp"}).content.decode()
    assert "☆ Bevaka" in html and 'name="tag" value="läxhjälp"' in html


@pytest.mark.parametrize(
    "fields",
    [{"tag": "finns-inte"}, {"place": "9999"}, {}, {"tag": "läxhjälp", "place": "0182"}, {"tag": "x\x00"}],
)
def test_following_something_unknown_is_refused(client, other_member, proposal, fields):
    client.force_login(other_member)
    response = client.post(reverse("proposals:topic_follow"), {**fields, "following": "1"})
    assert response.status_code in (400, 404)
    assert not Follow.objects.exists() or set(Follow.objects.values_list("user", flat=True)) == {
        proposal.author_id
    }


def test_follows_page_query_count(client, other_member, proposal, django_assert_max_num_queries):
    client.force_login(other_member)
    client.post(reverse("proposals:follow", args=[proposal.pk]), {"following": "1"})
    follow_topic(client, tag="läxhjälp")
    # session, member, viewer's roles, the page's follows, their count
    with django_assert_max_num_queries(5):
        response = client.get(reverse("members:follows"))
    assert response.content.decode().count("Sluta bevaka") == 2


# Email: at once, digests, never


def test_status_change_emails_the_author_the_answer_and_tells_followers(
    client, member, other_member, editor_lan, proposal, run_tasks
):
    client.force_login(other_member)
    client.post(reverse("proposals:follow", args=[proposal.pk]), {"following": "1"})
    client.force_login(editor_lan)
    status_url = reverse("proposals:status", args=[proposal.pk])
    client.post(status_url, {"status": "under_review"})
    client.post(status_url, {"status": "answered", "text": "Vi tar med idén i agendan."})
    assert notices(member) == ["own_idea_status"]  # "under review" is not news for the author
    assert notices(other_member) == ["idea_status", "idea_status"]
    outbox = run_tasks()
    [to_author] = [m for m in outbox if m.to == [member.email]]
    assert "Vi tar med idén i agendan." in to_author.body
    assert len([m for m in outbox if m.to == [other_member.email]]) == 2


def test_daily_digest_collects_what_was_not_sent_and_never_sends_it_twice(
    client, member, other_member, proposal, run_tasks, settings
):
    other_member.email_frequency = User.EmailFrequency.DAILY
    other_member.save(update_fields=["email_frequency"])
    client.force_login(other_member)
    client.post(reverse("proposals:follow", args=[proposal.pk]), {"following": "1"})
    client.force_login(member)
    for text in ["Första tillägget.", "Andra tillägget.", "Tredje tillägget."]:
        client.post(reverse("proposals:comment_create", args=[proposal.pk]), {"body": text})
    assert run_tasks() == []  # nothing at once
    read = Notification.objects.filter(user=other_member).first()
    Notification.objects.filter(pk=read.pk).update(read_at=timezone.now())  # read on the site meanwhile

    call_command("notifications_send", digest="daily", verbosity=0)
    call_command("notifications_send", digest="weekly", verbosity=0)  # other members' digests
    [digest] = run_tasks()
    assert digest.to == [other_member.email]
    assert digest.subject == "[Reformbanken] 2 nya notiser"
    assert digest.body.count("Maria Medlem kommenterade") == 2
    assert digest.extra_headers["List-Unsubscribe"].startswith("<http://127.0.0.1:8000/medlem/e-post/")

    call_command("notifications_send", digest="daily", verbosity=0)
    assert len(run_tasks()) == 1  # the next day: nothing new, no email


def test_a_digest_leaves_out_what_was_emailed_at_once(client, member, other_member, proposal, run_tasks):
    client.force_login(other_member)
    client.post(reverse("proposals:follow", args=[proposal.pk]), {"following": "1"})
    client.force_login(member)
    client.post(reverse("proposals:comment_create", args=[proposal.pk]), {"body": "Första."})
    assert [m.to for m in run_tasks()] == [[other_member.email]]
    other_member.email_frequency = User.EmailFrequency.WEEKLY
    other_member.save(update_fields=["email_frequency"])
    client.post(reverse("proposals:comment_create", args=[proposal.pk]), {"body": "Andra."})
    call_command("notifications_send", digest="weekly", verbosity=0)
    outbox = run_tasks()
    assert len(outbox) == 2
    assert outbox[1].subject == "[Reformbanken] 1 ny notis"
    assert "förra veckans" in outbox[1].body


def test_never_means_no_email_but_the_notice_is_on_the_site(
    client, member, other_member, proposal, run_tasks
):
    other_member.email_frequency = User.EmailFrequency.NEVER
    other_member.save(update_fields=["email_frequency"])
    client.force_login(other_member)
    client.post(reverse("proposals:follow", args=[proposal.pk]), {"following": "1"})
    client.force_login(member)
    client.post(reverse("proposals:comment_create", args=[proposal.pk]), {"body": "Hej."})
    call_command("notifications_send", digest="daily", verbosity=0)
    assert run_tasks() == []
    assert notices(other_member) == ["idea_comment"]


def test_a_failed_send_goes_out_later_once(client, member, other_member, proposal, run_tasks, settings):
    client.force_login(other_member)
    client.post(reverse("proposals:follow", args=[proposal.pk]), {"following": "1"})
    client.force_login(member)
    settings.EMAIL_BACKEND = f"{__name__}.FailingEmailBackend"
    client.post(reverse("proposals:comment_create", args=[proposal.pk]), {"body": "Hej."})
    assert run_tasks() == []
    notification = Notification.objects.get(user=other_member)
    assert notification.emailed_at is None  # the failed send marked nothing

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("notifications_send", verbosity=0)
    assert run_tasks() == []  # too fresh: it may still be on its way
    Notification.objects.filter(pk=notification.pk).update(created_at=timezone.now() - timedelta(minutes=15))
    call_command("notifications_send", verbosity=0)
    call_command("notifications_send", verbosity=0)  # enqueued twice, sent once
    assert [m.to for m in run_tasks()] == [[other_member.email]]


def test_two_workers_sending_the_same_notice_at_once_send_it_once(member, other_member, proposal):
    [notification] = Notification.objects.bulk_create(
        [
            Notification(
                user=other_member, kind="idea_comment", params={"name": "Maria", "title": proposal.title}
            )
        ]
    )
    sent = parallel([lambda: delivery.notification_emails_send(notification_ids=[notification.pk])] * 4)
    assert sorted(sent) == [0, 0, 0, 1]
    assert len(mail.outbox) == 1


# The link in every email


def email_settings_url(message) -> str:
    return re.search(r"http://127\.0\.0\.1:8000(/medlem/e-post/[^\s>]+/)", message.body).group(1)


def test_the_link_in_an_email_changes_how_often_without_logging_in(
    client, member, other_member, proposal, run_tasks
):
    client.force_login(other_member)
    client.post(reverse("proposals:comment_create", args=[proposal.pk]), {"body": "Hej."})
    [message] = run_tasks()
    url = email_settings_url(message)
    client.logout()

    page = client.get(url)
    assert page.status_code == 200
    assert member.email in page.content.decode()
    member.refresh_from_db()
    assert member.email_frequency == "immediately"  # looking changes nothing

    assert client.post(url, {"email_frequency": "sometimes"}).status_code == 200  # unknown: a field error
    member.refresh_from_db()
    assert member.email_frequency == "immediately"
    response = client.post(url, {"email_frequency": "weekly"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.email_frequency == "weekly"


def test_one_click_unsubscribe_from_the_mail_program(client, member, other_member, proposal, run_tasks):
    client.force_login(other_member)
    client.post(reverse("proposals:comment_create", args=[proposal.pk]), {"body": "Hej."})
    [message] = run_tasks()
    client.logout()
    response = client.post(email_settings_url(message), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 204
    member.refresh_from_db()
    assert member.email_frequency == "never"


def test_a_forged_email_link_is_404(client, member):
    token = delivery.email_settings_token(member)
    assert client.get(reverse("members:email_settings", args=[token[:-2] + "xx"])).status_code == 404
    assert (
        client.post(reverse("members:email_settings", args=["1"]), {"email_frequency": "never"}).status_code
        == 404
    )
    member.refresh_from_db()
    assert member.email_frequency == "immediately"


def test_profile_sets_the_email_frequency(client, member):
    client.force_login(member)
    client.post(
        reverse("members:profile"),
        {"display_name": "Maria", "home_place": "", "language": "", "email_frequency": "daily"},
    )
    member.refresh_from_db()
    assert member.email_frequency == "daily"


def test_editors_of_both_districts_hear_of_an_idea_in_both(
    client, idea_data, place, stockholm, editor_lan, editor_stad
):
    author = make_user("ny@example.se", display_name="Nils")
    client.force_login(author)
    submit(client, idea_data, places=[place.pk, stockholm.pk])
    assert notices(editor_lan) == ["idea_new"] and notices(editor_stad) == ["idea_new"]
    assert (
        Notification.objects.get(user=editor_stad).text
        == "Ny idé i Nacka, Stockholm: ”Fler cykelbanor till skolorna”"
    )
