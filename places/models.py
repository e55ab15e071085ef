from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def in_language(swedish: str, english: str) -> str:
    """A name kept in both languages, as the active language wants it: the English one in English (where
    there is one), else the Swedish."""
    return english if english and (translation.get_language() or "").startswith("en") else swedish


class DistrictQuerySet(models.QuerySet):
    def concerned_ids(self, district_id: int | None) -> list[int]:
        """The districts a thing of one district (or of both, district empty: a joint round or meeting)
        concerns: its own, or all of them."""
        return [district_id] if district_id else list(self.values_list("pk", flat=True))


class District(models.Model):
    """A party district; its board's editors curate the ideas of the district's places."""

    objects = DistrictQuerySet.as_manager()

    code = models.SlugField(_("kod"), max_length=20, unique=True)
    name = models.CharField(_("namn"), max_length=120, unique=True)
    short_name = models.CharField(_("kortnamn"), max_length=60)
    name_en = models.CharField(_("namn på engelska"), max_length=120, blank=True)
    short_name_en = models.CharField(_("kortnamn på engelska"), max_length=60, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partidistrikt")
        verbose_name_plural = _("partidistrikt")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return in_language(self.name, self.name_en)

    @property
    def display_short_name(self) -> str:
        return in_language(self.short_name, self.short_name_en)


class Place(models.Model):
    """A municipality or the region; ideas apply to one or several places."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Kommun")
        REGION = "region", _("Region")

    code = models.CharField(_("kod"), max_length=4, unique=True)
    name = models.CharField(_("namn"), max_length=120)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices)
    districts = models.ManyToManyField(District, related_name="places", verbose_name=_("partidistrikt"))
    is_active = models.BooleanField(
        _("aktiv"),
        default=True,
        help_text=_("En avvecklad kommun kan inte väljas för nya idéer men behåller sina."),
    )

    class Meta:
        # The region first, then municipalities alphabetically.
        ordering = ["-kind", "name"]
        verbose_name = _("kommun eller region")
        verbose_name_plural = _("kommuner och regioner")
        constraints = [
            models.UniqueConstraint(fields=["name"], name="place_unique_name"),
            models.CheckConstraint(
                condition=models.Q(kind__in=["municipality", "region"]), name="place_kind_valid"
            ),
        ]

    def __str__(self):
        return self.name
