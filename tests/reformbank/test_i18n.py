"""Swedish by default, English on request; the English catalog is complete, compiled and committed."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PO_FILE = LOCALE_DIR / "django.po"
MO_FILE = LOCALE_DIR / "django.mo"


def po_entries(path=PO_FILE):
    """The entries of a .po file as dicts: msgid, msgid_plural, msgstr (list), flags; the header and obsolete
    (#~) entries left out. Enough of the format for what makemessages writes."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry = {"msgid": None, "msgid_plural": None, "msgstr": {}, "flags": set(), "msgctxt": None}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif match := re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?) (\".*\")$", line):
                key, index, text = match.group(1), match.group(2), ast.literal_eval(match.group(3))
                if key.startswith("msgstr"):
                    key = ("msgstr", int(index or 0))
                    entry["msgstr"][key[1]] = text
                else:
                    entry[key] = text
            elif line.startswith('"') and key is not None:
                text = ast.literal_eval(line)
                if isinstance(key, tuple):
                    entry["msgstr"][key[1]] += text
                else:
                    entry[key] += text
        if entry["msgid"]:  # skips the header (msgid "") and comment-only blocks
            entry["msgstr"] = [entry["msgstr"][i] for i in sorted(entry["msgstr"])]
            entries.append(entry)
    return entries


@pytest.fixture(autouse=True)
def default_language():
    """A request leaves its language active in the thread; don't let English leak into the next test."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def idea(member, make_proposal):
    return make_proposal(member, title="Gratis läxhjälp på alla skolor")


def test_pages_are_swedish_by_default(client, idea):
    html = client.get(reverse("proposals:list")).content.decode()
    assert '<html lang="sv">' in html
    assert "Idéer i reformbanken" in html
    assert "Lämna en idé" in html
    assert "1 idé" in html
    assert "Ideas in the reform bank" not in html


def test_member_switches_to_english_and_back(client, idea):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/ideer/"})
    assert response.status_code == 302
    assert response.url == "/ideer/"

    html = client.get("/ideer/").content.decode()
    assert '<html lang="en">' in html
    assert "Ideas in the reform bank" in html
    assert "Submit an idea" in html
    assert "1 idea" in html  # plural forms: one idea
    assert "0 supporters" in html  # ... zero supporters
    assert "Idéer i reformbanken" not in html
    # What members wrote is not translated.
    assert "Gratis läxhjälp på alla skolor" in html

    detail = client.get(idea.get_absolute_url()).content.decode()
    assert "Status history" in detail
    assert "members support the idea" in detail

    client.post(reverse("set_language"), {"language": "sv", "next": "/ideer/"})
    html = client.get("/ideer/").content.decode()
    assert '<html lang="sv">' in html
    assert "Idéer i reformbanken" in html


def test_form_errors_from_python_are_translated(client, member, area, place):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    client.force_login(member)
    response = client.post(
        reverse("proposals:create"),
        {
            "title": "Cykelbanor",
            "summary": "S",
            "problem": "P",
            "body": "B",
            "places": [],
            "policy_area": area.pk,
        },
    )
    html = response.content.decode()
    assert "Choose at least one municipality, or the region." in html
    assert "Välj minst en kommun eller regionen." not in html


def test_server_error_page_follows_the_language():
    with translation.override("sv"):
        assert "Något gick fel" in render_to_string("500.html")
    with translation.override("en"):
        html = render_to_string("500.html")
    assert '<html lang="en">' in html
    assert "Something went wrong" in html


def test_every_english_entry_is_translated_and_not_fuzzy():
    entries = po_entries()
    assert len(entries) > 100
    untranslated = [e["msgid"] for e in entries if not e["msgstr"] or not all(e["msgstr"])]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []
    for entry in entries:
        if entry["msgid_plural"]:
            assert len(entry["msgstr"]) == 2, entry["msgid"]
        # Placeholders survive translation.
        names = set(re.findall(r"%\((\w+)\)s", entry["msgid"]))
        for text in entry["msgstr"]:
            assert set(re.findall(r"%\((\w+)\)s", text)) == names, entry["msgid"]


def test_compiled_catalog_holds_every_entry():
    """The committed .mo is compiled from the current .po (a fresh machine has no msgfmt to compile it)."""
    with MO_FILE.open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog
    for entry in po_entries():
        msgid = entry["msgid"] if entry["msgctxt"] is None else f"{entry['msgctxt']}\x04{entry['msgid']}"
        if entry["msgid_plural"]:
            for index, text in enumerate(entry["msgstr"]):
                assert catalog.get((msgid, index)) == text, entry["msgid"]
        else:
            assert catalog.get(msgid) == entry["msgstr"][0], entry["msgid"]


TRANSLATE_TAG_RE = r"""\{%\s*(?:translate|trans)\s+(["'])(.*?)\1(?:\s+as\s+\w+)?\s*%\}"""
GETTEXT_CALL_RE = r'\b_\(\s*"((?:[^"\\\n])*)"\s*\)'


def project_app_dirs():
    """The folders of the project's own apps (not those installed in the virtualenv)."""
    base = Path(settings.BASE_DIR).resolve()
    for app in apps.get_app_configs():
        path = Path(app.path).resolve()
        if not path.is_relative_to(base) or "site-packages" in path.parts:
            continue
        if not path.relative_to(base).parts[0].startswith("."):  # .venv and other hidden folders
            yield path


def test_marked_strings_are_in_the_catalog():
    """Simple marked strings in templates and app code are in the .po: run `make messages` after adding some.
    (Also catches _() inside f-strings, which xgettext cannot see.)"""
    msgids = {e["msgid"] for e in po_entries()}
    app_dirs = list(project_app_dirs())
    assert {path.name for path in app_dirs} >= {"places", "members", "proposals", "reformbank"}
    found = set()
    for folder in [Path(settings.BASE_DIR) / "templates", *(path / "templates" for path in app_dirs)]:
        for path in [*folder.rglob("*.html"), *folder.rglob("*.txt")]:
            text = path.read_text(encoding="utf-8")
            found.update((path.name, m.group(2)) for m in re.finditer(TRANSLATE_TAG_RE, text))
    for app_dir in app_dirs:
        for path in app_dir.rglob("*.py"):
            if "migrations" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            found.update((path.name, m.group(1)) for m in re.finditer(GETTEXT_CALL_RE, text))
    assert len(found) > 100
    missing = sorted(f"{name}: {msgid}" for name, msgid in found if msgid not in msgids)
    assert missing == []
