"""The whole programme as plain JSON data, and back: one form for every copy of a programme.

Releases keep their snapshot in this form, the built-in programme ships in it
(``resources/programme/german-week-2019.json``), and anything else that needs a programme as
data (sync, the publish folder) goes through here. ``to_dict`` is deterministic: events in
start order (ties by UID), people by id, tracks and venues in the programme's own order (it
is their display order), so equal programmes give equal data and :func:`dumps` equal bytes.

Extending the model: a new field of :class:`~planner.model.Event` (or of a track, venue,
person, the programme) is written in the matching ``_*_to_dict`` and read in the matching
``_*_from_dict`` with ``.get(key, default)``, the default being what older data meant. Older
snapshots then read as before and :data:`VERSION` stays. Raise :data:`VERSION` only when a
field changes its meaning, and convert the older form in :func:`from_dict`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from planner.i18n import msg
from planner.model import (
    DEFAULT_LAST_MODIFIED,
    Event,
    Period,
    Person,
    Programme,
    Recurrence,
    RecurrenceId,
    Session,
    Texts,
    TimeWindow,
    Track,
    TravelSettings,
    ValidationError,
    Venue,
    validate_programme,
)
from planner.zones import zone_for_key

FORMAT = "programme-planner/programme"
VERSION = 1

Data = dict[str, Any]


# ---------------------------------------------------------------------------------------------
# Programme -> data


def to_dict(programme: Programme) -> Data:
    """``programme`` as JSON-ready data, every field of the model included."""
    zone = programme.timezone
    data: Data = {
        "format": FORMAT,
        "version": VERSION,
        "name": programme.name.as_dict(),
        "timezone": zone,
        "start": programme.first_day.isoformat(),
        "end": programme.last_day.isoformat(),
        "travel": {
            "speed_kmh": programme.travel.speed_kmh,
            "buffer_minutes": programme.travel.buffer_minutes,
        },
        "tracks": [_track_to_dict(t) for t in programme.tracks.values()],
        "venues": [_venue_to_dict(v) for v in programme.venues.values()],
        "people": [_person_to_dict(programme.people[p]) for p in sorted(programme.people)],
        "events": [event_to_dict(e, zone) for e in programme.sorted_events()],
        **({"unscheduled": [session_to_dict(programme.unscheduled[u])
                            for u in sorted(programme.unscheduled)]}
           if programme.unscheduled else {}),
    }
    data["zones"] = dict(sorted(programme.zones.items()))
    return data


def dumps(programme: Programme) -> bytes:
    """The canonical bytes of ``programme``: compact UTF-8 JSON, the same for equal programmes."""
    return encode(to_dict(programme))


def encode(data: Any) -> bytes:
    """``data`` (all or part of :func:`to_dict`'s) as compact UTF-8 JSON."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def _track_to_dict(track: Track) -> Data:
    return {"id": track.id, "name": track.name.as_dict(), "colour": track.colour,
            "placeholder": track.placeholder}


def _venue_to_dict(venue: Venue) -> Data:
    return {
        "id": venue.id,
        "name": venue.name.as_dict(),
        "address": venue.address,
        "lat": venue.lat,
        "lon": venue.lon,
        "capacity": venue.capacity,
        "placeholder": venue.placeholder,
        **_windows_to_dict(venue.availability),
    }


def _person_to_dict(person: Person) -> Data:
    return {
        "id": person.id,
        "name": person.name,
        "affiliation": person.affiliation,
        "contact": person.contact,
        **_windows_to_dict(person.availability),
    }


def _windows_to_dict(windows: tuple[TimeWindow, ...]) -> Data:
    # Written only when there are any, so that data without availability reads as before.
    if not windows:
        return {}
    return {"availability": [
        {"start": _local(w.start), "end": _local(w.end), "timezone": _zone_key(w.start),
         "kind": w.kind} for w in windows]}


def _zone_key(value: datetime) -> str:
    zone = value.tzinfo
    assert isinstance(zone, ZoneInfo)
    return zone.key


def _windows_from_dict(items: Any) -> tuple[TimeWindow, ...]:
    windows = []
    for item in items or ():
        zone = zone_for_key(str(item["timezone"]), {})
        windows.append(TimeWindow(datetime.fromisoformat(item["start"]).replace(tzinfo=zone),
                                  datetime.fromisoformat(item["end"]).replace(tzinfo=zone),
                                  item.get("kind", "available")))
    return tuple(windows)


def session_to_dict(session: Session) -> Data:
    """One unscheduled session as data: an event's fields with ``minutes`` for its times."""
    return {
        "uid": session.uid,
        "title": session.title.as_dict(),
        "description": session.description.as_dict(),
        "track": session.track,
        "venue": session.venue,
        "minutes": session.duration // timedelta(minutes=1),
        "speakers": list(session.speakers),
        "languages": list(session.languages),
        "status": session.status,
        "sequence": session.sequence,
        "last_modified": session.last_modified.astimezone(UTC).isoformat(),
        "url": session.url,
        "attendance": session.attendance,
        "source_uid": session.source_uid,
        "preserved": session.preserved,
        "absent": sorted(session.absent),
    }


def session_from_dict(item: Mapping[str, Any]) -> Session:
    """One unscheduled session from its data (see :func:`session_to_dict`)."""
    return Session(
        uid=str(item["uid"]),
        title=Texts.from_mapping(item["title"]),
        description=Texts.from_mapping(item.get("description")),
        duration=timedelta(minutes=int(item["minutes"])),
        track=str(item["track"]),
        venue=str(item.get("venue", "") or ""),
        speakers=tuple(str(p) for p in item.get("speakers", ())),
        languages=tuple(item.get("languages", ())),
        status=item.get("status", "confirmed"),
        sequence=int(item.get("sequence", 0)),
        last_modified=_utc(item.get("last_modified")) or DEFAULT_LAST_MODIFIED,
        url=str(item.get("url", "") or ""),
        attendance=_int_or_none(item.get("attendance")),
        source_uid=str(item.get("source_uid", "") or ""),
        preserved=str(item.get("preserved", "") or ""),
        absent=frozenset(str(x) for x in item.get("absent", ())),
    )


def _local(value: datetime) -> str:
    # Wall-clock time without the zone: the zone is written once beside it.
    return value.replace(tzinfo=None).isoformat()


def event_to_dict(event: Event, programme_zone: str) -> Data:
    """One event as data; its zone is written only where it differs from the programme's."""
    data: Data = {
        "uid": event.uid,
        "title": event.title.as_dict(),
        "description": event.description.as_dict(),
        "track": event.track,
        "venue": event.venue,
        "start": _local(event.start),
        "end": _local(event.end),
        "speakers": list(event.speakers),
        "languages": list(event.languages),
        "status": event.status,
        "all_day": event.all_day,
        "recurrence": None,
        "sequence": event.sequence,
        "last_modified": event.last_modified.astimezone(UTC).isoformat(),
        "url": event.url,
        "attendance": event.attendance,
    }
    if event.zone.key != programme_zone:
        data["timezone"] = event.zone.key
    recurrence = event.recurrence
    if recurrence is not None:
        data["recurrence"] = {
            "rule": recurrence.rule,
            "exdates": [_local(x) for x in recurrence.exdates],
            "rules": list(recurrence.more_rules),
            "rdates": [_local(x) for x in recurrence.rdates],
            "periods": [[_local(p.start), _local(p.end)] for p in recurrence.periods],
        }
    rid = event.recurrence_id
    data["overrides"] = [event_to_dict(o, event.zone.key) for o in event.overrides]
    data["recurrence_id"] = None if rid is None else {
        "start": _local(rid.start), "this_and_future": rid.this_and_future}
    data["source_uid"] = event.source_uid
    data["preserved"] = event.preserved
    data["absent"] = sorted(event.absent)
    return data


# ---------------------------------------------------------------------------------------------
# Data -> programme


def from_dict(data: Mapping[str, Any], *, validate: bool = True) -> Programme:
    """The programme that ``data`` (from :func:`to_dict` or a file of that form) describes.

    Raises :class:`~planner.model.ValidationError` on data of another format, of a newer
    version, with a missing or mistyped field, or (with ``validate``) breaking a rule of the
    model. ``validate=False`` is for data this program wrote and checked before (a release).
    """
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise ValidationError(msg("not a programme in the programme-planner JSON form"))
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise ValidationError(
            msg("programme data of version {version}; this version reads up to {supported}",
                version=version, supported=VERSION)
        )
    try:
        programme = _programme_from_dict(data)
    except ValidationError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValidationError(
            msg("programme data: missing or wrong field ({reason})", reason=_reason(exc))
        ) from None
    if validate:
        validate_programme(programme)
    return programme


def loads(raw: bytes | str, *, validate: bool = True) -> Programme:
    """The programme in ``raw`` JSON (as :func:`dumps` writes it)."""
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise ValidationError(msg("programme data is not JSON ({reason})", reason=exc)) from None
    return from_dict(data, validate=validate)


def _reason(exc: Exception) -> str:
    return f"'{exc.args[0]}'" if isinstance(exc, KeyError) else str(exc)


def _programme_from_dict(data: Mapping[str, Any]) -> Programme:
    travel = data.get("travel") or {}
    default_travel = TravelSettings()
    programme = Programme(
        name=Texts.from_mapping(data["name"]),
        timezone=data["timezone"],
        first_day=date.fromisoformat(data["start"]),
        last_day=date.fromisoformat(data["end"]),
        travel=TravelSettings(
            speed_kmh=float(travel.get("speed_kmh", default_travel.speed_kmh)),
            buffer_minutes=int(travel.get("buffer_minutes", default_travel.buffer_minutes)),
        ),
    )
    for item in data.get("tracks", ()):
        track = _track_from_dict(item)
        programme.tracks[track.id] = track
    for item in data.get("venues", ()):
        venue = _venue_from_dict(item)
        programme.venues[venue.id] = venue
    for item in data.get("people", ()):
        person = _person_from_dict(item)
        programme.people[person.id] = person
    programme.zones.update({str(k): str(v) for k, v in (data.get("zones") or {}).items()})
    zones: dict[str, ZoneInfo] = {programme.timezone: programme.zone}
    # When an event without a last-modified time of its own was last changed: the
    # programme's "last_modified" (the built-in one gives its compilation date), else the
    # model's default.
    default_modified = _utc(data.get("last_modified")) or DEFAULT_LAST_MODIFIED
    for item in data.get("events", ()):
        try:
            event = event_from_dict(item, programme.timezone, zones, default_modified,
                                    custom=programme.zones)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            uid = item.get("uid") if isinstance(item, Mapping) else None
            raise ValidationError(
                msg("event '{uid}': missing or wrong field ({reason})", uid=uid,
                    reason=_reason(exc))
            ) from None
        programme.events[event.uid] = event
    for item in data.get("unscheduled", ()):
        session = session_from_dict(item)
        programme.unscheduled[session.uid] = session
    return programme


def _utc(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text).astimezone(UTC) if text else None


def _track_from_dict(item: Mapping[str, Any]) -> Track:
    return Track(str(item["id"]), Texts.from_mapping(item["name"]),
                 str(item.get("colour", "#607d8b")), bool(item.get("placeholder", False)))


def _venue_from_dict(item: Mapping[str, Any]) -> Venue:
    return Venue(
        str(item["id"]),
        Texts.from_mapping(item["name"]),
        str(item.get("address", "") or ""),
        _float_or_none(item.get("lat")),
        _float_or_none(item.get("lon")),
        _int_or_none(item.get("capacity")),
        bool(item.get("placeholder", False)),
        _windows_from_dict(item.get("availability")),
    )


def _person_from_dict(item: Mapping[str, Any]) -> Person:
    return Person(
        str(item["id"]),
        str(item["name"]),
        str(item.get("affiliation", "") or ""),
        str(item.get("contact", "") or ""),
        _windows_from_dict(item.get("availability")),
    )


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)


