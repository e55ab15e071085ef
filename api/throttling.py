"""The API's rate limit: a fixed window of requests per client address and minute, counted in PostgreSQL."""

import time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from ninja.throttling import BaseThrottle

from members.adapter import client_ip

from .models import RateWindow

WINDOW_SECONDS = 60


def rate_limit() -> int:
    """Requests a client may make per minute (DJANGO_API_RATE_LIMIT; a test raises it for the schemathesis run,
    which sends hundreds of requests in a few seconds)."""
    return settings.API_RATE_LIMIT


def rate_window_count(*, client: str, window: int, limit: int) -> bool:
    """Count one request of `client` in minute `window`; False, counting nothing, when the client has made
    `limit` requests in it already.

    A conditional UPDATE counts and checks in one statement, so requests at the same moment never count
    twice as one (a cache's get-and-set would, and let a burst through). The first request of a minute
    inserts its row; two first requests at once meet at the unique constraint, and the second counts on
    with the UPDATE. Rows of past minutes are removed as each new minute's first rows arrive."""
    counted = RateWindow.objects.filter(client=client, window=window, count__lt=limit).update(
        count=F("count") + 1
    )
    if counted:
        return True
    try:
        with transaction.atomic():
            RateWindow.objects.create(client=client, window=window)
    except IntegrityError:  # the row is there: over the limit, or made by a request at the same moment
        return bool(
            RateWindow.objects.filter(client=client, window=window, count__lt=limit).update(
                count=F("count") + 1
            )
        )
    RateWindow.objects.filter(window__lt=window).delete()
    return True


class ClientRateThrottle(BaseThrottle):
    """At most settings.API_RATE_LIMIT requests per client address in each minute of the clock.

    The client is the address members.adapter.client_ip works out (X-Forwarded-For believed only from
    settings.TRUSTED_PROXIES), as for the login limit, so a client cannot escape the limit by writing its own
    header."""

    def allow_request(self, request) -> bool:
        now = time.time()
        window = int(now // WINDOW_SECONDS)
        self.retry_after = (window + 1) * WINDOW_SECONDS - now
        return rate_window_count(client=client_ip(request) or "unknown", window=window, limit=rate_limit())

    def wait(self) -> float:
        return self.retry_after
