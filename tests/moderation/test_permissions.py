"""Who may report, handle reports, show hidden things again and read the audit log: the truth table, roles ×
actions, through HTTP. Each refused action leaves the database as it was; each allowed one is checked to have
happened. Editors handle their own district's reports only: another district's is a 404, as is any report for
a member."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from members.models import Notification
from moderation.models import Report
from proposals import services
from proposals.models import Comment, Proposal
from tests.conftest import role_matrix
from tests.moderation.conftest import db_state

ROLES = ["anonymous", "member", "other_member", "editor_lan", "editor_stad", "admin_user"]
# The idea and the comment are `member`'s, about Nacka (county district "lan").
PERSONA = {role: role for role in ROLES[1:]}


def matrix(**expected):
    return role_matrix(ROLES, **expected)


def assert_status(response, role, expected):
    assert response.status_code == expected, response.content.decode()[:300]
    if role == "anonymous":
        assert response.url.startswith(reverse("account_login") + "?next=")


def allowed(role, expected):
    return role != "anonymous" and expected in (200, 302)


# --- Members report --------------------------------------------------------------------------------------


@matrix(anonymous=302, member=403, other_member=302, editor_lan=302, editor_stad=302, admin_user=302)
def test_report_idea(client, act_as, proposal, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("moderation:report_proposal", args=[proposal.pk]), {"reason": "Reklam."})
    assert_status(response, role, expected)
    if allowed(role, expected):
        assert response.url == proposal.get_absolute_url()
        report = Report.objects.get()
        assert (report.reporter, report.proposal, report.comment, report.reason) == (
            user,
            proposal,
            None,
            "Reklam.",
        )
        assert report.state == Report.State.OPEN
    else:
        assert db_state() == before


@matrix(anonymous=302, member=403, other_member=302, editor_lan=302, editor_stad=302, admin_user=302)
def test_report_comment(client, act_as, comment, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("moderation:report_comment", args=[comment.pk]), {"reason": "Hat."})
    assert_status(response, role, expected)
    if allowed(role, expected):
        assert response.url == f"{comment.proposal.get_absolute_url()}#kommentar-{comment.pk}"
        report = Report.objects.get()
        assert (report.reporter, report.proposal, report.comment, report.reason) == (
            user,
            comment.proposal,
            comment,
            "Hat.",
        )
    else:
        assert db_state() == before


@matrix(anonymous=302, member=403, other_member=302, editor_lan=302, editor_stad=302, admin_user=302)
def test_report_twice_makes_one_report(client, act_as, proposal, role, expected):
    user = act_as(role)
    url = reverse("moderation:report_proposal", args=[proposal.pk])
    client.post(url, {"reason": "Reklam."})
    response = client.post(url, {"reason": "Och igen, med andra ord."})
    assert_status(response, role, expected)
    if allowed(role, expected):
        assert list(Report.objects.values_list("reporter", "reason")) == [(user.pk, "Reklam.")]
        html = client.get(response.url).content.decode()
        assert "Du har redan anmält det här." in html
    else:
        assert not Report.objects.exists()


# --- Editors work the queue ------------------------------------------------------------------------------


@matrix(anonymous=302, member=403, other_member=403, editor_lan=200, editor_stad=200, admin_user=200)
def test_view_queue(client, act_as, report, city_idea, member, role, expected):
    city_report = Report.objects.create(reporter=member, proposal=city_idea, reason="Fel kommun angiven.")
    act_as(role)
    response = client.get(reverse("moderation:queue"))
    assert_status(response, role, expected)
    if expected == 200:
        html = response.content.decode()
        assert (report.reason in html) == (role in ("editor_lan", "admin_user"))
        assert (city_report.reason in html) == (role in ("editor_stad", "admin_user"))


@matrix(anonymous=302, member=404, other_member=404, editor_lan=200, editor_stad=404, admin_user=200)
def test_view_report(client, act_as, report, role, expected):
    act_as(role)
    response = client.get(reverse("moderation:report", args=[report.pk]))
    assert_status(response, role, expected)
    if expected == 200:
        assert report.reason in response.content.decode()
    else:
        assert report.reason not in response.content.decode()


@matrix(anonymous=302, member=404, other_member=404, editor_lan=302, editor_stad=404, admin_user=302)
def test_dismiss(client, act_as, report, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("moderation:dismiss", args=[report.pk]))
    assert_status(response, role, expected)
    if allowed(role, expected):
        report.refresh_from_db()
        assert (report.state, report.handled_by) == (Report.State.DISMISSED, user)
        assert report.handled_at is not None
        entry = AuditEntry.objects.get()
        assert (entry.actor, entry.action, entry.target_id) == (
            user,
            "report_dismiss",
            str(report.proposal_id),
        )
        assert Proposal.objects.get(pk=report.proposal_id).hidden_at is None
    else:
        assert db_state() == before


@matrix(anonymous=302, member=404, other_member=404, editor_lan=302, editor_stad=404, admin_user=302)
def test_hide_reported_idea(client, act_as, report, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("moderation:hide", args=[report.pk]), {"reason": "Reklam för ett företag"})
    assert_status(response, role, expected)
    if allowed(role, expected):
        idea = Proposal.objects.get(pk=report.proposal_id)
        assert (idea.hidden_by, idea.hidden_reason) == (user, "Reklam för ett företag")
        assert Report.objects.get().state == Report.State.HIDDEN
        entry = AuditEntry.objects.get()
        assert (entry.action, entry.before, entry.after) == (
            "proposal_hide",
            {"hidden": False, "reason": ""},
            {"hidden": True, "reason": "Reklam för ett företag"},
        )
    else:
        assert db_state() == before


@matrix(anonymous=302, member=404, other_member=404, editor_lan=302, editor_stad=404, admin_user=302)
def test_hide_reported_comment(client, act_as, comment_report, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("moderation:hide", args=[comment_report.pk]), {"reason": "Personangrepp"})
    assert_status(response, role, expected)
    if allowed(role, expected):
        comment = Comment.objects.get(pk=comment_report.comment_id)
        assert (comment.hidden_by, comment.hidden_reason) == (user, "Personangrepp")
        assert Proposal.objects.get(pk=comment.proposal_id).comment_count == 0
        assert AuditEntry.objects.get().action == "comment_hide"
    else:
        assert db_state() == before


@matrix(anonymous=302, member=404, other_member=404, editor_lan=302, editor_stad=404, admin_user=302)
def test_ask_to_change(client, act_as, report, member, role, expected):
    user = act_as(role)
    before = db_state()
    response = client.post(
        reverse("moderation:ask_change", args=[report.pk]), {"message": "Ta bort företagets namn."}
    )
    assert_status(response, role, expected)
    if allowed(role, expected):
        assert Report.objects.get().state == Report.State.ASKED_TO_CHANGE
        notice = Notification.objects.get()
        assert notice.user == member
        assert "Ta bort företagets namn." in notice.text and report.proposal.title in notice.text
        entry = AuditEntry.objects.get()
        assert (entry.actor, entry.action, entry.reason) == (
            user,
            "report_ask_change",
            "Ta bort företagets namn.",
        )
    else:
        assert db_state() == before


@matrix(anonymous=302, member=403, other_member=404, editor_lan=302, editor_stad=404, admin_user=302)
def test_unhide_idea(client, act_as, proposal, editor_lan, role, expected):
    # The author (member) still sees their hidden idea, so is refused; others do not see it at all.
    services.proposal_hide(proposal=proposal, editor=editor_lan, reason="Reklam")
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("moderation:proposal_unhide", args=[proposal.pk]))
    assert_status(response, role, expected)
    if allowed(role, expected):
        proposal.refresh_from_db()
        assert (proposal.hidden_at, proposal.hidden_by, proposal.hidden_reason) == (None, None, "")
        entry = AuditEntry.objects.latest("pk")
        assert (entry.actor, entry.action, entry.before["reason"]) == (user, "proposal_unhide", "Reklam")
    else:
        assert db_state() == before


@matrix(anonymous=302, member=403, other_member=403, editor_lan=302, editor_stad=403, admin_user=302)
def test_unhide_comment(client, act_as, comment, editor_lan, role, expected):
    services.comment_hide(comment=comment, editor=editor_lan, reason="Personangrepp")
    user = act_as(role)
    before = db_state()
    response = client.post(reverse("moderation:comment_unhide", args=[comment.pk]))
    assert_status(response, role, expected)
    if allowed(role, expected):
        comment.refresh_from_db()
        assert comment.hidden_at is None and comment.hidden_reason == ""
        assert Proposal.objects.get(pk=comment.proposal_id).comment_count == 1
        assert AuditEntry.objects.latest("pk").actor == user
    else:
        assert db_state() == before


# --- The audit log ---------------------------------------------------------------------------------------


@pytest.fixture
def logged(proposal, city_idea, editor_lan, editor_stad):
    """One status change in each district's log."""
    services.proposal_status_change(proposal=proposal, editor=editor_lan, status="under_review")
    services.proposal_status_change(proposal=city_idea, editor=editor_stad, status="under_review")
    return proposal, city_idea


