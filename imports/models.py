from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """One uploaded file on its way into a district's part of the bank: mapped, checked (dry run), imported.

    The parsed rows are kept on the job (`rows`, a list of lists of strings), so that the dry run and the
    background import read exactly what was checked and the file itself is never stored."""

    class State(models.TextChoices):
        UPLOADED = "uploaded", _("Kolumner att koppla")
        CHECKED = "checked", _("Provkörd")
        QUEUED = "queued", _("I kö")
        RUNNING = "running", _("Importeras")
        DONE = "done", _("Klar")
        FAILED = "failed", _("Misslyckades")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel (XLSX)"
        JSON = "json", "JSON"

    district = models.ForeignKey(
        "places.District",
        on_delete=models.PROTECT,
        related_name="import_jobs",
        verbose_name=_("partidistrikt"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="import_jobs",
        verbose_name=_("importerad av"),
    )
    file_name = models.CharField(_("filnamn"), max_length=255)
    file_format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    encoding = models.CharField(_("teckenkodning"), max_length=20, blank=True)
    header = models.JSONField(_("rubrikrad"), default=list)
    rows = models.JSONField(_("rader"), default=list)
    mapping = models.JSONField(_("kolumnkoppling"), default=dict)
    state = models.CharField(_("läge"), max_length=20, choices=State.choices, default=State.UPLOADED)
    total = models.PositiveIntegerField(_("rader"), default=0)
    processed = models.PositiveIntegerField(_("behandlade rader"), default=0)
    created_count = models.PositiveIntegerField(_("nya"), default=0)
    updated_count = models.PositiveIntegerField(_("uppdaterade"), default=0)
    unchanged_count = models.PositiveIntegerField(_("oförändrade"), default=0)
    refused_count = models.PositiveIntegerField(_("nekade"), default=0)
    error = models.TextField(_("fel"), blank=True)
    created_at = models.DateTimeField(_("uppladdad"), default=timezone.now)
    finished_at = models.DateTimeField(_("klar"), null=True, blank=True)
    # The upload form's one-time key: a double-click uploads one job.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("importer")
        indexes = [models.Index(fields=["district", "-created_at"], name="import_job_district_newest")]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["uploaded", "checked", "queued", "running", "done", "failed"]),
                name="import_job_state_valid",
            ),
            models.CheckConstraint(condition=Q(processed__lte=models.F("total")), name="import_job_progress"),
            models.UniqueConstraint(
                fields=["created_by", "submission_key"], name="import_job_one_per_submission"
            ),
        ]

    def __str__(self):
        return self.file_name

    def get_absolute_url(self):
        return reverse("imports:job", args=[self.pk])

    @property
    def percent(self) -> int:
        return 100 if not self.total else self.processed * 100 // self.total

    @property
    def is_in_progress(self) -> bool:
        return self.state in {self.State.QUEUED, self.State.RUNNING}


class ImportRowResult(models.Model):
    """What the dry run would do, or the import did, with one row of the file, and why."""

    class Outcome(models.TextChoices):
        CREATE = "create", _("Ny idé")
        UPDATE = "update", _("Uppdateras")
        UNCHANGED = "unchanged", _("Oförändrad")
        REFUSED = "refused", _("Nekad")

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="results")
    row_number = models.PositiveIntegerField(_("rad"))
    title = models.CharField(_("rubrik"), max_length=200, blank=True)
    outcome = models.CharField(_("resultat"), max_length=20, choices=Outcome.choices)
    message = models.TextField(_("orsak"), blank=True)
    proposal = models.ForeignKey(
        "proposals.Proposal", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["row_number"]
        verbose_name = _("radresultat")
        verbose_name_plural = _("radresultat")
        constraints = [
            models.UniqueConstraint(fields=["job", "row_number"], name="import_result_one_per_row"),
            models.CheckConstraint(
                condition=Q(outcome__in=["create", "update", "unchanged", "refused"]),
                name="import_result_outcome_valid",
            ),
        ]
        indexes = [models.Index(fields=["job", "outcome", "row_number"], name="import_result_outcome")]


class ImportedIdea(models.Model):
    """Where an imported idea came from: its id in the source (unique within the district, so that importing
    the same file again updates instead of duplicating), the file, and the author as the file names them (the
    idea's author in the bank is the editor who imported it)."""

    proposal = models.OneToOneField(
        "proposals.Proposal", on_delete=models.CASCADE, related_name="import_record", verbose_name=_("idé")
    )
    district = models.ForeignKey(
        "places.District", on_delete=models.PROTECT, related_name="+", verbose_name=_("partidistrikt")
    )
    external_id = models.CharField(_("externt id"), max_length=200)
    source_key = models.CharField(_("källa"), max_length=255)
    job = models.ForeignKey(
        ImportJob, on_delete=models.PROTECT, related_name="ideas", verbose_name=_("import")
    )
    author_name = models.CharField(_("författare enligt filen"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("importerad idé")
        verbose_name_plural = _("importerade idéer")
        constraints = [
            models.UniqueConstraint(
                fields=["district", "external_id"], name="imported_idea_one_per_source_id"
            ),
            models.CheckConstraint(condition=~Q(external_id=""), name="imported_idea_external_id_set"),
        ]


class ImportMapping(models.Model):
    """The columns a district's editors last chose for a file with this header row: guessed for the next."""

    district = models.ForeignKey("places.District", on_delete=models.CASCADE, related_name="+")
    header_key = models.CharField(max_length=64)
    mapping = models.JSONField(default=dict)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("sparad kolumnkoppling")
        verbose_name_plural = _("sparade kolumnkopplingar")
        constraints = [
            models.UniqueConstraint(fields=["district", "header_key"], name="import_mapping_one_per_header")
        ]
