"""Issue 15 measured on real-world files: the calendar files with events from the test data
of eight public calendar projects (tests/data/ics-corpus, each folder with its source and
licence), each imported into a new programme as ``import FILE -p NEW`` does, exported, and
read before and after by the four parsers of tests/support/parsers.py.

The figures are in the README ("Calendars from elsewhere"); ``python -m support.corpus``
(from tests/) prints them with every file that is not taken in whole.
"""

from __future__ import annotations

import pytest
from support.corpus import FileReport, corpus_files, measure, summary
from support.parsers import PARSERS

# The files no calendar client takes in either, each for what it is.
REFUSED = {
    # DTSTART:INVALID-DATE, the file's only event (icalendar's tests of broken input).
    "icalendar/src_icalendar_tests_calendars_broken_dtstart.ics",
    "icalendar/src_icalendar_tests_calendars_issue_1081_invalid_start_and_end.ics",
    "icalendar/src_icalendar_tests_calendars_issue_1081_invalid_start_valid_end.ics",
    # libical's fuzzer finds: binary bytes, not text.
    "libical/test-data_crash.ics",
    "libical/test-data_issue252.ics",
    "libical/test-data_malloc.ics",
    # A fuzzed VTIMEZONE and no VEVENT but in the fuzzed lines.
    "libical/test-data_zday.ics",
}
# Every event the import takes in comes back whole (instants, occurrences, listed
# properties) for every parser, but these, each for the reason given. (What the comparison
# counts as one value written two ways is in support.corpus: _same_occurrence, _listed,
# _differences and compare say which and why.)
NOT_BACK = {
    # vobject cannot read either file whole. Its readOne stops after the original's first
    # VCALENDAR (one event of 53 calendars), and it refuses the export, which holds every
    # calendar's events in one VCALENDAR, at a value in a later calendar of libical's test
    # data that vobject cannot read: RDATE;VALUE=PERIOD:19970819T210000Z/199700819T220000Z
    # (a five-digit year). The import keeps that line as it came and writes it back (issue
    # 15: nothing the programme does not read is dropped). The one event vobject read in
    # the original is in the export; the other three parsers read it there alike.
    ("libical/src_Net-ICal-Libical_test-data_rfc2446.ics", "vobject",
     "0981234-1234234-23@example.com: not in the export"),
    ("libical/test-data_large.ics", "vobject", "<no UID>: not in the export"),
}


@pytest.fixture(scope="module")
def reports() -> list[FileReport]:
    return measure()


def test_the_corpus_is_there_with_its_sources() -> None:
    files = corpus_files()
    assert len(files) >= 400
    for folder in {f.parent for f in files}:
        source = (folder / "SOURCE.md").read_text(encoding="utf-8")
        assert "https://github.com/" in source and "licence" in source
        assert any(p.name.startswith("LICENCE") for p in folder.iterdir())
        for f in folder.glob("*.ics"):
            assert f"`{f.name}`" in source, f


def test_none_crashes_or_hangs(reports: list[FileReport]) -> None:
    assert [(r.name, r.crashed) for r in reports if r.crashed] == []


def test_at_least_95_percent_import_without_flags(reports: list[FileReport]) -> None:
    figures = summary(reports)
    assert figures["imported"] / figures["files"] >= 0.95
    assert {r.name for r in reports if not r.imported} == REFUSED
    # Each refusal is one line that names the file.
    for r in reports:
        if not r.imported:
            assert r.code == 2 and r.error.startswith("error: ") and r.path.name in r.error


def test_the_round_trip_keeps_instants_occurrences_and_properties(
    reports: list[FileReport],
) -> None:
    lost = {(r.name, parser, line) for r in reports for parser, lines in r.lost.items()
            for line in lines}
    assert lost == NOT_BACK
    figures = summary(reports)
    for parser in PARSERS:
        unread = sum(1 for _, p, _ in NOT_BACK if p == parser)
        assert figures["kept"][parser] == figures["events"][parser] - unread, parser
    # The events each parser compares: far more than the files (UIDs given twice, changed
    # occurrences and events without UID are matched, not left out).
    assert min(figures["events"].values()) > 6000
