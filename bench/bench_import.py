"""The calendar importer on real-world-shaped files (issue 15).

- A file of 5,000 events made of the events that Google, Outlook, Apple and Thunderbird
  wrote in tests/data (their zones, series with EXDATE and changed occurrences, attendees,
  alarms, X- properties), each copy under UIDs of its own: importing it (``read_ics``,
  ``plan_import`` and ``apply_plan`` into a new programme, everything ``import`` does but the
  SQLite write) against plain ``icalendar.Calendar.from_ical`` of the same bytes.
- 500 weekly series without end against 500 that end after 10 occurrences: importing and
  checking for clashes (only the programme's days count, so no work grows with a rule's
  length).
- Every file of the real-world corpus (tests/data/ics-corpus): the slowest import against
  the 10 s that issue 15 allows.
- The whole ``python main.py import FILE -p NEW`` command (a new process: start-up, reading,
  zones, planning, the programme file written safely, the report) on the corpus's largest
  file against plain ``icalendar.Calendar.from_ical`` of the same file, and the same command
  on libical's large.ics (94 VCALENDARs, which icalendar cannot read whole).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from icalendar import Calendar

from bench.common import Result, best_of
from planner.conflicts import find_clashes
from planner.ics import read_ics
from planner.importing import apply_plan, new_programme_for, plan_import
from planner.model import Programme

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
# The corpus's largest file (4,778 events, 1.6 MB; the file issue 15 saw icalendar alone
# parse in 6.5 s), and libical's file of 94 calendars.
LARGEST = DATA / "ics-corpus" / "recurring-ical-events" / "benchmark_issue42.ics"
LIBICAL_LARGE = DATA / "ics-corpus" / "libical" / "test-data_large.ics"
CLIENT_FILES = ("google.ics", "outlook.ics", "apple.ics", "thunderbird.ics")


def _blocks(text: str, name: str) -> list[str]:
    return re.findall(rf"BEGIN:{name}\r?\n.*?END:{name}\r?\n", text, re.S)


def real_world_file(count: int) -> bytes:
    """One VCALENDAR with the client files' VTIMEZONEs (one per TZID) and ``count`` VEVENTs
    made of copies of theirs."""
    zones: dict[str, str] = {}
    events: list[str] = []
    for name in CLIENT_FILES:
        text = (DATA / name).read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace(
            "\n", "\r\n")
        for zone in _blocks(text, "VTIMEZONE"):
            tzid = re.search(r"^TZID:(.*)$", zone, re.M)
            zones.setdefault(tzid.group(1).strip() if tzid else zone, zone)
        events += _blocks(text, "VEVENT")
    body, n = [], 0
    while len(body) < count:
        for vevent in events:
            if len(body) == count:
                break
            # Every component of a UID (a series and its changed occurrences) in copy n
            # gets the same new UID, so that they stay one series.
            body.append(re.sub(r"^UID:(.*?)\r$", rf"UID:\1-{n}\r", vevent, flags=re.M))
        n += 1
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n" + "".join(zones.values())
            + "".join(body) + "END:VCALENDAR\r\n").encode("utf-8")


def _import(data: bytes, source: str = "bench.ics") -> tuple[Programme, int]:
    read = read_ics(data, source)
    programme = new_programme_for([read], read.zone or "UTC", "bench", None)
    plan = plan_import(programme, read.events, problems=read.problems, notes=read.notes,
                       zones=read.zones, fit_days=True, sessions=read.sessions)
    apply_plan(programme, plan)
    return programme, len(plan.added) + len(plan.placed_sessions)


def _weekly(count: int, rule: str) -> bytes:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:w{n}@bench\r\nDTSTAMP:20190301T000000Z\r\n"
        f"DTSTART;TZID=Europe/Berlin:201904{1 + n % 28:02d}T{8 + n % 10:02d}0000\r\n"
        f"DURATION:PT1H\r\nSUMMARY:Weekly {n}\r\nRRULE:{rule}\r\nEND:VEVENT\r\n"
        for n in range(count))
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n" + events
            + "END:VCALENDAR\r\n").encode()


def import_command(path: Path) -> float:
    """Seconds of ``python main.py import PATH -p NEW`` as a process of its own."""
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(path), "-p",
                        str(Path(folder) / "new.programme"), "--lang", "en"],
                       check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        return time.perf_counter() - started


def run(quick: bool) -> list[Result]:
    count = 500 if quick else 5_000
    repeat = 3
    data = real_world_file(count)
    _, imported = _import(data)
    assert imported == count, imported
    ours = best_of(lambda: _import(data), repeat)
    plain = best_of(lambda: Calendar.from_ical(data), repeat)

    series = 50 if quick else 500
    endless, ten = _weekly(series, "FREQ=WEEKLY"), _weekly(series, "FREQ=WEEKLY;COUNT=10")

    def import_and_check(data: bytes) -> None:
        programme, added = _import(data)
        assert added == series
        find_clashes(programme)

    endless_s = best_of(lambda: import_and_check(endless), repeat)
    ten_s = best_of(lambda: import_and_check(ten), repeat)

    slowest, name = 0.0, ""
    files = sorted((DATA / "ics-corpus").glob("*/*.ics"))
    if quick:
        files = sorted(files, key=lambda p: p.stat().st_size)[-5:]
    for path in files:
        started = time.perf_counter()
        try:
            _import(path.read_bytes(), path.name)
        except Exception:  # noqa: BLE001, S112 - a refused file costs its time too
            pass
        took = time.perf_counter() - started
        if took > slowest:
            slowest, name = took, f"{path.parent.name}/{path.name}"
    largest = LARGEST.read_bytes()
    command = best_of(lambda: import_command(LARGEST), repeat)
    parse = best_of(lambda: Calendar.from_ical(largest, multiple=True), repeat)
    libical = best_of(lambda: import_command(LIBICAL_LARGE), repeat)
    return [
        Result(f"ICS import, {count:,} real-world-shaped events (Google, Outlook, Apple, "
               "Thunderbird: zones, series, changed occurrences, attendees, alarms)",
               "icalendar Calendar.from_ical", ours / plain, 1.5,
               f"ours {ours:.2f} s, icalendar {plain:.2f} s"),
        Result(f"import and clash check, {series} weekly series without end",
               "the same series ending after 10 occurrences", endless_s / ten_s, 1.2,
               f"{endless_s * 1000:.0f} ms vs {ten_s * 1000:.0f} ms"),
        Result(f"the slowest of {len(files)} real-world calendar files to import",
               "10 s", slowest / 10.0, 1.0, f"{slowest:.2f} s ({name}, "
               f"{date.today():%Y-%m-%d})"),
        Result("the whole `python main.py import FILE -p NEW` command on the corpus's largest "
               f"file ({LARGEST.parent.name}/{LARGEST.name}, 1.6 MB, 4,778 events)",
               "icalendar Calendar.from_ical of the file", command / parse, 2.0,
               f"{command:.2f} s vs {parse:.2f} s; on libical/{LIBICAL_LARGE.name} "
               f"{libical:.2f} s"),
    ]
