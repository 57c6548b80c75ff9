"""Occurrences of repeating events, through dateutil.rrule, bounded by the programme's days.

A rule is expanded on wall-clock time in the event's zone, then each occurrence gets the
zone back: a daily 16:00 event stays at 16:00 across a daylight-saving change, as RFC 5545
requires for a DTSTART with TZID.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from dateutil import rrule

from planner.i18n import msg
from planner.model import TimeRangeError, ValidationError

if TYPE_CHECKING:
    from planner.model import Event, Programme, Recurrence

# A rule with no COUNT or UNTIL is still cut here, so a bad rule cannot run away.
MAX_OCCURRENCES = 100_000

Frequency = Literal["daily", "weekly"]
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _rule_set(recurrence: Recurrence, start_naive: datetime) -> rrule.rruleset:
    try:
        text, until = _take_until(recurrence.rule)
        parsed = rrule.rrulestr(text, dtstart=start_naive)
        if not isinstance(parsed, rrule.rrule):
            raise ValueError("more than one RRULE value")
        if until is not None:
            parsed = parsed.replace(until=until)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise ValidationError(
            msg("repeat rule '{rule}' cannot be read: {reason}", rule=recurrence.rule, reason=exc)
        ) from exc
    rules = rrule.rruleset()
    rules.rrule(parsed)
    for exdate in recurrence.exdates:
        rules.exdate(exdate.replace(tzinfo=None))
    return rules


def _take_until(rule: str) -> tuple[str, datetime | None]:
    """The rule without its UNTIL, and the UNTIL as a datetime (None without one).

    dateutil reads UNTIL with its free-form date parser, and importing that parser (with
    dateutil.tz behind it) costs the window's start-up about 6 ms; an RRULE's UNTIL is an
    RFC 5545 DATE or DATE-TIME, which ``datetime.fromisoformat`` reads. A ``Z`` time stays
    aware, and dateutil then refuses it beside a wall-clock start, as it would have."""
    kept, until = [], None
    for part in rule.split(";"):
        key, sep, value = part.partition("=")
        if sep and key.strip().upper() == "UNTIL":
            if until is not None:
                raise ValueError("more than one UNTIL")
            until = datetime.fromisoformat(value.strip().upper())
        else:
            kept.append(part)
    return ";".join(kept), until


def rule_is_bounded(rule: str) -> bool:
    """Whether the rule says when it ends (UNTIL or COUNT)."""
    parts = {p.split("=", 1)[0].strip().upper() for p in rule.split(";") if p.strip()}
    return "UNTIL" in parts or "COUNT" in parts


def starts(event: Event, limit: int = MAX_OCCURRENCES) -> Iterator[datetime]:
    """The aware starts of ``event``'s occurrences (one for a single event), in order."""
    if event.recurrence is None:
        yield event.start
        return
    zone = event.zone
    start_naive = event.start.replace(tzinfo=None)
    for n, occurrence in enumerate(_rule_set(event.recurrence, start_naive)):
        if n >= limit:
            return
        yield occurrence.replace(tzinfo=zone)


def occurrences(
    event: Event,
    after: datetime | None = None,
    before: datetime | None = None,
) -> list[tuple[datetime, datetime]]:
    """``(start, end)`` of each occurrence that overlaps ``[after, before)``, in order."""
    if event.recurrence is None and event.end.tzinfo is event.start.tzinfo:
        # Most events: no rule to expand, and the end in the start's zone already.
        if (before is not None and event.start >= before) or (
                after is not None and event.end <= after):
            return []
        return [(event.start, event.end)]
    zone = event.zone
    duration = event.duration
    result = []
    for start in starts(event):
        end = (start.replace(tzinfo=None) + duration).replace(tzinfo=zone)
        if before is not None and start >= before:
            break
        if after is not None and end <= after:
            continue
        result.append((start, end))
    return result


def occurrence_count(event: Event) -> int:
    return sum(1 for _ in starts(event))


def check_recurrence(programme: Programme, event: Event) -> None:
    """Check that ``event``'s rule reads and that every occurrence lies in the programme."""
    assert event.recurrence is not None
    uid = event.uid
    if not rule_is_bounded(event.recurrence.rule):
        raise ValidationError(
            msg("event '{uid}': a repeat rule needs an end (UNTIL or COUNT)", uid=uid)
        )
    for exdate in event.recurrence.exdates:
        if exdate.tzinfo is None:
            raise ValidationError(
                msg("event '{uid}': exception dates must carry a time zone", uid=uid)
            )
    first, last = programme.window
    zone = event.zone
    duration = event.duration
    count = 0
    for n, start in enumerate(starts(event, limit=MAX_OCCURRENCES + 1)):
        count = n + 1
        if n >= MAX_OCCURRENCES:
            raise ValidationError(
                msg("event '{uid}': repeat rule gives too many occurrences", uid=uid)
            )
        end = (start.replace(tzinfo=None) + duration).replace(tzinfo=zone)
        if start < first or end > last:
            raise TimeRangeError(
                msg(
                    "event '{uid}': occurrence on {start} lies outside the programme's days "
                    "({first} to {last})",
                    uid=uid, start=f"{start:%Y-%m-%d %H:%M}",
                    first=programme.first_day, last=programme.last_day,
                )
            )
    if count == 0:
        # Every date excluded, or a rule that matches no day: an event that never happens.
        raise ValidationError(
            msg("event '{uid}': the repeat rule leaves no occurrence", uid=uid)
        )


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
