from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from places.models import Place
from proposals.models import Proposal

OUTCOME_MAX = 1200
LINK_MAX = 500
TITLE_MAX = 120


class GoverningPeriod(models.Model):
    """A period in which the party governs a municipality or the region (alone or in a coalition)."""

    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        related_name="governing_periods",
        verbose_name=_("kommun eller region"),
    )
    starts_on = models.DateField(_("från"))
    ends_on = models.DateField(_("till"), null=True, blank=True, help_text=_("Tomt så länge partiet styr."))
    note = models.CharField(
        _("anteckning"), max_length=TITLE_MAX, blank=True, help_text=_("Till exempel vilka partier som styr.")
    )

    class Meta:
        ordering = ["place__name", "-starts_on"]
        verbose_name = _("styrande period")
        verbose_name_plural = _("styrande perioder")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="governing_period_ends_after_start",
            ),
            models.UniqueConstraint(fields=["place", "starts_on"], name="governing_period_one_start"),
        ]

    def __str__(self):
        return (
            f"{self.place} {self.starts_on:%Y}–{self.ends_on:%Y}"
            if self.ends_on
            else f"{self.place} {self.starts_on:%Y}–"
        )

    def is_current(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.starts_on <= today and (self.ends_on is None or today <= self.ends_on)


class Implementation(models.Model):
    """Where an idea stands in one municipality or the region: its newest recorded state (history below)."""

    class State(models.TextChoices):
        PROPOSED = "proposed", _("Föreslagen (motion)")
        DECIDED = "decided", _("Beslutad")
        TRIAL = "trial", _("Prövas")
        CARRIED_OUT = "carried_out", _("Genomförd")
        EVALUATED = "evaluated", _("Utvärderad")
        DROPPED = "dropped", _("Avbruten")

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="implementations", verbose_name=_("idé")
    )
    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, related_name="implementations", verbose_name=_("kommun eller region")
    )
    state = models.CharField(_("läge"), max_length=20, choices=State.choices)
    happened_on = models.DateField(_("datum"))
    outcome = models.TextField(_("utfall"), max_length=OUTCOME_MAX, blank=True)
    link = models.URLField(_("länk till beslut eller utvärdering"), max_length=LINK_MAX, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("registrerad av")
    )
    recorded_at = models.DateTimeField(_("registrerad"), default=timezone.now)
    # Counts the recordings: a form carries the revision it was filled in on, so that a recording made
    # meanwhile by someone else is not silently overwritten.
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-place__kind", "place__name"]
        verbose_name = _("genomförande")
        verbose_name_plural = _("genomföranden")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "place"], name="implementation_one_per_place"),
            models.CheckConstraint(
                condition=Q(
                    state__in=["proposed", "decided", "trial", "carried_out", "evaluated", "dropped"]
                ),
                name="implementation_state_valid",
            ),
        ]
        indexes = [models.Index(fields=["place", "state"], name="implementation_place_state")]

    def __str__(self):
        return f"{self.proposal} – {self.place}: {self.get_state_display()}"


class ImplementationChange(models.Model):
    """One recording of an implementation, kept forever: the history of where the idea stood."""

    implementation = models.ForeignKey(Implementation, on_delete=models.CASCADE, related_name="changes")
    revision = models.PositiveIntegerField()
    state = models.CharField(_("läge"), max_length=20, choices=Implementation.State.choices)
    happened_on = models.DateField(_("datum"))
    outcome = models.TextField(_("utfall"), max_length=OUTCOME_MAX, blank=True)
    link = models.URLField(_("länk"), max_length=LINK_MAX, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-revision"]
        verbose_name = _("ändring av genomförande")
        verbose_name_plural = _("ändringar av genomföranden")
        constraints = [
            models.UniqueConstraint(
                fields=["implementation", "revision"], name="implementation_change_revision"
            ),
            models.UniqueConstraint(
                fields=["recorded_by", "submission_key"], name="implementation_change_one_per_submission"
            ),
        ]


class Assignment(models.Model):
    """An elected office a member holds, as they state it; it counts once an admin has confirmed it."""

    class Kind(models.TextChoices):
        MUNICIPAL_COUNCIL = "municipal_council", _("Kommunfullmäktigegruppen")
        REGIONAL_COUNCIL = "regional_council", _("Regionfullmäktigegruppen")
        PARLIAMENT = "parliament", _("Riksdagen")
        BOARD = "board", _("Nämnd eller styrelse")

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("medlem"),
    )
    kind = models.CharField(_("uppdrag"), max_length=20, choices=Kind.choices)
    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name=_("kommun eller region"),
    )
    title = models.CharField(
        _("roll"),
        max_length=TITLE_MAX,
        blank=True,
        help_text=_("Till exempel ”ledamot i utbildningsnämnden” eller ”gruppledare”."),
    )
    created_at = models.DateTimeField(_("angivet"), default=timezone.now)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bekräftat av"),
    )
    confirmed_at = models.DateTimeField(_("bekräftat"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "place__name"]
        verbose_name = _("förtroendeuppdrag")
        verbose_name_plural = _("förtroendeuppdrag")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "kind", "place"], name="assignment_unique", nulls_distinct=False
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["municipal_council", "regional_council", "parliament", "board"]),
                name="assignment_kind_valid",
            ),
            # The parliament has no place; every other assignment has one.
            models.CheckConstraint(
                condition=Q(kind="parliament", place__isnull=True)
                | (~Q(kind="parliament") & Q(place__isnull=False)),
                name="assignment_place_by_kind",
            ),
        ]

    def __str__(self):
        return self.description

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def description(self) -> str:
        """The assignment as a reader sees it: "Kommunfullmäktigegruppen, Nacka"."""
        where = f", {self.place.name}" if self.place_id else ""
        return f"{self.get_kind_display()}{where}"

    @property
    def covers_every_place(self) -> bool:
        """The parliament and the region's offices concern every municipality of the county."""
        return self.place_id is None or self.place.kind == Place.Kind.REGION


class Carrying(models.Model):
    """A representative takes an idea on to carry it forward ("Jag driver den här"), in one of their offices."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="carryings", verbose_name=_("idé")
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="carryings", verbose_name=_("medlem")
    )
    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="carryings", verbose_name=_("uppdrag")
    )
    created_at = models.DateTimeField(_("sedan"), default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("driven idé")
        verbose_name_plural = _("drivna idéer")
        constraints = [models.UniqueConstraint(fields=["proposal", "member"], name="carrying_one_per_member")]
