"""The calendar's edits as pure functions: move, nudge, resize, duplicate, paste, cancel, and
changing one occurrence of a series (RECURRENCE-ID), without Qt."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from factories import MSK, at, event, small_programme

from planner.edits import (
    copied,
    from_clipboard,
    lengthened,
    occurrence_copy,
    occurrence_of,
    overridden,
    pasted,
    resized,
    shifted,
    split_series,
    to_clipboard,
    with_status,
    without_one,
)
from planner.model import (
    Period,
    Recurrence,
    RecurrenceId,
    Texts,
    ValidationError,
    moved,
    put_event,
    validate_event,
)
from planner.recurrence import expand, occurrences

BERLIN = ZoneInfo("Europe/Berlin")


def series(**fields):
    return event("s@t", 4, 16, 17, recurrence=Recurrence(
        "FREQ=DAILY;COUNT=5", exdates=(at(6, 16),), rdates=(at(9, 18),),
        periods=(Period(at(10, 9), at(10, 10)),)), **fields)


def test_moving_keeps_the_length_and_takes_the_venue():
    e = event("a@t", 4, 10, 12)
    new = moved(e, at(5, 14, 30), "petri")
    assert (new.start, new.end, new.venue) == (at(5, 14, 30), at(5, 16, 30), "petri")
    assert moved(e, at(5, 14)).venue == "goethe"
    # A time in another zone lands in the event's own.
    assert moved(e, datetime(2019, 4, 5, 9, 0, tzinfo=BERLIN)).start.tzinfo is MSK


def test_a_series_moves_with_its_exceptions_and_changed_occurrences():
    s = overridden(series(), at(5, 16), _changed(series(), at(5, 16)))
    new = shifted(s, timedelta(hours=1))
    recurrence = new.recurrence
    assert new.start == at(4, 17)
    assert recurrence.exdates == (at(6, 17),) and recurrence.rdates == (at(9, 19),)
    assert recurrence.periods == (Period(at(10, 10), at(10, 11)),)
    [override] = new.overrides
    assert override.recurrence_id == RecurrenceId(at(5, 17))
    assert (override.start, override.end) == (at(5, 19), at(5, 20))
    # The series keeps its shape: every occurrence an hour later.
    before = [(a + timedelta(hours=1), b + timedelta(hours=1)) for a, b in occurrences(s)]
    assert occurrences(new) == before


def _changed(s, rid):
    import dataclasses

    return dataclasses.replace(occurrence_of(s, rid), start=at(5, 18), end=at(5, 19),
                               venue="petri")


def test_nudges_go_by_the_wall_clock_across_a_clock_change():
    # Berlin changes to summer time on 31 March 2019: a day later is the same time.
    e = event("b@t", start=datetime(2019, 3, 30, 10, tzinfo=BERLIN),
              end=datetime(2019, 3, 30, 11, tzinfo=BERLIN))
    later = shifted(e, timedelta(days=1))
    assert (later.start.hour, later.end.hour) == (10, 11)
    assert later.start.astimezone(MSK) - e.start.astimezone(MSK) == timedelta(hours=23)


def test_resizing_and_lengthening():
    e = event("a@t", 4, 10, 12)
    assert resized(e, at(4, 13, 15)).end == at(4, 13, 15)
    assert lengthened(e, timedelta(minutes=15), timedelta(minutes=15)).end == at(4, 12, 15)
    assert lengthened(e, timedelta(hours=-5), timedelta(minutes=15)).end == at(4, 10, 15)


def test_cancel_and_restore():
    e = event("a@t")
    assert with_status(e, "cancelled").status == "cancelled"
    assert with_status(with_status(e, "cancelled"), "confirmed") == e


def test_a_copy_is_a_new_event_with_a_uid_of_its_own():
    programme = small_programme()
    original = event("talk@t", 4, 10, 12, title=Texts.same("Opening talk"), sequence=4,
                     source_uid="from-a-file")
    put_event(programme, original, stamp=False)
    copy = copied(programme, original, at(5, 15))
    assert copy.uid not in programme.events and copy.uid != original.uid
    assert copy.uid.startswith("opening-talk")
    assert (copy.start, copy.end, copy.title) == (at(5, 15), at(5, 17), original.title)
    assert (copy.sequence, copy.source_uid) == (0, "")
    validate_event(programme, copy)
    # Copies made together get different UIDs.
    second = copied(programme, original, taken=[copy.uid])
    assert second.uid not in (copy.uid, original.uid)


def test_a_copied_series_stays_a_series_with_its_overrides():
    programme = small_programme()
    s = overridden(series(), at(5, 16), _changed(series(), at(5, 16)))
    copy = copied(programme, s, at(7, 16))
    assert copy.recurrence is not None and copy.recurrence.rule == s.recurrence.rule
    assert [o.uid for o in copy.overrides] == [copy.uid]
    assert copy.overrides[0].recurrence_id == RecurrenceId(at(8, 16))


def test_a_copy_of_one_occurrence_is_a_single_event_as_that_occurrence_is():
    """Copying one occurrence (Google Calendar, Thunderbird): one event that does not
    repeat, with a UID of its own, at that occurrence's times and with its content, an
    override's changes included; the series is not touched."""
    programme = small_programme()
    s = overridden(series(), at(5, 16), dataclasses.replace(
        _changed(series(), at(5, 16)), title=Texts.same("Guest night")))
    put_event(programme, s, stamp=False)
    plain = occurrence_copy(programme, s, at(7, 16))
    assert (plain.start, plain.end, plain.title, plain.venue) == (
        at(7, 16), at(7, 17), s.title, s.venue)
    changed = occurrence_copy(programme, s, at(5, 16))
    assert (changed.start, changed.end, changed.venue) == (at(5, 18), at(5, 19), "petri")
    assert changed.title == Texts.same("Guest night")
    for copy in (plain, changed):
        assert copy.recurrence is None and copy.overrides == ()
        assert copy.recurrence_id is None and copy.uid not in programme.events
        assert (copy.sequence, copy.source_uid) == (0, "")
        assert occurrences(copy) == [(copy.start, copy.end)]
        validate_event(programme, copy)
    # Somewhere else (a Ctrl+drag's drop), and through the clipboard as pasted.
    there = occurrence_copy(programme, s, at(5, 16), at(8, 10), "goethe")
    assert (there.start, there.end, there.venue) == (at(8, 10), at(8, 11), "goethe")
    [pasted_copy] = pasted(programme, from_clipboard(json.loads(json.dumps(
        to_clipboard(programme, [changed])))), at(9, 12))
    assert pasted_copy.recurrence is None and pasted_copy.title == changed.title
    assert (pasted_copy.start, pasted_copy.end) == (at(9, 12), at(9, 13))
    assert programme.events["s@t"] == s


