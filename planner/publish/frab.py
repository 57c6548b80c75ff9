"""``schedule.xml`` and ``schedule.json``: the frab/c3voc schedule format that pretalx and
frab publish and the conference apps read (ConfClerk, Giggity, EventFahrplan, Fahrplan).

Both files are written from one list of sessions, valid against voc/schedule's
``validator/xsd/schedule.xml.xsd`` and ``validator/json/schema.json`` (the tests check it):

- a repeating event becomes one session per occurrence; cancelled events and occurrences
  are left out, as pretalx leaves them out (the change list tells who had them);
- ``guid`` is a UUID derived from the UID (and, for an occurrence, its start), the same in
  every publish, so that apps keep a delegate's favourites across updates; ``id``, which
  the format still requires, is a number derived from the guid;
- days run from midnight to midnight in the programme's zone; times carry their offset;
- venues are rooms, tracks are tracks (with colours), speakers are persons (with a guid
  from their id), the release's name is the version.

Everything is in one language (``--lang``), the fallbacks filling what is missing.
"""

from __future__ import annotations

import json
import math
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from planner.model import Event, Programme
from planner.publish.context import Progress, PublishContext
from planner.recurrence import expand_all

GENERATOR = "Programme Planner"
GENERATOR_VERSION = "1"
SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
# All guids are UUID5s in this namespace, from the UID (and an occurrence's start).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://programme-planner.invalid/schedule")
# Characters XML 1.0 cannot hold, whatever the escaping.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ID_SPACE = 2**31 - 1  # ids stay within a signed 32-bit integer, as apps store them


def guid_for(uid: str, occurrence: datetime | None = None) -> str:
    """The stable guid of an event (or of one occurrence of a repeating event, known by the
    start its series gives it, so that it keeps its guid when moved on its own)."""
    key = uid if occurrence is None else f"{uid}#{occurrence.replace(tzinfo=None).isoformat()}"
    return str(uuid.uuid5(NAMESPACE, key))


def _is_web(url: str) -> bool:
    return url.startswith(("http://", "https://")) and " " not in url


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def acronym_for(programme: Programme) -> str:
    """A short lower-case name of the programme, as both schemas want it ([a-z0-9_], at
    least four characters)."""
    words = re.findall(r"[a-z0-9]+", programme.name.get("en").lower())
    text = "_".join(words)[:40].strip("_")
    return text if len(text) >= 4 else f"programme_{text}".strip("_")


def _slug(identifier: str) -> str | None:
    """A track's slug as both schemas allow it, or ``None``."""
    text = re.sub(r"[^a-z0-9]+", "-", identifier.lower()).strip("-")
    if text and not text[0].isalpha():
        text = f"t-{text}"
    return text if len(text) >= 2 else None


def _hours(delta: timedelta) -> str:
    minutes = math.ceil(delta.total_seconds() / 60)
    return f"{minutes // 60:02}:{minutes % 60:02}"


@dataclass(frozen=True, slots=True)
class Session:
    """One scheduled occurrence, as both files write it."""

    guid: str
    id: int
    event: Event
    start: datetime  # in the programme's zone
    end: datetime
    room: str
    url: str | None


def _numbers(guids: list[str]) -> dict[str, int]:
    """A distinct positive number for each guid, derived from it (the next free one on the
    rare collision, guids taken in sorted order so that the result does not depend on the
    order of the events)."""
    taken: set[int] = set()
    found = {}
    for guid in sorted(guids):
        number = uuid.UUID(guid).int % _ID_SPACE + 1
        while number in taken:
            number = number % _ID_SPACE + 1
        taken.add(number)
        found[guid] = number
    return found


def _room_names(context: PublishContext) -> dict[str, str]:
    """Each venue's name in the language; a name two venues share gets the id added (the
    JSON file keys rooms by name)."""
    names = {vid: _clean(v.name.get(context.lang)) or vid
             for vid, v in context.programme.venues.items()}
    counts: dict[str, int] = {}
    for name in names.values():
        counts[name] = counts.get(name, 0) + 1
    return {vid: f"{name} ({vid})" if counts[name] > 1 else name for vid, name in names.items()}


