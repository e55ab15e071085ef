"""Every write to the bank goes through these functions."""

from urllib.parse import urlencode

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from taggit.models import Tag

from audit.models import AuditEntry
from audit.services import audit_record
from members.services import editors_of, follow_set, followers_notify, notification_create
from reformbank.errors import UserError
from reformbank.submissions import submission_claim

from .models import Comment, Proposal, ProposalRevision, StatusChange, Support
from .search import search_vector_update
from .selectors import proposal_district_ids

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
# The author hears of it when their idea reaches one of these (followers hear of every change).
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
    also_followed=(),
) -> Proposal:
    """Submit a new idea to the bank. The same form sent again (`submission_key`) returns the idea it made.
    Who follows its places or tags, or one of `also_followed` (a higher app's thing it belongs to, such as an
    idea round), hears of it once, as do the editors of its districts."""
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
    proposal_follow(proposal=proposal, member=author)
    places = list(proposal.places.all())
    followers_notify(
        targets=[*places, *proposal.tags.all(), *also_followed],
        also=editors_of({district.pk for place in places for district in place.districts.all()}),
        exclude=[author],
        kind="idea_new",
        params={"title": proposal.title, "places": ", ".join(place.name for place in places)},
        url=proposal.get_absolute_url(),
    )
    return proposal


def proposal_follow(*, proposal: Proposal, member, following: bool = True) -> bool:
    """The member follows the idea (its authors do from the start) or stops; whether anything changed."""
    return follow_set(
        user=member,
        target=proposal,
        label=proposal.title,
        url=proposal.get_absolute_url(),
        following=following,
    )


def topic_list_url(topic) -> str:
    """The list of ideas with this tag, or in this place."""
    key = ("tag", topic.slug) if isinstance(topic, Tag) else ("place", topic.code)
    return f"{reverse('proposals:list')}?{urlencode([key])}"


def topic_follow(*, topic, member, following: bool = True) -> bool:
    """The member follows a tag or a place (new ideas with it) or stops; whether anything changed."""
    label = f"#{topic.name}" if isinstance(topic, Tag) else topic.name
    return follow_set(user=member, target=topic, label=label, url=topic_list_url(topic), following=following)


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
    audit_record(
        actor=editor,
        action=AuditEntry.Action.ANSWER if status in STATUSES_NEEDING_TEXT else AuditEntry.Action.STATUS,
        target=locked,
        districts=proposal_district_ids(locked.pk),
        before={"status": locked.status, "answer": locked.answer},
        after={"status": status, "answer": updates.get("answer", locked.answer)},
    )
    for field, value in updates.items():
        setattr(proposal, field, value)
    params = {"title": locked.title, "status": Proposal.Status(status).label}
    if status in STATUSES_NOTIFIED:
        notification_create(
            user=locked.author,
            kind="own_idea_status",
            params={**params, "detail": text},  # the email quotes the board's answer
            url=locked.get_absolute_url(),
        )
    followers_notify(
        targets=[locked],
        exclude=[editor, locked.author],
        kind="idea_status",
        params=params,
        url=locked.get_absolute_url(),
    )
    return change


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
    followers_notify(
        targets=[proposal],
        exclude=[author],
        kind="idea_comment",
        params={"name": author.public_name, "title": proposal.title},
        url=f"{proposal.get_absolute_url()}#kommentar-{comment.pk}",
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
        _comment_audit(comment, editor, AuditEntry.Action.COMMENT_HIDE, hidden_reason=reason[:500])
    comment.refresh_from_db(fields=["hidden_at", "hidden_by", "hidden_reason"])
    return bool(hidden)


def _comment_audit(comment: Comment, editor, action: str, *, hidden_reason: str, before_reason: str = ""):
    audit_record(
        actor=editor,
        action=action,
        target=comment,
        districts=proposal_district_ids(comment.proposal_id),
        before={"hidden": bool(before_reason), "reason": before_reason},
        after={"hidden": bool(hidden_reason), "reason": hidden_reason},
        reason=hidden_reason,
        label=Truncator(comment.body).chars(150),
    )


@transaction.atomic
def comment_unhide(*, comment: Comment, editor) -> bool:
    """An editor shows a hidden comment again (hiding undone); the idea's comment count goes up once. False
    when it was not hidden (another editor was first)."""
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    if not locked.is_hidden:
        return False
    before_reason = locked.hidden_reason
    Comment.objects.filter(pk=locked.pk).update(hidden_at=None, hidden_by=None, hidden_reason="")
    Proposal.objects.filter(pk=locked.proposal_id).update(comment_count=F("comment_count") + 1)
    _comment_audit(
        locked, editor, AuditEntry.Action.COMMENT_UNHIDE, hidden_reason="", before_reason=before_reason
    )
    comment.hidden_at, comment.hidden_by, comment.hidden_reason = None, None, ""
    return True


def _proposal_audit(proposal: Proposal, editor, action: str, *, hidden_reason: str, before_reason: str = ""):
    audit_record(
        actor=editor,
        action=action,
        target=proposal,
        districts=proposal_district_ids(proposal.pk),
        before={"hidden": bool(before_reason), "reason": before_reason},
        after={"hidden": bool(hidden_reason), "reason": hidden_reason},
        reason=hidden_reason,
    )


@transaction.atomic
def proposal_hide(*, proposal: Proposal, editor, reason: str) -> bool:
    """An editor hides an idea: it leaves every public list, search and feed, and its page shows the public
    reason to its author and editors only. Its text stays. Done once: an idea already hidden (two editors at
    once) keeps the first editor's name and reason. False when it was hidden already."""
    reason = reason.strip()[:500]
    if not reason:
        raise ServiceError(_("Skriv varför idén döljs."))
    # updated_at too: cached searches are keyed by the bank's last change (proposals.search.hits).
    now = timezone.now()
    hidden = Proposal.objects.filter(pk=proposal.pk, hidden_at__isnull=True).update(
        hidden_at=now, hidden_by=editor, hidden_reason=reason, updated_at=now
    )
    if hidden:
        _proposal_audit(proposal, editor, AuditEntry.Action.PROPOSAL_HIDE, hidden_reason=reason)
    proposal.refresh_from_db(fields=["hidden_at", "hidden_by", "hidden_reason"])
    return bool(hidden)


@transaction.atomic
def proposal_unhide(*, proposal: Proposal, editor) -> bool:
    """An editor shows a hidden idea again (hiding undone). False when it was not hidden."""
    locked = (
        Proposal.objects.select_for_update().only("hidden_at", "hidden_reason", "title").get(pk=proposal.pk)
    )
    if not locked.is_hidden:
        return False
    Proposal.objects.filter(pk=locked.pk).update(
        hidden_at=None, hidden_by=None, hidden_reason="", updated_at=timezone.now()
    )
    _proposal_audit(
        locked,
        editor,
        AuditEntry.Action.PROPOSAL_UNHIDE,
        hidden_reason="",
        before_reason=locked.hidden_reason,
    )
    proposal.hidden_at, proposal.hidden_by, proposal.hidden_reason = None, None, ""
    return True
