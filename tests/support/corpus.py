"""Measure the importer on the corpus of real-world calendar files (issue 15).

``tests/data/ics-corpus/<project>/`` holds calendar files with events from the test data of
public calendar projects, each folder with its ``SOURCE.md`` (repository, commit, the path of
every file) and the project's licence. :func:`measure` imports each file into a new
programme as ``python main.py import FILE -p NEW`` does (in-process, with ``TZ=UTC`` so that
nothing depends on the machine's zone), exports the programme again, and reads the original
and the export with all four parsers of :mod:`support.parsers`. Per file it reports:

- ``imported``: exit 0; ``clean``: exit 0 and no event skipped;
- ``crashed``: a traceback (any exception the command does not turn into an ``error:`` line);
- ``seconds``: the import's time (a hang is stopped by an alarm and counts as a crash);
- per parser, the events of the original that the programme took in (not skipped) whose
  start, end, first occurrences and listed properties the export gives back alike
  (``kept``), and those it does not (``lost``, each with what differs).

Run ``python -m support.corpus`` from ``tests/`` for the figures of the README.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .parsers import (
    PARSERS,
    EventInstants,
    ParserResult,
    read_all_many,
    read_in_process,
    read_many,
)

CORPUS_DIR = Path(__file__).resolve().parent.parent / "data" / "ics-corpus"
OCCURRENCES = 20
"""How many occurrences of each series the parsers compare."""
HANG_SECONDS = 60


def corpus_files() -> list[Path]:
    """Every calendar file of the corpus, sorted."""
    return sorted(p for p in CORPUS_DIR.glob("*/*") if p.suffix.lower() == ".ics")


@dataclass
class FileReport:
    """What :func:`measure` found for one file."""

    path: Path
    code: int | None = None
    crashed: str = ""
    seconds: float = 0.0
    skipped: int = 0
    error: str = ""
    zone: str = "UTC"
    kept: dict[str, int] = field(default_factory=dict)
    lost: dict[str, list[str]] = field(default_factory=dict)
    ambiguous: int = 0
    skipped_uids: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        """The file as ``project/file``."""
        return f"{self.path.parent.name}/{self.path.name}"

    @property
    def imported(self) -> bool:
        """Whether the import ended with exit 0."""
        return self.code == 0 and not self.crashed

    @property
    def clean(self) -> bool:
        """Whether the import ended with exit 0 and took every event in."""
        return self.imported and self.skipped == 0


class _Hang(Exception):
    pass


@contextlib.contextmanager
def _alarm(seconds: int) -> Iterator[None]:
    def ring(signum: int, frame: Any) -> None:
        raise _Hang(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@contextlib.contextmanager
def _utc() -> Iterator[None]:
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    try:
        yield
    finally:
        if old is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old


def import_and_export(path: Path, folder: Path) -> tuple[FileReport, bytes | None]:
    """Import ``path`` into a new programme in ``folder`` and export it; the report and the
    exported bytes (``None`` when nothing was imported)."""
    from planner.cli import main
    from planner.store import ProgrammeStore

    report = FileReport(path)
    programme = folder / "new.programme"
    out = folder / "out.ics"
    stdout, stderr = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    try:
        with _utc(), _alarm(HANG_SECONDS), contextlib.redirect_stdout(stdout), \
                contextlib.redirect_stderr(stderr):
            # In English whatever the locale: the skipped lines are counted below.
            report.code = main(["import", str(path), "-p", str(programme), "--lang", "en"])
    except BaseException as exc:  # noqa: BLE001 - a crash is what is being measured
        report.crashed = f"{type(exc).__name__}: {exc}"[:300]
    report.seconds = time.perf_counter() - started
    report.error = stderr.getvalue().strip()[:300]
    skipped = [line for line in stdout.getvalue().splitlines()
               if line.lstrip().startswith("skipped")]
    report.skipped = len(skipped)
    # The UIDs the import names as skipped (one it gave an event without UID, see
    # planner.ics, stands for the readers' "<no UID>"); a component that could not be read
    # at all is named by what it is instead.
    for line in skipped:
        found = re.search(r"event '(.*?)'", line)
        uid = found[1] if found else ""
        report.skipped_uids.add(NO_UID if uid.startswith("import-") and uid.endswith(
            "@programme-planner") else uid)
    if not report.imported:
        return report, None
    with ProgrammeStore.open(programme, readonly=True) as store:
        report.zone = store.load().timezone
    try:
        with _utc(), _alarm(HANG_SECONDS), contextlib.redirect_stdout(io.StringIO()), \
                contextlib.redirect_stderr(stderr):
            code = main(["export", "-p", str(programme), "-o", str(out)])
    except BaseException as exc:  # noqa: BLE001
        report.crashed = f"export: {type(exc).__name__}: {exc}"[:300]
        return report, None
    if code != 0:
        report.crashed = f"export: exit {code}: {stderr.getvalue().strip()[:200]}"
        return report, None
    return report, out.read_bytes()


def _instant(text: str | None, zone: str) -> str | None:
    """A parser's instant text with a floating time read in ``zone`` (as the import reads
    it), so that it compares with the export's UTC instant."""
    if text is None or len(text) != 19 or "T" not in text:
        return text
    value = datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _one_day_end(event: EventInstants) -> str | None:
    """The end of ``event`` as the import reads it: an all-day DTEND equal to DTSTART is one
    day, as Google and Outlook read it (issue 15), and the export writes it so."""
    if event.start is not None and len(event.start) == 10 and event.end == event.start:
        return (date.fromisoformat(event.start) + timedelta(days=1)).isoformat()
    return event.end


