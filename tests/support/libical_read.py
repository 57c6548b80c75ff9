"""Read an iCalendar file with libical (through GObject introspection) and print JSON.

This script runs under the *system* Python (``/usr/bin/python3``), where Debian's
``python3-gi`` and ``gir1.2-ical-3.0`` are installed; it is not imported by the tests but
run as a subprocess by :mod:`tests.support.parsers`::

    /usr/bin/python3 tests/support/libical_read.py [OCCURRENCES] < calendar.ics

It prints ``{"events": [...], "errors": [...]}`` where each event is
``{"uid", "recurrence_id", "start", "end", "summary", "occurrences"}``. Date-times are
printed as ``YYYY-MM-DDTHH:MM:SSZ`` in UTC, dates (``VALUE=DATE``) as ``YYYY-MM-DD`` and
floating date-times (no zone) as ``YYYY-MM-DDTHH:MM:SS``.

Errors reported:

* a failed parse;
* every ``X-LIC-ERROR`` property anywhere in the parsed tree (libical inserts one for each
  line or value it could not parse, and drops the offending property);
* every ``TZID`` that names no ``VTIMEZONE`` of the file. libical then silently falls back to
  its built-in zone of that name, so without this check a missing VTIMEZONE would go
  unnoticed here while other clients read the time as floating.

Zones are resolved from the file's own VTIMEZONE components (``Component.get_timezone`` on
the VCALENDAR), so a VTIMEZONE whose rules differ from the system's zone of the same name
is honoured, as a client reading the file would.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402

UTC = ICalGLib.Timezone.get_utc_timezone()
KIND = ICalGLib.ComponentKind
PROP = ICalGLib.PropertyKind
# Give up expanding a rule after this many candidates beyond the requested count, so that a
# rule whose occurrences are all excluded cannot loop for ever.
MAX_EXTRA_CANDIDATES = 10_000
# The properties a round trip must keep (besides every X- property); see parsers.LISTED.
LISTED = frozenset({"ORGANIZER", "ATTENDEE", "URL", "CATEGORIES", "CLASS", "TRANSP", "GEO",
                    "ATTACH", "CONTACT"})


def children(component: Any) -> list[Any]:
    """Return the direct sub-components of ``component`` as a list."""
    result = []
    child = component.get_first_component(KIND.ANY_COMPONENT)
    while child is not None:
        result.append(child)
        child = component.get_next_component(KIND.ANY_COMPONENT)
    return result


def properties(component: Any, kind: Any) -> list[Any]:
    """Return the properties of ``kind`` of ``component`` as a list."""
    result = []
    prop = component.get_first_property(kind)
    while prop is not None:
        result.append(prop)
        prop = component.get_next_property(kind)
    return result


def describe(component: Any) -> str:
    """Return a short name of ``component`` for error messages, e.g. ``VEVENT a@x``."""
    name = ICalGLib.Component.kind_to_string(component.isa())
    uid = component.get_first_property(PROP.UID_PROPERTY)
    if uid is not None:
        return f"{name} {uid.get_uid()}"
    tzid = component.get_first_property(PROP.TZID_PROPERTY)
    if tzid is not None:
        return f"{name} {tzid.get_tzid()}"
    return name


def collect_lic_errors(component: Any, where: str, errors: list[str]) -> None:
    """Append every X-LIC-ERROR of ``component`` and its descendants to ``errors``."""
    here = f"{where}/{describe(component)}" if where else describe(component)
    for prop in properties(component, PROP.XLICERROR_PROPERTY):
        errors.append(f"X-LIC-ERROR in {here}: {prop.get_xlicerror()}")
    for child in children(component):
        collect_lic_errors(child, here, errors)


def fmt(time: Any) -> str:
    """Format an ICalGLib.Time as a date, a UTC instant or a floating date-time."""
    if time.is_date():
        return f"{time.get_year():04d}-{time.get_month():02d}-{time.get_day():02d}"
    if time.is_utc() or time.get_timezone() is not None:
        time = time.convert_to_zone(UTC)
        suffix = "Z"
    else:
        suffix = ""
    return (
        f"{time.get_year():04d}-{time.get_month():02d}-{time.get_day():02d}"
        f"T{time.get_hour():02d}:{time.get_minute():02d}:{time.get_second():02d}{suffix}"
    )


class EventReader:
    """Reads the VEVENTs of one VCALENDAR component."""

    def __init__(self, calendar: Any, errors: list[str]) -> None:
        """Remember the calendar (for its VTIMEZONEs) and the list to append errors to."""
        self.calendar = calendar
        self.errors = errors

    def zone_of(self, prop: Any, what: str) -> Any:
        """Return the file's VTIMEZONE zone named by the TZID of ``prop``, or None."""
        tzid = prop.get_parameter_as_string("TZID")
        if not tzid:
            return None
        zone = self.calendar.get_timezone(tzid)
        if zone is None:
            self.errors.append(f"{what}: TZID={tzid} has no VTIMEZONE in the file")
        return zone

    def check_tzids(self, event: Any, what: str) -> None:
        """Report every property of ``event`` whose TZID names no VTIMEZONE of the file."""
        for prop in properties(event, PROP.ANY_PROPERTY):
            self.zone_of(prop, f"{what} {prop.get_property_name()}")

    @staticmethod
    def time_of(prop: Any, event: Any) -> Any:
        """Return the date or date-time value of ``prop`` with its zone attached."""
        return ICalGLib.Property.get_datetime_with_component(prop, event)

    def occurrences(self, event: Any, start: Any, count: int) -> list[str]:
        """Return the first ``count`` occurrence starts (RRULE and RDATE, less EXDATE)."""
        candidates: dict[str, Any] = {}
        for prop in properties(event, PROP.RRULE_PROPERTY):
            iterator = ICalGLib.RecurIterator.new(prop.get_rrule(), start)
            found = 0
            for _ in range(count + MAX_EXTRA_CANDIDATES):
                time = iterator.next()
                if time is None or time.is_null_time():
                    break
                if ICalGLib.Property.recurrence_is_excluded(event, start, time):
                    continue
                candidates.setdefault(fmt(time), time)
                found += 1
                if found >= count:
                    break
        for prop in properties(event, PROP.RDATE_PROPERTY):
            time = self.time_of(prop, event)
            if time.is_null_time():  # VALUE=PERIOD: take the period's start
                time = prop.get_rdate().get_period().get_start()
                zone = self.calendar.get_timezone(prop.get_parameter_as_string("TZID") or "")
                if zone is not None:
                    time.set_timezone(zone)
            if not ICalGLib.Property.recurrence_is_excluded(event, start, time):
                candidates.setdefault(fmt(time), time)
        if candidates and not ICalGLib.Property.recurrence_is_excluded(event, start, start):
            candidates.setdefault(fmt(start), start)  # DTSTART is always the first instance
        return sorted(candidates)[:count]

    @staticmethod
    def listed(event: Any) -> dict[str, list[str]]:
        """The listed properties of ``event`` (see parsers.LISTED), each as its value and
        sorted parameters, and each VALARM as its sorted properties."""
        found: dict[str, list[str]] = {}
        for prop in properties(event, PROP.ANY_PROPERTY):
            name = prop.get_property_name().upper()
            if name not in LISTED and not name.startswith("X-") or name == "X-LIC-ERROR":
                continue  # X-LIC-ERROR is libical's note of what it could not read
            if name == "CATEGORIES":
                for value in prop.get_value_as_string().split(","):
                    found.setdefault(name, []).append(value.strip())
                continue
            params = []
            param = prop.get_first_parameter(ICalGLib.ParameterKind.ANY_PARAMETER)
            while param is not None:
                params.append(param.as_ical_string())
                param = prop.get_next_parameter(ICalGLib.ParameterKind.ANY_PARAMETER)
            text = ";".join(sorted(params)) + ":" + (prop.get_value_as_string() or "")
            found.setdefault(name, []).append(text)
        for alarm in children(event):
            if alarm.isa() != KIND.VALARM_COMPONENT:
                continue
            lines = sorted(
                f"{p.get_property_name().upper()}:{p.get_value_as_string() or ''}"
                for p in properties(alarm, PROP.ANY_PROPERTY)
                if p.get_property_name().upper() not in ("UID", "X-LIC-ERROR"))
            found.setdefault("VALARM", []).append("|".join(lines))
        return {name: sorted(values) for name, values in found.items()}

    def read_event(self, event: Any, count: int) -> dict[str, Any]:
        """Return the JSON-ready description of one VEVENT."""
        uid_prop = event.get_first_property(PROP.UID_PROPERTY)
        uid = uid_prop.get_uid() if uid_prop is not None else None
        what = f"VEVENT {uid}"
        self.check_tzids(event, what)
        summary = event.get_first_property(PROP.SUMMARY_PROPERTY)
        result: dict[str, Any] = {
            "uid": uid,
            "recurrence_id": None,
            "start": None,
            "end": None,
            "summary": summary.get_summary() if summary is not None else None,
            "occurrences": [],
            "properties": self.listed(event),
        }
        rid = event.get_first_property(PROP.RECURRENCEID_PROPERTY)
        if rid is not None:
            result["recurrence_id"] = fmt(self.time_of(rid, event))
        dtstart = event.get_first_property(PROP.DTSTART_PROPERTY)
        if dtstart is None:
            self.errors.append(f"{what}: no DTSTART")
            return result
        start = self.time_of(dtstart, event)
        result["start"] = fmt(start)
        dtend = event.get_first_property(PROP.DTEND_PROPERTY)
        duration = event.get_first_property(PROP.DURATION_PROPERTY)
        if dtend is not None:
            end = self.time_of(dtend, event)
        elif duration is not None:
            end = start.add(duration.get_duration())
        elif start.is_date():
            end = start.clone()
            end.adjust(1, 0, 0, 0)
        else:
            end = start
        result["end"] = fmt(end)
        if count > 0:
            result["occurrences"] = self.occurrences(event, start, count)
        return result


