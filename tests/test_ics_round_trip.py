"""Issue 15, the round trip: what an import reads otherwise than the file wrote it goes back
out as the file wrote it, a changed occurrence names the occurrence it changes whatever value
type its RECURRENCE-ID has, and an occurrence named by its RECURRENCE-ID alone (an iTIP
CANCEL or REPLY, RFC 5546) is that occurrence of its series. The corpus test
(test_ics_corpus.py) measures the same on real-world files with four parsers."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
from factories import small_programme
from support.corpus import import_and_export, measure
from support.parsers import PARSERS, ParserResult, read_all

from planner.ics import export_ics, read_ics, vtimezone
from planner.importing import apply_plan, plan_import
from planner.model import Event, Programme
from planner.recurrence import occurrences
from planner.store import open_programme, save_new

LONDON = ZoneInfo("Europe/London")
CHICAGO = ZoneInfo("America/Chicago")


def calendar(*events: str, method: str = "") -> bytes:
    head = f"METHOD:{method}\r\n" if method else ""
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + head
            + "".join(events) + "END:VCALENDAR\r\n").encode()


def vevent(uid: str, *lines: str) -> str:
    return "".join(f"{line}\r\n" for line in (
        "BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20190301T000000Z", *lines, "END:VEVENT"))


def imported(*files: bytes, programme: Programme | None = None) -> Programme:
    programme = programme or small_programme()
    for n, data in enumerate(files):
        read = read_ics(data, f"f{n}.ics")
        plan = plan_import(programme, read.events, problems=read.problems)
        assert plan.skipped == [], plan.skipped
        apply_plan(programme, plan)
    return programme


def exported(programme: Programme) -> list[icalendar.Event]:
    return exported_from(export_ics(programme))


def exported_from(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def lines_of(vevent_: icalendar.Event, name: str) -> list[str]:
    return [line for line in vevent_.to_ical().decode().split("\r\n")
            if line.split(";")[0].split(":")[0] == name]


def by_uid(vevents: list[icalendar.Event], uid: str) -> list[icalendar.Event]:
    return [v for v in vevents if str(v["UID"]) == uid]


# --------------------------------------------------------------------------- RECURRENCE-ID


def test_a_date_time_recurrence_id_on_an_all_day_series_is_its_day_where_written() -> None:
    """00:00 in London in summer is 23:00 UTC the day before: the occurrence is the one of
    the day the file wrote (Thursday 16 April), not of the UTC day."""
    programme = imported(calendar(
        vevent("day@t", "DTSTART;VALUE=DATE:20200402", "DTEND;VALUE=DATE:20200403",
               "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=4", "SUMMARY:Fortnightly"),
        vevent("day@t", "RECURRENCE-ID;TZID=Europe/London:20200416T000000",
               "DTSTART;VALUE=DATE:20200417", "DTEND;VALUE=DATE:20200418", "SUMMARY:Moved"),
    ))
    series = programme.events["day@t"]
    (override,) = series.overrides
    assert override.recurrence_id is not None
    assert override.recurrence_id.start.date() == date(2020, 4, 16)
    days = [start.date() for start, _ in occurrences(series)]
    assert days == [date(2020, 4, 2), date(2020, 4, 17), date(2020, 4, 30), date(2020, 5, 14)]
    (_, written) = by_uid(exported(programme), "day@t")
    assert lines_of(written, "RECURRENCE-ID") == ["RECURRENCE-ID;VALUE=DATE:20200416"]


def test_a_date_recurrence_id_on_a_timed_series_is_its_occurrence_that_day() -> None:
    programme = imported(calendar(
        vevent("mixed@t", "DTSTART:20060102T120000Z", "DURATION:PT1H",
               "RRULE:FREQ=DAILY;COUNT=3", "SUMMARY:Daily"),
        vevent("mixed@t", "DTSTART:20060103T140000Z", "DURATION:PT1H",
               "RECURRENCE-ID;VALUE=DATE:20060103", "SUMMARY:Later that day"),
    ))
    series = programme.events["mixed@t"]
    starts = [start.astimezone(UTC) for start, _ in occurrences(series)]
    assert starts == [datetime(2006, 1, d, h, tzinfo=UTC) for d, h in ((2, 12), (3, 14), (4, 12))]
    (_, written) = by_uid(exported(programme), "mixed@t")
    assert lines_of(written, "RECURRENCE-ID") == ["RECURRENCE-ID:20060103T120000Z"]


def test_an_all_day_occurrence_of_a_timed_series_keeps_a_date_time_recurrence_id() -> None:
    """RFC 5545 3.8.4.4: the RECURRENCE-ID has the series' value type, whatever the
    occurrence became (Thunderbird wrote this one)."""
    programme = imported(calendar(
        vevent("tb@t", "DTSTART;TZID=Europe/Berlin:20190307T020000",
               "DTEND;TZID=Europe/Berlin:20190307T030000", "RRULE:FREQ=DAILY;COUNT=4",
               "SUMMARY:Nightly"),
        vevent("tb@t", "RECURRENCE-ID;TZID=Europe/Berlin:20190310T020000",
               "DTSTART;VALUE=DATE:20190310", "DTEND;VALUE=DATE:20190311", "SUMMARY:All day"),
    ))
    (_, written) = by_uid(exported(programme), "tb@t")
    assert lines_of(written, "RECURRENCE-ID") == [
        "RECURRENCE-ID;TZID=Europe/Berlin:20190310T020000"]
    assert lines_of(written, "DTSTART") == ["DTSTART;VALUE=DATE:20190310"]


def test_an_occurrence_written_in_another_zone_than_its_series_survives_the_file(
    tmp_path: Path,
) -> None:
    programme = imported(calendar(
        vevent("zone@t", "DTSTART;TZID=America/Chicago:19980303T150000",
               "DTEND;TZID=America/Chicago:19980303T160000", "RRULE:FREQ=WEEKLY;COUNT=3",
               "SUMMARY:Review"),
        vevent("zone@t", "RECURRENCE-ID:19980310T210000Z", "DTSTART:19980310T230000Z",
               "DTEND:19980311T000000Z", "SUMMARY:Review, later"),
    ))
    path = tmp_path / "p.programme"
    save_new(path, programme)
    reopened = open_programme(path)
    (override,) = reopened.events["zone@t"].overrides
    assert override.recurrence_id is not None
    assert override.recurrence_id.start.astimezone(UTC) == datetime(1998, 3, 10, 21,
                                                                     tzinfo=UTC)
    assert override.start.astimezone(UTC) == datetime(1998, 3, 10, 23, tzinfo=UTC)
    starts = [s.astimezone(UTC).hour for s, _ in occurrences(reopened.events["zone@t"])]
    assert starts == [21, 23, 21]


def test_a_kept_rule_of_a_lone_floating_occurrence_gets_its_until_in_utc() -> None:
    """A changed occurrence does not repeat: its RRULE is kept as it came, but its floating
    start is written in the programme's zone (Moscow) now, so UNTIL goes to UTC with it (RFC
    5545 3.3.10; dateutil cannot expand the rule otherwise)."""
    programme = imported(calendar(vevent(
        "lone@t", "RECURRENCE-ID:20140714T053000", "DTSTART:20140630T073000",
        "DURATION:PT4H30M", "RRULE:FREQ=WEEKLY;UNTIL=20160925T053000", "SUMMARY:Work")))
    (written,) = exported(programme)
    assert lines_of(written, "RRULE") == ["RRULE:FREQ=WEEKLY;UNTIL=20160925T023000Z"]
    assert lines_of(written, "RECURRENCE-ID") == [
        "RECURRENCE-ID;TZID=Europe/Moscow:20140714T053000"]


def test_an_unreadable_date_of_a_changed_occurrence_is_kept_once() -> None:
    programme = imported(calendar(
        vevent("dup@t", "DTSTART:19970805T210000Z", "DTEND:19970805T220000Z",
               "RRULE:FREQ=WEEKLY;COUNT=3", "SUMMARY:Weekly"),
        vevent("dup@t", "RECURRENCE-ID:19970812T210000Z", "DTSTART:19970812T220000Z",
               "DTEND:19970812T230000Z", "RRULE:FREQ=WEEKLY",
               "RDATE;VALUE=PERIOD:19970819T210000Z/199700819T220000Z", "SUMMARY:Moved"),
    ))
    (_, written) = by_uid(exported(programme), "dup@t")
    assert lines_of(written, "RDATE") == [
        "RDATE;VALUE=PERIOD:19970819T210000Z/199700819T220000Z"]
    assert lines_of(written, "RRULE") == ["RRULE:FREQ=WEEKLY"]


# --------------------------------------------------------------------------- ends and alarms


ODD_ENDS = {
    # uid: (its times, the end line as the file wrote it)
    "before@t": ("DTSTART:20190304T073000Z", "DTEND:20190304T070000Z"),
    "date-end@t": ("DTSTART:20000101T000000Z", "DTEND;VALUE=DATE:20000102"),
    "time-end@t": ("DTSTART;VALUE=DATE:20000101", "DTEND:20000102T040000"),
    "huge@t": ("DTSTART:20240101T000000Z", "DURATION:P999999999999999999W"),
}


def test_an_end_the_import_reads_otherwise_goes_back_as_the_file_wrote_it() -> None:
    programme = imported(calendar(*(
        vevent(uid, start, end, f"SUMMARY:{uid}") for uid, (start, end) in ODD_ENDS.items())))
    # What the programme makes of them (RFC 5545 meaning, as before).
    events = programme.events
    assert events["before@t"].end == events["before@t"].start
    assert events["date-end@t"].end - events["date-end@t"].start == timedelta(days=1)
    assert events["time-end@t"].all_day
    assert events["time-end@t"].end.date() == date(2000, 1, 3)
    assert events["huge@t"].end == events["huge@t"].start
    vevents = exported(programme)
    for uid, (_, end) in ODD_ENDS.items():
        (written,) = by_uid(vevents, uid)
        name = end.split(";")[0].split(":")[0]
        assert lines_of(written, name) == [end], uid
        other = "DURATION" if name == "DTEND" else "DTEND"
        assert lines_of(written, other) == [], uid
        assert "X-PLANNER" not in written.to_ical().decode()


def test_once_moved_an_event_has_the_programmes_end() -> None:
    programme = imported(calendar(*(
        vevent(uid, start, end, f"SUMMARY:{uid}") for uid, (start, end) in ODD_ENDS.items())))
    for uid, event in list(programme.events.items()):
        hour = timedelta(hours=1) if not event.all_day else timedelta(days=1)
        programme.events[uid] = dataclasses.replace(event, start=event.start + hour,
                                                    end=event.end + 2 * hour)
    for written in exported(programme):
        uid = str(written["UID"])
        event = programme.events[uid]
        assert lines_of(written, "DURATION") == []
        assert written["DTEND"].dt == (event.end.date() if event.all_day else event.end), uid


ALL_DAY_ENDS = {
    # uid: (its end line, the end each parser reads in the file, and in the export)
    "day-before@t": ("DTEND;VALUE=DATE:20200401", "2020-04-01", "2020-04-01"),
    "day-back@t": ("DURATION:-P2D", "2020-03-31", "2020-03-31"),
    # Equal: the day, as Google and Outlook read it (issue 15); RFC 5545 3.8.2.2 wants an
    # end after the start, and so the export writes it: each parser then reads the day.
    "day-equal@t": ("DTEND;VALUE=DATE:20200402", "2020-04-02", "2020-04-03"),
    "day-none@t": ("DURATION:P0D", "2020-04-02", "2020-04-03"),
}


def all_day_ends() -> bytes:
    return calendar(*(vevent(uid, "DTSTART;VALUE=DATE:20200402", end, f"SUMMARY:{uid}")
                      for uid, (end, _, _) in ALL_DAY_ENDS.items()))


def test_an_all_day_end_before_its_start_goes_back_as_the_file_wrote_it() -> None:
    """Read as its day, as an end equal to the start is, and written back as it came while
    the event keeps that day, as a timed event's end before its start is; once moved or
    resized, the programme's end. Each of the four parsers reads it so, before and after."""
    data = all_day_ends()
    read = read_ics(data, "d.ics")
    assert [str(note) for note in read.notes] == [
        f"d.ics: event '{uid}': it ends before it starts; read as one day"
        for uid in ("day-before@t", "day-back@t")]
    programme = imported(data)
    for uid in ALL_DAY_ENDS:
        event = programme.events[uid]
        assert event.all_day and event.start.date() == date(2020, 4, 2), uid
        assert event.end - event.start == timedelta(days=1), uid
    before = read_all(data)
    after = read_all(export_ics(programme))
    for parser in PARSERS:
        assert before[parser].errors == after[parser].errors == [], parser
        for uid, (_, original, written) in ALL_DAY_ENDS.items():
            old, new = before[parser].events[uid], after[parser].events[uid]
            assert (old.start, old.end) == ("2020-04-02", original), (parser, uid)
            assert (new.start, new.end) == ("2020-04-02", written), (parser, uid)
    text = export_ics(programme).decode()
    assert "DTEND;VALUE=DATE:20200401\r\n" in text and "DURATION:-P2D\r\n" in text
    assert "X-PLANNER" not in text and "DURATION:P0D" not in text

    # Moved a day later, the one that was written back lasts two days now.
    for uid in ("day-before@t", "day-back@t"):
        event = programme.events[uid]
        programme.events[uid] = dataclasses.replace(
            event, start=event.start + timedelta(days=1), end=event.end + timedelta(days=2))
    moved = read_all(export_ics(programme))
    for parser in PARSERS:
        for uid in ("day-before@t", "day-back@t"):
            assert (moved[parser].events[uid].start, moved[parser].events[uid].end) == (
                "2020-04-03", "2020-04-05"), (parser, uid)


