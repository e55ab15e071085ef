"""What the privacy pages read: all of one member's data, and the admins' member register."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Prefetch

from agenda.models import Amendment
from meetings.models import Registration
from members.models import EditorRole, Follow, Notification
from moderation.models import Report
from practice.models import Assignment, Carrying
from proposals.models import Comment, Proposal, Support

User = get_user_model()

# The register export stops here: far more than the party's districts have members, and a bound on the file.
REGISTER_MAX_ROWS = 50_000


def _rows(queryset, *fields) -> list[dict]:
    return list(queryset.values(*fields))


def member_data(user) -> dict:
    """Everything the portal keeps about the member, as plain data for their download. One query per kind of
    thing (none per row), and only the member's own rows: of others, only the titles of ideas they touched."""
    return {
        "profile": {
            "id": user.pk,
            "email": user.email,
            "display_name": user.display_name,
            "show_name": user.show_name,
            "home_place": user.home_place.name if user.home_place_id else None,
            "language": user.language,
            "email_frequency": user.email_frequency,
            "joined": user.date_joined,
            "last_login": user.last_login,
            "is_admin": user.is_superuser,
        },
        "email_addresses": _rows(
            EmailAddress.objects.filter(user=user).order_by("pk"), "email", "verified", "primary"
        ),
        "editor_roles": _rows(
            EditorRole.objects.filter(user=user).order_by("pk"), "district__name", "granted_at"
        ),
        "ideas": _rows(
            Proposal.objects.filter(author=user).order_by("pk"),
            "id",
            "title",
            "summary",
            "problem",
            "body",
            "status",
            "created_at",
            "updated_at",
            "hidden_at",
        ),
        "comments": _rows(
            Comment.objects.filter(author=user).order_by("pk"),
            "id",
            "proposal_id",
            "proposal__title",
            "body",
            "created_at",
            "edited_at",
            "hidden_at",
        ),
        "supports": _rows(
            Support.objects.filter(member=user).order_by("pk"), "proposal_id", "proposal__title", "created_at"
        ),
        "follows": _rows(Follow.objects.filter(user=user).order_by("pk"), "label", "url", "created_at"),
        "notifications": [
            {
                "text": notification.text,
                "url": notification.url,
                "created_at": notification.created_at,
                "read_at": notification.read_at,
            }
            for notification in Notification.objects.filter(user=user).order_by("pk")
        ],
        "meeting_registrations": _rows(
            Registration.objects.filter(member=user).order_by("pk"),
            "meeting_id",
            "meeting__title",
            "meeting__starts_at",
            "state",
            "created_at",
        ),
        "offices": _rows(
            Assignment.objects.filter(member=user).order_by("pk"),
            "kind",
            "place__name",
            "title",
            "created_at",
            "confirmed_at",
        ),
        "carried_ideas": _rows(
            Carrying.objects.filter(member=user).order_by("pk"),
            "proposal_id",
            "proposal__title",
            "created_at",
        ),
        "reports_made": _rows(
            Report.objects.filter(reporter=user).order_by("pk"),
            "proposal_id",
            "comment_id",
            "reason",
            "state",
            "created_at",
        ),
        "amendments": _rows(
            Amendment.objects.filter(author=user).order_by("pk"),
            "agenda_id",
            "agenda__title",
            "version_number",
            "kind",
            "text",
            "motivation",
            "decision",
            "answer",
            "created_at",
        ),
    }


def register_rows():
    """The member register for the admins: who is a member and how to reach them, nothing of what they think
    (no ideas, comments or supports). Roles come in one prefetch; rows are bounded."""
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True, primary=True)
    return (
        User.objects.filter(deleted_at__isnull=True)
        .select_related("home_place")
        .annotate(verified=Exists(verified))
        .prefetch_related(Prefetch("editor_roles", queryset=EditorRole.objects.select_related("district")))
        .order_by("pk")[:REGISTER_MAX_ROWS]
    )
