"""Who may do what with ideas and comments. Views and templates ask here, nowhere else."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from members.permissions import editor_district_ids, is_verified


def can_submit(user) -> bool:
    return is_verified(user)


def is_own_proposal(user, proposal) -> bool:
    return is_verified(user) and proposal.author_id == user.pk


def can_edit_proposal(user, proposal) -> bool:
    """The author, while the board has not taken the idea up (the service checks it again when saving)."""
    return is_own_proposal(user, proposal) and proposal.is_open_for_edit


def can_support(user, proposal) -> bool:
    return is_verified(user) and proposal.author_id != user.pk


def can_comment(user, proposal) -> bool:
    return is_verified(user)


def can_moderate(user, proposal) -> bool:
    """Editors of a board may moderate the ideas that concern a place of their district."""
    return bool(editor_district_ids(user) & proposal.district_ids)


def can_edit_comment(user, comment) -> bool:
    window = timedelta(minutes=settings.COMMENT_EDIT_MINUTES)
    return (
        is_verified(user)
        and comment.author_id == user.pk
        and not comment.is_hidden
        and timezone.now() - comment.created_at <= window
    )