def test_an_alarm_line_icalendar_cannot_read_is_kept_as_it_came() -> None:
    read = read_ics(calendar(vevent(
        "alarm@t", "DTSTART:20230122T140000Z", "DTEND:20230122T150000Z", "SUMMARY:Alarm",
        "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER;RELATED=START:PT-2H", "END:VALARM",
        "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P1W", "END:VALARM")), "a.ics")
    assert read.problems == []
    programme = imported(calendar(vevent(
        "alarm@t", "DTSTART:20230122T140000Z", "DTEND:20230122T150000Z", "SUMMARY:Alarm",
        "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER;RELATED=START:PT-2H", "END:VALARM")))
    text = export_ics(programme).decode()
    assert "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER;RELATED=START:PT-2H\r\nEND:VALARM" in text
    # Twice: the kept properties are read back once and shared between exports.
    assert export_ics(programme).decode().count("TRIGGER;RELATED=START:PT-2H") == 1


# --------------------------------------------------------------------------- RFC 5546


SERIES = vevent("call@t", "DTSTART:19970701T210000Z", "DTEND:19970701T220000Z",
                "RRULE:FREQ=MONTHLY;BYMONTHDAY=1;COUNT=4", "SUMMARY:Conference call",
                "LOCATION:Room 8", "CATEGORIES:Science", "ORGANIZER:mailto:a@example.com")
