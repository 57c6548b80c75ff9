"""Repeating events through dateutil: occurrences, bounds, rule building."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from factories import at, event
from hypothesis import given
from hypothesis import strategies as st

from planner.model import Recurrence
from planner.recurrence import (
    make_rule,
    occurrence_count,
    occurrences,
    rule_until_to_local,
    rule_until_to_utc,
    without_occurrence,
)

BERLIN = ZoneInfo("Europe/Berlin")


def test_daily_occurrences_with_exception():
    e = event(day=3, start=16, end=18,
              recurrence=Recurrence("FREQ=DAILY;UNTIL=20190410T160000", (at(6, 16),)))
    got = occurrences(e)
    assert len(got) == 7
    assert at(6, 16) not in [s for s, _ in got]
    assert got[0] == (at(3, 16), at(3, 18))
    assert got[-1] == (at(10, 16), at(10, 18))


def test_occurrences_keep_wall_clock_across_dst():
    start = datetime(2019, 3, 29, 10, tzinfo=BERLIN)
    e = event(start=start, end=start.replace(hour=11), recurrence=Recurrence("FREQ=DAILY;COUNT=3"))
    hours_utc = [s.astimezone(ZoneInfo("UTC")).hour for s, _ in occurrences(e)]
    assert hours_utc == [9, 9, 8]  # CET, CET, then CEST from 31 March
    assert [s.hour for s, _ in occurrences(e)] == [10, 10, 10]


def test_window_filters_occurrences():
    e = event(day=3, recurrence=Recurrence("FREQ=DAILY;COUNT=8"))
    assert [s.day for s, _ in occurrences(e, after=at(5, 0), before=at(7, 0))] == [5, 6]
    assert occurrence_count(e) == 8


def test_make_rule_daily_until_and_weekly_count():
    start = at(3, 16)
    daily = make_rule("daily", start=start, until=date(2019, 4, 10))
    assert daily.startswith("FREQ=DAILY") and "UNTIL=20190410T235959" in daily
    assert occurrence_count(event(day=3, start=16, end=18,
                                  recurrence=Recurrence(daily))) == 8
    weekly = make_rule("weekly", start=start, weekdays=["WE", "FR"], count=3)
    days = [s.day for s, _ in occurrences(event(day=3, recurrence=Recurrence(weekly)))]
    assert days == [3, 5, 10]


def test_until_converts_between_utc_and_wall_clock():
    start = at(3, 16)
    utc_rule = rule_until_to_utc("FREQ=DAILY;UNTIL=20190410T160000", start)
    assert utc_rule == "FREQ=DAILY;UNTIL=20190410T130000Z"
    assert rule_until_to_local(utc_rule, start) == "FREQ=DAILY;UNTIL=20190410T160000"


def test_without_occurrence_adds_exdate():
    e = event(day=3, recurrence=Recurrence("FREQ=DAILY;COUNT=8"))
    assert occurrence_count(without_occurrence(e, at(4, 10))) == 7


@given(count=st.integers(1, 8), interval=st.integers(1, 3))
def test_count_rules_give_count_occurrences(count, interval):
    e = event(day=3, recurrence=Recurrence(f"FREQ=DAILY;INTERVAL={interval};COUNT={count}"))
    got = occurrences(e)
    assert len(got) == count
    assert all((b[0] - a[0]).days == interval for a, b in zip(got, got[1:], strict=False))


def test_a_repeat_with_every_occurrence_excluded_is_kept_and_never_takes_place():
    """RFC 5545 allows it, and every client reads it: an event that does not happen."""
    from factories import small_programme

    from planner.model import validate_event

    every_day_excluded = event(day=3, recurrence=Recurrence(
        "FREQ=DAILY;COUNT=2", (at(3, 10), at(4, 10))))
    validate_event(small_programme(), every_day_excluded)
    assert occurrences(every_day_excluded) == []


def test_until_is_read_as_rfc_5545_date_or_date_time():
    import pytest

    from planner.model import ValidationError

    def days(rule: str) -> list[int]:
        return [s.day for s, _ in occurrences(event(day=3, start=16, end=17,
                                                    recurrence=Recurrence(rule)))]

    assert days("FREQ=DAILY;UNTIL=20190406T160000") == [3, 4, 5, 6]
    assert days("FREQ=DAILY;UNTIL=20190406T155959") == [3, 4, 5]
    # A DATE bounds the series inclusively (RFC 5545 3.3.10): the whole day, also on a
    # series with times (libical and ical.js stop at its start; vobject reads it so).
    assert days("FREQ=DAILY;UNTIL=20190406") == [3, 4, 5, 6]
    assert days("freq=daily;until=20190404t160000") == [3, 4]
    # UNTIL may stand anywhere in the rule.
    assert days("UNTIL=20190405T160000;FREQ=DAILY;INTERVAL=2") == [3, 5]
    for bad, reason in (
        ("FREQ=DAILY;UNTIL=tomorrow", "tomorrow"),
        ("FREQ=DAILY;UNTIL=20190431T160000", "day is out of range"),
        ("FREQ=DAILY;UNTIL=20190405;UNTIL=20190406", "more than one UNTIL"),
        # A UTC UNTIL beside a wall-clock start: the model keeps UNTIL in wall-clock time.
        ("FREQ=DAILY;UNTIL=20190406T130000Z", "UTC"),
        ("FREQ=DAILY;COUNT=2\nRDATE:20190409T100000", "more than one RRULE value"),
    ):
        with pytest.raises(ValidationError, match=reason):
            days(bad)


def test_loading_the_built_in_programme_leaves_dateutil_parser_unloaded():
    """Its daily Café D has an UNTIL; reading it must not import dateutil's free-form
    parser, which would add about 6 ms to every start of the window."""
    import subprocess
    import sys

    code = ("import sys; from planner.builtin import load_builtin; p = load_builtin(); "
            "from planner.recurrence import occurrence_count; "
            "n = sum(occurrence_count(e) for e in p.events.values() if e.recurrence); "
            "print(n, sorted(m for m in sys.modules if m.startswith('dateutil.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split(" ", 1)
    assert int(out[0]) == 8  # Café D, daily from 3 to 10 April
    assert "dateutil.parser" not in out[1] and "dateutil.tz" not in out[1]
