"""The clashes panel driven as a user drives the window: it lists clashes, follows drags and
undo, shows a clicked clash, outlines clashing events, shades where a drag would clash, and
is checked on a worker thread without holding the window up."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from factories import at, event, small_programme
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget, QMessageBox
from ui_helpers import block_point, drag, y_shift

from planner.conflicts import ClashIndex, clashing_uids, find_clashes
from planner.model import Recurrence, Texts, Venue
from ui.app import create_application
from ui.commands import EntitiesCommand, put_command
from ui.main_window import MainWindow
from ui.panels import clashes as clash_panel_module
from ui.panels.clashes import KIND_COLUMN, TIME_COLUMN, ClashModel, candidate_for


def programme_with_a_clash():
    """Two talks overlapping in the Goethe-Institut on 4 April, and a film elsewhere."""
    programme = small_programme()
    for item in (
        event("talk@t", 4, 10, 12, title=Texts("Vortrag", "Talk", "Доклад")),
        event("panel@t", 4, 11, 13, title=Texts("Podium", "Panel", "Дискуссия")),
        event("late@t", 4, 15, 16, title=Texts("Spät", "Late talk", "Поздно")),
        event("film@t", 6, 19, 21, track="culture", venue="petri",
              title=Texts("Film", "Film evening", "Кино")),
    ):
        programme.events[item.uid] = item
    return programme


def make_window(qtbot, programme=None, errors=None):
    create_application()
    window = MainWindow(programme or programme_with_a_clash(), None, lang="en",
                        remember=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show_error = (errors if errors is not None else []).append  # type: ignore
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore
    window.set_view("week")
    window.show()
    qtbot.waitExposed(window)
    window.grid.verticalScrollBar().setValue(round(8 * window.grid.hour_height))
    return window


def shown_clashes(qtbot, programme, lang):
    """The window at its default size with the Clashes tab in front, checked."""
    window = MainWindow(programme, None, lang=lang, remember=False)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    panel = ready(qtbot, window)
    window.clash_dock.raise_()
    qtbot.waitUntil(panel.view.isVisible)
    return window, panel


def ready(qtbot, window):
    panel = window.clash_panel
    qtbot.waitUntil(lambda: panel.index is not None and not panel.checking, timeout=5000)
    return panel


def dock_title(window) -> str:
    dock = window.findChild(QDockWidget, "clash_dock")
    assert dock is not None
    return dock.windowTitle()


def rows(panel) -> list[tuple[str, tuple[str, ...]]]:
    return [(c.kind, c.events) for c in panel.clashes()]


@pytest.fixture
def window(qtbot):
    return make_window(qtbot)


def test_checking_runs_on_a_worker_and_the_panel_says_so_meanwhile(qtbot, monkeypatch):
    threads: list[threading.Thread] = []
    release = threading.Event()

    class SlowIndex(ClashIndex):
        def __init__(self, *args, **kwargs):
            threads.append(threading.current_thread())
            release.wait(5)  # the window must not wait for this
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(clash_panel_module, "ClashIndex", SlowIndex)
    window = make_window(qtbot)
    panel = window.clash_panel
    qtbot.waitUntil(lambda: bool(threads), timeout=3000)
    # The window is shown and answers while the check runs.
    assert window.isVisible()
    assert dock_title(window) == "Clashes (…)"  # the tab: short; the panel says more
    assert "Checking" in panel.status_label.text()
    assert panel.clashes() == []
    release.set()
    ready(qtbot, window)
    assert threads[0] is not threading.main_thread()
    assert dock_title(window) == "Clashes (1)"
    assert rows(panel) == [("venue", ("panel@t", "talk@t"))]


def test_panel_lists_the_clash_with_kind_time_and_message(window, qtbot):
    panel = ready(qtbot, window)
    model = panel.proxy
    assert model.rowCount() == 1
    assert model.index(0, KIND_COLUMN).data() == "Venue"
    assert model.index(0, TIME_COLUMN).data().endswith("11:00–12:00")
    message = model.index(0, 2).data()
    assert "Goethe-Institut" in message and "Talk" in message and "Panel" in message
    assert model.index(0, KIND_COLUMN).data(Qt.ItemDataRole.DecorationRole) is not None


def test_a_drag_into_a_clash_adds_a_row_and_undo_takes_it_away(window, qtbot):
    panel = ready(qtbot, window)
    grid = window.grid
    start = block_point(grid, "late@t")
    drag(grid, start, start + QPoint(0, y_shift(grid, at(4, 15), at(4, 12))))
    assert window.document.programme.events["late@t"].start == at(4, 12)
    qtbot.waitUntil(lambda: len(panel.clashes()) == 2)
    assert ("venue", ("late@t", "panel@t")) in rows(panel)
    assert dock_title(window) == "Clashes (2)"
    assert "late@t" in panel.clashing()
    assert "Clashes with another event" in grid.tooltip_text("late@t")
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(panel.clashes()) == 1)
    assert rows(panel) == [("venue", ("panel@t", "talk@t"))]
    assert dock_title(window) == "Clashes (1)"
    assert "Clashes with another event" not in grid.tooltip_text("late@t")
    # The panel agrees with a full check of the programme after each step.
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: len(panel.clashes()) == 2)
    assert panel.clashes() == find_clashes(window.document.programme)
    assert panel.clashing() == clashing_uids(panel.clashes()) == {"talk@t", "panel@t",
                                                                   "late@t"}
    # Moved away again: the outlines follow.
    window.move_event("late@t", at(4, 17))
    assert panel.clashing() == {"talk@t", "panel@t"}
    assert "Clashes with another event" not in grid.tooltip_text("late@t")


def test_clashing_events_are_outlined_and_others_not(window, qtbot):
    panel = ready(qtbot, window)
    assert panel.clashing() == {"talk@t", "panel@t"}
    grid = window.grid
    for uid in ("talk@t", "panel@t"):
        assert "Clashes with another event" in grid.tooltip_text(uid)
    for uid in ("late@t", "film@t"):
        assert "Clashes with another event" not in grid.tooltip_text(uid)


def test_clicking_a_clash_selects_and_shows_its_events(window, qtbot):
    panel = ready(qtbot, window)
    grid = window.grid
    # Somewhere else first: the venue grid of another day, scrolled to the evening.
    window.go_to_date(at(8, 0).date())
    window.set_view("venues")
    grid.verticalScrollBar().setValue(round(20 * grid.hour_height))
    assert grid.days() == [at(8, 0).date()]
    view = panel.view
    rect = view.visualRect(panel.proxy.index(0, 2))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())
    assert sorted(grid.selected_uids()) == ["panel@t", "talk@t"]
    assert sorted(window.selected_uids()) == ["panel@t", "talk@t"]
    assert grid.days() == [at(4, 0).date()]
    # Both blocks are on screen now.
    for uid in ("talk@t", "panel@t"):
        rect = grid.block_rect(uid)
        assert rect is not None
        assert 0 <= rect.top() < grid.viewport().height()


def test_clicking_a_clash_in_the_agenda_selects_its_rows(window, qtbot):
    panel = ready(qtbot, window)
    window.set_view("agenda")
    panel.select_row(0)
    assert sorted(window.selected_uids()) == ["panel@t", "talk@t"]


def test_a_drag_shades_where_it_would_clash_and_clears_on_drop(window, qtbot):
    panel = ready(qtbot, window)
    grid = window.grid
    viewport = grid.viewport()
    start = block_point(grid, "late@t")
    target = start + QPoint(0, y_shift(grid, at(4, 15), at(4, 12)))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     start)
    # Still clear of the others at 14:00.
    QTest.mouseMove(viewport, start + QPoint(0, y_shift(grid, at(4, 15), at(4, 14))))
    assert panel.preview == []
    for step in range(1, 5):
        QTest.mouseMove(viewport, start + (target - start) * step / 4)
    # At 12:00-13:00 it would overlap the panel (11-13) in the Goethe-Institut.
    assert panel.preview == [(at(4, 12), at(4, 13), "goethe")]
    assert grid._clash_preview == panel.preview
    assert window.document.programme.events["late@t"].start == at(4, 15)  # not dropped yet
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       target)
    assert panel.preview == []
    assert grid._clash_preview == []


def test_a_cancelled_drag_clears_the_shading(window, qtbot):
    panel = ready(qtbot, window)
    grid = window.grid
    viewport = grid.viewport()
    start = block_point(grid, "late@t")
    target = start + QPoint(0, y_shift(grid, at(4, 15), at(4, 11)))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     start)
    for step in range(1, 5):
        QTest.mouseMove(viewport, start + (target - start) * step / 4)
    assert {slot[2] for slot in panel.preview} == {"goethe"}
    # Back where it was: released without a move.
    for step in range(3, -1, -1):
        QTest.mouseMove(viewport, start + (target - start) * step / 4)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start)
    assert panel.preview == []
    assert grid._clash_preview == []
    assert window.document.undo_stack.count() == 0


def test_a_venue_edit_checks_again_on_a_worker(window, qtbot):
    panel = ready(qtbot, window)
    document = window.document
    venues = dict(document.programme.venues)
    venues["goethe"] = dataclasses.replace(venues["goethe"], capacity=10)
    events = document.programme.events
    events_before = len(rows(panel))
    talk = dataclasses.replace(events["film@t"], attendance=5000)
    window.move_event("film@t", talk.start)  # an ordinary edit first: no new check
    assert not panel.checking
    window.push(EntitiesCommand(document, dict(document.programme.tracks), venues,
                                dict(document.programme.people), "venue"))
    assert panel.checking
    ready(qtbot, window)
    assert len(rows(panel)) == events_before
    # Attendance above the new capacity is a capacity clash.
    window.push(EntitiesCommand(
        document, dict(document.programme.tracks),
        {**venues, "petri": dataclasses.replace(venues["petri"], capacity=10)},
        dict(document.programme.people), "venue"))
    ready(qtbot, window)
    assert rows(panel) == find_clashes_rows(document.programme)


def find_clashes_rows(programme):
    return [(c.kind, c.events) for c in find_clashes(programme)]


def test_edits_made_while_checking_are_caught_up(qtbot, monkeypatch):
    release = threading.Event()

    class SlowIndex(ClashIndex):
        def __init__(self, *args, **kwargs):
            release.wait(5)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(clash_panel_module, "ClashIndex", SlowIndex)
    window = make_window(qtbot)
    panel = window.clash_panel
    qtbot.waitUntil(lambda: panel.checking)
    window.move_event("late@t", at(4, 12))
    window.delete_events(["talk@t"])
    release.set()
    ready(qtbot, window)
    assert rows(panel) == [("venue", ("late@t", "panel@t"))]
    assert panel.clashes() == find_clashes(window.document.programme)


def test_opening_another_programme_checks_it(window, qtbot):
    panel = ready(qtbot, window)
    other = small_programme()
    for item in (event("a@t", 5, 10, 12), event("b@t", 5, 10, 12, venue="petri",
                                                  speakers=("anna",)),
                 event("c@t", 5, 11, 12, venue="goethe", speakers=("anna",))):
        other.events[item.uid] = item
    window.new_programme(other)
    ready(qtbot, window)
    assert sorted(rows(panel)) == sorted(find_clashes_rows(other))
    assert {kind for kind, _ in rows(panel)} == {"venue", "speaker"}


def test_the_list_sorts_by_kind_and_by_time(qtbot):
    create_application()
    programme = small_programme()
    programme.venues["goethe"] = Venue("goethe", Texts.same("Goethe-Institut"), "",
                                       59.9316, 30.3127, 10)
    for item in (event("a@t", 4, 10, 12), event("b@t", 4, 11, 13),
                 event("c@t", 3, 9, 10, venue="petri", attendance=50),
                 event("d@t", 3, 9, 10, attendance=50, venue="goethe")):
        programme.events[item.uid] = item
    window = make_window(qtbot, programme)
    panel = ready(qtbot, window)
    proxy = panel.proxy
    times = [proxy.index(r, TIME_COLUMN).data(clash_panel_module.SORT_ROLE)
             for r in range(proxy.rowCount())]
    assert times == sorted(times)
    assert [proxy.index(r, KIND_COLUMN).data() for r in range(2)] == ["Capacity", "Venue"]
    panel.view.sortByColumn(KIND_COLUMN, Qt.SortOrder.AscendingOrder)
    kinds = [proxy.index(r, KIND_COLUMN).data() for r in range(proxy.rowCount())]
    assert kinds == ["Venue", "Capacity"]
    panel.view.sortByColumn(KIND_COLUMN, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, KIND_COLUMN).data() for r in range(2)] == ["Capacity", "Venue"]
    # Edits are merged into the order shown: a second venue clash comes first by kind,
    # and the selected row stays selected.
    panel.view.sortByColumn(KIND_COLUMN, Qt.SortOrder.AscendingOrder)
    panel.view.selectRow(1)
    window.push(put_command(
        window.document, event("e@t", 7, 10, 12), "new"))
    window.push(put_command(
        window.document, event("f@t", 7, 11, 12), "new"))
    kinds = [proxy.index(r, KIND_COLUMN).data() for r in range(proxy.rowCount())]
    assert kinds == ["Venue", "Venue", "Capacity"]
    assert [c.kind for c in panel.view.model().sourceModel().shown()] == [
        "venue", "venue", "capacity"]
    selected = panel.view.selectionModel().selectedRows()
    assert [proxy.index(i.row(), KIND_COLUMN).data() for i in selected] == ["Capacity"]
    assert panel.clashes() == find_clashes(window.document.programme)
    # Time, newest first.
    panel.view.sortByColumn(TIME_COLUMN, Qt.SortOrder.DescendingOrder)
    shown = [proxy.index(r, TIME_COLUMN).data(clash_panel_module.SORT_ROLE)
             for r in range(proxy.rowCount())]
    assert shown == sorted(shown, reverse=True)
    # One kind only.
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("capacity"))
    assert proxy.rowCount() == 1
    assert proxy.index(0, KIND_COLUMN).data() == "Capacity"
    panel.kind_combo.setCurrentIndex(0)
    assert proxy.rowCount() == 3


def test_model_merges_changes_with_row_signals(qtbot):
    create_application()
    programme = programme_with_a_clash()
    first = find_clashes(programme)
    model = ClashModel()
    model.set_clashes(first)
    inserted, removed, resets = [], [], []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    model.modelReset.connect(lambda: resets.append(1))
    programme.events["late@t"] = dataclasses.replace(
        programme.events["late@t"], start=at(4, 9), end=at(4, 10, 30))
    second = find_clashes(programme)
    model.set_clashes(second)
    assert model.clashes() == second
    assert inserted == [(0, 0)] and removed == [] and resets == []
    model.set_clashes(first)
    assert model.clashes() == first and removed == [(0, 0)]


def test_a_dragged_occurrence_moves_its_whole_series_in_the_preview():
    series = event("s@t", 4, 10, 11, recurrence=Recurrence("FREQ=DAILY;COUNT=3"))
    # The third occurrence (6 April) dragged to 14:00 that day: the series moves by 4 h.
    moved = candidate_for(series, (at(6, 10), at(6, 11)), at(6, 14), at(6, 15), None)
    assert (moved.start, moved.end, moved.venue) == (at(4, 14), at(4, 15), "goethe")
    other = candidate_for(series, (at(6, 10), at(6, 11)), at(5, 10), at(5, 11), "petri")
    assert other.start == at(3, 10) and other.venue == "petri"
    assert other.start - moved.start == timedelta(hours=-28)


def test_a_large_import_is_checked_again_on_a_worker(window, qtbot, tmp_path):
    from planner.ics import export_ics

    panel = ready(qtbot, window)
    other = small_programme()
    for n in range(clash_panel_module.REBUILD_ABOVE + 100):
        # Two events an hour in each venue: every pair overlaps in its venue.
        hour = 8 + (n // 4) % 12
        item = event(f"imp{n}@t", 3 + (n // 48) % 8, hour, hour + 1,
                     venue=("goethe", "petri")[n % 2])
        other.events[item.uid] = item
    path = tmp_path / "many.ics"
    path.write_bytes(export_ics(other))
    checks = []
    panel.title_changed.connect(lambda title: checks.append(panel.checking))
    assert window.import_files([str(path)])
    assert any(checks), "no new check was started for the import"
    ready(qtbot, window)
    assert panel.clashes() == find_clashes(window.document.programme)
    assert len(panel.clashes()) > clash_panel_module.REBUILD_ABOVE // 4
    window.undo_action.trigger()
    ready(qtbot, window)
    assert rows(panel) == [("venue", ("panel@t", "talk@t"))]


def test_a_panel_can_go_away_after_its_check():
    """A panel dropped after its worker check (its window closed) takes nothing with it:
    this once crashed the process, when the check's result went to a lambda that outlived
    the panel. Run in a process of its own, as a crash would end the test run."""
    code = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from factories import small_programme
from ui.document import Document
from ui.panels.clashes import ClashPanel
document = Document(small_programme())
for _ in range(3):
    panel = ClashPanel(document)  # the one before goes now
    while panel.checking or panel.index is None:
        app.processEvents()
print("ok")
"""
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": f"{root}{os.pathsep}{root / 'tests'}"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=60, cwd=root)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "ok"
    assert "deleted directly" not in done.stderr


