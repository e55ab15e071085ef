"""Failed logins are limited per client and per account, also behind the TLS-terminating proxy."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from members.adapter import AccountAdapter
from tests.conftest import PASSWORD
from tests.reformbank.test_settings import PRODUCTION_ENV, manage

THROTTLED = "För många misslyckade inloggningsförsök"
PROXY = "127.0.0.1"  # the test client's REMOTE_ADDR


@pytest.fixture(autouse=True)
def empty_cache(db):
    """allauth counts the attempts in the cache; every test starts from none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY]


def log_in(client, email, password, forwarded_for=None):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return client.post(reverse("account_login"), {"login": email, "password": password}, headers=headers)


def fail_logins(client, count, *, email=None, forwarded_for=None):
    """`count` wrong passwords; a different unknown email each time unless `email` is given."""
    for i in range(count):
        response = log_in(
            client,
            email or f"gissning{i}@example.se",
            "fel-lösenord",
            forwarded_for(i) if callable(forwarded_for) else forwarded_for,
        )
        assert response.status_code == 200
        assert THROTTLED not in response.content.decode()


def test_behind_proxy_one_clients_failures_do_not_block_another_client(client, member, behind_proxy):
    fail_logins(client, 10, forwarded_for="203.0.113.7")
    assert THROTTLED in log_in(client, "gissning@example.se", "fel", "203.0.113.7").content.decode()

    response = log_in(client, member.email, PASSWORD, "198.51.100.9")
    assert response.status_code == 302


def test_behind_proxy_forged_entries_left_of_the_proxys_do_not_help(client, member, behind_proxy):
    # The client writes its own X-Forwarded-For; the proxy appends the address it saw (203.0.113.7).
    fail_logins(client, 10, forwarded_for=lambda i: f"10.0.0.{i}, 203.0.113.7")
    response = log_in(client, member.email, PASSWORD, "10.0.0.99, 203.0.113.7")
    assert THROTTLED in response.content.decode()


def test_behind_proxy_failures_for_one_account_from_many_clients_throttle_it(
    client, member, other_member, behind_proxy
):
    fail_logins(client, 5, email=member.email, forwarded_for=lambda i: f"203.0.113.{i + 1}")

    response = log_in(client, member.email, PASSWORD, "198.51.100.9")
    assert response.status_code == 200
    assert THROTTLED in response.content.decode()
    # Another account from the same clients is not affected.
    assert log_in(client, other_member.email, PASSWORD, "203.0.113.1").status_code == 302


def test_without_trusted_proxy_x_forwarded_for_is_ignored(client, member, settings):
    settings.TRUSTED_PROXIES = []
    fail_logins(client, 10, forwarded_for=lambda i: f"203.0.113.{i + 1}")

    response = log_in(client, member.email, PASSWORD, "198.51.100.9")
    assert response.status_code == 200
    assert THROTTLED in response.content.decode()


@pytest.mark.parametrize(
    ("proxies", "remote_addr", "forwarded_for", "client_ip"),
    [
        ([], "203.0.113.7", "198.51.100.1", "203.0.113.7"),
        (["127.0.0.1"], "127.0.0.1", "", "127.0.0.1"),
        (["127.0.0.1"], "127.0.0.1", "203.0.113.7", "203.0.113.7"),
        (["127.0.0.1"], "127.0.0.1", "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        (["127.0.0.1"], "203.0.113.7", "1.2.3.4", "203.0.113.7"),  # not through the proxy
        (["127.0.0.1", "10.0.0.0/8"], "127.0.0.1", "1.2.3.4, 203.0.113.7, 10.1.2.3", "203.0.113.7"),
        (["127.0.0.1"], "127.0.0.1", "203.0.113.7:51234", "203.0.113.7"),
        (["127.0.0.1"], "127.0.0.1", "[2001:db8::7]:443", "2001:db8::7"),
        (["::1"], "::1", "2001:db8::7", "2001:db8::7"),
        (["127.0.0.1"], "127.0.0.1", "1.2.3.4, unknown", "127.0.0.1"),
    ],
)
def test_client_ip(settings, proxies, remote_addr, forwarded_for, client_ip):
    settings.TRUSTED_PROXIES = proxies
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    request = RequestFactory().get("/", REMOTE_ADDR=remote_addr, headers=headers)
    assert AccountAdapter().get_client_ip(request) == client_ip


def test_a_malformed_trusted_proxy_stops_the_start():
    result = manage("check", env={**PRODUCTION_ENV, "DJANGO_TRUSTED_PROXIES": "proxy.example.se"})
    assert result.returncode != 0
    assert "DJANGO_TRUSTED_PROXIES" in result.stderr
