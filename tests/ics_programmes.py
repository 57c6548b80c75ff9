"""Programmes for the ICS tests: one with daylight saving (Berlin), one across Moscow's
2010-2014 changes, and helpers to read an export back."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import icalendar
from factories import event, small_programme

from planner.model import Programme, Recurrence, Texts, Track, Venue
from planner.recurrence import occurrences

BERLIN = ZoneInfo("Europe/Berlin")
MOSCOW = ZoneInfo("Europe/Moscow")


def _frame(timezone: str, first: date, last: date) -> Programme:
    programme = small_programme(timezone)
    programme.first_day, programme.last_day = first, last
    return programme


def add(programme: Programme, uid: str, start: datetime, end: datetime, **fields: object) -> None:
    zone = start.tzinfo
    assert isinstance(zone, ZoneInfo)
    programme.events[uid] = event(uid, start=start, end=end, zone=zone, **fields)


def berlin_programme() -> Programme:
    """Berlin, March to November 2019: events before, across and after both DST changes,
    in the spring gap and the autumn overlap, repeating across the changes, all-day, and one
    event in Moscow time."""
    p = _frame("Europe/Berlin", date(2019, 3, 25), date(2019, 11, 5))

    def b(month: int, day: int, hour: int, minute: int = 0) -> datetime:
        return datetime(2019, month, day, hour, minute, tzinfo=BERLIN)

    add(p, "before@t", b(3, 30, 10), b(3, 30, 11), title=Texts.same("Before the change"))
    add(p, "after@t", b(4, 1, 10), b(4, 1, 11, 30), title=Texts.same("After the change"))
    add(p, "night@t", b(3, 31, 1), b(3, 31, 4), title=Texts.same("Across the spring change"))
    add(p, "gap@t", b(3, 31, 2, 30), b(3, 31, 5), title=Texts.same("Starts in the gap"))
    add(p, "overlap@t", b(10, 27, 2, 30), b(10, 27, 4), title=Texts.same("Starts twice"))
    add(p, "daily@t", b(3, 29, 10), b(3, 29, 11), title=Texts.same("Daily coffee"),
        recurrence=Recurrence("FREQ=DAILY;UNTIL=20190405T235959", (b(4, 1, 10),)))
    add(p, "weekly@t", b(10, 13, 18), b(10, 13, 19, 30), title=Texts.same("Weekly choir"),
        recurrence=Recurrence("FREQ=WEEKLY;COUNT=4"))
    add(p, "allday@t", b(3, 31, 0), b(4, 2, 0), all_day=True, title=Texts.same("Fair"))
    add(p, "alldayrep@t", b(3, 26, 0), b(3, 27, 0), all_day=True,
        title=Texts.same("Exhibition"), recurrence=Recurrence("FREQ=DAILY;COUNT=9"))
    add(p, "moscow@t", datetime(2019, 10, 27, 10, tzinfo=MOSCOW),
        datetime(2019, 10, 27, 11, tzinfo=MOSCOW), title=Texts.same("Call with Moscow"))
    add(p, "cancelled@t", b(4, 2, 18), b(4, 2, 20), status="cancelled",
        title=Texts.same("Cancelled talk"))
    return p


def moscow_history_programme() -> Programme:
    """Moscow 2010 to 2014: summer time until 2010, +04 all year from March 2011, +03 again
    from 26 October 2014."""
    p = _frame("Europe/Moscow", date(2010, 10, 1), date(2014, 12, 31))

    def m(year: int, month: int, day: int, hour: int) -> datetime:
        return datetime(year, month, day, hour, tzinfo=MOSCOW)

    add(p, "m2010@t", m(2010, 10, 30, 10), m(2010, 10, 30, 12))
    add(p, "m2010b@t", m(2010, 11, 2, 10), m(2010, 11, 2, 12))
    add(p, "m2011@t", m(2011, 3, 26, 10), m(2011, 3, 26, 12),
        recurrence=Recurrence("FREQ=DAILY;COUNT=4"))
    add(p, "m2012@t", m(2012, 7, 1, 10), m(2012, 7, 1, 12),
        recurrence=Recurrence("FREQ=MONTHLY;COUNT=6"))
    add(p, "m2014@t", m(2014, 10, 20, 10), m(2014, 10, 20, 12),
        recurrence=Recurrence("FREQ=DAILY;UNTIL=20141031T235959", (m(2014, 10, 26, 10),)))
    return p


def with_venue_and_track(programme: Programme) -> Programme:
    programme.tracks["talks"] = Track("talks", Texts("Vorträge", "Talks", "Доклады"), "#ff0000")
    programme.venues["hall"] = Venue("hall", Texts("Saal", "Hall", "Зал"), "Hauptstr. 1")
    return programme


def utc(value: datetime) -> str:
    """The instant as the harness formats it."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def expected_instants(programme: Programme) -> dict[str, tuple[str, str, list[str]]]:
    """For each event: start, end and the starts of its occurrences, as the harness writes
    them, computed from zoneinfo and dateutil (the model), not from any ICS parser."""
    result = {}
    for e in programme.events.values():
        if e.all_day:
            start, end = e.start.date().isoformat(), e.end.date().isoformat()
            occ = [s.date().isoformat() for s, _ in occurrences(e)] if e.recurrence else []
        else:
            start, end = utc(e.start), utc(e.end)
            occ = [utc(s) for s, _ in occurrences(e)] if e.recurrence else []
        result[e.uid] = (start, end, occ)
    return result


def vevents(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}
