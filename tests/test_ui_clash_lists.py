"""The Clashes list and the Find panel's starred clashes, driven by a keyboard user: after a
click on a clash the keys of its events work (from the list, or in the view it opens), the
arrows go on through the list, and a clash is shown where its occurrences are now."""

from __future__ import annotations

import dataclasses
from datetime import date

from factories import at, event
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_ui_occurrences import (
    answer,
    clipboard_events,
    keys,
    make_window,
    occurrence_block,
    programme_with_series,
)
from ui_helpers import block_point, click

from planner.edits import occurrence_of, overridden
from planner.model import Texts
from ui.i18n import language

SATURDAY = date(2019, 4, 6)
MONDAY = date(2019, 4, 8)


def two_clashes():
    """Café D daily at 16:00 (3-6 April) at the Goethe-Institut, and a talk there on
    Thursday and one on Saturday at 16:00: two clashes, each with one occurrence."""
    programme = programme_with_series()
    programme.events["talk@t"] = event("talk@t", 4, 16, 17, title=Texts.same("Talk"))
    programme.events["sat@t"] = event("sat@t", 6, 16, 17, title=Texts.same("Saturday talk"))
    return programme


def click_clash(panel, row: int) -> None:
    view = panel.view
    index = panel.proxy.index(row, 2)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, view.visualRect(index).center())


def open_clashes(window, qtbot):
    panel = window.clash_panel
    qtbot.waitUntil(lambda: panel.index is not None and not panel.checking)
    window.clash_dock.raise_()
    qtbot.waitUntil(panel.view.isVisible)
    return panel