def read(text: str, count: int) -> dict[str, Any]:
    """Parse ``text`` and return the JSON-ready report."""
    errors: list[str] = []
    events: list[dict[str, Any]] = []
    root = ICalGLib.Parser.parse_string(text)
    if root is None:
        return {"events": events, "errors": ["parse failed: libical returned no component"]}
    collect_lic_errors(root, "", errors)
    if root.isa() == KIND.VCALENDAR_COMPONENT:
        calendars = [root]
    else:
        calendars = [c for c in children(root) if c.isa() == KIND.VCALENDAR_COMPONENT]
    if len(calendars) != 1:
        kind = ICalGLib.Component.kind_to_string(root.isa())
        errors.append(f"expected one VCALENDAR, found {len(calendars)} (top level: {kind})")
    for calendar in calendars:
        reader = EventReader(calendar, errors)
        for child in children(calendar):
            if child.isa() == KIND.VEVENT_COMPONENT:
                events.append(reader.read_event(child, count))
    return {"events": events, "errors": list(dict.fromkeys(errors))}


def unfolded(data: bytes) -> str:
    """``data`` unfolded and decoded. libical unfolds lines on bytes, so a fold inside a
    multi-byte UTF-8 character does it no harm; the GObject binding takes a str, so unfold
    the same way before decoding."""
    return re.sub(rb"\r?\n[ \t]", b"", data).decode("utf-8", errors="replace")


def main() -> None:
    """Read standard input, print the JSON report on standard output. With ``--many`` the
    input is a JSON list of files (each latin-1 text of its bytes) and the output one JSON
    report a line, one per file."""
    args = [a for a in sys.argv[1:] if a != "--many"]
    count = int(args[0]) if args else 0
    data = sys.stdin.buffer.read()
    if "--many" in sys.argv:
        # One report a line, as each file is done: a file that never ends is told apart.
        for text in json.loads(data):
            sys.stdout.write(json.dumps(read(unfolded(text.encode("latin-1")), count)) + "\n")
            sys.stdout.flush()
        return
    json.dump(read(unfolded(data), count), sys.stdout)


if __name__ == "__main__":
    main()
