from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import EditorRole, User
from .services import roles_change_record, roles_snapshot

NO_ROLES = {"districts": [], "is_admin": False}


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

    # Roles changed here land in the audit log as those changed on the roles page do: the roles before the
    # user is saved, compared with those after the inline editor roles are saved (one transaction).
    def save_model(self, request, obj, form, change):
        form.roles_before = roles_snapshot(obj) if change else NO_ROLES
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        roles_change_record(user=form.instance, actor=request.user, before=form.roles_before)
