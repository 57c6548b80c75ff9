"""The export dialog: what it counts, when it lets the user go ahead, and what it writes."""

from __future__ import annotations

from datetime import timedelta

import icalendar
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QDialog

from planner.builtin import load_builtin
from planner.search import EventFilter, filter_events
from ui.dialogs.export import ExportDialog, ExportRequest, write_export
from ui.stars import StarStore

CAFE_D = "gw2019-cafe-d@german-week-2019.programme-planner"


def make_dialog(qtbot, programme, *, filter_uids=None, starred=frozenset()):
    dialog = ExportDialog(programme, current_filter_uids=filter_uids, starred=starred)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose(qtbot, dialog, scope):
    button = dialog.scope_buttons[scope]
    # On the indicator: a wide radio button takes clicks only on its indicator and text.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert dialog.scope() == scope


def vevents(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return [c for c in calendar.walk("VEVENT")]


def test_count_label_follows_the_scope(qtbot, tmp_path):
    programme = load_builtin()
    culture = filter_events(programme, EventFilter(tracks=frozenset({"culture"})))
    starred = frozenset({CAFE_D, "no-longer-there@test"})
    dialog = make_dialog(qtbot, programme, filter_uids=culture, starred=starred)
    total = len(programme.events)
    assert dialog.count_label.text() == f"{total} events will be written"
    choose(qtbot, dialog, "filter")
    assert dialog.count_label.text() == f"{len(culture)} events will be written"
    choose(qtbot, dialog, "starred")
    # The star on an event the programme no longer has is not counted.
    assert dialog.count_label.text() == "1 event will be written"
    choose(qtbot, dialog, "per_track")
    tracks = {e.track for e in programme.events.values()}
    assert dialog.count_label.text() == (
        f"{total} events will be written to {len(tracks)} files")
    assert dialog.path_label.text() == "Folder:"


def test_ok_needs_events_and_a_path(qtbot, tmp_path):
    programme = load_builtin()
    dialog = make_dialog(qtbot, programme, filter_uids=set(), starred=frozenset())
    assert not dialog.ok_button.isEnabled()  # no path yet
    dialog.path_edit.setText(str(tmp_path / "out.ics"))
    assert dialog.ok_button.isEnabled()
    choose(qtbot, dialog, "starred")
    assert dialog.count_label.text() == "0 events will be written"
    assert not dialog.ok_button.isEnabled()
    choose(qtbot, dialog, "filter")
    assert not dialog.ok_button.isEnabled()
    choose(qtbot, dialog, "all")
    assert dialog.ok_button.isEnabled()
    # A folder is no file name, and a file is no folder.
    dialog.path_edit.setText(str(tmp_path))
    assert not dialog.ok_button.isEnabled()
    choose(qtbot, dialog, "per_track")
    assert dialog.ok_button.isEnabled()
    (tmp_path / "file.txt").write_text("x")
    dialog.path_edit.setText(str(tmp_path / "file.txt"))
    assert not dialog.ok_button.isEnabled()


def test_first_language_follows_the_locale(qtbot):
    # The test set-up runs in the C locale: English.
    dialog = make_dialog(qtbot, load_builtin())
    assert dialog.lang_combo.currentData() == "en"
    assert dialog.request().lang == "en" and dialog.request().alarm_minutes is None


def test_no_current_filter_disables_its_choice(qtbot):
    dialog = make_dialog(qtbot, load_builtin(), filter_uids=None)
    assert not dialog.scope_buttons["filter"].isEnabled()


def test_starred_export_writes_exactly_the_starred_events(qtbot, tmp_path):
    programme = load_builtin()
    stars = StarStore(programme)
    picked = sorted(programme.events)[5:8]
    stars.toggle([CAFE_D, *picked])
    dialog = make_dialog(qtbot, programme, filter_uids=None, starred=stars.starred())
    choose(qtbot, dialog, "starred")
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ru"))
    dialog.alarm_spin.setValue(30)
    target = tmp_path / "mine.ics"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.written == [target]

    request = dialog.request()
    assert request == ExportRequest(scope="starred", uids=tuple(sorted(stars.starred())),
                                    track_ids=(), lang="ru", alarm_minutes=30,
                                    path=str(target))
    events = vevents(target)
    assert sorted(str(e["UID"]) for e in events) == sorted(stars.starred())
    by_uid = {str(e["UID"]): e for e in events}
    assert str(by_uid[CAFE_D]["SUMMARY"]) == programme.events[CAFE_D].title.ru
    assert "RRULE" in by_uid[CAFE_D]
    for event in events:
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert alarms[0]["TRIGGER"].dt == -timedelta(minutes=30)
    # The choice of language and reminder is kept for next time.
    again = make_dialog(qtbot, programme, starred=stars.starred())
    assert again.lang_combo.currentData() == "ru" and again.alarm_spin.value() == 30
    assert QSettings().value("export/lang") == "ru"


def test_filter_export_and_no_reminder(qtbot, tmp_path):
    programme = load_builtin()
    shown = filter_events(programme, EventFilter(text="goethe"))
    assert 0 < len(shown) < len(programme.events)
    dialog = make_dialog(qtbot, programme, filter_uids=shown)
    choose(qtbot, dialog, "filter")
    dialog.alarm_spin.setValue(0)
    target = tmp_path / "goethe.ics"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.ok_button.click()
    events = vevents(target)
    assert {str(e["UID"]) for e in events} == shown
    assert all(not e.walk("VALARM") for e in events)
    assert dialog.request().alarm_minutes is None


def test_one_file_per_track(qtbot, tmp_path):
    programme = load_builtin()
    dialog = make_dialog(qtbot, programme)
    choose(qtbot, dialog, "per_track")
    folder = tmp_path / "tracks"
    dialog.path_edit.setText(str(folder))
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.ok_button.click()
    used = sorted({e.track for e in programme.events.values()})
    assert sorted(p.name for p in folder.iterdir()) == [f"{t}.ics" for t in used]
    for track in used:
        uids = {str(e["UID"]) for e in vevents(folder / f"{track}.ics")}
        assert uids == {u for u, e in programme.events.items() if e.track == track}


def test_whole_programme(qtbot, tmp_path):
    programme = load_builtin()
    dialog = make_dialog(qtbot, programme, starred=frozenset({CAFE_D}))
    target = tmp_path / "all.ics"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.ok_button.click()
    assert {str(e["UID"]) for e in vevents(target)} == set(programme.events)


def test_a_failed_export_keeps_the_dialog_open(qtbot, tmp_path):
    programme = load_builtin()
    dialog = make_dialog(qtbot, programme)
    target = tmp_path / "missing-folder" / "all.ics"
    dialog.path_edit.setText(str(target))
    with qtbot.assertNotEmitted(dialog.accepted, wait=200):
        dialog.ok_button.click()
        qtbot.waitUntil(dialog.error_label.isVisible)
    assert "missing-folder" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.ok_button.isEnabled()


def test_write_export_never_widens_an_empty_pick(tmp_path):
    programme = load_builtin()
    request = ExportRequest(scope="starred", uids=(), track_ids=(), lang="en",
                            alarm_minutes=None, path=str(tmp_path / "x.ics"))
    try:
        write_export(programme, request)
    except ValueError:
        pass
    else:
        raise AssertionError("an empty starred export must be refused")
    assert not (tmp_path / "x.ics").exists()


def test_cancel_leaves_the_file_as_it_was(qtbot, tmp_path):
    target = tmp_path / "programme.ics"
    target.write_bytes(b"the old calendar")
    dialog = make_dialog(qtbot, load_builtin())
    dialog.path_edit.setText(str(target))
    dialog.ok_button.click()
    job = dialog._job
    assert job is not None and job.dialog is not None  # a progress dialog with Cancel
    with qtbot.waitSignal(job.cancelled, timeout=10000):
        job.dialog.canceled.emit()  # what the Cancel button sends
    assert target.read_bytes() == b"the old calendar"
    assert dialog.isVisible() and dialog.ok_button.isEnabled()  # the user may try again
    assert list(tmp_path.iterdir()) == [target]


def test_progress_reaches_its_end_before_writing(tmp_path):
    reports = []
    request = ExportRequest(scope="all", uids=frozenset(), track_ids=(), lang="en",
                            alarm_minutes=None, path=str(tmp_path / "all.ics"))
    write_export(load_builtin(), request, lambda done, total: reports.append((done, total)))
    assert reports == [(0, 0), (1, 1)]
    assert (tmp_path / "all.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
