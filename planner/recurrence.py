"""Occurrences of repeating events, through dateutil.rrule, bounded by the programme's days.

A series is what RFC 5545 makes of an event: its own start (always the first occurrence),
the starts its RRULEs give, its RDATEs (a date-time, or a period with its own end), less its
EXDATEs; then its overrides (RECURRENCE-ID) move, change or cancel single occurrences, or,
with RANGE=THISANDFUTURE, an occurrence and every later one.

A rule is expanded on wall-clock time in the event's zone, then each occurrence gets the
zone back: a daily 16:00 event stays at 16:00 across a daylight-saving change, as RFC 5545
requires for a DTSTART with TZID.

Every expansion is bounded, so that no rule, however it is written, can run away: by a
window (callers pass the programme's days, :attr:`planner.model.Programme.window`), by a
number of occurrences (:data:`MAX_OCCURRENCES`) and by a number of dateutil's steps
(:data:`WORK_BUDGET`). dateutil stops a rule at its UNTIL or COUNT only when it finds an
occurrence; a rule that matches nothing (``BYMONTH=2;BYMONTHDAY=30``), or matches only
after millions of steps (``FREQ=SECONDLY;INTERVAL=7;BYSECOND=3;...``), would otherwise step
on to the year 9999. :class:`_BoundedRule` runs dateutil's own iteration with a step
counter and a horizon (see there).
"""

from __future__ import annotations

import dataclasses
import types
import warnings
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from dateutil import rrule

from planner.i18n import msg
from planner.model import ValidationError
from planner.records import compared

if TYPE_CHECKING:
    from planner.model import Event, Programme

# At most this many occurrences of one event come out of one expansion.
MAX_OCCURRENCES = 10_000
# At most this much of dateutil's work goes into one rule of one expansion: a step over a
# day or a week counts 1, a month 4, a year 52, a time of day tried 1 (about a quarter of a
# second at worst; a daily rule from 1970 to a programme in 2019 takes 18,000).
WORK_BUDGET = 20_000
_WEIGHT = (52, 4, 1)  # a year, a month, a week or day

Frequency = Literal["daily", "weekly"]
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


# ---------------------------------------------------------------------------------------------
# Bounded dateutil


class _Stop(Exception):
    """Raised inside dateutil's iteration when the horizon or the step budget is reached."""


class _Limits:
    __slots__ = ("horizon", "steps", "exhausted")

    def __init__(self, horizon: date, steps: int) -> None:
        self.horizon = horizon
        self.steps = steps
        self.exhausted = False

    def step(self, year: int, month: int, day: int, *, period: int) -> None:
        self.steps -= _WEIGHT[period]
        if self.steps < 0:
            self.exhausted = True
            raise _Stop
        # ``period`` says how much of the calendar the step looks at: a year, a month or a
        # day (a week starts on ``day``); it begins after the horizon only when its first day
        # does.
        first = (year, 1, 1) if period == 0 else (year, month, 1) if period == 1 else (
            year, month, min(day, 28))
        if first > (self.horizon.year, self.horizon.month, self.horizon.day):
            raise _Stop


# dateutil's internals, reached on purpose (see _BoundedRule); typed loosely.
_dateutil: Any = rrule


class _BoundedIterinfo(_dateutil._iterinfo):  # type: ignore[misc]
    """dateutil's per-iteration calendar helper, counting each period it is asked for.

    dateutil's ``rrule._iter`` asks it for the days of each year, month, week or day it
    steps through (and nothing else steps), so counting here bounds the whole iteration.
    (No ``__slots__`` of its own: dateutil's ``__init__`` fills those it finds on the
    instance's class.)"""

    def _limits(self) -> _Limits:
        rule: Any = self.rrule
        limits: _Limits = rule._planner_limits
        return limits

    def ydayset(self, year: int, month: int, day: int) -> Any:
        self._limits().step(year, month, day, period=0)
        return super().ydayset(year, month, day)

    def mdayset(self, year: int, month: int, day: int) -> Any:
        self._limits().step(year, month, day, period=1)
        return super().mdayset(year, month, day)

    def wdayset(self, year: int, month: int, day: int) -> Any:
        self._limits().step(year, month, day, period=2)
        return super().wdayset(year, month, day)

    def ddayset(self, year: int, month: int, day: int) -> Any:
        self._limits().step(year, month, day, period=2)
        return super().ddayset(year, month, day)


