from django.contrib import admin

from .models import ImportJob


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """The imports for the operator: who imported what where, and why an import failed."""

    list_display = ["file_name", "district", "state", "total", "created_by", "created_at"]
    list_filter = ["state", "district"]
    fields = [
        "file_name",
        "district",
        "created_by",
        "state",
        "total",
        "processed",
        "created_at",
        "finished_at",
        "error",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).defer("rows")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
