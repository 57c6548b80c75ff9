"""Clash checking: table tests per kind, the built-in programme, and the sweep against a
brute-force oracle on random programmes (including the index's incremental path)."""

from __future__ import annotations

import dataclasses
import json
import math
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.builtin import load_builtin
from planner.conflicts import (
    CLASH_KINDS,
    MESSAGES,
    Clash,
    ClashIndex,
    clash_sort_key,
    clashes_for,
    clashing_occurrences,
    clashing_uids,
    distance_km,
    find_clashes,
    travel_minutes,
)
from planner.model import (
    Event,
    Person,
    Programme,
    Recurrence,
    RecurrenceId,
    Texts,
    TimeWindow,
    Track,
    TravelSettings,
    Venue,
)
from planner.recurrence import Occurrence, expand
from tests.factories import MSK, at, event, small_programme

BERLIN = ZoneInfo("Europe/Berlin")


def programme_with(*events: Event, people: tuple[str, ...] = ("anna", "boris")) -> Programme:
    programme = small_programme()
    programme.venues["nowhere"] = Venue("nowhere", Texts.same("Somewhere unknown"))
    for pid in people:
        programme.people.setdefault(pid, Person(pid, pid.capitalize() + " Muster"))
    for e in events:
        programme.events[e.uid] = e
    return programme


def kinds(clashes: list[Clash]) -> list[tuple[str, tuple[str, ...]]]:
    return [(c.kind, c.events) for c in clashes]


# ---------------------------------------------------------------------------------------------
# Venues and speakers


def test_overlap_in_one_venue_is_a_venue_clash():
    a = event("a@t", 4, 10, 12, title=Texts.same("Opening"))
    b = event("b@t", 4, 11, 13, title=Texts.same("Café D"))
    clashes = find_clashes(programme_with(a, b))
    assert kinds(clashes) == [("venue", ("a@t", "b@t"))]
    clash = clashes[0]
    assert clash.venue == "goethe" and clash.person is None
    assert clash.starts == (a.start, b.start)
    assert clash.span == (at(4, 11), at(4, 12))
    assert clash.message == (
        "Venue Goethe-Institut is double-booked: “Opening” (Thu 4 Apr 10:00–12:00) "
        "overlaps “Café D” (Thu 4 Apr 11:00–13:00)"
    )


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ((10, 11), (11, 12), []),  # touching: no clash
        ((10, 12), (12, 13), []),
        ((10, 12), (11, 12), ["venue"]),  # ends together
        ((10, 14), (11, 12), ["venue"]),  # one inside the other
        ((10, 11), (10, 11), ["venue"]),  # identical times
    ],
)
def test_touching_and_nested_intervals_in_a_venue(first, second, expected):
    programme = programme_with(event("a@t", 4, *first), event("b@t", 4, *second))
    assert [c.kind for c in find_clashes(programme)] == expected


def test_different_venues_do_not_clash_and_speakers_do():
    a = event("a@t", 4, 10, 12, speakers=("anna",), venue="goethe")
    b = event("b@t", 4, 11, 13, speakers=("anna", "boris"), venue="petri")
    clashes = find_clashes(programme_with(a, b))
    assert kinds(clashes) == [("speaker", ("a@t", "b@t"))]
    assert clashes[0].person == "anna" and clashes[0].venue is None
    assert clashes[0].message.startswith("Anna Beispiel is in two events at once: “Title”")


def test_one_clash_per_shared_speaker_and_venue():
    a = event("a@t", 4, 10, 12, speakers=("anna", "boris"))
    b = event("b@t", 4, 11, 13, speakers=("boris", "anna"))
    clashes = find_clashes(programme_with(a, b))
    assert sorted((c.kind, c.venue or c.person) for c in clashes) == [
        ("speaker", "anna"), ("speaker", "boris"), ("venue", "goethe"),
    ]  # fmt: skip


def test_touching_speaker_events_at_one_venue_are_fine():
    a = event("a@t", 4, 10, 12, speakers=("anna",))
    b = event("b@t", 4, 12, 13, speakers=("anna",))
    assert find_clashes(programme_with(a, b)) == []


