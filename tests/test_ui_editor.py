"""The event editor, driven as a user drives it: typing, arrow keys, Enter and clicks."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QLineEdit,
    QListWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from planner.builtin import load_builtin
from planner.model import (
    Person,
    Programme,
    Recurrence,
    Texts,
    ValidationError,
    new_uid,
    validate_event,
)
from planner.recurrence import make_rule, occurrences
from tests.factories import MSK, at, event, small_programme
from ui.dialogs.editor import EventEditor, person_id_for


def open_editor(qtbot: QtBot, programme: Programme, *args: object, **kwargs: object
                ) -> EventEditor:
    editor = EventEditor(programme, *args, lang="en", **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def press(widget: QWidget, key: Qt.Key, times: int = 1) -> None:
    widget.setFocus()
    if isinstance(widget, QDateEdit):
        # Put the cursor in the first section, as a click into the field would.
        QTest.keyClick(widget, Qt.Key.Key_Home)
    for _ in range(times):
        QTest.keyClick(widget, key)


def choose(combo: QComboBox, data: str) -> None:
    """Pick an entry of a combo with the arrow keys, as a keyboard user does."""
    target = combo.findData(data)
    assert target >= 0, data
    combo.setFocus()
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        QTest.keyClick(combo, key)


def toggle_item(widget: QListWidget, text_or_data: str) -> None:
    """Tick or untick a checkable list entry with the space bar."""
    for row in range(widget.count()):
        item = widget.item(row)
        if text_or_data in (item.text(), item.data(Qt.ItemDataRole.UserRole)):
            widget.setFocus()
            widget.setCurrentRow(row)
            QTest.keyClick(widget, Qt.Key.Key_Space)
            return
    raise AssertionError(f"no entry {text_or_data!r}")


def tick(qtbot: QtBot, box: QAbstractButton) -> None:
    """Click a check box or radio button on its indicator (its widget may be wider)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def retype(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_new_event_from_a_start_slot_is_created_with_enter(qtbot: QtBot) -> None:
    programme = small_programme()
    editor = open_editor(qtbot, programme, start=at(5, 14, 30), venue="petri")
    assert not editor.ok_button.isEnabled(), "an untitled event cannot be saved"
    assert "title" in editor.message_label.text().lower()

    qtbot.keyClicks(editor.title_edit.field("en"), "Organ concert")
    qtbot.keyClicks(editor.title_edit.field("de"), "Orgelkonzert")
    assert editor.ok_button.isEnabled(), editor.error_text()
    QTest.keyClick(editor.title_edit.field("en"), Qt.Key.Key_Return)

    assert editor.result() == QDialog.DialogCode.Accepted
    made = editor.result_event()
    assert made.uid == new_uid(programme, "Organ concert")
    assert made.title == Texts("Orgelkonzert", "Organ concert", "")
    assert (made.start, made.end) == (at(5, 14, 30), at(5, 15, 30))
    assert made.venue == "petri"
    assert made.track in programme.tracks
    assert made.recurrence is None
    assert editor.new_people() == []
    validate_event(programme, made)
    # The editor shows the zone the times are in.
    assert "Europe/Moscow" in editor.zone_label.text()
    assert programme.events == {}, "the editor never changes the programme"


def test_missing_translations_are_marked(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, small_programme())
    qtbot.keyClicks(editor.title_edit.field("en"), "Talk")
    assert editor.title_edit.missing() == ("de", "ru")
    assert editor.title_edit.field("de").property("missing") is True
    assert editor.title_edit.field("en").property("missing") is False
    assert "missing" in editor.title_edit.field("ru").placeholderText()
    assert "German" in editor.message_label.text() and "Russian" in editor.message_label.text()


def test_end_before_start_is_refused_as_you_type(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, small_programme(), start=at(5, 14))
    qtbot.keyClicks(editor.title_edit.field("en"), "Talk")
    assert editor.ok_button.isEnabled()

    # Step the end hour down from 15:00 to 13:00, before the start.
    press(editor.end_time, Qt.Key.Key_Home)
    press(editor.end_time, Qt.Key.Key_Down, 2)
    assert editor.end_time.time() == QTime(13, 0)
    assert not editor.ok_button.isEnabled()
    assert "not after start" in editor.message_label.text()
    assert "background" in editor.end_time.styleSheet(), "the end fields are tinted"
    QTest.keyClick(editor.title_edit.field("en"), Qt.Key.Key_Return)
    assert editor.isVisible() and editor.result() != QDialog.DialogCode.Accepted
    with pytest.raises(ValidationError):
        editor.result_event()

    # Fixing the end makes it valid again, and the duration follows the end.
    press(editor.end_time, Qt.Key.Key_Up, 4)
    assert editor.ok_button.isEnabled()
    assert editor.duration_spin.text() == "3:00"
    assert editor.end_time.styleSheet() == ""
    assert editor.result_event().end == at(5, 17)


def test_start_and_duration_keep_the_end_in_step(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, small_programme(), start=at(4, 10))
    qtbot.keyClicks(editor.title_edit.field("en"), "Talk")
    # Moving the start moves the end with it.
    press(editor.start_time, Qt.Key.Key_Home)
    press(editor.start_time, Qt.Key.Key_Up, 2)
    assert editor.end_time.time() == QTime(13, 0)
    # Typing a duration moves the end.
    editor.duration_spin.setFocus()
    editor.duration_spin.selectAll()
    qtbot.keyClicks(editor.duration_spin, "1:45")
    assert editor.end_time.time() == QTime(13, 45)
    made = editor.result_event()
    assert (made.start, made.end) == (at(4, 12), at(4, 13, 45))


def test_dates_outside_the_programme_are_refused(qtbot: QtBot) -> None:
    programme = small_programme()
    editor = open_editor(qtbot, programme, start=at(10, 22))
    qtbot.keyClicks(editor.title_edit.field("en"), "Late party")
    assert editor.ok_button.isEnabled()

    # The start picker stops at the programme's last day.
    assert editor.start_date.maximumDate() == QDate(2019, 4, 10)
    assert editor.start_date.minimumDate() == QDate(2019, 4, 3)
    press(editor.start_date, Qt.Key.Key_Up, 3)
    assert editor.start_date.date() == QDate(2019, 4, 10)

    # A three-hour party runs past the end of the last day: refused, with the reason.
    editor.duration_spin.setFocus()
    editor.duration_spin.selectAll()
    qtbot.keyClicks(editor.duration_spin, "3:00")
    assert editor.end_date.date() == QDate(2019, 4, 11)
    assert not editor.ok_button.isEnabled()
    assert "programme's days" in editor.message_label.text()
    with pytest.raises(ValidationError):
        editor.result_event()

    # Ending at midnight is inside.
    editor.duration_spin.selectAll()
    qtbot.keyClicks(editor.duration_spin, "2:00")
    assert editor.ok_button.isEnabled()
    assert editor.result_event().end == datetime(2019, 4, 11, 0, 0, tzinfo=MSK)


def test_all_day_event(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, small_programme(), start=at(6, 10))
    qtbot.keyClicks(editor.title_edit.field("en"), "Exhibition")
    tick(qtbot, editor.all_day_box)
    assert not editor.start_time.isEnabled()
    press(editor.end_date, Qt.Key.Key_Up, 2)
    made = editor.result_event()
    assert made.all_day
    assert (made.start, made.end) == (at(6, 0), at(9, 0))
    validate_event(small_programme(), made)


def test_editing_keeps_the_uid_and_the_other_fields(qtbot: QtBot) -> None:
    programme = small_programme()
    programme.people["boris"] = Person("boris", "Boris Muster")
    original = event(
        "talk@test", 6, 11, 12, description=Texts("Beschreibung", "About it", ""),
        speakers=("boris", "anna"), languages=("de", "ru"), status="tentative",
        url="https://example.org/talk", attendance=80, sequence=3, track="culture",
        venue="petri",
    )
    programme.events[original.uid] = original

    unchanged = open_editor(qtbot, programme, original)
    unchanged.ok_button.click()
    assert unchanged.result_event() == original, "an untouched edit changes nothing"

    editor = open_editor(qtbot, programme, original)
    assert editor.title_edit.field("en").text() == "Title"
    assert editor.track_combo.currentData() == "culture"
    assert editor.status_combo.currentData() == "tentative"
    assert editor.language_boxes["ru"].isChecked() and not editor.language_boxes["en"].isChecked()
    assert editor.attendance_spin.value() == 80
    retype(qtbot, editor.title_edit.field("en"), "Keynote")
    tick(qtbot, editor.language_boxes["en"])
    editor.ok_button.click()

    assert editor.result() == QDialog.DialogCode.Accepted
    expected = dataclasses.replace(
        original, title=Texts("Titel", "Keynote", "Название"), languages=("de", "en", "ru")
    )
    assert editor.result_event() == expected
    assert editor.result_event().speakers == ("boris", "anna"), "speaker order is kept"


def test_daily_repeat_until_a_date_with_an_exception(qtbot: QtBot) -> None:
    programme = small_programme()
    editor = open_editor(qtbot, programme, start=at(4, 16))
    qtbot.keyClicks(editor.title_edit.field("en"), "Cafe D")
    choose(editor.repeat_combo, "daily")
    assert editor.until_radio.isChecked()
    assert editor.until_date.date() == QDate(2019, 4, 10)
    press(editor.until_date, Qt.Key.Key_Down, 3)
    assert editor.until_date.date() == QDate(2019, 4, 7)
    assert editor.occurrence_list.count() == 4
    toggle_item(editor.occurrence_list, "2019-04-06")
    assert editor.ok_button.isEnabled(), editor.error_text()
    editor.ok_button.click()

    made = editor.result_event()
    assert made.recurrence is not None
    assert made.recurrence.exdates == (at(6, 16),)
    assert [s for s, _ in occurrences(made)] == [at(4, 16), at(5, 16), at(7, 16)]
    assert [e for _, e in occurrences(made)] == [at(4, 17), at(5, 17), at(7, 17)]
    validate_event(programme, made)


def test_repeat_on_chosen_weekdays_a_number_of_times(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, small_programme(), start=at(3, 9))  # a Wednesday
    qtbot.keyClicks(editor.title_edit.field("en"), "Breakfast")
    choose(editor.repeat_combo, "weekdays")
    assert editor.weekday_boxes["WE"].isChecked(), "the start's weekday is ticked first"
    tick(qtbot, editor.weekday_boxes["FR"])
    tick(qtbot, editor.count_radio)
    editor.count_spin.setFocus()
    editor.count_spin.selectAll()
    qtbot.keyClicks(editor.count_spin, "3")
    made = editor.result_event()
    assert [s for s, _ in occurrences(made)] == [at(3, 9), at(5, 9), at(10, 9)]

    # No weekday at all cannot be saved.
    for code in ("WE", "FR"):
        tick(qtbot, editor.weekday_boxes[code])
    assert not editor.ok_button.isEnabled()
    assert "weekday" in editor.message_label.text()


def test_repeat_mistakes_are_refused(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, small_programme(), start=at(3, 9))  # a Wednesday
    qtbot.keyClicks(editor.title_edit.field("en"), "Breakfast")
    choose(editor.repeat_combo, "weekdays")
    # Repeating on Fridays only would leave the Wednesday start out of the series.
    tick(qtbot, editor.weekday_boxes["FR"])
    tick(qtbot, editor.weekday_boxes["WE"])
    assert not editor.ok_button.isEnabled()
    assert "start day" in editor.message_label.text()
    tick(qtbot, editor.weekday_boxes["WE"])
    assert editor.ok_button.isEnabled(), editor.error_text()

    # Skipping every occurrence leaves nothing.
    choose(editor.repeat_combo, "daily")
    press(editor.until_date, Qt.Key.Key_Down, 6)
    assert editor.until_date.date() == QDate(2019, 4, 4)
    toggle_item(editor.occurrence_list, "2019-04-03")
    assert editor.ok_button.isEnabled()
    toggle_item(editor.occurrence_list, "2019-04-04")
    assert not editor.ok_button.isEnabled()
    assert "every occurrence is skipped" in editor.message_label.text().lower()
    toggle_item(editor.occurrence_list, "2019-04-04")

    # The end of a repeat follows the start when the start moves past it.
    press(editor.start_date, Qt.Key.Key_Up, 3)
    assert editor.until_date.date() == QDate(2019, 4, 6)
    assert editor.ok_button.isEnabled(), editor.error_text()
    made = editor.result_event()
    assert [s for s, _ in occurrences(made)] == [at(6, 9)]


def test_an_event_in_another_zone_keeps_its_zone(qtbot: QtBot) -> None:
    programme = small_programme()
    berlin = ZoneInfo("Europe/Berlin")
    original = event("berlin@t", start=datetime(2019, 4, 5, 9, 0, tzinfo=berlin),
                     end=datetime(2019, 4, 5, 10, 0, tzinfo=berlin))
    editor = open_editor(qtbot, programme, original)
    assert "Europe/Berlin" in editor.zone_label.text()
    assert editor.start_time.time() == QTime(9, 0)
    press(editor.end_time, Qt.Key.Key_Home)
    press(editor.end_time, Qt.Key.Key_Up)
    made = editor.result_event()
    assert made.end == datetime(2019, 4, 5, 11, 0, tzinfo=berlin)
    assert made.start.tzinfo == berlin


def test_a_repeat_past_the_last_day_is_refused(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, small_programme(), start=at(8, 9))
    qtbot.keyClicks(editor.title_edit.field("en"), "Breakfast")
    choose(editor.repeat_combo, "daily")
    tick(qtbot, editor.count_radio)
    editor.count_spin.setFocus()
    editor.count_spin.selectAll()
    qtbot.keyClicks(editor.count_spin, "5")
    assert not editor.ok_button.isEnabled()
    assert "past the programme's days" in editor.message_label.text()


def test_an_existing_repeating_event_shows_its_rule(qtbot: QtBot) -> None:
    programme = small_programme()
    start = at(4, 18)  # a Thursday
    rule = make_rule("weekly", start=start, weekdays=["TH", "SA", "TU"], count=3)
    repeating = event("club@test", start=start, end=at(4, 20),
                      recurrence=Recurrence(rule, (at(6, 18),)))
    programme.events[repeating.uid] = repeating

    editor = open_editor(qtbot, programme, repeating)
    assert editor.repeat_combo.currentData() == "weekdays"
    ticked = {code for code, box in editor.weekday_boxes.items() if box.isChecked()}
    assert ticked == {"TU", "TH", "SA"}
    assert editor.count_radio.isChecked() and editor.count_spin.value() == 3
    states = {
        editor.occurrence_list.item(r).data(Qt.ItemDataRole.UserRole):
            editor.occurrence_list.item(r).checkState()
        for r in range(editor.occurrence_list.count())
    }
    assert states == {
        "2019-04-04": Qt.CheckState.Checked,
        "2019-04-06": Qt.CheckState.Unchecked,
        "2019-04-09": Qt.CheckState.Checked,
    }
    assert editor.repeat_note.text() == ""
    editor.ok_button.click()
    assert editor.result_event() == repeating

    # Taking the exception back through the list.
    again = open_editor(qtbot, programme, repeating)
    toggle_item(again.occurrence_list, "2019-04-06")
    assert again.result_event().recurrence == Recurrence(rule, ())


def test_an_unusual_rule_is_kept_and_said_so(qtbot: QtBot) -> None:
    programme = small_programme()
    rule = "FREQ=DAILY;BYHOUR=10,15;COUNT=4"
    odd = event("odd@test", 4, 10, 11, recurrence=Recurrence(rule))
    programme.events[odd.uid] = odd
    editor = open_editor(qtbot, programme, odd)
    assert editor.repeat_combo.currentData() == "custom"
    assert rule in editor.repeat_note.text()
    assert not editor.interval_spin.isEnabled()
    assert editor.occurrence_list.count() == 4
    retype(qtbot, editor.title_edit.field("en"), "Guided tour")
    editor.ok_button.click()
    made = editor.result_event()
    assert made.recurrence == odd.recurrence
    assert made.title.en == "Guided tour"

    # Choosing a plain repeat replaces it.
    other = open_editor(qtbot, programme, odd)
    choose(other.repeat_combo, "none")
    assert other.repeat_note.text() == ""
    assert other.result_event().recurrence is None


def test_adding_a_new_speaker_and_picking_one(qtbot: QtBot) -> None:
    programme = small_programme()
    editor = open_editor(qtbot, programme, start=at(4, 10))
    qtbot.keyClicks(editor.title_edit.field("en"), "Panel")
    toggle_item(editor.speaker_list, "anna")
    qtbot.keyClicks(editor.new_person_edit, "Boris  Muster")
    # Enter in the name field adds the person; it does not close the dialog.
    QTest.keyClick(editor.new_person_edit, Qt.Key.Key_Return)
    assert editor.isVisible() and editor.result() != QDialog.DialogCode.Accepted
    assert editor.new_person_edit.text() == ""
    # The same name again picks the person just made rather than a twin.
    qtbot.keyClicks(editor.new_person_edit, "boris muster")
    qtbot.mouseClick(editor.add_person_button, Qt.MouseButton.LeftButton)

    editor.ok_button.click()
    made = editor.result_event()
    assert made.speakers == ("anna", "boris-muster")
    assert editor.new_people() == [Person("boris-muster", "Boris Muster")]
    assert "boris-muster" not in programme.people
    with_people = small_programme()
    with_people.people.update({p.id: p for p in editor.new_people()})
    validate_event(with_people, made)


def test_filtering_speakers_and_ticking_with_enter(qtbot: QtBot) -> None:
    programme = small_programme()
    programme.people["boris"] = Person("boris", "Boris Muster", "TU Dortmund")
    editor = open_editor(qtbot, programme, start=at(4, 10))
    qtbot.keyClicks(editor.title_edit.field("en"), "Panel")
    qtbot.keyClicks(editor.speaker_filter, "dortm")
    shown = [editor.speaker_list.item(r).data(Qt.ItemDataRole.UserRole)
             for r in range(editor.speaker_list.count())
             if not editor.speaker_list.item(r).isHidden()]
    assert shown == ["boris"]
    QTest.keyClick(editor.speaker_filter, Qt.Key.Key_Return)
    assert editor.isVisible(), "Enter in the filter does not close the dialog"
    assert editor.speaker_filter.text() == ""
    assert editor.result_event().speakers == ("boris",)


def test_ctrl_enter_saves_from_a_description(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, small_programme(), start=at(4, 10))
    qtbot.keyClicks(editor.title_edit.field("en"), "Panel")
    description = editor.description_edit.field("en")
    description.setFocus()
    qtbot.keyClicks(description, "Line one")
    QTest.keyClick(description, Qt.Key.Key_Return)
    qtbot.keyClicks(description, "Line two")
    assert editor.isVisible()
    QTest.keyClick(description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.result() == QDialog.DialogCode.Accepted
    assert editor.result_event().description.en == "Line one\nLine two"


def test_attendance_above_capacity_is_noted_not_refused(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, small_programme(), start=at(4, 10), venue="goethe")
    qtbot.keyClicks(editor.title_edit.field("en"), "Panel")
    editor.attendance_spin.setFocus()
    editor.attendance_spin.selectAll()
    qtbot.keyClicks(editor.attendance_spin, "150")
    assert editor.ok_button.isEnabled()
    assert "holds 120" in editor.message_label.text()
    assert editor.result_event().attendance == 150


def test_a_new_speaker_unticked_again_is_not_returned(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, small_programme(), start=at(4, 10))
    qtbot.keyClicks(editor.title_edit.field("en"), "Panel")
    qtbot.keyClicks(editor.new_person_edit, "Clara")
    qtbot.mouseClick(editor.add_person_button, Qt.MouseButton.LeftButton)
    toggle_item(editor.speaker_list, "clara")
    editor.ok_button.click()
    assert editor.result_event().speakers == ()
    assert editor.new_people() == []


def answer_question(qtbot: QtBot, key: Qt.Key, seen: list[str]) -> None:
    """Once a question box is up, note its text and press ``key`` in it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        QTest.keyClick(box, key)

    QTimer.singleShot(0, answer)


def test_escape_without_changes_closes_at_once(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, small_programme(), event("talk@t"))
    QTest.keyClick(editor.title_edit.field("en"), Qt.Key.Key_Escape)
    assert editor.result() == QDialog.DialogCode.Rejected and not editor.isVisible()


@pytest.mark.parametrize("lang, question, discard", [
    ("en", "Discard your changes?", "Discard Changes"),
    ("de", "Änderungen verwerfen?", "Änderungen verwerfen"),
    ("ru", "Отменить изменения?", "Не сохранять"),
])
def test_escape_after_changes_asks_first(qtbot: QtBot, lang: str, question: str,
                                         discard: str) -> None:
    from ui.i18n import language

    with language(lang):
        editor = open_editor(qtbot, small_programme(), event("talk@t"))
        field = editor.title_edit.field("en")
        field.setFocus()
        qtbot.keyClicks(field, " (moved)")
        # Escape, then Escape in the question: the editor stays, with the change.
        seen: list[str] = []
        answer_question(qtbot, Qt.Key.Key_Escape, seen)
        QTest.keyClick(field, Qt.Key.Key_Escape)
        assert seen == [question] and editor.isVisible()
        assert field.text().endswith(" (moved)")
        # The Cancel button asks as well.
        from PySide6.QtWidgets import QDialogButtonBox

        answer_question(qtbot, Qt.Key.Key_Escape, seen)
        editor.button_box.button(QDialogButtonBox.StandardButton.Cancel).click()
        assert seen == [question, question] and editor.isVisible()
        # Escape, then Discard (Alt+its letter, or a click): the editor closes.
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox

        def discard_it() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, discard_it)
                return
            button = box.button(QMessageBox.StandardButton.Discard)
            seen.append(button.text().replace("&", ""))
            button.click()

        QTimer.singleShot(0, discard_it)
        QTest.keyClick(field, Qt.Key.Key_Escape)
        assert editor.result() == QDialog.DialogCode.Rejected and not editor.isVisible()
        assert seen[-1] == discard
        # Typing back what was there is no change.
        editor = open_editor(qtbot, small_programme(), event("talk@t"))
        field = editor.title_edit.field("en")
        QTest.keyClick(field, Qt.Key.Key_End)
        qtbot.keyClicks(field, "x")
        QTest.keyClick(field, Qt.Key.Key_Backspace)
        QTest.keyClick(field, Qt.Key.Key_Escape)
        assert not editor.isVisible()


def test_person_ids() -> None:
    assert person_id_for("Jürgen Groß", set()) == "jurgen-gro"
    assert person_id_for("Анна", set()) == "person"
    assert person_id_for("Anna", {"anna", "anna-2"}) == "anna-3"


def test_every_builtin_event_opens_valid_and_comes_back_unchanged(qtbot: QtBot) -> None:
    programme = load_builtin()
    for original in programme.sorted_events()[:40]:
        editor = EventEditor(programme, original, lang="ru")
        qtbot.addWidget(editor)
        assert editor.is_valid(), (original.uid, editor.error_text())
        assert editor.result_event() == original, original.uid
        editor.deleteLater()
    assert programme.first_day == date(2019, 4, 3)
