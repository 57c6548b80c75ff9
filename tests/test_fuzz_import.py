"""Fuzzing ICS and CSV import: any bytes give a clean import or one clean error line.

Readers and the merge (read_ics / read_csv / read_import_file, plan_import,
refuse_if_invalid) see random bytes and real files mutated line by line and byte by byte.
Each input either imports, and then the programme with the import applied passes the model's
validation, or raises a ProgrammeError whose message is one line. Anything else (a
KeyError, a ValueError from a date, a RecursionError, ...) is a crash the user would see as
a traceback. A few mutated files also go through ``main.py import`` end to end.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest
from factories import small_programme
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner.builtin import load_builtin
from planner.conflicts import find_clashes
from planner.csvio import read_csv
from planner.ics import export_ics, read_ics
from planner.importing import (
    ReadResult,
    apply_plan,
    new_programme_for,
    plan_import,
    read_import_file,
    refuse_if_invalid,
)
from planner.model import Programme, ProgrammeError, validate_programme
from planner.store import open_programme, save_new

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
NOW = datetime(2019, 3, 20, 12, 0, tzinfo=UTC)
# Derandomized so CI sees the same examples each run; FUZZ_EXAMPLES=5000 explores afresh.
_EXPLORE = int(os.environ.get("FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=_EXPLORE or 250, deadline=None, derandomize=not _EXPLORE, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# ---------------------------------------------------------------------------------------------
# Seeds: the client samples, an export of the built-in programme, a spreadsheet of it


@cache
def builtin() -> Programme:
    return load_builtin()


@cache
def builtin_export() -> bytes:
    # A slice keeps each example fast; it still has every kind of event the programme has.
    programme = builtin().copy()
    events = programme.sorted_events()
    keep = {e.uid for e in events[::6]} | {e.uid for e in events if e.recurrence}
    programme.events = {u: e for u, e in programme.events.items() if u in keep}
    return export_ics(programme, now=NOW)


@cache
def builtin_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["uid", "title", "start", "end", "track", "venue", "speakers",
                     "language", "status", "description"])
    programme = builtin()
    for e in programme.sorted_events()[::8]:
        writer.writerow([
            e.uid, e.title.en, f"{e.start:%Y-%m-%d %H:%M}", f"{e.end:%Y-%m-%d %H:%M}",
            programme.tracks[e.track].name.en, programme.venues[e.venue].name.en,
            "; ".join(programme.people[p].name for p in e.speakers),
            ";".join(e.languages), e.status, e.description.en,
        ])
    return out.getvalue().encode("utf-8")


ICS_SEEDS = ("apple.ics", "google.ics", "outlook.ics", "thunderbird.ics", "builtin")


def ics_seed(name: str) -> bytes:
    return builtin_export() if name == "builtin" else (DATA / name).read_bytes()


# ---------------------------------------------------------------------------------------------
# The property


def check_import(result_of: object, *, creating: bool = False) -> str:
    """Read (via ``result_of()``), plan and apply; returns "ok" or the error line.

    Fails the test on any exception that is not a ProgrammeError, on an error message with
    a line break, and on an import that leaves the programme invalid.
    """
    try:
        result = result_of()  # type: ignore[operator]
        assert isinstance(result, ReadResult)
        if creating:
            programme = new_programme_for([result], "Europe/Moscow", "fuzz")
        else:
            programme = small_programme() if len(result.events) < 3 else builtin().copy()
        plan = plan_import(programme, result.events, problems=result.problems,
                           fit_days=creating, now=NOW)
        refuse_if_invalid(plan)
        apply_plan(programme, plan)
    except ProgrammeError as exc:
        text = str(exc)
        assert "\n" not in text and "\r" not in text, f"error message of several lines: {text!r}"
        assert text.strip(), "empty error message"
        return text
    # A clean import must leave a programme the model accepts, and one the file keeps whole.
    validate_programme(programme)
    # What the user does next must work too: check it for clashes, publish it.
    find_clashes(programme)
    # One VEVENT per event and per changed occurrence.
    vevents = len(programme.events) + sum(len(e.overrides) for e in programme.events.values())
    assert export_ics(programme, now=NOW).count(b"BEGIN:VEVENT") >= vevents
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.programme"
        save_new(path, programme)
        assert open_programme(path) == programme
    return "ok"


# ---------------------------------------------------------------------------------------------
# Mutations


BROKEN_VALUES = (
    "20190230", "20190230T100000", "20191301T100000", "20190405T250000", "20190405T106000",
    "2019-04-05", "0", "", "99999999T999999", "00000000T000000", "20190405T100000ZZ",
    "-20190405", "20190405T", "T100000", "19000101T000000", "99991231T235959",
    "00010101", "20190405T100000Z", "PT1H", "-PT1H", "P99999999D", "PT", "P",
    "FREQ=DAILY;COUNT=99999999999", "FREQ=DAILY;COUNT=-3", "FREQ=DAILY;COUNT=0",
    "FREQ=SECONDLY;COUNT=1000000", "FREQ=DAILY", "FREQ=YEARLY;UNTIL=20190230",
    "FREQ=WEEKLY;BYDAY=XX", "FREQ=NOPE", "FREQ=DAILY;INTERVAL=0;COUNT=3",
    "FREQ=DAILY;UNTIL=20190405T100000Z;COUNT=2", "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=5",
    "FREQ=DAILY;BYSETPOS=0;COUNT=2", "FREQ=DAILY;UNTIL=10000101", "FREQ=DAILY;COUNT=1e5",
    "1.5", "-1", "99999999999999999999", "abc", ";;;", "\\n", "a\\nb", "x,y,z", "nan", "inf",
    "48.1;11.5", "91;181", "nan;nan", "1;", ";1", "mailto:", "geo:1,2",
)
PROPERTIES = (
    "DTSTART", "DTEND", "DURATION", "RRULE", "EXDATE", "RDATE", "RECURRENCE-ID", "UID",
    "SEQUENCE", "LAST-MODIFIED", "DTSTAMP", "STATUS", "GEO", "CATEGORIES", "COLOR", "URL",
    "SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-TIMEZONE", "X-WR-CALNAME", "TZID",
    "X-APPLE-STRUCTURED-LOCATION", "BEGIN", "END", "TZOFFSETFROM", "TZOFFSETTO",
)
PARAMETERS = (
    "", ";TZID=Europe/Moscow", ";TZID=Nowhere/Special", ";TZID=W. Europe Standard Time",
    ";TZID=", ";VALUE=DATE", ";VALUE=DATE-TIME", ";VALUE=PERIOD", ";VALUE=DURATION",
    ';TZID="Europe/Berlin"', ";TZID=Etc/GMT+14", ";TZID=UTC", ";X-TITLE=a;X-ADDRESS=b",
    ";VALUE=URI", ";RANGE=THISANDFUTURE", ";TZID=../../etc/passwd",
)
COMPONENTS = ("VEVENT", "VCALENDAR", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VALARM", "VTODO",
              "X-THING", "")
ZONES = ("Europe/Moscow", "Russian Standard Time", "Europe/Berlin", "Nowhere/Special", "",
         "UTC", "Etc/GMT-14", "America/St_Johns", "Pacific/Chatham", "Asia/Kathmandu",
         "Europe/Moscow;X=1", "../x", "Mars/Olympus")

property_line = st.builds(
    lambda name, param, value: f"{name}{param}:{value}",
    st.sampled_from(PROPERTIES),
    st.sampled_from(PARAMETERS),
    st.one_of(st.sampled_from(BROKEN_VALUES), st.sampled_from(COMPONENTS),
              st.text(max_size=30)),
)


def _replace_value(line: str, value: str) -> str:
    head, sep, _ = line.partition(":")
    return f"{head}:{value}" if sep else line


def _apply(lines: list[str], op: tuple[str, int, int, str]) -> list[str]:
    kind, i, j, text = op
    if not lines:
        return [text]
    i %= len(lines)
    j %= len(lines)
    lines = list(lines)
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "insert":
        lines.insert(i, text)
    elif kind == "value":
        lines[i] = _replace_value(lines[i], text)
    elif kind == "drop_end":
        ends = [n for n, x in enumerate(lines) if x.startswith("END:VEVENT")]
        if ends:
            del lines[ends[i % len(ends)]]
    elif kind == "tzid":
        lines = [x.replace("TZID=", f"TZID={text}", 1) if n == i else x
                 for n, x in enumerate(lines)]
        lines = [_replace_value(x, text) if x.startswith("TZID:") and n >= i else x
                 for n, x in enumerate(lines)]
    elif kind == "dates":
        # Every date-like value from line i on breaks the same way (20190405 -> 20190230).
        lines = [x.replace("201904", "201902").replace("T1", "T3", 1) if n >= i else x
                 for n, x in enumerate(lines)]
    elif kind == "count":
        lines = [x + f";COUNT={text}" if x.startswith("RRULE") else x for x in lines]
    elif kind == "fold":
        lines[i] = lines[i][: j % (len(lines[i]) + 1)]
        lines.insert(i + 1, " " + text)
    return lines


operation = st.tuples(
    st.sampled_from(("delete", "duplicate", "swap", "insert", "value", "drop_end", "tzid",
                     "dates", "count", "fold", "insert", "value")),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    st.one_of(property_line, st.sampled_from(BROKEN_VALUES), st.sampled_from(ZONES),
              st.sampled_from(("99999999999", "-5", "0", "1", "abc", "3.5"))),
)


def mutate_lines(data: bytes, ops: list[tuple[str, int, int, str]], newline: str) -> bytes:
    lines = data.decode("utf-8", errors="replace").splitlines()
    for op in ops:
        lines = _apply(lines, op)
    return (newline.join(lines) + newline).encode("utf-8")


def mutate_bytes(data: bytes, flips: list[tuple[int, int]], cut: int | None) -> bytes:
    buffer = bytearray(data)
    for position, value in flips:
        if buffer:
            buffer[position % len(buffer)] = value
    if cut is not None:
        buffer = buffer[: cut % (len(buffer) + 1)]
    return bytes(buffer)


# ---------------------------------------------------------------------------------------------
# Seeds import as they are


@pytest.mark.parametrize("name", ICS_SEEDS)
def test_seed_files_import(name):
    data = ics_seed(name)
    assert check_import(lambda: read_ics(data, name)) == "ok"
    assert check_import(lambda: read_ics(data, name), creating=True) == "ok"


def test_seed_csv_imports():
    data = builtin_csv()
    assert check_import(lambda: read_csv(data, "sheet.csv")) == "ok"
    assert check_import(lambda: read_csv(data, "sheet.csv"), creating=True) == "ok"


# ---------------------------------------------------------------------------------------------
# Each crash the fuzzing found, as a case of its own


def calendar(*lines: str, uid: str = "x@t") -> bytes:
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN", "BEGIN:VEVENT",
            f"UID:{uid}", "SUMMARY:Talk", "DTSTAMP:20190301T000000Z", *lines,
            "END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(body) + "\r\n").encode()


MOSCOW_TIMES = ("DTSTART;TZID=Europe/Moscow:20190405T100000",
                "DTEND;TZID=Europe/Moscow:20190405T120000")
FOUND = {
    # icalendar gives a list for a property written twice: the first is used, as clients do.
    "dtstart-twice": (calendar("DTSTART;TZID=Europe/Moscow:20190405T110000", *MOSCOW_TIMES),
                      "ok"),
    "uid-twice": (calendar("UID:y@t", *MOSCOW_TIMES), "ok"),
    # Unparsable optional properties come as vBroken, whose attributes raise.
    "broken-last-modified": (calendar("LAST-MODIFIED:20190230T100000Z", *MOSCOW_TIMES), "ok"),
    "broken-categories": (calendar("CATEGORIES;VALUE=PERIOD:20190230", *MOSCOW_TIMES), "ok"),
    "categories-as-uri": (calendar("CATEGORIES;VALUE=URI:", *MOSCOW_TIMES), "ok"),
    # A SEQUENCE that is no number counts as none, and is kept as it came.
    "broken-sequence": (calendar("SEQUENCE:x", *MOSCOW_TIMES), "ok"),
    "text-sequence": (calendar("SEQUENCE;VALUE=TEXT:2", *MOSCOW_TIMES), "ok"),
    "geo-as-text": (calendar("LOCATION:Hall 9", "GEO;VALUE=TEXT:1;2", *MOSCOW_TIMES), "ok"),
    # A duration or a URI where a date belongs.
    "dtstart-duration": (calendar("DTSTART:PT1H", MOSCOW_TIMES[1]),
                         "event 'x@t': DTSTART 'PT1H' is not a valid date or time"),
    "recurrence-id-uri": (calendar("RECURRENCE-ID;VALUE=URI:20190405", *MOSCOW_TIMES),
                          "event 'x@t': RECURRENCE-ID '20190405' is not a valid date or time"),
    # Times at datetime's limits overflowed when moved between zones or extended by a day.
    "year-1": (calendar("DTSTART:00010101T000000", "DTEND:00010101T010000"),
               "DTSTART 0001-01-01T00:00:00 is outside the years 1900 to 2999"),
    "year-9999": (calendar("DTSTART;TZID=Europe/Moscow:99991231T230000",
                           "DTEND;TZID=Europe/Moscow:99991231T235900"),
                  "DTSTART 9999-12-31T23:00:00+03:00 is outside the years 1900 to 2999"),
    "huge-duration": (calendar(MOSCOW_TIMES[0], "DURATION:P99999999D"),
                      "DTSTART + DURATION 9999-12-31T23:59:59.999999 is outside the years"),
    "until-year-1": (calendar("DTSTART;TZID=America/New_York:20190405T100000",
                              "DTEND;TZID=America/New_York:20190405T120000",
                              "RRULE:FREQ=DAILY;UNTIL=00010101T000000Z"), "ok"),
    "exdate-year-1": (calendar(*MOSCOW_TIMES, "RRULE:FREQ=DAILY;COUNT=2",
                               "EXDATE:00010101T000000Z"), "ok"),
    # A venue off the globe was created and saved, breaking the model's rule for venues.
    "geo-off-the-globe": (calendar("LOCATION:Hall 9", "GEO:91;181", *MOSCOW_TIMES), "ok"),
    # An escaped line break in a UID made a problem of two lines; it is a space now.
    "uid-line-break": (calendar(*MOSCOW_TIMES, uid="a\\nb"), "ok"),
    # A rule no one can follow: the event takes place once, the rule kept as it came.
    "huge-count": (calendar(*MOSCOW_TIMES, "RRULE:FREQ=DAILY;COUNT=99999999999"), "ok"),
}


@pytest.mark.parametrize("creating", [False, True], ids=["into-programme", "new-programme"])
@pytest.mark.parametrize("name", FOUND)
def test_found_crashes(name, creating):
    data, expected = FOUND[name]
    outcome = check_import(lambda: read_ics(data, "found.ics"), creating=creating)
    if expected == "ok":
        assert outcome == "ok"
    else:
        assert outcome.startswith("found.ics: ") and expected in outcome


def test_venue_off_the_globe_comes_without_coordinates():
    programme = small_programme()
    result = read_ics(FOUND["geo-off-the-globe"][0], "found.ics")
    plan = plan_import(programme, result.events, now=NOW)
    assert [(v.name.en, v.lat, v.lon) for v in plan.venues] == [("Hall 9", None, None)]


def test_spreadsheet_at_the_end_of_time_is_refused_cleanly():
    data = b"title,start,end\r\nx,9999-12-31 23:00,9999-12-31 23:59\r\n"
    outcome = check_import(lambda: read_csv(data, "sheet.csv"), creating=True)
    assert outcome.startswith("sheet.csv line 2: start 9999-12-31T23:00:00 is outside the years")


def test_line_breaks_in_a_cell_stay_out_of_the_message():
    data = b'title,start,end,status\r\nx,2019-04-05 10:00,2019-04-05 11:00,"maybe\nnot"\r\n'
    outcome = check_import(lambda: read_csv(data, "sheet.csv"))
    assert outcome == "sheet.csv line 2: unknown status 'maybe\\nnot'"


# ---------------------------------------------------------------------------------------------
# Random bytes


@FUZZ
@given(st.binary(max_size=600))
@example(b"")
@example(b"\xef\xbb\xbf")
@example(b"BEGIN:VCALENDAR")
@example(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
@example(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n")
@example(b"BEGIN:VEVENT\r\nEND:VEVENT\r\n")
@example(b"END:VCALENDAR\r\n")
@example(b"\x00\x00\x00")
@example(b"title,start,end\r\n\"x")
def test_random_bytes(data):
    check_import(lambda: read_ics(data, "random.ics"))
    check_import(lambda: read_csv(data, "random.csv"))


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("BEGIN:VCALENDAREVTZ;=,\"\\\r\n 0123T-")),
               max_size=300))
def test_random_calendar_like_text(text):
    data = text.encode("utf-8")
    check_import(lambda: read_ics(data, "random.ics"))
    check_import(lambda: read_ics(b"BEGIN:VCALENDAR\r\n" + data + b"\r\nEND:VCALENDAR\r\n",
                                  "random.ics"))


@FUZZ
@given(st.lists(st.lists(st.one_of(st.text(max_size=12), st.sampled_from(BROKEN_VALUES),
                                   st.sampled_from(("2019-04-05 10:00", "2019-04-05 25:00",
                                                    "2019-02-30 10:00", "0001-01-01 00:00",
                                                    "9999-12-31 23:59", "confirmed", "de;ru",
                                                    "xx"))),
                         min_size=1, max_size=8),
                max_size=6),
       st.sampled_from((",", ";", "\t")))
def test_random_spreadsheets(rows, delimiter):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(["title", "start", "end", "uid", "venue", "track", "speakers", "language",
                     "status"][: max(3, len(rows[0]) if rows else 3)])
    writer.writerows(rows)
    data = out.getvalue().encode("utf-8")
    check_import(lambda: read_csv(data, "sheet.csv"))
    check_import(lambda: read_csv(data, "sheet.csv"), creating=True)


# ---------------------------------------------------------------------------------------------
# Real files, mutated


@FUZZ
@given(st.sampled_from(ICS_SEEDS), st.lists(operation, min_size=1, max_size=6),
       st.sampled_from(("\r\n", "\n")), st.booleans())
def test_mutated_ics_lines(name, ops, newline, creating):
    data = mutate_lines(ics_seed(name), ops, newline)
    check_import(lambda: read_ics(data, name), creating=creating)


@FUZZ
@given(st.sampled_from(ICS_SEEDS),
       st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), max_size=4),
       st.one_of(st.none(), st.integers(0, 1 << 20)))
def test_mutated_ics_bytes(name, flips, cut):
    data = mutate_bytes(ics_seed(name), flips, cut)
    check_import(lambda: read_ics(data, name))


@FUZZ
@given(st.lists(operation, min_size=1, max_size=5),
       st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), max_size=2),
       st.one_of(st.none(), st.integers(0, 1 << 20)), st.booleans())
def test_mutated_csv(ops, flips, cut, creating):
    data = mutate_bytes(mutate_lines(builtin_csv(), ops, "\r\n"), flips, cut)
    check_import(lambda: read_csv(data, "sheet.csv"), creating=creating)


@settings(FUZZ, max_examples=_EXPLORE or 60)
@given(st.sampled_from(ICS_SEEDS + ("sheet.csv",)), st.lists(operation, max_size=4),
       st.sampled_from((".ics", ".csv", ".txt")))
def test_read_import_file_tells_formats_apart(tmp_path_factory, name, ops, suffix):
    seed = builtin_csv() if name == "sheet.csv" else ics_seed(name)
    path = tmp_path_factory.mktemp("in") / f"mutated{suffix}"
    path.write_bytes(mutate_lines(seed, ops, "\r\n"))
    check_import(lambda: read_import_file(path))


# ---------------------------------------------------------------------------------------------
# End to end through the command line


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


CLI_CASES = [
    ("google.ics", [("dates", 0, 0, "")]),
    ("outlook.ics", [("tzid", 0, 0, "Nowhere/Special")]),
    ("apple.ics", [("drop_end", 0, 0, "")]),
    ("thunderbird.ics", [("count", 0, 0, "99999999999")]),
    ("builtin", [("insert", 40, 0, "DTEND:20190230T100000")]),
    ("builtin", [("value", 3, 0, "\\n")]),
    ("google.ics", [("insert", 12, 0, "GEO:nan;nan"), ("insert", 13, 0, "SEQUENCE:abc")]),
    ("builtin", []),
]


@pytest.mark.parametrize(("name", "ops"), CLI_CASES)
def test_cli_import_of_mutated_file(tmp_path, name, ops):
    source = tmp_path / "in.ics"
    source.write_bytes(mutate_lines(ics_seed(name), ops, "\r\n"))
    target = tmp_path / "target.programme"
    save_new(target, small_programme())
    before = _digest(target)
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "import", str(source), "-p", str(target)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode in (0, 2), done.stderr
    if done.returncode == 2:
        lines = done.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
        assert _digest(target) == before
    else:
        assert done.stderr == ""
        *report, summary = done.stdout.splitlines()
        assert all(line.startswith(("note: ", "skipped: ")) for line in report), report
        assert summary.startswith("updated ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.ics", "target.programme"]


@pytest.mark.parametrize(("name", "ops"), CLI_CASES)
def test_cli_import_skipping_invalid_events(tmp_path, name, ops):
    source = tmp_path / "in.ics"
    source.write_bytes(mutate_lines(ics_seed(name), ops, "\r\n"))
    target = tmp_path / "target.programme"
    save_new(target, builtin())
    before = _digest(target)
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "import", str(source), "-p", str(target),
         "--skip-invalid"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert "Traceback" not in done.stderr, done.stderr
    if done.returncode == 2:  # the file as a whole cannot be read
        assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("error: ")
        assert "not an iCalendar file" in done.stderr
        assert _digest(target) == before
        return
    assert done.returncode == 0 and done.stderr == ""
    *report, summary = done.stdout.splitlines()
    skipped = [line for line in report if line.startswith("skipped: ")]
    assert all(line.startswith(f"skipped: {source}: ") for line in skipped), skipped
    assert all(line.startswith("note: ") for line in report if line not in skipped), report
    assert summary.startswith(f"updated {target}: ")
    assert summary.endswith(f", {len(skipped)} skipped") if skipped else "skipped" not in summary
    validate_programme(open_programme(target))


@pytest.mark.parametrize("name", ICS_SEEDS)
def test_file_cut_short_says_so(name):
    data = ics_seed(name)
    # Cut at line ends (a line cut in two may fail first as a bad value), before the last.
    last = data.rindex(b"END:VCALENDAR")
    for cut in range(len(data) // 5, last, len(data) // 7):
        cut = data.index(b"\n", cut) + 1
        outcome = check_import(lambda cut=cut: read_ics(data[:cut], name))
        # The events before the cut can be imported; --strict refuses, saying why.
        assert outcome.startswith((
            f"{name}: a BEGIN line has no END line; is the file cut short?",
            f"{name}: not an iCalendar file (a BEGIN line has no END line; is the file cut "
            "short?)")), outcome


@pytest.mark.parametrize("data", [b"", b" \r\n\r\n", b"\xef\xbb\xbf"])
def test_empty_calendar_file(data):
    assert check_import(lambda: read_ics(data, "empty.ics")) == "empty.ics: empty file"
