"""The grid widget on its own: mappings, placement, painting, intents, keys and hooks."""

from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest
from factories import at, event, small_programme
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtTest import QTest
from ui_helpers import block_point, breaks_only_between_words, click, double_click, drag, y_shift

from planner.model import Texts
from planner.store import Changes
from ui.app import create_application
from ui.views.grid import GridView


def make_grid(qtbot, programme, mode="week"):
    create_application()
    grid = GridView(programme, mode=mode)
    qtbot.addWidget(grid)
    grid.resize(1200, 560)
    grid.set_second_zone("Europe/Berlin")
    grid.show()
    qtbot.waitExposed(grid)
    grid.verticalScrollBar().setValue(round(8 * grid.hour_height))
    return grid


@pytest.fixture
def programme():
    programme = small_programme()
    for item in (
        event("a@t", 4, 10, 12),
        event("b@t", 4, 11, 13, venue="petri"),
        event("c@t", 4, 12, 13, track="culture"),
        event("late@t", 4, 22, 23),
    ):
        programme.events[item.uid] = item
    return programme


def test_time_and_place_mappings(qtbot, programme):
    grid = make_grid(qtbot, programme)
    y10, y11 = grid.time_to_y(at(4, 10)), grid.time_to_y(at(4, 11))
    assert y11 - y10 == pytest.approx(grid.hour_height)
    assert grid.y_to_time(y10, date(2019, 4, 4)) == at(4, 10)
    assert grid.y_to_time(y10 + grid.hour_height / 4, date(2019, 4, 6)) == at(6, 10, 15)
    # A slot snaps down to the step and names the column's day.
    slot = grid.slot_at(QPointF(grid.x_for(date(2019, 4, 6)), y10 + grid.hour_height * 0.6))
    assert slot is not None
    assert (slot.start, slot.day, slot.venue) == (at(6, 10, 30), date(2019, 4, 6), None)
    grid.set_snap(5)
    slot = grid.slot_at(QPointF(grid.x_for(date(2019, 4, 6)), y10 + grid.hour_height * 0.6))
    assert slot is not None and slot.start == at(6, 10, 35)
    # The rulers and the header are no slot.
    assert grid.slot_at(QPointF(5, y10)) is None
    assert grid.slot_at(QPointF(grid.x_for(date(2019, 4, 6)), 2)) is None


def test_a_week_grid_has_a_column_per_day_and_a_venue_grid_per_venue(qtbot, programme):
    grid = make_grid(qtbot, programme)
    assert [d for d, _ in grid.keys()] == programme.days
    grid.set_mode("venues")
    grid.set_date(date(2019, 4, 4))
    assert grid.keys() == [(date(2019, 4, 4), "goethe"), (date(2019, 4, 4), "petri")]
    # In the venue grid, b (at the Petrikirche) sits in its own column, full width.
    a, b = grid.block_rect("a@t"), grid.block_rect("b@t")
    assert a is not None and b is not None
    assert b.left() > a.right()
    assert grid.column_at(b.center().x()) == 1


def test_overlapping_events_sit_side_by_side(qtbot, programme):
    grid = make_grid(qtbot, programme)
    rects = {uid: grid.block_rect(uid) for uid in ("a@t", "b@t", "c@t")}
    a, b, c = rects["a@t"], rects["b@t"], rects["c@t"]
    assert a is not None and b is not None and c is not None
    assert not a.intersects(b) and not b.intersects(c)
    assert a.width() == pytest.approx(b.width())
    assert a.top() == pytest.approx(grid.time_to_y(at(4, 10)))
    # c starts when a ends: it takes a's column again.
    assert c.left() == pytest.approx(a.left())
    assert c.top() >= a.bottom()


def test_only_visible_events_are_looked_at(qtbot, programme):
    grid = make_grid(qtbot, programme)
    visible = {b.uid for b, _ in grid.visible_blocks()}
    assert "a@t" in visible and "late@t" not in visible
    grid.verticalScrollBar().setValue(grid.verticalScrollBar().maximum())
    visible = {b.uid for b, _ in grid.visible_blocks()}
    assert "late@t" in visible and "a@t" not in visible


def test_scroll_to_first_event(qtbot, programme):
    grid = make_grid(qtbot, programme)
    grid.verticalScrollBar().setValue(0)
    grid.scroll_to_first_event()
    y = grid.time_to_y(at(4, 10))
    assert grid._grid_top() < y < grid._grid_top() + grid.hour_height


