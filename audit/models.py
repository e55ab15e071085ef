from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LABEL_MAX = 200
REASON_MAX = 6000


class AuditEntry(models.Model):
    """One editor's or admin's action: who, when, what, on which object, the values before and after.

    An action belongs to the logs of the district boards it touches (`districts`): an idea about the region
    is both boards' business, a role change for the county the county's. One row per action, whatever the
    number of districts, so that the admins' log and its export list each action once. An action of no
    district (an admin made someone admin) is in the admins' log only."""

    class Action(models.TextChoices):
        ANSWER = "answer", _("Svar på idé")
        STATUS = "status", _("Statusändring")
        PROPOSAL_HIDE = "proposal_hide", _("Idé dold")
        PROPOSAL_UNHIDE = "proposal_unhide", _("Idé visas igen")
        COMMENT_HIDE = "comment_hide", _("Kommentar dold")
        COMMENT_UNHIDE = "comment_unhide", _("Kommentar visas igen")
        REPORT_DISMISS = "report_dismiss", _("Anmälan avfärdad")
        REPORT_ASK_CHANGE = "report_ask_change", _("Författaren ombedd att ändra")
        MERGE = "merge", _("Idéer sammanförda")
        UNMERGE = "unmerge", _("Sammanförning ångrad")
        PROMOTE = "promote", _("Idé förd in i reformagendan")
        ROLE_CHANGE = "role_change", _("Roller ändrade")
        ROUND_CHANGE = "round_change", _("Idéinsamling ändrad")
        MEETING_CHANGE = "meeting_change", _("Möte ändrat")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("utförd av")
    )
    created_at = models.DateTimeField(_("tidpunkt"), default=timezone.now, editable=False)
    action = models.CharField(_("åtgärd"), max_length=30, choices=Action.choices)
    districts = models.ManyToManyField(
        "places.District", blank=True, related_name="+", verbose_name=_("partidistrikt")
    )
    target_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("typ av objekt")
    )
    target_id = models.CharField(_("objektets id"), max_length=40)
    # The object's name when the action was done: the log reads the same after the object changed or went.
    target_label = models.CharField(_("objekt"), max_length=LABEL_MAX)
    before = models.JSONField(_("före"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField(_("efter"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    reason = models.TextField(_("motivering"), max_length=REASON_MAX, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("loggpost")
        verbose_name_plural = _("granskningslogg")
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="audit_newest"),
            models.Index(fields=["action", "-created_at"], name="audit_action_newest"),
            models.Index(fields=["actor", "-created_at"], name="audit_actor_newest"),
            models.Index(fields=["target_type", "target_id"], name="audit_target"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    action__in=[
                        "answer",
                        "status",
                        "proposal_hide",
                        "proposal_unhide",
                        "comment_hide",
                        "comment_unhide",
                        "report_dismiss",
                        "report_ask_change",
                        "merge",
                        "unmerge",
                        "promote",
                        "role_change",
                        "round_change",
                        "meeting_change",
                    ]
                ),
                name="audit_action_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()}: {self.target_label}"
