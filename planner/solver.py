"""The scheduling assistant: places unscheduled sessions and mends clashes with OR-Tools CP-SAT.

What the model decides, and what it keeps:

- **Sessions** (:attr:`Programme.unscheduled`) get a start, and a venue when they have none:
  the solver chooses among the venues that hold the session's expected attendance. A session
  that has a venue keeps it.
- **Placed events** keep their venue; without ``keep_placed`` the solver may move them in
  time (that is a *move*, and moves are what it avoids most). With ``keep_placed`` they stay
  as they are. Repeating events, all-day events, events of a day or longer and cancelled
  events are never moved: a series' occurrences belong together (each occurrence blocks
  its venue and speakers where its override puts it), and the rest are not slots in a
  day's timetable (cancelled events block nothing). A placeholder venue ("To be
  announced") is no room: nothing there blocks anything, and no session is put there.
- **Hard rules** (what :mod:`planner.conflicts` calls a clash): no two events at once in a
  venue, no person in two events at once, enough time between two venues for a person
  (the travel estimate of the clash check, rounded up), every event inside the availability
  of its venue and speakers, attendance within the venue's capacity, inside the programme's
  days, and, for what the solver places or moves, inside the day's planning hours
  (:attr:`SolveOptions.day_start` to :attr:`SolveOptions.day_end`; an event may also stay
  where it is).
- **Soft goals**, in this order of weight: the fewest moves; no track clashing with itself
  (two events of one track at once); sessions spread over the days (the busiest day as
  light as it can be).
- **Two rounds.** First only the placed events that have a hard clash may move, so that a
  plan changes no more than it must (and the model stays small: the built-in programme
  plans in a fraction of a second). Only when sessions are left over does a second round
  let every movable placed event move, and its plan is taken if it places more.

Times are whole steps of :attr:`SolveOptions.step_minutes` counted from the start of the
programme's first day; lengths and travel times are rounded up to steps, so a plan never
has a clash that the step hides. Intervals are instants (UTC), so a change of clocks inside
the programme's days is no trouble.

Every event in the model is optional (leaving one out costs more than all soft goals), so a
plan always exists and places as many as it can: a session left out stays unscheduled, a
placed event left out stays where it is, and what is placed keeps clear of it there. When
some event cannot be placed without a hard clash, :func:`solve` says why in words a person
understands, with a :data:`Cause` for each reason (relax and explain): first what rules it
out on its own (no start fits its length, capacity, availability, the programme's days and
hours) or by load (a person or venue with more to do than time available); then, against
the plan carried out, each start the event could have is tried and what blocks it is
sorted by family (venue booked, speaker busy, a speaker's trip), and the family that
blocks it is named with the events concerned.

:func:`greedy_plan` is a baseline only (first fit, most constrained first, never moves a
placed event); :mod:`bench.bench_solver` compares the two.
"""

from __future__ import annotations

import dataclasses
import math
import threading
import time as clock
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Literal

from ortools.sat.python import cp_model

from planner.availability import Span, free_spans, merge, subtract
from planner.conflicts import find_clashes, travel_minutes
from planner.i18n import Message, msg, msg_n, quoted
from planner.model import (
    Event,
    Lang,
    Programme,
    ProgrammeError,
    Session,
    move_event,
    schedule_session,
)
from planner.phrases import Phrases
from planner.recurrence import expand, expand_all, occurrences

PlanStatus = Literal["optimal", "feasible", "infeasible", "unknown"]
# What keeps an event from being placed (the family of hard rules that blocks it), as
# ``schedule --json`` names it beside each reason.
Cause = Literal[
    "capacity",             # no venue holds the expected attendance
    "no_venue",             # no venue to choose from at all
    "planning_hours",       # longer than the planning hours of a day
    "programme_days",       # a speaker or the venue is available only outside the days
    "speaker_availability",  # a speaker's windows leave no time for it
    "venue_availability",   # the venue's windows leave no time for it
    "speaker_load",         # a speaker has more to do than time available
    "venue_load",           # a venue is needed for more than it is open
    "speaker_busy",         # a speaker is busy with other events whenever available
    "venue_booked",         # the venue is booked whenever it is open
    "travel",               # a speaker cannot get there in time from another event
    "clash",                # a placed event that stays with the clash it has
    "time_limit",           # a time was free, but the search ran out of time
]

# Weights of the soft goals in the objective (and in :func:`score`): a move costs more than a
# track clashing with itself, which costs more than one more session on the busiest day.
WEIGHT_MOVE = 10
WEIGHT_TRACK = 4
WEIGHT_SPREAD = 1
# Leaving a session unplaced costs more than all the other goals together could.
WEIGHT_UNPLACED = 100_000


@dataclass(frozen=True, slots=True)
class SolveOptions:
    """How :func:`solve` works. ``workers`` fixed (1 in tests) makes runs repeatable."""

    keep_placed: bool = False
    time_limit: float = 30.0
    step_minutes: int = 15
    day_start: time = time(9, 0)
    day_end: time = time(21, 0)
    workers: int = 2
    seed: int = 0


@dataclass(frozen=True, slots=True)
class Placement:
    """One change of a plan: the event ``uid`` starts at ``start`` in ``venue``.

    ``old_start`` and ``old_venue`` are where it was; both are ``None`` for an unscheduled
    session that the plan places for the first time.
    """

    uid: str
    start: datetime
    end: datetime
    venue: str
    old_start: datetime | None = None
    old_venue: str | None = None

    @property
    def is_move(self) -> bool:
        return self.old_start is not None


@dataclass(frozen=True, slots=True)
class Unplaced:
    """An event the plan cannot place (a session) or cannot free of a hard clash (a placed
    event, which then stays where it is), with the reasons and, for each, its cause."""

    uid: str
    reasons: tuple[Message, ...]
    causes: tuple[Cause, ...] = ()


@dataclass(frozen=True, slots=True)
class Score:
    """The soft goals of a plan: the lower, the better (:func:`score`)."""

    moves: int
    track_clashes: int
    busiest_day: int

    @property
    def total(self) -> int:
        return (WEIGHT_MOVE * self.moves + WEIGHT_TRACK * self.track_clashes
                + WEIGHT_SPREAD * self.busiest_day)


