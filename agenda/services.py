"""Every write to the reform agenda. Each change to the document saves a new, immutable version.

Every write that depends on the agenda's state or head version reads them from the agenda's row, locked for
the rest of the transaction (`_agenda_lock`), never from the object the request loaded: two requests at the
same moment are serialised on that row, and the second sees what the first did. The database backs this up:
a saved version moves `head_number` only in a state that allows editing, and a board proposal or an adoption
holds exactly the version it names (the constraints on Agenda).
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.models import AuditEntry
from audit.services import audit_record
from members.services import follow_set, followers_notify, notification_create
from proposals.models import Proposal
from reformbank.submissions import submission_claim

from .document import Document, document_load, document_write
from .errors import AgendaError, ItemGone, TextConflict, VersionConflict
from .merge import merge_fields
from .models import VERSION_MESSAGES, Adoption, Agenda, AgendaVersion, Amendment, BoardApproval, Transition
from .permissions import agenda_districts
from .selectors import approvals_missing, head_version

__all__ = ["AgendaError", "ItemGone", "TextConflict", "VersionConflict"]

EDITABLE_STATES = {Agenda.State.DRAFT, Agenda.State.CONSULTATION}


def _agenda_lock(agenda: Agenda) -> Agenda:
    """The agenda's row as it is now, locked until the transaction ends."""
    return Agenda.objects.select_for_update().get(pk=agenda.pk)


def _agenda_sync(agenda: Agenda, locked: Agenda) -> None:
    """Give the caller's object the state the transaction left, for the message and redirect after it."""
    for name in (
        "title",
        "state",
        "head_number",
        "consultation_ends_on",
        "proposed_number",
        "last_adopted_number",
    ):
        setattr(agenda, name, getattr(locked, name))


@transaction.atomic
def agenda_create(*, title: str, district, editor, submission_key=None) -> Agenda:
    """A new, empty agenda for one district (or joint, district=None), with its first version. The same form
    sent again (`submission_key`) returns the agenda it made."""
    earlier, submission_key = submission_claim(
        Agenda,
        owner_field="created_by",
        owner=editor,
        key=submission_key,
        same=lambda row: (row.title, row.district_id) == (title, district and district.pk),
    )
    if earlier is not None:
        return earlier
    agenda = Agenda(title=title, district=district, created_by=editor, submission_key=submission_key)
    agenda.full_clean()
    agenda.save()
    _version_save(
        agenda=agenda,
        editor=editor,
        base_number=0,
        message=SystemMessage("created"),
        document=Document(title=title),
    )
    return agenda


@dataclass(frozen=True)
class SystemMessage:
    """A change message the portal writes (models.VERSION_MESSAGES), shown in each reader's language."""

    kind: str
    params: dict = field(default_factory=dict)

    def stored(self) -> str:
        """The text kept in `message` too, in the site's language (for the admin and old readers)."""
        with translation.override(settings.LANGUAGE_CODE):
            return str(VERSION_MESSAGES[self.kind]) % self.params


def _version_save(*, agenda, editor, base_number, message, document, restored_from=None) -> AgendaVersion:
    # Called with the agenda's row locked. The conditional UPDATE is the last word all the same: head_number
    # moves only from base_number and only while the agenda may be edited. The agenda's title is its newest
    # version's, so lists, links and messages name it as the version does.
    moved = Agenda.objects.filter(pk=agenda.pk, head_number=base_number, state__in=EDITABLE_STATES).update(
        head_number=F("head_number") + 1, title=document.title
    )
    if not moved:
        raise VersionConflict(Agenda.objects.values_list("head_number", flat=True).get(pk=agenda.pk))
    system = message if isinstance(message, SystemMessage) else None
    version = AgendaVersion(
        agenda=agenda,
        number=base_number + 1,
        title=document.title,
        narrative=document.narrative,
        message=(system.stored() if system else message)[:200],
        message_kind=system.kind if system else "",
        message_params=system.params if system else {},
        author=editor,
        restored_from=restored_from,
    )
    version.full_clean(exclude=["agenda", "restored_from"])
    version.save()
    document_write(version, document)
    agenda.head_number, agenda.title = version.number, version.title
    return version


