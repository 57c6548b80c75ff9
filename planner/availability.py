"""When a person or a venue can be booked: their availability windows as spans of time.

The rule (the one :class:`planner.model.TimeWindow` states): with no ``available`` window,
someone is available at any time; with one or more, only inside them; ``blocked`` windows
are taken out either way. Spans are half-open ``(start, end)`` pairs of POSIX timestamps
(floats), sorted and disjoint, so that the clash check and the solver compare instants
without time-zone arithmetic; ``-inf`` and ``inf`` stand for "always".
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from planner.i18n import msg
from planner.model import Person, TimeWindow, ValidationError, Venue, WindowKind

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


# ---------------------------------------------------------------------------------------------
# Windows as one line of text (the entities dialog's cells)

_STAMP = "%Y-%m-%d %H:%M"


def windows_text(windows: Iterable[TimeWindow], kind: str = "available") -> str:
    """The windows of ``kind`` as one line: ``2019-04-04 09:00–18:00; 2019-04-05
    10:00 – 2019-04-06 12:00`` (the end's date is left out when it is the start's)."""
    parts = []
    for window in windows:
        if window.kind != kind:
            continue
        start, end = window.start, window.end
        if end.date() == start.date():
            parts.append(f"{start:{_STAMP}}\u2013{end:%H:%M}")
        else:
            parts.append(f"{start:{_STAMP}} \u2013 {end:{_STAMP}}")
    return "; ".join(parts)


def parse_windows(text: str, zone: ZoneInfo, kind: WindowKind = "available"
                  ) -> tuple[TimeWindow, ...]:
    """Windows of ``kind`` from a line as :func:`windows_text` writes it (a hyphen may
    stand for the dash); times are wall-clock in ``zone``. Raises
    :class:`~planner.model.ValidationError` naming the part that cannot be read."""
    windows = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        match = _WINDOW_RE.match(part)
        if match is None:
            raise ValidationError(msg(
                "'{text}' is not a time span (YYYY-MM-DD HH:MM–HH:MM, or YYYY-MM-DD HH:MM – "
                "YYYY-MM-DD HH:MM)", text=part))
        day, start, end_day, end = match.groups()
        try:
            first = datetime.strptime(f"{day} {start}", _STAMP).replace(tzinfo=zone)
            last = datetime.strptime(f"{end_day or day} {end}", _STAMP).replace(tzinfo=zone)
        except ValueError:
            raise ValidationError(msg("'{text}' is not a real date and time",
                                      text=part)) from None
        if last <= first:
            raise ValidationError(msg("'{text}' ends before it starts", text=part))
        windows.append(TimeWindow(first, last, kind))
    return tuple(windows)


_WINDOW_RE = re.compile(
    r"^(\d{4}-\d{2}-\d{2})\s+(\d{1,2}:\d{2})\s*[-\u2013\u2014]\s*"
    r"(?:(\d{4}-\d{2}-\d{2})\s+)?(\d{1,2}:\d{2})$")
