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
(``HH:MM``, ``HH:MM:SS``), or the JSON ``end``. A file that names no zone (frab's older
files) is read in the fixed-offset zone of its sessions' offset (``Etc/GMT-1`` for +01:00).
Rooms become venues and tracks tracks (with their colours), persons speakers; a language is
kept when it is one the programme speaks.

Hostile files: XML is parsed by defusedxml with entities and external references refused,
and a file of more than :data:`MAX_ELEMENTS` elements is refused before it is parsed.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

import defusedxml.ElementTree as SafeET
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from planner.i18n import Message, msg
from planner.importing import IncomingEvent, ReadResult, Ref, event_ref, problem
from planner.model import LANGS, ProgrammeError
from planner.zones import is_iana

Kind = Literal["xml", "json"]
_BOM = b"\xef\xbb\xbf"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_DURATION = re.compile(r"^\s*(\d+):(\d{1,2})(?::(\d{1,2}))?\s*$")
PROGRESS_EVERY = 50
# Elements (XML tags; JSON objects and arrays) a schedule may hold: twice what a festival of
# 50,000 sessions needs (about 40 a session). It bounds the memory and time a file of the
# largest size we read (50 MB, planner.inputs) can take, whatever it is made of.
MAX_ELEMENTS = 4_000_000
# How deep an XML element may be: a schedule's are six deep (with links and recordings), and
# markup in a description is escaped text, never elements.
MAX_DEPTH = 32


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
    if kind is not None:
        # Counted on the bytes, before any parsing: an over-count (a "<" in UTF-16, a brace
        # in a text) only ever errs on the side of refusing a file that is not a schedule.
        count = data.count(b"<") if kind == "xml" else data.count(b"{") + data.count(b"[")
        if count > MAX_ELEMENTS:
            raise _refuse(source, msg("it holds more than {limit} elements",
                                      limit=MAX_ELEMENTS))
    if kind == "xml":
        conference, sessions = _read_xml(data, source)
    elif kind == "json":
        conference, sessions = _read_json(data, source)
    else:
        raise ScheduleFileError(msg("{file}: not a schedule.xml or schedule.json", file=source))
    if conference.zone is None:
        conference = dataclasses.replace(conference, zone=_offset_zone(sessions))
    zone_name = conference.zone.key if conference.zone is not None else None
    result = ReadResult(source=source, zone=zone_name, name=conference.title)
    seen: set[str] = set()
    for n, session in enumerate(sessions):
        if progress is not None and n % PROGRESS_EVERY == 0:
            progress(n, len(sessions))
        uid = _uid(session, conference)
        if uid and uid in seen:
            # A guid given to two sessions (a workshop held twice, as a merged congress
            # schedule has it): each is kept, the later ones known by their time as well,
            # so that importing the file again finds each where it was.
            stamp = re.sub(r"\D", "", session.date or session.day + session.start)[:12]
            uid = f"{uid}/{stamp or n}"
        seen.add(uid)
        ref = event_ref(source, uid or session.title)
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
    # defusedxml's parser: no schedule declares entities or points at other documents, so
    # both are refused, which keeps entity expansion (the "billion laughs") and external
    # entities (a file's content read into a title) out, in any encoding.
    try:
        root = _parse_xml(data, source)
    except EntitiesForbidden:
        raise _refuse(source, msg("it declares XML entities")) from None
    except (ExternalReferenceForbidden, DTDForbidden):
        raise _refuse(source, msg("it refers to another document")) from None
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


def _parse_xml(data: bytes, source: str) -> ET.Element:
    """The document's root, parsed as it streams in: a schedule is a few elements deep
    (schedule, day, room, event, persons, person), so an element deeper than
    :data:`MAX_DEPTH` ends the parse at once instead of building a tree a million deep."""
    depth = 0
    root: ET.Element | None = None
    for event, element in SafeET.iterparse(io.BytesIO(data), events=("start", "end"),
                                           forbid_dtd=False, forbid_entities=True,
                                           forbid_external=True):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if root is None:
            root = element
        if depth > MAX_DEPTH:
            raise _refuse(source, msg("its elements are nested more than {limit} deep",
                                      limit=MAX_DEPTH))
    assert root is not None  # a document without a root element is a ParseError
    return root


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
    except RecursionError:  # arrays in arrays, thousands deep
        raise _refuse(source, msg("its values are nested too deeply")) from None
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


def _offset_zone(sessions: list[_Session]) -> ZoneInfo | None:
    """For a file that names no zone (frab's older files): the fixed-offset zone of the
    offset most sessions' dates carry (``Etc/GMT-1`` for +01:00), so that a session at 11:00
    in the file is at 11:00 in the programme; ``None`` (UTC) when there is none, or it is
    not a whole number of hours (the only offsets that have a zone of their own)."""
    offsets: Counter[timedelta] = Counter()
    for session in sessions:
        try:
            offset = datetime.fromisoformat(session.date.replace("Z", "+00:00")).utcoffset()
        except ValueError:
            continue
        if offset is not None:
            offsets[offset] += 1
    if not offsets:
        return None
    offset = offsets.most_common(1)[0][0]
    hours, rest = divmod(offset, timedelta(hours=1))
    if rest or not -12 <= hours <= 14 or hours == 0:
        return None
    return ZoneInfo(f"Etc/GMT{-hours:+d}")  # POSIX signs: Etc/GMT-1 is UTC+1


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


def _incoming(session: _Session, conference: _Conference, uid: str, ref: Ref,
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
    """The non-empty texts, each once (pretalx often repeats the abstract), with plain line
    ends (frab keeps the CR LF of the web form it was typed into, as ``&#13;``)."""
    lines = (t.replace("\r\n", "\n").replace("\r", "\n").strip() for t in texts if t)
    return list(dict.fromkeys(t for t in lines if t))
