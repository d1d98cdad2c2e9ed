"""Meetings as calendar entries (iCalendar, ``.ics``): one meeting for the members'
invitation, or a period's meetings still ahead for the director's calendar.

Times are Finnish local time (``TZID=Europe/Helsinki``) with the zone's rule written into the
file, so that a calendar of any zone shows the meeting at the right hour, daylight saving
included. Each meeting keeps one identity (``UID``) made from the unit file's identity and
the meeting's: importing a newer file updates the entry instead of adding a second one. A
meeting without a start time is an all-day entry; one without an end time lasts
:data:`DEFAULT_LENGTH`. ``METHOD:PUBLISH``: the file informs, it asks no one to reply.

icalendar is imported here only, when a calendar is made.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from hyvinvointi_app.reports.agenda import agenda_text, meeting_title
from hyvinvointi_app.reports.options import ReportOptions
from hyvinvointi_app.reports.texts import ReportTexts
from hyvinvointi_app.services.invitation import AgendaData

if TYPE_CHECKING:
    import icalendar

TIME_ZONE = "Europe/Helsinki"
DEFAULT_LENGTH = dt.timedelta(minutes=90)
"""How long a meeting without an end time is in the calendar: the group's usual meeting."""
PRODUCT = "-//Hyvinvointiryhma//Wellbeing group//FI"

# The zone's rule as Outlook and every calendar read it: EU summer time from the last Sunday
# of March at 03.00 to the last Sunday of October at 04.00 local time (since 1981).
_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Helsinki
BEGIN:STANDARD
DTSTART:19961027T040000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
TZOFFSETFROM:+0300
TZOFFSETTO:+0200
TZNAME:EET
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19810329T030000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
TZOFFSETFROM:+0200
TZOFFSETTO:+0300
TZNAME:EEST
END:DAYLIGHT
END:VTIMEZONE
"""


def in_each_language(data: AgendaData, options: ReportOptions) -> str:
    """The agenda as text (:func:`.agenda.agenda_text`), in each of the document's languages
    in turn: whole sentences read better one language at a time than side by side."""
    codes = ReportTexts(options.language).codes
    parts = [agenda_text(data, dataclasses.replace(options, language=code)) for code in codes]
    return "\n\n\u2014\n\n".join(parts)


def uid(data: AgendaData) -> str:
    """The meeting's lasting identity in calendars: the unit file's and the meeting's, which
    stay when the meeting or its period is given other dates."""
    return f"{data.file_identity}-meeting-{data.meeting.id}@hyvinvointiryhma"


def _event(data: AgendaData, options: ReportOptions, stamp: dt.datetime) -> icalendar.Event:
    import icalendar

    tx = ReportTexts(options.language)
    meeting = data.meeting
    event = icalendar.Event()
    event.add("uid", uid(data))
    event.add("dtstamp", stamp)
    event.add("last-modified", meeting.updated_at.astimezone(dt.UTC))
    if meeting.start_time is None:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + dt.timedelta(days=1))
    else:
        zone = ZoneInfo(TIME_ZONE)
        start = dt.datetime.combine(meeting.date, meeting.start_time, zone)
        # the length in real time: a meeting across the night summer time begins lasts 90
        # minutes too
        end = (start.astimezone(dt.UTC) + DEFAULT_LENGTH).astimezone(zone)
        if meeting.end_time is not None and meeting.end_time > meeting.start_time:
            end = dt.datetime.combine(meeting.date, meeting.end_time, zone)
        event.add("dtstart", start)
        event.add("dtend", end)
    event.add("summary", meeting_title(tx, data))
    if meeting.place:
        event.add("location", meeting.place)
    event.add("description", in_each_language(data, options))
    event.add("transp", "OPAQUE")
    return event


def calendar_bytes(
    meetings: Sequence[AgendaData], options: ReportOptions, *, name: str = ""
) -> bytes:
    """A calendar of ``meetings`` (one for an invitation, several for a period)."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    if any(data.meeting.start_time is not None for data in meetings):
        calendar.add_component(icalendar.Timezone.from_ical(_VTIMEZONE))
    stamp = options.created_at().astimezone(dt.UTC)
    for data in meetings:
        calendar.add_component(_event(data, options, stamp))
    return bytes(calendar.to_ical())
