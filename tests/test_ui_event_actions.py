"""Right-click menus, cut/copy/paste, Ctrl+drag to duplicate, cancel and restore, and the
keyboard (arrows, Alt+arrows), each driven as a user drives them, each edit one undo step."""

from __future__ import annotations

from datetime import date

import pytest
from factories import at, event, small_programme
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_helpers import active_window, block_point, y_shift

from planner.model import Recurrence, Texts
from ui.i18n import language


def programme_with_events():
    programme = small_programme()
    for item in (
        event("talk@t", 4, 10, 12, title=Texts("Vortrag", "Talk", "Доклад")),
        event("film@t", 5, 19, 21, track="culture", venue="petri",
              title=Texts("Filmabend", "Film evening", "Кино")),
        event("panel@t", 4, 14, 15, title=Texts("Podium", "Panel", "Дискуссия")),
    ):
        programme.events[item.uid] = item
    return programme


def make_window(qtbot, lang="en", programme=None):
    window = active_window(qtbot, programme or programme_with_events(), lang)
    window.show_error = lambda text: pytest.fail(f"error shown: {text}")  # type: ignore
    window.set_view("week")
    window.grid.verticalScrollBar().setValue(round(8 * window.grid.hour_height))
    window.grid.setFocus()
    return window


@pytest.fixture
def window(qtbot):
    with language("en"):
        yield make_window(qtbot)


def right_click(grid, at_point: QPoint):
    """A right click, as the platform turns it into a context menu request."""
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.RightButton,
                     Qt.KeyboardModifier.NoModifier, at_point)
    menu = QApplication.activePopupWidget()
    if menu is None:  # platforms that ask for the menu on press, or not at all
        from PySide6.QtGui import QContextMenuEvent

        QApplication.sendEvent(grid.viewport(), QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, at_point, grid.viewport().mapToGlobal(at_point)))
        menu = QApplication.activePopupWidget()
    assert menu is not None, "no menu popped up"
    return menu


def choose(menu, action):
    """Click ``action`` in a popped-up menu (or in one of its submenus)."""
    assert action in menu.actions(), [a.text() for a in menu.actions()]
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     menu.actionGeometry(action).center())


def empty_slot(grid, day: date, hour: int, minute: int = 0) -> QPoint:
    y = grid.time_to_y(at(day.day, hour, minute)) + 2
    return QPoint(round(grid.x_for(day)), round(y))


def new_uids(window, before):
    return sorted(set(window.document.programme.events) - before)


def test_the_event_menu_duplicates_cancels_stars_and_deletes(window):
    grid, programme = window.grid, window.document.programme
    actions = window.event_actions
    stack = window.document.undo_stack
    menu = right_click(grid, block_point(grid, "talk@t"))
    assert grid.selected_uids() == ["talk@t"]
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[:2] == ["&Edit Event…", "Dup&licate"]
    for expected in ("Cu&t", "&Copy", "Star", "C&ancel Event", "&Move and Resize", "&Delete"):
        assert expected in texts
    before = set(programme.events)
    choose(menu, actions.duplicate_action)
    [copy] = new_uids(window, before)
    assert programme.events[copy].start == at(4, 10) and grid.selected_uids() == [copy]
    assert stack.undoText() == "Duplicate “Talk”"
    stack.undo()
    assert copy not in programme.events

    choose(right_click(grid, block_point(grid, "talk@t")), actions.cancel_action)
    assert programme.events["talk@t"].status == "cancelled"
    menu = right_click(grid, block_point(grid, "talk@t"))
    assert actions.cancel_action.text() == "Rest&ore Event"
    choose(menu, actions.cancel_action)
    assert programme.events["talk@t"].status == "confirmed"
    assert stack.undoText() == "Restore “Talk”"

    star = window.my_programme.star_action
    choose(right_click(grid, block_point(grid, "talk@t")), star)
    assert "talk@t" in window.my_programme.stars.starred()

    choose(right_click(grid, block_point(grid, "talk@t")), window.delete_action)
    assert "talk@t" not in programme.events
    stack.undo()
    assert "talk@t" in programme.events


