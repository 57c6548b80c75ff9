"""The clashes panel: every clash of the open programme, kept up to date as it is edited.

The whole check (:class:`planner.conflicts.ClashIndex`) is built on a worker thread from a
copy of the programme, so that opening a festival-sized programme never freezes the window;
its tab reads "Clashes (…)" meanwhile. The built index is handed to the GUI thread and used
only there: each edit then costs one :meth:`ClashIndex.update` of the changed events (well
under a millisecond) and a merge of the sorted clash list into the model. Changes that touch
what every clash depends on (venues, people, travel settings, the programme's days, the
language of the messages) or a large import start a new build on a worker instead.

The index reads its own copy of the programme (``_mirror``), kept in step with the open one
event by event, so a worker never reads collections that the GUI thread is changing.

:func:`install` puts the panel into the window (a :class:`~ui.shell.Shell`) as a dock and
connects it to the grids: clashing events are outlined, a clicked clash is selected and
shown, and while an event is dragged the stretches where it would clash are shaded.
"""

from __future__ import annotations

import dataclasses
import heapq
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from itertools import compress, count
from operator import is_not
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QIcon,
    QKeyEvent,
    QPainter,
    QPixmap,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.conflicts import CLASH_KINDS, Clash, ClashIndex, OccurrenceKey, clash_sort_key
from planner.model import Event, Lang, Programme
from planner.store import Changes
from ui.i18n import error_text, numerus
from ui.tasks import Task, background_pool
from ui.tooltips import plain_tooltip

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from ui.document import Document
    from ui.shell import Shell

AnyIndex = QModelIndex | QPersistentModelIndex

# Roles, as module constants (model/view convention).
CLASH_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # the clash's kind, as CLASH_KINDS names it

KIND_COLUMN, TIME_COLUMN, MESSAGE_COLUMN = range(3)

# More changed events than this in one edit (an import, say) are checked by a new build on
# a worker rather than one by one on the GUI thread.
REBUILD_ABOVE = 500
# More row changes than this in one refresh: a model reset is cheaper than row inserts.
RESET_ABOVE = 200

# Lines of a clash's message in the list at most (the tooltip has it whole): enough for the
# longest sentences (a travel clash, with both events and the trip) in the dock's width.
MESSAGE_LINES = 6
# The rows are as high as the longest messages need (at most MESSAGE_LINES): this many of
# the longest by characters are measured, whatever the number of clashes.
FIT_SAMPLE = 24
# Around a clash in the list, in pixels.
ROW_PADDING = 4

_KIND_COLOURS = {
    "venue": "#d32f2f",
    "speaker": "#f57c00",
    "travel": "#7b1fa2",
    "outside": "#455a64",
    "capacity": "#1976d2",
    "unavailable": "#00897b",
}


