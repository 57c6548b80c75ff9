"""Time zones that calendar files define for themselves (VTIMEZONE), as ``ZoneInfo`` objects.

Outlook writes "Customized Time Zone", Lotus Notes "US-Eastern", old Evolution files
"/softwarestudio.org/Olson_20011030_5/America/New_York" with rules from that year: a TZID
that names no IANA zone, or one whose rules differ from the IANA zone of its name in the
years the events use. Such a zone is used as the file defines it, clock changes included:

- :func:`zone_changes` expands the VTIMEZONE's observances (DTSTART, RDATE, RRULE; each
  RRULE bounded like every rule, :mod:`planner.recurrence`) into the instants its offset
  changes, up to :data:`LAST_YEAR`;
- :func:`matching_iana_zone` finds an IANA zone with the same offsets at every change and
  in between in the years used: the import then uses that zone (the usual case);
- otherwise :func:`custom_zone` turns the changes into an RFC 8536 TZif file that
  ``ZoneInfo.from_file`` reads, so that every part of the programme handles the zone like
  any other ``ZoneInfo``. The programme keeps the VTIMEZONE's text
  (:attr:`planner.model.Programme.zones`) to build the zone again on load and to write it
  back on export.
"""

from __future__ import annotations

import io
import os
import re
import struct
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache, lru_cache
from importlib.util import find_spec
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.i18n import msg
from planner.model import ValidationError
from planner.records import compared

# Clock changes are worked out up to the end of this year; later, the last offset holds.
LAST_YEAR = 2100
# A zone with more changes than this is not a real one.
MAX_CHANGES = 3_000
# TZif keeps designations ("CEST") in at most 256 bytes.
_MAX_NAME = 12
# How far from a change its offsets are compared (see matching_iana_zone).
_SLACK = 6 * 3600
# Work allowed for one observance's rule: Outlook's start in 1601, yearly, up to LAST_YEAR.
_RULE_BUDGET = 100_000


class ZoneDefinitionError(ValidationError):
    """A VTIMEZONE that cannot be used (no observances, impossible offsets, runaway rules)."""


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class ZoneChanges:
    """A zone as the instants its offset changes: ``initial`` holds before the first change;
    each change is ``(UTC seconds, offset seconds, is DST, abbreviation)``, in time order."""

    initial: tuple[int, bool, str]
    changes: tuple[tuple[int, int, bool, str], ...]

    def offset_at(self, instant: datetime) -> int:
        """The UTC offset in seconds at the aware ``instant``."""
        seconds = instant.timestamp()
        offset = self.initial[0]
        for at, to, _, _ in self.changes:
            if at > seconds:
                break
            offset = to
        return offset


def _name(value: object, fallback: str) -> str:
    text = re.sub(r"[^A-Za-z0-9+-]", "", str(value or ""))[:_MAX_NAME]
    return text if len(text) >= 3 else fallback


def _offset(prop: Any) -> int:
    td = getattr(prop, "td", None)
    if not isinstance(td, timedelta):
        raise ZoneDefinitionError(msg("time zone: an observance has no valid UTC offset"))
    seconds = int(td.total_seconds())
    if not -86_400 < seconds < 86_400:
        raise ZoneDefinitionError(msg("time zone: UTC offset {offset} is impossible",
                                      offset=td))
    return seconds


