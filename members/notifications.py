"""What each kind of notification says. A notification stores its kind and parameters, not a text: the text is
rendered when the member reads it, in the language they read the site in.

A parameter named in `translated` is stored as the Swedish source text (a msgid) of a label, e.g. an
amendment's decision, and translated when shown. Plural messages use `ngettext_lazy(..., "count")`.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

LEGACY = "legacy"


@dataclass(frozen=True)
class NotificationKind:
    template: str
    translated: tuple[str, ...] = ()


KINDS = {
    # Notifications saved before they had kinds: the text as it was written then, in Swedish.
    LEGACY: NotificationKind("%(text)s"),
    "amendment_answered": NotificationKind(
        _("Ditt ändringsyrkande på ”%(agenda)s” är besvarat: %(decision)s"), translated=("decision",)
    ),
    "idea_new": NotificationKind(_("Ny idé i %(places)s: ”%(title)s”")),
    "idea_comment": NotificationKind(_("%(name)s kommenterade ”%(title)s”")),
    "idea_status": NotificationKind(_("Idén ”%(title)s” har nu status: %(status)s"), translated=("status",)),
    "own_idea_status": NotificationKind(
        _("Din idé ”%(title)s” har nu status: %(status)s"), translated=("status",)
    ),
    "idea_promoted": NotificationKind(_("Idén ”%(title)s” har förts in i reformagendan ”%(agenda)s”")),
    "own_idea_promoted": NotificationKind(_("Din idé ”%(title)s” har förts in i reformagendan ”%(agenda)s”")),
    "agenda_step": NotificationKind(_("Reformagendan ”%(agenda)s”: %(step)s"), translated=("step",)),
    "own_idea_adopted": NotificationKind(
        _("Reformagendan ”%(agenda)s” är antagen, med din idé ”%(title)s” som grund")
    ),
    "proposal_carried": NotificationKind(
        _("%(name)s (%(kind)s) driver nu din idé ”%(title)s”."), translated=("kind",)
    ),
    # meetings: someone cancelled, and the member moved up from the waiting list.
    "meeting_seat": NotificationKind(_("Du har fått en plats på ”%(meeting)s”.")),
    # Moderation: a member reported an idea or a comment on it (to the editors of its districts); an editor asks
    # the author to change what someone reported.
    "report_new": NotificationKind(_("Ny anmälan till redaktionen: ”%(title)s”")),
    "change_requested_proposal": NotificationKind(
        _("Redaktionen ber dig ändra din idé ”%(title)s”: %(message)s")
    ),
    "change_requested_comment": NotificationKind(
        _("Redaktionen ber dig ändra din kommentar på ”%(title)s”: %(message)s")
    ),
    # An editor merged a duplicate idea into another, or undid it (to both authors).
    "idea_merged": NotificationKind(_("Idén ”%(merged)s” har sammanförts med ”%(kept)s”.")),
    "idea_unmerged": NotificationKind(_("Idéerna ”%(merged)s” och ”%(kept)s” är åter två egna idéer.")),
}


class UnknownNotification(ValueError):
    """A notification of a kind, or with parameters, that no message here fits."""


def notification_params(kind: str, params: dict) -> dict:
    """The parameters as stored: labels marked for translation as their source text. Checks that the kind's
    message can be rendered with them."""
    if kind not in KINDS:
        raise UnknownNotification(kind)
    with translation.override(None):  # no catalogue: a lazy label gives its msgid
        stored = {name: str(value) if isinstance(value, Promise) else value for name, value in params.items()}
        try:
            str(KINDS[kind].template) % stored
        except (KeyError, TypeError, ValueError) as error:
            raise UnknownNotification(f"{kind}: {error}") from None
    return stored


def notification_render(kind: str, params: dict) -> str:
    """The notification's text in the active language."""
    message = KINDS.get(kind)
    if message is None:
        return str(params.get("text", ""))
    values = dict(params)
    for name in message.translated:
        if isinstance(values.get(name), str):
            values[name] = gettext(values[name])
    try:
        return str(message.template) % values
    except (KeyError, TypeError, ValueError):
        return str(params.get("text", ""))
