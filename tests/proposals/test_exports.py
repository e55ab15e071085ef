"""Exports of the idea list, the search and the editors' queue as CSV, XLSX and JSON, driven through HTTP: the
same ideas in the same order as the page, every page, capped; formulas defused; who may download what."""

import csv
import io
import json
from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from places.models import Place
from proposals import exports, services
from proposals.models import PolicyArea, Proposal
from reformbank.spreadsheets import FORMULA_STARTS, spreadsheet_safe
from tests.conftest import role_matrix

HEADERS_SV = [
    "Id",
    "Länk",
    "Rubrik",
    "Sammanfattning",
    "Kommun eller region",
    "Distrikt",
    "Sakområde",
    "Taggar",
    "Status",
    "Styrelsens svar",
    "Stöd",
    "Kommentarer",
    "Skapad",
]


def body(response) -> bytes:
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content)


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = body(response)
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM: Swedish Excel reads UTF-8
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


def json_ids(response) -> list[int]:
    return [idea["id"] for idea in json.loads(body(response))["ideas"]]


def xlsx_sheets(response):
    assert response["Content-Type"] == exports.XLSX_TYPE
    workbook = load_workbook(io.BytesIO(body(response)))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook}


def export_url(fmt, name="proposals:export"):
    return reverse(name, args=[fmt])


@pytest.fixture
def bank(member, other_member, editor_lan, make_proposal, place, stockholm):
    """Three ideas, oldest first: Nacka (county), Stockholm (city, housing, answered), the region (both)."""
    housing = PolicyArea.objects.get(slug="bostader-och-stadsbyggnad")
    nacka = make_proposal(member, title="Läxhjälp i Nacka", places=[place], tags=["läxhjälp", "skola"])
    city = make_proposal(
        member,
        title="Hyresrätter i Stockholm",
        places=[stockholm],
        policy_area=housing,
        tags=["hyresrätter"],
        summary="Bygg fler hyresrätter; sänk hyran.\nFör alla.",
    )
    region = make_proposal(
        other_member, title="Billigare SL-kort", places=[Place.objects.get(code="01"), place], tags=["sl"]
    )
    services.proposal_support(proposal=nacka, member=other_member)
    return {"nacka": nacka, "stockholm": city, "region": region}


def test_csv_is_for_swedish_excel_with_every_column(client, bank, stockholm, settings):
    settings.SITE_URL = "https://reformbanken.example.se"
    response = client.get(export_url("csv"))
    assert response.streaming
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="reformbanken-ideer-{today}.csv"'
    rows = csv_rows(response)
    assert rows[0] == HEADERS_SV
    assert [row[2] for row in rows[1:]] == [
        "Billigare SL-kort",
        "Hyresrätter i Stockholm",
        "Läxhjälp i Nacka",
    ]
    region, city, nacka = rows[1:]
    assert region[4] == "Region Stockholm, Nacka"  # the region first, as on the card
    assert region[5] == "Stockholms läns partidistrikt, Stockholms stads partidistrikt"
    assert city[1] == f"https://reformbanken.example.se/ideer/{bank['stockholm'].pk}/"
    assert city[3] == "Bygg fler hyresrätter; sänk hyran.\nFör alla."  # the semicolon and newline survive
    assert city[4:8] == [
        "Stockholm",
        "Stockholms stads partidistrikt",
        "Bostäder och stadsbyggnad",
        "hyresrätter",
    ]
    assert nacka[0] == str(bank["nacka"].pk)
    assert nacka[7:] == [
        "läxhjälp, skola",
        "Ny",
        "",
        "1",
        "0",
        timezone.localtime(bank["nacka"].created_at).strftime("%Y-%m-%d %H:%M"),
    ]


def test_json_has_the_same_columns_as_data(client, bank, editor_lan, settings):
    services.proposal_status_change(proposal=bank["nacka"], editor=editor_lan, status="under_review")
    services.proposal_status_change(
        proposal=bank["nacka"], editor=editor_lan, status="answered", text="Vi tar upp det."
    )
    response = client.get(export_url("json"), {"place": "0182", "sort": "supported"})
    assert response["Content-Type"] == "application/json"
    data = json.loads(body(response))
    assert data["source"] == f"{settings.SITE_URL}/ideer/?place=0182&sort=supported"
    assert data["max_rows"] == 10_000
    assert data["truncated"] is False
    first = data["ideas"][0]
    assert first == {
        "id": bank["nacka"].pk,
        "link": f"{settings.SITE_URL}/ideer/{bank['nacka'].pk}/",
        "title": "Läxhjälp i Nacka",
        "summary": bank["nacka"].summary,
        "places": ["Nacka"],
        "districts": ["Stockholms läns partidistrikt"],
        "policy_area": "Skola och utbildning",
        "tags": ["läxhjälp", "skola"],
        "status": "answered",
        "status_label": "Besvarad",
        "answer": "Vi tar upp det.",
        "supports": 1,
        "comments": 0,
        "created": timezone.localtime(bank["nacka"].created_at).isoformat(timespec="seconds"),
    }
    assert [idea["title"] for idea in data["ideas"]] == ["Läxhjälp i Nacka", "Billigare SL-kort"]


