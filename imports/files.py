"""Reading an uploaded file into a header and rows of strings, with kept libraries (csv, openpyxl, json).

Everything a file can do wrong is refused here with a message for the editor (BadFile), before anything is
stored: too large, too many rows or columns, NUL bytes, an encoding that is neither UTF-8 nor the Windows-1252
of Swedish Excel, a broken workbook, JSON that is not a list of objects. Formula cells are read as the text of
the formula (never evaluated). Reading stops early where it can: after MAX_ROWS rows with something in them,
and at the first EMPTY_ROWS_END empty rows in a row (a sheet with a million empty rows ends there)."""

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import PurePath

from django.utils.translation import gettext as _

from reformbank.errors import UserError

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 60
MAX_CELL_CHARS = 20_000
EMPTY_ROWS_END = 1000
MAX_SCANNED_ROWS = 200_000
SNIFF_BYTES = 16 * 1024


class BadFile(UserError):
    """A file that cannot be imported as it is; the message says why and what to do."""


@dataclass(frozen=True)
class Table:
    file_format: str
    encoding: str
    header: list[str]
    # [row number in the file (the header's is 1 if it is the first line), [cells as long as the header]] for
    # each row with something in it.
    rows: list[list]


def file_format_of(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    formats = {".csv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".json": "json"}
    if suffix not in formats:
        raise BadFile(
            _("Filen måste vara en CSV-, XLSX- eller JSON-fil (filnamnet slutar på .csv, .xlsx eller .json).")
        )
    return formats[suffix]


def table_read(upload) -> Table:
    """The table in an uploaded file (a Django UploadedFile, or any file object with `name` and `size`)."""
    if upload.size > MAX_FILE_BYTES:
        raise BadFile(
            _("Filen är för stor (%(size)s MB). Största tillåtna storlek är %(max)s MB.")
            % {"size": upload.size // (1024 * 1024), "max": MAX_FILE_BYTES // (1024 * 1024)}
        )
    if upload.size == 0:
        raise BadFile(_("Filen är tom."))
    file_format = file_format_of(upload.name)
    upload.seek(0)
    if file_format == "xlsx":
        return _xlsx_read(upload)
    data = upload.read(MAX_FILE_BYTES + 1)
    if b"\x00" in data:
        raise BadFile(
            _(
                "Filen innehåller NUL-tecken och kan inte läsas som text. Är den sparad som UTF-16? "
                "Spara den som CSV (UTF-8) eller CSV (semikolonavgränsad) och försök igen."
            )
        )
    text, encoding = _decode(data, csv_file=file_format == "csv")
    if file_format == "json":
        return _json_read(text, encoding)
    return _csv_read(text, encoding)


def _decode(data: bytes, *, csv_file: bool) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Swedish Excel's "CSV (semikolonavgränsad)" is Windows-1252; a file in it has semicolons in its first line.
    first_line = data[:SNIFF_BYTES].split(b"\n", 1)[0]
    if csv_file and b";" in first_line:
        try:
            return data.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError:
            pass
    raise BadFile(
        _(
            "Filens teckenkodning känns inte igen: den är varken UTF-8 eller Windows-1252 med semikolon. "
            "Spara den från Excel som ”CSV UTF-8” och försök igen."
        )
    )


def _cell_text(value) -> str:
    """A cell as text: numbers without a trailing .0, dates as ISO dates, formulas as their text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, Decimal)):
        return str(value)
    text = str(value)
    if "\x00" in text:
        raise BadFile(_("Filen innehåller NUL-tecken, som inte får finnas i text."))
    if len(text) > MAX_CELL_CHARS:
        raise BadFile(_("En cell är längre än %(max)s tecken.") % {"max": MAX_CELL_CHARS})
    return text.strip()


def _table(file_format: str, encoding: str, rows) -> Table:
    """The header (the first row with something in it) and the rows after it with something in them, padded
    to the header's width; reading stops at MAX_ROWS such rows (refused), or EMPTY_ROWS_END empty rows in a
    row (the end of the data)."""
    header = None
    body: list[list] = []
    empty_run = 0
    for number, raw in enumerate(rows, start=1):
        if number > MAX_SCANNED_ROWS:
            raise BadFile(
                _("Filen har för många rader (även tomma). Ta bort de tomma raderna och försök igen.")
            )
        cells = [_cell_text(value) for value in raw[: MAX_COLUMNS + 1]]
        if not any(cells):
            empty_run += 1
            if empty_run >= EMPTY_ROWS_END:
                break
            continue
        empty_run = 0
        if header is None:
            while cells and not cells[-1]:
                cells.pop()
            if len(cells) > MAX_COLUMNS:
                raise BadFile(_("Filen har fler än %(max)s kolumner.") % {"max": MAX_COLUMNS})
            header = cells
            continue
        if len(body) >= MAX_ROWS:
            raise BadFile(
                _("Filen har fler än %(max)s rader. Dela upp den i flera filer.") % {"max": MAX_ROWS}
            )
        body.append([number, (cells + [""] * len(header))[: len(header)]])
    if header is None:
        raise BadFile(_("Filen innehåller inga rader."))
    return Table(file_format=file_format, encoding=encoding, header=header, rows=body)


def _csv_read(text: str, encoding: str) -> Table:
    sample = text[:SNIFF_BYTES]
    try:
        dialect = csv.Sniffer().sniff(sample.split("\n", 1)[0] or sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return _table("csv", encoding, csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as error:
        raise BadFile(_("Filen kan inte läsas som CSV: %(error)s") % {"error": error}) from None


def _xlsx_read(upload) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # read_only streams the sheet row by row; data_only=False gives a formula's text, never its value.
        workbook = load_workbook(upload, read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError, SyntaxError):
        raise BadFile(
            _("Filen är ingen giltig Excel-fil (XLSX). Öppna den i Excel och spara den igen.")
        ) from None
    try:
        sheet = workbook.worksheets[0]
        return _table("xlsx", "", sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError, SyntaxError):
        raise BadFile(
            _("Excel-filen är trasig och kan inte läsas. Öppna den i Excel och spara den igen.")
        ) from None
    finally:
        workbook.close()


def _json_read(text: str, encoding: str) -> Table:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise BadFile(_("Filen är inte giltig JSON.")) from None
    if isinstance(data, dict) and isinstance(data.get("rows"), list):
        data = data["rows"]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise BadFile(_("JSON-filen måste vara en lista av objekt, ett objekt per idé."))
    header: dict[str, None] = {}
    for item in data[: MAX_ROWS + 1]:
        for key in item:
            header.setdefault(str(key).strip(), None)
            if len(header) > MAX_COLUMNS:
                raise BadFile(_("Filen har fler än %(max)s kolumner.") % {"max": MAX_COLUMNS})
    keys = list(header)

    def value(item, key):
        found = item.get(key)
        if isinstance(found, list) and all(not isinstance(v, (dict, list)) for v in found):
            return ", ".join(_cell_text(v) for v in found)
        if isinstance(found, (dict, list)):
            raise BadFile(
                _("Värdet för ”%(key)s” är ett objekt eller en lista i listan; skriv det som text.")
                % {"key": key}
            )
        return found

    rows = ([value(item, key) for key in keys] for item in data)
    return _table("json", encoding, _with_header(keys, rows))


def _with_header(keys, rows):
    yield keys
    yield from rows
