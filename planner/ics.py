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

import ast
import calendar as calendars_module
import copy
import dataclasses
import hashlib
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NoReturn
from zoneinfo import ZoneInfo

from icalendar import (
    Alarm,
    Calendar,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vBroken,
    vCategory,
    vDDDTypes,
    vDuration,
    vRecur,
    vUri,
)
from icalendar import Event as VEvent
from icalendar.parser import Contentline, Parameters
from icalendar.timezone import tzp
from icalendar.timezone.zoneinfo import ZONEINFO

from planner.i18n import Message, msg
from planner.ids import split_speakers
from planner.importing import (
    READ_AS,
    UNTITLED,
    IncomingEvent,
    IncomingSession,
    ReadResult,
    Ref,
    event_ref,
    in_years,
    one_line,
    outside_years,
    read_as,
)
from planner.importing import problem as make_problem
from planner.model import (
    MAX_SEQUENCE,
    Event,
    Lang,
    Programme,
    ProgrammeError,
    UnknownReferenceError,
    Venue,
    instant,
    speaker_labels,
)
from planner.recurrence import rule_problem
from planner.windows_zones import iana_zone_name
from planner.zones import (
    ZoneChanges,
    ZoneDefinitionError,
    custom_zone,
    is_iana,
    matching_iana_zone,
    zone_changes,
    zone_for_key,
)

PRODID = "-//Programme Planner//Programme Planner 1//EN"
REFRESH = timedelta(hours=12)
# Years of clock changes written past the programme for a zone that a series without end
# uses (its yearly rules go on without end anyway).
UNBOUNDED_YEARS = 1

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
    """A VTIMEZONE for ``zone_name`` valid from 1 January ``first_year`` on: the offset in
    force then, and its changes, the yearly ones as yearly rules.

    This is the form the four parsers behind real clients all read right (tested in
    tests/test_ics_clients.py): a change that recurs every year at the same weekday and
    time is one observance with an RRULE (the form Thunderbird writes); a change that does
    not is an observance of its own, with no RDATE, whose DTSTART is the local time *before*
    the change. vobject misreads observances of their own for zones whose standard time is
    UTC (London, Lisbon) and ical.js, vobject and libical misread icalendar's own generated
    VTIMEZONEs (RDATE lists, DTSTART after the change). The rules of the changes in
    ``last_year`` have no end: a repeating event goes on past it. Limiting the span to the
    years the events use keeps Moscow's 2011 and 2014 changes out of the file. The result
    is cached: treat it as read-only.
    """
    return zone_vtimezone(ZoneInfo(zone_name), zone_name, first_year, last_year)


