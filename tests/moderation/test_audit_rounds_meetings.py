"""Round and meeting changes land in the audit log of their district's board, with the values before and after."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from meetings import services as meeting_services
from places.models import District
from rounds import services as round_services


def test_round_created_edited_and_closed_are_logged_for_its_board(client, editor_lan, admin_user):
    lan = District.objects.get(code="lan")
    today = timezone.localdate()
    trygghet = round_services.round_create(
        editor=editor_lan,
        district=lan,
        title="Trygghet i förorten",
        description="Vad gör förorten tryggare?",
        opens_on=today,
        closes_on=today + timedelta(days=30),
    )
    round_services.round_close(round_=trygghet, editor=editor_lan)
    entries = list(AuditEntry.objects.filter(action="round_change").order_by("pk"))
    assert [e.after["closed"] for e in entries] == [False, True]
    assert entries[1].before["closed"] is False
    assert [list(e.districts.values_list("code", flat=True)) for e in entries] == [["lan"], ["lan"]]
    client.force_login(editor_lan)
    assert "Trygghet i förorten" in client.get(reverse("moderation:log")).content.decode()


def test_a_joint_meeting_is_logged_for_both_boards(editor_lan):
    starts = timezone.now() + timedelta(days=5)
    meeting = meeting_services.meeting_create(
        editor=editor_lan,
        district=None,
        title="Välfärdens framtid",
        description="",
        kind="on_site",
        address="Folkets hus, Södertälje",
        join_url="",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        capacity=40,
    )
    meeting_services.meeting_update(
        meeting=meeting,
        editor=editor_lan,
        district=None,
        title="Välfärdens framtid",
        description="",
        kind="on_site",
        address="Folkets hus, Södertälje",
        join_url="",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        capacity=60,
    )
    update = AuditEntry.objects.filter(action="meeting_change").latest("pk")
    assert (update.before["capacity"], update.after["capacity"]) == (40, 60)
    assert set(update.districts.values_list("code", flat=True)) == {"lan", "stad"}