_WEEKS = re.compile(r"(^|\|)(TRIGGER|DURATION):([+-]?)P(\d+)W(?=\||$)")


_EMPTY_PARAMETER = re.compile(r"(^|;)[A-Z0-9-]+=(?=[;:])")


def _listed(name: str, texts: list[str]) -> list[str]:
    """A listed property's texts, to compare: sorted, with two forms of one value made one.

    - In a VALARM a duration in weeks is the days it is: icalendar reads ``TRIGGER:-P1W``
      as the time it is (seven days, RFC 5545 3.3.6: a week is seven days) and writes it
      ``-P7D``; libical and ical.js give each form back as written. The alarm rings at the
      same time.
    - A parameter with an empty value is left out: icalendar writes an empty value quoted
      (``X-TITLE=""``, RFC 5545 3.1 allows both forms of the same empty text), and vobject
      drops the unquoted ``X-TITLE=`` of Apple's files while it keeps the quoted one.
    """
    if name == "VALARM":
        texts = [_WEEKS.sub(lambda m: f"{m[1]}{m[2]}:{m[3]}P{7 * int(m[4])}D", t)
                 for t in texts]
    elif name != "CATEGORIES":
        texts = [_EMPTY_PARAMETER.sub("", t).lstrip(";") for t in texts]
    return sorted(texts)


def _differences(before: EventInstants, after: EventInstants, zone: str,
                 unexpanded: bool = False) -> list[str]:
    """What differs between an original event and the export's. A floating time on either
    side is read in the programme's zone (the import reads it so; the export writes a
    floating end as its file wrote it, see planner.importing.READ_AS). ``unexpanded``: the
    parser could not expand the original's recurrence (its own error, e.g. dateutil mixing
    a floating DTSTART with UTC EXDATEs): its occurrences there are unknown, not none."""
    found = []
    for name in ("start", "end"):
        old = _instant(_one_day_end(before) if name == "end" else before.start, zone)
        new = _instant(getattr(after, name), zone)
        if old != new:
            found.append(f"{name} {old} -> {new}")
    old_list = [_instant(o, zone) for o in before.occurrences]
    if old_list != after.occurrences and not (unexpanded and not old_list):
        first = next((i for i, (a, b) in enumerate(zip(old_list, after.occurrences,
                                                       strict=False)) if a != b),
                     min(len(old_list), len(after.occurrences)))
        found.append(f"occurrence #{first} of {len(old_list)}/{len(after.occurrences)}")
    for name in sorted(set(before.properties) | set(after.properties)):
        if _listed(name, before.properties.get(name, [])) != _listed(
                name, after.properties.get(name, [])):
            found.append(f"{name} {before.properties.get(name)} -> "
                         f"{after.properties.get(name)}"[:200])
    return found


def _base(key: str) -> str:
    """The key of an event without the ``|#n`` that numbers a UID's second, third, ...
    event (their order in a file is no part of them)."""
    return key.split("|#", 1)[0]


def _timing(event: EventInstants) -> tuple[Any, ...]:
    return event.start, event.end, tuple(event.occurrences)


