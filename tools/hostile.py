"""Hostile inputs through the command line, as an attacker (or an unlucky user) makes them.

    python tools/hostile.py              # run every case, print a table and the summary
    python tools/hostile.py --only lock  # the cases whose name holds "lock"
    python tools/hostile.py --list       # name every case

Each case builds its files in a fresh folder (a damaged programme file, a calendar that
never ends, a FIFO, a full disk, ...) and runs ``main.py`` on them in a process of its own.
A case is *handled* when the command ends within the budget (5 s) with exit 0, or with exit 2
and exactly one ``error:`` line on stderr (at most :data:`MAX_ERROR_LINE` characters, no
traceback), and every file the case guards (the programme, an older export) is unchanged.
The harness measures each run's wall time and peak memory (the child's maximum resident
set) and reports the worst of each.

Cases are made in code (so that a 60 MB file is not committed) and read from
``tests/data/hostile/``: every ``*.ics``, ``*.csv``, ``*.xml`` and ``*.json`` there is
imported into a programme and into a new one. ``tests/test_hostile.py`` runs the same cases.

A full disk is a real one where the harness may mount a small tmpfs (as root); elsewhere the
child's largest file size is limited (``RLIMIT_FSIZE``), so that the kernel refuses the
write all the same.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "main.py"
DATA = ROOT / "tests" / "data" / "hostile"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BUDGET_S = 5.0  # a case must end within this
KILL_AFTER_S = 60.0  # a case that runs this long is stopped (and is a hang)
MAX_ERROR_LINE = 1000  # characters of the one error line
MEMORY_LIMIT = 4 << 30  # address space of a child: a runaway reader fails instead of the machine


@dataclass
class Run:
    """What a case runs, and what it guards."""

    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    guarded: list[Path] = field(default_factory=list)  # files that must not change
    # Files that must not change when the command fails (an import may change its programme
    # when it succeeds).
    kept_on_error: list[Path] = field(default_factory=list)
    exits: tuple[int, ...] = (0, 2)
    check: Callable[[Path, str, str], str | None] | None = None  # (folder, out, err) -> problem
    # Bytes left free on a full disk (see the module doc); without a disk of its own the
    # child may write files up to the largest of ``kept_on_error`` and this much more.
    disk_left: int | None = None
    then: list[list[str]] = field(default_factory=list)  # commands run after a success


@dataclass
class Case:
    name: str
    point: str  # the part of issue 14 it belongs to
    build: Callable[[Path], Run]
    owner: str = "hardening"


@dataclass
class Outcome:
    case: Case
    exit: int | None
    seconds: float
    peak_mib: float
    problem: str | None
    stderr: str = ""
    disk: str = ""

    @property
    def handled(self) -> bool:
        return self.problem is None


# ---------------------------------------------------------------------------------------------
# Building blocks


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def programme_file(folder: Path, name: str = "fest.programme") -> Path:
    """The built-in programme saved as a file."""
    from planner.builtin import load_builtin
    from planner.store import save_new

    path = folder / name
    save_new(path, load_builtin())
    return path


def damage(path: Path, *statements: str) -> Path:
    """Run ``statements`` on the file with plain SQLite, as a hand editor would."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA writable_schema = ON")
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()
    return path


def replace_bytes(path: Path, old: bytes, new: bytes) -> Path:
    assert len(old) == len(new)
    data = path.read_bytes()
    assert old in data, old
    path.write_bytes(data.replace(old, new))
    return path