def test_all_day_and_multi_day_events_go_to_the_band(qtbot, programme):
    programme.events["fair@t"] = event("fair@t", start=at(5, 0), end=at(7, 0), all_day=True)
    programme.events["camp@t"] = event("camp@t", start=at(8, 9), end=at(9, 17))
    grid = make_grid(qtbot, programme)
    assert grid.block_rect("fair@t") is None and grid.block_rect("camp@t") is None
    band = {item.uid: (item.first, item.last) for item, _ in grid._band_rects()}
    assert band["fair@t"] == (date(2019, 4, 5), date(2019, 4, 6))
    assert band["camp@t"] == (date(2019, 4, 8), date(2019, 4, 9))  # 32 hours: days long
    rect = dict((item.uid, r) for item, r in grid._band_rects())["fair@t"]
    assert rect.width() == pytest.approx(grid.column_width(2) + grid.column_width(3) - 4)
    assert grid.band_item_at(rect.center()).uid == "fair@t"
    received = []
    grid.edit_requested.connect(received.append)
    double_click(grid, QPoint(round(rect.center().x()), round(rect.center().y())))
    assert received == ["fair@t"]


def segments(grid, uid):
    """The blocks of ``uid`` in view, by the day of their column."""
    return {block.key[0]: (block, rect) for block, rect in grid.visible_blocks()
            if block.uid == uid}


def test_an_event_past_midnight_is_a_block_on_each_day_and_moves_whole(qtbot, programme):
    """A concert from 20:00 to 02:00 stays in the time grid (as Google Calendar and
    KOrganizer show it): cut at midnight into two blocks, which move together."""
    programme.events["night@t"] = event("night@t", start=at(8, 20), end=at(9, 2))
    grid = make_grid(qtbot, programme)
    grid.resize(1200, 900)
    grid.set_hour_height(30)  # the whole day in view
    grid.verticalScrollBar().setValue(0)
    assert "night@t" not in {item.uid for item, _ in grid._band_rects()}
    parts = segments(grid, "night@t")
    evening, small_hours = parts[date(2019, 4, 8)], parts[date(2019, 4, 9)]
    # (Blocks keep a pixel or two off the lines, top and bottom.)
    assert evening[1].top() == pytest.approx(grid.time_to_y(at(8, 20)), abs=2)
    assert evening[1].bottom() == pytest.approx(
        grid.time_to_y(at(9, 0)) + 24 * grid.hour_height, abs=2)
    assert small_hours[1].top() == pytest.approx(grid.time_to_y(at(9, 0)), abs=2)
    assert small_hours[1].bottom() == pytest.approx(grid.time_to_y(at(9, 2)), abs=2)
    # Both say when the whole event runs.
    assert grid.shown_text("night@t")[0] == "20:00–02:00"
    moves, resizes = [], []
    grid.move_requested.connect(lambda uid, start, venue: moves.append((uid, start)))
    grid.resize_requested.connect(lambda uid, end: resizes.append((uid, end)))
    # Dragging the part after midnight an hour down moves the whole event an hour.
    rect = small_hours[1]
    start = QPoint(round(rect.center().x()), round(rect.top() + 10))
    drag(grid, start, start + QPoint(0, 30))
    assert moves == [("night@t", at(8, 21))]
    # The evening part ends at midnight, not where the event ends: no end to drag there.
    rect = evening[1]
    edge = QPoint(round(rect.center().x()), round(rect.bottom() - 2))
    drag(grid, edge, edge + QPoint(0, 15))
    assert resizes == [] and moves[-1] == ("night@t", at(8, 20, 30))
    # The part after midnight carries the end.
    rect = small_hours[1]
    edge = QPoint(round(rect.center().x()), round(rect.bottom() - 2))
    drag(grid, edge, edge + QPoint(0, 30))
    assert resizes == [("night@t", at(9, 3))]


def test_painting_shows_blocks_in_track_colours_and_the_now_line(qtbot, programme):
    grid = make_grid(qtbot, programme)
    grid.set_now_provider(lambda: at(4, 15, 30).astimezone(UTC))
    image = grid.viewport().grab().toImage()
    a = grid.block_rect("a@t")
    assert a is not None
    fill = QColor(image.pixel(round(a.center().x()), round(a.bottom() - 3)))
    track = QColor(programme.tracks["business"].colour)
    # The block is a light tint of its track's colour: blue stays the strongest channel.
    assert fill.blue() > fill.red() and fill != QColor("#ffffff")
    assert fill.blue() >= track.blue()
    y = round(grid.time_to_y(at(4, 15, 30)))
    x = round(grid.x_for(date(2019, 4, 4)))
    line = QColor(image.pixel(x, y))
    assert line.red() > 200 and line.green() < 100
    # No line on another day.
    other = QColor(image.pixel(round(grid.x_for(date(2019, 4, 5))), y))
    assert not (other.red() > 200 and other.green() < 100)