def test_xlsx_holds_the_rows_and_says_what_it_is(client, bank):
    response = client.get(export_url("xlsx"), {"area": "skola-och-utbildning"})
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="reformbanken-ideer-{today}.xlsx"'
    sheets = xlsx_sheets(response)
    assert list(sheets) == ["Idéer", "Om filen"]
    ideas = sheets["Idéer"]
    assert ideas[0] == HEADERS_SV
    assert [row[2] for row in ideas[1:]] == ["Billigare SL-kort", "Läxhjälp i Nacka"]
    nacka = ideas[2]
    assert nacka[0] == bank["nacka"].pk and nacka[10] == 1  # numbers are numbers
    assert isinstance(nacka[12], datetime)
    assert nacka[12] == timezone.localtime(bank["nacka"].created_at).replace(tzinfo=None, microsecond=0)
    about = dict(row[:2] for row in sheets["Om filen"])
    assert about["Källa"] == "http://127.0.0.1:8000/ideer/?area=skola-och-utbildning"
    assert about["Högst"] == "10000 idéer per fil"
    assert "Obs!" not in about


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"sort": "supported"},
        {"place": "0182"},
        {"district": "stad"},
        {"area": "skola-och-utbildning", "sort": "commented"},
        {"tag": "sl"},
        {"supported": "on"},
        {"q": "hyresrätter"},
        {"q": "sl-kort läxhjälp nacka"},  # relaxed: no idea has every word
        {"q": "skola", "sort": "newest", "place": "0182"},
        {"q": "och"},  # no searchable word: the page is empty, so is the file
        {
            "place": "9999",
            "area": "nope",
            "tag": "??",
            "sort": "x",
            "status": "🙂",
            "author": "-1",
            "page": "z",
        },
    ],
)
def test_every_format_has_the_ideas_of_the_page_in_its_order(client, bank, params):
    page = client.get(reverse("proposals:list"), params)
    shown = [proposal.pk for proposal in page.context["page"]]
    assert json_ids(client.get(export_url("json"), params)) == shown
    assert [int(row[0]) for row in csv_rows(client.get(export_url("csv"), params))[1:]] == shown
    assert [row[0] for row in xlsx_sheets(client.get(export_url("xlsx"), params))["Idéer"][1:]] == shown


def test_export_has_every_page_of_the_list(client, member, make_proposal):
    for number in range(45):
        make_proposal(member, title=f"Idé {number}", tags=())
    page = client.get(reverse("proposals:list"), {"page": "2"})
    assert len(page.context["page"]) == 20
    titles = [row[2] for row in csv_rows(client.get(export_url("csv"), {"page": "2"}))[1:]]
    assert titles == [f"Idé {number}" for number in reversed(range(45))]


@pytest.mark.parametrize("params", [{}, {"q": "idé"}])
def test_export_is_capped_and_says_so(client, member, make_proposal, monkeypatch, params):
    monkeypatch.setattr(exports, "MAX_ROWS", 3)
    for number in range(5):
        make_proposal(member, title=f"Idé nummer {number}", tags=())
    data = json.loads(body(client.get(export_url("json"), params)))
    assert data["truncated"] is True and data["max_rows"] == 3
    assert len(data["ideas"]) == 3
    assert len(csv_rows(client.get(export_url("csv"), params))) == 4
    sheets = xlsx_sheets(client.get(export_url("xlsx"), params))
    assert len(sheets["Idéer"]) == 4
    about = dict(row[:2] for row in sheets["Om filen"])
    assert (
        about["Obs!"] == "Listan har fler idéer än så: filen har de första 3. Filtrera för att få med resten."
    )


FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\tflik", "\rretur"]


