"""Exports of an idea list as CSV, Excel (XLSX) and JSON: exactly the ideas, in the order, that the page shows
for the same query string, every page of it, up to MAX_ROWS ideas.

How it stays bounded: the ids come first, in the page's order (one query for the list, the search's ranked ids
for a search), at most MAX_ROWS + 1 of them (the one more tells that the file is cut). The rows are then read
CHUNK ids at a time, three queries a chunk (the ideas, their places, their tags), so memory holds one chunk
and the query count grows with the number of chunks, not of ideas. CSV and JSON stream as they are read;
XLSX is written by openpyxl's write-only workbook (one row at a time) into a temporary file that is then sent.

Spreadsheets run a cell that starts with =, +, - or @ as a formula (and some with a leading tab or carriage
return): a member's title "=HYPERLINK(...)" would become a live link in an editor's Excel. Every text cell of
the CSV and XLSX that starts so gets a leading apostrophe (reformbank.spreadsheets). JSON is data, not a
spreadsheet, and keeps the text as typed.

CSV for Swedish Excel: semicolons between fields and a UTF-8 byte order mark. Excel opens a double-clicked CSV
with the list separator of the computer's region, which in Sweden is the semicolon (the comma is the decimal
sign); with commas every row would land in column A. Without the BOM Excel reads the file as Windows-1252 and
"Läxhjälp" turns into "LÃ¤xhjÃ¤lp". (A "sep=;" first line would also fix the separator, but Excel then ignores
the BOM.) LibreOffice and Numbers ask or detect both. Lines end in CRLF, as RFC 4180 has them. The BOM also
keeps Excel from taking a file that starts with "ID" for a SYLK file."""

import csv
import functools
import io
import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import FileResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from taggit.models import TaggedItem

from places.models import Place, in_language
from reformbank.spreadsheets import spreadsheet_safe

from . import selectors
from .models import Proposal

# The most ideas one file holds: the whole bank of a district for years, and still a file Excel opens in a
# moment. The page says so by the download links, the XLSX and JSON say it in the file.
MAX_ROWS = 10_000
CHUNK = 500
FORMATS = ("csv", "xlsx", "json")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class ExportIds:
    ids: list[int]  # the ideas of the file, in the page's order
    truncated: bool  # the list has more ideas than MAX_ROWS


def public_list_ids(filters: selectors.ProposalFilters) -> ExportIds:
    """The ideas of the public list or search for these filters, in the page's order (ranked for a search,
    newest first unless sorted), at most MAX_ROWS. One query for the list, the search's one or two for a search,
    none for a search without a searchable word (the page shows nothing either)."""
    if filters.q:
        _query, hits = selectors.proposal_search_hits(filters, depth=MAX_ROWS)
        if hits is None:
            return ExportIds([], truncated=False)
        return ExportIds(hits.ranked_ids, truncated=hits.total > len(hits.ranked_ids))
    return _first_ids(selectors.proposal_list(filters))


def queue_ids(district_ids, status: str) -> ExportIds:
    """The ideas of the editors' queue of these districts, oldest first, as the queue page shows them."""
    return _first_ids(selectors.district_queue(district_ids, status))


def chunked(items: list) -> Iterator[list]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _first_ids(queryset) -> ExportIds:
    ids = list(queryset.values_list("pk", flat=True)[: MAX_ROWS + 1])
    return ExportIds(ids[:MAX_ROWS], truncated=len(ids) > MAX_ROWS)


@dataclass(frozen=True)
class ExportRow:
    id: int
    link: str
    title: str
    summary: str
    places: list[str]  # the region first, then municipalities by name, as on the idea's card
    districts: list[str]
    policy_area: str
    tags: list[str]
    status: str
    status_label: str
    answer: str
    supports: int
    comments: int
    created: datetime


ROW_FIELDS = (
    "id",
    "title",
    "summary",
    "status",
    "answer",
    "support_count",
    "comment_count",
    "created_at",
    "policy_area__name",
    "policy_area__name_en",
)


