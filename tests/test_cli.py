"""The command line, run as a user runs it: python main.py ..."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def assert_usage_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_info_json_shows_builtin_programme():
    result = run("info", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"name", "timezone", "start", "end", "events", "sessions", "tracks",
                         "venues"}
    # A repeating event counts once among the events, once per meeting among the sessions.
    assert (data["events"], data["sessions"]) == (60, 67)
    assert data["timezone"] == "Europe/Moscow"
    assert (data["start"], data["end"]) == ("2019-04-03", "2019-04-10")
    assert "German Week" in data["name"]
    assert data["events"] >= 55
    for track in ("business", "science", "culture"):
        assert data["tracks"][track] >= 8
    assert sum(data["tracks"].values()) == data["events"]
    assert len(data["venues"]) >= 10
    for venue in data["venues"]:
        assert set(venue) == {"id", "name", "address", "lat", "lon"}
        assert venue["address"] and 59.7 < venue["lat"] < 60.1 and 30.0 < venue["lon"] < 30.6


@pytest.mark.parametrize("lang, lines", [
    ("en", ["(built-in programme)", "  2019-04-03 to 2019-04-10, Europe/Moscow",
            "  60 events, 67 sessions", "    Culture (culture): 23 events, 30 sessions",
            "    Society (society): 3 events", "  16 venues"]),
    ("de", ["(eingebautes Programm)", "  2019-04-03 bis 2019-04-10, Europe/Moscow",
            "  60 Veranstaltungen, 67 Termine",
            "    Kultur (culture): 23 Veranstaltungen, 30 Termine",
            "    Gesellschaft (society): 3 Veranstaltungen", "  16 Orte"]),
    ("ru", ["(встроенная программа)", "  с 2019-04-03 по 2019-04-10, Europe/Moscow",
            "  60 мероприятий, 67 проведений",
            "    Культура (culture): 23 мероприятия, 30 проведений",
            "    Общество (society): 3 мероприятия", "  16 площадок"]),
])
def test_info_text_in_each_language(lang, lines):
    result = run("info", "--lang", lang)
    assert result.returncode == 0
    out = result.stdout.splitlines()
    assert out[0].endswith(lines[0])
    for line in lines[1:]:
        assert line in out, line
    english = {"events", "venues", "sessions", "built-in", " to "}
    assert lang == "en" or not [word for word in english if word in result.stdout]


def test_new_empty_then_info(tmp_path):
    path = tmp_path / "fest.programme"
    result = run("new", str(path), "--name", "Fest", "--timezone", "Europe/Berlin",
                 "--start", "2020-07-01", "--end", "2020-07-05")
    assert result.returncode == 0, result.stderr
    data = json.loads(run("info", "-p", str(path), "--json").stdout)
    assert data == {"name": "Fest", "timezone": "Europe/Berlin", "start": "2020-07-01",
                    "end": "2020-07-05", "events": 0, "sessions": 0, "tracks": {},
                    "venues": []}


def test_new_sample_copies_builtin(tmp_path):
    path = tmp_path / "copy.programme"
    assert run("new", str(path), "--sample").returncode == 0
    copied = json.loads(run("info", "-p", str(path), "--json").stdout)
    builtin = json.loads(run("info", "--json").stdout)
    assert copied == builtin


def test_new_refuses_to_overwrite(tmp_path):
    path = tmp_path / "keep.programme"
    path.write_text("mine")
    assert_usage_error(run("new", str(path)), str(path), "exists")
    assert path.read_text() == "mine"


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["info", "--colour"], ["unrecognized arguments: --colour"]),
        (["frobnicate"], ["frobnicate", "no such command or file"]),
        (["gone.programme"], ["gone.programme", "no such file"]),
        (["new"], ["PROGRAMME"]),
        (["new", "x.programme", "--timezone", "Mars/Base"], ["unknown time zone", "Mars/Base"]),
        (["new", "x.programme", "--start", "2020-02-30", "--end", "2020-03-01"], ["2020-02-30"]),
        (["new", "x.programme", "--start", "2020-03-05", "--end", "2020-03-01"],
         ["before first day"]),
        (["new", "x.programme", "--start", "2020-03-05"], ["--start and --end"]),
        (["info", "--lang", "fr"], ["invalid choice", "fr"]),
    ],
)
def test_bad_usage_is_one_error_line(tmp_path, args, needles):
    assert_usage_error(run(*args, cwd=tmp_path), *needles)
    assert not (tmp_path / "x.programme").exists()


def test_missing_corrupt_and_newer_files(tmp_path):
    assert_usage_error(run("info", "-p", str(tmp_path / "none.programme")),
                       "none.programme", "no such file")
    corrupt = tmp_path / "corrupt.programme"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\x01" * 2000)
    before = hashlib.sha256(corrupt.read_bytes()).digest()
    assert_usage_error(run("info", "-p", str(corrupt)), "corrupt.programme")
    assert hashlib.sha256(corrupt.read_bytes()).digest() == before
    newer = tmp_path / "newer.programme"
    assert run("new", str(newer)).returncode == 0
    data = bytearray(newer.read_bytes())
    data[60:64] = (99).to_bytes(4, "big")
    newer.write_bytes(bytes(data))
    assert_usage_error(run("info", "-p", str(newer)), "newer.programme", "newer version")
    assert_usage_error(run(str(newer)), "newer.programme", "newer version")  # the window too


def test_commands_without_a_window_import_no_qt():
    code = ("import sys, contextlib, io; sys.argv=['main.py']; import main;"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out): main.main(['info', '--json'])\n"
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr


def test_help_lists_commands():
    result = run("--help")
    assert result.returncode == 0
    assert "new" in result.stdout and "info" in result.stdout


def test_errors_follow_lang_option_and_system_language(tmp_path):
    missing = str(tmp_path / "none.programme")
    assert_usage_error(run("info", "-p", missing, "--lang", "ru"), "файл не найден")
    assert_usage_error(run("info", "-p", missing, "--lang", "de"), "Datei nicht gefunden")
    german = subprocess.run([sys.executable, str(ROOT / "main.py"), "info", "-p", missing],
                            capture_output=True, text=True,
                            env={**os.environ, "LANGUAGE": "", "LC_ALL": "",
                                 "LC_MESSAGES": "", "LANG": "de_DE.UTF-8"})
    assert_usage_error(german, "Datei nicht gefunden")


def test_lang_defaults_to_the_system_language():
    env = {**os.environ, "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "ru_RU.UTF-8"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "info", "--json"],
                            capture_output=True, text=True, env=env)
    assert json.loads(result.stdout)["name"] == "16-я Неделя Германии в Санкт-Петербурге"
    assert json.loads(run("info", "--json").stdout)["name"].startswith("16th German Week")
