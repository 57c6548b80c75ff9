"""One occurrence of a repeating event, changed in the grid as a user changes it: dragged,
resized, nudged, edited, cancelled or deleted, each time asked "only this occurrence, this
and the following ones, or the whole series" (as KOrganizer and Google Calendar ask), kept
as an exception of the series (RECURRENCE-ID) or split into two series, one undo step
each."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date

import icalendar
import pytest
from factories import at, event, small_programme
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid
from ui_helpers import active_window, block_point, click, double_click, drag, y_shift

from planner.model import Recurrence, RecurrenceId, Texts
from planner.recurrence import occurrences
from ui.i18n import language

THURSDAY = date(2019, 4, 4)
DELETE_THURSDAY = ("“Café D” repeats. Delete only the occurrence of 4 Apr 2019 16:00, this "
                   "and the following ones, or the whole series?")


def programme_with_series():
    programme = small_programme()
    programme.events["cafe@t"] = event(
        "cafe@t", 3, 16, 17, recurrence=Recurrence("FREQ=DAILY;COUNT=4"),
        title=Texts("Café D", "Café D", "Кафе D"))
    return programme


@pytest.fixture
def window(qtbot):
    with language("en"):
        yield make_window(qtbot, "en")


def make_window(qtbot, lang, programme=None):
    window = active_window(qtbot, programme or programme_with_series(), lang)
    window.grid.verticalScrollBar().setValue(round(14 * window.grid.hour_height))
    return window


def answer(button_text: str, seen: list[str], key: Qt.Key | None = None) -> None:
    """When the question comes up, note its text and the buttons' and click the button
    named so (or, with ``key``, press Alt and that key, as a keyboard user does)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "occurrence_or_series":
            QTimer.singleShot(20, click)
            return
        press(box)

        def unanswered() -> None:
            # The answer did not close it: say so rather than hang.
            if isValid(box) and box.isVisible():
                seen.append("not answered")
                box.reject()

        # A key clicks its button as a user sees it, animated: a moment later.
        QTimer.singleShot(2000, unanswered)

    def press(box: QMessageBox) -> None:
        seen.append(box.text())
        buttons.extend(b.text() for b in box.buttons())
        if key is not None:
            box.activateWindow()
            QApplication.processEvents()
            QTest.keyClick(box, key, Qt.KeyboardModifier.AltModifier)
            return
        [button] = [b for b in box.buttons() if button_text in b.text().replace("&", "")]
        button.click()

    buttons: list[str] = []
    QTimer.singleShot(0, click)


def occurrence_block(grid, day: date):
    """A point in the block of cafe@t's occurrence on ``day``."""
    for block, rect in grid.visible_blocks():
        if block.uid == "cafe@t" and block.key[0] == day:
            return QPoint(round(rect.center().x()), round(rect.top() + 12)), block
    raise AssertionError(f"no occurrence on {day}")


def test_dragging_one_occurrence_asks_and_keeps_an_exception(window):
    grid, programme = window.grid, window.document.programme
    series = programme.events["cafe@t"]
    point, _ = occurrence_block(grid, THURSDAY)
    target = QPoint(round(grid.x_for(THURSDAY)), point.y() + y_shift(grid, at(4, 16), at(4, 18)))
    seen: list[str] = []
    answer("Only This Occurrence", seen)
    drag(grid, point, target)
    assert seen == ["“Café D” repeats. Change only the occurrence of 4 Apr 2019 16:00, "
                    "this and the following ones, or the whole series?"]
    changed = programme.events["cafe@t"]
    [override] = changed.overrides
    assert override.recurrence_id == RecurrenceId(at(4, 16))
    assert (override.start, override.end) == (at(4, 18), at(4, 19))
    assert changed.start == series.start and changed.recurrence == series.recurrence
    assert occurrences(changed) == [(at(3, 16), at(3, 17)), (at(4, 18), at(4, 19)),
                                    (at(5, 16), at(5, 17)), (at(6, 16), at(6, 17))]
    # The grid shows it where it now is, and the next occurrence where it was.
    _, block = occurrence_block(grid, THURSDAY)
    assert (block.start, block.recurrence_id) == (at(4, 18), at(4, 16))
    stack = window.document.undo_stack
    assert stack.undoText() == "Change one occurrence of “Café D”"
    stack.undo()
    assert programme.events["cafe@t"].overrides == ()


