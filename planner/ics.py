"""ICS (iCalendar) export and import, every byte through ``icalendar``.

Export is a pure function from a programme to bytes: events sorted by start and UID,
properties sorted by name, so two exports of one programme differ only in DTSTAMP. Each
event keeps the wall-clock time and IANA zone it is stored with (DTSTART;TZID=...), and the
calendar carries one VTIMEZONE per zone used, written in the one form that icalendar,
libical, vobject and ical.js all read right (see :func:`vtimezone`).

Import reads ICS as Google, Outlook, Apple and Thunderbird write it into neutral
:class:`~planner.importing.IncomingEvent` records; :mod:`planner.importing` merges them into
a programme.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import (
    Alarm,
    Calendar,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vBroken,
    vDuration,
    vRecur,
    vUri,
)
from icalendar import Event as VEvent

from planner.i18n import Message, msg
from planner.ids import split_speakers
from planner.importing import IncomingEvent, ReadResult, in_years, outside_years
from planner.importing import problem as make_problem
from planner.model import (
    Event,
    Lang,
    Programme,
    ProgrammeError,
    UnknownReferenceError,
    Venue,
    speaker_labels,
)
from planner.windows_zones import iana_zone_name

PRODID = "-//Programme Planner//Programme Planner 1//EN"
REFRESH = timedelta(hours=12)

# The label of the speakers' paragraph that ends an exported DESCRIPTION; import reads it
# back into speakers.
SPEAKERS_LABEL: dict[Lang, str] = {"en": "Speakers", "de": "Referenten", "ru": "Спикеры"}

# RFC 7986 COLOR takes a CSS3 colour name; these are all of them.
CSS3_COLOURS: dict[str, tuple[int, int, int]] = {
    name: (int(h[1:3], 16), int(h[3:5], 16), int(h[5:7], 16))
    for name, h in {
        "aliceblue": "#f0f8ff", "antiquewhite": "#faebd7", "aqua": "#00ffff",
        "aquamarine": "#7fffd4", "azure": "#f0ffff", "beige": "#f5f5dc", "bisque": "#ffe4c4",
        "black": "#000000", "blanchedalmond": "#ffebcd", "blue": "#0000ff",
        "blueviolet": "#8a2be2", "brown": "#a52a2a", "burlywood": "#deb887",
        "cadetblue": "#5f9ea0", "chartreuse": "#7fff00", "chocolate": "#d2691e",
        "coral": "#ff7f50", "cornflowerblue": "#6495ed", "cornsilk": "#fff8dc",
        "crimson": "#dc143c", "cyan": "#00ffff", "darkblue": "#00008b", "darkcyan": "#008b8b",
        "darkgoldenrod": "#b8860b", "darkgray": "#a9a9a9", "darkgreen": "#006400",
        "darkgrey": "#a9a9a9", "darkkhaki": "#bdb76b", "darkmagenta": "#8b008b",
        "darkolivegreen": "#556b2f", "darkorange": "#ff8c00", "darkorchid": "#9932cc",
        "darkred": "#8b0000", "darksalmon": "#e9967a", "darkseagreen": "#8fbc8f",
        "darkslateblue": "#483d8b", "darkslategray": "#2f4f4f", "darkslategrey": "#2f4f4f",
        "darkturquoise": "#00ced1", "darkviolet": "#9400d3", "deeppink": "#ff1493",
        "deepskyblue": "#00bfff", "dimgray": "#696969", "dimgrey": "#696969",
        "dodgerblue": "#1e90ff", "firebrick": "#b22222", "floralwhite": "#fffaf0",
        "forestgreen": "#228b22", "fuchsia": "#ff00ff", "gainsboro": "#dcdcdc",
        "ghostwhite": "#f8f8ff", "gold": "#ffd700", "goldenrod": "#daa520", "gray": "#808080",
        "green": "#008000", "greenyellow": "#adff2f", "grey": "#808080", "honeydew": "#f0fff0",
        "hotpink": "#ff69b4", "indianred": "#cd5c5c", "indigo": "#4b0082", "ivory": "#fffff0",
        "khaki": "#f0e68c", "lavender": "#e6e6fa", "lavenderblush": "#fff0f5",
        "lawngreen": "#7cfc00", "lemonchiffon": "#fffacd", "lightblue": "#add8e6",
        "lightcoral": "#f08080", "lightcyan": "#e0ffff", "lightgoldenrodyellow": "#fafad2",
        "lightgray": "#d3d3d3", "lightgreen": "#90ee90", "lightgrey": "#d3d3d3",
        "lightpink": "#ffb6c1", "lightsalmon": "#ffa07a", "lightseagreen": "#20b2aa",
        "lightskyblue": "#87cefa", "lightslategray": "#778899", "lightslategrey": "#778899",
        "lightsteelblue": "#b0c4de", "lightyellow": "#ffffe0", "lime": "#00ff00",
        "limegreen": "#32cd32", "linen": "#faf0e6", "magenta": "#ff00ff", "maroon": "#800000",
        "mediumaquamarine": "#66cdaa", "mediumblue": "#0000cd", "mediumorchid": "#ba55d3",
        "mediumpurple": "#9370db", "mediumseagreen": "#3cb371", "mediumslateblue": "#7b68ee",
        "mediumspringgreen": "#00fa9a", "mediumturquoise": "#48d1cc",
        "mediumvioletred": "#c71585", "midnightblue": "#191970", "mintcream": "#f5fffa",
        "mistyrose": "#ffe4e1", "moccasin": "#ffe4b5", "navajowhite": "#ffdead",
        "navy": "#000080", "oldlace": "#fdf5e6", "olive": "#808000", "olivedrab": "#6b8e23",
        "orange": "#ffa500", "orangered": "#ff4500", "orchid": "#da70d6",
        "palegoldenrod": "#eee8aa", "palegreen": "#98fb98", "paleturquoise": "#afeeee",
        "palevioletred": "#db7093", "papayawhip": "#ffefd5", "peachpuff": "#ffdab9",
        "peru": "#cd853f", "pink": "#ffc0cb", "plum": "#dda0dd", "powderblue": "#b0e0e6",
        "purple": "#800080", "red": "#ff0000", "rosybrown": "#bc8f8f", "royalblue": "#4169e1",
        "saddlebrown": "#8b4513", "salmon": "#fa8072", "sandybrown": "#f4a460",
        "seagreen": "#2e8b57", "seashell": "#fff5ee", "sienna": "#a0522d", "silver": "#c0c0c0",
        "skyblue": "#87ceeb", "slateblue": "#6a5acd", "slategray": "#708090",
        "slategrey": "#708090", "snow": "#fffafa", "springgreen": "#00ff7f",
        "steelblue": "#4682b4", "tan": "#d2b48c", "teal": "#008080", "thistle": "#d8bfd8",
        "tomato": "#ff6347", "turquoise": "#40e0d0", "violet": "#ee82ee", "wheat": "#f5deb3",
        "white": "#ffffff", "whitesmoke": "#f5f5f5", "yellow": "#ffff00",
        "yellowgreen": "#9acd32",
    }.items()
}  # fmt: skip


class IcsError(ProgrammeError):
    """An ICS file that cannot be read at all; the message names the file."""


@cache
def css3_colour_name(colour: str) -> str:
    """The CSS3 colour name nearest to ``#rrggbb`` (RFC 7986 COLOR wants a name).

    Distance is the "redmean" weighted RGB distance, close to how different colours look.
    """
    r, g, b = int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)

    def distance(item: tuple[str, tuple[int, int, int]]) -> tuple[float, str]:
        name, (r2, g2, b2) = item
        mean = (r + r2) / 2
        d = (2 + mean / 256) * (r - r2) ** 2 + 4 * (g - g2) ** 2 + (2 + (255 - mean) / 256) * (
            b - b2
        ) ** 2
        return d, name

    return min(CSS3_COLOURS.items(), key=distance)[0]


def css3_colour_hex(name: str) -> str | None:
    """``#rrggbb`` for a CSS3 colour name (any case), or ``None``."""
    rgb = CSS3_COLOURS.get(name.strip().lower())
    return None if rgb is None else "#{:02x}{:02x}{:02x}".format(*rgb)


