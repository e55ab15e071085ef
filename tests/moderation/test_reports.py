"""Reporting and handling reports: bad input is explained beside the field with the text kept, one report per
member and thing however often it is sent, and two editors deciding the same report at once: one wins, the
other is told who was first (409)."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from members.models import Notification
from moderation.models import Report
from proposals import services
from tests.parallel import client_for, parallel, parallel_posts

from .conftest import db_state


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("", "Detta fält måste fyllas i."),
        ("   ", "Detta fält måste fyllas i."),
        ("x" * 1001, "som mest 1000 tecken"),
    ],
)
def test_bad_report_is_explained_and_kept(client, other_member, proposal, reason, message):
    client.force_login(other_member)
    response = client.post(reverse("moderation:report_proposal", args=[proposal.pk]), {"reason": reason})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert reason.strip()[:50] in html
    assert not Report.objects.exists()


def test_control_characters_are_refused(client, other_member, proposal):
    client.force_login(other_member)
    response = client.post(reverse("moderation:report_proposal", args=[proposal.pk]), {"reason": "Hej\x00då"})
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_report_form_page_shows_the_comment(client, other_member, comment):
    client.force_login(other_member)
    response = client.get(reverse("moderation:report_comment", args=[comment.pk]))
    assert response.status_code == 200
    assert comment.body in response.content.decode()


def test_a_hidden_comment_cannot_be_reported(client, other_member, editor_lan, comment):
    services.comment_hide(comment=comment, editor=editor_lan, reason="Personangrepp")
    client.force_login(other_member)
    response = client.post(reverse("moderation:report_comment", args=[comment.pk]), {"reason": "Elakt."})
    assert response.status_code == 409
    assert "Redaktionen har redan dolt det här." in response.content.decode()
    assert "Elakt." in response.content.decode()
    assert not Report.objects.exists()


def test_report_form_is_on_the_idea_page_and_beside_each_comment(client, other_member, comment):
    client.force_login(other_member)
    html = client.get(comment.proposal.get_absolute_url()).content.decode()
    assert reverse("moderation:report_proposal", args=[comment.proposal_id]) in html
    assert reverse("moderation:report_comment", args=[comment.pk]) in html


def test_the_author_is_offered_no_report_form_for_their_own(client, member, comment):
    client.force_login(member)
    html = client.get(comment.proposal.get_absolute_url()).content.decode()
    assert "moderering/anmal/" not in html


@pytest.mark.django_db(transaction=True)
def test_double_click_makes_one_report(other_member, proposal):
    url = reverse("moderation:report_proposal", args=[proposal.pk])
    responses = parallel_posts(other_member, url, {"reason": "Reklam."}, times=3)
    assert [r.status_code for r in responses] == [302, 302, 302]
    assert Report.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "data", "field_message"),
    [
        ("moderation:hide", {"reason": ""}, "Detta fält måste fyllas i."),
        ("moderation:hide", {"reason": "En rad\ntill"}, "Skriv på en rad, utan radbrytningar."),
        ("moderation:hide", {"reason": "x" * 501}, "som mest 500 tecken"),
        ("moderation:ask_change", {"message": ""}, "Detta fält måste fyllas i."),
        ("moderation:ask_change", {"message": "x" * 501}, "som mest 500 tecken"),
    ],
)
def test_bad_decision_is_explained_and_kept(client, editor_lan, report, name, data, field_message):
    client.force_login(editor_lan)
    before = db_state()
    response = client.post(reverse(name, args=[report.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert field_message in html
    assert next(iter(data.values()))[:40].split("\n")[0] in html
    assert db_state() == before


def test_a_decision_closes_every_open_report_of_the_same_thing(
    client, editor_lan, report, proposal, admin_user
):
    second = Report.objects.create(reporter=admin_user, proposal=proposal, reason="Spam.")
    client.force_login(editor_lan)
    assert client.post(reverse("moderation:dismiss", args=[report.pk])).status_code == 302
    assert set(Report.objects.values_list("pk", "state")) == {
        (report.pk, "dismissed"),
        (second.pk, "dismissed"),
    }
    assert AuditEntry.objects.get().before == {"reports_open": 2}


def test_a_handled_report_is_refused_with_who_was_first(client, editor_lan, admin_user, report):
    client.force_login(admin_user)
    client.post(reverse("moderation:dismiss", args=[report.pk]))
    client.force_login(editor_lan)
    before = db_state()
    response = client.post(reverse("moderation:hide", args=[report.pk]), {"reason": "Reklam"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Ali Admin hann före: anmälan är redan hanterad (avfärdad)." in html
    assert db_state() == before


@pytest.mark.django_db(transaction=True)
def test_two_editors_deciding_at_once_one_wins(editor_lan, admin_user, report):
    responses = parallel(
        [
            lambda: client_for(editor_lan).post(reverse("moderation:dismiss", args=[report.pk])),
            lambda: client_for(admin_user).post(
                reverse("moderation:hide", args=[report.pk]), {"reason": "Reklam"}
            ),
        ]
    )
    statuses = [r.status_code for r in responses]
    assert sorted(statuses) == [302, 409]
    loser = responses[statuses.index(409)].content.decode()
    assert "hann före: anmälan är redan hanterad" in loser
    report.refresh_from_db()
    winner_hid = statuses[1] == 302
    assert report.state == ("hidden" if winner_hid else "dismissed")
    assert report.handled_by == (admin_user if winner_hid else editor_lan)
    report.proposal.refresh_from_db()
    assert report.proposal.is_hidden == winner_hid
    assert AuditEntry.objects.count() == 1


def test_asking_to_change_a_comment_tells_its_author_where(client, editor_lan, comment_report, member):
    client.force_login(editor_lan)
    response = client.post(
        reverse("moderation:ask_change", args=[comment_report.pk]), {"message": "Skriv utan svordomar."}
    )
    assert response.status_code == 302
    notice = Notification.objects.get(user=member)
    assert notice.url == f"{comment_report.proposal.get_absolute_url()}#kommentar-{comment_report.comment_id}"
    assert notice.text == (
        f"Redaktionen ber dig ändra din kommentar på ”{comment_report.proposal.title}”: Skriv utan svordomar."
    )


def test_hiding_what_is_already_hidden_closes_the_report(client, editor_lan, admin_user, comment_report):
    services.comment_hide(comment=comment_report.comment, editor=admin_user, reason="Först")
    client.force_login(editor_lan)
    assert (
        client.post(reverse("moderation:hide", args=[comment_report.pk]), {"reason": "Sen"}).status_code
        == 302
    )
    comment_report.comment.refresh_from_db()
    assert (comment_report.comment.hidden_by, comment_report.comment.hidden_reason) == (admin_user, "Först")
    assert Report.objects.get().state == "hidden"


def test_handled_reports_tab(client, editor_lan, report):
    client.force_login(editor_lan)
    client.post(reverse("moderation:dismiss", args=[report.pk]))
    assert report.reason not in client.get(reverse("moderation:queue")).content.decode()
    html = client.get(reverse("moderation:queue"), {"visa": "hanterade"}).content.decode()
    assert report.reason in html and "Avfärdad" in html


@pytest.mark.parametrize("query", [{"page": "999999999999999999999"}, {"page": "x\x00"}, {"visa": "okänd"}])
def test_queue_odd_queries_are_no_500(client, editor_lan, report, query):
    client.force_login(editor_lan)
    assert client.get(reverse("moderation:queue"), query).status_code in (200, 400)


def test_the_districts_editors_hear_of_a_report_once_and_not_who_made_it(
    client, other_member, editor_lan, editor_stad, proposal
):
    Notification.objects.all().delete()
    client.force_login(other_member)
    url = reverse("moderation:report_proposal", args=[proposal.pk])
    client.post(url, {"reason": "Reklam för ett företag."})
    client.post(url, {"reason": "Reklam för ett företag."})  # again: no second report, no second notice
    [notice] = Notification.objects.filter(user=editor_lan)
    assert notice.text == "Ny anmälan till redaktionen: ”Gratis läxhjälp på alla skolor”"
    assert notice.url == reverse("moderation:queue")
    assert other_member.public_name not in notice.text
    assert not Notification.objects.filter(user=editor_stad).exists()  # Nacka is the county district's
