"""The error every app's services raise when the rules refuse an action: its message is for the user."""


class UserError(Exception):
    """Refused by the rules, not broken: the view shows the message next to the form, with what was typed.

    `status` is the HTTP status of the page that shows it: 409 where the data changed under the user
    (someone else was first), 400 otherwise."""

    status = 400