def ics(*events: str, calendar: str = "") -> bytes:
    """A calendar around ``events`` (each the lines inside one VEVENT), written by hand as a
    hostile file would be."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//hostile//EN"]
    if calendar:
        lines.append(calendar)
    for body in events:
        lines += ["BEGIN:VEVENT", body.strip(), "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def vevent(uid: str = "x@hostile", start: str = "20190404T100000", end: str = "20190404T110000",
           extra: str = "", summary: str = "Talk") -> str:
    return "\r\n".join(line for line in (
        f"UID:{uid}", "DTSTAMP:20190301T000000Z", f"DTSTART;TZID=Europe/Moscow:{start}",
        f"DTEND;TZID=Europe/Moscow:{end}", f"SUMMARY:{summary}", extra) if line)


def small_calendar(folder: Path, name: str = "new.ics") -> Path:
    path = folder / name
    path.write_bytes(ics(vevent("new@hostile")))
    return path


def one_error_line(err: str) -> str | None:
    lines = err.splitlines()
    if len(lines) != 1 or not lines[0].startswith("error: "):
        return f"stderr is not one error: line ({len(lines)} lines)"
    if len(lines[0]) > MAX_ERROR_LINE:
        return f"the error line is {len(lines[0])} characters long"
    return None


def expect_in(needle: str, where: str = "err") -> Callable[[Path, str, str], str | None]:
    def check(folder: Path, out: str, err: str) -> str | None:
        text = err if where == "err" else out
        return None if needle in text else f"{needle!r} not in {where}: {text[:200]!r}"
    return check


# ---------------------------------------------------------------------------------------------
# Cases


CASES: list[Case] = []


def case(name: str, point: str, owner: str = "hardening") -> Callable[[Callable[[Path], Run]],
                                                                        Callable[[Path], Run]]:
    def register(build: Callable[[Path], Run]) -> Callable[[Path], Run]:
        CASES.append(Case(name, point, build, owner))
        return build
    return register


# -- 6: an output that is the programme itself, a full disk --------------------------------------

def _onto_programme(command: list[str], target: Callable[[Path, Path], Path]) -> Callable[
        [Path], Run]:
    def build(folder: Path) -> Run:
        path = programme_file(folder)
        out = target(folder, path)
        return Run([*command, "-p", str(path), "-o", str(out)], guarded=[path], exits=(2,),
                   check=expect_in("is the programme file itself"))
    return build


def _symlink(folder: Path, path: Path) -> Path:
    (folder / "calendar.ics").symlink_to(path)
    return folder / "calendar.ics"


def _hardlink(folder: Path, path: Path) -> Path:
    os.link(path, folder / "calendar.ics")
    return folder / "calendar.ics"


def _other_spelling(folder: Path, path: Path) -> Path:
    (folder / "sub").mkdir()
    return folder / "sub" / ".." / "." / path.name


for _name, _target in (("same-path", lambda f, p: p), ("symlink", _symlink),
                       ("hard-link", _hardlink), ("other-spelling", _other_spelling)):
    case(f"export-onto-programme-{_name}", "6")(_onto_programme(["export"], _target))
case("print-onto-programme", "6")(_onto_programme(["print"], _hardlink))
case("screenshot-onto-programme", "6")(_onto_programme(["screenshot"], _symlink))


@case("split-dir-onto-programme", "6")
def _split_onto(folder: Path) -> Run:
    path = programme_file(folder)
    os.link(path, folder / "business.ics")
    return Run(["export", "-p", str(path), "--split-dir", str(folder)], guarded=[path],
               exits=(2,), check=expect_in("is the programme file itself"))


@case("export-to-a-folder", "6")
def _export_folder(folder: Path) -> Run:
    path = programme_file(folder)
    (folder / "out.ics").mkdir()
    return Run(["export", "-p", str(path), "-o", "out.ics"], guarded=[path], exits=(2,))


def _old_export(folder: Path) -> Path:
    old = folder / "out.ics"
    old.write_bytes(b"BEGIN:VCALENDAR\r\n" + b"X-OLD:" + b"o" * 40000 + b"\r\nEND:VCALENDAR\r\n")
    return old


@case("export-to-a-full-disk", "6")
def _export_full(folder: Path) -> Run:
    path = programme_file(folder)
    old = _old_export(folder)
    return Run(["export", "-p", str(path), "-o", "out.ics"], guarded=[path, old], exits=(2,),
               disk_left=8 * 1024)


@case("split-dir-to-a-full-disk", "6")
def _split_full(folder: Path) -> Run:
    path = programme_file(folder)
    (folder / "split").mkdir()
    old = folder / "split" / "culture.ics"
    old.write_bytes(b"o" * 30000)
    return Run(["export", "-p", str(path), "--split-dir", "split"], guarded=[path, old],
               exits=(2,), disk_left=8 * 1024)


# -- 7: tracebacks ---------------------------------------------------------------------------

@case("export-alarm-overflow", "7")
def _alarm(folder: Path) -> Run:
    path = programme_file(folder)
    return Run(["export", "-p", str(path), "-o", "out.ics", "--alarm", "2000000000000"],
               guarded=[path], exits=(2,))


def _floating_calendar(folder: Path) -> Path:
    path = folder / "floating.ics"
    path.write_bytes(ics("UID:f@hostile\r\nDTSTAMP:20190301T000000Z\r\n"
                         "DTSTART:20190404T100000\r\nDTEND:20190404T110000\r\nSUMMARY:Float"))
    return path


for _tz in ("Nowhere/X", "EST5EDT,M3.2.0,M11.1.0", "../../../../etc/passwd"):
    @case(f"import-creates-programme-TZ={_tz}", "7")
    def _tz_case(folder: Path, tz: str = _tz) -> Run:
        calendar = _floating_calendar(folder)
        return Run(["import", str(calendar), "-p", "created.programme"], env={"TZ": tz})

    @case(f"new-programme-TZ={_tz}", "7")
    def _tz_new(folder: Path, tz: str = _tz) -> Run:
        return Run(["new", "created.programme"], env={"TZ": tz})


for _start, _end in (("0001-01-01", "9999-12-31"), ("2019-01-01", "2025-12-31"),
                     ("9999-12-31", "9999-12-31")):
    @case(f"new-programme-{_start}-to-{_end}", "7")
    def _long(folder: Path, start: str = _start, end: str = _end) -> Run:
        return Run(["new", "long.programme", "--timezone", "UTC", "--start", start,
                    "--end", end], exits=(2,))


def _many_events_calendar(folder: Path, count: int = 600) -> Path:
    path = folder / "many.ics"
    path.write_bytes(ics(*(
        vevent(f"many-{n}@hostile", f"201904{4 + n % 6:02d}T{8 + n % 10:02d}0000",
               f"201904{4 + n % 6:02d}T{8 + n % 10:02d}3000",
               extra=f"DESCRIPTION:{'d' * 200}") for n in range(count))))
    return path


@case("import-into-programme-on-a-full-disk", "7")
def _import_full(folder: Path) -> Run:
    path = programme_file(folder)
    calendar = _many_events_calendar(folder)
    return Run(["import", str(calendar), "-p", str(path)], kept_on_error=[path], exits=(2,),
               disk_left=24 * 1024,
               check=lambda f, o, e: "a .lock was left" if (f / "fest.programme.lock").exists()
               else None)


# Damaged programme files: each through the commands that read and that write.
DAMAGES: dict[str, Callable[[Path], object]] = {
    "integrity-message-not-utf8": lambda p: (
        damage(p, "DELETE FROM events WHERE rowid IN (SELECT rowid FROM events LIMIT 5)",
               "UPDATE sqlite_master SET sql = 'CREATE INDEX events_start ON events(uid)' "
               "WHERE name = 'events_start'"),
        replace_bytes(p, b"events_start", b"events_st\xffrt")),
    "header-byte-18-unknown": lambda p: _header_byte(p, 18, 7),
    "header-byte-19-unknown": lambda p: _header_byte(p, 19, 9),
    "blob-uid": lambda p: damage(p, "UPDATE events SET uid = CAST(uid AS BLOB)"),
    "blob-title": lambda p: damage(p, "UPDATE events SET title_en = X'00ff'"),
    "blob-zone": lambda p: damage(p, "UPDATE events SET tz = CAST(tz AS BLOB)"),
    "blob-name": lambda p: damage(p, "UPDATE meta SET value = CAST(value AS BLOB) "
                                     "WHERE key = 'name'"),
    "nested-json-languages": lambda p: damage(
        p, f"UPDATE events SET languages = '{'[' * 200000}{']' * 200000}'"),
    "nested-json-exdates": lambda p: damage(
        p, f"UPDATE events SET rrule = 'FREQ=DAILY;COUNT=2', "
           f"exdates = '{'[' * 200000}{']' * 200000}'"),
    "nested-json-name": lambda p: damage(
        p, "UPDATE meta SET value = '" + '{"de":' * 100000 + "1" + "}" * 100000 + "' "
           "WHERE key = 'name'"),
    "last-day-9999-12-31": lambda p: damage(
        p, "UPDATE meta SET value = '9999-12-31' WHERE key = 'last_day'"),
    "first-day-0001-01-01": lambda p: damage(
        p, "UPDATE meta SET value = '0001-01-01' WHERE key = 'first_day'"),
    "travel-speed-nan": lambda p: damage(
        p, "UPDATE meta SET value = 'nan' WHERE key = 'travel_speed_kmh'"),
    "travel-speed-inf": lambda p: damage(
        p, "INSERT OR REPLACE INTO meta VALUES ('travel_speed_kmh', 'inf')"),
    "travel-buffer-huge": lambda p: damage(
        p, "INSERT OR REPLACE INTO meta VALUES ('travel_buffer_minutes', '99999999999999')"),
    "view-in-place-of-events": lambda p: damage(
        p, "ALTER TABLE events RENAME TO events_old",
        "CREATE VIEW events AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
        " SELECT e.* FROM events_old e, n"),
    "trigger-after-update": lambda p: damage(
        p, "CREATE TRIGGER wipe AFTER UPDATE ON events BEGIN DELETE FROM events; END"),
    "trigger-after-insert": lambda p: damage(
        p, "CREATE TRIGGER wipe AFTER INSERT ON events BEGIN DELETE FROM event_speakers; END"),
    "extra-table": lambda p: damage(p, "CREATE TABLE extra (x)"),
    "index-on-expression": lambda p: damage(
        p, "CREATE INDEX slow ON events(length(hex(zeroblob(100000000))))"),
    "changed-column-default": lambda p: damage(
        p, "UPDATE sqlite_master SET sql = replace(sql, 'url TEXT NOT NULL', "
           "'url TEXT NOT NULL DEFAULT (hex(randomblob(1000000000)))') WHERE name = 'events'"),
}


def _header_byte(path: Path, offset: int, value: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] = value
    path.write_bytes(bytes(data))


def _damaged(harm: Callable[[Path], object], command: str) -> Callable[[Path], Run]:
    def build(folder: Path) -> Run:
        path = programme_file(folder)
        harm(path)
        calendar = small_calendar(folder)
        argv = {
            "info": ["info", "-p", str(path)],
            "check": ["check", "-p", str(path)],
            "export": ["export", "-p", str(path), "-o", "out.ics"],
            "import": ["import", str(calendar), "-p", str(path)],
        }[command]
        return Run(argv, guarded=[path], exits=(2,),
                   check=expect_in("damaged programme file"))
    return build


for _damage, _harm in DAMAGES.items():
    for _command in ("info", "check", "export", "import"):
        case(f"damaged-{_damage}-{_command}", "7/8")(_damaged(_harm, _command))


# -- 9: what is not a file, or too large -----------------------------------------------------

def _import_of(make: Callable[[Path], Path], needle: str) -> Callable[[Path], Run]:
    def build(folder: Path) -> Run:
        path = programme_file(folder)
        return Run(["import", str(make(folder)), "-p", str(path)], guarded=[path], exits=(2,),
                   check=expect_in(needle))
    return build


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.ics")
    return folder / "pipe.ics"


def _sparse(name: str, size: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        with open(path, "wb") as handle:
            handle.write(b"BEGIN:VCALENDAR\r\n" if name.endswith(".ics") else b"title,start,end\n")
            handle.truncate(size)
        return path
    return make


def _folder(folder: Path) -> Path:
    (folder / "calendars.ics").mkdir()
    return folder / "calendars.ics"


case("import-dev-zero", "9")(_import_of(lambda f: Path("/dev/zero"), "is a device"))
case("import-dev-urandom", "9")(_import_of(lambda f: Path("/dev/urandom"), "is a device"))
case("import-fifo", "9")(_import_of(_fifo, "is a pipe"))
case("import-folder", "9")(_import_of(_folder, "is a folder"))
case("import-60-MB-ics", "9")(_import_of(_sparse("big.ics", 60 << 20), "too large"))
case("import-60-MB-csv", "9")(_import_of(_sparse("big.csv", 60 << 20), "too large"))


def _programme_path(make: Callable[[Path], Path], command: str) -> Callable[[Path], Run]:
    def build(folder: Path) -> Run:
        path = make(folder)
        argv = {"info": ["info", "-p", str(path)],
                "import": ["import", str(small_calendar(folder)), "-p", str(path)]}[command]
        return Run(argv, exits=(2,), check=expect_in("not a programme file"))
    return build


def _fifo_programme(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.programme")
    return folder / "pipe.programme"


def _folder_programme(folder: Path) -> Path:
    (folder / "fest.programme").mkdir()
    return folder / "fest.programme"


for _command in ("info", "import"):
    case(f"programme-is-a-fifo-{_command}", "9")(_programme_path(_fifo_programme, _command))
    case(f"programme-is-dev-zero-{_command}", "9")(
        _programme_path(lambda f: Path("/dev/zero"), _command))
    case(f"programme-is-a-folder-{_command}", "9")(_programme_path(_folder_programme, _command))


# -- 4 and 10: work that grows faster than the file ------------------------------------------

def _csv_import(name: str, text: Callable[[], str], needle: str | None = None,
                exits: tuple[int, ...] = (0, 2)) -> None:
    @case(name, "4" if "csv" in name else "10")
    def build(folder: Path) -> Run:
        path = programme_file(folder)
        sheet = folder / "sheet.csv"
        sheet.write_text(text(), encoding="utf-8")
        return Run(["import", str(sheet), "-p", str(path)], kept_on_error=[path], exits=exits,
                   check=expect_in(needle) if needle else None)


# The csv module's Sniffer tries a regular expression that backtracks on every quote.
_csv_import("csv-sniffer-60-KB-header", lambda: ',"' * 30000 + "\n", exits=(2,))
_csv_import("csv-sniffer-quotes", lambda: '"' * 60000 + "\n", exits=(2,))
# "Name (Affiliation)" was split with a regular expression that backtracks over spaces.
_csv_import("csv-speaker-120-KB-of-spaces",
            lambda: "title,start,end,speakers\nTalk,2019-04-04 10:00,2019-04-04 11:00,A"
                    + " " * 120000 + "B\n")
_csv_import("csv-speaker-120-KB-of-brackets",
            lambda: "title,start,end,speakers\nTalk,2019-04-04 10:00,2019-04-04 11:00,"
                    + "(" * 60000 + "x" + ")" * 2 + "\n")
_csv_import("csv-100-KB-cell-in-error",
            lambda: "title,start,end\nTalk,2019-04-04 10:00," + "9" * 100000 + "\n",
            exits=(2,))
_csv_import("csv-100-KB-uid-in-error",
            lambda: "uid,title,start,end\n" + "u" * 100000 + ",Talk,x,y\n", exits=(2,))
_csv_import("ids-10000-cyrillic-speakers", lambda: "title,start,end,speakers\n" + "".join(
    f"Доклад {n},2019-04-04 10:00,2019-04-04 11:00,Докладчик {_cyrillic(n)}\n"
    for n in range(10000)))


def _cyrillic(n: int) -> str:
    letters = "абвгдежзиклмнопрстуфхцчшэюя"
    word = ""
    while True:
        word += letters[n % len(letters)]
        n //= len(letters)
        if not n:
            return word.capitalize()


# -- 11: smaller -----------------------------------------------------------------------------

@case("export-count-with-BEGIN:VEVENT-in-a-title", "11")
def _count(folder: Path) -> Run:
    path = programme_file(folder)
    damage(path, "UPDATE events SET title_en = 'BEGIN:VEVENT' || char(10) || 'BEGIN:VEVENT' "
                 "WHERE rowid = 1")
    from planner.store import open_programme

    events = len(open_programme(path).events)
    return Run(["export", "-p", str(path), "-o", "out.ics"], guarded=[path], exits=(0,),
               check=expect_in(f"out.ics: {events} events", "out"))


@case("split-dir-unsafe-track-ids", "11")
def _unsafe_ids(folder: Path) -> Run:
    path = programme_file(folder)
    insert = "INSERT INTO tracks (id, name_de, name_en, name_ru, colour, position) VALUES "
    damage(path,
           insert + "('a:b', 'A', 'A', 'A', '#123456', 9)",
           insert + "('Business', 'B', 'B', 'B', '#123456', 10)",
           insert + "('con', 'C', 'C', 'C', '#123456', 11)",
           "UPDATE events SET track = 'a:b' WHERE rowid % 4 = 1",
           "UPDATE events SET track = 'Business' WHERE rowid % 4 = 2",
           "UPDATE events SET track = 'con' WHERE rowid % 4 = 3")

    def check(folder: Path, out: str, err: str) -> str | None:
        names = sorted(p.name for p in (folder / "split").iterdir())
        folded = [n.casefold() for n in names]
        bad = [n for n in names if set(n) & set(':\\*?"<>|') or n.split(".")[0] == "con"]
        if bad or len(set(folded)) != len(folded) or len(names) != out.count("wrote "):
            return f"unsafe or colliding names: {names}"
        return None

    return Run(["export", "-p", str(path), "--split-dir", "split"], guarded=[path], exits=(0,),
               check=check)


# -- the calendar importer's (issue 14, parts 4, 5 and 7; owned by the importer's rewrite) ------

def _calendar_case(name: str, point: str, calendar: Callable[[], bytes],
                   then: list[list[str]] | None = None) -> None:
    @case(name, point, owner="importer")
    def build(folder: Path) -> Run:
        path = programme_file(folder)
        source = folder / "hostile.ics"
        source.write_bytes(calendar())
        (folder / "edit.csv").write_text(
            "uid,title,start,end\nx@hostile,Edited,2019-04-04 12:00,2019-04-04 13:00\n")
        steps = [[part.replace("PROGRAMME", str(path)) for part in step]
                 for step in then or ()]
        return Run(["import", str(source), "-p", str(path)], kept_on_error=[path], then=steps)


# What a later command must still manage with what an import let in.
_EXPORT = [["export", "-p", "PROGRAMME", "-o", "out.ics"]]
_EDIT_AND_EXPORT = [["import", "edit.csv", "-p", "PROGRAMME"], *_EXPORT]


_calendar_case("rrule-secondly-never-ends", "4", lambda: ics(vevent(extra=(
    "RRULE:FREQ=SECONDLY;INTERVAL=7;BYSECOND=3;BYMINUTE=5;BYHOUR=2;BYDAY=MO;COUNT=1"))))
_calendar_case("rrule-never-matches", "4", lambda: ics(vevent(extra=(
    "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3"))))
_calendar_case("x-wr-timezone-64-KB", "4", lambda: ics(
    vevent(), calendar="X-WR-TIMEZONE:" + "Europe/" * 9400 + "!"))
_calendar_case("url-with-a-newline", "5", lambda: ics(vevent(extra="URL;VALUE=TEXT:a\\nb")),
               _EXPORT)
_calendar_case("sequence-at-int-max", "5", lambda: ics(vevent(extra="SEQUENCE:2147483647")),
               _EDIT_AND_EXPORT)
_calendar_case("tzid-of-300-parts", "7", lambda: ics(vevent().replace(
    "TZID=Europe/Moscow", "TZID=" + "/".join(["a"] * 300))))
_calendar_case("ics-speakers-line-of-spaces", "4", lambda: ics(vevent(
    extra="DESCRIPTION:About\\n\\nSpeakers: A" + " " * 100000 + "x")))


# Files that anyone adds to tests/data/hostile/.
def _data_case(source: Path, creating: bool) -> Callable[[Path], Run]:
    def build(folder: Path) -> Run:
        if creating:
            return Run(["import", str(source), "-p", "created.programme"])
        path = programme_file(folder)
        return Run(["import", str(source), "-p", str(path)], kept_on_error=[path])
    return build


# Schedule files (schedule.xml, schedule.json) of many elements or deep nesting, made here:
# too large to commit.
def _schedule(name: str, body: Callable[[], bytes]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(body())
        return path
    return make


_HEAD = b'<?xml version="1.0"?><schedule><conference><title>t</title></conference>'
case("schedule-xml-of-12-million-elements", "9", owner="publish")(_import_of(_schedule(
    "many.xml", lambda: _HEAD + b"<x/>" * 12_000_000 + b"</schedule>"), "elements"))
case("schedule-json-of-16-million-objects", "9", owner="publish")(_import_of(_schedule(
    "many.json", lambda: b'{"schedule": {"conference": {"days": ['
    + b"{}," * 16_000_000 + b"{}]}}}"), "elements"))
case("schedule-xml-nested-a-million-deep", "9", owner="publish")(_import_of(_schedule(
    "deep.xml", lambda: _HEAD.replace(b"<title>t", b"<title>" + b"<b>" * 1_000_000)
    .replace(b"</title>", b"</b>" * 1_000_000 + b"</title>") + b"</schedule>"),
    "nested more than"))
case("schedule-json-nested-a-million-deep", "9", owner="publish")(_import_of(_schedule(
    "deep.json", lambda: b'{"schedule": {"conference": {"days": ' + b"[" * 1_000_000
    + b"]" * 1_000_000 + b"}}}"), "nested too deeply"))


_KINDS = (".ics", ".csv", ".xml", ".json")
for _source in sorted(p for p in DATA.iterdir() if p.suffix in _KINDS) if DATA.is_dir() else ():
    for _creating in (False, True):
        case(f"file-{_source.name}{'-new' if _creating else ''}", "data",
             owner=_source.parent.name)(_data_case(_source, _creating))


# ---------------------------------------------------------------------------------------------
# Running


@contextlib.contextmanager
def _folder(disk: bool) -> Iterator[tuple[Path, str]]:
    """A fresh folder; with ``disk``, a small disk of its own where the harness may mount one
    (``tmpfs``), else a plain folder (the child's file size is limited instead)."""
    with tempfile.TemporaryDirectory(prefix="hostile-") as name:
        folder = Path(name)
        mounted = False
        if disk and os.geteuid() == 0 and shutil.which("mount"):
            mounted = subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs", str(folder)],
                capture_output=True).returncode == 0
        try:
            yield folder, ("tmpfs" if mounted else "fsize" if disk else "")
        finally:
            if mounted:
                subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _fill(folder: Path, left: int) -> None:
    """Fill the disk under ``folder`` until ``left`` bytes are free."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with open(folder / ".filler", "wb") as handle:
        with contextlib.suppress(OSError):
            handle.write(b"\0" * max(0, free - left))


# Runs the command in a child of its own and reports its exit status and peak memory. The
# harness does not start the command itself: a process started by this (large) one inherits
# its peak memory figure, while a child of a small runner starts from the runner's few MB.
_RUNNER = """
import os, resource, signal, sys
report, memory, file_size, argv = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
pid = os.fork()
if pid == 0:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    if file_size >= 0:
        # Past the limit write() fails with EFBIG, as on a full disk, instead of a signal.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
    os.execv(argv[0], argv)