def _weekday_in_month(local: datetime) -> set[int]:
    """Which of its month's weekdays of its kind ``local`` is: the n-th and, if it is the
    last one, -1."""
    days = calendars_module.monthrange(local.year, local.month)[1]
    found = {(local.day - 1) // 7 + 1}
    if local.day > days - 7:
        found.add(-1)
    return found


def zone_vtimezone(zone: ZoneInfo, tzid: str, first_year: int, last_year: int) -> Timezone:
    """:func:`vtimezone` for any ``ZoneInfo`` (also one a file defined, see
    :mod:`planner.zones`), written under ``tzid``."""
    start = datetime(first_year, 1, 1, tzinfo=zone).astimezone(UTC)
    # One year more than asked: its changes show which are yearly (a rule needs two).
    end = datetime(last_year + 2, 1, 1, tzinfo=zone).astimezone(UTC)
    last_year += 1
    timezone = Timezone()
    timezone.add("TZID", tzid)
    # Each change: its instant, the local time before it, and what it changes to.
    rows: list[tuple[datetime, datetime, tuple[Any, ...]]] = []
    for at in _transitions(zone, start, end):
        before, after = (at - timedelta(seconds=1)).astimezone(zone), at.astimezone(zone)
        local = (at + (before.utcoffset() or timedelta(0))).replace(tzinfo=None)
        kind = (bool(after.dst()), before.utcoffset(), after.utcoffset(),
                after.tzname() or tzid, local.month, local.weekday(), local.time())
        rows.append((at, local, kind))
    # The offset in force at the start: before its first observance, ical.js reads a time
    # in no offset the VTIMEZONE gives.
    here = start.astimezone(zone)
    rows.insert(0, (start, here.replace(tzinfo=None), (
        bool(here.dst()), here.utcoffset(), here.utcoffset(), here.tzname() or tzid, 0, 0, None)))
    # Changes of one kind in successive years, on the same n-th (or last) weekday of the
    # month, become one observance with a yearly rule.
    groups: list[tuple[tuple[Any, ...], list[tuple[datetime, datetime]], set[int]]] = []
    last_of: dict[tuple[Any, ...], int] = {}
    for at, local, kind in rows:
        weekdays = _weekday_in_month(local)
        index = last_of.get(kind)
        if index is not None:
            _, members, common = groups[index]
            if local.year == members[-1][1].year + 1 and common & weekdays:
                members.append((at, local))
                groups[index] = (kind, members, common & weekdays)
                continue
        last_of[kind] = len(groups)
        groups.append((kind, [(at, local)], weekdays))
    for kind, members, common in groups:
        dst, offset_from, offset_to, name, month, weekday, _ = kind
        observance = TimezoneDaylight() if dst else TimezoneStandard()
        observance.add("DTSTART", members[0][1])
        observance.add("TZOFFSETFROM", offset_from)
        observance.add("TZOFFSETTO", offset_to)
        observance.add("TZNAME", name)
        if len(members) > 1:
            nth = -1 if -1 in common else min(common)
            rule: dict[str, Any] = {"FREQ": "YEARLY", "BYMONTH": month,
                                    "BYDAY": f"{nth}{WEEKDAY_CODES[weekday]}"}
            if members[-1][1].year < last_year:
                rule["UNTIL"] = members[-1][0]
            observance.add("RRULE", rule)
        timezone.add_component(observance)
    return timezone


WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


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
    """The zones ``events`` (and their changed occurrences) are written in, each with the
    first and last year a VTIMEZONE for it must cover (all-day events need none). A series
    without end needs its zone's changes past the programme's last year: calendars that take
    it in show it for years (the yearly rules of the last year written go on)."""
    spans: dict[str, tuple[int, int]] = {}
    last_year = programme.last_day.year

    def cover(key: str, lo: int, hi: int) -> None:
        old = spans.get(key)
        spans[key] = (lo, hi) if old is None else (min(lo, old[0]), max(hi, old[1]))

    for event in events:
        for one in (event, *event.overrides):
            if one.all_day:
                continue
            hi = one.end.year
            if one.recurrence is not None:
                hi = max(hi, last_year, _series_last_year(one))
            cover(one.zone.key, one.start.year, hi)
            if one.recurrence_id is not None and not event.all_day:
                cover(one.recurrence_id.start.tzinfo.key,  # type: ignore[union-attr]
                      one.recurrence_id.start.year, one.recurrence_id.start.year)
    return spans


def _series_last_year(event: Event) -> int:
    from planner.recurrence import expand, rule_is_bounded

    assert event.recurrence is not None
    if not all(rule_is_bounded(r) for r in event.recurrence.rules):
        return max(event.start.year, event.end.year) + UNBOUNDED_YEARS
    found = expand(event, before=event.start + timedelta(days=366 * UNBOUNDED_YEARS))
    return max((o.end.year for o in found.occurrences), default=event.end.year)


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
@lru_cache(maxsize=4096)
def _preserved(text: str) -> VEvent:
    """The properties and components an import kept (:func:`_preserve`), read back; shared
    between exports, so treat the result as read-only."""
    whole = f"BEGIN:VEVENT\r\n{text}END:VEVENT\r\n"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            component = VEvent.from_ical(whole)
        except _PARSE_ERRORS:
            # A line kept as it came that icalendar cannot read (see _salvage).
            salvaged = _salvage(whole)
            component = salvaged[0] if salvaged is not None else VEvent()
    assert isinstance(component, VEvent)
    return component


def _zone_id(value: datetime, zone_ids: Mapping[str, str]) -> str | None:
    tz = value.tzinfo
    return zone_ids.get(tz.key) if isinstance(tz, ZoneInfo) else None


def _add_time(vevent: VEvent, name: str, value: date | datetime | list[Any],
              zone_ids: Mapping[str, str], parameters: dict[str, str] | None = None) -> None:
    """``vevent.add(name, value)``, naming a zone a file defined by the TZID it had."""
    if isinstance(value, list) and value and isinstance(value[0], tuple) and getattr(
            value[0][0], "tzinfo", None) is not None and getattr(
            value[0][0].tzinfo, "key", None) in ("UTC", "Etc/UTC"):
        value = [(a.astimezone(UTC), b.astimezone(UTC)) for a, b in value]
    if parameters:
        vevent.add(name, value, parameters=parameters)
    else:
        vevent.add(name, value)
    first: Any = value[0] if isinstance(value, list) else value
    period = isinstance(first, tuple)
    if period:
        first = first[0]
    tzid = _zone_id(first, zone_ids) if isinstance(first, datetime) else None
    if tzid is None and period and isinstance(first, datetime):
        # icalendar names no zone for periods: the start's zone is theirs (UTC is "Z").
        key = getattr(first.tzinfo, "key", None)
        tzid = None if key in (None, "UTC", "Etc/UTC") else key
    if tzid is not None:
        prop = vevent[name]
        (prop[-1] if isinstance(prop, list) else prop).params["TZID"] = tzid


def build_event(
    programme: Programme,
    event: Event,
    options: ExportOptions,
    stamp: datetime,
    zone_ids: Mapping[str, str] | None = None,
    series: Event | None = None,
) -> VEvent:
    """The VEVENT for ``event`` (see the module doc for what it carries); a changed
    occurrence (:attr:`~planner.model.Event.overrides`) is a VEVENT of its own, see
    :func:`build_vevents`, written with its ``series``. ``zone_ids`` names the zones files
    defined (see :func:`zone_ids`)."""
    lang = options.lang
    zone_ids = zone_ids or {}
    kept = _preserved(event.preserved) if event.preserved else None
    vevent = VEvent()
    add = vevent.add
    add("UID", event.ical_uid)
    add("DTSTAMP", stamp)
    absent = event.absent
    if "LAST-MODIFIED" not in absent:
        add("LAST-MODIFIED", event.last_modified.astimezone(UTC))
    add("SEQUENCE", event.sequence)
    as_written = _end_as_written(kept, event)
    _add_times(vevent, event, zone_ids, series, own_end=as_written is None)
    if not ("SUMMARY" in absent and event.title == UNTITLED):
        add("SUMMARY", event.title.get(lang))
    description = description_text(programme, event, lang)
    if description:
        add("DESCRIPTION", description)
    venue = programme.venues.get(event.venue)
    if venue is not None and not venue.placeholder:
        add("LOCATION", location_text(venue, lang))
        if venue.lat is not None and venue.lon is not None and "GEO" not in absent and (
                kept is None or "GEO" not in kept):
            add("GEO", (venue.lat, venue.lon))
        if venue.lat is not None and venue.lon is not None and (
                "X-APPLE-STRUCTURED-LOCATION" not in absent) and (
                kept is None or "X-APPLE-STRUCTURED-LOCATION" not in kept):
            # Apple Calendar's map pin; it also keeps name and address apart for import.
            add("X-APPLE-STRUCTURED-LOCATION", vUri(f"geo:{venue.lat},{venue.lon}"),
                parameters={"VALUE": "URI", "X-ADDRESS": venue.address,
                            "X-APPLE-RADIUS": "70", "X-TITLE": venue.name.get(lang)})
    track = programme.tracks.get(event.track)
    categories = []
    if track is not None and not track.placeholder:
        categories.append(track.name.get(lang))
        if "COLOR" not in absent:
            add("COLOR", css3_colour_name(track.colour))
    # Kept lines with parameters, and those icalendar could not read, come after this one.
    odd_categories = []
    for line in _all(kept.get("CATEGORIES")) if kept is not None else ():
        texts = _category_texts(line)
        if texts is not None and not line.params:
            categories += texts
        else:
            odd_categories.append(line if texts is None else vCategory(texts, line.params))
    if categories:
        add("CATEGORIES", categories)
    for line in odd_categories:
        add("CATEGORIES", line, encode=False)
    if not ("STATUS" in absent and event.status == "confirmed"):
        add("STATUS", event.status.upper())
    kept_urls = [str(u).strip() for u in _all(kept.get("URL"))] if kept is not None else []
    if event.url and event.url not in kept_urls:
        add("URL", event.url)
    if event.recurrence is not None:
        _add_series(vevent, event, zone_ids)
    if kept is not None:
        for name, value in kept.property_items(recursive=False, sorted=False):
            if name in ("BEGIN", "END", "CATEGORIES"):
                continue
            if name == "URL" and str(value).strip() != event.url and event.url:
                continue  # the URL changed since: the new one is written above
            if name in ("DTEND", "DURATION"):
                if value is as_written:
                    # A copy: the kept properties are shared between exports.
                    clone: Any = copy.copy(value)
                    clone.params = Parameters(
                        {k: v for k, v in clone.params.items() if k != READ_AS})
                    add(name, clone, encode=False)
                continue
            if name == "RRULE" and not isinstance(value, vBroken):
                value = _kept_rule(value, event)
            add(name, value, encode=False)
        for component in kept.subcomponents:
            vevent.add_component(component)
    if options.alarm_minutes is not None:
        alarm = Alarm()
        alarm.add("ACTION", "DISPLAY")
        alarm.add("DESCRIPTION", event.title.get(lang))
        alarm.add("TRIGGER", timedelta(minutes=-options.alarm_minutes))
        vevent.add_component(alarm)
    return vevent


def _kept_rule(value: Any, event: Event) -> Any:
    """A repeat rule kept as it came (one the import does not follow, as on a changed
    occurrence) with a floating UNTIL in UTC: the event's start, floating in the file, is
    written in its zone now, and RFC 5545 3.3.10 then wants UNTIL in UTC (dateutil, and
    so icalendar's readers, cannot expand the rule otherwise)."""
    from planner.recurrence import rule_until_to_utc

    until = value.get("UNTIL") if hasattr(value, "get") else None
    if not until or not isinstance(until[0], datetime) or until[0].tzinfo is not None:
        return value
    try:
        return vRecur.from_ical(rule_until_to_utc(value.to_ical().decode(), event.start))
    except (ValueError, TypeError):
        return value


def _end_as_written(kept: VEvent | None, event: Event) -> Any:
    """The DTEND or DURATION that ``event``'s file wrote, kept because the import read it
    otherwise (see planner.importing.READ_AS), while the event has the times the import gave
    it: written back as it came, in place of the programme's end. ``None`` otherwise."""
    if kept is None:
        return None
    mark = read_as(event.start, event.end)
    return next((value for name in ("DTEND", "DURATION") for value in _all(kept.get(name))
                 if getattr(value, "params", {}).get(READ_AS) == mark), None)


def _add_times(vevent: VEvent, event: Event, zone_ids: Mapping[str, str],
               series: Event | None, *, own_end: bool = True) -> None:
    if event.all_day:
        vevent.add("DTSTART", event.start.date())
        if own_end:
            vevent.add("DTEND", event.end.date())
    elif event.recurrence is None and event.recurrence_id is None and not event.overrides \
            and not (_is_unambiguous(event.start) and _is_unambiguous(event.end)):
        # Clients disagree on times in a DST gap or overlap; an instant in UTC they all read.
        vevent.add("DTSTART", event.start.astimezone(UTC))
        if event.end != event.start and own_end:
            vevent.add("DTEND", event.end.astimezone(UTC))
    else:
        _add_time(vevent, "DTSTART", event.start, zone_ids)
        # An instant (an event without end in its file) has none (RFC 5545 3.6.1).
        if event.end != event.start and own_end:
            _add_time(vevent, "DTEND", event.end, zone_ids)
    rid = event.recurrence_id
    if rid is not None:
        parameters = {"RANGE": "THISANDFUTURE"} if rid.this_and_future else None
        # Of the series' value type (RFC 5545 3.8.4.4), whatever the occurrence became: one
        # made a whole day in a timed series is still named by its time.
        value = rid.start.date() if (series or event).all_day else rid.start
        _add_time(vevent, "RECURRENCE-ID", value, zone_ids, parameters)


def _add_series(vevent: VEvent, event: Event, zone_ids: Mapping[str, str]) -> None:
    recurrence = event.recurrence
    assert recurrence is not None
    for rule in recurrence.rules:
        vevent.add("RRULE", export_rule(event, rule))

    def values(moments: Iterable[datetime]) -> list[date | datetime]:
        if event.all_day:
            return [m.date() for m in sorted(moments)]
        return sorted(moments)

    if recurrence.rdates:
        _add_time(vevent, "RDATE", values(recurrence.rdates), zone_ids)
    if recurrence.periods:
        periods = [(p.start, p.end) for p in recurrence.periods]
        _add_time(vevent, "RDATE", periods, zone_ids, {"VALUE": "PERIOD"})
    if recurrence.exdates:
        _add_time(vevent, "EXDATE", values(recurrence.exdates), zone_ids)


def export_rule(event: Event, text: str | None = None) -> vRecur:
    """An RRULE of a repeating ``event`` as written (``text``, one of its rules; the first
    by default): an UNTIL in UTC (a date for an all-day event), as RFC 5545 requires beside
    a DTSTART with TZID; an UNTIL that a file gave as a DATE stays one."""
    assert event.recurrence is not None
    from planner.recurrence import rule_until_to_utc

    text = event.recurrence.rule if text is None else text
    rule: vRecur = vRecur.from_ical(text)
    if "UNTIL" in rule:
        until = rule["UNTIL"][0]
        if event.all_day:
            # With a DATE DTSTART, UNTIL must be a DATE too (RFC 5545 3.3.10).
            rule["UNTIL"] = [until.date() if isinstance(until, datetime) else until]
        elif isinstance(until, datetime) and event.zone.key not in ("UTC", "Etc/UTC"):
            # Wall-clock in the model, UTC in the file (RFC 5545: DTSTART has a TZID). A
            # DATE stays a DATE, as its file gave it: the whole day.
            rule = vRecur.from_ical(rule_until_to_utc(text, event.start))
        elif isinstance(until, datetime):
            rule["UNTIL"] = [until.replace(tzinfo=UTC)]
    return rule


def build_vevents(
    programme: Programme,
    event: Event,
    options: ExportOptions,
    stamp: datetime,
    zone_ids: Mapping[str, str] | None = None,
) -> list[VEvent]:
    """The VEVENTs of ``event``: its own, then one per changed occurrence (RECURRENCE-ID),
    each under the series' UID (RFC 5545 3.8.4.4)."""
    found = [build_event(programme, event, options, stamp, zone_ids)]
    for override in sorted(event.overrides, key=_override_order):
        override = dataclasses.replace(override, uid=event.uid, source_uid=event.source_uid)
        found.append(build_event(programme, override, options, stamp, zone_ids, event))
    return found


def _override_order(event: Event) -> tuple[datetime, bool]:
    assert event.recurrence_id is not None
    return event.recurrence_id.start, event.recurrence_id.this_and_future


def event_ical(
    programme: Programme, event: Event, options: ExportOptions, stamp: datetime,
    zone_ids: Mapping[str, str] | None = None,
) -> bytes:
    """:func:`build_vevents`'s VEVENTs as bytes, one after the other."""
    return b"".join(v.to_ical() for v in build_vevents(programme, event, options, stamp,
                                                        zone_ids))


def zone_ids(programme: Programme, keys: Iterable[str]) -> dict[str, str]:
    """The TZID to write for each zone a file defined (of ``keys``): the one its file gave,
    unless another zone of the export is written under that name."""
    keys = set(keys)
    taken = {k for k in keys if k not in programme.zones}
    found = {}
    for key in sorted(k for k in keys if k in programme.zones):
        # Without the characters TEXT escapes: vobject compares a VTIMEZONE's TZID
        # ("Canberra\, Melbourne") with the events' TZID parameter without unescaping it.
        tzid = _plain(_custom_tzid(programme.zones[key]) or key)
        if tzid in taken:
            tzid = _plain(key)
        taken.add(tzid)
        found[key] = tzid
    return found


def _plain(tzid: str) -> str:
    return tzid.replace(", ", " / ").replace(",", "/").replace(";", "/").replace(
        "\\", "/").replace('"', "'")


@lru_cache(maxsize=256)
def _custom_vtimezone(text: str) -> Timezone:
    component = Timezone.from_ical(text)
    assert isinstance(component, Timezone)
    return component


def _custom_tzid(text: str) -> str | None:
    tzid = _custom_vtimezone(text).get("TZID")
    return None if tzid is None else str(tzid)


# vobject takes a VTIMEZONE whose offsets and changes from 2000 to 2019 are UTC's for UTC
# (its tzinfo_eq), does not register it, and reads the TZID through pytz instead, whose zone
# it attaches without localize(): every occurrence of a series then keeps its first one's
# offset (London, Lisbon: an hour off after the autumn change).
_VOBJECT_LAST_SAMPLED = 2019


def _vtimezone_of(programme: Programme, key: str, lo: int, hi: int,
                  ids: Mapping[str, str]) -> Timezone:
    zone = zone_for_key(key, programme.zones)
    if lo > _VOBJECT_LAST_SAMPLED and not zone.utcoffset(datetime(lo, 1, 1)):
        # A zone at UTC's offset in January of its first year (London, Lisbon) starts in
        # a year vobject samples, so that its clock changes there set it apart from UTC.
        lo = _VOBJECT_LAST_SAMPLED
    if key not in programme.zones:
        return vtimezone(key, lo, hi)
    # A zone a file defined goes back out with the clock changes the file gave it, under
    # its TZID, in the form every client reads alike (the file's own form may not be read
    # alike: RDATE lists, DTSTART after the change).
    return zone_vtimezone(zone, ids.get(key, key), lo, hi)


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
    ids = zone_ids(programme, zone_years(events, programme))
    for event in events:
        for vevent in build_vevents(programme, event, options, stamp, ids):
            calendar.add_component(vevent)
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


def _add_zones(
    calendar: Calendar, events: Sequence[Event], programme: Programme
) -> dict[str, str]:
    """Add one VTIMEZONE per zone that ``events`` use (UTC needs none), under the TZIDs
    :func:`zone_ids` gives, and return those TZIDs."""
    years = zone_years(events, programme)
    ids = zone_ids(programme, years)
    for zone_name, (lo, hi) in sorted(years.items()):
        if zone_name not in ("UTC", "Etc/UTC"):
            calendar.add_component(_vtimezone_of(programme, zone_name, lo, hi, ids))
    return ids


def object_calendar(
    programme: Programme, event: Event, options: ExportOptions, stamp: datetime
) -> Calendar:
    """The VCALENDAR of one calendar object resource on a CalDAV server (RFC 4791 section
    4.1): ``event`` (its own VEVENT first, then one per changed occurrence, as RFC 4791
    keeps every component of one UID in one resource) with the VTIMEZONEs it uses, and none
    of the iTIP METHOD and calendar-wide names that a file for a whole calendar carries."""
    calendar = Calendar()
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", PRODID)
    calendar.add("CALSCALE", "GREGORIAN")
    ids = _add_zones(calendar, [event], programme)
    # A resource is the event's by its own UID: two events that came from one file's UID
    # (``source_uid``) are two resources, and a server refuses one UID in two of them.
    event = dataclasses.replace(event, source_uid="")
    for vevent in build_vevents(programme, event, options, stamp, ids):
        calendar.add_component(vevent)
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
#
# A file is read as calendar clients read it (issue 15): every VCALENDAR in it, old Macs'
# CR-only line ends, every VEVENT with its RFC 5545 meaning. What cannot be used is one
# problem per event; the rest of the file is imported. Every time keeps the zone its file
# gives it: a VTIMEZONE the file defines is used as defined, clock changes included (an IANA
# zone that matches it in the years used stands in, else the definition itself, see
# planner.zones); a TZID without VTIMEZONE is read by its name (IANA, Windows, vendor
# prefixes), else in X-WR-TIMEZONE, else in the programme's zone, and a note says so.

_BOM = b"\xef\xbb\xbf"
# The length of a session made from a VEVENT without DTSTART or DURATION.
SESSION_LENGTH = timedelta(hours=1)
# Components read between two progress reports (a report may stop the reading).
PROGRESS_EVERY = 50
# Properties the model reads into fields of its own; every other one is kept as it came.
_MODELLED = frozenset({
    "UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION", "SUMMARY", "DESCRIPTION", "LOCATION",
    "CATEGORIES", "COLOR", "STATUS", "URL", "SEQUENCE", "LAST-MODIFIED", "RRULE", "RDATE",
    "EXDATE", "RECURRENCE-ID",
    # CalDAV sync's payload (planner.sync.resource): the event as a planner last wrote it,
    # stale once the event changes; sync reads it itself, an import never keeps it.
    "X-PLANNER-DATA",
})
_SINGLE_PROPERTIES = ("UID", "DTSTART", "DTEND", "DURATION", "RECURRENCE-ID")
_DATE_PROPERTIES = ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID")
# A TZID longer than this names no zone (and would send zoneinfo's package lookup deep).
_MAX_TZID = 200


class _SafeZoneinfo(ZONEINFO):
    """icalendar's zoneinfo provider, asking zoneinfo only for names tzdata has: a TZID of
    300 "/"-separated parts made zoneinfo import 300 nested packages (a RecursionError)."""

    def timezone(self, name: str) -> Any:
        if len(name) > _MAX_TZID or not is_iana(name):
            return None
        return super().timezone(name)


def _text(component: Any, name: str) -> str:
    value = component.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    return str(value).strip()


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) else value


