"""Idea rounds (idéinsamlingar): a district board asks its members for ideas on a theme, between two dates.

An idea submitted to a round is an ordinary idea of the bank; `RoundIdea` links it to the round. The bank below
knows nothing of rounds: an idea belongs to at most one round, and only this app says which.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TITLE_MAX = 160
DESCRIPTION_MAX = 6000


class Round(models.Model):
    class State(models.TextChoices):
        UPCOMING = "upcoming", _("Kommande")
        OPEN = "open", _("Pågår")
        CLOSED = "closed", _("Avslutad")

    district = models.ForeignKey(
        "places.District",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rounds",
        verbose_name=_("partidistrikt"),
        help_text=_("Tomt för en gemensam idéinsamling för båda distrikten."),
    )
    slug = models.SlugField(_("kortnamn"), max_length=80, unique=True)
    title = models.CharField(_("tema"), max_length=TITLE_MAX)
    description = models.TextField(_("beskrivning"), max_length=DESCRIPTION_MAX)
    # Dates in Swedish time (settings.TIME_ZONE): the round is open from the first day's start to the last day's end.
    opens_on = models.DateField(_("öppnar"))
    closes_on = models.DateField(_("stänger"))
    # Set when an editor closes the round before its last day.
    closed_at = models.DateTimeField(_("stängd i förtid"), null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("stängd av"),
    )
    places = models.ManyToManyField(
        "places.Place", blank=True, related_name="rounds", verbose_name=_("kommuner och regioner")
    )
    policy_areas = models.ManyToManyField(
        "proposals.PolicyArea", blank=True, related_name="rounds", verbose_name=_("sakområden")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    submission_key = models.UUIDField(null=True, blank=True, editable=False)  # see reformbank/submissions.py

    class Meta:
        ordering = ["-opens_on", "-id"]
        verbose_name = _("idéinsamling")
        verbose_name_plural = _("idéinsamlingar")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")), name="round_closes_after_opening"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="round_title_not_empty"),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True, closed_by__isnull=True)
                | Q(closed_at__isnull=False, closed_by__isnull=False),
                name="round_closed_by_whom",
            ),
            models.UniqueConstraint(fields=["created_by", "submission_key"], name="round_one_per_submission"),
        ]
        indexes = [models.Index(fields=["closes_on", "opens_on"], name="round_dates")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("rounds:detail", args=[self.slug])

    @property
    def is_joint(self) -> bool:
        return self.district_id is None

    @property
    def state(self) -> str:
        today = timezone.localdate()
        if self.closed_at is not None or self.closes_on < today:
            return self.State.CLOSED
        if self.opens_on > today:
            return self.State.UPCOMING
        return self.State.OPEN

    @property
    def state_label(self) -> str:
        return self.State(self.state).label

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    @property
    def closed_on(self):
        """The last day ideas came in: the closing day, or the day an editor closed the round."""
        if self.closed_at is not None:
            return min(timezone.localdate(self.closed_at), self.closes_on)
        return self.closes_on


def open_rounds_q(today) -> Q:
    """The rounds open on `today` (a date in Swedish time)."""
    return Q(opens_on__lte=today, closes_on__gte=today, closed_at__isnull=True)


class RoundIdea(models.Model):
    """An idea submitted to a round; an idea belongs to at most one round."""

    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="ideas", verbose_name=_("idéinsamling")
    )
    proposal = models.OneToOneField(
        "proposals.Proposal", on_delete=models.CASCADE, related_name="round_link", verbose_name=_("idé")
    )
    created_at = models.DateTimeField(_("inskickad"), auto_now_add=True)

    class Meta:
        verbose_name = _("idé i idéinsamling")
        verbose_name_plural = _("idéer i idéinsamlingar")
        indexes = [models.Index(fields=["round", "-created_at"], name="roundidea_round_newest")]
