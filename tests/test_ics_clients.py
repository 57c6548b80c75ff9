"""Every exported event is read at the same instant by the parsers behind real clients.

icalendar, vobject (Radicale), libical (Evolution, KDE) and ical.js (Thunderbird, Nextcloud)
each read our export (tests/support/parsers.py); they must agree with each other, report no
errors, and give the instants zoneinfo gives for the stored wall-clock times, including the
occurrences of repeating events.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from factories import event, small_programme
from ics_programmes import (
    berlin_programme,
    expected_instants,
    moscow_history_programme,
    with_venue_and_track,
)
from support.parsers import agree, ensure_icaljs, read_all

from planner.builtin import load_builtin
from planner.ics import ExportOptions, export_ics, vtimezone
from planner.model import Programme, Texts

NOW = datetime(2019, 3, 20, 12, 0, tzinfo=UTC)
OCCURRENCES = 60


@pytest.fixture(scope="module", autouse=True)
def _icaljs() -> Iterator[None]:
    ensure_icaljs()
    yield


def check_all_parsers(programme: Programme, options: ExportOptions | None = None) -> None:
    data = export_ics(programme, options, now=NOW)
    results = read_all(data, occurrences=OCCURRENCES)
    assert agree(results) == []
    expected = expected_instants(programme)
    for name, result in results.items():
        assert set(result.events) == set(expected), name
        for uid, (start, end, occurrences) in expected.items():
            read = result.events[uid]
            assert (read.start, read.end) == (start, end), (name, uid)
            assert read.occurrences == occurrences, (name, uid)


def test_builtin_programme_in_moscow() -> None:
    programme = load_builtin()
    assert any(e.recurrence for e in programme.events.values())
    check_all_parsers(programme)


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_builtin_programme_in_other_languages_with_alarm(lang: str) -> None:
    check_all_parsers(load_builtin(), ExportOptions(lang=lang, alarm_minutes=15))  # type: ignore[arg-type]


def test_berlin_across_both_daylight_saving_changes() -> None:
    """Events before, across and after the spring and autumn changes, in the gap and the
    overlap, repeating across the changes (with EXDATE), all-day, and in a second zone."""
    check_all_parsers(berlin_programme())


def test_moscow_history_2010_to_2014() -> None:
    """Moscow's summer time (2010), its year-round +04 (2011-2014) and the return to +03."""
    check_all_parsers(moscow_history_programme())


def test_moscow_programme_in_2019_has_a_single_observance() -> None:
    """The years before 2019 (with Moscow's changes) stay out of the VTIMEZONE."""
    data = export_ics(load_builtin(), now=NOW)
    (timezone,) = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")
    assert [
        (o.name, o["DTSTART"].dt.isoformat(), o["TZOFFSETFROM"].to_ical(),
         o["TZOFFSETTO"].to_ical())
        for o in timezone.subcomponents
    ] == [("STANDARD", "2019-01-01T00:00:00", "+0300", "+0300")]


