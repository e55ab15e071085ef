"""What the agenda shows on the pages of the bank below it: the bank's templates load these tags, so the bank's
code never imports the agenda."""

from django import template

from proposals.models import Proposal
from proposals.permissions import can_moderate

from ..forms import PromoteForm
from ..selectors import promote_targets, proposal_agenda_trail

register = template.Library()


def _promote_targets(context) -> list:
    """The agenda sections the viewer may promote into, once per page however many ideas it lists."""
    cache = context.render_context
    if "promote_targets" not in cache:
        cache["promote_targets"] = promote_targets(context["request"].viewer)
    return cache["promote_targets"]


@register.inclusion_tag("agenda/_trail.html", takes_context=True)
def agenda_trail(context, proposal):
    """Every version of every agenda the idea fed, as far as the viewer may see, and what became of it."""
    return {"trails": proposal_agenda_trail(proposal, context["request"].viewer)}


@register.inclusion_tag("agenda/_promote_form.html", takes_context=True)
def promote_form(context, proposal, in_queue=False):
    """The form that brings a selected idea into an agenda the viewer edits (nothing for anyone else).

    `in_queue`: a compact form on a card of the editor's queue, which lists only ideas of the editor's own
    districts (so no idea's places are loaded to ask again; the promotion itself checks)."""
    request = context["request"]
    shown = proposal.status == Proposal.Status.SELECTED and (
        in_queue or can_moderate(request.viewer, proposal)
    )
    targets = _promote_targets(context) if shown else []
    return {
        "proposal": proposal,
        "form": PromoteForm(targets=targets) if targets else None,
        "in_queue": in_queue,
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