def test_cancelled_events_clash_with_nothing():
    a = event("a@t", 4, 10, 12, speakers=("anna",), attendance=999)
    b = event("b@t", 4, 11, 13, speakers=("anna",), status="cancelled", attendance=999)
    c = event("c@t", 1, 10, 12, status="cancelled")  # outside the days, but cancelled
    programme = programme_with(a, b, c)
    assert kinds(find_clashes(programme)) == [("capacity", ("a@t",))]
    # Tentative events take part.
    programme.events["b@t"] = dataclasses.replace(b, status="tentative", attendance=None)
    assert ("venue", ("a@t", "b@t")) in kinds(find_clashes(programme))


def test_repeating_events_are_checked_occurrence_by_occurrence():
    # Daily 16:00-18:00 from the 3rd to the 6th, the 5th left out.
    cafe = event("cafe@t", 3, 16, 18, title=Texts.same("Café D"),
                 recurrence=Recurrence("FREQ=DAILY;COUNT=4", (at(5, 16),)))  # fmt: skip
    on_4th = event("reading@t", 4, 17, 19)
    on_5th = event("free@t", 5, 16, 18)  # the left-out day
    on_6th = event("late@t", 6, 18, 20)  # touches the end
    clashes = find_clashes(programme_with(cafe, on_4th, on_5th, on_6th))
    assert kinds(clashes) == [("venue", ("cafe@t", "reading@t"))]
    assert clashes[0].starts == (at(4, 16), at(4, 17))
    assert "Fri 4 Apr" not in clashes[0].message and "Thu 4 Apr 16:00–18:00" in clashes[0].message
    # Which occurrence of the series: only Thursday's is marked, the single event whole.
    assert clashes[0].recurrence_ids == (at(4, 16), None)
    assert clashing_occurrences(clashes) == {("cafe@t", at(4, 16)), ("reading@t", None)}


def test_a_series_too_large_for_its_venue_is_marked_whole():
    # Capacity is once per event: every occurrence is as full, so no one occurrence is named.
    crowd = event("crowd@t", 3, 9, 10, attendance=500,
                  recurrence=Recurrence("FREQ=DAILY;COUNT=3"))  # fmt: skip
    [clash] = find_clashes(programme_with(crowd))
    assert clash.kind == "capacity" and clash.occurrences() == (("crowd@t", None),)


def test_two_repeating_events_clash_on_each_day():
    a = event("a@t", 3, 9, 10, recurrence=Recurrence("FREQ=DAILY;COUNT=3"))
    b = event("b@t", 3, 9, 11, recurrence=Recurrence("FREQ=DAILY;INTERVAL=2;COUNT=2"))
    clashes = find_clashes(programme_with(a, b))
    assert [c.starts for c in clashes] == [(at(3, 9), at(3, 9)), (at(5, 9), at(5, 9))]


def test_an_event_never_clashes_with_itself():
    # 25-hour daily occurrences overlap each other: that is one event, not a double booking.
    long = event("long@t", 3, at(3, 10), at(4, 11), speakers=("anna",),
                 recurrence=Recurrence("FREQ=DAILY;COUNT=3"))  # fmt: skip
    assert find_clashes(programme_with(long)) == []


def test_all_day_event_blocks_its_venue_for_the_day():
    fair = event("fair@t", 5, at(5, 0), at(6, 0), all_day=True, title=Texts.same("Fair"))
    talk = event("talk@t", 5, 10, 11)
    next_day = event("next@t", 6, 0, 1)
    clashes = find_clashes(programme_with(fair, talk, next_day))
    assert kinds(clashes) == [("venue", ("fair@t", "talk@t"))]
    assert "“Fair” (Fri 5 Apr, all day)" in clashes[0].message


def test_events_in_other_zones_compare_by_instant():
    # 09:00 in Berlin is 10:00 in Moscow in April 2019.
    berlin = event("b@t", 4, 8, 9, zone=BERLIN)
    moscow = event("m@t", 4, 10, 11)
    assert find_clashes(programme_with(berlin, moscow)) == []
    later = event("m@t", 4, at(4, 9, 30), at(4, 11))
    assert kinds(find_clashes(programme_with(berlin, later))) == [("venue", ("b@t", "m@t"))]


# ---------------------------------------------------------------------------------------------
# Travel