CANCEL = vevent("call@t", "RECURRENCE-ID:19970801T210000Z", "SEQUENCE:2", "STATUS:CANCELLED",
                "ORGANIZER:mailto:a@example.com")
REPLY = vevent("call@t", "RECURRENCE-ID:19970901T210000Z", "SEQUENCE:2",
               "ATTENDEE;PARTSTAT=DECLINED:mailto:b@example.com")


def check_named_occurrences(programme: Programme) -> None:
    series = programme.events["call@t"]
    cancelled, replied = series.overrides
    for override, month in ((cancelled, 8), (replied, 9)):
        assert override.start == datetime(1997, month, 1, 21, tzinfo=UTC)
        assert override.end - override.start == timedelta(hours=1)
        assert override.title == series.title and override.venue == series.venue
        assert override.track == series.track
    assert cancelled.status == "cancelled" and replied.status == series.status == "confirmed"
    assert "ATTENDEE;PARTSTAT=DECLINED:mailto:b@example.com" in replied.preserved
    cancel_written, reply_written = by_uid(exported(programme), "call@t")[1:]
    assert str(cancel_written["STATUS"]) == "CANCELLED"
    assert str(reply_written["SUMMARY"]) == "Conference call"
    assert "STATUS" not in reply_written


def test_an_occurrence_named_by_its_recurrence_id_alone_is_that_occurrence() -> None:
    """RFC 5546 lets a CANCEL (3.2.5) or REPLY (3.2.3) name one occurrence by its
    RECURRENCE-ID without DTSTART: it has the series' times and, where it says nothing, the
    series' title, place and track; a CANCEL calls it off."""
    check_named_occurrences(imported(
        calendar(SERIES) + calendar(CANCEL, method="CANCEL") + calendar(REPLY, method="REPLY")))


