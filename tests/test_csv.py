"""CSV import: columns, speakers, created tracks/venues/people, UIDs, updates, bad rows."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from factories import at, small_programme

from planner.cli import main
from planner.csvio import CsvError, read_csv, row_uid
from planner.importing import ImportPlan, ReadResult, apply_plan, plan_import
from planner.model import Programme
from planner.store import open_programme, save_new

NOW = datetime(2019, 3, 20, 12, 0, tzinfo=UTC)

SHEET = "\n".join([
    "title,start,end,uid,track,venue,speakers,description,language,status",
    "Opening,2019-04-03 10:00,2019-04-03 11:30,open@sheet,Business,Goethe-Institut,"
    'Anna Beispiel; Boris Beispiel,"Welcome, everyone",de;ru,confirmed',
    "Film night,2019-04-05 19:00,2019-04-05 21:00,,Film,Kino Avrora,,,en,tentative",
    '"Talk with ""quotes""",2019-04-06 12:00,2019-04-06 13:00,,culture,Petrikirche,anna,'
    '"Line one\nline two",,',
    "",
])


def plan_sheet(
    text: str, programme: Programme | None = None, name: str = "s.csv"
) -> tuple[Programme, ReadResult, ImportPlan]:
    programme = programme or small_programme()
    read = read_csv(text.encode("utf-8"), name)
    plan = plan_import(programme, read.events, problems=read.problems, now=NOW)
    return programme, read, plan


def test_rows_become_events() -> None:
    p, read, plan = plan_sheet(SHEET)
    assert plan.skipped == [] and read.problems == []
    apply_plan(p, plan)
    assert plan.counts == {"added": 3, "updated": 0, "unchanged": 0, "skipped": 0}
    opening = p.events["open@sheet"]
    assert (opening.start, opening.end) == (at(3, 10), at(3, 11, 30))
    assert opening.zone.key == "Europe/Moscow"
    assert (opening.track, opening.venue) == ("business", "goethe")
    assert opening.description.en == "Welcome, everyone"
    assert opening.languages == ("de", "ru")
    # Known people by name, unknown ones created.
    assert opening.speakers == ("anna", "boris-beispiel")
    assert p.people["boris-beispiel"].name == "Boris Beispiel"
    film = p.events[row_uid("Film night", "2019-04-05 19:00", "2019-04-05 21:00", "Kino Avrora")]
    assert film.status == "tentative"
    assert p.tracks[film.track].name.en == "Film"
    assert p.venues[film.venue].name.en == "Kino Avrora"
    talk = next(e for e in p.events.values() if e.title.en == 'Talk with "quotes"')
    assert talk.description.en == "Line one\nline two"
    assert (talk.track, talk.venue, talk.speakers) == ("culture", "petri", ("anna",))
    assert sorted(t.id for t in plan.tracks) == ["film"]
    assert sorted(v.id for v in plan.venues) == ["kino-avrora"]
    assert [x.id for x in plan.people] == ["boris-beispiel"]


def test_rows_without_uid_get_the_same_uid_each_time() -> None:
    _, first, _ = plan_sheet(SHEET)
    _, second, _ = plan_sheet(SHEET)
    assert [e.uid for e in first.events] == [e.uid for e in second.events]
    assert len({e.uid for e in first.events}) == 3
    assert first.events[1].uid.startswith("csv-")


def test_semicolons_byte_order_mark_and_header_case() -> None:
    text = (
        "\ufeffTitle;Start;End;Venue\r\n"
        "Vortrag;2019-04-04 10:00;2019-04-04 11:00;Petrikirche\r\n"
    )
    read = read_csv(text.encode("utf-8"), "excel.csv")
    (item,) = read.events
    assert (item.title, item.venue) == ("Vortrag", "Petrikirche")


def test_reimport_unchanged_then_update_raises_sequence(tmp_path: Path) -> None:
    p, _, plan = plan_sheet(SHEET)
    apply_plan(p, plan)
    _, _, again = plan_sheet(SHEET, p)
    assert again.counts == {"added": 0, "updated": 0, "unchanged": 3, "skipped": 0}
    moved = SHEET.replace("2019-04-03 10:00,2019-04-03 11:30", "2019-04-03 12:00,2019-04-03 13:30")
    _, _, update = plan_sheet(moved, p)
    assert update.counts["updated"] == 1 and update.counts["unchanged"] == 2
    ((old, new),) = update.updated
    assert new.start == at(3, 12) and new.sequence == old.sequence + 1
    assert new.last_modified == NOW
    retitled = SHEET.replace('"Welcome, everyone"', '"Welcome, all"')
    _, _, typo = plan_sheet(retitled, p)
    ((old, new),) = typo.updated
    assert new.sequence == old.sequence  # a description edit is not significant


