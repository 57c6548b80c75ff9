"""The scheduling assistant in the window, driven as a user drives it: the Unscheduled panel,
dropping a session on the grid, Unschedule, Suggest Slots, and Schedule Unplaced with its
preview, one-step apply and undo."""

from __future__ import annotations

from datetime import timedelta

import pytest
from factories import at, event, small_programme
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from test_ui_window import make_window
from ui_helpers import block_point, click

from planner.conflicts import find_clashes
from planner.model import Person, Session, Texts, TimeWindow, Venue
from planner.scheduling import suggest_slots
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
    # The slots are looked for on a worker; the dialog comes when they are found.
    qtbot.waitUntil(lambda: window.scheduling.suggest_dialog is not None, timeout=30_000)
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
    # The grid shows the first day of the plan, where a ghost is painted, and hours that
    # hold every ghost (the programme's own start at 10:00; the workshop may go at 09:00).
    first = min(e.start for e in preview)
    assert window.grid.day <= first.date() or window.view == "week"
    shown_from, shown_to = window.grid.shown_hours()
    for ghost in preview:
        assert shown_from <= ghost.start.hour * 60 + ghost.start.minute
        assert ghost.end.hour * 60 + ghost.end.minute <= shown_to
    assert {e.uid for e, _ in window.grid.ghost_rects()} <= {e.uid for e in preview}

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


def visible_progress(window) -> QProgressDialog | None:
    """The window's progress dialog, while one shows."""
    shown = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    return shown[0] if shown else None


def moving_progress(qtbot, window) -> QProgressDialog:
    """Wait for the window's progress dialog to show and its bar to move; return it."""
    qtbot.waitUntil(lambda: visible_progress(window) is not None, timeout=20_000)
    dialog = visible_progress(window)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=20_000)
    return dialog


def test_suggest_slots_shows_progress_on_a_worker_and_cancel_stops_it(qtbot):
    # Six hundred halls and a session that may go in any of them: every start of every day
    # is tried in each, which takes many seconds. The window stays alive meanwhile (the
    # progress dialog appears and answers), and Cancel ends it with nothing changed.
    programme = programme_to_plan()
    for n in range(600):
        programme.venues[f"hall{n}"] = Venue(f"hall{n}", Texts.same(f"Hall {n}"))
    programme.unscheduled["open@t"] = session("open@t", 60)
    window = make_window(qtbot, programme)
    scheduling = window.scheduling
    model = scheduling.panel.list.model()
    scheduling.panel.list.setCurrentIndex(model.index(model.uids().index("open@t"), 0))
    scheduling.suggest_action.trigger()
    task = scheduling.suggest_task
    assert task is not None

    dialog = moving_progress(qtbot, window)
    assert "Looking for free slots for “Open”" in dialog.labelText()
    assert dialog.value() < dialog.maximum()
    outcomes: list[str] = []
    task.cancelled.connect(lambda: outcomes.append("cancelled"))
    QTest.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: scheduling.suggest_task is None, timeout=10_000)
    assert outcomes == ["cancelled"]
    assert visible_progress(window) is None and scheduling.suggest_dialog is None
    assert "open@t" in window.document.programme.unscheduled
    assert window.document.undo_stack.count() == 0
    # Asked again, it starts afresh.
    scheduling.suggest_action.trigger()
    assert scheduling.suggest_task is not None and scheduling.suggest_task is not task
    scheduling.suggest_task.cancel()
    qtbot.waitUntil(lambda: scheduling.suggest_task is None, timeout=10_000)