# dateutil's own iteration, unchanged, but looking up ``_iterinfo`` in a namespace where it is
# the counting helper above: the iteration stays dateutil's, and the module is not patched.
_bounded_iter = types.FunctionType(
    _dateutil.rrule._iter.__code__,
    {**vars(rrule), "_iterinfo": _BoundedIterinfo},
    "_iter",
    _dateutil.rrule._iter.__defaults__,
    _dateutil.rrule._iter.__closure__,
)


class _BoundedRule(rrule.rrule):
    """An ``rrule`` whose iteration stops at a horizon day and after a budget of steps.

    Hourly and finer rules also step through times of day inside one day (dateutil's private
    ``__mod_distance``): each of those counts as a step too."""

    _planner_limits: _Limits
    _iter = _bounded_iter

    def _rrule__mod_distance(self, value: int, byxxx: Any, base: int) -> Any:
        limits = self._planner_limits
        limits.steps -= 1
        if limits.steps < 0:
            limits.exhausted = True
            raise _Stop
        return rrule.rrule._rrule__mod_distance(self, value, byxxx, base)  # type: ignore[attr-defined]


def _bounded(rule: rrule.rrule, limits: _Limits, until: datetime | None) -> _BoundedRule:
    # What ``rrule.replace`` does, into our subclass (``replace`` always makes an rrule).
    parsed: Any = rule
    kwargs: dict[str, Any] = {
        "interval": parsed._interval, "count": parsed._count, "dtstart": parsed._dtstart,
        "freq": parsed._freq, "until": parsed._until, "wkst": parsed._wkst, "cache": False,
    }  # fmt: skip
    kwargs.update(parsed._original_rule)
    if until is not None:
        kwargs["until"] = until
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        bounded = _BoundedRule(**kwargs)
    bounded._planner_limits = limits
    return bounded


def _run(rule: _BoundedRule) -> Iterator[datetime]:
    """The rule's occurrences until its end, its horizon or its budget."""
    iterator = iter(rule)
    while True:
        try:
            value = next(iterator)
        except (StopIteration, _Stop):
            return
        yield value


def _parse_rule(rule: str, start_naive: datetime) -> tuple[rrule.rrule, datetime | None]:
    """dateutil's reading of one RRULE value, and its UNTIL as a wall-clock datetime."""
    try:
        text, until = _take_until(rule)
        with warnings.catch_warnings():
            # dateutil deprecates COUNT beside UNTIL; files have both, and clients read them.
            warnings.simplefilter("ignore", DeprecationWarning)
            parsed = rrule.rrulestr(text, dtstart=start_naive)
        if not isinstance(parsed, rrule.rrule):
            raise ValueError("more than one RRULE value")
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError) as exc:
        raise ValidationError(
            msg("repeat rule '{rule}' cannot be read: {reason}", rule=rule, reason=exc)
        ) from exc
    if until is not None and until.tzinfo is not None:
        raise ValidationError(
            msg("repeat rule '{rule}' cannot be read: {reason}", rule=rule,
                reason="a UTC UNTIL beside a wall-clock start")
        )
    return parsed, until


def rule_problem(rule: str, start: datetime) -> str | None:
    """What keeps dateutil from reading ``rule`` (from the wall-clock ``start``), or
    ``None`` when it reads."""
    try:
        _, until = _take_until(rule)
        _parse_rule(_without_until(rule), start.replace(tzinfo=None))
    except ValidationError as exc:
        reason = exc.message.params.get("reason", exc.message)
        return str(reason)
    except (ValueError, OverflowError) as exc:
        return str(exc)
    return None


