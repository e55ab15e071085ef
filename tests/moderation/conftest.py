import pytest

from audit.models import AuditEntry
from members.models import Notification
from moderation.models import Report
from proposals import services
from proposals.models import Comment, Proposal


@pytest.fixture
def comment(proposal, member):
    """The author's own comment on their Nacka idea (county district)."""
    return services.comment_create(
        proposal=proposal, author=member, body="Jag förtydligar: det gäller högstadiet."
    )


@pytest.fixture
def city_idea(make_proposal, other_member, stockholm):
    """An idea about the city of Stockholm (city district), by `other_member`."""
    return make_proposal(other_member, title="Fler bibliotek i Rinkeby", places=[stockholm])


@pytest.fixture
def report(proposal, other_member):
    """`other_member` reports the Nacka idea."""
    return Report.objects.create(
        reporter=other_member, proposal=proposal, reason="Det här är reklam för ett företag."
    )


@pytest.fixture
def comment_report(comment, other_member):
    return Report.objects.create(
        reporter=other_member, proposal=comment.proposal, comment=comment, reason="Personangrepp."
    )


def db_state():
    """Everything an action of moderation could change."""
    return {
        "reports": sorted(
            Report.objects.values_list(
                "pk", "reporter_id", "proposal_id", "comment_id", "state", "handled_by_id", "response"
            )
        ),
        "proposals": sorted(
            Proposal.objects.values_list("pk", "hidden_at", "hidden_by_id", "hidden_reason", "comment_count")
        ),
        "comments": sorted(Comment.objects.values_list("pk", "hidden_at", "hidden_by_id", "hidden_reason")),
        "notifications": list(Notification.objects.order_by("pk").values_list("user_id", "kind", "params")),
        "audit": AuditEntry.objects.count(),
    }