def _kind_icon(kind: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(_KIND_COLOURS.get(kind, "#000000")))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class ClashModel(QAbstractTableModel):
    """The clashes as rows (kind, time, message), by time or by kind then time.

    The model sorts itself (:meth:`sort`): a proxy sorting fifty thousand rows would ask
    :meth:`data` for every comparison. :meth:`set_clashes` merges a new list, sorted by
    :func:`clash_sort_key`, into the rows with proper row removals and insertions, so that
    views keep their selection and scroll position.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clashes: list[Clash] = []  # by clash_sort_key, as the index gives them
        self._rows: list[Clash] = []  # as shown
        self._zone: Any = UTC
        self._icons: dict[str, QIcon] = {}
        self._sort_column = TIME_COLUMN
        self._descending = False

    # -- data in --

    def set_zone(self, zone: Any) -> None:
        self._zone = zone
        if self._rows:
            self.dataChanged.emit(self.index(0, TIME_COLUMN),
                                  self.index(len(self._rows) - 1, TIME_COLUMN))

    def _arranged(self, clashes: list[Clash]) -> list[Clash]:
        if self._sort_column == KIND_COLUMN:
            clashes = [c for kind in CLASH_KINDS for c in clashes if c.kind == kind]
        return clashes[::-1] if self._descending else list(clashes)

    def _key(self, clash: Clash) -> tuple[object, ...]:
        key = clash_sort_key(clash)
        if self._sort_column == KIND_COLUMN:
            return (CLASH_KINDS.index(clash.kind), *key)
        return key

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By kind (then time) for the kind column, else by time."""
        column = KIND_COLUMN if column == KIND_COLUMN else TIME_COLUMN
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending):
            return
        self.layoutAboutToBeChanged.emit()
        old = self._rows
        self._sort_column, self._descending = column, descending
        self._rows = self._arranged(self._clashes)
        where = {id(clash): row for row, clash in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [
            self.index(where[id(old[i.row()])], i.column()) for i in persistent])
        self.layoutChanged.emit()

    def messages(self) -> list[str]:
        """The message of each clash listed."""
        return [clash.message for clash in self._rows]

    def set_clashes(self, clashes: list[Clash]) -> tuple[list[Clash], list[Clash]] | None:
        """Show ``clashes`` (sorted by :func:`clash_sort_key`) in place of the rows; returns
        the clashes removed and added, or ``None`` when the model was reset instead."""
        self._clashes = list(clashes)
        old, new = self._rows, self._arranged(clashes)
        # After one edit nearly all clashes are the very objects they were: the common
        # head and tail are found at C speed, and only the stretch between them is walked,
        # comparing sort keys only where the two lists differ.
        n = min(len(old), len(new))
        lo = next(compress(count(), map(is_not, old, new)), n)
        tail = next(compress(count(), map(is_not, reversed(old), reversed(new))), n)
        tail = min(tail, n - lo)
        ops: list[tuple[bool, int, Clash]] = []  # (insert?, row, clash)
        i, j, row = lo, lo, lo
        old_end, new_end = len(old) - tail, len(new) - tail
        sign = -1 if self._descending else 1
        while i < old_end and j < new_end and len(ops) <= RESET_ABOVE:
            a, b = old[i], new[j]
            if a is b or a == b:
                i += 1
                j += 1
                row += 1
                continue
            ka, kb = self._key(a), self._key(b)
            first = (ka > kb) - (ka < kb)
            if first * sign <= 0:  # a comes first (or they tie): it has gone
                ops.append((False, row, a))
                i += 1
            if first * sign >= 0:
                ops.append((True, row, b))
                row += 1
                j += 1
        if len(ops) <= RESET_ABOVE:
            ops.extend((False, row, a) for a in old[i:old_end])
            for b in new[j:new_end]:
                ops.append((True, row, b))
                row += 1
        if len(ops) > RESET_ABOVE:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return None
        rows = self._rows
        removed, added = [], []
        for insert, at, clash in ops:
            if insert:
                self.beginInsertRows(QModelIndex(), at, at)
                rows.insert(at, clash)
                self.endInsertRows()
                added.append(clash)
            else:
                self.beginRemoveRows(QModelIndex(), at, at)
                del rows[at]
                self.endRemoveRows()
                removed.append(clash)
        return removed, added

    def clash_at(self, row: int) -> Clash:
        return self._rows[row]

    def clashes(self) -> list[Clash]:
        """Every clash, by :func:`clash_sort_key` (whatever the order shown)."""
        return list(self._clashes)

    def shown(self) -> list[Clash]:
        """The clashes in the order shown."""
        return list(self._rows)

    # -- Qt --

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Kind"), self.tr("When"), self.tr("Clash"))[section]

    def kind_label(self, kind: str) -> str:
        labels = {
            "venue": self.tr("Venue"),
            "speaker": self.tr("Speaker"),
            "travel": self.tr("Travel"),
            "outside": self.tr("Outside the days"),
            "capacity": self.tr("Capacity"),
            "unavailable": self.tr("Unavailable"),
        }
        return labels.get(kind, kind)

    def time_text(self, clash: Clash) -> str:
        start, end = (t.astimezone(self._zone) for t in clash.span)
        first = f"{_day_text(start)}, {start:%H:%M}"
        if end.date() == start.date():
            return f"{first}–{end:%H:%M}"
        return f"{first} – {_day_text(end)}, {end:%H:%M}"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        clash = self._rows[index.row()]
        column = index.column()
        if role == CLASH_ROLE:
            return clash
        if role == KIND_ROLE:
            return clash.kind
        if role == Qt.ItemDataRole.DisplayRole:
            if column == KIND_COLUMN:
                return self.kind_label(clash.kind)
            if column == TIME_COLUMN:
                return self.time_text(clash)
            return clash.message
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(clash.message)  # it quotes titles from files
        if role == Qt.ItemDataRole.DecorationRole and column == KIND_COLUMN:
            icon = self._icons.get(clash.kind)
            if icon is None:
                icon = self._icons[clash.kind] = _kind_icon(clash.kind)
            return icon
        if role == SORT_ROLE:
            # Ties keep the model's order, which is by time.
            if column == KIND_COLUMN:
                return CLASH_KINDS.index(clash.kind)
            if column == TIME_COLUMN:
                return clash.span[0].timestamp()
            return clash.message
        return None


