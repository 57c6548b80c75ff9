"""The domain model: validation, texts, sequence numbers, moves."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest
from factories import MSK, at, event, small_programme

from planner.model import (
    Programme,
    Recurrence,
    Texts,
    TimeRangeError,
    UnknownReferenceError,
    ValidationError,
    move_event,
    put_event,
    remove_event,
    touch,
    validate_event,
    validate_programme,
)


def test_texts_fall_back_in_order():
    assert Texts("Hallo", "", "").get("en") == "Hallo"
    assert Texts("", "Hello", "").get("ru") == "Hello"
    assert Texts("", "", "Привет").get("de") == "Привет"
    assert Texts("Hallo", "Hello", "Привет").get("ru") == "Привет"
    assert Texts("", "Hello", "").missing() == ("de", "ru")


def test_texts_refuse_unknown_language():
    with pytest.raises(ValidationError, match="unknown language"):
        Texts.from_mapping({"fr": "Bonjour"})


def test_valid_event_passes():
    validate_event(small_programme(), event())


@pytest.mark.parametrize(
    ("fields", "error", "message"),
    [
        ({"end": at(4, 9)}, TimeRangeError, "not after start"),
        ({"track": "sport"}, UnknownReferenceError, "unknown track 'sport'"),
        ({"venue": "moon"}, UnknownReferenceError, "unknown venue 'moon'"),
        ({"speakers": ("bob",)}, UnknownReferenceError, "unknown speaker 'bob'"),
        ({"speakers": ("anna", "anna")}, ValidationError, "listed twice"),
        ({"status": "maybe"}, ValidationError, "unknown status"),
        ({"languages": ("fr",)}, ValidationError, "unknown language"),
        ({"title": Texts()}, ValidationError, "title is empty"),
        ({"start": datetime(2019, 4, 4, 10)}, ValidationError, "named time zone"),
        ({"start": datetime(2019, 4, 4, 7, tzinfo=UTC)}, ValidationError, "named time zone"),
        ({"attendance": -1}, ValidationError, "attendance"),
    ],
)
def test_invalid_events_raise_typed_errors(fields, error, message):
    with pytest.raises(error, match=message):
        validate_event(small_programme(), event(**fields))


def test_error_names_the_event():
    with pytest.raises(TimeRangeError, match="event 'talk@x'"):
        validate_event(small_programme(), event("talk@x", end=9))


def test_programme_frame_is_checked():
    with pytest.raises(ValidationError, match="unknown time zone"):
        Programme(Texts.same("x"), "Mars/Olympus", date(2019, 4, 3), date(2019, 4, 4))
    with pytest.raises(TimeRangeError, match="before first day"):
        Programme(Texts.same("x"), "UTC", date(2019, 4, 3), date(2019, 4, 2))


def test_a_repeat_may_run_past_the_programme_and_without_end():
    """Only the occurrences on the programme's days count (issue 15): a weekly rule without
    end is a weekly event while the programme lasts."""
    programme = small_programme()
    validate_event(programme, event(recurrence=Recurrence("FREQ=DAILY;COUNT=8"), day=3))
    validate_event(programme, event(recurrence=Recurrence("FREQ=DAILY;COUNT=9"), day=3))
    validate_event(programme, event(recurrence=Recurrence("FREQ=DAILY")))
    with pytest.raises(ValidationError, match="cannot be read"):
        validate_event(programme, event(recurrence=Recurrence("FREQ=SOMETIMES;COUNT=2")))


def test_an_event_without_end_is_an_instant_and_an_all_day_event_lasts_a_day():
    programme = small_programme()
    validate_event(programme, event(end=at(4, 10)))
    midnight = at(4, 0)
    with pytest.raises(TimeRangeError, match="not after start"):
        validate_event(programme, event(start=midnight, end=midnight, all_day=True))


def test_sequence_rises_only_on_significant_changes():
    old = event(sequence=3)
    moved = touch(old, dataclasses.replace(old, start=at(4, 11), end=at(4, 13)))
    assert moved.sequence == 4
    retitled = touch(old, dataclasses.replace(old, title=Texts.same("New")))
    assert retitled.sequence == 4
    cancelled = touch(old, dataclasses.replace(old, status="cancelled"))
    assert cancelled.sequence == 4
    typo = touch(old, dataclasses.replace(old, description=Texts.same("fixed typo")))
    assert typo.sequence == 3
    assert typo.last_modified > old.last_modified
    assert touch(old, old) is old


def test_put_move_and_remove_event():
    programme = small_programme()
    assert put_event(programme, event()) is None
    old = move_event(programme, "e1@test", at(5, 15), venue="petri")
    moved = programme.events["e1@test"]
    assert (moved.start, moved.end, moved.venue) == (at(5, 15), at(5, 17), "petri")
    assert moved.sequence == old.sequence + 1
    assert remove_event(programme, "e1@test") == moved
    with pytest.raises(UnknownReferenceError):
        remove_event(programme, "e1@test")


def test_move_keeps_wall_clock_duration_across_dst():
    berlin = small_programme("Europe/Berlin")
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Europe/Berlin")
    berlin.first_day = date(2019, 3, 25)
    put_event(berlin, event(day=4, zone=zone))
    move_event(berlin, "e1@test", datetime(2019, 3, 30, 10, tzinfo=zone))
    moved = berlin.events["e1@test"]
    assert moved.end == datetime(2019, 3, 30, 12, tzinfo=zone)


def test_invalid_put_changes_nothing():
    programme = small_programme()
    put_event(programme, event())
    before = dict(programme.events)
    with pytest.raises(TimeRangeError):
        put_event(programme, event(end=9))
    assert programme.events == before


def test_validate_programme_checks_every_part():
    programme = small_programme()
    programme.events["e1@test"] = event(venue="moon")
    with pytest.raises(UnknownReferenceError):
        validate_programme(programme)
    programme = small_programme()
    programme.tracks["bad"] = dataclasses.replace(programme.tracks["business"], id="bad",
                                                  colour="blue")
    with pytest.raises(ValidationError, match="colour"):
        validate_programme(programme)


def test_wall_clock_zone_is_kept():
    e = event()
    assert e.start.tzinfo is MSK
    assert e.start.astimezone(UTC).hour == 7
