"""Placement of overlapping events side by side, and rows of the all-day band (tables)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.layout import More, Placement, band_rows, limit_columns, place, working_hours

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


# Each case: items, max_columns, kept (None: the default), the expected
# {key: (column, columns, span, more)} of the items that keep a sub-column, and the "+N"
# groups as (start, end, keys).
LIMIT_CASES = {
    "room enough: as place() has it": (
        [("a", 600, 720), ("b", 660, 780)], 2, None,
        {"a": (0, 2, 1, False), "b": (1, 2, 1, False)}, [],
    ),
    "one too many: the first keeps its sub-column, the rest is one group": (
        [("a", 600, 720), ("b", 600, 700), ("c", 610, 680)], 2, None,
        {"a": (0, 1, 1, True)}, [(600, 700, ("b", "c"))],
    ),
    "kept may be all max_columns (a narrow '+N' lane beside them)": (
        [("a", 600, 720), ("b", 600, 700), ("c", 610, 680)], 2, 2,
        {"a": (0, 2, 1, True), "b": (1, 2, 1, True)}, [(610, 680, ("c",))],
    ),
    "left-out items apart make groups of their own": (
        # a runs all morning; b, c, e and f each overlap it (and their neighbour);
        # c and f get the second sub-column, but c ends before f starts.
        [("a", 540, 780), ("b", 540, 600), ("c", 570, 630), ("e", 660, 720),
         ("f", 690, 750)], 2, None,
        {"a": (0, 1, 1, True)}, [(540, 630, ("b", "c")), (660, 750, ("e", "f"))],
    ),
    "touching left-out items stay apart": (
        [("a", 600, 720), ("b", 600, 660), ("c", 660, 720)], 1, None,
        {"a": (0, 1, 1, True)}, [(600, 660, ("b",)), (660, 720, ("c",))],
    ),
    "other clusters are not touched": (
        [("a", 600, 660), ("b", 600, 660), ("c", 600, 660), ("d", 900, 960),
         ("e", 930, 990)], 2, None,
        {"a": (0, 1, 1, True), "d": (0, 2, 1, False), "e": (1, 2, 1, False)},
        [(600, 660, ("b", "c"))],
    ),
    "spans stop at the kept sub-columns": (
        # d would widen over the sub-columns b and c left free; only one is kept.
        [("a", 600, 660), ("b", 600, 700), ("c", 630, 800), ("d", 700, 760)], 2, None,
        {"b": (0, 1, 1, True), "d": (0, 1, 1, True)}, [(600, 800, ("a", "c"))],
    ),
    "a single column keeps one sub-column at least": (
        [("a", 600, 660), ("b", 600, 660)], 1, 0,
        {"a": (0, 1, 1, True)}, [(600, 660, ("b",))],
    ),
}


@pytest.mark.parametrize("items, most, kept, expected, groups", LIMIT_CASES.values(),
                         ids=LIMIT_CASES.keys())
def test_limit_columns(items, most, kept, expected, groups):
    placed, more = limit_columns(items, most, kept)
    assert {k: (p.column, p.columns, p.span, p.more) for k, p in placed.items()} == expected
    assert more == [More(s, e, keys) for s, e, keys in groups]


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


@given(intervals, st.integers(1, 6), st.integers(0, 6))
def test_limit_columns_shows_or_counts_every_item_once(spans, most, kept):
    items = [(n, s, e) for n, (s, e) in enumerate(spans)]
    placed, more = limit_columns(items, most, kept)
    grouped = [k for group in more for k in group.keys]
    # Every item is either in a sub-column or in exactly one "+N" group.
    assert sorted([*placed, *grouped]) == [n for n, _, _ in items]
    for n, s, e in items:
        if n in placed:
            p = placed[n]
            assert p.columns <= most and 1 <= p.span <= p.columns - p.column
            for m, s2, e2 in items:
                if m != n and m in placed and _overlap((s, e), (s2, e2)):
                    q = placed[m]
                    assert not set(range(p.column, p.column + p.span)) & set(
                        range(q.column, q.column + q.span))
    for group in more:
        members = [(s, e) for n, s, e in items if n in group.keys]
        assert group.start == min(s for s, _ in members)
        assert group.end == max(e for _, e in members)
    # Groups follow one another without overlapping: each is one "+N" in the column.
    for first, second in zip(more, more[1:], strict=False):
        assert first.end <= second.start
    if max((p.columns for p in place(items).values()), default=0) <= most:
        assert placed == place(items) and more == []


# Each case: spans in minutes, and the hours shown (minutes after midnight).
HOURS_CASES = {
    "no events: a working day": ([], (480, 1200)),
    "a festival day": ([(540, 600), (1140, 1290)], (540, 1320)),
    "starts and ends between full hours": ([(555, 700), (800, 1265)], (540, 1320)),
    "a short day is widened to eight hours, later first": ([(600, 720)], (600, 1080)),
    "near midnight it is widened earlier": ([(1200, 1380)], (960, 1440)),
    "ending at midnight": ([(600, 1440)], (600, 1440)),
    "the whole day": ([(0, 1440)], (0, 1440)),
}


@pytest.mark.parametrize("spans, expected", HOURS_CASES.values(), ids=HOURS_CASES.keys())
def test_working_hours(spans, expected):
    assert working_hours(spans) == expected


@given(st.lists(st.tuples(st.integers(0, 1439), st.integers(1, 600)), max_size=20))
def test_working_hours_hold_every_span(spans):
    spans = [(s, min(s + n, 1440)) for s, n in spans]
    low, high = working_hours(spans)
    assert 0 <= low < high <= 1440 and low % 60 == 0 and high % 60 == 0
    assert high - low >= 480
    assert all(low <= s and e <= high for s, e in spans)
