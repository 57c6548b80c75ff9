"""The window's shell as a user meets it: error boxes in the window's language, a file open
in another window offered read-only, File > Open Read-Only, in German, English and
Russian."""

from __future__ import annotations

from datetime import timedelta

import pytest
from factories import small_programme
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from ui_helpers import BoxAnswerer, block_point, drag, y_shift

from planner.store import ProgrammeStore, open_programme, save_new
from ui.i18n import language
from ui.main_window import MainWindow

LOCKED = {
    "en": ("already open for editing in another window", "File › Open Read-Only…",
           "Open Read-Only", "(read-only)"),
    "de": ("bereits in einem anderen Fenster oder Prozess zum Bearbeiten geöffnet",
           "Datei › Schreibgeschützt öffnen …", "Schreibgeschützt öffnen", "(schreibgeschützt)"),
    "ru": ("уже открыт для редактирования в другом окне",
           "Файл › Открыть только для чтения…", "Открыть только для чтения", "(только чтение)"),
}


def programme_file(tmp_path):
    path = tmp_path / "week.programme"
    save_new(path, small_programme_with_talk())
    return path


def small_programme_with_talk():
    from factories import event

    programme = small_programme()
    talk = event("talk@t", 4, 10, 12)
    programme.events[talk.uid] = talk
    return programme


