"""Placement of overlapping events side by side, and rows of the all-day band (tables)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.layout import Placement, band_rows, place

# Each case: items as (key, start, end) in minutes, and the expected
# {key: (column, columns, span)}.
PLACE_CASES = {
    "empty": ([], {}),
    "one item": ([("a", 600, 660)], {"a": (0, 1, 1)}),
    "apart": (
        [("a", 600, 660), ("b", 700, 760)],
        {"a": (0, 1, 1), "b": (0, 1, 1)},
    ),
    "touching intervals do not overlap": (
        [("a", 600, 660), ("b", 660, 720)],
        {"a": (0, 1, 1), "b": (0, 1, 1)},
    ),
    "two overlapping": (
        [("a", 600, 720), ("b", 660, 780)],
        {"a": (0, 2, 1), "b": (1, 2, 1)},
    ),
    "same times: input order decides": (
        [("b", 600, 660), ("a", 600, 660)],
        {"b": (0, 2, 1), "a": (1, 2, 1)},
    ),
    "same start: longer first": (
        [("short", 600, 630), ("long", 600, 720)],
        {"long": (0, 2, 1), "short": (1, 2, 1)},
    ),
    "three in a row share a column when they can": (
        # a overlaps b and c; b and c do not overlap each other: c reuses b's column.
        [("a", 600, 780), ("b", 600, 660), ("c", 690, 750)],
        {"a": (0, 2, 1), "b": (1, 2, 1), "c": (1, 2, 1)},
    ),
    "chain makes one cluster": (
        # a-b overlap and b-c overlap, a and c do not: all three have two columns; c
        # takes a's column once a has ended.
        [("a", 600, 660), ("b", 630, 720), ("c", 690, 750)],
        {"a": (0, 2, 1), "b": (1, 2, 1), "c": (0, 2, 1)},
    ),
    "three overlapping, one spans the free space": (
        # a, b, c all overlap at 10:30; d starts after a and b end and can widen to the
        # right over the column b left free.
        [("a", 600, 660), ("b", 600, 700), ("c", 630, 800), ("d", 700, 760)],
        {"b": (0, 3, 1), "a": (1, 3, 1), "c": (2, 3, 1), "d": (0, 3, 2)},
    ),
    "an item left of a gap widens into it": (
        [("long", 600, 900), ("x", 600, 660), ("y", 600, 630), ("z", 700, 760)],
        # long=0, x=1, y=2; z comes when x and y have ended: column 1, and column 2 is free
        # for its whole time.
        {"long": (0, 3, 1), "x": (1, 3, 1), "y": (2, 3, 1), "z": (1, 3, 2)},
    ),
    "separate clusters count columns on their own": (
        [("a", 600, 660), ("b", 610, 670), ("c", 620, 680), ("d", 800, 860)],
        {"a": (0, 3, 1), "b": (1, 3, 1), "c": (2, 3, 1), "d": (0, 1, 1)},
    ),
}


@pytest.mark.parametrize("items, expected", PLACE_CASES.values(), ids=PLACE_CASES.keys())
def test_place(items, expected):
    result = place(items)
    assert {k: (p.column, p.columns, p.span) for k, p in result.items()} == expected


def test_place_takes_datetimes():
    zone = ZoneInfo("Europe/Moscow")

    def at(hour: int, minute: int = 0) -> datetime:
        return datetime(2019, 4, 4, hour, minute, tzinfo=zone)

    result = place([("a", at(10), at(12)), ("b", at(11), at(13)), ("c", at(12), at(13))])
    assert result == {
        "a": Placement(0, 2, 1),
        "b": Placement(1, 2, 1),
        "c": Placement(0, 2, 1),
    }


# Band: items as (key, first_day, last_day) inclusive; expected rows and row count.
BAND_CASES = {
    "empty": ([], {}, 0),
    "one day": ([("a", 0, 0)], {"a": 0}, 1),
    "same day stacks": ([("a", 0, 0), ("b", 0, 0)], {"a": 0, "b": 1}, 2),
    "consecutive days share a row": ([("a", 0, 1), ("b", 2, 3)], {"a": 0, "b": 0}, 1),
    "overlapping days stack": ([("a", 0, 2), ("b", 2, 3)], {"a": 0, "b": 1}, 2),
    "longer first on the same first day": (
        [("short", 1, 1), ("long", 1, 4)],
        {"long": 0, "short": 1},
        2,
    ),
    "a later item fills a freed row": (
        [("a", 0, 3), ("b", 0, 1), ("c", 2, 2)],
        {"a": 0, "b": 1, "c": 1},
        2,
    ),
}


@pytest.mark.parametrize("items, expected, count", BAND_CASES.values(), ids=BAND_CASES.keys())
def test_band_rows(items, expected, count):
    rows, used = band_rows(items)
    assert rows == expected
    assert used == count


intervals = st.lists(
    st.tuples(st.integers(0, 1440), st.integers(1, 300)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=40,
)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@given(intervals)
def test_place_invariants(spans):
    items = [(n, s, e) for n, (s, e) in enumerate(spans)]
    result = place(items)
    assert set(result) == {n for n, _, _ in items}
    for n, s, e in items:
        p = result[n]
        assert 0 <= p.column < p.columns
        assert 1 <= p.span <= p.columns - p.column
        for m, s2, e2 in items:
            if m == n or not _overlap((s, e), (s2, e2)):
                continue
            q = result[m]
            # Overlapping items are in one cluster and never cover each other.
            assert q.columns == p.columns
            mine = set(range(p.column, p.column + p.span))
            theirs = set(range(q.column, q.column + q.span))
            assert not mine & theirs


@given(intervals)
def test_place_uses_no_more_columns_than_the_deepest_overlap(spans):
    # Greedy colouring of intervals is optimal: a cluster needs exactly as many columns as
    # the most items alive at one moment (brute force over every start).
    items = [(n, s, e) for n, (s, e) in enumerate(spans)]
    result = place(items)
    for n, s, _ in items:
        alive = sum(1 for _, s2, e2 in items if s2 <= s < e2)
        assert result[n].columns >= alive
    deepest = max((sum(1 for _, s2, e2 in items if s2 <= s < e2) for _, s, _ in items),
                  default=0)
    assert max((p.columns for p in result.values()), default=0) == deepest


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 5)), max_size=30))
def test_band_rows_never_share_a_day(spans):
    items = [(n, first, first + length) for n, (first, length) in enumerate(spans)]
    rows, used = band_rows(items)
    for n, f, last in items:
        assert 0 <= rows[n] < used
        for m, f2, l2 in items:
            if m != n and f <= l2 and f2 <= last:
                assert rows[m] != rows[n]
