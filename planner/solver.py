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

When some event cannot be placed without a hard clash, :func:`solve` says why in words a
person understands. Simple necessary conditions are checked first, per event (no start at
all fits its length, availability and the days), per person and per venue (more to do than
time available); the solver's own verdict stands in where none of them tells.

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
from planner.i18n import Message, msg
from planner.model import (
    Event,
    Lang,
    Programme,
    ProgrammeError,
    Session,
    move_event,
    schedule_session,
)
from planner.recurrence import expand, occurrences

PlanStatus = Literal["optimal", "feasible", "infeasible", "unknown"]

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
    event, which then stays where it is), with the reasons."""

    uid: str
    reasons: tuple[Message, ...]


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


class _Explainer:
    """Necessary conditions that a plan cannot meet, in words (see the module doc)."""

    def __init__(self, problem: _Problem, lang: Lang) -> None:
        self.problem = problem
        self.programme = problem.programme
        self.lang = lang
        self.step_minutes = problem.options.step_minutes

    def event_reasons(self, item: _Item) -> list[Message]:
        """Why ``item`` has no start at all, or nothing when it has one."""
        if item.starts or not item.movable:
            return []
        programme, problem = self.programme, self.problem
        title = self._event_title(item.uid)
        length = _duration(item.length * self.step_minutes)
        if not item.venues:
            if item.attendance is not None:
                return [msg("{event} expects {attendance} people, but no venue holds that many",
                            event=title, attendance=item.attendance)]
            return [msg("{event} has no venue, and the programme has none to choose from",
                        event=title)]
        reasons: list[Message] = []
        for vid in item.venues:
            venue = programme.venues.get(vid)
            if (venue is not None and venue.capacity is not None and item.attendance is not None
                    and item.attendance > venue.capacity):
                reasons.append(msg("{event} expects {attendance} people, but {venue} holds "
                                   "{capacity}", event=title, attendance=item.attendance,
                                   venue=self._venue(vid), capacity=venue.capacity))
        if reasons and len(reasons) == len(item.venues):
            return reasons
        hours = problem.frame.day_hours()
        longest_day = max((b - a for a, b in hours), default=0)
        if item.length > longest_day:
            return [msg("{event} lasts {length}, longer than the planning hours of a day "
                        "({start} to {end})", event=title, length=length,
                        start=f"{problem.options.day_start:%H:%M}",
                        end=f"{problem.options.day_end:%H:%M}")]
        for person in item.speakers:
            free = _intersect(problem.free_person.get(person, [(0.0, 1e12)]), hours)
            if not _starts_within(free, item.length):
                reasons.append(msg("{person} is never available for {length} at a stretch "
                                   "during the programme's planning hours, as {event} needs",
                                   person=self._person(person), length=length, event=title))
        if len(item.venues) == 1:
            vid = item.venues[0]
            free = _intersect(problem.free_venue.get(vid, [(0.0, 1e12)]), hours)
            if not _starts_within(free, item.length):
                reasons.append(msg("{venue} is never available for {length} at a stretch "
                                   "during the programme's planning hours, as {event} needs",
                                   venue=self._venue(vid), length=length, event=title))
        if not reasons:
            names = [self._person(p) for p in item.speakers]
            reasons.append(msg("{event} needs {length} when {who} and a venue are all "
                               "available, and there is no such time", event=title,
                               length=length, who=", ".join(names) or "—"))
        return reasons

    def load_reasons(self) -> dict[str, list[Message]]:
        """People and venues with more to do than time available, by the UIDs concerned."""
        problem = self.problem
        hours = problem.frame.day_hours()
        found: dict[str, list[Message]] = {}
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
            if needed <= available:
                continue
            lengths = {i.length for i in movable}
            minutes = self.step_minutes
            if len(lengths) == 1:
                what = msg("{count} events of {length}", count=len(movable),
                           length=_duration(movable[0].length * minutes))
            else:
                what = msg("{count} events lasting {length} in all", count=len(movable),
                           length=_duration(sum(i.length for i in movable) * minutes))
            if kind == "person":
                reason = msg("{person} has {what} but is available for {free}", person=name,
                             what=what, free=_duration(max(0, available - fixed_steps)
                                                       * minutes))
            else:
                reason = msg("{venue} is needed for {what} but is available for {free}",
                             venue=name, what=what,
                             free=_duration(max(0, available - fixed_steps) * minutes))
            for item in movable:
                found.setdefault(item.uid, []).append(reason)
        return found

    def crowded_out(self, item: _Item, after: Programme) -> list[Message]:
        """Why a session that could fit on its own found no place in the plan: the people
        or the venue it needs are busy, at every time they are available, with the events
        named (those that stay, and those the plan puts there)."""
        problem, frame = self.problem, self.problem.frame
        hours = frame.day_hours()
        length = _duration(item.length * self.step_minutes)
        title = self._event_title(item.uid)
        found: list[Message] = []
        owners: list[tuple[str, str]] = [("person", p) for p in item.speakers]
        if len(item.venues) == 1:
            owners.append(("venue", item.venues[0]))
        for kind, owner in owners:
            free = (problem.free_person if kind == "person" else problem.free_venue).get(
                owner, [(0.0, float(frame.horizon))])
            window = _intersect(free, hours)
            busy: list[Span] = []
            names: list[tuple[datetime, str]] = []
            for event in after.events.values():
                if event.status == "cancelled" or event.uid == item.uid:
                    continue
                if owner not in (event.speakers if kind == "person" else (event.venue,)):
                    continue
                a, b = frame.floor(event.start.timestamp()), frame.ceil(event.end.timestamp())
                if any(x < b and a < y for x, y in window):
                    busy.append((float(a), float(b)))
                    names.append((event.start, f"\u201c{event.title.get(self.lang)}\u201d"))
            if not names or _starts_within(subtract(window, merge(busy)), item.length):
                continue
            events = ", ".join(name for _, name in sorted(names)[:4]) + (
                ", \u2026" if len(names) > 4 else "")
            if kind == "person":
                found.append(msg("{person} is busy whenever available for {length}, as {event} "
                                 "needs: {events}", person=self._person(owner), length=length,
                                 event=title, events=events))
            else:
                found.append(msg("{venue} is booked whenever it is open for {length}, as "
                                 "{event} needs: {events}", venue=self._venue(owner),
                                 length=length, event=title, events=events))
        return found

    def _event_title(self, uid: str) -> str:
        return f"\u201c{_title(self.programme, uid, self.lang)}\u201d"

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
        reasons: dict[str, list[Message]] = {}
        for item in problem.items.values():
            found = explainer.event_reasons(item)
            if found:
                reasons[item.uid] = found
        # What follows the search (the explanations, the check of the plan) needs a moment
        # of the limit too.
        remaining = max(0.1, deadline - clock.monotonic() - min(2.0, 0.1 * options.time_limit))
        attempt = _Model(problem, set(reasons)).solve(remaining, progress, cancelled)
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
    for unplaced in plan.unplaced:
        if unplaced.uid not in reasons:
            reasons[unplaced.uid] = (loads.get(unplaced.uid)
                                     or explainer.crowded_out(problem.items[unplaced.uid], after)
                                     or list(unplaced.reasons))
    # What the plan leaves wrong: sessions it could not place, and placed events that stay
    # with a clash (they could not move, or were kept in place), each with its clashes.
    left: dict[str, list[Message]] = {}
    for clash in find_clashes(after, lang):
        for uid in clash.events:
            left.setdefault(uid, []).append(msg("stays as it is: {clash}",
                                                clash=clash.message))
    wrong = []
    for uid in sorted(reasons.keys() | left.keys()):
        if uid in after.unscheduled:
            wrong.append(Unplaced(uid, tuple(reasons.get(uid, ()))))
        elif uid in left:
            wrong.append(Unplaced(uid, (*reasons.get(uid, ()), *left[uid])))
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
            if uid in problem.sessions:
                present = model.new_bool_var(f"p[{uid}]")
                self.objective.append(WEIGHT_UNPLACED * (1 - present))
            else:
                present = model.new_constant(1)
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
                model.add(start == item.origin).only_enforce_if(~moved)
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

    def _apart_from_block(self, u: str, a: int, b: int, vid: str) -> None:
        model = self.model
        before = model.new_bool_var(f"b[{u},{a}]")
        for vu, lu in self.venue_lits[u].items():
            trip = self.problem.trip(vu, vid)
            model.add(self.ends[u] + trip <= a).only_enforce_if([before, lu])
            model.add(self.starts[u] >= b + trip).only_enforce_if([~before, lu])

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
        for uid, (step, vid) in _greedy_steps(problem, self.hopeless).items():
            if uid not in self.starts:
                continue
            self.model.add_hint(self.starts[uid], step)
            self.model.add_hint(self.present[uid], True)
            for other, chosen in self.venue_lits[uid].items():
                if chosen is not self.present[uid]:
                    self.model.add_hint(chosen, other == vid)

    def solve(self, limit: float, progress: Callable[[float], None] | None,
              cancelled: Callable[[], bool] | None) -> Plan:
        options = self.problem.options
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.1, limit)
        solver.parameters.num_workers = max(1, options.workers)
        solver.parameters.random_seed = options.seed
        watch = _Watch(solver, limit, progress, cancelled)
        watch.start()
        try:
            status = solver.solve(self.model)
        finally:
            watch.stop()
        names: dict[object, PlanStatus] = {cp_model.OPTIMAL: "optimal",
                                           cp_model.FEASIBLE: "feasible",
                                           cp_model.INFEASIBLE: "infeasible"}
        plan = Plan(status=names.get(status, "unknown"))
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            # No plan at all. Every session is optional, so placed events that must move
            # (they clash) and cannot are the cause: each is named.
            verdict = (msg("no time fits it together with the events that must stay")
                       if status == cp_model.INFEASIBLE
                       else msg("no plan was found within the time limit"))
            plan.unplaced = [Unplaced(i.uid, (verdict,)) for i in self.variable]
            return plan
        for item in self.variable:
            if not solver.value(self.present[item.uid]):
                plan.unplaced.append(Unplaced(item.uid, (msg(
                    "every time that fits its length and availability clashes with other "
                    "events"),)))
                continue
            step = solver.value(self.starts[item.uid])
            vid = next(v for v, lit in self.venue_lits[item.uid].items() if solver.value(lit))
            _add_placement(plan, self.problem, item, step, vid)
        return plan


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


def plan_as_json(programme: Programme, plan: Plan, lang: str = "en") -> dict[str, object]:
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
        "unplaced": [{"uid": u.uid, "reasons": [render(r, lang) for r in u.reasons]}
                     for u in plan.unplaced],
        "score": {**dataclasses.asdict(plan.score), "total": plan.score.total},
        "seconds": round(plan.seconds, 3),
    }
