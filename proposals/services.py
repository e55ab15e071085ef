"""Every write to the bank goes through these functions."""

from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from members.tasks import email_send
from reformbank.errors import UserError
from reformbank.submissions import submission_claim

from .models import Comment, Proposal, ProposalRevision, StatusChange, Support
from .search import search_vector_update

# The statuses an editor may move an idea to from each status.
STATUS_TRANSITIONS = {
    Proposal.Status.NEW: {
        Proposal.Status.UNDER_REVIEW,
        Proposal.Status.SELECTED,
        Proposal.Status.ANSWERED,
        Proposal.Status.DECLINED,
    },
    Proposal.Status.UNDER_REVIEW: {
        Proposal.Status.SELECTED,
        Proposal.Status.ANSWERED,
        Proposal.Status.DECLINED,
    },
    Proposal.Status.SELECTED: {Proposal.Status.UNDER_REVIEW, Proposal.Status.ANSWERED},
    Proposal.Status.ANSWERED: {Proposal.Status.UNDER_REVIEW, Proposal.Status.SELECTED},
    Proposal.Status.DECLINED: {Proposal.Status.UNDER_REVIEW},
}
STATUSES_NEEDING_TEXT = {Proposal.Status.ANSWERED, Proposal.Status.DECLINED}
# The author hears by email when their idea reaches one of these.
STATUSES_NOTIFIED = {Proposal.Status.SELECTED, Proposal.Status.ANSWERED, Proposal.Status.DECLINED}


class ServiceError(UserError):
    """An action the rules do not allow now (the idea or comment has changed); the message is for the user."""

    status = 409


def proposal_search_index(proposal: Proposal) -> None:
    """Recompute the idea's search index from its text, places and tags (after every change to them)."""
    search_vector_update([(proposal, list(proposal.tags.all()))])


@transaction.atomic
def proposal_create(
    *,
    author,
    title,
    summary,
    body,
    problem,
    places,
    policy_area,
    tags=(),
    derived_from=None,
    submission_key=None,
) -> Proposal:
    """Submit a new idea to the bank. The same form sent again (`submission_key`) returns the idea it made."""
    earlier, submission_key = submission_claim(
        Proposal,
        owner_field="author",
        owner=author,
        key=submission_key,
        same=lambda row: (row.title, row.body) == (title, body),
    )
    if earlier is not None:
        return earlier
    proposal = Proposal(
        submission_key=submission_key,
        author=author,
        title=title,
        summary=summary,
        body=body,
        problem=problem,
        policy_area=policy_area,
        derived_from=derived_from,
    )
    proposal.full_clean()
    proposal.save()
    proposal.places.set(places)
    proposal.tags.set(list(tags))
    proposal_search_index(proposal)
    if derived_from is not None:
        Proposal.objects.filter(pk=derived_from.pk).update(last_activity_at=timezone.now())
    return proposal


@transaction.atomic
def proposal_update(
    *, proposal: Proposal, editor, title, summary, body, problem, places, policy_area, tags=()
):
    """Change an idea's text; the previous text is kept as a revision."""
    previous = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if not previous.is_open_for_edit:
        raise ServiceError(_("Idén har redan behandlats och kan inte längre ändras."))
    text_changed = (previous.title, previous.summary, previous.body, previous.problem) != (
        title,
        summary,
        body,
        problem,
    )
    if text_changed:
        ProposalRevision.objects.create(
            proposal=previous,
            title=previous.title,
            summary=previous.summary,
            body=previous.body,
            problem=previous.problem,
            edited_by=editor,
        )
    proposal.title, proposal.summary, proposal.body, proposal.problem = title, summary, body, problem
    proposal.policy_area = policy_area
    proposal.last_activity_at = timezone.now()
    proposal.full_clean()
    proposal.save()
    proposal.places.set(places)
    proposal.tags.set(list(tags))
    proposal_search_index(proposal)
    return proposal


@transaction.atomic
def proposal_status_change(*, proposal: Proposal, editor, status: str, text: str = "") -> StatusChange:
    """An editor moves an idea on; answers and refusals carry a public text."""
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if status not in STATUS_TRANSITIONS[locked.status]:
        raise ServiceError(_("Den statusändringen är inte möjlig från idéns nuvarande status."))
    if status in STATUSES_NEEDING_TEXT and not text.strip():
        raise ServiceError(_("Skriv ett svar eller en motivering."))
    change = StatusChange(
        proposal=locked, from_status=locked.status, to_status=status, changed_by=editor, reason=text
    )
    change.full_clean()
    change.save()
    # updated_at too (a queryset update skips auto_now): cached searches are keyed by the bank's last change.
    now = timezone.now()
    updates = {"status": status, "last_activity_at": now, "updated_at": now}
    if status in STATUSES_NEEDING_TEXT:
        updates["answer"] = text
    Proposal.objects.filter(pk=locked.pk).update(**updates)
    for field, value in updates.items():
        setattr(proposal, field, value)
    if status in STATUSES_NOTIFIED:
        proposal_author_notify(proposal=proposal, change=change)
    return change


