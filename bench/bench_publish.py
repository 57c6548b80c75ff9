"""Releases and the publish folder at festival scale (50,000 events in 300 venues with 5,000
speakers, the clash benchmark's festival), each as a ratio to a baseline of the same run.

1. Publishing the latest release (reading it from the file, every feed, 50,000 event files,
   schedule.xml and .json, change pages, QR codes, the folder swapped in) against writing
   the programme's plain ICS export (:func:`planner.ics.export_ics` to a file).
2. ``changes`` between two festival releases (500 events moved between them), read from the
   file and compared, against loading the programme from its file.
"""

from __future__ import annotations

import dataclasses
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.bench_conflicts import build
from bench.common import Result, best_of
from planner.ics import export_ics
from planner.publish import PublishOptions, publish
from planner.releases import compare, record_release
from planner.store import ProgrammeStore, open_programme, save_new

T1 = datetime(2019, 3, 20, 12, 0, tzinfo=UTC)
T2 = datetime(2019, 3, 27, 12, 0, tzinfo=UTC)


def run(quick: bool) -> list[Result]:
    events, venues, speakers = (5_000, 30, 500) if quick else (50_000, 300, 5_000)
    programme = build(events, venues, speakers)
    size = f"{len(programme.events):,} events, {venues} venues, {speakers:,} speakers"
    moved = 50 if quick else 500
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "festival.programme"
        save_new(path, programme)
        with ProgrammeStore.open(path) as store:
            t0 = time.perf_counter()
            record_release(store, store.load(), "1", now=T1)
            release_s = time.perf_counter() - t0
            changed = store.load()
            rng = random.Random(7)
            picked = rng.sample(sorted(changed.events), moved)
            # A cancelled event that moves is no change anyone is told of.
            told = sum(1 for uid in picked if changed.events[uid].status != "cancelled")
            for uid in picked:
                old = changed.events[uid]
                changed.events[uid] = dataclasses.replace(
                    old, start=old.start + timedelta(minutes=30),
                    end=old.end + timedelta(minutes=30))
            store.replace_all(changed)
            record_release(store, store.load(), "2", now=T2)

        repeat = 1 if not quick else 2
        loaded = open_programme(path)
        export = best_of(lambda: (folder / "export.ics").write_bytes(
            export_ics(loaded, now=T2)), repeat)

        def do_publish() -> None:
            with ProgrammeStore.open(path, readonly=True) as store:
                publish(store, folder / "out", PublishOptions(base_url="https://example.org/"))

        published = best_of(do_publish, repeat)
        files = sum(1 for p in (folder / "out").rglob("*") if p.is_file())

        load = best_of(lambda: open_programme(path), 3)
        found: list[int] = []

        def do_changes() -> None:
            with ProgrammeStore.open(path, readonly=True) as store:
                found.append(len(compare(store, "1", "2").changes))

        changes_s = best_of(do_changes, 3)
    assert found[-1] == told, (found, told)
    return [
        Result(
            "publish the latest release (feeds, event files, schedule.xml/.json, pages, QR)",
            "writing the plain ICS export", published / export, 3.0,
            f"{size}: publish {published:.1f} s ({files:,} files), export {export:.1f} s; "
            f"recording the release took {release_s:.1f} s",
        ),
        Result(
            "changes between two releases (read and compared)", "loading the programme",
            changes_s / load, 1.0,
            f"{size}, {moved} events moved: {changes_s * 1000:.0f} ms, load "
            f"{load * 1000:.0f} ms",
        ),
    ]
