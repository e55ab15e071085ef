"""Every write to the bank goes through these functions."""

from urllib.parse import urlencode

from django.db import IntegrityError, transaction
from django.db.models import Case, F, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from taggit.models import Tag

from audit.models import AuditEntry
from audit.services import audit_record
from members.services import editors_of, follow_set, followers_notify, notification_create
from reformbank.errors import UserError
from reformbank.submissions import submission_claim

from .models import (
    Comment,
    Proposal,
    ProposalCoauthor,
    ProposalMerge,
    ProposalRevision,
    StatusChange,
    Support,
)
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


def _lock_pair(first_pk: int, second_pk: int) -> dict[int, Proposal]:
    """Both ideas locked, in id order so that two editors merging the same pair either way cannot deadlock."""
    rows = Proposal.objects.select_for_update().filter(pk__in=[first_pk, second_pk]).order_by("pk")
    return {row.pk: row for row in rows}


def _recount(proposal_id: int) -> None:
    """The idea's support and comment counts from its rows (a merge moves many at once)."""
    Proposal.objects.filter(pk=proposal_id).update(
        support_count=Support.objects.filter(proposal_id=proposal_id).count(),
        comment_count=Comment.objects.filter(proposal_id=proposal_id, hidden_at__isnull=True).count(),
    )


def _merge_notify(merge: ProposalMerge, kind: str) -> None:
    """Both authors (once if one wrote both) hear of it, unless they did it themselves."""
    params = {"merged": merge.merged.title, "kept": merge.kept.title}
    authors = {merge.merged.author_id: merge.merged.author, merge.kept.author_id: merge.kept.author}
    for author_id, author in authors.items():
        if author_id != merge.editor_id:
            notification_create(user=author, kind=kind, params=params, url=merge.kept.get_absolute_url())


def _merge_audit(merge: ProposalMerge, editor, action: str) -> None:
    merged = {"merged_into": merge.kept_id, "kept": merge.kept.title}
    audit_record(
        actor=editor,
        action=action,
        target=merge.merged,
        districts=proposal_district_ids(merge.kept_id) | proposal_district_ids(merge.merged_id),
        before={} if action == AuditEntry.Action.MERGE else merged,
        after=merged if action == AuditEntry.Action.MERGE else {},
    )


@transaction.atomic
def proposal_merge(*, kept: Proposal, merged: Proposal, editor) -> ProposalMerge:
    """An editor merges a duplicate idea into the one kept. To the kept idea move: the supports (one per
    member: a member who supported both, or the kept idea's author, keeps theirs on the merged idea, out of
    sight), the comments, the tags and places it lacked, and the merged idea's author as co-author. The merged
    idea leaves every list and search; its address leads to the kept idea. What moved is recorded so that
    proposal_unmerge restores both exactly. Logged, and both authors hear of it."""
    if kept.pk == merged.pk:
        raise ServiceError(_("En idé kan inte sammanföras med sig själv."))
    locked = _lock_pair(kept.pk, merged.pk)
    kept, merged = locked[kept.pk], locked[merged.pk]
    if kept.merged_into_id or merged.merged_into_id:
        raise ServiceError(_("En av idéerna har redan sammanförts med en annan idé."))
    if kept.is_hidden or merged.is_hidden:
        raise ServiceError(_("En dold idé kan inte sammanföras."))
    if Proposal.objects.filter(merged_into=merged).exists():
        raise ServiceError(
            _("Andra idéer har sammanförts med den här. Ångra de sammanförningarna först eller behåll den.")
        )
    kept_members = set(Support.objects.filter(proposal=kept).values_list("member_id", flat=True))
    kept_members.add(kept.author_id)
    moving = Support.objects.filter(proposal=merged).exclude(member_id__in=kept_members)
    supports = [
        [member_id, created.isoformat()]
        for member_id, created in moving.values_list("member_id", "created_at")
    ]
    kept_apart = list(
        Support.objects.filter(proposal=merged, member_id__in=kept_members).values_list(
            "member_id", flat=True
        )
    )
    moving.update(proposal=kept)
    comments = list(Comment.objects.filter(proposal=merged).values_list("id", flat=True))
    Comment.objects.filter(pk__in=comments).update(proposal=kept)
    kept_tags = {tag.pk for tag in kept.tags.all()}
    tags = [tag for tag in merged.tags.all() if tag.pk not in kept_tags]
    kept.tags.add(*tags)
    places = list(merged.places.exclude(pk__in=kept.places.all()))
    kept.places.add(*places)
    coauthors = [merged.author_id]
    coauthors += ProposalCoauthor.objects.filter(proposal=merged).values_list("member_id", flat=True)
    present = set(ProposalCoauthor.objects.filter(proposal=kept).values_list("member_id", flat=True))
    added = [pk for pk in dict.fromkeys(coauthors) if pk != kept.author_id and pk not in present]
    ProposalCoauthor.objects.bulk_create(ProposalCoauthor(proposal=kept, member_id=pk) for pk in added)
    now = timezone.now()
    merge = ProposalMerge(
        kept=kept,
        merged=merged,
        editor=editor,
        moved={
            "supports": supports,
            "supports_kept_apart": kept_apart,
            "comments": comments,
            "tags": [tag.pk for tag in tags],
            "places": [place.pk for place in places],
            "coauthors": added,
        },
    )
    merge.full_clean(exclude=["kept", "merged", "editor"])
    merge.save()
    # Out of search until unmerged: the search statements leave out rows without an index.
    # updated_at too, for both: cached searches and the forms they ask for are keyed by the bank's last change.
    Proposal.objects.filter(pk=merged.pk).update(
        merged_into=kept, merged_at=now, search_vector=None, search_head=None, updated_at=now
    )
    Proposal.objects.filter(pk=kept.pk).update(updated_at=now)
    _recount(kept.pk)
    _recount(merged.pk)
    proposal_search_index(kept)
    _merge_audit(merge, editor, AuditEntry.Action.MERGE)
    _merge_notify(merge, "idea_merged")
    return merge