def test_the_whole_series_or_nothing(window):
    grid, programme = window.grid, window.document.programme
    point, _ = occurrence_block(grid, THURSDAY)
    target = QPoint(point.x(), point.y() + y_shift(grid, at(4, 16), at(4, 17)))
    seen: list[str] = []
    answer("Cancel", seen)
    drag(grid, point, target)
    assert programme.events["cafe@t"].start == at(3, 16)
    assert window.document.undo_stack.count() == 0
    answer("The Whole Series", seen)
    drag(grid, point, target)
    moved = programme.events["cafe@t"]
    assert (moved.start, moved.overrides) == (at(3, 17), ())
    # Resizing one occurrence: its own end, the series keeps its length.
    point, _ = occurrence_block(grid, date(2019, 4, 5))
    grid.verticalScrollBar().setValue(round(15 * grid.hour_height))
    edge = bottom_edge_of(grid, date(2019, 4, 5))
    answer("Only This Occurrence", seen)
    drag(grid, edge, QPoint(edge.x(), edge.y() + y_shift(grid, at(5, 18), at(5, 18, 30))))
    [override] = programme.events["cafe@t"].overrides
    assert (override.start, override.end) == (at(5, 17), at(5, 18, 30))
    assert programme.events["cafe@t"].duration.seconds == 3600


def bottom_edge_of(grid, day):
    for block, rect in grid.visible_blocks():
        if block.uid == "cafe@t" and block.key[0] == day:
            return QPoint(round(rect.center().x()), round(rect.bottom() - 2))
    raise AssertionError(day)


def test_editing_one_occurrence_changes_only_it(window, qtbot):
    grid, programme = window.grid, window.document.programme
    point, _ = occurrence_block(grid, THURSDAY)
    seen: list[str] = []
    answer("Only This Occurrence", seen)
    double_click(grid, point)
    editor = window.editor
    assert editor is not None and editor.windowTitle() == "Edit One Occurrence"
    assert not editor.repeat_combo.isEnabled()
    field = editor.title_edit.field("en")
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Guest night at the cafe")
    editor.ok_button.click()
    [override] = programme.events["cafe@t"].overrides
    assert override.title.en == "Guest night at the cafe"
    assert programme.events["cafe@t"].title.en == "Café D"
    _, block = occurrence_block(grid, THURSDAY)
    assert block.occurrence is not None and block.occurrence.title.en == "Guest night at the cafe"
    # The whole series: the editor on the series, as before.
    answer("The Whole Series", seen)
    double_click(grid, occurrence_block(grid, date(2019, 4, 5))[0])
    assert window.editor.windowTitle() != "Edit One Occurrence"
    assert window.editor.repeat_combo.isEnabled()
    window.editor.reject()


def test_keys_and_the_menu_change_one_occurrence_too(window):
    grid, programme = window.grid, window.document.programme
    point, _ = occurrence_block(grid, THURSDAY)
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, point)
    seen: list[str] = []
    answer("Only This Occurrence", seen)
    QTest.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    [override] = programme.events["cafe@t"].overrides
    assert override.start == at(4, 16, 15)
    # Cancel that occurrence from the context menu: it stays in view, struck through.
    actions = window.event_actions
    answer("Only This Occurrence", seen)
    actions.cancel_action.trigger()
    [override] = programme.events["cafe@t"].overrides
    assert override.status == "cancelled" and programme.events["cafe@t"].status == "confirmed"
    _, block = occurrence_block(grid, THURSDAY)
    assert block.occurrence is not None and block.occurrence.status == "cancelled"
    actions.refresh()
    assert actions.cancel_action.text() == "Rest&ore Event"
    actions.cancel_action.trigger()  # restoring one occurrence asks nothing
    assert programme.events["cafe@t"].overrides[0].status == "confirmed"
    assert len(seen) == 2


def series_starts(programme):
    """Every series of Café D in the programme, by UID: (first start, starts on the days)."""
    return {uid: [start for start, _ in occurrences(e, *programme.window)]
            for uid, e in programme.events.items() if e.title.en.startswith("Café")}


def test_this_and_following_splits_the_series_by_drag_with_the_keyboard(window):
    """Alt+F answers "This and Following": the series ends before Thursday, a new series
    runs from Thursday on an hour later; one undo step puts the one series back."""
    grid, programme = window.grid, window.document.programme
    point, _ = occurrence_block(grid, THURSDAY)
    seen: list[str] = []
    answer("", seen, key=Qt.Key.Key_F)
    drag(grid, point, QPoint(point.x(), point.y() + y_shift(grid, at(4, 16), at(4, 17))))
    starts = series_starts(programme)
    assert starts.pop("cafe@t") == [at(3, 16)]
    [(uid, rest)] = starts.items()
    assert rest == [at(4, 17), at(5, 17), at(6, 17)]
    assert programme.events[uid].recurrence is not None
    assert window.document.undo_stack.undoText() == "Change “Café D” from 4 Apr 2019 16:00 on"
    window.undo_action.trigger()
    assert series_starts(programme) == {"cafe@t": [at(3, 16), at(4, 16), at(5, 16), at(6, 16)]}
    window.redo_action.trigger()
    assert len(series_starts(programme)) == 2


