"""The window driven as a user drives it: drags, double-clicks, keys, menus, files."""

from __future__ import annotations

from datetime import timedelta

import pytest
from factories import at, event, small_programme
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from ui_helpers import BoxAnswerer, block_point, bottom_edge, double_click, drag, y_shift

from planner.model import Recurrence, Texts, Track
from planner.store import ProgrammeStore, open_programme
from ui.app import create_application
from ui.commands import EntitiesCommand
from ui.main_window import MainWindow


def programme_with_events():
    programme = small_programme()
    for item in (
        event("talk@t", 4, 10, 12, title=Texts("Vortrag", "Talk", "Доклад")),
        event("film@t", 5, 19, 21, track="culture", venue="petri",
              title=Texts("Film", "Film evening", "Кино")),
    ):
        programme.events[item.uid] = item
    return programme


@pytest.fixture
def errors():
    return []


def make_window(qtbot, programme=None, store=None, errors=None):
    create_application()
    window = MainWindow(programme or programme_with_events(), store, lang="en")
    qtbot.addWidget(window)
    window.resize(1400, 900)
    if errors is not None:
        window.show_error = errors.append  # type: ignore[method-assign]
    # Closing at the end of a test must not wait for an answer.
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    window.set_view("week")
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    window.grid.verticalScrollBar().setValue(round(8 * window.grid.hour_height))
    return window


@pytest.fixture
def window(qtbot, errors):
    return make_window(qtbot, errors=errors)


def test_drag_moves_an_event_and_undo_redo_follow(window, errors):
    grid = window.grid
    programme = window.document.programme
    old = programme.events["talk@t"]
    start = block_point(grid, "talk@t")
    # Two hours later, and one day to the right.
    target = QPoint(round(grid.x_for(old.start.date() + timedelta(days=1))),
                    start.y() + y_shift(grid, at(4, 10), at(4, 12)))
    drag(grid, start, target)

    moved = programme.events["talk@t"]
    assert (moved.start, moved.end) == (at(5, 12), at(5, 14))
    assert moved.sequence == old.sequence + 1  # a significant change is stamped once
    assert errors == []
    assert window.document.undo_stack.count() == 1

    window.undo_action.trigger()
    assert programme.events["talk@t"] == old
    window.redo_action.trigger()
    assert programme.events["talk@t"] == moved


