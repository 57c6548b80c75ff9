"""The agenda: every occurrence of every event as a row of a sortable, filterable table.

``AgendaModel`` is a read-only ``QAbstractTableModel`` over the programme's occurrences;
``AgendaView`` puts it behind a ``QSortFilterProxyModel`` in a ``QTableView`` and speaks in
event UIDs to the rest of the window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from planner.model import Event, Lang, Programme
from planner.recurrence import expand
from ui.tooltips import plain_tooltip
from ui.views.grid import CLASH_RED, clash_tooltip_line
from ui.widgets import ui_language

UID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
START_ROLE = Qt.ItemDataRole.UserRole + 3
SHOWN_ROLE = Qt.ItemDataRole.UserRole + 4  # "1" where the filter lets the row through
CLASHING_ROLE = Qt.ItemDataRole.UserRole + 5  # whether the row's occurrence clashes

DAY, TIME, TITLE, TRACK, VENUE, SPEAKERS = range(6)
COLUMN_COUNT = 6

Filter = Callable[[Event], bool] | Iterable[str] | None
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """One occurrence: the event as this occurrence is (a changed occurrence of a series has
    its own title, venue, status), and its start and end."""

    event: Event
    start: datetime
    end: datetime
    # The start the series gives this occurrence (RECURRENCE-ID); None for a single event.
    recurrence_id: datetime | None = None


def input_help() -> list[tuple[str, list[str]]]:
    """What the agenda does with keys and the mouse besides the window's actions, for Help ›
    Keyboard Shortcuts (as :func:`ui.views.grid.input_help`)."""
    return [
        (QCoreApplication.translate("AgendaView", "Edit the event of the row"),
         ["@double-click", "Return", "Enter"]),
        (QCoreApplication.translate("AgendaView", "Select several rows"),
         ["Ctrl+@click", "Shift+@click"]),
        (QCoreApplication.translate("AgendaView", "The menu of the selected events"),
         ["@right-click", "Menu"]),
        (QCoreApplication.translate("AgendaView", "Sort by the column whose heading is "
                                                  "clicked"), ["@click"]),
    ]


def agenda_rows(programme: Programme) -> list[AgendaRow]:
    """One row per occurrence of every event, in start order."""
    window = programme.window  # a series shows on the programme's days
    rows = [
        AgendaRow(occ.event, occ.start, occ.end, occ.recurrence_id)
        for event in programme.events.values()
        for occ in expand(event, *window).occurrences
    ]
    rows.sort(key=lambda row: (row.start, row.event.uid))
    return rows


class AgendaModel(QAbstractTableModel):
    """Occurrences of the programme's events; columns day, time, title, track, venue,
    speakers. Text comes from files and is returned as plain data (never markup)."""

    def __init__(self, programme: Programme, lang: Lang | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._programme = programme
        self._lang: Lang = lang or ui_language()
        self._rows = agenda_rows(programme)
        self._locale = QLocale()
        # Sort keys per column, in row order, worked out once per reset.
        self._sort_keys: dict[int, list[Any]] = {}
        self._sort_column = DAY
        self._sort_order = Qt.SortOrder.AscendingOrder
        # Stars (My programme) are the user's, shown as an icon before the title; a red
        # star marks a starred event that overlaps another starred one.
        self._starred: frozenset[str] = frozenset()
        self._star_clashes: frozenset[str] = frozenset()
        # The occurrences that clash (the Clashes panel's), outlined in red as the grid
        # outlines them (_ClashOutline): (uid, RECURRENCE-ID), None for a whole event.
        self._clashing: frozenset[tuple[str, datetime | None]] = frozenset()
        self._clashing_uids: frozenset[str] = frozenset()
        # What the proxy's filter lets through (see AgendaFilterProxy), asked per row
        # through SHOWN_ROLE only while a filter is set.
        self._visible: frozenset[str] | None = None
        self._predicate: Callable[[Event], bool] | None = None

    # -- changes --------------------------------------------------------------------------

    def set_filter(self, which: Filter) -> None:
        """Let only events whose UID is in a set, or that a predicate accepts, through
        (``None``: all); the proxy applies it."""
        self._predicate = which if callable(which) else None
        self._visible = None if which is None or callable(which) else frozenset(which)

    def is_filtered(self) -> bool:
        return self._visible is not None or self._predicate is not None

    def _shown(self, event: Event) -> bool:
        if self._visible is not None and event.uid not in self._visible:
            return False
        return self._predicate is None or bool(self._predicate(event))

    def set_starred(self, uids: Iterable[str], clashing: Iterable[str] = ()) -> None:
        self._starred = frozenset(uids)
        self._star_clashes = frozenset(clashing)
        if self._rows:
            self.dataChanged.emit(self.index(0, TITLE), self.index(len(self._rows) - 1, TITLE),
                                  [Qt.ItemDataRole.DecorationRole])

    def set_clashing(self, occurrences: Iterable[tuple[str, datetime | None]]) -> None:
        """Mark the rows of these occurrences as clashing (see
        :func:`planner.conflicts.clashing_occurrences`)."""
        clashing = frozenset(occurrences)
        if clashing == self._clashing:
            return
        self._clashing = clashing
        self._clashing_uids = frozenset(uid for uid, _ in self._clashing)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1,
                                                               COLUMN_COUNT - 1),
                                  [Qt.ItemDataRole.ToolTipRole, CLASHING_ROLE])

    def clashes(self, row: AgendaRow) -> bool:
        """Whether the occurrence of ``row`` clashes with another (of a series, that
        occurrence, or the series as a whole)."""
        uid = row.event.uid
        if uid not in self._clashing_uids:
            return False
        return (uid, None) in self._clashing or (uid, row.recurrence_id) in self._clashing

    def is_starred(self, row: int) -> bool:
        return self._rows[row].event.uid in self._starred

    def set_programme(self, programme: Programme) -> None:
        self.beginResetModel()
        self._programme = programme
        self._rows = agenda_rows(programme)
        self._sort_keys.clear()
        self._apply_sort()
        self.endResetModel()

    def set_language(self, lang: Lang) -> None:
        if lang == self._lang:
            return
        # Names change in every row and every sort key of the text columns.
        self.beginResetModel()
        self._lang = lang
        self._sort_keys.clear()
        self._apply_sort()
        self.endResetModel()

    def language(self) -> Lang:
        return self._lang

    def row_at(self, row: int) -> AgendaRow:
        return self._rows[row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows by ``column``: one Python sort over cached keys, where a proxy
        sorting by role would call back into Python for every comparison."""
        if not 0 <= column < COLUMN_COUNT:
            return
        # PySide's signal takes no arguments here: the sort hint cannot be passed on.
        self.layoutAboutToBeChanged.emit()
        self._sort_column, self._sort_order = column, order
        old_rows = self._apply_sort()
        new_row = {old: new for new, old in enumerate(old_rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(new_row[i.row()], i.column()) for i in persistent]
        )
        self.layoutChanged.emit()

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    def _keys(self, column: int) -> list[Any]:
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = [self._sort_key(r, column) for r in self._rows]
        return keys

    def _apply_sort(self) -> list[int]:
        """Sort the rows in place; the old row of each new row. Stable, in both orders, so
        rows that tie keep the order they had (as QSortFilterProxyModel does)."""
        keys = self._keys(self._sort_column)
        order = sorted(range(len(self._rows)), key=keys.__getitem__,
                       reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        self._rows = [self._rows[i] for i in order]
        self._sort_keys = {c: [k[i] for i in order] for c, k in self._sort_keys.items()}
        return order

    # -- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Day"), self.tr("Time"), self.tr("Title"), self.tr("Track"),
            self.tr("Venue"), self.tr("Speakers"),
        )[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._keys(column)[index.row()]
        if role == UID_ROLE:
            return row.event.uid
        if role == START_ROLE:
            return row.start
        if role == SHOWN_ROLE:
            return "1" if self._shown(row.event) else "0"
        if role == CLASHING_ROLE:
            return self.clashes(row)
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE:
            uid = row.event.uid
            return _star(uid in self._star_clashes) if uid in self._starred else None
        if role == Qt.ItemDataRole.DecorationRole and column == TRACK:
            track = self._programme.tracks.get(row.event.track)
            return QColor(track.colour) if track is not None else None
        if role == Qt.ItemDataRole.FontRole and row.event.status != "confirmed":
            font = QFont()
            if row.event.status == "cancelled":
                font.setStrikeOut(True)
            else:
                font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._details(row))
        return None

    # -- text -----------------------------------------------------------------------------

    def _track_name(self, event: Event) -> str:
        track = self._programme.tracks.get(event.track)
        return track.name.get(self._lang) if track is not None else event.track

    def _venue_name(self, event: Event) -> str:
        venue = self._programme.venues.get(event.venue)
        return venue.name.get(self._lang) if venue is not None else event.venue

    def _speaker_names(self, event: Event) -> str:
        people = self._programme.people
        return ", ".join(people[p].name if p in people else p for p in event.speakers)

    def _time_text(self, row: AgendaRow) -> str:
        if row.event.all_day:
            return self.tr("all day")
        text = f"{row.start:%H:%M}\u2013{row.end:%H:%M}"
        days = (row.end.date() - row.start.date()).days
        if days > 0 and not (days == 1 and row.end.hour == 0 and row.end.minute == 0):
            text += f" (+{days})"
        return text

    def _display(self, row: AgendaRow, column: int) -> str:
        event = row.event
        if column == DAY:
            day = row.start.date()
            return self._locale.toString(QDate(day.year, day.month, day.day), "ddd dd.MM.")
        if column == TIME:
            return self._time_text(row)
        if column == TITLE:
            return event.title.get(self._lang)
        if column == TRACK:
            return self._track_name(event)
        if column == VENUE:
            return self._venue_name(event)
        return self._speaker_names(event)

    def _sort_key(self, row: AgendaRow, column: int) -> object:
        # Day and time sort by the instant, not by their text ("Fri" before "Wed"); ties
        # keep the order they had before (the proxy sorts stably).
        if column in (DAY, TIME):
            return row.start.timestamp()
        return self._display(row, column).casefold()

    def _details(self, row: AgendaRow) -> str:
        event = row.event
        lines = [
            event.title.get(self._lang),
            f"{self._display(row, DAY)} {self._time_text(row)} ({event.zone.key})",
            self.tr("Track: {name}").format(name=self._track_name(event)),
            self.tr("Venue: {name}").format(name=self._venue_name(event)),
        ]
        if event.speakers:
            lines.append(self.tr("Speakers: {names}").format(names=self._speaker_names(event)))
        if event.status != "confirmed":
            status = self.tr("cancelled") if event.status == "cancelled" else self.tr(
                "tentative")
            lines.append(self.tr("Status: {status}").format(status=status))
        description = event.description.get(self._lang)
        if self.clashes(row):
            lines.append(clash_tooltip_line(
                row.start.date() if row.recurrence_id is not None else None))
        if description:
            lines.extend(["", description])
        return "\n".join(lines)