def event_from_dict(
    item: Mapping[str, Any],
    programme_zone: str,
    zones: dict[str, ZoneInfo] | None = None,
    default_modified: datetime = DEFAULT_LAST_MODIFIED,
    *,
    custom: Mapping[str, str] | None = None,
) -> Event:
    """One event from its data; ``zones`` caches ZoneInfo objects across many events;
    ``custom`` holds the programme's own zones (:attr:`planner.model.Programme.zones`)."""
    zones = {} if zones is None else zones
    key = str(item.get("timezone") or programme_zone)
    zone = zones.get(key)
    if zone is None:
        zone = zones[key] = zone_for_key(key, custom or {})

    def local(text: str) -> datetime:
        return datetime.fromisoformat(text).replace(tzinfo=zone)

    recurrence = None
    if item.get("recurrence"):
        rec = item["recurrence"]
        recurrence = Recurrence(
            str(rec["rule"]),
            tuple(local(x) for x in rec.get("exdates", ())),
            more_rules=tuple(str(x) for x in rec.get("rules", ())),
            rdates=tuple(local(x) for x in rec.get("rdates", ())),
            periods=tuple(Period(local(a), local(b)) for a, b in rec.get("periods", ())),
        )
    rid = item.get("recurrence_id")
    return Event(
        uid=str(item["uid"]),
        title=Texts.from_mapping(item["title"]),
        description=Texts.from_mapping(item.get("description")),
        track=str(item["track"]),
        venue=str(item["venue"]),
        start=local(item["start"]),
        end=local(item["end"]),
        speakers=tuple(str(p) for p in item.get("speakers", ())),
        languages=tuple(item.get("languages", ())),
        status=item.get("status", "confirmed"),
        all_day=bool(item.get("all_day", False)),
        recurrence=recurrence,
        sequence=int(item.get("sequence", 0)),
        last_modified=_utc(item.get("last_modified")) or default_modified,
        url=str(item.get("url", "") or ""),
        attendance=_int_or_none(item.get("attendance")),
        overrides=tuple(
            event_from_dict(o, key, zones, default_modified, custom=custom)
            for o in item.get("overrides", ())
        ),
        recurrence_id=None if rid is None else RecurrenceId(
            local(rid["start"]), bool(rid.get("this_and_future", False))),
        source_uid=str(item.get("source_uid", "") or ""),
        preserved=str(item.get("preserved", "") or ""),
        absent=frozenset(str(x) for x in item.get("absent", ())),
    )
