"""Who a user is in the portal: verified member, board editor, admin.

Each answer is computed once per user object (one request) and kept on it.
"""

from allauth.account.models import EmailAddress

from .models import EditorRole


def is_verified(user) -> bool:
    """Logged in, active and with a verified primary email address."""
    if not user.is_authenticated or not user.is_active:
        return False
    if not hasattr(user, "_is_verified"):
        user._is_verified = EmailAddress.objects.filter(user=user, verified=True, primary=True).exists()
    return user._is_verified


def editor_district_ids(user) -> frozenset[int]:
    """The districts whose board the user edits for."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, "_editor_district_ids"):
        user._editor_district_ids = frozenset(
            EditorRole.objects.filter(user=user).values_list("district_id", flat=True)
        )
    return user._editor_district_ids


def is_editor(user) -> bool:
    return bool(editor_district_ids(user))


def is_admin(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_superuser


def can_manage_roles(user) -> bool:
    return is_admin(user)
