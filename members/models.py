from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
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

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        verbose_name = _("medlem")
        verbose_name_plural = _("medlemmar")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_unique_email_ci")]

    def __str__(self):
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name shown to others: the display name, or a neutral word. Never anything from the email address
        (the admin's member list shows that)."""
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

    class Meta:
        verbose_name = _("notis")
        verbose_name_plural = _("notiser")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"], name="notification_user_newest")]

    def __str__(self):
        return self.text

    @property
    def text(self) -> str:
        """What the notification says, in the active language."""
        return notification_render(self.kind, self.params)
