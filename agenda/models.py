"""The reform agenda: a document whose every saved state is an immutable, numbered version.

A version holds the whole document: its title, narrative, sections and points. Sections and points keep a
stable `key` (UUID) from version to version, so that a sentence can be followed through the history and an
idea can be followed to the points it fed.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

TITLE_MAX = 200
TEXT_MAX = 20000
NARRATIVE_MAX = 60000


class Agenda(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        CONSULTATION = "consultation", _("På remiss")
        BOARD_PROPOSAL = "board_proposal", _("Styrelsens förslag")
        ADOPTED = "adopted", _("Antagen")

    title = models.CharField(_("titel"), max_length=TITLE_MAX)
    district = models.ForeignKey(
        "places.District",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agendas",
        verbose_name=_("partidistrikt"),
        help_text=_("Tomt för en gemensam agenda för båda distrikten."),
    )
    state = models.CharField(_("läge"), max_length=20, choices=State.choices, default=State.DRAFT)
    consultation_ends_on = models.DateField(_("remissen slutar"), null=True, blank=True)
    # The number of the newest version; saving on top of an older one is a conflict (optimistic concurrency).
    head_number = models.PositiveIntegerField(default=0)
    # The version the board(s) proposed: set while the agenda is a board proposal, and always its head then.
    proposed_number = models.PositiveIntegerField(null=True, blank=True, editable=False)
    last_adopted_number = models.PositiveIntegerField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    submission_key = models.UUIDField(null=True, blank=True, editable=False)  # see reformbank/submissions.py

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reformagenda")
        verbose_name_plural = _("reformagendor")
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["draft", "consultation", "board_proposal", "adopted"]),
                name="agenda_state_valid",
            ),
            models.CheckConstraint(
                condition=~Q(state="consultation") | Q(consultation_ends_on__isnull=False),
                name="agenda_consultation_has_end",
            ),
            # No version is saved while the agenda is proposed or adopted: what the decision body adopts is
            # exactly what the boards proposed, and the adopted version is the last one until a new draft.
            models.CheckConstraint(
                condition=~Q(state="board_proposal") | Q(proposed_number=F("head_number")),
                name="agenda_proposal_is_head",
            ),
            models.CheckConstraint(
                condition=~Q(state="adopted") | Q(last_adopted_number=F("head_number")),
                name="agenda_adopted_is_head",
            ),
            models.UniqueConstraint(
                fields=["created_by", "submission_key"], name="agenda_one_per_submission"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agenda:detail", args=[self.pk])

    @property
    def is_joint(self):
        return self.district_id is None


# The change messages the portal writes itself, shown in the reader's language (AgendaVersion.message_text).
# A message an editor types is kept as typed.
VERSION_MESSAGES = {
    "created": _("Ny reformagenda"),
    "promoted": _("Idén ”%(title)s” fördes in"),
    "restored": _("Återställd till version %(number)s"),
    "new_draft": _("Nytt utkast från den antagna version %(number)s"),
    "amendment_accepted": _("Ändringsyrkande %(number)s bifallet"),
    "section_moved": _("Flyttade en reformriktning"),
    "section_removed": _("Tog bort en reformriktning"),
    "point_moved": _("Flyttade en reformpunkt"),
    "point_removed": _("Tog bort en reformpunkt"),
}


class AgendaVersion(models.Model):
    """An immutable saved state of the whole agenda."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=TITLE_MAX)
    narrative = models.TextField(max_length=NARRATIVE_MAX, blank=True)
    message = models.CharField(_("ändringsmeddelande"), max_length=200)
    # For a message the portal wrote: which one and its values, so it is shown in the reader's language.
    message_kind = models.CharField(max_length=30, blank=True)
    message_params = models.JSONField(default=dict, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    restored_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["agenda", "-number"]
        verbose_name = _("version")
        verbose_name_plural = _("versioner")
        constraints = [
            models.UniqueConstraint(fields=["agenda", "number"], name="agendaversion_unique_number")
        ]

    def __str__(self):
        return f"{self.agenda} v{self.number}"

    def get_absolute_url(self):
        return reverse("agenda:version", args=[self.agenda_id, self.number])

    @property
    def message_text(self) -> str:
        """The change message in the active language (as typed, for a message an editor wrote)."""
        template = VERSION_MESSAGES.get(self.message_kind)
        if template is None:
            return self.message
        try:
            return str(template) % self.message_params
        except (KeyError, TypeError, ValueError):
            return self.message


class VersionSection(models.Model):
    """A reform direction (reformriktning) as it is in one version."""

    version = models.ForeignKey(AgendaVersion, on_delete=models.CASCADE, related_name="sections")
    key = models.UUIDField(default=uuid.uuid4)
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=TITLE_MAX)
    intro = models.TextField(max_length=TEXT_MAX, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="versionsection_unique_key"),
            models.UniqueConstraint(fields=["version", "position"], name="versionsection_unique_position"),
        ]


