"""Reading ``schedule.xml`` and ``schedule.json``, as pretalx and frab publish them, into the
incoming events every import merges (:mod:`planner.importing`).

A session becomes an :class:`~planner.importing.IncomingEvent` whose UID is its ``guid``
(the identity pretalx and frab keep for a session from one version of the schedule to the
next), so importing a newer version of the same schedule updates the events it imported
before: merging by guid. A session without a guid is known by the conference's acronym and
its numeric id. Schedule files carry no SEQUENCE: a session updates its event when its
content differs, as a spreadsheet row does.

Times: a session's ``date`` (ISO 8601 with its offset) is read in the conference's
``time_zone_name`` when the file names an IANA zone; older files without ``date`` give the
day's date and ``start`` in that zone, a start before the day's own start being on the next
calendar day (frab days run past midnight). The end is the start plus ``duration``
(``HH:MM``, ``HH:MM:SS``), or the JSON ``end``. Rooms become venues and tracks tracks (with
their colours), persons speakers; a language is kept when it is one the programme speaks.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from planner.i18n import Message, msg
from planner.importing import IncomingEvent, ReadResult, problem
from planner.model import LANGS, ProgrammeError
from planner.zones import is_iana

Kind = Literal["xml", "json"]
_BOM = b"\xef\xbb\xbf"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_DURATION = re.compile(r"^\s*(\d+):(\d{1,2})(?::(\d{1,2}))?\s*$")
PROGRESS_EVERY = 50


class ScheduleFileError(ProgrammeError):
    """A schedule file that cannot be read at all; the message names the file."""


class _Unusable(Exception):  # noqa: N818 (a session that is unusable)
    """A session that cannot be imported, and why."""

    def __init__(self, reason: Message) -> None:
        super().__init__(str(reason))
        self.reason = reason


def schedule_kind(data: bytes) -> Kind | None:
    """Whether ``data`` looks like a frab/pretalx schedule: ``"xml"``, ``"json"`` or
    ``None`` (then it is some other kind of file)."""
    head = data.removeprefix(_BOM).lstrip()[:4096]
    if head.startswith(b"<") and re.search(rb"<schedule[\s>/]", head):
        return "xml"
    if head.startswith(b"{") and re.search(rb'"(schedule|conference)"\s*:', data[:65536]):
        return "json"
    return None


@dataclass(frozen=True, slots=True)
class _Conference:
    title: str
    acronym: str
    zone: ZoneInfo | None
    colours: Mapping[str, str]


@dataclass(slots=True)
class _Session:
    """One session as either file gives it, every value a string (or a list of them)."""

    guid: str
    number: str
    title: str
    subtitle: str
    date: str
    day: str
    day_start: str
    start: str
    duration: str
    end: str
    room: str
    track: str
    language: str
    abstract: str
    description: str
    persons: list[str]
    url: str


def read_schedule(
    data: bytes, source: str | Path, kind: Kind | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ReadResult:
    """Read a schedule.xml or schedule.json into incoming events and problems.

    ``source`` names the file in messages. A file that is not a readable schedule raises
    :class:`ScheduleFileError`; a session that cannot be used (no time, a duration that is
    not one) is a problem naming it. ``progress(done, total)`` is called now and then; it
    may raise to stop the reading.
    """
    source = str(source)
    kind = kind or schedule_kind(data)
    if kind == "xml":
        conference, sessions = _read_xml(data, source)
    elif kind == "json":
        conference, sessions = _read_json(data, source)
    else:
        raise ScheduleFileError(msg("{file}: not a schedule.xml or schedule.json", file=source))
    zone_name = conference.zone.key if conference.zone is not None else None
    result = ReadResult(source=source, zone=zone_name, name=conference.title)
    for n, session in enumerate(sessions):
        if progress is not None and n % PROGRESS_EVERY == 0:
            progress(n, len(sessions))
        uid = _uid(session, conference)
        ref = f"{source}: event '{uid or session.title}'"
        try:
            result.events.append(_incoming(session, conference, uid, ref, source))
        except _Unusable as exc:
            result.problems.append(problem(ref, exc.reason))
    if progress is not None:
        progress(len(sessions), len(sessions))
    return result


# ---------------------------------------------------------------------------------------------
# The two files


def _refuse(source: str, reason: object) -> ScheduleFileError:
    return ScheduleFileError(msg("{file}: not a readable schedule file ({reason})",
                                 file=source, reason=reason))


def _text(element: ET.Element | None, tag: str | None = None) -> str:
    if element is not None and tag is not None:
        element = element.find(tag)
    return "" if element is None else "".join(element.itertext()).strip()


def _read_xml(data: bytes, source: str) -> tuple[_Conference, list[_Session]]:
    # No schedule declares entities; refusing them keeps entity expansion (the "billion
    # laughs") out of the parser.
    if b"<!ENTITY" in data:
        raise _refuse(source, msg("it declares XML entities"))
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise _refuse(source, exc) from None
    if root.tag != "schedule":
        raise _refuse(source, msg("its root element is <{tag}>, not <schedule>", tag=root.tag))
    element = root.find("conference")
    if element is None:
        raise _refuse(source, msg("no <conference>"))
    colours = {t.get("name", ""): t.get("color", "") for t in element.findall("track")}
    conference = _conference(_text(element, "title"), _text(element, "acronym"),
                             _text(element, "time_zone_name"), colours)
    sessions = []
    for day in root.findall("day"):
        for room in day.findall("room"):
            for event in room.findall("event"):
                persons = [_text(p) for p in event.findall("persons/person")]
                sessions.append(_Session(
                    guid=event.get("guid", ""), number=event.get("id", ""),
                    title=_text(event, "title"), subtitle=_text(event, "subtitle"),
                    date=_text(event, "date"), day=day.get("date", ""),
                    day_start=day.get("start", ""), start=_text(event, "start"),
                    duration=_text(event, "duration"), end="",
                    room=_text(event, "room") or room.get("name", ""),
                    track=_text(event, "track"), language=_text(event, "language"),
                    abstract=_text(event, "abstract"), description=_text(event, "description"),
                    persons=[p for p in persons if p],
                    url=_text(event, "url") or _text(event, "origin_url"),
                ))  # fmt: skip
    return conference, sessions


def _read_json(data: bytes, source: str) -> tuple[_Conference, list[_Session]]:
    try:
        document = json.loads(data.removeprefix(_BOM))
        schedule = document["schedule"] if "schedule" in document else document
        element = schedule["conference"]
        days = element["days"]
        if not isinstance(days, list):
            raise TypeError("'days' is not a list")
    except ValueError as exc:
        raise _refuse(source, exc) from None
    except (KeyError, TypeError) as exc:
        reason = f"no {exc.args[0]!r}" if isinstance(exc, KeyError) else exc
        raise _refuse(source, reason) from None
    colours = {str(t.get("name", "")): str(t.get("color", ""))
               for t in _dicts(element.get("tracks"))}
    conference = _conference(str(element.get("title") or ""), str(element.get("acronym") or ""),
                             str(element.get("time_zone_name") or ""), colours)
    sessions = []
    for day in _dicts(days):
        rooms = day.get("rooms")
        for room_name, events in (rooms.items() if isinstance(rooms, dict) else ()):
            for event in _dicts(events):
                persons = [str(p.get("name") or p.get("public_name") or "")
                           for p in _dicts(event.get("persons"))]
                sessions.append(_Session(
                    guid=_str(event.get("guid")), number=_str(event.get("id")),
                    title=_str(event.get("title")), subtitle=_str(event.get("subtitle")),
                    date=_str(event.get("date")), day=_str(day.get("date")),
                    day_start=_str(day.get("day_start")), start=_str(event.get("start")),
                    duration=_str(event.get("duration")), end=_str(event.get("end")),
                    room=_str(event.get("room")) or str(room_name),
                    track=_str(event.get("track")), language=_str(event.get("language")),
                    abstract=_str(event.get("abstract")),
                    description=_str(event.get("description")),
                    persons=[p for p in persons if p],
                    url=_str(event.get("url")) or _str(event.get("origin_url")),
                ))  # fmt: skip
    return conference, sessions


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    for item in value if isinstance(value, list) else ():
        if isinstance(item, dict):
            yield item


def _str(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _conference(title: str, acronym: str, zone: str, colours: Mapping[str, str]) -> _Conference:
    return _Conference(title, acronym, ZoneInfo(zone) if zone and is_iana(zone) else None,
                       {k: v.lower() for k, v in colours.items() if _COLOUR.match(v)})


# ---------------------------------------------------------------------------------------------
# A session to an incoming event


def _uid(session: _Session, conference: _Conference) -> str:
    guid = session.guid.strip().lower()
    if guid and not any(c in guid for c in "\r\n"):
        return guid
    if session.number:
        return f"{conference.acronym or 'schedule'}-{session.number}@schedule"
    return ""


def _duration(text: str) -> timedelta:
    match = _DURATION.match(text)
    if match is None:
        raise _Unusable(msg("duration '{value}' is not HH:MM", value=text))
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


def _moment(text: str, zone: ZoneInfo | None, problem: Message) -> datetime:
    """An ISO 8601 date and time; with an offset, moved into ``zone`` (UTC if none)."""
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return value if value.tzinfo is None else value.astimezone(zone or UTC)
    except (ValueError, OverflowError):
        raise _Unusable(problem) from None


def _when(session: _Session, conference: _Conference) -> datetime:
    """The session's start: aware (in the conference's zone when it has one), or naive in
    the conference's own time when the file gives no offset."""
    if session.date:
        return _moment(session.date, conference.zone,
                       msg("date '{value}' is not a date and time", value=session.date))
    try:
        day = date.fromisoformat(session.day)
        clock = time.fromisoformat(session.start)
    except ValueError:
        raise _Unusable(msg("no usable time (day '{day}', start '{start}')", day=session.day,
                            start=session.start)) from None
    if session.day_start:
        try:
            day_start = datetime.fromisoformat(session.day_start).time()
        except ValueError:
            day_start = time(0)
        if clock < day_start:
            day += timedelta(days=1)  # frab's days run past midnight
    return datetime.combine(day, clock)