def ambiguous(original: Mapping[str, ParserResult]) -> set[str]:
    """The (base) keys of the events whose times the parsers read differently in the
    original file itself: no export can give each parser back what it read."""
    found = set()
    keys = {k for result in original.values() for k in result.events}
    for key in keys:
        seen = {_timing(r.events[key]) for r in original.values() if key in r.events}
        if len(seen) > 1:
            found.add(_base(key))
    return found


NO_UID = "<no UID>"
"""The key the readers give an event without UID (see support.parsers)."""


def _split(key: str) -> tuple[str, str | None]:
    """The UID and the RECURRENCE-ID (``None`` for none) of an event's key."""
    base = _base(key)
    uid, sep, rid = base.rpartition("|")
    if sep and len(rid) in (10, 19, 20) and rid[:4].isdigit() and rid[4:5] == "-":
        return uid, rid
    return base, None


def _same_occurrence(old: str | None, new: str | None, zone: str,
                     series: list[str] | None = None) -> bool:
    """Whether the export's RECURRENCE-ID ``new`` names the occurrence the original's
    ``old`` names. Besides the same text, two ways of writing it are the same occurrence:

    - a floating RECURRENCE-ID is read in the programme's zone like the event's start (see
      :func:`_instant`), and written as that instant;
    - RFC 5545 3.8.4.4 says a RECURRENCE-ID MUST have the value type of its series' DTSTART:
      one of the other type (a date-time on an all-day series, a date on a timed one) is
      written in the series' type, the occurrence of that day: one of the series'
      occurrences as the export gives them (``series``, where the export has the series),
      and, a zone being at most 14 h from UTC, at most a day from the day the readers give
      (a UTC instant or a date).
    """
    if old is None or new is None:
        return old == new
    if _instant(old, zone) == new:
        return True
    if (len(old) == 10) != (len(new) == 10):
        gap = date.fromisoformat(old[:10]) - date.fromisoformat(new[:10])
        return abs(gap) <= timedelta(days=1) and (series is None or new in series)
    return False


def compare(report: FileReport, original: Mapping[str, ParserResult],
            exported: Mapping[str, ParserResult]) -> None:
    """Fill ``report.kept``/``lost``: per parser, the original's events that the export
    gives back alike (an event the export lacks is lost, unless the import skipped it).
    Left out: events without a start (they wait in Unscheduled: no time to keep) and those
    the parsers read differently in the original (``report.ambiguous`` counts them).

    An original event is matched with the export's events of its UID and occurrence (see
    :func:`_same_occurrence`), by content: a UID's several events in whatever order. An
    event without UID is matched, by content, with the export's events whose UID the
    original does not have: RFC 5545 requires a UID, so the import gives it one (the same
    on every import, see planner.ics). Two components with one UID and one RECURRENCE-ID
    are one occurrence given twice (RFC 5545 3.8.4.4): where they are alike in all that is
    compared, the export gives it once and both count as kept."""
    unclear = ambiguous(original)
    report.ambiguous = len(unclear)
    for parser in PARSERS:
        before, after = original[parser].events, exported[parser].events
        by_uid: dict[str, list[tuple[str, str | None]]] = {}
        for key in after:
            uid, rid = _split(key)
            by_uid.setdefault(uid, []).append((key, rid))
        known = {_split(key)[0] for key in before}
        invented = [one for uid, ones in by_uid.items() if uid not in known for one in ones]
        matched: dict[str, tuple[str, str | None]] = {}  # export key -> original UID, rid
        unexpanded = {error.split(":", 1)[0].removeprefix("VEVENT ")
                      for error in original[parser].errors if "not expandable" in error}
        kept, lost = 0, []
        for key, event in before.items():
            base = _base(key)
            if base in unclear or event.start is None:
                continue
            uid, rid = _split(key)
            ones = invented if uid == NO_UID else by_uid.get(uid, [])
            master = after.get(uid)
            series = master.occurrences if master is not None and master.occurrences else None
            theirs = [k for k, r in ones if _same_occurrence(rid, r, report.zone, series)]
            free = [k for k in theirs if k not in matched]
            # icalendar's reader names an event without UID "None" in its errors.
            failed = (uid if uid != NO_UID else "None") in unexpanded

            def differences(k: str) -> list[str]:
                return _differences(event, after[k], report.zone, failed)  # noqa: B023

            match = next((k for k in free if not differences(k)), None)
            if match is not None:
                matched[match] = (uid, rid)
                kept += 1
            elif any(matched[k] == (uid, rid) and not differences(k)
                     for k in theirs if k in matched and rid is not None):
                kept += 1  # the same occurrence given twice, alike (see above)
            elif not theirs:
                lost.append(f"{base}: not in the export")
            else:
                lost.append(f"{base}: " + "; ".join(differences(theirs[0])))
        report.kept[parser] = kept
        report.lost[parser] = lost