def drag_session_over(window, uid: str, target: QPoint):
    """A session from the Unscheduled list dragged onto the grid and held at ``target``."""
    panel = window.scheduling.panel
    model = panel.list.model()
    data = model.mimeData([model.index(model.uids().index(uid), 0)])
    viewport = window.grid.viewport()
    enter = QDragEnterEvent(target, Qt.DropAction.MoveAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(target, Qt.DropAction.MoveAction, data,
                          Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    return data


def test_dragging_a_session_shows_its_ghost_and_shades_where_it_would_clash(window, qtbot):
    grid = window.grid
    clashes = window.clash_panel
    qtbot.waitUntil(lambda: clashes.index is not None and not clashes.checking, timeout=5000)
    # Dr. Weber is in town on the 5th only: held over the 4th, the workshop would clash
    # (he is unavailable), and its ghost shows where it would go.
    target = QPoint(round(grid.x_for(at(4, 0).date())), round(grid.time_to_y(at(4, 14)) + 2))
    drag_session_over(window, "workshop@t", target)
    ghost = grid.session_ghost
    assert ghost is not None and (ghost.start, ghost.end) == (at(4, 14), at(4, 15, 30))
    [(event, rect)] = grid.ghost_rects()
    assert event.uid == "workshop@t" and rect.contains(QPointF(target))
    assert clashes.preview and grid._clash_preview == clashes.preview
    assert all(start < at(4, 15, 30) and at(4, 14) < end for start, end, _ in clashes.preview)
    # The clash under the cursor, in words.
    said = window.statusBar().currentMessage()
    assert "Dr. Weber" in said and "Workshop" in said and "not available" in said
    image = grid.viewport().grab().toImage()
    shade = image.pixelColor(round(rect.left()) - 1 if rect.left() > grid.column_left(
        grid.column_at(target.x())) + 3 else round(rect.right()) + 1, round(rect.center().y()))
    assert shade.red() > shade.green() + 20  # shaded red beside the ghost
    # Over the 5th, inside his hours, nothing would clash: no shade.
    later = QPoint(round(grid.x_for(at(5, 0).date())), round(grid.time_to_y(at(5, 14)) + 2))
    drag_session_over(window, "workshop@t", later)
    assert grid.session_ghost.start == at(5, 14) and clashes.preview == []
    assert window.statusBar().currentMessage() == ""
    # Leaving the grid ends the ghost and the shade; nothing was placed.
    QApplication.sendEvent(grid.viewport(), QDragLeaveEvent())
    assert grid.session_ghost is None and grid.ghost_rects() == []
    assert grid._clash_preview == []
    assert "workshop@t" in window.document.programme.unscheduled


def test_a_ghost_takes_the_width_of_its_lane(window, qtbot):
    grid = window.grid
    # Held over the talk's hours on the 4th: the ghost and the talk share the day column,
    # side by side, each in its lane, as they would be once it is placed.
    target = QPoint(round(grid.x_for(at(4, 0).date())), round(grid.time_to_y(at(4, 10)) + 2))
    drag_session_over(window, "reading@t", target)
    [(event, ghost)] = grid.ghost_rects()
    talk = grid.block_rect("talk@t")
    assert event.uid == "reading@t" and talk is not None
    column = grid.column_width(grid.column_at(talk.center().x()))
    assert ghost.width() < column * 0.6 and talk.width() < column * 0.6
    assert not ghost.intersects(talk)
    QApplication.sendEvent(grid.viewport(), QDragLeaveEvent())
    assert grid.block_rect("talk@t").width() > column * 0.8  # back to the whole column
    # The plan's ghosts, too: each in its lane beside what it overlaps.
    scheduling = window.scheduling
    scheduling.schedule_action.trigger()
    qtbot.waitUntil(lambda: scheduling.plan is not None, timeout=60_000)
    for event, rect in grid.ghost_rects():
        for block, other in grid.visible_blocks():
            if block.key[0] == event.start.date() and block.start < event.end \
                    and event.start < block.end:
                assert not rect.intersects(other), (event.uid, block.uid)


# -- availability, as the organiser enters it -------------------------------------------------


def unavailable(window) -> set[tuple[str, ...]]:
    panel = window.clash_panel
    return {c.events for c in panel.clashes() if c.kind == "unavailable"}


def wait_checked(qtbot, window) -> None:
    panel = window.clash_panel
    qtbot.waitUntil(lambda: panel.index is not None and not panel.checking, timeout=10_000)


def test_availability_typed_in_the_entities_dialog_makes_a_clash_and_undoes(window, qtbot):
    from test_ui_entities import row_of, type_into

    from ui.dialogs.entities import EntitiesDialog

    wait_checked(qtbot, window)
    assert unavailable(window) == set()
    window.entities_action.trigger()
    dialog = window.editor
    assert isinstance(dialog, EntitiesDialog) and dialog.isVisible()
    people, venues = dialog.people, dialog.venues
    dialog.tabs.setCurrentWidget(people)
    # Anna gives the talk on the 4th from 10 to 12; she is here that day, with a break at 11.
    type_into(qtbot, people, row_of(people, "anna"), "available", "2019-04-04 09:00-18:00")
    type_into(qtbot, people, row_of(people, "anna"), "blocked", "2019-04-04 11:00-11:30")
    dialog.tabs.setCurrentWidget(venues)
    type_into(qtbot, venues, row_of(venues, "petri"), "blocked", "2019-04-05 09:00-10:00")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    programme = window.document.programme
    assert programme.people["anna"].availability == (
        TimeWindow(at(4, 9), at(4, 18)), TimeWindow(at(4, 11), at(4, 11, 30), "blocked"))
    assert programme.venues["petri"].availability == (
        TimeWindow(at(5, 9), at(5, 10), "blocked"),)
    assert window.document.undo_stack.count() == 1
    wait_checked(qtbot, window)
    assert unavailable(window) == {("talk@t",)}
    window.undo_action.trigger()
    assert programme.people["anna"].availability == ()
    assert programme.venues["petri"].availability == ()
    wait_checked(qtbot, window)
    assert unavailable(window) == set()


def test_an_availability_sheet_imported_in_the_window_is_one_step(window, qtbot, tmp_path):
    sheet = tmp_path / "availability.csv"
    sheet.write_text("person,from,to,kind\n"
                     "Anna Beispiel,2019-04-05 09:00,2019-04-05 18:00,\n"
                     "Dr. Weber,2019-04-05 09:00,2019-04-05 12:00,available\n"
                     "Dr. Weber,2019-04-05 10:00,2019-04-05 10:30,blocked\n", encoding="utf-8")
    venues = tmp_path / "venues.csv"
    venues.write_text("venue\tfrom\tto\nPetrikirche\t2019-04-06 18:00\t2019-04-06 22:00\n",
                      encoding="utf-8")
    wait_checked(qtbot, window)
    assert window.import_files([str(sheet), str(venues)])
    programme = window.document.programme
    assert programme.people["anna"].availability == (TimeWindow(at(5, 9), at(5, 18)),)
    assert programme.people["weber"].availability == (
        TimeWindow(at(5, 9), at(5, 12)), TimeWindow(at(5, 10), at(5, 10, 30), "blocked"))
    assert programme.venues["petri"].availability == (TimeWindow(at(6, 18), at(6, 22)),)
    assert window.document.undo_stack.count() == 1
    # Anna's talk on the 4th is now outside her time here.
    wait_checked(qtbot, window)
    assert unavailable(window) == {("talk@t",)}
    # The assistant keeps to the new windows: Dr. Weber's workshop (90 min, at the
    # Petrikirche) fits his 10:30-12:00 on the 5th, but the church opens on the 6th only.
    assert suggest_slots(programme, "workshop@t") == []
    window.undo_action.trigger()
    assert programme.people["anna"].availability == ()
    assert programme.people["weber"].availability == (TimeWindow(at(5, 9), at(5, 18)),)
    assert programme.venues["petri"].availability == ()
    wait_checked(qtbot, window)
    assert unavailable(window) == set()


def test_schedule_unplaced_shows_progress_and_cancel_leaves_everything_as_it_was(qtbot):
    # The bench's festival: 300 sessions, 20 venues, 8 days, 150 speakers; the search runs
    # up to its time limit, long enough to be watched and cancelled.
    from bench.bench_solver import build

    programme = build()
    window = make_window(qtbot, programme)
    before = (dict(programme.events), dict(programme.unscheduled))
    scheduling = window.scheduling
    scheduling.schedule_action.trigger()
    task = scheduling.task
    assert task is not None

    dialog = moving_progress(qtbot, window)
    assert dialog.labelText() == "Looking for a plan…"
    QTest.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: scheduling.task is None, timeout=10_000)
    assert visible_progress(window) is None
    assert scheduling.plan is None and window.grid.plan_preview == []
    assert (programme.events, programme.unscheduled) == before
    assert window.document.undo_stack.count() == 0
