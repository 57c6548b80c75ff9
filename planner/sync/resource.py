"""How a programme travels through CalDAV: a resource per event, and one for the programme.

An event's resource is the VEVENT that :func:`planner.ics.build_event` makes for an export
(in the programme's calendar language, so that Thunderbird, Nextcloud and phones show it as
any other event) with its VTIMEZONE, plus one property, ``X-PLANNER-DATA``: the event as
:mod:`planner.snapshot` writes it, with the track, venue and speakers it refers to. The
property holds base64 of compact JSON: calendar software treats the commas, semicolons and
backslashes of an unknown property differently (Radicale's vobject cuts an unescaped value
at its first comma), and base64 has none of them.

Reading a resource back starts from that payload, the event as a planner last wrote it. A
calendar client that edited the event since (a title changed in Thunderbird, a time dragged
in Nextcloud) keeps the payload as it was, so the payload alone would undo the edit: where
the standard properties differ from what the payload renders to, both are read the way an
import reads an ICS file, and each field in which they differ is taken from the client's
version (a title or description into the calendar language only, the other translations
kept). A resource without a payload, made in a calendar client, is read as an import reads
it, its venue and speakers matched by name or made anew.

The programme's own resource (a VJOURNAL in a collection of its own, which calendar views
leave out) carries the rest of the programme in the same way: its name, days, zone and
travel settings, tracks, venues and people, the calendar language, and which collection
holds which track.

Digests: :func:`digest` of an event's snapshot data tells a change of the event; of the
whole payload, a change of what its resource shows (a renamed venue changes the LOCATION of
every event there, but not the events).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from icalendar import Calendar, Journal

from planner import snapshot
from planner.i18n import Message, msg
from planner.ics import PRODID, ExportOptions, object_calendar, read_ics
from planner.importing import apply_plan, plan_import
from planner.model import (
    Event,
    Lang,
    Person,
    Programme,
    ProgrammeError,
    Texts,
    Track,
    Venue,
    validate_event,
)

PAYLOAD = "X-PLANNER-DATA"
PAYLOAD_VERSION = 1
# The collection and resource that hold the programme itself.
PROGRAMME_COLLECTION = "programme-planner"
PROGRAMME_RESOURCE = "programme.ics"
PROGRAMME_UID = "programme@programme-planner"
SYNC_FORMAT = "programme-planner/sync"

Data = dict[str, Any]

# Properties a planner writes into an event's VEVENT that a calendar client may change.
# Any other property a client adds (an alarm, its own X- lines) changes nothing here.
# X-APPLE-STRUCTURED-LOCATION is written from the venue, as LOCATION and GEO are (a client
# that moves an event changes those); Radicale keeps only the part of its "geo:LAT,LON"
# before the comma, so comparing it would take every event with a place for a changed one.
_IGNORED = {"DTSTAMP", PAYLOAD, "CREATED", "X-MOZ-GENERATION", "X-MOZ-LASTACK",
            "X-MOZ-SNOOZE-TIME", "X-MOZ-RECEIVED-DTSTAMP", "X-MOZ-RECEIVED-SEQUENCE",
            "X-APPLE-STRUCTURED-LOCATION"}
_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,100}")
# Fields an import cannot tell apart from the file it reads, which the payload keeps. What
# the programme has no field for (``preserved``) is the payload's too: a server rewrites it
# (Radicale cuts X-APPLE-STRUCTURED-LOCATION's value at its comma), and a client's own
# additions change nothing here.
_NOT_READ = ("uid", "track", "preserved")


def digest(data: object) -> str:
    """A short digest of JSON-ready ``data`` (the same for equal data)."""
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                     allow_nan=False)
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=16).hexdigest()


def safe_name(text: str) -> str:
    """A path segment made from ``text``: itself when it is plain letters, digits and
    ``._@-``, otherwise a digest of it (the same text gives the same name)."""
    if _SAFE.fullmatch(text):
        return text
    return "x-" + hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def resource_name(uid: str) -> str:
    """The name of the resource that holds event ``uid`` in its track's collection."""
    return safe_name(uid) + ".ics"


def collection_name(track_id: str, taken: Iterable[str]) -> str:
    """The name of a new collection for track ``track_id`` beside the ``taken`` ones."""
    base = safe_name(track_id)
    if base == PROGRAMME_COLLECTION:
        base += "-track"
    taken = set(taken)
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name


def _encode(data: Data) -> str:
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                     allow_nan=False)
    return base64.b64encode(raw.encode("utf-8")).decode("ascii")