# ---------------------------------------------------------------------------------------------
# VTIMEZONE


def _transitions(zone: ZoneInfo, start: datetime, end: datetime) -> list[datetime]:
    """UTC instants in ``[start, end)`` at which ``zone``'s offset or abbreviation changes."""

    def state(t: datetime) -> tuple[timedelta | None, str | None]:
        local = t.astimezone(zone)
        return local.utcoffset(), local.tzname()

    found = []
    t = start
    day = timedelta(days=1)
    while t < end:
        nxt = min(t + day, end)
        if state(t) != state(nxt):
            lo, hi = t, nxt
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(microsecond=0)
                if mid <= lo:
                    break
                if state(mid) == state(lo):
                    lo = mid
                else:
                    hi = mid
            found.append(hi)
        t = nxt
    return found


@cache
def vtimezone(zone_name: str, first_year: int, last_year: int) -> Timezone:
    """A VTIMEZONE for ``zone_name`` valid from 1 January ``first_year`` to the end of
    ``last_year``: the offset in force then, and one observance per change after it.

    This is the one form the four parsers behind real clients all read right (tested in
    tests/test_ics_clients.py): each observance has no RDATE and no RRULE, and its DTSTART
    is the local time *before* the change. icalendar's own generated VTIMEZONEs (RDATE lists,
    DTSTART after the change) are misread by ical.js, vobject and libical; and limiting the
    span to the years the events use keeps Moscow's 2011 and 2014 changes out of the file.
    The result is cached: treat it as read-only.
    """
    zone = ZoneInfo(zone_name)
    start = datetime(first_year, 1, 1, tzinfo=zone).astimezone(UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=zone).astimezone(UTC)
    timezone = Timezone()
    timezone.add("TZID", zone_name)

    def observance(at_utc: datetime, before: datetime, after: datetime) -> None:
        before_local = before.astimezone(zone)
        after_local = after.astimezone(zone)
        offset_from = before_local.utcoffset()
        offset_to = after_local.utcoffset()
        assert offset_from is not None and offset_to is not None
        dst = after_local.dst()
        kind = TimezoneDaylight() if dst else TimezoneStandard()
        # Local time just before the change, read in the offset that was in force then.
        kind.add("DTSTART", (at_utc + offset_from).replace(tzinfo=None))
        kind.add("TZOFFSETFROM", offset_from)
        kind.add("TZOFFSETTO", offset_to)
        kind.add("TZNAME", after_local.tzname() or zone_name)
        timezone.add_component(kind)

    observance(start, start, start)
    for change in _transitions(zone, start, end):
        observance(change, change - timedelta(seconds=1), change)
    return timezone