def test_ctrl_z_and_ctrl_shift_z_undo_and_redo(window):
    grid = window.grid
    start = block_point(grid, "talk@t")
    drag(grid, start, start + QPoint(0, y_shift(grid, at(4, 10), at(4, 11))))
    assert window.document.programme.events["talk@t"].start == at(4, 11)
    QTest.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.programme.events["talk@t"].start == at(4, 10)
    QTest.keyClick(grid, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.programme.events["talk@t"].start == at(4, 11)


def test_drag_snaps_to_the_chosen_step(window):
    grid = window.grid
    window.set_snap(30)
    start = block_point(grid, "talk@t")
    # 50 minutes down snaps to 60 with a 30-minute step.
    drag(grid, start, start + QPoint(0, round(grid.hour_height * 50 / 60)))
    assert window.document.programme.events["talk@t"].start == at(4, 11)
    window.set_snap(5)
    start = block_point(grid, "talk@t")
    drag(grid, start, start + QPoint(0, round(grid.hour_height * 25 / 60)))
    assert window.document.programme.events["talk@t"].start == at(4, 11, 25)


def test_resize_by_dragging_the_lower_edge(window):
    grid = window.grid
    edge = bottom_edge(grid, "talk@t")
    drag(grid, edge, edge + QPoint(0, y_shift(grid, at(4, 12), at(4, 13, 30))))
    changed = window.document.programme.events["talk@t"]
    assert (changed.start, changed.end) == (at(4, 10), at(4, 13, 30))
    window.undo_action.trigger()
    assert window.document.programme.events["talk@t"].end == at(4, 12)


def test_drag_in_the_venue_grid_changes_the_venue(window):
    grid = window.grid
    window.set_view("venues")
    window.go_to_date(at(5, 0).date())
    assert grid.mode == "venues" and grid.day == at(5, 0).date()
    start = block_point(grid, "film@t")
    target = QPoint(round(grid.x_for(at(5, 0).date(), "goethe")), start.y())
    drag(grid, start, target)
    moved = window.document.programme.events["film@t"]
    assert moved.venue == "goethe"
    assert moved.start == at(5, 19)


def test_dragging_an_occurrence_moves_the_whole_series(qtbot, errors):
    programme = small_programme()
    series = event("daily@t", 4, 9, 10, recurrence=Recurrence(
        "FREQ=DAILY;COUNT=3", (at(5, 9),)))
    programme.events[series.uid] = series
    window = make_window(qtbot, programme, errors=errors)
    grid = window.grid
    # The occurrences on the 4th and 6th are shown; the 5th is an exception.
    rect6 = [r for b, r in grid.visible_blocks() if b.uid == "daily@t"]
    assert len(rect6) == 2
    last = rect6[-1]
    start = QPoint(round(last.center().x()), round(last.top() + 10))
    with BoxAnswerer(qtbot, "The Whole Series") as box:
        drag(grid, start, start + QPoint(0, y_shift(grid, at(6, 9), at(6, 11))))
    assert "or the whole series?" in box.seen[0]
    moved = window.document.programme.events["daily@t"]
    assert errors == []
    assert moved.start == at(4, 11)
    assert moved.recurrence is not None
    assert moved.recurrence.exdates == (at(5, 11),)
    assert "whole series" in grid.tooltip_text("daily@t")
    assert "whole series" in window.statusBar().currentMessage()


def test_double_click_on_an_empty_slot_creates_an_event_with_the_editor(window, qtbot):
    grid = window.grid
    programme = window.document.programme
    y = round(grid.time_to_y(at(6, 14)) + 3)
    double_click(grid, QPoint(round(grid.x_for(at(6, 0).date())), y))
    editor = window.editor
    assert editor is not None and editor.isVisible()
    assert not editor.ok_button.isEnabled()  # no title yet
    qtbot.keyClicks(editor.title_edit.field("en"), "Round table")
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    created = [e for e in programme.events.values() if e.title.en == "Round table"]
    assert len(created) == 1
    assert created[0].start == at(6, 14)
    assert grid.block_rect(created[0].uid) is not None
    window.undo_action.trigger()
    assert created[0].uid not in programme.events


def test_the_editor_cannot_accept_invalid_input(window, qtbot):
    grid = window.grid
    double_click(grid, block_point(grid, "talk@t"))
    editor = window.editor
    assert editor is not None
    field = editor.title_edit
    for lang in ("de", "en", "ru"):
        field.field(lang).clear()
    assert not editor.ok_button.isEnabled()
    QTest.keyClick(editor.title_edit.field("en"), Qt.Key.Key_Return)
    assert editor.isVisible()
    editor.reject()
    assert window.document.undo_stack.count() == 0


def test_double_click_on_an_event_edits_it(window, qtbot):
    grid = window.grid
    double_click(grid, block_point(grid, "talk@t"))
    editor = window.editor
    assert editor is not None
    title = editor.title_edit.field("en")
    title.selectAll()
    qtbot.keyClicks(title, "Keynote")
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    changed = window.document.programme.events["talk@t"]
    assert changed.title.en == "Keynote"
    assert changed.start == at(4, 10)
    assert window.document.undo_stack.undoText().startswith("Edit")


def test_enter_on_a_selected_event_opens_the_editor(window):
    grid = window.grid
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, block_point(grid, "film@t"))
    assert grid.selected_uids() == ["film@t"]
    QTest.keyClick(grid, Qt.Key.Key_Return)
    assert window.editor is not None
    window.editor.reject()


def test_delete_key_removes_and_undo_brings_back(window):
    grid = window.grid
    programme = window.document.programme
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, block_point(grid, "talk@t"))
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, block_point(grid, "film@t"))
    assert set(grid.selected_uids()) == {"talk@t", "film@t"}
    kept = dict(programme.events)
    QTest.keyClick(grid, Qt.Key.Key_Delete)
    assert programme.events == {}
    assert grid.block_rect("talk@t") is None
    window.undo_action.trigger()
    assert programme.events == kept
    assert grid.block_rect("talk@t") is not None


def test_switching_views_by_keyboard_is_remembered(qtbot, window):
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.view == "agenda"
    assert window.views.currentWidget() is window.agenda
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.view == "venues" and window.grid.mode == "venues"
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.view == "week"
    window.view_actions["agenda"].trigger()
    second = MainWindow(programme_with_events(), lang="en")
    qtbot.addWidget(second)
    assert second.view == "agenda"


