"""The scheduling assistant: plans pass the project's own clash check, infeasible instances
are explained and change nothing, --keep-placed moves nothing, and the command line."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.conflicts import ClashIndex, find_clashes
from planner.model import (
    Event,
    Person,
    Programme,
    Session,
    Texts,
    TimeWindow,
    Track,
    TravelSettings,
    Venue,
)
from planner.scheduling import plan_lines, suggest_slots
from planner.solver import SolveOptions, apply_to_copy, greedy_plan, solve
from planner.store import open_programme, save_new
from tests.factories import MSK, at, event, small_programme

ROOT = Path(__file__).resolve().parent.parent
# One worker and a fixed seed: the same plan on every run and machine.
FAST = SolveOptions(time_limit=10, workers=1)


def session(uid: str, minutes: int = 60, **fields: object) -> Session:
    values: dict[str, object] = {"uid": uid, "title": Texts.same(uid.split("@")[0].title()),
                                 "duration": timedelta(minutes=minutes), "track": "business"}
    values.update(fields)
    return Session(**values)  # type: ignore[arg-type]


def crowded() -> Programme:
    """Dr. Weber has three talks of 90 minutes but is there for two hours only."""
    programme = small_programme()
    programme.people["weber"] = Person("weber", "Dr. Weber", availability=(
        TimeWindow(at(4, 10), at(4, 12)),))
    for n in range(3):
        uid = f"talk{n}@t"
        programme.unscheduled[uid] = session(uid, 90, speakers=("weber",), venue="goethe")
    return programme


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def clashes_after(programme: Programme, plan) -> list:
    return find_clashes(apply_to_copy(programme, plan))


# -- small cases -----------------------------------------------------------------------------


def test_sessions_are_placed_without_a_clash_and_spread_over_the_days():
    programme = small_programme()
    programme.people["boris"] = Person("boris", "Boris")
    programme.events["fixed@t"] = event("fixed@t", day=4, start=10, end=12,
                                        speakers=("anna",))
    for n in range(6):
        programme.unscheduled[f"s{n}@t"] = session(f"s{n}@t", 90, speakers=("anna",))
    plan = solve(programme, FAST)
    assert plan.complete and plan.status == "optimal"
    assert len(plan.placed) == 6 and plan.moves == []
    assert clashes_after(programme, plan) == []
    # Eight days and seven events: no day needs more than one.
    assert plan.score.busiest_day == 1
    for placement in plan.placements:
        local = placement.start.astimezone(MSK)
        assert 9 <= local.hour and placement.end.astimezone(MSK).hour <= 21


def test_a_session_without_venue_gets_one_that_holds_its_crowd():
    programme = small_programme()
    programme.unscheduled["big@t"] = session("big@t", 60, attendance=300)
    plan = solve(programme, FAST)
    assert [p.venue for p in plan.placements] == ["petri"]  # goethe holds 120


def test_travel_time_between_venues_is_kept():
    programme = small_programme()
    programme.travel = TravelSettings(speed_kmh=5, buffer_minutes=30)
    programme.first_day = programme.last_day = date(2019, 4, 4)
    programme.people["anna"] = Person("anna", "Anna", availability=(
        TimeWindow(at(4, 10), at(4, 14)),))
    programme.unscheduled["a@t"] = session("a@t", 60, speakers=("anna",), venue="goethe")
    programme.unscheduled["b@t"] = session("b@t", 60, speakers=("anna",), venue="petri")
    plan = solve(programme, FAST)
    assert plan.complete
    first, second = sorted(plan.placements, key=lambda p: p.start)
    assert second.start - first.end >= timedelta(minutes=30)
    assert clashes_after(programme, plan) == []


def test_a_clashing_event_is_moved_and_nothing_else():
    programme = small_programme()
    programme.events["a@t"] = event("a@t", day=4, start=10, end=12)
    programme.events["b@t"] = event("b@t", day=4, start=11, end=13)  # same venue: a clash
    programme.events["c@t"] = event("c@t", day=5, start=10, end=12)
    plan = solve(programme, FAST)
    assert plan.complete and len(plan.moves) == 1 and plan.placed == []
    assert plan.moves[0].uid in {"a@t", "b@t"}
    assert clashes_after(programme, plan) == []


def test_keep_placed_moves_nothing_and_reports_what_stays_wrong():
    programme = small_programme()
    programme.events["a@t"] = event("a@t", day=4, start=10, end=12)
    programme.events["b@t"] = event("b@t", day=4, start=11, end=13)
    programme.unscheduled["s@t"] = session("s@t", 60, venue="goethe")
    plan = solve(programme, dataclasses.replace(FAST, keep_placed=True))
    assert plan.moves == []
    assert [p.uid for p in plan.placements] == ["s@t"]
    assert {u.uid for u in plan.unplaced} == {"a@t", "b@t"}
    assert not plan.complete


def test_availability_of_venues_and_blocked_times_are_kept():
    programme = small_programme()
    programme.venues["goethe"] = dataclasses.replace(programme.venues["goethe"], availability=(
        TimeWindow(at(5, 18), at(5, 21)), TimeWindow(at(5, 19), at(5, 19, 30), "blocked")))
    programme.unscheduled["a@t"] = session("a@t", 60, venue="goethe")
    programme.unscheduled["b@t"] = session("b@t", 60, venue="goethe")
    plan = solve(programme, FAST)
    assert plan.complete
    for p in plan.placements:
        assert at(5, 18) <= p.start and p.end <= at(5, 21)
        assert p.end <= at(5, 19) or p.start >= at(5, 19, 30)
    assert clashes_after(programme, plan) == []


def test_repeating_events_stay_where_they_are():
    from planner.model import Recurrence

    programme = small_programme()
    programme.events["r@t"] = event("r@t", day=4, start=10, end=12,
                                    recurrence=Recurrence("FREQ=DAILY;COUNT=7"))
    programme.events["x@t"] = event("x@t", day=6, start=11, end=12)  # clashes with one
    plan = solve(programme, FAST)
    assert [p.uid for p in plan.moves] == ["x@t"]
    assert clashes_after(programme, plan) == []


# -- infeasible ------------------------------------------------------------------------------


def test_infeasible_instance_is_explained_in_words():
    programme = crowded()
    plan = solve(programme, FAST)
    assert not plan.complete
    assert len(plan.unplaced) == 2 and len(plan.placed) == 1
    reasons = {str(r) for u in plan.unplaced for r in u.reasons}
    assert reasons == {"Dr. Weber has 3 events of 1 h 30 min but is available for 2 h"}


@pytest.mark.parametrize("change, expected", [
    (lambda p: p.unscheduled.update({"huge@t": session("huge@t", 60, attendance=5000)}),
     "“Huge” expects 5000 people, but no venue holds that many"),
    (lambda p: p.unscheduled.update({"long@t": session("long@t", 13 * 60, venue="goethe")}),
     "“Long” lasts 13 h, longer than the planning hours of a day (09:00 to 21:00)"),
    (lambda p: p.unscheduled.update({"night@t": session("night@t", 60, venue="goethe",
                                                         speakers=("owl",))}),
     "Night Owl is never available for 1 h at a stretch during the programme's planning "
     "hours, as “Night” needs"),
])
def test_each_event_that_cannot_fit_says_why(change, expected):
    programme = small_programme()
    programme.people["owl"] = Person("owl", "Night Owl", availability=(
        TimeWindow(at(4, 22), at(4, 23, 30)),))
    change(programme)
    plan = solve(programme, FAST)
    assert [str(r) for u in plan.unplaced for r in u.reasons] == [expected]


def test_reasons_and_lines_in_each_language():
    programme = crowded()
    plan = solve(programme, FAST, lang="de")
    lines = plan_lines(programme, plan, "de")
    assert any("Dr. Weber hat 3 Veranstaltungen zu je 1 Std. 30 Min." in x for x in lines)
    assert lines[-1] == "einzuplanen: 1, zu verschieben: 0, nicht einplanbar: 2"
    ru = plan_lines(programme, plan, "ru")
    assert ru[-1] == "запланировать: 1, перенести: 0, невозможно запланировать: 2"


# -- against the clash check, on generated instances -------------------------------------------

FIRST = date(2019, 4, 3)
VENUES = [
    Venue("v1", Texts.same("One"), lat=59.93, lon=30.31, capacity=100),
    Venue("v2", Texts.same("Two"), lat=59.95, lon=30.36, capacity=None),
    Venue("v3", Texts.same("Three"), capacity=30),
]


@st.composite
def instances(draw: st.DrawFn) -> Programme:
    days = draw(st.integers(1, 3))
    programme = Programme(
        name=Texts.same("Gen"), timezone="Europe/Moscow", first_day=FIRST,
        last_day=FIRST + timedelta(days=days - 1),
        travel=TravelSettings(speed_kmh=draw(st.sampled_from([10.0, 30.0])), buffer_minutes=10))
    programme.tracks = {t: Track(t, Texts.same(t)) for t in ("t1", "t2")}
    programme.venues = {v.id: v for v in VENUES}
    for n in range(draw(st.integers(1, 4))):
        windows: tuple[TimeWindow, ...] = ()
        if draw(st.booleans()):
            day = FIRST + timedelta(days=draw(st.integers(0, days - 1)))
            start = datetime(day.year, day.month, day.day, 9, tzinfo=MSK) + timedelta(
                minutes=30 * draw(st.integers(0, 16)))
            windows = (TimeWindow(start, start + timedelta(hours=draw(st.integers(2, 8)))),)
        programme.people[f"p{n}"] = Person(f"p{n}", f"P{n}", availability=windows)
    people = sorted(programme.people)
    for n in range(draw(st.integers(0, 4))):
        day = FIRST + timedelta(days=draw(st.integers(0, days - 1)))
        start = datetime(day.year, day.month, day.day, 9, tzinfo=MSK) + timedelta(
            minutes=15 * draw(st.integers(0, 40)))
        uid = f"e{n}@g"
        programme.events[uid] = Event(
            uid=uid, title=Texts.same(uid), start=start,
            end=start + timedelta(minutes=15 * draw(st.integers(2, 8))),
            track=draw(st.sampled_from(["t1", "t2"])), venue=draw(st.sampled_from(["v1", "v2"])),
            speakers=tuple(draw(st.lists(st.sampled_from(people), max_size=2, unique=True))))
    for n in range(draw(st.integers(1, 6))):
        uid = f"s{n}@g"
        programme.unscheduled[uid] = Session(
            uid=uid, title=Texts.same(uid), duration=timedelta(minutes=15 * draw(
                st.integers(2, 8))), track=draw(st.sampled_from(["t1", "t2"])),
            venue=draw(st.sampled_from(["", "v1", "v2", "v3"])),
            speakers=tuple(draw(st.lists(st.sampled_from(people), max_size=2, unique=True))),
            attendance=draw(st.sampled_from([None, 20, 80])))
    return programme


SOLVER_SETTINGS = settings(max_examples=25, deadline=None,
                           suppress_health_check=[HealthCheck.too_slow])


@SOLVER_SETTINGS
@given(instances(), st.booleans())
def test_every_plan_passes_the_clash_check(programme, keep_placed):
    options = dataclasses.replace(FAST, keep_placed=keep_placed, time_limit=5)
    before = programme.copy()
    plan = solve(programme, options)
    assert programme == before  # solving changes nothing
    after = apply_to_copy(programme, plan)
    left = find_clashes(after)
    unplaced = {u.uid for u in plan.unplaced}
    # Whatever clash remains concerns only events the plan says it could not help.
    assert {uid for c in left for uid in c.events} <= unplaced | {
        uid for c in find_clashes(programme) for uid in c.events if keep_placed}
    if plan.complete:
        assert left == [] and after.unscheduled == {}
    for u in plan.unplaced:
        assert u.reasons
    if keep_placed:
        assert plan.moves == []
    # The sessions left unscheduled are exactly those the plan could not place.
    assert set(after.unscheduled) == unplaced & set(programme.unscheduled)


@SOLVER_SETTINGS
@given(instances())
def test_the_greedy_baseline_places_without_clashes_of_its_own(programme):
    plan = greedy_plan(programme)
    after = apply_to_copy(programme, plan)
    old = {uid for c in find_clashes(programme) for uid in c.events}
    assert {uid for c in find_clashes(after) for uid in c.events} <= old
    assert plan.moves == []


@SOLVER_SETTINGS
@given(instances(), st.data())
def test_suggested_slots_have_no_hard_clash(programme, data):
    uid = data.draw(st.sampled_from(sorted(programme.unscheduled)))
    index = ClashIndex(programme)
    slots = suggest_slots(programme, uid, count=5, index=index)
    assert slots == sorted(slots, key=lambda s: (s.rank, s.venue))
    for slot in slots:
        placed = programme.copy()
        from planner.model import schedule_session

        schedule_session(placed, uid, slot.start, slot.venue)
        assert [c for c in find_clashes(placed) if uid in c.events] == []


def test_suggestions_keep_to_a_speakers_availability():
    programme = small_programme()
    programme.people["anna"] = Person("anna", "Anna", availability=(
        TimeWindow(at(6, 14), at(6, 17)),))
    programme.unscheduled["s@t"] = session("s@t", 60, speakers=("anna",), venue="goethe")
    slots = suggest_slots(programme, "s@t", count=50)
    assert slots and all(at(6, 14) <= s.start and s.end <= at(6, 17) for s in slots)
    assert len(slots) == 9  # 14:00 to 16:00 in quarter hours


def test_suggestions_are_real_choices_not_quarter_hour_shifts_of_one():
    # The closing concert of a week whose last day is the lightest: without variety, all
    # twelve suggestions would be 09:00, 09:15, ... of that day in one hall.
    programme = small_programme()
    for day in range(3, 10):
        for n in range(3):
            uid = f"busy{day}-{n}@t"
            programme.events[uid] = event(uid, day=day, start=10 + 3 * n, end=11 + 3 * n,
                                          venue="petri")
    programme.unscheduled["gala@t"] = session("gala@t", 150, venue="goethe")
    slots = suggest_slots(programme, "gala@t", count=12)
    assert len(slots) == 12
    days: dict[date, int] = {}
    for n, slot in enumerate(slots):
        days[slot.start.date()] = days.get(slot.start.date(), 0) + 1
        for other in slots[:n]:
            assert not (other.start < slot.end and slot.start < other.end)
    assert max(days.values()) <= 3 and len(days) >= 4
    assert slots[0].start.date() == date(2019, 4, 10)  # still the lightest day first
    # With room on one day only, the list fills up with what there is.
    programme.first_day = programme.last_day = date(2019, 4, 10)
    assert len(suggest_slots(programme, "gala@t", count=12)) == 12


def test_cancelling_stops_the_search():
    programme = crowded()
    plan = solve(programme, dataclasses.replace(FAST, time_limit=30), cancelled=lambda: True)
    assert plan.seconds < 5


# -- the command line --------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_cli_plans_and_applies_in_one_change(tmp_path):
    path = tmp_path / "week.programme"
    programme = small_programme()
    programme.events["a@t"] = event("a@t", day=4, start=10, end=12)
    programme.events["b@t"] = event("b@t", day=4, start=11, end=13)
    programme.unscheduled["s@t"] = session("s@t", 60, venue="petri")
    save_new(path, programme)
    before = digest(path)
    shown = run("schedule", "-p", str(path), "--time-limit", "5", "--lang", "en")
    assert shown.returncode == 0, shown.stderr
    assert "place “S”:" in shown.stdout and "move “" in shown.stdout
    assert shown.stdout.splitlines()[-1] == "1 to place, 1 to move, 0 that cannot be placed"
    assert digest(path) == before  # without --apply nothing is written
    applied = run("schedule", "-p", str(path), "--apply", "--json", "--time-limit", "5")
    assert applied.returncode == 0, applied.stderr
    data = json.loads(applied.stdout)
    assert data["applied"] and data["complete"] and len(data["placed"]) == 1
    stored = open_programme(path)
    assert stored.unscheduled == {} and find_clashes(stored) == []
    assert run("check", "-p", str(path)).returncode == 0


@pytest.mark.parametrize("lang, words", [
    ("en", "Dr. Weber has 3 events of 1 h 30 min but is available for 2 h"),
    ("de", "Dr. Weber hat 3 Veranstaltungen zu je 1 Std. 30 Min., ist aber nur 2 Std. "
           "verfügbar"),
    ("ru", "у Dr. Weber 3 мероприятия по 1 ч 30 мин, но доступность лишь 2 ч"),
])
def test_cli_infeasible_exits_1_says_why_and_changes_nothing(tmp_path, lang, words):
    path = tmp_path / "crowded.programme"
    save_new(path, crowded())
    before = digest(path)
    result = run("schedule", "-p", str(path), "--apply", "--time-limit", "5", "--lang", lang)
    assert result.returncode == 1, result.stderr
    assert words in result.stdout
    assert digest(path) == before


def test_cli_keep_placed_and_bad_arguments(tmp_path):
    path = tmp_path / "week.programme"
    programme = small_programme()
    programme.events["a@t"] = event("a@t", day=4, start=10, end=12)
    programme.events["b@t"] = event("b@t", day=4, start=11, end=13)
    save_new(path, programme)
    kept = run("schedule", "-p", str(path), "--keep-placed", "--json", "--time-limit", "5")
    assert kept.returncode == 1
    data = json.loads(kept.stdout)
    assert data["moved"] == [] and {u["uid"] for u in data["unplaced"]} == {"a@t", "b@t"}
    bad = run("schedule", "-p", str(path), "--time-limit", "0", "--lang", "de")
    assert bad.returncode == 2 and bad.stderr.startswith("error: ") and "Sekunden" in bad.stderr
    builtin = run("schedule", "--apply")
    assert builtin.returncode == 2 and "read-only" in builtin.stderr
    missing = run("schedule", "-p", str(tmp_path / "nope.programme"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_builtin_programme_plans_quickly_and_moves_nothing():
    result = run("schedule", "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["moved"] == [] and data["placed"] == [] and data["complete"]


def test_a_moved_occurrence_of_a_series_blocks_the_venue_it_moved_to():
    from planner.model import Recurrence, RecurrenceId

    programme = small_programme()
    programme.first_day = programme.last_day = date(2019, 4, 5)
    programme.venues["petri"] = dataclasses.replace(programme.venues["petri"], availability=(
        TimeWindow(at(5, 10), at(5, 13)),))
    series = event("r@t", day=4, start=10, end=12, recurrence=Recurrence("FREQ=DAILY;COUNT=3"))
    moved = dataclasses.replace(series, recurrence=None, venue="petri", start=at(5, 10),
                                end=at(5, 12), recurrence_id=RecurrenceId(at(5, 10)))
    programme.events["r@t"] = dataclasses.replace(series, overrides=(moved,))
    programme.unscheduled["s@t"] = session("s@t", 60, venue="petri")
    plan = solve(programme, FAST)
    assert [(p.start, p.end) for p in plan.placements] == [(at(5, 12), at(5, 13))]
    assert clashes_after(programme, plan) == []


def test_a_session_crowded_out_by_other_events_names_them():
    programme = small_programme()
    programme.people["anna"] = Person("anna", "Anna", availability=(
        TimeWindow(at(4, 10), at(4, 13)),))
    programme.events["fixed@t"] = event("fixed@t", day=4, start=11, end=12, speakers=("anna",),
                                        title=Texts.same("Press talk"))
    programme.unscheduled["s@t"] = session("s@t", 90, speakers=("anna",), venue="goethe")
    plan = solve(programme, dataclasses.replace(FAST, keep_placed=True))
    assert [str(r) for u in plan.unplaced for r in u.reasons] == [
        "Anna is busy whenever available for 1 h 30 min, as “S” needs: “Press talk”"]
    # Free to move it, the solver makes room instead.
    moved = solve(programme, FAST)
    assert moved.complete and [p.uid for p in moved.moves] == ["fixed@t"]


# -- relax and explain: one crafted programme per family of hard rules -------------------------


def _only_day_4(programme: Programme) -> Programme:
    programme.first_day = programme.last_day = date(2019, 4, 4)
    return programme


def _venue_open(programme: Programme, vid: str, *windows: TimeWindow) -> None:
    programme.venues[vid] = dataclasses.replace(programme.venues[vid], availability=windows)


def _press_talk(programme: Programme, until: int, talk: tuple[int, int], minutes: int) -> None:
    """Anna, here on the 4th from 10 to ``until``, gives a press talk at the Goethe-Institut
    at ``talk`` (hours), and has a session of ``minutes`` at the Petrikirche to place."""
    programme.people["anna"] = Person("anna", "Anna", availability=(
        TimeWindow(at(4, 10), at(4, until)),))
    programme.events["fixed@t"] = event("fixed@t", day=4, start=talk[0], end=talk[1],
                                        speakers=("anna",), title=Texts.same("Press talk"))
    programme.unscheduled["s@t"] = session("s@t", minutes, speakers=("anna",), venue="petri")


def reason_programme(case: str) -> tuple[Programme, SolveOptions]:
    """A small programme where one session (or placed event) cannot be placed, for one
    reason each."""
    programme = small_programme()
    options = FAST
    if case == "speaker_load":
        programme = crowded()
    elif case == "capacity":
        programme.unscheduled["huge@t"] = session("huge@t", 60, attendance=5000)
    elif case == "planning_hours":
        programme.unscheduled["long@t"] = session("long@t", 13 * 60, venue="goethe")
    elif case == "speaker_availability":
        programme.people["owl"] = Person("owl", "Night Owl", availability=(
            TimeWindow(at(4, 22), at(4, 23, 30)),))
        programme.unscheduled["night@t"] = session("night@t", 60, venue="goethe",
                                                   speakers=("owl",))
    elif case == "programme_days":
        programme.people["late"] = Person("late", "Dr. Spät", availability=(
            TimeWindow(at(12, 9), at(12, 18)),))
        programme.unscheduled["late@t"] = session("late@t", 60, venue="goethe",
                                                  speakers=("late",))
    elif case == "venue_availability":
        _venue_open(programme, "goethe", *(TimeWindow(at(d, 9), at(d, 9, 30))
                                           for d in range(3, 11)))
        programme.unscheduled["s@t"] = session("s@t", 60, venue="goethe")
    elif case == "venue_load":
        programme = _only_day_4(programme)
        _venue_open(programme, "goethe", TimeWindow(at(4, 10), at(4, 12)))
        for n in range(3):
            programme.unscheduled[f"s{n}@t"] = session(f"s{n}@t", 60, venue="goethe")
    elif case == "venue_booked":
        programme = _only_day_4(programme)
        _venue_open(programme, "petri", TimeWindow(at(4, 10), at(4, 12)))
        programme.events["concert@t"] = event("concert@t", day=4, start=10, end=11,
                                              venue="petri", title=Texts.same("Concert"))
        programme.events["organ@t"] = event("organ@t", day=4, start=11, end=12,
                                            venue="petri", title=Texts.same("Organ"))
        programme.unscheduled["s@t"] = session("s@t", 60, venue="petri")
        options = dataclasses.replace(FAST, keep_placed=True)
    elif case == "speaker_busy":
        _press_talk(programme, until=13, talk=(11, 12), minutes=90)
        options = dataclasses.replace(FAST, keep_placed=True)
    elif case == "travel":
        # Anna is there from 10 to 12; her press talk at the Goethe-Institut ends at 11, and
        # the walk to the Petrikirche takes a quarter of an hour.
        _press_talk(programme, until=12, talk=(10, 11), minutes=60)
        options = dataclasses.replace(FAST, keep_placed=True)
    else:
        raise AssertionError(case)
    return programme, options


REASONS = {
    "speaker_load": ["Dr. Weber has 3 events of 1 h 30 min but is available for 2 h"] * 2,
    "capacity": ["“Huge” expects 5000 people, but no venue holds that many"],
    "planning_hours": ["“Long” lasts 13 h, longer than the planning hours of a day "
                       "(09:00 to 21:00)"],
    "speaker_availability": ["Night Owl is never available for 1 h at a stretch during the "
                             "programme's planning hours, as “Night” needs"],
    "programme_days": ["Dr. Spät is available only outside the programme's days (Wed 3 Apr "
                       "to Wed 10 Apr), when “Late” would be"],
    "venue_availability": ["Goethe-Institut is never available for 1 h at a stretch during "
                           "the programme's planning hours, as “S” needs"],
    "venue_load": ["Goethe-Institut is needed for 3 events of 1 h but is available for 2 h"],
    "venue_booked": ["Petrikirche is booked whenever it is open for 1 h, as “S” needs: "
                     "“Concert”, “Organ”"],
    "speaker_busy": ["Anna is busy whenever available for 1 h 30 min, as “S” needs: "
                     "“Press talk”"],
    "travel": ["Anna needs 15 min to travel between Petrikirche and Goethe-Institut, so “S” "
               "does not fit beside “Press talk”"],
}


@pytest.mark.parametrize("case", sorted(REASONS))
def test_each_family_of_hard_rules_is_named_as_the_reason(case):
    programme, options = reason_programme(case)
    before = programme.copy()
    plan = solve(programme, options)
    assert programme == before
    assert not plan.complete
    assert [str(r) for u in plan.unplaced for r in u.reasons] == REASONS[case]
    assert {c for u in plan.unplaced for c in u.causes} == {case}
    # What the plan does place is free of hard clashes.
    left = {uid for c in clashes_after(programme, plan) for uid in c.events}
    assert left <= {u.uid for u in plan.unplaced} | set(programme.events)


def test_without_the_blocking_rule_the_same_session_is_placed():
    # The diagnosis is right only if lifting the rule it names lets the session in.
    programme, options = reason_programme("travel")
    programme.travel = TravelSettings(speed_kmh=0.0, buffer_minutes=0)  # trips not estimated
    assert solve(programme, options).complete
    programme, options = reason_programme("venue_booked")
    del programme.events["organ@t"]
    assert solve(programme, options).complete
    programme, options = reason_programme("programme_days")
    programme.last_day = date(2019, 4, 12)
    assert solve(programme, options).complete


def test_clashing_events_that_cannot_all_move_stay_and_the_rest_is_planned():
    # Two placed talks overlap in a venue that is open three hours, for four hours of talk:
    # they cannot be freed of their clash (a model that must move them has no solution).
    # The plan still places the session elsewhere, moves neither talk, and both say why.
    programme = _only_day_4(small_programme())
    _venue_open(programme, "goethe", TimeWindow(at(4, 10), at(4, 13)))
    programme.events["a@t"] = event("a@t", day=4, start=10, end=12, title=Texts.same("A"))
    programme.events["b@t"] = event("b@t", day=4, start=11, end=13, title=Texts.same("B"))
    programme.unscheduled["s@t"] = session("s@t", 60, venue="petri")
    plan = solve(programme, FAST)
    assert plan.status in ("optimal", "feasible")
    assert [p.uid for p in plan.placed] == ["s@t"]
    assert plan.moves == [] and [u.uid for u in plan.unplaced] == ["a@t", "b@t"]
    for stays in plan.unplaced:
        assert stays.causes == ("venue_load", "clash")
        assert str(stays.reasons[0]) == ("Goethe-Institut is needed for 2 events of 2 h but "
                                         "is available for 3 h")
        assert str(stays.reasons[1]).startswith("stays as it is: Venue Goethe-Institut is "
                                                "double-booked")


@pytest.mark.parametrize("lang, words", [
    ("en", "Anna needs 15 min to travel between Petrikirche and Goethe-Institut, so “S” does "
           "not fit beside “Press talk”"),
    ("de", "Anna braucht 15 Min. für den Weg zwischen Petrikirche und Goethe-Institut, daher "
           "passt „S“ nicht neben „Press talk“"),
    ("ru", "Anna нужно 15 мин на дорогу между Petrikirche и Goethe-Institut, поэтому «S» не "
           "помещается рядом с «Press talk»"),
])
def test_cli_json_gives_each_reason_with_its_cause_and_exits_1(tmp_path, lang, words):
    path = tmp_path / "travel.programme"
    save_new(path, reason_programme("travel")[0])
    before = digest(path)
    result = run("schedule", "-p", str(path), "--keep-placed", "--json", "--apply",
                 "--time-limit", "5", "--lang", lang)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["complete"] is False and data["applied"] is False
    [unplaced] = data["unplaced"]
    assert unplaced["uid"] == "s@t" and unplaced["causes"] == ["travel"]
    assert unplaced["reasons"] == [words]
    assert digest(path) == before