def _day_text(value: datetime) -> str:
    from ui.i18n import day_month

    return day_month(value.date(), weekday="ddd", short_month=True)  # "Mi. 3. Apr."


class ClashDelegate(QStyledItemDelegate):
    """A clash as the dock lists it: the kind's dot, the kind and the time in bold on the
    first line, the message wrapped at word boundaries below it (elided with "…" after
    :data:`MESSAGE_LINES` lines). Every row is as high as the others, so that a list of
    thousands of clashes needs no measuring: ``lines`` tall, as many as the longest
    messages need (see :meth:`ClashPanel.fit_rows`)."""

    lines = MESSAGE_LINES

    def row_height(self, font: QFont) -> int:
        line = QFontMetricsF(font).lineSpacing()
        return round(line * (1 + self.lines) + 2 * ROW_PADDING)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> Any:  # noqa: N802
        size = super().sizeHint(option, index)
        size.setHeight(self.row_height(option.font))
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        kind = index.siblingAtColumn(KIND_COLUMN)
        when = index.siblingAtColumn(TIME_COLUMN)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = (opt.palette.ColorRole.HighlightedText if selected
                else opt.palette.ColorRole.Text)
        rect = opt.rect.adjusted(ROW_PADDING, ROW_PADDING, -ROW_PADDING, -ROW_PADDING)
        painter.save()
        painter.setPen(opt.palette.color(role))
        bold = QFont(opt.font)
        bold.setBold(True)
        metrics = QFontMetricsF(bold)
        line = metrics.lineSpacing()
        icon = kind.data(Qt.ItemDataRole.DecorationRole)
        x = float(rect.left())
        if isinstance(icon, QIcon):
            side = round(min(12.0, metrics.height()))
            icon.paint(painter, round(x), round(rect.top() + (line - side) / 2), side, side)
            x += side + 4
        header = f"{kind.data()} · {when.data()}"
        painter.setFont(bold)
        painter.drawText(QRectF(x, rect.top(), rect.right() - x, line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(header, Qt.TextElideMode.ElideRight,
                                            rect.right() - x))
        painter.setFont(opt.font)
        _draw_wrapped(painter, str(index.data() or ""), opt.font,
                      QRectF(rect.left(), rect.top() + line, rect.width(), line * self.lines))
        painter.restore()


def _line_count(text: str, font: QFont, width: float) -> int:
    """Lines ``text`` takes wrapped at word boundaries in ``width`` (as painted)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    count = 0
    while count <= MESSAGE_LINES and (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        count += 1
    layout.endLayout()
    return count


def _draw_wrapped(painter: QPainter, text: str, font: QFont, rect: QRectF) -> None:
    """``text`` wrapped at word boundaries into ``rect``; the last line that fits ends with
    "…" when more is left."""
    metrics = QFontMetricsF(font)
    line_height = metrics.lineSpacing()
    most = max(1, int(rect.height() // line_height))
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines = []
    while len(lines) < most:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(rect.width())
        lines.append((line.textStart(), line.textLength()))
    layout.endLayout()
    for n, (start, length) in enumerate(lines):
        piece = text[start:start + length].rstrip()
        if n == most - 1 and start + length < len(text):
            piece = metrics.elidedText(text[start:], Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRectF(rect.left(), rect.top() + n * line_height, rect.width(),
                                line_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, piece)


class ClashProxy(QSortFilterProxyModel):
    """Shows the clashes of one kind, or all; sorting is left to :class:`ClashModel`.

    The kind is matched by Qt itself, on :data:`KIND_ROLE`: a festival's first check puts
    some 9,000 rows in at once, and a Python test per row would hold the window up (the
    more so while a worker holds the interpreter)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(KIND_ROLE)
        self.setFilterKeyColumn(KIND_COLUMN)

    def set_kind(self, kind: str | None) -> None:
        self.setFilterRegularExpression(
            QRegularExpression("" if kind is None
                               else f"^{QRegularExpression.escape(kind)}$"))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)