@transaction.atomic
def proposal_unmerge(*, merge: ProposalMerge, editor) -> ProposalMerge:
    """An editor undoes a merge: both ideas as they were before it. Members whose support moved get it back on
    the merged idea, with its date, even if they withdrew it or supported the kept idea again meanwhile; the
    kept idea keeps the supports, comments, tags and places it had or got since from others. Logged, and
    both authors hear of it."""
    locked = _lock_pair(merge.kept_id, merge.merged_id)
    merge = ProposalMerge.objects.select_for_update().get(pk=merge.pk)
    if merge.undone_at is not None:
        raise ServiceError(_("Sammanförningen är redan ångrad."))
    kept, merged = locked[merge.kept_id], locked[merge.merged_id]
    moved = merge.moved
    member_ids = [member_id for member_id, _created in moved["supports"]]
    Support.objects.filter(proposal=kept, member_id__in=member_ids).delete()
    Support.objects.filter(proposal=merged, member_id__in=member_ids).delete()
    Support.objects.bulk_create(Support(proposal=merged, member_id=member_id) for member_id in member_ids)
    if member_ids:  # the original dates (created_at is set on insert)
        Support.objects.filter(proposal=merged, member_id__in=member_ids).update(
            created_at=Case(
                *(
                    When(member_id=member_id, then=Value(parse_datetime(created)))
                    for member_id, created in moved["supports"]
                )
            )
        )
    Comment.objects.filter(pk__in=moved["comments"], proposal=kept).update(proposal=merged)
    # Replies written on the kept idea under a comment that goes back follow their thread.
    Comment.objects.filter(parent_id__in=moved["comments"], proposal=kept).update(proposal=merged)
    kept.tags.remove(*Tag.objects.filter(pk__in=moved["tags"]))
    kept.places.remove(*moved["places"])
    ProposalCoauthor.objects.filter(proposal=kept, member_id__in=moved["coauthors"]).delete()
    now = timezone.now()
    Proposal.objects.filter(pk=merged.pk).update(merged_into=None, merged_at=None, updated_at=now)
    Proposal.objects.filter(pk=kept.pk).update(updated_at=now)  # as a merge does
    ProposalMerge.objects.filter(pk=merge.pk).update(undone_at=now, undone_by=editor)
    merge.refresh_from_db()
    for proposal in (kept, merged):
        _recount(proposal.pk)
        proposal_search_index(proposal)
    _merge_audit(merge, editor, AuditEntry.Action.UNMERGE)
    _merge_notify(merge, "idea_unmerged")
    return merge
