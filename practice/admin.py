from django.contrib import admin

from .models import GoverningPeriod


@admin.register(GoverningPeriod)
class GoverningPeriodAdmin(admin.ModelAdmin):
    """Admins mark where the party governs, and for which period."""

    list_display = ["place", "starts_on", "ends_on", "note"]
    list_filter = ["place__kind"]
    search_fields = ["place__name", "note"]
    list_select_related = ["place"]