def test_editing_this_and_following_edits_a_new_series(window, qtbot):
    grid, programme = window.grid, window.document.programme
    seen: list[str] = []
    answer("This and Following", seen)
    double_click(grid, occurrence_block(grid, date(2019, 4, 5))[0])
    editor = window.editor
    assert editor is not None and editor.windowTitle() == "Edit This and Following Occurrences"
    assert editor.repeat_combo.isEnabled()
    field = editor.title_edit.field("en")
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Night cafe")
    editor.ok_button.click()
    titles = {e.title.en: [s for s, _ in occurrences(e, *programme.window)]
              for e in programme.events.values() if e.recurrence is not None}
    assert titles == {"Café D": [at(3, 16), at(4, 16)],
                      "Night cafe": [at(5, 16), at(6, 16)]}
    window.undo_action.trigger()
    assert series_starts(programme) == {"cafe@t": [at(3, 16), at(4, 16), at(5, 16), at(6, 16)]}


def test_delete_asks_too(window):
    """The Delete key on one occurrence: only it (an EXDATE), from it on (the series ends
    before it), the whole series, or nothing."""
    grid, programme = window.grid, window.document.programme
    point, _ = occurrence_block(grid, THURSDAY)
    click(grid, point)
    seen: list[str] = []
    answer("Cancel", seen)
    QTest.keyClick(grid, Qt.Key.Key_Delete)
    assert seen == [DELETE_THURSDAY]
    assert window.document.undo_stack.count() == 0
    answer("Only This Occurrence", seen)
    QTest.keyClick(grid, Qt.Key.Key_Delete)
    series = programme.events["cafe@t"]
    assert series.recurrence.exdates == (at(4, 16),)
    assert series_starts(programme) == {"cafe@t": [at(3, 16), at(5, 16), at(6, 16)]}
    assert not [b for b, _ in grid.visible_blocks() if b.uid == "cafe@t"
                and b.key[0] == THURSDAY]
    click(grid, occurrence_block(grid, date(2019, 4, 5))[0])
    answer("This and Following", seen)
    QTest.keyClick(grid, Qt.Key.Key_Delete)
    assert series_starts(programme) == {"cafe@t": [at(3, 16)]}
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert series_starts(programme) == {"cafe@t": [at(3, 16), at(4, 16), at(5, 16), at(6, 16)]}
    click(grid, occurrence_block(grid, THURSDAY)[0])
    answer("The Whole Series", seen)
    QTest.keyClick(grid, Qt.Key.Key_Delete)
    assert "cafe@t" not in programme.events


def test_a_changed_occurrence_is_marked_and_clashes_where_it_now_is(qtbot):
    with language("en"):
        programme = programme_with_series()
        programme.events["talk@t"] = event("talk@t", 4, 18, 19, venue="goethe")
        window = make_window(qtbot, "en", programme)
        panel = window.clash_panel
        qtbot.waitUntil(lambda: panel.index is not None and not panel.checking)
        assert panel.clashes() == []
        grid = window.grid
        point, block = occurrence_block(grid, THURSDAY)
        assert "a change asks whether" in grid.tooltip_text("cafe@t", block)
        unchanged = corner(window, THURSDAY)
        seen: list[str] = []
        answer("Only This Occurrence", seen)
        drag(grid, point, QPoint(point.x(), point.y() + y_shift(grid, at(4, 16), at(4, 18))))
        qtbot.waitUntil(lambda: len(panel.clashes()) == 1)
        [clash] = panel.clashes()
        assert clash.events == ("cafe@t", "talk@t") and clash.starts[0] == at(4, 18)
        _, block = occurrence_block(grid, THURSDAY)
        text = grid.tooltip_text("cafe@t", block)
        assert "Changed occurrence of a repeating event" in text and "18:00–19:00" in text
        # The folded corner: on the changed occurrence only (the series is selected now:
        # every occurrence has the selected colour).
        friday = corner(window, date(2019, 4, 5))
        assert corner(window, THURSDAY).lightness() < friday.lightness() - 20
        grid.select_uids([])
        assert abs(corner(window, date(2019, 4, 5)).lightness() - unchanged.lightness()) < 3
        window.undo_action.trigger()
        qtbot.waitUntil(lambda: panel.clashes() == [])
        window.close()