def test_cancelled_events_are_struck_through_and_grey(qtbot, programme):
    programme.events["a@t"] = event("a@t", 4, 10, 12, status="cancelled")
    grid = make_grid(qtbot, programme)
    image = grid.viewport().grab().toImage()
    a = grid.block_rect("a@t")
    edge = QColor(image.pixel(round(a.left() + 1), round(a.center().y())))
    assert edge.red() == edge.green() == edge.blue()  # grey edge, not the track's blue
    assert "cancelled" in grid.tooltip_text("a@t")


def test_tooltip_text_is_never_markup(qtbot, programme):
    programme.events["a@t"] = event("a@t", 4, 10, 12, title=Texts.same("<b>Bold</b> & co"),
                                    description=Texts.same("<img src=x>"))
    grid = make_grid(qtbot, programme)
    text = grid.tooltip_text("a@t")
    assert "<b>Bold</b> & co" in text and "<img src=x>" in text
    shown = grid.tooltip_html("a@t")
    assert "<b>" not in shown and "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in shown
    assert "&lt;img src=x&gt;" in shown
    # Both zones are named.
    assert "10:00–12:00 (Europe/Moscow)" in text and "09:00–11:00 (Europe/Berlin)" in text


def test_click_selects_and_ctrl_click_adds(qtbot, programme):
    grid = make_grid(qtbot, programme)
    seen = []
    grid.selection_changed.connect(seen.append)
    click(grid, block_point(grid, "a@t"))
    assert grid.selected_uids() == ["a@t"]
    click(grid, block_point(grid, "c@t"), Qt.KeyboardModifier.ControlModifier)
    assert grid.selected_uids() == ["a@t", "c@t"]
    click(grid, block_point(grid, "a@t"), Qt.KeyboardModifier.ControlModifier)
    assert grid.selected_uids() == ["c@t"]
    empty = QPoint(round(grid.x_for(date(2019, 4, 7))), round(grid.time_to_y(at(7, 10))))
    click(grid, empty)
    assert grid.selected_uids() == []
    assert seen[-1] == []


def test_intents_from_mouse_and_keys(qtbot, programme):
    grid = make_grid(qtbot, programme)
    moves, resizes, creates, edits, deletes = [], [], [], [], []
    grid.move_requested.connect(lambda *a: moves.append(a))
    grid.resize_requested.connect(lambda *a: resizes.append(a))
    grid.create_requested.connect(lambda *a: creates.append(a))
    grid.edit_requested.connect(edits.append)
    grid.delete_requested.connect(deletes.append)

    start = block_point(grid, "late@t") if grid.block_rect("late@t") else None
    assert start is None  # not in view: nothing to grab
    start = block_point(grid, "c@t")
    drag(grid, start, start + QPoint(0, y_shift(grid, at(4, 12), at(4, 14, 15))))
    assert moves == [("c@t", at(4, 14, 15), None)]
    # The grid changes nothing itself.
    assert programme.events["c@t"].start == at(4, 12)

    rect = grid.block_rect("c@t")
    edge = QPoint(round(rect.center().x()), round(rect.bottom() - 2))
    drag(grid, edge, edge + QPoint(0, round(grid.hour_height / 2)))
    assert resizes == [("c@t", at(4, 13, 30))]

    double_click(grid, QPoint(round(grid.x_for(date(2019, 4, 9))),
                              round(grid.time_to_y(at(9, 16)) + 2)))
    assert creates == [(at(9, 16), None)]
    double_click(grid, block_point(grid, "a@t"))
    assert edits == ["a@t"]
    QTest.keyClick(grid, Qt.Key.Key_Return)
    assert edits == ["a@t", "a@t"]
    QTest.keyClick(grid, Qt.Key.Key_Delete)
    assert deletes == [["a@t"]]


def test_a_tiny_mouse_wobble_is_no_drag(qtbot, programme):
    grid = make_grid(qtbot, programme)
    moves = []
    grid.move_requested.connect(lambda *a: moves.append(a))
    start = block_point(grid, "a@t")
    drag(grid, start, start + QPoint(1, 2))
    assert moves == []


def test_escape_cancels_a_drag(qtbot, programme):
    grid = make_grid(qtbot, programme)
    moves = []
    grid.move_requested.connect(lambda *a: moves.append(a))
    start = block_point(grid, "a@t")
    viewport = grid.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + QPoint(0, 80))
    QTest.keyClick(grid, Qt.Key.Key_Escape)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(0, 80))
    assert moves == []