def test_selection_follows_into_the_agenda(window):
    grid = window.grid
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, block_point(grid, "film@t"))
    window.set_view("agenda")
    assert window.agenda.selected_uids() == ["film@t"]
    window.delete_selected()
    assert "film@t" not in window.document.programme.events


def test_title_shows_unsaved_changes_and_close_asks(window, monkeypatch):
    assert "[*]" in window.windowTitle()
    assert not window.isWindowModified()
    window.delete_events(["talk@t"])
    assert window.isWindowModified()
    asked = []

    def answer(button):
        def ask():
            asked.append(button)
            return button
        return ask

    monkeypatch.setattr(window, "ask_unsaved", answer(QMessageBox.StandardButton.Cancel))
    assert not window.close()
    assert window.isVisible()
    window.undo_action.trigger()
    assert not window.isWindowModified()  # back at the saved state
    window.redo_action.trigger()
    monkeypatch.setattr(window, "ask_unsaved", answer(QMessageBox.StandardButton.Discard))
    assert window.close()
    assert asked == [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]


def test_edits_to_a_file_backed_programme_reach_the_file(qtbot, tmp_path, errors):
    path = tmp_path / "week.programme"
    ProgrammeStore.create(path, programme_with_events()).close()
    store = ProgrammeStore.open(path)
    window = make_window(qtbot, store.load(), store, errors=errors)
    assert str(path) in window.windowTitle()
    grid = window.grid
    start = block_point(grid, "talk@t")
    drag(grid, start, start + QPoint(0, y_shift(grid, at(4, 10), at(4, 11, 30))))
    assert open_programme(path).events["talk@t"].start == at(4, 11, 30)
    assert not window.isWindowModified()  # saved as it happened
    QTest.keyClick(grid, Qt.Key.Key_Delete)
    assert "talk@t" not in open_programme(path).events
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert open_programme(path).events["talk@t"].start == at(4, 10)
    assert errors == []
    window.close()
    assert not path.with_name(path.name + ".lock").exists()


def test_save_as_writes_a_new_file_and_later_edits_follow(window, tmp_path):
    window.delete_events(["film@t"])
    assert window.isWindowModified()
    path = tmp_path / "copy.programme"
    assert window.save_as_path(path)
    assert not window.isWindowModified()
    assert "film@t" not in open_programme(path).events
    window.move_event("talk@t", at(7, 15))
    assert open_programme(path).events["talk@t"].start == at(7, 15)


def test_the_builtin_programme_is_never_written(qtbot, errors):
    from planner.builtin import BUILTIN_PATH

    before = BUILTIN_PATH.read_bytes()
    window = make_window(qtbot, None, None, errors=errors)
    uid = next(iter(window.document.programme.events))
    window.delete_events([uid])
    assert window.isWindowModified()
    assert BUILTIN_PATH.read_bytes() == before
    assert "built-in" in window.windowTitle()


def test_refused_edits_show_one_line_and_leave_no_undo_step(window, errors):
    # To a venue the programme does not have: the planner refuses it.
    window.move_event("talk@t", at(5, 10), "nowhere")
    assert len(errors) == 1
    assert "\n" not in errors[0] and "Traceback" not in errors[0]
    assert "talk@t" in errors[0]
    assert window.document.undo_stack.count() == 0
    assert window.document.programme.events["talk@t"].start == at(4, 10)


def test_import_is_one_undoable_step(window, tmp_path):
    from planner.ics import export_ics

    other = small_programme()
    for item in (event("new1@t", 6, 10, 11), event("new2@t", 7, 12, 13, venue="petri")):
        other.events[item.uid] = item
    path = tmp_path / "more.ics"
    path.write_bytes(export_ics(other))
    programme = window.document.programme
    assert window.import_files([str(path)])
    assert {"new1@t", "new2@t"} <= programme.events.keys()
    assert window.document.undo_stack.count() == 1
    assert window.grid.block_rect("new1@t") is not None
    window.undo_action.trigger()
    assert not {"new1@t", "new2@t"} & programme.events.keys()
    assert window.grid.block_rect("new1@t") is None


