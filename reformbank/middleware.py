import re
from itertools import chain

from django.shortcuts import render

# NUL and the other C0 and C1 control characters (and DEL). Text may hold tabs and line breaks; PostgreSQL refuses
# NUL in text, and the rest are never typed. A path or a session key holds none of them.
CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
CONTROL_ANYWHERE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class ControlCharacterMiddleware:
    """Answer 400, with a page that says why, to a request whose path, query string or posted form holds a control
    character, before any view or query sees it. One pass over the input; the parsed GET and POST are the ones
    the view gets. (One-line form fields also refuse tabs and line breaks, beside the field.)

    A session cookie with a control character (a browser never sends one) counts as no session: looking it up
    would fail in the database. The session middleware then deletes the cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and CONTROL_ANYWHERE.search(session.session_key or ""):
            request.session = type(session)()
        if (
            CONTROL_ANYWHERE.search(request.path)
            or self._has_control(request.GET)
            or self._has_control(request.POST)
        ):
            return render(request, "400.html", status=400)
        return self.get_response(request)

    @staticmethod
    def _has_control(data) -> bool:
        return any(
            CONTROL_IN_TEXT.search(text) for key, values in data.lists() for text in chain([key], values)
        )