def _without_until(rule: str) -> str:
    return ";".join(p for p in rule.split(";") if p.partition("=")[0].strip().upper() != "UNTIL")


def _take_until(rule: str) -> tuple[str, datetime | None]:
    """The rule without its UNTIL, and the UNTIL as a datetime (None without one).

    dateutil reads UNTIL with its free-form date parser, and importing that parser (with
    dateutil.tz behind it) costs the window's start-up about 6 ms; an RRULE's UNTIL is an
    RFC 5545 DATE or DATE-TIME, which ``datetime.fromisoformat`` reads. A DATE is the end of
    that day, as clients read it also on a series with times. A ``Z`` time stays aware."""
    kept, until = [], None
    for part in rule.split(";"):
        key, sep, value = part.partition("=")
        if sep and key.strip().upper() == "UNTIL":
            if until is not None:
                raise ValueError("more than one UNTIL")
            value = value.strip().upper()
            until = datetime.fromisoformat(value)
            if "T" not in value:
                # The end of that day (the last day Python holds has no next one).
                until = until.replace(hour=23, minute=59, second=59)
        else:
            kept.append(part)
    return ";".join(kept), until


def rule_is_bounded(rule: str) -> bool:
    """Whether the rule says when it ends (UNTIL or COUNT)."""
    parts = {p.split("=", 1)[0].strip().upper() for p in rule.split(";") if p.strip()}
    return "UNTIL" in parts or "COUNT" in parts


def _rule_count(rule: str) -> int | None:
    for part in rule.split(";"):
        key, sep, value = part.partition("=")
        if sep and key.strip().upper() == "COUNT":
            try:
                return int(value)
            except ValueError:
                return None
    return None


# ---------------------------------------------------------------------------------------------
# Series


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Occurrence:
    """One occurrence of an event: where it starts and ends, and what it is.

    ``event`` is the event as this occurrence is: the series' own event, or the override
    that changed this occurrence (its own title, venue, status...). ``recurrence_id`` is the
    start the series gives this occurrence (``None`` for an event that does not repeat);
    the window, the grid and the clash check know an occurrence by it.
    """

    start: datetime
    end: datetime
    event: Event
    recurrence_id: datetime | None = None


@compared
@dataclass(slots=True, repr=False, eq=False)
class Expansion:
    """What :func:`expand` found, and whether a rule was cut short by the step budget."""

    occurrences: list[Occurrence]
    incomplete: bool = False


def _wall(value: datetime) -> datetime:
    return value.replace(tzinfo=None)


def rule_starts(
    rule: str, start: datetime, horizon: datetime, *, limit: int = MAX_OCCURRENCES,
    budget: int = WORK_BUDGET,
) -> tuple[list[datetime], bool]:
    """The wall-clock starts ``rule`` gives from the wall-clock ``start`` up to ``horizon``
    (inclusive), at most ``limit`` of them, with whether the step budget ran out first.

    A COUNT counts ``start`` when the rule does not give it (RFC 5545 3.3.10: DTSTART is
    always the first occurrence). Raises :class:`ValidationError` for a rule dateutil
    cannot read."""
    parsed, until = _parse_rule(rule, start)
    limits = _Limits(horizon.date(), budget)
    found = []
    count = _rule_count(rule)
    for n, value in enumerate(_run(_bounded(parsed, limits, until))):
        if value > horizon or n >= limit:
            break
        found.append(value)
    if count is not None and (not found or found[0] != start):
        # DTSTART took the first place: the rule gives one fewer.
        found = found[: max(0, count - 1)]
    return found, limits.exhausted


