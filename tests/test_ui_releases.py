"""File > Release…, the Releases dock with its changes, and File > Publish…, driven as a
user drives them."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_ui_window import make_window, programme_with_events

from planner.releases import list_releases
from planner.store import ProgrammeStore, save_new
from ui.dialogs.publish import PublishDialog
from ui.dialogs.release import ReleaseDialog


@pytest.fixture
def errors():
    return []


@pytest.fixture
def filed(tmp_path):
    path = tmp_path / "fest.programme"
    save_new(path, programme_with_events())
    return path


@pytest.fixture
def window(qtbot, filed, errors):
    store = ProgrammeStore.open(filed)
    window = make_window(qtbot, store.load(), store, errors)
    yield window
    window.close()


def wait_for_changes(qtbot, window):
    releases = window.releases
    qtbot.waitUntil(lambda: releases.task is None or releases.task.done, timeout=10000)
    QApplication.processEvents()


def open_dialog(qtbot, window, action, kind):
    action.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind)
                    or any(isinstance(w, kind) and w.isVisible()
                           for w in QApplication.topLevelWidgets()), timeout=5000)
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind)
                and w.isVisible())


def release_through_the_dialog(qtbot, window, name, note=""):
    dialog = open_dialog(qtbot, window, window.releases.release_action, ReleaseDialog)
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, name)
    if note:
        qtbot.keyClicks(dialog.note_edit, note)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    task = window.releases.task
    qtbot.waitUntil(lambda: any(r.name == name for r in window.releases.releases())
                    or window.statusBar().currentMessage().startswith("Released"),
                    timeout=10000)
    return task


def test_the_menu_holds_release_and_publish(qtbot, window):
    # The releases' panel and actions come once the window has painted (start-up).
    window.show()
    qtbot.waitUntil(lambda: window._releases is not None, timeout=5000)
    texts = [a.text() for a in window.file_menu.actions()]
    export = texts.index(window.export_action.text())
    assert texts[export + 2:export + 4] == ["Re&lease…", "P&ublish…"]
    assert window.releases.release_action.isEnabled()


def test_a_release_is_made_in_the_dialog_and_listed(qtbot, window, filed):
    panel = window.releases.panel
    wait_for_changes(qtbot, window)
    assert panel.heading.text() == "No release yet"
    dialog = open_dialog(qtbot, window, window.releases.release_action, ReleaseDialog)
    assert dialog.name_edit.text() == "Version 1"  # suggested
    assert dialog.summary_label.text() == "This is the programme's first release."
    qtbot.keyClicks(dialog.note_edit, "The first programme")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.releases_model.rowCount() == 1, timeout=10000)
    with ProgrammeStore.open(filed, readonly=True) as store:
        [release] = list_releases(store)
    assert (release.name, release.note, release.event_count) == (
        "Version 1", "The first programme", 2)
    assert panel.releases_model.index(0, 0).data() == "Version 1"
    assert "Released “Version 1” (2 events)" in window.statusBar().currentMessage()
    wait_for_changes(qtbot, window)
    assert panel.heading.text() == "Changes since release “Version 1”"
    assert panel.changes_model.rowCount() == 0


def test_a_taken_name_keeps_ok_disabled_with_the_reason(qtbot, window):
    release_through_the_dialog(qtbot, window, "Final")
    dialog = open_dialog(qtbot, window, window.releases.release_action, ReleaseDialog)
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "final")
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_label.isVisible()
    assert dialog.problem_label.text() == "there is a release named 'Final' already"
    dialog.name_edit.clear()
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_label.text() == "a release needs a name"
    dialog.reject()


def test_the_same_state_twice_is_refused_clearly(qtbot, window, errors, filed):
    release_through_the_dialog(qtbot, window, "One")
    dialog = open_dialog(qtbot, window, window.releases.release_action, ReleaseDialog)
    wait_for_changes(qtbot, window)
    assert dialog.summary_label.text() == (
        "Nothing anyone would notice has changed since release “One”.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert errors == ["nothing has changed since release 'One'; a new release needs a change"]
    with ProgrammeStore.open(filed, readonly=True) as store:
        assert [r.name for r in list_releases(store)] == ["One"]


def test_the_changes_panel_follows_edits(qtbot, window):
    release_through_the_dialog(qtbot, window, "Version 1")
    panel = window.releases.panel
    old = window.document.programme.events["talk@t"]
    window.move_event("talk@t", old.start + timedelta(hours=2), "petri")
    qtbot.waitUntil(lambda: panel.changes_model.rowCount() == 2, timeout=10000)
    model = panel.changes_model
    assert [model.index(r, 0).data() for r in range(2)] == ["New time", "New place"]
    assert model.index(0, 1).data() == "“Talk” moves from Thu 4 Apr 10:00–12:00 to Thu 4 Apr " \
        "12:00–14:00"
    assert panel.heading.text() == "Changes since release “Version 1”"
    assert panel.hint.text() == "2 changes to tell; double-click one to see the event"
    # Undo takes the change back out of the list.
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.changes_model.rowCount() == 0, timeout=10000)
    # Double-clicking a change shows its event in the grid.
    window.document.undo_stack.redo()
    qtbot.waitUntil(lambda: panel.changes_model.rowCount() == 2, timeout=10000)
    view = panel.changes_view
    window.releases.dock.show()
    window.releases.dock.raise_()
    qtbot.waitUntil(lambda: view.isVisible(), timeout=5000)
    rect = view.visualRect(model.index(0, 1))
    # A double-click as the mouse makes it: a click, then the second press.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.doubleClicked, timeout=3000):
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selected_uids() == ["talk@t"]


def test_choosing_an_older_release_compares_with_it(qtbot, window, filed):
    release_through_the_dialog(qtbot, window, "Version 1")
    old = window.document.programme.events["film@t"]
    window.move_event("film@t", old.start + timedelta(days=1))
    release_through_the_dialog(qtbot, window, "Version 2")
    wait_for_changes(qtbot, window)
    panel = window.releases.panel
    assert panel.changes_model.rowCount() == 0
    assert [panel.releases_model.index(r, 0).data() for r in range(2)] == ["Version 2",
                                                                         "Version 1"]
    window.releases.dock.show()
    window.releases.dock.raise_()
    view = panel.releases_view
    qtbot.waitUntil(lambda: view.isVisible(), timeout=5000)
    rect = view.visualRect(panel.releases_model.index(1, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_for_changes(qtbot, window)
    assert panel.heading.text() == "Changes since release “Version 1”"
    assert panel.changes_model.rowCount() == 1


def test_publish_from_the_menu(qtbot, window, tmp_path):
    release_through_the_dialog(qtbot, window, "Version 1")
    out = tmp_path / "site"
    dialog = open_dialog(qtbot, window, window.releases.publish_action, PublishDialog)
    assert dialog.what_label.text() == "Release “Version 1” is published."
    dialog.folder_edit.setText(str(out))
    qtbot.keyClicks(dialog.url_edit, "ftp://nope")
    assert not dialog.ok_button.isEnabled()
    assert "is not an http" in dialog.problem_label.text()
    dialog.url_edit.clear()
    qtbot.keyClicks(dialog.url_edit, "https://example.org/fest/")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Published"),
                    timeout=20000)
    assert (out / "schedule.xml").is_file() and (out / "qr" / "programme.svg").is_file()
    feeds = json.loads((out / "feeds.json").read_text(encoding="utf-8"))
    assert feeds[0]["webcal"] == "webcal://example.org/fest/programme.ics"
    assert "Published release “Version 1” to" in window.statusBar().currentMessage()
    # Remembered for the next publish and for printing.
    assert window.settings.publish_place(window.document.path) == (
        str(out), "https://example.org/fest/")
    again = open_dialog(qtbot, window, window.releases.publish_action, PublishDialog)
    assert again.folder_edit.text() == str(out)
    assert again.url_edit.text() == "https://example.org/fest/"
    again.reject()


def test_publish_refuses_a_folder_of_other_files(qtbot, window, tmp_path):
    other = tmp_path / "documents"
    other.mkdir()
    (other / "thesis.odt").write_bytes(b"work")
    dialog = open_dialog(qtbot, window, window.releases.publish_action, PublishDialog)
    # Nothing released yet: only a draft.
    assert dialog.draft_box.isChecked() and not dialog.draft_box.isEnabled()
    dialog.folder_edit.setText(str(other))
    assert not dialog.ok_button.isEnabled()
    assert "holds other files" in dialog.problem_label.text()
    dialog.reject()
    assert (other / "thesis.odt").read_bytes() == b"work"


def test_without_a_file_there_are_no_releases(qtbot):
    window = make_window(qtbot)
    try:
        assert not window.releases.release_action.isEnabled()
        assert not window.releases.publish_action.isEnabled()
        assert window.releases.panel.hint.text().startswith("Save the programme to a file")
    finally:
        window.close()


def test_save_as_carries_the_releases_to_the_new_file(qtbot, window, filed, tmp_path,
                                                      monkeypatch):
    # File › Save As on a programme with releases: the copy is the whole programme file,
    # its releases included, and the window goes on with the copy's releases.
    from PySide6.QtWidgets import QFileDialog
    from test_ui_window import at

    release_through_the_dialog(qtbot, window, "Version 1", "the first")
    window.move_event("talk@t", at(7, 15))
    release_through_the_dialog(qtbot, window, "Version 2")
    window.move_event("talk@t", at(7, 16))
    copy = tmp_path / "copy.programme"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(copy), "")))
    window.save_as_action.trigger()
    qtbot.waitUntil(lambda: window.document.path == copy, timeout=5000)
    with ProgrammeStore.open(filed, readonly=True) as old, \
            ProgrammeStore.open(copy, readonly=True) as new:
        assert list_releases(new) == list_releases(old)
        assert [r.name for r in list_releases(new)] == ["Version 1", "Version 2"]
        assert new.load().events["talk@t"].start == at(7, 16)
    # The dock now follows the copy: its releases, and the change since "Version 2".
    panel = window.releases.panel
    qtbot.waitUntil(lambda: panel.changes_model.rowCount() == 1
                    and panel.heading.text() == "Changes since release “Version 2”",
                    timeout=10000)
    assert sorted(panel.releases_model.index(n, 0).data()
                  for n in range(panel.releases_model.rowCount())) == ["Version 1", "Version 2"]
    # A release made now goes into the copy, and the original keeps what it had.
    release_through_the_dialog(qtbot, window, "Version 3")
    with ProgrammeStore.open(copy, readonly=True) as new:
        assert [r.name for r in list_releases(new)][-1] == "Version 3"
    with ProgrammeStore.open(filed, readonly=True) as old:
        assert [r.name for r in list_releases(old)] == ["Version 1", "Version 2"]


def test_save_as_of_the_builtin_programme_has_no_releases(qtbot, tmp_path, errors):
    window = make_window(qtbot, None, None, errors=errors)
    try:
        path = tmp_path / "german-week.programme"
        assert window.save_as_path(path)
        with ProgrammeStore.open(path, readonly=True) as store:
            assert list_releases(store) == []
            assert len(store.load().events) == len(window.document.programme.events)
        assert window.releases.release_action.isEnabled()
    finally:
        window.close()


def test_each_programme_remembers_its_own_publish_folder_and_address(qtbot, window, filed,
                                                                     tmp_path, errors):
    # The folder and address of a publish belong to the programme: another programme's
    # File › Publish must not offer to replace the first one's folder, nor print QR codes
    # of the first one's feeds.
    release_through_the_dialog(qtbot, window, "Version 1")
    out = tmp_path / "site"
    dialog = open_dialog(qtbot, window, window.releases.publish_action, PublishDialog)
    assert Path(dialog.folder_edit.text()) == filed.with_name("fest-published")
    assert Path(dialog.folder_edit.text()).is_absolute()
    dialog.folder_edit.setText(str(out))
    qtbot.keyClicks(dialog.url_edit, "https://example.org/fest/")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Published"),
                    timeout=20000)
    assert window.my_programme._base_url() == "https://example.org/fest/"
    other = tmp_path / "other" / "second.programme"
    other.parent.mkdir()
    save_new(other, programme_with_events())
    second = make_window(qtbot, None, ProgrammeStore.open(other), errors)
    try:
        release_through_the_dialog(qtbot, second, "Version 1")
        dialog = open_dialog(qtbot, second, second.releases.publish_action, PublishDialog)
        assert Path(dialog.folder_edit.text()) == other.with_name("second-published")
        assert dialog.url_edit.text() == ""
        assert second.my_programme._base_url() is None
        dialog.reject()
    finally:
        second.close()
    # The first programme still has its own.
    again = open_dialog(qtbot, window, window.releases.publish_action, PublishDialog)
    assert again.folder_edit.text() == str(out)
    assert again.url_edit.text() == "https://example.org/fest/"
    again.reject()


def test_the_publish_dialog_labels_have_their_shortcuts(qtbot, window):
    # "&Folder:" is a label with a buddy (Alt+F goes to the field), never a literal "&".
    from PySide6.QtWidgets import QLabel

    release_through_the_dialog(qtbot, window, "Version 1")
    dialog = open_dialog(qtbot, window, window.releases.publish_action, PublishDialog)
    labels = {label.text(): label.buddy() for label in dialog.findChildren(QLabel)
              if "&" in label.text()}
    assert labels["&Folder:"] is dialog.folder_edit
    assert labels["&Web address:"] is dialog.url_edit
    assert labels["&Language:"] is dialog.lang_combo
    dialog.reject()


@pytest.mark.parametrize("size", [(1024, 700), (1440, 900)])
def test_the_releases_list_shows_several_releases_in_a_small_window(qtbot, window, size):
    # The dock is narrow: the list must not scroll sideways and hide all but one release.
    window.resize(*size)
    window.releases.dock.raise_()
    for name in ("Version 1", "Version 2", "Version 3"):
        window.move_event("talk@t", window.document.programme.events["talk@t"].start
                          + timedelta(hours=1))
        release_through_the_dialog(qtbot, window, name)
    view = window.releases.panel.releases_view
    qtbot.waitUntil(lambda: view.model().rowCount() == 3, timeout=10000)
    QApplication.processEvents()
    assert not view.horizontalScrollBar().isVisible()
    last = view.rowViewportPosition(2) + view.rowHeight(2)
    assert 0 < last <= view.viewport().height()
    # Name, time and size fit whole; the note is in the tooltip where it does not fit.
    for column in range(2):
        assert view.columnViewportPosition(column) + view.columnWidth(column) \
            <= view.viewport().width()


@pytest.mark.parametrize("lang", ["de", "en", "ru"])
def test_the_releases_list_reads_whole_in_a_narrow_dock_in_each_language(qtbot, filed, lang,
                                                                         errors):
    # The table had a header ("Veröffentlichung", "Veröffentlicht", "Veranstaltungen")
    # wider than the dock: each cell now says what it is, and none is cut.
    from ui.i18n import language

    with language(lang):
        store = ProgrammeStore.open(filed)
        window = make_window(qtbot, store.load(), store, errors)
        window.resize(1024, 700)
        window.show()
        window.releases.dock.raise_()
        release_through_the_dialog(qtbot, window, "Version 1")
        view = window.releases.panel.releases_view
        qtbot.waitUntil(lambda: view.model().rowCount() == 1, timeout=10000)
        QApplication.processEvents()
        assert view.horizontalHeader().isHidden()
        model = view.model()
        when = model.index(0, 1).data()
        assert when.splitlines()[1] == {"de": "2 Veranstaltungen", "en": "2 events",
                                        "ru": "2 мероприятия"}[lang]
        metrics = view.fontMetrics()
        for column in range(2):
            text = model.index(0, column).data()
            rect = view.visualRect(model.index(0, column))
            assert rect.right() <= view.viewport().width()
            lines = text.splitlines()
            assert max(metrics.horizontalAdvance(line) for line in lines) < rect.width()
            assert len(lines) * metrics.lineSpacing() <= rect.height()
        window.close()


def test_save_as_over_a_file_the_user_chose_to_replace(qtbot, window, filed, tmp_path,
                                                      monkeypatch, errors):
    # The file dialog asked "replace it?" and the user said yes: Save As replaces the file
    # (whole, releases included), unless that file is open for editing elsewhere.
    from PySide6.QtWidgets import QFileDialog

    release_through_the_dialog(qtbot, window, "Version 1")
    target = tmp_path / "old.programme"
    save_new(target, programme_with_events())
    chosen = [str(target)]
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (chosen[0], "")))
    assert window.file_save_as()
    assert errors == []
    assert window.document.path == target
    with ProgrammeStore.open(target, readonly=True) as store:
        assert [r.name for r in list_releases(store)] == ["Version 1"]
    assert not list(tmp_path.glob(".old.programme.tmp-*"))
    # A file open for editing in another window is not replaced.
    busy = tmp_path / "busy.programme"
    save_new(busy, programme_with_events())
    before = busy.read_bytes()
    chosen[0] = str(busy)
    with ProgrammeStore.open(busy):
        assert not window.file_save_as()
    assert len(errors) == 1 and "already open for editing" in errors[0]
    assert busy.read_bytes() == before
    assert window.document.path == target
    # Its own file: nothing to replace, the programme is simply saved.
    chosen[0] = str(target)
    assert window.file_save_as()
    assert len(errors) == 1 and window.document.path == target
