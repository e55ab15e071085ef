"""The main journey in a browser: sign up, verify, submit, find, support; an editor answers; the member reads.

A second test visits the journey's pages in their richest state and checks them with axe-core at desktop and
phone width, saving screenshots to test-artifacts/.
"""

import re

from playwright.sync_api import expect

from members.models import User
from proposals import services
from proposals.models import Proposal

NEW_EMAIL = "ny.medlem@example.se"
NEW_PASSWORD = "Reformer-för-alla-2026"
CONFIRM_LINK_RE = re.compile(r"https?://[^\s]+/konto/confirm-email/[^\s]+/")
TITLE = "Fler hyresrätter och billiga bostäder för unga"
ANSWER = "Styrelsen driver frågan i regionfullmäktige och tar med den i valprogrammet."


def sign_up(page):
    page.goto("/konto/signup/")
    page.get_by_label("E-postadress").fill(NEW_EMAIL)
    page.get_by_label("Visningsnamn").fill("Nora Ny")
    page.get_by_label("Hemkommun").select_option(label="Nacka")
    page.get_by_label(re.compile(r"^Lösenord:?$")).fill(NEW_PASSWORD)
    page.get_by_label("Lösenord (igen)").fill(NEW_PASSWORD)
    page.locator("main").get_by_role("button", name="Skapa konto").click()
    expect(page).to_have_url(re.compile(r"/konto/confirm-email/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verifiera din e-postadress")


def confirm_email_from_outbox(page, run_tasks):
    """Send the queued mail with the real task worker, then follow the link in it as the member would."""
    outbox = run_tasks()
    [message] = [m for m in outbox if NEW_EMAIL in m.to]
    link = CONFIRM_LINK_RE.search(message.body).group(0)
    page.goto(link)
    page.locator("main").get_by_role("button").click()
    # Confirming logs the member in (ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION).
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()


def submit_idea(page):
    page.goto("/ideer/ny/")
    page.get_by_label("Rubrik").fill(TITLE)
    page.get_by_label("Sammanfattning").fill("Kommunen bygger bostäder som unga har råd med, nära skolor.")
    page.get_by_label("Vilket problem löser idén?").fill("Det finns inga lediga bostäder för unga.")
    page.get_by_label("Förslaget").fill("Bostadsbolaget bygger **små hyresrätter** nära pendeltåget.")
    places = page.get_by_role("group", name="Kommun eller region")
    places.get_by_label("Nacka", exact=True).check()
    places.get_by_label("Värmdö", exact=True).check()
    page.get_by_label("Sakområde").select_option(label="Bostäder och stadsbyggnad")
    tags = page.get_by_label("Taggar")
    # The datalist suggests the existing tag while the member types.
    tags.press_sequentially("läx")
    expect(page.locator("#tag-suggestions option")).to_have_attribute("value", "läxhjälp")
    # …but this idea gets a new tag of its own.
    tags.fill("Ungdomsbostäder")
    page.get_by_role("button", name="Skicka in idén").click()
    expect(page.get_by_role("status")).to_contain_text("Tack! Din idé finns nu i reformbanken.")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("link", name="#ungdomsbostäder")).to_be_visible()
    return page.url


def find_by_other_inflection(page):
    """The idea says "skolor"; the member searches the singular "skola"."""
    page.goto("/ideer/")
    # The search field is a combobox once the suggestions script has run.
    page.get_by_role("combobox", name="Sök").fill("skola")
    page.get_by_role("search").get_by_role("button", name="Sök", exact=True).click()
    expect(page).to_have_url(re.compile(r"/ideer/\?q=skola"))
    card = page.locator("article.proposal-card").filter(has=page.get_by_role("link", name=TITLE))
    expect(card).to_be_visible()
    expect(card.locator(".snippet mark")).to_have_text("skolor")


