"""Series as RFC 5545 has them (issue 15): RDATEs, several RRULEs, overrides, rules without
end, bounded expansion (issue 14.4), and how the programme file keeps all of it."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from factories import MSK, at, event, small_programme

from planner.model import (
    MAX_SEQUENCE,
    Period,
    Recurrence,
    RecurrenceId,
    Texts,
    ValidationError,
    Venue,
    touch,
    validate_event,
)
from planner.recurrence import (
    MAX_OCCURRENCES,
    WORK_BUDGET,
    expand,
    occurrences,
    rule_starts,
)
from planner.store import ProgrammeStore, open_programme, save_new
from planner.zones import custom_zone, matching_iana_zone, zone_changes

WINDOW = small_programme().window


def days(e, window=WINDOW) -> list[tuple[int, int]]:
    return [(s.day, s.hour) for s, _ in occurrences(e, *window)]


def override(series, rid, **fields):
    values = {"uid": series.uid, "recurrence_id": RecurrenceId(rid), "recurrence": None,
              "overrides": (), "start": rid, "end": rid + (series.end - series.start)}
    values.update(fields)
    return dataclasses.replace(series, **values)


# ---------------------------------------------------------------------------------------------
# Occurrences


def test_rdates_periods_and_exdates_make_the_series():
    series = event(day=3, start=10, end=11, recurrence=Recurrence(
        "FREQ=DAILY;COUNT=3", exdates=(at(4, 10), at(8, 15)),
        rdates=(at(7, 9), at(8, 15)), periods=(Period(at(9, 20), at(9, 23)),)))
    found = occurrences(series, *WINDOW)
    assert [(s.day, s.hour, (e - s).seconds // 3600) for s, e in found] == [
        (3, 10, 1), (5, 10, 1), (7, 9, 1), (9, 20, 3)]  # EXDATE removes an RDATE too


def test_a_series_of_dates_alone_and_several_rules():
    dates = event(day=3, start=10, end=11, recurrence=Recurrence(rdates=(at(6, 12),)))
    assert days(dates) == [(3, 10), (6, 12)]
    # Each rule's COUNT counts the start, as in ical.js: the second rule adds one Friday.
    two_rules = event(day=3, start=10, end=11, recurrence=Recurrence(
        "FREQ=WEEKLY;BYDAY=WE;COUNT=2", more_rules=("FREQ=DAILY;BYDAY=FR;COUNT=2",)))
    assert days(two_rules) == [(3, 10), (5, 10), (10, 10)]


def test_a_start_off_the_rule_is_the_first_occurrence_and_counts():
    # Wednesday 3 April; the rule gives Mondays and Fridays. RFC 5545 3.3.10: DTSTART is
    # always the first occurrence, and COUNT counts it.
    series = event(day=3, start=16, end=17,
                   recurrence=Recurrence("FREQ=DAILY;COUNT=3;BYDAY=MO,TU,FR"))
    assert days(series) == [(3, 16), (5, 16), (8, 16)]


def test_a_date_until_ends_that_whole_day_on_a_series_with_times():
    series = event(day=3, start=16, end=17, recurrence=Recurrence("FREQ=DAILY;UNTIL=20190406"))
    assert [d for d, _ in days(series)] == [3, 4, 5, 6]


def test_overrides_move_change_and_cancel_single_occurrences():
    series = event(day=3, start=10, end=11, recurrence=Recurrence("FREQ=DAILY;COUNT=5"))
    moved = override(series, at(4, 10), start=at(4, 14), end=at(4, 16), venue="petri",
                     title=Texts.same("Moved"))
    cancelled = override(series, at(5, 10), status="cancelled")
    series = dataclasses.replace(series, overrides=(moved, cancelled))
    validate_event(small_programme(), series)
    found = expand(series, *WINDOW).occurrences
    assert [(o.start.day, o.start.hour, o.event.venue, o.event.status) for o in found] == [
        (3, 10, "goethe", "confirmed"), (4, 14, "petri", "confirmed"),
        (5, 10, "goethe", "cancelled"), (6, 10, "goethe", "confirmed"),
        (7, 10, "goethe", "confirmed")]
    assert found[1].recurrence_id == at(4, 10)
    assert found[1].event.title.en == "Moved"
    # The plain list leaves the cancelled occurrence out, and has the moved one moved.
    assert days(series) == [(3, 10), (4, 14), (6, 10), (7, 10)]


def test_this_and_future_moves_every_later_occurrence():
    series = event(day=3, start=10, end=11, recurrence=Recurrence("FREQ=DAILY;COUNT=5"))
    later = override(series, at(5, 10), start=at(5, 12), end=at(5, 14),
                     recurrence_id=RecurrenceId(at(5, 10), this_and_future=True))
    series = dataclasses.replace(series, overrides=(later,))
    found = expand(series, *WINDOW).occurrences
    assert [(o.start.day, o.start.hour, o.end.hour) for o in found] == [
        (3, 10, 11), (4, 10, 11), (5, 12, 14), (6, 12, 14), (7, 12, 14)]


def test_an_override_the_rule_does_not_give_stands_on_its_own():
    series = event(day=3, start=10, end=11, recurrence=Recurrence("FREQ=DAILY;COUNT=2"))
    extra = override(series, at(6, 10), start=at(6, 18), end=at(6, 19))
    series = dataclasses.replace(series, overrides=(extra,))
    assert days(series) == [(3, 10), (4, 10), (6, 18)]


def test_an_occurrence_moved_into_the_window_is_seen():
    series = event(day=3, start=10, end=11, recurrence=Recurrence("FREQ=WEEKLY"))
    # 27 March, before the programme, moved to 5 April.
    moved = override(series, datetime(2019, 3, 27, 10, tzinfo=MSK), start=at(5, 9),
                     end=at(5, 10))
    series = dataclasses.replace(series, start=datetime(2019, 3, 20, 10, tzinfo=MSK),
                                 end=datetime(2019, 3, 20, 11, tzinfo=MSK), overrides=(moved,))
    assert days(series) == [(3, 10), (5, 9), (10, 10)]


def test_a_rule_without_end_costs_what_the_window_holds():
    weekly = event(day=3, start=10, end=11, recurrence=Recurrence("FREQ=WEEKLY"))
    validate_event(small_programme(), weekly)
    assert days(weekly) == [(3, 10), (10, 10)]
    # Without a window it stops after MAX_OCCURRENCES, never later.
    assert len(occurrences(weekly)) == MAX_OCCURRENCES


@pytest.mark.parametrize("rule", [
    # Issue 14.4: dateutil steps second by second to the year 9999 looking for a match.
    "FREQ=SECONDLY;INTERVAL=7;BYSECOND=3;BYMINUTE=5;BYHOUR=2;BYDAY=MO;COUNT=1",
    # Rules that match no day at all.
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3",
    "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31",
])
def test_runaway_rules_end_at_the_window_or_the_budget(rule):
    series = event(day=3, start=10, end=11, recurrence=Recurrence(rule))
    # On the programme's days: the start alone, found without running away.
    assert days(series) == [(3, 10)]
    validate_event(small_programme(), series)
    # Unbounded by a window, the step budget ends it and says so.
    unbounded = expand(series)
    assert [o.start for o in unbounded.occurrences] == [at(3, 10)]
    assert unbounded.incomplete


def test_a_rule_needing_too_much_work_on_the_programme_days_is_refused():
    # Every second since 2000 up to the programme: the budget runs out before April 2019.
    start = datetime(2000, 1, 1, 10, tzinfo=MSK)
    series = event(start=start, end=start + timedelta(hours=1),
                   recurrence=Recurrence("FREQ=SECONDLY;BYSECOND=0,30;BYMINUTE=0"))
    with pytest.raises(ValidationError, match="too much work"):
        validate_event(small_programme(), series)


def test_rule_starts_reports_budget_and_horizon():
    start = datetime(2019, 4, 3, 10)
    found, exhausted = rule_starts("FREQ=DAILY", start, datetime(2019, 4, 5, 10))
    assert found == [start, start + timedelta(days=1), start + timedelta(days=2)]
    assert not exhausted
    found, exhausted = rule_starts("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", start,
                                   datetime(9999, 1, 1), budget=WORK_BUDGET)
    assert (found, exhausted) == ([], True)


def test_overrides_are_checked():
    programme = small_programme()
    series = event(day=3, start=10, end=11, recurrence=Recurrence("FREQ=DAILY;COUNT=3"))
    bad = override(series, at(4, 10), venue="moon")
    with pytest.raises(ValidationError, match="unknown venue 'moon'"):
        validate_event(programme, dataclasses.replace(series, overrides=(bad,)))
    twice = override(series, at(4, 10))
    with pytest.raises(ValidationError, match="two overrides"):
        validate_event(programme, dataclasses.replace(series, overrides=(twice, twice)))
    repeating = override(series, at(4, 10), recurrence=Recurrence("FREQ=DAILY"))
    with pytest.raises(ValidationError, match="cannot repeat"):
        validate_event(programme, dataclasses.replace(series, overrides=(repeating,)))


def test_what_exports_need_is_checked_on_the_way_in():
    """Issue 14.5: a URL with a line break, or a SEQUENCE past what files hold, used to
    import and then break every export."""
    programme = small_programme()
    with pytest.raises(ValidationError, match="URL"):
        validate_event(programme, event(url="https://example.org/\nx"))
    with pytest.raises(ValidationError, match="sequence"):
        validate_event(programme, event(sequence=MAX_SEQUENCE + 1))
    top = event(sequence=MAX_SEQUENCE)
    edited = touch(top, dataclasses.replace(top, start=at(4, 11), end=at(4, 13)))
    assert edited.sequence == MAX_SEQUENCE
    validate_event(programme, edited)


# ---------------------------------------------------------------------------------------------
# Zones a file defines

US_EASTERN = """BEGIN:VTIMEZONE
TZID:US-Eastern
BEGIN:STANDARD
DTSTART:19671029T020000
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19870405T020000
RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
END:DAYLIGHT
END:VTIMEZONE
"""

# The United States' rules before 2007: April to October.
OLD_EASTERN = US_EASTERN.replace("US-Eastern", "Old-Eastern").replace(
    "BYDAY=1SU;BYMONTH=11", "BYDAY=-1SU;BYMONTH=10").replace(
    "BYDAY=2SU;BYMONTH=3", "BYDAY=1SU;BYMONTH=4")


def test_a_zone_defined_in_a_file_keeps_its_clock_changes():
    zone = custom_zone("US-Eastern", US_EASTERN)
    assert zone.key == "US-Eastern"
    new_york = ZoneInfo("America/New_York")
    for moment in (datetime(2019, 1, 15, 12), datetime(2019, 3, 10, 1, 59),
                   datetime(2019, 3, 10, 3), datetime(2019, 7, 1, 9), datetime(2019, 11, 3, 0),
                   datetime(2019, 11, 3, 2, 30), datetime(2030, 12, 1)):
        assert moment.replace(tzinfo=zone).utcoffset() == \
            moment.replace(tzinfo=new_york).utcoffset(), moment
    assert custom_zone("US-Eastern", US_EASTERN) is zone


def test_a_file_zone_matching_an_iana_zone_is_found():
    from planner.zones import parse_vtimezone

    changes = zone_changes(parse_vtimezone(US_EASTERN))
    assert matching_iana_zone(changes, 2019, 2020) == "America/New_York"
    old = zone_changes(parse_vtimezone(OLD_EASTERN))
    # In 2006 New York kept these rules; in 2019 no zone does.
    assert matching_iana_zone(old, 2006, 2006) == "America/New_York"
    assert matching_iana_zone(old, 2019, 2019) is None


# ---------------------------------------------------------------------------------------------
# The programme file


def everything_programme():
    programme = small_programme()
    programme.venues["tba"] = Venue("tba", Texts.same("To be announced"), placeholder=True)
    programme.zones["Old-Eastern"] = OLD_EASTERN
    eastern = custom_zone("Old-Eastern", OLD_EASTERN)
    series = event("s@t", day=3, start=10, end=11, recurrence=Recurrence(
        "FREQ=DAILY", (at(6, 10),), more_rules=("FREQ=WEEKLY;BYDAY=SU;COUNT=2",),
        rdates=(at(9, 8),), periods=(Period(at(10, 20), at(10, 22)),)),
        preserved="ORGANIZER;CN=Anna:mailto:anna@example.org\r\nX-FOO:bar\r\n",
        absent=frozenset({"COLOR", "STATUS"}))
    series = dataclasses.replace(series, overrides=(
        override(series, at(4, 10), start=at(4, 12), end=at(4, 13), venue="tba",
                 speakers=("anna",), preserved="CLASS:PRIVATE\r\n"),
        override(series, at(7, 10), start=at(7, 11), end=at(7, 12),
                 recurrence_id=RecurrenceId(at(7, 10), this_and_future=True)),
    ))
    lone = event("s@t/2", day=5, start=at(5, 9, zone=eastern), end=at(5, 10, zone=eastern),
                 source_uid="s@t", recurrence_id=RecurrenceId(at(5, 9, zone=eastern)),
                 venue="tba")
    instant = event("i@t", day=6, start=at(6, 9), end=at(6, 9))
    for e in (series, lone, instant):
        programme.events[e.uid] = e
    return programme


def test_the_file_keeps_series_overrides_zones_and_preserved_properties(tmp_path):
    path = tmp_path / "series.programme"
    programme = everything_programme()
    save_new(path, programme)
    loaded = open_programme(path)
    assert loaded == programme
    lone = loaded.events["s@t/2"]
    assert lone.zone.key == "Old-Eastern"
    assert lone.start.utcoffset() == timedelta(hours=-5)  # April 2019 under the old rules
    assert loaded.venues["tba"].placeholder
    with ProgrammeStore.open(path) as store:
        moved = dataclasses.replace(loaded.events["i@t"], start=at(6, 10), end=at(6, 10))
        loaded.events["i@t"] = moved
        from planner.store import Changes

        store.write(loaded, Changes(events=["i@t"]))
    assert open_programme(path) == loaded


def test_a_version_2_file_opens_and_gains_the_new_columns(tmp_path):
    from planner.store import APPLICATION_ID, MIGRATIONS, SCHEMA_V1

    path = tmp_path / "v2.programme"
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1)
    conn.executescript(MIGRATIONS[0])
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 2")
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("name", '{"de": "A", "en": "A", "ru": "A"}'), ("timezone", "Europe/Moscow"),
        ("first_day", "2019-04-03"), ("last_day", "2019-04-10")])
    conn.execute("INSERT INTO tracks VALUES ('t', 'T', 'T', 'T', '#b5446e', 0)")
    conn.execute("INSERT INTO venues VALUES ('v', 'V', 'V', 'V', '', NULL, NULL, 0, NULL)")
    conn.execute(
        "INSERT INTO events VALUES ('x@t', 'T', 'T', 'Т', '', '', '', 't', 'v', "
        "'2019-04-04T10:00:00', '2019-04-04T11:00:00', 'Europe/Moscow', 0, 'confirmed', "
        "'FREQ=DAILY;COUNT=2', '[]', '[]', 2, '2019-03-01T00:00:00+00:00', '', NULL)")
    conn.commit()
    conn.close()
    loaded = open_programme(path)
    x = loaded.events["x@t"]
    assert x.recurrence == Recurrence("FREQ=DAILY;COUNT=2")
    assert (x.overrides, x.preserved, x.absent) == ((), "", frozenset())
    assert not loaded.venues["v"].placeholder


def test_a_file_whose_series_json_is_damaged_is_refused(tmp_path):
    from planner.store import CorruptFileError

    path = tmp_path / "bad.programme"
    save_new(path, everything_programme())
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE events SET overrides = ? WHERE uid = 's@t'",
                     ("[" * 100_000 + "]" * 100_000,))
    with pytest.raises(CorruptFileError, match="damaged"):
        open_programme(path)


def test_an_instant_is_stored_and_a_utc_event_keeps_its_zone(tmp_path):
    programme = small_programme()
    programme.events["i@t"] = event("i@t", start=at(4, 9), end=at(4, 9))
    path = tmp_path / "i.programme"
    save_new(path, programme)
    assert open_programme(path).events["i@t"].end == at(4, 9)
    assert datetime(2019, 4, 4, 6, tzinfo=UTC) == at(4, 9)


def test_the_snapshot_form_keeps_series_overrides_zones_and_preserved_properties():
    from planner import snapshot

    programme = everything_programme()
    assert snapshot.loads(snapshot.dumps(programme)) == programme


def test_moving_a_series_moves_its_dates_and_changed_occurrences_along():
    from planner.model import moved

    series = event(day=3, start=10, end=11, recurrence=Recurrence(
        "FREQ=DAILY;COUNT=4", (at(5, 10),), rdates=(at(9, 10),)))
    change = override(series, at(4, 10), start=at(4, 12), end=at(4, 13))
    elsewhere = override(series, at(6, 10), venue="petri")
    series = dataclasses.replace(series, overrides=(change, elsewhere))
    later = moved(series, at(3, 14), venue="petri")
    assert days(later) == [(3, 14), (4, 16), (6, 14), (9, 14)]
    assert [o.venue for o in later.overrides] == ["petri", "petri"]
    validate_event(small_programme(), later)


def test_is_iana_answers_as_the_list_of_every_zone_does() -> None:
    # is_iana asks about the one name (the start-up checks the programme's zone) instead of
    # listing every zone file: it must agree with that list for every name in it, and for
    # names the list leaves out or that are no zone at all.
    from zoneinfo import available_timezones

    from planner.zones import is_iana

    names = available_timezones()
    assert names and all(is_iana(name) for name in names)
    for name in ("posixrules", "right/Europe/Berlin", "posix/Europe/Berlin", "Europe",
                 "Europe/Nowhere", "../etc/passwd", "/etc/localtime", "", "Europe//Berlin",
                 "Europe/./Berlin", "zone.tab", "tzdata.zi", "Customized Time Zone"):
        assert is_iana(name) == (name in names), name


def test_a_stored_runaway_rule_keeps_every_command_quick(tmp_path):
    """Issue 14.4: once stored, the rule that never finished in dateutil hung info, check,
    export and import. Each now ends (the test itself would hang otherwise)."""
    from planner.cli import main

    programme = small_programme()
    programme.events["r@t"] = event("r@t", recurrence=Recurrence(
        "FREQ=SECONDLY;INTERVAL=7;BYSECOND=3;BYMINUTE=5;BYHOUR=2;BYDAY=MO;COUNT=1"))
    path = tmp_path / "runaway.programme"
    save_new(path, programme)
    out = tmp_path / "out.ics"
    assert main(["info", "-p", str(path)]) == 0
    assert main(["check", "-p", str(path)]) == 0
    assert main(["export", "-p", str(path), "-o", str(out)]) == 0
    assert main(["import", str(out), "-p", str(path)]) == 0
    assert "RRULE:FREQ=SECONDLY;COUNT=1;INTERVAL=7" in out.read_text()
