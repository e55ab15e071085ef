"""Every write to idea rounds goes through these functions."""

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from audit.models import AuditEntry
from audit.services import audit_record
from members.services import follow_set
from places.models import District
from proposals.models import Proposal
from proposals.services import proposal_create
from reformbank.errors import UserError
from reformbank.submissions import submission_claim

from .models import Round, RoundIdea

# Paths under /ideinsamlingar/ that a round's slug must not take.
RESERVED_SLUGS = frozenset({"ny"})
SLUG_BASE_MAX = 70


class RoundStateError(UserError):
    """The round is not open (any more): someone closed it, or its last day has passed."""

    status = 409


def _slug_for(title: str) -> str:
    """A free slug from the title: `trygghet-i-fororten`, else `trygghet-i-fororten-2`, and so on. Called under
    the slug lock (round_create), so no other round takes it before this transaction ends."""
    base = slugify(title)[:SLUG_BASE_MAX].strip("-") or "ideinsamling"
    taken = set(Round.objects.filter(slug__startswith=base).values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _snapshot(round_: Round) -> dict:
    """What the audit log keeps of a round, before and after a change."""
    return {
        "title": round_.title,
        "opens_on": round_.opens_on.isoformat(),
        "closes_on": round_.closes_on.isoformat(),
        "closed": round_.closed_at is not None,
    }


def _audit(*, editor, round_: Round, before: dict) -> None:
    audit_record(
        actor=editor,
        action=AuditEntry.Action.ROUND_CHANGE,
        target=round_,
        districts=District.objects.concerned_ids(round_.district_id),
        before=before,
        after=_snapshot(round_),
    )


@transaction.atomic
def round_create(
    *,
    editor,
    district,
    title: str,
    description: str,
    opens_on,
    closes_on,
    places=(),
    policy_areas=(),
    submission_key=None,
) -> Round:
    """Open a new idea round for a district's board (district=None: joint for both). The same form sent again
    (`submission_key`) returns the round it made."""
    earlier, submission_key = submission_claim(
        Round,
        owner_field="created_by",
        owner=editor,
        key=submission_key,
        same=lambda row: (row.title, row.district_id) == (title, district and district.pk),
    )
    if earlier is not None:
        return earlier
    # Two rounds with the same theme created at once must not both pick the same free slug.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended('rounds.Round:slug', 0))")
    round_ = Round(
        district=district,
        slug=_slug_for(title),
        title=title,
        description=description,
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=editor,
        submission_key=submission_key,
    )
    round_.full_clean()
    round_.save()
    round_.places.set(places)
    round_.policy_areas.set(policy_areas)
    _audit(editor=editor, round_=round_, before={})
    return round_


@transaction.atomic
def round_update(
    *, round_: Round, editor, title: str, description: str, opens_on, closes_on, places=(), policy_areas=()
) -> Round:
    """Change a round's theme, description, dates, places and policy areas (its slug and district stay).

    The round's row is locked, so a submission checking that the round is open waits for the new dates."""
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    before = _snapshot(locked)
    locked.title, locked.description = title, description
    locked.opens_on, locked.closes_on = opens_on, closes_on
    locked.full_clean()
    locked.save()
    locked.places.set(places)
    locked.policy_areas.set(policy_areas)
    _audit(editor=editor, round_=locked, before=before)
    return locked


@transaction.atomic
def round_close(*, round_: Round, editor) -> Round:
    """Close an open round now, before its last day: it accepts no more ideas. The round keeps who closed it."""
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    if not locked.is_open:
        raise RoundStateError(_("Idéinsamlingen är inte öppen och kan inte stängas."))
    before = _snapshot(locked)
    locked.closed_at, locked.closed_by = timezone.now(), editor
    locked.save(update_fields=["closed_at", "closed_by"])
    _audit(editor=editor, round_=locked, before=before)
    return locked


@transaction.atomic
def round_follow(*, round_: Round, member, following: bool = True) -> bool:
    """The member follows the round (hears of every idea submitted to it) or stops; whether anything changed."""
    return follow_set(
        user=member, target=round_, label=round_.title, url=round_.get_absolute_url(), following=following
    )


@transaction.atomic
def round_idea_submit(*, round_: Round, author, submission_key=None, **idea) -> Proposal:
    """Submit a new idea to the bank and to an open round, in one transaction: both or neither.

    The round's row is locked first and its state checked under the lock: a submission racing with
    round_close either lands in the round (the close waits for it) or is refused (it waited for the close).
    `idea` holds proposal_create's fields. The same form sent again (`submission_key`) returns the idea it made,
    even when the round has closed in between."""
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    if not locked.is_open:
        earlier = submission_key and (
            Proposal.objects.filter(
                author=author,
                submission_key=submission_key,
                title=idea.get("title"),
                body=idea.get("body"),
                round_link__round=locked,
            ).first()
        )
        if earlier:
            return earlier
        if locked.state == Round.State.UPCOMING:
            raise RoundStateError(
                _("Idéinsamlingen har inte öppnat än och tar inte emot idéer. Din text finns kvar nedan.")
            )
        raise RoundStateError(
            _("Idéinsamlingen är stängd och tar inte emot fler idéer. Din text finns kvar nedan.")
        )
    proposal = proposal_create(author=author, submission_key=submission_key, also_followed=[locked], **idea)
    RoundIdea.objects.get_or_create(proposal=proposal, defaults={"round": locked})
    return proposal
