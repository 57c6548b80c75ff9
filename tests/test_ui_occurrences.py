"""One occurrence of a repeating event, changed in the grid as a user changes it: dragged,
resized, nudged, edited, cancelled or deleted, each time asked "only this occurrence, this
and the following ones, or the whole series" (as KOrganizer and Google Calendar ask), kept
as an exception of the series (RECURRENCE-ID) or split into two series, one undo step
each."""

from __future__ import annotations

from datetime import UTC, date

import icalendar
import pytest
from factories import at, event, small_programme
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid
from ui_helpers import active_window, click, double_click, drag, y_shift

from planner.model import Recurrence, RecurrenceId, Texts
from planner.recurrence import occurrences
from ui.i18n import language

THURSDAY = date(2019, 4, 4)


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
    assert seen == ["“Café D” repeats. Delete only the occurrence of 4 Apr 2019 16:00, "
                    "this and the following ones, or the whole series?"]
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
