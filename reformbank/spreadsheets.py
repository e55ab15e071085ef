"""Cells for the CSV and Excel files the portal hands out (ideas, the audit log, import reports, dashboards).

A spreadsheet runs a cell that starts with =, +, - or @ as a formula (and some with a leading tab or carriage
return): a member's title "=HYPERLINK(...)" would become a live link in an editor's Excel (CSV injection)."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """A cell's text as a spreadsheet shows it and never runs: a leading apostrophe before what it would take
    for a formula; None as an empty cell."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class Echo:
    """A file that hands back what is written to it, for csv.writer to stream a response through."""

    def write(self, value):
        return value
