"""Accounts: sign up, verify the email through the sent message, profile, password reset, roles page."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from members.models import EditorRole, User
from places.models import District, Place
from tests.conftest import PASSWORD


# The worker runs outside the test's transaction, as in production: these tests commit for real.
@pytest.mark.django_db(transaction=True)
def test_sign_up_and_verify_email(client, run_tasks):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "ny@example.se",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Nora Ny",
            "home_place": Place.objects.get(code="0180").pk,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="ny@example.se")
    assert user.display_name == "Nora Ny"
    assert user.home_place.name == "Stockholm"
    assert not EmailAddress.objects.get(user=user).verified
    # Not verified: cannot submit.
    client.force_login(user)
    assert client.get(reverse("proposals:create")).status_code == 403

    outbox = run_tasks()
    assert len(outbox) == 1
    assert outbox[0].to == ["ny@example.se"]
    link = re.search(r"https?://[^/\s]+(/konto/confirm-email/[^\s]+/)", outbox[0].body).group(1)
    client.post(link)
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("proposals:create")).status_code == 200


def test_sign_up_errors_keep_input(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "inte-en-adress",
            "password1": "kort",
            "password2": "annan",
            "display_name": "Nora Ny",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Nora Ny"' in html
    assert 'value="inte-en-adress"' in html


@pytest.mark.django_db(transaction=True)
def test_password_reset_mail_is_sent_by_the_worker(client, member, run_tasks):
    client.post(reverse("account_reset_password"), {"email": member.email})
    outbox = run_tasks()
    assert [m.to for m in outbox] == [[member.email]]
    assert "/konto/password/reset/key/" in outbox[0].body


def test_login_with_email(client, member):
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("proposals:mine")).status_code == 200


def test_profile_update(client, member):
    client.force_login(member)
    nacka = Place.objects.get(code="0182")
    response = client.post(reverse("members:profile"), {"display_name": "Maria M", "home_place": nacka.pk})
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.display_name, member.home_place) == ("Maria M", nacka)
    response = client.post(reverse("members:profile"), {"display_name": "", "home_place": "999999"})
    assert "Detta fält måste fyllas i" in response.content.decode()


def test_admin_grants_and_revokes_editor_roles(client, admin_user, member, django_assert_max_num_queries):
    client.force_login(admin_user)
    with django_assert_max_num_queries(9):
        assert member.email in client.get(reverse("members:roles")).content.decode()
    lan, stad = District.objects.get(code="lan"), District.objects.get(code="stad")
    url = reverse("members:roles_update", args=[member.pk])
    client.post(url, {"districts": [lan.pk, stad.pk]})
    assert set(EditorRole.objects.filter(user=member).values_list("district__code", flat=True)) == {
        "lan",
        "stad",
    }
    client.post(url, {"districts": [stad.pk], "is_admin": "on"})
    member.refresh_from_db()
    assert list(EditorRole.objects.filter(user=member).values_list("district__code", flat=True)) == ["stad"]
    assert member.is_superuser
    response = client.post(url, {"districts": ["999"]}, follow=True)
    assert "Rollerna kunde inte sparas" in response.content.decode()


def test_admin_cannot_remove_own_admin_role(client, admin_user):
    client.force_login(admin_user)
    client.post(reverse("members:roles_update", args=[admin_user.pk]), {})
    admin_user.refresh_from_db()
    assert admin_user.is_superuser


@pytest.mark.django_db(transaction=True)
def test_email_change_takes_effect_after_verification(client, member, run_tasks):
    client.force_login(member)
    response = client.post(reverse("account_email"), {"action_add": "", "email": "nytt@example.se"})
    assert response.status_code == 302
    assert User.objects.get(pk=member.pk).email == "medlem@example.se"
    link = re.search(r"https?://[^/\s]+(/konto/confirm-email/[^\s]+/)", run_tasks()[-1].body).group(1)
    client.post(link)
    assert User.objects.get(pk=member.pk).email == "nytt@example.se"
    assert list(EmailAddress.objects.filter(user=member).values_list("email", "verified", "primary")) == [
        ("nytt@example.se", True, True)
    ]


def test_logout(client, member):
    client.force_login(member)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert client.get(reverse("proposals:mine")).status_code == 302


def test_sign_up_with_an_over_long_email_is_refused_whole(client, db):
    email = "a" * 300 + "@example.se"  # under the form field's 320, over the 254 the tables hold
    nacka = Place.objects.get(code="0182")
    response = client.post(
        reverse("account_signup"),
        {
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Nora Ny",
            "home_place": nacka.pk,
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["email"]
    assert "som mest 254 tecken" in form.errors["email"][0]
    html = response.content.decode()
    assert "som mest 254 tecken" in html
    assert 'value="Nora Ny"' in html
    assert f'<option value="{nacka.pk}" selected>' in html
    assert not User.objects.exists()
    assert not EmailAddress.objects.exists()


def test_sign_up_is_all_or_nothing(client, db, monkeypatch):
    """Should the profile fail after the user row is written, the row goes too."""

    def fail(**kwargs):
        raise RuntimeError("profile")

    monkeypatch.setattr("members.forms.member_profile_update", fail)
    client.raise_request_exception = False
    response = client.post(
        reverse("account_signup"),
        {"email": "ny@example.se", "password1": PASSWORD, "password2": PASSWORD, "display_name": "Nora Ny"},
    )
    assert response.status_code == 500
    assert not User.objects.filter(email="ny@example.se").exists()


def test_adding_an_over_long_email_is_refused(client, member):
    client.force_login(member)
    response = client.post(reverse("account_email"), {"action_add": "", "email": "a" * 300 + "@example.se"})
    assert response.status_code == 200
    assert "som mest 254 tecken" in response.content.decode()
    assert list(EmailAddress.objects.filter(user=member).values_list("email", flat=True)) == [member.email]
