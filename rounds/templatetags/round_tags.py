"""What idea rounds show on the pages of the bank below them: the bank's templates load these tags, so the bank's
code never imports rounds."""

from django import template
from django.utils import timezone

from ..models import RoundIdea
from ..selectors import rounds_open

register = template.Library()
OFFERED_ROUNDS = 5


@register.inclusion_tag("rounds/_open_rounds_offer.html")
def open_rounds_offer():
    """The open rounds, closing soonest first, each with a link to submit an idea to it (nothing when none)."""
    rounds = list(rounds_open(timezone.localdate())[: OFFERED_ROUNDS + 1])
    return {"rounds": rounds[:OFFERED_ROUNDS], "more": len(rounds) > OFFERED_ROUNDS}


@register.inclusion_tag("rounds/_proposal_round.html")
def proposal_round(proposal):
    """“Inskickad till idéinsamlingen X” on an idea that was submitted to a round."""
    link = RoundIdea.objects.filter(proposal=proposal).select_related("round").first()
    return {"round": link.round if link else None}