def _all(value: Any) -> list[Any]:
    return [] if value is None else value if isinstance(value, list) else [value]


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


def _split_speakers(description: str) -> tuple[str, tuple[str, ...]]:
    return split_speakers(description, SPEAKERS_LABEL.values())


def _fallback_uid(component: Any) -> str:
    # A client that writes no UID still gets the same one on every import of the file.
    basis = "|".join(
        _shown(_first(component.get(name))) if component.get(name) is not None else ""
        for name in ("DTSTART", "SUMMARY", "LOCATION")
    )
    return f"import-{hashlib.sha1(basis.encode()).hexdigest()[:16]}@programme-planner"


def _line_ends(data: bytes) -> bytes:
    """``data`` with every line ending in CRLF, also old Macs' lone CR."""
    if b"\r" in data:
        data = re.sub(rb"\r(?!\n)", b"\r\n", data)
    if b"TZID=" in data:
        # A DATE with a TZID ("DTSTART;TZID=US/Eastern:20060102"), which icalendar turns into
        # midnight there: libical and vobject read a date, and so does the import.
        data = _DATE_WITH_TZID.sub(_say_date, data)
    return data


_DATE_WITH_TZID = re.compile(rb"(?mi)^(DTSTART|DTEND|RECURRENCE-ID);([^:\r\n]*):(\d{8})(?=\r?$)")


