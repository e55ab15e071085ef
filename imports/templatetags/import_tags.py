"""What the import shows on the bank's pages below it: the idea page loads this tag, so the bank's code never
imports the import."""

from django import template

from ..models import ImportedIdea

register = template.Library()


@register.inclusion_tag("imports/_imported_from.html")
def imported_from(proposal):
    """For an imported idea, the author as the file names them and the file it came from (nothing otherwise)."""
    record = ImportedIdea.objects.filter(proposal_id=proposal.pk).only("author_name", "source_key").first()
    return {"record": record}
