from django.contrib import admin

from .models import Meeting, Registration


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    raw_id_fields = ["member"]
    readonly_fields = ["created_at", "reminded_at"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "district", "kind", "starts_at", "capacity"]
    list_filter = ["district", "kind"]
    search_fields = ["title"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["ideas"]
    inlines = [RegistrationInline]
