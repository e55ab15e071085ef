"""A member opens an idea round, submits an idea to it and finds it on the round's page; the page is checked with
axe-core at desktop and phone width, with screenshots saved to test-artifacts/."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from places.models import District
from rounds import services

TITLE = "Nattvandrare och fältassistenter vid Nacka Forum"


def test_member_submits_an_idea_to_an_open_round(
    page, log_in, member, editor_lan, screenshot, assert_accessible
):
    today = timezone.localdate()
    round_ = services.round_create(
        editor=editor_lan,
        district=District.objects.get(code="lan"),
        title="Trygghet i förorten",
        description="Vad gör förorten **tryggare** på kvällarna? Skicka in dina idéer.",
        opens_on=today - timedelta(days=7),
        closes_on=today + timedelta(days=21),
    )
    log_in(page, member.email)
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Idéinsamlingar").click()
    page.get_by_role("link", name="Trygghet i förorten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Trygghet i förorten")
    expect(page.locator(".status")).to_have_text("Pågår")

    page.get_by_role("link", name="Skicka in en idé till insamlingen").click()
    page.get_by_label("Rubrik").fill(TITLE)
    page.get_by_label("Sammanfattning").fill("Vuxna ute på kvällarna gör torget tryggare.")
    page.get_by_label("Vilket problem löser idén?").fill("Unga känner sig otrygga vid torget på kvällarna.")
    page.get_by_label("Förslaget").fill("Kommunen anställer **fältassistenter** som arbetar kvällar.")
    page.get_by_role("group", name="Kommun eller region").get_by_label("Nacka", exact=True).check()
    page.get_by_label("Sakområde").select_option(label="Trygghet")
    page.get_by_role("button", name="Skicka in idén").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator(".message-success")).to_contain_text("idéinsamlingen ”Trygghet i förorten”")
    page.get_by_role("link", name="Trygghet i förorten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Trygghet i förorten")
    expect(page.locator(".proposal-card")).to_have_count(1)
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    expect(page.get_by_role("row", name="Nacka 1")).to_be_visible()

    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page)
    screenshot(page, "round-page")
    assert round_.ideas.count() == 1
