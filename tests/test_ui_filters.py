"""The Find panel, driven as a delegate uses it."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit, QMainWindow

from planner.builtin import load_builtin
from planner.model import Texts, Track
from planner.search import EventFilter, filter_events
from tests.factories import event, small_programme
from ui.panels.find import FilterPanel, make_find_action
from ui.stars import StarStore

CAFE_D = "gw2019-cafe-d@german-week-2019.programme-planner"


def make_panel(qtbot, programme, **kwargs):
    panel = FilterPanel(programme, **kwargs)
    qtbot.addWidget(panel)
    panel.resize(320, 900)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def type_text(widget, text):
    """Type ``text`` key by key, Cyrillic and accents included (QTest only types ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def click(qtbot, box):
    """Click a check box on its indicator, where a wide box takes clicks."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_a_panel_made_with_its_programme_counts_at_once_and_announces_nothing(qtbot):
    programme = load_builtin()
    total = len(programme.events)
    first = make_panel(qtbot, programme)
    with qtbot.waitSignal(first.filter_changed) as blocker:
        qtbot.keyClicks(first.search_edit, "goethe")
    shown = len(filter_events(programme, blocker.args[0]))
    assert 0 < shown < total
    # A second panel takes the remembered filter and counts with it before any event loop
    # turn; it has nothing to tell anyone who connects afterwards.
    second = FilterPanel(load_builtin())
    qtbot.addWidget(second)
    assert second.search_edit.text() == "goethe"
    assert second.count_label.text() == f"{shown} of {total} events"
    heard = []
    second.filter_changed.connect(heard.append)
    qtbot.wait(50)
    assert heard == []


def test_typing_emits_one_debounced_filter(qtbot):
    programme = load_builtin()
    panel = make_panel(qtbot, programme)
    seen = []
    panel.filter_changed.connect(seen.append)
    with qtbot.waitSignal(panel.filter_changed, timeout=2000) as blocker:
        type_text(panel.search_edit, "café d")
    flt = blocker.args[0]
    assert isinstance(flt, EventFilter)
    assert flt.text == "café d"
    # Six keys, one emission after the pause.
    assert len(seen) == 1
    assert filter_events(programme, flt) == {CAFE_D}
    assert panel.count_label.text() == f"1 of {len(programme.events)} events"


def test_cyrillic_typed_into_the_box(qtbot):
    programme = small_programme()
    programme.events["w"] = event("w", title=Texts("Woche", "Week", "Неделя Германии"))
    programme.events["t"] = event("t", title=Texts("Baum", "Tree", "Ёлка"))
    panel = make_panel(qtbot, programme)
    with qtbot.waitSignal(panel.filter_changed) as blocker:
        type_text(panel.search_edit, "ЕЛКА")
    assert filter_events(programme, blocker.args[0]) == {"t"}
    with qtbot.waitSignal(panel.filter_changed) as blocker:
        panel.search_edit.clear()
        type_text(panel.search_edit, "неделя")
    assert filter_events(programme, blocker.args[0]) == {"w"}


def test_track_check_boxes_hide_their_track(qtbot):
    programme = load_builtin()
    panel = make_panel(qtbot, programme)
    assert set(panel.track_boxes) == set(programme.tracks)
    assert not panel.track_boxes["culture"].icon().isNull()
    assert panel.current_filter().tracks is None
    with qtbot.waitSignal(panel.filter_changed) as blocker:
        click(qtbot, panel.track_boxes["culture"])
    flt = blocker.args[0]
    assert flt.tracks == frozenset(programme.tracks) - {"culture"}
    shown = filter_events(programme, flt)
    assert shown and all(programme.events[u].track != "culture" for u in shown)
    assert CAFE_D not in shown
    with qtbot.waitSignal(panel.filter_changed) as blocker:
        click(qtbot, panel.track_boxes["culture"])
    assert blocker.args[0].tracks is None


def test_language_boxes(qtbot):
    programme = small_programme()
    programme.events["de"] = event("de", languages=("de",))
    programme.events["ru"] = event("ru", languages=("ru", "en"))
    panel = make_panel(qtbot, programme)
    with qtbot.waitSignal(panel.filter_changed) as blocker:
        click(qtbot, panel.language_boxes["ru"])
        click(qtbot, panel.language_boxes["en"])
    assert blocker.args[0].languages == frozenset({"de"})
    assert filter_events(programme, blocker.args[0]) == {"de"}


def tick(widget, text):
    items = widget.findItems(text, Qt.MatchFlag.MatchContains)
    assert len(items) == 1, text
    items[0].setCheckState(Qt.CheckState.Checked)


def test_day_venue_and_speaker_lists(qtbot):
    programme = load_builtin()
    panel = make_panel(qtbot, programme)
    assert panel.day_list.count() == len(programme.days)
    assert panel.day_list.item(0).text() == "Wednesday, 3 April"
    with qtbot.waitSignal(panel.filter_changed) as blocker:
        tick(panel.day_list, "Saturday")
    flt = blocker.args[0]
    assert flt.days == frozenset({date(2019, 4, 6)})
    shown = filter_events(programme, flt)
    assert CAFE_D in shown
    assert all(e.start.date() == date(2019, 4, 6) for u, e in programme.events.items()
               if u in shown and e.recurrence is None)

    speaker = programme.people["pinkwart"]
    with qtbot.waitSignal(panel.filter_changed) as blocker:
        panel.day_list.item(3).setCheckState(Qt.CheckState.Unchecked)
        tick(panel.speaker_list, speaker.name)
    flt = blocker.args[0]
    assert flt.days is None and flt.speakers == frozenset({"pinkwart"})
    expected = {u for u, e in programme.events.items() if "pinkwart" in e.speakers}
    assert expected and filter_events(programme, flt) == expected

    venue = programme.venues["goethe"]
    with qtbot.waitSignal(panel.filter_changed) as blocker:
        tick(panel.venue_list, venue.name.get("en"))
    assert blocker.args[0].venues == frozenset({"goethe"})


def test_clear_filters_emits_once(qtbot):
    programme = load_builtin()
    panel = make_panel(qtbot, programme)
    with qtbot.waitSignal(panel.filter_changed):
        qtbot.keyClicks(panel.search_edit, "goethe")
        click(qtbot, panel.track_boxes["business"])
        tick(panel.day_list, "Friday")
        click(qtbot, panel.starred_box)
    assert panel.current_filter().is_active
    seen = []
    panel.filter_changed.connect(seen.append)
    with qtbot.waitSignal(panel.filter_changed) as blocker:
        qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    qtbot.wait(TYPING_PAUSE)
    assert len(seen) == 1
    assert not blocker.args[0].is_active
    assert panel.search_edit.text() == ""
    assert all(box.isChecked() for box in panel.track_boxes.values())
    assert panel.count_label.text() == f"{len(programme.events)} of {len(programme.events)} events"


TYPING_PAUSE = 400


def test_filter_is_restored_in_a_second_panel(qtbot):
    programme = load_builtin()
    first = make_panel(qtbot, programme)
    with qtbot.waitSignal(first.filter_changed) as blocker:
        qtbot.keyClicks(first.search_edit, "Goethe")
        click(qtbot, first.track_boxes["science"])
        click(qtbot, first.language_boxes["ru"])
        tick(first.day_list, "Thursday")
        tick(first.venue_list, programme.venues["goethe"].name.get("en"))
    chosen = blocker.args[0]
    assert chosen.text == "Goethe" and chosen.days == frozenset({date(2019, 4, 4)})

    second = make_panel(qtbot, load_builtin())
    assert second.current_filter() == chosen
    assert second.search_edit.text() == "Goethe"
    assert not second.track_boxes["science"].isChecked()
    # Another programme does not inherit it.
    other = make_panel(qtbot, small_programme())
    assert not other.current_filter().is_active


def test_same_programme_again_keeps_the_filter_and_shows_new_tracks(qtbot):
    programme = small_programme()
    panel = make_panel(qtbot, programme)
    with qtbot.waitSignal(panel.filter_changed):
        qtbot.keyClicks(panel.search_edit, "talk")
    edited = programme.copy()
    edited.tracks["music"] = Track("music", Texts.same("Music"), "#00aa00")
    with qtbot.waitSignal(panel.filter_changed) as blocker:
        panel.set_programme(edited)
    assert "music" in panel.track_boxes and panel.track_boxes["music"].isChecked()
    assert blocker.args[0].text == "talk" and blocker.args[0].tracks is None


def test_starred_only_and_clashes(qtbot):
    programme = small_programme()
    programme.events["a"] = event("a", day=4, start=10, end=12, title=Texts.same("Opening"))
    programme.events["b"] = event("b", day=4, start=11, end=13, title=Texts.same("Panel"))
    programme.events["c"] = event("c", day=5, start=11, end=13, title=Texts.same("Concert"))
    stars = StarStore(programme)
    panel = make_panel(qtbot, programme, stars=stars)
    assert panel.clash_label.isHidden()
    with qtbot.waitSignal(panel.filter_changed) as blocker:
        click(qtbot, panel.starred_box)
    assert filter_events(programme, blocker.args[0]) == set()
    with qtbot.waitSignal(panel.filter_changed) as blocker:
        stars.toggle(["a", "c"])
    assert filter_events(programme, blocker.args[0]) == {"a", "c"}
    assert panel.clash_label.isHidden()
    with qtbot.waitSignal(panel.filter_changed) as blocker:
        stars.toggle(["b"])
    assert filter_events(programme, blocker.args[0]) == {"a", "b", "c"}
    assert not panel.clash_label.isHidden()
    assert "Opening ↔ Panel" in panel.clash_label.text()
    assert panel.clashes() == [("a", "b")]


def test_set_language_renames_days_and_tracks(qtbot):
    programme = load_builtin()
    panel = make_panel(qtbot, programme)
    tick(panel.day_list, "Monday")
    panel.set_language("ru")
    assert panel.day_list.item(0).text().startswith("среда")
    assert panel.track_boxes["culture"].text() == "Культура"
    # The ticked day survives the renaming.
    assert panel.current_filter().days == frozenset({date(2019, 4, 8)})
    panel.set_language("de")
    assert panel.day_list.item(0).text().startswith("Mittwoch")


def test_focus_search_shows_the_dock(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = QDockWidget("Find", window)
    panel = FilterPanel(load_builtin())
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    dock.hide()
    qtbot.keyClicks(panel.search_edit, "abc")
    panel.focus_search()
    assert dock.isVisible()
    assert panel.search_edit.hasFocus()
    assert panel.search_edit.selectedText() == "abc"


def test_enter_emits_at_once(qtbot):
    panel = make_panel(qtbot, small_programme())
    seen = []
    panel.filter_changed.connect(seen.append)
    qtbot.keyClicks(panel.search_edit, "x")
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
    assert [f.text for f in seen] == ["x"]


def test_unknown_remembered_ids_are_dropped(qtbot):
    programme = small_programme()
    panel = make_panel(qtbot, programme)
    panel.set_filter(EventFilter(tracks=frozenset({"business", "gone"}),
                                 speakers=frozenset({"nobody"})))
    flt = panel.current_filter()
    assert flt.tracks == frozenset({"business"})
    assert flt.speakers is None
    assert dataclasses.replace(flt, tracks=None) == EventFilter()


def test_active_uids_for_the_export_dialog(qtbot):
    programme = load_builtin()
    panel = make_panel(qtbot, programme)
    assert panel.active_uids() is None
    with qtbot.waitSignal(panel.filter_changed) as blocker:
        click(qtbot, panel.track_boxes["culture"])
    assert panel.active_uids() == filter_events(programme, blocker.args[0])
    assert panel.matching_uids() == panel.active_uids()


def test_ctrl_f_in_the_window_focuses_the_search_box(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    central = QLineEdit()
    window.setCentralWidget(central)
    dock = QDockWidget("Find", window)
    panel = FilterPanel(load_builtin())
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    window.addAction(make_find_action(window, panel))
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    central.setFocus()
    assert not panel.search_edit.hasFocus()
    qtbot.keyClick(central, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.search_edit.hasFocus()
