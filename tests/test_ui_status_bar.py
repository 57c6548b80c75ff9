"""Status-bar messages are readable in a 1024 px window in German, English and Russian:
the long ones are written to fit beside the bar's permanent widgets (the programme's
counts, the sync status), measured with the window's font; one that cannot fit (an event's
long title) ends in "…" and the bar's tooltip has it whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_helpers import active_window

from planner.builtin import load_builtin
from ui.i18n import language
from ui.status_bar import StatusBar

LANGS = ["en", "de", "ru"]


def small_window(qtbot, lang):
    window = active_window(qtbot, load_builtin(), lang, (1024, 700))
    # The sync status arrives after the first frame: the room is measured beside it.
    qtbot.waitUntil(lambda: window._painted and window._sync_panel is not None)
    qtbot.waitUntil(lambda: window.statusBar().message_room() < 900)
    return window


def shown_whole(qtbot, bar: StatusBar) -> str:
    """The message shown, after checking it is the whole of it and fits its room beside
    the permanent widgets once they are laid out for their new texts (after an edit the
    counts say "unsaved changes")."""
    qtbot.wait(50)
    message = bar.currentMessage()
    assert message and message == bar.full_message(), (message, bar.full_message())
    width = bar.fontMetrics().horizontalAdvance(message)
    assert width <= bar.message_room(), (message, width, bar.message_room())
    return message


def keys(window, widget, key, modifier=Qt.KeyboardModifier.ControlModifier):
    window.activateWindow()
    QApplication.processEvents()
    QTest.keyClick(widget, key, modifier)


@pytest.mark.parametrize("lang, words, why", [
    ("en", "events pasted at the times copied", "no slot to paste into"),
    ("de", "Veranstaltungen eingefügt (kopierte Zeiten, ab", "keine Stelle"),
    ("ru", "вставлено в прежнее время", "некуда вставить"),
])
def test_the_agenda_paste_message_fits_a_1024_px_window(qtbot, lang, words, why):
    """Ctrl+A, Ctrl+C, Ctrl+V in the agenda: the message says how many, where and that
    they are selected, whole; why there (no slot) is in the tooltip."""
    with language(lang):
        window = small_window(qtbot, lang)
        window.view_actions["agenda"].trigger()
        table = window.agenda.table
        first = table.visualRect(window.agenda.proxy.index(0, 0)).center()
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, first)
        for key in (Qt.Key.Key_A, Qt.Key.Key_C, Qt.Key.Key_V):
            keys(window, table, key)
        bar = window.status_bar
        message = shown_whole(qtbot, bar)
        assert words in message, message
        assert message in bar.toolTip() and why in bar.toolTip(), bar.toolTip()
        window.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_print_messages_fit_a_1024_px_window(qtbot, lang):
    """The longest fixed messages, from printing what the Find panel's filter shows: a
    filter that shows nothing, and one that shows a few events."""
    with language(lang):
        window = small_window(qtbot, lang)
        find = window.my_programme
        search = window.findChild(object, "search")
        bar = window.status_bar
        QTest.keyClicks(search, "zzzz-nothing")
        search.returnPressed.emit()
        qtbot.waitUntil(lambda: find.shown_uids() == set())
        find.preview_action.trigger()
        assert shown_whole(qtbot, bar)
        search.clear()
        QTest.keyClicks(search, "NRW")
        search.returnPressed.emit()
        qtbot.waitUntil(lambda: bool(find.shown_uids()))
        count = len(find.shown_uids())
        find.preview_action.trigger()
        assert str(count) in shown_whole(qtbot, bar)
        for dialog in QApplication.topLevelWidgets():
            if dialog is not window and dialog.isVisible():
                dialog.close()
        window.close()


@pytest.mark.parametrize("lang, too_long", [("en", False), ("de", True), ("ru", True)])
def test_a_message_too_long_for_the_bar_ends_in_an_ellipsis_and_is_whole_in_its_tooltip(
        qtbot, lang, too_long):
    """Moving the event with the longest title (Alt+Down) says "Move “…”" with the
    title. In English it fits; in German and Russian (a longer title, and less room beside
    the counts and the sync status) the bar shows the start of it, cut at "…" inside its
    room, and the tooltip the whole message; once the window is wider, more of it."""
    with language(lang):
        window = small_window(qtbot, lang)
        grid = window.grid
        programme = window.document.programme
        uid = max((e for e in programme.events.values() if e.recurrence is None),
                  key=lambda e: len(e.title.get(lang))).uid
        window.go_to_date(programme.events[uid].start.date())
        grid.scroll_to_uid(uid)
        rect = grid.block_rect(uid)
        assert rect is not None
        QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier,
                         QPoint(round(rect.center().x()), round(rect.top() + 8)))
        keys(window, grid, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        bar = window.status_bar
        qtbot.wait(50)
        whole = bar.full_message()
        title = programme.events[uid].title.get(lang)
        assert title in whole
        if not too_long:
            assert shown_whole(qtbot, bar) == whole and not bar.toolTip()
            window.close()
            return
        shown = bar.currentMessage()
        assert shown.endswith("…") and whole.startswith(shown[:-1])
        assert bar.fontMetrics().horizontalAdvance(shown) <= bar.message_room()
        assert bar.toolTip() == whole
        window.resize(1600, 700)
        qtbot.waitUntil(lambda: len(bar.currentMessage()) > len(shown))
        assert bar.full_message() == whole
        window.close()
