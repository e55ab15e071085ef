"""How a view calls a service: one way, for every app."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from .errors import UserError


@dataclass
class Submission:
    """What became of a submitted form: the service's result, or why not (the errors are on the form)."""

    ok: bool
    result: Any = None
    error: UserError | None = None
    status: int = 200

    def __bool__(self):
        return self.ok


def form_submit(form, call: Callable[[dict], Any]) -> Submission:
    """Validate the form and, if it is valid, call the service: `call(form.cleaned_data)`.

    A refusal of the rules (UserError) is put on the form above its fields, so the page shows it with
    everything the user typed; the status is 400 for invalid input, the error's own for a refusal."""
    if not form.is_valid():
        return Submission(ok=False, status=400)
    try:
        result = call(form.cleaned_data)
    except UserError as error:
        form.add_error(None, str(error))
        return Submission(ok=False, error=error, status=error.status)
    return Submission(ok=True, result=result)


def require(allowed: bool) -> None:
    """Refuse (403) what the viewer may see but not do; load what they may not see through a 404 helper."""
    if not allowed:
        raise PermissionDenied


def follow_answer(request, target, follow: Callable[[bool], Any], *, started: str, stopped: str):
    """A follow button's POST (`following` "1" to follow, else to stop): `follow(following)`, the message that
    says which, and back to `target`'s page."""
    following = request.POST.get("following") == "1"
    follow(following)
    if following:
        messages.success(request, started)
    else:
        messages.info(request, stopped)
    return redirect(target)
