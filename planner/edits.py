"""The edits a calendar makes to events: move, resize, nudge, duplicate, paste, cancel.

Pure functions from events to new events; the caller stores the result (the window through
an undo command and :meth:`ui.document.Document.apply`, which validates it). Times change on
the wall clock in the event's zone, as a calendar user means them: "an hour later" is the
same hour on the clock, across a change of daylight-saving time too.

A repeating event moves as a whole (:func:`planner.model.moved`): its excluded and extra
dates, and its changed occurrences (RECURRENCE-ID), move with it, so that the series keeps
its shape.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from planner.i18n import msg
from planner.model import (
    DEFAULT_LAST_MODIFIED,
    Event,
    Programme,
    RecurrenceId,
    Status,
    ValidationError,
    moved,
    new_uid,
)
from planner.snapshot import event_from_dict, event_to_dict

# What the clipboard carries between windows of this program (and programmes).
CLIPBOARD_FORMAT = "programme-planner-events"
CLIPBOARD_VERSION = 1


def _wall(value: datetime) -> datetime:
    return value.replace(tzinfo=None)


def _shift(value: datetime, delta: timedelta) -> datetime:
    """``value`` moved by ``delta`` on the wall clock of its own zone."""
    return (_wall(value) + delta).replace(tzinfo=value.tzinfo)


def shifted(event: Event, delta: timedelta, venue: str | None = None) -> Event:
    """``event`` moved by ``delta`` on the wall clock (a snap step, a day)."""
    return moved(event, _shift(event.start, delta), venue)


def resized(event: Event, new_end: datetime) -> Event:
    """``event`` ending at ``new_end`` (for a series: its first occurrence, and so every
    occurrence that the series gives its length)."""
    return dataclasses.replace(event, end=new_end.astimezone(event.zone))


def lengthened(event: Event, delta: timedelta, shortest: timedelta) -> Event:
    """``event`` ``delta`` longer (shorter, when negative) on the wall clock, but never
    shorter than ``shortest``."""
    length = max(event.duration + delta, shortest)
    return dataclasses.replace(event, end=(_wall(event.start) + length).replace(
        tzinfo=event.zone))


def with_status(event: Event, status: Status) -> Event:
    """``event`` cancelled, confirmed or tentative."""
    return dataclasses.replace(event, status=status)


def copied(programme: Programme, event: Event, start: datetime | None = None,
           venue: str | None = None, taken: Iterable[str] = ()) -> Event:
    """A new event like ``event`` (a series stays a series), with a UID of its own that
    neither ``programme`` nor ``taken`` has, starting at ``start`` and at ``venue`` where
    given. It is a new event to calendars: SEQUENCE 0, no identity from a file."""
    uid = _fresh_uid(programme, event.title.get("en") or event.uid, set(taken))
    new = dataclasses.replace(
        event, uid=uid, sequence=0, last_modified=DEFAULT_LAST_MODIFIED, source_uid="",
        overrides=tuple(dataclasses.replace(o, uid=uid, source_uid="") for o in event.overrides))
    if start is not None or venue is not None:
        new = moved(new, start if start is not None else new.start, venue)
    return new


def _fresh_uid(programme: Programme, stem: str, taken: set[str]) -> str:
    uid = new_uid(programme, stem)
    n = 2
    while uid in taken:  # copies made together, not yet in the programme
        uid = new_uid(programme, f"{stem} {n}")
        n += 1
    return uid


def pasted(programme: Programme, events: list[Event], start: datetime,
           venue: str | None = None) -> list[Event]:
    """Copies of ``events`` for ``programme``: the earliest starts at ``start``, the others
    keep their distance from it; each at ``venue`` when given (a venue grid's column), else
    at its own venue. A track, venue or speaker the programme does not have is replaced by
    its first track or venue, or left out."""
    if not events:
        return []
    first = min(e.start.astimezone(UTC) for e in events)
    tracks, venues = list(programme.tracks), [
        v.id for v in programme.venues.values() if not v.placeholder] or list(programme.venues)
    if not tracks or not venues:
        raise ValidationError(msg("add a track and a venue before pasting events"))
    result: list[Event] = []
    for event in events:
        fitted = dataclasses.replace(
            event,
            track=event.track if event.track in programme.tracks else tracks[0],
            venue=event.venue if event.venue in programme.venues else venues[0],
            speakers=tuple(p for p in event.speakers if p in programme.people),
        )
        offset = event.start.astimezone(UTC) - first
        when = (start.astimezone(UTC) + offset).astimezone(event.zone)
        result.append(copied(programme, fitted, when, venue,
                             taken=[e.uid for e in result]))
    return result


def to_clipboard(programme: Programme, events: Iterable[Event]) -> dict[str, Any]:
    """``events`` as data for the clipboard (JSON-ready), to paste with
    :func:`from_clipboard` into this programme or another."""
    return {
        "format": CLIPBOARD_FORMAT,
        "version": CLIPBOARD_VERSION,
        "timezone": programme.timezone,
        "events": [event_to_dict(e, programme.timezone) for e in events],
    }


def from_clipboard(data: Mapping[str, Any]) -> list[Event]:
    """The events :func:`to_clipboard` put there; raises :class:`ValidationError` on
    anything else."""
    if not isinstance(data, Mapping) or data.get("format") != CLIPBOARD_FORMAT:
        raise ValidationError(msg("the clipboard holds no events"))
    try:
        zone = str(data["timezone"])
        return [event_from_dict(item, zone) for item in data["events"]]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValidationError(msg("the events on the clipboard cannot be read ({reason})",
                                  reason=exc)) from None


def overridden(event: Event, recurrence_id: datetime, new: Event) -> Event:
    """Series ``event`` with its occurrence at ``recurrence_id`` (the start the series gives
    it) replaced by ``new`` (its start, end, venue, title...): kept as an override, as
    calendars keep a changed occurrence (RFC 5545 RECURRENCE-ID). An earlier override of
    that occurrence is replaced; an override that puts the occurrence back as the series
    has it is dropped."""
    if event.recurrence is None:
        raise ValidationError(msg("event '{uid}' does not repeat", uid=event.uid))
    rid = recurrence_id.astimezone(event.zone)
    others = tuple(o for o in event.overrides
                   if o.recurrence_id is None or _wall(o.recurrence_id.start) != _wall(rid))
    override = dataclasses.replace(
        new, uid=event.uid, recurrence=None, overrides=(), source_uid=event.source_uid,
        recurrence_id=RecurrenceId(rid), sequence=event.sequence,
        last_modified=event.last_modified)
    as_series = dataclasses.replace(
        event, start=rid, end=_shift(rid, event.duration).replace(tzinfo=event.zone),
        recurrence=None, overrides=(), recurrence_id=RecurrenceId(rid))
    kept = others if override == as_series else (*others, override)
    return dataclasses.replace(
        event, overrides=tuple(sorted(kept, key=lambda o: _wall(
            o.recurrence_id.start if o.recurrence_id else o.start))))


def occurrence_of(event: Event, recurrence_id: datetime) -> Event:
    """What the occurrence of series ``event`` at ``recurrence_id`` is now: its override
    if it has one, else the series' own fields at that start."""
    rid = _wall(recurrence_id.astimezone(event.zone))
    for override in event.overrides:
        if override.recurrence_id is not None and _wall(override.recurrence_id.start) == rid:
            return override
    start = rid.replace(tzinfo=event.zone)
    return dataclasses.replace(
        event, start=start, end=(rid + event.duration).replace(tzinfo=event.zone),
        recurrence=None, overrides=(), recurrence_id=RecurrenceId(start))
