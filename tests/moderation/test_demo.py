"""The demo shows moderation at work: a few open reports in the editors' queues, and the editors' actions in the
audit log."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from audit.models import AuditEntry
from members.models import User
from moderation.models import Report
from proposals.models import StatusChange
from reformbank.demo_content import REPORTS
from reformbank.management.commands.seed_demo import DEMO_PEOPLE

pytestmark = pytest.mark.django_db


def test_demo_has_open_reports_and_a_log(client):
    call_command("seed_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Report.objects.filter(state=Report.State.OPEN).count() == len(REPORTS) >= 3
    assert AuditEntry.objects.filter(action__in=["status", "answer"]).count() == StatusChange.objects.count()
    assert AuditEntry.objects.filter(action="promote").exists()
    seen = set()
    for email, *_ in DEMO_PEOPLE:
        client.force_login(User.objects.get(email=email))
        response = client.get(reverse("moderation:queue"))
        if response.status_code == 200:
            seen |= {
                report.reason for report in Report.objects.all() if report.reason in response.content.decode()
            }
            assert client.get(reverse("moderation:log")).status_code == 200
    assert seen == {report.reason for report in REPORTS}