def test_it_finds_its_series_in_an_earlier_import() -> None:
    programme = imported(calendar(SERIES))
    check_named_occurrences(imported(calendar(CANCEL, method="CANCEL"),
                                     calendar(REPLY, method="REPLY"), programme=programme))


def test_without_its_series_it_is_skipped_with_the_reason() -> None:
    read = read_ics(calendar(CANCEL, method="CANCEL"), "cancel.ics")
    plan = plan_import(small_programme(), read.events, problems=read.problems)
    (skipped,) = plan.skipped
    assert str(skipped) == (
        "cancel.ics: event 'call@t': names an occurrence (RECURRENCE-ID without DTSTART) of a "
        "series that is neither in the file nor in the programme")
    assert plan.added == []


# --------------------------------------------------------------------------- four parsers


def test_all_four_parsers_read_the_round_trip_as_the_file(tmp_path: Path) -> None:
    """The cases above in one file, imported into a new programme and exported as the CLI
    does, read before and after by icalendar, vobject, libical and ical.js (the alarm that
    icalendar cannot read is left out: icalendar and vobject then read none of the file)."""
    path = tmp_path / "cases.ics"
    path.write_bytes(calendar(
        vevent("day@t", "DTSTART;VALUE=DATE:20200402", "DTEND;VALUE=DATE:20200403",
               "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=4", "SUMMARY:Fortnightly"),
        vevent("day@t", "RECURRENCE-ID;TZID=Europe/London:20200416T000000",
               "DTSTART;VALUE=DATE:20200417", "DTEND;VALUE=DATE:20200418", "SUMMARY:Moved"),
        vevent("mixed@t", "DTSTART:20200102T120000Z", "DURATION:PT1H",
               "RRULE:FREQ=DAILY;COUNT=3", "SUMMARY:Daily"),
        vevent("mixed@t", "DTSTART:20200103T140000Z", "DURATION:PT1H",
               "RECURRENCE-ID;VALUE=DATE:20200103", "SUMMARY:Later that day"),
        vevent("lone@t", "RECURRENCE-ID:20200714T053000", "DTSTART:20200630T073000",
               "DURATION:PT4H30M", "RRULE:FREQ=WEEKLY;UNTIL=20200925T053000",
               "SUMMARY:Work"),
        *(vevent(uid, start, end, f"SUMMARY:{uid}") for uid, (start, end) in ODD_ENDS.items()
          if uid != "huge@t"),
        vevent("again@t", "DTSTART:20200301T100000Z", "DTEND:20200301T110000Z",
               "SUMMARY:One UID", "CATEGORIES:Film"),
        vevent("again@t", "DTSTART:20200302T100000Z", "DTEND:20200302T110000Z",
               "SUMMARY:Two events", "CATEGORIES:Talk"),
    ))
    (report,) = measure([path])
    assert report.imported and report.skipped == 0
    assert report.lost == {parser: [] for parser in report.lost}
    # Every one of the file's ten events, by each parser.
    assert report.kept == dict.fromkeys(report.kept, 10) and report.ambiguous == 0


