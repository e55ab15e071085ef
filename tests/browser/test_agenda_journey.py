"""The agenda's main journey in a browser: a county editor creates a reform agenda, adds a reform direction
and promotes two selected ideas into it; two editors edit the narrative at once and the second merges by hand
on the conflict screen; the editor compares versions and restores an older one.

The pages the journey passes (the agenda with the editor's tools, the conflict screen, the comparison and the
history) are checked with axe-core at desktop and phone width where they appear, and saved to test-artifacts/.
"""

import re

from playwright.sync_api import expect

from agenda.models import Agenda
from proposals import services
from tests.browser.conftest import DESKTOP, PHONE
from tests.conftest import make_user

AGENDA_TITLE = "Ett län för alla 2027"
SECTION_TITLE = "Trygga skolor"
IDEAS = ("Gratis läxhjälp på alla skolor", "Simskola för alla barn")
FIRST_TITLE = "Ett län där alla får lyckas"
FIRST_NARRATIVE = "Skolan ska ge alla barn samma chans."
SECOND_NARRATIVE = "Barn ska kunna simma och få hjälp med läxorna."
MERGED_NARRATIVE = f"{FIRST_NARRATIVE} {SECOND_NARRATIVE}"


def both_sizes_accessible(page, assert_accessible, screenshot, name):
    """axe-core at desktop and phone width, no sideways scrolling (WCAG reflow), then screenshots of both."""
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        assert_accessible(page)
        root = page.locator("html")
        overflow = root.evaluate("html => html.scrollWidth - html.clientWidth")
        assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at {size['width']}px"
    page.set_viewport_size(DESKTOP)
    screenshot(page, name)


def create_agenda(page):
    page.goto("/agenda/ny/")
    page.get_by_label("Titel").fill(AGENDA_TITLE)
    page.get_by_label("Distrikt").select_option(label="Stockholms läns partidistrikt")
    page.get_by_role("button", name="Skapa").click()
    expect(page.get_by_role("status")).to_contain_text("Reformagendan är skapad.")
    expect(page.get_by_role("heading", level=1)).to_have_text(AGENDA_TITLE)
    return page.url


def add_section(page):
    page.get_by_role("link", name="+ Ny reformriktning").click()
    page.get_by_label("Rubrik för reformriktningen").fill(SECTION_TITLE)
    page.get_by_label("Inledning").fill("Skolan är grunden för ett jämlikt län.")
    page.get_by_role("button", name="Spara ny version").click()
    expect(page.get_by_role("status")).to_contain_text("Sparat som en ny version.")
    expect(page.get_by_role("heading", level=2, name=SECTION_TITLE)).to_be_visible()


def promote(page, idea):
    page.goto(idea.get_absolute_url())
    box = page.get_by_role("region", name="För in i reformagendan")
    box.get_by_label("Reformriktning").select_option(label=SECTION_TITLE)
    box.get_by_role("button", name="För in som reformpunkt").click()
    expect(page.get_by_role("status")).to_contain_text(f"Idén är införd i ”{AGENDA_TITLE}”.")
    trail = page.get_by_role("region", name="I reformagendan", exact=True)
    expect(trail.get_by_role("link", name=AGENDA_TITLE)).to_be_visible()
    expect(trail).to_contain_text(f"Reformpunkt under ”{SECTION_TITLE}”")


def open_narrative(page, agenda_url):
    page.goto(agenda_url)
    page.get_by_role("link", name="Redigera titel och berättelse").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Redigera titel och berättelse")


