"""The agenda as a calendar user drives it: a right click on a row gives the menu a grid
block has, for that row's occurrence; clashing occurrences are marked in red with the
grid's tooltip; Ctrl+V pastes at the time copied and says so."""

from __future__ import annotations

from datetime import date

import pytest
from factories import at, event
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_ui_event_actions import choose, right_click
from test_ui_occurrences import (
    agenda_row,
    answer,
    click_row,
    clipboard_events,
    is_red,
    keys,
    make_window,
    programme_with_series,
    series_starts,
    show_agenda,
)

from planner.edits import occurrence_of
from planner.model import Texts
from ui.i18n import language
from ui.views.agenda import CLASHING_ROLE, DAY, SPEAKERS, TIME, TITLE

THURSDAY, FRIDAY, SATURDAY = date(2019, 4, 4), date(2019, 4, 5), date(2019, 4, 6)


def with_talk():
    """Café D daily at 16:00 (3-6 April) and a talk in its venue on Thursday at 16:00."""
    programme = programme_with_series()
    programme.events["talk@t"] = event("talk@t", 4, 16, 17,
                                       title=Texts("Vortrag", "Talk", "Доклад"))
    return programme


def row_menu(agenda, day: date, uid: str = "cafe@t"):
    """Right-click the row of ``uid`` on ``day``: the menu that pops up."""
    table = agenda.table
    index = agenda_row(agenda, day, uid)
    table.scrollTo(index)
    return right_click(table, table.visualRect(index).center())


def named(menu, text: str):
    """The action of ``menu`` whose text (without its mnemonic) is ``text``."""
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError([a.text() for a in menu.actions()])


def test_the_row_menu_is_the_grid_blocks_and_acts_on_that_occurrence(qtbot):
    with language("en"):
        window = make_window(qtbot, "en", with_talk())
        programme = window.document.programme
        actions = window.event_actions
        agenda = show_agenda(window)
        menu = row_menu(agenda, FRIDAY)
        assert [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()] == [
            "Edit Event…", "Duplicate", "Cut", "Copy", "Star", "Cancel Event",
            "Move and Resize", "Delete"]
        assert agenda.selected_occurrences() == {"cafe@t": at(5, 16)}
        # Cancel Event: asked about Friday's occurrence, which alone is called off.
        seen: list[str] = []
        answer("Only This Occurrence", seen)
        choose(menu, actions.cancel_action)
        assert len(seen) == 1 and "occurrence of 5 Apr 2019 16:00" in seen[0]
        series = programme.events["cafe@t"]
        assert occurrence_of(series, at(5, 16)).status == "cancelled"
        assert series.status == "confirmed"
        # Its menu now restores it, without a question (it was called off on its own).
        menu = row_menu(agenda, FRIDAY)
        restore = named(menu, "Restore Event")
        choose(menu, restore)
        assert occurrence_of(programme.events["cafe@t"], at(5, 16)).status == "confirmed"
        assert len(seen) == 1
        # Star: My Programme has the event.
        menu = row_menu(agenda, FRIDAY)
        choose(menu, named(menu, "Star"))
        assert window.my_programme.stars.starred() == {"cafe@t"}
        # Copy on Thursday's row: that occurrence, as a single event.
        menu = row_menu(agenda, THURSDAY)
        choose(menu, actions.copy_action)
        [copy] = clipboard_events()
        assert (copy.start, copy.recurrence) == (at(4, 16), None)
        # Delete on Saturday's row: Cancel changes nothing, then Saturday alone goes.
        menu = row_menu(agenda, SATURDAY)
        answer("Cancel", seen)
        choose(menu, window.delete_action)
        assert "occurrence of 6 Apr 2019 16:00" in seen[-1]
        assert series_starts(programme)["cafe@t"] == [at(3, 16), at(4, 16), at(5, 16),
                                                      at(6, 16)]
        menu = row_menu(agenda, SATURDAY)
        answer("Only This Occurrence", seen)
        choose(menu, window.delete_action)
        assert series_starts(programme)["cafe@t"] == [at(3, 16), at(4, 16), at(5, 16)]
        # Cut on the talk's row: a single event, no question; it is on the clipboard.
        menu = row_menu(agenda, THURSDAY, "talk@t")
        choose(menu, actions.cut_action)
        assert "talk@t" not in programme.events
        assert [e.title.en for e in clipboard_events()] == ["Talk"]
        # Duplicate, as in the grid, copies the series; Edit asks about the row's occurrence.
        before = set(programme.events)
        menu = row_menu(agenda, FRIDAY)
        choose(menu, actions.duplicate_action)
        [new] = set(programme.events) - before
        assert programme.events[new].recurrence == programme.events["cafe@t"].recurrence
        menu = row_menu(agenda, FRIDAY)
        answer("Only This Occurrence", seen)
        choose(menu, window.edit_event_action)
        assert "occurrence of 5 Apr 2019 16:00" in seen[-1]
        editor = window.editor
        assert editor is not None and editor.windowTitle() == "Edit One Occurrence"
        editor.reject()
        window.close()


