"""Dates in each language's own form: Swedish "1 dec. 2026", English "1 Dec 2026"; long dates "1 december 2026"."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation

from proposals.models import Proposal

DAY = datetime.datetime(2026, 12, 1, 11, 5, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def default_language():
    """A request leaves its language active in the thread; don't let English leak into the next test."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.mark.parametrize(
    ("language", "short", "long"),
    [("sv", "1 dec. 2026", "1 december 2026"), ("en", "1 Dec 2026", "1 December 2026")],
)
def test_named_date_formats_per_language(language, short, long):
    with translation.override(language):
        assert formats.date_format(DAY, "SHORT_DATE_FORMAT") == short
        assert formats.date_format(DAY, "DATE_FORMAT") == long


@pytest.mark.parametrize(
    ("language", "short", "long"),
    [("sv", "1 dec. 2026", "1 december 2026"), ("en", "1 Dec 2026", "1 December 2026")],
)
def test_idea_page_shows_dates_in_the_chosen_language(client, member, make_proposal, language, short, long):
    idea = make_proposal(member)
    Proposal.objects.filter(pk=idea.pk).update(created_at=DAY)
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    html = client.get(idea.get_absolute_url()).content.decode()
    assert f">{short}</time>" in html  # the status history: "1 dec. 2026 Idén lämnades in"
    assert long in html  # "Av Maria Medlem, 1 december 2026"
    assert "1 Dec 2026" not in html if language == "sv" else "1 dec. 2026" not in html


@pytest.mark.parametrize(("month", "short"), [(5, "1 maj 2026"), (3, "1 mars 2026"), (9, "1 sep. 2026")])
def test_swedish_short_months_have_a_full_stop_only_where_letters_are_left_out(month, short):
    with translation.override("sv"):
        assert formats.date_format(datetime.date(2026, month, 1), "SHORT_DATE_FORMAT") == short
