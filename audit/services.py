"""The one write to the audit log, and its one removal: entries older than AUDIT_RETENTION_YEARS."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from .models import LABEL_MAX, REASON_MAX, AuditEntry


@transaction.atomic
def audit_record(
    *, actor, action: str, target, districts, before: dict, after: dict, reason: str = "", label: str = ""
) -> AuditEntry:
    """Log an editor's or admin's action on `target` (a model instance) for the boards of `districts`
    (District instances or ids; empty for an admin matter).

    Call it inside the action's own transaction, after the change: the entry is saved with the action or not
    at all. `label` names the target as the log shows it (its str() by default), kept as it is now."""
    entry = AuditEntry(
        actor=actor,
        action=action,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        target_label=(label or str(target))[:LABEL_MAX],
        before=before,
        after=after,
        reason=reason[:REASON_MAX],
    )
    # The foreign keys are the caller's own objects, and the database checks the constraints: no queries.
    entry.full_clean(exclude=["actor", "target_type"], validate_constraints=False)
    entry.save()
    district_ids = {getattr(district, "pk", district) for district in districts}
    AuditEntry.districts.through.objects.bulk_create(
        AuditEntry.districts.through(auditentry_id=entry.pk, district_id=district_id)
        for district_id in sorted(district_ids)
    )
    return entry


def audit_purge() -> int:
    """Delete the entries older than settings.AUDIT_RETENTION_YEARS (their district rows with them); how many."""
    cutoff = timezone.now() - timedelta(days=365 * settings.AUDIT_RETENTION_YEARS)
    deleted, by_model = AuditEntry.objects.filter(created_at__lt=cutoff).delete()
    return by_model.get(AuditEntry._meta.label, 0)
