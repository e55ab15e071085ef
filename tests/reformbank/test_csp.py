"""A strict Content-Security-Policy on every page: scripts and styles come only from the site's static files, so
no template may hold an inline script, an event handler attribute or a style attribute."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from agenda import services as agenda_services
from places.models import District

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
BASE = Path(settings.BASE_DIR)
# A <script> with content (one without src that is not a JSON data block), an on…= handler, a style attribute.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)


def policy_of(response) -> dict:
    header = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


def inline_code(html: str) -> list[str]:
    return [
        m.group(0)
        for pattern in (INLINE_SCRIPT, EVENT_HANDLER, STYLE_ATTRIBUTE)
        for m in pattern.finditer(html)
    ]


@pytest.fixture
def agenda(editor_lan):
    return agenda_services.agenda_create(
        title="Reformagenda för länet", district=District.objects.get(code="lan"), editor=editor_lan
    )


def test_pages_carry_the_policy(client, proposal, agenda, admin_user):
    urls = [
        "/",
        reverse("proposals:list"),
        reverse("proposals:list") + "?q=läxhjälp",
        proposal.get_absolute_url(),
        agenda.get_absolute_url(),
        reverse("account_login"),
        reverse("account_signup"),
        "/finns-inte/",
        "/ideer/?q=%00",
        reverse("admin:login"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in {200, 400, 404}, url
        assert policy_of(response) == POLICY, url


def test_pages_have_no_inline_code(client, member, proposal, agenda, editor_lan):
    client.force_login(editor_lan)
    urls = [
        "/",
        reverse("proposals:list") + "?q=läxhjälp",
        proposal.get_absolute_url(),
        reverse("proposals:create"),
        reverse("proposals:queue"),
        agenda.get_absolute_url(),
        reverse("agenda:narrative", args=[agenda.pk]),
        reverse("members:profile"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert inline_code(response.content.decode()) == [], url


def test_admin_pages_load_their_scripts_from_files(client, admin_user, proposal):
    client.force_login(admin_user)
    urls = [
        reverse("admin:index"),
        reverse("admin:proposals_proposal_changelist"),
        reverse("admin:proposals_proposal_change", args=[proposal.pk]),
        reverse("admin:members_user_changelist"),
        reverse("admin:members_user_change", args=[admin_user.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert policy_of(response) == POLICY, url
        assert "<script src=" in html, url
        assert inline_code(html) == [], url


def template_files():
    folders = [BASE / "templates", *BASE.glob("*/templates")]
    return sorted(path for folder in folders for path in folder.rglob("*.html"))


def test_templates_have_no_inline_code():
    files = template_files()
    assert len(files) > 20
    found = {str(path.relative_to(BASE)): inline_code(path.read_text(encoding="utf-8")) for path in files}
    assert {name: code for name, code in found.items() if code} == {}


def test_scripts_do_not_need_unsafe_inline_or_eval():
    for path in (BASE / "static" / "js").rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\beval\(|new Function\(|setAttribute\(\s*[\"']style|\.cssText\b", text), path