def test_vobject_reads_a_london_series_after_the_autumn_change(tmp_path: Path) -> None:
    """vobject takes a VTIMEZONE that equals UTC from 2000 to 2019 for UTC and reads the
    TZID through pytz, an hour off after a clock change: the export's zone for London
    events of 2024 starts in 2019, so that its changes there set it apart."""
    path = tmp_path / "london.ics"
    path.write_bytes(calendar(
        "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nBEGIN:STANDARD\r\nDTSTART:19701025T020000\r\n"
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\n"
        "TZOFFSETTO:+0000\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T010000\r\n"
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0000\r\n"
        "TZOFFSETTO:+0100\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n",
        vevent("weekly@t", "DTSTART;TZID=Europe/London:20241015T100000",
               "DTEND;TZID=Europe/London:20241015T110000", "RRULE:FREQ=WEEKLY;COUNT=4",
               "SUMMARY:Weekly")))
    (report,) = measure([path])
    assert report.lost == {parser: [] for parser in report.lost}
    assert report.kept == dict.fromkeys(report.kept, 1)


# --------------------------------------------------------------------------- what the corpus lacks
# Each class of event issue 15 lists that no file of the corpus has, in a small file of its
# own: imported into a new programme and exported as the CLI does, and read before and after
# by each of the four parsers, which must read the export as they read the file.

T = ("DTSTART:20200302T100000Z", "DTEND:20200302T110000Z")
BERLIN_SERIES = ("DTSTART;TZID=Europe/Berlin:20200302T100000",
                 "DTEND;TZID=Europe/Berlin:20200302T110000")


def berlin() -> str:
    return vtimezone("Europe/Berlin", 2020, 2020).to_ical().decode()