def corner(window, day):
    """The colour just inside the top right corner of the occurrence on ``day``."""
    grid = window.grid
    grid.viewport().repaint()
    for block, rect in grid.visible_blocks():
        if block.uid == "cafe@t" and block.key[0] == day:
            image = grid.viewport().grab().toImage()
            ratio = image.devicePixelRatio()
            x, y = rect.right() - 3, rect.top() + 2
            return image.pixelColor(round(x * ratio), round(y * ratio))
    raise AssertionError(day)


def test_file_export_writes_the_changed_occurrence_as_every_client_reads_it(
        window, qtbot, tmp_path):
    """Dragged on its own, then File › Export ICS: a VEVENT with RECURRENCE-ID beside its
    series, read at the same instants by icalendar, vobject, libical and ical.js."""
    from support.parsers import agree, ensure_icaljs, read_all

    from ui.dialogs.export import ExportDialog

    grid = window.grid
    point, _ = occurrence_block(grid, THURSDAY)
    seen: list[str] = []
    answer("Only This Occurrence", seen)
    drag(grid, point, QPoint(point.x(), point.y() + y_shift(grid, at(4, 16), at(4, 18))))
    window.export_action.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "programme.ics"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    rids = [c.decoded("RECURRENCE-ID") for c in calendar.walk("VEVENT")
            if str(c["UID"]) == "cafe@t" and "RECURRENCE-ID" in c]
    assert rids == [at(4, 16)]
    ensure_icaljs()
    results = read_all(target.read_bytes(), occurrences=4)
    assert agree(results) == []
    utc = "%Y-%m-%dT%H:%M:%SZ"
    for name, result in results.items():
        changed = result.events[f"cafe@t|{at(4, 16).astimezone(UTC):{utc}}"]
        assert (changed.start, changed.end) == (f"{at(4, 18).astimezone(UTC):{utc}}",
                                                f"{at(4, 19).astimezone(UTC):{utc}}"), name


@pytest.mark.parametrize("lang, question, deleting, buttons", [
    ("de", "„Café D“ wiederholt sich.", "Nur diesen Termin löschen",
     ["Nur &diesen Termin", "Diesen und alle &folgenden", "Die &ganze Serie"]),
    ("ru", "«Кафе D» повторяется.", "Удалить только",
     ["Только &это повторение", "Это и &следующие", "&Всю серию"]),
])
def test_the_question_speaks_the_language(qtbot, lang, question, deleting, buttons):
    with language(lang):
        window = make_window(qtbot, lang)
        grid = window.grid
        point, _ = occurrence_block(grid, THURSDAY)
        seen: list[str] = []
        answer(buttons[0].replace("&", ""), seen)
        drag(grid, point, QPoint(point.x(), point.y() + y_shift(grid, at(4, 16), at(4, 17))))
        assert seen[0].startswith(question)
        assert window.document.programme.events["cafe@t"].overrides
        click(grid, occurrence_block(grid, date(2019, 4, 5))[0])
        answer(buttons[1].replace("&", ""), seen)
        QTest.keyClick(grid, Qt.Key.Key_Delete)
        assert deleting in seen[1]
        assert series_starts(window.document.programme) == {
            "cafe@t": [at(3, 16), at(4, 17)]}
        window.close()


# -- Copy and Cut of one occurrence; a choice made in the agenda, Find or the clash list;
#    the clash outline on the clashing occurrence only


def series_with_guest_night():
    """Café D daily at 16:00 (3-6 April), its Thursday changed on its own: 18:00-19:30,
    "Guest night"."""
    from planner.edits import occurrence_of, overridden

    programme = programme_with_series()
    series = programme.events["cafe@t"]
    programme.events["cafe@t"] = overridden(series, at(4, 16), dataclasses.replace(
        occurrence_of(series, at(4, 16)), start=at(4, 18), end=at(4, 19, 30),
        title=Texts("Gastabend", "Guest night", "Гостевой вечер")))
    return programme


def clipboard_events():
    from planner.edits import from_clipboard
    from ui.event_actions import EVENTS_MIME

    data = QApplication.clipboard().mimeData()
    return from_clipboard(json.loads(bytes(data.data(EVENTS_MIME).data())))


def clipboard_calendar():
    data = QApplication.clipboard().mimeData()
    return icalendar.Calendar.from_ical(bytes(data.data("text/calendar").data()))


