"""Property-based, as tests/reformbank/test_fuzz.py: whatever arrives in the audit log's query string or in a
report or decision form, the answer is never a server error, and a refused write changes nothing."""

from django.urls import reverse

from audit.models import AuditEntry
from moderation.models import Report
from proposals import services
from tests.reformbank.test_fuzz import assert_no_server_error, fuzz_form

from .conftest import db_state


def test_audit_log_filters_never_fail(client, admin_user, editor_lan, proposal):
    services.proposal_status_change(proposal=proposal, editor=editor_lan, status="under_review")
    client.force_login(admin_user)

    @fuzz_form(
        {
            "action": ["", *AuditEntry.Action.values],
            "actor": ["", str(editor_lan.pk), str(admin_user.pk)],
            "since": ["", "2026-01-01", "0001-01-01"],
            "until": ["", "2026-12-31", "9999-12-31"],
            "page": ["1", "2", "last"],
        }
    )
    def check(params):
        for name in ("moderation:log", "moderation:log_csv"):
            response = client.get(reverse(name), params)
            assert_no_server_error(response)
            if response.streaming:
                b"".join(response.streaming_content)

    check()


def test_report_form_never_fails(client, other_member, proposal):
    client.force_login(other_member)
    url = reverse("moderation:report_proposal", args=[proposal.pk])

    @fuzz_form({"reason": ["Reklam.", "Personangrepp mot en namngiven person."]})
    def check(data):
        before = Report.objects.count()
        response = client.post(url, data)
        assert_no_server_error(response)
        if response.status_code != 302:
            assert Report.objects.count() == before

    check()


def test_decision_forms_never_fail(client, editor_lan, proposal, other_member):
    client.force_login(editor_lan)

    @fuzz_form({"reason": ["Reklam", "Dubblett"], "message": ["Ta bort namnet.", "Skriv om rubriken."]})
    def check(data):
        Report.objects.all().delete()
        report = Report.objects.create(reporter=other_member, proposal=proposal, reason="Reklam.")
        for name in ("moderation:ask_change", "moderation:hide"):
            before = db_state()
            response = client.post(reverse(name, args=[report.pk]), data)
            assert_no_server_error(response)
            if response.status_code != 302:
                assert db_state() == before
        services.proposal_unhide(proposal=proposal, editor=editor_lan)

    check()
