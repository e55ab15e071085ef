"""Bad files are answered with a clear message next to the file field (400) and nothing is stored: a wrong
encoding, a broken workbook, 100 MB, NUL bytes, too many rows or columns, JSON that is no list of ideas. A
million empty rows end the data, formulas stay text, both CSV dialects of Swedish Excel read alike."""

import io
import json
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from openpyxl.styles import PatternFill

from imports.files import table_read
from imports.models import ImportJob

from .conftest import CLEAN_CSV, EXCEL_CSV, HEADER, WITH_ERRORS_XLSX, csv_file, newest_job, sample, upload

ROW = "X-1,2025-03-01,Fler parkbänkar,Sittplatser i parkerna.,Kommunen ställer ut bänkar.,Nacka,Trygghet,,,,"


def xlsx(*rows, empty_styled_rows=0) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    for row in rows:
        sheet.append(row)
    fill = PatternFill("solid", fgColor="FFFF00")
    start = sheet.max_row + 1
    for number in range(start, start + empty_styled_rows):
        sheet.cell(row=number, column=1).fill = fill  # a styled cell without a value: an empty row
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.fixture
def editor(client, editor_lan):
    client.force_login(editor_lan)
    return editor_lan


BAD_FILES = {
    "utf-16": ("ideer.csv", ("\ufeff" + HEADER + "\n" + ROW).encode("utf-16-le"), "NUL-tecken"),
    "latin-1 with commas": (
        "ideer.csv",
        (HEADER + "\n" + ROW.replace("parkbänkar", "parkbänkar")).encode("cp1252"),
        "teckenkodning",
    ),
    "neither with semicolons": ("ideer.csv", b"Rubrik;Kommun\n\x81\x8d;Nacka\n", "teckenkodning"),
    "random bytes as xlsx": ("ideer.xlsx", b"PK\x03\x04 inte en arbetsbok", "ingen giltig Excel-fil"),
    "truncated xlsx": ("ideer.xlsx", sample(WITH_ERRORS_XLSX)[:4000], "ingen giltig Excel-fil"),
    "nul in a cell": ("ideer.csv", csv_file(ROW.replace("bänkar", "bän\x00kar")), "NUL-tecken"),
    "nul in json": ("ideer.json", json.dumps([{"Rubrik": "a\u0000b"}]).encode(), "NUL-tecken"),
    "json not a list": ("ideer.json", '{"Rubrik": "Fler bänkar"}'.encode(), "en lista av objekt"),
    "json broken": ("ideer.json", b'[{"Rubrik": ', "inte giltig JSON"),
    "json huge number": ("ideer.json", b'[{"Id": ' + b"9" * 5000 + b"}]", "inte giltig JSON"),
    "json nested": ("ideer.json", b'[{"Rubrik": {"sv": "a"}}]', "skriv det som text"),
    "wrong kind": ("ideer.pdf", b"%PDF-1.4", "CSV-, XLSX- eller JSON-fil"),
    "only empty lines": ("ideer.csv", b"\n\n;;;\n", "inga rader"),
    "too many columns": (
        "ideer.csv",
        (",".join(f"k{i}" for i in range(61)) + "\n").encode(),
        "fler än 60 kolumner",
    ),
    "too many rows": (
        "ideer.csv",
        csv_file(*[ROW.replace("X-1", f"X-{i}") for i in range(20_001)]),
        "fler än 20000 rader",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_file_is_answered_next_to_the_field_and_nothing_is_stored(client, editor, case):
    name, content, message = BAD_FILES[case]
    response = upload(client, name, content)
    assert response.status_code == 400
    html = response.content.decode()
    field = html[html.index('<div class="field field-invalid">') :]
    assert message in field[: field.index("</div>\n", field.index("<ul class"))]
    assert not ImportJob.objects.exists()


def test_a_100_mb_file_is_refused_by_its_size(client, editor):
    started = time.monotonic()
    response = upload(client, "ideer.csv", b"a" * (100 * 1024 * 1024))
    assert response.status_code == 400
    assert "Filen är för stor (100 MB). Största tillåtna storlek är 20 MB." in response.content.decode()
    assert not ImportJob.objects.exists()
    assert time.monotonic() - started < 20


def test_a_million_empty_rows_end_the_data_quickly(client, editor):
    content = csv_file(ROW, ROW.replace("X-1", "X-2")) + b",,,,,,,,,,\n" * 1_000_000
    started = time.monotonic()
    response = upload(client, "ideer.csv", content)
    assert response.status_code == 302
    assert newest_job().total == 2
    assert time.monotonic() - started < 10


def test_a_sheet_of_empty_styled_rows_ends_the_data(client, editor):
    response = upload(client, "ideer.xlsx", xlsx(ROW.split(","), empty_styled_rows=5000))
    assert response.status_code == 302
    assert newest_job().rows == [[2, ROW.split(",")]]


def test_formulas_are_read_as_their_text_never_evaluated():
    content = xlsx(
        [
            "F-1",
            "2025-03-01",
            "=1+1",
            '=HYPERLINK("http://example.com","Klicka")',
            "Text",
            "Nacka",
            "Trygghet",
        ]
    )
    table = table_read(SimpleUploadedFile("ideer.xlsx", content))
    assert table.rows[0][1][2:4] == ["=1+1", '=HYPERLINK("http://example.com","Klicka")']


def test_both_csv_dialects_and_the_workbook_read_alike():
    utf8 = table_read(SimpleUploadedFile(CLEAN_CSV, sample(CLEAN_CSV)))
    excel = table_read(SimpleUploadedFile(EXCEL_CSV, sample(EXCEL_CSV)))
    workbook = table_read(SimpleUploadedFile(WITH_ERRORS_XLSX, sample(WITH_ERRORS_XLSX)))
    assert (utf8.encoding, excel.encoding) == ("utf-8", "windows-1252")
    assert utf8.header == excel.header == workbook.header == HEADER.split(",")
    assert utf8.rows == excel.rows
    assert len(workbook.rows) == 30
    assert workbook.rows[0] == utf8.rows[0]  # the workbook's real dates read as ISO dates


def test_json_list_of_ideas_with_a_list_of_tags():
    content = json.dumps(
        [
            {
                "id": 7,
                "rubrik": "Fler parkbänkar",
                "kommun": "0182",
                "taggar": ["parker", "bänkar"],
                "antal": 2.0,
            }
        ]
    ).encode()
    table = table_read(SimpleUploadedFile("ideer.json", content))
    assert table.header == ["id", "rubrik", "kommun", "taggar", "antal"]
    assert table.rows == [[2, ["7", "Fler parkbänkar", "0182", "parker, bänkar", "2"]]]