def sessions(context: PublishContext) -> list[Session]:
    """Every occurrence that takes place, in time order (ties by guid); an occurrence
    changed on its own (an override) with its own title, venue and speakers."""
    programme = context.programme
    zone = programme.zone
    rooms = _room_names(context)
    found: list[tuple[str, Event, datetime, datetime]] = []
    for occurrence in expand_all(programme, programme.events.values()):
        event = occurrence.event
        if event.status == "cancelled":
            continue
        rid = occurrence.recurrence_id
        guid = guid_for(event.uid, rid)
        found.append((guid, event, occurrence.start.astimezone(zone),
                      occurrence.end.astimezone(zone)))
    numbers = _numbers([guid for guid, *_ in found])
    result = []
    for guid, event, start, end in found:
        url = event.url if _is_web(event.url) else None
        if url is None:
            url = context.url(context.event_path(event.uid))
        result.append(Session(guid, numbers[guid], event, start, end, rooms[event.venue], url))
    result.sort(key=lambda s: (s.start, s.guid))
    return result


def _by_day_and_venue(found: list[Session]) -> dict[tuple[date, str], list[Session]]:
    grouped: dict[tuple[date, str], list[Session]] = {}
    for session in found:
        grouped.setdefault((session.start.date(), session.event.venue), []).append(session)
    return grouped


def _days(programme: Programme, found: list[Session]) -> list[date]:
    days = set(programme.days) | {s.start.date() for s in found}
    return sorted(days)


def _day_bounds(day: date, context: PublishContext) -> tuple[datetime, datetime]:
    zone = context.programme.zone
    return (datetime.combine(day, time(0), zone),
            datetime.combine(day + timedelta(days=1), time(0), zone))


def _timeslot(found: list[Session]) -> str:
    """The largest step (up to an hour) that every start and end falls on."""
    step = 60
    for s in found:
        step = math.gcd(step, s.start.minute, s.end.minute)
    return f"00:{max(step, 1):02}"


def _persons(context: PublishContext, event: Event) -> list[tuple[str, str]]:
    people = context.programme.people
    return [(str(uuid.uuid5(NAMESPACE, f"person:{pid}")),
             _clean(people[pid].name if pid in people else pid)) for pid in event.speakers]


def _version(context: PublishContext) -> str:
    if context.release is not None:
        return context.release.name
    return f"draft {context.stamp.isoformat()}"


# ---------------------------------------------------------------------------------------------
# schedule.xml


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def schedule_xml(context: PublishContext, found: list[Session]) -> bytes:
    """The schedule.xml document."""
    programme, lang = context.programme, context.lang
    root = ET.Element("schedule")
    _sub(root, "generator", name=GENERATOR, version=GENERATOR_VERSION)
    if context.base_url is not None:
        _sub(root, "url", context.url("schedule.xml"))
    _sub(root, "version", _version(context))
    conference = _sub(root, "conference")
    days = _days(programme, found)
    _sub(conference, "title", programme.name.get(lang))
    _sub(conference, "acronym", acronym_for(programme))
    _sub(conference, "start", days[0].isoformat())
    _sub(conference, "end", days[-1].isoformat())
    _sub(conference, "days", str(len(days)))
    _sub(conference, "timeslot_duration", _timeslot(found))
    if context.base_url is not None:
        _sub(conference, "base_url", context.base_url)
    _sub(conference, "time_zone_name", programme.timezone)
    for tid, track in programme.tracks.items():
        attrs = {"name": track.name.get(lang) or tid, "color": track.colour.lower()}
        slug = _slug(tid)
        if slug is not None:
            attrs["slug"] = slug
        _sub(conference, "track", **attrs)
    grouped = _by_day_and_venue(found)
    rooms = _room_names(context)
    for index, day in enumerate(days, start=1):
        first, last = _day_bounds(day, context)
        day_element = _sub(root, "day", date=day.isoformat(), start=first.isoformat(),
                           end=last.isoformat(), index=str(index))
        for vid in programme.venues:
            mine = grouped.get((day, vid))
            if not mine:
                continue
            room = _sub(day_element, "room", name=rooms[vid],
                        guid=str(uuid.uuid5(NAMESPACE, f"venue:{vid}")))
            for session in mine:
                _event_xml(context, room, session)
    ET.indent(root, space="  ")
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def _event_xml(context: PublishContext, room: ET.Element, session: Session) -> None:
    lang, event = context.lang, session.event
    track = context.programme.tracks.get(event.track)
    element = _sub(room, "event", guid=session.guid, id=str(session.id))
    _sub(element, "date", session.start.isoformat())
    _sub(element, "start", f"{session.start:%H:%M}")
    duration = _hours(session.end - session.start)
    # The XML schema allows two digits of hours; a longer session says 99:59 there (the JSON
    # file, and every calendar, has its real end).
    _sub(element, "duration", duration if len(duration) <= 5 else "99:59")
    _sub(element, "room", session.room)
    _sub(element, "slug", _session_slug(context, session))
    if session.url is not None:
        _sub(element, "url", session.url)
    _sub(element, "title", event.title.get(lang))
    _sub(element, "subtitle", "")
    _sub(element, "track", track.name.get(lang) if track else event.track)
    _sub(element, "type", "other")
    _sub(element, "language", event.languages[0] if event.languages else "")
    _sub(element, "abstract", event.description.get(lang))
    persons = _sub(element, "persons")
    for guid, name in _persons(context, event):
        _sub(persons, "person", name, guid=guid)
    links = _sub(element, "links")
    if _is_web(event.url):
        _sub(links, "link", event.url, href=event.url)


