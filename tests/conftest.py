"""Personas and helpers shared by the suite. Everything runs against real PostgreSQL."""

import importlib

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core import mail
from django.core.management import call_command

from members.models import EditorRole, User
from places.models import District, Place
from proposals import services
from proposals.models import PolicyArea

PASSWORD = "ett-bra-lösenord-2026"
REFERENCE_DATA = [
    ("places.migrations.0002_county", "load_county"),
    ("proposals.migrations.0002_policy_areas", "seed_policy_areas"),
    ("places.migrations.0003_district_names_en", "name_districts_in_english"),
    ("proposals.migrations.0009_policy_area_names_en", "name_policy_areas_in_english"),
]


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Transactional tests (browser, task worker) empty the database when they end. Whatever test comes next
    gets the data migrations' districts, places and policy areas back."""
    marker = request.node.get_closest_marker("django_db")
    fixtures = set(request.fixturenames)
    if marker is None and not {"db", "transactional_db", "live_server"} & fixtures:
        return
    transactional = (marker and marker.kwargs.get("transaction")) or {
        "live_server",
        "transactional_db",
    } & fixtures
    request.getfixturevalue("transactional_db" if transactional else "db")
    if not Place.objects.exists():
        for module, function in REFERENCE_DATA:
            getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # Tests create many personas; the real hasher would spend a quarter second on each.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def role_matrix(roles, **expected):
    """Parametrise a permission test: one row per role, in the order of `roles`, with the expected status."""
    assert list(expected) == roles, "every role, in order"
    return pytest.mark.parametrize(("role", "expected"), list(expected.items()))


@pytest.fixture
def act_as(db, client, request):
    """Log the client in as the persona behind a role (the test module's PERSONA); None for anonymous.

    It asks for `db` up front: pytest-django creates the test database only for tests that need it at
    collection, so a persona fetched lazily in a test that did not would land in the development database.
    """

    def act_as(role):
        if role == "anonymous":
            return None
        user = request.getfixturevalue(request.module.PERSONA[role])
        client.force_login(user)
        return user

    return act_as


def make_user(email, *, verified=True, districts=(), admin=False, display_name=""):
    user = User.objects.create_user(
        email=email,
        password=PASSWORD,
        display_name=display_name or email.split("@")[0].title(),
        is_superuser=admin,
        is_staff=admin,
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    for code in districts:
        EditorRole.objects.create(user=user, district=District.objects.get(code=code))
    return user


@pytest.fixture
def member(db):
    return make_user("medlem@example.se", display_name="Maria Medlem")


@pytest.fixture
def other_member(db):
    return make_user("annan@example.se", display_name="Anders Annan")


@pytest.fixture
def unverified(db):
    return make_user("overifierad@example.se", verified=False)


@pytest.fixture
def editor_lan(db):
    return make_user("redaktor.lan@example.se", districts=["lan"], display_name="Lena Länsredaktör")


@pytest.fixture
def editor_stad(db):
    return make_user("redaktor.stad@example.se", districts=["stad"], display_name="Sami Stadsredaktör")


@pytest.fixture
def admin_user(db):
    return make_user("admin@example.se", admin=True, display_name="Ali Admin")


@pytest.fixture
def place(db):
    """A municipality of the county district (Nacka)."""
    return Place.objects.get(code="0182")


@pytest.fixture
def stockholm(db):
    """The city of Stockholm: the city district's only municipality."""
    return Place.objects.get(code="0180")


@pytest.fixture
def area(db):
    return PolicyArea.objects.get(slug="skola-och-utbildning")


@pytest.fixture
def make_proposal(db, area, place):
    def make(author, *, title="Gratis läxhjälp på alla skolor", places=None, tags=("läxhjälp",), **fields):
        data = {
            "summary": "Alla elever ska kunna få hjälp med läxorna efter skolan.",
            "problem": "Elever med föräldrar som inte kan hjälpa till halkar efter.",
            "body": "Kommunen anordnar **läxhjälp** varje eftermiddag på skolorna.",
            "policy_area": area,
        }
        data.update(fields)
        return services.proposal_create(
            author=author, title=title, places=places or [place], tags=tags, **data
        )

    return make


@pytest.fixture
def idea_data(area, place):
    """What a member types into the submit form (modules may override it)."""
    return {
        "title": "Fler cykelbanor till skolorna",
        "summary": "Säkra cykelvägar till alla skolor.",
        "problem": "Barn kan inte cykla tryggt till skolan.",
        "body": "Bygg separerade cykelbanor.",
        "places": [place.pk],
        "policy_area": area.pk,
        "tags": "cykel",
    }


@pytest.fixture
def proposal(member, make_proposal):
    """An idea by `member` about Nacka (county district)."""
    return make_proposal(member)


@pytest.fixture
def run_tasks():
    """Run the queued background tasks with the real database worker, as `manage.py db_worker` does."""

    def run():
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
        return mail.outbox

    return run