@dataclass(slots=True)
class Plan:
    """What :func:`solve` proposes: the changes, what it could not do, and how good it is."""

    placements: list[Placement] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    status: PlanStatus = "unknown"
    score: Score = Score(0, 0, 0)
    seconds: float = 0.0
    # The first plan without hard clash that the search met (``None``: none, or not every
    # event could be placed), for the bench's "time to a plan without hard clash".
    first_complete: FirstComplete | None = None

    @property
    def complete(self) -> bool:
        """Whether every event ends up placed without a hard clash."""
        return not self.unplaced

    @property
    def moves(self) -> list[Placement]:
        return [p for p in self.placements if p.is_move]

    @property
    def placed(self) -> list[Placement]:
        return [p for p in self.placements if not p.is_move]


# ---------------------------------------------------------------------------------------------
# The problem in steps


@dataclass(slots=True)
class _Item:
    """An event or session as the model sees it."""

    uid: str
    track: str
    speakers: tuple[str, ...]
    length: int  # steps
    venues: list[str]  # candidates; one for a fixed venue
    movable: bool
    origin: int | None  # start step where it is now (placed events)
    exact_origin: bool  # whether that start lies on a step
    attendance: int | None
    starts: dict[str, list[Span]] = field(default_factory=dict)  # allowed starts per venue
    fixed: list[tuple[int, int]] = field(default_factory=list)  # occurrences, steps (fixed)
    source: str = ""  # the event's UID, for an occurrence of a fixed series


class _Frame:
    """Instants <-> steps for one programme."""

    def __init__(self, programme: Programme, options: SolveOptions) -> None:
        self.programme = programme
        self.options = options
        self.zone = programme.zone
        self.origin, end = programme.window
        self.t0 = self.origin.timestamp()
        self.step = options.step_minutes * 60
        self.horizon = self.floor(end.timestamp())

    def floor(self, ts: float) -> int:
        return math.floor((ts - self.t0) / self.step + 1e-9)

    def ceil(self, ts: float) -> int:
        return math.ceil((ts - self.t0) / self.step - 1e-9)

    def instant(self, step: int) -> datetime:
        return datetime.fromtimestamp(self.t0 + step * self.step, UTC).astimezone(self.zone)

    def steps_of(self, minutes: float) -> int:
        return math.ceil(minutes / self.options.step_minutes - 1e-9)

    def day_hours(self) -> list[Span]:
        """The planning hours of each day, as step spans."""
        spans = []
        for day in self.programme.days:
            a = datetime.combine(day, self.options.day_start, self.zone).timestamp()
            b = datetime.combine(day, self.options.day_end, self.zone).timestamp()
            spans.append((float(self.ceil(a)), float(self.floor(b))))
        return spans

    def to_steps(self, spans: Iterable[Span]) -> list[Span]:
        """Timestamp spans as step spans (shrunk inwards to whole steps), inside the days."""
        result = []
        for a, b in spans:
            lo = 0 if a == -math.inf else max(0, self.ceil(a))
            hi = self.horizon if b == math.inf else min(self.horizon, self.floor(b))
            if hi > lo:
                result.append((float(lo), float(hi)))
        return merge(result)


def _intersect(a: Sequence[Span], b: Sequence[Span]) -> list[Span]:
    return subtract(a, subtract(a, b)) if a and b else []


def _starts_within(free: Sequence[Span], length: int) -> list[Span]:
    """Start steps from which ``length`` steps fit inside one span of ``free`` (closed
    ranges [first, last] of starts, as spans)."""
    return [(a, b - length) for a, b in free if b - length >= a]


class _Problem:
    """The programme as items and fixed blocks, with what each item may do."""

    def __init__(self, programme: Programme, options: SolveOptions,
                 may_move: set[str] | None = None) -> None:
        """``may_move``: the placed events that may move (``None``: any that can)."""
        self.programme = programme
        self.options = options
        self.frame = frame = _Frame(programme, options)
        self.items: dict[str, _Item] = {}
        self.events: dict[str, Event] = {}
        self.sessions: dict[str, Session] = {}
        self.trips: dict[tuple[str, str], int] = {}
        days = frame.day_hours()
        self.free_person = {pid: frame.to_steps(free_spans(p.availability))
                            for pid, p in programme.people.items()}
        self.free_venue = {vid: frame.to_steps(free_spans(v.availability))
                           for vid, v in programme.venues.items()}
        whole = [(0.0, float(frame.horizon))]
        self.placeholders = {v.id for v in programme.venues.values() if v.placeholder}
        for event in programme.events.values():
            if event.status == "cancelled":
                continue
            self.events[event.uid] = event
            movable = (not options.keep_placed and event.recurrence is None
                       and not event.overrides and not event.all_day
                       and event.duration < timedelta(days=1)
                       and (may_move is None or event.uid in may_move))
            if not movable and (event.recurrence is not None or event.overrides):
                self._fixed_series(event)
                continue
            occs = [(frame.floor(s.timestamp()), frame.ceil(e.timestamp()))
                    for s, e in occurrences(event, *programme.window)]
            start_ts = event.start.timestamp()
            item = _Item(event.uid, event.track, event.speakers,
                         max(1, occs[0][1] - occs[0][0]) if occs else 1,
                         [event.venue], movable, occs[0][0] if occs else None,
                         abs((start_ts - frame.t0) / frame.step - round(
                             (start_ts - frame.t0) / frame.step)) < 1e-9,
                         event.attendance)
            if not movable:
                item.fixed = occs
            self.items[event.uid] = item
        for session in programme.unscheduled.values():
            if session.status == "cancelled":
                continue
            self.sessions[session.uid] = session
            venues = [session.venue] if session.venue else [
                vid for vid, v in programme.venues.items()
                if not v.placeholder and (v.capacity is None or session.attendance is None
                                          or session.attendance <= v.capacity)]
            self.items[session.uid] = _Item(
                session.uid, session.track, session.speakers,
                max(1, frame.steps_of(session.duration / timedelta(minutes=1))),
                venues, True, None, False, session.attendance)
        for item in self.items.values():
            if not item.movable:
                continue
            free = whole
            for person in item.speakers:
                free = _intersect(free, self.free_person.get(person, whole))
            hours = days
            for vid in item.venues:
                venue = programme.venues.get(vid)
                if venue is None:
                    continue
                if (venue.capacity is not None and item.attendance is not None
                        and item.attendance > venue.capacity):
                    continue
                room = _intersect(free, self.free_venue.get(vid, whole))
                allowed = _starts_within(_intersect(room, hours), item.length)
                if item.origin is not None and item.exact_origin and any(
                        a <= item.origin and item.origin + item.length <= b for a, b in room):
                    # Staying where it is is always allowed (an evening concert may stay
                    # in the evening), if its venue and people can make it.
                    allowed = sorted([*allowed, (float(item.origin), float(item.origin))])
                if allowed:
                    item.starts[vid] = allowed

    def _fixed_series(self, event: Event) -> None:
        """A series stays as it is: each occurrence a fixed item of its own, with the venue
        and speakers its override gives it (``uid#n``; cancelled occurrences block nothing).
        """
        frame = self.frame
        for n, occ in enumerate(expand(event, *self.programme.window).occurrences):
            here = occ.event
            if here.status == "cancelled" or occ.end <= occ.start:
                continue
            a, b = frame.floor(occ.start.timestamp()), frame.ceil(occ.end.timestamp())
            item = _Item(f"{event.uid}#{n}", here.track, here.speakers, max(1, b - a),
                         [here.venue], False, a, False, here.attendance, source=event.uid)
            item.fixed = [(a, b)]
            self.items[item.uid] = item

    def trip(self, a: str, b: str) -> int:
        """Steps needed to get from venue ``a`` to venue ``b`` (0: same or unknown)."""
        if a == b:
            return 0
        key = (a, b) if a < b else (b, a)
        found = self.trips.get(key)
        if found is None:
            va, vb = self.programme.venues.get(a), self.programme.venues.get(b)
            minutes = (travel_minutes(va, vb, self.programme.travel)
                       if va is not None and vb is not None else None)
            found = self.trips[key] = self.frame.steps_of(minutes) if minutes else 0
        return found


