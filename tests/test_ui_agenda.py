"""The agenda table: rows per occurrence, sorting by header clicks, activation, selection."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from planner.builtin import load_builtin
from planner.model import Person, Programme, Recurrence, Texts
from planner.recurrence import make_rule, occurrences
from tests.factories import at, event, small_programme
from ui.views.agenda import (
    DAY,
    SORT_ROLE,
    SPEAKERS,
    TIME,
    TITLE,
    TRACK,
    UID_ROLE,
    VENUE,
    AgendaModel,
    AgendaView,
)


def sample() -> Programme:
    """Events whose day names, times and titles sort differently from their dates."""
    programme = small_programme()
    programme.people["boris"] = Person("boris", "Boris Muster")
    programme.people["zoe"] = Person("zoe", "Zoë Zander")
    events = [
        # Wed 03, Thu 04, Fri 05, Tue 09, Wed 10: alphabetically Fri < Thu < Tue < Wed.
        event("wed@t", 3, 18, 19, title=Texts.same("banquet"), track="culture", venue="petri",
              speakers=("zoe",)),
        event("fri@t", 5, 9, 10, title=Texts.same("Alpha talk"), speakers=("anna",)),
        event("thu@t", 4, 20, 21, title=Texts.same("Concert"), track="culture",
              speakers=("boris",)),
        event("tue@t", 9, 8, 9, title=Texts("Frühstück", "Breakfast", "Завтрак"),
              venue="petri", status="cancelled"),
        event("wed10@t", 10, 10, 12, title=Texts.same("zz closing")),
    ]
    for e in events:
        programme.events[e.uid] = e
    return programme


def open_view(qtbot: QtBot, programme: Programme) -> AgendaView:
    view = AgendaView(programme, lang="en")
    qtbot.addWidget(view)
    view.resize(1100, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def click_header(qtbot: QtBot, view: AgendaView, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def column_texts(view: AgendaView, column: int) -> list[str]:
    proxy = view.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_one_row_per_occurrence() -> None:
    programme = sample()
    start = at(4, 16)
    daily = event("cafe@t", start=start, end=at(4, 18), title=Texts.same("Cafe"),
                  recurrence=Recurrence(make_rule("daily", start=start, count=4), (at(6, 16),)))
    programme.events[daily.uid] = daily
    model = AgendaModel(programme, "en")
    rows = [model.row_at(r) for r in range(model.rowCount()) if model.row_at(r).event is daily]
    assert [(r.start, r.end) for r in rows] == occurrences(daily)
    assert len(rows) == 3
    days = [model.index(r, DAY).data() for r in range(model.rowCount())
            if model.index(r, DAY).data(UID_ROLE) == "cafe@t"]
    assert days == ["Thu 04.04.", "Fri 05.04.", "Sun 07.04."]
    assert model.rowCount() == len(programme.events) - 1 + 3


@pytest.mark.parametrize("column", [DAY, TIME])
def test_day_and_time_sort_chronologically(qtbot: QtBot, column: int) -> None:
    programme = sample()
    view = open_view(qtbot, programme)
    by_start = [e.uid for e in programme.sorted_events()]
    click_header(qtbot, view, TITLE)  # away from the default order first
    assert view.visible_uids_in_order() != by_start
    click_header(qtbot, view, column)
    assert view.visible_uids_in_order() == by_start
    # Alphabetical day names would put Friday first: the order is by date.
    assert column_texts(view, DAY)[0].startswith("Wed 03")
    click_header(qtbot, view, column)
    assert view.visible_uids_in_order() == by_start[::-1]


@pytest.mark.parametrize("column", [TITLE, TRACK, VENUE, SPEAKERS])
def test_text_columns_sort_by_their_text(qtbot: QtBot, column: int) -> None:
    view = open_view(qtbot, sample())
    click_header(qtbot, view, column)
    shown = column_texts(view, column)
    assert shown == sorted(shown, key=str.casefold)
    assert len(set(shown)) > 1
    click_header(qtbot, view, column)
    shown = column_texts(view, column)
    assert shown == sorted(shown, key=str.casefold, reverse=True)


def test_sorting_keeps_the_selection_and_survives_refresh_and_filter(qtbot: QtBot) -> None:
    view = open_view(qtbot, sample())
    view.select_uids(["thu@t"])
    click_header(qtbot, view, TITLE)
    assert view.selected_uids() == ["thu@t"]
    current = view.table.currentIndex()
    assert current.data(UID_ROLE) == "thu@t"
    titles = column_texts(view, TITLE)
    assert titles == sorted(titles, key=str.casefold)

    programme = sample()
    extra = event("new@t", 7, 10, 11, title=Texts.same("Middle"))
    programme.events[extra.uid] = extra
    view.refresh(programme)
    titles = column_texts(view, TITLE)
    assert "Middle" in titles and titles == sorted(titles, key=str.casefold)
    assert view.selected_uids() == ["thu@t"]

    view.set_filter({"wed@t", "fri@t", "new@t"})
    assert column_texts(view, TITLE) == ["Alpha talk", "banquet", "Middle"]
    click_header(qtbot, view, TITLE)
    assert column_texts(view, TITLE) == ["Middle", "banquet", "Alpha talk"]


def test_sort_keys(qtbot: QtBot) -> None:
    model = AgendaModel(sample(), "en")
    row = next(r for r in range(model.rowCount()) if model.row_at(r).event.uid == "wed@t")
    assert model.index(row, DAY).data(SORT_ROLE) == at(3, 18).timestamp()
    assert model.index(row, TITLE).data(SORT_ROLE) == "banquet"
    assert model.index(row, TIME).data() == "18:00\u201319:00"


def test_track_colour_and_cancelled_strike_out() -> None:
    programme = sample()
    model = AgendaModel(programme, "en")
    rows = {model.row_at(r).event.uid: r for r in range(model.rowCount())}
    colour = model.index(rows["wed@t"], TRACK).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(colour, QColor) and colour.name() == programme.tracks["culture"].colour
    struck = model.index(rows["tue@t"], TITLE).data(Qt.ItemDataRole.FontRole)
    assert isinstance(struck, QFont) and struck.strikeOut()
    assert model.index(rows["wed@t"], TITLE).data(Qt.ItemDataRole.FontRole) is None


def test_text_is_plain_and_tooltips_escape_markup() -> None:
    programme = sample()
    markup = event("html@t", 6, 10, 11, title=Texts.same("<b>bold</b> & co"))
    programme.events[markup.uid] = markup
    model = AgendaModel(programme, "en")
    row = next(r for r in range(model.rowCount()) if model.row_at(r).event is markup)
    assert model.index(row, TITLE).data() == "<b>bold</b> & co"
    tip = model.index(row, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in tip and "<b>" not in tip


def test_double_click_and_enter_activate(qtbot: QtBot) -> None:
    view = open_view(qtbot, sample())
    table = view.table
    rect = table.visualRect(view.proxy.index(2, TITLE))
    uid_at_row_2 = view.proxy.index(2, 0).data(UID_ROLE)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.event_activated) as blocker:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [uid_at_row_2]
    assert view.selected_uids() == [uid_at_row_2]

    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Down)
    uid_at_row_3 = view.proxy.index(3, 0).data(UID_ROLE)
    with qtbot.waitSignal(view.event_activated) as blocker:
        QTest.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args == [uid_at_row_3]


def test_selection_signal_and_select_uids(qtbot: QtBot) -> None:
    view = open_view(qtbot, sample())
    with qtbot.waitSignal(view.selection_changed) as blocker:
        view.select_uids(["thu@t", "tue@t"])
    assert blocker.args == [["thu@t", "tue@t"]]
    assert view.selected_uids() == ["thu@t", "tue@t"]
    # A refresh keeps the selection of events that still exist.
    programme = sample()
    del programme.events["thu@t"]
    view.refresh(programme)
    assert view.selected_uids() == ["tue@t"]
    assert view.proxy.rowCount() == 4


def test_filter_by_uid_set_and_predicate(qtbot: QtBot) -> None:
    view = open_view(qtbot, sample())
    view.set_filter({"fri@t", "wed@t"})
    assert view.visible_uids_in_order() == ["wed@t", "fri@t"]
    view.set_filter(lambda e: e.venue == "petri")
    assert view.visible_uids_in_order() == ["wed@t", "tue@t"]
    view.set_filter(None)
    assert view.proxy.rowCount() == 5


def test_content_language(qtbot: QtBot) -> None:
    view = open_view(qtbot, sample())
    view.select_uids(["tue@t"])
    row = view.visible_uids_in_order().index("tue@t")
    assert view.proxy.index(row, TITLE).data() == "Breakfast"
    assert view.proxy.index(row, TRACK).data() == "Business"
    view.set_language("de")
    assert view.proxy.index(row, TITLE).data() == "Frühstück"
    assert view.proxy.index(row, TRACK).data() == "Wirtschaft"
    view.set_language("ru")
    assert view.proxy.index(row, TRACK).data() == "Экономика"
    assert view.selected_uids() == ["tue@t"]


def test_builtin_programme_sorted_by_day_is_chronological(qtbot: QtBot) -> None:
    programme = load_builtin()
    view = open_view(qtbot, programme)
    starts: list[datetime] = [
        view.proxy.index(r, 0).data(SORT_ROLE) for r in range(view.proxy.rowCount())
    ]
    assert starts == sorted(starts)
    expected = sum(len(occurrences(e)) for e in programme.events.values())
    assert view.proxy.rowCount() == expected


def test_agenda_rows_show_a_changed_occurrence_as_it_now_is():
    import dataclasses

    from factories import at, event, small_programme

    from planner.model import Recurrence, RecurrenceId, Texts
    from ui.views.agenda import agenda_rows

    programme = small_programme()
    series = event("s@t", 3, 9, 10, recurrence=Recurrence("FREQ=WEEKLY"))
    changed = dataclasses.replace(series, title=Texts.same("Special"), recurrence=None,
                                  start=at(10, 11), end=at(10, 12),
                                  recurrence_id=RecurrenceId(at(10, 9)))
    programme.events["s@t"] = dataclasses.replace(series, overrides=(changed,))
    rows = agenda_rows(programme)
    assert [(r.start, r.event.title.en) for r in rows] == [
        (at(3, 9), "Title"), (at(10, 11), "Special")]
