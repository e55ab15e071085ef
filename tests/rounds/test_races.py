"""Requests at the same moment on separate database connections (tests/parallel.py): a submission racing with
"close now" lands in the round or is refused, never half; a double-click makes one idea; two rounds with the same
theme get two slugs."""

import re
import threading

import psycopg
import pytest
from django.db import connection, connections
from django.urls import reverse

from places.models import District
from proposals.models import Proposal
from proposals.search import language_resources_load
from rounds.models import Round, RoundIdea
from tests.parallel import client_for, parallel, parallel_posts

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _word_lists_loaded():
    """Load the search's word lists up front, as a server process does at start (reformbank/wsgi.py): else the
    first submission in this process loads them while it holds the round's lock, and on a busy machine the
    racing request may wait longer than tests.parallel allows."""
    language_resources_load()


def form_key(html: str) -> str:
    return re.search(r'name="submission_key" value="([0-9a-f-]{36})"', html).group(1)


def test_submission_racing_with_close_lands_in_the_round_or_is_refused(
    member, editor_lan, make_round, idea_data
):
    outcomes = set()
    for attempt in range(4):
        round_ = make_round(f"Trygghet i förorten {attempt}")
        submit_url = reverse("rounds:submit", args=[round_.slug])
        close_url = reverse("rounds:close", args=[round_.slug])
        author, editor = client_for(member), client_for(editor_lan)
        data = idea_data | {"title": f"Fler fältassistenter, försök {attempt}"}
        submitted, closed = parallel(
            [
                lambda a=author, u=submit_url, d=data: a.post(u, d),
                lambda e=editor, u=close_url: e.post(u),
            ]
        )
        assert closed.status_code == 302
        round_.refresh_from_db()
        assert round_.closed_at is not None
        ideas = Proposal.objects.filter(title=data["title"])
        if submitted.status_code == 302:
            outcomes.add("landed")
            assert RoundIdea.objects.get(proposal=ideas.get()).round == round_
        else:
            outcomes.add("refused")
            assert submitted.status_code == 409
            assert "stängd" in submitted.content.decode()
            assert data["title"] in submitted.content.decode()  # what was typed is kept
            assert not ideas.exists()
        # Never half: every idea submitted here belongs to its round.
        assert Proposal.objects.count() == RoundIdea.objects.count()
    assert outcomes <= {"landed", "refused"}


def test_double_click_on_round_submit_makes_one_idea(member, open_round, idea_data):
    url = reverse("rounds:submit", args=[open_round.slug])
    key = form_key(client_for(member).get(url).content.decode())
    responses = parallel_posts(member, url, idea_data | {"submission_key": key}, times=3)
    proposal = Proposal.objects.get()
    assert [r.status_code for r in responses] == [302, 302, 302]
    assert {r.url for r in responses} == {proposal.get_absolute_url()}
    assert RoundIdea.objects.get().proposal == proposal


def test_the_same_form_sent_after_the_close_finds_the_idea_it_made(member, editor_lan, open_round, idea_data):
    url = reverse("rounds:submit", args=[open_round.slug])
    author = client_for(member)
    data = idea_data | {"submission_key": form_key(author.get(url).content.decode())}
    first = author.post(url, data)
    client_for(editor_lan).post(reverse("rounds:close", args=[open_round.slug]))
    again = author.post(url, data)
    assert first.url == again.url == Proposal.objects.get().get_absolute_url()
    assert RoundIdea.objects.count() == 1


def test_two_rounds_with_the_same_theme_at_once_get_their_own_slugs(editor_lan, editor_stad, lan):
    data = {
        "title": "Trygghet i förorten",
        "description": "Idéer om trygghet.",
        "opens_on": "2026-01-01",
        "closes_on": "2099-12-31",
    }
    stad = District.objects.get(code="stad")
    responses = parallel(
        [
            lambda: client_for(editor_lan).post(reverse("rounds:create"), data | {"district": lan.pk}),
            lambda: client_for(editor_stad).post(reverse("rounds:create"), data | {"district": stad.pk}),
        ]
    )
    assert [r.status_code for r in responses] == [302, 302]
    assert sorted(Round.objects.values_list("slug", flat=True)) == [
        "trygghet-i-fororten",
        "trygghet-i-fororten-2",
    ]


def test_a_submission_waits_for_a_close_in_progress_and_is_then_refused(
    member, editor_lan, open_round, idea_data
):
    """Deterministic: another session holds the round's row, as round_close does; the submission waits for it,
    then finds the round closed and writes nothing."""
    author = client_for(member)
    url = reverse("rounds:submit", args=[open_round.slug])
    result = {}

    def submit():
        try:
            result["response"] = author.post(url, idea_data)
        finally:
            connections.close_all()  # this thread's own connection, as tests.parallel does

    with psycopg.connect(**connection.get_connection_params()) as closing:
        with closing.transaction():
            closing.execute("SELECT id FROM rounds_round WHERE id = %s FOR UPDATE", [open_round.pk])
            submitting = threading.Thread(target=submit)
            submitting.start()
            submitting.join(timeout=2)
            assert submitting.is_alive(), "the submission did not wait for the round's lock"
            closing.execute(
                "UPDATE rounds_round SET closed_at = now(), closed_by_id = %s WHERE id = %s",
                [editor_lan.pk, open_round.pk],
            )
        submitting.join(timeout=60)
    assert result["response"].status_code == 409
    assert not Proposal.objects.exists() and not RoundIdea.objects.exists()