def test_distance_and_travel_time():
    # One degree of longitude on the equator is 111.2 km.
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.01)
    assert distance_km(59.9316, 30.3127, 59.9316, 30.3127) == 0
    programme = small_programme()
    goethe, petri = programme.venues["goethe"], programme.venues["petri"]
    km = distance_km(goethe.lat, goethe.lon, petri.lat, petri.lon)  # type: ignore[arg-type]
    assert 0.7 < km < 1.0
    travel = TravelSettings(speed_kmh=12, buffer_minutes=5)
    assert travel_minutes(goethe, petri, travel) == pytest.approx(km / 12 * 60 + 5)
    assert travel_minutes(goethe, goethe, travel) == 0
    assert travel_minutes(goethe, Venue("x", Texts.same("X")), travel) is None
    assert travel_minutes(goethe, petri, TravelSettings(speed_kmh=0)) is None


def trip_minutes(programme: Programme, a: str, b: str) -> float:
    minutes = travel_minutes(programme.venues[a], programme.venues[b], programme.travel)
    assert minutes is not None
    return minutes


@pytest.mark.parametrize("buffer", [0, 10, 30])
def test_travel_clash_when_the_gap_is_shorter_than_the_trip(buffer):
    programme = programme_with()
    programme.travel = TravelSettings(speed_kmh=15, buffer_minutes=buffer)
    trip = trip_minutes(programme, "goethe", "petri")
    short = math.floor(trip)  # whole minutes just under the trip
    first = event("a@t", 4, 10, 11, speakers=("anna",), venue="goethe", title=Texts.same("A"))
    for gap, clash in ((0, True), (short, True), (short + 1, False)):
        second = event("b@t", 4, at(4, 11) + timedelta(minutes=gap),
                       at(4, 12) + timedelta(minutes=gap), speakers=("anna",), venue="petri",
                       title=Texts.same("B"))  # fmt: skip
        programme.events = {first.uid: first, second.uid: second}
        found = find_clashes(programme)
        assert kinds(found) == ([("travel", ("a@t", "b@t"))] if clash else []), gap
        if clash:
            assert found[0].person == "anna"
            assert found[0].span == (at(4, 11), second.start)
            assert found[0].message.startswith(
                "Anna Beispiel cannot get from Goethe-Institut to Petrikirche in time: "
                "“A” (Thu 4 Apr 10:00–11:00) is followed by “B”"
            )


def test_a_gap_exactly_as_long_as_the_trip_is_enough():
    # Two halls at one address: the trip is the buffer alone.
    programme = programme_with()
    programme.venues["hall"] = dataclasses.replace(programme.venues["goethe"], id="hall")
    programme.travel = TravelSettings(speed_kmh=15, buffer_minutes=10)
    a = event("a@t", 4, 10, 11, speakers=("anna",))
    for minutes, expected in ((10, []), (9, [("travel", ("a@t", "b@t"))])):
        b = event("b@t", 4, at(4, 11, minutes), at(4, 12), speakers=("anna",), venue="hall")
        programme.events = {a.uid: a, b.uid: b}
        assert kinds(find_clashes(programme)) == expected


def test_no_travel_without_coordinates_same_venue_or_other_people():
    a = event("a@t", 4, 10, 11, speakers=("anna",), venue="goethe")
    no_coords = event("b@t", 4, 11, 12, speakers=("anna",), venue="nowhere")
    same_venue = event("c@t", 4, 12, 13, speakers=("anna",), venue="nowhere")
    other_person = event("d@t", 4, 11, 12, speakers=("boris",), venue="petri")
    assert find_clashes(programme_with(a, no_coords, same_venue, other_person)) == []


def test_travel_comes_from_the_event_that_ended_last():
    # Anna is at a long event in Goethe until 13:00; a short one at Petri ended at 11:00.
    # Her 13:00 event at Petri is a trip from Goethe with no time: a travel clash.
    long = event("long@t", 4, 10, 13, speakers=("anna",), venue="goethe")
    short = event("short@t", 4, 10, 11, speakers=("anna",), venue="petri")
    after = event("after@t", 4, 13, 14, speakers=("anna",), venue="petri")
    found = kinds(find_clashes(programme_with(long, short, after)))
    assert found == [("speaker", ("long@t", "short@t")), ("travel", ("after@t", "long@t"))]


def test_travel_between_occurrences_of_repeating_events():
    talk = event("talk@t", 3, 10, 11, speakers=("anna",), venue="goethe",
                 recurrence=Recurrence("FREQ=DAILY;COUNT=3"))  # fmt: skip
    panel = event("panel@t", 4, 11, 12, speakers=("anna",), venue="petri")
    clashes = find_clashes(programme_with(talk, panel))
    assert kinds(clashes) == [("travel", ("panel@t", "talk@t"))]
    assert clashes[0].starts == (at(4, 11), at(4, 10))


