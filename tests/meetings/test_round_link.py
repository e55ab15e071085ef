"""A meeting can belong to an idea round: chosen in the form, shown on the meeting page with a link."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from rounds import services as round_services


def test_editor_puts_a_meeting_in_a_round_and_its_page_links_it(client, editor_lan, lan, meeting_data):
    today = timezone.localdate()
    trygghet = round_services.round_create(
        editor=editor_lan,
        district=lan,
        title="Trygghet i förorten",
        description="Vad gör förorten tryggare?",
        opens_on=today,
        closes_on=today + timedelta(days=30),
    )
    client.force_login(editor_lan)
    response = client.post(reverse("meetings:create"), {**meeting_data, "round": str(trygghet.pk)})
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.round == trygghet
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert f'<a href="{trygghet.get_absolute_url()}">Trygghet i förorten</a>' in html


def test_an_unknown_round_is_a_field_error_and_the_text_is_kept(client, editor_lan, meeting_data):
    client.force_login(editor_lan)
    response = client.post(reverse("meetings:create"), {**meeting_data, "round": "999999"})
    assert response.status_code in (200, 400)
    assert "round" in response.context["form"].errors
    assert meeting_data["title"] in response.content.decode()
    assert not Meeting.objects.exists()
