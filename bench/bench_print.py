"""The printed programme at festival scale: a booklet PDF of thousands of events.

1. The booklet of a large programme (``ui.printing.write_pdf``) against loading that
   programme from its file (``planner.store.open_programme``): printing a programme should
   cost the same order as opening it.
2. Ten times the events against the booklet of a tenth of them: layout and painting grow
   linearly with the events (no page-by-page re-measuring of earlier pages).
3. The door sheets (one page per venue and day) against the booklet of the same programme.
"""

from __future__ import annotations

import os
import random
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.common import Result, best_of
from planner.model import Event, Person, Programme, Texts, Track, Venue
from planner.store import open_programme, save_new

ZONE = ZoneInfo("Europe/Moscow")
FIRST_DAY = date(2019, 4, 3)
DAYS = 8
WORDS = ("digital", "future", "music", "science", "city", "dialogue", "research", "evening",
         "energy", "language", "youth", "design", "history", "water", "festival", "forum")


def build(events: int, venues: int, seed: int = 11) -> Programme:
    """Events spread over venues and days, with titles long enough to wrap now and then."""
    rng = random.Random(seed)
    programme = Programme(
        name=Texts.same("Benchmark festival"), timezone="Europe/Moscow", first_day=FIRST_DAY,
        last_day=FIRST_DAY + timedelta(days=DAYS - 1),
    )  # fmt: skip
    colours = ("#1f6fb2", "#2e8b57", "#b5446e", "#c7872e")
    for n, colour in enumerate(colours):
        programme.tracks[f"t{n}"] = Track(f"t{n}", Texts.same(f"Track {n}"), colour)
    for n in range(venues):
        programme.venues[f"v{n}"] = Venue(f"v{n}", Texts.same(f"Venue {n}"), f"Street {n}, City")
    for n in range(200):
        programme.people[f"p{n}"] = Person(f"p{n}", f"Speaker {n}", f"Institute {n % 17}")
    for n in range(events):
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        start = datetime.combine(day, datetime.min.time(), ZONE) + timedelta(
            minutes=30 * rng.randrange(16, 42))
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(3, 16)))
        event = Event(
            uid=f"e{n}@bench", title=Texts.same(f"Session {n}: {words}"), start=start,
            end=start + timedelta(minutes=30 * rng.randrange(1, 6)),
            track=f"t{rng.randrange(len(colours))}", venue=f"v{rng.randrange(venues)}",
            speakers=tuple(sorted({f"p{rng.randrange(200)}" for _ in range(rng.randrange(3))})),
        )  # fmt: skip
        programme.events[event.uid] = event
    return programme


def run(quick: bool) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import create_application
    from ui.printing import render_venue_sheets, write_pdf

    # The window benchmarks run in the same process and need a QApplication, not a bare
    # QGuiApplication.
    create_application()
    big, venues = (500, 20) if quick else (5000, 60)
    repeat = 2 if quick else 3
    large = build(big, venues)
    small = build(big // 10, venues)
    results = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.programme"
        save_new(path, large)
        pdf = Path(folder) / "out.pdf"
        pages = write_pdf(large, pdf)
        t_load = best_of(lambda: open_programme(path), repeat)
        t_print = best_of(lambda: write_pdf(large, pdf), repeat)
        t_small = best_of(lambda: write_pdf(small, pdf), repeat)
        t_doors = best_of(lambda: render_venue_sheets(large, pdf), repeat)
        door_pages = render_venue_sheets(large, pdf)
    results.append(Result(
        f"booklet PDF of {big:,} events", "open_programme of the same file", t_print / t_load,
        detail=f"{pages} pages in {t_print * 1000:.0f} ms; loading took {t_load * 1000:.0f} ms",
    ))  # fmt: skip
    results.append(Result(
        f"booklet of {big:,} events", f"booklet of {big // 10:,} events", t_print / t_small,
        target=15.0, detail="10x the events; linear growth gives about 10x",
    ))  # fmt: skip
    results.append(Result(
        f"door sheets of {big:,} events", "booklet of the same programme", t_doors / t_print,
        detail=f"{door_pages} door sheets",
    ))  # fmt: skip
    return results