def support(page, idea):
    page.goto(idea.get_absolute_url())
    count = page.locator(".support-box .big-number:visible")
    expect(count).to_have_text("0")
    page.get_by_role("button", name="Stöd idén").click()
    expect(page.get_by_role("status")).to_contain_text("Tack för ditt stöd!")
    expect(count).to_have_text("1")
    expect(page.get_by_role("button", name="Ta tillbaka mitt stöd")).to_be_visible()


def change_status(page, status, text=""):
    desk = page.locator("section", has=page.get_by_role("heading", name="Redaktion"))
    desk.get_by_label("Ny status").select_option(label=status)
    if text:
        desk.get_by_label("Svar eller motivering").fill(text)
    desk.get_by_role("button", name="Spara status").click()
    expect(page.get_by_role("status")).to_contain_text("Idéns status är ändrad.")
    expect(page.locator(".proposal-header .status")).to_have_text(status)


def test_member_signs_up_submits_finds_supports_and_reads_the_answer(
    new_page, log_in, run_tasks, make_proposal, other_member, editor_lan
):
    others_idea = make_proposal(other_member)

    member = new_page()
    sign_up(member)
    confirm_email_from_outbox(member, run_tasks)
    idea_url = submit_idea(member)
    find_by_other_inflection(member)
    support(member, others_idea)
    assert others_idea.supports.get().member == User.objects.get(email=NEW_EMAIL)

    editor = new_page()
    log_in(editor, editor_lan.email)
    editor.goto(idea_url)
    change_status(editor, "Utvald till reformagendan")
    change_status(editor, "Besvarad", ANSWER)
    idea = Proposal.objects.get(author__email=NEW_EMAIL)
    assert idea.status == Proposal.Status.ANSWERED
    assert [c.to_status for c in idea.status_changes.all()] == ["selected", "answered"]

    member = new_page()
    log_in(member, NEW_EMAIL, NEW_PASSWORD)
    member.goto(idea_url)
    answer = member.get_by_role("region", name="Styrelsens svar")
    expect(answer).to_contain_text(ANSWER)
    member.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Mina idéer").click()
    card = member.locator("article.proposal-card").filter(has=member.get_by_role("link", name=TITLE))
    expect(card.locator(".status")).to_have_text("Besvarad")
    expect(member.locator(".answer-inline")).to_contain_text(ANSWER)


def test_journey_pages_pass_axe_at_desktop_and_phone(
    page, log_in, make_proposal, member, other_member, editor_lan, assert_accessible, screenshot
):
    answered = make_proposal(member)
    services.proposal_support(proposal=answered, member=other_member)
    services.comment_create(proposal=answered, author=other_member, body="Bra idé! Det behövs i Sickla.")
    services.proposal_status_change(proposal=answered, editor=editor_lan, status="selected")
    services.proposal_status_change(proposal=answered, editor=editor_lan, status="answered", text=ANSWER)
    make_proposal(other_member, title="Simskola för alla barn", summary="Alla barn ska kunna simma.", tags=())
    make_proposal(
        other_member, title="Nattbussar till Värmdö", summary="Bussar hela natten.", tags=("nattbuss",)
    )

    page.goto("/konto/signup/")
    assert_accessible(page)
    screenshot(page, "signup")

    # The editor sees every part of the idea page: support, comments, answer and the status form.
    log_in(page, editor_lan.email)
    page.goto("/ideer/")
    expect(page.locator("article.proposal-card")).to_have_count(3)
    assert_accessible(page)
    screenshot(page, "list")

    page.goto("/ideer/?q=skola")
    expect(page.locator("article.proposal-card .snippet mark").first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "search")

    page.goto(answered.get_absolute_url())
    expect(page.get_by_role("heading", name="Redaktion")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "idea")

    page.goto("/ideer/ny/")
    assert_accessible(page)
    screenshot(page, "submit")
    page.get_by_role("button", name="Skicka in idén").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "submit-errors")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/ideer/")
    assert_accessible(page)
    page.get_by_role("button", name="Meny").click()
    menu = page.get_by_role("navigation", name="Huvudmeny")
    expect(menu.get_by_role("link", name="Idéer", exact=True)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "list-menu-open", sizes=("phone",))