_, status, usage = os.wait4(pid, 0)
os.write(report, f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}".encode())
"""


def run_case(case: Case, kill_after: float = KILL_AFTER_S, budget: float = BUDGET_S) -> Outcome:
    """Build ``case`` in a fresh folder, run it, and judge it."""
    with _folder(disk="full-disk" in case.name) as (folder, disk):
        run = case.build(folder)
        file_size = None
        if run.disk_left is not None:
            if disk == "tmpfs":
                _fill(folder, run.disk_left)
            else:
                # Files written in place (the programme an import changes) may grow by as much.
                sizes = [p.stat().st_size for p in run.kept_on_error]
                file_size = max(sizes, default=0) + run.disk_left
        before = {path: digest(path) for path in run.guarded}
        before_error = {path: digest(path) for path in run.kept_on_error}
        env = dict(os.environ, LANG="C.UTF-8", PYTHONDONTWRITEBYTECODE="1",
                   QT_QPA_PLATFORM="offscreen", **run.env)
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            env.pop(name, None)
        seconds, peak_kib = 0.0, 0
        # The command, then any follow-ups (an export after an import), while each succeeds.
        for argv in (run.argv, *run.then):
            code, killed, took, used, out, err = _run_one(argv, folder, env, file_size,
                                                          kill_after)
            seconds, peak_kib = max(seconds, took), max(peak_kib, used)
            if code != 0 or killed:
                break
        peak = peak_kib / 1024  # ru_maxrss is in KiB on Linux
        if code != 0:
            before |= before_error
        problem = _judge(case, run, folder, before, code, killed, seconds, budget, out, err)
    return Outcome(case, None if killed else code, seconds, peak, problem, err, disk)


def _run_one(argv: list[str], folder: Path, env: dict[str, str], file_size: int | None,
             kill_after: float) -> tuple[int, bool, float, int, str, str]:
    """Run ``main.py argv`` through the runner: exit code, killed, seconds, peak KiB, stdout
    and stderr."""
    read_end, write_end = os.pipe()
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        start = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-S", "-c", _RUNNER, str(write_end), str(MEMORY_LIMIT),
             str(-1 if file_size is None else file_size), sys.executable, str(MAIN), *argv],
            cwd=folder, env=env, stdin=subprocess.DEVNULL, stdout=out_file,
            stderr=err_file, pass_fds=(write_end,), start_new_session=True)
        os.close(write_end)
        try:
            child.wait(timeout=kill_after)
            killed = False
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            killed = True
        seconds = time.monotonic() - start
        with os.fdopen(read_end, "rb") as report:
            figures = report.read().split()
        code, peak_kib = (int(figures[0]), int(figures[1])) if len(figures) == 2 else (-1, 0)
        out_file.seek(0)
        err_file.seek(0)
        out = out_file.read().decode(errors="replace")
        err = err_file.read().decode(errors="replace")
    return code, killed, seconds, peak_kib, out, err


def _judge(case: Case, run: Run, folder: Path, before: dict[Path, str], code: int,
           killed: bool, seconds: float, budget: float, out: str, err: str) -> str | None:
    if killed:
        return f"still running after {seconds:.0f} s (killed)"
    if "Traceback" in err:
        return "traceback: " + err.strip().splitlines()[-1][:200]
    if code not in run.exits:
        return f"exit {code} (wanted {' or '.join(map(str, run.exits))}): {err.strip()[:200]}"
    if code == 2:
        problem = one_error_line(err)
        if problem:
            return problem
    changed = [p.name for p, d in before.items() if not p.exists() or digest(p) != d]
    if changed:
        return f"changed: {', '.join(changed)}"
    if run.check is not None:
        problem = run.check(folder, out, err)
        if problem:
            return problem
    if seconds > budget:
        return f"took {seconds:.1f} s (budget {budget:.0f} s)"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/hostile.py", description=__doc__.split(
        "\n\n")[0])
    parser.add_argument("--only", help="only cases whose name holds this text")
    parser.add_argument("--owner", help="only the cases of this owner (hardening, importer)")
    parser.add_argument("--list", action="store_true", help="name every case and stop")
    parser.add_argument("--json", action="store_true", help="print the outcomes as JSON")
    parser.add_argument("--kill-after", type=float, default=KILL_AFTER_S, metavar="SECONDS",
                        help=f"stop a case after this long (default {KILL_AFTER_S:.0f})")
    args = parser.parse_args(argv)
    cases = [c for c in CASES if (not args.only or args.only in c.name)
             and (not args.owner or c.owner == args.owner)]
    if args.list:
        for c in cases:
            print(f"{c.point:5} {c.owner:10} {c.name}")
        return 0
    outcomes = []
    for c in cases:
        outcome = run_case(c, kill_after=args.kill_after)
        outcomes.append(outcome)
        verdict = "ok" if outcome.handled else f"NOT HANDLED: {outcome.problem}"
        print(f"{c.point:5} {c.name:58} exit {outcome.exit!s:4} {outcome.seconds:6.2f} s "
              f"{outcome.peak_mib:7.1f} MiB  {verdict}", flush=True)
    if args.json:
        print(json.dumps([{"name": o.case.name, "owner": o.case.owner, "exit": o.exit,
                           "seconds": round(o.seconds, 3), "peak_mib": round(o.peak_mib, 1),
                           "problem": o.problem} for o in outcomes], indent=1))
    print(summary(outcomes))
    return 0 if all(o.handled for o in outcomes) else 1


def summary(outcomes: list[Outcome]) -> str:
    """One paragraph: inputs tried, handled, the slowest and the largest."""
    if not outcomes:
        return "no cases"
    slowest = max(outcomes, key=lambda o: o.seconds)
    largest = max(outcomes, key=lambda o: o.peak_mib)
    handled = sum(o.handled for o in outcomes)
    return (f"{len(outcomes)} inputs tried, {handled} handled; worst time {slowest.seconds:.2f} s"
            f" ({slowest.case.name}), worst peak memory {largest.peak_mib:.0f} MiB "
            f"({largest.case.name})")


if __name__ == "__main__":
    sys.exit(main())