def _decode(value: object) -> Data | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0]
    try:
        data = json.loads(base64.b64decode(str(value).encode("ascii"), validate=True))
    except (ValueError, binascii.Error, UnicodeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("version"), int):
        return None
    if data["version"] > PAYLOAD_VERSION:
        return None
    return data


# ---------------------------------------------------------------------------------------------
# The programme's entities as data


@dataclass(frozen=True, slots=True)
class Entities:
    """A programme's frame, tracks, venues and people as snapshot data, by id."""

    frame: Data
    tracks: dict[str, Data]
    venues: dict[str, Data]
    people: dict[str, Data]

    @classmethod
    def of(cls, programme: Programme) -> Entities:
        """The data of ``programme``'s everything but its events."""
        data = snapshot.to_dict(dataclasses.replace(programme, events={}))
        data.pop("events", None)
        lists = {key: {item["id"]: item for item in data.pop(key)}
                 for key in ("tracks", "venues", "people")}
        return cls(data, lists["tracks"], lists["venues"], lists["people"])


def entities_programme(
    frame: Programme, tracks: Iterable[Data], venues: Iterable[Data], people: Iterable[Data]
) -> Programme:
    """An event-less programme with ``frame``'s name, zone and days and the given entities."""
    data = snapshot.to_dict(dataclasses.replace(frame, tracks={}, venues={}, people={},
                                                events={}, unscheduled={}))
    data.update(tracks=list(tracks), venues=list(venues), people=list(people))
    return snapshot.from_dict(data, validate=False)


# ---------------------------------------------------------------------------------------------
# Events


def event_data(event: Event) -> Data:
    """``event`` as snapshot data, its zone always written (a resource stands alone)."""
    return snapshot.event_to_dict(event, "")


def event_hash(event: Event) -> str:
    """The digest that tells a change of ``event``."""
    return digest(event_data(event))


def referenced(event: Event) -> tuple[list[str], list[str]]:
    """The venues and the people ``event`` refers to, its changed occurrences' included,
    each once, in order (the event's own first)."""
    venues = [event.venue]
    people = list(event.speakers)
    for override in event.overrides:
        venues.append(override.venue)
        people.extend(override.speakers)
    return list(dict.fromkeys(venues)), list(dict.fromkeys(people))


def payload(event: Event, entities: Entities, lang: Lang) -> Data:
    """What ``event``'s resource carries in X-PLANNER-DATA: the event, and the track,
    venue and people it refers to (``more_venues``: those only its changed occurrences
    use), so that a planner that lacks them can take the event."""
    venues, people = referenced(event)
    data = {
        "version": PAYLOAD_VERSION,
        "lang": lang,
        "event": event_data(event),
        "track": entities.tracks.get(event.track),
        "venue": entities.venues.get(event.venue),
        "people": [entities.people[p] for p in people if p in entities.people],
    }
    more = [entities.venues[v] for v in venues[1:] if v in entities.venues]
    if more:
        data["more_venues"] = more
    return data


def render_event(programme: Programme, event: Event, data: Data) -> bytes:
    """The resource for ``event`` of ``programme`` with payload ``data`` (from
    :func:`payload`). Its DTSTAMP is the event's last change, so equal events give equal
    bytes."""
    options = ExportOptions(lang=data["lang"])
    calendar = object_calendar(programme, _without_periods(event), options,
                               event.last_modified.astimezone(UTC))
    vevent = calendar.walk("VEVENT")[0]
    vevent.add(PAYLOAD, _encode(data))
    body: bytes = calendar.to_ical()
    return body


def _without_periods(event: Event) -> Event:
    """``event`` with each extra date given as a period (RDATE;VALUE=PERIOD) given by its
    start alone, as the resource shows it: Radicale refuses a resource with a period (its
    vobject cannot read one: 400 Bad Request), and a calendar shows the date all the same.
    The payload keeps the periods whole for the planners."""
    recurrence = event.recurrence
    if recurrence is None or not recurrence.periods:
        return event
    starts = tuple(sorted({*recurrence.rdates, *(p.start for p in recurrence.periods)}))
    return dataclasses.replace(event, recurrence=dataclasses.replace(
        recurrence, rdates=starts, periods=()))


