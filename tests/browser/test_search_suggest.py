"""Search as you type: the search field suggests ideas while the member types, and the keyboard picks one.

The suggestion list follows the ARIA combobox pattern; axe-core checks the page with the list open.
"""

import re

from playwright.sync_api import expect

NEUTRAL = {"summary": "Kort sammanfattning.", "problem": "Inget.", "body": "Text.", "tags": []}


def test_member_types_part_of_a_word_and_picks_a_suggestion_with_the_keyboard(
    page, make_proposal, member, assert_accessible, screenshot
):
    make_proposal(member, title="Billiga bostäder för unga", **NEUTRAL)
    wanted = make_proposal(member, title="En gemensam bostadskö för länet", **NEUTRAL)
    make_proposal(member, title="Solceller på kommunens tak", **NEUTRAL)

    page.goto("/ideer/")
    field = page.get_by_role("combobox", name="Sök")
    expect(field).to_have_attribute("aria-expanded", "false")
    field.press_sequentially("bost", delay=40)

    listbox = page.get_by_role("listbox", name="Förslag på idéer")
    expect(listbox).to_be_visible()
    options = listbox.get_by_role("option")
    expect(options).to_have_count(2)
    expect(field).to_have_attribute("aria-expanded", "true")
    expect(options.filter(has_text="bostadskö").locator("mark")).to_have_text("bostadskö")
    assert_accessible(page)
    screenshot(page, "search-suggestions", sizes=("desktop",))

    # Down arrow to the wanted idea, wherever the ranking put it.
    position = options.all_inner_texts().index(wanted.title)
    for index in range(position + 1):
        field.press("ArrowDown")
        expect(options.nth(index)).to_have_attribute("aria-selected", "true")
    for other in range(2):
        if other != position:
            expect(options.nth(other)).to_have_attribute("aria-selected", "false")
    expect(field).to_have_attribute("aria-activedescendant", options.nth(position).get_attribute("id"))
    field.press("Enter")

    expect(page).to_have_url(re.compile(re.escape(wanted.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(wanted.title)


def test_escape_closes_the_suggestions_and_enter_then_searches(page, make_proposal, member):
    make_proposal(member, title="Tätare busstrafik på kvällarna", **NEUTRAL)
    page.goto("/ideer/")
    field = page.get_by_role("combobox", name="Sök")
    field.press_sequentially("buss", delay=40)
    listbox = page.get_by_role("listbox", name="Förslag på idéer")
    expect(listbox).to_be_visible()
    field.press("Escape")
    expect(listbox).to_be_hidden()
    expect(field).to_have_attribute("aria-expanded", "false")
    field.press("Enter")
    expect(page).to_have_url(re.compile(r"/ideer/\?q=buss"))
    expect(page.locator("article.proposal-card")).to_have_count(1)
