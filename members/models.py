from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reformbank.forms import strip_invisible

from .notifications import LEGACY, notification_render


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A member; logs in with their email address."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-postadress"), unique=True)
    display_name = models.CharField(_("visningsnamn"), max_length=80, blank=True)
    home_place = models.ForeignKey(
        "places.Place",
        verbose_name=_("hemkommun"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(
        _("språk"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="sv",
        help_text=_("Språket för sidan och för e-post till dig."),
    )

    class EmailFrequency(models.TextChoices):
        IMMEDIATELY = "immediately", _("Direkt")
        DAILY = "daily", _("En sammanfattning per dag")
        WEEKLY = "weekly", _("En sammanfattning per vecka")
        NEVER = "never", _("Aldrig")

    email_frequency = models.CharField(
        _("e-post om notiser"),
        max_length=20,
        choices=EmailFrequency.choices,
        default=EmailFrequency.IMMEDIATELY,
    )
    # Kept with the member (who is loaded on every request anyway), so that the header's count costs no query;
    # members.services changes it in the same statement as the notifications.
    unread_notifications = models.PositiveIntegerField(_("olästa notiser"), default=0, editable=False)
    # A name is only shown once the member gives one (the display name starts empty), so showing it is the
    # default for those who have; a member who wants to stay anonymous turns it off here.
    show_name = models.BooleanField(
        _("visa mitt namn"),
        default=True,
        help_text=_("Visas vid dina idéer, kommentarer och ändringsförslag. Stöd visas aldrig med namn."),
    )
    # Set when the member deletes their account (privacy.services.member_delete); the row stays, anonymised,
    # so that the ideas and comments they wrote keep an author.
    deleted_at = models.DateTimeField(_("kontot raderat"), null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        verbose_name = _("medlem")
        verbose_name_plural = _("medlemmar")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_unique_email_ci"),
            models.CheckConstraint(
                condition=models.Q(email_frequency__in=["immediately", "daily", "weekly", "never"]),
                name="user_email_frequency_known",
            ),
        ]

    def __str__(self):
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name shown to others: the display name, or a neutral word when there is none, the member hides it
        or has deleted their account. Never anything from the email address (the admin's member list shows
        that)."""
        if self.deleted_at is not None:
            return gettext("tidigare medlem")
        if not self.show_name:
            return gettext("Medlem")
        return strip_invisible(self.display_name) or gettext("Medlem")

    @property
    def office_name(self) -> str:
        """The name shown where the member acts in an elected office (carrying an idea as a representative):
        that is public, so the display name is shown whatever `show_name` says."""
        if self.deleted_at is not None:
            return gettext("tidigare medlem")
        return strip_invisible(self.display_name) or gettext("Medlem")


class EditorRole(models.Model):
    """The user edits for the board of this district (curates its ideas and agenda)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medlem"),
        on_delete=models.CASCADE,
        related_name="editor_roles",
    )
    district = models.ForeignKey(
        "places.District",
        verbose_name=_("partidistrikt"),
        on_delete=models.CASCADE,
        related_name="editor_roles",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tilldelad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("tilldelad"), auto_now_add=True)

    class Meta:
        verbose_name = _("redaktörsroll")
        verbose_name_plural = _("redaktörsroller")
        constraints = [
            models.UniqueConstraint(fields=["user", "district"], name="editorrole_unique_user_district")
        ]

    def __str__(self):
        return f"{self.user} – {self.district.display_short_name}"


class Notification(models.Model):
    """A message to a member on the site, e.g. that their amendment has been answered. It keeps the kind of
    message and its parameters (members.notifications), and is rendered in the reader's language."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medlem"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("typ"), max_length=40, default=LEGACY)
    params = models.JSONField(_("parametrar"), default=dict, blank=True)
    url = models.CharField(_("länk"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    read_at = models.DateTimeField(_("läst"), null=True, blank=True)
    # Set in the same transaction that sends the email (at once or in a digest): a send that fails leaves it
    # empty and the notification is sent later; one that is set is never sent again.
    emailed_at = models.DateTimeField(_("skickad med e-post"), null=True, blank=True)

    class Meta:
        verbose_name = _("notis")
        verbose_name_plural = _("notiser")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="notification_user_newest"),
            models.Index(
                fields=["user", "created_at"],
                name="notification_to_email",
                condition=models.Q(emailed_at__isnull=True, read_at__isnull=True),
            ),
        ]

    def __str__(self):
        return self.text

    @property
    def text(self) -> str:
        """What the notification says, in the active language."""
        return notification_render(self.kind, self.params)


class Follow(models.Model):
    """A member follows something: an idea, a tag, a municipality, a round or an agenda, and hears of what happens
    to it. The thing is named by content type and id, so that this app needs none of the apps above it; the
    label and address are written by the app that owns the thing, for the member's list of follows."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("medlem"), on_delete=models.CASCADE, related_name="follows"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    label = models.CharField(_("bevakar"), max_length=300)
    url = models.CharField(_("länk"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        verbose_name = _("bevakning")
        verbose_name_plural = _("bevakningar")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="follow_once")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="follow_target")]

    def __str__(self):
        return self.label
