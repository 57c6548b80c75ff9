"""The time grid: days (week grid) or the venues of one day (venue grid) as columns.

One widget painted in ``paintEvent`` (KDE's ``Agenda``), with named mappings between time
and place (:meth:`GridView.time_to_y`, :meth:`GridView.y_to_time`, :meth:`GridView.slot_at`).
It never edits data: it emits intents (``move_requested`` and friends) that the window turns
into undo commands.

Only what is visible is painted: the blocks of each column are kept sorted by start with the
column's longest block (:mod:`ui.views.grid_index`), so finding those in the visible hours is
a bisection, and columns outside the viewport are not looked at. Which sub-column a block
takes among overlapping ones comes from :func:`planner.layout.limit_columns`. Columns are
not all alike: a crowded day's column widens until each of its sub-columns holds the start
time and the first word of its title (the others share what is left of the window, and a
horizontal scroll bar appears where the days no longer fit, the time ruler staying put).
Only where even a column as wide as the window cannot hold a cluster at a few letters a
sub-column are the rest of its events counted in a "+N" beside it, whose click lists them.

A block says its start time first, always; then its title, broken between words and cut with
"…" where it does not fit, never a letter or two a line; the whole text is in its tooltip.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from typing import TYPE_CHECKING, Literal, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QStaticText,
    QTextLayout,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QSizePolicy, QToolTip, QWidget

from planner.availability import busy_spans
from planner.layout import band_rows, place, working_hours
from planner.model import Event, Lang, Programme, as_event
from planner.records import compared
from ui.settings import DEFAULT_HOUR_HEIGHT, HOUR_HEIGHTS
from ui.tooltips import plain_tooltip
from ui.views.grid_index import (
    MINUTES_PER_DAY,
    BandItem,
    Block,
    GridIndex,
    Key,
    Limits,
    MoreBlock,
    day_parts,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QMenu

T = TypeVar("T")
Mode = Literal["week", "day", "venues"]

# What the Unscheduled panel's list puts in a drag: the session's UID, as UTF-8.
SESSION_MIME = "application/x-programme-planner-session"

# More days than this make the week grid show one week at a time.
MAX_DAYS_AT_ONCE = 9
PAGE_DAYS = 7
RESIZE_HANDLE = 5.0
MIN_COLUMN_WIDTH = {"week": 120.0, "day": 120.0, "venues": 150.0}
RIGHT_GAP = 8.0  # free space right of the blocks in a column, to double-click on
# A block dragged this close to an edge of the days (left, right, top or bottom) scrolls the
# grid that way (by EDGE_STEP pixels every EDGE_INTERVAL ms), so that it can go to a day or
# an hour out of view.
EDGE_ZONE = 28.0
EDGE_STEP = 24
EDGE_INTERVAL = 30
MAX_CACHED_TEXTS = 4096  # blocks whose laid-out text is kept (a few screens' worth)
CHANGED_MARK = 9.0  # the folded corner of a changed occurrence, at most (px)
# The all-day band shows at most this many rows; the last says "+N more" where it must,
# so that a festival's many exhibitions never push the hours out of the window.
MAX_BAND_ROWS = 4
OVERFLOW_TIP_LINES = 15  # titles a "+N more" tooltip lists
# A sub-column is never narrower than the start time and this many average characters of
# a title (with the block's padding): where more events overlap than fit side by side at
# that width, the rest of them are gathered into "+N" (see planner.layout.limit_columns).
LANE_CHARACTERS = 5
# A column widens so that each of its sub-columns shows the first word of its block's
# title, but never for more than this many average characters: a longer word is cut "…".
READABLE_CHARACTERS = 24
CLASH_RED = QColor("#d32f2f")
CANCELLED_FILL = QColor("#eeeeee")
CANCELLED_EDGE = QColor("#9e9e9e")
_TEXT = QColor("#1b1b1b")
_CANCELLED_TEXT = QColor("#6d6d6d")
_WHERE_TEXT = QColor("#4a4a4a")
_MORE_FILL = QColor("#f1f3f4")
_BADGE_FILL = QColor(32, 33, 36, 220)  # the time a drop would give, beside the ghost
_MORE_EDGE = QColor("#9aa0a6")
# Titles break between words (and after hyphens), never inside a word: a word too long for
# its line is cut with an ellipsis instead.
_WORD_WRAP = QTextOption()
_WORD_WRAP.setWrapMode(QTextOption.WrapMode.WordWrap)
# Inside a block: left (past the track's edge), top, right, bottom padding of its text.
_PAD = (7.0, 2.0, 3.0, 2.0)


@compared
@dataclass(slots=True, repr=False, eq=False)
class _BlockText:
    """A block's text as laid out for one version of its event and one block size."""

    event: Event
    shape: tuple[float, float, datetime, bool, bool]  # width, height, end, starred, cancelled
    lines: list[tuple[QFont, QColor, QPointF, QStaticText]]


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Slot:
    """A place in the grid: a (snapped) start time, its day, and the venue of its column
    in the venue grid (else ``None``)."""

    start: datetime
    day: date
    venue: str | None


