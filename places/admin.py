from django.contrib import admin

from proposals.search import search_districts_refresh

from .models import District, Place


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "code"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "is_active"]
    list_filter = ["kind", "is_active", "districts"]
    search_fields = ["name", "code"]
    filter_horizontal = ["districts"]
    actions = None

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and "districts" in form.changed_data:
            # The search and the idea list filter ideas by district through the districts of their places, kept
            # on each idea. A change made elsewhere (shell, SQL) needs `manage.py search_reindex`.
            search_districts_refresh(place_ids=[form.instance.pk])

    def has_delete_permission(self, request, obj=None):
        # Places are retired (is_active = False), never deleted: their ideas must keep them.
        return False