# ---------------------------------------------------------------------------------------------
# Scoring (the same for every plan, the solver's and the baseline's)


def _day_of(programme: Programme, start: datetime) -> int:
    return (start.astimezone(programme.zone).date() - programme.first_day).days


def score(programme: Programme, plan: Plan) -> Score:
    """The soft goals of ``programme`` with ``plan`` carried out: moves, events that overlap
    another event of their track, and the number of events on the busiest day."""
    after = apply_to_copy(programme, plan)
    events = [e for e in after.events.values()
              if e.status != "cancelled" and e.recurrence is None and not e.all_day]
    clashing = set()
    by_track: dict[str, list[Event]] = {}
    for event in events:
        by_track.setdefault(event.track, []).append(event)
    for group in by_track.values():
        group.sort(key=lambda e: e.start)
        running: list[Event] = []
        for event in group:
            running = [r for r in running if r.end > event.start]
            if running:
                clashing.add(event.uid)
                clashing.update(r.uid for r in running)
            running.append(event)
    per_day: dict[int, int] = {}
    for event in events:
        day = _day_of(programme, event.start)
        per_day[day] = per_day.get(day, 0) + 1
    return Score(len(plan.moves), len(clashing), max(per_day.values(), default=0))


# ---------------------------------------------------------------------------------------------
# Carrying a plan out


def apply_plan(programme: Programme, plan: Plan) -> tuple[set[str], set[str]]:
    """Carry ``plan`` out on ``programme``: sessions are placed, events moved. Returns the
    UIDs of the events written and of the sessions removed (for
    :class:`planner.store.Changes`). Every change is checked; on a refused one nothing
    stays changed and the error is raised."""
    before_events = dict(programme.events)
    before_sessions = dict(programme.unscheduled)
    try:
        for placement in plan.placements:
            start = placement.start
            if placement.uid in programme.unscheduled:
                schedule_session(programme, placement.uid, start, placement.venue)
            else:
                old = programme.events[placement.uid]
                move_event(programme, placement.uid, start.astimezone(old.zone),
                           placement.venue)
    except ProgrammeError:
        programme.events.clear()
        programme.events.update(before_events)
        programme.unscheduled.clear()
        programme.unscheduled.update(before_sessions)
        raise
    written = {p.uid for p in plan.placements}
    return written, {u for u in written if u in before_sessions}


def apply_to_copy(programme: Programme, plan: Plan) -> Programme:
    """A copy of ``programme`` with ``plan`` carried out (``programme`` is unchanged)."""
    copy = programme.copy()
    apply_plan(copy, plan)
    return copy


# ---------------------------------------------------------------------------------------------
# Reasons


def _title(programme: Programme, uid: str, lang: Lang = "en") -> str:
    thing: Event | Session | None = programme.events.get(uid) or programme.unscheduled.get(uid)
    return thing.title.get(lang) if thing is not None else uid


