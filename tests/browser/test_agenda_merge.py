"""Two editors edit the agenda's narrative at once in a browser. Edits of different paragraphs are saved
together on their own, with a notice naming the other editor's version; when both change the same paragraph,
the conflict screen shows only that paragraph, the form holds everything else already merged, and the page
passes axe-core."""

from playwright.sync_api import expect

from agenda import services
from places.models import District
from tests.browser.conftest import DESKTOP, PHONE
from tests.conftest import make_user

TITLE = "Ett län för alla 2027"
NARRATIVE = "Ett jämlikt län.\n\nBostäder åt alla.\n\nEn skola där alla lyckas."


def open_narrative(page, agenda):
    page.goto(agenda.get_absolute_url())
    page.get_by_role("link", name="Redigera titel och berättelse").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Redigera titel och berättelse")


def save(page, narrative, message):
    page.get_by_label("Berättelse").fill(narrative)
    page.get_by_label("Ändringsmeddelande").fill(message)
    page.get_by_role("button", name="Spara ny version").click()


def test_two_editors_edits_merge_and_only_the_shared_paragraph_is_a_conflict(
    new_page, log_in, editor_lan, assert_accessible, screenshot
):
    colleague = make_user("kollega.lan@example.se", districts=["lan"], display_name="Karin Kollega")
    agenda = services.agenda_create(title=TITLE, district=District.objects.get(code="lan"), editor=editor_lan)
    services.agenda_edit(
        agenda=agenda,
        editor=editor_lan,
        base_number=1,
        message="Berättelsen",
        change=lambda document: document.narrative_set(TITLE, NARRATIVE),
    )
    lena, karin = new_page(), new_page()
    log_in(lena, editor_lan.email)
    log_in(karin, colleague.email)

    # 1. Both open version 2. Lena sharpens the first paragraph (v3); Karin adds a last one: saved together (v4).
    open_narrative(lena, agenda)
    open_narrative(karin, agenda)
    save(lena, NARRATIVE.replace("Ett jämlikt", "Ett rättvist"), "Första stycket")
    expect(lena.get_by_role("status")).to_contain_text("Sparat som en ny version.")
    save(karin, NARRATIVE + "\n\nTrygghet i hela länet.", "Trygghet")
    expect(karin.get_by_role("status")).to_contain_text(
        "Sparad tillsammans med ändringen i version 3 av Lena Länsredaktör."
    )
    narrative = karin.get_by_role("region", name="Berättelse")
    expect(narrative).to_contain_text("Ett rättvist län.")
    expect(narrative).to_contain_text("Trygghet i hela länet.")

    # 2. Both open version 4 and change the second paragraph; Karin also the third. Lena saves first (v5).
    merged = "Ett rättvist län.\n\nBostäder åt alla.\n\nEn skola där alla lyckas.\n\nTrygghet i hela länet."
    open_narrative(lena, agenda)
    open_narrative(karin, agenda)
    save(lena, merged.replace("Bostäder åt alla.", "Bostäder åt alla, med rimliga hyror."), "Hyror")
    expect(lena.get_by_role("status")).to_contain_text("Sparat som en ny version.")
    mine = merged.replace("Bostäder åt alla.", "Billiga bostäder åt alla.").replace(
        "En skola", "En trygg skola"
    )
    save(karin, mine, "Billigt")

    expect(karin.get_by_role("heading", level=1)).to_have_text("Någon annan hann spara före dig")
    expect(karin.get_by_role("alert")).to_contain_text("Du utgick från version 4, men Lena Länsredaktör")
    conflict = karin.get_by_role("region", name="Berättelse")
    expect(conflict.locator(".conflict-grid")).to_have_count(1)
    expect(conflict.locator(".conflict-grid ins")).to_contain_text("med rimliga hyror")
    expect(conflict.locator(".conflict-grid")).to_contain_text("Billiga bostäder åt alla.")
    expect(conflict).not_to_contain_text("En trygg skola")  # merged already, nothing to resolve there
    form = karin.locator("form", has=karin.get_by_role("heading", name="Slå ihop och spara"))
    expect(form.get_by_label("Berättelse")).to_have_value(
        "Ett rättvist län.\n\nBilliga bostäder åt alla.\n\nEn trygg skola där alla lyckas.\n\nTrygghet i hela länet."
    )
    for size in (DESKTOP, PHONE):
        karin.set_viewport_size(size)
        assert_accessible(karin)
    karin.set_viewport_size(DESKTOP)
    screenshot(karin, "agenda-merge-conflict")

    # 3. She resolves the one paragraph and saves on top of Lena's version (v6).
    resolved = mine.replace("Billiga bostäder åt alla.", "Billiga bostäder med rimliga hyror.")
    form.get_by_label("Berättelse").fill(resolved)
    form.get_by_role("button", name="Spara ovanpå version 5").click()
    expect(karin.get_by_role("status")).to_contain_text("Sparat som en ny version.")
    narrative = karin.get_by_role("region", name="Berättelse")
    expect(narrative).to_contain_text("Billiga bostäder med rimliga hyror.")
    expect(narrative).to_contain_text("En trygg skola där alla lyckas.")
    agenda.refresh_from_db()
    assert agenda.head_number == 6