class GridView(QAbstractScrollArea):
    """The week grid or the venue grid of one day. Signals carry intents, never edits."""

    move_requested = Signal(str, object, object)  # uid, new start (aware), venue or None
    resize_requested = Signal(str, object)  # uid, new end (aware)
    create_requested = Signal(object, object)  # start (aware), venue or None
    edit_requested = Signal(str)
    delete_requested = Signal(list)
    selection_changed = Signal(list)
    date_changed = Signal(object)  # the day shown (venue grid) or first day shown (week)
    zoom_changed = Signal(int)
    # While a block is dragged: uid, where it would start and end, and the venue (or None).
    # A clash panel can answer with set_clash_preview(); None when the drag ends.
    drag_moved = Signal(object)
    day_activated = Signal(object)  # a day's heading double-clicked in the week grid
    # An unscheduled session dropped on the grid (from the Unscheduled panel): its uid,
    # the slot's start (aware) and the venue of the column (None in the week grid).
    session_dropped = Signal(str, object, object)
    # A Ctrl+drag dropped: uid, start of the copy (aware), venue, and of a repeating event
    # the RECURRENCE-ID of the occurrence dragged (its copy is a single event), else None.
    copy_requested = Signal(str, object, object, object)
    # A block of a repeating event dropped or resized: uid, the occurrence's RECURRENCE-ID,
    # where it would start and end, and the venue (or None). The window asks whether the
    # change is for this occurrence or the whole series.
    occurrence_change_requested = Signal(str, object, object, object, object)
    # A right click (or the menu key): where to pop the menu up (global), and the slot
    # under it (None on an event outside the time grid, e.g. in the all-day band).
    context_menu_requested = Signal(object, object)

    def __init__(self, programme: Programme, parent: QWidget | None = None, *,
                 lang: Lang = "en", mode: Mode = "week") -> None:
        super().__init__(parent)
        self.setObjectName("grid")
        self._programme = programme
        self._lang: Lang = lang
        self._mode: Mode = mode
        self._hour_height = float(DEFAULT_HOUR_HEIGHT)  # the zoom asked for
        self._px = self._hour_height  # pixels an hour takes: more where the hours fill
        # The hours shown (minutes): None for the hours the programme's events need.
        self._hours_wanted: tuple[int, int] | None = (0, MINUTES_PER_DAY)
        self._hours: tuple[int, int] = (0, MINUTES_PER_DAY)
        self._programme_hours: tuple[int, int] | None = None
        self._hide_empty_venues = False
        self._snap = 15
        self._second_zone: ZoneInfo | None = ZoneInfo("Europe/Berlin")
        self._starred: set[str] = set()
        self._clashing: set[tuple[str, datetime | None]] = set()
        self._clashing_uids: set[str] = set()
        # Of selected repeating events, the occurrence chosen outside the grid (uid -> its
        # RECURRENCE-ID); one clicked here is the cursor's.
        self._chosen: dict[str, datetime] = {}
        self._clash_preview: list[tuple[datetime, datetime, str | None]] = []
        # A plan shown before it is applied: events as they would be, painted as ghosts.
        self._plan_preview: list[Event] = []
        # An unscheduled session dragged over the grid: the event it would become at the
        # slot under the mouse, painted as a ghost like the plan's.
        self._session_ghost: Event | None = None
        # When each venue cannot be booked (its availability), for the venue grid's shade.
        self._venue_busy: dict[str, list[tuple[float, float]]] = {}
        self._selected: list[str] = []
        self._day = programme.first_day
        self._now: Callable[[], datetime] = lambda: datetime.now(UTC)
        self._press: _Press | None = None
        self._drag: _Drag | None = None
        self._colours: dict[str, tuple[QColor, QColor, QColor]] = {}
        self._index = GridIndex(programme.zone, programme.window)
        self._band_cache: tuple[tuple[Key, ...], list[tuple[BandItem, int, int]], int] | None
        self._band_cache = None
        self._keys_cache: list[Key] | None = None
        self._texts: dict[tuple[str, datetime, Key], _BlockText] = {}
        self._list_menu: QMenu | None = None
        self._slot: Slot | None = None  # the empty slot clicked last (where to paste)
        self._hover: QPointF | None = None  # the mouse over the viewport
        # The block the keyboard goes on from: (uid, column, its occurrence's RECURRENCE-ID,
        # or its start for a single event).
        self._cursor: tuple[str, Key, datetime] | None = None

        # A viewport of our own making (see viewport()).
        self._vp = QWidget()
        self.setViewport(self._vp)
        # Sessions from the Unscheduled panel are dropped here (the scroll area hands the
        # viewport's drag events to dragEnterEvent and friends).
        self._vp.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self._vp.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalScrollBar().setSingleStep(20)
        self.horizontalScrollBar().setSingleStep(40)
        self._base_font = QFont(self.font())
        self._title_font = QFont(self.font())
        self._title_font.setBold(True)
        self._small_font = QFont(self.font())
        self._small_font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.88))
        self._small_bold = QFont(self._small_font)
        self._small_bold.setBold(True)
        self._header_font = QFont(self.font())
        self._header_font.setBold(True)
        # Metrics are asked for on every block painted: made once.
        self._small_metrics = QFontMetricsF(self._small_font)
        self._bold_metrics = QFontMetricsF(self._title_font)
        self._header_metrics = QFontMetricsF(self._header_font)
        self._small_bold_metrics = QFontMetricsF(self._small_bold)
        # The narrowest sub-column: a start time, or the first few letters of a title.
        self._min_lane = _PAD[0] + _PAD[2] + 2 + max(
            self._small_metrics.horizontalAdvance("00:00"),
            self._bold_metrics.averageCharWidth() * LANE_CHARACTERS)
        self._word_widths: dict[tuple[str, bool], float] = {}  # (word, one line): width
        self._first_words: dict[str, str] = {}  # by uid, in the language shown
        # The width each column needs, and what it was worked out for (its layout, the
        # language, the zoom): a festival's day has thousands of blocks to measure.
        self._needs: dict[Key, tuple[tuple[object, ...], float]] = {}
        # Each column's width and left edge (in the scrolled content), for the keys shown.
        self._widths: list[float] = []
        self._lefts: list[float] = []
        self._widths_for: tuple[Key, ...] | None = None
        # The "+N" lane beside a crowded cluster's sub-columns: narrow, as it says little.
        self._more_width = self._small_bold_metrics.horizontalAdvance("+9") + 7
        # The shortest block: one line of small text (a 15-minute talk shows its time).
        self._min_block = self._small_metrics.height() + 3
        self._edge_timer = QTimer(self)
        self._edge_timer.setInterval(EDGE_INTERVAL)
        self._edge_timer.timeout.connect(self._scroll_at_edge)
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self._vp.update)
        self._clock.start()
        self._rebuild()

    def viewport(self) -> QWidget:
        """The widget the grid paints on. Made by the grid and kept: asking Qt for the one
        it made has PySide look the object's type up among the widget classes, which
        creates a few dozen of their Python types (about 5 ms of the window's start-up)."""
        return self._vp

    # -- data -----------------------------------------------------------------------------

    @property
    def programme(self) -> Programme:
        return self._programme

    def set_programme(self, programme: Programme) -> None:
        """Show ``programme`` anew (a full reset)."""
        self._programme = programme
        self._venue_busy.clear()
        if not programme.first_day <= self._day <= programme.last_day:
            self._day = programme.first_day
        self._selected = [u for u in self._selected if u in programme.events]
        self._rebuild()

    def update_events(self, changes: object) -> None:
        """Bring the changed events (a :class:`planner.store.Changes`) up to date."""
        programme = self._programme
        events = getattr(changes, "events", set()) | getattr(changes, "removed_events", set())
        if getattr(changes, "meta", False) or getattr(changes, "tracks", None):
            # New days or track colours touch everything.
            self._colours.clear()
            self.set_programme(programme)
            return
        for uid in events:
            self._index.remove(uid)
            self._first_words.pop(uid, None)
            event = programme.events.get(uid)
            if event is not None:
                self._index.add(event)
        if self._programme_hours is not None:
            # The programme's hours grow with an event outside them at once; they shrink
            # when the programme is shown anew (not worth a look at every event per edit).
            first, last = self._programme_hours
            if any(top < first or bottom > last for uid in events
                   for top, bottom in self._index.spans(uid)):
                self._programme_hours = None
        if getattr(changes, "venues", None):
            self._keys_cache = None  # the venue grid's columns
            self._venue_busy.clear()  # their availability may have changed
            self._texts.clear()  # blocks name their venue
        elif events and self._hide_empty_venues:
            self._keys_cache = None  # a venue may have got its first event, or lost its last
        before = list(self._selected)
        self._selected = [u for u in self._selected if u in programme.events]
        self._band_cache = None
        self._update_scrollbars()
        self._vp.update()
        if before != self._selected:
            self.selection_changed.emit(list(self._selected))

    def _rebuild(self) -> None:
        shown = self._index.shown  # the filter stays across a rebuild
        self._index = GridIndex(self._programme.zone, self._programme.window)
        self._index.set_shown(shown)
        self._band_cache = None
        self._keys_cache = None
        self._programme_hours = None
        self._texts.clear()
        self._first_words.clear()
        self._needs.clear()
        for event in self._programme.events.values():
            self._index.add(event)
        self._update_scrollbars()
        self._vp.update()

    # -- hooks for other panels -----------------------------------------------------------

    def set_filter(self, uids: Iterable[str] | None) -> None:
        """Show only these events (``None``: all). Nothing is rebuilt: the columns in view
        work out what they show when next painted."""
        self._index.set_shown(None if uids is None else set(uids))
        self._band_cache = None
        if self._hide_empty_venues:
            self._keys_cache = None
        self._update_scrollbars()
        self._vp.update()

    def set_starred(self, uids: Iterable[str]) -> None:
        self._starred = set(uids)
        self._vp.update()

    def set_clashing(self, occurrences: Iterable[tuple[str, datetime | None]]) -> None:
        """Occurrences to outline in red (they clash with another), as ``(uid,
        RECURRENCE-ID)``: of a repeating event only those; ``(uid, None)`` for a single
        event, or every occurrence of a series
        (:func:`planner.conflicts.clashing_occurrences`)."""
        self._clashing = set(occurrences)
        self._clashing_uids = {uid for uid, _ in self._clashing}
        self._vp.update()

    def clashes(self, uid: str, recurrence_id: datetime | None = None) -> bool:
        """Whether event ``uid`` (its occurrence at ``recurrence_id``, of a repeating
        event) is outlined as clashing."""
        if uid not in self._clashing_uids:
            return False
        return (uid, None) in self._clashing or (uid, recurrence_id) in self._clashing

    def set_plan_preview(self, events: Iterable[Event]) -> None:
        """Show ``events`` (placed sessions and moved events, as a plan would make them) as
        ghost blocks where they would go; an empty list ends the preview."""
        self._plan_preview = list(events)
        self._programme_hours = None
        self._update_scrollbars()
        self._vp.update()

    @property
    def plan_preview(self) -> list[Event]:
        return list(self._plan_preview)

    def set_clash_preview(self, slots: Iterable[tuple[datetime, datetime, str | None]]) -> None:
        """Stretches of time to shade in red while dragging (where a drop would clash);
        a venue of ``None`` shades the whole day column."""
        self._clash_preview = list(slots)
        self._vp.update()

    def dragged_occurrence(self) -> tuple[str, datetime, datetime] | None:
        """While a block is dragged: its event's UID and the start and end the occurrence
        had before the drag (to tell how a repeating event's series would move)."""
        drag = self._drag
        if drag is None:
            return None
        return drag.block.uid, drag.block.start, drag.block.end

    def set_now_provider(self, now: Callable[[], datetime]) -> None:
        self._now = now
        self._vp.update()

    # -- view settings --------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return self._mode

    def set_mode(self, mode: Mode) -> None:
        """Show the week grid, one day, or the venues of one day (which opens on the
        day's first event)."""
        changed = mode != self._mode
        self._mode = mode
        self._band_cache = None
        self._keys_cache = None
        self._texts.clear()  # the venue grid's blocks name their track, not their venue
        self._update_scrollbars()
        if changed and mode != "week":
            self.scroll_to_first_event()
        self._vp.update()

    def set_language(self, lang: Lang) -> None:
        self._lang = lang
        self._texts.clear()
        self._first_words.clear()
        self._update_scrollbars()  # the titles' first words, which columns widen for
        self._vp.update()

    @property
    def day(self) -> date:
        return self._day

    def set_date(self, day: date) -> None:
        """Show ``day``: the venue grid shows that day; the week grid the page holding it."""
        programme = self._programme
        day = min(max(day, programme.first_day), programme.last_day)
        if day == self._day:
            return
        self._day = day
        self._band_cache = None
        self._keys_cache = None
        self._update_scrollbars()
        if self._mode != "week":
            self.scroll_to_first_event()  # another day: its first event in view
        self._vp.update()
        self.date_changed.emit(day)

    def step_date(self, steps: int) -> None:
        """Next or previous day (day and venue grids) or page of days (week grid)."""
        if self._mode != "week":
            self.set_date(self._day + timedelta(days=steps))
        else:
            days = self.days()
            self.set_date(days[0] + timedelta(days=steps * len(days)))

    def set_snap(self, minutes: int) -> None:
        self._snap = max(1, int(minutes))

    @property
    def snap(self) -> int:
        return self._snap

    def set_second_zone(self, name: str | None) -> None:
        self._second_zone = ZoneInfo(name) if name else None
        self._vp.update()

    @property
    def hour_height(self) -> float:
        """Pixels an hour takes now: the zoom, or more where the hours shown fill the
        view at a smaller one."""
        return self._px

    @property
    def zoom(self) -> float:
        """The hour height asked for (View > Zoom, Ctrl+wheel): what is remembered."""
        return self._hour_height

    def set_hours(self, hours: tuple[int, int] | None) -> None:
        """Show the hours from ``hours[0]`` to ``hours[1]`` (minutes after midnight) of
        each day, or with None the hours the programme's events need (from the first
        start to the last end, :func:`planner.layout.working_hours`). An event outside
        them is drawn at their edge, marked with an arrow."""
        if hours is not None:
            first, last = sorted(min(max(int(h), 0), MINUTES_PER_DAY) for h in hours)
            hours = (first, last) if last > first else (0, MINUTES_PER_DAY)
        self._hours_wanted = hours
        self._update_scrollbars()
        self._vp.update()

    def programme_hours(self) -> tuple[int, int]:
        """The hours the programme's events need (minutes after midnight)."""
        if self._programme_hours is None:
            spans = list(self._index.spans())
            # A previewed plan's events count too: a ghost at 09:00 is not hidden above
            # hours that start at 10:00.
            for event in self._plan_preview:
                spans.extend((top, bottom) for _, top, bottom, _, _ in day_parts(
                    event.start, event.end, self._programme.zone))
            self._programme_hours = working_hours(spans)
        return self._programme_hours

    def shown_hours(self) -> tuple[int, int]:
        """The hours the grid shows (minutes after midnight)."""
        return self._hours

    def set_hour_height(self, height: float, anchor_y: float | None = None) -> None:
        """Zoom so that an hour is ``height`` pixels, keeping the time at ``anchor_y``."""
        height = min(max(float(height), HOUR_HEIGHTS[0]), HOUR_HEIGHTS[-1])
        if height == self._hour_height:
            return
        anchor = self._grid_top() + 10 if anchor_y is None else anchor_y
        minutes = self._y_to_minutes(anchor)
        self._hour_height = height
        self._update_scrollbars()
        offset = minutes * self._px / 60 - (anchor - self._grid_top())
        self.verticalScrollBar().setValue(round(offset))
        self._vp.update()
        self.zoom_changed.emit(int(height))

    def zoom_in(self) -> None:
        bigger = [h for h in HOUR_HEIGHTS if h > self._px]
        if bigger:
            self.set_hour_height(bigger[0])

    def zoom_out(self) -> None:
        smaller = [h for h in HOUR_HEIGHTS if h < self._hour_height]
        if smaller:
            self.set_hour_height(smaller[-1])

    # -- columns --------------------------------------------------------------------------

    def days(self) -> list[date]:
        """The days the grid shows now (one, in the day and venue grids)."""
        if self._mode != "week":
            return [self._day]
        return [day for day, _ in self.keys()]

    def keys(self) -> list[Key]:
        """The columns, left to right."""
        if self._keys_cache is None:
            programme = self._programme
            if self._mode == "venues":
                venues = list(programme.venues)
                if self._hide_empty_venues:
                    venues = [v for v in venues if self._venue_has_events(v)] or venues
                self._keys_cache = [(self._day, vid) for vid in venues]
            elif self._mode == "day":
                self._keys_cache = [(self._day, None)]
            else:
                all_days = programme.days
                if len(all_days) > MAX_DAYS_AT_ONCE:
                    page = (self._day - programme.first_day).days // PAGE_DAYS
                    all_days = all_days[page * PAGE_DAYS:(page + 1) * PAGE_DAYS]
                self._keys_cache = [(day, None) for day in all_days]
        return self._keys_cache

    def _venue_has_events(self, venue: str) -> bool:
        """Whether the venue grid's day has an event (that the filter shows) at ``venue``."""
        day = self._day
        column = self._index.column((day, venue))
        if column is not None and column.blocks:
            return True
        return any(item.venue == venue and item.first <= day <= item.last
                   for item in self._index.band_items())

    @property
    def hides_empty_venues(self) -> bool:
        return self._hide_empty_venues

    def set_hide_empty_venues(self, hide: bool) -> None:
        """In the venue grid, leave out the venues with nothing on the day (while some
        venue has something)."""
        self._hide_empty_venues = bool(hide)
        self._columns_changed()

    def _columns_changed(self) -> None:
        if self._mode == "venues":
            self._keys_cache = None
            self._band_cache = None
            self._update_scrollbars()
            self._vp.update()

    def _ruler_width(self) -> float:
        return 58.0 + (50.0 if self._second_zone is not None else 0.0)

    def _header_height(self) -> float:
        if self._mode == "venues":  # a venue's name on up to two lines, its address below
            return self._header_metrics.height() * 2 + self._small_metrics.height() + 12
        return self._header_metrics.height() * 2 + 12

    def heading(self, index: int) -> tuple[list[str], str]:
        """What column ``index``'s heading says, as painted: the lines of its first part
        (the weekday, or a venue's name broken between words onto at most two lines and
        cut with "…" beyond) and its second line (the date, or the venue's address)."""
        day, venue_id = self.keys()[index]
        room = self.column_width(index) - 8
        if venue_id is None:
            second = _date_text(day)
            if self._small_metrics.horizontalAdvance(second) > room:
                second = _day_month(day)  # "3 апреля" where "3 апреля 2019 г." is too long
            return [self._header_metrics.elidedText(_weekday_name(day),
                                                    Qt.TextElideMode.ElideRight, room)], \
                self._small_metrics.elidedText(second, Qt.TextElideMode.ElideRight, room)
        venue = self._programme.venues[venue_id]
        name = _wrap_words(venue.name.get(self._lang), self._header_font, self._header_metrics,
                           room, 2)
        return name, self._small_metrics.elidedText(venue.address or venue_id,
                                                    Qt.TextElideMode.ElideRight, room)

    def heading_tooltip(self, index: int) -> str:
        """The whole of column ``index``'s heading (a venue's full name and address), as
        plain text; empty for a day, whose heading is never cut."""
        day, venue_id = self.keys()[index]
        if venue_id is None:
            return ""
        venue = self._programme.venues[venue_id]
        return "\n".join(part for part in (venue.name.get(self._lang), venue.address) if part)

    def _band_height(self) -> float:
        _, _, rows = self._band()
        band = min(max(rows, 1), MAX_BAND_ROWS) * self._band_row_height() + 6
        # The rulers' zone names (two lines) sit beside the band, above the first hour.
        return max(band, self._small_metrics.height() * 2 + 6)

    def _band_row_height(self) -> float:
        return self._small_metrics.height() + 6

    def _grid_top(self) -> float:
        return self._header_height() + self._band_height()

    def _free_width(self) -> float:
        """The width the columns have in view (right of the ruler)."""
        return max(self._vp.width() - self._ruler_width(), 0.0)

    def _column_layout(self) -> tuple[list[float], list[float]]:
        """Each shown column's width and left edge in the scrolled content."""
        if self._widths_for != tuple(self.keys()):
            self._lay_out_columns()
        return self._widths, self._lefts

    def _lay_out_columns(self) -> None:
        """Work out the columns' widths: each as wide as its blocks need to be readable
        side by side (never wider than the view), the rest of the view shared so that the
        narrowest grow first (alike where no day is crowded)."""
        keys = self.keys()
        free = self._free_width()
        least = max(MIN_COLUMN_WIDTH[self._mode],
                    self._min_lane + self._more_width + RIGHT_GAP + 2)
        most = max(free, least)
        index = self._index
        needs = []
        for key in keys:
            index.set_column_limits(key, None)
            need = self._width_needed(key)
            if need > most:
                # Too crowded for a column as wide as the view at the general limits: keep
                # as many side by side as show their titles' first words, the rest "+N".
                column = index.column(key)
                lane = max((self._lane_needed(b) for b in column.blocks), default=0.0) if (
                    column is not None) else 0.0
                usable = most - RIGHT_GAP - 2
                index.set_column_limits(key, dataclasses.replace(
                    index.limits, columns=max(int(usable // lane), 1),
                    kept=max(int((usable - self._more_width) // lane), 1)))
                need = self._width_needed(key)
            needs.append(min(max(need, least), most))
        self._widths = _share(needs, free)
        self._lefts = list(accumulate(self._widths, initial=0.0))[:-1]
        self._widths_for = tuple(keys)

    def _width_needed(self, key: Key) -> float:
        """How wide column ``key`` must be for each of its sub-columns to show the start
        time and the first word of its block's title (as laid out for the current limits)."""
        column = self._index.laid_out(key)
        if column is None or not column.placed:
            return 0.0
        made_for = (id(column), column.layouts, self._lang, self._px)
        cached = self._needs.get(key)
        if cached is not None and cached[0] == made_for:
            return cached[1]
        need = 0.0
        for block in column.placed:
            lane = self._lane_needed(block)
            need = max(need, block.columns * lane + (self._more_width if block.more else 0.0))
        need += RIGHT_GAP + 2
        self._needs[key] = (made_for, need)
        return need

    def _lane_needed(self, block: Block) -> float:
        """The sub-column width in which ``block`` shows its start time and the first word
        of its title: beside the time where the block is one line tall, else under it."""
        word = self._first_words.get(block.uid) if block.occurrence is None else None
        if word is None:
            event = block.occurrence or self._programme.events.get(block.uid)
            words = event.title.get(self._lang).split() if event is not None else []
            word = words[0] if words else ""
            if "-" in word[:-1]:
                word = word[:word.index("-") + 1]  # titles break after a hyphen ("Kick-|off")
            # (Not with a star before it: starring an event must not make the week reflow.)
            if block.occurrence is None:
                self._first_words[block.uid] = word
        top = block.view_top if block.view_top is not None else block.top
        bottom = block.view_bottom if block.view_bottom is not None else block.bottom
        height = (bottom - top) * self._px / 60 - 1 - _PAD[1] - _PAD[3]
        one_line = height < self._small_metrics.height() + self._bold_metrics.height()
        width = self._word_widths.get((word, one_line))
        if width is None:
            cap = self._bold_metrics.averageCharWidth() * READABLE_CHARACTERS
            time_w = self._small_metrics.horizontalAdvance("00:00")
            if one_line:
                width = time_w + self._small_metrics.horizontalAdvance(" ") + min(
                    self._small_bold_metrics.horizontalAdvance(word), cap)
            else:
                width = max(time_w, min(self._bold_metrics.horizontalAdvance(word), cap))
            self._word_widths[(word, one_line)] = width
        return max(width + _PAD[0] + _PAD[2] + 3, self._min_lane)

    def column_width(self, index: int) -> float:
        """The width of column ``index``."""
        return self._column_layout()[0][index]

    def content_width(self) -> float:
        """The width of all the shown columns together (scrolled where it is wider than
        the view)."""
        widths, lefts = self._column_layout()
        return lefts[-1] + widths[-1] if widths else 0.0

    def column_left(self, index: int) -> float:
        """The x of column ``index``'s left edge, in viewport coordinates."""
        scroll = self.horizontalScrollBar().value()
        return self._ruler_width() + self._column_layout()[1][index] - scroll

    def column_at(self, x: float) -> int | None:
        """The index of the column under ``x``, or ``None`` (ruler, beyond the last)."""
        if x < self._ruler_width():
            return None
        return self._column_at_content(x - self._ruler_width()
                                       + self.horizontalScrollBar().value())

    def _column_at_content(self, x: float) -> int | None:
        widths, lefts = self._column_layout()
        index = bisect.bisect_right(lefts, x) - 1
        if 0 <= index < len(widths) and x < lefts[index] + widths[index]:
            return index
        return None

    # -- time <-> place -------------------------------------------------------------------

    def time_to_y(self, when: datetime) -> float:
        """The y (viewport coordinates) of ``when``'s time of day, in the programme's zone."""
        local = when.astimezone(self._programme.zone)
        minutes = local.hour * 60 + local.minute + local.second / 60
        return self._minutes_to_y(minutes)

    def _minutes_to_y(self, minutes: float) -> float:
        return (self._grid_top() + minutes * self._px / 60
                - self.verticalScrollBar().value())

    def _y_to_minutes(self, y: float) -> float:
        return (y - self._grid_top() + self.verticalScrollBar().value()) * 60 / self._px

    def y_to_time(self, y: float, day: date) -> datetime:
        """The instant at ``y`` on ``day`` (not snapped), in the programme's zone."""
        minutes = min(max(self._y_to_minutes(y), 0.0), float(MINUTES_PER_DAY))
        return self._at(day, minutes)

    def _at(self, day: date, minutes: float) -> datetime:
        zone = self._programme.zone
        midnight = datetime.combine(day, time(0))
        return (midnight + timedelta(minutes=minutes)).replace(tzinfo=zone)

    def x_for(self, day: date, venue: str | None = None) -> float:
        """The x of the middle of the column for ``day`` (and ``venue``); for tests and
        for scrolling to a column."""
        key: Key = (day, venue if self._mode == "venues" else None)
        index = self.keys().index(key)
        return self.column_left(index) + self.column_width(index) / 2

    def slot_at(self, point: QPoint | QPointF) -> Slot | None:
        """The snapped slot under ``point`` in the time grid, or ``None`` outside it."""
        x, y = float(point.x()), float(point.y())
        if y < self._grid_top() or y >= self._vp.height():
            return None
        index = self.column_at(x)
        if index is None:
            return None
        day, venue = self.keys()[index]
        minutes = self._snapped(self._y_to_minutes(y), down=True)
        first, last = self._hours
        if not first <= minutes < last:
            return None  # below the last hour shown
        minutes = min(max(minutes, 0.0), float(MINUTES_PER_DAY - self._snap))
        return Slot(self._at(day, minutes), day, venue)

    def _snapped(self, minutes: float, down: bool = False) -> float:
        step = self._snap
        if down:
            return float(int(minutes // step) * step)
        return float(round(minutes / step) * step)

    # -- blocks ---------------------------------------------------------------------------

    def _visible_range(self) -> tuple[float, float]:
        first, last = self._hours
        top = self._y_to_minutes(self._grid_top())
        bottom = self._y_to_minutes(self._vp.height())
        return max(top, first), min(bottom, last)

    def _block_rect(self, block: Block, index: int) -> QRectF:
        return next(self._column_rects(index, (block,)))[1]

    def _column_geometry(self, index: int) -> tuple[float, float, float, float]:
        """Column ``index``'s left edge for blocks, the width they share, the y of its
        midnight, and pixels per minute."""
        return (self.column_left(index) + 2, self.column_width(index) - RIGHT_GAP - 2,
                self._grid_top() - self.verticalScrollBar().value(), self._px / 60)

    def _column_rects(self, index: int,
                      blocks: Iterable[Block]) -> Iterator[tuple[Block, QRectF]]:
        """``blocks`` of column ``index`` with their rectangles; the column's geometry is
        worked out once, not per block (a festival's week has thousands in view)."""
        left, usable, origin, scale = self._column_geometry(index)
        limits = self._index.limits
        crowded = usable - self._more_width
        for block in blocks:
            sub = (crowded if block.more else usable) / block.columns
            top, bottom = ((block.view_top, block.view_bottom) if block.view_top is not None
                           and block.view_bottom is not None
                           else limits.view(block.top, block.bottom))
            yield block, QRectF(left + block.column * sub, origin + top * scale,
                                sub * block.span - 2, (bottom - top) * scale - 1)

    def _more_rects(self, index: int,
                    groups: Iterable[MoreBlock]) -> Iterator[tuple[MoreBlock, QRectF]]:
        """The "+N" groups of column ``index`` with their rectangles, right of the blocks."""
        left, usable, origin, scale = self._column_geometry(index)
        for group in groups:
            yield group, QRectF(left + usable - self._more_width, origin + group.top * scale,
                                self._more_width - 2,
                                max((group.bottom - group.top) * scale, self._min_block) - 1)

    def visible_more(self) -> list[tuple[MoreBlock, QRectF]]:
        """The "+N" groups in view with their rectangles."""
        return self._in_view(self._index.visible_more, self._more_rects)

    def more_at(self, point: QPoint | QPointF) -> MoreBlock | None:
        """The "+N" group under ``point``, or ``None``."""
        pt = QPointF(point)
        if pt.y() < self._grid_top():
            return None
        for group, rect in self.visible_more():
            if rect.contains(pt):
                return group
        return None

    def _visible_columns(self) -> range:
        widths, lefts = self._column_layout()
        scroll = self.horizontalScrollBar().value()
        first = max(bisect.bisect_right(lefts, scroll) - 1, 0)
        last = bisect.bisect_left(lefts, scroll + self._free_width())
        return range(first, min(last, len(widths)))

    def visible_blocks(self) -> list[tuple[Block, QRectF]]:
        """The blocks in view with their rectangles, in paint order."""
        ghosts = self._ghost_blocks(self.keys())
        return self._in_view(lambda key, first, last: self._laid_out(key, first, last, ghosts),
                             self._column_rects)

    def _laid_out(self, key: Key, first: float, last: float,
                  ghosts: dict[Key, list[tuple[Block, Event]]]) -> list[Block]:
        """The blocks of column ``key`` in view, in lanes beside its ghosts, if any."""
        visible = self._index.visible(key, first, last)
        return _beside_ghosts(visible, ghosts[key]) if key in ghosts else visible

    def ghost_rects(self) -> list[tuple[Event, QRectF]]:
        """The ghost blocks in view (a previewed plan, a session dragged in) with their
        rectangles, as painted."""
        keys = self.keys()
        ghosts = self._ghost_blocks(keys)
        first, last = self._visible_range()
        for key in ghosts:
            self._laid_out(key, first, last, ghosts)
        return [(event, rect) for _, event, rect in self._ghost_rects(keys, ghosts)]

    def _ghost_rects(self, keys: list[Key], ghosts: dict[Key, list[tuple[Block, Event]]]
                     ) -> Iterator[tuple[Block, Event, QRectF]]:
        shown = set(self._visible_columns())
        for key, parts in ghosts.items():
            index = keys.index(key)
            if index not in shown:
                continue
            for block, event in parts:
                for _, rect in self._column_rects(index, (block,)):
                    yield block, event, rect

    def _in_view(self, find: Callable[[Key, float, float], list[T]],
                 place: Callable[[int, list[T]], Iterator[tuple[T, QRectF]]],
                 ) -> list[tuple[T, QRectF]]:
        """What ``find`` has in view in each visible column, placed by ``place``."""
        keys = self.keys()
        first, last = self._visible_range()
        result = []
        for index in self._visible_columns():
            result.extend(place(index, find(keys[index], first, last)))
        return result

    def shown_text(self, uid: str, key: Key | None = None) -> list[str]:
        """The lines of text the first visible occurrence of ``uid`` (in column ``key``,
        if given) shows (none when it is not in view), as painted."""
        for block, rect in self.visible_blocks():
            if block.uid == uid and (key is None or block.key == key):
                event = block.occurrence or self._programme.events[uid]
                cached = self._block_text(event, block, _inner(rect),
                                          event.status == "cancelled", ghost=False)
                return [] if cached is None else [text.text() for *_, text in cached.lines]
        return []

    def block_rect(self, uid: str) -> QRectF | None:
        """The rectangle of the first visible occurrence of ``uid``, or ``None``."""
        for block, rect in self.visible_blocks():
            if block.uid == uid:
                return rect
        return None

    def block_at(self, point: QPoint | QPointF) -> Block | None:
        pt = QPointF(point)
        if pt.y() < self._grid_top():
            return None
        # Topmost first: later blocks are painted over earlier ones.
        for block, rect in reversed(self.visible_blocks()):
            if rect.contains(pt):
                return block
        return None

    def band_item_at(self, point: QPoint | QPointF) -> BandItem | None:
        pt = QPointF(point)
        for item, rect in self._band_rects():
            if rect.contains(pt):
                return item
        return None

    def _band(self) -> tuple[tuple[Key, ...], list[tuple[BandItem, int, int]], int]:
        """Band items on the shown columns: (item, first column, last column), row count."""
        keys = tuple(self.keys())
        if self._band_cache is not None and self._band_cache[0] == keys:
            return self._band_cache
        placed: list[tuple[BandItem, int, int]] = []
        if self._mode == "venues":
            day = self._day
            columns = {vid: n for n, (_, vid) in enumerate(keys)}
            for item in self._index.band_items():
                if item.first <= day <= item.last and item.venue in columns:
                    placed.append((item, columns[item.venue], columns[item.venue]))
        else:
            days = [d for d, _ in keys]
            if days:
                for item in self._index.band_items():
                    if item.last < days[0] or item.first > days[-1]:
                        continue
                    first = max((item.first - days[0]).days, 0)
                    last = min((item.last - days[0]).days, len(days) - 1)
                    placed.append((item, first, last))
        placed.sort(key=lambda t: (t[1], t[0].start, t[0].uid))
        rows, count = band_rows([(n, f, last) for n, (_, f, last) in enumerate(placed)])
        for n, (item, _, _) in enumerate(placed):
            item.row = rows[n]
        self._band_cache = (keys, placed, count)
        return self._band_cache

    def _band_rects(self) -> list[tuple[BandItem, QRectF]]:
        """The band items shown, with their rectangles (rows past the band's room are
        left out: see :meth:`band_overflow`)."""
        _, placed, rows = self._band()
        shown_rows = rows if rows <= MAX_BAND_ROWS else MAX_BAND_ROWS - 1
        top = self._header_height() + 3
        height = self._band_row_height()
        result = []
        for item, first, last in placed:
            if item.row >= shown_rows:
                continue
            x = self.column_left(first) + 2
            right = self.column_left(last) + self.column_width(last)
            rect = QRectF(x, top + item.row * height, right - x - 2, height - 2)
            result.append((item, rect))
        return result

    def band_overflow(self) -> list[tuple[int, list[BandItem], QRectF]]:
        """Per column whose band items do not all fit: its index, the items left out, and
        the place of its "+N more" in the band's last row."""
        _, placed, rows = self._band()
        if rows <= MAX_BAND_ROWS:
            return []
        hidden: dict[int, list[BandItem]] = {}
        for item, first, last in placed:
            if item.row >= MAX_BAND_ROWS - 1:
                for index in range(first, last + 1):
                    hidden.setdefault(index, []).append(item)
        height = self._band_row_height()
        y = self._header_height() + 3 + (MAX_BAND_ROWS - 1) * height
        return [(index, items, QRectF(self.column_left(index) + 2, y,
                                      self.column_width(index) - 4, height - 2))
                for index, items in sorted(hidden.items())]

    def _overflow_at(self, point: QPoint | QPointF) -> tuple[int, list[BandItem]] | None:
        pt = QPointF(point)
        for index, items, rect in self.band_overflow():
            if rect.contains(pt):
                return index, items
        return None

    # -- selection ------------------------------------------------------------------------

    def selected_uids(self) -> list[str]:
        return list(self._selected)

    def select_uids(self, uids: Iterable[str],
                    occurrences: Mapping[str, datetime] | None = None) -> None:
        """Select the events ``uids``; of a repeating one in ``occurrences``, the
        occurrence there (its RECURRENCE-ID: chosen in the agenda or a panel), which a change
        then asks about as if it had been clicked."""
        new = [u for u in dict.fromkeys(uids) if u in self._programme.events]
        if new and self._slot is not None:
            self._slot = None
            self._vp.update()
        self._chosen = {u: rid for u, rid in (occurrences or {}).items() if u in new}
        if self._cursor is not None and (self._cursor[0] not in new
                                         or self._cursor[0] in self._chosen):
            self._cursor = None
        if new != self._selected:
            self._selected = new
            self._vp.update()
            self.selection_changed.emit(list(new))

    def selected_slot(self) -> Slot | None:
        """The empty slot clicked last, while no event is selected."""
        return self._slot

    def select_slot(self, slot: Slot | None) -> None:
        """Mark ``slot`` as the place to paste to (and unselect the events)."""
        self.select_uids([])
        self._slot = slot
        self._vp.update()

    def paste_slot(self) -> Slot | None:
        """Where Ctrl+V puts events: the slot under the mouse pointer when it is over the
        time grid, else the slot clicked last."""
        if self._hover is not None:
            slot = self.slot_at(self._hover)
            if slot is not None:
                return slot
        return self._slot

    def _focused_block(self) -> Block | None:
        """The block the arrow keys go on from: the one last clicked or reached with the
        keys, else the first shown occurrence of the last selected event."""
        keys = self.keys()
        if self._cursor is not None:
            # An occurrence of a series is known by its RECURRENCE-ID, wherever it has
            # been moved to since; a single event by its start, in its column.
            uid, key, which = self._cursor
            for column_key in (key, *keys) if key in keys else keys:
                column = self._index.column(column_key)
                for block in column.blocks if column is not None else ():
                    if block.uid == uid and (block.recurrence_id or block.start) == which:
                        return block
        if not self._selected:
            return None
        uid = self._selected[-1]
        for key in keys:
            column = self._index.column(key)
            for block in column.blocks if column is not None else ():
                if block.uid == uid:
                    return block
        return None

    def _step_selection(self, key: int) -> None:
        """Arrow keys: Up and Down go to the previous or next event of the day (the
        column), Left and Right to the event nearest in time on the previous or next day
        (the next column that has one). With nothing selected, the first event in view."""
        keys = self.keys()
        current = self._focused_block()
        if current is None:
            first, last = self._visible_range()
            for index in self._visible_columns():
                column = self._index.column(keys[index])
                found = [b for b in column.blocks if b.bottom > first and b.top < last] if (
                    column is not None) else []
                if found:
                    self._go_to_block(found[0])
                    return
            return
        index = keys.index(current.key)
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            column = self._index.column(current.key)
            blocks = column.blocks if column is not None else []
            n = next((i for i, b in enumerate(blocks)
                      if b.uid == current.uid and b.start == current.start), None)
            if n is None:
                return
            n += -1 if key == Qt.Key.Key_Up else 1
            if 0 <= n < len(blocks):
                self._go_to_block(blocks[n])
            return
        step = -1 if key == Qt.Key.Key_Left else 1
        index += step
        while 0 <= index < len(keys):
            column = self._index.column(keys[index])
            if column is not None and column.blocks:
                nearest = min(column.blocks, key=lambda b: (abs(b.top - current.top), b.top))
                self._go_to_block(nearest)
                return
            index += step

    def focused_occurrence(self, uid: str) -> datetime | None:
        """The RECURRENCE-ID of the occurrence of series ``uid`` last clicked or reached
        with the keys, or None (not a series, or no occurrence of it in focus)."""
        if self._cursor is None or self._cursor[0] != uid:
            # Chosen elsewhere (the agenda, a panel), or selected as a whole (None).
            return self._chosen.get(uid) if uid in self._selected else None
        block = self._focused_block()
        if block is None or block.uid != uid:
            return None
        return block.recurrence_id

    def _go_to_block(self, block: Block) -> None:
        self.select_uids([block.uid])
        self._cursor = (block.uid, block.key, block.recurrence_id or block.start)
        self._show_block(block)

    def _show_block(self, block: Block) -> None:
        """Scroll so that ``block`` is in view (its start, if it is taller than the view)."""
        self._show_column(self.keys().index(block.key))
        first, last = self._visible_range()
        if block.top < first or block.top + 30 > last:
            vbar = self.verticalScrollBar()
            vbar.setValue(round(max(block.top - 30, 0) * self._px / 60))

    # -- scrolling ------------------------------------------------------------------------

    def _show_column(self, index: int) -> None:
        """Scroll sideways, as little as will do, so that column ``index`` is in view (its
        left part, where it is wider than the view)."""
        widths, lefts = self._column_layout()
        hbar = self.horizontalScrollBar()
        left, width = lefts[index], widths[index]
        visible_w = self._free_width()
        if left < hbar.value() or width > visible_w:
            hbar.setValue(round(left))
        elif left + width > hbar.value() + visible_w:
            # The view's left edge on a column's start, not through a heading: the first
            # column to start at or after what would just show the column, or the column.
            least = left + width - visible_w
            hbar.setValue(round(min((x for x in lefts if x >= least), default=left)))

    def _update_limits(self) -> None:
        """Tell the index how many sub-columns fit side by side in a column as wide as
        the view (a crowded column widens up to that), and how short a block may be, for
        the current width and zoom."""
        usable = max(self._free_width(), MIN_COLUMN_WIDTH[self._mode]) - RIGHT_GAP - 2
        first, last = self._hours
        self._index.set_limits(Limits(
            columns=max(int(usable // self._min_lane), 1),
            kept=max(int((usable - self._more_width) // self._min_lane), 1),
            shortest=self._min_block * 60 / self._px, first=first, last=last))

    def _update_scrollbars(self) -> None:
        viewport = self._vp
        visible_h = max(viewport.height() - self._grid_top(), 0)
        first, last = self._hours = (self._hours_wanted if self._hours_wanted is not None
                                     else self.programme_hours())
        # Hours that would leave the view half empty at this zoom are stretched to fill
        # it: a small zoom never opens on empty space.
        self._px = max(self._hour_height, visible_h * 60 / (last - first))
        self._update_limits()
        vbar = self.verticalScrollBar()
        top, bottom = first * self._px / 60, last * self._px / 60
        vbar.setRange(round(top), max(round(top), round(bottom - visible_h)))
        vbar.setPageStep(max(round(visible_h), 1))
        self._lay_out_columns()
        content_w = self.content_width()
        visible_w = self._free_width()
        hbar = self.horizontalScrollBar()
        hbar.setRange(0, max(0, round(content_w - visible_w)))
        hbar.setPageStep(max(round(visible_w), 1))

    def scroll_to_first_event(self) -> None:
        """Scroll so that the earliest event of the shown days is near the top (the part
        after midnight of the night before's last event does not count as one), and in
        a venue grid wider than the window its venue's column into view."""
        firsts = []
        for index, key in enumerate(self.keys()):
            column = self._index.column(key)
            top = next((block.top for block in column.blocks if not block.cut_before),
                       None) if column is not None else None
            if top is not None:
                firsts.append((top, index))
        minutes = min(firsts)[0] - 30 if firsts else 8 * 60
        self.verticalScrollBar().setValue(round(max(minutes, 0) * self._px / 60))
        if firsts and self._mode == "venues":  # the week keeps its first day in view
            self._show_column(min(firsts)[1])

    def scroll_to_uid(self, uid: str) -> None:
        event = self._programme.events.get(uid)
        if event is None:
            return
        start = event.start.astimezone(self._programme.zone)
        if start.date() not in self.days():
            self.set_date(start.date())
        minutes = start.hour * 60 + start.minute - 30
        self.verticalScrollBar().setValue(round(max(minutes, 0) * self._px / 60))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scrollbars()

    def sizeHint(self) -> QSize:
        return QSize(900, 600)

    # -- painting -------------------------------------------------------------------------

    def _track_colours(self, track_id: str) -> tuple[QColor, QColor, QColor]:
        """Fill, selected fill and edge colours of a track's blocks."""
        cached = self._colours.get(track_id)
        if cached is None:
            track = self._programme.tracks.get(track_id)
            base = QColor(track.colour if track else "#607d8b")
            white = QColor("#ffffff")
            cached = (_mix(base, white, 0.78), _mix(base, white, 0.55), base.darker(115))
            self._colours[track_id] = cached
        return cached

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self._vp)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        palette = self.palette()
        viewport = self._vp.rect()
        _fill(painter, viewport, palette.color(QPalette.ColorRole.Base))
        keys = self.keys()
        top = self._grid_top()
        ruler = self._ruler_width()
        columns = self._visible_columns()
        first_minute, last_minute = self._visible_range()

        # Grid: weekend shading, hour lines, column lines.
        painter.save()
        painter.setClipRect(QRectF(ruler, top, viewport.width() - ruler, viewport.height() - top))
        grid_bottom = min(self._minutes_to_y(self._hours[1]), viewport.height())
        for index in columns:
            day = keys[index][0]
            if day.weekday() >= 5 and self._mode != "venues":
                _fill(painter, QRectF(self.column_left(index), top, self.column_width(index),
                                        grid_bottom - top),
                                 QColor(0, 0, 0, 10))
        if self._mode == "venues":
            self._paint_unavailable(painter, keys, columns)
        self._paint_clash_preview(painter, keys, columns)
        self._paint_slot(painter, keys, columns)
        line = palette.color(QPalette.ColorRole.Mid)
        light = QColor(line)
        light.setAlpha(70)
        strong = QColor(line)
        strong.setAlpha(150)
        hour = int(max(first_minute, 0) // 60)
        while hour * 60 <= min(last_minute + 60, self._hours[1]):
            y = self._minutes_to_y(hour * 60)
            painter.setPen(QPen(strong, 1))
            painter.drawLine(QPointF(ruler, y), QPointF(viewport.width(), y))
            if self._px >= 40:
                painter.setPen(QPen(light, 1, Qt.PenStyle.DotLine))
                half = self._minutes_to_y(hour * 60 + 30)
                painter.drawLine(QPointF(ruler, half), QPointF(viewport.width(), half))
            hour += 1
        painter.setPen(QPen(strong, 1))
        for index in columns:
            x = self.column_left(index) + self.column_width(index)
            painter.drawLine(QPointF(x, top), QPointF(x, grid_bottom))

        # Blocks, and beside a crowded cluster's sub-columns its "+N" groups.
        drag = self._drag
        dragged = ((drag.block.uid, drag.block.start)
                   if drag is not None and drag.moved and not drag.copy else None)
        ghosts = self._ghost_blocks(keys)
        for index in columns:
            key = keys[index]
            visible = self._laid_out(key, first_minute, last_minute, ghosts)
            for block, rect in self._column_rects(index, visible):
                if dragged is not None and (block.uid, block.start) == dragged:
                    continue  # its ghost is painted where it would go
                self._paint_block(painter, block, rect)
            groups = self._index.visible_more(key, first_minute, last_minute)
            for group, rect in self._more_rects(index, groups):
                self._paint_more(painter, group, rect)
        if self._drag is not None and self._drag.moved:
            self._paint_drag(painter)
        for block, event, rect in self._ghost_rects(keys, ghosts):
            self._paint_block(painter, block, rect, ghost=True, event=event)
        self._paint_now(painter, keys, columns)
        painter.restore()

        self._paint_header(painter, keys, columns)
        self._paint_ruler(painter)
        painter.end()

    def _paint_block(self, painter: QPainter, block: Block, rect: QRectF,
                     ghost: bool = False, event: Event | None = None) -> None:
        event = event or block.occurrence or self._programme.events.get(block.uid)
        if event is None:
            return
        fill, selected_fill, edge = self._track_colours(event.track)
        selected = block.uid in self._selected
        cancelled = event.status == "cancelled"
        background = selected_fill if selected else fill
        if cancelled:
            background = CANCELLED_FILL
        if ghost:
            background = QColor(background)
            background.setAlpha(190)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRect(rect)
        if cancelled:
            painter.setBrush(QBrush(QColor(0, 0, 0, 40), Qt.BrushStyle.BDiagPattern))
            painter.drawRect(rect)
        _fill(painter, QRectF(rect.left(), rect.top(), 4, rect.height()),
                         CANCELLED_EDGE if cancelled else edge)
        if self.clashes(block.uid, block.recurrence_id):
            painter.setPen(QPen(CLASH_RED, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        elif selected or ghost:
            painter.setPen(QPen(edge.darker(140), 2, Qt.PenStyle.DashLine if ghost
                                else Qt.PenStyle.SolidLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        else:
            painter.setPen(QPen(edge, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        self._paint_block_text(painter, event, block, rect, cancelled, ghost)
        if block.occurrence is not None and not ghost:
            self._paint_changed_mark(painter, rect, edge)
        if block.view_top is not None and block.view_bottom is not None:
            # Outside the hours shown, drawn at their edge: an arrow says which way it lies.
            before = block.top < block.view_top - 0.5 and not block.cut_before
            after = block.bottom > block.view_bottom + 0.5 and not block.cut_after
            if before or after:
                self._paint_beyond(painter, rect, up=before)

    def _paint_changed_mark(self, painter: QPainter, rect: QRectF, edge: QColor) -> None:
        """A folded corner at the top right: this occurrence of a repeating event was
        changed on its own (an exception of its series)."""
        size = min(CHANGED_MARK, rect.width() / 3, rect.height() / 2)
        right, top = rect.right(), rect.top()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(edge.darker(130))
        painter.drawPolygon([QPointF(right - size, top), QPointF(right, top),
                             QPointF(right, top + size)])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_beyond(self, painter: QPainter, rect: QRectF, up: bool) -> None:
        size = 4.0
        x = rect.right() - size - 3
        y = rect.top() + size + 2 if up else rect.bottom() - size - 2
        tip = -size if up else size
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_TEXT)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.drawPolygon([QPointF(x - size, y - tip / 2), QPointF(x + size, y - tip / 2),
                             QPointF(x, y + tip / 2)])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_more(self, painter: QPainter, group: MoreBlock, rect: QRectF) -> None:
        """A "+N": a badge saying how many events of a crowded cluster have no sub-column,
        and a line down to the end of the last of them; a click lists them. The badge is
        outlined when it holds a selected event, in red when it holds a clashing one."""
        uids = group.uids
        badge = QRectF(rect.left(), rect.top(), rect.width(), min(rect.height(),
                                                                  self._min_block))
        middle = badge.center().x()
        painter.setPen(QPen(_MORE_EDGE, 2))
        painter.drawLine(QPointF(middle, badge.bottom()), QPointF(middle, rect.bottom()))
        painter.drawLine(QPointF(middle - 3, rect.bottom()), QPointF(middle + 3, rect.bottom()))
        if any(self.clashes(b.uid, b.recurrence_id) for b in group.blocks):
            edge = QPen(CLASH_RED, 2)
        elif any(uid in self._selected for uid in uids):
            edge = QPen(_TEXT, 2)
        else:
            edge = QPen(_MORE_EDGE, 1)
        painter.setPen(edge)
        painter.setBrush(_MORE_FILL)
        painter.drawRoundedRect(badge.adjusted(1, 0, -1, 0), 3, 3)
        painter.setFont(self._small_bold)
        painter.setPen(_TEXT)
        text = f"+{len(uids)}"
        if self._small_bold_metrics.horizontalAdvance(text) > badge.width() - 2:
            text = text[1:]  # "12" where "+12" is wider than the lane
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_block_text(self, painter: QPainter, event: Event, block: Block, rect: QRectF,
                          cancelled: bool, ghost: bool = False) -> None:
        inner = _inner(rect)
        cached = self._block_text(event, block, inner, cancelled, ghost)
        if cached is None:
            return
        painter.save()
        painter.setClipRect(rect)
        origin = inner.topLeft()
        for font, colour, offset, text in cached.lines:
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawStaticText(origin + offset, text)
        painter.restore()

    def _block_text(self, event: Event, block: Block, inner: QRectF, cancelled: bool,
                    ghost: bool) -> _BlockText | None:
        """The block's text laid out in ``inner``: kept from an earlier paint while the
        event, the block's size and its star are the same (not kept for a dragged ghost)."""
        if inner.width() < 12:
            return None
        starred = event.uid in self._starred
        shape = (inner.width(), inner.height(), block.end, starred, cancelled)
        cache_key = (block.uid, block.start, block.key)
        cached = self._texts.get(cache_key)
        if cached is None or cached.event is not event or cached.shape != shape:
            cached = _BlockText(event, shape, self._lay_out_text(event, block, inner, starred,
                                                                 cancelled))
            if not ghost:
                if len(self._texts) >= MAX_CACHED_TEXTS:
                    self._texts.clear()
                self._texts[cache_key] = cached
        return cached

    def _lay_out_text(self, event: Event, block: Block, inner: QRectF, starred: bool,
                      cancelled: bool) -> list[tuple[QFont, QColor, QPointF, QStaticText]]:
        """What a block says, line by line, where, and in which font: worked out once per
        block and size, and kept (Qt's static text keeps its glyphs laid out too), so that
        scrolling and dragging repaint without measuring text again.

        The start time comes first and is always shown; then the title, broken between
        words and cut with "…" where it does not fit; then the venue (the track in the
        venue grid) where there is room. A block one line tall says "10:00 Title…"."""
        lines: list[tuple[QFont, QColor, QPointF, QStaticText]] = []
        text_colour = _CANCELLED_TEXT if cancelled else _TEXT
        small, bold, small_bold = self._small_font, self._title_font, self._small_bold
        if cancelled:
            small, bold, small_bold = QFont(small), QFont(bold), QFont(small_bold)
            for font in (small, bold, small_bold):
                font.setStrikeOut(True)
        plain = Qt.TextFormat.PlainText  # text from files is never markup

        def put(font: QFont, colour: QColor, x: float, y: float, text: str) -> None:
            static = QStaticText(text)
            static.setTextFormat(plain)
            lines.append((font, colour, QPointF(x, y), static))

        start, end = block.start, block.end
        start_text = f"{start.hour:02d}:{start.minute:02d}"
        title = ("★ " if starred else "") + event.title.get(self._lang)
        width = inner.width()
        small_metrics, bold_metrics = self._small_metrics, self._bold_metrics
        small_h, line_h = small_metrics.height(), bold_metrics.height()
        if inner.height() < small_h + line_h:
            y = (inner.height() - small_h) / 2
            put(small, text_colour, 0, y, start_text)
            gap = small_metrics.horizontalAdvance(start_text + " ")
            room = width - gap
            if room >= self._small_bold_metrics.horizontalAdvance("W…"):
                put(small_bold, text_colour, gap, y, self._small_bold_metrics.elidedText(
                    title, Qt.TextElideMode.ElideRight, room))
            return lines
        times = f"{start_text}–{end.hour:02d}:{end.minute:02d}"
        put(small, text_colour, 0, 0,
            times if small_metrics.horizontalAdvance(times) <= width else start_text)
        rest_h = inner.height() - small_h
        if self._mode == "venues":
            track = self._programme.tracks.get(event.track)
            where = track.name.get(self._lang) if track else event.track
        else:
            venue = self._programme.venues.get(event.venue)
            where = venue.name.get(self._lang) if venue else event.venue
        where_h = small_h if rest_h >= small_h * 2.5 else 0.0
        title_h = rest_h - where_h
        wrapped = _wrap_words(title, bold, bold_metrics, width, max(int(title_h // line_h), 1))
        for n, text in enumerate(wrapped):
            put(bold, text_colour, 0, small_h + n * line_h, text)
        if where_h:
            used = min(len(wrapped) * line_h, title_h)
            put(small, text_colour if cancelled else _WHERE_TEXT, 0, small_h + used,
                small_metrics.elidedText(where, Qt.TextElideMode.ElideRight, width))
        return lines

    def _paint_drag(self, painter: QPainter) -> None:
        """The dragged occurrence where it would go: the whole of it, on each shown day it
        would touch (the part the mouse holds and the rest of it past midnight)."""
        drag = self._drag
        assert drag is not None
        keys = self.keys()
        start, end = self._dragged_to(drag)
        venue = drag.key[1]
        for day, top, bottom, cut_before, cut_after in day_parts(start, end,
                                                                   self._programme.zone):
            key = (day, venue)
            if key not in keys:
                continue
            held = key == drag.block.key
            ghost = Block(drag.block.uid, key, start, end, top, bottom,
                          drag.block.column if held else 0, drag.block.columns if held else 1,
                          cut_before=cut_before, cut_after=cut_after)
            self._paint_block(painter, ghost, self._block_rect(ghost, keys.index(key)),
                              ghost=True)
        badge = self.drag_badge()
        if badge is not None:
            text, rect = badge
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_BADGE_FILL)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setFont(self._small_bold)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def drag_badge(self) -> tuple[str, QRectF] | None:
        """While a block is dragged: the time the drop would give it (the new start when
        moving, the new end when resizing) and where that is shown, beside the ghost's top
        or bottom edge."""
        drag = self._drag
        if drag is None or not drag.moved:
            return None
        keys = self.keys()
        start, end = self._dragged_to(drag)
        when = end if drag.mode == "resize" else start
        local = when.astimezone(self._programme.zone)
        day = local.date()
        if drag.mode == "resize" and local.time() == time(0) and day > start.date():
            day -= timedelta(days=1)  # an end at midnight is drawn at the bottom of the day
        key: Key = (day, drag.key[1])
        if key not in keys:
            return None
        text = f"{local:%H:%M}"
        metrics = self._small_bold_metrics
        width, height = metrics.horizontalAdvance(text) + 10, metrics.height() + 4
        index = keys.index(key)
        left = self.column_left(index) + 2
        minutes = (self._local_minutes(local) if not (drag.mode == "resize" and local.time()
                                                      == time(0)) else MINUTES_PER_DAY)
        y = self._minutes_to_y(minutes)
        top = y + 1 if drag.mode == "resize" else y - height - 1
        if drag.mode == "move" and top < self._grid_top():
            top = y + 1  # no room above the block: over its top line
        return text, QRectF(left, top, width, height)

    def _local_minutes(self, when: datetime) -> float:
        local = when.astimezone(self._programme.zone)
        return local.hour * 60 + local.minute + local.second / 60

    def _ghost_blocks(self, keys: list[Key]) -> dict[Key, list[tuple[Block, Event]]]:
        """The previewed plan's events, and a session being dragged in, where they would
        go: ghost blocks by column (their lanes are worked out by :func:`_beside_ghosts`)."""
        events = [*self._plan_preview]
        if self._session_ghost is not None:
            events.append(self._session_ghost)
        if not events:
            return {}
        shown = set(keys)
        found: dict[Key, list[tuple[Block, Event]]] = {}
        for event in events:
            venue = event.venue if self._mode == "venues" else None
            for day, top, bottom, cut_before, cut_after in day_parts(
                    event.start, event.end, self._programme.zone):
                key = (day, venue)
                if key in shown:
                    found.setdefault(key, []).append((Block(
                        event.uid, key, event.start, event.end, top, bottom,
                        cut_before=cut_before, cut_after=cut_after), event))
        return found

    def _paint_unavailable(self, painter: QPainter, keys: list[Key], columns: range) -> None:
        """Hatch the hours in which a venue cannot be booked (outside its availability, or
        blocked), so that a drop target shows at a glance."""
        zone = self._programme.zone
        brush = QBrush(QColor(0, 0, 0, 28), Qt.BrushStyle.BDiagPattern)
        for index in columns:
            day, venue_id = keys[index]
            venue = self._programme.venues.get(venue_id or "")
            if venue is None or not venue.availability:
                continue
            busy = self._venue_busy.get(venue.id)
            if busy is None:
                busy = self._venue_busy[venue.id] = busy_spans(venue.availability)
            midnight = datetime.combine(day, time(0), zone)
            lo_ts = midnight.timestamp()
            hi_ts = datetime.combine(day + timedelta(days=1), time(0), zone).timestamp()
            for start, end in busy:
                a, b = max(start, lo_ts), min(end, hi_ts)
                if b <= a:
                    continue
                y0 = self._minutes_to_y((a - lo_ts) / 60)
                y1 = self._minutes_to_y((b - lo_ts) / 60)
                _fill(painter, QRectF(self.column_left(index), y0, self.column_width(index),
                                        y1 - y0), brush)

    def _paint_clash_preview(self, painter: QPainter, keys: list[Key], columns: range) -> None:
        if not self._clash_preview:
            return
        zone = self._programme.zone
        shade = QColor(211, 47, 47, 45)
        for start, end, venue in self._clash_preview:
            local_start, local_end = start.astimezone(zone), end.astimezone(zone)
            for index in columns:
                day, column_venue = keys[index]
                if venue is not None and column_venue is not None and venue != column_venue:
                    continue
                midnight = datetime.combine(day, time(0), zone)
                lo = max((local_start - midnight).total_seconds() / 60, 0)
                hi = min((local_end - midnight).total_seconds() / 60, MINUTES_PER_DAY)
                if hi <= lo:
                    continue
                y0, y1 = self._minutes_to_y(lo), self._minutes_to_y(hi)
                _fill(painter, QRectF(self.column_left(index), y0, self.column_width(index),
                                        y1 - y0), shade)

    def _paint_slot(self, painter: QPainter, keys: list[Key], columns: range) -> None:
        """The empty slot clicked last, as a calendar marks where a new event would go."""
        slot = self._slot
        if slot is None:
            return
        key: Key = (slot.day, slot.venue)
        if key not in keys or keys.index(key) not in columns:
            return
        index = keys.index(key)
        top = self.time_to_y(slot.start)
        rect = QRectF(self.column_left(index) + 1, top, self.column_width(index) - 2,
                      self._snap * self._px / 60)
        highlight = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        highlight.setAlpha(60)
        _fill(painter, rect, highlight)

    def _paint_now(self, painter: QPainter, keys: list[Key], columns: range) -> None:
        now = self._now().astimezone(self._programme.zone)
        for index in columns:
            if keys[index][0] == now.date():
                y = self.time_to_y(now)
                left = self.column_left(index)
                painter.setPen(QPen(QColor("#e53935"), 2))
                painter.drawLine(QPointF(left, y), QPointF(left + self.column_width(index), y))
                painter.setBrush(QColor("#e53935"))
                painter.drawEllipse(QPointF(left + 3, y), 4, 4)

    def _paint_header(self, painter: QPainter, keys: list[Key], columns: range) -> None:
        palette = self.palette()
        viewport = self._vp.rect()
        header_h = self._header_height()
        top = self._grid_top()
        ruler = self._ruler_width()
        background = palette.color(QPalette.ColorRole.Window)
        _fill(painter, QRectF(0, 0, viewport.width(), top), background)
        today = self._now().astimezone(self._programme.zone).date()
        painter.save()
        painter.setClipRect(QRectF(ruler, 0, viewport.width() - ruler, top))
        line = palette.color(QPalette.ColorRole.Mid)
        for index in columns:
            day, venue_id = keys[index]
            left = self.column_left(index)
            width = self.column_width(index)
            cell = QRectF(left, 0, width, header_h)
            if day == today and self._mode != "venues":
                _fill(painter, cell, QColor("#fff4d6"))
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            first, second = self.heading(index)
            line_h = self._header_metrics.height()
            painter.setFont(self._header_font)
            for n, text in enumerate(first):
                painter.drawText(cell.adjusted(4, 4 + n * line_h, -4, 0),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                                 text)
            painter.setFont(self._small_font)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(cell.adjusted(4, 6 + len(first) * line_h, -4, 0),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             second)
            painter.setPen(QPen(line, 1))
            painter.drawLine(QPointF(left + width, 0), QPointF(left + width, top))
        painter.setPen(QPen(line, 1))
        painter.drawLine(QPointF(ruler, header_h), QPointF(viewport.width(), header_h))
        for item, rect in self._band_rects():
            event = self._programme.events.get(item.uid)
            if event is None:
                continue
            fill, selected_fill, edge = self._track_colours(event.track)
            painter.setPen(QPen(edge, 1))
            painter.setBrush(selected_fill if item.uid in self._selected else fill)
            painter.drawRoundedRect(rect, 3, 3)
            font = QFont(self._small_font)
            font.setBold(True)
            font.setStrikeOut(event.status == "cancelled")
            painter.setFont(font)
            painter.setPen(QColor("#1b1b1b"))
            star = "★ " if item.uid in self._starred else ""
            text = star + event.title.get(self._lang)
            painter.drawText(rect.adjusted(6, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter,
                             QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight,
                                                            rect.width() - 10))
        painter.setFont(self._small_font)
        painter.setPen(palette.color(QPalette.ColorRole.Link))
        for _index, items, rect in self.band_overflow():
            painter.drawText(rect.adjusted(6, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter,
                             self.tr("+%n more", "", len(items)))
        painter.restore()
        painter.setPen(QPen(line, 1))
        painter.drawLine(QPointF(0, top - 1), QPointF(viewport.width(), top - 1))

    def _paint_ruler(self, painter: QPainter) -> None:
        palette = self.palette()
        viewport = self._vp.rect()
        top = self._grid_top()
        ruler = self._ruler_width()
        _fill(painter, QRectF(0, top, ruler, viewport.height() - top),
                         palette.color(QPalette.ColorRole.Window))
        zone = self._programme.zone
        second = self._second_zone
        day = self.days()[0] if self.days() else self._programme.first_day
        main_w = 58.0
        painter.setFont(self._small_font)
        sm = QFontMetricsF(self._small_font)
        # Zone names above the rulers.
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        label_top = self._header_height()
        painter.drawText(QRectF(2, label_top, main_w - 6, sm.height() * 2),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                         _zone_label(zone, day))
        if second is not None:
            painter.drawText(QRectF(main_w, label_top, ruler - main_w - 4, sm.height() * 2),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                             _zone_label(second, day))
        painter.save()
        painter.setClipRect(QRectF(0, top, ruler, viewport.height() - top))
        first_minute, last_minute = self._visible_range()
        hour = max(int(first_minute // 60), 0)
        text = palette.color(QPalette.ColorRole.WindowText)
        faded = palette.color(QPalette.ColorRole.PlaceholderText)
        while hour < 24 and hour * 60 <= last_minute:
            y = self._minutes_to_y(hour * 60)
            painter.setPen(text)
            painter.setFont(self._base_font)
            painter.drawText(QRectF(0, y + 1, main_w - 8, sm.height() + 4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                             f"{hour:02d}:00")
            if second is not None:
                there = datetime.combine(day, time(hour), zone).astimezone(second)
                painter.setPen(faded)
                painter.setFont(self._small_font)
                painter.drawText(QRectF(main_w, y + 2, ruler - main_w - 8, sm.height() + 4),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                                 f"{there:%H:%M}")
            hour += 1
        painter.restore()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(QPointF(ruler - 0.5, 0), QPointF(ruler - 0.5, viewport.height()))

    # -- tooltips -------------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            uid = None
            block = self.block_at(event.pos())
            if block is not None:
                uid = block.uid
            else:
                item = self.band_item_at(event.pos())
                uid = item.uid if item is not None else None
            overflow = self._overflow_at(event.pos()) if uid is None else None
            group = self.more_at(event.pos()) if uid is None and overflow is None else None
            heading = ""
            if uid is None and overflow is None and group is None and (
                    event.pos().y() < self._header_height()):
                column = self.column_at(event.pos().x())
                heading = self.heading_tooltip(column) if column is not None else ""
            if uid is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_html(uid, block), self._vp)
            elif overflow is not None:
                QToolTip.showText(event.globalPos(), self.overflow_tooltip(overflow[1]),
                                  self._vp)
            elif group is not None:
                QToolTip.showText(event.globalPos(), self.overflow_tooltip(group.blocks),
                                  self._vp)
            elif heading:
                QToolTip.showText(event.globalPos(), plain_tooltip(heading), self._vp)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_text(self, uid: str, block: Block | None = None) -> str:
        """The full details of event ``uid`` as plain text (of the occurrence ``block``
        shows, for a repeating event)."""
        programme = self._programme
        series = programme.events[uid]
        event = block.occurrence or series if block is not None else series
        lang = self._lang
        zone = programme.zone
        start, end = event.start.astimezone(zone), event.end.astimezone(zone)
        if block is not None and block.recurrence_id is not None and block.occurrence is None:
            start, end = block.start.astimezone(zone), block.end.astimezone(zone)
        lines = [event.title.get(lang)]
        if event.all_day:
            lines.append(self.tr("{first} to {last}, all day").format(
                first=_date_text(start.date()),
                last=_date_text((end - timedelta(seconds=1)).date())))
        else:
            lines.append(f"{_weekday_name(start.date())} {_date_text(start.date())}, "
                         f"{start:%H:%M}–{end:%H:%M} ({programme.timezone})")
            if self._second_zone is not None:
                there_s, there_e = start.astimezone(self._second_zone), end.astimezone(
                    self._second_zone)
                lines.append(f"{there_s:%H:%M}–{there_e:%H:%M} ({self._second_zone.key})")
        venue = programme.venues.get(event.venue)
        track = programme.tracks.get(event.track)
        lines.append(self.tr("Venue: {venue}").format(
            venue=venue.name.get(lang) if venue else event.venue))
        lines.append(self.tr("Track: {track}").format(
            track=track.name.get(lang) if track else event.track))
        if event.speakers:
            names = [programme.people[p].name if p in programme.people else p
                     for p in event.speakers]
            lines.append(self.tr("Speakers: {names}").format(names=", ".join(names)))
        if event.languages:
            lines.append(self.tr("Languages: {langs}").format(langs=", ".join(event.languages)))
        if event.status != "confirmed":
            status = {"cancelled": self.tr("cancelled"), "tentative": self.tr("tentative")}
            lines.append(self.tr("Status: {status}").format(
                status=status.get(event.status, event.status)))
        if block is not None and block.occurrence is not None:
            lines.append(self.tr("Changed occurrence of a repeating event"))
        elif series.recurrence is not None:
            lines.append(self.tr("Repeats: a change asks whether it is for this occurrence, "
                                 "the following ones or the whole series"))
        rid = block.recurrence_id if block is not None else None
        if rid is not None and self.clashes(uid, rid):
            lines.append(clash_tooltip_line(start.date()))
        elif rid is None and uid in self._clashing_uids:
            lines.append(clash_tooltip_line(None))
        description = event.description.get(lang).strip()
        if description:
            if len(description) > 500:
                description = description[:500].rstrip() + "…"
            lines.append("")
            lines.append(description)
        return "\n".join(lines)

    def overflow_tooltip(self, items: Sequence[BandItem | Block]) -> str:
        """What a "+N more" or a "+N" hides, one title a line (plain text, escaped), with
        the hint that a click lists them."""
        lines = []
        for item in items[:OVERFLOW_TIP_LINES]:
            line = self._list_line(item)
            if line is not None:
                lines.append(line)
        if len(items) > OVERFLOW_TIP_LINES:
            lines.append("…")
        lines.append(self.tr("Click to list them"))
        return plain_tooltip("\n".join(lines))

    def _list_line(self, item: BandItem | Block) -> str | None:
        """An event hidden behind a "+N", as its list says it: its time and title."""
        event = self._programme.events.get(item.uid)
        if event is None:
            return None
        title = event.title.get(self._lang)
        if isinstance(item, BandItem):
            return title
        return f"{item.start:%H:%M}–{item.end:%H:%M}  {title}"

    def open_list(self, items: Sequence[BandItem | Block], at: QPoint,
                  day: date | None = None) -> QMenu:
        """Pop up the list of events behind a "+N" at ``at`` (global): choosing one selects
        it and opens it; ``day`` adds a last entry that shows that day's venue grid."""
        from PySide6.QtWidgets import QMenu

        from ui.icons import colour_icon

        if self._list_menu is not None:
            self._list_menu.deleteLater()
        # Kept until the next one: a menu deleting itself on close would be gone before
        # the slot of the entry chosen has run.
        menu = self._list_menu = QMenu(self)
        menu.setObjectName("more_list")
        menu.setToolTipsVisible(True)
        for item in items:
            line = self._list_line(item)
            event = self._programme.events.get(item.uid)
            if line is None or event is None:
                continue
            track = self._programme.tracks.get(event.track)
            # "&" in a menu is a mnemonic: titles keep theirs as written.
            action = menu.addAction(colour_icon(track.colour if track else "#607d8b"),
                                    line.replace("&", "&&"))
            action.setData(item.uid)
            action.triggered.connect(lambda _c=False, uid=item.uid: self._choose(uid))
        if day is not None and self._mode != "venues":
            menu.addSeparator()
            action = menu.addAction(self.tr("Show This Day by Venue"))
            action.triggered.connect(lambda _c=False: self.day_activated.emit(day))
        menu.popup(at)
        return menu

    def _choose(self, uid: str) -> None:
        self.select_uids([uid])
        self.edit_requested.emit(uid)

    def tooltip_html(self, uid: str, block: Block | None = None) -> str:
        """The tooltip as Qt shows it: the plain text escaped, never read as markup."""
        return plain_tooltip(self.tooltip_text(uid, block))

    # -- mouse ----------------------------------------------------------------------------

    # -- dropping an unscheduled session --------------------------------------------------

    def _dropped_session(self, event: QDropEvent | QDragMoveEvent) -> str | None:
        data = event.mimeData()
        if not data.hasFormat(SESSION_MIME):
            return None
        uid = bytes(data.data(SESSION_MIME).data()).decode("utf-8")
        return uid or None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_session(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        uid = self._dropped_session(event)
        slot = self.slot_at(event.position()) if uid is not None else None
        if uid is None or slot is None:
            self._end_session_drag()
            event.ignore()
            return
        event.acceptProposedAction()
        self._follow_session_drag(uid, slot)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._end_session_drag()
        super().dragLeaveEvent(event)

    def _follow_session_drag(self, uid: str, slot: Slot) -> None:
        """The dragged session as a ghost at ``slot``, and, as for a dragged block,
        ``drag_moved`` so that where it would clash gets shaded."""
        session = self._programme.unscheduled.get(uid)
        if session is None:
            return
        ghost = as_event(session, slot.start, slot.venue)
        before = self._session_ghost
        if before is not None and (before.uid, before.start, before.venue) == (
                ghost.uid, ghost.start, ghost.venue):
            return
        self._session_ghost = ghost
        self._vp.update()
        self.drag_moved.emit((uid, ghost.start, ghost.end, slot.venue))

    def _end_session_drag(self) -> None:
        if self._session_ghost is None:
            return
        self._session_ghost = None
        self._vp.update()
        self._end_preview()

    @property
    def session_ghost(self) -> Event | None:
        """The event a session dragged over the grid would become where it is now."""
        return self._session_ghost

    def dropEvent(self, event: QDropEvent) -> None:
        uid = self._dropped_session(event)
        slot = self.slot_at(event.position())
        self._end_session_drag()
        if uid is None or slot is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.session_dropped.emit(uid, slot.start, slot.venue)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        block = self.block_at(pos)
        uid = block.uid if block is not None else None
        if uid is None:
            item = self.band_item_at(pos)
            uid = item.uid if item is not None else None
        if uid is None:
            if not ctrl:
                self.select_slot(self.slot_at(pos))
            self._press = None
            group = self.more_at(pos)
            overflow = self._overflow_at(pos) if group is None else None
            if group is not None:
                self.open_list(group.blocks, self._vp.mapToGlobal(pos.toPoint()))
            elif overflow is not None:
                self.open_list(overflow[1], self._vp.mapToGlobal(pos.toPoint()),
                               self.keys()[overflow[0]][0])
            return
        if ctrl:
            # Ctrl+click adds to the selection or takes away from it, on release; Ctrl+drag
            # copies the event to where it is dropped.
            self._press = (_Press(pos, block, "move", self._y_to_minutes(pos.y()), copy=True)
                           if block is not None else None)
            if block is None:
                self._toggle_selected(uid)
            return
        if uid not in self._selected:
            self.select_uids([uid])
        if block is not None:
            self._cursor = (block.uid, block.key, block.recurrence_id or block.start)
            self._press = _Press(pos, block, "resize" if self._on_end(block, pos) else "move",
                                 self._y_to_minutes(pos.y()))
        else:
            self._press = None

    def _toggle_selected(self, uid: str) -> None:
        self.select_uids([u for u in self._selected if u != uid] if uid in self._selected
                         else [*self._selected, uid])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        self._hover = pos
        press = self._press
        if press is None:
            block = self.block_at(pos)
            cursor = Qt.CursorShape.ArrowCursor
            if block is not None:
                cursor = (Qt.CursorShape.SizeVerCursor if self._on_end(block, pos)
                          else Qt.CursorShape.PointingHandCursor)
            self._vp.setCursor(cursor)
            return
        if self._drag is None:
            if (pos - press.pos).manhattanLength() < QApplication.startDragDistance():
                return
            self._drag = _Drag(press.block, press.mode, press.block.key, press.block.top,
                               press.block.bottom, copy=press.copy)
            if press.copy:
                self._vp.setCursor(Qt.CursorShape.DragCopyCursor)
        self._update_drag(pos)
        if self._edge_direction(pos) != (0, 0) and not self._edge_timer.isActive():
            self._edge_timer.start()

    def _edge_direction(self, pos: QPointF) -> tuple[int, int]:
        """Which way (-1, 0 or 1 sideways, then up or down) the grid can scroll with
        ``pos`` at an edge of the days: at the left or right edge, at the top (or above it,
        over the headings) or at the bottom (or below the view)."""
        hbar, vbar = self.horizontalScrollBar(), self.verticalScrollBar()
        across = 0
        if pos.x() >= self._vp.width() - EDGE_ZONE and hbar.value() < hbar.maximum():
            across = 1
        ruler = self._ruler_width()
        if ruler <= pos.x() < ruler + EDGE_ZONE and hbar.value() > hbar.minimum():
            across = -1
        down = 0
        if pos.y() >= self._vp.height() - EDGE_ZONE and vbar.value() < vbar.maximum():
            down = 1
        elif pos.y() < self._grid_top() + EDGE_ZONE and vbar.value() > vbar.minimum():
            down = -1
        return across, down

    def _scroll_at_edge(self) -> None:
        """While a block is held at an edge of the days: scroll a step that way, and move
        (or stretch) the block along with the day and the time now under the mouse."""
        pos = self._hover
        across, down = self._edge_direction(pos) if pos is not None and (
            self._drag is not None) else (0, 0)
        if (across, down) == (0, 0) or pos is None:
            self._edge_timer.stop()
            return
        hbar, vbar = self.horizontalScrollBar(), self.verticalScrollBar()
        hbar.setValue(hbar.value() + across * EDGE_STEP)
        vbar.setValue(vbar.value() + down * EDGE_STEP)
        self._update_drag(pos)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        super().leaveEvent(event)

    def _on_end(self, block: Block, pos: QPointF) -> bool:
        """Whether ``pos`` is on the lower edge of ``block`` that drags its end (a block
        cut at midnight has none: its occurrence ends on a later day)."""
        rect = self._block_rect(block, self.keys().index(block.key))
        return not block.cut_after and pos.y() >= rect.bottom() - RESIZE_HANDLE

    def _dragged_to(self, drag: _Drag) -> tuple[datetime, datetime]:
        """The start and end the dragged occurrence would have if dropped now (the whole
        occurrence, also when the block dragged is the part of it after midnight)."""
        block = drag.block
        if drag.mode == "move":
            shift = (self._at(drag.key[0], drag.top).astimezone(UTC)
                     - self._at(block.key[0], block.top).astimezone(UTC))
            zone = self._programme.zone
            return ((block.start.astimezone(UTC) + shift).astimezone(zone),
                    (block.end.astimezone(UTC) + shift).astimezone(zone))
        return block.start, self._at(drag.key[0], drag.bottom)

    def _update_drag(self, pos: QPointF) -> None:
        drag, press = self._drag, self._press
        assert drag is not None and press is not None
        block = drag.block
        # In the day's minutes, not the view's pixels: the view may have scrolled since
        # the press (a block held at the top or bottom edge).
        delta = self._y_to_minutes(pos.y()) - press.minutes
        length = block.bottom - block.top
        if drag.mode == "move":
            top = self._snapped(block.top + delta)
            # A block stays inside its day; one cut at midnight may be dragged past it (its
            # occurrence runs on there anyway), as long as a step of it stays in view.
            lowest = self._snap - length if block.cut_before else 0.0
            highest = MINUTES_PER_DAY - (self._snap if block.cut_after else length)
            top = min(max(top, lowest), highest)
            index = self.column_at(pos.x())
            key = self.keys()[index] if index is not None else block.key
            drag.key, drag.top, drag.bottom = key, top, top + length
        else:
            bottom = self._snapped(block.bottom + delta)
            bottom = min(max(bottom, block.top + self._snap), float(MINUTES_PER_DAY))
            drag.bottom = bottom
        drag.moved = (drag.key, drag.top, drag.bottom) != (block.key, block.top, block.bottom)
        self._vp.update()
        if drag.moved:
            venue = drag.key[1] if drag.key[1] is not None else None
            self.drag_moved.emit((block.uid, *self._dragged_to(drag), venue))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._edge_timer.stop()
        drag, press, self._drag, self._press = self._drag, self._press, None, None
        if drag is None and press is not None and press.copy:
            self._toggle_selected(press.block.uid)  # a Ctrl+click, not a Ctrl+drag
        if drag is not None:
            self._end_preview()
            if drag.copy:
                self._vp.setCursor(Qt.CursorShape.ArrowCursor)
        if drag is None or not drag.moved:
            self._vp.update()
            return
        self._update_after_drop(drag)

    def _end_preview(self) -> None:
        if self._clash_preview:
            self._clash_preview = []
        self.drag_moved.emit(None)

    def _update_after_drop(self, drag: _Drag) -> None:
        block = drag.block
        event = self._programme.events.get(block.uid)
        self._vp.update()
        if event is None:
            return
        start, end = self._dragged_to(drag)
        if block.recurrence_id is not None and not drag.copy:
            venue = drag.key[1] if drag.mode == "move" else None
            self.occurrence_change_requested.emit(block.uid, block.recurrence_id, start, end,
                                                  venue)
            return
        if drag.mode == "move":
            shift = start.astimezone(UTC) - block.start.astimezone(UTC)
            new_start = (event.start.astimezone(UTC) + shift).astimezone(event.zone)
            venue = drag.key[1] if drag.key[1] is not None and drag.key[1] != event.venue else None
            if drag.copy:
                # A copy of one occurrence of a series is a single event at the drop.
                self.copy_requested.emit(block.uid, start if block.recurrence_id else new_start,
                                         venue, block.recurrence_id)
            else:
                self.move_requested.emit(block.uid, new_start, venue)
        else:
            shift = end.astimezone(UTC) - block.end.astimezone(UTC)
            new_end = (event.end.astimezone(UTC) + shift).astimezone(event.zone)
            self.resize_requested.emit(block.uid, new_end)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Select what is under the mouse (an event, or an empty slot) and ask for its
        menu; on a "+N", list what it holds. The menu key asks for the selection's."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            block = self._focused_block()
            slot = None
            if block is not None:
                rect = self._block_rect(block, self.keys().index(block.key))
                at = QPointF(rect.left() + 8, rect.top() + 8)
            elif self._selected:
                at = QPointF(self._ruler_width() + 8, self._grid_top() + 8)
            else:
                slot = self._slot
                at = QPointF(self._ruler_width() + 8, self._grid_top() + 8)
                if slot is not None:
                    index = self.keys().index((slot.day, slot.venue))
                    at = QPointF(self.column_left(index) + 8, self.time_to_y(slot.start) + 4)
            self.context_menu_requested.emit(self._vp.mapToGlobal(at.toPoint()), slot)
            return
        pos = QPointF(event.pos())
        self._press = None
        block = self.block_at(pos)
        item = self.band_item_at(pos) if block is None else None
        uid = block.uid if block is not None else item.uid if item is not None else None
        if uid is not None:
            if uid not in self._selected:
                self.select_uids([uid])
            if block is not None:
                self._cursor = (block.uid, block.key, block.recurrence_id or block.start)
            self.context_menu_requested.emit(event.globalPos(), self.slot_at(pos))
            return
        group = self.more_at(pos)
        if group is not None:
            self.open_list(group.blocks, event.globalPos())
            return
        slot = self.slot_at(pos)
        if slot is not None:
            self.select_slot(slot)
            self.context_menu_requested.emit(event.globalPos(), slot)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        self._press = None
        self._drag = None
        if pos.y() < self._header_height() and self._mode == "week":
            index = self.column_at(pos.x())
            if index is not None:
                self.day_activated.emit(self.keys()[index][0])
            return
        block = self.block_at(pos)
        if block is not None:
            self.select_uids([block.uid])
            self._cursor = (block.uid, block.key, block.recurrence_id or block.start)
            self.edit_requested.emit(block.uid)
            return
        item = self.band_item_at(pos)
        if item is not None:
            self.select_uids([item.uid])
            self.edit_requested.emit(item.uid)
            return
        if self._overflow_at(pos) is not None or self.more_at(pos) is not None:
            return  # the press has listed them
        slot = self.slot_at(pos)
        if slot is not None:
            self.create_requested.emit(slot.start, slot.venue)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y()
            if steps > 0:
                bigger = [h for h in HOUR_HEIGHTS if h > self._px]
                if bigger:
                    self.set_hour_height(bigger[0], event.position().y())
            elif steps < 0:
                smaller = [h for h in HOUR_HEIGHTS if h < self._hour_height]
                if smaller:
                    self.set_hour_height(smaller[-1], event.position().y())
            event.accept()
            return
        hbar = self.horizontalScrollBar()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and hbar.maximum() > 0:
            # Shift and the wheel: sideways through a week wider than the window, as in a
            # browser (Qt would scroll the hours a page at a time).
            delta = event.angleDelta().y() or event.angleDelta().x()
            hbar.setValue(hbar.value() - round(delta / 120 * 3 * hbar.singleStep()))
            event.accept()
            return
        super().wheelEvent(event)

    # -- keyboard -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self._press = None
            self._end_preview()
            self._vp.update()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._selected:
            self.delete_requested.emit(list(self._selected))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected:
            self.edit_requested.emit(self._selected[0])
            return
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (
            key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.zoom_in()
            return
        if event.matches(QKeySequence.StandardKey.ZoomOut) or (
            key == Qt.Key.Key_Minus and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.zoom_out()
            return
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                          | Qt.KeyboardModifier.AltModifier
                                          | Qt.KeyboardModifier.ShiftModifier))
        if plain and key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Left,
                             Qt.Key.Key_Right):
            self._step_selection(key)
            return
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and (
                event.modifiers() & Qt.KeyboardModifier.AltModifier):
            # The window's Previous/Next have these keys; on its own the grid pages too.
            self.step_date(1 if key == Qt.Key.Key_PageDown else -1)
            return
        super().keyPressEvent(event)


@compared
@dataclass(slots=True, repr=False, eq=False)
class _Press:
    """A mouse press on a block, until it turns into a drag or a click."""
    pos: QPointF
    block: Block
    mode: Literal["move", "resize"]
    minutes: float  # the time of day pressed, in minutes
    copy: bool = False  # Ctrl held: a drag copies the event


@compared
@dataclass(slots=True, repr=False, eq=False)
class _Drag:
    """A block being moved or resized by the mouse (a copy with Ctrl held)."""
    block: Block
    mode: Literal["move", "resize"]
    key: Key
    top: float
    bottom: float
    copy: bool = False
    moved: bool = False


def input_help() -> list[tuple[str, list[str]]]:
    """What the grid does with keys and the mouse besides the window's actions, for Help ›
    Keyboard Shortcuts: ``(what, [input, ...])``, an input a key sequence ("Backspace") or
    modifiers and a mouse gesture after "@" ("Ctrl+@drag"; see ui.dialogs.shortcuts).
    Kept here, beside the handlers above: a key or gesture added to them goes here too."""
    return [
        (QCoreApplication.translate("GridView", "Select an event, or the slot to paste into"),
         ["@click"]),
        (QCoreApplication.translate("GridView", "Add an event to the selection or take it "
                                                "away"), ["Ctrl+@click"]),
        (QCoreApplication.translate("GridView", "Move the selection to the event or day "
                                                "beside it"), ["Up", "Down", "Left", "Right"]),
        (QCoreApplication.translate("GridView", "Edit the selected event"),
         ["Return", "Enter"]),
        (QCoreApplication.translate("GridView", "Delete the selected events"),
         ["Del", "Backspace"]),
        (QCoreApplication.translate("GridView", "Move an event to another time, day or "
                                                "venue"), ["@drag"]),
        (QCoreApplication.translate("GridView", "Change an event's length"), ["@drag-end"]),
        (QCoreApplication.translate("GridView", "Copy an event to where it is dropped"),
         ["Ctrl+@drag"]),
        (QCoreApplication.translate("GridView", "Scroll to a time or day out of view while "
                                                "dragging"), ["@drag-edge"]),
        (QCoreApplication.translate("GridView", "Cancel the drag"), ["Esc"]),
        (QCoreApplication.translate("GridView", "Edit the event under the pointer"),
         ["@double-click"]),
        (QCoreApplication.translate("GridView", "New event at the empty slot"),
         ["@double-click"]),
        (QCoreApplication.translate("GridView", "Show the day whose heading is "
                                                "double-clicked"), ["@double-click"]),
        (QCoreApplication.translate("GridView", "The menu of an event or a slot"),
         ["@right-click", "Menu"]),
        (QCoreApplication.translate("GridView", "List the events behind “+N”"), ["@click"]),
        (QCoreApplication.translate("GridView", "Zoom the hours in or out"), ["Ctrl+@wheel"]),
        (QCoreApplication.translate("GridView", "Scroll the days sideways"),
         ["Shift+@wheel"]),
        (QCoreApplication.translate("GridView", "Hide or show a track (its chip under the "
                                                "grid)"), ["@click"]),
        (QCoreApplication.translate("GridView", "Place an unscheduled session (from its "
                                                "panel)"), ["@drag"]),
    ]


class TrackLegend(QWidget):
    """A row of coloured chips naming the tracks; a click on one hides its track or shows
    it again. The legend keeps no filter of its own: ``track_clicked`` asks whoever holds
    the filter (the Find panel's track boxes) to switch the track, and :meth:`set_hidden`
    shows what that filter hides (a chip hollow, grey and struck through)."""

    track_clicked = Signal(str)

    def __init__(self, programme: Programme, parent: QWidget | None = None, *,
                 lang: Lang = "en") -> None:
        super().__init__(parent)
        self._programme = programme
        self._lang: Lang = lang
        self._hidden: set[str] = set()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_programme(self, programme: Programme) -> None:
        self._programme = programme
        self.updateGeometry()
        self.update()

    def set_language(self, lang: Lang) -> None:
        self._lang = lang
        self.update()

    def set_hidden(self, tracks: Iterable[str]) -> None:
        """The tracks the filter hides now."""
        self._hidden = set(tracks)
        self.update()

    def hidden_tracks(self) -> set[str]:
        return set(self._hidden)

    def _chips(self) -> Iterator[tuple[str, str, QColor, QRectF]]:
        """Each track's id, name, colour and chip, as far as the row has room."""
        fm = QFontMetricsF(self.font())
        x, h = 8.0, fm.height()
        y = (self.height() - h) / 2
        for track in self._programme.tracks.values():
            name = track.name.get(self._lang)
            width = fm.horizontalAdvance(name) + 24
            if x + width > self.width():
                return
            yield track.id, name, QColor(track.colour), QRectF(x, y, width, h)
            x += width + 8

    def chip_rect(self, track: str) -> QRectF:
        """Where the chip of ``track`` is (an empty rectangle when it has no room)."""
        return next((rect for tid, _, _, rect in self._chips() if tid == track), QRectF())

    def chip_tooltip(self, track: str) -> str:
        item = self._programme.tracks.get(track)
        name = item.name.get(self._lang) if item is not None else track
        if track in self._hidden:
            return self.tr("{track}: hidden; click to show it").format(track=name)
        return self.tr("{track}: click to hide it").format(track=name)

    def _track_at(self, pos: QPointF) -> str | None:
        return next((tid for tid, _, _, rect in self._chips() if rect.contains(pos)), None)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        track = self._track_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and track is not None:
            self.track_clicked.emit(track)
            return
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self._track_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            track = self._track_at(QPointF(event.pos()))
            if track is not None:
                QToolTip.showText(event.globalPos(), plain_tooltip(self.chip_tooltip(track)),
                                  self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def sizeHint(self) -> QSize:
        return QSize(400, round(QFontMetricsF(self.font()).height() + 12))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        struck = QFont(self.font())
        struck.setStrikeOut(True)
        for track, name, colour, chip in self._chips():
            h = chip.height()
            hidden = track in self._hidden
            painter.setPen(QPen(CANCELLED_EDGE if hidden else colour.darker(115), 1,
                                Qt.PenStyle.DashLine if hidden else Qt.PenStyle.SolidLine))
            painter.setBrush(QColor("#ffffff") if hidden else _mix(colour, QColor("#ffffff"),
                                                                    0.78))
            painter.drawRoundedRect(chip, h / 2, h / 2)
            # A hidden track's dot is a ring: the colour is still there to recognise.
            painter.setBrush(Qt.BrushStyle.NoBrush if hidden else colour)
            painter.setPen(QPen(colour, 1.5) if hidden else Qt.PenStyle.NoPen)
            painter.drawEllipse(QPointF(chip.left() + 9, chip.center().y()), 4, 4)
            painter.setFont(struck if hidden else self.font())
            painter.setPen(_CANCELLED_TEXT if hidden else QColor("#1b1b1b"))
            painter.drawText(chip.adjusted(16, 0, -6, 0), Qt.AlignmentFlag.AlignVCenter, name)
        painter.end()


# ---------------------------------------------------------------------------------------------


def _fill(painter: QPainter, rect: QRectF | QRect, brush: QColor | QBrush) -> None:
    """``painter.fillRect(rect, brush)``, the same pixels (a rectangle drawn without a pen):
    PySide6 resolves a call of ``fillRect`` from Python against overloads that include
    ``QGradient.Preset``, and the first such call makes the Python enums of all of
    ``QGradient``, about 13 M instructions of a start, for a gradient the grid never uses."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(brush)
    painter.drawRect(rect)
    painter.restore()


def _mix(colour: QColor, other: QColor, amount: float) -> QColor:
    """``colour`` moved ``amount`` of the way towards ``other``."""
    return QColor(
        round(colour.red() + (other.red() - colour.red()) * amount),
        round(colour.green() + (other.green() - colour.green()) * amount),
        round(colour.blue() + (other.blue() - colour.blue()) * amount),
    )


def _inner(rect: QRectF) -> QRectF:
    """Where a block's text goes inside its rectangle."""
    left, top, right, bottom = _PAD
    return rect.adjusted(left, top, -right, -bottom)


def _wrap_words(text: str, font: QFont, metrics: QFontMetricsF, width: float,
                max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines between words (and after hyphens),
    never inside a word: a word too long for a line of its own is cut there with an
    ellipsis ("Internati…"), and the last line ends with one when text is left.

    Qt's text layout does the breaking, in one pass over the text, rather than measuring
    candidate lines word by word."""
    layout = QTextLayout(text, font)
    layout.setTextOption(_WORD_WRAP)
    # Qt counts in UTF-16 code units, Python in code points: where they differ (characters
    # beyond the Basic Multilingual Plane, such as emoji), cut the UTF-16 form.
    wide = not text.isascii() and max(text) > "\uffff"
    units: str | bytes = text.encode("utf-16-le") if wide else text
    step = 2 if wide else 1

    def cut(first: int, last: int | None = None) -> str:
        if not wide:
            return text[first:last]
        part = units[step * first:None if last is None else step * last]
        assert isinstance(part, bytes)
        return part.decode("utf-16-le", "replace")

    elide = Qt.TextElideMode.ElideRight
    lines: list[str] = []
    end = 0
    layout.beginLayout()
    while len(lines) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start = line.textStart()
        end = start + line.textLength()
        part = cut(start, end).strip()
        if line.naturalTextWidth() > width and metrics.horizontalAdvance(part) > width:
            part = metrics.elidedText(part, elide, width)
        lines.append(part)
    layout.endLayout()
    if lines and step * end < len(units):
        rest = cut(layout.lineAt(len(lines) - 1).textStart())
        lines[-1] = metrics.elidedText(" ".join(rest.split()), elide, width)
    return lines


def clash_tooltip_line(day: date | None) -> str:
    """The line of an event's tooltip that says it clashes: of one occurrence of a repeating
    event, naming its ``day`` (of a series only some occurrences may clash); of an event as
    a whole (``None``), without. The grid's and the agenda's tooltips say it alike."""
    from PySide6.QtCore import QCoreApplication

    if day is None:
        return QCoreApplication.translate("GridView", "Clashes with another event")
    return QCoreApplication.translate(
        "GridView", "This occurrence ({day}) clashes with another event").format(
        day=f"{_weekday_name(day)} {_date_text(day)}")


def _weekday_name(day: date) -> str:
    from PySide6.QtCore import QDate, QLocale

    return QLocale().dayName(QDate(day.year, day.month, day.day).dayOfWeek(),
                             QLocale.FormatType.LongFormat)


def _date_text(day: date) -> str:
    from ui.i18n import long_date

    return long_date(day)  # as the language writes it: "3. April 2019", "3 апреля 2019 г."


def _day_month(day: date) -> str:
    from ui.i18n import day_month

    return day_month(day)


def _zone_label(zone: ZoneInfo, day: date) -> str:
    # The place and the zone's short name in the window's language: "Moskau / UTC+3".
    from ui.i18n import zone_abbreviation, zone_city

    return f"{zone_city(zone.key)}\n{zone_abbreviation(zone.key, day)}"


def _beside_ghosts(visible: list[Block], ghosts: list[tuple[Block, Event]]) -> list[Block]:
    """Lanes for a column's ghost blocks (a previewed plan, a session dragged in) as if
    they were placed: each cluster of overlapping blocks that a ghost joins is laid out
    anew with the ghosts in it (:func:`planner.layout.place`), so that a ghost takes the
    width of its lane rather than covering the column. Returns ``visible`` with the blocks
    of such clusters in their new lanes; ``ghosts`` get theirs in place."""
    items: list[tuple[tuple[str, int], float, float]] = [
        *((("block", n), b.top, b.bottom) for n, b in enumerate(visible)),
        *((("ghost", n), g.top, g.bottom) for n, (g, _) in enumerate(ghosts))]
    items.sort(key=lambda item: (item[1], -item[2]))
    clusters: list[list[tuple[tuple[str, int], float, float]]] = []
    reach = float("-inf")
    for item in items:
        if not clusters or item[1] >= reach:
            clusters.append([])
            reach = item[2]
        else:
            reach = max(reach, item[2])
        clusters[-1].append(item)
    result = list(visible)
    for cluster in clusters:
        if not any(kind == "ghost" for (kind, _), _, _ in cluster):
            continue
        for (kind, n), lane in place(cluster).items():
            if kind == "block":
                result[n] = dataclasses.replace(result[n], column=lane.column,
                                                columns=lane.columns, span=lane.span)
            else:
                block, event = ghosts[n]
                ghosts[n] = (dataclasses.replace(block, column=lane.column,
                                                 columns=lane.columns, span=lane.span), event)
    return result


def _share(needs: list[float], total: float) -> list[float]:
    """Column widths of at least ``needs`` that fill ``total`` where they leave room: what
    is left over goes to the narrowest first, so that columns needing no more than the
    others' share are all alike. Where the needs take more than ``total``, they are kept
    (the grid scrolls)."""
    if not needs or sum(needs) >= total:
        return list(needs)
    rest, count = total, len(needs)
    level = rest / count
    for need in sorted(needs, reverse=True):
        level = rest / count
        if need <= level or count == 1:
            break
        rest -= need
        count -= 1
    return [max(need, level) for need in needs]
