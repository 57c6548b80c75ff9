"""The agenda table at festival scale, against Qt's own item model holding the same text.

1. Opening the agenda of 5,000 events (rows built, table shown and painted) against a
   ``QStandardItemModel`` with the same six texts per row behind the same proxy and view:
   what our Python model costs over a model whose data never leaves C++.
2. Sorting it by title (a header click) against sorting the standard model the same way.
3. Sorting by day (chronological, by the start instant) against the same baseline.
"""

from __future__ import annotations

import os
import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bench.common import Result, best_of
from planner.model import Event, Person, Programme, Texts, Track, Venue

ZONE = ZoneInfo("Europe/Moscow")
FIRST_DAY = date(2019, 4, 3)
DAYS = 8
WORDS = ("digital", "future", "music", "science", "city", "dialogue", "research", "evening")


def build(events: int, seed: int = 5) -> Programme:
    rng = random.Random(seed)
    programme = Programme(
        name=Texts.same("Benchmark"), timezone="Europe/Moscow", first_day=FIRST_DAY,
        last_day=FIRST_DAY + timedelta(days=DAYS - 1),
    )
    for n, colour in enumerate(("#1f6fb2", "#2e8b57", "#b5446e", "#c7872e")):
        programme.tracks[f"t{n}"] = Track(f"t{n}", Texts.same(f"Track {n}"), colour)
    for n in range(40):
        programme.venues[f"v{n}"] = Venue(f"v{n}", Texts.same(f"Venue {n}"))
    for n in range(200):
        programme.people[f"p{n}"] = Person(f"p{n}", f"Speaker {n}")
    for n in range(events):
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        start = datetime.combine(day, datetime.min.time(), ZONE) + timedelta(
            minutes=15 * rng.randrange(32, 84))
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(2, 8)))
        event = Event(
            uid=f"e{n}@bench", title=Texts.same(f"{words} {n}"), start=start,
            end=start + timedelta(minutes=30 * rng.randrange(1, 6)),
            track=f"t{rng.randrange(4)}", venue=f"v{rng.randrange(40)}",
            speakers=tuple(sorted({f"p{rng.randrange(200)}" for _ in range(rng.randrange(3))})),
            status="cancelled" if rng.random() < 0.05 else "confirmed",
        )
        programme.events[event.uid] = event
    return programme


def run(quick: bool) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from ui.views.agenda import DAY, SORT_ROLE, TITLE, AgendaModel, AgendaView

    app = QApplication.instance() or QApplication(["bench"])
    assert isinstance(app, QApplication)
    size = 500 if quick else 5000
    repeat = 2 if quick else 3
    programme = build(size)
    # The baseline holds exactly the texts our model shows, and the same sort keys.
    reference = AgendaModel(programme, "en")
    table = [
        [
            (reference.index(r, c).data(), reference.index(r, c).data(SORT_ROLE))
            for c in range(reference.columnCount())
        ]
        for r in range(reference.rowCount())
    ]

    def open_ours() -> AgendaView:
        view = AgendaView(programme, lang="en")
        view.resize(1200, 700)
        view.show()
        view.repaint()
        app.processEvents()
        return view

    def open_baseline() -> QTableView:
        model = QStandardItemModel(len(table), len(table[0]))
        for r, row in enumerate(table):
            for c, (text, key) in enumerate(row):
                item = QStandardItem(text)
                item.setData(key, SORT_ROLE)
                model.setItem(r, c, item)
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view = QTableView()
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(DAY, Qt.SortOrder.AscendingOrder)
        view.resize(1200, 700)
        view.show()
        view.repaint()
        app.processEvents()
        view.setProperty("keep", [model, proxy])
        return view

    t_ours = best_of(lambda: open_ours().close(), repeat)
    t_base = best_of(lambda: open_baseline().close(), repeat)
    results = [Result(
        f"agenda: open {size:,} events", "QStandardItemModel with the same texts",
        t_ours / t_base, target=3.0,
        detail=f"{t_ours * 1000:.0f} ms against {t_base * 1000:.0f} ms",
    )]

    ours, base = open_ours(), open_baseline()
    for column, label in ((TITLE, "title"), (DAY, "day")):
        def sort_ours(column: int = column) -> None:
            ours.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
            ours.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)

        def sort_base(column: int = column) -> None:
            base.sortByColumn(column, Qt.SortOrder.DescendingOrder)
            base.sortByColumn(column, Qt.SortOrder.AscendingOrder)

        s_ours = best_of(sort_ours, repeat)
        s_base = best_of(sort_base, repeat)
        results.append(Result(
            f"agenda: sort {size:,} events by {label}", "the same sort on QStandardItemModel",
            s_ours / s_base, target=3.0,
            detail=f"{s_ours * 500:.0f} ms against {s_base * 500:.0f} ms a sort",
        ))
    ours.close()
    base.close()
    return results