def round_trip(tmp_path: Path, *events: str) -> tuple[Programme, bytes,
                                                       dict[str, ParserResult]]:
    """The file of ``events`` imported into a new programme and exported (as the CLI does):
    the programme, the export, and what the parsers read in the export, asserted to be what
    each of them reads in the file (start, end, first occurrences, listed properties)."""
    data = calendar(*events)
    path = tmp_path / "case.ics"
    path.write_bytes(data)
    report, written = import_and_export(path, tmp_path)
    assert report.imported and report.skipped == 0 and written is not None, report.error
    programme = open_programme(tmp_path / "new.programme")
    before = read_all(data, occurrences=20)
    after = read_all(written, occurrences=20)
    for parser in PARSERS:
        assert after[parser].errors == before[parser].errors, parser
        assert after[parser].events == before[parser].events, parser
    return programme, written, after


def utc_times(event: Event) -> list[tuple[str, str]]:
    return [(f"{start.astimezone(UTC):%d %H:%M}", f"{end.astimezone(UTC):%d %H:%M}")
            for start, end in occurrences(event)]


def test_rdate_periods_keep_their_ends(tmp_path: Path) -> None:
    """Both forms of a PERIOD (start/end and start/duration), in UTC and in a zone. Radicale
    refuses RDATE PERIOD (see the sync notes); a file may have it, and gets it back."""
    programme, written, after = round_trip(
        tmp_path, berlin(),
        vevent("p@t", *T, "RDATE;VALUE=PERIOD:20200305T140000Z/20200305T170000Z,"
               "20200306T090000Z/PT30M", "SUMMARY:Periods"),
        vevent("pz@t", *BERLIN_SERIES,
               "RDATE;VALUE=PERIOD;TZID=Europe/Berlin:20200305T150000/PT2H",
               "SUMMARY:Period in Berlin"))
    assert utc_times(programme.events["p@t"]) == [
        ("02 10:00", "02 11:00"), ("05 14:00", "05 17:00"), ("06 09:00", "06 09:30")]
    assert utc_times(programme.events["pz@t"]) == [("02 09:00", "02 10:00"),
                                                   ("05 14:00", "05 16:00")]
    # What the parsers see of it: the starts (their harness has no ends of occurrences;
    # vobject does not expand a PERIOD, ical.js lists the occurrences after DTSTART).
    assert after["libical"].events["p@t"].occurrences == [
        "2020-03-02T10:00:00Z", "2020-03-05T14:00:00Z", "2020-03-06T09:00:00Z"]
    assert after["icalendar"].events["pz@t"].occurrences == [
        "2020-03-02T09:00:00Z", "2020-03-05T14:00:00Z"]
    lines = written.decode().replace("\r\n ", "")
    assert "RDATE;VALUE=PERIOD:20200305T140000Z/20200305T170000Z,20200306T090000Z/" \
           "20200306T093000Z\r\n" in lines
    assert "RDATE;TZID=Europe/Berlin;VALUE=PERIOD:20200305T150000/20200305T170000\r\n" \
           in lines


def test_an_exdate_removes_an_rdate(tmp_path: Path) -> None:
    programme, _, after = round_trip(
        tmp_path,
        vevent("x@t", *T, "RDATE:20200305T100000Z,20200306T100000Z",
               "EXDATE:20200305T100000Z", "SUMMARY:Dates"),
        vevent("xr@t", *T, "RRULE:FREQ=DAILY;COUNT=2", "RDATE:20200310T100000Z",
               "EXDATE:20200310T100000Z,20200303T100000Z", "SUMMARY:Rule and dates"),
        vevent("xd@t", "DTSTART;VALUE=DATE:20200302", "DTEND;VALUE=DATE:20200303",
               "RDATE;VALUE=DATE:20200305,20200306", "EXDATE;VALUE=DATE:20200305",
               "SUMMARY:Days"))
    assert [start.day for start, _ in occurrences(programme.events["xd@t"])] == [2, 6]
    assert utc_times(programme.events["x@t"]) == [("02 10:00", "02 11:00"),
                                                  ("06 10:00", "06 11:00")]
    assert utc_times(programme.events["xr@t"]) == [("02 10:00", "02 11:00")]
    for parser in ("icalendar", "vobject", "libical"):
        assert after[parser].events["x@t"].occurrences == [
            "2020-03-02T10:00:00Z", "2020-03-06T10:00:00Z"], parser
        assert after[parser].events["xr@t"].occurrences == ["2020-03-02T10:00:00Z"], parser


