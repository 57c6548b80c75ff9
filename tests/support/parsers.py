"""Read one iCalendar file with four independent parsers that real calendar clients use.

The parsers, and the name each result is keyed by:

``icalendar``
    The ``icalendar`` package (PyPI), in-process. Recurrences are expanded with
    ``dateutil.rrule`` applied to DTSTART in its zone, as icalendar has no expansion of its own.
``vobject``
    The ``vobject`` package (PyPI), in-process; recurrences through ``getrruleset()``.
``libical``
    libical 3 through GObject introspection (``ICalGLib``), the library of Evolution and
    GNOME Calendar. Run as ``/usr/bin/python3 libical_read.py`` because the Debian packages
    ``python3-gi`` and ``gir1.2-ical-3.0`` exist only for the system Python.
``icaljs``
    ical.js 2 (npm), the parser of Thunderbird and Nextcloud, run as ``node icaljs/read.mjs``.

:func:`read_all` returns, per parser, the UTC instants each VEVENT starts and ends at (and,
on request, its first occurrences); :func:`agree` lists every way the parsers disagree and
every error they reported, so a test can simply ``assert agree(read_all(ics)) == []``.

Formats: a date-time is ``YYYY-MM-DDTHH:MM:SSZ`` in UTC; a date (``VALUE=DATE``) is
``YYYY-MM-DD`` (the end of an all-day event is exclusive); a floating date-time, one with
neither ``Z`` nor a usable zone, is ``YYYY-MM-DDTHH:MM:SS`` without the ``Z``.

Each call reads the file as a client opening it would: the in-process parsers' caches of
time zones are reset first (both icalendar and vobject keep process-wide caches in which the
first definition of a TZID otherwise wins for good), and the two subprocesses are new.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from .npm import NpmError, ensure_package

PARSERS: tuple[str, ...] = ("icalendar", "vobject", "libical", "icaljs")
"""The parser names, in the order :func:`read_all` returns them."""

LISTED: frozenset[str] = frozenset({
    "ORGANIZER", "ATTENDEE", "URL", "CATEGORIES", "CLASS", "TRANSP", "GEO", "ATTACH",
    "CONTACT"})
"""The properties each reader lists per event (with every X- property and each VALARM), as
each parser gives them: a round trip must keep them (issue 15)."""

SUPPORT_DIR = Path(__file__).resolve().parent
ICALJS_DIR = SUPPORT_DIR / "icaljs"
ICALJS_SCRIPT = ICALJS_DIR / "read.mjs"
LIBICAL_SCRIPT = SUPPORT_DIR / "libical_read.py"
SYSTEM_PYTHON = os.environ.get("PLANNER_LIBICAL_PYTHON", "/usr/bin/python3")
"""The interpreter that has ``gi`` and ``ICalGLib`` (override with PLANNER_LIBICAL_PYTHON)."""
SUBPROCESS_TIMEOUT = 120.0

RawEvent = dict[str, Any]
"""One event as the readers report it: uid, recurrence_id, start, end, summary, occurrences."""


class HarnessError(RuntimeError):
    """The harness itself could not run a parser (missing tool, crash, unreadable output)."""


@dataclass
class EventInstants:
    """What one parser reads from one VEVENT."""

    start: str | None
    """DTSTART as a UTC instant, a date, or a floating date-time (see the module doc)."""
    end: str | None
    """DTEND, or DTSTART + DURATION, or the RFC 5545 default (a day for dates, else DTSTART)."""
    summary: str | None
    """SUMMARY, unfolded and unescaped."""
    occurrences: list[str] = field(default_factory=list)
    """The first N occurrence starts (RRULE and RDATE, EXDATE removed) when N > 0 was asked."""
    properties: dict[str, list[str]] = field(default_factory=dict)
    """The listed properties (:data:`LISTED`, X- ones, VALARM): name -> sorted texts, each
    the parameters (sorted) and the value as the parser gives them; CATEGORIES one text per
    category, VALARM one text per alarm (its properties, sorted)."""


@dataclass
class ParserResult:
    """Everything one parser read from the file."""

    events: dict[str, EventInstants]
    """By UID, or ``"UID|RECURRENCE-ID"`` for an event that has a RECURRENCE-ID."""
    errors: list[str]
    """Problems the parser reported (for libical: failed parse, X-LIC-ERROR, unknown TZID)."""


# --------------------------------------------------------------------------- formatting


def format_instant(value: date | datetime) -> str:
    """Format a date as ``YYYY-MM-DD`` and a date-time as its UTC instant.

    A naive (floating) date-time keeps its wall-clock time and gets no ``Z``.
    """
    if isinstance(value, datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            value = value.astimezone(UTC)
            suffix = "Z"
        else:
            suffix = ""
        return (
            f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
            f"T{value.hour:02d}:{value.minute:02d}:{value.second:02d}{suffix}"
        )
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def _default_end(start: date | datetime) -> date | datetime:
    """Return the RFC 5545 end of an event that has neither DTEND nor DURATION."""
    if isinstance(start, datetime):
        return start
    return start + timedelta(days=1)


def _as_rule_datetime(value: date | datetime) -> datetime:
    """Return ``value`` as the datetime dateutil.rrule works on (a date becomes midnight)."""
    if isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day)


def _as_list(value: Any) -> list[Any]:
    """Return a property value that may occur once or several times as a list."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def _collect(raw_events: Iterable[RawEvent], errors: list[str]) -> ParserResult:
    """Key the raw events by UID (and RECURRENCE-ID) and build the ParserResult."""
    events: dict[str, EventInstants] = {}
    for raw in raw_events:
        uid = raw.get("uid")
        if uid is None:
            errors.append("VEVENT without UID")
            uid = "<no UID>"
        key = str(uid) if raw.get("recurrence_id") is None else f"{uid}|{raw['recurrence_id']}"
        if key in events:
            errors.append(f"VEVENT {key} occurs more than once")
            key = next(f"{key}|#{n}" for n in itertools.count(2) if f"{key}|#{n}" not in events)
        events[key] = EventInstants(
            start=raw.get("start"),
            end=raw.get("end"),
            summary=raw.get("summary"),
            occurrences=list(raw.get("occurrences") or []),
            properties={k: list(v) for k, v in (raw.get("properties") or {}).items()},
        )
    return ParserResult(events=events, errors=list(dict.fromkeys(errors)))