def test_the_slot_menu_makes_a_new_event_there_and_pastes_there(window, qtbot):
    grid, programme = window.grid, window.document.programme
    actions = window.event_actions
    friday = date(2019, 4, 5)
    menu = right_click(grid, empty_slot(grid, friday, 15))
    assert grid.selected_uids() == [] and grid.selected_slot().start == at(5, 15)
    assert menu.actions() == [actions.new_here_action, actions.paste_here_action]
    assert not actions.paste_here_action.isEnabled()  # nothing copied yet
    choose(menu, actions.new_here_action)
    editor = window.editor
    assert editor is not None
    assert editor.start_time.time().hour() == 15 and editor.start_date.date().day() == 5
    editor.reject()

    grid.select_uids(["panel@t"])
    actions.copy_action.trigger()
    before = set(programme.events)
    menu = right_click(grid, empty_slot(grid, friday, 16, 30))
    assert actions.paste_here_action.isEnabled()
    choose(menu, actions.paste_here_action)
    [pasted] = new_uids(window, before)
    new = programme.events[pasted]
    assert (new.start, new.end, new.title.en) == (at(5, 16, 30), at(5, 17, 30), "Panel")


def test_ctrl_c_and_ctrl_v_paste_at_the_mouse_or_the_clicked_slot(window):
    grid, programme = window.grid, window.document.programme
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, block_point(grid, "talk@t"))
    QTest.keyClick(grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasFormat("text/calendar") and "Talk" in data.text()
    assert b"BEGIN:VEVENT" in bytes(data.data("text/calendar").data())
    # Click an empty slot, move the mouse off the grid, paste: the clicked slot.
    saturday = date(2019, 4, 6)
    slot = empty_slot(grid, saturday, 11)
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, slot)
    QTest.mouseMove(window.legend, QPoint(5, 5))
    grid.leaveEvent(None)  # offscreen windows do not always tell of the pointer leaving
    before = set(programme.events)
    QTest.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    [first] = new_uids(window, before)
    assert programme.events[first].start == at(6, 11)
    assert grid.selected_uids() == [first]
    # With the mouse over another slot, Ctrl+V pastes there.
    sunday = date(2019, 4, 7)
    QTest.mouseMove(grid.viewport(), empty_slot(grid, sunday, 13))
    before = set(programme.events)
    QTest.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    [second] = new_uids(window, before)
    assert programme.events[second].start == at(7, 13)
    # Cut takes the original away, in one step that undo puts back.
    grid.select_uids(["panel@t"])
    QTest.keyClick(grid, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert "panel@t" not in programme.events
    window.document.undo_stack.undo()
    assert "panel@t" in programme.events


def test_ctrl_drag_duplicates_and_a_ctrl_click_still_adds_to_the_selection(window):
    grid, programme = window.grid, window.document.programme
    original = programme.events["talk@t"]
    start = block_point(grid, "talk@t")
    target = QPoint(round(grid.x_for(date(2019, 4, 6))),
                    start.y() + y_shift(grid, at(4, 10), at(4, 13)))
    before = set(programme.events)
    viewport = grid.viewport()
    ctrl = Qt.KeyboardModifier.ControlModifier
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, ctrl, start)
    for n in range(1, 6):
        QTest.mouseMove(viewport, QPoint(start.x() + (target.x() - start.x()) * n // 5,
                                         start.y() + (target.y() - start.y()) * n // 5))
    # While dragging, the original stays where it is and its copy is shown at the drop.
    assert grid.block_rect("talk@t") is not None
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, ctrl, target)
    [copy] = new_uids(window, before)
    assert programme.events["talk@t"] == original
    assert (programme.events[copy].start, programme.events[copy].end) == (at(6, 13), at(6, 15))
    assert window.document.undo_stack.undoText() == "Duplicate “Talk”"
    # Ctrl+click without moving adds to the selection, and a second one takes away.
    grid.select_uids(["talk@t"])
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, ctrl, block_point(grid, "panel@t"))
    assert grid.selected_uids() == ["talk@t", "panel@t"]
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, ctrl, block_point(grid, "talk@t"))
    assert grid.selected_uids() == ["panel@t"]


def test_arrow_keys_go_through_a_day_and_across_days(window):
    grid = window.grid
    grid.select_uids([])
    QTest.keyClick(grid, Qt.Key.Key_Down)  # nothing selected: the first event in view
    assert grid.selected_uids() == ["talk@t"]
    QTest.keyClick(grid, Qt.Key.Key_Down)  # the next event that day
    assert grid.selected_uids() == ["panel@t"]
    QTest.keyClick(grid, Qt.Key.Key_Down)  # the last of the day stays
    assert grid.selected_uids() == ["panel@t"]
    QTest.keyClick(grid, Qt.Key.Key_Right)  # the nearest event on the next day with one
    assert grid.selected_uids() == ["film@t"]
    QTest.keyClick(grid, Qt.Key.Key_Left)
    assert grid.selected_uids() == ["panel@t"]
    QTest.keyClick(grid, Qt.Key.Key_Up)
    assert grid.selected_uids() == ["talk@t"]
    # The keys keep the event in view.
    grid.verticalScrollBar().setValue(grid.verticalScrollBar().maximum())
    QTest.keyClick(grid, Qt.Key.Key_Right)
    assert grid.selected_uids() == ["film@t"] and grid.block_rect("film@t") is not None


