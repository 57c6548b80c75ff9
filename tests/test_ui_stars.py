"""Stars for "My programme": kept in the user's settings, never in the programme file."""

from __future__ import annotations

import dataclasses
import hashlib

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QListWidget, QMainWindow

from planner.builtin import load_builtin
from planner.model import Texts
from planner.store import ProgrammeStore
from tests.factories import event, small_programme
from ui.stars import STAR_COLOUR, StarStore, make_star_action, programme_key, star_icon


def programme_with_events():
    programme = small_programme()
    for uid in ("a", "b", "c"):
        programme.events[uid] = event(uid)
    return programme


def test_toggle_stars_and_unstars(qtbot):
    store = StarStore(programme_with_events())
    assert store.starred() == frozenset()
    with qtbot.waitSignal(store.changed):
        store.toggle(["a"])
    assert store.is_starred("a") and not store.is_starred("b")
    # A mixed selection is starred as a whole ...
    store.toggle(["a", "b"])
    assert store.starred() == {"a", "b"}
    # ... and a fully starred one is unstarred.
    store.toggle(["a", "b"])
    assert store.starred() == frozenset()


def test_no_change_emits_nothing(qtbot):
    store = StarStore(programme_with_events())
    store.toggle(["a"])
    with qtbot.assertNotEmitted(store.changed):
        store.toggle([])
        store.set_starred(["a"], True)
        store.set_starred(["b"], False)


def test_stars_persist_across_store_instances(qtbot):
    programme = programme_with_events()
    StarStore(programme).toggle(["a", "c"])
    assert StarStore(programme).starred() == {"a", "c"}
    # One star alone survives too (QSettings lists of one item are a known trap).
    second = StarStore(programme)
    second.toggle(["a"])
    assert StarStore(programme).starred() == {"c"}
    StarStore(programme).toggle(["c"])
    assert StarStore(programme).starred() == frozenset()


def test_stars_are_per_programme(qtbot):
    first = programme_with_events()
    other = dataclasses.replace(first.copy(), name=Texts.same("Another week"))
    StarStore(first).toggle(["a"])
    assert StarStore(other).starred() == frozenset()
    store = StarStore(other)
    store.toggle(["b"])
    store.set_programme(first)
    assert store.starred() == {"a"}


def test_programme_key_is_settings_safe():
    programme = small_programme()
    programme.name = Texts.same("Week 1/2 \\ [draft] = ok")
    key = programme_key(programme)
    assert "/" not in key and "\\" not in key and "=" not in key
    assert key.endswith("2019-04-03")
    assert programme_key(load_builtin()).startswith("16th_German_Week")


def test_stars_never_touch_the_programme_file(qtbot, tmp_path):
    path = tmp_path / "week.programme"
    programme = programme_with_events()
    with ProgrammeStore.create(path, programme):
        pass
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with ProgrammeStore.open(path) as store:
        loaded = store.load()
    stars = StarStore(loaded)
    stars.toggle(["a", "b"])
    stars.toggle(["b"])
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    # The stars went to the settings instead.
    assert QSettings().value(stars.settings_key) == '["a"]'
    assert QSettings().fileName() != str(path)
    with ProgrammeStore.open(path) as store:
        assert StarStore(store.load()).starred() == {"a"}


def test_forget_missing(qtbot):
    programme = programme_with_events()
    store = StarStore(programme)
    store.toggle(["a", "b"])
    del programme.events["b"]
    store.forget_missing(programme)
    assert store.starred() == {"a"}


def test_star_action_ctrl_d_toggles_the_selection(qtbot):
    programme = programme_with_events()
    store = StarStore(programme)
    window = QMainWindow()
    qtbot.addWidget(window)
    view = QListWidget()
    view.addItems(["a", "b", "c"])
    view.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
    window.setCentralWidget(view)
    action = make_star_action(window, store, lambda: [i.text() for i in view.selectedItems()])
    window.addAction(action)
    view.itemSelectionChanged.connect(action.refresh)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    view.setFocus()

    assert action.shortcut().toString() == "Ctrl+D"
    view.item(0).setSelected(True)
    view.item(2).setSelected(True)
    assert action.text() == "Star"
    with qtbot.waitSignal(store.changed):
        qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert store.starred() == {"a", "c"}
    assert action.text() == "Unstar"
    view.item(2).setSelected(False)
    assert action.text() == "Unstar"
    view.item(1).setSelected(True)
    assert action.text() == "Star"
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert store.starred() == {"a", "b", "c"}
    view.clearSelection()
    view.item(1).setSelected(True)
    action.trigger()
    assert store.starred() == {"a", "c"}


def test_star_icon_is_gold_when_filled_and_hollow_otherwise(qtbot):
    filled = star_icon(32).pixmap(32, 32).toImage()
    hollow = star_icon(32, filled=False).pixmap(32, 32).toImage()
    centre = filled.pixelColor(16, 17)
    assert centre.name() == STAR_COLOUR
    assert hollow.pixelColor(16, 17).alpha() == 0
    # The corners lie outside the star.
    assert filled.pixelColor(1, 1).alpha() == 0