def expand(
    event: Event,
    after: datetime | None = None,
    before: datetime | None = None,
    *,
    limit: int = MAX_OCCURRENCES,
    budget: int = WORK_BUDGET,
) -> Expansion:
    """The occurrences of ``event`` that overlap ``[after, before)``, in start order.

    Overrides are applied (a moved occurrence is where it was moved to; a cancelled one is
    there with a cancelled event). Without ``before`` a series stops after ``limit``
    occurrences; pass the programme's window so that a rule without end costs what its
    occurrences on the programme's days cost. An override whose RECURRENCE-ID the series
    does not give stands as an occurrence of its own, as Google Calendar shows it.
    """
    recurrence = event.recurrence
    if recurrence is None and not event.overrides:
        if (before is not None and event.start >= before) or (
                after is not None and event.end <= after and event.end > event.start):
            return Expansion([])
        return Expansion([Occurrence(event.start, event.end, event)])
    zone = event.zone
    duration = event.duration
    overrides = sorted(event.overrides, key=lambda o: _rid(o))
    # An override may move an occurrence from outside the window into it, or out of it:
    # the series is expanded far enough either side to see those.
    reach = timedelta(0)
    for override in overrides:
        moved = abs(_wall(override.start) - _rid(override)) + override.duration
        reach = max(reach, moved)
    low = None if after is None else _wall(after.astimezone(zone)) - duration - reach
    horizon = (
        _wall(before.astimezone(zone)) + reach if before is not None
        else datetime.max - timedelta(days=2)
    )
    base: dict[datetime, datetime | None] = {_wall(event.start): None}  # start -> own end
    incomplete = False
    if recurrence is not None:
        for rule in recurrence.rules:
            values, exhausted = rule_starts(rule, _wall(event.start), horizon, limit=limit,
                                            budget=budget)
            incomplete = incomplete or exhausted
            for value in values:
                base.setdefault(value, None)
        for value in recurrence.rdates:
            base.setdefault(_wall(value), None)
        for period in recurrence.periods:
            base[_wall(period.start)] = _wall(period.end)
        for value in recurrence.exdates:
            base.pop(_wall(value), None)
    exact = {_rid(o): o for o in overrides if not _future(o)}
    future = [o for o in overrides if _future(o)]
    future_rids = [_rid(o) for o in future]
    result: list[Occurrence] = []
    for rid in sorted(base):
        if rid > horizon or len(result) >= limit:
            break
        own_end = base[rid]
        changed = exact.pop(rid, None)
        if changed is not None:
            start, end, what = changed.start, changed.end, changed
        else:
            n = bisect_right(future_rids, rid)
            if n:
                # RANGE=THISANDFUTURE: this occurrence moves as that one did, and takes its
                # length and its other changes.
                ruling = future[n - 1]
                shift = _wall(ruling.start) - _rid(ruling)
                start_wall = rid + shift
                start = start_wall.replace(tzinfo=zone)
                end = (start_wall + ruling.duration).replace(tzinfo=zone)
                what = dataclasses.replace(ruling, start=start, end=end)
            else:
                start = rid.replace(tzinfo=zone)
                end = (own_end if own_end is not None else rid + duration).replace(tzinfo=zone)
                what = event
        if low is not None and _wall(end.astimezone(zone)) < low:
            continue
        result.append(Occurrence(start, end, what, rid.replace(tzinfo=zone)))
    # Overrides of occurrences the series does not give (or gives beyond what was expanded).
    excluded = {_wall(x) for x in recurrence.exdates} if recurrence is not None else set()
    for rid, override in exact.items():
        if rid in excluded or (recurrence is not None and rid > horizon):
            continue
        result.append(Occurrence(override.start, override.end, override, rid.replace(tzinfo=zone)))
    result.sort(key=lambda o: (o.start, o.recurrence_id or o.start))
    if after is not None or before is not None:
        result = [
            o for o in result
            if (before is None or o.start < before)
            and (after is None or o.end > after or (o.end == o.start and o.start >= after))
        ]
    return Expansion(result[:limit], incomplete)


def _rid(event: Event) -> datetime:
    assert event.recurrence_id is not None
    return _wall(event.recurrence_id.start)


def _future(event: Event) -> bool:
    return event.recurrence_id is not None and event.recurrence_id.this_and_future


