from django.db import models


class RateWindow(models.Model):
    """How many API requests one client address has made in one minute of the clock (api/throttling.py)."""

    client = models.TextField()  # the address (an IPv6 one may carry a scope: "fe80::1%eth0")
    window = models.BigIntegerField()  # minutes since the epoch
    count = models.PositiveIntegerField(default=1)

    class Meta:
        indexes = [models.Index(fields=["window"], name="api_ratewindow_window")]
        constraints = [
            models.UniqueConstraint(
                fields=["client", "window"], name="api_ratewindow_one_per_client_and_minute"
            )
        ]
