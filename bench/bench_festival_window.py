"""The window at festival scale (50,000 events, 300 venues, 5,000 speakers), opened from its
file as a user opens it, as ratios to loading that programme from its file (measured in
this run, in this process).

A fresh process starts the window on the file (``ui.app.start``) and measures, on the GUI
thread:

1. the longest pause of a 10 ms GUI timer during the first six seconds, while the window
   paints, checks for clashes and prepares its search on a worker (how long the window
   stood still);
2. in the venue grid of the first day: a search of two words, unticking a track and
   ticking it again (each from the change to the grid painted);
3. a repaint of the week grid of the busiest week, where thousands of blocks are in view;
4. opening the agenda (its 50,000 rows).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.bench_conflicts import build
from bench.common import Result, best_of
from planner.store import open_programme, save_new

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import json, os, sys, time
sys.path.insert(0, {root!r})
from ui.app import start
window = start([{path!r}])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication.instance()
ticks = []
timer = QTimer()
timer.setInterval(10)
timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
timer.start()
end = time.perf_counter() + 6
while time.perf_counter() < end:
    app.processEvents()
    time.sleep(0.001)
timer.stop()
out = {{"pause": max(b - a for a, b in zip(ticks, ticks[1:]))}}
grid = window.grid
panel = window.my_programme.panel

def timed(change):
    t0 = time.perf_counter()
    change()
    panel.flush()
    grid.viewport().repaint()
    return time.perf_counter() - t0

window.set_view("venues")
app.processEvents()
out["search"] = timed(lambda: panel.search_edit.setText("event 12"))
timed(lambda: panel.search_edit.setText(""))
track = next(iter(panel.track_boxes))
out["untick"] = timed(lambda: panel.track_boxes[track].setChecked(False))
out["tick"] = timed(lambda: panel.track_boxes[track].setChecked(True))
window.set_view("week")
app.processEvents()
grid.viewport().repaint()
best = None
for _ in range(5):
    t0 = time.perf_counter()
    grid.viewport().repaint()
    best = min(best or 1e9, time.perf_counter() - t0)
out["week_paint"] = best
out["week_blocks"] = len(grid.visible_blocks())
t0 = time.perf_counter()
window.set_view("agenda")
app.processEvents()
out["agenda"] = time.perf_counter() - t0
print(json.dumps(out), flush=True)
os._exit(0)
"""


def run(quick: bool) -> list[Result]:
    events, venues, speakers = (5_000, 30, 500) if quick else (50_000, 300, 5_000)
    folder = Path(tempfile.mkdtemp(prefix="bench-festival-"))
    try:
        path = folder / "festival.programme"
        save_new(path, build(events, venues, speakers))
        load = best_of(lambda: open_programme(path), 3)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                   XDG_CONFIG_HOME=str(folder / "config"), XDG_DATA_HOME=str(folder / "data"),
                   XDG_CACHE_HOME=str(folder / "cache"))
        code = _CHILD.format(root=str(ROOT), path=str(path))
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env=env, cwd=ROOT, check=True)
        out = json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    size = f"{events:,} events"
    base = f"loading the programme ({load * 1000:.0f} ms)"

    def row(name: str, key: str, detail: str = "") -> Result:
        return Result(name, base, out[key] / load, None,
                      f"{out[key] * 1000:.0f} ms{detail}")

    return [
        row(f"longest GUI pause, first 6 s with {size} open", "pause",
            " (paint, clash check and search warm-up on a worker)"),
        row("search, two words, venue grid, festival", "search"),
        row("untick a track, venue grid, festival", "untick"),
        row("tick it again, venue grid, festival", "tick"),
        row("repaint the busiest week, festival", "week_paint",
            f" ({out['week_blocks']:,} blocks in view)"),
        row("open the agenda, festival", "agenda"),
    ]


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        print(json.dumps(result.__dict__))