# ---------------------------------------------------------------------------------------------
# Export


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how: filters (empty means all), language, reminder."""

    tracks: tuple[str, ...] = ()
    venues: tuple[str, ...] = ()
    uids: tuple[str, ...] = ()
    lang: Lang = "en"
    alarm_minutes: int | None = None


def select_events(programme: Programme, options: ExportOptions) -> list[Event]:
    """The events ``options`` pick, in start order (ties by UID).

    An event is picked when it matches every kind of filter given (any of the tracks, any of
    the venues, any of the UIDs). An unknown track, venue or UID is an
    :class:`~planner.model.UnknownReferenceError`.
    """
    for track in options.tracks:
        if track not in programme.tracks:
            raise UnknownReferenceError(msg("unknown track '{track}'", track=track))
    for venue in options.venues:
        if venue not in programme.venues:
            raise UnknownReferenceError(msg("unknown venue '{venue}'", venue=venue))
    for uid in options.uids:
        if uid not in programme.events:
            raise UnknownReferenceError(msg("no event with UID '{uid}'", uid=uid))
    tracks, venues, uids = set(options.tracks), set(options.venues), set(options.uids)
    return [
        e
        for e in programme.sorted_events()
        if (not tracks or e.track in tracks)
        and (not venues or e.venue in venues)
        and (not uids or e.uid in uids)
    ]


def _is_unambiguous(value: datetime) -> bool:
    """Whether the wall-clock time exists once in its zone (not in a DST gap or overlap)."""
    other = value.replace(fold=1 - value.fold)
    if value.utcoffset() != other.utcoffset():
        return False  # repeated hour in autumn
    return value.astimezone(UTC).astimezone(value.tzinfo).replace(tzinfo=None) == value.replace(
        tzinfo=None
    )


def zone_years(events: Iterable[Event], programme: Programme) -> dict[str, tuple[int, int]]:
    """The zones ``events`` are written in, each with the first and last year a VTIMEZONE
    for it must cover (all-day events need none)."""
    spans: dict[str, tuple[int, int]] = {}
    last_year = programme.last_day.year
    for event in events:
        if event.all_day:
            continue
        key = event.zone.key
        lo = event.start.year
        hi = max(event.end.year, last_year if event.recurrence else event.end.year)
        if key in spans:
            old_lo, old_hi = spans[key]
            spans[key] = (min(lo, old_lo), max(hi, old_hi))
        else:
            spans[key] = (lo, hi)
    return spans


def _speakers_line(programme: Programme, event: Event, lang: Lang) -> str:
    return f"{SPEAKERS_LABEL[lang]}: " + "; ".join(speaker_labels(programme, event))


def location_text(venue: Venue, lang: Lang) -> str:
    """The LOCATION of an event at ``venue``: its name in ``lang`` and its address."""
    name = venue.name.get(lang)
    return f"{name}, {venue.address}" if venue.address else name


def description_text(programme: Programme, event: Event, lang: Lang) -> str:
    """The DESCRIPTION of ``event``: its description in ``lang``, then its speakers."""
    description = event.description.get(lang)
    if event.speakers:
        line = _speakers_line(programme, event, lang)
        description = f"{description}\n\n{line}" if description else line
    return description


def event_times(event: Event) -> tuple[date | datetime, date | datetime]:
    """DTSTART and DTEND as written: dates for an all-day event, else the wall-clock times
    in the event's zone, except for a single event at a time that its zone skips or
    repeats (a DST change), which clients disagree on and is written in UTC."""
    if event.all_day:
        return event.start.date(), event.end.date()
    if event.recurrence is None and not (
        _is_unambiguous(event.start) and _is_unambiguous(event.end)
    ):
        return event.start.astimezone(UTC), event.end.astimezone(UTC)
    return event.start, event.end


def export_exdates(event: Event) -> list[date | datetime]:
    """The EXDATE values of a repeating ``event``, sorted (dates for an all-day event)."""
    if event.recurrence is None:
        return []
    if event.all_day:
        return sorted(x.date() for x in event.recurrence.exdates)
    return sorted(event.recurrence.exdates)


def build_event(
    programme: Programme,
    event: Event,
    options: ExportOptions,
    stamp: datetime,
) -> VEvent:
    """The VEVENT for ``event`` (see the module doc for what it carries)."""
    lang = options.lang
    vevent = VEvent()
    add = vevent.add
    add("UID", event.uid)
    add("DTSTAMP", stamp)
    add("LAST-MODIFIED", event.last_modified.astimezone(UTC))
    add("SEQUENCE", event.sequence)
    start, end = event_times(event)
    add("DTSTART", start)
    add("DTEND", end)
    add("SUMMARY", event.title.get(lang))
    description = description_text(programme, event, lang)
    if description:
        add("DESCRIPTION", description)
    venue = programme.venues.get(event.venue)
    if venue is not None:
        add("LOCATION", location_text(venue, lang))
        if venue.lat is not None and venue.lon is not None:
            add("GEO", (venue.lat, venue.lon))
            # Apple Calendar's map pin; it also keeps name and address apart for import.
            add("X-APPLE-STRUCTURED-LOCATION", vUri(f"geo:{venue.lat},{venue.lon}"),
                parameters={"VALUE": "URI", "X-ADDRESS": venue.address,
                            "X-APPLE-RADIUS": "70", "X-TITLE": venue.name.get(lang)})
    track = programme.tracks.get(event.track)
    if track is not None:
        add("CATEGORIES", [track.name.get(lang)])
        add("COLOR", css3_colour_name(track.colour))
    add("STATUS", event.status.upper())
    if event.url:
        add("URL", event.url)
    if event.recurrence is not None:
        add("RRULE", export_rule(event))
        exdates = export_exdates(event)
        if exdates:
            add("EXDATE", exdates)
    if options.alarm_minutes is not None:
        alarm = Alarm()
        alarm.add("ACTION", "DISPLAY")
        alarm.add("DESCRIPTION", event.title.get(lang))
        alarm.add("TRIGGER", timedelta(minutes=-options.alarm_minutes))
        vevent.add_component(alarm)
    return vevent


def export_rule(event: Event, text: str | None = None) -> vRecur:
    """An RRULE of a repeating ``event`` as written (``text``, one of its rules; the first
    by default): an UNTIL in UTC (a date for an all-day event), as RFC 5545 requires beside
    a DTSTART with TZID."""
    assert event.recurrence is not None
    from planner.recurrence import rule_until_to_utc

    text = event.recurrence.rule if text is None else text
    rule: vRecur = vRecur.from_ical(text)
    if "UNTIL" in rule:
        if event.all_day:
            # With a DATE DTSTART, UNTIL must be a DATE too (RFC 5545 3.3.10).
            until = rule["UNTIL"][0]
            rule["UNTIL"] = [until.date() if isinstance(until, datetime) else until]
        else:
            rule = vRecur.from_ical(rule_until_to_utc(text, event.start))
    return rule


def _add_zones(calendar: Calendar, events: Sequence[Event], programme: Programme) -> None:
    for zone_name, (lo, hi) in sorted(zone_years(events, programme).items()):
        if zone_name != "UTC":
            calendar.add_component(vtimezone(zone_name, lo, hi))


def build_calendar(
    programme: Programme,
    events: Sequence[Event],
    options: ExportOptions,
    now: datetime | None = None,
    title: str | None = None,
) -> Calendar:
    """The VCALENDAR for ``events`` of ``programme`` (already selected and sorted)."""
    stamp = export_stamp(now)
    calendar = calendar_head(programme, events, options, title)
    for event in events:
        calendar.add_component(build_event(programme, event, options, stamp))
    return calendar


def export_stamp(now: datetime | None = None) -> datetime:
    """DTSTAMP for an export made at ``now`` (default: this moment), in whole UTC seconds."""
    return (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)


def calendar_head(
    programme: Programme,
    events: Sequence[Event],
    options: ExportOptions,
    title: str | None = None,
) -> Calendar:
    """The VCALENDAR of :func:`build_calendar` without the VEVENTs: its properties (name,
    refresh interval, ...) and one VTIMEZONE per zone that ``events`` use."""
    lang = options.lang
    calendar = Calendar()
    name = title or programme.name.get(lang)
    description = f"{programme.name.get(lang)}, {programme.first_day} – {programme.last_day}"
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", PRODID)
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    calendar.add("NAME", name)
    calendar.add("X-WR-CALNAME", name)
    calendar.add("DESCRIPTION", description)
    calendar.add("X-WR-CALDESC", description)
    calendar.add("X-WR-TIMEZONE", programme.timezone)
    calendar.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))
    _add_zones(calendar, events, programme)
    return calendar


def object_calendar(
    programme: Programme, event: Event, options: ExportOptions, stamp: datetime
) -> Calendar:
    """The VCALENDAR of one calendar object resource on a CalDAV server (RFC 4791 section
    4.1): ``event`` with the VTIMEZONE it uses, and none of the iTIP METHOD and
    calendar-wide names that a file for a whole calendar carries."""
    calendar = Calendar()
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", PRODID)
    calendar.add("CALSCALE", "GREGORIAN")
    _add_zones(calendar, [event], programme)
    calendar.add_component(build_event(programme, event, options, stamp))
    return calendar


def export_ics(
    programme: Programme,
    options: ExportOptions | None = None,
    now: datetime | None = None,
) -> bytes:
    """The programme (or the events ``options`` pick) as an ICS file's bytes."""
    options = options or ExportOptions()
    events = select_events(programme, options)
    data: bytes = build_calendar(programme, events, options, now).to_ical()
    return data