def test_keys_act_on_a_clicked_clash_and_the_arrows_go_through_the_list(qtbot):
    with language("en"):
        window = make_window(qtbot, "en", two_clashes())
        programme = window.document.programme
        grid = window.grid
        panel = open_clashes(window, qtbot)
        view = panel.view
        assert [c.events for c in panel.model.shown()] == [("cafe@t", "talk@t"),
                                                            ("cafe@t", "sat@t")]
        click_clash(panel, 0)
        assert view.hasFocus()
        assert (window.selected_uids(), grid.focused_occurrence("cafe@t")) == (
            ["cafe@t", "talk@t"], at(4, 16))
        # The arrows go through the list, and the clash reached is shown as a click shows it.
        keys(window, view, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
        assert view.hasFocus() and view.currentIndex().row() == 1
        assert (window.selected_uids(), grid.focused_occurrence("cafe@t")) == (
            ["cafe@t", "sat@t"], at(6, 16))
        keys(window, view, Qt.Key.Key_Up, Qt.KeyboardModifier.NoModifier)
        assert window.selected_uids() == ["cafe@t", "talk@t"]
        # Alt+Down, pressed in the list, moves the clash's events: of Café D, Thursday's
        # occurrence alone, as answered.
        series = programme.events["cafe@t"]
        seen: list[str] = []
        answer("Only This Occurrence", seen)
        keys(window, view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        assert len(seen) == 1 and "occurrence of 4 Apr 2019 16:00" in seen[0]
        [override] = programme.events["cafe@t"].overrides
        assert (override.start, programme.events["talk@t"].start) == (at(4, 16, 15),
                                                                     at(4, 16, 15))
        assert programme.events["cafe@t"].start == series.start
        assert programme.events["sat@t"].start == at(6, 16)
        # Ctrl+C in the list copies the Saturday clash's events: Saturday's occurrence as
        # a single event, and the talk.
        qtbot.waitUntil(lambda: len(panel.model.shown()) == 2)
        [saturday] = [n for n, c in enumerate(panel.model.shown()) if "sat@t" in c.events]
        click_clash(panel, saturday)
        keys(window, view, Qt.Key.Key_C)
        copies = sorted(clipboard_events(), key=lambda e: e.title.en)
        assert [(e.title.en, e.start, e.recurrence) for e in copies] == [
            ("Café D", at(6, 16), None), ("Saturday talk", at(6, 16), None)]
        # Return opens the clash: the keyboard goes to the grid, where Return edits.
        keys(window, view, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        assert grid.hasFocus()
        assert grid.focused_occurrence("cafe@t") == at(6, 16)
        answer("Only This Occurrence", seen)
        keys(window, grid, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        assert "occurrence of 6 Apr 2019 16:00" in seen[1]
        editor = window.editor
        assert editor is not None and editor.windowTitle() == "Edit One Occurrence"
        editor.reject()
        window.close()


def test_delete_in_the_clash_list_takes_out_the_occurrence(qtbot):
    with language("en"):
        window = make_window(qtbot, "en", two_clashes())
        programme = window.document.programme
        panel = open_clashes(window, qtbot)
        click_clash(panel, 1)
        seen: list[str] = []
        answer("Only This Occurrence", seen)
        keys(window, panel.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
        assert "occurrence of 6 Apr 2019 16:00" in seen[0]
        assert "sat@t" not in programme.events
        assert programme.events["cafe@t"].recurrence.exdates == (at(6, 16),)
        assert window.document.undo_stack.count() == 1
        window.close()


def test_a_clash_in_the_agenda_opens_into_its_row(qtbot):
    """With the agenda shown, a double click on a clash selects its rows (Thursday's of
    Café D) and gives the agenda the keyboard: Ctrl+C there copies the occurrence."""
    with language("en"):
        window = make_window(qtbot, "en", two_clashes())
        window.view_actions["agenda"].trigger()
        panel = open_clashes(window, qtbot)
        view = panel.view
        where = view.visualRect(panel.proxy.index(0, 2)).center()
        # A double click as the system sends it: a click, then the second press.
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, where)
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier, where)
        agenda = window.agenda
        assert agenda.table.hasFocus()
        assert agenda.selected_occurrences() == {"cafe@t": at(4, 16)}
        keys(window, agenda.table, Qt.Key.Key_C)
        assert sorted((e.start, e.recurrence is None) for e in clipboard_events()) == [
            (at(4, 16), True), (at(4, 16), True)]
        window.close()


def moved_to_monday():
    """Café D's Thursday moved to Monday 19:00 (an override), and a talk at the Petrikirche
    on Monday at 19:00."""
    programme = programme_with_series()
    series = programme.events["cafe@t"]
    programme.events["cafe@t"] = overridden(series, at(4, 16), dataclasses.replace(
        occurrence_of(series, at(4, 16)), start=at(8, 19), end=at(8, 20)))
    programme.events["talk@t"] = event("talk@t", 8, 19, 20, venue="petri",
                                       title=Texts.same("Talk"))
    return programme


def test_a_starred_clash_goes_to_the_day_the_occurrence_is_now(qtbot):
    """Café D's Thursday is on Monday now: a click on the starred clash shows Monday in the
    venue grid (not Thursday, its series' day), and the keyboard is in the grid, where
    Delete asks about that occurrence."""
    with language("en"):
        window = make_window(qtbot, "en", moved_to_monday())
        grid = window.grid
        grid.verticalScrollBar().setValue(round(17 * grid.hour_height))
        click(grid, occurrence_block(grid, MONDAY)[0])
        keys(window, grid, Qt.Key.Key_D)
        click(grid, block_point(grid, "talk@t"))
        keys(window, grid, Qt.Key.Key_D)
        window.view_actions["venues"].trigger()
        window.go_to_date(date(2019, 4, 3))
        panel = window.my_programme.panel
        window.my_programme.dock.raise_()
        assert "Café D ↔ Talk (Mon 8 Apr)" in panel.clash_label.text()
        panel.search_edit.setFocus()
        qtbot.mouseClick(panel.clash_label, Qt.MouseButton.LeftButton)
        assert grid.day == MONDAY
        assert grid.hasFocus()
        assert grid.focused_occurrence("cafe@t") == at(4, 16)
        assert grid.block_rect("talk@t") is not None
        seen: list[str] = []
        answer("Only This Occurrence", seen)
        keys(window, grid, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
        assert "occurrence of 4 Apr 2019 16:00" in seen[0]
        assert window.document.programme.events["cafe@t"].recurrence.exdates == (at(4, 16),)
        window.close()


def test_a_clash_of_a_moved_occurrence_goes_to_its_day(qtbot):
    """The same in the Clashes list: a talk in Café D's venue on Monday at 19:00 clashes with
    the moved occurrence, and a click on it shows Monday."""
    with language("en"):
        programme = moved_to_monday()
        programme.events["talk@t"] = dataclasses.replace(programme.events["talk@t"],
                                                         venue="goethe")
        window = make_window(qtbot, "en", programme)
        window.view_actions["venues"].trigger()
        window.go_to_date(date(2019, 4, 3))
        panel = open_clashes(window, qtbot)
        click_clash(panel, 0)
        assert window.grid.day == MONDAY
        assert window.grid.focused_occurrence("cafe@t") == at(4, 16)
        QApplication.processEvents()
        assert window.grid.block_rect("talk@t") is not None
        window.close()
