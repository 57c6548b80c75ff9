"""The scheduling assistant against the greedy baseline, in the same run.

1. A generated festival: 300 sessions (100 placed, a few of them clashing, and 200
   unscheduled, a third without a venue), 20 venues (some open only in the evening, some
   with a blocked hour for set-up), 8 days, 150 speakers who are mostly in town for two or
   three days. The CP-SAT plan (30 s limit, 2 workers) against the greedy baseline: soft-goal
   score (lower is better), moves, and the hard clashes each leaves (``find_clashes``).
2. Seconds to the first plan without hard clash that the search meets (its solution
   callback, checked with ``find_clashes``), and to its final plan, as shares of the 30 s
   budget; the moves of the final plan against the baseline's.
3. The built-in programme (about 60 events) with ten of its events unscheduled: seconds
   for a plan, as a share of the 2 s budget.
"""

from __future__ import annotations

import dataclasses
import random
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bench.common import Result
from planner.conflicts import find_clashes
from planner.model import (
    Event,
    Person,
    Programme,
    Session,
    Texts,
    TimeWindow,
    Track,
    Venue,
    unschedule_event,
)
from planner.solver import Plan, SolveOptions, apply_to_copy, greedy_plan, solve

ZONE = ZoneInfo("Europe/Moscow")
FIRST_DAY = date(2019, 4, 3)


def build(sessions: int = 300, venues: int = 20, days: int = 8, speakers: int = 150,
          placed_share: float = 1 / 3, seed: int = 19) -> Programme:
    """The generated festival described in the module doc (deterministic for a seed)."""
    rng = random.Random(seed)
    programme = Programme(name=Texts.same("Solver bench"), timezone="Europe/Moscow",
                          first_day=FIRST_DAY, last_day=FIRST_DAY + timedelta(days=days - 1))
    for n in range(4):
        programme.tracks[f"t{n}"] = Track(f"t{n}", Texts.same(f"Track {n}"))

    def at(day: int, hour: float) -> datetime:
        return datetime.combine(FIRST_DAY + timedelta(days=day), datetime.min.time(),
                                ZONE) + timedelta(minutes=round(hour * 60))

    for n in range(venues):
        windows: tuple[TimeWindow, ...] = ()
        if n % 5 == 0:  # open only in the evening
            windows = tuple(TimeWindow(at(d, 14), at(d, 23)) for d in range(days))
        elif n % 7 == 0:  # an hour blocked for set-up each morning
            windows = tuple(TimeWindow(at(d, 9), at(d, 10), "blocked") for d in range(days))
        programme.venues[f"v{n}"] = Venue(
            f"v{n}", Texts.same(f"Venue {n}"), f"Street {n}", 59.88 + rng.random() * 0.12,
            30.22 + rng.random() * 0.2, rng.choice([60, 120, 200, 400]), windows)
    for n in range(speakers):
        windows = ()
        if rng.random() < 0.7:  # in town for two or three days
            first = rng.randrange(days - 2)
            windows = (TimeWindow(at(first, 8), at(first + rng.choice([2, 3]), 0)),)
            if rng.random() < 0.2:
                windows += (TimeWindow(at(first, 12.5), at(first, 14), "blocked"),)
        programme.people[f"p{n}"] = Person(f"p{n}", f"Speaker {n}", availability=windows)
    people = sorted(programme.people)
    placed_count = int(sessions * placed_share)
    for n in range(sessions):
        uid = f"s{n}@bench"
        minutes = rng.choice([30, 45, 60, 60, 90, 120])
        first_speaker = rng.choice(people)
        speakers_of: tuple[str, ...] = (first_speaker,)
        if rng.random() < 0.25:
            # Two speakers who are in town at the same time, as organisers would pair them.
            partners = [p for p in people if p != first_speaker
                        and _together(programme.people[p], programme.people[first_speaker])]
            if partners:
                speakers_of += (rng.choice(partners),)
        attendance = rng.choice([30, 50, 80, 150])
        track = f"t{rng.randrange(4)}"
        if n < placed_count:
            # Placed where the organisers put it: in hours, mostly fine, a few clashing.
            venue = f"v{rng.randrange(venues)}"
            day = rng.randrange(days)
            start = at(day, 10 + rng.randrange(0, 20) * 0.5)
            programme.events[uid] = Event(
                uid=uid, title=Texts.same(f"Talk {n}"), start=start,
                end=start + timedelta(minutes=minutes), track=track, venue=venue,
                speakers=speakers_of, attendance=attendance)
        else:
            programme.unscheduled[uid] = Session(
                uid=uid, title=Texts.same(f"Talk {n}"), duration=timedelta(minutes=minutes),
                track=track, venue="" if n % 3 == 0 else rng.choice(
                    [v.id for v in programme.venues.values()
                     if v.capacity is None or v.capacity >= attendance]),
                speakers=speakers_of, attendance=attendance)
    # Placed events whose speakers are not there then, or whose venue is too small, would
    # be hopeless from the start: keep the placed ones within their people's and venues'
    # means, as an organiser's draft would be, and let the solver mend the overlaps.
    for uid, event in list(programme.events.items()):
        venue = programme.venues[event.venue]
        if venue.capacity is not None and (event.attendance or 0) > venue.capacity:
            programme.events[uid] = dataclasses.replace(event, attendance=venue.capacity)
        event = programme.events[uid]
        if any(k.kind == "unavailable" for k in find_clashes(_only(programme, event))):
            unschedule_event(programme, uid)
    return programme