def _require_editable(locked: Agenda) -> None:
    if locked.state not in EDITABLE_STATES:
        raise AgendaError(_("Agendan kan inte ändras i det här läget. Starta ett nytt utkast först."))


@transaction.atomic
def agenda_edit(
    *,
    agenda: Agenda,
    editor,
    base_number: int | None,
    message: "str | SystemMessage",
    change: Callable[[Document], None],
) -> AgendaVersion:
    """Apply `change` to the document as it is in version `base_number` and save it as the next version.

    `base_number=None` applies the change on top of whatever version is newest (for additions that cannot
    clash with another editor's text, such as a promoted idea). Raises VersionConflict when a newer version
    exists (nothing is overwritten), ItemGone when the change is about a section or point that is gone."""
    locked = _agenda_lock(agenda)
    _require_editable(locked)
    if base_number is None:
        base_number = locked.head_number
    elif base_number != locked.head_number:
        raise VersionConflict(locked.head_number)
    document = document_load(AgendaVersion.objects.get(agenda=locked, number=base_number))
    change(document)
    version = _version_save(
        agenda=locked, editor=editor, base_number=base_number, message=message, document=document
    )
    _agenda_sync(agenda, locked)
    return version


def _text_merge(locked, base_number, data, fields, values, change) -> tuple[Document, AgendaVersion]:
    """The head's document with the edit made on `base_number` merged in, and the head version."""
    base = AgendaVersion.objects.filter(agenda=locked, number=base_number).first()
    if base is None or base_number > locked.head_number:
        raise VersionConflict(locked.head_number)
    head = AgendaVersion.objects.select_related("author").get(agenda=locked, number=locked.head_number)
    document = document_load(head)
    try:
        base_values, head_values = values(document_load(base)), values(document)
    except ItemGone:
        raise VersionConflict(locked.head_number) from None
    if not set(fields) <= set(base_values):
        # An addition (a new section or point, a split's second half): made again on the newer version it
        # could be a second copy of what a double-click saved a moment ago, so the editor decides.
        raise VersionConflict(locked.head_number)
    merges = merge_fields(
        {name: base_values[name] for name in fields},
        head_values,
        {name: data.get(name, "") for name in fields},
    )
    if any(not merged.clean for merged in merges.values()):
        raise TextConflict(base=base, head=head, merges=merges)
    unchanged = copy.deepcopy(document)
    change(document, {**data, **{name: merged.text for name, merged in merges.items()}})
    if document == unchanged:
        # The newer version already says what the editor wrote (the same save sent twice): nothing to save.
        raise VersionConflict(locked.head_number)
    return document, head


@transaction.atomic
def agenda_text_edit(
    *,
    agenda: Agenda,
    editor,
    base_number: int,
    message: str,
    data: dict,
    fields: tuple[str, ...],
    values: Callable[[Document], dict],
    change: Callable[[Document, dict], None],
    auto_merge: bool = True,
) -> AgendaVersion:
    """A text edit made on version `base_number`: `change(document, data)`, with the texts of `fields` in
    `data`, where `values(document)` reads the same fields from a document.

    When others saved meanwhile, the editor's texts are merged into the newest version (three ways, paragraph
    by paragraph: agenda/merge.py) and saved on top of it; the version's `merged_with` is then the version
    merged into. Raises TextConflict when both sides changed the same paragraph, VersionConflict when there is
    nothing to merge with (the base is not a saved version, or the item is gone from one of them) or
    `auto_merge` is off (an edit whose change reaches beyond its fields, such as merging two points)."""
    locked = _agenda_lock(agenda)
    _require_editable(locked)
    if base_number == locked.head_number:
        document, merged_with = (
            document_load(AgendaVersion.objects.get(agenda=locked, number=base_number)),
            None,
        )
        change(document, data)
    elif not auto_merge:
        raise VersionConflict(locked.head_number)
    else:
        document, merged_with = _text_merge(locked, base_number, data, fields, values, change)
    version = _version_save(
        agenda=locked, editor=editor, base_number=locked.head_number, message=message, document=document
    )
    version.merged_with = merged_with
    _agenda_sync(agenda, locked)
    return version