def test_several_rrules_in_one_event(tmp_path: Path) -> None:
    """RFC 5545 3.8.5.3: DTSTART counts as the first occurrence of each rule, so the daily
    rule's COUNT=2 is DTSTART and 15:00 that day (dateutil and libical count it apart)."""
    programme, written, after = round_trip(
        tmp_path, vevent("r@t", *T, "RRULE:FREQ=WEEKLY;COUNT=3",
                         "RRULE:FREQ=DAILY;COUNT=2;BYHOUR=15", "SUMMARY:Two rules"))
    assert utc_times(programme.events["r@t"]) == [
        ("02 10:00", "02 11:00"), ("02 15:00", "02 16:00"), ("09 10:00", "09 11:00"),
        ("16 10:00", "16 11:00")]
    (event,) = exported_from(written)
    assert lines_of(event, "RRULE") == ["RRULE:FREQ=WEEKLY;COUNT=3",
                                        "RRULE:FREQ=DAILY;COUNT=2;BYHOUR=15"]
    assert after["libical"].events["r@t"].occurrences == [
        "2020-03-02T10:00:00Z", "2020-03-02T15:00:00Z", "2020-03-03T15:00:00Z",
        "2020-03-09T10:00:00Z", "2020-03-16T10:00:00Z"]


def test_a_this_and_future_override_moves_the_rest_of_the_series(tmp_path: Path) -> None:
    programme, written, after = round_trip(
        tmp_path, berlin(),
        vevent("f@t", *BERLIN_SERIES, "RRULE:FREQ=DAILY;COUNT=5", "SUMMARY:Daily"),
        vevent("f@t", "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20200304T100000",
               "DTSTART;TZID=Europe/Berlin:20200304T120000",
               "DTEND;TZID=Europe/Berlin:20200304T130000", "SUMMARY:Later from now on"),
        vevent("d@t", "DTSTART;VALUE=DATE:20200302", "DTEND;VALUE=DATE:20200303",
               "RRULE:FREQ=DAILY;COUNT=4", "SUMMARY:Days"),
        vevent("d@t", "RECURRENCE-ID;RANGE=THISANDFUTURE;VALUE=DATE:20200303",
               "DTSTART;VALUE=DATE:20200304", "DTEND;VALUE=DATE:20200305",
               "SUMMARY:A day later from now on"))
    assert [start.day for start, _ in occurrences(programme.events["d@t"])] == [2, 4, 5, 6]
    assert utc_times(programme.events["f@t"]) == [
        ("02 09:00", "02 10:00"), ("03 09:00", "03 10:00"), ("04 11:00", "04 12:00"),
        ("05 11:00", "05 12:00"), ("06 11:00", "06 12:00")]
    (_, override) = by_uid(exported_from(written), "f@t")
    assert lines_of(override, "RECURRENCE-ID") == [
        "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20200304T100000"]
    for parser in PARSERS:
        assert after[parser].events["f@t|2020-03-04T09:00:00Z"].start == \
            "2020-03-04T11:00:00Z", parser


def test_an_until_date_on_a_timed_series_stays_a_date(tmp_path: Path) -> None:
    """RFC 5545 3.3.10 wants UNTIL of DTSTART's type; the parsers each read a DATE their way
    (dateutil refuses it, vobject takes the whole day, libical and ical.js its midnight), so
    it goes back out as it came and each reads the export as it read the file."""
    programme, written, after = round_trip(
        tmp_path, berlin(),
        vevent("u@t", *BERLIN_SERIES, "RRULE:FREQ=DAILY;UNTIL=20200305", "SUMMARY:Until"))
    assert len(utc_times(programme.events["u@t"])) == 4  # the whole of 5 March
    (event,) = exported_from(written)
    assert lines_of(event, "RRULE") == ["RRULE:FREQ=DAILY;UNTIL=20200305"]
    assert len(after["vobject"].events["u@t"].occurrences) == 4
    assert len(after["libical"].events["u@t"].occurrences) == 3


