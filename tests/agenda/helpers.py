"""Small steps shared by the agenda's HTTP tests: move an agenda through its process, snapshot the data."""

from datetime import timedelta

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from agenda import services
from agenda.models import Adoption, Agenda, AgendaVersion, Amendment, BoardApproval, Transition, VersionPoint
from members.models import Notification

# The process steps by the slug in their address.
PROCESS_URLS = {
    "remiss": "agenda:consultation_start",
    "utkast": "agenda:back_to_draft",
    "godkann": "agenda:approve",
    "forslag": "agenda:propose",
    "anta": "agenda:adopt",
    "nytt-utkast": "agenda:new_draft",
}


def process_url(agenda, action: str) -> str:
    return reverse(PROCESS_URLS[action], args=[agenda.pk])


def fresh(agenda) -> Agenda:
    return Agenda.objects.get(pk=agenda.pk)


def in_two_weeks():
    return timezone.localdate() + timedelta(days=14)


def add_points(agenda, editor, section_key, *texts, source_ids=()):
    for text in texts:
        services.agenda_edit(
            agenda=agenda,
            editor=editor,
            base_number=fresh(agenda).head_number,
            message=f"Punkt: {text}",
            change=lambda document, text=text: document.point_add(section_key, text, source_ids),
        )
    return fresh(agenda)


def to_consultation(agenda, editor) -> Agenda:
    agenda = fresh(agenda)
    services.agenda_consultation_start(agenda=agenda, editor=editor, ends_on=in_two_weeks())
    return fresh(agenda)


def approve_all(agenda, *editors) -> None:
    """Each editor's board approves the current version of a joint agenda."""
    for editor in editors:
        for role in editor.editor_roles.select_related("district"):
            services.agenda_approve(agenda=fresh(agenda), district=role.district, editor=editor)


def to_board_proposal(agenda, editor) -> Agenda:
    agenda = fresh(agenda)
    services.agenda_propose(agenda=agenda, editor=editor)
    return fresh(agenda)


def to_adopted(agenda, editor, *, body=None, decided_on=None) -> Agenda:
    agenda = fresh(agenda)
    body = body or (Adoption.Body.JOINT_ASSEMBLY if agenda.is_joint else Adoption.Body.CONGRESS)
    services.agenda_adopt(
        agenda=agenda,
        editor=editor,
        body=body,
        decided_on=decided_on or timezone.localdate(),
        minutes_reference="Protokoll 2026-03-14, § 7",
    )
    return fresh(agenda)


def agenda_data() -> dict:
    """Everything an agenda action could change."""
    return {
        "agendas": sorted(
            Agenda.objects.values_list(
                "pk",
                "title",
                "district_id",
                "state",
                "head_number",
                "last_adopted_number",
                "consultation_ends_on",
            )
        ),
        "versions": sorted(AgendaVersion.objects.values_list("agenda_id", "number", "title", "narrative")),
        "points": sorted(VersionPoint.objects.values_list("version_id", "key", "text")),
        "transitions": sorted(
            Transition.objects.values_list("agenda_id", "from_state", "to_state", "version_number", "by_id")
        ),
        "approvals": sorted(BoardApproval.objects.values_list("agenda_id", "district_id", "version_number")),
        "adoptions": sorted(Adoption.objects.values_list("agenda_id", "version_id", "body")),
        "amendments": sorted(
            Amendment.objects.values_list("pk", "kind", "text", "decision", "answer", "applied_in_id")
        ),
        "notifications": sorted((n.user_id, n.text) for n in Notification.objects.all()),
    }


def message_texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]
