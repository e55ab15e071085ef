"""The meetings' main journey in a browser: a county editor arranges a meeting with one seat; member A signs up
and gets it, member B lands on the waiting list; A cancels, and B's page shows B confirmed (with a notification).

The meeting page is checked with axe-core at desktop and phone width, without sideways scrolling, and saved to
test-artifacts/ (meeting-*.png).
"""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_agenda_journey import both_sizes_accessible
from tests.conftest import PASSWORD

TITLE = "Trygga skolvägar – samtal i Nacka"


def arrange(page):
    starts = timezone.localtime() + timedelta(days=5)
    page.goto("/moten/ny/")
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Distrikt").select_option(label="Stockholms läns partidistrikt")
    page.get_by_label("Börjar").fill(starts.strftime("%Y-%m-%dT18:00"))
    page.get_by_label("Slutar").fill(starts.strftime("%Y-%m-%dT20:00"))
    page.get_by_label("På plats").check()
    page.get_by_label("Adress").fill("Nacka stadshus, Granitvägen 15, Nacka")
    page.get_by_label("Antal platser").fill("1")
    page.get_by_label("Beskrivning").fill("Hur gör vi **skolvägarna** trygga för barnen i Nacka?")
    page.get_by_role("button", name="Publicera mötet").click()
    expect(page.get_by_role("status")).to_contain_text("Mötet är publicerat.")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    return page.url


def test_a_seat_given_back_goes_to_the_waiting_member(
    new_page, log_in, editor_lan, member, other_member, assert_accessible, screenshot
):
    editor = new_page()
    log_in(editor, editor_lan.email, PASSWORD)
    url = arrange(editor)

    first = new_page()
    log_in(first, member.email)
    first.goto(url)
    expect(first.get_by_text("1 plats kvar av 1")).to_be_visible()
    first.get_by_role("button", name="Anmäl mig").click()
    expect(first.get_by_role("status")).to_contain_text("Du är anmäld. Välkommen!")
    expect(first.get_by_role("button", name="Lämna min plats")).to_be_visible()

    second = new_page()
    log_in(second, other_member.email)
    second.goto(url)
    second.get_by_role("button", name="Ställ mig på väntelistan").click()
    expect(second.get_by_role("status")).to_contain_text("du står på väntelistan")
    expect(second.get_by_text("Du står på väntelistan, som nummer 1.")).to_be_visible()
    both_sizes_accessible(second, assert_accessible, screenshot, "meeting-waiting")

    first.get_by_role("button", name="Lämna min plats").click()
    expect(first.get_by_role("status")).to_contain_text("Din anmälan är borttagen.")
    expect(first.get_by_role("button", name="Ställ mig på väntelistan")).to_be_visible()

    second.reload()
    expect(second.get_by_text("Du är anmäld.", exact=True)).to_be_visible()
    expect(second.get_by_role("button", name="Lämna min plats")).to_be_visible()
    both_sizes_accessible(second, assert_accessible, screenshot, "meeting-confirmed")
    second.goto("/medlem/notiser/")
    expect(second.get_by_role("link", name=f"Du har fått en plats på ”{TITLE}”.")).to_be_visible()
