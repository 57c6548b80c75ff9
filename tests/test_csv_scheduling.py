"""Spreadsheets for the scheduling assistant: rows with a duration become unscheduled
sessions, and availability sheets give people and venues their windows."""

from __future__ import annotations

from datetime import timedelta

import pytest

from planner.csvio import read_csv
from planner.importing import apply_plan, plan_import, refuse_if_invalid, revert_plan
from planner.model import TimeWindow
from planner.store import ProgrammeStore, open_programme, save_new
from tests.factories import at, event, small_programme

SESSIONS = (
    b"uid;title;duration;track;venue;speakers\n"
    b"s1@t;Workshop;90;business;;Anna Beispiel\n"
    b"s2@t;Lesung;45;culture;Petrikirche;Dr. Weber\n"
    b"e1@t;Placed;60;business;;\n"
)

WINDOWS = (
    b"person,from,to,kind\n"
    b"Anna Beispiel,2019-04-04 09:00,2019-04-04 18:00,available\n"
    b"Anna Beispiel,2019-04-04 12:00,2019-04-04 13:00,blocked\n"
    b"Dr. Weber,2019-04-05 10:00,2019-04-05 12:00,\n"
)

VENUE_WINDOWS = b"venue\tfrom\tto\nPetrikirche\t2019-04-06 18:00\t2019-04-06 22:00\n"


def plan_for(programme, *files):
    results = [read_csv(data, name) for name, data in files]
    return plan_import(programme, [e for r in results for e in r.events],
                       problems=[p for r in results for p in r.problems],
                       sessions=[s for r in results for s in r.sessions],
                       windows=[w for r in results for w in r.windows])


def test_duration_rows_become_sessions_and_windows_reach_people_and_venues():
    programme = small_programme()
    programme.events["e1@t"] = event("e1@t")
    before = programme.copy()
    plan = plan_for(programme, ("s.csv", SESSIONS), ("w.csv", WINDOWS),
                    ("v.csv", VENUE_WINDOWS))
    refuse_if_invalid(plan)
    assert plan.counts["added"] == 2 and plan.counts["unchanged"] == 1  # e1 stays placed
    apply_plan(programme, plan)
    workshop = programme.unscheduled["s1@t"]
    assert workshop.duration == timedelta(minutes=90) and workshop.venue == ""
    assert programme.unscheduled["s2@t"].venue == "petri"
    assert programme.people["anna"].availability == (
        TimeWindow(at(4, 9), at(4, 18)), TimeWindow(at(4, 12), at(4, 13), "blocked"))
    weber = next(p for p in programme.people.values() if p.name == "Dr. Weber")
    assert weber.availability == (TimeWindow(at(5, 10), at(5, 12)),)
    assert programme.venues["petri"].availability == (TimeWindow(at(6, 18), at(6, 22)),)
    assert "e1@t" in programme.events
    # The same sheets again change nothing; and revert takes everything back.
    again = plan_for(programme, ("s.csv", SESSIONS), ("w.csv", WINDOWS),
                     ("v.csv", VENUE_WINDOWS))
    assert again.is_empty
    revert_plan(programme, plan)
    assert programme == before


def test_an_event_row_places_its_session():
    programme = small_programme()
    apply_plan(programme, plan_for(programme, ("s.csv", SESSIONS)))
    placed = (b"uid,title,start,end,venue\n"
              b"s1@t,Workshop,2019-04-04 10:00,2019-04-04 11:30,Goethe-Institut\n")
    plan = plan_for(programme, ("p.csv", placed))
    changes = apply_plan(programme, plan)
    assert "s1@t" in programme.events and "s1@t" not in programme.unscheduled
    assert changes.removed_sessions == {"s1@t"}


@pytest.mark.parametrize("data, message", [
    (b"title,duration\nX,soon\n", "duration 'soon' is not a number of minutes above 0"),
    (b"person,from,to\nA,2019-04-04 10:00,tomorrow\n", "to 'tomorrow' is not a date and time"),
    (b"person,from,to,kind\nA,2019-04-04 10:00,2019-04-04 11:00,maybe\n",
     "unknown kind of time 'maybe'"),
    (b"person,from,to\nA,2019-04-04 10:00,2019-04-04 09:00\n", "is not after start"),
])
def test_bad_rows_are_named(data, message):
    plan = plan_for(small_programme(), ("bad.csv", data))
    assert len(plan.skipped) == 1
    assert message in str(plan.skipped[0]) and "bad.csv line 2" in str(plan.skipped[0])


def test_cli_import_stores_sessions_and_windows_in_one_change(tmp_path):
    from planner.cli import main

    path = tmp_path / "week.programme"
    save_new(path, small_programme())
    (tmp_path / "s.csv").write_bytes(SESSIONS)
    (tmp_path / "w.csv").write_bytes(WINDOWS)
    assert main(["import", str(tmp_path / "s.csv"), str(tmp_path / "w.csv"), "-p",
                 str(path)]) == 0
    stored = open_programme(path)
    assert set(stored.unscheduled) == {"s1@t", "s2@t", "e1@t"}
    assert len(stored.people["anna"].availability) == 2
    with ProgrammeStore.open(path) as store:
        assert store.load() == stored
