"""Who may do what with members' data. Every member may download and delete their own; the register is the
admins'."""


def can_export_register(viewer) -> bool:
    """The member register (names, addresses, roles; no opinions) is for the admins who keep it."""
    return viewer.is_admin