class _ClashTable(QTableView):
    """The list, telling when the user went to another clash with the keys (arrows, Page
    Up/Down, Home, End): as a click does, that shows the clash's events. A row that moves
    because the list changed (a clash gone after an edit) selects nothing."""

    stepped = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        before = QPersistentModelIndex(self.currentIndex())
        super().keyPressEvent(event)
        current = self.currentIndex()
        if current.isValid() and current != QModelIndex(before):
            self.stepped.emit(current)


class ClashPanel(QWidget):
    """The list of clashes of one document, following its every change."""

    #: A clash was clicked, reached with the keys or activated: select and show its events.
    clash_activated = Signal(object)
    #: A clash was opened (Return, a double click): after showing it, the keyboard goes to
    #: the view, where the keys of its events work.
    clash_opened = Signal(object)
    #: The occurrences that clash with something: a set of (uid, RECURRENCE-ID or None),
    #: as planner.conflicts.clashing_occurrences gives them.
    clashing_changed = Signal(object)
    #: The dock's title, with the count ("Clashes (3)").
    title_changed = Signal(str)
    #: The index is (re)built and the list is up to date.
    ready = Signal()

    def __init__(self, document: Document | None = None, parent: QWidget | None = None, *,
                 lang: Lang = "en") -> None:
        super().__init__(parent)
        self.setObjectName("clash_panel")
        self._lang: Lang = lang
        self._document: Document | None = None
        self._index: ClashIndex | None = None
        self._mirror: Programme | None = None
        self._generation = 0
        self._task: Task | None = None
        self._pending: set[str] = set()
        self._clashing: set[OccurrenceKey] = set()
        self._counts: Counter[OccurrenceKey] = Counter()
        self.preview: list[tuple[datetime, datetime, str | None]] = []
        # What the dragged event would clash with, first: said in the status bar.
        self.preview_message = ""

        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.model = ClashModel(self)
        self.proxy = ClashProxy(self)
        self.proxy.setSourceModel(self.model)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("clash_kind_combo")
        self.kind_combo.addItem(self.tr("All kinds"), None)
        for kind in CLASH_KINDS:
            self.kind_combo.addItem(_kind_icon(kind), self.model.kind_label(kind), kind)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_chosen)
        self.view = _ClashTable()
        self.view.setObjectName("clash_table")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(TIME_COLUMN, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        # One column for the narrow dock: each row shows kind, time and the message (see
        # ClashDelegate); the kind and time columns stay in the model for sorting.
        self.delegate = ClashDelegate(self.view)
        self.view.setItemDelegateForColumn(MESSAGE_COLUMN, self.delegate)
        self.view.setColumnHidden(KIND_COLUMN, True)
        self.view.setColumnHidden(TIME_COLUMN, True)
        header = self.view.horizontalHeader()
        header.hide()
        header.setStretchLastSection(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.verticalHeader().setDefaultSectionSize(
            self.delegate.row_height(self.view.font()))
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # The rows follow the width of the dock: a wider one needs fewer lines.
        self.view.viewport().installEventFilter(self)
        self.view.clicked.connect(self._on_clicked)
        self.view.stepped.connect(self._on_clicked)
        self.view.activated.connect(self._on_opened)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        # One above the other: side by side, the dock's width left the sentence a column
        # of single words.
        layout.addWidget(self.status_label)
        layout.addWidget(self.kind_combo)
        layout.addWidget(self.view, 1)
        if document is not None:
            self.set_document(document)

    # -- state --

    @property
    def checking(self) -> bool:
        """A build is running on a worker (the list may be out of date)."""
        return self._task is not None

    @property
    def index(self) -> ClashIndex | None:
        return self._index

    def clashes(self) -> list[Clash]:
        return self.model.clashes()

    def clashing(self) -> set[str]:
        """The UIDs of the events that clash with something."""
        return {uid for uid, _ in self._clashing}

    def clashing_occurrences(self) -> set[OccurrenceKey]:
        """The occurrences that clash with something (see ``clashing_changed``)."""
        return set(self._clashing)

    def title(self) -> str:
        if self._index is None:
            return self.tr("Clashes (…)")  # short: a tab title
        return self.tr("Clashes ({count})").format(count=self.model.rowCount())

    # -- document --

    def set_document(self, document: Document) -> None:
        """Follow ``document`` (in place of the one followed so far) and check it."""
        if self._document is not None:
            try:
                self._document.changed.disconnect(self._on_changed)
            except (RuntimeError, TypeError):  # the old document is already gone
                pass
        self._document = document
        document.changed.connect(self._on_changed)
        self._index = None
        self._mirror = None
        self.model.set_zone(document.programme.zone)
        self.model.set_clashes([])
        self._counts = Counter()
        self._publish_clashing(set())
        self.rebuild()

    def set_language(self, lang: Lang) -> None:
        """Write names and titles in ``lang`` (a new check on a worker)."""
        if lang != self._lang:
            self._lang = lang
            self.rebuild()

    def rebuild(self) -> None:
        """Check the whole programme again on a worker thread."""
        document = self._document
        if document is None:
            return
        self._generation += 1
        generation = self._generation
        # The worker gets a copy: the GUI thread goes on changing the open programme.
        snapshot = document.programme.copy()
        self.model.set_zone(snapshot.zone)
        lang = self._lang
        self._pending.clear()
        if self._task is not None:
            self._task.cancel()

        def build(_progress: object) -> tuple[int, Programme, ClashIndex | Exception]:
            try:
                return generation, snapshot, ClashIndex(snapshot, lang)
            except Exception as exc:  # shown in the panel, with its generation
                return generation, snapshot, exc

        task = Task(build, self)
        # A bound method, not a lambda: PySide keeps a lambda's receiver, which crashed
        # when a panel was deleted after its task.
        task.finished.connect(self._built)
        self._task = task
        self._show_state()
        task.start(background_pool())

    def _built(self, result: tuple[int, Programme, ClashIndex | Exception]) -> None:
        generation, snapshot, index = result
        if generation != self._generation:
            return  # a newer build is on its way
        if isinstance(index, Exception):
            self._build_failed(index)
            return
        self._task = None
        self._index, self._mirror = index, snapshot
        if self._pending:
            pending, self._pending = self._pending, set()
            self._follow(pending)
        self._publish()
        self.ready.emit()

    def _build_failed(self, error: Exception) -> None:
        self._task = None
        self.status_label.setText(self.tr("Could not check for clashes: {error}").format(
            error=error_text(error, self._lang)))
        self.title_changed.emit(self.title())

    def _on_changed(self, changes: Changes) -> None:
        uids = changes.events | changes.removed_events
        whole = (changes.meta or bool(changes.venues) or bool(changes.people)
                 or len(uids) > REBUILD_ABOVE)
        if whole:
            self.rebuild()
            return
        if not uids:
            return
        if self._task is not None or self._index is None:
            # Caught up with when the build being made arrives.
            self._pending |= uids
            return
        self._follow(uids)
        self._publish()

    def _follow(self, uids: Iterable[str]) -> None:
        """Bring the index's copy of the programme and the index up to date for ``uids``."""
        assert self._document is not None and self._mirror is not None
        assert self._index is not None
        live, mirror = self._document.programme.events, self._mirror.events
        uids = tuple(uids)
        for uid in uids:
            event = live.get(uid)
            if event is None:
                mirror.pop(uid, None)
            else:
                mirror[uid] = event
        self._index.update(*uids)

    def _publish(self) -> None:
        assert self._index is not None
        clashes = self._index.clashes()
        diff = self.model.set_clashes(clashes)
        if diff is None:
            self._counts = Counter(key for clash in clashes for key in clash.occurrences())
            self._publish_clashing(set(self._counts))
        else:
            # How many clashes each event is in, kept up to date from the rows changed.
            counts = self._counts
            removed, added = diff
            for clash in added:
                counts.update(clash.occurrences())
            for clash in removed:
                counts.subtract(clash.occurrences())
            if removed or added:
                gone = {key for clash in removed for key in clash.occurrences()
                        if counts[key] <= 0}
                for key in gone:
                    del counts[key]
                new = {key for clash in added for key in clash.occurrences()}
                if gone or not new <= self._clashing:
                    self._publish_clashing(set(counts))
        self._show_state()

    def _publish_clashing(self, keys: set[OccurrenceKey]) -> None:
        if keys != self._clashing:
            self._clashing = keys
            self.clashing_changed.emit(set(keys))

    def _show_state(self) -> None:
        count = self.model.rowCount()
        if self.checking:
            text = self.tr("Checking the programme for clashes…")
        elif count == 0:
            text = self.tr("No clashes.")
        else:
            text = numerus(self.tr("%n clash(es): click one to show its events.", "", count),
                           count)
        self.status_label.setText(text)
        self.title_changed.emit(self.title())
        self.fit_rows()

    def fit_rows(self) -> None:
        """Make the rows as high as the longest messages need in the list's width (one line
        at least, :data:`MESSAGE_LINES` at most): a list of short clashes is not a column
        of blank space."""
        width = self.view.viewport().width() - 2 * ROW_PADDING
        if width <= 0:
            return
        font = self.view.font()
        longest = heapq.nlargest(FIT_SAMPLE, self.model.messages(), key=len)
        lines = max((_line_count(text, font, width) for text in longest), default=1)
        lines = min(max(lines, 1), MESSAGE_LINES)
        if lines != self.delegate.lines:
            self.delegate.lines = lines
            self.view.verticalHeader().setDefaultSectionSize(self.delegate.row_height(font))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self.fit_rows()
        return super().eventFilter(watched, event)

    # -- the list --

    def _on_clicked(self, index: QModelIndex) -> None:
        clash = self.proxy.data(index, CLASH_ROLE)
        if isinstance(clash, Clash):
            self.clash_activated.emit(clash)

    def _on_opened(self, index: QModelIndex) -> None:
        clash = self.proxy.data(index, CLASH_ROLE)
        if isinstance(clash, Clash):
            self.clash_activated.emit(clash)
            self.clash_opened.emit(clash)

    def _on_kind_chosen(self, index: int) -> None:
        kind = self.kind_combo.itemData(index)
        self.proxy.set_kind(kind if isinstance(kind, str) else None)

    def select_row(self, row: int) -> Clash:
        """Click row ``row`` of the list as it is shown (sorted)."""
        index = self.proxy.index(row, MESSAGE_COLUMN)
        self.view.setCurrentIndex(index)
        self._on_clicked(index)
        clash = self.proxy.data(index, CLASH_ROLE)
        assert isinstance(clash, Clash)
        return clash

    # -- drag preview --

    def preview_for(self, candidate: Event) -> list[tuple[datetime, datetime, str | None]]:
        """Where ``candidate`` (an event as it would be after a drop) would clash: the
        stretches to shade and the venue each is in (``None``: wherever it is shown).
        :attr:`preview_message` says the first of those clashes in words."""
        self.preview_message = ""
        if self._index is None or self._task is not None:
            return []  # an index being rebuilt may be out of date: no guess
        slots = []
        clashes = self._index.clashes_for(candidate)
        if clashes:
            self.preview_message = clashes[0].message
        for clash in clashes:
            start, end = clash.span
            if clash.kind in ("venue", "speaker", "unavailable") and end > start:
                # An unavailable person, like a busy speaker, is busy in every venue.
                slots.append((start, end, clash.venue if clash.kind != "speaker" else None))
                continue
            # Travel, days and capacity concern the dragged event's own occurrence.
            where = clash.events.index(candidate.uid) if candidate.uid in clash.events else 0
            begin = clash.starts[where]
            slots.append((begin, begin + (candidate.end - candidate.start), candidate.venue))
        return slots


def candidate_for(event: Event, origin: tuple[datetime, datetime] | None, start: datetime,
                  end: datetime, venue: str | None) -> Event:
    """``event`` as it would be if the occurrence ``origin`` (start, end) were dropped at
    ``start``–``end`` in ``venue`` (``None``: its own): a repeating event moves as a whole,
    as the grid's drop does."""
    if origin is None:
        origin = (event.start, event.end)
    # Shifted in UTC, as the grid shifts a dropped series, then shown in the event's zone.
    new_start = (event.start.astimezone(UTC) + (start.astimezone(UTC)
                 - origin[0].astimezone(UTC))).astimezone(event.zone)
    new_end = (event.end.astimezone(UTC) + (end.astimezone(UTC)
               - origin[1].astimezone(UTC))).astimezone(event.zone)
    return dataclasses.replace(event, start=new_start, end=new_end,
                               venue=venue or event.venue)


def install(window: Shell) -> ClashPanel:
    """Put a clashes panel into ``window``'s Clashes dock and connect it to the grids."""
    panel = ClashPanel(None, window.window(), lang=window.lang)
    dock: QDockWidget = window.clash_dock
    dock.setWidget(panel)
    dock.setWindowTitle(panel.title())
    panel.title_changed.connect(dock.setWindowTitle)
    grid = window.grid

    def mark(keys: set[OccurrenceKey]) -> None:
        grid.set_clashing(keys)
        mark_agenda()

    def mark_agenda(_index: int = 0) -> None:
        # The agenda is made the first time it is shown: it is marked then too.
        setter = getattr(window.agenda, "set_clashing", None)
        if setter is not None:
            setter(panel.clashing_occurrences())

    def show(clash: Clash) -> None:
        programme = window.document.programme
        uids = [uid for uid in clash.events if uid in programme.events]
        if not uids:
            return
        # The occurrences of repeating events that clash: a change then asks about them.
        chosen = {uid: rid for uid, rid in clash.occurrences() if rid is not None}
        if window.view == "agenda" and window.agenda is not None:
            window.agenda.select_uids(uids, chosen)  # type: ignore[attr-defined]
            return
        when = clash.span[0].astimezone(programme.zone)
        if not programme.first_day <= when.date() <= programme.last_day:
            when = clash.starts[0].astimezone(programme.zone)
        window.go_to_date(when.date())
        grid.select_uids(uids, chosen)
        minutes = when.hour * 60 + when.minute - 30
        grid.verticalScrollBar().setValue(round(max(minutes, 0) * grid.hour_height / 60))
        if grid.mode == "venues" and clash.venue in programme.venues:
            x = grid.x_for(when.date(), clash.venue)
            bar = grid.horizontalScrollBar()
            if not 0 <= x < grid.viewport().width():
                bar.setValue(bar.value() + round(x - grid.viewport().width() / 2))

    def dragged(payload: object) -> None:
        if payload is None:
            panel.preview = []
            grid.set_clash_preview([])
            if panel.preview_message:
                panel.preview_message = ""
                window.statusBar().clearMessage()
            return
        uid, start, end, venue = payload  # type: ignore[misc]
        event = window.document.programme.events.get(uid)
        if event is None:
            # An unscheduled session dragged in from its panel: as it would be placed.
            candidate = grid.session_ghost
            if candidate is None or candidate.uid != uid:
                return
        else:
            origin = grid.dragged_occurrence()
            occurrence = origin[1:] if origin is not None and origin[0] == uid else None
            candidate = candidate_for(event, occurrence, start, end, venue)
        panel.preview = panel.preview_for(candidate)
        grid.set_clash_preview(panel.preview)
        # The clash under the cursor, in words, while the shade shows where it is.
        if panel.preview_message:
            window.statusBar().showMessage(panel.preview_message)
        else:
            window.statusBar().clearMessage()

    panel.clashing_changed.connect(mark)
    panel.clash_activated.connect(show)
    window.views.currentChanged.connect(mark_agenda)
    panel.clash_opened.connect(lambda _clash: window.focus_selection())
    # After a click on a clash, Delete, Ctrl+C/X/V and the Alt+arrow moves act on its
    # events from the list too; the arrows go on through the list.
    window.share_event_keys(panel.view)
    grid.drag_moved.connect(dragged)
    window.document_replaced.connect(panel.set_document)
    panel.set_document(window.document)
    return panel
