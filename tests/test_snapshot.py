"""The programme's JSON form (planner.snapshot): full fidelity, deterministic, versioned."""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from factories import event, small_programme
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import snapshot
from planner.builtin import BUILTIN_PATH, load_builtin
from planner.model import (
    LANGS,
    STATUSES,
    Event,
    Period,
    Person,
    Programme,
    Recurrence,
    RecurrenceId,
    Texts,
    Track,
    TravelSettings,
    ValidationError,
    Venue,
)
from planner.store import open_programme, save_new

ZONES = ["Europe/Moscow", "Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata"]
ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,8}", fullmatch=True)
texts = st.builds(Texts, st.text(max_size=12), st.text(max_size=12), st.text(max_size=12))
instants = st.datetimes(datetime(2018, 1, 1), datetime(2021, 1, 1))


@st.composite
def programmes(draw: st.DrawFn) -> Programme:
    """Any programme the model can hold, every field drawn (not all of them valid)."""
    first = draw(st.dates(date(2018, 1, 1), date(2020, 12, 1)))
    programme = Programme(
        name=draw(texts), timezone=draw(st.sampled_from(ZONES)), first_day=first,
        last_day=first + timedelta(days=draw(st.integers(0, 30))),
        travel=TravelSettings(draw(st.floats(0.1, 200)), draw(st.integers(0, 120))),
    )  # fmt: skip
    for tid in draw(st.lists(ids, min_size=1, max_size=4, unique=True)):
        colour = "#" + draw(st.from_regex(r"[0-9a-fA-F]{6}", fullmatch=True))
        programme.tracks[tid] = Track(tid, draw(texts), colour, draw(st.booleans()))
    for vid in draw(st.lists(ids, min_size=1, max_size=4, unique=True)):
        located = draw(st.booleans())
        programme.venues[vid] = Venue(
            vid, draw(texts), draw(st.text(max_size=20)),
            draw(st.floats(-90, 90)) if located else None,
            draw(st.floats(-180, 180)) if located else None,
            draw(st.one_of(st.none(), st.integers(0, 10**6))), draw(st.booleans()),
        )  # fmt: skip
    for pid in draw(st.lists(ids, max_size=5, unique=True)):
        programme.people[pid] = Person(pid, draw(st.text(min_size=1, max_size=12)),
                                       draw(st.text(max_size=12)), draw(st.text(max_size=12)))
    for uid in draw(st.lists(st.text(min_size=1, max_size=16), max_size=8, unique=True)):
        zone = ZoneInfo(draw(st.sampled_from(ZONES)))
        start = draw(instants).replace(tzinfo=zone)
        end = start + timedelta(minutes=draw(st.integers(1, 3000)))
        recurrence = None
        overrides: tuple[Event, ...] = ()
        if draw(st.booleans()):
            def days(most: int, start: datetime = start) -> tuple[datetime, ...]:
                return tuple(start + timedelta(days=n)
                             for n in draw(st.lists(st.integers(1, 9), max_size=most)))
            rdates = days(2)
            recurrence = Recurrence(
                draw(st.sampled_from(["FREQ=DAILY;COUNT=5", "FREQ=WEEKLY;UNTIL=20190410T160000",
                                      ""])),
                days(3), tuple(draw(st.lists(st.sampled_from(["FREQ=MONTHLY;COUNT=2"]),
                                             max_size=1))),
                rdates, tuple(Period(d, d + timedelta(hours=1)) for d in days(1)),
            )  # fmt: skip
            for moved in days(2):
                overrides += (Event(
                    uid=uid, title=draw(texts), start=moved + timedelta(hours=1),
                    end=moved + timedelta(hours=2), track=draw(st.sampled_from(
                        list(programme.tracks))), venue=draw(st.sampled_from(
                        list(programme.venues))), status=draw(st.sampled_from(STATUSES)),
                    recurrence_id=RecurrenceId(moved, draw(st.booleans())),
                ),)  # fmt: skip
        programme.events[uid] = Event(
            uid=uid, title=draw(texts), description=draw(texts), start=start, end=end,
            track=draw(st.sampled_from(list(programme.tracks))),
            venue=draw(st.sampled_from(list(programme.venues))),
            speakers=tuple(draw(st.lists(st.sampled_from(list(programme.people) or ["x"]),
                                         max_size=3, unique=True))),
            languages=tuple(draw(st.lists(st.sampled_from(LANGS), max_size=3, unique=True))),
            status=draw(st.sampled_from(STATUSES)), all_day=draw(st.booleans()),
            recurrence=recurrence, sequence=draw(st.integers(0, 10**6)),
            last_modified=draw(instants).replace(tzinfo=UTC), url=draw(st.text(max_size=12)),
            attendance=draw(st.one_of(st.none(), st.integers(0, 10**6))),
            overrides=overrides, source_uid=draw(st.sampled_from(["", "other@uid"])),
            preserved=draw(st.sampled_from(["", "CLASS:PUBLIC\r\n"])),
            absent=frozenset(draw(st.lists(st.sampled_from(["COLOR", "SUMMARY"]),
                                           max_size=2))),
        )  # fmt: skip
    if draw(st.booleans()):
        programme.zones["X-Custom/Zone"] = "BEGIN:VTIMEZONE\r\nTZID:X-Custom/Zone\r\n"
    return programme


SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


def same(a: Programme, b: Programme) -> bool:
    """Equal in every field, and tracks and venues in the same order (their display order)."""
    return a == b and list(a.tracks) == list(b.tracks) and list(a.venues) == list(b.venues)


@SETTINGS
@given(programmes())
def test_round_trip_keeps_every_field(programme):
    back = snapshot.loads(snapshot.dumps(programme), validate=False)
    assert same(back, programme)
    # Each event's zone survives too, not only its instant.
    for uid, ev in programme.events.items():
        assert back.events[uid].zone.key == ev.zone.key
        assert back.events[uid].start.replace(tzinfo=None) == ev.start.replace(tzinfo=None)
    assert snapshot.dumps(back) == snapshot.dumps(programme)


@SETTINGS
@given(programmes(), st.randoms(use_true_random=False))
def test_equal_programmes_give_equal_bytes(programme, rng: random.Random):
    shuffled = programme.copy()
    for name in ("events", "people"):
        items = list(getattr(programme, name).items())
        rng.shuffle(items)
        setattr(shuffled, name, dict(items))
    assert snapshot.dumps(shuffled) == snapshot.dumps(programme)


def test_the_data_is_plain_json_with_its_format_and_version():
    data = snapshot.to_dict(load_builtin())
    assert (data["format"], data["version"]) == ("programme-planner/programme", snapshot.VERSION)
    assert json.loads(json.dumps(data)) == data
    # Every field of every event is written, so that a reader never guesses a default.
    names = {f.name for f in dataclasses.fields(Event)}
    assert all(names <= set(item) for item in data["events"])


def test_builtin_is_read_through_the_same_form():
    programme = load_builtin()
    raw = json.loads(BUILTIN_PATH.read_text(encoding="utf-8"))
    assert raw["format"] == snapshot.FORMAT
    # Events without a time of their own carry the programme's compilation date.
    assert {e.last_modified for e in programme.events.values()} == {
        datetime(2019, 3, 1, tzinfo=UTC)}
    assert same(snapshot.from_dict(snapshot.to_dict(programme)), programme)


def test_store_and_snapshot_agree(tmp_path):
    programme = load_builtin()
    save_new(tmp_path / "p.programme", programme)
    assert snapshot.dumps(open_programme(tmp_path / "p.programme")) == snapshot.dumps(programme)


def test_event_in_another_zone_keeps_it():
    programme = small_programme()
    berlin = ZoneInfo("Europe/Berlin")
    programme.events["b@t"] = event("b@t", zone=berlin)
    data = snapshot.to_dict(programme)
    assert data["events"][0]["timezone"] == "Europe/Berlin"
    assert data["events"][0]["start"] == "2019-04-04T10:00:00"
    assert snapshot.from_dict(data).events["b@t"].zone == berlin


def test_older_data_without_newer_fields_reads_with_defaults():
    data = snapshot.to_dict(small_programme())
    data["events"] = [{"uid": "a@t", "title": "A", "track": "business", "venue": "goethe",
                       "start": "2019-04-04T10:00", "end": "2019-04-04T11:00"}]
    del data["travel"]
    programme = snapshot.from_dict(data)
    ev = programme.events["a@t"]
    assert (ev.status, ev.sequence, ev.speakers, ev.recurrence) == ("confirmed", 0, (), None)
    assert programme.travel == TravelSettings()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(format="something/else"), "not a programme"),
        (lambda d: d.update(version=snapshot.VERSION + 1), "reads up to"),
        (lambda d: d.pop("timezone"), "missing or wrong field ('timezone')"),
        (lambda d: d["events"][0].pop("start"), "event 'e1@test': missing or wrong field"),
        (lambda d: d["events"][0].update(end="tomorrow"), "event 'e1@test'"),
        (lambda d: d["events"][0].update(timezone="Mars/Olympus"), "Mars/Olympus"),
        (lambda d: d["events"][0].update(track="nope"), "unknown track 'nope'"),
    ],
)
def test_bad_data_is_refused_with_a_message(change, expected):
    programme = small_programme()
    programme.events["e1@test"] = event()
    data = snapshot.to_dict(programme)
    change(data)
    with pytest.raises(ValidationError) as info:
        snapshot.from_dict(data)
    assert expected in str(info.value)
    assert info.value.render("de") and info.value.render("ru")


def test_not_json_is_refused():
    with pytest.raises(ValidationError, match="not JSON"):
        snapshot.loads(b"{broken")