def test_taking_one_occurrence_out_adds_an_exdate_and_drops_its_override():
    s = overridden(series(), at(5, 16), _changed(series(), at(5, 16)))
    without_changed = without_one(s, at(5, 16))
    assert without_changed.overrides == ()
    assert at(5, 16) in without_changed.recurrence.exdates
    assert at(5, 18) not in {a for a, _ in occurrences(without_changed)}
    without_plain = without_one(s, at(7, 16))
    assert without_plain.overrides == s.overrides
    assert [a for a, _ in occurrences(without_plain)] == [
        a for a, _ in occurrences(s) if a != at(7, 16)]
    with pytest.raises(ValidationError):
        without_one(event("single@t"), at(4, 10))


def test_pasting_keeps_distances_and_fits_the_events_into_the_programme():
    source = small_programme()
    a = event("a@t", 4, 10, 11, speakers=("anna",))
    b = event("b@t", 4, 11, 12, track="gone", venue="petri", speakers=("ghost",))
    data = json.loads(json.dumps(to_clipboard(source, [b, a])))
    events = from_clipboard(data)
    target = small_programme()
    new = pasted(target, events, at(8, 15))
    starts = sorted((e.start, e.title, e.venue) for e in new)
    assert [s for s, _, _ in starts] == [at(8, 15), at(8, 16)]
    by_start = {e.start: e for e in new}
    assert by_start[at(8, 16)].track == "business"  # "gone" is no track here
    assert by_start[at(8, 16)].venue == "petri" and by_start[at(8, 16)].speakers == ()
    assert by_start[at(8, 15)].speakers == ("anna",)
    assert len({e.uid for e in new}) == 2
    for e in new:
        validate_event(target, e)
    # In a venue grid's column, every pasted event goes to that venue.
    assert {e.venue for e in pasted(target, events, at(8, 15), "goethe")} == {"goethe"}


@pytest.mark.parametrize("data", [None, {}, {"format": "other"}, "text",
                                  {"format": "programme-planner-events", "timezone": "UTC"},
                                  {"format": "programme-planner-events", "timezone": "UTC",
                                   "events": [{"uid": "x"}]}])
def test_anything_else_on_the_clipboard_is_refused(data):
    with pytest.raises(ValidationError):
        from_clipboard(data)