def export_by_track(
    programme: Programme,
    options: ExportOptions | None = None,
    now: datetime | None = None,
) -> dict[str, bytes]:
    """One ICS file's bytes per track (by track id) that has events among those picked."""
    options = options or ExportOptions()
    events = select_events(programme, options)
    files: dict[str, bytes] = {}
    for track_id, track in programme.tracks.items():
        mine = [e for e in events if e.track == track_id]
        if mine:
            title = f"{programme.name.get(options.lang)}: {track.name.get(options.lang)}"
            files[track_id] = build_calendar(programme, mine, options, now, title).to_ical()
    return files


# ---------------------------------------------------------------------------------------------
# Import

_BOM = b"\xef\xbb\xbf"
# Components read between two progress reports (a report may stop the reading).
PROGRESS_EVERY = 50


def _text(component: Any, name: str) -> str:
    value = component.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    return str(value).strip()


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) else value


def _shown(prop: Any) -> str:
    """A property's value as the file writes it, for a message."""
    if isinstance(prop, vBroken):
        return str(prop)  # the raw text, not re-escaped
    raw = prop.to_ical() if hasattr(prop, "to_ical") else prop
    return raw.decode(errors="replace") if isinstance(raw, bytes) else str(raw)


def _usable(component: Any, name: str) -> Any:
    """The (first) value of an optional property, or ``None`` when it is missing or icalendar
    could not parse it (a ``vBroken``, whose attributes raise)."""
    value = _first(component.get(name))
    return None if value is None or isinstance(value, vBroken) else value


