"""Both languages, completely: a member's language is kept on their account; notifications are rendered and
emails written in the reader's language, whatever language the member who caused them used."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation

from agenda.models import Amendment
from members.models import Notification, User
from members.notifications import UnknownNotification
from members.services import notification_create
from tests.conftest import PASSWORD


@pytest.fixture(autouse=True)
def default_language():
    """A request leaves its language active in the thread; don't let English leak into the next test."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def switch_language(client, language):
    response = client.post(reverse("set_language"), {"language": language, "next": "/"})
    assert response.status_code == 302


# The member's language


def test_sign_up_keeps_the_language_the_page_was_read_in(client, db):
    switch_language(client, "en")
    response = client.post(
        reverse("account_signup"),
        {"email": "ny@example.se", "password1": PASSWORD, "password2": PASSWORD, "display_name": "Nora Ny"},
    )
    assert response.status_code == 302
    assert User.objects.get(email="ny@example.se").language == "en"


def test_sign_up_in_swedish_keeps_swedish(client, db):
    client.post(
        reverse("account_signup"),
        {"email": "ny@example.se", "password1": PASSWORD, "password2": PASSWORD, "display_name": "Nora Ny"},
    )
    assert User.objects.get(email="ny@example.se").language == "sv"


def test_language_switch_is_kept_on_the_members_account(client, member):
    client.force_login(member)
    switch_language(client, "en")
    member.refresh_from_db()
    assert member.language == "en"
    switch_language(client, "sv")
    member.refresh_from_db()
    assert member.language == "sv"


def test_language_switch_with_an_unknown_language_changes_nothing(client, member):
    client.force_login(member)
    client.post(reverse("set_language"), {"language": "de", "next": "/"})
    member.refresh_from_db()
    assert member.language == "sv"


def test_profile_form_sets_the_language_and_switches_the_site(client, member):
    client.force_login(member)
    html = client.get(reverse("members:profile")).content.decode()
    assert 'name="language"' in html and "Språk" in html
    response = client.post(
        reverse("members:profile"), {"display_name": "Maria Medlem", "home_place": "", "language": "en"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.language == "en"
    html = client.get(response.url).content.decode()
    assert '<html lang="en">' in html
    assert "Your profile has been saved." in html  # the confirmation in the language just chosen


def test_signing_in_switches_the_site_to_the_members_language(client, member):
    member.language = "en"
    member.save(update_fields=["language"])
    assert '<html lang="sv">' in client.get(reverse("account_login")).content.decode()
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    html = client.get(response.url).content.decode()
    assert '<html lang="en">' in html  # on this device too, without switching again


def test_profile_form_refuses_an_unknown_language(client, member):
    client.force_login(member)
    response = client.post(
        reverse("members:profile"), {"display_name": "Maria Medlem", "home_place": "", "language": "de"}
    )
    assert response.status_code == 200
    assert "language" in response.context["form"].errors
    member.refresh_from_db()
    assert member.language == "sv"


# Notifications: stored as a kind and its parameters, rendered in the reader's language


def amendment_answered(member):
    with translation.override("sv"):  # the editor answers in Swedish
        return notification_create(
            user=member,
            kind="amendment_answered",
            params={"agenda": "Reformagenda för länet", "decision": Amendment.Decision.ACCEPTED.label},
            url="/agenda/1/yrkanden/#yrkande-1",
        )


def test_notification_keeps_its_kind_and_parameters_not_a_text(member):
    with translation.override("en"):  # whatever the language of the one who caused it
        notification = notification_create(
            user=member,
            kind="amendment_answered",
            params={"agenda": "Reformagenda för länet", "decision": Amendment.Decision.REJECTED.label},
        )
    notification.refresh_from_db()
    assert notification.kind == "amendment_answered"
    assert notification.params == {"agenda": "Reformagenda för länet", "decision": "Avslaget"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "Ditt ändringsyrkande på ”Reformagenda för länet” är besvarat: Bifallet"),
        ("en", "Your amendment to “Reformagenda för länet” has been answered: Accepted"),
    ],
)
def test_notifications_page_shows_them_in_the_readers_language(client, member, language, text):
    amendment_answered(member)
    notification_create(user=member, kind="legacy", params={"text": "En gammal notis"})
    client.force_login(member)
    switch_language(client, language)
    html = client.get(reverse("members:notifications")).content.decode()
    assert text in html
    assert "En gammal notis" in html  # saved before notifications had kinds: shown as written


def test_unknown_kind_or_missing_parameter_is_refused(member):
    with pytest.raises(UnknownNotification):
        notification_create(user=member, kind="no_such_kind", params={})
    with pytest.raises(UnknownNotification):
        notification_create(user=member, kind="amendment_answered", params={"agenda": "Agendan"})
    assert not Notification.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_migration_keeps_the_text_of_existing_notifications(client, member):
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()  # every app: going back undoes the apps above members
    executor.migrate([("members", "0002_notification")])
    old_apps = MigrationExecutor(connection).loader.project_state([("members", "0002_notification")]).apps
    old_apps.get_model("members", "Notification").objects.create(
        user_id=member.pk, message="Ditt ändringsyrkande är besvarat: Bifallet", url="/agenda/"
    )
    MigrationExecutor(connection).migrate(latest)

    notification = Notification.objects.get()
    assert notification.kind == "legacy"
    assert notification.params == {"text": "Ditt ändringsyrkande är besvarat: Bifallet"}
    with translation.override("en"):
        assert notification.text == "Ditt ändringsyrkande är besvarat: Bifallet"


# Emails in the recipient's language