@matrix(anonymous=302, member=403, other_member=403, editor_lan=200, editor_stad=200, admin_user=200)
def test_view_audit_log(client, act_as, logged, role, expected):
    county_idea, city_idea = logged
    act_as(role)
    response = client.get(reverse("moderation:log"))
    assert_status(response, role, expected)
    if expected == 200:
        html = response.content.decode()
        assert (county_idea.title in html) == (role in ("editor_lan", "admin_user"))
        assert (city_idea.title in html) == (role in ("editor_stad", "admin_user"))


@matrix(anonymous=302, member=403, other_member=403, editor_lan=200, editor_stad=200, admin_user=200)
def test_export_audit_log(client, act_as, logged, role, expected):
    county_idea, city_idea = logged
    act_as(role)
    response = client.get(reverse("moderation:log_csv"))
    assert_status(response, role, expected)
    if expected == 200:
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"].startswith('attachment; filename="granskningslogg-')
        text = b"".join(response.streaming_content).decode()
        assert (county_idea.title in text) == (role in ("editor_lan", "admin_user"))
        assert (city_idea.title in text) == (role in ("editor_stad", "admin_user"))


# --- What may not be seen: 404 for everyone, the login page for anonymous ---------------------------------

UNKNOWN_PK = 987654321
UNKNOWN = [
    ("get", "moderation:report_proposal", {}),
    ("post", "moderation:report_proposal", {"reason": "x"}),
    ("post", "moderation:report_comment", {"reason": "x"}),
    ("get", "moderation:report", {}),
    ("post", "moderation:dismiss", {}),
    ("post", "moderation:hide", {"reason": "x"}),
    ("post", "moderation:ask_change", {"message": "x"}),
    ("post", "moderation:proposal_unhide", {}),
    ("post", "moderation:comment_unhide", {}),
]