def _normalise(value: date | datetime, tzid: str | None) -> tuple[datetime, bool] | Message:
    """``(datetime, all_day)`` for a DTSTART/DTEND value, or what is wrong with it.

    A datetime comes back aware in an IANA zone (kept), aware in UTC, or naive (floating).
    A zone defined only by the file's VTIMEZONE is turned into UTC here.
    """
    if not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day), True
    zone = value.tzinfo
    if zone is None:
        if tzid is None:
            return value, False
        name = iana_zone_name(tzid)
        if name is None:
            return msg("unknown time zone '{zone}' (no VTIMEZONE for it in the file)", zone=tzid)
        return value.replace(tzinfo=ZoneInfo(name)), False
    if isinstance(zone, ZoneInfo):
        if zone.key in ("UTC", "Etc/UTC"):
            return value.astimezone(UTC), False
        return value, False
    if value.utcoffset() == timedelta(0) and tzid is None:
        return value.astimezone(UTC), False
    if tzid is not None:
        name = iana_zone_name(tzid)
        if name is not None:
            return value.replace(tzinfo=ZoneInfo(name)), False
    return value.astimezone(UTC), False


def _dates_of(prop: Any) -> list[date | datetime]:
    values: list[date | datetime] = []
    for line in prop if isinstance(prop, list) else [prop]:
        tzid = line.params.get("TZID") if hasattr(line, "params") else None
        for item in getattr(line, "dts", ()):  # VALUE=URI and the like carry no dates
            value = item.dt
            if isinstance(value, tuple):
                value = value[0]
            if not isinstance(value, date) or not in_years(value):
                continue  # a duration where a date belongs, or a date no programme holds
            if isinstance(value, datetime):
                normal = _normalise(value, tzid)
                if isinstance(normal, Message):
                    continue
                value = normal[0]
            values.append(value)
    return values