@dataclass(slots=True)
class RemoteEvent:
    """An event resource as read from the server.

    ``event`` is ``None`` when the resource cannot be used here, and ``problem`` says why.
    ``tracks``, ``venues`` and ``people`` are those the event refers to as the resource
    describes them (from its payload, or made by reading it), for a programme that lacks
    them. ``key`` is the payload's digest when the resource shows what its payload says,
    and empty when a client changed it since (so that a planner writes it anew).
    """

    href: str
    etag: str | None
    uid: str
    event: Event | None = None
    tracks: dict[str, Track] = field(default_factory=dict)
    venues: dict[str, Venue] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    hash: str = ""
    key: str = ""
    problem: Message | None = None

    def entities_data(self) -> Data:
        """The entities as snapshot data (for a conflict record)."""
        owner = Programme(Texts(), "UTC", date(2000, 1, 1), date(2000, 1, 1),
                          tracks=dict(self.tracks), venues=dict(self.venues),
                          people=dict(self.people))
        found = Entities.of(owner)
        return {"tracks": list(found.tracks.values()), "venues": list(found.venues.values()),
                "people": list(found.people.values())}


def _standard(component: Any) -> list[tuple[str, bytes, tuple[tuple[str, str], ...]]]:
    """The properties of a VEVENT that count for what it shows, comparable across servers
    that re-serialise it (parameter order and case, line folding)."""
    found = []
    for name, value in component.property_items(recursive=False, sorted=False):
        name = name.upper()
        if name in _IGNORED or name in ("BEGIN", "END"):
            continue
        params = tuple(sorted((str(k).upper(), str(v)) for k, v in
                              getattr(value, "params", {}).items()))
        raw = value.to_ical() if hasattr(value, "to_ical") else str(value).encode()
        found.append((name, raw if isinstance(raw, bytes) else str(raw).encode(), params))
    return sorted(found)


def _vevents(data: bytes) -> list[Any]:
    calendar = Calendar.from_ical(data)
    return [c for c in calendar.walk("VEVENT")]