def asks_nothing(seen: list[str]):
    """While the returned guard is on, a question box that comes up is noted in ``seen``
    and closed (so that a question where none belongs fails the test, not hangs it)."""
    guard = {"on": True}

    def look() -> None:
        box = QApplication.activeModalWidget()
        if guard["on"] and isinstance(box, QMessageBox):
            seen.append(box.text())
            box.reject()

    QTimer.singleShot(400, look)
    return guard


def keys(window, widget, key: Qt.Key,
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.ControlModifier) -> None:
    """Press ``key`` with ``modifier`` in ``widget`` of the active window (after a question
    box the offscreen platform leaves no window active, as a desktop does not)."""
    window.activateWindow()
    QApplication.processEvents()
    QTest.keyClick(widget, key, modifier)


def empty_slot(grid, day: date, hour: int) -> QPoint:
    return QPoint(round(grid.x_for(day)), round(grid.time_to_y(at(day.day, hour)) + 2))


def paste_at(window, day: date, hour: int) -> str:
    """Click an empty slot, move the pointer off the grid and press Ctrl+V: the new UID."""
    grid = window.grid
    before = set(window.document.programme.events)
    click(grid, empty_slot(grid, day, hour))
    QTest.mouseMove(window.legend, QPoint(5, 5))
    grid.leaveEvent(None)  # offscreen windows do not always tell of the pointer leaving
    keys(window, grid, Qt.Key.Key_V)
    [new] = set(window.document.programme.events) - before
    return new


SUNDAY = date(2019, 4, 7)


def test_copying_one_occurrence_copies_a_single_event_as_that_occurrence_is(qtbot):
    """Ctrl+C on the changed Thursday: one event that does not repeat, at 18:00-19:30 with
    the title "Guest night", in our own data and as iCalendar; Ctrl+V makes a single event,
    one undo step; nothing is asked and the series is untouched."""
    with language("en"):
        window = make_window(qtbot, "en", series_with_guest_night())
        grid, programme = window.grid, window.document.programme
        series = programme.events["cafe@t"]
        click(grid, occurrence_block(grid, THURSDAY)[0])
        seen: list[str] = []
        guard = asks_nothing(seen)
        keys(window, grid, Qt.Key.Key_C)
        guard["on"] = False
        assert seen == []
        [copy] = clipboard_events()
        assert (copy.start, copy.end, copy.title.en) == (at(4, 18), at(4, 19, 30),
                                                         "Guest night")
        assert copy.recurrence is None and copy.overrides == () and copy.recurrence_id is None
        [vevent] = clipboard_calendar().walk("VEVENT")
        assert "RRULE" not in vevent and "RECURRENCE-ID" not in vevent
        assert str(vevent["SUMMARY"]) == "Guest night"
        assert vevent.decoded("DTSTART") == at(4, 18)
        assert "Guest night" in QApplication.clipboard().text()
        new = paste_at(window, SUNDAY, 19)
        pasted = programme.events[new]
        assert (pasted.start, pasted.end, pasted.title.en) == (at(7, 19), at(7, 20, 30),
                                                               "Guest night")
        assert pasted.recurrence is None and pasted.overrides == ()
        assert programme.events["cafe@t"] == series
        stack = window.document.undo_stack
        assert (stack.count(), stack.undoText()) == (1, "Paste “Guest night”")
        # An occurrence not changed: the series' own content at that occurrence's time.
        click(grid, occurrence_block(grid, date(2019, 4, 5))[0])
        keys(window, grid, Qt.Key.Key_C)
        [copy] = clipboard_events()
        assert (copy.start, copy.end, copy.title.en, copy.recurrence) == (
            at(5, 16), at(5, 17), "Café D", None)
        window.close()


def test_ctrl_drag_of_a_changed_occurrence_copies_it_as_it_is(qtbot):
    with language("en"):
        window = make_window(qtbot, "en", series_with_guest_night())
        grid, programme = window.grid, window.document.programme
        point, _ = occurrence_block(grid, THURSDAY)
        target = QPoint(round(grid.x_for(SUNDAY)), point.y() + y_shift(grid, at(4, 18),
                                                                       at(4, 19)))
        before = set(programme.events)
        drag(grid, point, target, modifier=Qt.KeyboardModifier.ControlModifier)
        [new] = set(programme.events) - before
        copy = programme.events[new]
        assert (copy.start, copy.end, copy.title.en, copy.recurrence) == (
            at(7, 19), at(7, 20, 30), "Guest night", None)
        window.close()