def test_editor_builds_agenda_from_ideas_merges_a_conflict_compares_and_restores(
    new_page, log_in, make_proposal, member, editor_lan, assert_accessible, screenshot
):
    ideas = [make_proposal(member, title=title) for title in IDEAS]
    for idea in ideas:
        services.proposal_status_change(proposal=idea, editor=editor_lan, status="selected")
    colleague = make_user("kollega.lan@example.se", districts=["lan"], display_name="Karin Kollega")

    # 1. Create the agenda (v1), add a reform direction (v2), promote two ideas from their pages (v3, v4).
    lena = new_page()
    log_in(lena, editor_lan.email)
    agenda_url = create_agenda(lena)
    add_section(lena)
    for idea in ideas:
        promote(lena, idea)

    lena.goto(agenda_url)
    section = lena.get_by_role("region", name=f"1. {SECTION_TITLE}")
    expect(section.locator("ol.points > li")).to_have_count(2)
    sources = section.locator(".sources")
    expect(sources).to_have_count(2)
    for point_sources, idea in zip(sources.all(), ideas, strict=True):
        expect(point_sources).to_contain_text("Bygger på")
        link = point_sources.get_by_role("link", name=idea.title)
        expect(link).to_have_attribute("href", idea.get_absolute_url())
    expect(lena.get_by_text("Version 4", exact=True)).to_be_visible()
    both_sizes_accessible(lena, assert_accessible, screenshot, "agenda-editor")

    # 2. Both editors open the narrative at version 4; Lena saves first (v5).
    karin = new_page()
    log_in(karin, colleague.email)
    open_narrative(lena, agenda_url)
    open_narrative(karin, agenda_url)

    lena.get_by_label("Titel").fill(FIRST_TITLE)
    lena.get_by_label("Berättelse").fill(FIRST_NARRATIVE)
    lena.get_by_label("Ändringsmeddelande").fill("Skrev berättelsen")
    lena.get_by_role("button", name="Spara ny version").click()
    expect(lena.get_by_role("status")).to_contain_text("Sparat som en ny version.")
    expect(lena.get_by_role("heading", level=1)).to_have_text(FIRST_TITLE)

    # Karin saves on top of version 4 and lands on the conflict screen, her text still in the form.
    karin.get_by_label("Berättelse").fill(SECOND_NARRATIVE)
    karin.get_by_label("Ändringsmeddelande").fill("Berättelse om simning och läxor")
    karin.get_by_role("button", name="Spara ny version").click()
    expect(karin.get_by_role("heading", level=1)).to_have_text("Någon annan hann spara före dig")
    expect(karin.get_by_role("alert")).to_contain_text("Du utgick från version 4, men Lena Länsredaktör")
    narrative = karin.get_by_role("region", name="Berättelse")
    expect(narrative.locator(".conflict-grid ins")).to_contain_text(FIRST_NARRATIVE)
    expect(narrative.locator(".conflict-grid")).to_contain_text(SECOND_NARRATIVE)
    form = karin.locator("form", has=karin.get_by_role("heading", name="Slå ihop och spara"))
    expect(form.get_by_label("Berättelse")).to_have_value(SECOND_NARRATIVE)
    both_sizes_accessible(karin, assert_accessible, screenshot, "agenda-conflict")

    # She merges by hand and saves on top of Lena's version (v6).
    form.get_by_label("Titel").fill(FIRST_TITLE)
    form.get_by_label("Berättelse").fill(MERGED_NARRATIVE)
    form.get_by_role("button", name="Spara ovanpå version 5").click()
    expect(karin.get_by_role("status")).to_contain_text("Sparat som en ny version.")
    expect(karin.get_by_role("region", name="Berättelse")).to_have_text(MERGED_NARRATIVE)

    # 3. Lena compares version 2 (empty section) with version 6 through the history.
    lena.goto(agenda_url)
    lena.get_by_role("link", name="Historik och jämförelser").click()
    expect(lena.get_by_role("heading", level=1)).to_have_text("Historik")
    expect(lena.locator("tbody tr")).to_have_count(6)
    both_sizes_accessible(lena, assert_accessible, screenshot, "agenda-history")
    compare_form = lena.get_by_role("group", name="Jämför två versioner")
    compare_form.get_by_label("Från version").fill("2")
    compare_form.get_by_label("Till version").fill("6")
    compare_form.get_by_role("button", name="Jämför").click()
    expect(lena.get_by_role("heading", level=1)).to_have_text("Version 2 jämfört med version 6")
    expect(lena.locator(".diff-title del", has_text="2027")).to_be_visible()
    expect(lena.locator(".diff-title ins", has_text="lyckas")).to_be_visible()
    expect(lena.locator(".diff-text ins").first).to_be_visible()
    expect(lena.locator(".diff-points .change-label", has_text="[ny punkt]")).to_have_count(2)
    expect(lena.get_by_text("[ändrad]").first).to_be_visible()
    both_sizes_accessible(lena, assert_accessible, screenshot, "agenda-compare")

    # …then opens version 5 (Lena's own text) and restores it (v7), confirming the dialog.
    lena.get_by_role("link", name="← Historik").click()
    lena.get_by_role("row", name=re.compile(r"^5 Skrev berättelsen")).get_by_role("link", name="5").click()
    expect(lena.get_by_text("Version 5, sparad av Lena Länsredaktör")).to_be_visible()
    dialogs = []
    lena.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    lena.get_by_role("button", name="Återställ den här versionen").click()
    expect(lena.get_by_role("status")).to_contain_text("Version 5 är återställd som version 7.")
    assert dialogs == ["Återställ den här versionen? Den blir en ny version; inget går förlorat."]
    expect(lena.get_by_role("heading", level=1)).to_have_text(FIRST_TITLE)
    expect(lena.get_by_role("region", name="Berättelse")).to_have_text(FIRST_NARRATIVE)
    expect(lena.locator("ol.points > li")).to_have_count(2)

    lena.get_by_role("link", name="Historik och jämförelser").click()
    newest = lena.locator("tbody tr").first
    expect(newest).to_contain_text("Återställd till version 5")
    expect(newest).not_to_contain_text("från version 5")  # the message names the version once

    agenda = Agenda.objects.get(title=FIRST_TITLE)  # the agenda's title is its newest version's
    assert agenda.head_number == 7
    assert [v.author.email for v in agenda.versions.order_by("number")][-3:] == [
        editor_lan.email,
        colleague.email,
        editor_lan.email,
    ]