# ---------------------------------------------------------------------------------------------
# Days and capacity


def test_events_outside_the_programme_days():
    before = event("before@t", 2, 10, 12)
    across_end = event("late@t", 10, at(10, 23), at(11, 1), venue="petri")
    first_day = event("first@t", 3, 0, 1)
    last_minute = event("last@t", 10, at(10, 23), at(11, 0), venue="nowhere")
    repeating = event("rep@t", 9, 9, 10, venue="nowhere",
                      recurrence=Recurrence("FREQ=DAILY;COUNT=3"))  # fmt: skip
    clashes = find_clashes(programme_with(before, across_end, first_day, last_minute, repeating))
    assert [(c.kind, c.events, c.starts) for c in clashes] == [
        ("outside", ("before@t",), (at(2, 10),)),
        ("outside", ("late@t",), (at(10, 23),)),
        # A series counts on the programme's days only: its occurrence on the 11th does
        # not take place in this programme, and is no clash.
    ]
    assert clashes[0].message == (
        "“Title” (Tue 2 Apr 10:00–12:00) lies outside the programme's days "
        "(2019-04-03 to 2019-04-10)"
    )


@pytest.mark.parametrize(
    ("venue", "attendance", "expected"),
    [("goethe", 121, True), ("goethe", 120, False), ("goethe", None, False),
     ("nowhere", 10_000, False), ("petri", 601, True)],
)  # fmt: skip
def test_capacity(venue, attendance, expected):
    e = event("a@t", 4, 10, 12, venue=venue, attendance=attendance, title=Texts.same("Talk"))
    clashes = find_clashes(programme_with(e))
    assert kinds(clashes) == ([("capacity", ("a@t",))] if expected else [])
    if expected and venue == "goethe":
        assert clashes[0].message == (
            "“Talk” (Thu 4 Apr 10:00–12:00) expects 121 people, but Goethe-Institut holds 120"
        )


# ---------------------------------------------------------------------------------------------
# Messages and languages


def test_messages_use_the_language_asked_for():
    programme = programme_with(
        event("a@t", 4, 10, 12, title=Texts("Eröffnung", "Opening", "Открытие")),
        event("b@t", 4, 11, 13, title=Texts("Lesung", "", "")),
    )
    programme.venues["goethe"] = dataclasses.replace(
        programme.venues["goethe"], name=Texts("Goethe-Institut", "Goethe Institute", "Гёте")
    )
    ru = find_clashes(programme, "ru")[0].message
    assert "Гёте" in ru and "«Открытие»" in ru and "«Lesung»" in ru  # falls back to German
    assert ru.startswith("Площадка Гёте занята дважды: «Открытие» (чт 4 апр. 10:00–12:00)")
    de = find_clashes(programme, "de")[0].message
    assert "Goethe-Institut" in de and "„Eröffnung“" in de
    assert de.startswith("Ort Goethe-Institut ist doppelt belegt: „Eröffnung“ (Do 4. Apr. 10:00")
    en = find_clashes(programme, "en")[0].message
    assert "Goethe Institute" in en and "“Opening”" in en


def test_times_are_shown_in_the_programme_zone_and_across_midnight():
    late = event("late@t", 4, at(4, 23), at(5, 1, 30), title=Texts.same("Night"))
    berlin = event("b@t", 5, at(4, 22, 0, zone=BERLIN), at(4, 23, 30, zone=BERLIN))
    message = find_clashes(programme_with(late, berlin))[0].message
    assert "“Night” (Thu 4 Apr 23:00 – Fri 5 Apr 01:30)" in message
    assert "(Thu 4 Apr 23:00 – Fri 5 Apr 00:30)" in message  # Berlin 22:00 is Moscow 23:00


def test_message_templates_live_in_one_dict():
    # Each kind has its sentence, or one per case (unavailable_person, unavailable_venue).
    for kind in CLASH_KINDS:
        assert kind in MESSAGES or any(key.startswith(f"{kind}_") for key in MESSAGES)


def test_json_form_and_helpers():
    a, b = event("a@t", 4, 10, 12), event("b@t", 4, 11, 13)
    clashes = find_clashes(programme_with(a, b))
    assert clashes[0].as_json() == {"kind": "venue", "events": ["a@t", "b@t"],
                                    "message": clashes[0].message,
                                    "starts": ["2019-04-04T10:00:00+03:00",
                                               "2019-04-04T11:00:00+03:00"],
                                    "recurrence_ids": [None, None]}  # fmt: skip
    assert clashing_uids(clashes) == {"a@t", "b@t"}


