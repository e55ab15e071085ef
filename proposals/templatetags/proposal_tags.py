import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from proposals.selectors import MARK_START, MARK_STOP

register = template.Library()


MARKDOWN_SYNTAX = re.compile(r"(\*\*|__|`|^#+\s|^>\s|^[-*]\s)", re.MULTILINE)


@register.filter
def highlight(headline):
    """A search snippet: the member's text without Markdown syntax, escaped, the matches marked."""
    text = MARKDOWN_SYNTAX.sub("", headline)
    return mark_safe(escape(text).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))  # noqa: S308