class VersionPoint(models.Model):
    """A reform point (reformpunkt) as it is in one version, linked to the ideas it comes from."""

    version = models.ForeignKey(AgendaVersion, on_delete=models.CASCADE, related_name="points")
    section = models.ForeignKey(VersionSection, on_delete=models.CASCADE, related_name="points")
    key = models.UUIDField(default=uuid.uuid4)
    position = models.PositiveIntegerField()
    text = models.TextField(max_length=TEXT_MAX)
    sources = models.ManyToManyField("proposals.Proposal", related_name="agenda_points", blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["section", "position"], name="versionpoint_unique_position"),
            models.UniqueConstraint(fields=["version", "key"], name="versionpoint_unique_key"),
        ]


class Transition(models.Model):
    """A step in the agenda's process, with who and when."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=20, choices=Agenda.State.choices)
    to_state = models.CharField(max_length=20, choices=Agenda.State.choices)
    version_number = models.PositiveIntegerField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class BoardApproval(models.Model):
    """One district board's approval of a joint agenda's version as its proposal."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="approvals")
    district = models.ForeignKey("places.District", on_delete=models.PROTECT, related_name="+")
    version_number = models.PositiveIntegerField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "district", "version_number"],
                name="boardapproval_once_per_board_and_version",
            )
        ]


class Adoption(models.Model):
    """The decision body adopted a version: the version is frozen as the adopted programme."""

    class Body(models.TextChoices):
        CONGRESS = "congress", _("Distriktskongress")
        COUNCIL = "council", _("Representantskap")
        JOINT_ASSEMBLY = "joint_assembly", _("Gemensam samling")

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="adoptions")
    version = models.OneToOneField(AgendaVersion, on_delete=models.PROTECT, related_name="adoption")
    body = models.CharField(_("beslutande organ"), max_length=20, choices=Body.choices)
    decided_on = models.DateField(_("beslutsdatum"))
    minutes_reference = models.CharField(_("protokollsreferens"), max_length=200)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_on"]


class Amendment(models.Model):
    """A member's proposed change (ändringsyrkande) to a section or point during consultation."""

    class Kind(models.TextChoices):
        REPLACE = "replace", _("Ersätt texten")
        ADD = "add", _("Lägg till en ny punkt")
        DELETE = "delete", _("Stryk")

    class Decision(models.TextChoices):
        PENDING = "pending", _("Inte besvarat")
        ACCEPTED = "accepted", _("Bifallet")
        ACCEPTED_MODIFIED = "accepted_modified", _("Bifallet i ändrad form")
        REJECTED = "rejected", _("Avslaget")

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="amendments")
    version_number = models.PositiveIntegerField(help_text="The version the member read.")
    section_key = models.UUIDField()
    point_key = models.UUIDField(null=True, blank=True)
    kind = models.CharField(_("typ av ändring"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("föreslagen text"), max_length=TEXT_MAX, blank=True)
    motivation = models.TextField(_("motivering"), max_length=TEXT_MAX)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="amendments")
    created_at = models.DateTimeField(auto_now_add=True)
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PENDING)
    answer = models.TextField(_("styrelsens motivering"), max_length=TEXT_MAX, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    applied_in = models.ForeignKey(
        AgendaVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="applied_amendments"
    )
    submission_key = models.UUIDField(null=True, blank=True, editable=False)  # see reformbank/submissions.py

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision="pending") | ~Q(answer=""), name="amendment_answer_has_motivation"
            ),
            models.CheckConstraint(condition=Q(kind="delete") | ~Q(text=""), name="amendment_text_required"),
            models.UniqueConstraint(fields=["author", "submission_key"], name="amendment_one_per_submission"),
        ]
