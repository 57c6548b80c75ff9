"""The day view, the hours the grids show, hiding empty venues, and the track chips under the
grid, driven through the window's menus, keys and clicks, and remembered across windows."""

from __future__ import annotations

from datetime import date

import pytest
from factories import at, event, small_programme
from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_helpers import active_window

from planner.model import Texts, Venue
from ui.i18n import language

FRIDAY = date(2019, 4, 5)


def programme_with_events():
    programme = small_programme()
    programme.venues["hall"] = Venue("hall", Texts.same("Concert hall"))
    for item in (
        event("talk@t", 5, 10, 12, title=Texts("Vortrag", "Talk", "Доклад")),
        event("panel@t", 5, 11, 12, venue="petri", title=Texts("Podium", "Panel", "Дискуссия")),
        event("film@t", 5, 19, 21, track="culture", venue="petri",
              title=Texts("Filmabend", "Film evening", "Кино")),
        event("late@t", 6, 21, 23, venue="hall"),
    ):
        programme.events[item.uid] = item
    return programme


def make_window(qtbot, lang="en", remember=True):
    return active_window(qtbot, programme_with_events(), lang, (1280, 800), remember)


def menu_action(menu, text):
    [action] = [a for a in menu.actions() if a.text().replace("&", "").startswith(text)]
    return action


def test_the_day_view_shows_one_day_as_wide_as_the_window(qtbot):
    with language("en"):
        window = make_window(qtbot)
        grid = window.grid
        window.go_to_date(FRIDAY)
        QTest.keyClick(grid, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
        assert window.view == "day" and window.view_actions["day"].isChecked()
        assert grid.keys() == [(FRIDAY, None)]
        assert grid.column_width(0) > 800
        # Side by side at full width, with their titles whole.
        assert grid.shown_text("talk@t")[1] == "Talk"
        assert grid.block_rect("panel@t").left() > grid.block_rect("talk@t").right()
        # The toolbar's arrows (Alt+PageDown) go a day on.
        QTest.keyClick(grid, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
        assert grid.days() == [date(2019, 4, 6)]
        assert window.next_action.text() == "&Next Day"
        # The view is remembered.
        window.close()
        again = make_window(qtbot)
        assert again.view == "day"
        again.close()


def test_the_hours_shown_are_the_programmes_and_can_be_chosen(qtbot):
    with language("en"):
        window = make_window(qtbot)
        grid = window.grid
        options = window.view_options
        # By default the hours the events need: 10:00 (talk) to 23:00 (late).
        assert grid.shown_hours() == (10 * 60, 23 * 60)
        window.view_menu.aboutToShow.emit()
        options.hours_menu.aboutToShow.emit()
        programme_hours = options.hours_actions["programme"]
        assert programme_hours.isChecked()
        assert programme_hours.text() == "The &Programme's Hours (10:00–23:00)"
        # Even the smallest zoom does not open on empty hours.
        grid.set_hour_height(24)
        vbar = grid.verticalScrollBar()
        vbar.setValue(0)
        assert grid.y_to_time(grid._grid_top() + 1, FRIDAY).hour == 10
        options.hours_actions["all"].trigger()
        assert grid.shown_hours() == (0, 24 * 60)

        # Custom hours, typed in their dialog.
        def type_hours():
            dialog = QApplication.activeModalWidget()
            if dialog is None or dialog.objectName() != "hours_dialog":
                QTimer.singleShot(20, type_hours)
                return
            dialog.from_edit.setTime(QTime(9, 0))
            dialog.to_edit.setFocus()
            dialog.to_edit.setTime(QTime(20, 0))
            QTest.keyClick(dialog.to_edit, Qt.Key.Key_Return)

        QTimer.singleShot(0, type_hours)
        options.hours_actions["custom"].trigger()
        assert grid.shown_hours() == (9 * 60, 20 * 60)
        # late@t (21:00-23:00) is outside them: drawn at their lower edge, not hidden.
        window.go_to_date(date(2019, 4, 6))
        vbar.setValue(vbar.maximum())
        rect = grid.block_rect("late@t")
        assert rect is not None
        assert rect.bottom() <= grid.time_to_y(at(6, 20)) + 1
        window.close()
        again = make_window(qtbot)
        assert again.grid.shown_hours() == (9 * 60, 20 * 60)
        assert again.view_options.hours_actions["custom"].isChecked()
        again.close()


def test_the_venue_grid_hides_empty_venues_and_opens_on_the_first_event(qtbot):
    with language("en"):
        window = make_window(qtbot)
        grid = window.grid
        window.go_to_date(FRIDAY)
        grid.verticalScrollBar().setValue(grid.verticalScrollBar().maximum())
        window.set_view("venues")
        # Opened on the day's first event (10:00), not where the week grid was.
        assert grid.block_rect("talk@t") is not None
        assert [venue for _, venue in grid.keys()] == ["goethe", "petri", "hall"]
        action = window.view_options.hide_empty_action
        action.trigger()
        assert action.isChecked()
        assert [venue for _, venue in grid.keys()] == ["goethe", "petri"]
        QTest.keyClick(grid, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
        assert grid.days() == [date(2019, 4, 6)]
        assert [venue for _, venue in grid.keys()] == ["hall"]
        assert grid.block_rect("late@t") is not None  # that day's first event, in view
        # An event moved to an empty venue brings its column back.
        window.go_to_date(FRIDAY)
        from ui.commands import move_command

        window.push(move_command(window.document, "panel@t", at(5, 11), "hall"))
        assert [venue for _, venue in grid.keys()] == ["goethe", "petri", "hall"]
        window.close()
        again = make_window(qtbot)
        assert again.view_options.hide_empty_action.isChecked()
        assert again.grid.hides_empty_venues
        again.close()


@pytest.mark.parametrize("lang, day, hours, hide", [
    ("de", "Tag", "Uhrzeiten", "Leere Orte ausblenden"),
    ("ru", "Один день", "Время суток", "Скрыть пустые площадки"),
])
def test_the_view_menu_speaks_the_language(qtbot, lang, day, hours, hide):
    with language(lang):
        window = make_window(qtbot, lang, remember=False)
        texts = [a.text().replace("&", "") for a in window.view_menu.actions()]
        assert day in texts and hours in texts and hide in texts
        window.close()


def test_clicking_a_track_chip_hides_the_track_as_the_find_panel_does(qtbot):
    with language("en"):
        window = make_window(qtbot, remember=False)
        legend, grid = window.legend, window.grid
        panel = window.my_programme.panel
        window.go_to_date(FRIDAY)
        grid.scroll_to_first_event()
        assert grid.block_rect("film@t") is not None or grid.block_rect("talk@t") is not None
        chip = legend.chip_rect("culture")
        QTest.mouseClick(legend, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         chip.center().toPoint())
        qtbot.waitUntil(lambda: not panel.track_boxes["culture"].isChecked())
        qtbot.waitUntil(lambda: "film@t" not in (grid._index.shown or {"film@t"}))
        assert legend.hidden_tracks() == {"culture"}
        assert "hidden" in legend.chip_tooltip("culture").lower()
        # Ticking the box in the Find panel shows it again, on the chip too: one filter.
        panel.track_boxes["culture"].setChecked(True)
        qtbot.waitUntil(lambda: legend.hidden_tracks() == set())
        # A chip hidden and shown by keyboard-free clicks alone, twice.
        for _ in range(2):
            QTest.mouseClick(legend, Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier, chip.center().toPoint())
        qtbot.waitUntil(lambda: panel.track_boxes["culture"].isChecked())
        window.close()