@pytest.mark.parametrize("lang, kind", [("en", "Venue"), ("de", "Ort"), ("ru", "Площадка")])
def test_the_clash_list_shows_kind_time_and_the_whole_message(qtbot, lang, kind):
    """Each row reads "Venue · Thu 4 Apr, 11:00–12:00" and then the clash's sentence,
    wrapped at word boundaries: at the window's default size nothing is cut off, not even
    a travel clash's long sentence."""
    from PySide6.QtGui import QTextLayout

    from planner.model import Person
    from ui.i18n import language
    from ui.panels.clashes import MESSAGE_LINES

    programme = programme_with_a_clash()
    programme.people["boris"] = Person("boris", "Boris Muster")
    for item in (event("a@t", 5, 10, 11, speakers=("boris",)),
                 event("b@t", 5, 11, 12, venue="petri", speakers=("boris",))):
        programme.events[item.uid] = item
    with language(lang):
        window, panel = shown_clashes(qtbot, programme, lang)
        view = panel.view
        assert view.isColumnHidden(KIND_COLUMN) and view.isColumnHidden(TIME_COLUMN)
        kinds = {c.kind for c in panel.clashes()}
        assert {"venue", "travel"} <= kinds
        width = view.viewport().width() - 8
        for row in range(panel.proxy.rowCount()):
            index = panel.proxy.index(row, 2)
            rect = view.visualRect(index)
            assert rect.width() >= width and rect.height() >= view.rowHeight(row) - 1
            layout = QTextLayout(index.data(), view.font())
            layout.beginLayout()
            lines = 0
            while (line := layout.createLine()).isValid():
                line.setLineWidth(width)
                lines += 1
            layout.endLayout()
            assert lines <= MESSAGE_LINES, index.data()
        first = panel.proxy.index(0, 0)
        assert first.data() == kind
        image = view.viewport().grab().toImage()
        # Painted: the kind's dot in its colour, and text, not an empty row.
        assert len({image.pixel(x, y) for x in range(0, 60) for y in range(0, 30)}) > 5
        window.close()


