"""Recording where an idea stands in a municipality: the history, bad input, and two people at once."""

from datetime import date

import pytest
from django.urls import reverse

from practice import services
from practice.models import Implementation, ImplementationChange
from tests.parallel import client_for, parallel, parallel_posts


def url(proposal, place):
    return reverse("practice:implementation", args=[proposal.pk, place.code])


@pytest.fixture
def form():
    return {
        "state": "trial",
        "happened_on": "2026-02-01",
        "outcome": "Försök på sex skolor.\nOmkring 240 elever i veckan.",
        "link": "https://www.nacka.se/beslut/123",
        "base_revision": 0,
    }


def test_recording_keeps_every_change_as_history(client, proposal, place, rep_nacka, editor_lan, form):
    client.force_login(rep_nacka)
    assert client.post(url(proposal, place), form).status_code == 302
    client.force_login(editor_lan)
    page = client.get(url(proposal, place)).content.decode()
    assert 'name="base_revision" value="1"' in page and "Försök på sex skolor." in page
    later = {
        **form,
        "state": "evaluated",
        "happened_on": "2026-11-01",
        "outcome": "Fler klarade nian.",
        "base_revision": 1,
    }
    response = client.post(url(proposal, place), later)
    assert response.status_code == 302 and response["Location"].endswith("#i-praktiken")

    implementation = Implementation.objects.get()
    assert (implementation.state, implementation.revision, implementation.recorded_by) == (
        "evaluated",
        2,
        editor_lan,
    )
    assert list(implementation.changes.values_list("revision", "state", "recorded_by__email")) == [
        (2, "evaluated", "redaktor.lan@example.se"),
        (1, "trial", "rep.nacka@example.se"),
    ]
    history = client.get(url(proposal, place)).content.decode()
    assert "Försök på sex skolor." in history and "Fler klarade nian." in history
    assert "Nora Nackaledamot" in history and "Lena Länsredaktör" in history

    idea = client.get(proposal.get_absolute_url()).content.decode()
    assert (
        "Utvärderad" in idea and "Fler klarade nian." in idea and "Registrerat av Lena Länsredaktör" in idea
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("state", "done", "Välj ett giltigt alternativ"),
        ("happened_on", "99999-01-01", "Fyll i ett giltigt datum"),
        ("happened_on", "1900-01-01", "Ange ett datum mellan 1970 och fem år framåt"),
        ("link", "javascript:alert(1)", "Fyll i en giltig URL"),
        ("link", "https://example.se/" + "a" * 600, "som mest 500 tecken"),
        ("outcome", "x" * 1300, "som mest 1200 tecken"),
        ("base_revision", "99999999999999999999", "Formuläret är trasigt"),
    ],
)
def test_bad_input_is_a_field_error_and_keeps_the_text(
    client, proposal, place, rep_nacka, form, field, value, message
):
    client.force_login(rep_nacka)
    response = client.post(url(proposal, place), {**form, field: value})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Omkring 240 elever i veckan." in page or field == "outcome"
    assert not Implementation.objects.exists()


def test_control_characters_are_refused(client, proposal, place, rep_nacka, form):
    client.force_login(rep_nacka)
    response = client.post(url(proposal, place), {**form, "outcome": "Bra\x00"})
    assert response.status_code == 400
    assert not Implementation.objects.exists()


def test_unknown_place_or_idea_is_404(client, proposal, rep_parliament, form):
    client.force_login(rep_parliament)
    assert (
        client.post(reverse("practice:implementation", args=[proposal.pk, "9999"]), form).status_code == 404
    )
    assert client.post(reverse("practice:implementation", args=[987654, "0182"]), form).status_code == 404
    chooser = reverse("practice:implementation_choose", args=[proposal.pk])
    assert client.get(chooser, {"plats": "9999"}).status_code == 400
    assert client.get(chooser, {"plats": "0182"})["Location"] == reverse(
        "practice:implementation", args=[proposal.pk, "0182"]
    )


def test_recording_on_top_of_a_changed_state_is_refused_with_the_text_kept(
    client, proposal, place, rep_nacka, editor_lan, form
):
    services.implementation_record(
        proposal=proposal, place=place, recorded_by=editor_lan, state="proposed", happened_on=date(2026, 1, 5)
    )
    client.force_login(rep_nacka)
    stale = {**form, "base_revision": 0, "outcome": "Mitt eget utfall."}
    response = client.post(url(proposal, place), stale)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Någon annan har registrerat läget i Nacka" in page and "Mitt eget utfall." in page
    # The form now builds on the newest state: sending it again records on top of it.
    assert 'name="base_revision" value="1"' in page
    assert Implementation.objects.get().state == "proposed"
    assert client.post(url(proposal, place), {**stale, "base_revision": 1}).status_code == 302
    assert Implementation.objects.get().state == "trial"


@pytest.mark.django_db(transaction=True)
def test_double_click_records_once(proposal, place, rep_nacka, form):
    key = "0b6c2f7e-4a55-4a8e-9c59-5b1d2f7c1a11"
    responses = parallel_posts(rep_nacka, url(proposal, place), {**form, "submission_key": key}, times=3)
    assert [r.status_code for r in responses] == [302, 302, 302]
    assert ImplementationChange.objects.count() == 1
    assert Implementation.objects.get().revision == 1


@pytest.mark.django_db(transaction=True)
def test_two_people_recording_at_once_one_wins_the_other_sees_it(
    proposal, place, rep_nacka, editor_lan, form
):
    one = client_for(rep_nacka)
    other = client_for(editor_lan)

    responses = parallel(
        [
            lambda: one.post(url(proposal, place), {**form, "state": "decided"}),
            lambda: other.post(url(proposal, place), {**form, "state": "trial"}),
        ]
    )
    assert sorted(r.status_code for r in responses) == [302, 409]
    implementation = Implementation.objects.get()
    assert implementation.revision == 1 and implementation.changes.count() == 1
    winner = "decided" if responses[0].status_code == 302 else "trial"
    assert implementation.state == winner