def zone_changes(vtimezone: Any) -> ZoneChanges:
    """The offset changes a VTIMEZONE component (icalendar) defines, up to
    :data:`LAST_YEAR`. Raises :class:`ZoneDefinitionError` when it cannot be used."""
    from planner.recurrence import rule_starts

    found: dict[int, tuple[int, bool, str]] = {}
    earliest: tuple[datetime, int, bool, str] | None = None
    horizon = datetime(LAST_YEAR, 12, 31, 23, 59, 59)
    for observance in vtimezone.subcomponents:
        if observance.name not in ("STANDARD", "DAYLIGHT"):
            continue
        dst = observance.name == "DAYLIGHT"
        start = getattr(observance.get("DTSTART"), "dt", None)
        if not isinstance(start, date):
            raise ZoneDefinitionError(msg("time zone: an observance has no valid DTSTART"))
        if not isinstance(start, datetime):
            start = datetime(start.year, start.month, start.day)
        start = start.replace(tzinfo=None)
        offset_from = _offset(observance.get("TZOFFSETFROM"))
        offset_to = _offset(observance.get("TZOFFSETTO"))
        name = _name(observance.get("TZNAME"), "DST" if dst else "STD")
        local_starts = [start]
        rules = observance.get("RRULE")
        for rule in rules if isinstance(rules, list) else [rules] if rules is not None else []:
            text = rule.to_ical().decode() if hasattr(rule, "to_ical") else str(rule)
            if "FREQ=YEARLY" not in text.upper().replace(" ", ""):
                # Every real zone changes its clocks by the year; nothing else is read.
                raise ZoneDefinitionError(msg("time zone: a rule of it is not yearly"))
            # A VTIMEZONE's UNTIL is in UTC; the rule runs on local time before the change.
            text = _until_local(text, offset_from)
            values, exhausted = rule_starts(text, start, horizon, limit=MAX_CHANGES,
                                            budget=_RULE_BUDGET)
            if exhausted:
                raise ZoneDefinitionError(msg("time zone: a rule of it needs too much work"))
            local_starts.extend(values)
        rdates = observance.get("RDATE")
        for line in rdates if isinstance(rdates, list) else [rdates] if rdates else []:
            for item in getattr(line, "dts", ()):
                value = item.dt
                if isinstance(value, tuple):
                    value = value[0]
                if isinstance(value, datetime):
                    local_starts.append(value.replace(tzinfo=None))
                elif isinstance(value, date):
                    local_starts.append(datetime(value.year, value.month, value.day))
        for local in local_starts:
            if local.year > LAST_YEAR:
                continue
            at = int((local - timedelta(seconds=offset_from)).replace(tzinfo=UTC).timestamp())
            found[at] = (offset_to, dst, name)
            if earliest is None or at < earliest[0].timestamp():
                earliest = (datetime.fromtimestamp(at, UTC), offset_from, False, name)
        if len(found) > MAX_CHANGES:
            raise ZoneDefinitionError(msg("time zone: too many clock changes"))
    if earliest is None:
        raise ZoneDefinitionError(msg("time zone: no STANDARD or DAYLIGHT observance"))
    # Before the first change, the offset it changes from holds (standard time, by the name
    # of the first standard observance if there is one).
    changes = tuple((at, *found[at]) for at in sorted(found))
    standard = next((c[3] for c in changes if not c[2]), earliest[3])
    return ZoneChanges((earliest[1], False, standard), changes)


def _until_local(rule: str, offset: int) -> str:
    from planner.recurrence import rule_until_to_local

    zone = timezone(timedelta(seconds=offset))
    return rule_until_to_local(rule, datetime(2000, 1, 1, tzinfo=zone))


def tzif(changes: ZoneChanges) -> bytes:
    """``changes`` as an RFC 8536 TZif file (version 2, no footer: after the last change
    its offset holds)."""
    types: list[tuple[int, bool, str]] = [changes.initial]
    index: dict[tuple[int, bool, str], int] = {changes.initial: 0}
    times: list[int] = []
    kinds: list[int] = []
    for at, offset, dst, name in changes.changes:
        key = (offset, dst, name)
        if key not in index:
            index[key] = len(types)
            types.append(key)
        times.append(at)
        kinds.append(index[key])
    if len(types) > 255:
        raise ZoneDefinitionError(msg("time zone: too many different offsets"))
    chars = b""
    where: dict[str, int] = {}
    infos = b""
    for offset, dst, name in types:
        if name not in where:
            where[name] = len(chars)
            chars += name.encode("ascii") + b"\0"
        infos += struct.pack(">lBB", offset, int(dst), where[name])
    if len(chars) > 255:
        raise ZoneDefinitionError(msg("time zone: too many different offsets"))

    def header(timecnt: int, typecnt: int, charcnt: int) -> bytes:
        return b"TZif2" + bytes(15) + struct.pack(">6l", 0, 0, 0, timecnt, typecnt, charcnt)

    first_name = types[0][2].encode("ascii") + b"\0"
    # Version 1 readers get the first offset alone; ZoneInfo reads the 64-bit block.
    version1 = header(0, 1, len(first_name)) + struct.pack(
        ">lBB", types[0][0], int(types[0][1]), 0) + first_name
    version2 = (
        header(len(times), len(types), len(chars))
        + b"".join(struct.pack(">q", t) for t in times)
        + bytes(kinds)
        + infos
        + chars
    )
    return version1 + version2 + b"\n\n"


def parse_vtimezone(text: str) -> Any:
    """The VTIMEZONE component in ``text`` (iCalendar), read by icalendar."""
    from icalendar import Component

    try:
        component = Component.from_ical(text)
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as exc:
        raise ZoneDefinitionError(msg("time zone: {reason}", reason=exc)) from None
    if component.name != "VTIMEZONE":
        raise ZoneDefinitionError(msg("time zone: not a VTIMEZONE"))
    return component


@lru_cache(maxsize=256)
def custom_zone(key: str, vtimezone: str) -> ZoneInfo:
    """The ``ZoneInfo`` (with ``key``) for the VTIMEZONE in ``vtimezone``; the same object
    for the same arguments. Raises :class:`ZoneDefinitionError`."""
    data = tzif(zone_changes(parse_vtimezone(vtimezone)))
    zone = ZoneInfo.from_file(io.BytesIO(data), key=key)
    _DEFINITIONS[zone] = vtimezone
    return zone


# Each zone custom_zone made, with the VTIMEZONE it was made from.
_DEFINITIONS: dict[ZoneInfo, str] = {}