@pytest.mark.parametrize("text", FORMULAS)
def test_spreadsheet_cells_never_start_a_formula(client, member, make_proposal, text):
    # A title is one line (its form field refuses tabs and returns); a summary may start with either.
    make_proposal(member, title="Formeln i sammanfattningen", summary=text, tags=())
    make_proposal(member, title=text.strip() or "x", summary="Vanlig text.", tags=())
    csv_ideas = csv_rows(client.get(export_url("csv")))[1:]
    xlsx_ideas = xlsx_sheets(client.get(export_url("xlsx")))["Idéer"][1:]
    json_ideas = json.loads(body(client.get(export_url("json"))))["ideas"]
    assert csv_ideas[1][3] == f"'{text}"
    assert xlsx_ideas[1][3] == f"'{text}".replace("\r", "\n")  # XML reads a lone CR as a line break
    assert json_ideas[1]["summary"] == text  # JSON is data: the text as typed
    if text.strip()[0] in "=+-@":
        assert csv_ideas[0][2] == f"'{text.strip()}"
        assert xlsx_ideas[0][2] == f"'{text.strip()}"


@given(st.text())
def test_spreadsheet_safe_defuses_and_keeps_the_text(text):
    safe = spreadsheet_safe(text)
    assert not safe.startswith(FORMULA_STARTS)
    assert safe in (text, f"'{text}")
    assert (safe == text) == (not text.startswith(("=", "+", "-", "@", "\t", "\r")))
    # Through the CSV writer and reader the cell comes back as written.
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";").writerow([safe, "nästa"])
    assert next(csv.reader(io.StringIO(buffer.getvalue(), newline=""), delimiter=";")) == [safe, "nästa"]


def test_xlsx_drops_control_characters_it_cannot_hold(client, member, make_proposal):
    make_proposal(member, title="Kontrolltecken", summary="före\x0bmitt\x1befter", tags=())
    ideas = xlsx_sheets(client.get(export_url("xlsx")))["Idéer"]
    assert ideas[1][3] == "föremittefter"


@pytest.mark.parametrize("fmt", ["pdf", "CSV", "xls", "csv.exe"])
def test_unknown_format_is_404(client, bank, editor_lan, fmt):
    assert client.get(export_url(fmt)).status_code == 404
    client.force_login(editor_lan)
    assert client.get(export_url(fmt, "proposals:queue_export")).status_code == 404


def test_export_follows_the_readers_language(client, bank):
    response = client.get(export_url("csv"), headers={"accept-language": "en"})
    rows = csv_rows(response)
    assert rows[0][2] == "Title"
    assert rows[3][6] == "Schools and education"
    assert rows[3][8] == "New"


# --- Who may download what ------------------------------------------------------------------------------

ROLES = ["anonymous", "member", "editor_lan", "editor_stad", "admin"]
PERSONA = {
    "member": "member",
    "editor_lan": "editor_lan",
    "editor_stad": "editor_stad",
    "admin": "admin_user",
}
ALL_TITLES = ["Billigare SL-kort", "Hyresrätter i Stockholm", "Läxhjälp i Nacka"]


@role_matrix(ROLES, anonymous=200, member=200, editor_lan=200, editor_stad=200, admin=200)
@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_public_export(client, act_as, bank, role, expected, fmt):
    act_as(role)
    response = client.get(export_url(fmt))
    assert response.status_code == expected
    # Everyone gets the anonymous visitor's list, nothing more.
    if fmt == "json":
        assert [idea["title"] for idea in json.loads(body(response))["ideas"]] == ALL_TITLES
    elif fmt == "csv":
        assert [row[2] for row in csv_rows(response)[1:]] == ALL_TITLES
    else:
        assert [row[2] for row in xlsx_sheets(response)["Idéer"][1:]] == ALL_TITLES


QUEUE = {
    "editor_lan": ["Läxhjälp i Nacka", "Billigare SL-kort"],
    "editor_stad": ["Hyresrätter i Stockholm", "Billigare SL-kort"],
}


@role_matrix(ROLES, anonymous=302, member=403, editor_lan=200, editor_stad=200, admin=403)
@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_queue_export(client, act_as, bank, role, expected, fmt):
    act_as(role)
    response = client.get(export_url(fmt, "proposals:queue_export"))
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith(reverse("account_login"))
    if expected != 200:
        assert b"Billigare" not in response.content
        return
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    today = timezone.localdate().isoformat()
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="reformbanken-redaktionens-ko-{today}.{fmt}"'
    )
    if fmt == "json":
        titles = [idea["title"] for idea in json.loads(body(response))["ideas"]]
    elif fmt == "csv":
        titles = [row[2] for row in csv_rows(response)[1:]]
    else:
        titles = [row[2] for row in xlsx_sheets(response)["Idéer"][1:]]
    assert titles == QUEUE[role]  # the district's ideas, oldest first, as the queue shows them