def proposal_author_notify(*, proposal: Proposal, change: StatusChange) -> None:
    """Email the author about the board's decision, in the author's language, from the task worker once the
    change is committed."""
    context = {
        "proposal": proposal,
        "change": change,
        "url": settings.SITE_URL.rstrip("/") + proposal.get_absolute_url(),
    }
    with translation.override(proposal.author.language):
        subject = render_to_string("proposals/email/status_subject.txt", context).strip()
        body = render_to_string("proposals/email/status_body.txt", context)
    transaction.on_commit(partial(email_send.enqueue, subject=subject, body=body, to=[proposal.author.email]))


def proposal_support(*, proposal: Proposal, member) -> bool:
    """Add the member's support; False when they already support the idea."""
    try:
        with transaction.atomic():
            Support.objects.create(proposal=proposal, member=member)
            Proposal.objects.filter(pk=proposal.pk).update(
                support_count=F("support_count") + 1, last_activity_at=timezone.now()
            )
    except IntegrityError:
        return False
    return True


@transaction.atomic
def proposal_unsupport(*, proposal: Proposal, member) -> bool:
    """Withdraw the member's support; False when there was none."""
    deleted, _per_model = Support.objects.filter(proposal=proposal, member=member).delete()
    if deleted:
        Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") - 1)
    return bool(deleted)


@transaction.atomic
def comment_create(
    *, proposal: Proposal, author, body: str, parent: Comment | None = None, submission_key=None
) -> Comment:
    """Comment on an idea, or reply to a top-level comment (replies go one level deep; a reply to a reply
    answers its top-level comment). Nobody replies under a hidden comment. The same form sent again
    (`submission_key`) returns the comment it made."""
    if parent is not None:
        if parent.proposal_id != proposal.pk:
            raise ServiceError(_("Kommentaren du svarar på hör till en annan idé."))
        # Locked, so that an editor hiding it at the same moment comes either before (refused) or after.
        thread = Comment.objects.select_for_update().get(pk=parent.parent_id or parent.pk)
        if parent.is_hidden or thread.is_hidden:
            raise ServiceError(_("Kommentaren du svarar på är dold och kan inte besvaras."))
        parent = thread
    earlier, submission_key = submission_claim(
        Comment, owner_field="author", owner=author, key=submission_key, same=lambda row: row.body == body
    )
    if earlier is not None:
        return earlier
    comment = Comment(
        proposal=proposal, author=author, body=body, parent=parent, submission_key=submission_key
    )
    comment.full_clean()
    comment.save()
    Proposal.objects.filter(pk=proposal.pk).update(
        comment_count=F("comment_count") + 1, last_activity_at=timezone.now()
    )
    return comment


@transaction.atomic
def comment_update(*, comment: Comment, body: str) -> Comment:
    """The author changes their comment's text, unless an editor hid it meanwhile."""
    if Comment.objects.select_for_update().get(pk=comment.pk).is_hidden:
        raise ServiceError(_("Kommentaren har dolts av en redaktör och kan inte ändras."))
    comment.body = body
    comment.edited_at = timezone.now()
    comment.full_clean()
    comment.save(update_fields=["body", "edited_at"])
    return comment


@transaction.atomic
def comment_hide(*, comment: Comment, editor, reason: str) -> bool:
    """An editor hides a comment; its text stays in the database with who, when and why.

    Hiding is done once: a comment already hidden (a double-click, two editors at once) keeps the first
    editor's name and reason, and the idea's comment count goes down once. False when it was hidden already."""
    reason = reason.strip()
    if not reason:
        raise ServiceError(_("Skriv varför kommentaren döljs."))
    hidden = Comment.objects.filter(pk=comment.pk, hidden_at__isnull=True).update(
        hidden_at=timezone.now(), hidden_by=editor, hidden_reason=reason[:500]
    )
    if hidden:
        Proposal.objects.filter(pk=comment.proposal_id).update(comment_count=F("comment_count") - 1)
    comment.refresh_from_db(fields=["hidden_at", "hidden_by", "hidden_reason"])
    return bool(hidden)