def _lines(text, font, width):
    from PySide6.QtGui import QTextLayout

    layout = QTextLayout(text, font)
    layout.beginLayout()
    count = 0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        count += 1
    layout.endLayout()
    return count


@pytest.mark.parametrize("lang", ["de", "en", "ru"])
def test_rows_are_as_high_as_the_longest_message_needs(qtbot, lang):
    """The rows were six lines high whatever the messages: a short clash sat in a row of
    blank space. They fit the longest message at the list's width, and follow the dock
    when it is widened."""
    from PySide6.QtWidgets import QApplication

    from ui.i18n import language
    from ui.panels.clashes import MESSAGE_LINES, ROW_PADDING

    with language(lang):
        window, panel = shown_clashes(qtbot, programme_with_a_clash(), lang)
        view = panel.view

        def needed():
            width = view.viewport().width() - 2 * ROW_PADDING
            return max(_lines(panel.proxy.index(row, 2).data(), view.font(), width)
                       for row in range(panel.proxy.rowCount()))

        narrow = needed()
        assert 1 < narrow <= MESSAGE_LINES
        assert panel.delegate.lines == narrow
        line = view.fontMetrics().lineSpacing()
        assert view.rowHeight(0) <= (narrow + 1) * line + 2 * ROW_PADDING + 2
        window.resizeDocks([window.clash_dock], [900], Qt.Orientation.Horizontal)
        qtbot.waitUntil(lambda: needed() < narrow, timeout=3000)
        QApplication.processEvents()
        assert panel.delegate.lines == needed()
        assert view.rowHeight(0) == panel.delegate.row_height(view.font())
        window.close()


@pytest.mark.parametrize("lang, one", [("en", "1 clash: click it"), ("de", "1 Konflikt:"),
                                       ("ru", "1 конфликт:")])
def test_the_count_above_the_list_has_plural_forms(qtbot, lang, one):
    from ui.i18n import language

    with language(lang):
        window = MainWindow(programme_with_a_clash(), None, lang=lang, remember=False)
        qtbot.addWidget(window)
        panel = ready(qtbot, window)
        assert panel.model.rowCount() == 1
        assert panel.status_label.text().startswith(one)
        window.close()