def test_tracks_venues_people_edits_are_undoable(window):
    document = window.document
    tracks = dict(document.programme.tracks)
    tracks["society"] = Track("society", Texts.same("Society"), "#c08a2e")
    assert window.push(EntitiesCommand(document, tracks, dict(document.programme.venues),
                                       dict(document.programme.people)))
    assert "society" in document.programme.tracks
    window.undo_action.trigger()
    assert "society" not in document.programme.tracks
    # Removing a track still in use is refused, and nothing changes.
    without = {k: v for k, v in tracks.items() if k != "business"}
    assert not window.push(EntitiesCommand(document, without, dict(document.programme.venues),
                                           dict(document.programme.people)))
    assert "business" in document.programme.tracks


def test_window_geometry_and_state_are_remembered(qtbot):
    create_application()
    window = MainWindow(programme_with_events(), lang="en")
    qtbot.addWidget(window)
    window.resize(1300, 820)
    window.show()
    qtbot.waitExposed(window)
    window.calendar_dock.hide()
    window.close()
    assert QSettings().value("window/geometry") is not None
    again = MainWindow(programme_with_events(), lang="en")
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert not again.calendar_dock.isVisible()


def test_an_event_in_another_zone_is_shown_at_its_instant(qtbot, errors):
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    programme = small_programme()
    item = event("b@t", 4, 9, 10, zone=berlin)  # 09:00 Berlin is 10:00 Moscow
    programme.events[item.uid] = item
    window = make_window(qtbot, programme, errors=errors)
    rect = window.grid.block_rect("b@t")
    assert rect is not None
    assert abs(rect.top() - window.grid.time_to_y(at(4, 10))) < 1
    start = block_point(window.grid, "b@t")
    drag(window.grid, start, start + QPoint(0, y_shift(window.grid, at(4, 10), at(4, 12))))
    moved = window.document.programme.events["b@t"]
    # Two hours later on the Moscow ruler is 11:00 in Berlin; the event keeps its zone.
    assert moved.start == at(4, 12).astimezone(berlin)
    assert moved.start.hour == 11
    assert moved.zone == berlin


