import uuid

from django import template
from django.utils.html import format_html

from reformbank.markdown import markdown_render

register = template.Library()


@register.filter
def markdown(text):
    return markdown_render(text)


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.simple_tag
def submission_key():
    """A form's one-time key: sent twice (a double-click), the form still makes one row."""
    return format_html('<input type="hidden" name="submission_key" value="{}">', uuid.uuid4())
