from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read only: the log is written by the actions themselves, never by hand."""

    list_display = ["created_at", "actor", "action", "target_label"]
    list_filter = ["action", "districts"]
    list_select_related = ["actor"]
    search_fields = ["target_label", "reason"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