def test_zoom_with_ctrl_wheel_and_keys(qtbot, programme):
    grid = make_grid(qtbot, programme)
    before = grid.hour_height
    anchor = QPointF(grid.x_for(date(2019, 4, 4)), grid.time_to_y(at(4, 11)))
    wheel = QWheelEvent(anchor, grid.viewport().mapToGlobal(anchor), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    grid.wheelEvent(wheel)
    assert grid.hour_height > before
    # The time under the mouse stays under the mouse.
    assert grid.time_to_y(at(4, 11)) == pytest.approx(anchor.y(), abs=1.5)
    QTest.keyClick(grid, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(grid, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert grid.hour_height < before


def test_arrow_keys_walk_through_events_in_time_order(qtbot, programme):
    grid = make_grid(qtbot, programme)
    grid.setFocus()
    QTest.keyClick(grid, Qt.Key.Key_Down)
    assert grid.selected_uids() == ["a@t"]
    QTest.keyClick(grid, Qt.Key.Key_Down)
    assert grid.selected_uids() == ["b@t"]
    QTest.keyClick(grid, Qt.Key.Key_Up)
    assert grid.selected_uids() == ["a@t"]


def test_repeating_events_show_every_occurrence(qtbot):
    from planner.model import Recurrence

    programme = small_programme()
    programme.events["r@t"] = event("r@t", 4, 9, 10,
                                    recurrence=Recurrence("FREQ=DAILY;COUNT=4", ()))
    grid = make_grid(qtbot, programme)
    days = sorted(b.key[0] for b, _ in grid.visible_blocks() if b.uid == "r@t")
    assert days == [date(2019, 4, 4) + timedelta(days=n) for n in range(4)]


def test_updates_follow_changes_without_a_rebuild(qtbot, programme):
    grid = make_grid(qtbot, programme)
    programme.events["a@t"] = event("a@t", 6, 14, 15)
    programme.events.pop("b@t")
    grid.update_events(Changes(events=["a@t"], removed_events=["b@t"]))
    rect = grid.block_rect("a@t")
    assert rect is not None
    assert grid.column_at(rect.center().x()) == (date(2019, 4, 6) - programme.first_day).days
    assert grid.block_rect("b@t") is None
    # c no longer overlaps anything: full width.
    c = grid.block_rect("c@t")
    assert c.width() > grid.column_width(grid.column_at(c.center().x())) * 0.8


def test_filter_star_and_clash_hooks(qtbot, programme):
    grid = make_grid(qtbot, programme)
    grid.set_filter({"a@t"})
    assert {b.uid for b, _ in grid.visible_blocks()} == {"a@t"}
    a = grid.block_rect("a@t")
    # hidden events take no room
    assert a.width() > grid.column_width(grid.column_at(a.center().x())) * 0.8
    grid.set_filter(None)
    assert grid.block_rect("b@t") is not None
    grid.set_clashing({("a@t", None)})
    image = grid.viewport().grab().toImage()
    a = grid.block_rect("a@t")
    outline = QColor(image.pixel(round(a.center().x()), round(a.top() + 1)))
    assert outline.red() > 180 and outline.green() < 90
    assert "Clashes" in grid.tooltip_text("a@t")
    grid.set_clash_preview([(at(4, 16), at(4, 17), None)])
    image = grid.viewport().grab().toImage()
    shaded = QColor(image.pixel(round(grid.x_for(date(2019, 4, 4))),
                                round(grid.time_to_y(at(4, 16, 30)))))
    assert shaded.red() > shaded.blue()


def test_long_programmes_are_shown_a_week_at_a_time(qtbot):
    from planner.model import Programme

    programme = Programme(name=Texts.same("Long"), timezone="Europe/Moscow",
                          first_day=date(2019, 4, 1), last_day=date(2019, 5, 31))
    small = small_programme()
    programme.tracks, programme.venues = small.tracks, small.venues
    grid = make_grid(qtbot, programme)
    assert len(grid.days()) == 7 and grid.days()[0] == date(2019, 4, 1)
    grid.step_date(1)
    assert grid.days()[0] == date(2019, 4, 8)
    grid.set_date(date(2019, 5, 30))
    assert grid.days()[0] == date(2019, 5, 27) and grid.days()[-1] == date(2019, 5, 31)


def test_a_drag_reports_where_the_block_would_go_for_a_clash_preview(qtbot, programme):
    grid = make_grid(qtbot, programme)
    reports = []
    grid.drag_moved.connect(reports.append)
    grid.set_clash_preview([(at(4, 14), at(4, 15), None)])
    start = block_point(grid, "c@t")
    drag(grid, start, start + QPoint(0, y_shift(grid, at(4, 12), at(4, 14))))
    moving = [r for r in reports if r is not None]
    assert moving[-1] == ("c@t", at(4, 14), at(4, 15), None)
    assert reports[-1] is None  # the drag is over
    assert grid._clash_preview == []  # and its preview gone


def test_tab_leaves_the_grid(qtbot, programme):
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    create_application()
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    grid = GridView(programme)
    after = QLineEdit()
    layout.addWidget(grid)
    layout.addWidget(after)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    qtbot.waitActive(holder)
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus, timeout=2000)
    QTest.keyClick(grid, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert grid.selected_uids() == []  # Tab is no event navigation


def test_block_text_follows_edits_stars_language_and_venue_names(qtbot, programme):
    grid = make_grid(qtbot, programme)
    grid.set_filter({"a@t"})  # alone: the block has its column's whole width
    grid.resize(1200, 900)
    grid.set_hour_height(80)
    grid.verticalScrollBar().setValue(round(9 * grid.hour_height))
    grid.viewport().repaint()
    assert grid.shown_text("a@t")[0] == "10:00–12:00"
    assert "Title" in " ".join(grid.shown_text("a@t"))
    venue = programme.venues["goethe"].name.en
    assert grid.shown_text("a@t")[-1] == venue
    # A new version of the event is laid out anew.
    programme.events["a@t"] = event("a@t", 4, 10, 12, title=Texts.same("Renamed talk"))
    grid.update_events(Changes(events=["a@t"]))
    grid.viewport().repaint()
    assert "Renamed talk" in " ".join(grid.shown_text("a@t"))
    grid.set_starred({"a@t"})
    grid.viewport().repaint()
    assert grid.shown_text("a@t")[1].startswith("★ Renamed")
    programme.events["a@t"] = event("a@t", 4, 10, 12)
    grid.update_events(Changes(events=["a@t"]))
    grid.viewport().repaint()
    assert "★ Title" in grid.shown_text("a@t")
    grid.set_language("ru")
    assert "★ Название" in grid.shown_text("a@t")
    # Blocks name their venue: renaming it reaches them.
    old = programme.venues["goethe"]
    programme.venues["goethe"] = type(old)(**{**{f: getattr(old, f) for f in old.__slots__},
                                              "name": Texts.same("Goethe Hall")})
    grid.update_events(Changes(venues=["goethe"]))
    assert grid.shown_text("a@t")[-1] == "Goethe Hall"
    # The venue grid names the track instead.
    grid.set_mode("venues")
    grid.set_date(date(2019, 4, 4))
    grid.verticalScrollBar().setValue(round(9 * grid.hour_height))
    assert grid.shown_text("a@t")[-1] == programme.tracks["business"].name.ru


def test_titles_break_between_words_and_cut_long_words_with_an_ellipsis():
    from PySide6.QtGui import QFont, QFontMetricsF

    from ui.views.grid import _wrap_words

    create_application()
    font = QFont()
    font.setBold(True)
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance("Germ") + 1
    # Never a letter or two per line ("G / e / r / m / a / n"): each word keeps its start
    # and is cut with an ellipsis where it is too long.
    lines = _wrap_words("German-Russian forum", font, metrics, width, 20)
    assert lines == ["Ger…", "Rus…", "for…"] or lines == ["Ger…", "Rus…", "forum"]
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)
    # Words stay whole where they fit.
    wide = metrics.horizontalAdvance("German-Russian forum") + 1
    assert _wrap_words("German-Russian forum", font, metrics, wide, 3) == ["German-Russian forum"]
    title = "Business forum “Smart City”: the city of the future"
    lines = _wrap_words(title, font, metrics, metrics.horizontalAdvance("Business") + 2, 4)
    assert lines[:2] == ["Business", "forum"] and lines[-1].endswith("…")
    assert breaks_only_between_words(lines, title)
    two = _wrap_words("Open day at the German Language Centre", font, metrics,
                      metrics.horizontalAdvance("Open day at the"), 2)
    assert two[0] == "Open day at the" and two[1].endswith("…")
    # Characters outside the Basic Multilingual Plane are cut whole.
    narrow = max(metrics.horizontalAdvance("🎻🎻"), metrics.horizontalAdvance("conc")) + 1
    emoji = _wrap_words("🎻🎻 concert", font, metrics, narrow, 20)
    assert emoji[0] == "🎻🎻" and breaks_only_between_words(emoji, "🎻🎻 concert")


def popup_menu():
    from PySide6.QtWidgets import QApplication

    return QApplication.activePopupWidget()


def choose(menu, text_part):
    """Click the entry of a popped-up menu whose text holds ``text_part``."""
    [action] = [a for a in menu.actions() if text_part in a.text()]
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     menu.actionGeometry(action).center())


def test_a_crowded_band_keeps_to_four_rows_and_says_how_many_more(qtbot, programme):
    for n in range(6):
        programme.events[f"show{n}@t"] = event(f"show{n}@t", start=at(5, 0), end=at(6, 0),
                                               all_day=True, title=Texts.same(f"Show {n}"))
    programme.events["fair@t"] = event("fair@t", start=at(3, 0), end=at(4, 0), all_day=True)
    grid = make_grid(qtbot, programme)
    shown = {item.uid for item, _ in grid._band_rects()}
    assert len(shown) == 3 + 1 and "fair@t" in shown  # three rows on the 5th, and the fair
    row_height = grid._band_row_height()
    assert grid._band_height() == pytest.approx(4 * row_height + 6)
    [(index, hidden, rect)] = grid.band_overflow()
    assert grid.keys()[index][0] == date(2019, 4, 5)
    assert len(hidden) == 3 and {item.uid for item in hidden}.isdisjoint(shown)
    tip = grid.overflow_tooltip(hidden)
    assert all(f"Show {item.uid[4]}" in tip for item in hidden)
    # Its text is painted, in the last row of the band.
    image = grid.viewport().grab().toImage()
    inked = {image.pixel(x, round(rect.center().y()))
             for x in range(round(rect.left()), round(rect.right()))}
    assert len(inked) > 2
    # A click lists what is hidden; choosing an entry selects and opens it.
    opened, days = [], []
    grid.edit_requested.connect(opened.append)
    grid.day_activated.connect(days.append)
    click(grid, rect.center().toPoint())
    menu = popup_menu()
    assert [a.data() for a in menu.actions() if a.data()] == [i.uid for i in hidden]
    choose(menu, hidden[-1].uid.replace("show", "Show ").replace("@t", ""))
    assert grid.selected_uids() == [hidden[-1].uid] and opened == [hidden[-1].uid]
    # Its last entry shows that day, one column per venue.
    click(grid, rect.center().toPoint())
    choose(popup_menu(), "Show This Day by Venue")
    assert days == [date(2019, 4, 5)]


def test_opening_scrolls_to_the_first_start_not_to_a_night_running_on(qtbot, programme):
    programme.events["night@t"] = event("night@t", start=at(3, 22), end=at(4, 1))
    grid = make_grid(qtbot, programme)
    grid.scroll_to_first_event()
    # The earliest start of the shown days is a@t at 10:00 on the 4th; night@t's part
    # after midnight (00:00-01:00 on the 4th) is not a start.
    assert grid.verticalScrollBar().value() == round(9.5 * grid.hour_height)


def test_a_crowded_cluster_keeps_readable_blocks_and_gathers_the_rest_into_more(qtbot,
                                                                               programme):
    for n in range(25):
        programme.events[f"talk{n}@t"] = event(f"talk{n}@t", 4, 10, 12,
                                               title=Texts.same(f"Talk number {n}"),
                                               status="cancelled" if n == 24 else "confirmed")
    grid = make_grid(qtbot, programme)
    grid.verticalScrollBar().setValue(round(9.5 * grid.hour_height))
    # The day's column is as wide as the view: scrolled to, it is all in view.
    grid.horizontalScrollBar().setValue(round(grid.column_left(1) - grid._ruler_width()))
    shown = [(block, rect) for block, rect in grid.visible_blocks()
             if block.key[0] == date(2019, 4, 4)]
    # As many side by side as a column as wide as the view holds with each block's time
    # and the first word of its title; not all 28.
    assert 1 <= len(shown) < 28
    assert grid.column_width(1) <= grid.viewport().width() - grid._ruler_width()
    for block, rect in shown:
        assert rect.width() >= grid._min_lane - 2
        text = grid.shown_text(block.uid)
        assert text[0].startswith(f"{block.start:%H:%M}") and len(text) >= 2
        assert text[1].split()[0] == programme.events[block.uid].title.en.split()[0]
    [(group, rect)] = grid.visible_more()
    assert len(group.blocks) == 28 - len(shown)  # a, b, c and the talks
    hidden = set(group.uids)
    assert hidden | {b.uid for b, _ in shown} == {f"talk{n}@t" for n in range(25)} | {
        "a@t", "b@t", "c@t"}
    # "+N" is painted; a clashing event behind it outlines it in red.
    behind = group.blocks[-1].uid
    grid.set_clashing({(behind, None)})
    image = grid.viewport().grab().toImage()
    outline = {QColor(image.pixel(x, y)).name()
               for x in range(int(rect.left()), int(rect.right()))
               for y in range(int(rect.top()) - 1, int(rect.top()) + 3)}
    assert "#d32f2f" in outline
    tip = grid.overflow_tooltip(group.blocks)
    assert programme.events[behind].title.en in tip and "Click to list them" in tip
    # A click lists them; choosing one selects it and opens it.
    opened = []
    grid.edit_requested.connect(opened.append)
    click(grid, rect.center().toPoint())
    menu = popup_menu()
    assert menu is not None and menu.objectName() == "more_list"
    assert len(menu.actions()) == len(hidden)
    assert all(a.text().startswith("10:00–12:00") for a in menu.actions()
               if a.data() != "a@t" and a.data() != "b@t" and a.data() != "c@t")
    choose(menu, programme.events[behind].title.en)
    assert grid.selected_uids() == [behind] and opened == [behind]


def test_a_crowded_day_widens_its_column_rather_than_squeezing_its_blocks(qtbot, programme):
    for n in range(5):
        programme.events[f"talk{n}@t"] = event(f"talk{n}@t", 4, 10, 12,
                                               title=Texts.same(f"Workshop number {n}"))
    grid = make_grid(qtbot, programme)
    grid.resize(1900, 560)
    crowded = grid.keys().index((date(2019, 4, 4), None))
    shown = [(b, r) for b, r in grid.visible_blocks() if b.key[0] == date(2019, 4, 4)]
    assert len(shown) == 8 and grid.visible_more() == []  # a, b, c and the five talks
    others = [grid.column_width(n) for n in range(len(grid.keys())) if n != crowded]
    assert grid.column_width(crowded) > max(others)
    assert len(set(others)) == 1  # the others share what is left alike
    for block, _ in shown:
        assert grid.shown_text(block.uid)[1].split()[0] in ("Workshop", "Title")
    # The days fit in the window: no scroll bar. A narrower one scrolls sideways rather
    # than squeezing the crowded day.
    hbar = grid.horizontalScrollBar()
    qtbot.waitUntil(lambda: not hbar.isVisible())
    assert hbar.maximum() == 0
    wide = grid.column_width(crowded)
    grid.resize(700, 560)
    qtbot.waitUntil(hbar.isVisible)
    assert hbar.maximum() > 0
    assert grid.column_width(crowded) == pytest.approx(wide)
    assert grid.visible_more() == []


def test_a_filter_works_out_no_occurrences_again(qtbot, programme, monkeypatch):
    """Filtering a festival must not re-expand every event: the grid keeps its index of
    every event and only the columns in view sort out what they show."""
    import ui.views.grid_index as grid_module

    grid = make_grid(qtbot, programme)
    expanded: list[str] = []
    expand = grid_module.expand
    monkeypatch.setattr(grid_module, "expand",
                        lambda event, *a: expanded.append(event.uid) or expand(event, *a))
    grid.set_filter({"a@t", "late@t"})
    grid.viewport().repaint()
    assert {b.uid for b, _ in grid.visible_blocks()} == {"a@t"}  # late@t is out of view
    grid.set_filter(None)
    grid.viewport().repaint()
    assert {b.uid for b, _ in grid.visible_blocks()} == {"a@t", "b@t", "c@t"}
    assert expanded == []


def test_dragging_part_of_a_late_event_previews_the_whole_of_it(qtbot, programme):
    from PySide6.QtTest import QTest

    programme.events["night@t"] = event("night@t", start=at(8, 20), end=at(9, 2))
    grid = make_grid(qtbot, programme)
    grid.resize(1200, 900)
    grid.set_hour_height(30)
    grid.verticalScrollBar().setValue(0)
    evening, small_hours = (segments(grid, "night@t")[date(2019, 4, d)][1] for d in (8, 9))
    x8, x9 = round(evening.center().x()), round(small_hours.center().x())

    def ink(x, when):
        image = grid.viewport().grab().toImage()
        return QColor(image.pixel(x, round(grid.time_to_y(when)) + 2)).name()

    background = ink(x8, at(8, 18))
    assert ink(x9, at(9, 1)) != background
    # Hold the evening part and move it three hours up (to 17:00-23:00).
    viewport = grid.viewport()
    press = QPoint(x8, round(evening.top() + 10))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press)
    three_hours = round(3 * grid.hour_height)
    for n in range(1, 6):
        QTest.mouseMove(viewport, press - QPoint(0, three_hours * n // 5))
    assert ink(x8, at(8, 18)) != background  # the ghost covers 17:00 to 23:00
    assert ink(x8, at(8, 22, 30)) != background
    assert ink(x9, at(9, 1)) == background  # the old part after midnight is gone
    moves = []
    grid.move_requested.connect(lambda uid, start, venue: moves.append(start))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       press - QPoint(0, three_hours))
    assert moves == [at(8, 17)]


def test_a_filter_stays_when_the_programme_is_shown_anew(qtbot, programme):
    grid = make_grid(qtbot, programme)
    grid.set_filter({"a@t"})
    grid.set_programme(programme)  # a rebuild, as after a change of days or colours
    assert {b.uid for b, _ in grid.visible_blocks()} == {"a@t"}


def test_a_changed_occurrence_shows_where_and_when_it_now_is(qtbot, programme):
    import dataclasses

    from planner.model import Recurrence, RecurrenceId

    series = event("s@t", 3, 9, 10, recurrence=Recurrence("FREQ=DAILY"))
    moved_there = dataclasses.replace(series, start=at(4, 15), end=at(4, 16), venue="petri",
                                      recurrence=None, recurrence_id=RecurrenceId(at(4, 9)))
    called_off = dataclasses.replace(moved_there, start=at(5, 9), end=at(5, 10),
                                     venue="goethe", status="cancelled",
                                     recurrence_id=RecurrenceId(at(5, 9)))
    programme.events["s@t"] = dataclasses.replace(series, overrides=(moved_there, called_off))
    grid = make_grid(qtbot, programme, mode="venues")
    grid.set_date(date(2019, 4, 4))
    blocks = [b for b, _ in grid.visible_blocks() if b.uid == "s@t"]
    assert [(b.key, b.start.hour) for b in blocks] == [((date(2019, 4, 4), "petri"), 15)]
    grid.set_date(date(2019, 4, 5))
    # Called off on its own: still in view, as a cancelled event is (grey, struck through),
    # so that it can be restored.
    [called] = [b for b, _ in grid.visible_blocks() if b.uid == "s@t"]
    assert called.occurrence is not None and called.occurrence.status == "cancelled"
    grid.set_date(date(2019, 4, 6))  # the rule goes on without end, on the programme's days
    assert [b.start.hour for b, _ in grid.visible_blocks() if b.uid == "s@t"] == [9]


def test_the_drag_preview_says_the_new_start_or_the_new_end(qtbot, programme):
    from ui_helpers import bottom_edge

    grid = make_grid(qtbot, programme)
    grid.set_snap(15)
    viewport = grid.viewport()

    def badge_painted(rect):
        image = viewport.grab().toImage()
        colour = QColor(image.pixel(round(rect.left()) + 2, round(rect.center().y())))
        return colour.lightness() < 80  # the dark badge, not the grid or a block

    def hold(at_point, old, new):
        """Press at ``at_point`` and move down from time ``old`` to ``new``, not letting go."""
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         at_point)
        for step in (10, 20, y_shift(grid, old, new)):
            QTest.mouseMove(viewport, QPoint(at_point.x(), at_point.y() + step))
        return grid.drag_badge()

    # Moving: the ghost is labelled with the start the drop would give.
    start = block_point(grid, "a@t")
    text, rect = hold(start, at(4, 10), at(4, 11, 30))
    assert text == "11:30" and badge_painted(rect)
    assert rect.bottom() <= grid.time_to_y(at(4, 11, 30))  # just above the ghost's top
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(start.x(), start.y() + y_shift(grid, at(4, 10), at(4, 11, 30))))
    assert grid.drag_badge() is None
    # Resizing: labelled with the new end, just below the ghost's lower edge.
    grid.verticalScrollBar().setValue(round(8 * grid.hour_height))
    text, rect = hold(bottom_edge(grid, "c@t"), at(4, 13), at(4, 14, 45))
    assert text == "14:45" and badge_painted(rect)
    assert rect.top() >= grid.time_to_y(at(4, 14, 45))
    QTest.keyClick(grid, Qt.Key.Key_Escape)
    assert grid.drag_badge() is None


