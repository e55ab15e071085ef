"""What every feed of the portal shares: Atom, the anonymous view, in Swedish.

Whoever asks gets what an anonymous visitor sees, written in Swedish: feed readers fetch without a session and
share what they fetched. Items have an `author` (shown by public name) and a `created_at`; their link is
their get_absolute_url() (the syndication framework's own default)."""

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed


class PublicFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        with translation.override("sv"):
            return super().__call__(request, *args, **kwargs)

    def item_author_name(self, item):
        return item.author.public_name

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.created_at
