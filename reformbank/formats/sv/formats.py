"""Swedish date formats: short dates with the month abbreviated and a full stop, "1 dec. 2026"
(Django's own Swedish short date is "2026-12-01")."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATE_FORMAT = "j b. Y"
SHORT_DATETIME_FORMAT = "j b. Y H:i"
