"""The clashes panel at festival scale (50,000 events, 300 venues, 5,000 speakers), as a
ratio to loading that programme from its file.

1. One edit (an event moved by half an hour through ``Document.apply``, as an undo command
   does) to the panel's model holding the updated list of clashes: the document's change
   signal reaches the panel, which updates its ``ClashIndex`` on the GUI thread and merges
   the new list into its model. Measured from the call to ``apply`` to its return (the
   panel is updated synchronously in the signal), against loading.
2. The first check when the programme is opened: from showing the panel to its list being
   filled by the index built on a worker, against loading; with the longest gap between
   two ticks of a 10 ms GUI timer meanwhile (how long the window stood still).
"""

from __future__ import annotations

import dataclasses
import os
import random
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from bench.bench_conflicts import build
from bench.common import Result, best_of
from planner.conflicts import clashing_uids, find_clashes
from planner.store import open_programme, save_new


def run(quick: bool) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.document import Document
    from ui.panels.clashes import ClashPanel

    app = QApplication.instance() or QApplication([])
    events, venues, speakers = (5_000, 30, 500) if quick else (50_000, 300, 5_000)
    programme = build(events, venues, speakers)
    size = f"{len(programme.events):,} events, {venues} venues, {speakers:,} speakers"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.programme"
        save_new(path, programme)
        load = best_of(lambda: open_programme(path), 3)
        loaded = open_programme(path)

    document = Document(loaded)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    t0 = time.perf_counter()
    panel = ClashPanel(document, lang="en")
    while panel.checking or panel.index is None:
        app.processEvents()
        time.sleep(0.001)
    first = time.perf_counter() - t0
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    stall = max(gaps, default=first)
    rows = panel.model.rowCount()

    rng = random.Random(11)
    uids = rng.sample(sorted(loaded.events), 200)
    panel_times: list[float] = []
    real = panel._on_changed

    def timed(changes: object) -> None:
        s = time.perf_counter()
        real(changes)  # type: ignore[arg-type]
        panel_times.append(time.perf_counter() - s)

    document.changed.disconnect(panel._on_changed)
    document.changed.connect(timed)
    edits = []
    for uid in uids:
        old = loaded.events[uid]
        moved = dataclasses.replace(old, start=old.start + timedelta(minutes=30),
                                    end=old.end + timedelta(minutes=30))
        s = time.perf_counter()
        document.apply({uid: moved})
        edits.append(time.perf_counter() - s)
        QCoreApplication.processEvents()
    edit = statistics.median(edits)
    in_panel = statistics.median(panel_times)
    # The panel must agree with a full check after all those edits.
    final = find_clashes(loaded)
    assert panel.clashes() == final, "panel out of step with find_clashes"
    assert panel.clashing() == clashing_uids(final), "outlined events out of step"
    assert not panel.checking
    panel.deleteLater()
    return [
        Result(
            "one edit to an updated clashes panel (apply + index update + model merge)",
            "loading the programme", edit / load, 0.05,
            f"{size}: median {edit * 1000:.2f} ms per edit of which the panel "
            f"{in_panel * 1000:.2f} ms, worst {max(edits) * 1000:.1f} ms over {len(edits)} "
            f"moves; load {load * 1000:.0f} ms; {panel.model.rowCount():,} rows",
        ),
        Result(
            "first check in the panel (worker build until the list is filled)",
            "loading the programme", first / load, None,
            f"{first * 1000:.0f} ms for {rows:,} clashes; the GUI timer's longest gap "
            f"meanwhile {stall * 1000:.0f} ms",
        ),
    ]
