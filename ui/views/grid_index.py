"""What the time grid shows, column by column: its blocks, its "+N" groups and its band.

The index knows every event's occurrences cut into day columns (once, when an event
arrives or changes); a column works out which of its blocks the filter shows, and where
they sit side by side (:func:`planner.layout.limit_columns`), only when it is looked at, so
a filter or a resize costs only the columns in view. No painting and no Qt here: the grid
(:mod:`ui.views.grid`) turns minutes and sub-columns into pixels.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from planner.layout import limit_columns
from planner.model import Event
from planner.records import compared
from planner.recurrence import expand

Key = tuple[date, str | None]  # a column: a day, and a venue id in the venue grid
MINUTES_PER_DAY = 24 * 60


@compared
@dataclass(slots=True, repr=False, eq=False)
class Block:
    """One occurrence of a timed event in one column, with its place among overlaps."""

    uid: str
    key: Key
    start: datetime  # of the whole occurrence, in the programme's zone
    end: datetime
    top: float  # minutes after the column's midnight
    bottom: float
    column: int = 0
    columns: int = 1
    span: int = 1
    # Past midnight an occurrence is cut into a block a day: this one begins at 00:00 of
    # a later day (cut_before), or goes on into the next (cut_after, so no end to drag).
    cut_before: bool = False
    cut_after: bool = False
    # Its cluster was too crowded: a "+N" group needs room to the right of its sub-columns.
    more: bool = False
    # Of a repeating event: the start the series gives this occurrence (RECURRENCE-ID),
    # and, where the occurrence was changed on its own, what it is now (an override).
    recurrence_id: datetime | None = None
    occurrence: Event | None = None
    # Where it is drawn: inside the hours shown, and never shorter than a line of text
    # (None until the column is laid out: a dragged ghost is placed as it is painted).
    view_top: float | None = None
    view_bottom: float | None = None


@compared
@dataclass(slots=True, repr=False, eq=False)
class MoreBlock:
    """Blocks of a crowded cluster that have no sub-column of their own: one "+N" in the
    column, from the first start to the last end among them."""

    key: Key
    top: float
    bottom: float
    blocks: tuple[Block, ...]

    @property
    def uids(self) -> list[str]:
        return [block.uid for block in self.blocks]


@compared
@dataclass(slots=True, repr=False, eq=False)
class BandItem:
    """An all-day or multi-day occurrence, painted in the band above the grid."""

    uid: str
    venue: str
    first: date
    last: date
    start: datetime
    end: datetime
    row: int = 0


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Limits:
    """How a column's blocks are laid out: at most ``columns`` sub-columns side by side
    (a crowded cluster keeps ``kept`` and gathers the rest into "+N"), each block at least
    ``shortest`` minutes tall (enough for a line of text at the current zoom), inside the
    hours shown (minutes ``first`` to ``last``): a block outside them is drawn at their
    edge, so that hiding the night never hides an event."""

    columns: int = 1_000_000
    kept: int = 1_000_000
    shortest: float = 0.0
    first: float = 0.0
    last: float = float(MINUTES_PER_DAY)

    def view(self, top: float, bottom: float) -> tuple[float, float]:
        """Where a block from ``top`` to ``bottom`` is drawn (minutes)."""
        shortest = min(self.shortest, self.last - self.first)
        low = min(max(top, self.first), self.last - shortest)
        high = max(min(bottom, self.last), low + shortest)
        return low, high


@compared
@dataclass(slots=True, repr=False, eq=False)
class _Column:
    """One column's blocks and how they were last laid out."""
    every: list[Block] = field(default_factory=list)  # of every event, shown or not
    blocks: list[Block] = field(default_factory=list)  # those the filter shows, by start
    # Of those, the blocks with a sub-column (by start) and the "+N" groups of the rest.
    placed: list[Block] = field(default_factory=list)
    more: list[MoreBlock] = field(default_factory=list)
    starts: list[float] = field(default_factory=list)  # of ``placed``
    longest: float = 0.0
    dirty: bool = True
    limits: Limits | None = None  # what ``placed`` was laid out for
    layouts: int = 0  # how many times it was laid out (what a width worked out for is of)


def day_parts(start: datetime, end: datetime,
              zone: ZoneInfo) -> Iterator[tuple[date, float, float, bool, bool]]:
    """Where a timed occurrence shows in the time grid: for each day it touches, the minutes
    after midnight it starts and ends there, and whether it began on an earlier day or runs
    on into the next. One running past midnight (a concert until 01:00) is cut there."""
    start, end = start.astimezone(zone), end.astimezone(zone)
    day = start.date()
    top = start.hour * 60 + start.minute + start.second / 60
    while True:
        next_midnight = datetime.combine(day + timedelta(days=1), time(0), zone)
        runs_on = end > next_midnight
        bottom = (MINUTES_PER_DAY if runs_on or end.date() > day
                  else end.hour * 60 + end.minute + end.second / 60)
        yield day, top, bottom, top == 0.0 and start.date() < day, runs_on
        if not runs_on:
            return
        day, top = day + timedelta(days=1), 0.0


