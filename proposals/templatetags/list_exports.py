"""What an idea list offers to take away: its Atom feed's title and the links to download it as a file."""

from django import template
from django.utils.translation import gettext as _

from proposals.exports import MAX_ROWS
from proposals.feeds import selection_title

register = template.Library()


@register.simple_tag
def feed_title(filters, options):
    """The title of the list's <link rel="alternate">, naming the selection: "Nya idéer i Nacka (Atom)"."""
    return _("%(selection)s (Atom)") % {"selection": selection_title(filters, options)}


@register.inclusion_tag("proposals/_export_links.html", takes_context=True)
def export_links(context, url_name):
    """ "Ladda ner: CSV · Excel · JSON" for the list at hand, keeping its query string (without the page)."""
    return {"url_name": url_name, "max_rows": MAX_ROWS}