def test_json_names_the_occurrence_of_a_series_also_where_an_override_moved_it():
    from planner.edits import occurrence_of, overridden

    cafe = event("cafe@t", 3, 16, 18, recurrence=Recurrence("FREQ=DAILY;COUNT=4"))
    # Thursday's occurrence moved to Monday evening.
    moved = dataclasses.replace(occurrence_of(cafe, at(4, 16)), start=at(8, 19), end=at(8, 21))
    cafe = overridden(cafe, at(4, 16), moved)
    talk = event("talk@t", 8, 20, 21)
    sat = event("sat@t", 6, 17, 18)
    first, second = find_clashes(programme_with(cafe, talk, sat))
    assert first.as_json()["events"] == ["cafe@t", "sat@t"]
    assert first.as_json()["recurrence_ids"] == ["2019-04-06T16:00:00+03:00", None]
    assert first.as_json()["starts"] == ["2019-04-06T16:00:00+03:00",
                                         "2019-04-06T17:00:00+03:00"]
    # The moved occurrence: where it is now, and the start its series gives it.
    assert second.as_json()["events"] == ["cafe@t", "talk@t"]
    assert second.as_json()["starts"] == ["2019-04-08T19:00:00+03:00",
                                          "2019-04-08T20:00:00+03:00"]
    assert second.as_json()["recurrence_ids"] == ["2019-04-04T16:00:00+03:00", None]
    for clash in (first, second):
        data = clash.as_json()
        for value in (*data["starts"], *filter(None, data["recurrence_ids"])):
            assert datetime.fromisoformat(value).utcoffset() is not None
    assert json.loads(json.dumps(second.as_json())) == second.as_json()


# ---------------------------------------------------------------------------------------------
# The built-in programme


def test_builtin_programme_has_no_clashes():
    assert find_clashes(load_builtin()) == []


def test_builtin_programme_has_clashes_once_spoilt():
    programme = load_builtin()
    # Move one event onto another one's venue and time: the check must see it.
    events = programme.sorted_events()
    victim, target = events[0], events[1]
    programme.events[victim.uid] = dataclasses.replace(
        victim, venue=target.venue, start=target.start, end=target.end
    )
    assert ("venue", tuple(sorted((victim.uid, target.uid)))) in kinds(find_clashes(programme))


# ---------------------------------------------------------------------------------------------
# The index: questions about one event, and edits


def test_clashes_for_a_dragged_event():
    a = event("a@t", 4, 10, 12, speakers=("anna",))
    b = event("b@t", 4, 14, 15, speakers=("anna",), venue="petri")
    programme = programme_with(a, b)
    index = ClashIndex(programme)
    assert index.clashes() == []
    moved = dataclasses.replace(b, start=at(4, 11), end=at(4, 12), venue="goethe")
    found = index.clashes_for(moved)
    assert sorted(c.kind for c in found) == ["speaker", "venue"]
    assert found == clashes_for(programme, moved)
    # A new event, with a new UID.
    new = event("new@t", 4, 12, 13, speakers=("anna",), venue="petri")
    assert kinds(index.clashes_for(new)) == [("travel", ("a@t", "new@t"))]
    assert index.clashes() == [] and set(programme.events) == {"a@t", "b@t"}  # unchanged


def test_index_follows_edits():
    a = event("a@t", 4, 10, 12, speakers=("anna",))
    b = event("b@t", 4, 14, 15, speakers=("anna",), venue="petri")
    programme = programme_with(a, b)
    index = ClashIndex(programme)
    programme.events["b@t"] = dataclasses.replace(b, start=at(4, 11), end=at(4, 12))
    index.update("b@t")
    assert index.clashes() == find_clashes(programme)
    assert [c.kind for c in index.clashes_of("a@t")] == ["speaker"]
    del programme.events["a@t"]
    index.update("a@t")
    assert index.clashes() == []


def test_index_rebuild_follows_travel_settings():
    a = event("a@t", 4, 10, 11, speakers=("anna",))
    b = event("b@t", 4, at(4, 11, 20), at(4, 12), speakers=("anna",), venue="petri")
    programme = programme_with(a, b)
    programme.travel = TravelSettings(speed_kmh=15, buffer_minutes=10)
    index = ClashIndex(programme)
    assert index.clashes() == []
    programme.travel = TravelSettings(speed_kmh=15, buffer_minutes=30)
    index.rebuild()
    assert kinds(index.clashes()) == [("travel", ("a@t", "b@t"))]
    assert index.clashes() == find_clashes(programme)


