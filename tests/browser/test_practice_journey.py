"""In practice, in a browser on a phone: an elected representative records where an idea stands in their
municipality and reads it on the idea page; then takes the idea on. The matrix is screenshot at desktop and
phone width (test-artifacts/) and checked with axe-core."""

from datetime import date

from playwright.sync_api import expect

from members.notifications import notification_render
from places.models import Place
from practice import services
from practice.models import GoverningPeriod, Implementation
from tests.browser.conftest import PHONE
from tests.conftest import make_user


def test_representative_records_an_implementation_on_a_phone(
    new_page, log_in, proposal, admin_user, member, assert_accessible, screenshot
):
    representative = make_user("nora@example.se", display_name="Nora Nackaledamot")
    office = services.assignment_state(
        member=representative,
        kind="municipal_council",
        place=Place.objects.get(code="0182"),
        title="Gruppledare",
    )
    services.assignment_confirm(assignment=office, admin=admin_user)
    GoverningPeriod.objects.create(place=Place.objects.get(code="0182"), starts_on=date(2022, 10, 15))

    page = new_page()
    log_in(page, "nora@example.se")  # on a wide screen: the phone folds the menu with the logout button away
    page.set_viewport_size(PHONE)
    page.goto(proposal.get_absolute_url())
    practice = page.locator("#i-praktiken")
    expect(practice).to_contain_text("Ingen har registrerat")
    practice.get_by_label("Registrera läget i").select_option(label="Nacka")
    practice.get_by_role("button", name="Fortsätt").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("I praktiken i Nacka")
    page.get_by_label("Prövas").check()
    page.get_by_label("Datum").fill("2026-02-01")
    page.get_by_label("Utfall").fill("Läxhjälp på sex skolor sedan februari. Omkring 240 elever i veckan.")
    page.get_by_label("Länk till beslut eller utvärdering").fill("https://www.nacka.se/beslut/2026-12")
    assert_accessible(page)
    page.get_by_role("button", name="Spara läget").click()

    expect(page.get_by_text("Läget i Nacka är sparat.")).to_be_visible()
    row = page.locator("#i-praktiken tbody tr")
    expect(row).to_contain_text("Nacka")
    expect(row).to_contain_text("Prövas")
    expect(row).to_contain_text("Omkring 240 elever i veckan.")
    expect(row).to_contain_text("Registrerat av Nora Nackaledamot")
    implementation = Implementation.objects.get()
    assert (implementation.state, implementation.recorded_by) == ("trial", representative)

    carriers = page.locator("#drivs-av")
    carriers.get_by_role("button", name="Jag driver den här").click()
    expect(page.locator("#drivs-av")).to_contain_text("Nora Nackaledamot")
    expect(page.locator("#drivs-av")).to_contain_text("Kommunfullmäktigegruppen, Nacka")
    [notification] = member.notifications.all()
    assert "Nora Nackaledamot" in notification_render(notification.kind, notification.params)
    assert_accessible(page)

    page.goto(f"/i-praktiken/matris/?omrade={proposal.policy_area.slug}")
    # On the phone each idea is a card with the places where something is recorded.
    expect(page.locator(".practice-matrix")).to_be_hidden()
    card = page.locator(".practice-stack li.card")
    expect(card).to_contain_text("Gratis läxhjälp på alla skolor")
    expect(card).to_contain_text("Nacka")
    expect(card).to_contain_text("Prövas")
    assert_accessible(page)
    # On a wide screen the whole table: the idea column stays in view while the places scroll sideways.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.locator(".practice-stack")).to_be_hidden()
    expect(page.locator(".practice-matrix tbody th").first).to_have_css("position", "sticky")
    expect(page.locator(".practice-matrix")).to_contain_text("Prövas")
    assert_accessible(page)
    screenshot(page, "practice-matrix")
