"""Swedish date formats: short dates with the month abbreviated as Swedish writes it, "1 dec. 2026" and
"1 maj 2026" (the abbreviations are in locale/sv; Django's own Swedish short date is "2026-12-01")."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATE_FORMAT = "j N Y"
SHORT_DATETIME_FORMAT = "j N Y H:i"
