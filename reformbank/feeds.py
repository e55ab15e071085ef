"""What every feed of the portal shares: Atom, the anonymous view, in Swedish, with conditional GET.

Whoever asks gets what an anonymous visitor sees, written in Swedish: feed readers fetch without a session and
share what they fetched. Items have an `author` (shown by public name) and a `created_at`; their link is
their get_absolute_url() (the syndication framework's own default).

Feed readers ask again every few minutes. Every feed answers with an ETag (a hash of the feed as written) and
a Last-Modified (its newest item's date), and a reader that sends either back gets 304 Not Modified without
the body while nothing has changed. The ETag decides when a reader sends both (RFC 9110): it also changes
when an item drops out of the feed or is edited, where the newest date may stay the same."""

from datetime import UTC, datetime

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import parse_http_date_safe

# The date of a feed without items: a fixed one (Django's default is the current time), so that an empty feed
# is the same feed each time it is fetched and keeps its ETag.
EMPTY_FEED_DATE = datetime(1970, 1, 1, tzinfo=UTC)


class StableAtom1Feed(Atom1Feed):
    def latest_post_date(self):
        if not any(item["updateddate"] or item["pubdate"] for item in self.items):
            return EMPTY_FEED_DATE
        return super().latest_post_date()


class PublicFeed(Feed):
    feed_type = StableAtom1Feed

    def __call__(self, request, *args, **kwargs):
        with translation.override("sv"):
            response = super().__call__(request, *args, **kwargs)
        set_response_etag(response)
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response["Last-Modified"]),
            response=response,
        )

    def item_author_name(self, item):
        return item.author.public_name

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.created_at