def test_alt_arrows_move_the_event_and_alt_shift_arrows_change_its_length(window):
    grid, programme = window.grid, window.document.programme
    stack = window.document.undo_stack
    grid.select_uids(["talk@t"])
    window.set_snap(15)
    alt = Qt.KeyboardModifier.AltModifier
    QTest.keyClick(grid, Qt.Key.Key_Down, alt)
    assert (programme.events["talk@t"].start, programme.events["talk@t"].end) == (
        at(4, 10, 15), at(4, 12, 15))
    QTest.keyClick(grid, Qt.Key.Key_Right, alt)
    assert programme.events["talk@t"].start == at(5, 10, 15)
    QTest.keyClick(grid, Qt.Key.Key_Left, alt)
    QTest.keyClick(grid, Qt.Key.Key_Up, alt)
    assert programme.events["talk@t"].start == at(4, 10)
    QTest.keyClick(grid, Qt.Key.Key_Down, alt | Qt.KeyboardModifier.ShiftModifier)
    assert programme.events["talk@t"].end == at(4, 12, 15)
    for _ in range(20):  # never shorter than a step
        QTest.keyClick(grid, Qt.Key.Key_Up, alt | Qt.KeyboardModifier.ShiftModifier)
    assert programme.events["talk@t"].end == at(4, 10, 15)
    assert stack.undoText() == "Change the length of “Talk”"
    assert stack.count() == 4 + 1 + 8  # one step a key that changed something
    # Alt+PageDown still shows the next page of days (the window's Next).
    grid.select_uids([])
    assert grid.selected_uids() == []


def test_keys_of_the_views_leave_a_text_field_alone(window):
    panel = window.my_programme.panel
    window.grid.select_uids(["talk@t"])
    panel.search_edit.setFocus()
    panel.search_edit.setText("Talk")
    panel.search_edit.selectAll()
    QTest.keyClick(panel.search_edit, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert panel.search_edit.text() == "" and "talk@t" in window.document.programme.events


def test_a_repeating_event_selected_as_a_whole_moves_whole_with_the_keys(qtbot):
    """Selected with no occurrence chosen (as a pasted or new series is), the keys move
    the series, as a drag of a whole series does (tests/test_ui_occurrences.py has the
    question asked when one occurrence was clicked, or chosen in the agenda or a panel)."""
    programme = programme_with_events()
    programme.events["daily@t"] = event("daily@t", 4, 16, 17,
                                        recurrence=Recurrence("FREQ=DAILY;COUNT=3"))
    with language("en"):
        window = make_window(qtbot, programme=programme)
        window.grid.select_uids(["daily@t"])
        QTest.keyClick(window.grid, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        assert programme.events["daily@t"].start == at(4, 16, 15)


MENU_TEXTS = {"de": ("&Duplizieren", "Veranstaltung ab&sagen", "&Neue Veranstaltung hier …"),
              "ru": ("Ду&блировать", "Отменить п&роведение", "&Новое мероприятие здесь…")}


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_the_menus_speak_the_language(qtbot, lang):
    duplicate, cancel, new_here = MENU_TEXTS[lang]
    with language(lang):
        window = make_window(qtbot, lang)
        grid = window.grid
        menu = right_click(grid, block_point(grid, "talk@t"))
        texts = [a.text() for a in menu.actions()]
        assert duplicate.replace("&", "") in [t.replace("&", "") for t in texts]
        assert cancel in texts
        menu.close()
        menu = right_click(grid, empty_slot(grid, date(2019, 4, 6), 12))
        assert menu.actions()[0].text() == new_here
        menu.close()
        window.close()


def test_the_menu_key_opens_the_selected_events_menu(window):
    grid = window.grid
    grid.select_uids(["film@t"])
    from PySide6.QtGui import QContextMenuEvent

    QApplication.sendEvent(grid.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), grid.viewport().mapToGlobal(QPoint())))
    menu = QApplication.activePopupWidget()
    assert menu is not None and window.edit_event_action in menu.actions()
    menu.close()
