"""A crowded day stays readable at every window size and in every language: its column
widens until each of its side-by-side blocks shows its start time and the first word of its
title, the week scrolls sideways where it no longer fits (the time ruler staying put), and
the keys and the mouse work across the scrolled week. The venue grid's headings wrap."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip
from ui_helpers import (
    active_window,
    block_point,
    breaks_only_between_words,
    drag,
    press_and_move,
)

from planner.builtin import load_builtin
from planner.recurrence import expand_all
from ui.i18n import language
from ui.views.grid import EDGE_ZONE

SIZES = [(1024, 700), (1440, 900), (1920, 1080)]


def busiest_day(programme) -> date:
    """The day with the most timed occurrences."""
    days = Counter(occ.start.astimezone(programme.zone).date()
                   for occ in expand_all(programme, programme.events.values())
                   if not occ.event.all_day)
    return days.most_common(1)[0][0]


def first_word(title: str) -> str:
    """The first word as the line breaker sees it: up to a space, or up to and with a
    hyphen ("Kick-" of "Kick-off")."""
    word = title.split()[0]
    return word[:word.index("-") + 1] if "-" in word[:-1] else word


def free_width(grid) -> float:
    return grid.viewport().width() - grid._ruler_width()


def scroll_into_view(grid, index: int) -> None:
    """Scroll sideways, a step of the scroll bar at a time, as a user does, until column
    ``index`` is wholly in view."""
    hbar = grid.horizontalScrollBar()
    while grid.column_left(index) + grid.column_width(index) > grid.viewport().width() + 0.5:
        assert hbar.value() < hbar.maximum()
        hbar.triggerAction(hbar.SliderAction.SliderSingleStepAdd)
    while grid.column_left(index) < grid._ruler_width() - 0.5:
        hbar.triggerAction(hbar.SliderAction.SliderSingleStepSub)


@pytest.mark.parametrize("lang", ["en", "de", "ru"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_block_of_the_busiest_day_shows_its_time_and_first_word(qtbot, size, lang):
    with language(lang):
        programme = load_builtin()
        window = active_window(qtbot, programme, lang, size)
        grid = window.grid
        day = busiest_day(programme)
        index = grid.keys().index((day, None))
        # The crowded day never takes more than the view, and nothing of it is in "+N".
        assert grid.column_width(index) <= free_width(grid) + 0.5
        scroll_into_view(grid, index)
        vbar = grid.verticalScrollBar()
        seen: set[str] = set()
        for y in range(vbar.minimum(), vbar.maximum() + vbar.pageStep(), vbar.pageStep() // 2):
            vbar.setValue(min(y, vbar.maximum()))
            assert not [g for g, _ in grid.visible_more() if g.key == (day, None)]
            for block, rect in grid.visible_blocks():
                if block.key != (day, None):
                    continue
                if rect.top() < grid._grid_top() or rect.bottom() > grid.viewport().height():
                    continue  # only partly in view: looked at from another position
                lines = grid.shown_text(block.uid, block.key)
                title = (block.occurrence or programme.events[block.uid]).title.get(lang)
                assert lines and lines[0].startswith(f"{block.start:%H:%M}"), lines
                body = lines[1:] if len(lines) > 1 else [lines[0][6:]]
                # The first word whole (not cut with "…"), and the lines as drawn fit.
                assert body[0].startswith(first_word(title)), (title, lines, rect.width())
                assert breaks_only_between_words(body[:1], title), (title, lines)
                inner = rect.width() - 10
                assert all(grid._bold_metrics.horizontalAdvance(line) <= inner + 0.5
                           for line in body[:1]), (lines, inner)
                seen.add(block.uid)
        timed = {occ.event.uid for occ in expand_all(programme, programme.events.values())
                 if occ.start.astimezone(programme.zone).date() == day}
        assert seen == timed
        # The scroll bar shows exactly when the days do not fit side by side.
        hbar = grid.horizontalScrollBar()
        needed = grid.content_width() > free_width(grid) + 0.5
        assert hbar.isVisible() == needed and (hbar.maximum() > 0) == needed


def test_the_scroll_bar_shows_only_when_the_days_do_not_fit(qtbot):
    window = active_window(qtbot, load_builtin(), "en", (1920, 1080))
    grid, hbar = window.grid, window.grid.horizontalScrollBar()
    # Every event: the crowded days need more than the window has.
    assert grid.content_width() > free_width(grid)
    qtbot.waitUntil(hbar.isVisible)
    # One day: as wide as the window, no scroll bar.
    QTest.keyClick(grid, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.view == "day"
    qtbot.waitUntil(lambda: not hbar.isVisible())
    assert grid.column_width(0) == pytest.approx(free_width(grid))
    # The week again, with one track only (the filter's track box): no day is crowded,
    # the days share the window alike and nothing scrolls.
    QTest.keyClick(grid, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.view == "week"
    grid.set_filter({uid for uid, e in window.document.programme.events.items()
                     if e.track == "society"})
    qtbot.waitUntil(lambda: not hbar.isVisible())
    widths = {round(grid.column_width(n), 1) for n in range(len(grid.keys()))}
    assert len(widths) == 1
    assert grid.content_width() == pytest.approx(free_width(grid))


def test_the_ruler_stays_and_the_headings_scroll_with_their_days(qtbot):
    window = active_window(qtbot, load_builtin(), "en", (1024, 700))
    grid = window.grid
    hbar = grid.horizontalScrollBar()
    assert hbar.maximum() > 0
    before = grid.viewport().grab().toImage()
    ruler = round(grid._ruler_width())
    hbar.setValue(hbar.maximum())
    after = grid.viewport().grab().toImage()
    # The ruler's pixels (its hours) are where they were; the days moved under the heading.
    top = round(grid._grid_top())
    assert before.copy(0, top, ruler - 1, 300) == after.copy(0, top, ruler - 1, 300)
    assert before.copy(ruler + 1, 0, 300, top) != after.copy(ruler + 1, 0, 300, top)
    last = len(grid.keys()) - 1
    assert grid.column_left(last) + grid.column_width(last) == pytest.approx(
        grid.viewport().width(), abs=1)


def test_the_arrow_keys_scroll_the_selected_event_into_view(qtbot):
    window = active_window(qtbot, load_builtin(), "en", (1024, 700))
    grid = window.grid
    hbar = grid.horizontalScrollBar()
    grid.setFocus()
    QTest.keyClick(grid, Qt.Key.Key_Right)  # nothing selected: the first event in view
    assert grid.selected_uids()
    days = []
    for _ in range(len(grid.keys()) - 1):
        QTest.keyClick(grid, Qt.Key.Key_Right)
        [uid] = grid.selected_uids()
        rect = grid.block_rect(uid)
        # The event reached is in view (the grid scrolled to it), not off to the right.
        assert rect is not None
        assert grid._ruler_width() - 1 <= rect.left() and rect.right() <= grid.viewport().width()
        days.append(grid.column_at(rect.center().x()))
    assert hbar.value() > 0 and days[-1] == len(grid.keys()) - 1
    for _ in range(len(grid.keys())):
        QTest.keyClick(grid, Qt.Key.Key_Left)
        rect = grid.block_rect(grid.selected_uids()[0])
        assert rect is not None and rect.left() >= grid._ruler_width() - 1
    assert hbar.value() == 0


def test_a_block_is_dragged_to_another_day_in_the_scrolled_week(qtbot):
    programme = load_builtin()
    window = active_window(qtbot, programme, "en", (1024, 700))
    grid = window.grid
    hbar = grid.horizontalScrollBar()
    hbar.setValue(hbar.maximum())
    keys = grid.keys()
    last_day = keys[-1][0]
    grid.verticalScrollBar().setValue(round(9 * grid.hour_height))
    # A single event (no series question) on the last day, in view.
    uid = next(b.uid for b, _ in grid.visible_blocks()
               if b.key[0] == last_day and programme.events[b.uid].recurrence is None)
    before = programme.events[uid].start
    start = block_point(grid, uid)
    target = QPoint(round(grid.x_for(keys[-2][0])), start.y())
    assert grid.column_left(len(keys) - 2) >= grid._ruler_width() - 1  # in view, scrolled
    drag(grid, start, target)
    moved = window.document.programme.events[uid].start
    assert moved.date() == keys[-2][0] and moved.time() == before.time()


@pytest.mark.parametrize("size", [(1024, 700), (1440, 900)])
def test_the_venue_grid_opens_on_whole_columns(qtbot, size):
    """Scrolled sideways to the day's first event, the venue grid's left edge is a column's
    start: no heading or address cut through at the ruler."""
    window = active_window(qtbot, load_builtin(), "ru", size)
    grid = window.grid
    QTest.keyClick(grid, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert grid.mode == "venues"
    for day in (date(2019, 4, 3), date(2019, 4, 5), date(2019, 4, 8)):
        window.go_to_date(day)
        grid.scroll_to_first_event()
        ruler = grid._ruler_width()
        lefts = [grid.column_left(n) for n in range(len(grid.keys()))]
        assert any(abs(left - ruler) < 0.5 for left in lefts), (day, lefts[:4])
        # The first event of the day is in view, whole in width.
        first = min((b for b, _ in grid.visible_blocks()), key=lambda b: b.top, default=None)
        assert first is not None, day


@pytest.mark.parametrize("lang", ["en", "de", "ru"])
def test_venue_headings_wrap_onto_two_lines_and_keep_the_whole_name_in_the_tooltip(qtbot,
                                                                                  lang):
    with language(lang):
        programme = load_builtin()
        window = active_window(qtbot, programme, lang, (1024, 700))
        grid = window.grid
        QTest.keyClick(grid, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        assert grid.mode == "venues"
        two_lines = cut = 0
        for index, (_, venue_id) in enumerate(grid.keys()):
            name = programme.venues[venue_id].name.get(lang)
            lines, second = grid.heading(index)
            assert 1 <= len(lines) <= 2, lines
            room = grid.column_width(index) - 8
            assert all(grid._header_metrics.horizontalAdvance(line) <= room + 0.5
                       for line in lines)
            assert breaks_only_between_words(lines, name), (name, lines)
            whole = "".join(lines).replace(" ", "") == name.replace(" ", "")
            assert whole or lines[-1].endswith("…"), (name, lines)
            two_lines += len(lines) == 2
            cut += not whole
            if not whole:
                # The whole name where the mouse rests on the heading.
                grid.horizontalScrollBar().setValue(round(
                    grid.column_left(index) - grid._ruler_width()
                    + grid.horizontalScrollBar().value()))
                at = QPoint(round(grid.column_left(index) + grid.column_width(index) / 2), 10)
                QApplication.sendEvent(grid.viewport(), QHelpEvent(
                    QHelpEvent.Type.ToolTip, at, grid.viewport().mapToGlobal(at)))
                assert name in QToolTip.text()
        assert two_lines >= 3  # the long names take their second line
        assert cut >= 1



def test_a_block_held_at_the_edge_scrolls_the_week_to_a_day_out_of_view(qtbot):
    programme = load_builtin()
    window = active_window(qtbot, programme, "en", (1024, 700))
    grid = window.grid
    hbar = grid.horizontalScrollBar()
    assert hbar.value() == 0 and hbar.maximum() > 0
    grid.verticalScrollBar().setValue(round(9 * grid.hour_height))
    keys = grid.keys()
    uid = next(b.uid for b, _ in grid.visible_blocks()
               if b.key == keys[0] and programme.events[b.uid].recurrence is None)
    before = programme.events[uid].start
    viewport = grid.viewport()
    start = block_point(grid, uid)
    edge = QPoint(viewport.width() - 5, start.y())
    press_and_move(grid, start, edge)
    # Held there, the week scrolls to its last day.
    qtbot.waitUntil(lambda: hbar.value() == hbar.maximum(), timeout=15_000)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       edge)
    moved = window.document.programme.events[uid].start
    assert moved.date() == keys[-1][0] and moved.time() == before.time()


def test_shift_and_the_wheel_scroll_the_week_sideways(qtbot):
    window = active_window(qtbot, load_builtin(), "en", (1024, 700))
    grid = window.grid
    hbar, vbar = grid.horizontalScrollBar(), grid.verticalScrollBar()
    hours = vbar.value()
    at = QPointF(400, 400)

    def wheel(delta: int, modifiers: Qt.KeyboardModifier) -> None:
        QApplication.sendEvent(grid.viewport(), QWheelEvent(
            at, QPointF(grid.viewport().mapToGlobal(at.toPoint())), QPoint(0, 0),
            QPoint(0, delta), Qt.MouseButton.NoButton, modifiers,
            Qt.ScrollPhase.NoScrollPhase, False))

    wheel(-120, Qt.KeyboardModifier.ShiftModifier)
    assert hbar.value() > 0 and vbar.value() == hours
    wheel(120, Qt.KeyboardModifier.ShiftModifier)
    assert hbar.value() == 0
    wheel(-120, Qt.KeyboardModifier.NoModifier)  # the wheel alone: the hours, as before
    assert vbar.value() > hours and hbar.value() == 0


@pytest.mark.parametrize("view", ["week", "day", "venues"])
def test_a_block_held_at_the_bottom_edge_scrolls_to_an_evening_out_of_view(qtbot, view):
    """A 10:00 event dragged to the bottom edge of the grid and held there: the hours
    scroll down (as a block held at the left or right edge scrolls sideways) until the
    evening is in view, where it is dropped at 21:00, a time out of view when the drag
    began. In the week, a day and the venues."""
    programme = load_builtin()
    window = active_window(qtbot, programme, "en", (1024, 700))
    window.set_view(view)
    grid = window.grid
    vbar = grid.verticalScrollBar()
    uid = next(u for u, e in sorted(programme.events.items(), key=lambda p: p[1].start)
               if e.recurrence is None and e.start.hour == 10 and e.start.minute == 0
               and e.start.date() == grid.day)
    before = programme.events[uid].start
    length = programme.events[uid].end - before
    evening = before.replace(hour=21)
    viewport = grid.viewport()
    vbar.setValue(round(9.5 * grid.hour_height))
    assert grid.time_to_y(evening) > viewport.height()  # 21:00 is out of view
    scrolled = vbar.value()
    start = block_point(grid, uid)
    edge = QPoint(start.x(), viewport.height() - 4)
    press_and_move(grid, start, edge)
    # Held there, the hours scroll until 21:00 is inside the view, clear of the edge.
    qtbot.waitUntil(lambda: grid.time_to_y(evening) + 12 < viewport.height() - EDGE_ZONE - 4,
                    timeout=15_000)
    assert vbar.value() > scrolled
    target = QPoint(start.x(), round(grid.time_to_y(evening)) + 12)
    QTest.mouseMove(viewport, target)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       target)
    moved = window.document.programme.events[uid]
    assert moved.start == evening and moved.end - moved.start == length


def test_a_block_stretched_to_the_bottom_edge_scrolls_to_its_new_end(qtbot):
    """Resizing works the same way: the lower edge of a 10:00 block pulled to the bottom
    of the grid and held scrolls the hours; the block ends at 21:00."""
    programme = load_builtin()
    window = active_window(qtbot, programme, "en", (1024, 700))
    grid = window.grid
    vbar = grid.verticalScrollBar()
    viewport = grid.viewport()
    vbar.setValue(round(9.5 * grid.hour_height))
    uid = next(b.uid for b, _ in grid.visible_blocks()
               if programme.events[b.uid].recurrence is None
               and programme.events[b.uid].start.hour == 10
               and programme.events[b.uid].end.hour <= 14)
    event = programme.events[uid]
    evening = event.start.replace(hour=21)
    rect = grid.block_rect(uid)
    start = QPoint(round(rect.center().x()), round(rect.bottom() - 2))
    edge = QPoint(start.x(), viewport.height() - 4)
    press_and_move(grid, start, edge)
    qtbot.waitUntil(lambda: grid.time_to_y(evening) < viewport.height() - EDGE_ZONE - 4,
                    timeout=15_000)
    # Back up from the edge: the hours stop and the end follows the mouse.
    target = QPoint(start.x(), round(grid.time_to_y(evening)) - 2)
    QTest.mouseMove(viewport, target)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       target)
    assert vbar.value() > round(9.5 * grid.hour_height)
    changed = window.document.programme.events[uid]
    assert changed.start == event.start and changed.end == evening