def _say_date(found: re.Match[bytes]) -> bytes:
    name, params, value = found.groups()
    if b"TZID=" not in params.upper() or b"VALUE=" in params.upper():
        return found.group(0)
    return name + b";" + params + b";VALUE=DATE:" + value


def read_ics(
    data: bytes, source: str | Path, progress: Callable[[int, int], None] | None = None
) -> ReadResult:
    """Read ICS bytes into incoming events, problems (one per event that cannot be used)
    and notes (times read in a zone the file does not name).

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
    notes = []
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if b"\x00" in data:
            raise IcsError(
                msg("{file}: not UTF-8 text (byte {pos})", file=source, pos=exc.start)
            ) from None
        # Older Outlook and Mac files are in the Windows (Latin) character set; clients read
        # them, with the odd letter wrong at worst.
        data = data.decode("cp1252", errors="replace").encode("utf-8")
        notes.append(msg("{file}: not UTF-8 text (byte {pos}); read as Windows-1252",
                         file=source, pos=exc.start))
    data = _line_ends(data)
    tzp.use(_SafeZoneinfo())
    broken: list[tuple[Ref, Message]] = []
    try:
        calendars = _calendars(_parse(data))
        if not calendars:
            # A VCALENDAR without its END line gives icalendar nothing: read apart below.
            raise ValueError("no VCALENDAR")
    # icalendar's parser also lets AttributeError and TypeError out on some malformed lines
    # (a parameter given twice becomes a list where it expects a string).
    except _PARSE_ERRORS as exc:
        if not data.strip():
            raise IcsError(msg("{file}: empty file", file=source)) from None
        # One bad component costs that component, not the file: each is read on its own.
        calendars, broken = _read_apart(data, source)
        if not calendars:
            if str(exc).startswith("Found no components"):
                # icalendar's words for a BEGIN never closed, with the file's start as bytes:
                # say what it most likely means, a download or copy cut short.
                raise IcsError(msg("{file}: not an iCalendar file (a BEGIN line has no END "
                                   "line; is the file cut short?)", file=source)) from None
            reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
            raise IcsError(
                msg("{file}: not an iCalendar file ({reason})", file=source, reason=reason)
            ) from None
    if not calendars:
        raise IcsError(msg("{file}: not an iCalendar file (no VCALENDAR)", file=source))
    # A VCALENDAR inside another (libical's clusters) is read as one of its own.
    calendars = [c for outer in calendars for c in _nested_calendars(outer)]
    result = ReadResult(source=source, notes=notes)
    for what, why in broken:
        result.problems.append(make_problem(what, why))
    total = sum(len(c.subcomponents) for c in calendars)
    done = 0
    zones: Counter[str] = Counter()
    for calendar in calendars:
        reader = _CalendarReader(calendar, source, result)
        if result.zone is None:
            result.zone = reader.calendar_zone
        result.name = result.name or _text(calendar, "X-WR-CALNAME")
        for component in calendar.subcomponents:
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, total)
            done += 1
            if component.name != "VEVENT":
                continue
            item = reader.event(component)
            if item is None:
                continue
            if isinstance(item.start.tzinfo, ZoneInfo):
                zones[item.start.tzinfo.key] += 1
            result.events.append(item)
        reader.finish()
    if progress is not None:
        progress(total, total)
    if result.zone is None and zones:
        result.zone = next((z for z, _ in zones.most_common() if is_iana(z) and z != "UTC"),
                           None)
    return result


def _nested_calendars(calendar: Any) -> list[Any]:
    """``calendar`` and every VCALENDAR nested in it (a few levels deep at most)."""
    found, level = [calendar], [calendar]
    for _ in range(8):
        level = [c for outer in level for c in outer.subcomponents if c.name == "VCALENDAR"]
        if not level:
            break
        found += level
    return found


_PARSE_ERRORS = (ValueError, IndexError, KeyError, AttributeError, TypeError, RecursionError)


def _parse(data: bytes | str) -> list[Any]:
    with warnings.catch_warnings():
        # icalendar warns about TZIDs it guesses; what we make of them is in the notes.
        warnings.simplefilter("ignore")
        found: list[Any] = Calendar.from_ical(data, multiple=True)
    return found


def _calendars(components: list[Any]) -> list[Any]:
    """The VCALENDARs among a file's top-level components; events without a VCALENDAR
    around them (khal keeps them so, RFC examples show them so) are read as one more."""
    calendars = [c for c in components if c.name == "VCALENDAR"]
    loose = [c for c in components if c.name in ("VEVENT", "VTIMEZONE")]
    if loose:
        holder = Calendar()
        for component in loose:
            holder.add_component(component)
        calendars.append(holder)
    return calendars


def _read_apart(data: bytes, source: str) -> tuple[list[Any], list[tuple[Ref, Message]]]:
    """The calendars of the file ``source`` icalendar cannot read whole, each component
    read on its own; and, for each that cannot be read, what it is and why."""
    from icalendar import parser

    reader: Any = parser.Contentlines
    try:
        lines = reader.from_ical(data.decode("utf-8"))
    except _PARSE_ERRORS:
        return [], []
    calendars: list[Any] = []
    broken: list[tuple[Ref, Message]] = []
    head: list[str] = []
    block: list[str] = []
    parts: list[Any] = []
    depth = 0
    for line in lines:
        upper = line[:40].upper()
        if upper.startswith("BEGIN:"):
            depth += 1
        if depth == 1 and not upper.startswith(("BEGIN:", "END:")):
            head.append(line)
        elif depth >= 2 or (depth == 1 and upper.startswith("BEGIN:V") and not upper.startswith(
                "BEGIN:VCALENDAR")):
            block.append(line)
        if upper.startswith("END:"):
            depth = max(0, depth - 1)
            if depth <= 1 and block:
                text = "\r\n".join(block) + "\r\n"
                name = block[0].partition(":")[2].strip().upper()
                block = []
                try:
                    parts.extend(_parse(text))
                except _PARSE_ERRORS as exc:
                    uid = next((b.partition(":")[2] for b in text.split("\r\n")
                                if b[:4].upper() == "UID:"), "")
                    what: Ref = (event_ref(source, uid) if name == "VEVENT" and uid
                                 else f"{source}: {name}")
                    reason = (str(exc).splitlines() or [""])[0][:200]
                    salvaged = _salvage(text)
                    if salvaged is None:
                        broken.append((what, msg("cannot be read ({reason})", reason=reason)))
                    else:
                        parts.append(salvaged[0])
                        if salvaged[1]:
                            broken.append((what, msg("cannot be read (a line of it left out: "
                                                     "{reason})", reason=reason)))
            if depth == 0 and upper.startswith("END:VCALENDAR"):
                calendar = Calendar()
                try:
                    calendar = _parse("BEGIN:VCALENDAR\r\n" + "\r\n".join(head)
                                      + "\r\nEND:VCALENDAR\r\n")[0]
                except _PARSE_ERRORS:
                    pass
                for part in parts:
                    calendar.add_component(part)
                calendars.append(calendar)
                head, parts = [], []
    if depth > 0 or block:
        # A component the file ends inside (a download cut short): what there is of it.
        open_now: list[str] = []
        for line in block:
            if line[:6].upper() == "BEGIN:":
                open_now.append(line[6:].strip())
            elif line[:4].upper() == "END:" and open_now:
                open_now.pop()
        text = "\r\n".join(block + [f"END:{n}" for n in reversed(open_now)]) + "\r\n"
        salvaged = _salvage(text) if block else None
        if salvaged is not None:
            parts.append(salvaged[0])
        broken.append((source, msg("a BEGIN line has no END line; is the file cut short?")))
    # What stands outside any VCALENDAR (or in one the file never ends): its events.
    return _calendars([*calendars, *parts]), broken


def _salvage(text: str) -> tuple[Any, int] | None:
    """The component in ``text`` with each property line icalendar cannot read (each tried
    on its own) of an event kept as it came (a ``vBroken``, written back as the file wrote
    it: a VALARM's ``TRIGGER:PT-2H`` that other clients read), and how many lines had to be
    left out (the others); or ``None`` when it cannot be read at all."""
    lines = text.split("\r\n")
    kept = []
    inside = ["VEVENT"]
    open_now: list[int] = []  # the components the line stands in, by their BEGIN's order
    begun = 0
    unread: list[tuple[int, str]] = []
    for line in lines:
        upper = line[:40].upper()
        if upper.startswith("BEGIN:"):
            inside.append(line[6:].strip().upper())
            open_now.append(begun)
            begun += 1
        if not line or upper.startswith(("BEGIN:", "END:")):
            kept.append(line)
            if upper.startswith("END:") and len(inside) > 1:
                inside.pop()
                if open_now:
                    open_now.pop()
            continue
        # Each line read in the component it stands in (a TRIGGER means something else
        # in a VALARM than elsewhere).
        name = inside[-1]
        try:
            _parse(f"BEGIN:{name}\r\n{line}\r\nEND:{name}\r\n")
        except _PARSE_ERRORS:
            unread.append((open_now[-1] if open_now else 0, line))
            continue
        kept.append(line)
    try:
        found = _parse("\r\n".join(kept))
    except _PARSE_ERRORS:
        return None
    if len(found) != 1:
        return None
    # walk() goes through the components in the order their BEGIN lines stand in.
    components = list(found[0].walk())
    left_out = 0
    content_line: Any = Contentline
    for index, line in unread:
        try:
            name, params, value = content_line(line).parts()
        except _PARSE_ERRORS:
            left_out += 1
            continue
        if components[0].name != "VEVENT" or index >= len(components) or (
                index == 0 and name.upper() in _SINGLE_PROPERTIES):
            # What the import reads itself (an event's times, a zone's offsets) must be
            # readable: left out.
            left_out += 1
            continue
        components[index].add(name, vBroken(value, params=params, property_name=name),
                              encode=False)
    return found[0], left_out


# The clock changes of each VTIMEZONE read lately, by its text. Working them out runs each
# observance's yearly rule up to zones.LAST_YEAR; a file of many VCALENDARs (libical's
# large.ics: 94) gives each the same few VTIMEZONEs again, and so does each import of the
# files a calendar client wrote.
_ZONE_CHANGES: dict[str, ZoneChanges | Message] = {}
_ZONE_CHANGES_KEPT = 256


def _zone_changes(text: str, definition: Any) -> ZoneChanges:
    """:func:`planner.zones.zone_changes` of ``definition`` (whose text is ``text``), worked
    out once for the same text (and so is the reason it cannot be used)."""
    found = _ZONE_CHANGES.get(text)
    if found is None:
        try:
            found = zone_changes(definition)
        except ZoneDefinitionError as exc:
            found = exc.message
        if len(_ZONE_CHANGES) >= _ZONE_CHANGES_KEPT:
            _ZONE_CHANGES.pop(next(iter(_ZONE_CHANGES)))
        _ZONE_CHANGES[text] = found
    if isinstance(found, Message):
        raise ZoneDefinitionError(found)
    return found


class _CalendarReader:
    """Reads the VEVENTs of one VCALENDAR: its zones, then each event."""

    def __init__(self, calendar: Any, source: str, result: ReadResult) -> None:
        self.source = source
        self.result = result
        wr_zone = _text(calendar, "X-WR-TIMEZONE")
        self.calendar_zone = iana_zone_name(wr_zone) if wr_zone else None
        if wr_zone and self.calendar_zone is None:
            result.notes.append(msg("{file}: X-WR-TIMEZONE '{zone}' names no time zone we "
                                    "know; it is not used", file=source, zone=wr_zone[:80]))
        # By the TZID without spaces at its ends: one file wrote "Mitteleuropäische Zeit "
        # in its VTIMEZONE and its events alike, icalendar keeps the space in one of them.
        self.definitions = {
            str(c.get("TZID")).strip(): c for c in calendar.subcomponents
            if c.name == "VTIMEZONE" and c.get("TZID") is not None
        }
        self.years = _years_by_tzid(calendar)
        self.zones: dict[str, ZoneInfo | None] = {}
        self.floating = 0  # events whose times name no zone
        # An iTIP message (RFC 5546): CANCEL calls off what it names.
        self.method = _text(calendar, "METHOD").strip().upper()

    def finish(self) -> None:
        if self.floating:
            where = self.calendar_zone or ""
            self.result.notes.append(
                msg("{file}: {count} event(s) with times in no zone (floating), read in "
                    "{zone}", file=self.source, count=self.floating, zone=where)
                if where else
                msg("{file}: {count} event(s) with times in no zone (floating), read in the "
                    "programme's zone", file=self.source, count=self.floating)
            )

    # -- zones --

    def zone(self, tzid: str) -> ZoneInfo | None:
        """The zone ``tzid`` stands for, or ``None`` for "the floating zone" (with a note)."""
        if tzid in self.zones:
            return self.zones[tzid]
        zone = self._resolve(tzid)
        self.zones[tzid] = zone
        return zone

    def _resolve(self, tzid: str) -> ZoneInfo | None:
        shown = tzid[:80]
        definition = self.definitions.get(tzid.strip())
        if definition is not None and len(tzid) <= _MAX_TZID:
            text = definition.to_ical().decode()
            try:
                changes = _zone_changes(text, definition)
            except ZoneDefinitionError as exc:
                self.result.notes.append(msg("{file}: time zone '{zone}' cannot be used "
                                             "({reason})", file=self.source, zone=shown,
                                             reason=exc.message))
            else:
                # Compared in the years the events use: a file defines its zones for those.
                first, last = self.years.get(tzid, (2000, 2000))
                named = iana_zone_name(tzid)
                hints = (named,) if named else ()
                found = matching_iana_zone(changes, first, last, hints)
                if found is not None:
                    return ZoneInfo(found)
                # Defined by the file alone: kept as defined, and written back on export.
                key = tzid if not is_iana(tzid) and tzid not in ("UTC", "Z") else (
                    f"{tzid} (as defined in the file)")
                try:
                    zone = custom_zone(key, text)
                except ZoneDefinitionError as exc:
                    self.result.notes.append(msg("{file}: time zone '{zone}' cannot be used "
                                                 "({reason})", file=self.source, zone=shown,
                                                 reason=exc.message))
                else:
                    self.result.zones[key] = text
                    return zone
        name = iana_zone_name(tzid) if len(tzid) <= _MAX_TZID else None
        if name is not None:
            return ZoneInfo(name)
        if self.calendar_zone is not None:
            self.result.notes.append(
                msg("{file}: unknown time zone '{zone}', read in {fallback} (the file's "
                    "X-WR-TIMEZONE)", file=self.source, zone=shown, fallback=self.calendar_zone))
            return ZoneInfo(self.calendar_zone)
        self.result.notes.append(
            msg("{file}: unknown time zone '{zone}', read in the programme's zone",
                file=self.source, zone=shown))
        return None

    def moment(self, value: date | datetime, tzid: str | None) -> tuple[datetime | date, bool]:
        """A date or date-time as the import keeps it (see IncomingEvent), and whether it
        is floating."""
        if not isinstance(value, datetime):
            return value, False
        if tzid is not None and not (value.tzinfo is not None and value.utcoffset() ==
                                     timedelta(0) and str(tzid).upper() in ("UTC", "Z")):
            zone = self.zone(str(tzid))
            wall = value.replace(tzinfo=None)
            return (wall, True) if zone is None else (wall.replace(tzinfo=zone), False)
        if value.tzinfo is None:
            return value, True
        return value.astimezone(UTC), False

    # -- events --

    def event(self, component: Any) -> IncomingEvent | None:
        try:
            return self._event(component)
        except _Skip:
            return None

    def _session(self, component: Any, uid: str, ref: Ref, duration_prop: Any) -> None:
        """A VEVENT without DTSTART as an unscheduled session (its DURATION, else an hour),
        with a note."""
        duration = None if isinstance(duration_prop, vBroken) else getattr(
            duration_prop, "dt", None)
        if not isinstance(duration, timedelta) or duration <= timedelta(0):
            duration = SESSION_LENGTH
        # A session lasts whole minutes (planner.model.validate_session), a day at most.
        minute = timedelta(minutes=1)
        duration = min(max(minute, -(-duration // minute) * minute), timedelta(days=1))
        description, speakers = _split_speakers(_text(component, "DESCRIPTION"))
        categories = [str(c).strip() for line in _all(component.get("CATEGORIES"))
                      if not isinstance(line, vBroken) for c in getattr(line, "cats", ())]
        self.result.sessions.append(IncomingSession(
            ref=ref, where=self.source, uid=uid, title=_text(component, "SUMMARY"),
            duration=duration, track=next((c for c in categories if c), ""),
            venue=_text(component, "LOCATION"), speakers=speakers, description=description,
            titled=False))
        self.result.notes.append(one_line(msg(
            "{path}: has no start (DTSTART); waits in Unscheduled ({minutes} min)", path=ref,
            minutes=int(duration.total_seconds() // 60))))

    def _event(self, component: Any) -> IncomingEvent:
        source = self.source
        uid_prop = _first(component.get("UID"))
        written = str(uid_prop) if uid_prop is not None else ""
        uid = written.strip()
        if not uid or "\n" in uid or "\r" in uid:
            uid = _fallback_uid(component) if not uid else uid.replace("\r", "").replace(
                "\n", " ")
        # The UID goes back out as the file wrote it (spaces and all), when it can.
        source_uid = written if written != uid and uid and written.isprintable() else ""
        ref = event_ref(source, uid)

        def fail(reason: Message) -> NoReturn:
            self.result.problems.append(make_problem(ref, reason))
            raise _Skip

        def note(reason: Message) -> None:
            self.result.notes.append(one_line(msg("{path}: {reason}", path=ref,
                                                  reason=reason)))

        # An end the import reads otherwise than its line says goes back out as it came
        # (see planner.importing.READ_AS): the line.
        end_line: tuple[str, Any] | None = None
        written_end: tuple[str, Any] | None = None
        # RFC 5545 allows one of each; clients read the first, and so does the import.
        single = {}
        for name in _SINGLE_PROPERTIES:
            value = component.get(name)
            if isinstance(value, list):
                note(msg("{name} appears more than once; the first is used", name=name))
                value = value[0]
            single[name] = value
            if isinstance(value, vBroken) and name in ("DTEND", "DURATION"):
                # The start places the event; without a readable end it takes no time.
                note(msg("{name} '{value}' is not a valid date or time; left out", name=name,
                         value=_shown(value)[:80]))
                single[name] = None
                end_line = end_line or (name, value)
            elif isinstance(value, vBroken) and name in _DATE_PROPERTIES:
                fail(msg("{name} '{value}' is not a valid date or time", name=name,
                         value=_shown(value)[:80]))
        start_prop = single["DTSTART"]
        if start_prop is None and single["RECURRENCE-ID"] is None:
            # No time yet (RFC 5545 allows it beside a METHOD): a session to be placed.
            self._session(component, uid, ref, single["DURATION"])
            raise _Skip
        # An occurrence named by its RECURRENCE-ID alone (RFC 5546 lets a CANCEL or REPLY
        # name one so): at that time, the rest as its series has it (see the importing).
        of_series = start_prop is None

        def when(name: str, prop: Any) -> tuple[datetime, bool]:
            # VALUE=URI and the like carry no date; icalendar could not read a vBroken one.
            value = None if isinstance(prop, vBroken) else getattr(prop, "dt", None)
            if not isinstance(value, date):  # a duration or period where a date belongs
                fail(msg("{name} '{value}' is not a valid date or time", name=name,
                         value=_shown(prop)[:80]))
            if not in_years(value):
                fail(outside_years(name, value))
            if isinstance(value, datetime) and str(prop.params.get("VALUE", "")).upper() == "DATE":
                value = value.date()  # a date with a TZID (see _line_ends)
            moment, _ = self.moment(value, prop.params.get("TZID"))
            if isinstance(moment, datetime):
                return moment, False
            return datetime(moment.year, moment.month, moment.day), True

        start, all_day = when("DTSTART", start_prop) if not of_series else when(
            "RECURRENCE-ID", single["RECURRENCE-ID"])
        end: datetime | None = None
        end_prop = single["DTEND"]
        duration_prop = single["DURATION"]
        if end_prop is not None:
            end, end_all_day = when("DTEND", end_prop)
            # One with a TZID as its instant in UTC: the export may name that zone otherwise
            # (a file's "America-Chicago" goes out as America/Chicago).
            written_end = ("DTEND", end_prop if end.tzinfo is None or not end_prop.params.get(
                "TZID") else vDDDTypes(end.astimezone(UTC)))
            if end_all_day != all_day:
                # RFC 5545 3.8.2.2 wants DTSTART's value type; each client reads it its way.
                end_line = written_end
                if all_day:
                    # A date-time end of an all-day event: the day it falls on is the last.
                    end = datetime.combine(end.date() + timedelta(days=1), time(0))
                else:
                    # A date end of an event with times: the start of that day.
                    end = end.replace(tzinfo=start.tzinfo)
        elif duration_prop is not None:
            duration = None if isinstance(duration_prop, vBroken) else getattr(
                duration_prop, "dt", None)
            if not isinstance(duration, timedelta):
                note(msg("{name} '{value}' is not a valid date or time; left out",
                         name="DURATION", value=_shown(duration_prop)[:80]))
                end_line = ("DURATION", duration_prop)
            else:
                if all_day and duration % timedelta(days=1):
                    # A DATE start lasts whole days (RFC 5545 3.8.2.5): a part of a day
                    # is the day it begins.
                    days = max(1, -(-duration // timedelta(days=1)))
                    note(msg("DURATION '{value}' of an all-day event is not whole days; read "
                             "as {days} day(s)", value=_shown(duration_prop)[:80], days=days))
                    duration = timedelta(days=days)
                try:
                    end = start + duration
                except OverflowError:
                    end = datetime.max
                if not in_years(end):
                    fail(outside_years("DTSTART + DURATION", end))
        if end is not None and not all_day and start.tzinfo is None and isinstance(
                end.tzinfo, ZoneInfo) and end.tzinfo.key not in ("UTC", "Etc/UTC"):
            # A floating start beside an end in a zone: the file means that zone for both.
            note(msg("DTSTART has no time zone; read in DTEND's, {zone}", zone=end.tzinfo.key))
            start = start.replace(tzinfo=end.tzinfo)
        if end is not None and isinstance(start.tzinfo, ZoneInfo) and end.tzinfo is not None \
                and not all_day and end.tzinfo is not start.tzinfo:
            end = end.astimezone(start.tzinfo)
        if end is not None and not all_day and _ends_before(end, start):
            note(msg("it ends before it starts; read as taking no time"))
            end = None
            end_line = written_end or ("DURATION", duration_prop)
        if end is not None and all_day and end < start:
            # The programme makes it its day (see planner.importing), as it does an end equal
            # to the start; unlike that one, which Google and Outlook read as the day and
            # the export writes so, clients read this one each their own way: it goes back
            # out as it came.
            note(msg("it ends before it starts; read as one day"))
            end_line = end_line or written_end or ("DURATION", duration_prop)
        sequence = 0
        sequence_prop = component.get("SEQUENCE")
        if sequence_prop is not None:
            first = _first(sequence_prop)
            if isinstance(first, int):
                sequence = max(0, min(int(first), MAX_SEQUENCE))
            # Any other SEQUENCE (text, a number too large) counts as none: kept as it came.
        kept: list[tuple[str, Any]] = []
        absent: set[str] = set()
        for name in ("SUMMARY", "STATUS", "COLOR", "GEO", "X-APPLE-STRUCTURED-LOCATION",
                     "LAST-MODIFIED"):
            if component.get(name) is None:
                absent.add(name)
        status = _text(component, "STATUS").lower()
        if of_series and self.method == "CANCEL":
            status = "cancelled"  # RFC 5546 3.2.5: the occurrence is called off
            absent.discard("STATUS")
        if status not in ("confirmed", "tentative", "cancelled"):
            if status:
                kept.append(("STATUS", component.get("STATUS")))
            status = "confirmed"
            absent.add("STATUS")
        url = _usable(component, "URL")
        url_text = str(url).strip() if url is not None else ""
        if url is not None and (not url_text.isprintable() or " " in url_text
                                or isinstance(component.get("URL"), list)):
            # Not one line a URI can be (issue 14.5): kept as it came, not as the URL.
            kept.append(("URL", component.get("URL")))
            url_text = ""
        elif component.get("URL") is not None and (not url_text or getattr(
                component.get("URL"), "params", None)):
            # With parameters (VALUE=URI), or empty: kept as it came, written back as long
            # as the URL stays the same.
            kept.append(("URL", component.get("URL")))
        category_lines = _all(component.get("CATEGORIES"))
        texts_of = [_category_texts(line) for line in category_lines]
        # Not from a line with a VALUE, as it goes back out as it came (see _category_texts).
        track = next((text for line, texts in zip(category_lines, texts_of, strict=True)
                      if texts and "VALUE" not in line.params for text in texts if text), "")
        # All categories go back out (even an empty one); the first one is the track. Those
        # of lines without parameters go out as one line after it, each other line as it
        # came (with its LANGUAGE, say) save the track.
        categories: list[str] = []
        to_take = track
        for line, texts in zip(category_lines, texts_of, strict=True):
            if texts is None:
                kept.append(("CATEGORIES", line))
                continue
            if to_take and to_take in texts:
                texts.remove(to_take)
                to_take = ""
            if line.params:
                if texts:
                    kept.append(("CATEGORIES", vCategory(texts, params=line.params)))
            else:
                categories += texts
        if categories:
            kept.append(("CATEGORIES", vCategory(categories)))
        for name, value in component.items():
            if name not in _MODELLED:
                kept.append((name, value))
        if isinstance(sequence_prop, list) or (sequence_prop is not None
                                                 and not isinstance(_first(sequence_prop), int)):
            kept.append(("SEQUENCE", sequence_prop))
        description, speakers = _split_speakers(_text(component, "DESCRIPTION"))
        geo = _usable(component, "GEO")
        if not hasattr(geo, "latitude"):  # VALUE=TEXT and the like
            geo = None
        structured = _first(component.get("X-APPLE-STRUCTURED-LOCATION"))
        venue_title = venue_address = ""
        if structured is not None and hasattr(structured, "params"):
            venue_title = str(structured.params.get("X-TITLE", "")).strip()
            venue_address = str(structured.params.get("X-ADDRESS", "")).strip()
        rules = []
        for line in _all(component.get("RRULE")):
            # Spaces between parts ("BYDAY=MO, TU") mean nothing; dateutil refuses them.
            text = "".join(_shown(line).split())
            reason = None if isinstance(line, vBroken) else rule_problem(text, start)
            if isinstance(line, vBroken) or reason is not None:
                # What no client can follow: kept as it came, the event taking place once.
                note(msg("repeat rule '{rule}' cannot be read ({reason}); imported as a "
                         "single event", rule=text[:120], reason=reason or "?"))
                kept.append(("RRULE", line))
                continue
            rules.append(text)
        rdates, periods, unread = self._dates(component.get("RDATE"), exact_for=all_day)
        kept.extend(("RDATE", line) for line in unread)
        exdates, _, unread = self._dates(component.get("EXDATE"))
        kept.extend(("EXDATE", line) for line in unread)
        last_modified = _usable(component, "LAST-MODIFIED") or _usable(component, "DTSTAMP")
        modified = None
        if isinstance(getattr(last_modified, "dt", None), datetime) and in_years(
                last_modified.dt):
            modified = last_modified.dt
            modified = modified.replace(tzinfo=UTC) if modified.tzinfo is None else modified
        colour = css3_colour_hex(_text(component, "COLOR")) if component.get("COLOR") else None
        recurrence_id: datetime | date | None = None
        this_and_future = False
        rid_prop = single["RECURRENCE-ID"]
        if rid_prop is not None:
            rid, rid_all_day = when("RECURRENCE-ID", rid_prop)
            recurrence_id = rid.date() if rid_all_day else rid
            this_and_future = str(rid_prop.params.get("RANGE", "")).upper() == "THISANDFUTURE"
            if rules or rdates or periods:
                # A changed occurrence does not repeat (RFC 5545): its rules are kept as
                # they came, not followed.
                # (Those it could not read are kept already.)
                already = {id(value) for _, value in kept}
                kept.extend((name, line) for name in ("RRULE", "RDATE")
                            for line in _all(component.get(name)) if id(line) not in already)
                rules, rdates, periods = [], [], []
        if not all_day and start.tzinfo is None:
            self.floating += 1
        return IncomingEvent(
            ref=ref,
            where=source,
            uid=uid,
            title=_text(component, "SUMMARY"),
            start=start,
            end=end,
            all_day=all_day,
            floating_zone=self.calendar_zone,
            track=track,
            track_colour=colour,
            venue=_text(component, "LOCATION"),
            venue_title=venue_title,
            venue_address=venue_address,
            venue_lat=float(geo.latitude) if geo is not None else None,
            venue_lon=float(geo.longitude) if geo is not None else None,
            speakers=speakers,
            description=description,
            status=status,
            rule=rules[0] if rules else None,
            more_rules=tuple(rules[1:]),
            exdates=tuple(exdates),
            rdates=tuple(rdates),
            periods=tuple(periods),
            sequence=sequence,
            last_modified=modified,
            url=url_text,
            recurrence_id=recurrence_id,
            this_and_future=this_and_future,
            preserved=_preserve(kept, component.subcomponents),
            absent=frozenset(absent),
            source_uid=source_uid,
            end_as_written=_preserve([end_line], []).rstrip("\r\n") if end_line else "",
            of_series=of_series,
        )

    def _dates(
        self, prop: Any, exact_for: bool | None = None
    ) -> tuple[list[datetime | date], list[tuple[datetime, datetime]], list[Any]]:
        """The dates and date-times of RDATE or EXDATE lines, their periods, and the lines
        icalendar could not read (kept as they came, for clients that can). With
        ``exact_for`` (whether the event is all-day), a line with values of the other kind
        (dates beside times, a period of dates) is one of those too: what it means is not
        agreed, so it goes back out as it came."""
        values: list[datetime | date] = []
        periods: list[tuple[datetime, datetime]] = []
        unread: list[Any] = []
        for line in _all(prop):
            if isinstance(line, vBroken):
                unread.append(line)
                continue
            if exact_for is not None and any(
                    _odd_date(item.dt, all_day=exact_for) for item in getattr(line, "dts", ())):
                unread.append(line)
                continue
            tzid = line.params.get("TZID") if hasattr(line, "params") else None
            for item in getattr(line, "dts", ()):  # VALUE=URI and the like carry no dates
                value = item.dt
                if isinstance(value, tuple):
                    begin, length = value
                    if not isinstance(begin, datetime) or not in_years(begin):
                        continue
                    finish = begin + length if isinstance(length, timedelta) else length
                    if not isinstance(finish, datetime) or not in_years(finish):
                        continue
                    first, _ = self.moment(begin, tzid)
                    last, _ = self.moment(finish, tzid)
                    if isinstance(first, datetime) and isinstance(last, datetime):
                        periods.append((first, last))
                    continue
                if not isinstance(value, date) or not in_years(value):
                    continue  # a duration where a date belongs, or a date no programme holds
                moment, _ = self.moment(value, tzid)
                values.append(moment)
        return values, periods, unread


def _odd_date(value: Any, *, all_day: bool) -> bool:
    """Whether an RDATE value is not of its event's kind: a date (or a period of dates) on
    an event with times, or a time on an all-day event."""
    if isinstance(value, tuple):
        return not all(isinstance(v, datetime) for v in value if isinstance(v, date)) or all_day
    return isinstance(value, datetime) == all_day


def _category_texts(line: Any) -> list[str] | None:
    """The categories of a CATEGORIES line, or ``None`` for one icalendar could not read
    (kept as it came). icalendar types a line with a VALUE parameter (RFC 5545 gives
    CATEGORIES none) as that value, of the text Python writes for the list of categories:
    that list."""
    if isinstance(line, vBroken):  # whose attributes raise
        return None
    cats = getattr(line, "cats", None)
    if isinstance(cats, list):
        return [str(c).strip() for c in cats]
    text = str(line)
    if not text.startswith("[") or len(text) > _LONGEST_CATEGORIES:
        return None
    try:
        value = ast.literal_eval(text)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return [v.strip() for v in value]


_LONGEST_CATEGORIES = 100_000
"""The longest text of a CATEGORIES line :func:`_category_texts` reads as a list."""


def _ends_before(end: datetime, start: datetime) -> bool:
    if end.tzinfo is None or start.tzinfo is None:
        return end.replace(tzinfo=None) < start.replace(tzinfo=None)
    # As instants (see planner.model.instant): in a spring gap the wall clock misleads.
    return instant(end) < instant(start)


class _Skip(Exception):
    """An event that cannot be used (its problem is reported already)."""


def _years_by_tzid(calendar: Any) -> dict[str, tuple[int, int]]:
    """For each TZID the calendar's events use, the first and last year they use it in."""
    years: dict[str, tuple[int, int]] = {}
    for component in calendar.subcomponents:
        if component.name != "VEVENT":
            continue
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            prop = _first(component.get(name))
            if prop is None or isinstance(prop, vBroken):
                continue
            tzid = getattr(prop, "params", {}).get("TZID")
            value = getattr(prop, "dt", None)
            if tzid is None or not isinstance(value, date) or not in_years(value):
                continue
            lo, hi = years.get(str(tzid), (value.year, value.year))
            years[str(tzid)] = (min(lo, value.year), max(hi, value.year))
    return years


def _preserve(kept: list[tuple[str, Any]], components: list[Any]) -> str:
    """The properties and components the programme has no field for, as iCalendar text
    (written by icalendar; read back on export by :func:`_preserved`)."""
    if not kept and not components:
        return ""
    # Line by line, as Component.to_ical writes a component's properties (a fifth of an
    # import's time went to building a component for them and writing it whole).
    parts: list[str] = []
    for name, value in kept:
        for one in _all(value):
            line = Contentline.from_parts(name, getattr(one, "params", None) or Parameters(), one)
            # Folded as icalendar folds (Contentline.to_ical), which leaves a line shorter
            # than its 75-octet limit as it is: most are, and its folding walks each
            # character of every line (a tenth of an import's time went to it).
            parts.append((line if len(line.encode()) < _FOLD_LIMIT
                          else line.to_ical().decode()) + "\r\n")
    for component in components:
        text = component.to_ical().decode()
        parts.append(text if text.endswith("\n") else text + "\r\n")
    return "".join(parts)


# The octets of a content line past which icalendar's writer folds it.
_FOLD_LIMIT = 75
