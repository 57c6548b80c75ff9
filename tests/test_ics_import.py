"""ICS import: files as Google, Outlook, Apple and Thunderbird write them, merging by UID,
bad input refused whole, and the export-import-export round trip."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from factories import at, event, small_programme
from ics_programmes import berlin_programme, vevents

from planner.builtin import load_builtin
from planner.cli import main
from planner.ics import IcsError, export_ics, read_ics
from planner.importing import ImportPlan, apply_plan, plan_import, revert_plan
from planner.model import Programme, Texts
from planner.recurrence import occurrences
from planner.store import open_programme, save_new
from planner.windows_zones import iana_zone_name

DATA = Path(__file__).parent / "data"
NOW = datetime(2019, 3, 20, 12, 0, tzinfo=UTC)


def utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def z(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def plan_file(name: str, programme: Programme | None = None) -> tuple[Programme, ImportPlan]:
    programme = programme or small_programme()
    read = read_ics((DATA / name).read_bytes(), name)
    plan = plan_import(programme, read.events, problems=read.problems)
    assert plan.skipped == []
    apply_plan(programme, plan)
    return programme, plan


# --------------------------------------------------------------------------- client files


def test_google() -> None:
    """UTC times, X-WR-TIMEZONE, escaped text, folded lines, all-day, RRULE+EXDATE,
    a cancelled event."""
    p, plan = plan_file("google.ics")
    assert plan.counts == {"added": 4, "updated": 0, "unchanged": 0, "skipped": 0}
    msk = ZoneInfo("Europe/Moscow")
    table = p.events["3q8fj2k1l0v9c7m5n4b6x2z1aa@google.com"]
    # A UTC time lands in the programme's zone at the same instant.
    assert table.start == datetime(2019, 4, 4, 10, 0, tzinfo=msk) and table.zone == msk
    assert utc(table.end) == z(2019, 4, 4, 8, 30)
    assert table.title.en == "Round table, digital economy"
    assert table.description.en == (
        "Round table with partners from Düsseldorf, Köln and St. Petersburg.\n"
        "Moderation: Anna Beispiel; in German and Russian."
    )
    assert table.venue == "goethe"
    assert table.last_modified == z(2019, 3, 10, 10, 15)
    excursion = p.events["0a1b2c3d4e5f6g7h8i9j0k1l2m@google.com"]
    assert excursion.all_day
    assert (excursion.start, excursion.end) == (at(6, 0), at(7, 0))
    coffee = p.events["7r6e5w4q3a2s1d0f9g8h7j6k5l@google.com"]
    assert coffee.venue == "petri" and coffee.sequence == 1
    assert [s for s, _ in occurrences(coffee)] == [at(5, 9), at(6, 9), at(8, 9), at(9, 9)]
    film = p.events["9z8y7x6w5v4u3t2s1r0q9p8o7n@google.com"]
    assert film.status == "cancelled" and film.sequence == 2


def test_outlook_windows_zone_names_and_byte_order_mark() -> None:
    p, plan = plan_file("outlook.ics")
    assert plan.counts["added"] == 3
    events = sorted(p.events.values(), key=lambda e: e.start)
    reception, call, open_day = events
    # "Russian Standard Time" is Moscow; "W. Europe Standard Time" is Berlin (kept as such).
    assert reception.zone.key == "Europe/Moscow"
    assert utc(reception.start) == z(2019, 4, 5, 11)
    assert call.zone.key == "Europe/Berlin"
    assert utc(call.start) == z(2019, 4, 8, 8) and utc(call.end) == z(2019, 4, 8, 9)
    assert call.title.de == "Videokonferenz mit Düsseldorf"
    assert call.track == "business"  # CATEGORIES "Wirtschaft": the German name
    assert reception.track == "business" and reception.venue == "petri"
    # Outlook's long UID, folded over two lines in the file, comes back whole.
    assert reception.uid.startswith("040000008200E00074C5B7101A82E008")
    assert len(reception.uid) == 112
    assert open_day.all_day and open_day.start.date() == date(2019, 4, 9)


def test_apple_lf_line_ends_floating_times_and_multiline_location() -> None:
    p, plan = plan_file("apple.ics")
    assert plan.counts["added"] == 3
    concert = p.events["5E2F4A1B-8C3D-4E6F-9A0B-1C2D3E4F5A6B"]
    assert utc(concert.start) == z(2019, 4, 7, 16) and concert.sequence == 3
    assert concert.venue == "petri"  # "Petrikirche\nNevsky Prospekt 22-24"
    walk = p.events["7A4B6C3D-0E5F-4A81-9C2D-3E4F5A6B7C8D"]
    # Floating 15:00 with X-WR-TIMEZONE:Europe/Moscow.
    assert utc(walk.start) == z(2019, 4, 6, 12)
    fair = p.events["6F3A5B2C-9D4E-4F70-8B1C-2D3E4F5A6B7C"]
    assert fair.all_day and fair.track == "culture"  # CATEGORIES "Kultur"
    assert (fair.start.date(), fair.end.date()) == (date(2019, 4, 3), date(2019, 4, 5))


def test_thunderbird_berlin_repeat_with_exdate_and_new_venue() -> None:
    p, plan = plan_file("thunderbird.ics")
    cafe = p.events["a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"]
    assert cafe.zone.key == "Europe/Berlin"
    assert cafe.title.en == "Sprachcafé: Deutsch; Русский"
    assert cafe.description.ru == (
        "Разговорный клуб для всех, кто изучает немецкий язык. Приходите!"
    )
    assert [utc(s) for s, _ in occurrences(cafe)] == [
        z(2019, 4, d, 14) for d in (3, 4, 6, 7)
    ]
    reading = p.events["b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e"]
    assert [v.name.en for v in plan.venues] == ["Haus der Bücher, Nevsky Prospekt 28"]
    assert reading.venue == plan.venues[0].id == "haus-der-bucher"
    assert reading.track == "general" and [t.id for t in plan.tracks] == ["general"]


@pytest.mark.parametrize(
    ("tzid", "zone"),
    [
        ("Russian Standard Time", "Europe/Moscow"),
        ("W. Europe Standard Time", "Europe/Berlin"),
        ("Romance Standard Time", "Europe/Paris"),
        ("Eastern Standard Time", "America/New_York"),
        ("(UTC+03:00) Moscow, St. Petersburg", "Europe/Moscow"),
        ("/mozilla.org/20050126_1/Europe/Berlin", "Europe/Berlin"),
        ("Europe/Moscow", "Europe/Moscow"),
        ("Etc/UTC", "UTC"),
        ("Mars/Olympus_Mons", None),
    ],
)
def test_zone_names(tzid: str, zone: str | None) -> None:
    assert iana_zone_name(tzid) == zone


def calendar_bytes(*events: str, header: str = "") -> bytes:
    body = "".join(events)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + header + body
        + "END:VCALENDAR\r\n"
    ).encode()


def vevent(uid: str, start: str = "DTSTART:20190404T070000Z",
           end: str = "DTEND:20190404T080000Z", *extra: str) -> str:
    lines = ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20190301T000000Z", start, end,
             f"SUMMARY:Event {uid}", *extra, "END:VEVENT"]
    return "".join(line + "\r\n" for line in lines if line)


def test_windows_zone_without_vtimezone() -> None:
    data = calendar_bytes(vevent("w@t", "DTSTART;TZID=Russian Standard Time:20190404T100000",
                                 "DTEND;TZID=Russian Standard Time:20190404T110000"))
    read = read_ics(data, "w.ics")
    plan = plan_import(small_programme(), read.events)
    (e,) = plan.added
    assert e.zone.key == "Europe/Moscow" and utc(e.start) == z(2019, 4, 4, 7)


def test_venue_and_track_matched_in_any_language() -> None:
    p = small_programme()
    p.venues["goethe"] = dataclasses.replace(p.venues["goethe"],
                                             name=Texts("Goethe-Institut", "", "Гёте-Институт"))
    data = calendar_bytes(vevent("v@t", "DTSTART:20190404T070000Z", "DTEND:20190404T080000Z",
                                 "LOCATION:гёте-институт", "CATEGORIES:Культура"))
    plan = plan_import(p, read_ics(data, "v.ics").events)
    (e,) = plan.added
    assert (e.venue, e.track) == ("goethe", "culture")
    assert plan.venues == [] and plan.tracks == []


def test_new_track_takes_the_files_colour() -> None:
    data = calendar_bytes(vevent("c@t", "DTSTART:20190404T070000Z", "DTEND:20190404T080000Z",
                                 "CATEGORIES:Film", "COLOR:darkorange"))
    plan = plan_import(small_programme(), read_ics(data, "c.ics").events)
    assert [(t.id, t.name.en, t.colour) for t in plan.tracks] == [("film", "Film", "#ff8c00")]


def test_a_changed_occurrence_joins_its_series() -> None:
    data = calendar_bytes(
        vevent("r@t", "DTSTART;TZID=Europe/Moscow:20190404T100000",
               "DTEND;TZID=Europe/Moscow:20190404T110000", "RRULE:FREQ=DAILY;COUNT=3"),
        vevent("r@t", "DTSTART;TZID=Europe/Moscow:20190405T150000",
               "DTEND;TZID=Europe/Moscow:20190405T160000",
               "RECURRENCE-ID;TZID=Europe/Moscow:20190405T100000"),
    )
    plan = plan_import(small_programme(), read_ics(data, "r.ics").events)
    (series,) = plan.added
    assert series.uid == "r@t"
    (changed,) = series.overrides
    assert changed.recurrence_id is not None and changed.recurrence_id.start == at(5, 10)
    assert [s for s, _ in occurrences(series)] == [at(4, 10), at(5, 15), at(6, 10)]


# --------------------------------------------------------------------------- merging


def write_programme(tmp_path: Path, programme: Programme | None = None) -> Path:
    path = tmp_path / "p.programme"
    save_new(path, programme or small_programme())
    return path


def run_import(*args: str) -> int:
    return main(["import", *args])


def test_reimport_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_programme(tmp_path)
    files = [str(DATA / n) for n in ("google.ics", "outlook.ics", "apple.ics",
                                     "thunderbird.ics")]
    assert run_import(*files, "-p", str(path)) == 0
    assert "12 added, 0 updated, 0 unchanged" in capsys.readouterr().out
    first = open_programme(path)
    before = path.read_bytes()
    assert run_import(*files, "-p", str(path)) == 0
    assert "0 added, 0 updated, 12 unchanged" in capsys.readouterr().out
    assert open_programme(path) == first
    assert path.read_bytes() == before


def sequenced(uid: str, sequence: int, modified: str, title: str, start: str) -> bytes:
    return calendar_bytes(vevent(
        uid, f"DTSTART;TZID=Europe/Moscow:{start}", "DURATION:PT1H",
        f"SEQUENCE:{sequence}", f"LAST-MODIFIED:{modified}",
    ).replace(f"SUMMARY:Event {uid}", f"SUMMARY:{title}"))


@pytest.mark.parametrize(
    ("sequence", "modified", "updates"),
    [
        (1, "20190301T000000Z", True),   # higher SEQUENCE
        (0, "20190302T000000Z", True),   # same SEQUENCE, later modification
        (0, "20190301T000000Z", False),  # same SEQUENCE, same modification
        (0, "20190228T000000Z", False),  # same SEQUENCE, earlier modification
    ],
)
def test_update_by_sequence(sequence: int, modified: str, updates: bool) -> None:
    p = small_programme()
    first = read_ics(sequenced("s@t", 0, "20190301T000000Z", "Old", "20190404T100000"), "a.ics")
    apply_plan(p, plan_import(p, first.events))
    second = read_ics(sequenced("s@t", sequence, modified, "New", "20190404T120000"), "b.ics")
    plan = plan_import(p, second.events)
    assert (len(plan.updated), len(plan.unchanged)) == ((1, 0) if updates else (0, 1))
    apply_plan(p, plan)
    e = p.events["s@t"]
    assert (e.title.en, e.start) == (("New", at(4, 12)) if updates else ("Old", at(4, 10)))
    assert e.sequence == sequence if updates else e.sequence == 0


def test_lower_sequence_never_updates() -> None:
    p = small_programme()
    apply_plan(p, plan_import(p, read_ics(
        sequenced("s@t", 4, "20190301T000000Z", "Newer", "20190404T100000"), "a.ics").events))
    plan = plan_import(p, read_ics(
        sequenced("s@t", 3, "20190310T000000Z", "Older", "20190404T120000"), "b.ics").events)
    assert plan.updated == [] and plan.unchanged == ["s@t"]


def test_update_keeps_translations_the_file_repeats() -> None:
    p = small_programme()
    p.events["e1@test"] = event(last_modified=datetime(2019, 3, 1, tzinfo=UTC))
    data = sequenced("e1@test", 1, "20190302T000000Z", "Title", "20190404T110000")
    plan = plan_import(p, read_ics(data, "u.ics").events)
    ((old, new),) = plan.updated
    assert new.title == old.title == Texts("Titel", "Title", "Название")
    assert new.start == at(4, 11)


def test_apply_and_revert() -> None:
    p = small_programme()
    p.events["e1@test"] = event()
    original = p.copy()
    read = read_ics((DATA / "thunderbird.ics").read_bytes(), "t.ics")
    plan = plan_import(p, [*read.events, *read_ics(
        sequenced("e1@test", 1, "20190302T000000Z", "Changed", "20190404T110000"), "u").events])
    changes = apply_plan(p, plan)
    assert changes.events == {"e1@test", *(e.uid for e in read.events)}
    assert changes.venues == {"haus-der-bucher", "tba"} and changes.tracks == {"general"}
    assert p != original
    undo = revert_plan(p, plan)
    assert p == original
    assert undo.removed_events == {e.uid for e in read.events}
    assert undo.events == {"e1@test"}


# --------------------------------------------------------------------------- bad input

BAD = {
    "unparseable": (b"this is not a calendar\r\n", "not an iCalendar file"),
    # A changed occurrence without a start whose series is nowhere (one without
    # RECURRENCE-ID waits in Unscheduled, see
    # test_an_event_without_a_start_waits_in_unscheduled; one whose series is there is that
    # occurrence, see test_an_occurrence_named_by_its_recurrence_id_alone).
    "no start": (calendar_bytes(vevent("nostart@t", "", "DTEND:20190404T080000Z",
                                       "RECURRENCE-ID:20190404T070000Z")),
                 "event 'nostart@t': names an occurrence (RECURRENCE-ID without DTSTART) of "
                 "a series that is neither in the file nor in the programme"),
    "impossible date": (
        calendar_bytes(vevent("feb30@t", "DTSTART:20190230T100000Z", "DTEND:20190230T110000Z")),
        "event 'feb30@t': DTSTART '20190230T100000Z' is not a valid date or time"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_strict_refuses_bad_input_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    data, message = BAD[case]
    path = write_programme(tmp_path)
    before = path.read_bytes()
    bad = tmp_path / "bad.ics"
    good = DATA / "google.ics"
    if case == "unparseable":
        bad.write_bytes(data)
    else:
        # A good event beside the bad one: nothing of the file is imported.
        good_event = vevent("fine@t")
        bad.write_bytes(data.replace(b"END:VCALENDAR", good_event.encode() + b"END:VCALENDAR"))
    assert run_import(str(good), str(bad), "-p", str(path), "--strict") == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {bad}") and err.count("\n") == 1
    assert message in err
    assert path.read_bytes() == before


def test_by_default_every_good_event_comes_in_and_each_bad_one_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As Thunderbird imports: the file, the UID and why, for each event left out."""
    path = write_programme(tmp_path)
    bad = tmp_path / "mixed.ics"
    bad.write_bytes(calendar_bytes(
        vevent("ok@t"),
        vevent("nostart@t", "", "DTEND:20190404T080000Z", "RECURRENCE-ID:20190404T070000Z"),
        vevent("feb30@t", "DTSTART:20190230T100000Z", "DTEND:20190230T110000Z"),
        # Ends before it starts: an instant at its start, and a note says so.
        vevent("back@t", "DTSTART:20190404T080000Z", "DTEND:20190404T070000Z"),
        # A zone nobody knows, and no VTIMEZONE: the programme's zone, and a note.
        vevent("tz@t", "DTSTART;TZID=Mars/Base:20190404T100000",
               "DTEND;TZID=Mars/Base:20190404T110000"),
        # After the programme's days: the days grow.
        vevent("late@t", "DTSTART:20190501T070000Z", "DTEND:20190501T080000Z"),
    ))
    assert run_import(str(bad), "-p", str(path)) == 0
    out = capsys.readouterr().out
    assert f"skipped: {bad}: event 'nostart@t': names an occurrence (RECURRENCE-ID " \
        "without DTSTART) of a series that is neither in the file nor in the programme" in out
    assert f"skipped: {bad}: event 'feb30@t': DTSTART '20190230T100000Z'" in out
    assert f"note: {bad}: event 'back@t': it ends before it starts" in out
    assert f"note: {bad}: unknown time zone 'Mars/Base', read in the programme's zone" in out
    assert "note: the programme's days now run from 2019-04-03 to 2019-05-01 (were " \
        "2019-04-03 to 2019-04-10)" in out
    assert out.endswith(f"updated {path}: 4 added, 0 updated, 0 unchanged, 2 skipped\n")
    programme = open_programme(path)
    assert sorted(programme.events) == ["back@t", "late@t", "ok@t", "tz@t"]
    back = programme.events["back@t"]
    assert back.start == back.end == at(4, 11)
    assert programme.events["tz@t"].start == at(4, 10)
    assert programme.last_day == date(2019, 5, 1)
    # The old option is still taken, and changes nothing.
    assert run_import(str(bad), "-p", str(path), "--skip-invalid") == 0
    assert "0 added, 0 updated, 4 unchanged, 2 skipped" in capsys.readouterr().out


