"""Events, unscheduled sessions and availability from a spreadsheet saved as CSV.

The first row names the columns (any order, any case). An events sheet needs ``title`` and
either ``start`` and ``end`` or ``duration``; ``uid``, ``track``, ``venue``, ``speakers``,
``description``, ``language`` and ``status`` are optional, and other columns are ignored.
``start`` and ``end`` are ``YYYY-MM-DD HH:MM`` in the programme's zone. A row with
``duration`` (minutes) and no ``start`` or ``end`` is an event with no time yet: it becomes an
unscheduled session (its ``venue`` may be empty: none chosen yet). ``speakers`` (and
``language``) hold several values separated by ``;``. Comma, semicolon and tab separated
files are all read (Excel in German or Russian settings writes semicolons), with or without a
byte-order mark.

An availability sheet has ``person`` or ``venue`` (a name or id), ``from`` and ``to``
(``YYYY-MM-DD HH:MM``), and optionally ``kind``: ``available`` (the default) or ``blocked``
(a break, set-up). Its rows replace the availability of each person and venue they name.

A row without ``uid`` gets one derived from its title, times (or duration) and venue, so
importing the same sheet again finds the same events.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from planner.i18n import Message, msg
from planner.importing import (
    IncomingEvent,
    IncomingSession,
    IncomingWindow,
    ReadResult,
    Ref,
    line_ref,
)
from planner.importing import problem as make_problem
from planner.model import ProgrammeError

REQUIRED = ("title", "start", "end")
OPTIONAL = ("uid", "track", "venue", "speakers", "description", "language", "status")
TIME_FORMAT = "%Y-%m-%d %H:%M"
# Rows read between two progress reports (a report may stop the reading).
PROGRESS_EVERY = 200
# How much of the text the separator is told from: the header row of any real sheet.
HEAD_CHARS = 64 * 1024


class CsvError(ProgrammeError):
    """A CSV file that cannot be read at all; the message names the file."""


def _delimiter(head: str) -> str:
    """The separator of the sheet whose text starts with ``head``: of comma, semicolon and
    tab the one its header row holds most often outside quotes (comma when none is there).

    One pass over the head alone: the header names a few columns, and the csv module's
    Sniffer, which tries regular expressions over the whole text, takes quadratic time on a
    line of quotes.
    """
    counts = dict.fromkeys(",;\t", 0)
    quoted = False
    for char in head[:HEAD_CHARS]:
        if char == '"':
            quoted = not quoted
        elif char == "\n" and not quoted:
            break
        elif not quoted and char in counts:
            counts[char] += 1
    return max(counts, key=lambda d: (counts[d], d == ","))


def _parse_time(text: str) -> datetime:
    return datetime.strptime(text.strip(), TIME_FORMAT)


def row_uid(title: str, start: str, end: str, venue: str) -> str:
    """The UID of a row that gives none: the same row content gives the same UID."""
    basis = "\x1f".join(x.strip() for x in (title, start, end, venue))
    return f"csv-{hashlib.sha1(basis.encode('utf-8')).hexdigest()[:16]}@programme-planner"


def read_csv(
    data: bytes, source: str | Path, progress: Callable[[int, int], None] | None = None
) -> ReadResult:
    """Read CSV bytes into incoming events and problems (one per row that cannot be used).

    ``source`` names the file in messages; problems name the line. A file without the
    required columns, or not UTF-8, raises :class:`CsvError`. ``progress(done, total)``, if
    given, is called now and then with the lines read so far; it may raise to stop the
    reading.
    """
    source = str(source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CsvError(
            msg("{file}: not UTF-8 text (byte {pos}); save the sheet as CSV UTF-8",
                file=source, pos=exc.start)
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    result = ReadResult(source=source)
    try:
        header = next(reader)
    except StopIteration:
        raise CsvError(msg("{file}: empty file, no header row", file=source)) from None
    except csv.Error as exc:
        raise CsvError(msg("{file}: not a CSV file ({reason})", file=source, reason=exc)) from None
    columns = {name.strip().lower(): n for n, name in enumerate(header) if name.strip()}
    windows = ("from" in columns and "to" in columns
               and ("person" in columns or "venue" in columns) and "title" not in columns)
    missing = [name for name in REQUIRED if name not in columns]
    if "duration" in columns and "title" in columns:
        missing = []  # start and end may come per row, or not at all (unscheduled)
    if windows:
        missing = []
    if missing:
        raise CsvError(
            msg("{file}: header row lacks column(s) {columns} (needs title, start, end; or "
                "title, duration; or person or venue, from, to)",
                file=source, columns=", ".join(missing))
        )
    line = reader.line_num
    lines = text.count("\n") + 1
    rows = 0
    while True:
        if progress is not None and rows % PROGRESS_EVERY == 0:
            progress(min(line, lines), lines)
        rows += 1
        first_line = line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise CsvError(
                msg("{path}: {reason}", path=line_ref(source, first_line), reason=exc)
            ) from None
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if windows:
            _read_window(row, columns, source, first_line, result)
        else:
            _read_row(row, columns, source, first_line, result)
    if progress is not None:
        progress(lines, lines)
    return result


def _read_row(
    row: list[str], columns: dict[str, int], source: str, line: int, result: ReadResult
) -> None:
    def cell(name: str) -> str:
        n = columns.get(name)
        return row[n].strip() if n is not None and n < len(row) else ""

    title, start_text, end_text = cell("title"), cell("start"), cell("end")
    venue = cell("venue")
    uid = cell("uid") or row_uid(title, start_text, end_text or cell("duration"), venue)
    where = line_ref(source, line)
    ref = line_ref(source, line, uid) if cell("uid") else where

    def problem(reason: Message) -> None:
        result.problems.append(make_problem(ref, reason))

    duration_text = cell("duration")
    if not start_text and not end_text and duration_text:
        _read_session(cell, uid, ref, where, duration_text, result, problem)
        return
    if not start_text:
        problem(msg("no start"))
        return
    times = []
    for name, value in (("start", start_text), ("end", end_text)):
        if not value:
            problem(msg("no end"))
            return
        try:
            times.append(_parse_time(value))
        except ValueError:
            problem(msg("{name} '{value}' is not a date and time (YYYY-MM-DD HH:MM)",
                        name=name, value=value))
            return
    result.events.append(
        IncomingEvent(
            ref=ref,
            where=where,
            uid=uid,
            title=title,
            start=times[0],
            end=times[1],
            track=cell("track"),
            venue=venue,
            speakers=tuple(s.strip() for s in cell("speakers").split(";") if s.strip()),
            description=cell("description"),
            languages=tuple(x for x in re.split(r"[;,\s]+", cell("language")) if x),
            status=cell("status").lower() or "confirmed",
            sequence=None,
        )
    )


def _read_session(
    cell: Callable[[str], str], uid: str, ref: Ref, where: Ref, duration_text: str,
    result: ReadResult,
    problem: Callable[[Message], None],
) -> None:
    try:
        minutes = int(duration_text)
    except ValueError:
        minutes = 0
    if minutes <= 0:
        problem(msg("duration '{value}' is not a number of minutes above 0",
                    value=duration_text))
        return
    result.sessions.append(IncomingSession(
        ref=ref, where=where, uid=uid, title=cell("title"),
        duration=timedelta(minutes=minutes), track=cell("track"), venue=cell("venue"),
        speakers=tuple(s.strip() for s in cell("speakers").split(";") if s.strip()),
        description=cell("description"),
        languages=tuple(x for x in re.split(r"[;,\s]+", cell("language")) if x),
        status=cell("status").lower() or "confirmed",
    ))


def _read_window(
    row: list[str], columns: dict[str, int], source: str, line: int, result: ReadResult
) -> None:
    def cell(name: str) -> str:
        n = columns.get(name)
        return row[n].strip() if n is not None and n < len(row) else ""

    ref = line_ref(source, line)
    person, venue = cell("person"), cell("venue")
    if bool(person) == bool(venue):
        result.problems.append(make_problem(ref, msg("give a person or a venue")))
        return
    times = []
    for name in ("from", "to"):
        value = cell(name)
        try:
            times.append(_parse_time(value))
        except ValueError:
            result.problems.append(make_problem(ref, msg(
                "{name} '{value}' is not a date and time (YYYY-MM-DD HH:MM)", name=name,
                value=value)))
            return
    result.windows.append(IncomingWindow(
        ref=ref, owner_kind="person" if person else "venue", owner=person or venue,
        start=times[0], end=times[1], kind=cell("kind").lower() or "available"))
