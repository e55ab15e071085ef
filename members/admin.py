from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import EditorRole, User


class EditorRoleInline(admin.TabularInline):
    model = EditorRole
    fk_name = "user"
    extra = 0
    readonly_fields = ["granted_by", "granted_at"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "home_place", "language", "is_superuser", "is_active"]
    list_filter = ["is_superuser", "is_active", "language", "editor_roles__district"]
    search_fields = ["email", "display_name"]
    inlines = [EditorRoleInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profil"), {"fields": ["display_name", "home_place", "language"]}),
        (_("Behörighet"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Datum"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
