"""Meetings and seminars: digital or on site, with a capacity, sign-ups and a waiting list.

A meeting belongs to one district's board, or is joint for both (no district), like an agenda. A member's
registration is confirmed (a seat) or waiting; when a confirmed member cancels, the first on the waiting list
moves up in the same transaction.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TITLE_MAX = 200
DESCRIPTION_MAX = 10000
NOTES_MAX = 20000
ADDRESS_MAX = 300
JOIN_URL_MAX = 500
CAPACITY_MAX = 10000
# A digital meeting's link shows to the confirmed members from this long before the start.
JOIN_LINK_BEFORE = timedelta(hours=1)


class Meeting(models.Model):
    class Kind(models.TextChoices):
        DIGITAL = "digital", _("Digitalt")
        ON_SITE = "on_site", _("På plats")

    title = models.CharField(_("titel"), max_length=TITLE_MAX)
    district = models.ForeignKey(
        "places.District",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("partidistrikt"),
        help_text=_("Tomt för ett gemensamt möte för båda distrikten."),
    )
    round = models.ForeignKey(
        "rounds.Round",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("idéinsamling"),
        help_text=_("Om mötet hör till en idéinsamling."),
    )
    description = models.TextField(_("beskrivning"), max_length=DESCRIPTION_MAX, blank=True)
    kind = models.CharField(_("form"), max_length=10, choices=Kind.choices)
    join_url = models.URLField(_("länk till mötet"), max_length=JOIN_URL_MAX, blank=True)
    address = models.CharField(_("adress"), max_length=ADDRESS_MAX, blank=True)
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"))
    capacity = models.PositiveIntegerField(_("antal platser"))
    notes = models.TextField(_("anteckningar"), max_length=NOTES_MAX, blank=True)
    ideas = models.ManyToManyField(
        "proposals.Proposal", blank=True, related_name="meetings", verbose_name=_("idéer som togs upp")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    submission_key = models.UUIDField(null=True, blank=True, editable=False)  # see reformbank/submissions.py

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("möte")
        verbose_name_plural = _("möten")
        indexes = [models.Index(fields=["starts_at", "id"], name="meeting_starts")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="meeting_ends_after_start"),
            models.CheckConstraint(
                condition=Q(capacity__gte=1, capacity__lte=CAPACITY_MAX), name="meeting_capacity_range"
            ),
            models.CheckConstraint(
                condition=Q(kind="digital", join_url__startswith="https://")
                | Q(kind="on_site", join_url="") & ~Q(address=""),
                name="meeting_place_fits_kind",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="meeting_title_not_empty"),
            models.UniqueConstraint(
                fields=["created_by", "submission_key"], name="meeting_one_per_submission"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.pk])

    @property
    def is_joint(self) -> bool:
        return self.district_id is None

    @property
    def is_digital(self) -> bool:
        return self.kind == self.Kind.DIGITAL

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def seats_left(self) -> int:
        """The free seats (the meeting must come with `confirmed_count`, as the selectors give it)."""
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def join_link_opens_at(self):
        return self.starts_at - JOIN_LINK_BEFORE


class Registration(models.Model):
    """A member's sign-up: a seat, or a place on the waiting list (first come, first served)."""

    class State(models.TextChoices):
        CONFIRMED = "confirmed", _("Anmäld")
        WAITING = "waiting", _("På väntelistan")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_registrations"
    )
    state = models.CharField(_("läge"), max_length=10, choices=State.choices)
    created_at = models.DateTimeField(_("anmäld"), default=timezone.now)
    # Set once, by the conditional UPDATE that claims the reminder: a second run of the reminders finds it set.
    reminded_at = models.DateTimeField(_("påmind"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("anmälan")
        verbose_name_plural = _("anmälningar")
        indexes = [
            models.Index(fields=["meeting", "state", "created_at", "id"], name="registration_queue"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["member", "meeting"], name="registration_one_per_member"),
            models.CheckConstraint(
                condition=Q(state__in=["confirmed", "waiting"]), name="registration_state_valid"
            ),
        ]

    @property
    def is_confirmed(self) -> bool:
        return self.state == self.State.CONFIRMED


def calendar_token_new() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A member's secret calendar address: whoever has it sees the member's meetings, join links included, so
    the member can replace it (the old address stops working) or turn it off."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_calendar"
    )
    token = models.CharField(max_length=64, unique=True, default=calendar_token_new, editable=False)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kalenderprenumeration")
        verbose_name_plural = _("kalenderprenumerationer")

    def get_absolute_url(self):
        return reverse("meetings:member_calendar", args=[self.token])
