"""Duplicates in a browser: a member on an open idea round's submit page types a title close to an existing
idea, sees it and supports it instead; an editor merges two ideas and unmerges them. The pages are checked with
axe-core, with screenshots saved to test-artifacts/."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from places.models import District
from proposals.models import Proposal, Support
from rounds import services as round_services

EXISTING = "Fler cykelbanor till skolorna i Nacka"


def test_member_supports_a_similar_idea_instead(
    page, log_in, member, other_member, editor_lan, make_proposal, screenshot, assert_accessible
):
    existing = make_proposal(other_member, title=EXISTING, tags=("cykel",))
    today = timezone.localdate()
    round_services.round_create(
        editor=editor_lan,
        district=District.objects.get(code="lan"),
        title="Trygga skolvägar",
        description="Hur kommer barnen tryggt till skolan?",
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=21),
    )
    log_in(page, member.email)
    page.goto("/ideinsamlingar/trygga-skolvagar/")
    page.get_by_role("link", name="Skicka in en idé till insamlingen").click()
    page.get_by_label("Rubrik").press_sequentially("Cykelbana till skolan", delay=20)

    warning = page.locator("#similar-ideas")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("Liknande idéer finns redan")
    expect(warning.get_by_role("link", name=EXISTING)).to_be_visible()
    expect(page.locator("#similar-ideas-status")).to_contain_text("1")
    assert_accessible(page)
    screenshot(page, "merge-similar-ideas")

    warning.get_by_role("button", name="Stöd den i stället").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(EXISTING)
    expect(page.locator(".message-success")).to_contain_text("Tack för ditt stöd!")
    assert Support.objects.filter(proposal=existing, member=member).exists()
    assert Proposal.objects.get(pk=existing.pk).support_count == 1
    assert Proposal.objects.count() == 1  # nothing new was submitted


def test_editor_merges_two_ideas_and_unmerges_them(
    page, log_in, member, other_member, editor_lan, make_proposal, screenshot, assert_accessible
):
    kept = make_proposal(member, title="Läxhjälp på alla skolor i Nacka")
    duplicate = make_proposal(other_member, title="Läxhjälp efter skolan", tags=("läxor",))
    log_in(page, editor_lan.email)
    page.goto(duplicate.get_absolute_url())
    page.get_by_role("link", name="Sammanför med en annan idé (dubblett)").click()
    page.get_by_label("Sök idén att behålla (rubrik eller nummer)").fill("läxhjälp")
    page.get_by_role("button", name="Sök", exact=True).click()
    keep = page.get_by_role("button", name=f"Behåll ”{kept.title}” och sammanför")
    expect(keep).to_be_visible()  # the search's page has loaded: axe runs on it, not on the one it replaces
    assert_accessible(page)
    screenshot(page, "merge-choose")
    keep.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(kept.title)
    expect(page.locator(".message-success")).to_contain_text("Idéerna är sammanförda")
    expect(page.locator(".coauthors")).to_contain_text(other_member.public_name)
    page.goto(duplicate.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(
        kept.title
    )  # the duplicate's address leads here
    assert_accessible(page)
    screenshot(page, "merge-kept")

    page.get_by_role("button", name="Ångra sammanförningen").click()
    expect(page.locator(".message-success")).to_contain_text("Sammanförningen är ångrad")
    expect(page.locator(".coauthors")).to_have_count(0)
    page.goto(duplicate.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(duplicate.title)
    assert Proposal.objects.get(pk=duplicate.pk).merged_into_id is None