def _together(a: Person, b: Person) -> bool:
    """Whether two speakers share at least a day in town (or one of them has no limits)."""
    spans_a = [(w.start, w.end) for w in a.availability if w.kind == "available"]
    spans_b = [(w.start, w.end) for w in b.availability if w.kind == "available"]
    if not spans_a or not spans_b:
        return True
    return any(s1 < e2 - timedelta(hours=8) and s2 < e1 - timedelta(hours=8)
               for s1, e1 in spans_a for s2, e2 in spans_b)


def _only(programme: Programme, event: Event) -> Programme:
    copy = programme.copy()
    copy.events = {event.uid: event}
    return copy


def _describe(programme: Programme, plan: Plan) -> tuple[int, str]:
    after = apply_to_copy(programme, plan)
    clashes = len(find_clashes(after))
    return clashes, (f"score {plan.score.total} (moves {plan.score.moves}, track clashes "
                     f"{plan.score.track_clashes}, busiest day {plan.score.busiest_day}), "
                     f"{len(plan.placed)} placed, {len(plan.unplaced)} not, {clashes} hard "
                     f"clashes left, {plan.seconds:.1f} s")


def run(quick: bool = False) -> list[Result]:
    size = dict(sessions=60, venues=6, days=3, speakers=30) if quick else {}
    programme = build(**size)  # type: ignore[arg-type]
    before = len(find_clashes(programme))
    limit = 10.0 if quick else 30.0
    options = SolveOptions(time_limit=limit, workers=2)
    t0 = time.perf_counter()
    plan = solve(programme, options)
    seconds = time.perf_counter() - t0
    baseline = greedy_plan(programme, options)
    solver_clashes, solver_text = _describe(programme, plan)
    greedy_clashes, greedy_text = _describe(programme, baseline)
    # The first plan that places everything, as the search met it (its solution callback):
    # carried out and checked by the project's own clash check, not taken on trust.
    first = plan.first_complete
    first_clashes = (len(find_clashes(apply_to_copy(programme, Plan(list(first.placements)))))
                     if first is not None else None)
    first_ok = first is not None and first_clashes == 0
    first_moves = sum(1 for p in first.placements if p.is_move) if first is not None else 0
    results = [
        Result(
            f"solver, soft-goal score ({len(programme.events) + len(programme.unscheduled)} "
            f"sessions, {len(programme.venues)} venues, {len(programme.days)} days, "
            f"{len(programme.people)} speakers)",
            f"greedy baseline: {greedy_text}",
            plan.score.total / max(1, baseline.score.total), 1.0,
            f"solver: {solver_text}; the draft had {before} hard clashes",
        ),
        Result("solver, seconds to the first plan without hard clash (every session placed)"
               if first_ok else "solver, first plan without hard clash: NONE FOUND",
               f"the {limit:g} s budget",
               (first.seconds if first is not None else seconds) / limit, 1.0,
               f"{first.seconds:.1f} s, {len(first.placements)} changes ({first_moves} moves), "
               f"{first_clashes} hard clashes by `check`" if first is not None else
               f"no complete plan in {seconds:.1f} s"),
        Result("solver, seconds to its final plan" if solver_clashes == 0
               else "solver, seconds (final plan NOT free of hard clashes)",
               f"the {limit:g} s budget", seconds / limit, 1.0,
               f"{seconds:.1f} s, status {plan.status}; greedy {baseline.seconds:.2f} s with "
               f"{greedy_clashes} hard clashes left"),
        Result("solver, moves of its final plan",
               "the draft's hard clashes (each needs at least one move)",
               len(plan.moves) / max(1, before), None,
               f"{len(plan.moves)} moves for {before} hard clashes; the greedy baseline makes "
               f"{len(baseline.moves)} and leaves {greedy_clashes} hard clashes, since it "
               f"cannot move a clashing event"),
    ]
    from planner.builtin import load_builtin

    builtin = load_builtin()
    for uid in sorted(builtin.events)[::6][:10]:
        if builtin.events[uid].recurrence is None:
            unschedule_event(builtin, uid)
    t0 = time.perf_counter()
    small = solve(builtin, SolveOptions(time_limit=30, workers=2))
    small_seconds = time.perf_counter() - t0
    small_clashes, small_text = _describe(builtin, small)
    results.append(Result(
        f"solver, built-in programme ({len(builtin.events)} placed, "
        f"{len(builtin.unscheduled)} unscheduled)", "the 2 s budget", small_seconds / 2, 1.0,
        f"{small_seconds:.2f} s, status {small.status}: {small_text}"))
    return results