@transaction.atomic
def proposal_promote(
    *, proposal: Proposal, agenda: Agenda, section_key, editor, text: str = ""
) -> AgendaVersion:
    """Turn a selected idea into a new reform point of a section, linked to the idea.

    The point is added to the newest version, whatever was saved since the editor loaded the page."""
    locked = Proposal.objects.select_for_update().only("status").get(pk=proposal.pk)
    if locked.status != Proposal.Status.SELECTED:
        raise AgendaError(_("Bara idéer som är utvalda till reformagendan kan föras in i den."))
    text = text.strip() or f"{proposal.title}. {proposal.summary}"

    def change(document: Document):
        if document.cites(proposal.pk):
            raise AgendaError(_("Idén finns redan i den här agendan."))
        try:
            document.point_add(section_key, text, [proposal.pk])
        except ItemGone:
            raise AgendaError(_("Reformriktningen har tagits bort ur agendan. Välj en annan.")) from None

    version = agenda_edit(
        agenda=agenda,
        editor=editor,
        base_number=None,
        message=SystemMessage("promoted", {"title": proposal.title[:120]}),
        change=change,
    )
    params = {"title": proposal.title, "agenda": agenda.title}
    url = agenda.get_absolute_url()
    notification_create(user=proposal.author, kind="own_idea_promoted", params=params, url=url)
    followers_notify(
        targets=[proposal], exclude=[editor, proposal.author], kind="idea_promoted", params=params, url=url
    )
    audit_record(
        actor=editor,
        action=AuditEntry.Action.PROMOTE,
        target=proposal,
        districts=agenda_districts(agenda),
        before={},
        after={"agenda": agenda.title, "version": version.number},
    )
    return version


@transaction.atomic
def agenda_version_restore(
    *, agenda: Agenda, version: AgendaVersion, editor, base_number: int
) -> AgendaVersion:
    """A new version equal to an old one; nothing in between is lost."""
    locked = _agenda_lock(agenda)
    _require_editable(locked)
    if base_number != locked.head_number:
        raise VersionConflict(locked.head_number)
    new = _version_save(
        agenda=locked,
        editor=editor,
        base_number=base_number,
        message=SystemMessage("restored", {"number": version.number}),
        document=document_load(version),
        restored_from=version,
    )
    _agenda_sync(agenda, locked)
    return new


# The process: draft → consultation → board proposal → adopted. Each step locks the agenda's row, checks the
# state it finds there, and records the version it acted on.


def _transition(
    agenda: Agenda, locked: Agenda, to_state: str, editor, note: str = "", **fields
) -> Transition:
    transition = Transition.objects.create(
        agenda=locked,
        from_state=locked.state,
        to_state=to_state,
        version_number=locked.head_number,
        by=editor,
        note=note[:500],
    )
    fields["state"] = to_state
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.save(update_fields=list(fields))
    _agenda_sync(agenda, locked)
    if to_state in STEPS_TOLD:
        followers_notify(
            targets=[locked],
            exclude=[editor],
            kind="agenda_step",
            params={"agenda": locked.title, "step": STEPS_TOLD[to_state]},
            url=locked.get_absolute_url(),
        )
    return transition


# What the agenda's followers are told when it reaches these states.
STEPS_TOLD = {
    Agenda.State.CONSULTATION: gettext_lazy("remissen har börjat"),
    Agenda.State.BOARD_PROPOSAL: gettext_lazy("styrelsen har lagt fram sitt förslag"),
    Agenda.State.ADOPTED: gettext_lazy("agendan är antagen"),
}


def agenda_follow(*, agenda: Agenda, member, following: bool = True) -> bool:
    """The member follows the agenda's process (consultation, proposal, adoption) or stops."""
    return follow_set(
        user=member, target=agenda, label=agenda.title, url=agenda.get_absolute_url(), following=following
    )


@transaction.atomic
def agenda_consultation_start(*, agenda: Agenda, editor, ends_on) -> Transition:
    locked = _agenda_lock(agenda)
    if locked.state != Agenda.State.DRAFT:
        raise AgendaError(_("Bara ett utkast kan skickas på remiss."))
    if ends_on <= timezone.localdate():
        raise AgendaError(_("Remissen måste sluta ett senare datum än i dag."))
    return _transition(agenda, locked, Agenda.State.CONSULTATION, editor, consultation_ends_on=ends_on)


