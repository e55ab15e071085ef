from django.utils.functional import SimpleLazyObject

from .permissions import viewer_for


class ViewerMiddleware:
    """Gives each request its viewer (members.permissions.Viewer), worked out the first time it is asked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.viewer = SimpleLazyObject(lambda: viewer_for(request.user))
        return self.get_response(request)
