"""The audit log as CSV, for a spreadsheet."""

import csv
import json
from collections.abc import Iterable, Iterator

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext as _

from reformbank.spreadsheets import Echo, spreadsheet_safe

# The most rows one export holds: the newest, for the filters chosen.
EXPORT_MAX_ROWS = 50_000


def _values(values: dict) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True, cls=DjangoJSONEncoder) if values else ""


def audit_csv_rows(entries: Iterable) -> Iterator[str]:
    """The header and one line per entry, each cell guarded against formulas."""
    writer = csv.writer(Echo())
    # A byte order mark, so that Excel reads the file as UTF-8 (å, ä, ö).
    yield "\ufeff" + writer.writerow(
        [
            _("Tidpunkt"),
            _("Utförd av"),
            _("Utförd av (id)"),
            _("Åtgärd"),
            _("Distrikt"),
            _("Typ av objekt"),
            _("Objektets id"),
            _("Objekt"),
            _("Före"),
            _("Efter"),
            _("Motivering"),
        ]
    )
    for entry in entries:
        yield writer.writerow(
            spreadsheet_safe(value)
            for value in (
                timezone.localtime(entry.created_at).isoformat(timespec="seconds"),
                entry.actor.public_name,
                entry.actor_id,
                entry.get_action_display(),
                ", ".join(district.display_short_name for district in entry.districts.all()),
                entry.target_type.name,
                entry.target_id,
                entry.target_label,
                _values(entry.before),
                _values(entry.after),
                entry.reason,
            )
        )
