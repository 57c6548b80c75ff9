"""Where overlapping events sit side by side in a time grid column, and in the all-day band.

Pure functions over plain intervals, so the grid only paints what these return and the rules
can be tested with tables. The placement follows KOrganizer's ``CellItem::placeItem``: items
that overlap (directly or through others) form a cluster; each item takes the leftmost
sub-column that is free at its start; every item of a cluster shares the cluster's number of
sub-columns. Intervals that only touch (one ends when the next starts) do not overlap.

A crowded cluster (more sub-columns than the column has room for at a readable width) keeps
its first sub-columns and gathers what is left into "+N" groups, as a calendar's month view
does (:func:`limit_columns`): a block too narrow to show its time and title helps nobody.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from planner.records import compared

K = TypeVar("K", bound=Hashable)


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Placement:
    """An item's sub-column (from 0), its cluster's sub-column count, and how many
    sub-columns it may fill to the right without covering another item (at least 1).
    ``more`` says that its cluster was too crowded: to the right of its ``columns``
    sub-columns, the cluster's "+N" groups (see :func:`limit_columns`) need room."""

    column: int
    columns: int
    span: int = 1
    more: bool = False


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class More(Generic[K]):
    """Items of a crowded cluster that got no sub-column, from the earliest start to the
    latest end among them (items in one group overlap one another, directly or through
    others in the group). Keys are in order of start."""

    start: Any
    end: Any
    keys: tuple[K, ...]


def place(items: Sequence[tuple[K, Any, Any]]) -> dict[K, Placement]:
    """Place ``(key, start, end)`` items side by side; returns each key's placement.

    ``start`` and ``end`` may be any ordered values (minutes, datetimes) with
    ``start < end``. Ties are broken by longer item first, then by key order of the input,
    so the result does not depend on the order of ``items`` beyond that.
    """
    order = sorted(range(len(items)), key=lambda n: (items[n][1], _neg(items[n][2]), n))
    result: dict[K, Placement] = {}
    cluster: list[tuple[int, int]] = []  # (item index, sub-column)
    # Items still running, by end, and the sub-columns they have left free: each item takes
    # the leftmost free sub-column, so the search is a heap pop rather than a scan.
    running: list[tuple[Any, int]] = []
    free: list[int] = []
    used = 0

    for n in order:
        _, start, end = items[n]
        while running and not start < running[0][0]:
            heapq.heappush(free, heapq.heappop(running)[1])
        if not running and cluster:
            _finish_cluster(items, cluster, used, result)
            cluster.clear()
            free.clear()
            used = 0
        if free:
            column = heapq.heappop(free)
        else:
            column = used
            used += 1
        heapq.heappush(running, (end, column))
        cluster.append((n, column))
    if cluster:
        _finish_cluster(items, cluster, used, result)
    return result


