"""A member's right to their data: deleting the account. What is kept and why is told on the privacy page."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEntry
from meetings.models import CalendarFeed, Registration
from meetings.services import meeting_cancel
from members.models import EditorRole, Follow, Notification
from moderation.models import Report
from practice.models import Assignment, Carrying
from proposals.models import Proposal, Support
from reformbank.errors import UserError

User = get_user_model()

# Written into the audit log in the portal's source language, as its labels are.
FORMER_MEMBER = "tidigare medlem"


class AccountGone(UserError):
    """The account was deleted a moment before (another tab)."""

    status = 409


@transaction.atomic
def member_delete(*, user) -> None:
    """Delete the member's account in one transaction.

    Removed: supports (a political opinion; each idea's count goes down by one), follows, notifications, the
    calendar address, meeting registrations (a seat given back goes to the waiting list), stated offices and
    carried ideas, reports made, roles, email addresses. Kept, under the anonymised row ("tidigare medlem"):
    ideas, comments, amendments, agenda versions, imports and the audit log, which must say who did an editor's
    or admin's action. The member's sessions stop working: the password becomes unusable and the account
    inactive, and Django checks both on every request."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.deleted_at is not None:
        raise AccountGone(_("Kontot är redan raderat."))
    if (
        locked.is_superuser
        and not User.objects.filter(is_superuser=True, is_active=True).exclude(pk=locked.pk).exists()
    ):
        raise UserError(
            _("Du är den enda administratören. Ge någon annan rollen innan du raderar ditt konto.")
        )

    # Lock the supports, so that a withdrawal at the same moment either went first (its row is gone here) or
    # waits and finds nothing to withdraw: each idea's count goes down exactly once.
    supported = list(
        Support.objects.select_for_update().filter(member=locked).values_list("pk", "proposal_id")
    )
    Support.objects.filter(pk__in=[pk for pk, _proposal in supported]).delete()
    Proposal.objects.filter(pk__in=[proposal for _pk, proposal in supported], support_count__gt=0).update(
        support_count=F("support_count") - 1
    )

    now = timezone.now()
    for registration in Registration.objects.filter(member=locked).select_related("meeting"):
        if registration.meeting.starts_at > now:
            meeting_cancel(meeting=registration.meeting, member=locked)
    Registration.objects.filter(member=locked).delete()  # those of meetings that have begun: no one waits

    Follow.objects.filter(user=locked).delete()
    Notification.objects.filter(user=locked).delete()
    CalendarFeed.objects.filter(member=locked).delete()
    Carrying.objects.filter(member=locked).delete()
    Assignment.objects.filter(member=locked).delete()
    Report.objects.filter(reporter=locked).delete()
    EditorRole.objects.filter(user=locked).delete()
    EmailAddress.objects.filter(user=locked).delete()
    # Entries about the member (a role given or taken) keep the action, not the name it was given to.
    AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(User), target_id=str(locked.pk)
    ).update(target_label=FORMER_MEMBER)

    locked.email = f"deleted-{locked.pk}@invalid"
    locked.display_name = ""
    locked.home_place = None
    locked.set_unusable_password()
    locked.is_active = False
    locked.is_staff = False
    locked.is_superuser = False
    locked.unread_notifications = 0
    locked.deleted_at = now
    locked.save()