def test_changing_one_occurrence_keeps_it_as_an_override():
    programme = small_programme()
    s = series()
    put_event(programme, s, stamp=False)
    changed = _changed(s, at(5, 16))
    new = overridden(s, at(5, 16), changed)
    validate_event(programme, new)
    [override] = new.overrides
    assert override.recurrence_id == RecurrenceId(at(5, 16))
    assert override.uid == s.uid and override.recurrence is None
    spans = {(o.start, o.end, o.event.venue) for o in expand(new).occurrences}
    assert (at(5, 18), at(5, 19), "petri") in spans
    assert not any(o.start == at(5, 16) for o in expand(new).occurrences)
    # The other occurrences are as they were.
    assert occurrences(new)[0] == (at(4, 16), at(4, 17))
    assert occurrence_of(new, at(5, 16)) == override
    # Changing it again replaces the override; putting it back drops it.
    again = overridden(new, at(5, 16), with_status(changed, "tentative"))
    assert [o.status for o in again.overrides] == ["tentative"]
    assert overridden(new, at(5, 16), occurrence_of(s, at(5, 16))).overrides == ()
    # Cancelling one occurrence.
    cancelled = overridden(s, at(7, 16), with_status(occurrence_of(s, at(7, 16)), "cancelled"))
    assert at(7, 16) not in {a for a, _ in occurrences(cancelled)}
    with pytest.raises(ValidationError):
        overridden(event("single@t"), at(4, 10), event("single@t"))


def test_this_and_following_splits_the_series_in_two():
    """The series up to the occurrence ends there (UNTIL); the rest is a new series with a
    UID of its own, with the later dates and changed occurrences, and the two together
    give every occurrence the one gave, each as it was."""
    programme = small_programme()
    s = series(title=Texts.same("Café"))
    s = overridden(s, at(8, 16), with_status(occurrence_of(s, at(8, 16)), "cancelled"))
    s = overridden(s, at(5, 16), _changed(s, at(5, 16)))
    put_event(programme, s, stamp=False)
    head, tail = split_series(programme, s, at(7, 16))
    assert head is not None and tail.uid not in programme.events and tail.uid != s.uid
    assert head.uid == s.uid and head.recurrence.rule == "FREQ=DAILY;UNTIL=20190407T155959"
    assert head.recurrence.exdates == (at(6, 16),)
    assert [o.recurrence_id.start for o in head.overrides] == [at(5, 16)]
    assert (tail.start, tail.end, tail.recurrence.rule) == (at(7, 16), at(7, 17),
                                                            "FREQ=DAILY;COUNT=2")
    assert tail.recurrence.rdates == (at(9, 18),) and tail.recurrence.exdates == ()
    assert [(o.uid, o.recurrence_id.start) for o in tail.overrides] == [(tail.uid, at(8, 16))]
    assert (tail.sequence, tail.source_uid) == (0, "")
    for part in (head, tail):
        validate_event(programme, part)
    whole = [(o.start, o.end, o.event.status) for o in expand(s).occurrences]
    parts = [(o.start, o.end, o.event.status) for p in (head, tail)
             for o in expand(p).occurrences]
    assert parts == whole
    # At the first occurrence there is nothing before: the series is the rest.
    assert split_series(programme, s, at(4, 16)) == (None, s)
    with pytest.raises(ValidationError):
        split_series(programme, s, at(6, 16))  # excluded: no such occurrence
    with pytest.raises(ValidationError):
        split_series(programme, event("single@t"), at(4, 10))


def test_splitting_a_rule_without_end_and_one_that_ended_before():
    programme = small_programme()
    weekly = event("w@t", 3, 9, 10, recurrence=Recurrence(
        "FREQ=WEEKLY;BYDAY=WE,FR", more_rules=("FREQ=DAILY;COUNT=2",)))
    head, tail = split_series(programme, weekly, at(10, 9))
    assert head.recurrence.rules == ("FREQ=WEEKLY;BYDAY=WE,FR;UNTIL=20190410T085959",
                                     "FREQ=DAILY;COUNT=2")
    assert tail.recurrence.rules == ("FREQ=WEEKLY;BYDAY=WE,FR",)
    assert [s for s, _ in occurrences(head)] == [at(3, 9), at(4, 9), at(5, 9)]
    first = [s for s, _ in occurrences(weekly, before=at(30, 0))]
    assert [s for s, _ in occurrences(head)] + [
        s for s, _ in occurrences(tail, before=at(30, 0))] == first
    # An extra date out of the rule's rhythm cannot start a series with that rule.
    odd = event("o@t", 3, 9, 10, recurrence=Recurrence("FREQ=WEEKLY;COUNT=3",
                                                         rdates=(at(4, 12),)))
    with pytest.raises(ValidationError, match="cannot be split"):
        split_series(programme, odd, at(4, 12))
