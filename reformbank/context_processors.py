from django.utils.functional import SimpleLazyObject

from members.permissions import is_editor


def roles(request):
    """Whether to show the editors' links; asked only when a template uses it, and once per request."""
    return {"nav_is_editor": SimpleLazyObject(lambda: is_editor(request.user))}
