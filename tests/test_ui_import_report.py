"""File › Import…'s report in the window: the counts, each event skipped with its file,
UID and reason, and the notes, in the window's language, in a box that waits for nothing
and in the status bar (issue 15). As Thunderbird does, every valid event comes in and each
skipped one is reported, with no question first; Undo is the way back."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from planner.builtin import load_builtin
from planner.ics import export_ics
from ui.i18n import language

NEW, BROKEN = "new-talk@test", "broken-talk@test"

# One event as the programme has it, one moved an hour later (a newer SEQUENCE), one new
# with floating times (a note), one whose start is no date (skipped).
EXTRA = (
    "BEGIN:VEVENT\r\nUID:new-talk@test\r\nDTSTAMP:20190101T000000Z\r\n"
    "DTSTART:20190405T180000\r\nDTEND:20190405T190000\r\nSUMMARY:A new talk\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:broken-talk@test\r\nDTSTAMP:20190101T000000Z\r\n"
    "DTSTART:20190431T250000\r\nSUMMARY:Broken start\r\nEND:VEVENT\r\n")

REPORT = {
    "en": ("Imported: 1 added, 1 updated, 1 unchanged, 1 skipped",
           "Skipped: {path}: event 'broken-talk@test': DTSTART '20190431T250000' is not a "
           "valid date or time",
           "Note: {path}: 1 event(s) with times in no zone (floating), read in Europe/Moscow"),
    "de": ("Importiert: 1 hinzugefügt, 1 aktualisiert, 1 unverändert, 1 übersprungen",
           "Übersprungen: {path}: Veranstaltung „broken-talk@test“: DTSTART '20190431T250000' "
           "ist kein gültiges Datum bzw. keine gültige Zeit",
           "Hinweis: {path}: Veranstaltungen mit Zeiten ohne Zeitzone (gleitend): 1, in "
           "Europe/Moscow gelesen"),
    "ru": ("Импорт выполнен — добавлено: 1, обновлено: 1, без изменений: 1, пропущено: 1",
           "Пропущено: {path}: событие «broken-talk@test»: DTSTART '20190431T250000' — "
           "недопустимая дата или время",
           "Примечание: {path}: мероприятий со временем без часового пояса (плавающим): 1, "
           "прочитаны в Europe/Moscow"),
}


def calendar_file(folder: Path) -> tuple[Path, str, str]:
    """The file to import, the UID it leaves as it is and the UID it moves."""
    programme = load_builtin()
    keep, move = list(programme.events.values())[:2]
    moved = dataclasses.replace(move, start=move.start + timedelta(hours=1),
                                end=move.end + timedelta(hours=1), sequence=move.sequence + 1)
    part = programme.copy()
    part.events = {keep.uid: keep, move.uid: moved}
    text = export_ics(part).decode().replace("END:VCALENDAR", EXTRA + "END:VCALENDAR")
    path = folder / "talks.ics"
    path.write_text(text, encoding="utf-8")
    return path, keep.uid, move.uid


def make_window(qtbot, lang):
    from ui.main_window import MainWindow

    window = MainWindow(load_builtin(), None, lang=lang, remember=False)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    # Closing after an import asks nothing: the imported events are thrown away.
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    return window


@pytest.mark.parametrize("lang", ["en", "de", "ru"])
def test_file_import_reports_counts_skipped_events_and_notes(qtbot, monkeypatch, tmp_path,
                                                             lang):
    path, kept, moved = calendar_file(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(path)], "")))
    # No question comes before the report: any box that waits for an answer is noted (and
    # answered "No", which would leave the programme as it was).
    asked: list[str] = []
    monkeypatch.setattr("ui.message_box.ask", lambda parent, title, text, *a, **k:
                        asked.append(text) or QMessageBox.StandardButton.No)
    headline, skipped, note = (line.format(path=path) for line in REPORT[lang])
    with language(lang):
        window = make_window(qtbot, lang)
        before = window.document.programme.events[moved].start
        try:
            window.import_action.trigger()
            qtbot.waitUntil(lambda: window.import_report is not None
                            and window.import_report.isVisible(), timeout=60000)
            box = window.import_report
            box.grab()  # laid out and painted, as the user sees it
            assert not box.isModal()  # nothing waits on it: the window goes on
            assert box.text() == headline
            assert box.informativeText().split("\n") == [f"• {skipped}", f"• {note}"]
            assert box.detailedText() == ""
            for label in box.findChildren(QLabel):
                if label.text():
                    assert label.textFormat() == Qt.TextFormat.PlainText
            assert window.statusBar().currentMessage() == headline
            assert asked == []
            assert QApplication.activeModalWidget() is None

            programme = window.document.programme
            assert NEW in programme.events and BROKEN not in programme.events
            assert programme.events[moved].start == before + timedelta(hours=1)
            assert kept in programme.events
            # The user reads the report and closes it; one undo step takes the whole
            # import back.
            qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok),
                             Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: not box.isVisible())
            assert window.document.undo_stack.count() == 1
            window.undo_action.trigger()
            assert NEW not in programme.events
            assert programme.events[moved].start == before
            assert kept in programme.events
        finally:
            window.close()


def test_a_long_report_shows_its_first_lines_and_the_rest_in_the_details(qtbot, tmp_path):
    broken = "".join(
        f"BEGIN:VEVENT\r\nUID:broken-{n}@test\r\nDTSTAMP:20190101T000000Z\r\n"
        f"DTSTART:20190431T2500{n:02}\r\nSUMMARY:Broken {n}\r\nEND:VEVENT\r\n"
        for n in range(10))
    path = tmp_path / "many.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        "BEGIN:VEVENT\r\nUID:good@test\r\nDTSTAMP:20190101T000000Z\r\n"
        "DTSTART;TZID=Europe/Moscow:20190405T180000\r\n"
        "DTEND;TZID=Europe/Moscow:20190405T190000\r\nSUMMARY:Good\r\nEND:VEVENT\r\n"
        + broken + "END:VCALENDAR\r\n", encoding="utf-8")
    with language("en"):
        window = make_window(qtbot, "en")
        try:
            assert window.import_files([str(path)])
            box = window.import_report
            assert box is not None and box.isVisible()
            assert box.text() == "Imported: 1 added, 0 updated, 0 unchanged, 10 skipped"
            shown = box.informativeText().split("\n")
            assert len(shown) == window.REPORT_LINES + 1
            assert shown[-1] == "… and 2 more in the details"
            details = box.detailedText().split("\n")
            assert len(details) == 10
            assert all(line.startswith(f"Skipped: {path}: event 'broken-") for line in details)
            assert shown[:-1] == [f"• {line}" for line in details[:window.REPORT_LINES]]
            # A second import replaces the report rather than piling boxes up.
            assert window.import_files([str(path)])
            assert window.import_report is not box
            assert window.import_report.text() == (
                "Nothing new to import: 0 added, 0 updated, 1 unchanged, 10 skipped")
        finally:
            window.close()