@pytest.mark.parametrize("role", ROLES)
def test_unknown_ids_are_404(client, act_as, role):
    act_as(role)
    for method, name, data in UNKNOWN:
        response = getattr(client, method)(reverse(name, args=[UNKNOWN_PK]), data)
        expected = 302 if role == "anonymous" else 404
        assert response.status_code == expected, (role, name, response.status_code)
    assert not Report.objects.exists()


@pytest.mark.parametrize("role", ["anonymous", "other_member", "editor_stad"])
def test_a_hidden_idea_cannot_be_reported_by_those_who_cannot_see_it(
    client, act_as, proposal, editor_lan, role
):
    services.proposal_hide(proposal=proposal, editor=editor_lan, reason="Reklam")
    act_as(role)
    response = client.post(reverse("moderation:report_proposal", args=[proposal.pk]), {"reason": "x"})
    assert response.status_code == (302 if role == "anonymous" else 404)
    assert not Report.objects.exists()


@pytest.mark.parametrize("name", ["moderation:dismiss", "moderation:hide", "moderation:ask_change"])
def test_handling_is_post_only(client, editor_lan, report, name):
    client.force_login(editor_lan)
    assert client.get(reverse(name, args=[report.pk])).status_code == 405
    assert Report.objects.get().state == Report.State.OPEN
