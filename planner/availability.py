"""When a person or a venue can be booked: their availability windows as spans of time.

The rule (the one :class:`planner.model.TimeWindow` states): with no ``available`` window,
someone is available at any time; with one or more, only inside them; ``blocked`` windows
are taken out either way. Spans are half-open ``(start, end)`` pairs of POSIX timestamps
(floats), sorted and disjoint, so that the clash check and the solver compare instants
without time-zone arithmetic; ``-inf`` and ``inf`` stand for "always".
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import datetime

from planner.model import Person, TimeWindow, Venue

Span = tuple[float, float]
ALWAYS: tuple[Span, ...] = ((-math.inf, math.inf),)


def merge(spans: Iterable[Span]) -> list[Span]:
    """``spans`` sorted, with overlapping or touching ones joined; empty ones dropped."""
    result: list[Span] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if result and start <= result[-1][1]:
            if end > result[-1][1]:
                result[-1] = (result[-1][0], end)
        else:
            result.append((start, end))
    return result


def subtract(spans: Sequence[Span], holes: Sequence[Span]) -> list[Span]:
    """The parts of ``spans`` outside ``holes`` (both merged: sorted and disjoint)."""
    result: list[Span] = []
    j = 0
    for start, end in spans:
        while j < len(holes) and holes[j][1] <= start:
            j += 1
        k = j
        cursor = start
        while k < len(holes) and holes[k][0] < end:
            if holes[k][0] > cursor:
                result.append((cursor, holes[k][0]))
            cursor = max(cursor, holes[k][1])
            k += 1
        if cursor < end:
            result.append((cursor, end))
    return result


def complement(spans: Sequence[Span]) -> list[Span]:
    """Every instant outside ``spans`` (merged), as spans (possibly reaching ±inf)."""
    return subtract(ALWAYS, spans)


def _span(window: TimeWindow) -> Span:
    return (window.start.timestamp(), window.end.timestamp())


def free_spans(windows: Iterable[TimeWindow]) -> list[Span]:
    """The spans in which someone with ``windows`` is available (see the module doc)."""
    windows = list(windows)
    available = [_span(w) for w in windows if w.kind == "available"]
    blocked = merge(_span(w) for w in windows if w.kind == "blocked")
    base = merge(available) if available else list(ALWAYS)
    return subtract(base, blocked)


def busy_spans(windows: Iterable[TimeWindow]) -> list[Span]:
    """The spans in which someone with ``windows`` is not available."""
    return complement(free_spans(windows))


def has_limits(owner: Person | Venue) -> bool:
    """Whether ``owner`` has any availability windows at all (else: always available)."""
    return bool(owner.availability)


def uncovered(busy: Sequence[Span], start: float, end: float) -> Span | None:
    """The part of ``[start, end)`` that falls into ``busy`` (merged), from its first such
    instant to its last, or ``None`` when ``[start, end)`` is free throughout."""
    i = bisect_right(busy, (start, math.inf)) - 1
    if i >= 0 and busy[i][1] > start:
        first = start
    else:
        i += 1
        if i >= len(busy) or busy[i][0] >= end:
            return None
        first = busy[i][0]
    # The last busy span that begins before the end.
    k = bisect_right(busy, (end, -math.inf)) - 1
    last = min(end, busy[k][1])
    return (first, last)


def is_free(free: Sequence[Span], start: float, end: float) -> bool:
    """Whether ``[start, end)`` lies inside one of the ``free`` spans (merged)."""
    i = bisect_right(free, (start, math.inf)) - 1
    return i >= 0 and free[i][0] <= start and free[i][1] >= end


def free_minutes(free: Sequence[Span], lo: datetime, hi: datetime) -> float:
    """Minutes of ``free`` time between ``lo`` and ``hi``."""
    a, b = lo.timestamp(), hi.timestamp()
    return sum(max(0.0, min(e, b) - max(s, a)) for s, e in free) / 60