# ---------------------------------------------------------------------------------------------
# Against a brute-force oracle

FIRST_DAY = date(2019, 4, 3)
DAYS = 3


def oracle(programme: Programme) -> set[tuple[object, ...]]:
    """Every clash by comparing all pairs, from the rules in the module's docstring."""
    window = programme.window
    every = [
        (o.event, o.start, o.end)
        for e in programme.events.values()
        if e.status != "cancelled"
        # A series counts on the programme's days; a single event wherever it is.
        for o in (expand(e, *window).occurrences if e.recurrence or e.overrides
                  else [Occurrence(e.start, e.end, e)])
        if o.event.status != "cancelled"
    ]
    # An instant takes no time; a placeholder venue is no room.
    occs = [o for o in every if o[2] > o[1]]
    found: set[tuple[object, ...]] = set()

    def pair(kind: str, x, y, where: str) -> tuple[object, ...]:
        (ex, sx, _), (ey, sy, _) = sorted([x, y], key=lambda o: o[0].uid)
        return (kind, (ex.uid, ey.uid), (sx, sy), where)

    for i, x in enumerate(occs):
        for y in occs[i + 1:]:
            if x[0].uid == y[0].uid or not (x[1] < y[2] and y[1] < x[2]):
                continue
            if x[0].venue == y[0].venue and not programme.venues[x[0].venue].placeholder:
                found.add(pair("venue", x, y, x[0].venue))
            for person in set(x[0].speakers) & set(y[0].speakers):
                found.add(pair("speaker", x, y, person))
    for person in programme.people:
        mine = [o for o in occs if person in o[0].speakers]
        for after in mine:
            before = [o for o in mine if o[2] <= after[1]]
            if not before:
                continue
            latest = max(o[2] for o in before)
            for came in (o for o in before if o[2] == latest):
                if came[0].uid == after[0].uid or came[0].venue == after[0].venue:
                    continue
                va, vb = programme.venues[came[0].venue], programme.venues[after[0].venue]
                if not (va.has_coordinates and vb.has_coordinates):
                    continue
                km = distance_km(va.lat, va.lon, vb.lat, vb.lon)  # type: ignore[arg-type]
                trip = km / programme.travel.speed_kmh * 60 + programme.travel.buffer_minutes
                if (after[1] - came[2]).total_seconds() / 60 < trip:
                    found.add(pair("travel", came, after, person))
    first, last = programme.window
    for e, start, end in every:
        if start < first or end > last:
            found.add(("outside", (e.uid,), (start,), e.venue))
    for e in programme.events.values():
        capacity = programme.venues[e.venue].capacity
        mine = sorted(o[1] for o in every if o[0].uid == e.uid)
        if (e.status != "cancelled" and e.attendance is not None and capacity is not None
                and e.attendance > capacity and mine):
            found.add(("capacity", (e.uid,), (mine[0],), e.venue))
    # unavailable: minute by quarter hour (every time in these programmes is on one), by the
    # rule TimeWindow states.
    def free(windows, moment):
        inside = [w.kind for w in windows if w.start <= moment < w.end]
        return "blocked" not in inside and (
            "available" in inside or all(w.kind != "available" for w in windows))

    for e, start, end in occs:
        owners = [] if programme.venues[e.venue].placeholder else [
            (programme.venues[e.venue].availability, e.venue)]
        owners += [(programme.people[p].availability, p) for p in e.speakers]
        for windows, who in owners:
            moment = start
            while moment < end:
                if not free(windows, moment):
                    found.add(("unavailable", (e.uid,), (start,), who))
                    break
                moment += timedelta(minutes=15)
    return found


def structured(clashes: list[Clash]) -> set[tuple[object, ...]]:
    return {(c.kind, c.events, c.starts, c.venue or c.person) for c in clashes}


VENUES = [
    Venue("v1", Texts.same("One"), lat=59.93, lon=30.31, capacity=100),
    Venue("v2", Texts.same("Two"), lat=59.935, lon=30.32, capacity=None),
    Venue("v3", Texts.same("Three"), lat=60.0, lon=30.37, capacity=50),
    Venue("v4", Texts.same("Four"), capacity=200),  # no coordinates
    Venue("tba", Texts.same("To be announced"), placeholder=True),
]
PEOPLE = ["p1", "p2", "p3"]