def test_kept_properties_come_back_with_their_parameters(tmp_path: Path) -> None:
    """X- properties with parameters, ATTACH with a binary value, GEO, CONTACT, several
    CATEGORIES lines, and VALARMs of each ACTION: each parser lists them alike before and
    after (see support.parsers.LISTED); their parameters, some of which the parsers' lists
    leave out, are in the export as the file had them."""
    alarms = (
        "BEGIN:VALARM", "ACTION:EMAIL", "TRIGGER;RELATED=END:-PT15M", "SUMMARY:Reminder",
        "DESCRIPTION:Mail body", "ATTENDEE:mailto:john@example.com",
        "ATTENDEE;CN=Jane:mailto:jane@example.com", "END:VALARM",
        "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER;VALUE=DATE-TIME:20200302T090000Z",
        "DESCRIPTION:Ten to", "REPEAT:2", "DURATION:PT5M", "X-WR-ALARMUID;X-A=b:1",
        "END:VALARM",
        "BEGIN:VALARM", "ACTION:AUDIO", "TRIGGER:-PT1H",
        "ATTACH;FMTTYPE=audio/basic:ftp://example.com/pub/sounds/bell-01.aud", "END:VALARM")
    binary = "SGVsbG8gd29ybGQsIGEgbG9uZ2VyIGF0dGFjaG1lbnQgdGhhbiBvbmUgbGluZSBob2xkcy4="
    programme, written, after = round_trip(
        tmp_path,
        vevent("k@t", *T, "SUMMARY:Kept", "LOCATION:Nowhere known",
               "X-FOO;X-BAR=baz;LANGUAGE=de:some value", 'X-QUOTED;X-A="q;uoted":v',
               f"ATTACH;FMTTYPE=text/plain;ENCODING=BASE64;VALUE=BINARY:{binary}",
               "ATTACH:https://example.com/x.pdf", "GEO:37.386013;-122.082932",
               'CONTACT;ALTREP="ldap://example.com:6666/o=ABC":Jim Dolittle\\, ABC',
               "CONTACT:Other", "CATEGORIES:APPOINTMENT,EDUCATION", "CATEGORIES:MEETING",
               "CATEGORIES;LANGUAGE=de:Treffen,Kurs", *alarms),
        # A VALUE RFC 5545 does not give CATEGORIES: icalendar reads it as a URI.
        vevent("u@t", *T, "SUMMARY:URI", "CATEGORIES;VALUE=URI:http://example.com/c",
               "CATEGORIES:Film"),
        vevent("g@t", *T, "SUMMARY:Elsewhere", "LOCATION:Nowhere known",
               "GEO:1.5;2.5"))
    for parser in PARSERS:
        listed = after[parser].events["k@t"].properties
        assert sorted(listed) == ["ATTACH", "CATEGORIES", "CONTACT", "GEO", "VALARM",
                                  "X-FOO", "X-QUOTED"], parser
        assert listed["CATEGORIES"] == [
            "APPOINTMENT", "EDUCATION", "Kurs", "MEETING", "Treffen"], parser
        assert len(listed["VALARM"]) == 3 and len(listed["ATTACH"]) == 2, parser
        (geo,) = after[parser].events["g@t"].properties["GEO"]  # libical: 1.500000
        assert [float(x) for x in geo.lstrip(":").split(";")] == [1.5, 2.5], parser
    # The place the first event gave the venue is not the second's (see planner.ics).
    assert programme.venues[programme.events["g@t"].venue].lat == 37.386013
    (event,) = by_uid(exported_from(written), "k@t")
    text = event.to_ical().decode().replace("\r\n ", "")
    for line in (
            "X-FOO;LANGUAGE=de;X-BAR=baz:some value", 'X-QUOTED;X-A="q;uoted":v',
            f"ATTACH;ENCODING=BASE64;FMTTYPE=text/plain;VALUE=BINARY:{binary}",
            "CATEGORIES:APPOINTMENT,EDUCATION,MEETING", "CATEGORIES;LANGUAGE=de:Treffen,Kurs",
            "TRIGGER;RELATED=END:-PT15M", "ATTENDEE;CN=Jane:mailto:jane@example.com",
            "X-WR-ALARMUID;X-A=b:1", "TRIGGER;VALUE=DATE-TIME:20200302T090000Z",
            "ATTACH;FMTTYPE=audio/basic:ftp://example.com/pub/sounds/bell-01.aud"):
        assert f"\r\n{line}\r\n" in text, line
    # (icalendar would read the export's line as it reads the file's: the raw text.)
    assert "\r\nCATEGORIES:Film\r\nCATEGORIES;VALUE=URI:http://example.com/c\r\n" in \
        written.decode()
