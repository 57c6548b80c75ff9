"""Availability windows and unscheduled sessions: the model, its checks and the file."""

from __future__ import annotations

import dataclasses
import math
import sqlite3
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.availability import busy_spans, free_spans, is_free, merge, uncovered
from planner.model import (
    Session,
    Texts,
    TimeRangeError,
    TimeWindow,
    UnknownReferenceError,
    ValidationError,
    as_event,
    put_session,
    schedule_session,
    unschedule_event,
    validate_programme,
)
from planner.store import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_V1,
    SCHEMA_VERSION,
    Changes,
    ProgrammeStore,
    open_programme,
    save_new,
)
from tests.factories import at, event, small_programme


def session(uid: str = "s1@test", minutes: int = 90, **fields: object) -> Session:
    values: dict[str, object] = {"uid": uid, "title": Texts("Vortrag", "Talk", "Доклад"),
                                 "duration": timedelta(minutes=minutes), "track": "business"}
    values.update(fields)
    return Session(**values)  # type: ignore[arg-type]


def planning_programme():
    programme = small_programme()
    programme.people["anna"] = dataclasses.replace(programme.people["anna"], availability=(
        TimeWindow(at(4, 9), at(4, 18)), TimeWindow(at(4, 12), at(4, 13), "blocked")))
    programme.venues["petri"] = dataclasses.replace(programme.venues["petri"], availability=(
        TimeWindow(at(5, 18), at(5, 22)),))
    programme.events["a@t"] = event("a@t", speakers=("anna",))
    programme.unscheduled["s1@test"] = session(speakers=("anna",), attendance=40,
                                               languages=("de",), url="https://x.org/s")
    programme.unscheduled["s2@test"] = session("s2@test", 30, venue="petri",
                                               description=Texts.same("D"))
    return programme


# -- the file --------------------------------------------------------------------------------


def test_round_trip_keeps_availability_and_sessions(tmp_path):
    path = tmp_path / "plan.programme"
    programme = planning_programme()
    save_new(path, programme)
    loaded = open_programme(path)
    assert loaded == programme
    assert loaded.people["anna"].availability[1].kind == "blocked"
    assert loaded.unscheduled["s1@test"].duration == timedelta(minutes=90)


def test_changes_place_and_unschedule_in_the_file(tmp_path):
    path = tmp_path / "plan.programme"
    programme = planning_programme()
    save_new(path, programme)
    with ProgrammeStore.open(path) as store:
        schedule_session(programme, "s1@test", at(4, 14), "goethe")
        unschedule_event(programme, "a@t")
        store.write(programme, Changes(events={"s1@test"}, removed_sessions={"s1@test"},
                                       sessions={"a@t"}, removed_events={"a@t"}))
        programme.venues["petri"] = dataclasses.replace(programme.venues["petri"],
                                                        availability=())
        store.write(programme, Changes(venues={"petri"}))
    loaded = open_programme(path)
    assert loaded == programme
    assert set(loaded.unscheduled) == {"a@t", "s2@test"}
    assert loaded.events["s1@test"].start == at(4, 14)


def test_removing_a_person_removes_their_windows(tmp_path):
    path = tmp_path / "plan.programme"
    programme = planning_programme()
    programme.people["bob"] = dataclasses.replace(programme.people["anna"], id="bob")
    save_new(path, programme)
    with ProgrammeStore.open(path) as store:
        del programme.people["bob"]
        store.write(programme, Changes(people={"bob"}))
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM availability WHERE owner = 'bob'"
                            ).fetchone()[0] == 0
    assert open_programme(path) == programme


def test_version_2_file_migrates_and_keeps_its_events(tmp_path):
    path = tmp_path / "v2.programme"
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1)
    conn.executescript(MIGRATIONS[0])
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 2")
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("name", '{"de": "A", "en": "A", "ru": "A"}'), ("timezone", "Europe/Moscow"),
        ("first_day", "2019-04-03"), ("last_day", "2019-04-10")])
    conn.execute("INSERT INTO tracks VALUES ('c', 'K', 'C', 'К', '#b5446e', 0)")
    conn.execute("INSERT INTO venues VALUES ('g', 'G', 'G', 'Г', '', NULL, NULL, 0, 50)")
    conn.execute("INSERT INTO people VALUES ('p', 'P', '', '')")
    conn.execute(
        "INSERT INTO events VALUES ('x@t', 'T', 'T', 'Т', '', '', '', 'c', 'g', "
        "'2019-04-04T10:00:00', '2019-04-04T11:00:00', 'Europe/Moscow', 0, 'confirmed', NULL, "
        "'[]', '[]', 0, '2019-03-01T00:00:00+00:00', '', 20)")
    conn.commit()
    conn.close()
    programme = open_programme(path)
    assert programme.unscheduled == {}
    assert programme.people["p"].availability == ()
    assert programme.events["x@t"].attendance == 20
    with ProgrammeStore.open(path) as store:
        assert store.load() == programme
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


# -- the model -------------------------------------------------------------------------------


def test_schedule_and_unschedule_keep_every_field():
    programme = planning_programme()
    before = programme.unscheduled["s1@test"]
    placed = schedule_session(programme, "s1@test", at(6, 10), "goethe")
    assert "s1@test" not in programme.unscheduled
    assert placed.end - placed.start == timedelta(minutes=90)
    assert (placed.attendance, placed.languages, placed.url) == (40, ("de",), "https://x.org/s")
    assert placed.sequence == before.sequence + 1
    back = unschedule_event(programme, "s1@test")
    assert "s1@test" not in programme.events
    assert dataclasses.replace(back, sequence=0, last_modified=before.last_modified,
                               venue="") == before


