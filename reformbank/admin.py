"""The Django admin's site: admins see all of it; board editors may enter, without being staff, to keep what a
model admin gives them with `editor_may_use` (the search's synonym sets), and see nothing else."""

from django.contrib import admin


def editor_may_use(request) -> bool:
    """An active admin, or an active editor of any district board (request.viewer, members.middleware)."""
    viewer = getattr(request, "viewer", None)
    return request.user.is_active and (request.user.is_superuser or bool(viewer and viewer.is_editor))


class AdminSite(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) or editor_may_use(request)