def decide(client, proposal, status, text=""):
    response = client.post(reverse("proposals:status", args=[proposal.pk]), {"status": status, "text": text})
    assert response.status_code == 302


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("author_language", "editor_language", "subject", "greeting"),
    [
        (
            "en",
            "sv",
            "[Reformbanken] Your idea “Gratis läxhjälp på alla skolor” now has the status: Answered",
            "Hello!",
        ),
        (
            "sv",
            "en",
            "[Reformbanken] Din idé ”Gratis läxhjälp på alla skolor” har nu status: Besvarad",
            "Hej!",
        ),
    ],
)
def test_status_email_is_in_the_authors_language_not_the_editors(
    client, member, editor_lan, make_proposal, run_tasks, author_language, editor_language, subject, greeting
):
    member.language = author_language
    member.save(update_fields=["language"])
    proposal = make_proposal(member)
    client.force_login(editor_lan)
    switch_language(client, editor_language)
    decide(client, proposal, "under_review")
    decide(client, proposal, "answered", "Vi tar med idén i agendan.")

    [message] = [m for m in run_tasks() if m.to == [member.email]]
    assert message.subject == subject
    assert greeting in message.body
    assert "Vi tar med idén i agendan." in message.body


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("member_language", "page_language", "greeting"),
    [("en", "sv", "Hello from Reformbanken!"), ("sv", "en", "Hej från Reformbanken!")],
)
def test_password_reset_email_is_in_the_members_language(
    client, member, run_tasks, member_language, page_language, greeting
):
    member.language = member_language
    member.save(update_fields=["language"])
    switch_language(client, page_language)
    client.post(reverse("account_reset_password"), {"email": member.email.upper()})
    [message] = run_tasks()
    assert greeting in message.body


# Names kept in both languages: policy areas and districts (municipalities are proper nouns)


@pytest.mark.parametrize(
    ("language", "shown", "not_shown"),
    [
        ("sv", ["Skola och utbildning", "Stockholms läns partidistrikt", "Under beredning"], ["Schools"]),
        ("en", ["Schools and education", "Stockholm County party district", "Under review"], ["Skola och"]),
    ],
)
def test_list_filters_and_cards_name_areas_districts_and_statuses_in_the_language(
    client, member, make_proposal, language, shown, not_shown
):
    make_proposal(member)
    switch_language(client, language)
    html = client.get(reverse("proposals:list")).content.decode()
    for text in shown:
        assert text in html
    for text in not_shown:
        assert text not in html
    assert "Nacka" in html  # the same in both


def test_idea_page_names_its_policy_area_in_english(client, member, make_proposal):
    idea = make_proposal(member)
    switch_language(client, "en")
    html = client.get(idea.get_absolute_url()).content.decode()
    assert ">Schools and education</a>" in html
    switch_language(client, "sv")
    assert ">Skola och utbildning</a>" in client.get(idea.get_absolute_url()).content.decode()


def test_roles_page_names_the_boards_in_english(client, admin_user, member):
    client.force_login(admin_user)
    switch_language(client, "en")
    html = client.get(reverse("members:roles")).content.decode()
    assert "County district" in html and "City district" in html
    assert "Länsdistriktet" not in html


def test_an_area_without_an_english_name_shows_its_swedish_one(client, member, make_proposal, area):
    area.name_en = ""
    area.save()
    make_proposal(member)
    switch_language(client, "en")
    assert "Skola och utbildning" in client.get(reverse("proposals:list")).content.decode()


# The Swedish admin speaks Swedish


@pytest.mark.parametrize(
    ("url", "headers"),
    [
        ("admin:proposals_proposal_changelist", ["Rubrik", "Författare", "Sakområde", "Stöd", "Skapad"]),
        ("admin:proposals_comment_changelist", ["Idé", "Författare", "Skapad", "Dold"]),
        ("admin:proposals_policyarea_changelist", ["Namn", "Namn på engelska", "Ordning", "Aktiv"]),
        ("admin:places_district_changelist", ["Namn", "Kortnamn på engelska"]),
        ("admin:members_user_changelist", ["E-postadress", "Visningsnamn", "Hemkommun", "Språk"]),
    ],
)
def test_admin_column_headers_are_swedish(client, admin_user, member, make_proposal, url, headers):
    idea = make_proposal(member)
    idea.comments.create(author=member, body="Bra idé!")
    client.force_login(admin_user)
    html = client.get(reverse(url)).content.decode()
    thead = html.split("<thead>")[1].split("</thead>")[0]
    columns = re.findall(r'<div class="text">(?:<a[^>]*>|<span>)([^<]+)<', thead)
    for header in headers:
        assert header in columns, (header, columns)
    for english in ("Support count", "Created at", "Hidden at", "Proposal", "Author", "Name en", "Language"):
        assert english not in columns


def test_admin_idea_page_has_swedish_labels(client, admin_user, member, make_proposal, editor_lan):
    idea = make_proposal(member)
    idea.status_changes.create(from_status="new", to_status="under_review", changed_by=editor_lan)
    client.force_login(admin_user)
    html = client.get(reverse("admin:proposals_proposal_change", args=[idea.pk])).content.decode()
    for label in ("Stöd", "Kommentarer", "Ändrad", "Senast aktiv", "Från status", "Till status", "Ändrad av"):
        assert label in html, label
    for english in ("Support count", "Last activity at", "From status", "Changed by"):
        assert english not in html, english
    comment = idea.comments.create(author=member, body="Bra idé!")
    html = client.get(reverse("admin:proposals_comment_change", args=[comment.pk])).content.decode()
    assert ">Idé:</label>" in html and ">Dold av:</label>" in html
