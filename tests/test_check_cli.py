"""``python main.py check``, run as a user runs it: exit 0 without clashes, 1 with some,
2 on bad input."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner.model import Person, Programme, Texts
from planner.store import save_new
from tests.factories import event, small_programme

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def clashing_programme() -> Programme:
    programme = small_programme()
    programme.people["boris"] = Person("boris", "Boris Muster")
    for e in (
        event("opening@t", 3, 19, 21, title=Texts("Eröffnung", "Opening", "Открытие"),
              speakers=("anna",)),
        event("cafe@t", 3, 18, 20, title=Texts("Café D", "Café D", "Кафе D")),
        event("talk@t", 4, 10, 11, speakers=("boris",)),
        event("panel@t", 4, 11, 12, speakers=("boris",), venue="petri"),
        event("early@t", 2, 10, 11, venue="petri"),
    ):  # fmt: skip
        programme.events[e.uid] = e
    return programme


@pytest.fixture
def clashing(tmp_path: Path) -> Path:
    path = tmp_path / "clashing.programme"
    save_new(path, clashing_programme())
    return path


def test_builtin_programme_has_no_clashes():
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "no clashes in built-in programme"
    result = run("check", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_clean_file_exits_0(tmp_path: Path):
    programme = small_programme()
    programme.events["a@t"] = event("a@t", 4, 10, 11)
    programme.events["b@t"] = event("b@t", 4, 11, 12)  # touching: fine
    path = tmp_path / "clean.programme"
    save_new(path, programme)
    result = run("check", "-p", str(path))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.strip() == f"no clashes in {path}"


def test_clashes_as_json_exit_1(clashing: Path):
    result = run("check", "-p", str(clashing), "--json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    for item in data:
        assert set(item) == {"kind", "events", "message", "starts", "recurrence_ids"}
        assert item["recurrence_ids"] == [None] * len(item["events"])  # no series here
    assert [(c["kind"], c["events"]) for c in data] == [
        ("outside", ["early@t"]),
        ("venue", ["cafe@t", "opening@t"]),
        ("travel", ["panel@t", "talk@t"]),
    ]
    venue = data[1]["message"]
    assert venue == ("Venue Goethe-Institut is double-booked: “Café D” (Wed 3 Apr 18:00–20:00) "
                     "overlaps “Opening” (Wed 3 Apr 19:00–21:00)")  # fmt: skip
    assert data[2]["message"].startswith(
        "Boris Muster cannot get from Goethe-Institut to Petrikirche in time: "
        "“Title” (Thu 4 Apr 10:00–11:00) is followed by “Title” (Thu 4 Apr 11:00–12:00) 0 min "
        "later, but the trip takes about "
    )


def test_json_names_the_occurrence_of_a_repeating_event(tmp_path: Path):
    """A daily series whose Thursday was moved to Monday evening, where a talk is: the
    clash names that occurrence by its RECURRENCE-ID and says where it is now."""
    from planner.edits import occurrence_of, overridden
    from planner.model import Recurrence
    from tests.factories import at

    programme = small_programme()
    cafe = event("cafe@t", 3, 16, 17, recurrence=Recurrence("FREQ=DAILY;COUNT=4"))
    moved = dataclasses.replace(occurrence_of(cafe, at(4, 16)), start=at(8, 19), end=at(8, 20))
    programme.events["cafe@t"] = overridden(cafe, at(4, 16), moved)
    programme.events["talk@t"] = event("talk@t", 8, 19, 20)
    path = tmp_path / "series.programme"
    save_new(path, programme)
    result = run("check", "-p", str(path), "--json")
    assert result.returncode == 1, result.stderr
    [clash] = json.loads(result.stdout)
    assert clash["events"] == ["cafe@t", "talk@t"]
    assert clash["recurrence_ids"] == ["2019-04-04T16:00:00+03:00", None]
    assert clash["starts"] == ["2019-04-08T19:00:00+03:00", "2019-04-08T19:00:00+03:00"]


def test_clashes_as_text_in_russian_exit_1(clashing: Path):
    result = run("check", "-p", str(clashing), "--lang", "ru")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 4
    # The sentences, weekdays and months are Russian too.
    assert lines[0].startswith(
        "вне дней программы: «Название» (вт 2 апр. 10:00–11:00) проходит вне дней")
    assert lines[1].startswith("площадка: Площадка ") and "«Открытие»" in lines[1]
    assert "«Кафе D»" in lines[1] and "пересекается с" in lines[1]
    assert lines[2].startswith("переезд: Boris Muster не успевает добраться из")
    assert lines[3] == f"{clashing}: 3 конфликта"


@pytest.mark.parametrize("lang, kinds, count", [
    ("en", ("outside: ", "venue: ", "travel: "), "3 clashes in {path}"),
    ("de", ("außerhalb der Tage: ", "Ort: ", "Weg: "), "{path}: 3 Konflikte"),
])
def test_clash_kinds_and_count_in_the_language(clashing: Path, lang, kinds, count):
    lines = run("check", "-p", str(clashing), "--lang", lang).stdout.strip().splitlines()
    assert [line[:len(kind)] for line, kind in zip(lines, kinds, strict=False)] == list(kinds)
    assert lines[-1] == count.format(path=clashing)


@pytest.mark.parametrize("lang, expected", [
    ("en", "no clashes in built-in programme"),
    ("de", "eingebautes Programm: keine Konflikte"),
    ("ru", "встроенная программа: конфликтов нет"),
])
def test_no_clashes_in_the_language(lang, expected):
    result = run("check", "--lang", lang)
    assert (result.returncode, result.stdout.strip()) == (0, expected)


def test_a_clash_added_to_a_clean_file_is_found(tmp_path: Path):
    programme = small_programme()
    programme.events["a@t"] = event("a@t", 4, 10, 12, attendance=500)  # Goethe holds 120
    path = tmp_path / "full.programme"
    save_new(path, programme)
    result = run("check", "-p", str(path), "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == [{
        "kind": "capacity", "events": ["a@t"],
        "message": "“Title” (Thu 4 Apr 10:00–12:00) expects 500 people, but Goethe-Institut "
                   "holds 120",
        "starts": ["2019-04-04T10:00:00+03:00"], "recurrence_ids": [None],
    }]  # fmt: skip


def assert_usage_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]
    assert result.stdout == ""


def test_bad_input_exits_2(tmp_path: Path):
    assert_usage_error(run("check", "-p", str(tmp_path / "none.programme")),
                       "none.programme", "no such file")  # fmt: skip
    corrupt = tmp_path / "corrupt.programme"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\x01" * 2000)
    assert_usage_error(run("check", "-p", str(corrupt)), "corrupt.programme")
    text = tmp_path / "notes.programme"
    text.write_text("not a programme\n")
    assert_usage_error(run("check", "-p", str(text)), "notes.programme")
    assert_usage_error(run("check", "--lang", "fr"), "invalid choice", "fr")
    assert_usage_error(run("check", "--colour"), "unrecognized arguments: --colour")