@st.composite
def random_event(draw: st.DrawFn, uid: str) -> Event:
    zone = draw(st.sampled_from([MSK, MSK, BERLIN]))
    day = FIRST_DAY + timedelta(days=draw(st.integers(-1, DAYS)))
    all_day = draw(st.integers(0, 9)) == 0
    if all_day:
        start = datetime(day.year, day.month, day.day, tzinfo=zone)
        end = start + timedelta(days=draw(st.integers(1, 2)))
    else:
        # Quarter hours, so that touching and identical times come up often.
        start = datetime(day.year, day.month, day.day, tzinfo=zone) + timedelta(
            minutes=15 * draw(st.integers(0, 95)))
        # Now and then an instant (an event without end in its file).
        end = start + timedelta(minutes=15 * draw(st.integers(0, 16)))
    recurrence = None
    overrides: tuple[Event, ...] = ()
    if draw(st.integers(0, 3)) == 0:
        count = draw(st.integers(1, 3))
        interval = draw(st.integers(1, 2))
        exdates: tuple[datetime, ...] = ()
        if count > 1 and draw(st.booleans()):
            exdates = (start + timedelta(days=interval),)
        # Sometimes a rule without end: only the programme's days count.
        ending = f";COUNT={count}" if draw(st.integers(0, 3)) else ""
        recurrence = Recurrence(f"FREQ=DAILY;INTERVAL={interval}{ending}", exdates)
        if draw(st.booleans()):
            # The second occurrence changed: moved, elsewhere, other speakers or cancelled.
            rid = start + timedelta(days=interval)
            shift = timedelta(minutes=0 if all_day else 15 * draw(st.integers(-8, 8)))
            overrides = (Event(
                uid=uid, title=Texts.same("CHANGED"), start=rid + shift,
                end=rid + shift + (end - start), track="t",
                venue=draw(st.sampled_from([v.id for v in VENUES])),
                speakers=tuple(draw(st.lists(st.sampled_from(PEOPLE), max_size=2,
                                             unique=True))),
                status=draw(st.sampled_from(["confirmed", "cancelled"])), all_day=all_day,
                recurrence_id=RecurrenceId(rid)),)
    return Event(
        uid=uid, title=Texts.same(uid.split("@")[0].upper()), start=start, end=end,
        track="t", venue=draw(st.sampled_from([v.id for v in VENUES])),
        speakers=tuple(draw(st.lists(st.sampled_from(PEOPLE), max_size=2, unique=True))),
        status=draw(st.sampled_from(["confirmed", "confirmed", "tentative", "cancelled"])),
        all_day=all_day, recurrence=recurrence, overrides=overrides,
        attendance=draw(st.one_of(st.none(), st.integers(0, 150))),
    )  # fmt: skip


@st.composite
def random_windows(draw: st.DrawFn) -> tuple[TimeWindow, ...]:
    """Mostly none; else a few available and blocked times on quarter hours."""
    if draw(st.integers(0, 2)) == 0:
        return ()
    windows = []
    for _ in range(draw(st.integers(1, 3))):
        start = datetime(FIRST_DAY.year, FIRST_DAY.month, FIRST_DAY.day, tzinfo=MSK) + \
            timedelta(minutes=15 * draw(st.integers(-96, 96 * DAYS)))
        end = start + timedelta(minutes=15 * draw(st.integers(1, 96)))
        windows.append(TimeWindow(start, end, draw(st.sampled_from(["available", "blocked"]))))
    return tuple(windows)


@st.composite
def random_programme(draw: st.DrawFn) -> Programme:
    programme = Programme(
        name=Texts.same("Random"), timezone="Europe/Moscow", first_day=FIRST_DAY,
        last_day=FIRST_DAY + timedelta(days=DAYS - 1),
        travel=TravelSettings(speed_kmh=draw(st.sampled_from([5.0, 15.0, 40.0])),
                              buffer_minutes=draw(st.sampled_from([0, 10, 30]))),
    )  # fmt: skip
    programme.tracks["t"] = Track("t", Texts.same("T"))
    programme.venues = {v.id: dataclasses.replace(v, availability=draw(random_windows()))
                        for v in VENUES}
    programme.people = {p: Person(p, p.upper(), availability=draw(random_windows()))
                        for p in PEOPLE}
    for n in range(draw(st.integers(0, 10))):
        e = draw(random_event(f"e{n}@r"))
        programme.events[e.uid] = e
    return programme


SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


@SETTINGS
@given(random_programme())
def test_sweep_agrees_with_all_pairs(programme):
    clashes = find_clashes(programme)
    assert structured(clashes) == oracle(programme)
    assert len(set(clashes)) == len(clashes)  # nothing twice
    assert clashes == sorted(clashes, key=clash_sort_key)
    for clash in clashes:
        assert list(clash.events) == sorted(clash.events)
        assert len(clash.starts) == len(clash.events) and clash.message
        # Each occurrence named is one the event has, at the start the clash gives it.
        for (uid, rid), start in zip(clash.occurrences(), clash.starts, strict=True):
            event = programme.events[uid]
            if rid is None:
                assert event.recurrence is None and not event.overrides or \
                    clash.kind == "capacity"
                continue
            [occ] = [o for o in expand(event, *programme.window).occurrences
                     if o.recurrence_id == rid]
            assert occ.start == start


@SETTINGS
@given(random_programme(), st.data())
def test_clashes_for_agrees_with_a_full_check(programme, data):
    uids = sorted(programme.events) + ["new@r"]
    uid = data.draw(st.sampled_from(uids))
    candidate = data.draw(random_event(uid))
    index = ClashIndex(programme)
    before = index.clashes()
    changed = programme.copy()
    changed.events[uid] = candidate
    expected = [c for c in find_clashes(changed) if uid in c.events]
    assert index.clashes_for(candidate) == expected
    assert clashes_for(programme, candidate) == expected
    assert index.clashes() == before  # asking changes nothing


@SETTINGS
@given(random_programme(), st.data())
def test_index_updates_agree_with_a_full_check(programme, data):
    index = ClashIndex(programme)
    for _ in range(data.draw(st.integers(1, 4))):
        uids = sorted(programme.events) + ["new@r"]
        uid = data.draw(st.sampled_from(uids))
        if uid in programme.events and data.draw(st.booleans()):
            del programme.events[uid]
        else:
            programme.events[uid] = data.draw(random_event(uid))
        index.update(uid)
        assert index.clashes() == find_clashes(programme)
        for other in programme.events:
            assert index.clashes_of(other) == [c for c in index.clashes() if other in c.events]


def test_events_at_a_placeholder_venue_never_clash_there():
    """Issue 13: imported events without LOCATION all went to "To be announced", and the
    check reported each pair of them at once as a double booking."""
    programme = programme_with(
        event("a@t", 4, 10, 12, venue="tba"), event("b@t", 4, 11, 13, venue="tba"),
        event("c@t", 4, 10, 12, venue="tba", speakers=("anna",)),
        event("d@t", 4, 11, 13, venue="tba", speakers=("anna",)))
    programme.venues["tba"] = Venue("tba", Texts.same("To be announced"), placeholder=True)
    # The speaker is still in two places at once; the room is not double-booked.
    assert kinds(find_clashes(programme)) == [("speaker", ("c@t", "d@t"))]


def test_a_changed_occurrence_clashes_at_its_new_time_and_venue():
    series = event("s@t", 3, 10, 11, recurrence=Recurrence("FREQ=DAILY;COUNT=4"))
    moved = dataclasses.replace(series, start=at(5, 15), end=at(5, 16), venue="petri",
                                recurrence=None, recurrence_id=RecurrenceId(at(5, 10)))
    series = dataclasses.replace(series, overrides=(moved,))
    at_goethe = event("g@t", 5, 10, 11)  # where the occurrence no longer is
    at_petri = event("p@t", 5, 15, 17, venue="petri")  # where it went
    programme = programme_with(series, at_goethe, at_petri)
    clashes = find_clashes(programme)
    assert [(c.kind, c.events, c.venue, c.starts) for c in clashes] == [
        ("venue", ("p@t", "s@t"), "petri", (at(5, 15), at(5, 15)))]
    # Known by the start its series gives it (RECURRENCE-ID), wherever it was moved to.
    assert clashes[0].occurrences() == (("p@t", None), ("s@t", at(5, 10)))
    index = ClashIndex(programme)
    cancelled = dataclasses.replace(moved, status="cancelled")
    programme.events["s@t"] = dataclasses.replace(series, overrides=(cancelled,))
    index.update("s@t")
    assert index.clashes() == find_clashes(programme) == []