def measure(paths: list[Path] | None = None) -> list[FileReport]:
    """Import, export and compare every corpus file (or ``paths``)."""
    from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
    from multiprocessing import get_context

    paths = corpus_files() if paths is None else paths
    reports: list[FileReport] = []
    exports: list[tuple[int, bytes, bytes]] = []
    originals = [path.read_bytes() for path in paths]
    # The programmes go to memory where the system has it (/dev/shm): each import and
    # export writes its file safely, with fsync, which on a shared disk costs more than the
    # import of a small file itself; what is written is the same.
    memory = Path("/dev/shm")
    where = str(memory) if memory.is_dir() and os.access(memory, os.W_OK) else None
    # Meanwhile ical.js, the slowest reader (and one that a file hangs until its time is
    # up), reads the originals in its own process, and another Python process reads each
    # file and its export with icalendar and vobject as soon as the export is there: by
    # the end of the imports most of the reading is done.
    with ThreadPoolExecutor(max_workers=1) as pool, \
            ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as python, \
            tempfile.TemporaryDirectory(dir=where) as tmp:
        early = pool.submit(read_many, "icaljs", originals, occurrences=OCCURRENCES)
        read: list[Future[tuple[ParserResult, ParserResult]]] = []
        for n, path in enumerate(paths):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            report, exported = import_and_export(path, folder)
            reports.append(report)
            if exported is not None:
                exports.append((n, originals[n], exported))
                read += [python.submit(read_in_process, data, OCCURRENCES)
                         for data in (originals[n], exported)]
        by_icaljs = early.result()
        by_python = [future.result() for future in read]
    files = [f for _, original, exported in exports for f in (original, exported)]
    known: dict[str, list[ParserResult | None]] = {
        "icaljs": [report for n, _, _ in exports for report in (by_icaljs[n], None)],
        "icalendar": [pair[0] for pair in by_python],
        "vobject": [pair[1] for pair in by_python],
    }
    results = read_all_many(files, occurrences=OCCURRENCES, known=known)
    for k, (n, _, _) in enumerate(exports):
        original, exported = results[2 * k], results[2 * k + 1]
        if reports[n].skipped:
            # What the import skipped is reported (file, UID, why); it is not in the export.
            # A skip that names no event (a component that cannot be read at all) leaves
            # out what the export lacks of the file's events.
            named = reports[n].skipped_uids
            for parser in PARSERS:
                gone = [key for key in original[parser].events
                        if key not in exported[parser].events and (
                            _split(key)[0] in named or "" in named)]
                for key in gone:
                    del original[parser].events[key]
        compare(reports[n], original, exported)
    return reports


def summary(reports: list[FileReport]) -> dict[str, Any]:
    """The figures of the README."""
    total = len(reports)
    events = {p: sum(r.kept.get(p, 0) + len(r.lost.get(p, [])) for r in reports)
              for p in PARSERS}
    kept = {p: sum(r.kept.get(p, 0) for r in reports) for p in PARSERS}
    return {
        "files": total,
        "projects": len({r.path.parent.name for r in reports}),
        "imported": sum(r.imported for r in reports),
        "clean": sum(r.clean for r in reports),
        "refused": sum(r.code == 2 for r in reports),
        "crashed": [r.name for r in reports if r.crashed],
        "slowest": max(((r.seconds, r.name) for r in reports), default=(0.0, "")),
        "events": events,
        "kept": kept,
        "files_all_kept": sum(1 for r in reports if r.imported and not any(r.lost.values())),
        "ambiguous": sum(r.ambiguous for r in reports),
    }


if __name__ == "__main__":
    found = measure([Path(a) for a in sys.argv[1:]] or None)
    for r in found:
        if not r.clean or any(r.lost.values()):
            counts = " ".join(f"{p}={len(lines)}" for p, lines in r.lost.items() if lines)
            print(f"{r.name}: code={r.code} skipped={r.skipped} lost: {counts} {r.crashed} "
                  f"{r.error[:150]}")
            for parser, lines in r.lost.items():
                for line in lines[:3]:
                    print(f"   {parser}: {line[:300]}")
    print(summary(found))