# --------------------------------------------------------------------------- icalendar


def _icalendar_values(prop: Any) -> list[date | datetime]:
    """Return the dates or date-times of a (possibly repeated) RDATE or EXDATE property.

    A PERIOD value gives its start.
    """
    result: list[date | datetime] = []
    for line in _as_list(prop):
        for item in line.dts:
            value = item.dt
            if isinstance(value, tuple):
                value = value[0]
            result.append(value)
    return result


def _icalendar_occurrences(
    event: Any, start: date | datetime, count: int, errors: list[str], what: str
) -> list[str]:
    """Expand RRULE/RDATE/EXDATE of an icalendar event with dateutil, in DTSTART's zone."""
    from dateutil.rrule import rruleset, rrulestr

    base = _as_rule_datetime(start)
    rules = rruleset()
    for rule in _as_list(event.get("RRULE")):
        text = rule.to_ical().decode()
        try:
            rules.rrule(rrulestr(text, dtstart=base))
        except ValueError as exc:
            errors.append(f"{what}: RRULE {text!r} not expandable: {exc}")
    rules.rdate(base)  # DTSTART is always the first instance (RFC 5545 3.8.5.3)
    for value in _icalendar_values(event.get("RDATE")):
        rules.rdate(_as_rule_datetime(value))
    for value in _icalendar_values(event.get("EXDATE")):
        rules.exdate(_as_rule_datetime(value))
    try:
        found = list(itertools.islice(rules, count))
    except TypeError as exc:  # naive and aware values mixed
        errors.append(f"{what}: recurrence not expandable: {exc}")
        return []
    if not isinstance(start, datetime):
        return [format_instant(value.date()) for value in found]
    return [format_instant(value) for value in found]