@transaction.atomic
def agenda_back_to_draft(*, agenda: Agenda, editor) -> Transition:
    """Close the consultation, or withdraw the board proposal, and go on working on the draft."""
    locked = _agenda_lock(agenda)
    if locked.state not in {Agenda.State.CONSULTATION, Agenda.State.BOARD_PROPOSAL}:
        raise AgendaError(_("Agendan är redan ett utkast."))
    return _transition(agenda, locked, Agenda.State.DRAFT, editor, proposed_number=None)


@transaction.atomic
def agenda_approve(*, agenda: Agenda, district, editor) -> BoardApproval:
    """One board approves the current version of a joint agenda as its proposal."""
    locked = _agenda_lock(agenda)
    if not locked.is_joint:
        raise AgendaError(_("Bara en gemensam agenda behöver båda styrelsernas godkännande."))
    if locked.state not in EDITABLE_STATES:
        raise AgendaError(_("Agendan kan inte godkännas i det här läget."))
    approval, _created = BoardApproval.objects.get_or_create(
        agenda=locked, district=district, version_number=locked.head_number, defaults={"by": editor}
    )
    _agenda_sync(agenda, locked)
    return approval


def _require_approved(locked: Agenda, number: int) -> None:
    missing = approvals_missing(locked, agenda_districts(locked), number)
    if missing:
        raise AgendaError(
            _("Båda styrelserna måste godkänna den här versionen först. Saknas: %(boards)s")
            % {"boards": ", ".join(d.name for d in missing)}
        )


@transaction.atomic
def agenda_propose(*, agenda: Agenda, editor) -> Transition:
    """The board(s) put the current version forward as their proposal to the decision body."""
    locked = _agenda_lock(agenda)
    if locked.state not in EDITABLE_STATES:
        raise AgendaError(_("Bara ett utkast eller en remissversion kan bli styrelsens förslag."))
    _require_approved(locked, locked.head_number)
    return _transition(
        agenda, locked, Agenda.State.BOARD_PROPOSAL, editor, proposed_number=locked.head_number
    )


@transaction.atomic
def agenda_adopt(*, agenda: Agenda, editor, body: str, decided_on, minutes_reference: str) -> Adoption:
    """Record the decision body's adoption of the proposed version, which is frozen from then on."""
    locked = _agenda_lock(agenda)
    if locked.state != Agenda.State.BOARD_PROPOSAL:
        raise AgendaError(_("Bara styrelsens förslag kan antas."))
    if locked.is_joint != (body == Adoption.Body.JOINT_ASSEMBLY):
        raise AgendaError(
            _(
                "En gemensam agenda antas av den gemensamma samlingen, ett distrikts agenda av dess kongress "
                "eller representantskap."
            )
        )
    # The proposal's own version: the constraints keep it equal to the head while the agenda is proposed.
    number = locked.proposed_number
    _require_approved(locked, number)
    adoption = Adoption(
        agenda=locked,
        version=AgendaVersion.objects.get(agenda=locked, number=number),
        body=body,
        decided_on=decided_on,
        minutes_reference=minutes_reference,
        by=editor,
    )
    adoption.full_clean()
    adoption.save()
    _transition(
        agenda,
        locked,
        Agenda.State.ADOPTED,
        editor,
        note=minutes_reference,
        proposed_number=None,
        last_adopted_number=number,
    )
    _source_authors_tell(locked, adoption.version)
    return adoption


def _source_authors_tell(agenda: Agenda, version: AgendaVersion) -> None:
    """Tell the authors of the ideas an adopted version builds on."""
    source_ids = {pk for point in document_load(version).points() for pk in point.source_ids}
    for proposal in Proposal.objects.filter(pk__in=source_ids).select_related("author").order_by("pk"):
        notification_create(
            user=proposal.author,
            kind="own_idea_adopted",
            params={"agenda": agenda.title, "title": proposal.title},
            url=agenda.get_absolute_url(),
        )


