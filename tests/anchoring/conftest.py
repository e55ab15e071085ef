from datetime import timedelta

import pytest
from django.utils import timezone

from agenda.models import Agenda, AgendaVersion, VersionPoint, VersionSection
from anchoring.services import figures_count
from meetings.models import Meeting, Registration
from places.models import District, Place
from practice.models import Implementation
from proposals import services
from proposals.models import PolicyArea
from rounds.models import Round, RoundIdea


@pytest.fixture
def known_data(member, other_member, editor_lan, editor_stad, make_proposal, place, stockholm):
    """A small bank this month: an idea about Nacka (supported and commented by another member, in a round,
    promoted into an agenda, implemented) and one about Stockholm; a past meeting in each district, one member
    from Nacka confirmed at the county's. Counted, as the scheduled `anchoring_count` does, so that the
    dashboard has figures to show."""
    lan, stad = District.objects.get(code="lan"), District.objects.get(code="stad")
    nacka_idea = make_proposal(member)
    make_proposal(
        other_member,
        title="Fler hyresrätter i innerstaden",
        places=[stockholm],
        policy_area=PolicyArea.objects.get(slug="bostader-och-stadsbyggnad"),
    )
    services.proposal_support(proposal=nacka_idea, member=other_member)
    services.comment_create(
        proposal=nacka_idea, author=other_member, body="Bra idé, gör det i Fisksätra först."
    )
    today = timezone.localdate()
    round_ = Round.objects.create(
        district=lan,
        slug="skolan",
        title="Skolan",
        description="Idéer om skolan.",
        opens_on=today - timedelta(days=5),
        closes_on=today + timedelta(days=5),
        created_by=editor_lan,
    )
    RoundIdea.objects.create(round=round_, proposal=nacka_idea)
    agenda = Agenda.objects.create(title="Reformagenda för länet", district=lan, created_by=editor_lan)
    version = AgendaVersion.objects.create(
        agenda=agenda, number=1, title=agenda.title, message="Första versionen", author=editor_lan
    )
    section = VersionSection.objects.create(version=version, position=1, title="Skolan")
    point = VersionPoint.objects.create(
        version=version, section=section, position=1, text="Läxhjälp åt alla."
    )
    point.sources.add(nacka_idea)
    Implementation.objects.create(
        proposal=nacka_idea, place=place, state="decided", happened_on=today, recorded_by=editor_lan
    )
    started = timezone.now() - timedelta(hours=3)
    for district, editor in [(lan, editor_lan), (stad, editor_stad)]:
        Meeting.objects.create(
            title=f"Medlemsmöte {district.short_name}",
            district=district,
            kind="digital",
            join_url="https://mote.example.se/j/1",
            starts_at=started,
            ends_at=started + timedelta(hours=2),
            capacity=1,
            created_by=editor,
        )
    lan_meeting = Meeting.objects.get(district=lan)
    Registration.objects.create(meeting=lan_meeting, member=member, state="confirmed")
    member.home_place = place  # Nacka: the meeting's one participant lives there
    member.save(update_fields=["home_place"])
    Registration.objects.create(meeting=lan_meeting, member=other_member, state="waiting")
    figures_count()
    return {"nacka": place, "stockholm": stockholm, "region": Place.objects.get(kind="region")}