def occurrences(
    event: Event,
    after: datetime | None = None,
    before: datetime | None = None,
) -> list[tuple[datetime, datetime]]:
    """``(start, end)`` of each occurrence that overlaps ``[after, before)``, in order.

    Overrides are applied; an occurrence cancelled by an override (in a series that is not
    cancelled as a whole) is left out. See :func:`expand` for the occurrences with what each
    of them is. Pass the programme's window as ``after`` and ``before`` (see there).
    """
    if event.recurrence is None and not event.overrides and event.end.tzinfo is event.start.tzinfo:
        # Most events: no rule to expand, and the end in the start's zone already.
        if (before is not None and event.start >= before) or (
                after is not None and event.end <= after and event.end > event.start):
            return []
        return [(event.start, event.end)]
    cancelled = event.status == "cancelled"
    return [
        (o.start, o.end)
        for o in expand(event, after, before).occurrences
        if cancelled or o.event.status != "cancelled"
    ]


def starts(event: Event, limit: int = MAX_OCCURRENCES,
           before: datetime | None = None) -> Iterator[datetime]:
    """The aware starts the series gives ``event`` (one for a single event), in order,
    before overrides move any of them."""
    if event.recurrence is None:
        yield event.start
        return
    plain = dataclasses.replace(event, overrides=())
    for occurrence in expand(plain, before=before, limit=limit).occurrences:
        yield occurrence.start


def occurrence_count(event: Event, before: datetime | None = None) -> int:
    """How many occurrences the series has (before ``before``, and at most
    :data:`MAX_OCCURRENCES`)."""
    return sum(1 for _ in starts(event, before=before))


def check_recurrence(programme: Programme, event: Event) -> None:
    """Check that ``event``'s rules read, that its dates carry the event's zone, and that
    its expansion on the programme's days stays within the work allowed.

    Occurrences outside the programme's days are allowed: they do not count (a weekly rule
    without end is a weekly event while the programme lasts).
    """
    assert event.recurrence is not None
    uid = event.uid
    recurrence = event.recurrence
    for value in (*recurrence.exdates, *recurrence.rdates,
                  *(p.start for p in recurrence.periods), *(p.end for p in recurrence.periods)):
        if value.tzinfo is None:
            raise ValidationError(
                msg("event '{uid}': exception dates must carry a time zone", uid=uid)
            )
    for period in recurrence.periods:
        if period.end < period.start:
            raise ValidationError(
                msg("event '{uid}': a repeat period ends before it starts", uid=uid)
            )
    start = _wall(event.start)
    for rule in recurrence.rules:
        _parse_rule(rule, start)
    if not recurrence.rules and not recurrence.rdates and not recurrence.periods:
        raise ValidationError(msg("event '{uid}': a repeat needs a rule or dates", uid=uid))
    first, last = programme.window
    if expand(event, first, last).incomplete:
        raise ValidationError(
            msg("event '{uid}': repeat rule needs too much work to expand (it repeats too "
                "often for too long)", uid=uid)
        )


def check_overrides(event: Event) -> None:
    """Check that each override of ``event`` is one: the series' UID, a RECURRENCE-ID in
    the event's kind of time (date or date-time), no repeat of its own."""
    uid = event.uid
    seen: set[tuple[datetime, bool]] = set()
    for override in event.overrides:
        rid = override.recurrence_id
        if override.uid != uid or rid is None:
            raise ValidationError(
                msg("event '{uid}': an override must carry the series' UID and a "
                    "RECURRENCE-ID", uid=uid)
            )
        if override.recurrence is not None or override.overrides:
            raise ValidationError(
                msg("event '{uid}': an override cannot repeat itself", uid=uid)
            )
        if rid.start.tzinfo is None:
            raise ValidationError(
                msg("event '{uid}': exception dates must carry a time zone", uid=uid)
            )
        key = (_wall(rid.start), rid.this_and_future)
        if key in seen:
            raise ValidationError(
                msg("event '{uid}': two overrides of the occurrence at {start}", uid=uid,
                    start=f"{rid.start:%Y-%m-%d %H:%M}")
            )
        seen.add(key)


