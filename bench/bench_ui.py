"""The window's speed: painting the week grid, start-up, and memory.

1. Painting the week grid (one full repaint of a 1400x900 viewport) with 5,000 and with
   50,000 events in the programme, as a ratio to painting it with 50. The programme runs
   for a year; the week on screen holds the same 50 events in every case and the others
   lie in the other weeks, so the ratio shows what the events that are not visible cost.
   A second pair puts the extra events on the visible days but at night, outside the
   visible hours, so that the per-column index is what keeps them out.
2. Start-up to a painted window: a fresh process that starts the app as ``main.py`` does
   (``ui.app.start``: arguments, the built-in programme, language, settings, the window)
   and runs the event loop until the grid has painted once, as a ratio to a process that
   creates a bare QApplication and QMainWindow and waits for its first paint. Both are
   taken in turns, nine times each, and the fastest of each counts.
   The same again as whole programs, started as a user starts them: ``python main.py``
   until its window has painted its first frame, against a bare PySide6 window script
   until its own; alternated, the median of each.
3. Peak memory (VmHWM, the peak resident set) of a process opening a 50,000-event
   programme file, as a ratio to the bare window's process.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.common import Result, best_of
from planner.model import Event, Programme, Texts, Track, Venue

ROOT = Path(__file__).resolve().parent.parent
ZONE = ZoneInfo("Europe/Moscow")
FIRST_DAY = date(2019, 4, 1)  # a Monday
DAYS = 364


def programme_with(total: int, *, where: str = "other weeks", seed: int = 3) -> Programme:
    """A year-long programme: 50 events in the daytime of its first week, and the rest
    ``"other weeks"`` (spread over the other 51 weeks) or ``"night"`` (on the first
    week's days between midnight and 7:00)."""
    rng = random.Random(seed)
    programme = Programme(name=Texts.same("Bench"), timezone="Europe/Moscow",
                          first_day=FIRST_DAY, last_day=FIRST_DAY + timedelta(days=DAYS - 1))
    colours = ["#1f6fb2", "#b5446e", "#2e8b57", "#c08a2e", "#6a4c93", "#607d8b"]
    for n, colour in enumerate(colours):
        programme.tracks[f"t{n}"] = Track(f"t{n}", Texts.same(f"Track {n}"), colour)
    for n in range(12):
        programme.venues[f"v{n}"] = Venue(f"v{n}", Texts.same(f"Venue {n}"))

    def add(n: int, day: date, hour_lo: int, hour_hi: int) -> None:
        start = datetime.combine(day, datetime.min.time(), ZONE) + timedelta(
            minutes=rng.randrange(hour_lo * 60, hour_hi * 60, 15))
        length = timedelta(minutes=rng.choice([30, 45, 60, 90, 120]))
        end = min(start + length, datetime.combine(day + timedelta(days=1),
                                                   datetime.min.time(), ZONE))
        uid = f"e{n}@bench"
        programme.events[uid] = Event(
            uid=uid, title=Texts.same(f"Event number {n} with a longer title"),
            start=start, end=end, track=f"t{n % len(colours)}", venue=f"v{n % 12}")

    for n in range(min(total, 50)):
        add(n, FIRST_DAY + timedelta(days=n % 7), 9, 21)
    for n in range(50, total):
        if where == "night":
            add(n, FIRST_DAY + timedelta(days=n % 7), 0, 6)
        else:
            add(n, FIRST_DAY + timedelta(days=7 + n % (DAYS - 7)), 9, 21)
    return programme


def _paint_time(programme: Programme, repeat: int) -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.app import create_application
    from ui.views.grid import GridView

    create_application()
    grid = GridView(programme)
    grid.resize(1400, 900)
    grid.show()
    QApplication.processEvents()
    # 100 px an hour shows about 8:30 to 17:00: the night events are out of view.
    grid.set_hour_height(100)
    grid.verticalScrollBar().setValue(round(8.5 * grid.hour_height))
    viewport = grid.viewport()
    viewport.repaint()  # the first paint sorts and places the columns shown

    def paint() -> None:
        viewport.repaint()

    seconds = best_of(paint, repeat)
    grid.close()
    grid.deleteLater()
    QApplication.processEvents()
    return seconds


_PRELUDE = """
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
def peak_kib():
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the forking parent.
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0
"""


def _until_painted(widget: str, then: str = "") -> str:
    """Code that waits until ``widget`` (an expression) has painted once (``then`` runs
    after the watch is set: showing the window), prints the peak memory and ends."""
    return f"""
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
painted = []
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            painted.append(1)
        return False
watch = Watch()
{widget}.installEventFilter(watch)
{then}
while not painted:
    QApplication.processEvents()
print(peak_kib(), flush=True)
os._exit(0)
"""


_BARE = _PRELUDE + """
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(["bare"])
window = QMainWindow()
window.setCentralWidget(QLabel("Programme Planner"))
window.resize(1440, 900)
""" + _until_painted("window.centralWidget()", "window.show()")

# What main.py does to open the window: ui.app.start() reads the arguments, opens the
# programme (the built-in one without an argument), applies the language and shows the
# window; main() would then run the event loop. (Formatted with root and argv.)
_APP = _PRELUDE + """
sys.path.insert(0, {root!r})
from ui.app import start
window = start({argv!r})
""" + _until_painted("window.grid.viewport()")


# The same two as whole programs, as a user starts them, until each has painted its first
# frame: a bare PySide6 window script, and ``python main.py`` itself (run unchanged through
# runpy; the only addition is a watch that ends the process once the grid, the last part
# of the window to paint, has painted). The watch waits for main.py to import the grid's
# module and wraps its paintEvent then: importing it beforehand, as it once did, loaded
# PySide6 and half the app ahead of main.py, in another order and with the cyclic collector
# still on, which is not what a user's start does.
_BARE_PROCESS = _PRELUDE + """
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
class Label(QLabel):
    def paintEvent(self, event):
        super().paintEvent(event)
        print(peak_kib(), flush=True)
        os._exit(0)
app = QApplication(["bare"])
window = QMainWindow()
window.setCentralWidget(Label("Programme Planner"))
window.resize(1440, 900)
window.show()
app.exec()
"""

_MAIN_PROCESS = _PRELUDE + """
import importlib.util, runpy
sys.path.insert(0, {root!r})
sys.argv = [{main!r}]
class Watch:
    def find_spec(self, name, path=None, target=None):
        if name != "ui.views.grid":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module
        def exec_module(module):
            load(module)
            paint = module.GridView.paintEvent
            def painted(self, event):
                paint(self, event)
                print(peak_kib(), flush=True)
                os._exit(0)
            module.GridView.paintEvent = painted
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, Watch())
runpy.run_path({main!r}, run_name="__main__")
"""


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _child(code: str, cache: str) -> tuple[float, int]:
    """Wall time of a fresh Python process running ``code``, and its peak memory (KiB).

    Compiled bytecode is kept (in ``cache``, outside the working tree) as an installed app
    has it: with PYTHONDONTWRITEBYTECODE every start would compile our modules anew. The
    child has settings and data folders of its own, empty: a first start, which neither
    reads the developer's settings nor offers their recovery files."""
    home = Path(cache) / "home"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=cache,
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), LANG="en_GB.UTF-8", LANGUAGE="")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True)
    seconds = time.perf_counter() - t0
    return seconds, int(out.stdout.strip().splitlines()[-1])


