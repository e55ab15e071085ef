"""One submission of a form makes one row, however often it is sent.

A form that creates a row carries a one-time key (a hidden UUID, `{% submission_key %}` or
SubmissionKeyField). The service claims it (`submission_claim`): a transaction-scoped advisory lock on
(model, author, key), so the same submission sent twice at once is handled one after the other, and the
second finds the first's row. A unique constraint on (author, submission_key) is the database's guarantee.
"""

import uuid
from collections.abc import Callable

from django import forms
from django.db import connection


class SubmissionKeyField(forms.UUIDField):
    """The hidden one-time key; a fresh one each time an empty form is shown."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("initial", uuid.uuid4)  # a callable: evaluated for each form shown
        super().__init__(required=False, **kwargs)


def submission_claim(model, *, owner_field: str, owner, key, same: Callable) -> tuple:
    """(the row this submission already made, or None; the key to store on a new row).

    Call inside the service's transaction, before creating the row: it waits for any other transaction
    handling the same submission (an advisory lock, released when the transaction ends). A row made from the
    same form but with other text (`same(row)` is false: the form was sent back after an edit) is no
    duplicate: the new row is then made without a key."""
    if key is None:
        return None, None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
            [f"{model._meta.label}:{owner.pk}:{key}"],
        )
    earlier = model.objects.filter(**{owner_field: owner, "submission_key": key}).first()
    if earlier is None:
        return None, key
    return (earlier, key) if same(earlier) else (None, None)
