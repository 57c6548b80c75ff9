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
    # A later F9 needs nothing more; and the window syncs by itself from now on, every
    # five minutes unless told otherwise.
    assert not sync_in(qtbot, window).changed
    assert panel.timer.isActive() and panel.timer.interval() == 5 * 60_000


def test_without_a_keyring_the_password_is_kept_for_the_session(qtbot, dav, tmp_path,
                                                                 errors):
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        path = make_file(tmp_path / "a.programme")
        window = open_window(qtbot, path, errors)
        shown = []

        def fill(dialog):
            shown.append(dialog.password_edit.placeholderText())
            QTest.keyClicks(dialog.url_edit, dav.url)
            QTest.keyClicks(dialog.user_edit, dav.user)
            QTest.keyClicks(dialog.password_edit, dav.password)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        when_modal(qtbot, SyncSettingsDialog, fill)
        report = sync_in(qtbot, window)
        assert report.uploaded == 5
        assert shown == ["no keyring on this system: kept until the window closes"]
        assert b"secret" not in path.read_bytes()
        # The timer's syncs use it without asking, for as long as the window is open.
        edit_title = window.document.programme.events["talk@t"]
        window.push(put_command(window.document, dataclasses.replace(
            edit_title, title=dataclasses.replace(edit_title.title, en="Kept")), "edit"))
        assert sync_in(qtbot, window, "timer").uploaded == 1
        assert errors == []
    finally:
        keyring.set_keyring(previous)


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
    assert panel.status_button.toolTip() == "C" + str(error)[1:]
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
            # A click on the event in the list, as a user picks it.
            item = dialog.list.item(row)
            QTest.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton,
                             pos=dialog.list.visualItemRect(item).center())
            assert dialog.list.currentRow() == row
            table = dialog.table
            fields = {table.item(r, 0).text(): (table.item(r, 1).text(),
                                                 table.item(r, 2).text())
                      for r in range(table.rowCount())}
            rows[dialog.current_ident()] = fields
            choice = dialog.take_server if dialog.current_ident() == "talk@t" \
                else dialog.keep_local
            QTest.mouseClick(choice, Qt.MouseButton.LeftButton)
        seen.update(rows)
        QTest.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, ConflictsDialog, choose)
    report = sync_in(qtbot, window)  # interactive: the dialog opens by itself
    assert len(report.conflicts) == 2
    qtbot.waitUntil(lambda: not load_state(document.store.connection).conflicts
                    and not window.sync_panel.running, timeout=60_000)
    # Both versions were shown side by side.
    assert seen["talk@t"]["Title"] == ("Talk by B", "Talk by A")
    assert seen["concert@t"]["Title"] == ("Concert by B", "Concert by A")
    # In words, each language's texts, and nothing that neither version holds.
    assert seen["talk@t"]["Title (German)"] == ("Vortrag", "Vortrag")
    assert seen["talk@t"]["Description (Russian)"] == ("О вещах", "О вещах")
    assert seen["talk@t"]["Speakers"][0] == seen["talk@t"]["Speakers"][1] != ""
    assert seen["concert@t"]["Status"] == ("tentative", "tentative")
    assert "Link" not in seen["concert@t"] and "Repeats" not in seen["talk@t"]
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


@pytest.mark.parametrize(("lang", "rows"), [
    ("de", {"Status": "vorläufig", "Wiederholung": "Termine (4): "}),
    ("ru", {"Статус": "предварительно", "Повтор": "Даты (4): "}),
])
def test_the_conflicts_dialog_speaks_the_window_language(qtbot, dav, tmp_path, lang, rows):
    """A series changed on both sides (a date dropped on one, its title on the other),
    shown in German and in Russian: the fields, the status and the dates in words."""
    from planner.model import Recurrence
    from ui.i18n import language

    a, b = two_planners(tmp_path, dav)

    def tentative_series(programme):
        daily = programme.events["daily@t"]
        return {"daily@t": dataclasses.replace(daily, status="tentative")}

    edit(a, tentative_series)
    sync(a, dav)
    sync(b, dav)
    edit(a, lambda p: {"daily@t": dataclasses.replace(
        p.events["daily@t"], recurrence=Recurrence("FREQ=DAILY;COUNT=4", ()))})
    edit(b, retitle("daily@t", "Coffee, every day"))
    sync(a, dav)
    assert [c.ident for c in sync(b, dav).conflicts] == ["daily@t"]
    create_application()
    with ProgrammeStore.open(b) as store, language(lang):
        state = load_state(store.connection)
        dialog = ConflictsDialog(list(state.conflicts.values()), store.load(), lang)
        qtbot.addWidget(dialog)
        table = dialog.table
        shown = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
                 for r in range(table.rowCount())}
    status_label, repeats_label = rows
    assert shown[status_label] == (rows[status_label], rows[status_label])
    mine, theirs = shown[repeats_label]
    # Four dates on each side, not the same four (one side dropped its exception).
    assert theirs.startswith(rows[repeats_label]) and mine.startswith(rows[repeats_label])
    assert mine != theirs
    assert table.item(list(shown).index(repeats_label), 0).font().bold()
    assert not any("FREQ=" in text for pair in shown.values() for text in pair)


def test_what_a_sync_left_alone_is_said(qtbot, dav, tmp_path, memory_keyring, errors):
    """An event the server will not take stays here; F9 says so (the timer does not)."""
    a, _ = two_planners(tmp_path, dav)
    memory_keyring.set_password(KEYRING_SERVICE, f"{dav.user}@{dav.url}", dav.password)
    window = open_window(qtbot, a, errors)
    talk = window.document.programme.events["talk@t"]
    window.push(put_command(window.document, dataclasses.replace(
        talk, title=dataclasses.replace(talk.title, en="Not taken")), "edit"))
    dav.proxy.refuse_on = ("PUT", "talk", 400)
    report = sync_in(qtbot, window, "timer")
    assert report.problems and errors == []
    report = sync_in(qtbot, window)
    assert len(errors) == 1 and errors[0].startswith("Event 'talk@t' stays here only: ")
    assert window.document.programme.events["talk@t"].title.en == "Not taken"
    dav.proxy.refuse_on = None
    assert sync_in(qtbot, window).uploaded == 1 and len(errors) == 1
