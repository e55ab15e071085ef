"""The agenda's own errors. Each message is written for the user who tried the action."""

from django.utils.translation import gettext as _

from reformbank.errors import UserError


class AgendaError(UserError):
    """An action the process does not allow now (the agenda's state or text has moved on); the message is for
    the user."""

    status = 409


class VersionConflict(AgendaError):
    """Someone saved a newer version after the one the editor started from."""

    status = 409

    def __init__(self, head_number):
        super().__init__(_("Någon annan har sparat en nyare version medan du arbetade."))
        self.head_number = head_number


class ItemGone(AgendaError):
    """The section or point a change is about is not in the version it is applied to (removed meanwhile)."""

    status = 409

    def __init__(self, key=None):
        super().__init__(_("Det du ändrade har tagits bort av någon annan."))
        self.key = key


class TextConflict(VersionConflict):
    """Someone saved a newer version, and changed some of the same paragraphs as the editor: `merges` holds
    each field merged (agenda.merge.TextMerge, the conflicts in it to resolve), `head` the newer version."""

    def __init__(self, *, base, head, merges: dict):
        super().__init__(head.number)
        self.base, self.head, self.merges = base, head, merges
