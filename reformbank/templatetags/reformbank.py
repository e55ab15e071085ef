from django import template

from reformbank.markdown import markdown_render

register = template.Library()


@register.filter
def markdown(text):
    return markdown_render(text)


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