def test_opening_another_file_gives_it_its_own_undo_history(window, tmp_path, qtbot):
    window.delete_events(["film@t"])
    path = tmp_path / "other.programme"
    ProgrammeStore.create(path, programme_with_events()).close()
    assert window.open_path(path)  # unsaved work: the fixture answers Discard
    assert window.document.path == path
    assert "film@t" in window.document.programme.events
    assert window.document.undo_stack.count() == 0
    assert not window.undo_action.isEnabled()
    window.move_event("talk@t", at(8, 9))
    QTest.keyClick(window.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert open_programme(path).events["talk@t"].start == at(4, 10)
    assert str(path.resolve()) in window.settings.recent_files
    # A file open elsewhere is offered read-only; Cancel keeps the window's programme.
    second = ProgrammeStore.create(tmp_path / "locked.programme", programme_with_events())
    try:
        with BoxAnswerer(qtbot, QMessageBox.StandardButton.Cancel) as boxes:
            assert not window.open_path(tmp_path / "locked.programme")
    finally:
        second.close()
    assert len(boxes.seen) == 1 and "already open" in boxes.seen[0]
    assert window.document.path == path


def test_unsaved_work_without_a_file_is_kept_for_recovery(window, tmp_path, qtbot):
    from ui.recovery import pending

    assert window._recovery is None  # nothing to keep yet
    window.delete_events(["film@t"])
    writer = window._recovery
    assert writer is not None
    writer.flush()
    assert writer.path.exists()
    assert open_programme(writer.path).events.keys() == {"talk@t"}
    window.undo_action.trigger()  # back to the state it opened with: nothing to keep
    assert not writer.path.exists()
    window.redo_action.trigger()
    writer.flush()
    assert writer.path.exists()
    assert window.save_as_path(tmp_path / "kept.programme")
    assert not writer.path.exists()
    assert pending() == []


def test_a_recovered_programme_counts_as_unsaved(window, monkeypatch):
    from ui import recovery

    found = []

    class Found:
        name, events = "Test week", 1
        saved_at = at(4, 10)

        def name_in(self, lang):
            return self.name

        def load(self):
            programme = programme_with_events()
            del programme.events["film@t"]
            return programme

        def discard(self):
            found.append("discarded")

    monkeypatch.setattr(recovery, "pending", lambda: [Found()])
    monkeypatch.setattr("ui.message_box.ask",
                        lambda *a, **k: QMessageBox.StandardButton.Open)
    window.offer_recovery()
    assert window.document.programme.events.keys() == {"talk@t"}
    assert window.isWindowModified()
    assert found == ["discarded"]


def test_the_entities_dialog_opens_from_the_menu_and_ok_without_changes_is_no_step(window):
    window.entities_action.trigger()
    dialog = window.editor
    assert dialog is not None and dialog.isVisible()
    dialog.accept()
    assert window.document.undo_stack.count() == 0


def test_a_new_speaker_comes_and_goes_with_the_event_in_one_step(qtbot, tmp_path, errors):
    from planner.model import Person
    from ui.commands import put_command

    path = tmp_path / "speakers.programme"
    ProgrammeStore.create(path, programme_with_events()).close()
    store = ProgrammeStore.open(path)
    window = make_window(qtbot, store.load(), store, errors=errors)
    talk = event("new@t", 6, 10, 11, speakers=("bert",))
    bert = Person("bert", "Bert Beispiel")
    assert window.push(put_command(window.document, talk, "New", [bert]))
    saved = open_programme(path)
    assert saved.events["new@t"].speakers == ("bert",) and "bert" in saved.people
    window.undo_action.trigger()
    saved = open_programme(path)
    assert "new@t" not in saved.events and "bert" not in saved.people
    assert errors == []


def test_double_click_on_a_day_heading_shows_its_venues(window):
    grid = window.grid
    day = at(7, 0).date()
    double_click(grid, QPoint(round(grid.x_for(day)), 10))
    assert window.view == "venues"
    assert grid.day == day
    assert window.day_combo.currentData() == day


def test_start_paints_first_then_makes_the_clashes_panel_and_asks_about_recovery(
        qtbot, monkeypatch):
    """ui.app.start, as main.py runs it: the window's first frame does not wait for the
    hidden Clashes tab or for the recovery question; both come right after it."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QDockWidget

    from ui import recovery
    from ui.app import start
    from ui.panels.clashes import ClashPanel

    asked: list[str] = []

    class Found:
        name, events = "Lost week", 3
        saved_at = at(4, 10)

        def name_in(self, lang):
            return self.name

        def discard(self):
            asked.append("discarded")

    monkeypatch.setattr(recovery, "pending", lambda: [Found()])
    monkeypatch.setattr("ui.message_box.ask", lambda parent, title, text, *a:
                        asked.append(text) or QMessageBox.StandardButton.Ignore)
    create_application()
    window = start([])
    qtbot.addWidget(window)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore
    seen: list[tuple[bool, int]] = []

    class Watch(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not seen:
                dock = window.findChild(QDockWidget, "clash_dock")
                seen.append((isinstance(dock.widget(), ClashPanel), len(asked)))
            return False

    watch = Watch()
    window.grid.viewport().installEventFilter(watch)
    dock = window.findChild(QDockWidget, "clash_dock")
    assert window.isVisible() and dock.windowTitle() == "Clashes (…)"
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    # At the grid's first paint: no panel yet, no question yet.
    assert seen == [(False, 0)]
    assert isinstance(dock.widget(), ClashPanel) and window.clash_panel is dock.widget()
    assert "Lost week" in asked[0] and "3 events" in asked[0]
    qtbot.waitUntil(lambda: dock.windowTitle() == "Clashes (0)", timeout=5000)


def test_the_clashes_panel_is_made_on_first_use_before_any_paint(qtbot):
    from PySide6.QtWidgets import QDockWidget

    create_application()
    window = MainWindow(programme_with_events(), None, lang="en", remember=False)
    qtbot.addWidget(window)
    dock = window.findChild(QDockWidget, "clash_dock")
    assert dock.widget() is not None and dock.widget().objectName() != "clash_panel"
    panel = window.clash_panel  # never shown: made when asked for
    assert dock.widget() is panel and window.clash_panel is panel
    qtbot.waitUntil(lambda: panel.index is not None and not panel.checking, timeout=5000)
    assert dock.windowTitle() == "Clashes (0)"


@pytest.mark.parametrize("lang, unscheduled, releases", [
    ("en", "Unscheduled (1)", "Releases"), ("de", "Ohne Termin (1)", "Veröffentlichungen"),
    ("ru", "Без времени (1)", "Выпуски")])
def test_the_unscheduled_and_releases_panels_come_after_the_first_frame(qtbot, lang,
                                                                        unscheduled, releases):
    """Both lie behind other tabs: their docks and titles are there for the first frame,
    their panels (and their modules) come right after it."""
    from PySide6.QtWidgets import QDockWidget

    from planner.model import Session
    from ui.i18n import language

    programme = programme_with_events()
    programme.unscheduled["later@t"] = Session(
        uid="later@t", title=Texts.same("Later"), duration=timedelta(hours=1), track="business",
        venue="petri")
    create_application()
    with language(lang):
        window = MainWindow(programme, None, lang=lang, remember=False)
        qtbot.addWidget(window)
        docks = {name: window.findChild(QDockWidget, name)
                 for name in ("unscheduled_dock", "releases_dock")}
        assert window._scheduling is None and window._releases is None
        assert [d.windowTitle() for d in docks.values()] == [unscheduled, releases]
        window.show()
        qtbot.waitUntil(lambda: window._scheduling is not None
                        and window._releases is not None, timeout=5000)
        assert docks["unscheduled_dock"].widget() is window.scheduling.panel
        assert docks["releases_dock"].widget() is window.releases.panel
        assert [d.windowTitle() for d in docks.values()] == [unscheduled, releases]
        assert len(window.findChildren(QDockWidget)) == 5
        window.close()


def test_start_pauses_the_garbage_collector_until_the_first_frame(qtbot):
    import gc

    from planner.cli import UsageError
    from ui.app import start

    create_application()
    assert gc.isenabled()
    window = start([])
    qtbot.addWidget(window)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore
    assert not gc.isenabled()  # shown, not yet painted
    qtbot.waitUntil(gc.isenabled, timeout=5000)
    painted: list[int] = []
    window.after_first_paint(lambda: painted.append(1))  # at once once it has painted
    assert painted == [1]
    # A start that fails leaves it on.
    with pytest.raises(UsageError):
        start(["--lang", "fr"])
    assert gc.isenabled()


def test_a_replaced_document_is_let_go_of_entirely(qtbot):
    """Every connection the window made to a document is undone when another replaces
    it (the list is one: the save signal used to stay connected to the title)."""
    from PySide6.QtCore import SIGNAL

    window = make_window(qtbot)
    old = window.document
    connected = {name: old.receivers(SIGNAL(name)) for name in
                 ("changed(PyObject)", "failed(PyObject)", "saved()")}
    stack = old.undo_stack
    undo_signals = ("canUndoChanged(bool)", "undoTextChanged(QString)",
                    "canRedoChanged(bool)", "redoTextChanged(QString)")
    assert all(connected.values())
    assert all(stack.receivers(SIGNAL(name)) for name in undo_signals)
    window.new_programme(small_programme())
    assert {name: old.receivers(SIGNAL(name)) for name in connected} == dict.fromkeys(
        connected, 0)
    # Undo and Redo follow the new stack only.
    assert [stack.receivers(SIGNAL(name)) for name in undo_signals] == [0, 0, 0, 0]
    assert window.document.undo_stack.receivers(SIGNAL("canUndoChanged(bool)")) > 0


def test_the_window_is_the_shell_its_panels_are_given(window):
    """Panels are typed against ui.shell.Shell: the window has every member it lists, of
    the kind it lists (so a rename in the window cannot leave the panels reaching for a name
    that is gone)."""
    from PySide6.QtCore import SignalInstance

    from ui.shell import Shell

    attributes = set(Shell.__annotations__)
    methods = {name for name, value in vars(Shell).items()
               if not name.startswith("_") and callable(value)}
    properties = {name for name, value in vars(Shell).items() if isinstance(value, property)}
    assert {"document", "grid", "agenda", "clash_dock"} <= attributes
    assert {"add_dock", "window", "statusBar", "go_to_date"} <= methods
    assert properties == {"lang", "view", "status_bar"}
    for name in attributes - {"agenda"}:  # the agenda is made on first use
        assert getattr(window, name) is not None, name
    assert isinstance(window.document_replaced, SignalInstance)
    for name in methods:
        assert callable(getattr(window, name)), name
    assert (window.lang, window.view) == ("en", "week")
    assert window.status_bar is window.statusBar()
    assert window.window() is window
