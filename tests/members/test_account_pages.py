"""The account pages in Swedish: allauth's texts as the project corrects them, labels without colons, and the
403 page telling each visitor what they can do about it."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.urls import include, path, reverse

ACCOUNT_PAGES = ["account_login", "account_signup", "account_reset_password"]


def main(html):
    return html[html.index("<main") : html.index("</main>")]


def test_login_page_invites_to_sign_up(client, db):
    html = main(client.get(reverse("account_login")).content.decode())
    link = re.search(r"Har du inget konto än\?\s*<a href=\"([^\"]+)\">\s*Skapa ett\s*</a>", html)
    assert link and link.group(1) == reverse("account_signup")
    assert "Har du redan ett konto" not in html


def test_signup_page_invites_to_log_in(client, db):
    html = main(client.get(reverse("account_signup")).content.decode())
    assert "Har du redan ett konto?" in html


@pytest.mark.parametrize("url_name", ACCOUNT_PAGES)
def test_account_forms_spell_e_post_and_use_no_colons(client, db, url_name):
    html = main(client.get(reverse(url_name)).content.decode())
    assert "E-postadress" in html
    assert "Epost" not in html and "epost" not in html
    labels = re.findall(r"<label[^>]*>(.*?)</label>", html, re.S)
    assert labels
    assert not [label for label in labels if label.strip().endswith(":")]


def test_password_reset_text_is_corrected(client, db):
    html = main(client.get(reverse("account_reset_password")).content.decode())
    assert "Ange din e-postadress nedan" in html


def forbidden(request):
    raise PermissionDenied


urlpatterns = [path("forbjuden/", forbidden), path("", include("reformbank.urls"))]


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize(
    ("persona", "says", "not_says"),
    [
        (None, "Logga in", "Verifiera din e-postadress"),
        ("unverified", "Verifiera din e-postadress", "inte behörighet"),
        ("member", "inte behörighet", "Verifiera din e-postadress"),
        ("editor_lan", "inte behörighet", "Verifiera din e-postadress"),
    ],
)
def test_403_page_says_what_the_visitor_can_do(client, db, request, persona, says, not_says):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    response = client.get("/forbjuden/")
    assert response.status_code == 403
    html = main(response.content.decode())
    assert says in html
    assert not_says not in html
