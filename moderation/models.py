from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

REASON_MAX = 1000
RESPONSE_MAX = 500


class Report(models.Model):
    """A member's report of an idea, or of a comment on it, for the editors of the idea's districts.

    `proposal` is always set (the idea, or the idea the comment is on): the editors who handle a report are
    found through the idea's places. Each member reports an idea, and each comment, once."""

    class State(models.TextChoices):
        OPEN = "open", _("Öppen")
        DISMISSED = "dismissed", _("Avfärdad")
        HIDDEN = "hidden", _("Dold")
        ASKED_TO_CHANGE = "asked_to_change", _("Författaren ombedd att ändra")

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("anmäld av")
    )
    proposal = models.ForeignKey(
        "proposals.Proposal", on_delete=models.CASCADE, related_name="+", verbose_name=_("idé")
    )
    comment = models.ForeignKey(
        "proposals.Comment",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("kommentar"),
    )
    reason = models.TextField(_("skäl"), max_length=REASON_MAX)
    created_at = models.DateTimeField(_("anmäld"), default=timezone.now, editable=False)
    state = models.CharField(_("läge"), max_length=20, choices=State.choices, default=State.OPEN)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("hanterad av"),
    )
    handled_at = models.DateTimeField(_("hanterad"), null=True, blank=True)
    # What the editor wrote: the public reason for hiding, or the message asking the author to change.
    response = models.CharField(_("redaktionens svar"), max_length=RESPONSE_MAX, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("anmälan")
        verbose_name_plural = _("anmälningar")
        indexes = [models.Index(fields=["state", "created_at", "id"], name="report_state_oldest")]
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "proposal"], condition=Q(comment__isnull=True), name="report_one_per_idea"
            ),
            models.UniqueConstraint(
                fields=["reporter", "comment"],
                condition=Q(comment__isnull=False),
                name="report_one_per_comment",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["open", "dismissed", "hidden", "asked_to_change"]),
                name="report_state_valid",
            ),
            models.CheckConstraint(
                condition=Q(state="open", handled_by__isnull=True, handled_at__isnull=True)
                | (~Q(state="open") & Q(handled_by__isnull=False, handled_at__isnull=False)),
                name="report_handled_when_closed",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="report_reason_not_empty"),
        ]

    def __str__(self):
        return f"{self.get_state_display()}: {self.reason[:60]}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    @property
    def target(self):
        """What was reported: the comment, or the idea."""
        return self.comment if self.comment_id else self.proposal
