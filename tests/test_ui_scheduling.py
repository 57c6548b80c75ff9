"""The scheduling assistant in the window, driven as a user drives it: the Unscheduled panel,
dropping a session on the grid, Unschedule, Suggest Slots, and Schedule Unplaced with its
preview, one-step apply and undo."""

from __future__ import annotations

from datetime import timedelta

import pytest
from factories import at, event, small_programme
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_ui_window import make_window
from ui_helpers import block_point, click

from planner.conflicts import find_clashes
from planner.model import Person, Session, Texts, TimeWindow
from ui.views.grid import SESSION_MIME


def session(uid: str, minutes: int, **fields: object) -> Session:
    values: dict[str, object] = {"uid": uid, "title": Texts.same(uid.split("@")[0].title()),
                                 "duration": timedelta(minutes=minutes), "track": "business"}
    values.update(fields)
    return Session(**values)  # type: ignore[arg-type]


def programme_to_plan():
    programme = small_programme()
    programme.people["weber"] = Person("weber", "Dr. Weber", availability=(
        TimeWindow(at(5, 9), at(5, 18)),))
    programme.events["talk@t"] = event("talk@t", 4, 10, 12, speakers=("anna",),
                                       title=Texts.same("Talk"))
    programme.unscheduled["workshop@t"] = session("workshop@t", 90, venue="petri",
                                                  speakers=("weber",))
    programme.unscheduled["reading@t"] = session("reading@t", 60, track="culture")
    return programme


@pytest.fixture
def window(qtbot):
    errors: list[str] = []
    window = make_window(qtbot, programme_to_plan(), errors=errors)
    window.errors = errors  # type: ignore[attr-defined]
    return window


def drop_session(window, uid: str, target: QPoint) -> None:
    """What a drag from the Unscheduled list ends in: the list's own drag data, dropped at
    ``target`` on the grid."""
    panel = window.scheduling.panel
    model = panel.list.model()
    row = model.uids().index(uid)
    data = model.mimeData([model.index(row, 0)])
    assert data.hasFormat(SESSION_MIME)
    viewport = window.grid.viewport()
    enter = QDragEnterEvent(target, Qt.DropAction.MoveAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(target), Qt.DropAction.MoveAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)


def test_panel_lists_the_unscheduled_and_a_drop_places_one(window):
    scheduling = window.scheduling
    assert scheduling.model.uids() == ["reading@t", "workshop@t"]
    assert "2 events without a time" in scheduling.panel.count_label.text()
    grid = window.grid
    target = QPoint(round(grid.x_for(at(6, 0).date())), round(grid.time_to_y(at(6, 14)) + 2))
    drop_session(window, "workshop@t", target)
    programme = window.document.programme
    placed = programme.events["workshop@t"]
    assert (placed.start, placed.end, placed.venue) == (at(6, 14), at(6, 15, 30), "petri")
    assert "workshop@t" not in programme.unscheduled
    assert scheduling.model.uids() == ["reading@t"]
    window.undo_action.trigger()
    assert "workshop@t" in programme.unscheduled and "workshop@t" not in programme.events
    assert scheduling.model.uids() == ["reading@t", "workshop@t"]
    window.redo_action.trigger()
    assert programme.events["workshop@t"].start == at(6, 14)


def test_a_session_without_venue_is_dropped_in_the_venue_grid(window):
    window.set_view("venues")
    window.go_to_date(at(7, 0).date())
    grid = window.grid
    drop_session(window, "reading@t", QPoint(round(grid.x_for(at(7, 0).date(), "goethe")),
                                             round(grid.time_to_y(at(7, 11)) + 2)))
    placed = window.document.programme.events["reading@t"]
    assert (placed.start, placed.venue) == (at(7, 11), "goethe")
    assert window.errors == []


def test_a_session_without_venue_dropped_in_the_week_grid_asks_for_one(window):
    grid = window.grid
    drop_session(window, "reading@t", QPoint(round(grid.x_for(at(7, 0).date())),
                                             round(grid.time_to_y(at(7, 11)) + 2)))
    assert "reading@t" in window.document.programme.unscheduled
    assert window.errors and "no venue yet" in window.errors[0]


def test_unschedule_puts_a_placed_event_back_in_the_list(window):
    grid = window.grid
    click(grid, block_point(grid, "talk@t"))
    window.scheduling.unschedule_action.trigger()
    programme = window.document.programme
    assert "talk@t" in programme.unscheduled and "talk@t" not in programme.events
    assert programme.unscheduled["talk@t"].duration == timedelta(hours=2)
    assert "talk@t" in window.scheduling.model.uids()
    window.undo_action.trigger()
    assert programme.events["talk@t"].start == at(4, 10)
    assert "talk@t" not in programme.unscheduled