def write_programme(tmp_path: Path) -> Path:
    path = tmp_path / "p.programme"
    save_new(path, small_programme())
    return path


BAD_ROWS = {
    "impossible date": ("Bad,2019-02-30 10:00,2019-02-30 11:00",
                        "line 3: start '2019-02-30 10:00' is not a date and time"),
    "no start": ("Bad,,2019-04-04 11:00", "line 3: no start"),
    "end before start": ("Bad,2019-04-04 11:00,2019-04-04 10:00",
                         "line 3: end 2019-04-04 10:00 is not after start 2019-04-04 11:00"),
    "wrong format": ("Bad,04/04/2019 10:00,2019-04-04 11:00",
                     "line 3: start '04/04/2019 10:00' is not a date and time"),
}


@pytest.mark.parametrize("case", sorted(BAD_ROWS))
def test_bad_row_refuses_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    row, message = BAD_ROWS[case]
    path = write_programme(tmp_path)
    before = path.read_bytes()
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f"title,start,end\nGood,2019-04-04 10:00,2019-04-04 11:00\n{row}\n",
                     encoding="utf-8")
    assert main(["import", str(sheet), "-p", str(path), "--strict"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {sheet} {message}") and err.count("\n") == 1
    assert path.read_bytes() == before
    # Without --strict the good row comes in, and the bad one is named with its reason.
    assert main(["import", str(sheet), "-p", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"skipped: {sheet} {message}" in out and "1 added" in out


def test_bad_row_with_uid_names_the_event(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_programme(tmp_path)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("title,start,end,uid\nX,2019-04-04 11:00,2019-04-04 10:00,x@y\n",
                     encoding="utf-8")
    assert main(["import", str(sheet), "-p", str(path), "--strict"]) == 2
    assert capsys.readouterr().err.startswith(f"error: {sheet} line 2 (event 'x@y'): end ")
    # Not one row can be used: refused without --strict too.
    assert main(["import", str(sheet), "-p", str(path)]) == 2
    assert capsys.readouterr().err.startswith(
        f"error: {sheet}: no event can be imported (first: {sheet} line 2 (event 'x@y'): end ")


def test_skip_invalid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_programme(tmp_path)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("title,start,end\nGood,2019-04-04 10:00,2019-04-04 11:00\n"
                     "Bad,2019-02-30 10:00,2019-02-30 11:00\n", encoding="utf-8")
    assert main(["import", str(sheet), "-p", str(path), "--skip-invalid"]) == 0
    out = capsys.readouterr().out
    assert f"skipped: {sheet} line 3: start '2019-02-30 10:00'" in out
    assert "1 added, 0 updated, 0 unchanged, 1 skipped" in out
    assert [e.title.en for e in open_programme(path).events.values()] == ["Good"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,start,end\nX,2019-04-04 10:00,2019-04-04 11:00\n", "lacks column(s) title"),
        ("", "empty file"),
    ],
)
def test_unusable_files(content: str, message: str) -> None:
    with pytest.raises(CsvError, match=re.escape(message)):
        read_csv(content.encode(), "x.csv")
    with pytest.raises(CsvError, match="not UTF-8"):
        read_csv("title,start,end\nÄ,,\n".encode("cp1252"), "x.csv")


def test_bad_status_and_language(tmp_path: Path) -> None:
    _, _, plan = plan_sheet("title,start,end,status,language\n"
                            "A,2019-04-04 10:00,2019-04-04 11:00,maybe,\n"
                            "B,2019-04-04 10:00,2019-04-04 11:00,,fr\n")
    assert [str(p.message) for p in plan.skipped] == [
        "s.csv line 2: unknown status 'maybe'",
        "s.csv line 3: unknown language 'fr'",
    ]


def test_new_programme_from_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    path = tmp_path / "new.programme"
    assert main(["import", str(sheet), "-p", str(path), "--timezone", "Europe/Berlin"]) == 0
    p = open_programme(path)
    assert p.timezone == "Europe/Berlin"
    assert (p.first_day, p.last_day) == (date(2019, 4, 3), date(2019, 4, 6))
    assert len(p.events) == 3
    assert "created" in capsys.readouterr().out