class _Neg:
    """Reverses the order of a value, for "longer first" on any ordered type."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Neg) -> bool:
        return bool(other.value < self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Neg) and bool(self.value == other.value)

    def __hash__(self) -> int:
        return hash(self.value)


def _neg(value: Any) -> Any:
    return -value if isinstance(value, int | float) else _Neg(value)


def _finish_cluster(
    items: Sequence[tuple[K, Any, Any]],
    cluster: list[tuple[int, int]],
    columns: int,
    result: dict[K, Placement],
) -> None:
    # Per sub-column, its items' starts and ends in order (items in one sub-column never
    # overlap), so "is this stretch free?" is one bisection.
    starts: list[list[Any]] = [[] for _ in range(columns)]
    ends: list[list[Any]] = [[] for _ in range(columns)]
    for n, column in cluster:
        starts[column].append(items[n][1])
        ends[column].append(items[n][2])

    def free(column: int, start: Any, end: Any) -> bool:
        i = bisect_right(starts[column], start)
        # The item starting at or before ``start`` must end by then; the next must start
        # at or after ``end``.
        if i > 0 and start < ends[column][i - 1]:
            return False
        return i >= len(starts[column]) or not starts[column][i] < end

    for n, column in cluster:
        key, start, end = items[n]
        span = 1
        while column + span < columns and free(column + span, start, end):
            span += 1
        result[key] = Placement(column, columns, span)


def limit_columns(
    items: Sequence[tuple[K, Any, Any]], max_columns: int, kept: int | None = None
) -> tuple[dict[K, Placement], list[More[K]]]:
    """:func:`place` for a column with room for at most ``max_columns`` sub-columns.

    A cluster that needs more keeps its first ``kept`` sub-columns (``max_columns - 1`` by
    default, at least 1), with ``more`` set on their placements; the items placed further
    right are left out and returned as :class:`More` groups, in order of start. Other
    clusters are placed as :func:`place` places them. Spans stop at the kept sub-columns.
    """
    max_columns = max(int(max_columns), 1)
    keep = max(max_columns - 1 if kept is None else min(int(kept), max_columns), 1)
    placed = place(items)
    if all(p.columns <= max_columns for p in placed.values()):
        return placed, []
    result: dict[K, Placement] = {}
    left_out: list[tuple[Any, Any, int, K]] = []
    for n, (key, item_start, item_end) in enumerate(items):
        p = placed[key]
        if p.columns <= max_columns:
            result[key] = p
        elif p.column < keep:
            result[key] = Placement(p.column, keep, min(p.span, keep - p.column), True)
        else:
            left_out.append((item_start, item_end, n, key))
    left_out.sort(key=lambda t: (t[0], t[2]))
    groups: list[More[K]] = []
    start: Any = None
    end: Any = None
    keys: list[K] = []
    for item_start, item_end, _n, key in left_out:
        if keys and item_start < end:
            keys.append(key)
            if end < item_end:
                end = item_end
            continue
        if keys:
            groups.append(More(start, end, tuple(keys)))
        start, end, keys = item_start, item_end, [key]
    if keys:
        groups.append(More(start, end, tuple(keys)))
    return result, groups


def band_rows(items: Sequence[tuple[K, int, int]]) -> tuple[dict[K, int], int]:
    """Rows of the all-day band for ``(key, first_day, last_day)`` items (day numbers,
    inclusive): each item takes the top row free on all its days. Returns the rows and
    the number of rows used. Items are taken longest first, then by first day, then input
    order, as KOrganizer's month and agenda bands do."""
    order = sorted(range(len(items)), key=lambda n: (items[n][1], items[n][1] - items[n][2], n))
    row_ends: list[int] = []  # last day taken in each row
    rows: dict[K, int] = {}
    for n in order:
        key, first, last = items[n]
        for row, last_taken in enumerate(row_ends):
            if last_taken < first:
                row_ends[row] = last
                break
        else:
            row = len(row_ends)
            row_ends.append(last)
        rows[key] = row
    return rows, len(row_ends)


# Without events, a programme's day is shown from 8:00 to 20:00; and the hours shown are
# never fewer than this many, so that two short talks do not fill the window alone.
DEFAULT_HOURS = (8 * 60, 20 * 60)
SHORTEST_DAY = 8 * 60


def working_hours(spans: Iterable[tuple[float, float]]) -> tuple[int, int]:
    """The hours of a day a programme's ``(start, end)`` spans (minutes after midnight, as
    they fall on one day) need: from the full hour at or before the earliest start to the
    full hour at or after the latest end, at least :data:`SHORTEST_DAY` long (later hours
    added first, then earlier ones). Returns minutes after midnight (0 to 1440)."""
    first, last = None, None
    for start, end in spans:
        first = start if first is None or start < first else first
        last = end if last is None or end > last else last
    if first is None or last is None:
        return DEFAULT_HOURS
    low = max(int(first // 60) * 60, 0)
    high = min(-int(-last // 60) * 60, 24 * 60)
    high = max(high, low + 60)
    if high - low < SHORTEST_DAY:
        high = min(low + SHORTEST_DAY, 24 * 60)
        low = max(high - SHORTEST_DAY, 0)
    return low, high