def test_cutting_one_occurrence_asks_as_delete_does(qtbot):
    """Ctrl+X on one occurrence asks like Delete: Cancel changes nothing; "Only this
    occurrence" copies it as a single event and takes it out of the series (EXDATE), one
    undo step; "This and following" copies the rest as a series and ends the series before
    it; "The whole series" copies the series and deletes it."""
    with language("en"):
        window = make_window(qtbot, "en", series_with_guest_night())
        grid, programme = window.grid, window.document.programme
        stack = window.document.undo_stack
        series = programme.events["cafe@t"]
        friday = date(2019, 4, 5)
        click(grid, occurrence_block(grid, friday)[0])
        seen: list[str] = []
        answer("Cancel", seen)
        keys(window, grid, Qt.Key.Key_X)
        assert seen == ["“Café D” repeats. Delete only the occurrence of 5 Apr 2019 16:00, "
                        "this and the following ones, or the whole series?"]
        assert programme.events["cafe@t"] == series and stack.count() == 0
        answer("Only This Occurrence", seen)
        keys(window, grid, Qt.Key.Key_X)
        assert programme.events["cafe@t"].recurrence.exdates == (at(5, 16),)
        assert programme.events["cafe@t"].overrides == series.overrides
        assert series_starts(programme) == {"cafe@t": [at(3, 16), at(4, 18), at(6, 16)]}
        assert (stack.count(), stack.undoText()) == (1, "Delete one occurrence of “Café D”")
        [copy] = clipboard_events()
        assert (copy.start, copy.end, copy.recurrence) == (at(5, 16), at(5, 17), None)
        new = paste_at(window, SUNDAY, 19)
        assert (programme.events[new].start, programme.events[new].recurrence) == (
            at(7, 19), None)
        stack.undo()
        stack.undo()
        assert programme.events["cafe@t"] == series and new not in programme.events
        # This and the following ones, from the changed Thursday on.
        click(grid, occurrence_block(grid, THURSDAY)[0])
        answer("This and Following", seen)
        keys(window, grid, Qt.Key.Key_X)
        assert series_starts(programme) == {"cafe@t": [at(3, 16)]}
        [rest] = clipboard_events()
        assert rest.recurrence is not None
        assert [s for s, _ in occurrences(rest)] == [at(4, 18), at(5, 16), at(6, 16)]
        stack.undo()
        # The whole series.
        click(grid, occurrence_block(grid, THURSDAY)[0])
        answer("The Whole Series", seen)
        keys(window, grid, Qt.Key.Key_X)
        assert "cafe@t" not in programme.events
        [whole] = clipboard_events()
        assert whole.uid == "cafe@t" and whole.recurrence == series.recurrence
        assert whole.overrides == series.overrides
        stack.undo()
        assert programme.events["cafe@t"] == series
        assert len(seen) == 4
        window.close()


def show_agenda(window):
    window.view_actions["agenda"].trigger()
    agenda = window.agenda
    assert agenda is not None and window.view == "agenda"
    return agenda


def agenda_row(agenda, day: date, uid: str = "cafe@t"):
    """The table index of the agenda row of ``uid``'s occurrence on ``day``."""
    proxy = agenda.proxy
    for n in range(proxy.rowCount()):
        index = proxy.index(n, 0)
        row = agenda.model.row_at(proxy.mapToSource(index).row())
        if row.event.uid == uid and row.start.date() == day:
            return index
    raise AssertionError(f"no row of {uid} on {day}")


def click_row(agenda, day: date) -> None:
    table = agenda.table
    index = agenda_row(agenda, day)
    table.scrollTo(index)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, table.visualRect(index).center())