def make_window(qtbot, lang, programme=None, store=None):
    window = MainWindow(programme or small_programme_with_talk(), store, lang=lang,
                        remember=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("lang", ["en", "de", "ru"])
def test_a_file_open_elsewhere_is_offered_read_only(qtbot, tmp_path, lang):
    """The second window on a file gets the lock's message in its own language, with an
    "Open Read-Only" button that does what the message advises."""
    path = programme_file(tmp_path)
    text, menu, button, marker = LOCKED[lang]
    with language(lang):
        store = ProgrammeStore.open(path)  # the first window's hold on the file
        first = make_window(qtbot, lang, store.load(), store)
        second = make_window(qtbot, lang)
        with BoxAnswerer(qtbot, button) as boxes:
            assert second.open_path(path)
        assert len(boxes.seen) == 1
        assert text in boxes.seen[0] and menu in boxes.seen[0], boxes.seen[0]
        assert "already open" not in boxes.seen[0] or lang == "en"
        assert second.document.readonly and marker in second.windowTitle()
        assert first.document.writes_file and not second.document.writes_file

        # Edits in the read-only window stay in memory: the file keeps the first
        # window's programme, and the window says it has unsaved work.
        grid = second.grid
        second.set_view("week")
        grid.verticalScrollBar().setValue(round(8 * grid.hour_height))
        talk = second.document.programme.events["talk@t"]
        start = block_point(grid, "talk@t")
        drag(grid, start, QPoint(start.x(), start.y() + y_shift(
            grid, talk.start, talk.start + timedelta(hours=1))))
        assert second.document.programme.events["talk@t"].start == talk.start + timedelta(
            hours=1)
        assert second.isWindowModified() and second.document.is_modified
        assert open_programme(path).events["talk@t"].start == talk.start
        second.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
        second.close()
        first.close()
        store.close()


@pytest.mark.parametrize("lang", ["en", "de", "ru"])
def test_cancel_on_the_locked_box_keeps_the_open_programme(qtbot, tmp_path, lang):
    path = programme_file(tmp_path)
    with language(lang):
        store = ProgrammeStore.open(path)
        try:
            window = make_window(qtbot, lang)
            before = window.document
            with BoxAnswerer(qtbot, QMessageBox.StandardButton.Cancel) as boxes:
                assert not window.open_path(path)
            assert len(boxes.seen) == 1 and window.document is before
        finally:
            store.close()


@pytest.mark.parametrize("lang", ["en", "de", "ru"])
def test_file_open_read_only_from_the_menu(qtbot, tmp_path, monkeypatch, lang):
    path = programme_file(tmp_path)
    _, _, _, marker = LOCKED[lang]
    asked = []

    def choose(parent, title, folder, filters):
        asked.append(title)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    with language(lang):
        window = make_window(qtbot, lang)
        file_menu = window.file_menu
        action = next(a for a in file_menu.actions() if a is window.open_read_only_action)
        assert action.isVisible() and action.text()
        action.trigger()
        assert asked and window.document.readonly and marker in window.windowTitle()
        # Nobody holds the file for editing: another window may still take it.
        with ProgrammeStore.open(path) as other:
            assert not other.readonly


@pytest.mark.parametrize("lang, words", [
    ("en", "not a programme file"),
    ("de", "keine Programmdatei"),
    ("ru", "не файл программы"),
])
def test_error_boxes_speak_the_window_language(qtbot, tmp_path, lang, words):
    """A planner error is rendered in the window's language, not str(exc) in English."""
    bogus = tmp_path / "notes.programme"
    bogus.write_text("just some notes\n" * 50, encoding="utf-8")
    with language(lang):
        window = make_window(qtbot, lang)
        with BoxAnswerer(qtbot, QMessageBox.StandardButton.Ok) as boxes:
            assert not window.open_path(bogus)
        assert len(boxes.seen) == 1 and words in boxes.seen[0], boxes.seen[0]


def test_the_window_starts_read_only_from_the_command_line(qtbot, tmp_path):
    from ui.app import start

    path = programme_file(tmp_path)
    window = start([str(path), "--read-only", "--lang", "en"])
    qtbot.addWidget(window)
    assert window.document.readonly and "(read-only)" in window.windowTitle()
    assert not path.with_name(path.name + ".lock").exists()
    window.close()


def test_a_second_start_on_a_locked_file_asks(qtbot, tmp_path):
    """``main.py FILE`` on a file open elsewhere (a double-click in the file manager) asks
    in a box, rather than printing to a terminal nobody sees."""
    from ui.app import start

    path = programme_file(tmp_path)
    with ProgrammeStore.open(path):
        with BoxAnswerer(qtbot, "Open Read-Only") as boxes:
            window = start([str(path), "--lang", "en"])
        qtbot.addWidget(window)
        assert len(boxes.seen) == 1 and window.document.readonly
        window.close()


def test_the_locked_message_is_translated_in_the_catalogues():
    from planner.i18n import catalogue

    for lang, (text, menu, _, _) in LOCKED.items():
        if lang == "en":
            continue
        entries = [v for k, v in catalogue(lang).items() if "already open for editing" in k]
        assert entries  # with the holder's process, and without when it cannot be told
        assert all(text in entry and menu in entry for entry in entries), entries


def test_box_answerer_fails_when_no_box_comes(qtbot):
    with pytest.raises(AssertionError), BoxAnswerer(qtbot, "OK", expect=True):
        QApplication.processEvents()


@pytest.mark.parametrize("lang, words", [
    ("en", ("“Festival week” (3 events) was not saved", "Open")),
    ("de", ("„Festwoche“ (3 Veranstaltungen)", "Öffnen")),
    ("ru", ("«Фестивальная неделя» (3 мероприятия)", "Открыть")),
])
def test_the_recovery_question_names_the_programme_in_the_window_language(
        qtbot, tmp_path, lang, words):
    import json

    from planner.model import Texts
    from ui.recovery import RecoveryWriter, pending

    programme = small_programme_with_talk()
    programme.name = Texts("Festwoche", "Festival week", "Фестивальная неделя")
    from factories import event

    for uid in ("a@t", "b@t"):
        programme.events[uid] = event(uid, 5, 10, 11)
    writer = RecoveryWriter()
    writer.schedule(programme)
    writer.flush()
    # As a window that crashed leaves it: its process is gone.
    sidecar = writer.path.with_suffix(".json")
    meta = json.loads(sidecar.read_text(encoding="utf-8"))
    sidecar.write_text(json.dumps({**meta, "pid": 2 ** 22 + 17}), encoding="utf-8")
    assert [found.name_in(lang) for found in pending()] == [programme.name.get(lang)]
    with language(lang):
        window = make_window(qtbot, lang)
        with BoxAnswerer(qtbot, QMessageBox.StandardButton.Open) as boxes:
            window.offer_recovery()
        text, button = words
        assert len(boxes.seen) == 1 and text in boxes.seen[0], boxes.seen[0]
        assert window.document.programme.name.get(lang) == programme.name.get(lang)
        assert len(window.document.programme.events) == 3 and window.isWindowModified()
        window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
        window.close()


@pytest.mark.parametrize("lang, help_title, undo, title, mouse", [
    ("en", "Help", "Undo", "Keyboard Shortcuts",
     {"wheel": "Wheel", "drag": "Drag", "click": "Click", "edge": "Hold at an edge of the grid",
      "end": "Drag its lower edge", "double": "Double-click", "right": "Right-click",
      "grid": "Calendar Grid", "agenda": "Agenda", "editor": "Event Editor"}),
    ("de", "Hilfe", "Rückgängig", "Tastenkürzel",
     {"wheel": "Mausrad", "drag": "Ziehen", "click": "Klick",
      "edge": "Beim Ziehen am Rand des Rasters halten", "end": "Unterkante ziehen",
      "double": "Doppelklick", "right": "Rechtsklick", "grid": "Kalenderraster",
      "agenda": "Liste", "editor": "Veranstaltungseditor"}),
    ("ru", "Справка", "Отменить", "Сочетания клавиш",
     {"wheel": "Колесо мыши", "drag": "Перетаскивание", "click": "Щелчок",
      "edge": "Удерживать у края сетки при перетаскивании",
      "end": "Перетаскивание нижнего края", "double": "Двойной щелчок",
      "right": "Щелчок правой кнопкой", "grid": "Сетка календаря", "agenda": "Список",
      "editor": "Редактор мероприятия"}),
])
def test_help_lists_every_shortcut_of_the_window(qtbot, lang, help_title, undo, title,
                                                 mouse):
    """Help > Keyboard Shortcuts (F1) lists every action that has a shortcut, once, with
    its keys, in the window's language; it is made from the actions themselves. It also
    lists what the grid, the agenda and the editor do with keys and the mouse beyond the
    actions: Shift and the wheel (sideways), Ctrl and the wheel (zoom), Ctrl and a drag
    (copy), a block held at an edge (scrolls), the lower edge dragged (length), the keys
    of their keyPressEvent (arrows, Return, Backspace, Escape, the menu key), Ctrl+click,
    double- and right-click, and the editor's Ctrl+Return and Escape."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    with language(lang):
        window = make_window(qtbot, lang)
        menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
        assert list(menus)[-1] == help_title
        with qtbot.waitActive(window):
            window.activateWindow()
        QTest.keyClick(window.grid, Qt.Key.Key_F1)
        dialog = window.findChild(QDialog, "shortcuts_dialog")
        assert dialog is not None and dialog.isVisible()
        assert dialog.windowTitle() == title
        tree = dialog.tree
        rows = {}
        count = 0
        groups: dict[str, set[str]] = {}
        for g in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(g)
            for r in range(group.childCount()):
                item = group.child(r)
                rows[item.text(0)] = item.text(1)
                count += 1
                groups.setdefault(group.text(0), set()).update(item.text(1).split(" · "))
        assert rows[undo] == QKeySequence("Ctrl+Z").toString(
            QKeySequence.SequenceFormat.NativeText)
        # Every action with a shortcut is listed (the window's and its menus').
        keys = {k.toString(QKeySequence.SequenceFormat.NativeText)
                for a in window.findChildren(QAction) for k in a.shortcuts()
                if a.isVisible() and (a.associatedObjects())}
        listed = {k for value in rows.values() for k in value.split(" · ")}
        assert keys <= listed, keys - listed
        assert "F1" in listed and not [t for t in rows if "&" in t or t.endswith("…")]

        def native(keys: str) -> str:
            return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)

        shift, ctrl = native("Shift+A")[:-1], native("Ctrl+A")[:-1]
        grid = {f"{shift}{mouse['wheel']}", f"{ctrl}{mouse['wheel']}",
                f"{ctrl}{mouse['drag']}", f"{ctrl}{mouse['click']}", mouse["drag"],
                mouse["edge"], mouse["end"], mouse["double"], mouse["right"],
                *(native(k) for k in ("Up", "Down", "Left", "Right", "Return", "Enter",
                                      "Backspace", "Del", "Esc", "Menu"))}
        assert grid <= groups[mouse["grid"]], grid - groups[mouse["grid"]]
        agenda = {mouse["double"], mouse["right"], native("Return"), native("Menu"),
                  f"{ctrl}{mouse['click']}", f"{shift}{mouse['click']}"}
        assert agenda <= groups[mouse["agenda"]], agenda - groups[mouse["agenda"]]
        assert {native("Ctrl+Return"), native("Esc")} <= groups[mouse["editor"]]
        # Each row says what it does, in the window's language, no two alike.
        assert all(text and keys for text, keys in rows.items()) and len(rows) == count
        dialog.close()
        # About names the app and its font's licence.
        with BoxAnswerer(qtbot, QMessageBox.StandardButton.Ok) as boxes:
            window.about_action.trigger()
        assert "Noto Sans" in boxes.seen[0]


def test_find_is_the_tab_in_front_when_the_window_opens(qtbot):
    from PySide6.QtWidgets import QDockWidget

    window = make_window(qtbot, "en")
    find = window.my_programme.dock
    tabbed = window.tabifiedDockWidgets(find)
    assert window.clash_dock in tabbed and len(tabbed) >= 2
    assert not find.visibleRegion().isEmpty()
    assert all(d.visibleRegion().isEmpty() for d in tabbed if isinstance(d, QDockWidget))