def export_rows(ids: list[int]) -> Iterator[ExportRow]:
    """The rows of these ideas in this order, read CHUNK at a time: two queries for the places and their
    districts (the first time a chunk is read), then three a chunk (ideas, place links, tags). An idea
    deleted since its id was read is left out.

    Rows are read as values and every name that repeats (places, districts, areas, statuses, the link) is
    worked out once: 10,000 model instances, URL reversals and translation lookups took seconds."""
    content_type = ContentType.objects.get_for_model(Proposal)  # cached by Django after the first use
    # One reversal for every link: the detail URL of a number no idea has, the number then swapped for each id.
    link = (settings.SITE_URL.rstrip("/") + reverse("proposals:detail", args=[LINK_SENTINEL])).replace(
        str(LINK_SENTINEL), "{}"
    )
    statuses = {value: str(label) for value, label in Proposal.Status.choices}
    areas = functools.cache(in_language)
    places = None
    for chunk in chunked(ids):
        if places is None:
            places = _places()
        rows = {
            row[0]: row
            for row in selectors.proposal_queryset_for_list().filter(pk__in=chunk).values_list(*ROW_FIELDS)
        }
        place_ids = {pk: [] for pk in rows}
        for proposal_id, place_id in Proposal.places.through.objects.filter(proposal_id__in=rows).values_list(
            "proposal_id", "place_id"
        ):
            place_ids[proposal_id].append(place_id)
        tags = {pk: [] for pk in rows}
        for proposal_id, name in (
            TaggedItem.objects.filter(content_type=content_type, object_id__in=rows)
            .order_by("tag__name")
            .values_list("object_id", "tag__name")
        ):
            tags[proposal_id].append(name)
        for pk in chunk:
            if pk not in rows:
                continue
            _, title, summary, status, answer, supports, comments, created, area, area_en = rows[pk]
            own = sorted((places[place_id] for place_id in place_ids[pk]), key=lambda place: place.position)
            districts = dict(sorted(district for place in own for district in place.districts))
            yield ExportRow(
                id=pk,
                link=link.format(pk),
                title=title,
                summary=summary,
                places=[place.name for place in own],
                districts=list(districts.values()),
                policy_area=areas(area, area_en),
                tags=tags[pk],
                status=status,
                status_label=statuses[status],
                answer=answer,
                supports=supports,
                comments=comments,
                created=created,
            )


LINK_SENTINEL = 987654321


@dataclass(frozen=True)
class _Place:
    name: str
    position: int  # in the places' own order: the region, then municipalities by name in Swedish collation
    districts: tuple[tuple[int, str], ...]  # (id, name in the active language)


def _places() -> dict[int, _Place]:
    return {
        place.pk: _Place(
            place.name,
            position,
            tuple((district.pk, district.display_name) for district in place.districts.all()),
        )
        for position, place in enumerate(Place.objects.prefetch_related("districts"))
    }


def headers() -> list[str]:
    """The columns of the CSV and XLSX, in the active language."""
    return [
        _("Id"),
        _("Länk"),
        _("Rubrik"),
        _("Sammanfattning"),
        _("Kommun eller region"),
        _("Distrikt"),
        _("Sakområde"),
        _("Taggar"),
        _("Status"),
        _("Styrelsens svar"),
        _("Stöd"),
        _("Kommentarer"),
        _("Skapad"),
    ]


def _cells(row: ExportRow) -> list:
    """A row's cells for a spreadsheet: lists joined, text guarded, the date in Swedish local time."""
    texts = [
        row.link,
        row.title,
        row.summary,
        ", ".join(row.places),
        ", ".join(row.districts),
        row.policy_area,
        ", ".join(row.tags),
        row.status_label,
        row.answer,
    ]
    created = timezone.localtime(row.created).replace(tzinfo=None, microsecond=0)
    return [row.id, *map(spreadsheet_safe, texts), row.supports, row.comments, created]


