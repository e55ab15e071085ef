"""An Atom feed of an agenda's versions: those an anonymous visitor may read, newest first.

Whoever asks gets the anonymous view, in Swedish: feed readers fetch without a session and share what they
fetched. A draft that was never published has no feed (404), as it has no page for members."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from members.permissions import ANONYMOUS
from reformbank.feeds import PublicFeed

from . import permissions
from .models import Agenda

FEED_ITEMS = 30


class AgendaVersionFeed(PublicFeed):
    def get_object(self, request, pk):
        agenda = get_object_or_404(Agenda, pk=pk)
        agenda.public_number = permissions.newest_visible_number(ANONYMOUS, agenda)
        if agenda.public_number is None:
            raise Http404
        return agenda

    def title(self, obj):
        return _("%(title)s: versioner") % {"title": obj.title}

    def subtitle(self, obj):
        return _("Nya versioner av reformagendan ”%(title)s” i Reformbanken.") % {"title": obj.title}

    def link(self, obj):
        return reverse("agenda:detail", args=[obj.pk])

    def feed_url(self, obj):
        return reverse("agenda:feed", args=[obj.pk])

    def items(self, obj):
        return (
            obj.versions.filter(number__lte=obj.public_number)
            .select_related("author")
            .order_by("-number")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return _("Version %(number)s: %(message)s") % {"number": item.number, "message": item.message_text}

    def item_description(self, item):
        # An editor's change message is typed text: escaped, since a feed reader renders HTML.
        return escape(item.message_text)
