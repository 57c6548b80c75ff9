"""The window fits its screen, and its left column fits what it shows.

The window opens within the screen it opens on: the first time at a size that fits it
(1440 x 900, or 90 % of a smaller screen's room), and a size remembered on a larger monitor
is brought back within a laptop's. Each such case runs the window in a process of its own
on Qt's offscreen platform given screens of a set size (its ``configfile`` option), so that
Qt's own restoring of the geometry sees the same screen as the window does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ui_helpers import active_window

from planner.builtin import load_builtin
from ui.i18n import language

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import json, sys
from PySide6.QtWidgets import QMessageBox
from ui.app import create_application
from ui.main_window import MainWindow
from planner.builtin import load_builtin

app = create_application()
window = MainWindow(load_builtin(), None)
window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
window.show()
app.processEvents()
if len(sys.argv) > 1:
    window.setGeometry(*map(int, sys.argv[1].split(",")))
    app.processEvents()
frame, inner = window.frameGeometry(), window.geometry()
room = window.screen().availableGeometry()
print(json.dumps({"frame": frame.getRect(), "inner": inner.getRect(), "room": room.getRect(),
                  "minimum": [window.minimumSizeHint().width(),
                              window.minimumSizeHint().height()]}))
window.close()
"""


def run_window(tmp_path: Path, screen: tuple[int, int], *args: str) -> dict:
    """Open the window (with the settings kept in ``tmp_path``) on one screen of ``screen``
    pixels; returns its geometry (x, y, width, height lists) and the screen's room."""
    config = tmp_path / f"screen-{screen[0]}x{screen[1]}.json"
    config.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": screen[0], "height": screen[1],
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", SCRIPT, *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def within(rect: list[int], room: list[int]) -> bool:
    x, y, w, h = rect
    rx, ry, rw, rh = room
    return rx <= x and ry <= y and x + w <= rx + rw and y + h <= ry + rh


def test_the_first_window_fits_a_laptop_screen(tmp_path):
    shown = run_window(tmp_path, (1400, 860))
    x, y, width, height = shown["inner"]
    assert within(shown["inner"], shown["room"])
    # 90 % of the room the screen leaves (less the window's frame), not 1440 x 900.
    assert width < 1400 and height < 860
    assert width >= 0.85 * 1400 and height >= 0.8 * 860


def test_the_first_window_on_a_large_screen_has_the_default_size(tmp_path):
    shown = run_window(tmp_path, (2560, 1440))
    assert shown["inner"][2:] == [1440, 900]
    assert within(shown["inner"], shown["room"])
    # Centred on the screen, not in its corner.
    x, y, width, height = shown["inner"]
    assert abs((x + width / 2) - 1280) < 40 and abs((y + height / 2) - 720) < 60


def test_a_size_remembered_on_a_larger_monitor_is_brought_within_a_laptop_screen(tmp_path):
    big = run_window(tmp_path, (2560, 1440), "600,300,1900,1100")  # closed: remembered
    assert big["inner"] == [600, 300, 1900, 1100]
    again = run_window(tmp_path, (2560, 1440))
    # On the same monitor: as it was (give or take the frame Qt allows for).
    assert again["inner"][2:] == [1900, 1100]
    assert abs(again["inner"][0] - 600) < 10 and abs(again["inner"][1] - 300) < 10
    laptop = run_window(tmp_path, (1400, 860))
    assert within(laptop["inner"], laptop["room"]), laptop
    assert laptop["inner"][2] <= 1400 and laptop["inner"][3] <= 860

@pytest.mark.parametrize("lang", ["en", "de", "ru"])
@pytest.mark.parametrize("size", [(1440, 900), (1920, 1080)], ids=["1440x900", "1920x1080"])
def test_no_empty_space_under_the_calendar_summary(qtbot, size, lang):
    """The month and the programme's summary under it take the upper group of the left
    column, no more: the space under the summary is only the layout's margin (it used to
    be some 40 px, the summary's hint assuming a narrower label with more lines)."""
    with language(lang):
        window = active_window(qtbot, load_builtin(), lang, size)
        qtbot.waitUntil(lambda: window._painted)
        holder = window.calendar_dock.widget()
        label = window.summary_label
        qtbot.waitUntil(lambda: holder.height() - label.geometry().bottom() - 1 <= 6)
        qtbot.wait(50)  # and it stays so once the panels made after the first frame are in
        assert label.text().count("\n") >= 2
        assert holder.height() - label.geometry().bottom() - 1 <= 6
        assert label.height() >= label.heightForWidth(label.width())  # nothing cut off


@pytest.mark.parametrize("lang", ["en", "de", "ru"])
def test_nothing_moves_when_the_late_panels_arrive(qtbot, lang):
    """The Unscheduled, Releases and Clashes panels and the sync status are made after the
    first frame: the calendar group, the Find group, the grid and the status bar are
    where the first frame showed them once they are in (they used to jump: the calendar
    group by some 60 px, the grid by the sync button's height)."""
    from PySide6.QtCore import QRect

    from ui.app import create_application
    from ui.main_window import MainWindow

    with language(lang):
        create_application()
        window = MainWindow(load_builtin(), None, lang=lang, remember=False)
        qtbot.addWidget(window)

        def places() -> dict[str, QRect]:
            found = {"calendar": window.calendar_dock, "find": window.my_programme.dock,
                     "grid": window.views, "status": window.statusBar()}
            return {name: QRect(w.mapTo(window, w.rect().topLeft()), w.size())
                    for name, w in found.items()}

        first: dict[str, QRect] = {}
        late = window._painted_once

        def painted_once() -> None:
            # Run where the window runs it: the first frame is painted, the panels not made.
            assert window._scheduling is None and window._releases is None
            first.update(places())
            late()

        window._painted_once = painted_once  # type: ignore[method-assign]
        window.resize(1440, 900)
        window.show()
        qtbot.waitUntil(lambda: window._painted)
        assert window._scheduling is not None and window._releases is not None
        assert window.findChild(object, "sync_status") is not None
        qtbot.wait(50)
        assert places() == first