def test_a_file_with_no_event_to_import_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_programme(tmp_path)
    before = path.read_bytes()
    todo = tmp_path / "todo.ics"
    todo.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTODO\r\nUID:t\r\n"
                     b"END:VTODO\r\nEND:VCALENDAR\r\n")
    assert run_import(str(todo), "-p", str(path)) == 2
    assert capsys.readouterr().err == f"error: {todo}: no event to import\n"
    nostart = tmp_path / "nostart.ics"
    nostart.write_bytes(calendar_bytes(vevent("n@t", "", "", "RECURRENCE-ID:20190404T070000Z")))
    assert run_import(str(nostart), "-p", str(path)) == 2
    assert capsys.readouterr().err == (
        f"error: {nostart}: no event can be imported (first: {nostart}: event 'n@t': names "
        "an occurrence (RECURRENCE-ID without DTSTART) of a series that is neither in the file "
        "nor in the programme)\n")
    assert path.read_bytes() == before


def test_read_ics_refuses_non_calendars() -> None:
    for data in (b"", b"BEGIN:VTODO\r\nUID:x\r\nEND:VTODO\r\n", b"\xff\xfe\x00", b"Hello"):
        with pytest.raises(IcsError, match="^x.ics: "):
            read_ics(data, "x.ics")
    # Events without the VCALENDAR around them are read (khal keeps them so).
    bare = read_ics(b"BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20190404T100000Z\r\nEND:VEVENT\r\n",
                    "x.ics")
    assert [e.uid for e in bare.events] == ["x"]