def _duration(minutes: float) -> Message:
    whole = int(math.ceil(minutes - 1e-9))
    if whole < 60:
        return msg("{minutes} min", minutes=whole)
    if whole % 60 == 0:
        return msg("{hours} h", hours=whole // 60)
    return msg("{hours} h {minutes} min", hours=whole // 60, minutes=whole % 60)


_Reason = tuple[Cause, Message]


class _Explainer:
    """Why an event finds no place, in words (see the module doc): first what rules it out
    on its own or by load, then, against the plan, which family of hard rules stands in the
    way at each start it could have."""

    def __init__(self, problem: _Problem, lang: Lang) -> None:
        self.problem = problem
        self.programme = problem.programme
        self.lang = lang
        self.step_minutes = problem.options.step_minutes

    def event_reasons(self, item: _Item) -> list[_Reason]:
        """Why ``item`` has no start at all, or nothing when it has one."""
        if item.starts or not item.movable:
            return []
        programme, problem = self.programme, self.problem
        title = self._event_title(item.uid)
        length = _duration(item.length * self.step_minutes)
        if not item.venues:
            if item.attendance is not None:
                return [("capacity", msg(
                    "{event} expects {attendance} people, but no venue holds that many",
                    event=title, attendance=item.attendance))]
            return [("no_venue", msg(
                "{event} has no venue, and the programme has none to choose from",
                event=title))]
        reasons: list[_Reason] = []
        for vid in item.venues:
            venue = programme.venues.get(vid)
            if (venue is not None and venue.capacity is not None and item.attendance is not None
                    and item.attendance > venue.capacity):
                reasons.append(("capacity", msg(
                    "{event} expects {attendance} people, but {venue} holds {capacity}",
                    event=title, attendance=item.attendance, venue=self._venue(vid),
                    capacity=venue.capacity)))
        if reasons and len(reasons) == len(item.venues):
            return reasons
        hours = problem.frame.day_hours()
        longest_day = max((b - a for a, b in hours), default=0)
        if item.length > longest_day:
            return [("planning_hours", msg(
                "{event} lasts {length}, longer than the planning hours of a day "
                "({start} to {end})", event=title, length=length,
                start=f"{problem.options.day_start:%H:%M}",
                end=f"{problem.options.day_end:%H:%M}"))]
        owners: list[tuple[str, str]] = [("person", p) for p in item.speakers]
        if len(item.venues) == 1:
            owners.append(("venue", item.venues[0]))
        for kind, owner in owners:
            mine = (problem.free_person if kind == "person" else problem.free_venue).get(owner)
            name = self._person(owner) if kind == "person" else self._venue(owner)
            if mine is not None and not mine:
                reasons.append(("programme_days", msg(
                    "{name} is available only outside the programme's days ({first} to "
                    "{last}), when {event} would be", name=name, event=title,
                    first=self._day(programme.window[0]),
                    last=self._day(programme.window[1] - timedelta(seconds=1)))))
                continue
            free = _intersect(mine if mine is not None else [(0.0, 1e12)], hours)
            if _starts_within(free, item.length):
                continue
            if kind == "person":
                reasons.append(("speaker_availability", msg(
                    "{person} is never available for {length} at a stretch during the "
                    "programme's planning hours, as {event} needs", person=name,
                    length=length, event=title)))
            else:
                reasons.append(("venue_availability", msg(
                    "{venue} is never available for {length} at a stretch during the "
                    "programme's planning hours, as {event} needs", venue=name,
                    length=length, event=title)))
        if not reasons:
            names = [self._person(p) for p in item.speakers]
            reasons.append(("speaker_availability" if names else "venue_availability", msg(
                "{event} needs {length} when {who} and a venue are all available, and "
                "there is no such time", event=title, length=length,
                who=", ".join(names) or "—")))
        return reasons

    def load_reasons(self) -> dict[str, list[_Reason]]:
        """People and venues with more to do than time available, by the UIDs concerned."""
        problem = self.problem
        hours = problem.frame.day_hours()
        found: dict[str, list[_Reason]] = {}
        by_person: dict[str, list[_Item]] = {}
        by_venue: dict[str, list[_Item]] = {}
        for item in problem.items.values():
            for person in item.speakers:
                by_person.setdefault(person, []).append(item)
            if len(item.venues) == 1:
                by_venue.setdefault(item.venues[0], []).append(item)
        checks: list[tuple[str, list[_Item], list[Span], str]] = []
        for person, items in by_person.items():
            free = problem.free_person.get(person)
            if free is None:
                continue
            checks.append(("person", items, free, self._person(person)))
        for vid, items in by_venue.items():
            free = problem.free_venue.get(vid)
            if free is None:
                continue
            checks.append(("venue", items, free, self._venue(vid)))
        for kind, items, free, name in checks:
            movable = [i for i in items if i.movable]
            if not movable:
                continue
            fixed_steps = sum(b - a for i in items if not i.movable for a, b in i.fixed)
            window = _intersect(free, merge([*hours, *(
                (float(a), float(b)) for i in items if not i.movable for a, b in i.fixed)]))
            available = sum(b - a for a, b in window)
            needed = fixed_steps + sum(i.length for i in movable)
            if needed <= available or available <= fixed_steps:
                # (With no time to spare at all, what fills it is the better reason, and
                # :meth:`blocked` names it.)
                continue
            lengths = {i.length for i in movable}
            minutes = self.step_minutes
            if len(lengths) == 1:
                what = msg_n("{n} event of {length}|{n} events of {length}", len(movable),
                             length=_duration(movable[0].length * minutes))
            else:
                what = msg("{count} events lasting {length} in all", count=len(movable),
                           length=_duration(sum(i.length for i in movable) * minutes))
            spare = _duration(max(0, available - fixed_steps) * minutes)
            reason: _Reason = (
                ("speaker_load", msg("{person} has {what} but is available for {free}",
                                     person=name, what=what, free=spare))
                if kind == "person" else
                ("venue_load", msg("{venue} is needed for {what} but is available for {free}",
                                   venue=name, what=what, free=spare)))
            for item in movable:
                found.setdefault(item.uid, []).append(reason)
        return found

    def blocked(self, item: _Item, after: Programme) -> list[_Reason]:
        """Relax and explain: each start ``item`` could have (its length, availability,
        capacity and the days allow it) is tried against the plan carried out (``after``),
        and what stands in its way is sorted by family: the venue booked, a speaker busy,
        a speaker's trip from or to another venue. A family that blocks every start is the
        reason; a start that only travel blocks names the trip."""
        problem, frame = self.problem, self.problem.frame
        venue_busy: dict[str, list[tuple[int, int, str]]] = {}
        person_busy: dict[str, list[tuple[int, int, str, str]]] = {}
        for occ in expand_all(after, (e for e in after.events.values()
                                      if e.status != "cancelled" and e.uid != item.uid
                                      and e.uid != item.source)):
            here = occ.event
            if here.status == "cancelled":
                continue
            a, b = frame.floor(occ.start.timestamp()), frame.ceil(occ.end.timestamp())
            if b <= 0 or a >= frame.horizon:
                continue
            name = quoted(here.title.get(self.lang), self.lang)
            if here.venue not in problem.placeholders:
                venue_busy.setdefault(here.venue, []).append((a, b, name))
            for person in here.speakers:
                if person in item.speakers:
                    person_busy.setdefault(person, []).append((a, b, here.venue, name))
        title = self._event_title(item.uid)
        length = _duration(item.length * self.step_minutes)
        tried = 0
        venue_blocks: dict[str, int] = {}
        person_blocks: dict[str, int] = {}
        blockers: dict[tuple[str, str], dict[str, None]] = {}
        travel: _Reason | None = None
        for vid, spans in sorted(item.starts.items()):
            for lo, hi in spans:
                for step in range(int(lo), int(hi) + 1):
                    tried += 1
                    end = step + item.length
                    hit = False
                    for a, b, name in venue_busy.get(vid, ()):
                        if a < end and step < b:
                            venue_blocks[vid] = venue_blocks.get(vid, 0) + 1
                            blockers.setdefault(("venue", vid), {})[name] = None
                            hit = True
                            break
                    trip_only: tuple[str, str, str, int] | None = None
                    for person in item.speakers:
                        busy_here = False
                        for a, b, other, name in person_busy.get(person, ()):
                            if a < end and step < b:
                                busy_here = True
                                blockers.setdefault(("person", person), {})[name] = None
                                break
                            trip = problem.trip(vid, other)
                            if trip and a - trip < end and step < b + trip and trip_only is None:
                                trip_only = (person, other, name, trip)
                        if busy_here:
                            person_blocks[person] = person_blocks.get(person, 0) + 1
                            hit = True
                    if trip_only is not None and not hit and travel is None:
                        person, other, name, trip = trip_only
                        travel = ("travel", msg(
                            "{person} needs {trip} to travel between {venue} and {other_venue}, "
                            "so {event} does not fit beside {other_event}",
                            person=self._person(person),
                            trip=_duration(trip * self.step_minutes), venue=self._venue(vid),
                            other_venue=self._venue(other), event=title, other_event=name))
                        hit = True
                    elif trip_only is not None:
                        hit = True
                    if not hit:
                        return [("time_limit", msg(
                            "a time was free for {event}, but the search ran out of time "
                            "before placing it (a longer time limit may place it)",
                            event=title))]
        if travel is not None:
            return [travel]
        found: list[_Reason] = []
        for person in item.speakers:
            if tried and person_blocks.get(person, 0) == tried:
                found.append(("speaker_busy", msg(
                    "{person} is busy whenever available for {length}, as {event} needs: "
                    "{events}", person=self._person(person), length=length, event=title,
                    events=self._names(blockers.get(("person", person), {})))))
        told = {name for person in item.speakers if person_blocks.get(person, 0) == tried
                for name in blockers.get(("person", person), {})}
        for vid in item.starts:
            # The speaker's own events that also fill the venue are told once, as theirs.
            if tried and venue_blocks.get(vid, 0) == tried and not set(
                    blockers.get(("venue", vid), {})) <= told:
                found.append(("venue_booked", msg(
                    "{venue} is booked whenever it is open for {length}, as {event} needs: "
                    "{events}", venue=self._venue(vid), length=length, event=title,
                    events=self._names(blockers.get(("venue", vid), {})))))
        if found or not tried:
            return found
        # No one thing: at each start, one or another of its speakers or venues is taken.
        names: dict[str, None] = {}
        for group in blockers.values():
            names.update(group)
        cause: Cause = ("speaker_busy" if sum(person_blocks.values())
                        >= sum(venue_blocks.values()) else "venue_booked")
        return [(cause, msg("every time that fits its length and availability clashes with "
                            "other events: {events}", events=self._names(names)))]

    def _names(self, names: dict[str, None]) -> str:
        listed = list(names)
        return ", ".join(listed[:4]) + (", \u2026" if len(listed) > 4 else "")

    def _day(self, moment: datetime) -> str:
        return Phrases(self.lang, self.programme.zone).day(moment.astimezone(
            self.programme.zone))

    def _event_title(self, uid: str) -> str:
        return quoted(_title(self.programme, uid, self.lang), self.lang)

    def _person(self, pid: str) -> str:
        person = self.programme.people.get(pid)
        return person.name if person is not None else pid

    def _venue(self, vid: str) -> str:
        venue = self.programme.venues.get(vid)
        return venue.name.get(self.lang) if venue is not None else vid

# ---------------------------------------------------------------------------------------------
# The CP-SAT model


def solve(
    programme: Programme,
    options: SolveOptions | None = None,
    *,
    lang: Lang = "en",
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Plan:
    """A plan for ``programme`` (which is not changed): see the module doc.

    Names and titles in the reasons are in ``lang``. ``progress(fraction)`` is called with
    the share of the time limit used whenever a better plan is found; ``cancelled()``
    returning true stops the search at the next such moment, and the best plan found so far
    is returned.
    """
    options = options or SolveOptions()
    started = clock.monotonic()
    deadline = started + options.time_limit
    # First only the placed events that have a hard clash may move: the fewest changes, and
    # a small model. Only when sessions are left over may every placed event move.
    clashing = {uid for clash in find_clashes(programme) for uid in clash.events}
    rounds = [clashing] if options.keep_placed else [clashing, None]
    plan = Plan()
    for n, may_move in enumerate(rounds):
        problem = _Problem(programme, options, may_move)
        explainer = _Explainer(problem, lang)
        reasons: dict[str, list[_Reason]] = {}
        for item in problem.items.values():
            found = explainer.event_reasons(item)
            if found:
                reasons[item.uid] = found
        # What follows the search (the explanations, the check of the plan) needs a moment
        # of the limit too.
        remaining = max(0.1, deadline - clock.monotonic() - min(2.0, 0.1 * options.time_limit))
        attempt = _Model(problem, set(reasons)).solve(remaining, progress, cancelled, started)
        if n == 0 or len(attempt.unplaced) < len(plan.unplaced) or plan.status in (
                "infeasible", "unknown"):
            plan = attempt
        if attempt.status in ("optimal", "feasible") and not attempt.unplaced or (
                cancelled is not None and cancelled()) or clock.monotonic() >= deadline:
            break
        if not any(uid in problem.sessions for uid in (u.uid for u in attempt.unplaced)) \
                and attempt.status in ("optimal", "feasible"):
            break
    loads = explainer.load_reasons()
    after = apply_to_copy(programme, plan)
    searched = plan.status in ("optimal", "feasible")
    for unplaced in plan.unplaced:
        if unplaced.uid not in reasons:
            found = loads.get(unplaced.uid) or (
                explainer.blocked(problem.items[unplaced.uid], after) if searched else [])
            reasons[unplaced.uid] = found or list(zip(unplaced.causes, unplaced.reasons,
                                                      strict=True))
    # What the plan leaves wrong: sessions it could not place, and placed events that stay
    # with a clash (they could not move, or were kept in place), each with its clashes.
    left: dict[str, list[_Reason]] = {}
    for clash in find_clashes(after, lang):
        for uid in clash.events:
            left.setdefault(uid, []).append(("clash", msg("stays as it is: {clash}",
                                                          clash=clash.message)))
    wrong = []
    for uid in sorted(reasons.keys() | left.keys()):
        if uid in after.unscheduled:
            told = reasons.get(uid, [])
        elif uid in left:
            told = [*reasons.get(uid, ()), *left[uid]]
        else:
            continue
        wrong.append(Unplaced(uid, tuple(m for _, m in told), tuple(c for c, _ in told)))
    plan.unplaced = wrong
    plan.score = score(programme, plan)
    plan.seconds = clock.monotonic() - started
    return plan


def _closed_ranges(ranges: Iterable[tuple[float, float]]) -> list[list[int]]:
    """Closed integer ranges [a, b] of starts, sorted and joined where they meet."""
    result: list[list[int]] = []
    for a, b in sorted((int(a), int(b)) for a, b in ranges):
        if result and a <= result[-1][1] + 1:
            result[-1][1] = max(result[-1][1], b)
        else:
            result.append([a, b])
    return result


class _Model:
    """The CP-SAT model of one problem (see the module doc for what it says)."""

    def __init__(self, problem: _Problem, hopeless: set[str]) -> None:
        self.problem = problem
        self.model = cp_model.CpModel()
        self.hopeless = hopeless
        self.variable = [i for i in problem.items.values()
                         if i.movable and i.uid not in hopeless]
        self.starts: dict[str, cp_model.IntVar] = {}
        self.ends: dict[str, cp_model.IntVar] = {}
        self.present: dict[str, cp_model.IntVar] = {}
        self.venue_lits: dict[str, dict[str, cp_model.IntVar]] = {}
        self.objective: list[cp_model.LinearExprT] = []
        self._build()

    def blocks(self, item: _Item) -> list[tuple[int, int]]:
        """Where an item that does not move takes time, in steps."""
        if item.fixed:
            return item.fixed
        if item.origin is not None and item.uid not in self.problem.sessions:
            return [(item.origin, item.origin + item.length)]
        return []

    def _build(self) -> None:
        problem, model = self.problem, self.model
        frame = problem.frame
        fixed_by_venue: dict[str, list[Span]] = {}
        fixed_by_person: dict[str, list[tuple[int, int, str]]] = {}
        fixed_by_track: dict[str, list[Span]] = {}
        for item in problem.items.values():
            if item in self.variable:
                continue
            for a, b in self.blocks(item):
                if item.venues[0] not in problem.placeholders:
                    fixed_by_venue.setdefault(item.venues[0], []).append((a, b))
                fixed_by_track.setdefault(item.track, []).append((a, b))
                for person in item.speakers:
                    fixed_by_person.setdefault(person, []).append((a, b, item.venues[0]))
        by_venue: dict[str, list[cp_model.IntervalVar]] = {}
        person_items: dict[str, list[str]] = {}
        for item in self.variable:
            uid = item.uid
            domain = cp_model.Domain.from_intervals(
                _closed_ranges(r for spans in item.starts.values() for r in spans))
            start = model.new_int_var_from_domain(domain, f"s[{uid}]")
            end = model.new_int_var(0, frame.horizon + item.length, f"e[{uid}]")
            model.add(end == start + item.length)
            # Every event in the model is optional, so that a plan always exists and the
            # search maximises what it places: a session left out stays unscheduled, a
            # placed event left out stays where it is (with the clash it has), and each is
            # explained afterwards (relax and explain).
            present = model.new_bool_var(f"p[{uid}]")
            self.objective.append(WEIGHT_UNPLACED * (1 - present))
            self.starts[uid], self.ends[uid], self.present[uid] = start, end, present
            choices: dict[str, cp_model.IntVar] = {}
            if len(item.starts) == 1:
                choices[next(iter(item.starts))] = present
            else:
                for vid, spans in item.starts.items():
                    chosen = model.new_bool_var(f"v[{uid},{vid}]")
                    model.add_linear_expression_in_domain(
                        start, cp_model.Domain.from_intervals(_closed_ranges(spans))
                    ).only_enforce_if(chosen)
                    choices[vid] = chosen
                model.add(sum(choices.values()) == present)
            self.venue_lits[uid] = choices
            for vid, chosen in choices.items():
                if vid in problem.placeholders:
                    continue  # "To be announced" is no room: nothing clashes there
                by_venue.setdefault(vid, []).append(model.new_optional_interval_var(
                    start, item.length, end, chosen, f"i[{uid},{vid}]"))
            for person in item.speakers:
                person_items.setdefault(person, []).append(uid)
            if uid not in problem.sessions and item.origin is not None:
                moved = model.new_bool_var(f"m[{uid}]")
                model.add(start == item.origin).only_enforce_if([~moved, present])
                model.add_implication(moved, present)
                model.add(start != item.origin).only_enforce_if(moved)
                self.objective.append(WEIGHT_MOVE * moved)
        # Venues: no overlap. Fixed blocks are merged first, so that fixed events which
        # clash among themselves do not make the whole model infeasible.
        for vid, intervals in by_venue.items():
            fixed = [model.new_fixed_size_interval_var(int(a), int(b - a), f"f[{vid},{n}]")
                     for n, (a, b) in enumerate(merge(fixed_by_venue.get(vid, [])))]
            model.add_no_overlap(intervals + fixed)
        # People: of two events of one person, one ends, plus the trip, before the other.
        for person, uids in person_items.items():
            for n, u in enumerate(uids):
                for w in uids[n + 1:]:
                    self._apart(u, w)
                for a, b, vid in fixed_by_person.get(person, []):
                    self._apart_from_block(u, a, b, vid)
        self._stays(person_items)
        self._soft_goals(fixed_by_track)
        model.minimize(sum(self.objective))
        self._hints()

    def _apart(self, u: str, w: str) -> None:
        model = self.model
        first = model.new_bool_var(f"o[{u},{w}]")
        both = [self.present[u], self.present[w]]
        for vu, lu in self.venue_lits[u].items():
            for vw, lw in self.venue_lits[w].items():
                trip = self.problem.trip(vu, vw)
                model.add(self.starts[w] >= self.ends[u] + trip).only_enforce_if(
                    [first, lu, lw, *both])
                model.add(self.starts[u] >= self.ends[w] + trip).only_enforce_if(
                    [~first, lu, lw, *both])

    def _apart_from_block(self, u: str, a: int, b: int, vid: str, *,
                          only_in: str | None = None,
                          unless: cp_model.IntVar | None = None) -> None:
        """``u`` keeps clear of the block ``[a, b)`` in venue ``vid`` (with the trip from or
        to it); ``only_in``: only where ``u`` is in that venue; ``unless``: not when that
        literal holds."""
        model = self.model
        before = model.new_bool_var(f"b[{u},{a},{vid}]")
        when = [] if unless is None else [~unless]
        for vu, lu in self.venue_lits[u].items():
            if only_in is not None and vu != only_in:
                continue
            trip = self.problem.trip(vu, vid)
            model.add(self.ends[u] + trip <= a).only_enforce_if([before, lu, *when])
            model.add(self.starts[u] >= b + trip).only_enforce_if([~before, lu, *when])

    def _stays(self, person_items: dict[str, list[str]]) -> None:
        """A placed event left out of the plan stays where it is: what the plan places or
        moves keeps clear of it there, in its venue and for its speakers (the clash it
        already has with what does not move is what it is left out for)."""
        problem = self.problem
        by_venue: dict[str, list[str]] = {}
        for item in self.variable:
            for vid in self.venue_lits[item.uid]:
                by_venue.setdefault(vid, []).append(item.uid)
        for item in self.variable:
            if item.uid in problem.sessions or item.origin is None:
                continue
            a, b = item.origin, item.origin + item.length
            vid = item.venues[0]
            stays = self.present[item.uid]
            others: dict[str, str | None] = {}
            if vid not in problem.placeholders:
                for uid in by_venue.get(vid, ()):
                    others[uid] = vid
            for person in item.speakers:
                for uid in person_items.get(person, ()):
                    others[uid] = None  # in any venue, with the trip
            for uid in others:
                if uid == item.uid or not self._may_meet(uid, a, b, vid):
                    continue
                self._apart_from_block(uid, a, b, vid, only_in=others[uid], unless=stays)

    def _may_meet(self, uid: str, a: int, b: int, vid: str) -> bool:
        """Whether ``uid`` could come near the block ``[a, b)`` in ``vid`` at all (most
        events cannot: other days), so that no constraint is made for nothing."""
        item = self.problem.items[uid]
        for vu, spans in item.starts.items():
            trip = self.problem.trip(vu, vid)
            if any(lo < b + trip and a - trip < hi + item.length for lo, hi in spans):
                return True
        return False

    def _soft_goals(self, fixed_by_track: dict[str, list[Span]]) -> None:
        problem, model = self.problem, self.model
        # A track does not clash with itself: every variable event takes part in its
        # track's no-overlap unless it pays to leave it out.
        by_track: dict[str, list[cp_model.IntervalVar]] = {}
        for item in self.variable:
            uid = item.uid
            inside = model.new_bool_var(f"t[{uid}]")
            model.add_implication(inside, self.present[uid])
            by_track.setdefault(item.track, []).append(model.new_optional_interval_var(
                self.starts[uid], item.length, self.ends[uid], inside, f"ti[{uid}]"))
            self.objective.append(WEIGHT_TRACK * (self.present[uid] - inside))
        for track, intervals in by_track.items():
            fixed = [model.new_fixed_size_interval_var(int(a), int(b - a), f"tf[{track},{n}]")
                     for n, (a, b) in enumerate(merge(fixed_by_track.get(track, [])))]
            model.add_no_overlap(intervals + fixed)
        # Sessions spread over the days: the busiest day is kept light.
        frame = problem.frame
        programme = problem.programme
        day_starts = [frame.floor(datetime.combine(d, time(0), frame.zone).timestamp())
                      for d in programme.days] + [frame.horizon]
        counts = [0] * len(programme.days)
        for item in problem.items.values():
            if item in self.variable or item.uid in problem.sessions:
                continue
            event = problem.events[item.source or item.uid]
            if event.recurrence is None and not event.overrides and not event.all_day:
                day = _day_of(programme, event.start)
                if 0 <= day < len(counts):
                    counts[day] += 1
        per_day: list[list[cp_model.IntVar]] = [[] for _ in programme.days]
        for item in self.variable:
            lits = []
            for d in range(len(programme.days)):
                lo, hi = day_starts[d], day_starts[d + 1] - 1
                if not any(a <= hi and b >= lo for spans in item.starts.values()
                           for a, b in spans):
                    continue
                on = model.new_bool_var(f"d[{item.uid},{d}]")
                model.add_linear_constraint(self.starts[item.uid], lo, hi).only_enforce_if(on)
                lits.append(on)
                per_day[d].append(on)
            model.add(sum(lits) == self.present[item.uid])
        busiest = model.new_int_var(0, len(problem.items), "busiest")
        for d, lits in enumerate(per_day):
            model.add(busiest >= counts[d] + sum(lits))
        self.objective.append(WEIGHT_SPREAD * busiest)

    def _hints(self) -> None:
        # Start from where things are, and from the baseline's places for the sessions.
        problem = self.problem
        for item in self.variable:
            if item.origin is not None and item.uid not in problem.sessions:
                self.model.add_hint(self.starts[item.uid], item.origin)
                self.model.add_hint(self.present[item.uid], True)
        for uid, (step, vid) in _greedy_steps(problem, self.hopeless).items():
            if uid not in self.starts:
                continue
            self.model.add_hint(self.starts[uid], step)
            self.model.add_hint(self.present[uid], True)
            for other, chosen in self.venue_lits[uid].items():
                if chosen is not self.present[uid]:
                    self.model.add_hint(chosen, other == vid)

    def solve(self, limit: float, progress: Callable[[float], None] | None,
              cancelled: Callable[[], bool] | None, started: float) -> Plan:
        """Search for ``limit`` seconds; ``started``: the moment the caller began (the
        first complete plan is timed from it)."""
        options = self.problem.options
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.1, limit)
        solver.parameters.num_workers = max(1, options.workers)
        solver.parameters.random_seed = options.seed
        first = _FirstComplete(self, started)
        watch = _Watch(solver, limit, progress, cancelled)
        watch.start()
        try:
            status = solver.solve(self.model, first)
        finally:
            watch.stop()
        names: dict[object, PlanStatus] = {cp_model.OPTIMAL: "optimal",
                                           cp_model.FEASIBLE: "feasible",
                                           cp_model.INFEASIBLE: "infeasible"}
        plan = Plan(status=names.get(status, "unknown"))
        if first.found is not None and not self.hopeless:
            plan.first_complete = first.found
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            # No plan at all: every event in the model is optional, so only a search cut
            # short (the time limit, a cancel) ends here.
            verdict = msg("no plan was found within the time limit")
            plan.unplaced = [Unplaced(i.uid, (verdict,), ("time_limit",))
                             for i in self.variable]
            return plan
        for item in self.variable:
            if not solver.value(self.present[item.uid]):
                plan.unplaced.append(Unplaced(item.uid, (msg(
                    "every time that fits its length and availability clashes with other "
                    "events"),), ("clash",)))
                continue
            step = solver.value(self.starts[item.uid])
            vid = next(v for v, lit in self.venue_lits[item.uid].items() if solver.value(lit))
            _add_placement(plan, self.problem, item, step, vid)
        return plan

    def placements(self, value: Callable[[cp_model.IntVar], int]) -> list[tuple[_Item, int, str]]:
        """Where each present event is in a solution (``value`` reads a variable)."""
        found = []
        for item in self.variable:
            if value(self.present[item.uid]):
                vid = next(v for v, lit in self.venue_lits[item.uid].items() if value(lit))
                found.append((item, value(self.starts[item.uid]), vid))
        return found


@dataclass(frozen=True, slots=True)
class FirstComplete:
    """The first plan the search found that places every event without a hard clash: when
    (seconds after the search began) and its changes, so that a caller can check it."""

    seconds: float
    placements: tuple[Placement, ...]


class _FirstComplete(cp_model.CpSolverSolutionCallback):
    """Notes the first solution that leaves nothing out (its objective is below the cost
    of one event left out): the moment a plan without hard clash exists."""

    def __init__(self, model: _Model, started: float) -> None:
        super().__init__()
        self._model = model
        self._started = started
        self.found: FirstComplete | None = None

    def on_solution_callback(self) -> None:
        if self.found is not None or self.objective_value >= WEIGHT_UNPLACED:
            return
        seconds = clock.monotonic() - self._started
        plan = Plan()
        for item, step, vid in self._model.placements(self.value):
            _add_placement(plan, self._model.problem, item, step, vid)
        self.found = FirstComplete(seconds, tuple(plan.placements))


class _Watch:
    """A thread beside the search: reports the share of the time used, and stops the search
    when the caller cancels (the search itself gives no word while it looks)."""

    def __init__(self, solver: cp_model.CpSolver, limit: float,
                 progress: Callable[[float], None] | None,
                 cancelled: Callable[[], bool] | None) -> None:
        self._solver = solver
        self._limit = max(limit, 0.1)
        self._progress = progress
        self._cancelled = cancelled
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="solver-watch", daemon=True)

    def start(self) -> None:
        if self._progress is not None or self._cancelled is not None:
            self._thread.start()

    def stop(self) -> None:
        self._done.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        started = clock.monotonic()
        while not self._done.wait(0.1):
            if self._progress is not None:
                try:
                    self._progress(min(1.0, (clock.monotonic() - started) / self._limit))
                except Exception:  # the caller's way of saying stop (a cancelled task)
                    self._solver.stop_search()
                    return
            if self._cancelled is not None and self._cancelled():
                self._solver.stop_search()
                return


def _add_placement(plan: Plan, problem: _Problem, item: _Item, step: int, vid: str) -> None:
    frame = problem.frame
    if item.uid in problem.sessions:
        session = problem.sessions[item.uid]
        start = frame.instant(step)
        end = (start.replace(tzinfo=None) + session.duration).replace(tzinfo=start.tzinfo)
        plan.placements.append(Placement(item.uid, start, end, vid))
        return
    event = problem.events[item.uid]
    if step == item.origin and vid == event.venue:
        return
    start = frame.instant(step).astimezone(event.zone)
    end = (start.replace(tzinfo=None) + event.duration).replace(tzinfo=start.tzinfo)
    plan.placements.append(Placement(item.uid, start, end, vid, event.start, event.venue))


# ---------------------------------------------------------------------------------------------
# The greedy baseline


def _greedy_steps(problem: _Problem, hopeless: set[str]) -> dict[str, tuple[int, str]]:
    """First fit for the sessions, most constrained first; placed events stay. Returns the
    start step and venue of each session it could place."""
    venue_busy: dict[str, list[Span]] = {}
    person_busy: dict[str, list[tuple[int, int, str]]] = {}

    def block(uid: str, a: int, b: int, vid: str, speakers: Iterable[str]) -> None:
        if vid not in problem.placeholders:
            venue_busy.setdefault(vid, []).append((a, b))
        for person in speakers:
            person_busy.setdefault(person, []).append((a, b, vid))

    for item in problem.items.values():
        if item.uid in problem.sessions:
            continue
        for a, b in item.fixed or ([(item.origin, item.origin + item.length)]
                                   if item.origin is not None else []):
            block(item.uid, a, b, item.venues[0], item.speakers)

    def fits(item: _Item, step: int, vid: str) -> bool:
        end = step + item.length
        if any(a < end and step < b for a, b in venue_busy.get(vid, ())):
            return False
        for person in item.speakers:
            for a, b, other in person_busy.get(person, ()):
                trip = problem.trip(vid, other)
                if a - trip < end and step < b + trip:
                    return False
        return True

    placed: dict[str, tuple[int, str]] = {}
    order = sorted((i for i in problem.items.values()
                    if i.uid in problem.sessions and i.uid not in hopeless and i.starts),
                   key=lambda i: (sum(b - a + 1 for s in i.starts.values() for a, b in s),
                                  -i.length, i.uid))
    for item in order:
        best: tuple[int, str] | None = None
        for vid, spans in item.starts.items():
            for lo, hi in spans:
                for step in range(int(lo), int(hi) + 1):
                    if best is not None and step >= best[0]:
                        break
                    if fits(item, step, vid):
                        best = (step, vid)
                        break
        if best is not None:
            placed[item.uid] = best
            block(item.uid, best[0], best[0] + item.length, best[1], item.speakers)
    return placed


def greedy_plan(programme: Programme, options: SolveOptions | None = None) -> Plan:
    """The baseline: each session, most constrained first, at the earliest start that has
    no hard clash with what is placed; placed events are never moved (so clashes they have
    stay). For comparison only (``make bench``)."""
    options = options or SolveOptions()
    started = clock.monotonic()
    problem = _Problem(programme, options)
    placed = _greedy_steps(problem, set())
    plan = Plan(status="feasible")
    for uid, (step, vid) in sorted(placed.items()):
        _add_placement(plan, problem, problem.items[uid], step, vid)
    plan.unplaced = [Unplaced(uid, (msg("the baseline found no free time"),))
                     for uid in sorted(problem.sessions) if uid not in placed]
    plan.score = score(programme, plan)
    plan.seconds = clock.monotonic() - started
    return plan


def plan_as_json(programme: Programme, plan: Plan, lang: Lang = "en") -> dict[str, object]:
    """The ``schedule --json`` object."""
    from planner.i18n import render

    def local(value: datetime) -> str:
        return value.astimezone(programme.zone).replace(tzinfo=None).isoformat(
            timespec="minutes")

    return {
        "complete": plan.complete,
        "status": plan.status,
        "placed": [{"uid": p.uid, "start": local(p.start), "end": local(p.end),
                    "venue": p.venue} for p in plan.placed],
        "moved": [{"uid": p.uid, "start": local(p.start), "end": local(p.end),
                   "venue": p.venue, "from": local(p.old_start) if p.old_start else None,
                   "from_venue": p.old_venue} for p in plan.moves],
        "unplaced": [{"uid": u.uid, "title": _title(programme, u.uid, lang),
                      "reasons": [render(r, lang) for r in u.reasons],
                      "causes": list(u.causes)}
                     for u in plan.unplaced],
        "score": {**dataclasses.asdict(plan.score), "total": plan.score.total},
        "seconds": round(plan.seconds, 3),
    }