def _icalendar_check_tzids(event: Any, known: set[str], errors: list[str], what: str) -> None:
    """Report every property of ``event`` whose TZID names no VTIMEZONE of the file."""
    for name, value in event.property_items(recursive=False):
        params = getattr(value, "params", None)
        tzid = params.get("TZID") if params is not None else None
        if tzid and tzid not in known:
            errors.append(f"{what} {name}: TZID={tzid} has no VTIMEZONE in the file")


def _icalendar_text(value: Any) -> str:
    try:
        raw = value.to_ical()
    except Exception:  # noqa: BLE001 - a broken value: its text as it came
        return str(value)
    return raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else str(raw)


def _icalendar_listed(event: Any) -> dict[str, list[str]]:
    """The listed properties of an icalendar VEVENT (see :attr:`EventInstants.properties`)."""
    found: dict[str, list[str]] = {}
    for name, value in event.property_items(recursive=False, sorted=False):
        name = name.upper()
        if name not in LISTED and not name.startswith("X-"):
            continue
        if name == "CATEGORIES":
            found.setdefault(name, []).extend(
                str(c).strip() for c in getattr(value, "cats", [value]))
            continue
        params = sorted(f"{k.upper()}={v}" for k, v in getattr(value, "params", {}).items())
        found.setdefault(name, []).append(";".join(params) + ":" + _icalendar_text(value))
    for alarm in event.subcomponents:
        if alarm.name == "VALARM":
            lines = sorted(f"{n.upper()}:{_icalendar_text(v)}"
                           for n, v in alarm.property_items(recursive=False, sorted=False)
                           if n not in ("BEGIN", "END"))
            found.setdefault("VALARM", []).append("|".join(lines))
    return {name: sorted(values) for name, values in found.items()}


def read_icalendar(ics: bytes, occurrences: int = 0) -> ParserResult:
    """Read ``ics`` with icalendar (``Calendar.from_ical``, DTSTART's ``.dt`` converted)."""
    import icalendar

    # icalendar keeps a process-wide cache of the zones it built from VTIMEZONE components,
    # in which the first definition of a TZID wins; a client opening this file starts afresh.
    icalendar.use_zoneinfo()
    errors: list[str] = []
    raw_events: list[RawEvent] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            calendar = icalendar.Calendar.from_ical(ics)
    except Exception as exc:  # noqa: BLE001 - any failure is a parse failure to report
        return ParserResult(events={}, errors=[f"parse failed: {exc}"])
    for component in calendar.walk():
        for prop_name, message in component.errors:
            errors.append(f"{component.name} {component.get('UID', '')}: {prop_name}: {message}")
    known = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE") if "TZID" in tz}
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"]) if "UID" in event else None
        what = f"VEVENT {uid}"
        try:
            _icalendar_check_tzids(event, known, errors, what)
            raw: RawEvent = {
                "uid": uid,
                "recurrence_id": None,
                "start": None,
                "end": None,
                "summary": str(event["SUMMARY"]) if "SUMMARY" in event else None,
                "occurrences": [],
                "properties": _icalendar_listed(event),
            }
            if "RECURRENCE-ID" in event:
                raw["recurrence_id"] = format_instant(event["RECURRENCE-ID"].dt)
            if "DTSTART" not in event:
                errors.append(f"{what}: no DTSTART")
                raw_events.append(raw)
                continue
            start = event["DTSTART"].dt
            raw["start"] = format_instant(start)
            if "DTEND" in event:
                end = event["DTEND"].dt
            elif "DURATION" in event:
                end = start + event["DURATION"].dt
            else:
                end = _default_end(start)
            raw["end"] = format_instant(end)
            if occurrences > 0 and ("RRULE" in event or "RDATE" in event):
                raw["occurrences"] = _icalendar_occurrences(event, start, occurrences, errors, what)
            raw_events.append(raw)
        except Exception as exc:  # noqa: BLE001 - report and go on with the next event
            errors.append(f"{what}: {type(exc).__name__}: {exc}")
    return _collect(raw_events, errors)


