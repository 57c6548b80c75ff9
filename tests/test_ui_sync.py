"""Sync in the window, driven as a user drives it, against the Radicale of the tests: the
settings dialog, File › Sync Now (F9), the status, a sync on a timer, a window that keeps
answering while the server is slow, and the conflicts dialog as one undoable step."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from sync_helpers import data_of, edit, load, make_file, retitle, sync
from test_sync import two_planners

from planner.store import ProgrammeStore
from planner.sync.state import load_state
from ui.app import create_application
from ui.commands import put_command
from ui.dialogs.conflicts import ConflictsDialog
from ui.dialogs.sync_settings import SyncSettingsDialog
from ui.main_window import MainWindow
from ui.panels.sync import KEYRING_SERVICE


@pytest.fixture
def memory_keyring():
    import keyring
    from support.memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def errors():
    return []


def open_window(qtbot, path, errors):
    create_application()
    store = ProgrammeStore.open(path)
    window = MainWindow(store.load(), store, lang="en", remember=False)
    qtbot.addWidget(window)
    window.show_error = errors.append  # type: ignore[method-assign]
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._sync_panel is not None)
    return window


def when_modal(qtbot, kind, act):
    """Run ``act(dialog)`` on the next modal dialog of ``kind`` that opens."""
    def look():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        else:
            QTimer.singleShot(20, look)
    QTimer.singleShot(0, look)


def sync_in(qtbot, window, how="menu"):
    """Sync as a user does (File › Sync Now, or its key F9), or as the timer does; wait for
    the end and return the report (or the error)."""
    panel = window.sync_panel
    with qtbot.waitSignal(panel.sync_ended, timeout=60_000) as ended:
        if how == "key":
            QTest.keyClick(window, Qt.Key.Key_F9)
        elif how == "menu":
            sync_entry = next(a for a in window.file_menu.actions()
                              if a.objectName() == "sync_now")
            sync_entry.trigger()
        else:
            panel.sync_now(interactive=False)
    return ended.args[0]


def configure(qtbot, window, dav):
    """Fill in the settings dialog as a user would, the first time F9 asks for it."""
    def fill(dialog):
        QTest.keyClicks(dialog.url_edit, dav.url)
        QTest.keyClicks(dialog.user_edit, dav.user)
        QTest.keyClicks(dialog.password_edit, dav.password)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    when_modal(qtbot, SyncSettingsDialog, fill)


def test_set_up_then_sync_now_and_the_status_says_so(qtbot, dav, tmp_path, memory_keyring,
                                                     errors):
    path = make_file(tmp_path / "a.programme")
    window = open_window(qtbot, path, errors)
    panel = window.sync_panel
    assert panel.status_button.text() == "Sync: no server set"
    configure(qtbot, window, dav)
    report = sync_in(qtbot, window, "key")
    assert errors == [] and report.uploaded == 5
    assert panel.status_button.text() == "Synced just now"
    # The password went to the keyring, never into the file.
    assert memory_keyring.passwords == {
        (KEYRING_SERVICE, f"{dav.user}@{dav.url}"): dav.password}
    assert b"secret" not in path.read_bytes()
    assert sorted(dav.event_uids()) == sorted(window.document.programme.events)
    # A later F9 needs nothing more.
    assert not sync_in(qtbot, window).changed


def test_a_missing_password_is_asked_for(qtbot, dav, tmp_path, memory_keyring, errors,
                                         monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    path = make_file(tmp_path / "a.programme")
    sync(path, dav)  # set up from the command line: URL and user in the file
    window = open_window(qtbot, path, errors)
    asked = []

    def answer(parent, title, label, echo):
        asked.append(label)
        return dav.password, True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    report = sync_in(qtbot, window)
    assert errors == [] and not report.changed
    assert asked == [f"Password of {dav.user} at {dav.url}:"]
    assert sync_in(qtbot, window) is not None and len(asked) == 1


def test_changes_from_the_server_arrive_by_themselves(qtbot, dav, tmp_path, memory_keyring,
                                                      errors):
    a, b = two_planners(tmp_path, dav)
    memory_keyring.set_password(KEYRING_SERVICE, f"{dav.user}@{dav.url}", dav.password)
    window = open_window(qtbot, b, errors)
    panel = window.sync_panel
    edit(a, retitle("concert@t", "Concert, moved to the big hall"))
    sync(a, dav)
    panel.timer.start(50)  # the timer a set-up server starts, made quick for the test
    qtbot.waitUntil(lambda: window.document.programme.events["concert@t"].title.en
                    == "Concert, moved to the big hall", timeout=60_000)
    panel.timer.stop()
    qtbot.waitUntil(lambda: not panel.running)
    assert errors == []  # an automatic sync asks nothing and shows no box
    assert panel.status_button.text() == "Synced just now"


def test_the_window_answers_while_the_server_is_slow(qtbot, dav, tmp_path, memory_keyring,
                                                     errors):
    a, b = two_planners(tmp_path, dav)
    memory_keyring.set_password(KEYRING_SERVICE, f"{dav.user}@{dav.url}", dav.password)
    window = open_window(qtbot, b, errors)
    panel = window.sync_panel
    edit(a, retitle("concert@t", "From A"))
    sync(a, dav)
    dav.proxy.reset()
    dav.proxy.hold_on = ("REPORT", "", 2)  # the server answers, but slowly
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    panel.sync_now(interactive=False)
    assert dav.proxy.held.wait(30)
    qtbot.waitUntil(lambda: len(ticks) > 10)  # the event loop turns meanwhile
    assert panel.status_button.text().startswith("Syncing")
    # The user edits meanwhile: the edit stays, and the next sync sends it.
    talk = window.document.programme.events["talk@t"]
    window.push(put_command(window.document, dataclasses.replace(
        talk, title=dataclasses.replace(talk.title, en="Edited during the sync")), "edit"))
    dav.proxy.release.set()
    qtbot.waitUntil(lambda: not panel.running, timeout=60_000)
    timer.stop()
    programme = window.document.programme
    assert programme.events["talk@t"].title.en == "Edited during the sync"
    assert programme.events["concert@t"].title.en == "From A"
    dav.proxy.reset()
    sync_in(qtbot, window, "timer")
    sync(a, dav)
    assert load(a).events["talk@t"].title.en == "Edited during the sync"


def test_an_unreachable_server_shows_not_synced_since(qtbot, dav, tmp_path, memory_keyring,
                                                      errors):
    path = make_file(tmp_path / "a.programme")
    sync(path, dav)
    memory_keyring.set_password(KEYRING_SERVICE, f"{dav.user}@{dav.url}", dav.password)
    window = open_window(qtbot, path, errors)
    panel = window.sync_panel
    before = data_of(window.document.programme)
    dav.proxy.drop_after = 0
    error = sync_in(qtbot, window, "timer")
    assert str(error).startswith("cannot reach ") and "wait for the next sync" in str(error)
    assert panel.status_button.text().startswith("Not synced since ")
    assert panel.status_button.toolTip() == str(error)
    assert errors == []  # automatic: no message box
    assert data_of(window.document.programme) == before
    # F9 (interactive) says it in a message as well.
    sync_in(qtbot, window)
    assert len(errors) == 1


def test_conflicts_side_by_side_chosen_per_event_in_one_undo_step(qtbot, dav, tmp_path,
                                                                  memory_keyring, errors):
    a, b = two_planners(tmp_path, dav)
    memory_keyring.set_password(KEYRING_SERVICE, f"{dav.user}@{dav.url}", dav.password)
    edit(a, lambda p: {**retitle("talk@t", "Talk by A")(p),
                       **retitle("concert@t", "Concert by A")(p)})
    sync(a, dav)
    window = open_window(qtbot, b, errors)
    document = window.document
    for uid, text in (("talk@t", "Talk by B"), ("concert@t", "Concert by B")):
        old = document.programme.events[uid]
        window.push(put_command(document, dataclasses.replace(
            old, title=dataclasses.replace(old.title, en=text)), "edit"))
    seen = {}

    def choose(dialog):
        rows = {}
        for row in range(dialog.list.count()):
            dialog.list.setCurrentRow(row)
            table = dialog.table
            fields = {table.item(r, 0).text(): (table.item(r, 1).text(),
                                                 table.item(r, 2).text())
                      for r in range(table.rowCount())}
            rows[dialog.current_ident()] = fields
            if dialog.current_ident() == "talk@t":
                dialog.take_server.click()
            else:
                dialog.keep_local.click()
        seen.update(rows)
        dialog.apply_button.click()

    when_modal(qtbot, ConflictsDialog, choose)
    report = sync_in(qtbot, window)  # interactive: the dialog opens by itself
    assert len(report.conflicts) == 2
    qtbot.waitUntil(lambda: not load_state(document.store.connection).conflicts
                    and not window.sync_panel.running, timeout=60_000)
    # Both versions were shown side by side.
    assert seen["talk@t"]["Title"] == ("Talk by B", "Talk by A")
    assert seen["concert@t"]["Title"] == ("Concert by B", "Concert by A")
    events = document.programme.events
    assert events["talk@t"].title.en == "Talk by A"  # taken from the server
    assert events["concert@t"].title.en == "Concert by B"  # kept, and sent
    # One undo step takes the choices back, conflicts and all; redo makes them again.
    assert document.undo_stack.undoText().startswith("Settle 2 sync conflicts")
    window.undo_action.trigger()  # Edit › Undo
    assert events["talk@t"].title.en == "Talk by B"
    assert set(load_state(document.store.connection).conflicts) == {"talk@t", "concert@t"}
    window.redo_action.trigger()
    assert events["talk@t"].title.en == "Talk by A"
    assert not load_state(document.store.connection).conflicts
    sync_in(qtbot, window, "timer")
    sync(a, dav)
    assert load(a).events["concert@t"].title.en == "Concert by B"
    assert data_of(load(a)) == data_of(document.programme)
    assert errors == []


def test_an_undo_step_does_not_throw_away_what_a_sync_brought(qtbot, dav, tmp_path,
                                                              memory_keyring, errors):
    a, b = two_planners(tmp_path, dav)
    memory_keyring.set_password(KEYRING_SERVICE, f"{dav.user}@{dav.url}", dav.password)
    window = open_window(qtbot, b, errors)
    document = window.document
    old = document.programme.events["talk@t"]
    window.push(put_command(document, dataclasses.replace(
        old, title=dataclasses.replace(old.title, en="Mine")), "edit"))
    sync_in(qtbot, window, "timer")
    sync(a, dav)
    edit(a, retitle("talk@t", "Theirs, later"))
    sync(a, dav)
    sync_in(qtbot, window, "timer")
    assert document.programme.events["talk@t"].title.en == "Theirs, later"
    window.undo_action.trigger()  # Edit › Undo of the edit made before
    assert document.programme.events["talk@t"].title.en == "Theirs, later"
    assert len(errors) == 1 and "cannot be undone" in errors[0]
    assert not document.undo_stack.canUndo()
