import re
from functools import lru_cache

from django import template
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, ngettext

from proposals.selectors import MARK_START, MARK_STOP
from reformbank.forms import html_value

register = template.Library()


MARKDOWN_SYNTAX = re.compile(r"(\*\*|__|`|^#+\s|^>\s|^[-*]\s)", re.MULTILINE)


@register.filter
def highlight(headline):
    """A search snippet: the member's text without Markdown syntax, escaped, the matches marked."""
    text = MARKDOWN_SYNTAX.sub("", headline)
    return mark_safe(escape(text).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))  # noqa: S308


@register.filter
def grouped(number):
    """A number with its thousands grouped as the language writes them ("10 000", "10,000")."""
    return formats.number_format(number, force_grouping=True)


SUPPORT_ICON = mark_safe(
    '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 21s-7.5-4.6-9.6-9.2'
    "C.9 8.4 3 4.5 6.8 4.5c2.1 0 3.8 1.2 5.2 3 1.4-1.8 3.1-3 5.2-3 3.8 0 5.9 3.9 4.4 7.3C19.5 16.4 12 21 12 21z"
    '"/></svg>'
)
COMMENT_ICON = mark_safe(
    '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 4h16a2 2 0 0 1 2 2'
    'v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>'
)
CARD_HTML = (
    '<article class="card proposal-card">\n  <header>\n    <p class="meta">\n'
    '      <span class="status status-{}">{}</span>\n      <span>{}</span>\n{}    </p>\n'
    '    <h3><a href="{}">{}</a></h3>\n  </header>\n  {}\n  <footer class="card-footer">\n'
    '    <span class="places">{}</span>\n    <span class="counts">\n'
    '      <span class="count-item">{} {}</span>\n      <span class="count-item">{} {}</span>\n'
    "    </span>\n{}  </footer>\n</article>\n"
)


@lru_cache(maxsize=8)
def _card_words(language: str) -> dict:
    """What every card of a language shares: labels and addresses, worked out once per process."""
    from proposals.models import Proposal

    detail = reverse("proposals:detail", args=[1])
    return {
        "status": {value: str(label) for value, label in Proposal.Status.choices},
        "tags": gettext("Taggar"),
        "submitted": gettext("Inlämnad"),
        "list_url": reverse("proposals:list"),
        "detail_url": detail[: detail.rindex("1")] + "{}" + detail[detail.rindex("1") + 1 :],
    }


@lru_cache(maxsize=512)
def _counts(language: str, supports: int, comments: int) -> tuple[str, str]:
    return (
        ngettext("%(counter)s stöd", "%(counter)s stöd", supports) % {"counter": formats.localize(supports)},
        ngettext("%(counter)s kommentar", "%(counter)s kommentarer", comments)
        % {"counter": formats.localize(comments)},
    )


@register.simple_tag
def proposal_card(proposal, show_date=False):
    """An idea's card in a list (its places and tags from proposals.selectors.proposal_cards; a search's
    marked title and snippet when it has them).

    Built in Python rather than as a template: a page of 20 cards spent about 25 ms in the template engine,
    most of a list page's time; this takes a fraction of that. Each value is escaped once, as format_html
    would (without its check of every value for a lazy translation: a third of the card's time)."""
    language = get_language()
    words = _card_words(language)
    date = ""
    if show_date:
        created = timezone.localtime(proposal.created_at)
        date = (
            f'      <span>{html_value(words["submitted"])} <time datetime="{created.strftime("%Y-%m-%d")}">'
            f"{html_value(formats.date_format(created, 'SHORT_DATE_FORMAT'))}</time></span>\n"
        )
    title = highlight(proposal.title_marked) if getattr(proposal, "title_marked", "") else proposal.title
    headline = getattr(proposal, "headline", "")
    if headline:
        text = f'<p class="snippet">{highlight(headline)}</p>'
    else:
        text = f"<p>{html_value(Truncator(proposal.summary).words(40))}</p>"
    tags = ""
    if proposal.card_tags:
        list_url = html_value(words["list_url"])
        items = "".join(
            f'<li><a class="tag" href="{list_url}?tag={html_value(t.slug)}">#{html_value(t.name)}</a></li>'
            for t in proposal.card_tags
        )
        tags = (
            f'    <ul class="tag-list" aria-label="{html_value(words["tags"])}">\n      {items}\n    </ul>\n'
        )
    supports, comments = _counts(language, proposal.support_count, proposal.comment_count)
    return mark_safe(  # noqa: S308 (every value escaped by html_value)
        CARD_HTML.format(
            html_value(proposal.status),
            html_value(words["status"].get(proposal.status, proposal.status)),
            html_value(proposal.policy_area.display_name),
            date,
            html_value(words["detail_url"].format(proposal.pk)),
            html_value(title),
            text,
            html_value(", ".join(proposal.card_places)),
            SUPPORT_ICON,
            html_value(supports),
            COMMENT_ICON,
            html_value(comments),
            tags,
        )
    )