def test_the_programme_hours_hide_the_night_and_fill_the_view(qtbot, programme):
    programme.events["early@t"] = event("early@t", 5, 7, 8)
    grid = make_grid(qtbot, programme)
    assert grid.shown_hours() == (0, 24 * 60)
    # The hours the events need: a@t at 10:00 ... early@t at 7:00 to late@t at 23:00.
    assert grid.programme_hours() == (7 * 60, 23 * 60)
    grid.set_hours(None)
    assert grid.shown_hours() == (7 * 60, 23 * 60)
    vbar = grid.verticalScrollBar()
    vbar.setValue(0)  # as far up as it goes: 07:00, not midnight
    assert grid.y_to_time(grid._grid_top() + 1, date(2019, 4, 5)).hour == 7
    assert grid.slot_at(QPointF(grid.x_for(date(2019, 4, 5)), grid._grid_top() + 2)).start \
        == at(5, 7)
    # The smallest zoom leaves no empty space under the last hour: the hours fill the view.
    grid.set_hour_height(24)
    assert grid.zoom == 24 and grid.hour_height > 24
    visible = grid.viewport().height() - grid._grid_top()
    assert 16 * grid.hour_height == pytest.approx(visible, abs=1)
    assert vbar.maximum() == vbar.minimum()
    # Hours set by hand: an event before them is drawn at their top edge, not hidden.
    grid.set_hours((9 * 60, 21 * 60))
    grid.set_hour_height(48)
    vbar.setValue(vbar.minimum())
    rect = grid.block_rect("early@t")
    assert rect is not None
    assert rect.top() == pytest.approx(grid.time_to_y(at(5, 9)), abs=1)
    assert grid.shown_text("early@t")[0].startswith("07:00")
    image = grid.viewport().grab().toImage()  # its arrow points up
    arrow = QColor(image.pixel(round(rect.right() - 7), round(rect.top() + 5)))
    assert arrow.lightness() < 80
    grid.set_hours((0, 24 * 60))
    assert grid.shown_hours() == (0, 24 * 60)
