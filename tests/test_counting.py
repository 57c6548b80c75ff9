"""One rule for how big a programme is (planner.counting): events count once, sessions once
per meeting, in the window, `info` and the printed cover alike."""

from __future__ import annotations

from factories import at, event, small_programme

from planner.builtin import load_builtin
from planner.counting import Count, count_by_track, count_events, count_programme
from planner.model import Recurrence


def test_the_builtin_programme_counts_its_series_once_and_its_meetings_each():
    programme = load_builtin()
    assert count_programme(programme) == Count(60, 67)
    tracks = count_by_track(programme)
    assert list(tracks) == list(programme.tracks)
    assert tracks["culture"] == Count(23, 30)
    assert sum((c for c in tracks.values()), Count()) == count_programme(programme)


def test_repeats_exceptions_and_cancelled_events():
    daily = event("daily@t", 4, 9, 10,
                  recurrence=Recurrence("FREQ=DAILY;COUNT=4", (at(5, 9),)))
    cancelled = event("gone@t", 5, 10, 11, status="cancelled")
    once = event("once@t", 6, 10, 11, track="culture")
    programme = small_programme()
    assert count_events(programme, [daily]) == Count(1, 3)  # four days less the excluded one
    assert count_events(programme, [daily, cancelled, once]) == Count(3, 5)
    for item in (daily, cancelled, once):
        programme.events[item.uid] = item
    assert count_programme(programme, ["daily@t", "nope@t"]) == Count(1, 3)
    assert count_by_track(programme, ["once@t"])["culture"] == Count(1, 1)
    assert count_by_track(programme, ["once@t"])["business"] == Count(0, 0)


def test_the_count_in_words():
    assert Count(1, 1).message().render("en") == "1 event"
    assert Count(23, 30).message().render("en") == "23 events, 30 sessions"
    assert Count(1, 3).message().render("de") == "1 Veranstaltung, 3 Termine"
    assert Count(23, 30).message().render("ru") == "23 мероприятия, 30 проведений"
    assert Count(5, 5).message().render("ru") == "5 мероприятий"
    assert Count(21, 22).message().render("ru") == "21 мероприятие, 22 проведения"


def test_a_series_counts_its_meetings_on_the_programme_days_only():
    import dataclasses

    from planner.model import RecurrenceId

    programme = small_programme()  # 3 to 10 April
    endless = event("daily@t", 4, 9, 10, recurrence=Recurrence("FREQ=DAILY"))
    assert count_events(programme, [endless]) == Count(1, 7)  # 4 to 10 April
    # One meeting called off on its own: it does not take place.
    rid = at(6, 9)
    off = dataclasses.replace(endless, start=rid, end=rid + endless.duration, recurrence=None,
                              status="cancelled", recurrence_id=RecurrenceId(rid))
    assert count_events(programme, [dataclasses.replace(endless, overrides=(off,))]) == Count(
        1, 6)