def _session_slug(context: PublishContext, session: Session) -> str:
    return f"{acronym_for(context.programme)}-event-{session.id}"


# ---------------------------------------------------------------------------------------------
# schedule.json


def schedule_json(context: PublishContext, found: list[Session]) -> bytes:
    """The schedule.json document."""
    programme, lang = context.programme, context.lang
    days = _days(programme, found)
    conference: dict[str, Any] = {
        "acronym": acronym_for(programme),
        "title": programme.name.get(lang),
        "start": days[0].isoformat(),
        "end": days[-1].isoformat(),
        "daysCount": len(days),
        "timeslot_duration": _timeslot(found),
    }
    if re.search(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$", programme.timezone):
        conference["time_zone_name"] = programme.timezone
    if context.base_url is not None:
        conference["url"] = context.url("schedule.json")
    tracks = []
    for tid, track in programme.tracks.items():
        item = {"name": track.name.get(lang) or tid, "color": track.colour.lower()}
        slug = _slug(tid)
        if slug is not None:
            item["slug"] = slug
        tracks.append(item)
    conference["tracks"] = tracks
    names = _room_names(context)
    conference["rooms"] = [
        {"name": names[vid], "guid": str(uuid.uuid5(NAMESPACE, f"venue:{vid}")),
         "capacity": venue.capacity}
        for vid, venue in programme.venues.items()
    ]
    grouped = _by_day_and_venue(found)
    conference["days"] = []
    for index, day in enumerate(days, start=1):
        first, last = _day_bounds(day, context)
        rooms: dict[str, list[dict[str, Any]]] = {}
        for vid in programme.venues:
            mine = grouped.get((day, vid))
            if mine:
                rooms[names[vid]] = [_event_json(context, s) for s in mine]
        conference["days"].append({"index": index, "date": day.isoformat(),
                                   "day_start": first.isoformat(), "day_end": last.isoformat(),
                                   "rooms": rooms})
    schedule: dict[str, Any] = {"version": _version(context)}
    if context.base_url is not None:
        schedule["base_url"] = context.base_url
    schedule["conference"] = conference
    document = {"$schema": SCHEMA_URL,
                "generator": {"name": GENERATOR, "version": GENERATOR_VERSION},
                "schedule": schedule}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def _event_json(context: PublishContext, session: Session) -> dict[str, Any]:
    lang, event = context.lang, session.event
    track = context.programme.tracks.get(event.track)
    return {
        "guid": session.guid,
        "id": session.id,
        "date": session.start.isoformat(),
        "start": f"{session.start:%H:%M}",
        "end": session.end.isoformat(),
        "duration": _hours(session.end - session.start),
        "room": session.room,
        "slug": _session_slug(context, session),
        # The format requires an address: the event's page, or its calendar file in the
        # published folder, or (published without a base URL) its guid as a URN.
        "url": session.url or f"urn:uuid:{session.guid}",
        "title": event.title.get(lang),
        "subtitle": "",
        "track": track.name.get(lang) if track else event.track,
        "type": "other",
        "language": event.languages[0] if event.languages else None,
        "abstract": event.description.get(lang),
        "persons": [{"guid": guid, "name": name} for guid, name in _persons(context, event)],
        "links": ([{"url": event.url, "type": "web", "title": event.url}]
                  if _is_web(event.url) else []),
    }


def write_schedules(context: PublishContext, folder: Path,
                    progress: Progress | None = None) -> None:
    """Write ``schedule.xml`` and ``schedule.json`` into ``folder``."""
    found = sessions(context)
    (folder / "schedule.xml").write_bytes(schedule_xml(context, found))
    (folder / "schedule.json").write_bytes(schedule_json(context, found))
