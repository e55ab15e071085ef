import pytest

from agenda import services
from agenda.document import document_load
from agenda.models import Agenda
from places.models import District
from proposals import services as proposal_services


@pytest.fixture
def lan(db):
    return District.objects.get(code="lan")


@pytest.fixture
def agenda(editor_lan, lan):
    """A county-district draft with one reform direction."""
    agenda = services.agenda_create(title="Reformagenda för länet", district=lan, editor=editor_lan)
    services.agenda_edit(
        agenda=agenda,
        editor=editor_lan,
        base_number=1,
        message="Första riktningen",
        change=lambda document: document.section_add("Jämlik skola", "Alla barn ska lyckas."),
    )
    return agenda


@pytest.fixture
def joint_agenda(editor_lan):
    return services.agenda_create(title="Gemensam reformagenda", district=None, editor=editor_lan)


@pytest.fixture
def section_key(agenda):
    return document_load(agenda.versions.get(number=agenda.head_number)).sections[0].key


@pytest.fixture
def selected_proposal(proposal, editor_lan):
    proposal_services.proposal_status_change(proposal=proposal, editor=editor_lan, status="selected")
    return proposal


def head(agenda):
    agenda = Agenda.objects.get(pk=agenda.pk)
    return document_load(agenda.versions.get(number=agenda.head_number))
