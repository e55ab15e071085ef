"""What the practice app shows on the pages of the bank and the agenda below it: their templates load these
tags, so their code never imports this app."""

from django import template

from .. import permissions, selectors
from ..forms import CarryForm, PlaceChoiceForm
from ..models import Implementation

register = template.Library()

STATE_SYMBOLS = {
    Implementation.State.PROPOSED: "✎",
    Implementation.State.DECIDED: "⚑",
    Implementation.State.TRIAL: "◐",
    Implementation.State.CARRIED_OUT: "●",
    Implementation.State.EVALUATED: "✓",
    Implementation.State.DROPPED: "✕",
}


@register.filter
def state_symbol(state: str) -> str:
    """The state's symbol, shown beside its name so that colour is never the only sign."""
    return STATE_SYMBOLS.get(state, "")


@register.inclusion_tag("practice/_implementations.html", takes_context=True)
def implementations_table(context, proposal):
    """The idea's implementations, municipality by municipality, and the place chooser for those who may
    record one."""
    places = selectors.recordable_places(context["request"], proposal)
    return {
        "proposal": proposal,
        "implementations": selectors.proposal_implementations(proposal),
        "choose_form": PlaceChoiceForm(places=places) if places else None,
    }


@register.inclusion_tag("practice/_carriers.html", takes_context=True)
def carriers(context, proposal):
    """The representatives who carry the idea, and the viewer's "Jag driver den här"."""
    request = context["request"]
    offices = selectors.request_offices(request)
    carryings = selectors.proposal_carryings(proposal)
    carries = any(c.member_id == request.viewer.pk for c in carryings)
    can_carry = permissions.can_carry(request.viewer, offices) and not carries
    return {
        "proposal": proposal,
        "carryings": carryings,
        "carries": carries,
        "carry_form": CarryForm(assignments=offices.assignments) if can_carry else None,
        "single_office": len(offices.assignments) == 1,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("practice/_point_practice.html", takes_context=True)
def point_practice(context, document, point):
    """Where the point's source ideas were tried and how it went. The first point asks for all the document's
    source ideas at once, so an agenda page makes one query however many points it has."""
    cache = context.render_context
    if "practice_by_proposal" not in cache:
        ids = {pk for each in document.points() for pk in each.source_ids}
        cache["practice_by_proposal"] = selectors.implementations_by_proposal(ids) if ids else {}
    found = cache["practice_by_proposal"]
    implementations = [i for pk in dict.fromkeys(point.source_ids) for i in found.get(pk, [])]
    return {"implementations": implementations, "point": point}
