"""The API's rate limit: a fixed window of requests per client address, counted in Django's cache."""

import time

from django.conf import settings
from django.core.cache import cache
from ninja.throttling import BaseThrottle

from members.adapter import client_ip

# Requests a client may make per window; settings.API_RATE_LIMIT overrides it (a test raises it for the
# schemathesis run, which sends hundreds of requests in a few seconds).
DEFAULT_RATE = 120
WINDOW_SECONDS = 60


def rate_limit() -> int:
    return getattr(settings, "API_RATE_LIMIT", DEFAULT_RATE)


class ClientRateThrottle(BaseThrottle):
    """At most `rate` requests per client address in each minute of the clock.

    The client is the address members.adapter.client_ip works out (X-Forwarded-For believed only from
    settings.TRUSTED_PROXIES), as for the login limit, so a client cannot escape the limit by writing its own
    header. A fixed window costs one counter per client and window: `cache.add` starts it, `cache.incr`
    counts on. Redis counts atomically; the database cache (development) may lose a count when two requests
    of one client land in the same instant, which lets that client through once more, never fewer."""

    def allow_request(self, request) -> bool:
        address = client_ip(request) or "unknown"
        now = time.time()
        window = int(now // WINDOW_SECONDS)
        self.retry_after = (window + 1) * WINDOW_SECONDS - now
        key = f"api-rate:{address}:{window}"
        # A little longer than the window, so that a counter never expires while its window is still open.
        if cache.add(key, 1, timeout=WINDOW_SECONDS + 5):
            return True
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr: this request starts the window again
            cache.add(key, 1, timeout=WINDOW_SECONDS + 5)
            return True
        return count <= rate_limit()

    def wait(self) -> float:
        return self.retry_after