class GridIndex:
    """Blocks per column key and band items of every event, kept up to date by event UID.

    A filter (:meth:`set_shown`) does not rebuild anything: it marks the columns, and a
    column works out which of its blocks show, and where they sit, when it is next looked
    at; only the columns in view are."""

    def __init__(self, zone: ZoneInfo, window: tuple[datetime, datetime]) -> None:
        self.zone = zone
        # A series shows on the programme's days (a rule may have no end).
        self.window = window
        self.columns: dict[Key, _Column] = {}
        self.band: dict[str, list[BandItem]] = {}
        self._keys: dict[str, set[Key]] = {}
        self.shown: set[str] | None = None  # None: every event
        self.limits = Limits()
        # Columns laid out for limits of their own: a crowded day whose titles need wider
        # sub-columns than the general limits allow for (see GridView._lay_out_columns).
        self._own_limits: dict[Key, Limits] = {}

    def set_shown(self, uids: set[str] | None) -> None:
        self.shown = uids
        for column in self.columns.values():
            column.dirty = True

    def set_limits(self, limits: Limits) -> None:
        """Lay the columns out anew for ``limits`` when next looked at (a resize or zoom)."""
        self.limits = limits

    def set_column_limits(self, key: Key, limits: Limits | None) -> None:
        """Lay column ``key`` out for ``limits`` rather than the general ones (``None``:
        for the general ones again)."""
        if limits is None:
            self._own_limits.pop(key, None)
        else:
            self._own_limits[key] = limits

    def spans(self, uid: str | None = None) -> Iterator[tuple[float, float]]:
        """The start and end (minutes) of every timed block on its day (of event ``uid``
        only, if given), for the hours a programme needs: a part before or after midnight
        of an event that runs past it does not count (a concert until 01:00 needs no
        night shown)."""
        if uid is None:
            keys: Iterable[Key] = self.columns
        else:
            keys = self._keys.get(uid, ())
        for key in keys:
            if key[1] is not None:
                continue  # each block is in its day's column and its venue's
            for block in self.columns[key].every:
                if uid is not None and block.uid != uid:
                    continue
                if block.cut_before and block.cut_after:
                    continue
                top = block.top if not block.cut_before else block.bottom
                bottom = block.bottom if not block.cut_after else block.top
                yield min(top, bottom), max(top, bottom)

    def band_items(self) -> Iterator[BandItem]:
        shown = self.shown
        for uid, items in self.band.items():
            if shown is None or uid in shown:
                yield from items

    def add(self, event: Event) -> None:
        zone = self.zone
        keys: set[Key] = set()
        # An occurrence called off on its own stays in view, grey and struck through as a
        # cancelled event is, so that it can be seen and restored. A changed occurrence
        # shows where it now is.
        for occ in expand(event, *self.window).occurrences:
            venue = occ.event.venue
            start, end = occ.start.astimezone(zone), occ.end.astimezone(zone)
            day = start.date()
            if event.all_day or end - start >= timedelta(days=1):
                last = (end - timedelta(microseconds=1)).date()
                self.band.setdefault(event.uid, []).append(
                    BandItem(event.uid, venue, day, max(day, last), start, end)
                )
                continue
            for day, top, bottom, cut_before, cut_after in day_parts(start, end, zone):
                for key in ((day, None), (day, venue)):
                    column = self.columns.get(key)
                    if column is None:
                        column = self.columns[key] = _Column()
                    column.every.append(Block(
                        event.uid, key, start, end, top, bottom, cut_before=cut_before,
                        cut_after=cut_after, recurrence_id=occ.recurrence_id,
                        occurrence=occ.event if occ.event is not event else None))
                    column.dirty = True
                    keys.add(key)
        if keys:
            self._keys[event.uid] = keys

    def remove(self, uid: str) -> None:
        self.band.pop(uid, None)
        for key in self._keys.pop(uid, ()):
            column = self.columns[key]
            column.every = [b for b in column.every if b.uid != uid]
            column.dirty = True

    def column(self, key: Key) -> _Column | None:
        """Column ``key`` with the blocks the filter shows, sorted by start (not laid out:
        see :meth:`laid_out`)."""
        column = self.columns.get(key)
        if column is not None and column.dirty:
            shown = self.shown
            column.blocks = (list(column.every) if shown is None
                             else [b for b in column.every if b.uid in shown])
            column.blocks.sort(key=lambda b: (b.top, -b.bottom, b.uid))
            column.limits = None
            column.dirty = False
        return column

    def laid_out(self, key: Key) -> _Column | None:
        """Column ``key`` with its shown blocks placed side by side for the current limits."""
        column = self.column(key)
        limits = self._own_limits.get(key, self.limits)
        if column is None or column.limits == limits:
            return column
        blocks = column.blocks
        for block in blocks:
            block.view_top, block.view_bottom = limits.view(block.top, block.bottom)
        placed, more = limit_columns(
            [(n, b.view_top, b.view_bottom) for n, b in enumerate(blocks)],
            limits.columns, limits.kept)
        column.placed = []
        for n, block in enumerate(blocks):
            p = placed.get(n)
            if p is not None:
                block.column, block.columns, block.span, block.more = (
                    p.column, p.columns, p.span, p.more)
                column.placed.append(block)
        column.more = [MoreBlock(key, group.start, group.end,
                                 tuple(blocks[n] for n in group.keys)) for group in more]
        spans = [limits.view(b.top, b.bottom) for b in column.placed]
        column.starts = [top for top, _ in spans]
        column.longest = max((bottom - top for top, bottom in spans), default=0.0)
        column.limits = limits
        column.layouts += 1
        return column

    def visible(self, key: Key, first: float, last: float) -> list[Block]:
        """Placed blocks of column ``key`` that show between minutes ``first`` and ``last``."""
        column = self.laid_out(key)
        if column is None or not column.placed:
            return []
        lo = bisect.bisect_left(column.starts, first - column.longest)
        hi = bisect.bisect_right(column.starts, last)
        return [b for b in column.placed[lo:hi] if (b.view_bottom or 0.0) > first]

    def visible_more(self, key: Key, first: float, last: float) -> list[MoreBlock]:
        """The "+N" groups of column ``key`` that show between minutes ``first`` and ``last``."""
        column = self.laid_out(key)
        if column is None:
            return []
        return [m for m in column.more if m.top <= last and m.bottom > first]