def test_queue_export_keeps_the_status_tab(client, bank, editor_lan):
    services.proposal_status_change(proposal=bank["nacka"], editor=editor_lan, status="under_review")
    services.proposal_status_change(proposal=bank["nacka"], editor=editor_lan, status="selected")
    client.force_login(editor_lan)
    selected = json.loads(
        body(client.get(export_url("json", "proposals:queue_export"), {"status": "selected"}))
    )
    assert [idea["title"] for idea in selected["ideas"]] == ["Läxhjälp i Nacka"]
    assert selected["source"].endswith("/ideer/redaktion/?status=selected")
    unknown = client.get(export_url("json", "proposals:queue_export"), {"status": "\u200bnej"})
    assert [idea["title"] for idea in json.loads(body(unknown))["ideas"]] == ["Billigare SL-kort"]


# --- The download links ---------------------------------------------------------------------------------


def test_list_page_links_the_downloads_with_its_filters(client, bank):
    html = client.get(reverse("proposals:list"), {"place": "0182", "sort": "supported", "page": "1"}).content
    html = html.decode()
    for fmt in exports.FORMATS:
        assert f'href="/ideer/ladda-ner/{fmt}/?place=0182&amp;sort=supported" download' in html
    assert "Ladda ner:" in html and "högst 10\xa0000 idéer" in html


def test_empty_list_offers_no_download(client, bank):
    html = client.get(reverse("proposals:list"), {"q": "ordsomintefinns"}).content.decode()
    assert "Ladda ner:" not in html


def test_queue_page_links_its_downloads(client, bank, editor_stad):
    client.force_login(editor_stad)
    html = client.get(reverse("proposals:queue"), {"status": "new"}).content.decode()
    assert 'href="/ideer/redaktion/ladda-ner/xlsx/?status=new" download' in html


# --- Query counts ---------------------------------------------------------------------------------------


def many(member, make_proposal, count):
    for number in range(count):
        make_proposal(member, title=f"Skolidé {number}", tags=("skola", f"tagg-{number % 3}"))


@pytest.mark.parametrize("count", [1, 12])
@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_list_export_queries_do_not_grow_with_the_rows(
    client, member, make_proposal, django_assert_max_num_queries, count, fmt
):
    many(member, make_proposal, count)
    # Filter options: places, districts, areas; the ids; the places and their districts; per chunk of 500:
    # the ideas, their place links, their tags.
    with django_assert_max_num_queries(9):
        response = client.get(export_url(fmt))
        if fmt == "xlsx":
            titles = [row[2] for row in xlsx_sheets(response)["Idéer"][1:]]
        elif fmt == "csv":
            titles = [row[2] for row in csv_rows(response)[1:]]
        else:
            titles = [idea["title"] for idea in json.loads(body(response))["ideas"]]
    assert titles == [f"Skolidé {number}" for number in reversed(range(count))]


@pytest.mark.parametrize("count", [1, 12])
def test_search_export_queries_do_not_grow_with_the_rows(
    client, member, make_proposal, django_assert_max_num_queries, count
):
    many(member, make_proposal, count)
    # Filter options: places, districts, areas; the search: the synonyms and places its words name, the
    # vocabulary (read at most once a second), the bank's last change, the cache lookup, the ranked ids, and
    # storing them (five with the database cache); the places and their districts; per chunk: the ideas,
    # their place links, their tags.
    with django_assert_max_num_queries(18):
        ids = json_ids(client.get(export_url("json"), {"q": "skolidé"}))
    assert len(ids) == count


def test_each_chunk_costs_three_queries(
    client, member, make_proposal, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(exports, "CHUNK", 4)
    many(member, make_proposal, 9)
    # As above with three chunks: 3 + 1 + 2 + 3 × 3.
    with django_assert_num_queries(15):
        assert len(json_ids(client.get(export_url("json")))) == 9


def test_queue_export_queries_do_not_grow_with_the_rows(
    client, member, editor_lan, make_proposal, django_assert_max_num_queries
):
    many(member, make_proposal, 12)
    client.force_login(editor_lan)
    # Session, user, viewer; the ids; the places and their districts; the ideas, place links, tags.
    with django_assert_max_num_queries(9):
        assert len(json_ids(client.get(export_url("json", "proposals:queue_export")))) == 12


def test_deleted_idea_is_left_out_of_a_running_export(client, bank):
    response = client.get(export_url("json"))
    Proposal.objects.filter(pk=bank["stockholm"].pk).delete()  # after the ids, before the rows
    assert [idea["title"] for idea in json.loads(body(response))["ideas"]] == [
        "Billigare SL-kort",
        "Läxhjälp i Nacka",
    ]