# --------------------------------------------------------------------------- vobject


def _reset_vobject_zones() -> None:
    """Forget the zones vobject registered while reading earlier files.

    vobject keeps one process-wide TZID -> tzinfo map in which the first VTIMEZONE read for a
    TZID wins for good, so a later file's different definition of the same TZID would be
    ignored.
    """
    import vobject.icalendar

    module_vars = vars(vobject.icalendar)
    tzid_map = module_vars["__tzidMap"]
    tzid_map.clear()
    module_vars["registerTzid"]("UTC", module_vars["utc"])


def _vobject_tzid(line: Any) -> str | None:
    """Return the TZID a vobject content line was written with, before or after transform."""
    for param in ("X-VOBJ-ORIGINAL-TZID", "TZID"):
        values = line.params.get(param)
        if values:
            return str(values[0])
    return None


def _vobject_text(line: Any) -> str:
    try:
        value = line.value
    except Exception:  # noqa: BLE001 - a value vobject cannot give: none
        return ""
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value)


def _vobject_listed(event: Any) -> dict[str, list[str]]:
    """The listed properties of a vobject VEVENT (see :attr:`EventInstants.properties`)."""
    found: dict[str, list[str]] = {}
    for name, lines in event.contents.items():
        name = name.upper()
        if name == "VALARM":
            for alarm in lines:
                texts = sorted(f"{n.upper()}:{_vobject_text(x)}" for n, xs in
                               alarm.contents.items() for x in xs)
                found.setdefault(name, []).append("|".join(texts))
            continue
        if name not in LISTED and not name.startswith("X-"):
            continue
        for line in lines:
            if name == "CATEGORIES":
                value = line.value
                values = value if isinstance(value, list) else str(value).split(",")
                found.setdefault(name, []).extend(str(v).strip() for v in values)
                continue
            params = sorted(f"{k.upper()}={','.join(map(str, v))}"
                            for k, v in getattr(line, "params", {}).items())
            found.setdefault(name, []).append(";".join(params) + ":" + _vobject_text(line))
    return {name: sorted(values) for name, values in found.items()}


def _vobject_event(event: Any, known: set[str], occurrences: int, errors: list[str]) -> RawEvent:
    """Read one vobject VEVENT component."""
    contents: dict[str, list[Any]] = event.contents
    uid_lines = contents.get("uid")
    uid = str(uid_lines[0].value) if uid_lines else None
    what = f"VEVENT {uid}"
    for name, lines in contents.items():
        for line in lines:
            tzid = _vobject_tzid(line) if hasattr(line, "params") else None
            if tzid and tzid not in known:
                errors.append(f"{what} {name.upper()}: TZID={tzid} has no VTIMEZONE in the file")
    summary = contents.get("summary")
    raw: RawEvent = {
        "uid": uid,
        "recurrence_id": None,
        "start": None,
        "end": None,
        "summary": str(summary[0].value) if summary else None,
        "occurrences": [],
        "properties": _vobject_listed(event),
    }
    if "recurrence-id" in contents:
        raw["recurrence_id"] = format_instant(contents["recurrence-id"][0].value)
    if "dtstart" not in contents:
        errors.append(f"{what}: no DTSTART")
        return raw
    start = contents["dtstart"][0].value
    raw["start"] = format_instant(start)
    if "dtend" in contents:
        end = contents["dtend"][0].value
    elif "duration" in contents:
        end = start + contents["duration"][0].value
    else:
        end = _default_end(start)
    raw["end"] = format_instant(end)
    if occurrences > 0:
        ruleset = event.getrruleset(addRDate=True)
        if ruleset is not None:
            found = list(itertools.islice(ruleset, occurrences))
            if not isinstance(start, datetime):
                found = [value.date() for value in found]
            raw["occurrences"] = [format_instant(value) for value in found]
    return raw