def test_suggest_slots_lists_free_slots_and_a_double_click_places(window, qtbot):
    panel = window.scheduling.panel
    model = panel.list.model()
    panel.list.setCurrentIndex(model.index(model.uids().index("workshop@t"), 0))
    window.scheduling.suggest_action.trigger()
    dialog = window.scheduling.suggest_dialog
    assert dialog is not None and dialog.isVisible()
    rows = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    assert rows and "Petrikirche" in rows[0]
    rect = dialog.list.visualItemRect(dialog.list.item(0))
    # A double-click as the mouse makes it: a click, then the second press.
    QTest.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())
    QTest.mouseDClick(dialog.list.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, rect.center())
    placed = window.document.programme.events["workshop@t"]
    # Dr. Weber is there on the 5th from 9 to 18 only.
    assert at(5, 9) <= placed.start and placed.end <= at(5, 18)
    assert find_clashes(window.document.programme) == []
    assert window.document.undo_stack.count() == 1


def test_schedule_unplaced_previews_applies_as_one_step_and_undoes(window, qtbot):
    programme = window.document.programme
    before_events = dict(programme.events)
    before_sessions = dict(programme.unscheduled)
    scheduling = window.scheduling
    scheduling.schedule_action.trigger()
    qtbot.waitUntil(lambda: scheduling.plan is not None, timeout=60_000)
    # The preview: ghosts on the grid and lines in the panel; nothing changed yet.
    preview = window.grid.plan_preview
    assert {e.uid for e in preview} == {"workshop@t", "reading@t"}
    assert scheduling.panel.plan_box.isVisible()
    lines = [scheduling.panel.plan_list.item(n).text()
             for n in range(scheduling.panel.plan_list.count())]
    assert any(line.startswith("place “Workshop”") for line in lines)
    assert programme.unscheduled == before_sessions and programme.events == before_events
    # The grid shows the first day of the plan, where a ghost is painted.
    first = min(e.start for e in preview)
    assert window.grid.day <= first.date() or window.view == "week"

    QTest.mouseClick(scheduling.panel.apply_button, Qt.MouseButton.LeftButton)
    assert programme.unscheduled == {}
    assert find_clashes(programme) == []
    assert window.document.undo_stack.count() == 1
    assert window.grid.plan_preview == [] and not scheduling.panel.plan_box.isVisible()
    window.undo_action.trigger()
    assert programme.unscheduled == before_sessions and programme.events == before_events
    window.redo_action.trigger()
    assert programme.unscheduled == {} and len(programme.events) == 3


def test_discard_forgets_the_plan(window, qtbot):
    scheduling = window.scheduling
    scheduling.schedule_action.trigger()
    qtbot.waitUntil(lambda: scheduling.plan is not None, timeout=60_000)
    QTest.mouseClick(scheduling.panel.discard_button, Qt.MouseButton.LeftButton)
    assert scheduling.plan is None and window.grid.plan_preview == []
    assert len(window.document.programme.unscheduled) == 2
    assert window.document.undo_stack.count() == 0


def test_the_editor_unschedules_edits_and_places_a_session(window, qtbot):
    programme = window.document.programme
    # A placed event: "No time yet" takes its time away, as one step.
    window.edit_event("talk@t")
    editor = window.editor
    QTest.mouseClick(editor.unscheduled_box, Qt.MouseButton.LeftButton)
    assert not editor.start_date.isEnabled() and editor.duration_spin.isEnabled()
    editor.venue_combo.setCurrentIndex(editor.venue_combo.findData(""))  # "(to be chosen)"
    assert editor.ok_button.isEnabled()
    QTest.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "talk@t" in programme.unscheduled and "talk@t" not in programme.events
    assert programme.unscheduled["talk@t"].venue == ""
    assert programme.unscheduled["talk@t"].duration == timedelta(hours=2)
    # A double-click in the list edits the session; a new length is one more step.
    panel = window.scheduling.panel
    model = panel.list.model()
    index = model.index(model.uids().index("talk@t"), 0)
    rect = panel.list.visualRect(index)
    QTest.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())
    QTest.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, rect.center())
    editor = window.editor
    assert editor is not None and editor.unscheduled_box.isChecked()
    editor.duration_spin.setValue(45)
    QTest.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert programme.unscheduled["talk@t"].duration == timedelta(minutes=45)
    # Unticking places it at the time the editor shows, in the venue picked.
    window.edit_event("talk@t")
    editor = window.editor
    QTest.mouseClick(editor.unscheduled_box, Qt.MouseButton.LeftButton)
    editor.venue_combo.setCurrentIndex(editor.venue_combo.findData("goethe"))
    editor.start_date.setDate(editor.start_date.date().addDays(3))
    assert editor.ok_button.isEnabled(), editor.message_label.text()
    QTest.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    placed = programme.events["talk@t"]
    assert placed.venue == "goethe" and placed.end - placed.start == timedelta(minutes=45)
    assert "talk@t" not in programme.unscheduled
    assert window.document.undo_stack.count() == 3
    for _ in range(3):
        window.undo_action.trigger()
    assert programme.events["talk@t"].start == at(4, 10) and "talk@t" not in programme.unscheduled