def _star(clashing: bool) -> QIcon:
    from ui.stars import star_icon

    key = "clash" if clashing else "star"
    icon = _STARS.get(key)
    if icon is None:
        icon = _STARS[key] = star_icon(14, colour=CLASH_RED.name() if clashing else None)
    return icon


_STARS: dict[str, QIcon] = {}


class AgendaFilterProxy(QSortFilterProxyModel):
    """Shows only the events a filter lets through, in the order of the source model.

    The filter lives in :class:`AgendaModel` and reaches the proxy through
    :data:`SHOWN_ROLE`, matched by Qt itself: with no filter set no row is asked at all
    (a Python test per row ran on every reset, sort and star of a festival's 50,000).
    Sorting is passed on to :class:`AgendaModel`, which sorts its rows itself; the proxy's
    own sort column stays -1, so it keeps the source's order.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(SHOWN_ROLE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    def set_filter(self, which: Filter) -> None:
        model = self.sourceModel()
        assert isinstance(model, AgendaModel)
        # Qt 6.10 replaced invalidateFilter() by begin/endFilterChange(); older Qt 6 has
        # only the former.
        begin = getattr(self, "beginFilterChange", None)
        end = getattr(self, "endFilterChange", None)
        if begin is not None and end is not None:
            begin()
        model.set_filter(which)
        pattern = "^1$" if model.is_filtered() else ""
        if self.filterRegularExpression().pattern() != pattern:
            self.setFilterRegularExpression(QRegularExpression(pattern))
        if begin is not None and end is not None:
            end(QSortFilterProxyModel.Direction.Rows)
        elif pattern:
            self.invalidateFilter()


class _Table(QTableView):
    """The table, with Enter reporting the current row (Qt only does so on some styles),
    and columns shared out over its width until the user sets one: every column in view
    at any window size, as a calendar's agenda is, never a sideways scroll."""

    enter_pressed = Signal(QModelIndex)
    # The speakers' share of the room left after the day and the time; of what remains,
    # the title's and the track's (the venue has the rest).
    SPEAKERS_SHARE = 0.2
    TITLE_SHARE, TRACK_SHARE = 0.45, 0.22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._user_widths = False
        self._fitting = False

    def setModel(self, model: Any) -> None:  # noqa: N802
        super().setModel(model)
        self.horizontalHeader().sectionResized.connect(self._section_resized)

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        # The last column follows the table's width by itself; any other one changed
        # outside fit_columns was dragged by hand: the user's widths stay.
        if not self._fitting and column != SPEAKERS:
            self._user_widths = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._user_widths:
            self.fit_columns()

    def fit_columns(self) -> None:
        """Day and time as wide as their texts; of the rest, a share for the speakers (at
        least their heading), and of what remains the title's, the track's and the venue's
        shares."""
        width = self.viewport().width()
        header = self.horizontalHeader()
        if width <= 0 or header.count() < COLUMN_COUNT:
            return
        self._fitting = True
        try:
            for column in (DAY, TIME):
                self.setColumnWidth(column, max(self.sizeHintForColumn(column),
                                                header.sectionSizeHint(column)))
            rest = width - self.columnWidth(DAY) - self.columnWidth(TIME)
            # The last column stretches to what is left, but never below its heading.
            rest -= max(int(rest * self.SPEAKERS_SHARE), header.sectionSizeHint(SPEAKERS))
            title = int(rest * self.TITLE_SHARE)
            # Elided where narrow (the tooltip has the whole text); its heading whole when
            # there is room for it.
            track = max(int(rest * self.TRACK_SHARE),
                        min(header.sectionSizeHint(TRACK), int(rest * self.TRACK_SHARE * 1.4)))
            self.setColumnWidth(TITLE, title)
            self.setColumnWidth(TRACK, track)
            self.setColumnWidth(VENUE, max(rest - title - track, header.minimumSectionSize()))
        finally:
            self._fitting = False

    def paintEvent(self, event: QPaintEvent) -> None:
        """The rows as Qt paints them, then each clashing occurrence's row outlined in red,
        as the grid outlines its block: one pass over the rows in view, and no room taken
        from the columns."""
        super().paintEvent(event)
        model = self.model()
        viewport = self.viewport()
        first = self.rowAt(0)
        if model is None or first < 0:
            return
        last = self.rowAt(viewport.height() - 1)
        if last < 0:
            last = model.rowCount() - 1
        rows = [r for r in range(first, last + 1) if model.index(r, 0).data(CLASHING_ROLE)]
        if not rows:
            return
        painter = QPainter(viewport)
        painter.setPen(QPen(CLASH_RED, 2))
        left = -self.horizontalOffset()
        width = self.horizontalHeader().length()
        for row in rows:
            painter.drawRect(QRectF(left + 1, self.rowViewportPosition(row) + 1, width - 2,
                                    self.rowHeight(row) - 2))
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.enter_pressed.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class AgendaView(QWidget):
    """The agenda table. Signals carry event UIDs: the window maps them to edits."""

    event_activated = Signal(str)
    selection_changed = Signal(list)
    #: A right click on a row (at a global position): the menu of the selected events,
    #: the row clicked among them and the occurrence it is the one a change asks about.
    context_menu_requested = Signal(QPoint, object)

    def __init__(self, programme: Programme, parent: QWidget | None = None, *,
                 lang: Lang | None = None) -> None:
        super().__init__(parent)
        self.model = AgendaModel(programme, lang, self)
        self.proxy = AgendaFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = _Table(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DAY, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(24)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        # The window gives the agenda the focus: its table takes it (arrows, Return).
        self.setFocusProxy(self.table)

        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(self._activate)
        self.table.enter_pressed.connect(self._activate)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    # -- public ---------------------------------------------------------------------------

    def refresh(self, programme: Programme) -> None:
        """Show ``programme`` anew, keeping the selection of events that still exist (of a
        repeating event, the occurrence chosen)."""
        selected = self.selected_uids()
        chosen = self.selected_occurrences()
        self.model.set_programme(programme)
        still_there = [uid for uid in selected if uid in programme.events]
        if still_there:
            self.select_uids(still_there, chosen)
        elif selected:
            self.selection_changed.emit([])

    def set_language(self, lang: Lang) -> None:
        selected = self.selected_uids()
        chosen = self.selected_occurrences()
        self.model.set_language(lang)
        if selected:
            self.select_uids(selected, chosen)

    def set_starred(self, uids: Iterable[str], clashing: Iterable[str] = ()) -> None:
        """Show a star before the titles of ``uids`` (red for those in ``clashing``)."""
        self.model.set_starred(uids, clashing)

    def set_clashing(self, occurrences: Iterable[tuple[str, datetime | None]]) -> None:
        """Mark the rows of the occurrences that clash, as ``(uid, RECURRENCE-ID)`` (see
        :meth:`AgendaModel.set_clashing`)."""
        self.model.set_clashing(occurrences)

    def set_filter(self, predicate_or_uid_set: Filter) -> None:
        """Show only events whose UID is in a set, or that a predicate accepts; None: all."""
        self.proxy.set_filter(predicate_or_uid_set)

    def selected_uids(self) -> list[str]:
        uids: list[str] = []
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        for index in rows:
            uid = index.data(UID_ROLE)
            if uid not in uids:
                uids.append(uid)
        return uids

    def _occurrence(self, index: QModelIndex) -> tuple[str, datetime | None]:
        """The event UID and RECURRENCE-ID (None: a single event) of a row of the table."""
        row = self.model.row_at(self.proxy.mapToSource(index).row())
        return row.event.uid, row.recurrence_id

    def selected_occurrences(self) -> dict[str, datetime]:
        """Of each selected repeating event, the occurrence the selection is on: its
        RECURRENCE-ID. That is the current row (clicked last, reached with the keys) when it
        is selected, else the first selected row of the event."""
        model = self.table.selectionModel()
        current = self.table.currentIndex()
        rows = sorted(model.selectedRows(), key=lambda i: i.row())
        if current.isValid() and model.isRowSelected(current.row()):
            rows.insert(0, current.siblingAtColumn(0))
        found: dict[str, datetime] = {}
        for index in rows:
            uid, rid = self._occurrence(index)
            if rid is not None:
                found.setdefault(uid, rid)
        return found

    def focused_occurrence(self, uid: str) -> datetime | None:
        """The RECURRENCE-ID of the occurrence of series ``uid`` the selection is on (see
        :meth:`selected_occurrences`), or None."""
        return self.selected_occurrences().get(uid)

    def select_uids(self, uids: Iterable[str],
                    occurrences: Mapping[str, datetime] | None = None) -> None:
        """Select every row (occurrence) of the given events and show the first; of an
        event in ``occurrences``, only the row of that occurrence (its RECURRENCE-ID),
        made the current row."""
        wanted = set(uids)
        keys = [self._occurrence(self.proxy.index(row, 0))
                for row in range(self.proxy.rowCount())]
        # An occurrence no longer there (deleted, filtered out): all the event's rows.
        chosen = {uid: rid for uid, rid in (occurrences or {}).items()
                  if uid in wanted and (uid, rid) in keys}
        selection = QItemSelection()
        first: QModelIndex | None = None
        focus: QModelIndex | None = None  # the chosen occurrence's row: the current one
        last_column = self.proxy.columnCount() - 1
        for row, (uid, rid) in enumerate(keys):
            index = self.proxy.index(row, 0)
            if uid in wanted and (uid not in chosen or rid == chosen[uid]):
                selection.select(index, self.proxy.index(row, last_column))
                if first is None:
                    first = index
                if uid in chosen and focus is None:
                    focus = index
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().select(selection, flags)
        current = focus if focus is not None else first
        if current is not None:
            self.table.selectionModel().setCurrentIndex(
                current, QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.table.scrollTo(current)

    def visible_uids_in_order(self) -> list[str]:
        """The UIDs of the rows as shown (sorted and filtered), one per occurrence."""
        return [self.proxy.index(r, 0).data(UID_ROLE) for r in range(self.proxy.rowCount())]

    # -- slots ----------------------------------------------------------------------------

    def _activate(self, index: QModelIndex) -> None:
        uid = index.data(UID_ROLE)
        if uid:
            self.event_activated.emit(uid)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        model = self.table.selectionModel()
        if model.isRowSelected(index.row()):
            # Among the selected rows, as in a file manager: the selection stays, and the
            # row clicked is the occurrence a change asks about.
            model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        else:
            model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        self.context_menu_requested.emit(self.table.viewport().mapToGlobal(pos), None)

    def _on_selection_changed(self) -> None:
        self.selection_changed.emit(self.selected_uids())