def read_vobject(ics: bytes, occurrences: int = 0) -> ParserResult:
    """Read ``ics`` with vobject (``readOne``; recurrences through ``getrruleset``)."""
    import vobject

    _reset_vobject_zones()
    errors: list[str] = []
    raw_events: list[RawEvent] = []
    try:
        calendar = vobject.readOne(ics.decode("utf-8"))
    except Exception as exc:  # noqa: BLE001 - any failure is a parse failure to report
        return ParserResult(events={}, errors=[f"parse failed: {type(exc).__name__}: {exc}"])
    known = {str(tz.tzid.value) for tz in calendar.contents.get("vtimezone", [])}
    for event in calendar.contents.get("vevent", []):
        try:
            raw_events.append(_vobject_event(event, known, occurrences, errors))
        except Exception as exc:  # noqa: BLE001 - report and go on with the next event
            uid = event.contents.get("uid")
            what = f"VEVENT {uid[0].value}" if uid else "VEVENT"
            errors.append(f"{what}: {type(exc).__name__}: {exc}")
    return _collect(raw_events, errors)


# --------------------------------------------------------------------------- subprocesses


def ensure_icaljs() -> Path:
    """Install ical.js into ``tests/support/icaljs/node_modules`` unless it is there already.

    Returns the directory. Raises HarnessError on failure.
    """
    try:
        ensure_package(ICALJS_DIR, "ical.js")
    except NpmError as exc:
        raise HarnessError(str(exc)) from exc
    return ICALJS_DIR