def test_a_row_of_the_agenda_is_one_occurrence(qtbot):
    """A row chosen in the agenda carries its occurrence: Delete, Return (edit), Alt+Down
    and Ctrl+C ask about it (or copy it) as a click in the grid does; the occurrence stays
    chosen after the edit and when the week grid is shown."""
    with language("en"):
        window = make_window(qtbot, "en")
        programme = window.document.programme
        agenda = show_agenda(window)
        table = agenda.table
        click_row(agenda, THURSDAY)
        seen: list[str] = []
        answer("Only This Occurrence", seen)
        QTest.keyClick(table, Qt.Key.Key_Delete)
        assert seen == [DELETE_THURSDAY]
        assert series_starts(programme) == {"cafe@t": [at(3, 16), at(5, 16), at(6, 16)]}
        friday = date(2019, 4, 5)
        click_row(agenda, friday)
        answer("Only This Occurrence", seen)
        QTest.keyClick(table, Qt.Key.Key_Return)
        editor = window.editor
        assert editor is not None and editor.windowTitle() == "Edit One Occurrence"
        field = editor.title_edit.field("en")
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, "Quiz night")
        editor.ok_button.click()
        series = programme.events["cafe@t"]
        assert [o.title.en for o in series.overrides] == ["Quiz night"]
        assert series.title.en == "Café D"
        titles = [agenda.model.row_at(agenda.proxy.mapToSource(agenda_row(agenda, d)).row())
                  .event.title.en for d in (date(2019, 4, 3), friday, date(2019, 4, 6))]
        assert titles == ["Café D", "Quiz night", "Café D"]
        # The edited row is still the one chosen: Alt+Down moves that occurrence only.
        assert agenda.focused_occurrence("cafe@t") == at(5, 16)
        table.setFocus()
        answer("Only This Occurrence", seen)
        keys(window, table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        [override] = programme.events["cafe@t"].overrides
        assert (override.start, override.title.en) == (at(5, 16, 15), "Quiz night")
        assert len(seen) == 3 and all("5 Apr 2019 16:00" in s for s in seen[1:])
        # Ctrl+C on Saturday's row: that occurrence as a single event.
        saturday = date(2019, 4, 6)
        click_row(agenda, saturday)
        keys(window, table, Qt.Key.Key_C)
        [copy] = clipboard_events()
        assert (copy.start, copy.recurrence) == (at(6, 16), None)
        # Back in the week grid, Saturday's occurrence is the one chosen.
        window.view_actions["week"].trigger()
        assert window.grid.focused_occurrence("cafe@t") == at(6, 16)
        window.close()


def test_a_row_found_with_the_find_panel_is_one_occurrence(qtbot):
    """Searched with the Find panel, then a row of the agenda chosen and cut: only that
    occurrence goes."""
    with language("en"):
        window = make_window(qtbot, "en")
        programme = window.document.programme
        agenda = show_agenda(window)
        panel = window.my_programme.panel
        panel.search_edit.setFocus()
        qtbot.keyClicks(panel.search_edit, "Caf")
        panel.flush()
        qtbot.waitUntil(lambda: set(agenda.visible_uids_in_order()) == {"cafe@t"})
        click_row(agenda, date(2019, 4, 6))
        seen: list[str] = []
        answer("Only This Occurrence", seen)
        keys(window, agenda.table, Qt.Key.Key_X)
        assert "occurrence of 6 Apr 2019 16:00" in seen[0]
        assert series_starts(programme) == {"cafe@t": [at(3, 16), at(4, 16), at(5, 16)]}
        [copy] = clipboard_events()
        assert (copy.start, copy.recurrence) == (at(6, 16), None)
        window.close()


def clash_outline(window, day: date) -> QColor:
    """The colour of the top edge of cafe@t's block on ``day``."""
    grid = window.grid
    grid.viewport().repaint()
    image = grid.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    for block, rect in grid.visible_blocks():
        if block.uid == "cafe@t" and block.key[0] == day:
            return image.pixelColor(round(rect.center().x() * ratio),
                                    round((rect.top() + 1) * ratio))
    raise AssertionError(day)


def is_red(colour: QColor) -> bool:
    return colour.red() > 180 and colour.green() < 90 and colour.blue() < 90


@pytest.mark.parametrize("lang, words", [
    ("en", ("This occurrence (Thursday 4 April 2019) clashes", "(Thu 4 Apr 16:00")),
    ("de", ("Dieser Termin (Donnerstag 4. April 2019) überschneidet", "(Do 4. Apr. 16:00")),
    ("ru", ("Это повторение (четверг 4 апреля 2019\u202fг.) конфликтует", "(чт 4 апр. 16:00")),
])
def test_only_the_clashing_occurrence_is_outlined_and_chosen_from_the_clash_list(
        qtbot, lang, words):
    """A talk at Café D's venue on Thursday at 16:00: only Thursday's occurrence gets the
    red outline and the tooltip line naming its day; the clash list names that day; a click
    on the clash chooses that occurrence, so that Edit asks about it."""
    tip, message_day = words
    with language(lang):
        programme = programme_with_series()
        programme.events["talk@t"] = event("talk@t", 4, 16, 17, venue="goethe",
                                           title=Texts("Vortrag", "Talk", "Доклад"))
        window = make_window(qtbot, lang, programme)
        panel = window.clash_panel
        qtbot.waitUntil(lambda: panel.index is not None and not panel.checking)
        [clash] = panel.clashes()
        assert message_day in clash.message
        assert panel.clashing_occurrences() == {("cafe@t", at(4, 16)), ("talk@t", None)}
        grid = window.grid
        assert is_red(clash_outline(window, THURSDAY))
        for day in (date(2019, 4, 3), date(2019, 4, 5), date(2019, 4, 6)):
            assert not is_red(clash_outline(window, day)), day
        _, thursday = occurrence_block(grid, THURSDAY)
        _, friday = occurrence_block(grid, date(2019, 4, 5))
        assert tip in grid.tooltip_text("cafe@t", thursday)
        assert tip.split("(")[0] not in grid.tooltip_text("cafe@t", friday)
        # A click on the clash chooses its occurrence: Edit asks about Thursday's.
        window.clash_dock.raise_()
        qtbot.waitUntil(panel.view.isVisible)
        view = panel.view
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier,
                         view.visualRect(panel.proxy.index(0, 2)).center())
        assert sorted(window.selected_uids()) == ["cafe@t", "talk@t"]
        assert grid.focused_occurrence("cafe@t") == at(4, 16)
        # Both selected, Alt+Down asks about that occurrence and moves it with the talk,
        # in one step.
        programme = window.document.programme
        series = programme.events["cafe@t"]
        seen: list[str] = []
        answer(ONLY_THIS[lang], seen)
        grid.setFocus()  # from the list to the grid (the views' keys work there)
        keys(window, grid, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        [override] = programme.events["cafe@t"].overrides
        assert (override.start, programme.events["talk@t"].start) == (at(4, 16, 15),
                                                                     at(4, 16, 15))
        assert programme.events["cafe@t"].start == series.start
        window.undo_action.trigger()
        assert programme.events["cafe@t"] == series
        assert programme.events["talk@t"].start == at(4, 16)
        assert grid.focused_occurrence("cafe@t") == at(4, 16)
        # Delete asks about that occurrence (Cancel changes nothing); "only this
        # occurrence" takes it out with the talk, in one step, and the clash is gone.
        seen.clear()
        answer(CANCEL[lang], seen)
        keys(window, grid, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
        assert len(seen) == 1 and window.event_actions.when(series, at(4, 16)) in seen[0]
        assert programme.events["cafe@t"] == series and "talk@t" in programme.events
        answer(ONLY_THIS[lang], seen)
        keys(window, grid, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
        assert "talk@t" not in programme.events
        assert programme.events["cafe@t"].recurrence.exdates == (at(4, 16),)
        assert window.document.undo_stack.count() == 1
        qtbot.waitUntil(lambda: panel.clashes() == [])
        window.undo_action.trigger()
        qtbot.waitUntil(lambda: len(panel.clashes()) == 1)
        assert is_red(clash_outline(window, THURSDAY))
        assert not is_red(clash_outline(window, date(2019, 4, 5)))
        window.close()


CANCEL = {"en": "Cancel", "de": "Abbrechen", "ru": "Отмена"}
ONLY_THIS = {"en": "Only This Occurrence", "de": "Nur diesen Termin",
             "ru": "Только это повторение"}


def test_a_starred_clash_in_the_find_panel_names_and_chooses_the_occurrence(qtbot):
    """Café D and a talk on Thursday starred with Ctrl+D: the Find panel's list names
    the day they meet; a click on it chooses Thursday's occurrence, which Delete then asks
    about."""
    with language("en"):
        programme = programme_with_series()
        programme.events["talk@t"] = event("talk@t", 4, 16, 17, venue="petri",
                                           title=Texts.same("Talk"))
        window = make_window(qtbot, "en", programme)
        grid = window.grid
        click(grid, occurrence_block(grid, date(2019, 4, 5))[0])
        keys(window, grid, Qt.Key.Key_D)
        click(grid, block_point(grid, "talk@t"))
        keys(window, grid, Qt.Key.Key_D)
        panel = window.my_programme.panel
        assert window.my_programme.stars.starred() == {"cafe@t", "talk@t"}
        assert "Café D ↔ Talk (Thu 4 Apr)" in panel.clash_label.text()
        grid.select_uids([])
        qtbot.mouseClick(panel.clash_label, Qt.MouseButton.LeftButton)
        assert sorted(grid.selected_uids()) == ["cafe@t", "talk@t"]
        assert grid.focused_occurrence("cafe@t") == at(4, 16)
        seen: list[str] = []
        answer("Only This Occurrence", seen)
        keys(window, grid, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
        assert seen == [DELETE_THURSDAY]
        assert series_starts(window.document.programme) == {
            "cafe@t": [at(3, 16), at(5, 16), at(6, 16)]}
        assert "talk@t" not in window.document.programme.events
        window.close()
