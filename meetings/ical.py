"""Meetings as iCalendar (RFC 5545): one meeting's public file, or a member's own calendar of meetings.

Times are written in Swedish time (TZID Europe/Stockholm, with its VTIMEZONE), as the meetings are arranged.
The public file never holds a digital meeting's link: only a member's own calendar does, for the meetings
where they have a seat.
"""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Meeting

PRODID = "-//Reformbanken//Möten//SV"


def calendar_render(meetings: list[Meeting], *, name: str, site_url: str, with_join_links: bool) -> bytes:
    """The meetings as one VCALENDAR; `site_url` (scheme and host) makes the links to the meeting pages."""
    stockholm = ZoneInfo(settings.TIME_ZONE)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = datetime.now(UTC)
    host = site_url.split("://", 1)[-1]
    for meeting in meetings:
        page = site_url + meeting.get_absolute_url()
        event = icalendar.Event()
        event.add("uid", f"meeting-{meeting.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", timezone.localtime(meeting.starts_at, stockholm))
        event.add("dtend", timezone.localtime(meeting.ends_at, stockholm))
        event.add("summary", meeting.title)
        event.add("url", page)
        description = [meeting.description.strip(), page]
        if meeting.is_digital:
            if with_join_links:
                event.add("location", meeting.join_url)
                description.insert(0, _("Länk till mötet: %(url)s") % {"url": meeting.join_url})
            else:
                event.add("location", _("Digitalt möte"))
                description.append(_("Länken visas på mötets sida för anmälda, en timme före start."))
        else:
            event.add("location", meeting.address)
        event.add("description", "\n\n".join(part for part in description if part))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
