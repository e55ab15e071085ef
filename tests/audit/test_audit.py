"""Every editor's and admin's action lands in the audit log with who, when, what and the values before and after,
in the same transaction as the action; the log page filters it and exports it as CSV, formulas disarmed."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from agenda import services as agenda_services
from agenda.document import document_load
from audit.models import AuditEntry
from audit.services import audit_record
from places.models import District, Place
from proposals import services
from proposals.models import Proposal


def district_codes(entry) -> set[str]:
    return set(entry.districts.values_list("code", flat=True))


def test_audit_record_keeps_the_label_and_the_districts(proposal, editor_lan):
    lan, stad = District.objects.get(code="lan"), District.objects.get(code="stad")
    entry = audit_record(
        actor=editor_lan,
        action=AuditEntry.Action.STATUS,
        target=proposal,
        districts=[lan, stad.pk, lan],
        before={"status": "new"},
        after={"status": "selected"},
    )
    Proposal.objects.filter(pk=proposal.pk).update(title="Ny rubrik")
    entry.refresh_from_db()
    assert (entry.target_type, entry.target_id, entry.target_label) == (
        ContentType.objects.get_for_model(Proposal),
        str(proposal.pk),
        "Gratis läxhjälp på alla skolor",
    )
    assert district_codes(entry) == {"lan", "stad"}


def test_audit_record_refuses_an_unknown_action(proposal, editor_lan):
    with pytest.raises(ValidationError):
        audit_record(
            actor=editor_lan, action="delete_all", target=proposal, districts=[], before={}, after={}
        )
    assert not AuditEntry.objects.exists()


def test_status_change_is_logged(client, editor_lan, proposal):
    client.force_login(editor_lan)
    client.post(reverse("proposals:status", args=[proposal.pk]), {"status": "under_review"})
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.target_label) == (editor_lan, "status", proposal.title)
    assert (entry.before, entry.after) == (
        {"status": "new", "answer": ""},
        {"status": "under_review", "answer": ""},
    )
    assert district_codes(entry) == {"lan"}


def test_answer_is_logged(client, editor_lan, proposal):
    client.force_login(editor_lan)
    client.post(
        reverse("proposals:status", args=[proposal.pk]), {"status": "answered", "text": "Vi tar med den."}
    )
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.after) == ("answer", {"status": "answered", "answer": "Vi tar med den."})


def test_a_refused_action_logs_nothing(client, editor_lan, proposal):
    client.force_login(editor_lan)
    assert client.post(reverse("proposals:status", args=[proposal.pk]), {"status": "new"}).status_code == 400
    with pytest.raises(services.ServiceError):
        services.proposal_status_change(proposal=proposal, editor=editor_lan, status="declined", text="")
    assert not AuditEntry.objects.exists()


def test_region_idea_is_in_both_districts_logs(editor_stad, member, make_proposal):
    idea = make_proposal(member, title="Nattbussar i hela regionen", places=[Place.objects.get(code="01")])
    services.proposal_status_change(proposal=idea, editor=editor_stad, status="selected")
    assert district_codes(AuditEntry.objects.get()) == {"lan", "stad"}


def test_comment_hide_is_logged(client, editor_lan, proposal, other_member):
    comment = services.comment_create(proposal=proposal, author=other_member, body="Dumheter!")
    client.force_login(editor_lan)
    client.post(reverse("proposals:comment_hide", args=[comment.pk]), {"reason": "Personangrepp"})
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.target_label, entry.reason) == ("comment_hide", "Dumheter!", "Personangrepp")
    assert entry.after == {"hidden": True, "reason": "Personangrepp"}


def test_promote_is_logged(editor_lan, proposal):
    services.proposal_status_change(proposal=proposal, editor=editor_lan, status="selected")
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
    key = document_load(agenda.versions.get(number=2)).sections[0].key
    agenda_services.proposal_promote(proposal=proposal, agenda=agenda, section_key=key, editor=editor_lan)
    entry = AuditEntry.objects.get(action="promote")
    assert (entry.actor, entry.target_id, entry.after) == (
        editor_lan,
        str(proposal.pk),
        {"agenda": "Reformagenda för länet", "version": 3},
    )
    assert district_codes(entry) == {"lan"}


def test_role_change_on_the_roles_page_is_logged(client, admin_user, other_member):
    lan = District.objects.get(code="lan")
    client.force_login(admin_user)
    client.post(reverse("members:roles_update", args=[other_member.pk]), {"districts": [lan.pk]})
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.target_id) == (admin_user, "role_change", str(other_member.pk))
    assert (entry.before, entry.after) == (
        {"districts": [], "is_admin": False},
        {"districts": ["lan"], "is_admin": False},
    )
    assert district_codes(entry) == {"lan"}
    # Saving the same roles again changes nothing and logs nothing.
    client.post(reverse("members:roles_update", args=[other_member.pk]), {"districts": [lan.pk]})
    assert AuditEntry.objects.count() == 1


def test_role_change_in_the_django_admin_is_logged(client, admin_user, editor_lan):
    stad = District.objects.get(code="stad")
    role = editor_lan.editor_roles.get()
    client.force_login(admin_user)
    data = {
        "email": editor_lan.email,
        "display_name": editor_lan.display_name,
        "language": "sv",
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "12:00:00",
        "editor_roles-TOTAL_FORMS": "2",
        "editor_roles-INITIAL_FORMS": "1",
        "editor_roles-MIN_NUM_FORMS": "0",
        "editor_roles-MAX_NUM_FORMS": "1000",
        "editor_roles-0-id": role.pk,
        "editor_roles-0-user": editor_lan.pk,
        "editor_roles-0-district": role.district_id,
        "editor_roles-0-DELETE": "on",
        "editor_roles-1-user": editor_lan.pk,
        "editor_roles-1-district": stad.pk,
    }
    response = client.post(reverse("admin:members_user_change", args=[editor_lan.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get()
    assert (entry.before, entry.after) == (
        {"districts": ["lan"], "is_admin": False},
        {"districts": ["stad"], "is_admin": True},
    )
    assert district_codes(entry) == {"lan", "stad"}


# --- The log page and its export --------------------------------------------------------------------------


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.mark.parametrize(
    "label", ['=HYPERLINK("https://evil.example")', "+1", "-2", "@SUM(A1)", "\tflik", "\rretur"]
)
def test_export_disarms_formulas(client, admin_user, proposal, label):
    audit_record(
        actor=admin_user,
        action=AuditEntry.Action.STATUS,
        target=proposal,
        districts=[],
        before={},
        after={},
        reason=label,
        label=label,
    )
    client.force_login(admin_user)
    header, row = csv_rows(client.get(reverse("moderation:log_csv")))
    assert header[0] == "Tidpunkt" and len(row) == len(header)
    assert row[header.index("Objekt")] == "'" + label
    assert row[header.index("Motivering")] == "'" + label
    assert row[header.index("Åtgärd")] == "Statusändring"


@pytest.fixture
def history(proposal, editor_lan, admin_user, other_member, make_proposal):
    services.proposal_status_change(proposal=proposal, editor=editor_lan, status="under_review")
    other = make_proposal(other_member, title="Fler utegym i Nacka")
    services.proposal_status_change(proposal=other, editor=admin_user, status="selected")
    old = services.proposal_status_change(proposal=other, editor=editor_lan, status="answered", text="Klart.")
    AuditEntry.objects.filter(action="answer").update(created_at="2025-03-01T12:00:00+01:00")
    return old


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ({"action": "status"}, 2),
        ({"action": "answer"}, 1),
        ({"since": "2025-01-01", "until": "2025-12-31"}, 1),
        ({"until": "2025-03-01"}, 1),  # the day itself is included
        ({"since": "2025-03-02"}, 2),
        ({"until": "9999-12-31"}, 3),
    ],
)
def test_log_filters(client, admin_user, history, query, titles):
    client.force_login(admin_user)
    response = client.get(reverse("moderation:log"), query)
    assert response.status_code == 200
    assert response.content.decode().count('<th scope="row">') == titles
    assert len(csv_rows(client.get(reverse("moderation:log_csv"), query))) == titles + 1


def test_log_filters_by_actor(client, admin_user, editor_lan, history):
    client.force_login(admin_user)
    html = client.get(reverse("moderation:log"), {"actor": editor_lan.pk}).content.decode()
    assert html.count('<th scope="row">') == 2


def test_an_editor_can_filter_only_by_actors_of_their_log(client, editor_stad, editor_lan, history):
    client.force_login(editor_stad)
    response = client.get(reverse("moderation:log"), {"actor": editor_lan.pk})
    assert response.status_code == 400
    assert "Välj ett giltigt alternativ" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "field_message"),
    [
        ({"action": "drop_table"}, "Välj ett giltigt alternativ"),
        ({"actor": "99999999999999999999999"}, "Välj ett giltigt alternativ"),
        ({"actor": "abc"}, "Välj ett giltigt alternativ"),
        ({"since": "2026-13-45"}, "Fyll i ett giltigt datum."),
        ({"since": "99999-01-01"}, "Fyll i ett giltigt datum."),
        ({"since": "2026-05-01", "until": "2026-04-01"}, "Slutdatumet ligger före startdatumet."),
    ],
)
def test_bad_filters_are_explained(client, admin_user, history, query, field_message):
    client.force_login(admin_user)
    response = client.get(reverse("moderation:log"), query)
    assert response.status_code == 400
    assert field_message in response.content.decode()
    # The export answers the same: the page with the error, no file.
    response = client.get(reverse("moderation:log_csv"), query)
    assert response.status_code == 400 and not response.streaming


def test_log_with_control_characters_is_refused(client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("moderation:log"), {"action": "status\x00"}).status_code == 400


def test_a_deleted_idea_stays_in_the_log_by_name(client, admin_user, history, proposal):
    title = proposal.title
    Proposal.objects.filter(pk=proposal.pk).delete()
    client.force_login(admin_user)
    assert title in client.get(reverse("moderation:log")).content.decode()


def test_entries_past_the_retention_are_purged_and_the_privacy_page_says_when(
    client, settings, proposal, editor_lan
):
    settings.AUDIT_RETENTION_YEARS = 2
    lan = District.objects.get(code="lan")

    def entry(days_old: int) -> AuditEntry:
        made = audit_record(
            actor=editor_lan,
            action=AuditEntry.Action.STATUS,
            target=proposal,
            districts=[lan],
            before={"status": "new"},
            after={"status": "selected"},
        )
        AuditEntry.objects.filter(pk=made.pk).update(created_at=timezone.now() - timedelta(days=days_old))
        return made

    old, recent = entry(2 * 365 + 1), entry(2 * 365 - 1)
    out = io.StringIO()
    call_command("audit_purge", stdout=out)
    assert "Deleted 1 audit log entries older than 2 years." in out.getvalue()
    assert list(AuditEntry.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not AuditEntry.districts.through.objects.filter(auditentry_id=old.pk).exists()
    page = client.get(reverse("privacy:page"))
    assert "Granskningsloggens poster raderas när de är 2 år gamla." in page.text
