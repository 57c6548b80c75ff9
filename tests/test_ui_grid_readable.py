"""The week grid reads like a calendar at the smallest window size, in every language: each
block says when it starts and what it is, titles break between words, and where too many
events overlap for readable side-by-side blocks, the rest are counted in a "+N"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from ui_helpers import breaks_only_between_words

from planner.builtin import load_builtin
from ui.i18n import language

SMALLEST = (1024, 700)


def every_position(grid):
    """Scroll the grid over its whole width and the day's hours, a screen at a time."""
    hbar, vbar = grid.horizontalScrollBar(), grid.verticalScrollBar()
    for x in range(0, hbar.maximum() + hbar.pageStep(), hbar.pageStep()):
        hbar.setValue(min(x, hbar.maximum()))
        for y in range(round(7 * grid.hour_height), vbar.maximum() + vbar.pageStep(),
                       vbar.pageStep()):
            vbar.setValue(min(y, vbar.maximum()))
            yield


@pytest.mark.parametrize("lang", ["en", "de", "ru"])
def test_no_block_is_a_blank_strip_at_the_smallest_size(qtbot, lang):
    from ui.main_window import MainWindow

    with language(lang):
        window = MainWindow(load_builtin(), None, lang=lang, remember=False)
        qtbot.addWidget(window)
        window.resize(*SMALLEST)
        window.show()
        qtbot.waitExposed(window)
        grid = window.grid
        programme = window.document.programme
        seen: set[str] = set()
        counted: set[str] = set()
        for _ in every_position(grid):
            for block, rect in grid.visible_blocks():
                if rect.bottom() < grid._grid_top() + 4 or rect.top() > grid.viewport().height():
                    continue  # only its edge is in view
                lines = grid.shown_text(block.uid)
                title = programme.events[block.uid].title.get(lang)
                # The start time always, and the first words of the title.
                assert lines and lines[0].startswith(f"{block.start:%H:%M}"), lines
                body = lines[1:] if len(lines) > 1 else [lines[0][6:]]
                assert body and body[0] and body[0] != "…", (title, lines)
                where = _where(programme, lang, block.uid)
                if len(body) > 1 and where.startswith(body[-1].rstrip("…")):
                    body = body[:-1]  # the venue under the title
                assert breaks_only_between_words(body, title), (title, lines)
                assert rect.width() >= grid._min_lane - 2
                seen.add(block.uid)
            for group, _rect in grid.visible_more():
                counted.update(group.uids)
        timed = {uid for uid, event in programme.events.items() if not event.all_day}
        # Every timed event is shown or counted in a "+N" somewhere.
        assert timed <= seen | counted
        assert len(seen) > len(timed) // 2


def _where(programme, lang, uid):
    return programme.venues[programme.events[uid].venue].name.get(lang)


def test_a_quarter_hour_block_shows_its_time(qtbot):
    from factories import at, event, small_programme

    from ui.views.grid import GridView

    programme = small_programme()
    programme.events["short@t"] = event("short@t", start=at(4, 10), end=at(4, 10, 15))
    programme.events["next@t"] = event("next@t", start=at(4, 10, 15), end=at(4, 11))
    grid = GridView(programme)
    qtbot.addWidget(grid)
    grid.resize(1900, 500)
    grid.show()
    for height in (24, 48, 100):  # the smallest zoom to a large one
        grid.set_hour_height(height)
        grid.scroll_to_uid("short@t")
        lines = grid.shown_text("short@t")
        assert lines and lines[0] == "10:00" or lines[0].startswith("10:00–10:15"), lines
        assert grid.shown_text("next@t")[0].startswith("10:15")
        rect = grid.block_rect("short@t")
        assert rect.height() >= grid._small_metrics.height()
        # Never painted over the next one: where the shortest block would reach into it,
        # they sit side by side.
        other = grid.block_rect("next@t")
        assert not rect.intersects(other)
        assert grid.block_at(QPoint(round(rect.center().x()), round(rect.center().y()))).uid \
            == "short@t"