@transaction.atomic
def agenda_new_draft(*, agenda: Agenda, editor) -> AgendaVersion:
    """Go on working after an adoption: a new draft starts from the adopted version, which stays frozen."""
    locked = _agenda_lock(agenda)
    if locked.state != Agenda.State.ADOPTED:
        raise AgendaError(_("Bara en antagen agenda kan få ett nytt utkast."))
    adopted = AgendaVersion.objects.get(agenda=locked, number=locked.last_adopted_number)
    _transition(agenda, locked, Agenda.State.DRAFT, editor)
    version = _version_save(
        agenda=locked,
        editor=editor,
        base_number=adopted.number,
        message=SystemMessage("new_draft", {"number": adopted.number}),
        document=document_load(adopted),
        restored_from=adopted,
    )
    _agenda_sync(agenda, locked)
    return version


# Amendments during consultation.


@transaction.atomic
def amendment_create(
    *,
    agenda: Agenda,
    author,
    kind: str,
    section_key,
    point_key=None,
    text: str = "",
    motivation: str,
    submission_key=None,
) -> Amendment:
    """A member's amendment to the current version while the agenda is on consultation. The same form sent
    again (`submission_key`) returns the amendment it made."""
    locked = _agenda_lock(agenda)
    earlier, submission_key = submission_claim(
        Amendment,
        owner_field="author",
        owner=author,
        key=submission_key,
        same=lambda row: (row.text, row.motivation) == (text, motivation),
    )
    if earlier is not None:
        return earlier
    if locked.state != Agenda.State.CONSULTATION:
        raise AgendaError(_("Ändringsyrkanden kan bara lämnas medan agendan är på remiss."))
    if locked.consultation_ends_on and timezone.localdate() > locked.consultation_ends_on:
        raise AgendaError(_("Remisstiden har gått ut."))
    document = document_load(head_version(locked))
    try:
        document.section(section_key)
        if point_key is not None:
            document.find_point(point_key)
    except ItemGone:
        raise AgendaError(_("Avsnittet eller punkten finns inte i den aktuella versionen.")) from None
    amendment = Amendment(
        agenda=locked,
        version_number=locked.head_number,
        section_key=section_key,
        point_key=point_key,
        kind=kind,
        text=text,
        motivation=motivation,
        author=author,
        submission_key=submission_key,
    )
    amendment.full_clean()
    amendment.save()
    return amendment


def _amendment_change(amendment: Amendment, text: str) -> Callable[[Document], None]:
    if amendment.kind == Amendment.Kind.ADD:
        return lambda document: document.point_add(amendment.section_key, text)
    if amendment.kind == Amendment.Kind.DELETE:
        if amendment.point_key:
            return lambda document: document.point_remove(amendment.point_key)
        return lambda document: document.section_remove(amendment.section_key)
    if amendment.point_key:
        return lambda document: document.point_set(amendment.point_key, text)
    return lambda document: document.section_intro_set(amendment.section_key, text)


@transaction.atomic
def amendment_answer(
    *, amendment: Amendment, editor, decision: str, answer: str, text: str = ""
) -> Amendment:
    """Accept (applied into a new version), accept in changed form, or reject; always with a motivation."""
    locked = Amendment.objects.select_for_update().get(pk=amendment.pk)
    if locked.decision != Amendment.Decision.PENDING:
        raise AgendaError(_("Yrkandet är redan besvarat."))
    agenda = amendment.agenda
    if decision in (Amendment.Decision.ACCEPTED, Amendment.Decision.ACCEPTED_MODIFIED):
        applied_text = text if decision == Amendment.Decision.ACCEPTED_MODIFIED else amendment.text
        try:
            amendment.applied_in = agenda_edit(
                agenda=agenda,
                editor=editor,
                base_number=None,
                message=SystemMessage("amendment_accepted", {"number": amendment.pk}),
                change=_amendment_change(amendment, applied_text),
            )
        except ItemGone:
            raise AgendaError(_("Texten som yrkandet gäller finns inte längre i agendan.")) from None
    amendment.decision, amendment.answer = decision, answer
    amendment.answered_by, amendment.answered_at = editor, timezone.now()
    amendment.full_clean()
    amendment.save()
    notification_create(
        user=amendment.author,
        kind="amendment_answered",
        params={"agenda": agenda.title, "decision": Amendment.Decision(decision).label},
        url=f"{agenda.get_absolute_url()}yrkanden/#yrkande-{amendment.pk}",
    )
    return amendment