def test_vtimezone_has_yearly_rules_and_no_rdate() -> None:
    """The form all four read right: no RDATE, the offset at the start, yearly changes as
    yearly rules with DTSTART the local time before the change, from the years the events
    use on."""
    data = export_ics(berlin_programme(), now=NOW)
    zones = {str(z["TZID"]): z for z in icalendar.Calendar.from_ical(data).walk("VTIMEZONE")}
    assert sorted(zones) == ["Europe/Berlin", "Europe/Moscow"]
    berlin = zones["Europe/Berlin"].subcomponents
    assert all("RDATE" not in o for o in berlin)
    assert [(o.name, o["DTSTART"].dt.isoformat(), o["TZOFFSETFROM"].to_ical(),
             o["TZOFFSETTO"].to_ical(), o.get("RRULE") and o["RRULE"].to_ical())
            for o in berlin] == [
        ("STANDARD", "2019-01-01T00:00:00", "+0100", "+0100", None),
        ("DAYLIGHT", "2019-03-31T02:00:00", "+0100", "+0200",
         b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"),
        ("STANDARD", "2019-10-27T03:00:00", "+0200", "+0100",
         b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"),
    ]


def test_filtered_and_extra_zones_agree() -> None:
    """A delegate's picks from a programme with a second track and venue."""
    programme = with_venue_and_track(berlin_programme())
    programme.events["before@t"] = dataclasses.replace(
        programme.events["before@t"], track="talks", venue="hall"
    )
    options = ExportOptions(uids=("before@t", "moscow@t", "daily@t"))
    data = export_ics(programme, options, now=NOW)
    results = read_all(data, occurrences=OCCURRENCES)
    assert agree(results) == []
    assert set(results["libical"].events) == {"before@t", "moscow@t", "daily@t"}


def test_awkward_text_reads_alike() -> None:
    """Commas, semicolons, backslashes, line breaks, quotes and long Cyrillic and emoji titles
    (folded between characters) come out the same in all four parsers, and as written."""
    titles = {
        "a@t": "Talk, discussion; and more \\ backslash",
        "b@t": "Line one\nline two",
        "c@t": "«Цифровая экономика: инновационные решения и возможности для бизнеса в Северном "
               "Рейне – Вестфалии» 🎻🎺",
        "d@t": 'Quotes "double" and \'single\' and ^caret^',
    }
    programme = small_programme()
    for n, (uid, title) in enumerate(titles.items()):
        programme.events[uid] = event(uid, day=4 + n, title=Texts.same(title))
    data = export_ics(programme, ExportOptions(lang="ru"), now=NOW)
    results = read_all(data)
    assert agree(results) == []
    for name, result in results.items():
        assert {uid: e.summary for uid, e in result.events.items()} == titles, name


def test_empty_programme_exports_a_valid_calendar() -> None:
    results = read_all(export_ics(small_programme(), now=NOW))
    assert agree(results) == []
    assert all(result.events == {} for result in results.values())


@pytest.mark.parametrize("zone", ["Europe/London", "Europe/Lisbon", "America/New_York",
                                  "Australia/Sydney", "Europe/Berlin"])
def test_yearly_changes_are_yearly_rules_all_four_read_right(zone: str) -> None:
    """Over several years a zone's yearly changes are written as yearly rules (the form
    Thunderbird writes): vobject misreads changes written one by one in zones whose
    standard time is UTC (London, Lisbon). Every third week over three years, at 10:00."""
    tz = vtimezone(zone, 2019, 2021).to_ical().decode()
    assert "RDATE" not in tz and "RRULE:FREQ=YEARLY" in tz
    data = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + tz
            + "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20190101T000000Z\r\n"
            f"DTSTART;TZID={zone}:20190105T100000\r\nDTEND;TZID={zone}:20190105T110000\r\n"
            "RRULE:FREQ=WEEKLY;INTERVAL=3;COUNT=50\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").encode()
    results = read_all(data, occurrences=50)
    local = ZoneInfo(zone)
    expected = [
        (datetime(2019, 1, 5, 10) + timedelta(weeks=3 * n)).replace(tzinfo=local).astimezone(UTC)
        .strftime("%Y-%m-%dT%H:%M:%SZ") for n in range(50)]
    for name, result in results.items():
        assert result.events["a"].occurrences == expected, name


def test_a_changed_occurrence_is_its_own_vevent_that_every_client_reads() -> None:
    """One occurrence of a daily series moved, renamed and to another venue, another called
    off: each is a VEVENT with the series' UID and a RECURRENCE-ID, and all four parsers
    read them at the same instants as the model's occurrences."""
    from factories import at

    from planner.edits import occurrence_of, overridden, with_status
    from planner.model import Recurrence

    programme = with_venue_and_track(small_programme())
    series = event("daily@test", 4, 16, 17, recurrence=Recurrence("FREQ=DAILY;COUNT=5"),
                   title=Texts.same("Café"))
    moved = dataclasses.replace(occurrence_of(series, at(5, 16)), start=at(5, 18),
                                end=at(5, 19, 30), venue="petri",
                                title=Texts.same("Café, at the church"))
    series = overridden(series, at(5, 16), moved)
    series = overridden(series, at(7, 16), with_status(occurrence_of(series, at(7, 16)),
                                                       "cancelled"))
    programme.events[series.uid] = series
    data = export_ics(programme, now=NOW)
    calendar = icalendar.Calendar.from_ical(data)
    vevents = [c for c in calendar.walk("VEVENT")]
    assert sorted(str(c.get("UID")) for c in vevents) == ["daily@test"] * 3
    ids = {c.decoded("RECURRENCE-ID").astimezone(UTC) for c in vevents if "RECURRENCE-ID" in c}
    assert ids == {at(5, 16).astimezone(UTC), at(7, 16).astimezone(UTC)}
    results = read_all(data, occurrences=5)
    assert agree(results) == []
    for name, result in results.items():
        key = f"daily@test|{at(5, 16).astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}"
        read = result.events[key]
        assert (read.start, read.end, read.summary) == (
            f"{at(5, 18).astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}",
            f"{at(5, 19, 30).astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}", "Café, at the church"), name


def test_this_and_following_is_two_series_that_every_client_reads() -> None:
    """"This and following" moved an hour later: the series ends before the occurrence
    (UNTIL) and a new series runs from it; all four parsers read both at the instants the
    model gives, and together they are the series' days."""
    from factories import at

    from planner.edits import shifted, split_series
    from planner.model import Recurrence

    programme = with_venue_and_track(small_programme())
    series = event("daily@test", 4, 16, 17, recurrence=Recurrence("FREQ=DAILY;COUNT=6"))
    programme.events[series.uid] = series
    head, tail = split_series(programme, series, at(6, 16))
    assert head is not None
    programme.events[head.uid] = head
    programme.events[tail.uid] = shifted(tail, timedelta(hours=1))
    check_all_parsers(programme)
    results = read_all(export_ics(programme, now=NOW), occurrences=OCCURRENCES)
    for name, result in results.items():
        days = sorted(start for read in result.events.values() for start in read.occurrences)
        assert days == [f"{when.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}" for when in (
            at(4, 16), at(5, 16), at(6, 17), at(7, 17), at(8, 17), at(9, 17))], name
