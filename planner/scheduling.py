"""Free slots for one event, and a solver's plan in words.

:func:`suggest_slots` answers "where could this go?" for an unscheduled session or a placed
event: every start on the planning grid of the programme's days, in its venue (or, for a
session without one, in each venue large enough), that has no hard clash (the clash check's
own :meth:`~planner.conflicts.ClashIndex.clashes_for` decides), ranked by the solver's soft
goals: the fewest events of its own track at the same time, the lightest day, and for a
placed event the smallest shift from where it is; the list is varied (no two overlapping
in one venue, a few a day while other days have room), so that it offers real choices. It
needs no solver; the window runs it on a worker, as it takes seconds for many venues.

:func:`plan_lines` says what a :class:`~planner.solver.Plan` does, one line per change, in
the language asked for (the command line prints them; the window shows them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from planner.availability import free_spans, is_free
from planner.conflicts import ClashIndex, when_text
from planner.i18n import Message, msg, quoted, render
from planner.model import (
    Event,
    Lang,
    Programme,
    Session,
    UnknownReferenceError,
    as_event,
)

if TYPE_CHECKING:
    from planner.solver import Plan

PLANNING_START = time(9, 0)
PLANNING_END = time(21, 0)


@dataclass(frozen=True, slots=True)
class Slot:
    """A start and venue with no hard clash for one event, with what ranks it."""

    start: datetime
    end: datetime
    venue: str
    track_overlaps: int
    day_load: int
    shift_minutes: int

    @property
    def rank(self) -> tuple[int, int, int, float]:
        """Lower is better: track overlaps, then the day's load, then the shift."""
        return (self.track_overlaps, self.day_load, self.shift_minutes, self.start.timestamp())


