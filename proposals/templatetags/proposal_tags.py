from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from proposals.selectors import MARK_START, MARK_STOP

register = template.Library()


@register.filter
def highlight(headline):
    """A search snippet: the member's text escaped, the matches marked."""
    return mark_safe(escape(headline).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))  # noqa: S308