def _incoming(session: _Session, conference: _Conference, uid: str, ref: str,
              source: str) -> IncomingEvent:
    if not uid:
        raise _Unusable(msg("the session has neither a guid nor an id"))
    start = _when(session, conference)
    if session.end:
        zone = start.tzinfo if isinstance(start.tzinfo, ZoneInfo) else conference.zone
        end = _moment(session.end, zone,
                      msg("end '{value}' is not a date and time", value=session.end))
    else:
        try:
            end = start + _duration(session.duration or "0:00")
        except OverflowError:
            raise _Unusable(msg("duration '{value}' is not HH:MM", value=session.duration)) \
                from None
    text = "\n\n".join(_paragraphs([session.subtitle, session.abstract, session.description]))
    language = session.language.strip().lower()[:2]
    return IncomingEvent(
        ref=ref, uid=uid, title=session.title, start=start, end=end, where=source,
        floating_zone=conference.zone.key if conference.zone is not None else None,
        track=session.track, track_colour=conference.colours.get(session.track),
        venue=session.room, speakers=tuple(dict.fromkeys(session.persons)),
        description=text, languages=(language,) if language in LANGS else (),
        sequence=None, url=session.url if session.url.startswith(("http://", "https://"))
        else "",
    )


def _paragraphs(texts: Iterable[str]) -> list[str]:
    """The non-empty texts, each once (pretalx often repeats the abstract)."""
    return list(dict.fromkeys(t.strip() for t in texts if t and t.strip()))