def _split_speakers(description: str) -> tuple[str, tuple[str, ...]]:
    return split_speakers(description, SPEAKERS_LABEL.values())


def _fallback_uid(component: Any) -> str:
    # A client that writes no UID still gets the same one on every import of the file.
    basis = "|".join(
        str(_first(component.get(name)).to_ical() if component.get(name) is not None else "")
        for name in ("DTSTART", "SUMMARY", "LOCATION")
    )
    return f"import-{hashlib.sha1(basis.encode()).hexdigest()[:16]}@programme-planner"


def read_ics(
    data: bytes, source: str | Path, progress: Callable[[int, int], None] | None = None
) -> ReadResult:
    """Read ICS bytes into incoming events and problems (one per event that cannot be used).

    ``source`` names the file in messages. A file that is not iCalendar at all raises
    :class:`IcsError`. ``progress(done, total)``, if given, is called now and then with the
    calendar's components read so far (``(0, 0)`` while the text is parsed); it may raise
    to stop the reading.
    """
    source = str(source)
    if progress is not None:
        progress(0, 0)
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IcsError(
            msg("{file}: not UTF-8 text (byte {pos})", file=source, pos=exc.start)
        ) from None
    try:
        calendar = Calendar.from_ical(data)
    # icalendar's parser also lets AttributeError and TypeError out on some malformed lines
    # (a parameter given twice becomes a list where it expects a string).
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as exc:
        if not data.strip():
            raise IcsError(msg("{file}: empty file", file=source)) from None
        if str(exc).startswith("Found no components"):
            # icalendar's words for a BEGIN never closed, with the file's start as bytes:
            # say what it most likely means, a download or copy cut short.
            raise IcsError(msg("{file}: not an iCalendar file (a BEGIN line has no END line; "
                               "is the file cut short?)", file=source)) from None
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise IcsError(
            msg("{file}: not an iCalendar file ({reason})", file=source, reason=reason)
        ) from None
    if calendar.name != "VCALENDAR":
        raise IcsError(msg("{file}: not an iCalendar file (no VCALENDAR)", file=source))
    calendar_zone = None
    wr_zone = _text(calendar, "X-WR-TIMEZONE")
    if wr_zone:
        calendar_zone = iana_zone_name(wr_zone)
    result = ReadResult(source=source, zone=calendar_zone, name=_text(calendar, "X-WR-CALNAME"))
    zones: Counter[str] = Counter()
    overrides: list[tuple[str, datetime | date, IncomingEvent | None]] = []
    components = calendar.subcomponents
    for n, component in enumerate(components):
        if progress is not None and n % PROGRESS_EVERY == 0:
            progress(n, len(components))
        if component.name != "VEVENT":
            continue
        item = _read_vevent(component, source, calendar_zone, result)
        if item is None:
            continue
        event, recurrence_id = item
        if recurrence_id is not None:
            overrides.append((event.uid, recurrence_id, event))
            continue
        if isinstance(event.start.tzinfo, ZoneInfo):
            zones[event.start.tzinfo.key] += 1
        result.events.append(event)
        if component.get("RDATE") is not None:
            result.events.extend(_extra_dates(event, _dates_of(component["RDATE"]), source))
    _apply_overrides(result, overrides)
    if progress is not None:
        progress(len(components), len(components))
    if result.zone is None and zones:
        result.zone = zones.most_common(1)[0][0]
    return result


