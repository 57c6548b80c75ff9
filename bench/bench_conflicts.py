"""Clash checking at festival scale: 50,000 events in 300 venues with 5,000 speakers over
ten days, as a ratio to loading that programme from its file.

1. ``find_clashes`` on the whole programme against ``planner.store.open_programme``.
2. One edit (an event moved by half an hour) to the updated list of clashes, through
   ``ClashIndex.update`` and ``ClashIndex.clashes``, against loading.
3. One drag-preview question (``ClashIndex.clashes_for``), against loading.
"""

from __future__ import annotations

import dataclasses
import random
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.common import Result, best_of
from planner.conflicts import ClashIndex, find_clashes
from planner.model import Event, Person, Programme, Recurrence, Texts, Track, Venue
from planner.store import open_programme, save_new

ZONE = ZoneInfo("Europe/Moscow")
FIRST_DAY = date(2019, 4, 3)
DAYS = 10


def build(events: int, venues: int, speakers: int, seed: int = 5) -> Programme:
    """A festival laid out venue by venue and day by day, mostly without clashes: events
    follow each other with short breaks, one in a hundred overlaps its neighbour, one in
    fifty repeats, speakers are drawn at random (so some are double-booked or must rush)."""
    rng = random.Random(seed)
    programme = Programme(
        name=Texts.same("Benchmark festival"), timezone="Europe/Moscow", first_day=FIRST_DAY,
        last_day=FIRST_DAY + timedelta(days=DAYS - 1),
    )  # fmt: skip
    for n in range(8):
        programme.tracks[f"t{n}"] = Track(f"t{n}", Texts.same(f"Track {n}"))
    for n in range(venues):
        coords = rng.random() > 0.1
        programme.venues[f"v{n}"] = Venue(
            f"v{n}", Texts(f"Ort {n}", f"Venue {n}", f"Место {n}"), f"Street {n}",
            59.85 + rng.random() * 0.2 if coords else None,
            30.2 + rng.random() * 0.3 if coords else None,
            rng.choice([None, 50, 100, 200, 500]),
        )  # fmt: skip
    people = [f"p{n}" for n in range(speakers)]
    for pid in people:
        programme.people[pid] = Person(pid, f"Person {pid}")
    slots = venues * DAYS
    made = 0
    for v in range(venues):
        for d in range(DAYS):
            clock = datetime.combine(FIRST_DAY + timedelta(days=d), datetime.min.time(), ZONE)
            clock += timedelta(hours=8)
            slot = v * DAYS + d
            for _ in range(events // slots + (1 if slot < events % slots else 0)):
                length = timedelta(minutes=rng.choice([30, 45, 60]))
                start = clock - (timedelta(minutes=15) if rng.random() < 0.01 else timedelta())
                recurrence = None
                if rng.random() < 0.02 and d < DAYS - 3:
                    recurrence = Recurrence(f"FREQ=DAILY;COUNT={rng.randint(2, 3)}")
                uid = f"e{made}@bench"
                programme.events[uid] = Event(
                    uid=uid, title=Texts(f"Veranstaltung {made}", f"Event {made}",
                                         f"Событие {made}"),
                    start=start, end=start + length, track=f"t{made % 8}", venue=f"v{v}",
                    speakers=tuple(rng.sample(people, rng.choice([0, 1, 1, 2, 3]))),
                    recurrence=recurrence,
                    attendance=rng.choice([None, 20, 30, 40, 45, 600 if made % 97 == 0 else 40]),
                    status="cancelled" if rng.random() < 0.02 else "confirmed",
                )  # fmt: skip
                made += 1
                clock = start + length + timedelta(minutes=rng.choice([0, 15, 15, 30]))
    return programme


def run(quick: bool) -> list[Result]:
    events, venues, speakers = (5_000, 30, 500) if quick else (50_000, 300, 5_000)
    programme = build(events, venues, speakers)
    size = f"{len(programme.events):,} events, {venues} venues, {speakers:,} speakers"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.programme"
        save_new(path, programme)
        repeat = 3
        load = best_of(lambda: open_programme(path), repeat)
        loaded = open_programme(path)
    clashes: list[object] = []
    check = best_of(lambda: clashes.append(len(find_clashes(loaded))), repeat)
    found = clashes[-1]

    t0 = time.perf_counter()
    index = ClashIndex(loaded)
    build_s = time.perf_counter() - t0
    assert len(index.clashes()) == found
    rng = random.Random(11)
    uids = rng.sample(sorted(loaded.events), 200)
    edits = []
    for uid in uids:
        old = loaded.events[uid]
        moved = dataclasses.replace(old, start=old.start + timedelta(minutes=30),
                                    end=old.end + timedelta(minutes=30))  # fmt: skip
        t0 = time.perf_counter()
        loaded.events[uid] = moved
        index.update(uid)
        index.clashes()
        edits.append(time.perf_counter() - t0)
    edit = statistics.median(edits)
    worst = max(edits)
    # The index must still agree with a full check after all those edits.
    assert index.clashes() == find_clashes(loaded)

    questions = []
    for uid in uids[:100]:
        old = loaded.events[uid]
        candidate = dataclasses.replace(old, start=old.start + timedelta(hours=1),
                                        end=old.end + timedelta(hours=1))  # fmt: skip
        t0 = time.perf_counter()
        index.clashes_for(candidate)
        questions.append(time.perf_counter() - t0)
    question = statistics.median(questions)

    return [
        Result(
            "check a programme (find_clashes)", "loading it (open_programme)", check / load,
            1.0,
            f"{size}: check {check * 1000:.0f} ms, load {load * 1000:.0f} ms, "
            f"{found:,} clashes found; building the index {build_s * 1000:.0f} ms",
        ),
        Result(
            "one edit to updated clashes (ClashIndex.update + clashes)",
            "loading the programme", edit / load, 0.05,
            f"median {edit * 1000:.2f} ms (ratio {edit / load:.5f}), worst "
            f"{worst * 1000:.2f} ms over {len(edits)} moves",
        ),
        Result(
            "drag preview, one slot (ClashIndex.clashes_for)", "loading the programme",
            question / load, 0.01,
            f"median {question * 1e6:.0f} µs (ratio {question / load:.6f}) over "
            f"{len(questions)} questions",
        ),
    ]  # fmt: skip