def definition_of(zone: ZoneInfo) -> str | None:
    """The VTIMEZONE text ``zone`` was made from by :func:`custom_zone`, if it was."""
    return _DEFINITIONS.get(zone)


@cache
def is_iana(name: str) -> bool:
    """Whether ``name`` is an IANA zone this computer's tzdata holds: one that
    ``zoneinfo.available_timezones()`` lists (a zone file under a folder of
    ``zoneinfo.TZPATH`` or of the tzdata package, outside ``right/`` and ``posix/``).

    Asked of the one name rather than by building that list, which opens every file under
    the zone folders (some 40 ms, paid at every start for the built-in programme's zone)."""
    parts = name.split("/")
    if (not name or name == "posixrules" or parts[0] in ("right", "posix")
            or any(part in ("", ".", "..") for part in parts)):
        return False
    return any(_is_zone_file(os.path.join(root, *parts)) for root in _zone_folders())


@cache
def _iana_names() -> frozenset[str]:
    """Every zone name (for searching them all, as custom zones are matched)."""
    return frozenset(zoneinfo.available_timezones())


def _zone_folders() -> list[str]:
    folders = list(zoneinfo.TZPATH)
    spec = find_spec("tzdata")
    if spec is not None and spec.submodule_search_locations:
        folders += [os.path.join(folder, "zoneinfo")
                    for folder in spec.submodule_search_locations]
    return folders


def _is_zone_file(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"TZif"
    except OSError:  # not there, a folder, not readable
        return False


def zone_for_key(key: str, custom: Mapping[str, str]) -> ZoneInfo:
    """The zone events store as ``key``: one of ``custom`` (key -> VTIMEZONE text), else the
    IANA zone. Raises :class:`ValidationError` for neither."""
    text = custom.get(key)
    if text is not None:
        return custom_zone(key, text)
    # Only names tzdata has: zoneinfo would import a package per part of a name.
    if not is_iana(key):
        raise ValidationError(msg("unknown time zone '{zone}'", zone=key[:200]))
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(msg("unknown time zone '{zone}'", zone=key)) from exc


# Where most calendars are kept: tried first, so that a file's "Eastern Time" becomes New
# York rather than another zone that keeps the same clock.
_COMMON = (
    "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
    "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Halifax",
    "America/St_Johns", "America/Sao_Paulo", "America/Mexico_City", "Europe/London",
    "Europe/Berlin", "Europe/Paris", "Europe/Helsinki", "Europe/Moscow", "Europe/Istanbul",
    "Asia/Dubai", "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Asia/Singapore",
    "Australia/Sydney", "Australia/Adelaide", "Australia/Brisbane", "Australia/Perth",
    "Pacific/Auckland", "Africa/Johannesburg", "UTC",
)


def _candidates(hints: Iterable[str]) -> list[str]:
    from planner.windows_zones import WINDOWS_TO_IANA

    names = _iana_names()
    first = [h for h in (*hints, *_COMMON) if h in names]
    # The zones Windows names stand for are the usual representatives of their region.
    usual = sorted({z for z in WINDOWS_TO_IANA.values() if z in names})
    rest = sorted(n for n in names if "/" in n and not n.startswith(("Etc/", "SystemV/")))
    return list(dict.fromkeys([*first, *usual, *rest]))


@lru_cache(maxsize=256)
def matching_iana_zone(
    changes: ZoneChanges, first_year: int, last_year: int, hints: tuple[str, ...] = ()
) -> str | None:
    """An IANA zone that has ``changes``' offsets before and after each of its changes in
    the years ``first_year`` to ``last_year`` and in between (each 1 January and 1 July), or
    ``None``. Zones named in ``hints`` are tried first, then the usual zone of each region.

    The hour of a change may differ by a few: files generated by icalendar's own
    ``Timezone.from_tzinfo`` write the local time after the change as the observance's
    DTSTART, which read by RFC 5545 puts every change an hour late; the zone they mean is
    still the IANA one."""
    low = datetime(first_year, 1, 1, tzinfo=UTC).timestamp()
    high = datetime(last_year + 1, 1, 1, tzinfo=UTC).timestamp()
    samples: list[datetime] = []
    for year in range(first_year, last_year + 1):
        samples += [datetime(year, 1, 1, tzinfo=UTC), datetime(year, 7, 1, tzinfo=UTC)]
    for at, _, _, _ in changes.changes:
        if low - 86_400 <= at < high + 86_400:
            samples += [datetime.fromtimestamp(at - _SLACK, UTC),
                        datetime.fromtimestamp(at + _SLACK, UTC)]
    wanted = [(s, changes.offset_at(s)) for s in sorted(set(samples))]
    for name in _candidates(hints):
        zone = ZoneInfo(name)
        if all(_seconds(s.astimezone(zone).utcoffset()) == offset for s, offset in wanted):
            return name
    return None


def _seconds(offset: timedelta | None) -> int:
    return 0 if offset is None else int(offset.total_seconds())