_SINGLE_PROPERTIES = ("UID", "DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "SEQUENCE")
_DATE_PROPERTIES = ("DTSTART", "DTEND", "DURATION", "RRULE", "EXDATE", "RDATE", "RECURRENCE-ID")


def _read_vevent(
    component: Any, source: str, calendar_zone: str | None, result: ReadResult
) -> tuple[IncomingEvent, datetime | date | None] | None:
    uid_prop = _first(component.get("UID"))
    uid = str(uid_prop).strip() if uid_prop is not None else ""
    if not uid:
        uid = _fallback_uid(component)
    ref = f"{source}: event '{uid}'"

    def problem(reason: Message) -> None:
        result.problems.append(make_problem(ref, reason))

    # Which of two DTSTARTs (or UIDs, SEQUENCEs) is meant cannot be told: RFC 5545 allows one.
    for name in _SINGLE_PROPERTIES:
        if isinstance(component.get(name), list):
            problem(msg("{name} appears more than once", name=name))
            return None
    for name, _reason in component.errors:
        if name in _DATE_PROPERTIES or name == "SEQUENCE":
            shown = _shown(_first(component.get(name)))
            if name == "SEQUENCE":
                problem(msg("SEQUENCE '{value}' is not a whole number", value=shown))
            else:
                problem(msg("{name} '{value}' is not a valid date or time", name=name,
                            value=shown))
            return None
    start_prop = component.get("DTSTART")
    if start_prop is None:
        problem(msg("has no start (DTSTART)"))
        return None

    def when(name: str, prop: Any) -> tuple[datetime, bool] | None:
        value = getattr(prop, "dt", None)  # VALUE=URI and the like carry no date
        if not isinstance(value, date):  # a duration or period where a date belongs
            problem(msg("{name} '{value}' is not a valid date or time", name=name,
                        value=_shown(prop)))
            return None
        if not in_years(value):
            problem(outside_years(name, value))
            return None
        normal = _normalise(value, prop.params.get("TZID"))
        if isinstance(normal, Message):
            problem(normal)
            return None
        return normal

    start = when("DTSTART", start_prop)
    if start is None:
        return None
    start_dt, all_day = start
    end_prop = component.get("DTEND")
    end_dt: datetime | None
    if end_prop is not None:
        end = when("DTEND", end_prop)
        if end is None:
            return None
        end_dt = end[0]
        if end[1] != all_day:
            problem(msg("DTSTART and DTEND must both be dates or both date-times"))
            return None
    elif component.get("DURATION") is not None:
        duration = getattr(component["DURATION"], "dt", None)
        if not isinstance(duration, timedelta):
            problem(msg("{name} '{value}' is not a valid date or time", name="DURATION",
                        value=_shown(component["DURATION"])))
            return None
        try:
            end_dt = start_dt + duration
        except OverflowError:
            end_dt = datetime.max
        if not in_years(end_dt):
            problem(outside_years("DTSTART + DURATION", end_dt))
            return None
    else:
        end_dt = start_dt + timedelta(days=1) if all_day else None
    if end_dt is not None and isinstance(start_dt.tzinfo, ZoneInfo) and not all_day:
        if end_dt.tzinfo is not None and end_dt.tzinfo != start_dt.tzinfo:
            end_dt = end_dt.astimezone(start_dt.tzinfo)
    description, speakers = _split_speakers(_text(component, "DESCRIPTION"))
    categories = component.get("CATEGORIES")
    track = ""
    if categories is not None:
        cats = [str(c).strip() for line in (categories if isinstance(categories, list)
                                            else [categories])
                if not isinstance(line, vBroken)  # whose attributes raise
                for c in getattr(line, "cats", ())]  # none in VALUE=URI and the like
        track = next((c for c in cats if c), "")
    geo = _usable(component, "GEO")
    if not hasattr(geo, "latitude"):  # VALUE=TEXT and the like
        geo = None
    structured = _first(component.get("X-APPLE-STRUCTURED-LOCATION"))
    venue_title = venue_address = ""
    if structured is not None and hasattr(structured, "params"):
        venue_title = str(structured.params.get("X-TITLE", "")).strip()
        venue_address = str(structured.params.get("X-ADDRESS", "")).strip()
    rule = None
    exdates: tuple[datetime | date, ...] = ()
    rrule_prop = component.get("RRULE")
    if rrule_prop is not None:
        rule = _shown(_first(rrule_prop))
        if component.get("EXDATE") is not None:
            exdates = tuple(_dates_of(component["EXDATE"]))
    last_modified = _usable(component, "LAST-MODIFIED") or _usable(component, "DTSTAMP")
    modified = None
    if isinstance(getattr(last_modified, "dt", None), datetime) and in_years(last_modified.dt):
        modified = last_modified.dt
        modified = modified.replace(tzinfo=UTC) if modified.tzinfo is None else modified
    colour = css3_colour_hex(_text(component, "COLOR")) if component.get("COLOR") else None
    sequence_prop = component.get("SEQUENCE")
    if sequence_prop is not None and not isinstance(sequence_prop, int):  # VALUE=TEXT
        problem(msg("SEQUENCE '{value}' is not a whole number", value=str(sequence_prop)))
        return None
    status = _text(component, "STATUS").lower() or "confirmed"
    event = IncomingEvent(
        ref=ref,
        where=source,
        uid=uid,
        title=_text(component, "SUMMARY"),
        start=start_dt,
        end=end_dt,
        all_day=all_day,
        floating_zone=calendar_zone,
        track=track,
        track_colour=colour,
        venue=_text(component, "LOCATION") or venue_title,
        venue_title=venue_title,
        venue_address=venue_address,
        venue_lat=float(geo.latitude) if geo is not None else None,
        venue_lon=float(geo.longitude) if geo is not None else None,
        speakers=speakers,
        description=description,
        status=status,
        rule=rule,
        exdates=exdates,
        sequence=int(sequence_prop) if sequence_prop is not None else 0,
        last_modified=modified,
        url=_text(component, "URL"),
    )
    recurrence_id = component.get("RECURRENCE-ID")
    if recurrence_id is not None:
        rid = when("RECURRENCE-ID", recurrence_id)
        if rid is None:
            return None
        return event, rid[0] if not rid[1] else rid[0].date()
    return event, None


def _extra_dates(
    event: IncomingEvent, values: list[date | datetime], source: str
) -> list[IncomingEvent]:
    """Each RDATE as an event of its own (the model's repeats are rules only), keyed
    ``UID/START`` like a changed occurrence."""
    extras = []
    length = None if event.end is None else event.end - event.start
    for value in values:
        start = value if isinstance(value, datetime) else datetime.combine(value, time(0))
        if start.replace(tzinfo=None) == event.start.replace(tzinfo=None):
            continue
        uid = f"{event.uid}/{_stamp(start)}"
        extras.append(dataclasses.replace(
            event, uid=uid, ref=f"{source}: event '{uid}'", start=start,
            end=None if length is None else start + length, rule=None, exdates=(),
        ))
    return extras


def _stamp(value: datetime | date) -> str:
    return value.strftime("%Y%m%dT%H%M%S" if isinstance(value, datetime) else "%Y%m%d")


def _apply_overrides(
    result: ReadResult, overrides: list[tuple[str, datetime | date, IncomingEvent | None]]
) -> None:
    """Turn each changed occurrence (RECURRENCE-ID) into an exception of its series plus an
    event of its own, since the model has no per-occurrence overrides."""
    masters = {e.uid: e for e in result.events if e.rule}
    for uid, rid, override in overrides:
        master = masters.get(uid)
        if master is not None:
            master.exdates = (*master.exdates, rid)
        if override is None or override.status == "cancelled":
            continue
        override.uid = f"{uid}/{_stamp(rid)}"
        override.ref = f"{result.source}: event '{override.uid}'"
        override.rule = None
        override.exdates = ()
        result.events.append(override)

