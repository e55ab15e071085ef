from django.contrib import admin

from .models import District, Place


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "name_en", "short_name_en", "code"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "is_active"]
    list_filter = ["kind", "is_active", "districts"]
    search_fields = ["name", "code"]
    filter_horizontal = ["districts"]
    actions = None

    def has_delete_permission(self, request, obj=None):
        # Places are retired (is_active = False), never deleted: their ideas must keep them.
        return False