def suggest_slots(
    programme: Programme,
    uid: str,
    *,
    count: int = 10,
    step_minutes: int = 15,
    index: ClashIndex | None = None,
    day_start: time = PLANNING_START,
    day_end: time = PLANNING_END,
    progress: Callable[[int, int], None] | None = None,
) -> list[Slot]:
    """The ``count`` best slots for the event or session ``uid`` (see the module doc).

    ``index`` is the programme's clash index if the caller keeps one; otherwise one is
    built. A repeating event gets no suggestions (it moves as a series). ``progress(done,
    total)`` is told how many of the starts have been tried, after each; it may raise to
    stop the search (the window's worker does, on Cancel).
    """
    thing: Event | Session | None = programme.events.get(uid) or programme.unscheduled.get(uid)
    if thing is None:
        raise UnknownReferenceError(msg("no event with UID '{uid}'", uid=uid))
    if isinstance(thing, Event) and (thing.recurrence is not None or thing.all_day):
        return []
    if index is None:
        index = ClashIndex(programme)
    if isinstance(thing, Event):
        session_like = Session(uid=thing.uid, title=thing.title, duration=thing.duration,
                               track=thing.track, venue=thing.venue, speakers=thing.speakers,
                               attendance=thing.attendance)
        origin: datetime | None = thing.start
    else:
        session_like, origin = thing, None
    venues = [session_like.venue] if session_like.venue else [
        vid for vid, v in programme.venues.items()
        if v.capacity is None or session_like.attendance is None
        or session_like.attendance <= v.capacity]
    people_free = [free_spans(programme.people[p].availability)
                   for p in session_like.speakers if p in programme.people]
    zone = programme.zone
    length = session_like.duration
    step = timedelta(minutes=step_minutes)
    track_starts = sorted(
        (e.start.timestamp(), e.end.timestamp()) for e in programme.events.values()
        if e.track == session_like.track and e.uid != uid and e.status != "cancelled")
    per_day: dict[date, int] = {}
    for other in programme.events.values():
        if other.uid != uid and other.status != "cancelled":
            other_day = other.start.astimezone(zone).date()
            per_day[other_day] = per_day.get(other_day, 0) + 1
    found: list[Slot] = []
    spans = [(datetime.combine(day, day_start, zone),
              datetime.combine(day, day_end, zone) - length) for day in programme.days]
    total = sum(max(0, (last - first) // step + 1) for first, last in spans)
    done = 0
    for day, (start, last) in zip(programme.days, spans, strict=True):
        while start <= last:
            done += 1
            if progress is not None:
                progress(done, total)
            s, e = start.timestamp(), (start + length).timestamp()
            if all(is_free(free, s, e) for free in people_free):
                for vid in venues:
                    venue = programme.venues[vid]
                    if venue.availability and not is_free(free_spans(venue.availability), s, e):
                        continue
                    candidate = as_event(session_like, start, vid)
                    if index.clashes_for(candidate):
                        continue
                    overlaps = sum(1 for a, b in track_starts if a < e and s < b)
                    shift = 0 if origin is None else int(abs(s - origin.timestamp()) // 60)
                    found.append(Slot(candidate.start, candidate.end, vid, overlaps,
                                      per_day.get(day, 0), shift))
            start += step
    found.sort(key=lambda slot: (slot.rank, slot.venue))
    return _varied(found, count, zone)


# Suggestions per day, at most, while other days have room: a list of twelve quarter-hour
# shifts of one morning is no choice at all.
SLOTS_PER_DAY = 3


def _varied(ranked: list[Slot], count: int, zone: ZoneInfo) -> list[Slot]:
    """The first ``count`` of ``ranked`` that differ: none overlapping a better one in the
    same venue, and at most :data:`SLOTS_PER_DAY` a day; when that leaves too few, the
    best of the rest fill up. In rank order."""
    chosen: list[Slot] = []
    rest: list[Slot] = []
    per_day: dict[date, int] = {}
    for slot in ranked:
        if len(chosen) == count:
            break
        day = slot.start.astimezone(zone).date()
        if per_day.get(day, 0) >= SLOTS_PER_DAY or any(
                other.venue == slot.venue and other.start < slot.end and slot.start < other.end
                for other in chosen):
            rest.append(slot)
            continue
        chosen.append(slot)
        per_day[day] = per_day.get(day, 0) + 1
    if len(chosen) < count:
        chosen.extend(rest[:count - len(chosen)])
    chosen.sort(key=lambda slot: (slot.rank, slot.venue))
    return chosen


def slot_text(programme: Programme, slot: Slot, lang: Lang = "en") -> str:
    """One slot as a line: when, where, and what ranks it."""
    venue = programme.venues.get(slot.venue)
    name = venue.name.get(lang) if venue is not None else slot.venue
    line = msg("{when} at {venue}", when=when_text(programme, slot.start, slot.end, lang),
               venue=name)
    notes: list[Message] = []
    if slot.track_overlaps:
        notes.append(msg("{count} of its track at the same time", count=slot.track_overlaps))
    notes.append(msg("{count} events that day", count=slot.day_load))
    return f"{line.render(lang)} ({'; '.join(n.render(lang) for n in notes)})"


# ---------------------------------------------------------------------------------------------
# A plan in words


def _title(programme: Programme, uid: str, lang: Lang) -> str:
    thing: Event | Session | None = programme.events.get(uid) or programme.unscheduled.get(uid)
    return quoted(thing.title.get(lang) if thing is not None else uid, lang)


def _venue(programme: Programme, vid: str | None, lang: Lang) -> str:
    venue = programme.venues.get(vid or "")
    return venue.name.get(lang) if venue is not None else (vid or "")


def plan_lines(programme: Programme, plan: Plan, lang: Lang = "en") -> list[str]:
    """What ``plan`` does to ``programme``, a line per change and per reason, then a
    count; in ``lang``."""
    lines = []
    for p in sorted(plan.placements, key=lambda p: (p.start, p.uid)):
        event = _title(programme, p.uid, lang)
        when = when_text(programme, p.start, p.end, lang)
        venue = _venue(programme, p.venue, lang)
        if p.old_start is None:
            line = msg("place {event}: {when} at {venue}", event=event, when=when, venue=venue)
        else:
            old_end = p.old_start + (p.end - p.start)
            line = msg("move {event}: from {old} at {old_venue} to {when} at {venue}",
                       event=event, old=when_text(programme, p.old_start, old_end, lang),
                       old_venue=_venue(programme, p.old_venue, lang), when=when, venue=venue)
        lines.append(render(line, lang))
    for unplaced in plan.unplaced:
        for reason in unplaced.reasons:
            lines.append(render(msg("cannot place {event}: {reason}",
                                    event=_title(programme, unplaced.uid, lang),
                                    reason=reason), lang))
    lines.append(render(msg(
        "{placed} to place, {moved} to move, {unplaced} that cannot be placed", placed=len(
            plan.placed), moved=len(plan.moves), unplaced=len(plan.unplaced)), lang))
    return lines