@dataclass(frozen=True)
class Export:
    ids: ExportIds
    basename: str  # the file's name before the date, e.g. "reformbanken-ideer"
    source_url: str  # the page the file comes from, with its query string


def filename(export: Export, fmt: str) -> str:
    return f"{export.basename}-{timezone.localdate().isoformat()}.{fmt}"


def export_response(export: Export, fmt: str):
    """The export as a download in `fmt` (one of FORMATS). CSV and JSON stream; XLSX is written first."""
    if fmt == "xlsx":
        return _xlsx_response(export)
    chunks = _csv_chunks(export) if fmt == "csv" else _json_chunks(export)
    content_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    response = StreamingHttpResponse(
        _in_language(translation.get_language(), chunks), content_type=content_type
    )
    response["Content-Disposition"] = content_disposition_header(True, filename(export, fmt))
    return response


def _in_language(language: str, chunks: Iterable[str]) -> Iterator[bytes]:
    # A streamed body is written after the view has returned, when the request's language may no longer be
    # active: the rows' status and area names keep the language the page was asked in.
    with translation.override(language):
        for chunk in chunks:
            yield chunk.encode()


def _csv_chunks(export: Export) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(headers())
    yield "\ufeff" + _drain(buffer)
    for count, row in enumerate(export_rows(export.ids.ids), start=1):
        cells = _cells(row)
        cells[-1] = cells[-1].strftime("%Y-%m-%d %H:%M")
        writer.writerow(cells)
        if count % CHUNK == 0:
            yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _json_chunks(export: Export) -> Iterator[str]:
    about = {
        "source": export.source_url,
        "exported_at": timezone.localtime().isoformat(timespec="seconds"),
        "max_rows": MAX_ROWS,
        "truncated": export.ids.truncated,
    }
    yield json.dumps(about, ensure_ascii=False)[:-1] + ', "ideas": ['
    items = []
    for count, row in enumerate(export_rows(export.ids.ids)):
        item = {**vars(row), "created": timezone.localtime(row.created).isoformat(timespec="seconds")}
        items.append(("\n" if count == 0 else ",\n") + json.dumps(item, ensure_ascii=False))
        if len(items) == CHUNK:
            yield "".join(items)
            items = []
    yield "".join(items) + "\n]}\n"


def _xlsx_text(text: str) -> str:
    # XML has no place for most control characters; openpyxl refuses a cell holding one.
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _xlsx_response(export: Export) -> FileResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Idéer"))
    for column, width in zip(
        "ABCDEFGHIJKLM", (8, 40, 40, 60, 24, 30, 24, 24, 20, 60, 8, 12, 17), strict=True
    ):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for text in headers():
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in export_rows(export.ids.ids):
        cells = [_xlsx_text(cell) if isinstance(cell, str) else cell for cell in _cells(row)]
        created = WriteOnlyCell(sheet, value=cells[-1])
        created.number_format = "yyyy-mm-dd hh:mm"
        sheet.append([*cells[:-1], created])
    about = workbook.create_sheet(_("Om filen"))
    about.column_dimensions["A"].width = 20
    about.column_dimensions["B"].width = 80
    about.append([_("Källa"), spreadsheet_safe(_xlsx_text(export.source_url))])
    about.append([_("Hämtad"), timezone.localtime().strftime("%Y-%m-%d %H:%M")])
    about.append([_("Högst"), _("%(max)s idéer per fil") % {"max": MAX_ROWS}])
    if export.ids.truncated:
        about.append(
            [
                _("Obs!"),
                _("Listan har fler idéer än så: filen har de första %(max)s. Filtrera för att få med resten.")
                % {"max": MAX_ROWS},
            ]
        )
    file = tempfile.TemporaryFile()  # removed when the response closes it
    workbook.save(file)
    file.seek(0)
    return FileResponse(file, as_attachment=True, filename=filename(export, "xlsx"), content_type=XLSX_TYPE)
