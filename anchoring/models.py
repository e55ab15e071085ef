"""The anchoring figures, counted ahead of time (anchoring.services.figures_count) so that the dashboard only
reads them: one Count per run, one Figure per scope, policy area, period kind and figure."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from proposals.models import PolicyArea

PERIODS = 12  # the last 12 months, or the last 12 quarters (3 years)


class Count(models.Model):
    """One counting of every figure; the dashboard reads the newest, and a new one replaces the older."""

    counted_on = models.DateField(_("räknat för dagen"))  # its periods are the 12 months or quarters up to it
    counted_at = models.DateTimeField(_("räknat"))
    seconds = models.FloatField(_("tog sekunder"))

    class Meta:
        verbose_name = _("räkning av förankringen")
        verbose_name_plural = _("räkningar av förankringen")
        constraints = [models.CheckConstraint(condition=Q(seconds__gte=0), name="anchoring_count_seconds")]

    def __str__(self):
        return f"{self.counted_at:%Y-%m-%d %H:%M}"


class Figure(models.Model):
    """A figure of one scope in the 12 periods of a kind, and over all 12 at once (`total`: a member active in
    two months is one member of the year). Scopes: `p<place id>` (a municipality or the region),
    `d<district ids>` (the places of those districts, e.g. `d1-2`) and, for meetings, `m<district id>` or
    `m` (meetings of both districts)."""

    class Kind(models.TextChoices):
        MONTH = "month", _("månad")
        QUARTER = "quarter", _("kvartal")

    count = models.ForeignKey(Count, on_delete=models.CASCADE, related_name="figures")
    scope = models.CharField(max_length=40)
    area = models.ForeignKey(PolicyArea, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind)
    figure = models.CharField(max_length=20)
    periods = ArrayField(models.PositiveIntegerField(), size=PERIODS)
    total = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["count", "scope", "area", "kind", "figure"], name="anchoring_figure_unique"
            ),
            models.UniqueConstraint(
                fields=["count", "scope", "kind", "figure"],
                condition=Q(area__isnull=True),
                name="anchoring_figure_unique_all_areas",
            ),
            models.CheckConstraint(condition=Q(periods__len=PERIODS), name="anchoring_figure_periods"),
            models.CheckConstraint(condition=Q(kind__in=["month", "quarter"]), name="anchoring_figure_kind"),
        ]

    def __str__(self):
        return f"{self.scope} {self.figure} {self.kind}"
