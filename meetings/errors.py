"""The meetings' own errors. Each message is written for the member who tried the action."""

from reformbank.errors import UserError


class MeetingError(UserError):
    """Not possible now: the meeting has started, or its seats have changed meanwhile."""

    status = 409