def make_rule(
    frequency: Frequency,
    *,
    start: datetime,
    interval: int = 1,
    weekdays: Iterable[str] = (),
    until: date | None = None,
    count: int | None = None,
) -> str:
    """An RRULE value built by dateutil: daily or weekly, until a day or a number of times.

    ``until`` is a day: the last occurrence may start on it (UNTIL is the end of that day,
    in wall-clock time of the event's zone).
    """
    if (until is None) == (count is None):
        raise ValidationError(msg("a repeat needs either an end date or a number of times"))
    if count is not None and count < 1:
        raise ValidationError(msg("a repeat needs at least one occurrence"))
    if interval < 1:
        raise ValidationError(msg("a repeat interval must be at least 1"))
    days = [getattr(rrule, day) for day in weekdays]
    freq: Literal[3, 2] = rrule.DAILY if frequency == "daily" else rrule.WEEKLY
    until_dt = (
        datetime.combine(until, datetime.max.time()).replace(microsecond=0)
        if until is not None
        else None
    )
    built = rrule.rrule(
        freq,
        dtstart=start.replace(tzinfo=None),
        interval=interval,
        byweekday=days or None,
        until=until_dt,
        count=count,
    )
    # str() gives "DTSTART:...\nRRULE:...": keep the rule's value only.
    line = next(x for x in str(built).splitlines() if x.startswith("RRULE:"))
    return line.removeprefix("RRULE:")


def rule_until_to_utc(rule: str, zone_start: datetime) -> str:
    """The rule with a wall-clock UNTIL turned into UTC (``...Z``), as RFC 5545 wants
    when DTSTART has a TZID."""
    return _map_until(rule, lambda until: until.replace(tzinfo=zone_start.tzinfo).astimezone(UTC))


def rule_until_to_local(rule: str, zone_start: datetime) -> str:
    """The rule with a UTC UNTIL turned into wall-clock time in the event's zone."""
    return _map_until(
        rule, lambda until: until.astimezone(zone_start.tzinfo).replace(tzinfo=None)
    )


def _map_until(rule: str, convert: Callable[[datetime], datetime]) -> str:
    parts = []
    for part in rule.split(";"):
        key, sep, value = part.partition("=")
        if sep and key.strip().upper() == "UNTIL" and value.strip():
            new = convert(_parse_until(value.strip()))
            value = new.strftime("%Y%m%dT%H%M%S") + ("Z" if new.tzinfo else "")
            part = f"{key}={value}"
        parts.append(part)
    return ";".join(parts)


def _parse_until(value: str) -> datetime:
    try:
        if value.endswith("Z"):
            return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        if "T" in value:
            return datetime.strptime(value, "%Y%m%dT%H%M%S")
        return datetime.strptime(value, "%Y%m%d") + timedelta(days=1, seconds=-1)
    except ValueError as exc:
        raise ValidationError(msg("UNTIL '{value}' is not a date", value=value)) from exc


def without_occurrence(event: Event, start: datetime) -> Event:
    """``event`` with the occurrence that starts at ``start`` excluded (an EXDATE added)."""
    assert event.recurrence is not None
    local = start.astimezone(event.zone)
    exdates = tuple(sorted({*event.recurrence.exdates, local}))
    return dataclasses.replace(
        event, recurrence=dataclasses.replace(event.recurrence, exdates=exdates)
    )


def expand_all(programme: Programme, events: Iterable[Event]) -> Iterator[Occurrence]:
    """Every occurrence of ``events`` on ``programme``'s days (series bounded by the days;
    a single event wherever it is)."""
    first, last = programme.window
    for event in events:
        if event.recurrence is None and not event.overrides:
            yield Occurrence(event.start, event.end, event)
        else:
            yield from expand(event, first, last).occurrences

