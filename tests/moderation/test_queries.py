"""The moderation lists cost a fixed number of queries, however many rows they show."""

import pytest
from django.urls import reverse

from moderation.models import Report
from proposals import services
from tests.conftest import make_user

# Every page of a signed-in editor or admin starts with these: the session, the user, the viewer (verified
# address and editor roles).
REQUEST = 3


@pytest.fixture
def many(make_proposal, member, editor_lan, stockholm, place):
    """30 reported ideas and 30 reported comments (some ideas about both districts), and 30 logged status
    changes: more than a page of reports."""
    for n in range(30):
        idea = make_proposal(member, title=f"Idé nummer {n}", places=[place, stockholm] if n % 3 else [place])
        comment = services.comment_create(proposal=idea, author=member, body=f"Kommentar {n}")
        reporter = make_user(f"anmalare{n}@example.se")
        Report.objects.create(reporter=reporter, proposal=idea, reason=f"Skäl {n}")
        Report.objects.create(reporter=reporter, proposal=idea, comment=comment, reason=f"Kommentarsskäl {n}")
        services.proposal_status_change(proposal=idea, editor=editor_lan, status="under_review")


def get(client, url, data=None):
    response = client.get(url, data or {})
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


PERSONAS = ["editor_lan", "editor_stad", "admin_user"]


def test_queue_queries(client, request, many, django_assert_max_num_queries):
    for persona in PERSONAS:
        client.force_login(request.getfixturevalue(persona))
        # The count, and the page's reports with their idea, comment, reporter and handler joined.
        with django_assert_max_num_queries(REQUEST + 2):
            html = get(client, reverse("moderation:queue"))
        assert html.count("/moderering/anmalningar/") == 20
        with django_assert_max_num_queries(REQUEST + 2):
            get(client, reverse("moderation:queue"), {"visa": "hanterade", "page": "2"})


def test_report_page_queries(client, editor_lan, many, django_assert_max_num_queries):
    client.force_login(editor_lan)
    report = Report.objects.filter(comment__isnull=False).first()
    # The report with its idea, comment, authors, reporter and handler; the idea's places and their districts
    # (who may handle it); the other reports of the same comment.
    with django_assert_max_num_queries(REQUEST + 4):
        html = get(client, reverse("moderation:report", args=[report.pk]))
    assert report.comment.body in html


def test_audit_log_queries(client, request, many, django_assert_max_num_queries):
    visible = {
        "editor_lan": 30,
        "editor_stad": 20,
        "admin_user": 30,
    }  # a third of the ideas are the county's only
    for persona in PERSONAS:
        client.force_login(request.getfixturevalue(persona))
        for query in ({}, {"action": "status", "since": "2020-01-01", "until": "2099-12-31"}):
            # The actors of the filter's choices, the count, the page's entries with actor and type joined,
            # and their districts.
            with django_assert_max_num_queries(REQUEST + 4):
                html = get(client, reverse("moderation:log"), query)
            assert html.count("Idé nummer") == visible[persona]
            # The export: the entries with actor and type joined, and their districts (per thousand rows).
            with django_assert_max_num_queries(REQUEST + 2):
                text = get(client, reverse("moderation:log_csv"), query)
            assert text.count("Idé nummer") == visible[persona]