def run(quick: bool) -> list[Result]:
    repeat = 5 if quick else 15
    results: list[Result] = []
    base = _paint_time(programme_with(50), repeat)
    for total, where in ((5_000, "other weeks"), (50_000, "other weeks"),
                         (5_000, "night"), (50_000, "night")):
        if quick and total > 5_000:
            continue
        seconds = _paint_time(programme_with(total, where=where), repeat)
        results.append(Result(
            f"paint week grid, {total:,} events ({where})", "50 events",
            seconds / base, 3.0,
            f"{seconds * 1000:.2f} ms against {base * 1000:.2f} ms per full repaint",
        ))

    runs = 3 if quick else 9
    cache = tempfile.mkdtemp(prefix="bench-ui-pyc-")
    app_code = _APP.format(root=str(ROOT), argv=[])
    _child(_BARE, cache), _child(app_code, cache)  # warm the bytecode cache
    # Taken in turns, so that a busy moment of the machine falls on both alike.
    bare_runs, app_runs = [], []
    for _ in range(runs):
        bare_runs.append(_child(_BARE, cache)[0])
        app_runs.append(_child(app_code, cache)[0])
    bare, app = min(bare_runs), min(app_runs)
    results.append(Result("start-up to a painted window (built-in programme)",
                          "bare PySide6 window", app / bare, 2.0,
                          f"{app * 1000:.0f} ms against {bare * 1000:.0f} ms"))

    # Whole processes: `python main.py` against a bare window script, alternated, the
    # median of each (a fresh process pays what an import-time measurement leaves out:
    # the interpreter, site-packages, Qt's plugins, the font, the translations).
    main_code = _MAIN_PROCESS.format(root=str(ROOT), main=str(ROOT / "main.py"))
    _child(_BARE_PROCESS, cache), _child(main_code, cache)  # warm the bytecode cache
    bare_whole, main_whole = [], []
    for _ in range(runs):
        bare_whole.append(_child(_BARE_PROCESS, cache)[0])
        main_whole.append(_child(main_code, cache)[0])
    bare_m, main_m = _median(bare_whole), _median(main_whole)
    results.append(Result("start-up, whole process: python main.py to its first painted "
                          "frame (median)", "bare PySide6 window process", main_m / bare_m,
                          2.0, f"{main_m * 1000:.0f} ms against {bare_m * 1000:.0f} ms"))

    if not quick:
        # Festival scale, as issue 8 sets it: 50,000 events in 300 venues with 5,000
        # speakers, opened from its file as a user opens it.
        from bench.bench_conflicts import build
        from planner.store import save_new

        festival = Path(cache) / "festival.programme"
        save_new(festival, build(50_000, 300, 5_000))
        _, bare_kib = _child(_BARE, cache)
        seconds, big_kib = _child(_APP.format(root=str(ROOT), argv=[str(festival)]), cache)
        results.append(Result(
            "peak memory, window with a 50,000-event festival", "bare PySide6 window",
            big_kib / bare_kib, None,
            f"{big_kib / 1024:.0f} MiB against {bare_kib / 1024:.0f} MiB; "
            f"start-up {seconds:.1f} s",
        ))
    shutil.rmtree(cache, ignore_errors=True)
    return results


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        print(json.dumps(result.__dict__))
