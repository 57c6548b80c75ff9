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
# The least share of the imported events whose instants, occurrences and listed properties
# each parser reads alike before and after the round trip (measured: see the README).
KEPT = {"icalendar": 0.99, "vobject": 0.99, "libical": 0.985, "icaljs": 0.985}


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
    figures = summary(reports)
    for parser in PARSERS:
        share = figures["kept"][parser] / figures["events"][parser]
        assert share >= KEPT[parser], (parser, share)
