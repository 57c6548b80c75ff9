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


def occurrence_copy(programme: Programme, event: Event, recurrence_id: datetime,
                    start: datetime | None = None, venue: str | None = None) -> Event:
    """A copy of the occurrence of series ``event`` at ``recurrence_id`` as it is now (its
    override's changes included): one single event that does not repeat, with a UID of its
    own (see :func:`copied`), at ``start`` and ``venue`` where given. Google Calendar and
    Thunderbird copy one occurrence so; a copy of the series is :func:`copied`."""
    single = dataclasses.replace(occurrence_of(event, recurrence_id), recurrence=None,
                                 overrides=(), recurrence_id=None)
    return copied(programme, single, start, venue)


def without_one(event: Event, recurrence_id: datetime) -> Event:
    """Series ``event`` without its occurrence at ``recurrence_id``: an EXDATE for it, and
    its override, if it has one, dropped (a deleted occurrence, as calendars delete one)."""
    from planner.recurrence import without_occurrence

    if event.recurrence is None:
        raise ValidationError(msg("event '{uid}' does not repeat", uid=event.uid))
    rid = _wall(recurrence_id.astimezone(event.zone))
    kept = tuple(o for o in event.overrides
                 if o.recurrence_id is None or _wall(o.recurrence_id.start) != rid)
    return without_occurrence(dataclasses.replace(event, overrides=kept), recurrence_id)


# How far past the cut split_series checks that the new series gives the dates the old one
# gave (a rule without end has no last occurrence).
SPLIT_HORIZON = timedelta(days=3 * 366)


def split_series(programme: Programme, event: Event,
                 recurrence_id: datetime) -> tuple[Event | None, Event]:
    """Series ``event`` cut before its occurrence at ``recurrence_id``, for a change to
    "this and following" occurrences as Google Calendar, Thunderbird and Apple Calendar
    make it: the series up to that occurrence (its rules end there, with UNTIL), and the
    rest as a new series with a UID of its own (not in ``programme``) starting at that
    occurrence, with the later excluded and extra dates and changed occurrences. Every
    calendar reads two plain series alike, where most ignore RANGE=THISANDFUTURE. The first
    part is None when the occurrence is the series' first (the rest is then ``event``).

    Raises :class:`ValidationError` when ``event`` does not repeat, has no occurrence at
    ``recurrence_id``, or its rules would give other dates from there on (an extra date
    out of a rule's rhythm)."""
    from planner.recurrence import MAX_OCCURRENCES, rule_is_bounded, rule_starts, starts

    recurrence = event.recurrence
    if recurrence is None:
        raise ValidationError(msg("event '{uid}' does not repeat", uid=event.uid))
    zone = event.zone
    cut = _wall(recurrence_id.astimezone(zone))
    if cut <= _wall(event.start):
        return None, event
    where = f"{cut:%Y-%m-%d %H:%M}"
    # Compared up to a horizon: a rule without end has no last occurrence.
    horizon = (cut + SPLIT_HORIZON).replace(tzinfo=zone)
    own = dataclasses.replace(event, overrides=())
    later = [_wall(s) for s in starts(own, before=horizon) if _wall(s) >= cut]
    if not later or later[0] != cut:
        raise ValidationError(msg("event '{uid}' has no occurrence at {start}", uid=event.uid,
                                  start=where))
    until = f"UNTIL={cut - timedelta(seconds=1):%Y%m%dT%H%M%S}"
    head_rules, tail_rules = [], []
    for rule in recurrence.rules:
        parts = [p for p in rule.split(";")
                 if p.split("=", 1)[0].strip().upper() not in ("COUNT", "UNTIL")]
        if not rule_is_bounded(rule):
            head_rules.append(";".join([*parts, until]))
            tail_rules.append(rule)
            continue
        given = rule_starts(rule, _wall(event.start), datetime.max - timedelta(days=2),
                            limit=MAX_OCCURRENCES)[0]
        rest = [value for value in given if value >= cut]
        # A rule that ended before the cut stays as it was; the others end before it.
        head_rules.append(";".join([*parts, until]) if rest else rule)
        if rest and "COUNT" in rule.upper():
            # COUNT counts the new start also where the rule does not give it.
            tail_rules.append(";".join([*parts, f"COUNT={len(rest) + (rest[0] != cut)}"]))
        elif rest:
            tail_rules.append(rule)

    def rules(values: list[str]) -> dict[str, Any]:
        if recurrence.rule and values:
            return {"rule": values[0], "more_rules": tuple(values[1:])}
        return {"rule": "", "more_rules": tuple(values)}

    def before(value: datetime) -> bool:
        return _wall(value) < cut

    def after(value: datetime) -> bool:
        return _wall(value) > cut

    head = dataclasses.replace(
        event,
        recurrence=dataclasses.replace(
            recurrence, **rules(head_rules),
            exdates=tuple(filter(before, recurrence.exdates)),
            rdates=tuple(filter(before, recurrence.rdates)),
            periods=tuple(p for p in recurrence.periods if before(p.start))),
        overrides=tuple(o for o in event.overrides
                        if o.recurrence_id is not None and before(o.recurrence_id.start)))
    uid = _fresh_uid(programme, event.title.get("en") or event.uid, set())
    own_end = {_wall(p.start): p.end for p in recurrence.periods}.get(cut)
    tail = dataclasses.replace(
        event, uid=uid, start=cut.replace(tzinfo=zone),
        end=own_end or (cut + event.duration).replace(tzinfo=zone),
        sequence=0, last_modified=DEFAULT_LAST_MODIFIED, source_uid="",
        recurrence=dataclasses.replace(
            recurrence, **rules(tail_rules),
            exdates=tuple(filter(after, recurrence.exdates)),
            rdates=tuple(filter(after, recurrence.rdates)),
            periods=tuple(p for p in recurrence.periods if after(p.start))),
        overrides=tuple(dataclasses.replace(o, uid=uid, source_uid="")
                        for o in event.overrides
                        if o.recurrence_id is not None and not before(o.recurrence_id.start)))
    plain = dataclasses.replace(tail, overrides=())
    if [_wall(s) for s in starts(plain, before=horizon)] != later:
        raise ValidationError(msg("event '{uid}' cannot be split at {start}: its repeat rules "
                                  "would give other dates from there on", uid=event.uid,
                                  start=where))
    return head, tail