class _Unusable(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def _imported(
    data: bytes, uid: str, href: str, track: str, scratch: Programme
) -> tuple[Event, Programme]:
    """``data`` read as an import reads it into the event-less ``scratch`` programme: the
    event (in ``track``) and the programme with what the import made for it."""
    result = read_ics(data, href)
    items = [item for item in result.events if item.uid == uid]
    if not items:
        problem = next((p.message for p in result.problems), msg("no event in it"))
        raise _Unusable(problem)
    for item in items:
        # The collection says the track; CATEGORIES is the calendar client's business.
        item.track = track
    # A programme's days bound its repeating events, not its single ones (``check``
    # reports those): the import is not to refuse an event a client moved out of them.
    # The changed occurrences (RECURRENCE-ID) in the resource join their series.
    plan = plan_import(scratch, items, extend_days=True)
    if plan.skipped or not plan.added:
        raise _Unusable(plan.skipped[0].message if plan.skipped else msg("no event in it"))
    made = scratch.copy()
    apply_plan(made, plan)
    # The days stay the programme's, for checking the event against them.
    made.first_day, made.last_day = scratch.first_day, scratch.last_day
    return plan.added[0], made


def _unkept(overrides: Iterable[Event]) -> tuple[Event, ...]:
    """``overrides`` without what the programme has no field for (see ``_NOT_READ``)."""
    return tuple(dataclasses.replace(o, preserved="") for o in overrides)


def _overlay(base: Event, mine: Event, theirs: Event, lang: Lang) -> Event:
    """``base`` with each field in which ``theirs`` differs from ``mine`` (both read from
    ICS the same way) taken from ``theirs``; a text only in the calendar language."""
    changes: dict[str, Any] = {}
    for item in dataclasses.fields(Event):
        name = item.name
        if name in _NOT_READ:
            continue
        old, new = getattr(mine, name), getattr(theirs, name)
        if name == "overrides" and _unkept(old) == _unkept(new):
            continue
        if old == new:
            continue
        if isinstance(new, Texts):
            text = new.get(lang)
            changes[name] = dataclasses.replace(getattr(base, name), **{lang: text})
        else:
            changes[name] = new
    return dataclasses.replace(base, **changes) if changes else base


def read_event(
    data: bytes, href: str, etag: str | None, track: str, programme: Programme,
) -> RemoteEvent:
    """Read the event resource ``data`` found at ``href`` in ``track``'s collection, against
    ``programme`` (whose venues and people a client's LOCATION and speakers are matched
    with)."""
    remote = RemoteEvent(href, etag, "")
    try:
        vevents = _vevents(data)
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        remote.problem = msg("not an iCalendar resource")
        return remote
    masters = [c for c in vevents if c.get("RECURRENCE-ID") is None]
    if not masters and len(vevents) == 1:
        # One occurrence of a series this programme does not hold (a file gave it alone).
        masters = vevents
    if len(masters) != 1:
        remote.problem = msg("holds {count} events, not one", count=len(masters))
        return remote
    master = masters[0]
    remote.uid = str(master.get("UID", "")).strip()
    if not remote.uid:
        remote.problem = msg("has no UID")
        return remote
    found = _decode(master.get(PAYLOAD))
    base = None
    if found is not None:
        try:
            base = snapshot.event_from_dict(found["event"], programme.timezone,
                                             custom=programme.zones)
            lang: Lang = found["lang"] if found.get("lang") in ("de", "en", "ru") else "en"
            own = entities_programme(programme, [found["track"]] if found.get("track") else [],
                                     ([found["venue"]] if found.get("venue") else [])
                                     + list(found.get("more_venues") or []),
                                     found.get("people") or [])
        except (KeyError, TypeError, ValueError, AttributeError, ProgrammeError):
            base = None
    try:
        if base is None or base.uid != remote.uid:
            event, made = _imported(data, remote.uid, href, track, _scratch(programme))
            return _usable(remote, event, made, key="")
        ours = render_event(own, base, found)  # type: ignore[arg-type]
        same_track = base.track == track
        if same_track and _standard(_vevents(ours)[0]) == _standard(master):
            return _usable(remote, base, own, key=digest(found))
        scratch = _scratch(programme, own)
        mine, _ = _imported(ours, remote.uid, href, base.track, scratch)
        theirs, made = _imported(data, remote.uid, href, base.track, scratch)
        event = _overlay(base, mine, theirs, lang)
        if event == base and same_track:
            # Written anew by the server, or extras a client added: nothing that counts.
            return _usable(remote, base, own, key=digest(found))
        event = dataclasses.replace(event, track=track)
        return _usable(remote, event, made, key="")
    except _Unusable as exc:
        remote.problem = exc.message
        return remote


def _scratch(programme: Programme, extra: Programme | None = None) -> Programme:
    """An event-less programme with ``programme``'s frame and entities, and those of
    ``extra`` that it lacks: where an import resolves names."""
    scratch = dataclasses.replace(programme, events={}, unscheduled={},
                                  tracks=dict(programme.tracks), venues=dict(programme.venues),
                                  people=dict(programme.people))
    if extra is not None:
        scratch.tracks = extra.tracks | scratch.tracks
        scratch.venues = extra.venues | scratch.venues
        scratch.people = extra.people | scratch.people
    return scratch


def _usable(remote: RemoteEvent, event: Event, owner: Programme, key: str) -> RemoteEvent:
    """``remote`` with ``event`` (validated against ``owner``'s entities) and the entities
    it refers to."""
    scratch = _scratch(owner)
    try:
        validate_event(scratch, event)
    except ProgrammeError as exc:
        raise _Unusable(exc.message) from None
    remote.event = event
    remote.hash = event_hash(event)
    remote.key = key
    if event.track in owner.tracks:
        remote.tracks[event.track] = owner.tracks[event.track]
    venues, people = referenced(event)
    for venue in venues:
        if venue in owner.venues:
            remote.venues[venue] = owner.venues[venue]
    for person in people:
        if person in owner.people:
            remote.people[person] = owner.people[person]
    return remote


# ---------------------------------------------------------------------------------------------
# The programme's own resource


def programme_payload(
    entities: Entities, lang: Lang, collections: Mapping[str, str]
) -> Data:
    """What the programme's own resource carries: everything but the events, the calendar
    language, and the collection of each track (by track id)."""
    data = dict(entities.frame)
    data.update(tracks=list(entities.tracks.values()), venues=list(entities.venues.values()),
                people=list(entities.people.values()))
    return {
        "format": SYNC_FORMAT,
        "version": PAYLOAD_VERSION,
        "lang": lang,
        "programme": data,
        "collections": dict(sorted(collections.items())),
    }


def render_programme(data: Data, name: str) -> bytes:
    """The programme's own resource: a VJOURNAL, so that calendar views leave it out."""
    calendar = Calendar()
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", PRODID)
    journal = Journal()
    journal.add("UID", PROGRAMME_UID)
    journal.add("DTSTAMP", datetime(2000, 1, 1, tzinfo=UTC))
    journal.add("SUMMARY", f"{name} (Programme Planner)")
    journal.add("DESCRIPTION", "The programme's tracks, venues, people and settings, for "
                "Programme Planner. Its events are in the calendars of its tracks.")
    journal.add(PAYLOAD, _encode(data))
    calendar.add_component(journal)
    body: bytes = calendar.to_ical()
    return body


def read_programme(data: bytes) -> Data | None:
    """The payload of the programme's own resource, or ``None`` when it has none."""
    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        return None
    for component in calendar.walk("VJOURNAL"):
        found = _decode(component.get(PAYLOAD))
        if found is not None and found.get("format") == SYNC_FORMAT:
            return found
    return None