# --------------------------------------------------------------------------- new programmes


def test_import_creates_the_programme_with_zone_and_days(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.programme"
    assert run_import(str(DATA / "google.ics"), "-p", str(path)) == 0
    assert "created" in capsys.readouterr().out
    p = open_programme(path)
    assert p.timezone == "Europe/Moscow"
    assert (p.first_day, p.last_day) == (date(2019, 4, 4), date(2019, 4, 9))
    assert p.name.en == "German Week (shared)"
    assert len(p.events) == 4


def test_zone_of_a_new_programme_from_tzids(tmp_path: Path) -> None:
    path = tmp_path / "new.programme"
    assert run_import(str(DATA / "thunderbird.ics"), "-p", str(path)) == 0
    p = open_programme(path)
    assert p.timezone == "Europe/Berlin"
    assert (p.first_day, p.last_day) == (date(2019, 4, 3), date(2019, 4, 9))


def test_round_trip_builtin(tmp_path: Path) -> None:
    """Export, import into a new programme, export again: the same events."""
    first = tmp_path / "first.ics"
    assert main(["export", "-o", str(first)]) == 0
    path = tmp_path / "copy.programme"
    assert run_import(str(first), "-p", str(path)) == 0
    second = tmp_path / "second.ics"
    assert main(["export", "-p", str(path), "-o", str(second)]) == 0
    one, two = vevents(first.read_bytes()), vevents(second.read_bytes())
    assert list(one) == list(two) and len(one) == len(load_builtin().events)
    for uid, a in one.items():
        b = two[uid]
        for name in ("DTSTART", "DTEND", "SUMMARY", "LOCATION", "RRULE", "EXDATE", "GEO",
                     "STATUS", "SEQUENCE", "LAST-MODIFIED", "CATEGORIES", "DESCRIPTION"):
            assert (a.get(name) and a[name].to_ical()) == (b.get(name) and b[name].to_ical()), (
                uid, name)

    def body(data: bytes) -> list[bytes]:
        return [line for line in data.splitlines() if not line.startswith(b"DTSTAMP")]
    assert body(first.read_bytes()) == body(second.read_bytes())


def test_round_trip_berlin_with_all_kinds_of_events() -> None:
    p = berlin_programme()
    data = export_ics(p, now=NOW)
    read = read_ics(data, "b.ics")
    target = berlin_programme()
    target.events.clear()
    plan = plan_import(target, read.events, problems=read.problems)
    assert plan.skipped == []
    apply_plan(target, plan)
    again = export_ics(target, now=NOW)
    assert [e["UID"] for e in icalendar.Calendar.from_ical(again).walk("VEVENT")] == [
        e["UID"] for e in icalendar.Calendar.from_ical(data).walk("VEVENT")
    ]
    for uid, old in p.events.items():
        new = target.events[uid]
        assert (utc(new.start), utc(new.end), new.all_day, new.status) == (
            utc(old.start), utc(old.end), old.all_day, old.status), uid
        assert [utc(s) for s, _ in occurrences(new)] == [utc(s) for s, _ in occurrences(old)]


def test_custom_tzid_defined_only_by_its_vtimezone() -> None:
    """A zone name no database knows is read by the file's own VTIMEZONE (here +05:00 all
    year): an IANA zone with the same offsets stands in."""
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Office time\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        "TZOFFSETFROM:+0500\r\nTZOFFSETTO:+0500\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    )
    data = calendar_bytes(vevent("o@t", "DTSTART;TZID=Office time:20190404T120000",
                                 "DTEND;TZID=Office time:20190404T130000"), header=zone)
    (e,) = plan_import(small_programme(), read_ics(data, "o.ics").events).added
    assert utc(e.start) == z(2019, 4, 4, 7)
    assert e.start.utcoffset() == datetime(2019, 7, 1, tzinfo=e.zone).utcoffset()


def test_floating_time_without_calendar_zone_is_the_programmes() -> None:
    data = calendar_bytes(vevent("f@t", "DTSTART:20190404T120000", "DTEND:20190404T130000"))
    (e,) = plan_import(small_programme("Europe/Berlin"), read_ics(data, "f.ics").events).added
    assert e.zone.key == "Europe/Berlin" and utc(e.start) == z(2019, 4, 4, 10)


def test_extra_dates_stay_part_of_the_series() -> None:
    data = calendar_bytes(vevent(
        "rd@t", "DTSTART;TZID=Europe/Moscow:20190404T100000", "DURATION:PT90M",
        "RDATE;TZID=Europe/Moscow:20190406T150000,20190404T100000",
    ))
    (e,) = plan_import(small_programme(), read_ics(data, "rd.ics").events).added
    assert e.uid == "rd@t" and e.recurrence is not None
    assert occurrences(e) == [(at(4, 10), at(4, 11, 30)), (at(6, 15), at(6, 16, 30))]


def test_new_venues_keep_name_and_address_apart(tmp_path: Path) -> None:
    """Apple's structured location (which our export writes) names the venue to create."""
    first = tmp_path / "first.ics"
    assert main(["export", "-o", str(first)]) == 0
    path = tmp_path / "copy.programme"
    assert run_import(str(first), "-p", str(path)) == 0
    created = {(v.name.en, v.address, v.lat, v.lon) for v in open_programme(path).venues.values()}
    builtin = load_builtin()
    used = {e.venue for e in builtin.events.values()}
    assert created == {(v.name.en, v.address, v.lat, v.lon)
                       for v in builtin.venues.values() if v.id in used}


def test_apply_and_revert_through_the_store(tmp_path: Path) -> None:
    """What an undoable import command does: write the plan's changes, then the undo's."""
    from planner.store import ProgrammeStore

    path = tmp_path / "p.programme"
    original = small_programme()
    original.events["e1@test"] = event()
    save_new(path, original)
    read = read_ics((DATA / "thunderbird.ics").read_bytes(), "t.ics")
    update = read_ics(sequenced("e1@test", 1, "20190302T000000Z", "Changed", "20190404T110000"),
                      "u.ics")
    with ProgrammeStore.open(path) as store:
        p = store.load()
        plan = plan_import(p, [*read.events, *update.events])
        store.write(p, apply_plan(p, plan))
        assert store.load() == p and len(p.events) == 3
        store.write(p, revert_plan(p, plan))
        assert store.load() == p == original


def test_events_without_place_or_category_go_to_placeholders() -> None:
    """An event without LOCATION or CATEGORIES gets a "To be announced" venue and a
    "General" track, created once, under ids the programme does not use yet."""
    from planner.model import Track, Venue

    p = small_programme()
    p.venues["tba"] = Venue("tba", Texts.same("Tanzbar"))
    p.tracks["general"] = Track("general", Texts.same("General assembly"), "#000000")
    data = calendar_bytes(vevent("n1@t"), vevent("n2@t", "DTSTART:20190405T070000Z",
                                                 "DTEND:20190405T080000Z"))
    plan = plan_import(p, read_ics(data, "n.ics").events)
    assert [(v.id, v.name.en) for v in plan.venues] == [("tba-2", "To be announced")]
    assert [(t.id, t.name.en) for t in plan.tracks] == [("general-2", "General")]
    assert {(e.venue, e.track) for e in plan.added} == {("tba-2", "general-2")}


def test_a_programme_never_grows_past_its_longest_and_says_what_lies_outside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A programme lasts at most 366 days: the import takes the run of days where most
    events are, and the clash check lists the rest as outside."""
    data = calendar_bytes(
        vevent("a@t", "DTSTART:20190404T070000Z", "DTEND:20190404T080000Z"),
        vevent("b@t", "DTSTART:20190410T070000Z", "DTEND:20190410T080000Z"),
        vevent("c@t", "DTSTART:20230101T070000Z", "DTEND:20230101T080000Z"))
    source = tmp_path / "far.ics"
    source.write_bytes(data)
    path = tmp_path / "far.programme"
    assert run_import(str(source), "-p", str(path), "--timezone", "UTC") == 0
    out = capsys.readouterr().out
    assert "note: 1 event(s) lie outside the programme's days (2019-04-04 to 2020-04-03" in out
    programme = open_programme(path)
    assert (programme.first_day, programme.last_day) == (date(2019, 4, 4), date(2020, 4, 3))
    assert len(programme.events) == 3
    from planner.conflicts import find_clashes

    assert [(c.kind, c.events) for c in find_clashes(programme)] == [("outside", ("c@t",))]


# --------------------------------------------------------------------------- corpus findings


def test_an_event_without_a_start_waits_in_unscheduled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A VEVENT without DTSTART (RFC 5545 allows it beside a METHOD; icalendar's and
    libical's test files have many) has no time yet: it becomes an unscheduled session of its
    DURATION (else an hour), untitled without SUMMARY, and the report says so."""
    data = calendar_bytes(
        "BEGIN:VEVENT\r\nUID:nostart@t\r\nSUMMARY:Panel\r\nDURATION:PT1H29M30S\r\n"
        "LOCATION:Goethe-Institut\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nUID:bare@t\r\nEND:VEVENT\r\n",
        header="METHOD:REQUEST\r\n")
    source = tmp_path / "nostart.ics"
    source.write_bytes(data)
    path = tmp_path / "n.programme"
    assert run_import(str(source), "-p", str(path), "--timezone", "UTC") == 0
    out = capsys.readouterr().out
    assert "event 'nostart@t': has no start (DTSTART); waits in Unscheduled (90 min)" in out
    assert "event 'bare@t': has no start (DTSTART); waits in Unscheduled (60 min)" in out
    programme = open_programme(path)
    assert programme.events == {}
    panel, bare = programme.unscheduled["nostart@t"], programme.unscheduled["bare@t"]
    assert (panel.title.en, panel.duration.total_seconds()) == ("Panel", 90 * 60)
    assert programme.venues[panel.venue].name.en == "Goethe-Institut"
    assert (bare.title.de, bare.title.en, bare.title.ru) == (
        "(ohne Titel)", "(no title)", "(без названия)")


def test_an_all_day_event_of_an_hour_lasts_its_day() -> None:
    """Radicale's test file: DTSTART as a DATE with DURATION:PT1H (RFC 5545 wants whole
    days): the event is its day, with a note."""
    read = read_ics(calendar_bytes(vevent("d@t", "DTSTART;VALUE=DATE:20190404",
                                          "DURATION:PT1H")), "d.ics")
    assert [str(n) for n in read.notes] == [
        "d.ics: event 'd@t': DURATION 'PT1H' of an all-day event is not whole days; read as "
        "1 day(s)"]
    plan = plan_import(small_programme(), read.events, problems=read.problems)
    (day,) = plan.added
    assert day.all_day and (day.end - day.start).days == 1


def test_a_floating_start_beside_a_zoned_end_takes_its_zone() -> None:
    """Radicale issue 1847: DTSTART without zone, DTEND with TZID: both are in that zone
    (else the end falls before the start wherever the programme is)."""
    read = read_ics(calendar_bytes(vevent("f@t", "DTSTART:20250814T180000",
                                          "DTEND;TZID=Europe/Brussels:20250814T190000")),
                    "f.ics")
    assert [str(n) for n in read.notes] == [
        "f.ics: event 'f@t': DTSTART has no time zone; read in DTEND's, Europe/Brussels"]
    (item,) = read.events
    brussels = ZoneInfo("Europe/Brussels")
    assert (item.start, item.end) == (datetime(2025, 8, 14, 18, tzinfo=brussels),
                                      datetime(2025, 8, 14, 19, tzinfo=brussels))


def test_a_calendar_inside_a_calendar_is_read() -> None:
    """libical's "cluster" files nest a VCALENDAR in a VCALENDAR."""
    inner = calendar_bytes(vevent("inner@t")).decode()
    read = read_ics(calendar_bytes(inner, vevent("outer@t")), "c.ics")
    assert sorted(e.uid for e in read.events) == ["inner@t", "outer@t"]
