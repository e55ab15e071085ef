"""Every write of the practice app: implementations, elected representatives' assignments, carried ideas."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.services import notification_create
from places.models import Place
from proposals.models import Proposal
from reformbank.errors import UserError
from reformbank.submissions import submission_claim

from .models import Assignment, Carrying, Implementation, ImplementationChange


class PracticeError(UserError):
    """The data changed under the user (someone else was first); the message is for the user."""

    status = 409


@transaction.atomic
def implementation_record(
    *,
    proposal: Proposal,
    place: Place,
    recorded_by,
    state: str,
    happened_on,
    outcome: str = "",
    link: str = "",
    base_revision: int = 0,
    submission_key=None,
) -> Implementation:
    """Record where the idea stands in the place; the recording is kept in the history.

    `base_revision` is the revision the form was filled in on (0: there was none yet). If someone recorded
    meanwhile, nothing is saved and the user sees what changed. The same form sent twice (`submission_key`)
    returns the implementation it recorded."""
    earlier, submission_key = submission_claim(
        ImplementationChange,
        owner_field="recorded_by",
        owner=recorded_by,
        key=submission_key,
        same=lambda row: (
            (row.state, row.happened_on, row.outcome, row.link) == (state, happened_on, outcome, link)
        ),
    )
    if earlier is not None:
        return earlier.implementation
    # The idea's row is the lock for all its implementations: a first recording for a place has no row to lock.
    # Its updated_at changes too: what the list's "tried in practice" filter finds changes (cached searches are
    # keyed by the bank's last change).
    Proposal.objects.select_for_update().only("pk").get(pk=proposal.pk)
    Proposal.objects.filter(pk=proposal.pk).update(updated_at=timezone.now())
    implementation = Implementation.objects.filter(proposal=proposal, place=place).first()
    current_revision = implementation.revision if implementation else 0
    if current_revision != base_revision:
        raise PracticeError(
            _(
                "Någon annan har registrerat läget i %(place)s under tiden. Se det nya läget nedan och spara igen."
            )
            % {"place": place.name}
        )
    now = timezone.now()
    if implementation is None:
        implementation = Implementation(proposal=proposal, place=place, revision=0)
    implementation.state = state
    implementation.happened_on = happened_on
    implementation.outcome = outcome
    implementation.link = link
    implementation.recorded_by = recorded_by
    implementation.recorded_at = now
    implementation.revision = current_revision + 1
    implementation.full_clean()
    implementation.save()
    change = ImplementationChange(
        implementation=implementation,
        revision=implementation.revision,
        state=state,
        happened_on=happened_on,
        outcome=outcome,
        link=link,
        recorded_by=recorded_by,
        recorded_at=now,
        submission_key=submission_key,
    )
    change.full_clean()
    change.save()
    return implementation


def assignment_state(*, member, kind: str, place: Place | None, title: str = "") -> Assignment:
    """A member states an elected office; it counts once an admin confirms it."""
    problem = assignment_place_problem(kind, place)
    if problem:
        raise UserError(problem)
    assignment = Assignment(member=member, kind=kind, place=place, title=title)
    assignment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            assignment.save()
    except IntegrityError:
        raise UserError(_("Du har redan angett det uppdraget.")) from None
    return assignment


def assignment_place_problem(kind: str, place: Place | None) -> str:
    """Why the place does not fit the kind of office ("" when it does)."""
    if kind == Assignment.Kind.PARLIAMENT:
        return _("Ett uppdrag i riksdagen gäller hela länet: välj ingen kommun.") if place else ""
    if place is None:
        return _("Välj kommunen eller regionen uppdraget gäller.")
    if kind == Assignment.Kind.MUNICIPAL_COUNCIL and place.kind != Place.Kind.MUNICIPALITY:
        return _("Välj en kommun för ett uppdrag i kommunfullmäktige.")
    if kind == Assignment.Kind.REGIONAL_COUNCIL and place.kind != Place.Kind.REGION:
        return _("Välj regionen för ett uppdrag i regionfullmäktige.")
    return ""


@transaction.atomic
def assignment_confirm(*, assignment: Assignment, admin) -> bool:
    """An admin confirms a stated office; False if it was confirmed already (by another admin, say)."""
    confirmed = Assignment.objects.filter(pk=assignment.pk, confirmed_at__isnull=True).update(
        confirmed_by=admin, confirmed_at=timezone.now()
    )
    return bool(confirmed)


@transaction.atomic
def assignment_remove(*, assignment: Assignment) -> None:
    """The member (an ended office) or an admin (a wrong one) removes an assignment, and with it the ideas
    carried in that office."""
    # Locked first, so that an idea being taken on in this office at the same moment is either done (and
    # removed with it) or finds the office gone; never a carrying left pointing at a deleted office.
    locked = Assignment.objects.select_for_update().filter(pk=assignment.pk).order_by().first()
    if locked is not None:
        locked.delete()


@transaction.atomic
def proposal_carry(*, proposal: Proposal, member, assignment: Assignment) -> Carrying:
    """A representative takes on the idea to carry it forward ("Jag driver den här"); its author is told."""
    locked = Assignment.objects.select_for_update().filter(pk=assignment.pk, member=member).order_by().first()
    if locked is None or not locked.is_confirmed:
        raise PracticeError(_("Uppdraget är inte längre bekräftat."))
    if Carrying.objects.filter(proposal=proposal, member=member).exists():
        raise PracticeError(_("Du driver redan den här idén."))
    try:
        with transaction.atomic():
            carrying = Carrying.objects.create(proposal=proposal, member=member, assignment=locked)
    except IntegrityError:
        # The same member took it on in another tab a moment before.
        raise PracticeError(_("Du driver redan den här idén.")) from None
    if proposal.author_id != member.pk:
        notification_create(
            user=proposal.author,
            kind="proposal_carried",
            params={
                "name": member.office_name,
                "title": proposal.title,
                "kind": Assignment.Kind(locked.kind).label,
            },
            url=proposal.get_absolute_url(),
        )
    return carrying


@transaction.atomic
def proposal_carry_stop(*, proposal: Proposal, member) -> bool:
    """The representative stops carrying the idea; False if they did not."""
    deleted, _per_model = Carrying.objects.filter(proposal=proposal, member=member).delete()
    return bool(deleted)
