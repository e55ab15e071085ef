"""One submission of a form makes one row, however often it is sent.

A form that creates a row carries a one-time key (a hidden UUID, `{% submission_key %}` or
SubmissionKeyField). The service takes a transaction-scoped advisory lock on (model, author, key), so the
same submission sent twice at once is handled one after the other, and the second finds the first's row.
A unique constraint on (author, submission_key) is the database's guarantee behind it.
"""

import uuid

from django import forms
from django.db import connection


class SubmissionKeyField(forms.UUIDField):
    """The hidden one-time key; a fresh one each time an empty form is shown."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("initial", uuid.uuid4)  # a callable: evaluated for each form shown
        super().__init__(required=False, **kwargs)


def submission_lock(model, author_id, key) -> None:
    """Wait for any other transaction handling the same submission; released when this one ends."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
            [f"{model._meta.label}:{author_id}:{key}"],
        )