def _start(command: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    """Start a reader subprocess with pipes for stdin, stdout and stderr."""
    try:
        return subprocess.Popen(
            command,
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError as exc:
        raise HarnessError(f"cannot start {command[0]}: {exc}") from exc


def _finish(name: str, process: subprocess.Popen[bytes], ics: bytes) -> ParserResult:
    """Feed ``ics`` to a started reader, wait for it and turn its JSON into a ParserResult."""
    try:
        stdout, stderr = process.communicate(ics, timeout=SUBPROCESS_TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        process.kill()
        process.communicate()
        raise HarnessError(f"{name} reader timed out") from exc
    if process.returncode != 0:
        raise HarnessError(
            f"{name} reader failed (exit {process.returncode}):\n{stderr.decode(errors='replace')}"
        )
    try:
        report = json.loads(stdout)
    except ValueError as exc:
        raise HarnessError(f"{name} reader printed no JSON: {stdout[:500]!r}") from exc
    return _collect(report["events"], list(report["errors"]))


# --------------------------------------------------------------------------- public API


def read_all(ics: bytes, *, occurrences: int = 0) -> dict[str, ParserResult]:
    """Read ``ics`` with all four parsers and return their results keyed by parser name.

    With ``occurrences`` > 0, each recurring event (RRULE or RDATE) also lists its first
    ``occurrences`` starts, each parser expanding with its own machinery. One node and one
    system-Python process are started per call. Raises HarnessError when a parser cannot run
    at all; what a parser finds wrong in the file is in its ``errors``.
    """
    if isinstance(ics, str):  # tolerate text, though bytes are what a file holds
        ics = ics.encode("utf-8")
    node = shutil.which("node")
    if node is None:
        raise HarnessError("node is not on PATH: cannot run ical.js")
    ensure_icaljs()
    count = str(max(occurrences, 0))
    libical = _start([SYSTEM_PYTHON, str(LIBICAL_SCRIPT), count], SUPPORT_DIR)
    try:
        icaljs = _start([node, str(ICALJS_SCRIPT), count], ICALJS_DIR)
    except HarnessError:
        libical.kill()
        libical.communicate()
        raise
    results: dict[str, ParserResult] = {}
    try:
        results["icalendar"] = read_icalendar(ics, occurrences)
        results["vobject"] = read_vobject(ics, occurrences)
        results["libical"] = _finish("libical", libical, ics)
        results["icaljs"] = _finish("icaljs", icaljs, ics)
    finally:
        for process in (libical, icaljs):
            if process.poll() is None:  # left running by an exception above
                process.kill()
                process.communicate()
    return {name: results[name] for name in PARSERS}


MANY_FILE_TIMEOUT = 30.0
"""Seconds one file may take a subprocess reader in :func:`read_all_many`."""


def _commands(occurrences: int) -> dict[str, tuple[list[str], Path]]:
    """The ``--many`` command of each subprocess reader, and where it runs."""
    node = shutil.which("node")
    if node is None:
        raise HarnessError("node is not on PATH: cannot run ical.js")
    ensure_icaljs()
    count = str(max(occurrences, 0))
    return {
        "libical": ([SYSTEM_PYTHON, str(LIBICAL_SCRIPT), "--many", count], SUPPORT_DIR),
        "icaljs": ([node, str(ICALJS_SCRIPT), "--many", count], ICALJS_DIR),
    }


def read_many(name: str, files: list[bytes], *, occurrences: int = 0) -> list[ParserResult]:
    """The reports of the subprocess reader ``name`` (``libical`` or ``icaljs``) on
    ``files``, one process for them all (see :func:`read_all_many`)."""
    command, cwd = _commands(occurrences)[name]
    return _run_many(name, command, cwd, files)


def read_in_process(ics: bytes, occurrences: int = 0) -> tuple[ParserResult, ParserResult]:
    """What icalendar and vobject read from ``ics`` (for a pool of processes to call)."""
    return read_icalendar(ics, occurrences), read_vobject(ics, occurrences)


def read_all_many(
    files: list[bytes], *, occurrences: int = 0,
    known: Mapping[str, list[ParserResult | None]] | None = None,
) -> list[dict[str, ParserResult]]:
    """:func:`read_all` of many files, with one libical and one node process for them all
    (a file's report is as if it were read alone). A file that a reader does not finish
    within :data:`MANY_FILE_TIMEOUT` gets the error ``reader hung`` from it. ``known`` gives
    a parser's reports already made of some of ``files`` (by :func:`read_many` or
    :func:`read_in_process`, with the same ``occurrences``; ``None`` where not): only the
    others are read.

    The two processes read while this one runs icalendar and vobject (each waits on its
    pipes in a thread of its own), so that the four parsers take the time of the slowest
    rather than of all four, and a reader's wait on a file that hangs it is not added on."""
    from concurrent.futures import ThreadPoolExecutor

    commands = _commands(occurrences)
    reports: dict[str, list[ParserResult | None]] = {
        name: list((known or {}).get(name) or [None] * len(files)) for name in PARSERS}
    with ThreadPoolExecutor(max_workers=len(commands)) as pool:
        running = {}
        for name, (command, cwd) in commands.items():
            wanted = [n for n, report in enumerate(reports[name]) if report is None]
            running[name] = (wanted, pool.submit(_run_many, name, command, cwd,
                                                 [files[n] for n in wanted]))
        for n, f in enumerate(files):
            if reports["icalendar"][n] is None or reports["vobject"][n] is None:
                reports["icalendar"][n], reports["vobject"][n] = read_in_process(
                    f, occurrences)
        for name, (wanted, future) in running.items():
            for n, report in zip(wanted, future.result(), strict=True):
                reports[name][n] = report
    done = {name: [r for r in found if r is not None] for name, found in reports.items()}
    return [{name: done[name][n] for name in PARSERS} for n in range(len(files))]


def _run_many(name: str, command: list[str], cwd: Path, files: list[bytes]) -> list[ParserResult]:
    """The reports of ``command --many`` on ``files``, starting it again after a file that
    hangs it."""
    import select

    found: list[ParserResult] = []
    while len(found) < len(files):
        rest = files[len(found):]
        process = _start(command, cwd)
        try:
            with tempfile.TemporaryFile() as payload:
                payload.write(json.dumps([f.decode("latin-1") for f in rest]).encode())
                payload.seek(0)
                assert process.stdin is not None and process.stdout is not None
                process.stdin.write(payload.read())
                process.stdin.close()
            pending = b""
            while len(found) < len(files):
                ready, _, _ = select.select([process.stdout], [], [], MANY_FILE_TIMEOUT)
                if not ready:
                    found.append(ParserResult(events={}, errors=[f"{name}: reader hung"]))
                    break
                chunk = process.stdout.read1(1 << 20)  # type: ignore[attr-defined]
                if not chunk:
                    stderr = process.stderr.read().decode(errors="replace") if process.stderr \
                        else ""
                    raise HarnessError(f"{name} reader stopped early:\n{stderr[-2000:]}")
                pending += chunk
                while b"\n" in pending:
                    line, pending = pending.split(b"\n", 1)
                    report = json.loads(line)
                    found.append(_collect(report["events"], list(report["errors"])))
        finally:
            if process.poll() is None:
                process.kill()
            process.wait()
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()
    return found


def _describe(value: Any) -> str:
    """Return a short text for a value in a disagreement message."""
    return "<none>" if value is None else repr(value)


def _compare_lists(key: str, by_parser: Mapping[str, list[str]]) -> str | None:
    """Describe how the occurrence lists differ, from the first index where they do."""
    lists = list(by_parser.values())
    if all(values == lists[0] for values in lists):
        return None
    longest = max(len(values) for values in lists)
    index = next(
        i
        for i in range(longest + 1)
        if len({values[i] if i < len(values) else None for values in lists}) > 1
    )
    groups: dict[str | None, list[str]] = {}
    for name, values in by_parser.items():
        groups.setdefault(values[index] if index < len(values) else None, []).append(name)
    parts = [
        f"{'/'.join(names)}={'<end>' if value is None else value} (of {len(by_parser[names[0]])})"
        for value, names in groups.items()
    ]
    return f"{key}: occurrences differ at #{index}: " + "; ".join(parts)


def agree(results: Mapping[str, ParserResult]) -> list[str]:
    """Return human-readable disagreements between the parsers, and every error they reported.

    An empty list means all parsers read every event alike and none reported an error.
    """
    lines = [f"{name}: {error}" for name, result in results.items() for error in result.errors]
    keys: dict[str, None] = {}
    for result in results.values():
        keys.update(dict.fromkeys(result.events))
    for key in keys:
        present = {name: r.events[key] for name, r in results.items() if key in r.events}
        missing = [name for name in results if name not in present]
        if missing:
            lines.append(f"{key}: not read by {', '.join(missing)} (read by {', '.join(present)})")
        for attribute in ("start", "end", "summary"):
            groups: dict[str | None, list[str]] = {}
            for name, event in present.items():
                groups.setdefault(getattr(event, attribute), []).append(name)
            if len(groups) > 1:
                parts = [f"{'/'.join(names)}={_describe(value)}" for value, names in groups.items()]
                lines.append(f"{key}: {attribute} differs: " + "; ".join(parts))
        difference = _compare_lists(
            key, {name: event.occurrences for name, event in present.items()}
        )
        if difference is not None:
            lines.append(difference)
    return lines


__all__ = [
    "PARSERS",
    "EventInstants",
    "HarnessError",
    "ParserResult",
    "agree",
    "ensure_icaljs",
    "format_instant",
    "read_all",
    "read_icalendar",
    "read_vobject",
]