def test_schedule_needs_a_venue_and_a_valid_time():
    programme = planning_programme()
    with pytest.raises(ValidationError, match="choose a venue"):
        schedule_session(programme, "s1@test", at(4, 10))
    with pytest.raises(UnknownReferenceError):
        schedule_session(programme, "nope", at(4, 10), "goethe")
    with pytest.raises(UnknownReferenceError, match="unknown venue"):
        schedule_session(programme, "s1@test", at(4, 10), "mars")
    assert "s1@test" in programme.unscheduled  # nothing changed


def test_repeating_event_is_not_unscheduled():
    from planner.model import Recurrence

    programme = planning_programme()
    programme.events["r@t"] = event("r@t", recurrence=Recurrence("FREQ=DAILY;COUNT=2"))
    with pytest.raises(ValidationError, match="repeating"):
        unschedule_event(programme, "r@t")
    assert "r@t" in programme.events


@pytest.mark.parametrize("bad, message", [
    (session(minutes=0), "positive whole number"),
    (session(track="nope"), "unknown track"),
    (session(venue="nope"), "unknown venue"),
    (session(speakers=("ghost",)), "unknown speaker"),
    (session(title=Texts()), "title is empty"),
])
def test_invalid_sessions_are_refused(bad, message):
    programme = small_programme()
    with pytest.raises(ValidationError, match=message):
        put_session(programme, bad)
    assert programme.unscheduled == {}


def test_session_and_event_may_not_share_a_uid():
    programme = planning_programme()
    with pytest.raises(ValidationError, match="both placed and unscheduled"):
        put_session(programme, session("a@t"))
    programme.unscheduled["a@t"] = session("a@t")
    with pytest.raises(ValidationError, match="both placed and unscheduled"):
        validate_programme(programme)


def test_windows_are_checked():
    programme = small_programme()
    programme.people["anna"] = dataclasses.replace(
        programme.people["anna"], availability=(TimeWindow(at(4, 12), at(4, 11)),))
    with pytest.raises(TimeRangeError, match="availability ends"):
        validate_programme(programme)


def test_as_event_uses_the_sessions_length_in_wall_clock_time():
    # 31 March 2019: Berlin's clocks go forward; a 2-hour session still ends 2 hours later
    # on the clock, as events are kept.
    from datetime import datetime
    from zoneinfo import ZoneInfo

    start = datetime(2019, 3, 31, 1, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    placed = as_event(session(minutes=120, venue="goethe"), start)
    assert placed.end.hour == 3


# -- spans -----------------------------------------------------------------------------------

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=6).map(
    lambda xs: [(float(a), float(a + n)) for a, n in xs])


def _covered(points_spans, x):
    return any(a <= x < b for a, b in points_spans)


@settings(max_examples=200, deadline=None)
@given(available=spans, blocked=spans, start=st.integers(0, 80), length=st.integers(1, 30))
def test_free_and_busy_spans_agree_with_the_rule_point_by_point(available, blocked, start,
                                                                length):
    base = at(4, 0)

    def minute(n):
        return base + timedelta(minutes=n)

    windows = [TimeWindow(minute(a), minute(b), "available") for a, b in available]
    windows += [TimeWindow(minute(a), minute(b), "blocked") for a, b in blocked]
    free, busy = free_spans(windows), busy_spans(windows)

    def rule(x):  # x in minutes; the rule as TimeWindow's doc states it
        inside = [w.kind for w in windows if minute(0) + timedelta(minutes=x) >= w.start
                  and minute(0) + timedelta(minutes=x) < w.end]
        if "blocked" in inside:
            return False
        return "available" in inside or not any(w.kind == "available" for w in windows)

    samples = [start + i / 2 for i in range(length * 2)]
    s, e = minute(start).timestamp(), minute(start + length).timestamp()
    assert is_free(free, s, e) == all(rule(x) for x in samples)
    part = uncovered(busy, s, e)
    bad = [x for x in samples if not rule(x)]
    if not bad:
        assert part is None
    else:
        assert part is not None
        assert part[0] <= minute(bad[0]).timestamp() and part[1] > minute(bad[-1]).timestamp()
        assert s <= part[0] < part[1] <= e
    assert merge(free) == free and all(b > a for a, b in free)
    assert merge(busy) == busy and not any(math.isnan(a) for a, _ in busy)


def test_snapshot_keeps_availability_and_sessions():
    from planner.snapshot import dumps, loads, to_dict

    programme = planning_programme()
    assert loads(dumps(programme)) == programme
    data = to_dict(programme)
    assert [s["uid"] for s in data["unscheduled"]] == ["s1@test", "s2@test"]
    assert data["unscheduled"][0]["minutes"] == 90
    plain = small_programme()
    assert "unscheduled" not in to_dict(plain)  # older data and its bytes stay as they were
    assert "availability" not in to_dict(plain)["people"][0]


def test_what_an_import_kept_survives_unscheduling_and_the_file(tmp_path):
    programme = planning_programme()
    programme.events["x@t"] = event("x@t", preserved="X-FOO:bar\r\n", source_uid="orig@x",
                                    absent=frozenset({"COLOR"}))
    unschedule_event(programme, "x@t")
    path = tmp_path / "kept.programme"
    save_new(path, programme)
    loaded = open_programme(path)
    assert loaded.unscheduled["x@t"].preserved == "X-FOO:bar\r\n"
    back = schedule_session(loaded, "x@t", at(6, 10), "goethe")
    assert (back.preserved, back.source_uid, back.absent) == (
        "X-FOO:bar\r\n", "orig@x", frozenset({"COLOR"}))