def test_a_right_click_among_selected_rows_keeps_them_and_asks_about_its_own(qtbot):
    """Thursday's row and the talk's selected (Ctrl+click); a right click on Thursday's
    keeps both, and Alt+Down from the menu's Move submenu moves that occurrence with the
    talk in one step."""
    with language("en"):
        window = make_window(qtbot, "en", with_talk())
        programme = window.document.programme
        agenda = show_agenda(window)
        table = agenda.table
        click_row(agenda, FRIDAY)
        talk = agenda_row(agenda, THURSDAY, "talk@t")
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier, table.visualRect(talk).center())
        thursday = agenda_row(agenda, THURSDAY)
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier,
                         table.visualRect(thursday).center())
        menu = row_menu(agenda, THURSDAY)
        assert sorted(agenda.selected_uids()) == ["cafe@t", "talk@t"]
        assert agenda.focused_occurrence("cafe@t") == at(4, 16)
        seen: list[str] = []
        answer("Only This Occurrence", seen)
        move = window.event_actions.move_menu
        choose(menu, move.menuAction())
        qtbot.waitUntil(move.isVisible)
        choose(move, window.event_actions.later_action)
        assert len(seen) == 1 and "occurrence of 4 Apr 2019 16:00" in seen[0]
        [override] = programme.events["cafe@t"].overrides
        assert (override.start, programme.events["talk@t"].start) == (at(4, 16, 15),
                                                                     at(4, 16, 15))
        assert window.document.undo_stack.count() == 1
        window.close()


def cell_has_red(agenda, day: date, uid: str = "cafe@t", column: int = TIME) -> bool:
    """Whether the cell of ``column`` in the row of ``uid`` on ``day`` shows red."""
    table = agenda.table
    index = agenda_row(agenda, day, uid).siblingAtColumn(column)
    table.scrollTo(index)
    table.viewport().repaint()
    image = table.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    rect = table.visualRect(index)
    return any(is_red(image.pixelColor(round(x * ratio), round(y * ratio)))
               for x in range(rect.left(), rect.right())
               for y in range(rect.top(), rect.bottom()))


@pytest.mark.parametrize("lang, tip", [
    ("en", "This occurrence (Thursday 4 April 2019) clashes with another event"),
    ("de", "Dieser Termin (Donnerstag 4. April 2019) überschneidet"),
    ("ru", "Это повторение (четверг 4 апреля 2019\u202fг.) конфликтует"),
])
def test_clashing_occurrences_are_marked_in_red_with_the_grids_tooltip(qtbot, lang, tip):
    with language(lang):
        window = make_window(qtbot, lang, with_talk())
        agenda = show_agenda(window)
        panel = window.clash_panel
        qtbot.waitUntil(lambda: len(panel.clashes()) == 1)

        def row_data(day, role, uid="cafe@t", column=TIME):
            return agenda_row(agenda, day, uid).siblingAtColumn(column).data(role)

        qtbot.waitUntil(lambda: row_data(THURSDAY, CLASHING_ROLE))
        assert row_data(THURSDAY, CLASHING_ROLE, "talk@t")
        assert not any(row_data(d, CLASHING_ROLE) for d in (date(2019, 4, 3), FRIDAY))
        # The row is outlined in red, as the grid outlines the block, across the row.
        for column in (DAY, TIME, TITLE, SPEAKERS):
            assert cell_has_red(agenda, THURSDAY, column=column), column
            assert not cell_has_red(agenda, FRIDAY, column=column), column
        tooltip = row_data(THURSDAY, Qt.ItemDataRole.ToolTipRole)
        assert tip in tooltip
        # The talk is a single event: the grid's words for a whole event.
        grid_tip = window.grid.tooltip_text("talk@t")
        whole = grid_tip.splitlines()[-1]
        assert whole in row_data(THURSDAY, Qt.ItemDataRole.ToolTipRole, "talk@t")
        assert tip.split("(")[0] not in row_data(FRIDAY, Qt.ItemDataRole.ToolTipRole)
        # The talk deleted from its row's menu: the marks go; undone, they come back.
        menu = row_menu(agenda, THURSDAY, "talk@t")
        choose(menu, window.delete_action)
        qtbot.waitUntil(lambda: not row_data(THURSDAY, CLASHING_ROLE))
        assert not cell_has_red(agenda, THURSDAY)
        window.undo_action.trigger()
        qtbot.waitUntil(lambda: row_data(THURSDAY, CLASHING_ROLE))
        window.close()


def test_marks_reach_an_agenda_made_after_the_check(qtbot):
    with language("en"):
        window = make_window(qtbot, "en", with_talk())
        panel = window.clash_panel
        qtbot.waitUntil(lambda: len(panel.clashes()) == 1)
        agenda = show_agenda(window)
        assert agenda_row(agenda, THURSDAY).siblingAtColumn(TIME).data(CLASHING_ROLE)
        window.close()


@pytest.mark.parametrize("lang, words", [
    ("en", "1 event pasted at the time copied, Thu 4 Apr 16:00, and selected"),
    ("de", "1 Veranstaltung zur kopierten Zeit eingefügt, Do. 4. Apr. 16:00, und ausgewählt"),
    ("ru", "1 мероприятие вставлено в прежнее время, чт 4 апр. 16:00, и выделено"),
])
def test_pasting_in_the_agenda_puts_the_copy_at_the_time_copied_and_says_so(
        qtbot, lang, words):
    with language(lang):
        window = make_window(qtbot, lang, with_talk())
        programme = window.document.programme
        agenda = show_agenda(window)
        table = agenda.table
        click_row(agenda, THURSDAY)
        keys(window, table, Qt.Key.Key_C)
        before = set(programme.events)
        keys(window, table, Qt.Key.Key_V)
        [new] = set(programme.events) - before
        copy = programme.events[new]
        assert (copy.start, copy.end, copy.recurrence, copy.venue) == (
            at(4, 16), at(4, 17), None, "goethe")
        # The new row is the one selected (and shown), so that the next keys move it.
        assert agenda.selected_uids() == [new]
        message = window.statusBar().currentMessage()
        assert words in message, message
        keys(window, table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        assert programme.events[new].start == at(4, 16, 15)
        assert programme.events["cafe@t"].overrides == ()
        window.close()
