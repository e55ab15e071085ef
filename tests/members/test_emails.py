"""Account emails carry the site's name and link to the address the site is reached on, in both languages."""

import re

import pytest
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from tests.conftest import PASSWORD

GREETING = {"sv": "Hej från Reformbanken!", "en": "Hello from Reformbanken!"}
THANKS = {"sv": "Tack för att du använder Reformbanken!", "en": "Thank you for using Reformbanken!"}

# The worker runs outside the test's transaction, as in production: these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fresh_state():
    """Committed rate-limit counts would outlive the test; a request leaves its language active."""
    cache.clear()
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)


def links(message):
    return re.findall(r"https?://\S+", message.body)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_sign_up_verification_email_names_the_site_and_links_to_it(client, run_tasks, language):
    response = client.post(
        reverse("account_signup"),
        {"email": "ny@example.se", "password1": PASSWORD, "password2": PASSWORD, "display_name": "Nora Ny"},
        headers={"Accept-Language": language},
    )
    assert response.status_code == 302

    [message] = run_tasks()
    assert message.subject.startswith("[Reformbanken] ")
    assert GREETING[language] in message.body
    assert THANKS[language] in message.body
    assert "testserver" in message.body  # "... an account on testserver"
    [link] = links(message)
    assert link.startswith("http://testserver/konto/confirm-email/")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_password_reset_email_names_the_site_and_links_to_it(client, member, run_tasks, language):
    member.language = language  # the mail is in the member's language (tests/members/test_languages.py)
    member.save(update_fields=["language"])
    client.post(
        reverse("account_reset_password"), {"email": member.email}, headers={"Accept-Language": language}
    )

    [message] = run_tasks()
    assert message.subject.startswith("[Reformbanken] ")
    assert GREETING[language] in message.body
    assert THANKS[language] in message.body
    [link] = links(message)
    assert link.startswith("http://testserver/konto/password/reset/key/")


def test_behind_the_proxy_links_use_the_public_address(client, member, run_tasks, settings):
    settings.ALLOWED_HOSTS = ["reformbanken.example.se"]
    client.post(
        reverse("account_reset_password"),
        {"email": member.email},
        headers={"Host": "reformbanken.example.se", "X-Forwarded-Proto": "https"},
        secure=False,
    )
    [message] = run_tasks()
    [link] = links(message)
    assert link.startswith("https://reformbanken.example.se/konto/password/reset/key/")


def test_mail_sent_outside_a_request_links_to_site_url(unverified, run_tasks, settings):
    settings.SITE_URL = "http://127.0.0.1:8103/"
    EmailAddress.objects.get(user=unverified).send_confirmation()

    [message] = run_tasks()
    assert GREETING["sv"] in message.body
    assert "127.0.0.1:8103" in message.body
    [link] = links(message)
    assert link.startswith("http://127.0.0.1:8103/konto/confirm-email/")
    assert get_adapter().get_reset_password_from_key_url("3-abc") == (
        "http://127.0.0.1:8103/konto/password/reset/key/3-abc/"
    )
