"""The printed programme, as a user makes it (python main.py print) and as a reader reads it:
the PDF's text read back with pdftotext (poppler-utils), page by page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from planner.builtin import load_builtin
from planner.model import Programme
from planner.recurrence import occurrences

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=180, env=env)


def squash(text: str) -> str:
    """Text without whitespace and with compatibility forms folded, so that a title that
    pdftotext breaks over lines (or after a hyphen) still matches."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.MULTILINE)
    assert match, info.stdout
    return int(match.group(1))


def pages_of(pdf: Path) -> list[str]:
    """The text of each page, as ``pdftotext -layout`` gives it (index 0 is page 1)."""
    return [
        subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                       capture_output=True, text=True, check=True).stdout
        for n in range(1, page_count(pdf) + 1)
    ]


def english_heading(day: date) -> str:
    # Written out with Python's own (C locale) names, independently of the code under test.
    return f"{day:%A}, {day.day} {day:%B} {day.year}"


def occurrence_days(programme: Programme) -> dict[str, set[date]]:
    """For each event UID, the days on which one of its occurrences starts (programme zone)."""
    zone = programme.zone
    days: dict[str, set[date]] = {}
    for event in programme.events.values():
        for start, _ in occurrences(event):
            days.setdefault(event.uid, set()).add(start.astimezone(zone).date())
    return days


def day_of_each_page(programme: Programme, pages: list[str]) -> dict[int, date]:
    """Page index -> the day whose heading stands at the top of it."""
    headings = {squash(english_heading(day)): day for day in programme.days}
    found = {}
    for index, text in enumerate(pages):
        lines = [line for line in text.splitlines() if line.strip()]
        if not lines:
            continue
        first = squash(lines[0])
        for heading, day in headings.items():
            if first.startswith(heading):
                found[index] = day
    return found


@pytest.fixture(scope="module")
def builtin() -> Programme:
    return load_builtin()


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The built-in programme printed whole in each language and for the science track."""
    folder = tmp_path_factory.mktemp("print")
    made = {}
    for name, extra in {
        "en": [], "de": ["--lang", "de"], "ru": ["--lang", "ru"],
        "science": ["--track", "science"], "two": ["--track", "society", "--track", "business"],
    }.items():
        path = folder / f"{name}.pdf"
        result = run("print", "-o", str(path), *extra)
        assert result.returncode == 0, result.stderr
        # The report line in the language asked for.
        expected = {"de": f"{path} geschrieben: ", "ru": f"записан {path}: "}.get(
            name, f"wrote {path}: ")
        assert result.stdout.startswith(expected), result.stdout
        made[name] = path
    return made


def test_pdf_is_a4_with_real_text(pdfs):
    info = subprocess.run(["pdfinfo", str(pdfs["en"])], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"Page size:\s+595(\.\d+)? x 842(\.\d+)? pts \(A4\)", info), info
    fonts = subprocess.run(["pdffonts", str(pdfs["en"])], capture_output=True, text=True,
                           check=True).stdout
    assert "DejaVuSans" in fonts


def test_every_title_is_on_its_days_pages(pdfs, builtin):
    pages = pages_of(pdfs["en"])
    page_day = day_of_each_page(builtin, pages)
    # Every day of the programme has a section of its own, after the cover.
    assert set(page_day.values()) == set(builtin.days)
    assert 0 not in page_day
    for uid, days in occurrence_days(builtin).items():
        title = squash(builtin.events[uid].title.en)
        printed_on = {page_day[i] for i, text in enumerate(pages)
                      if i in page_day and title in squash(text)}
        assert printed_on == days, f"{uid}: printed on {printed_on}, takes place on {days}"


def test_days_come_in_order_and_each_starts_a_page(pdfs, builtin):
    pages = pages_of(pdfs["en"])
    page_day = day_of_each_page(builtin, pages)
    ordered = [page_day[i] for i in sorted(page_day)]
    assert ordered == sorted(ordered)
    # Every page after the cover belongs to a day: the heading (or its continuation) leads it.
    assert sorted(page_day) == list(range(1, len(pages)))


def test_events_are_in_time_order_within_a_day(pdfs, builtin):
    pages = pages_of(pdfs["en"])
    page_day = day_of_each_page(builtin, pages)
    for index, day in page_day.items():
        times = re.findall(r"^\s*(\d\d:\d\d)–(\d\d:\d\d)", pages[index], re.MULTILINE)
        assert times, f"no times on the page of {day}"
        assert times == sorted(times, key=lambda t: t[0])


def test_times_venues_and_speakers_are_printed(pdfs, builtin):
    text = squash("".join(pages_of(pdfs["en"])))
    zone = builtin.zone
    for event in builtin.events.values():
        start = event.start.astimezone(zone)
        end = event.end.astimezone(zone)
        venue = builtin.venues[event.venue]
        entry = squash(f"{start:%H:%M}–{end:%H:%M}")
        assert entry in text, event.uid
        assert squash(venue.name.en) in text and squash(venue.address) in text
        for person in event.speakers:
            assert squash(builtin.people[person].name) in text


def test_cover_has_name_dates_tracks_and_zone(pdfs, builtin):
    cover = squash(pages_of(pdfs["en"])[0])
    assert squash(builtin.name.en) in cover
    assert squash("3–10 April 2019") in cover
    assert "Europe/Moscow" in cover
    for track in builtin.tracks.values():
        assert squash(track.name.en) in cover


def test_page_numbers(pdfs):
    pages = pages_of(pdfs["en"])
    total = len(pages)
    assert total >= len(load_builtin().days) + 1
    for number, text in enumerate(pages, start=1):
        if number == 1:
            assert "Page" not in text  # the cover carries none
        else:
            assert f"Page {number} of {total}" in " ".join(text.split()), number


def test_track_print_holds_that_track_only(pdfs, builtin):
    text = squash("".join(pages_of(pdfs["science"])))
    science = [e for e in builtin.events.values() if e.track == "science"]
    others = [e for e in builtin.events.values() if e.track != "science"]
    assert science and others
    for event in science:
        assert squash(event.title.en) in text, event.uid
    for event in others:
        assert squash(event.title.en) not in text, event.uid
    cover = squash(pages_of(pdfs["science"])[0])
    assert squash(builtin.tracks["science"].name.en) in cover
    assert squash(builtin.tracks["culture"].name.en) not in cover


def test_several_tracks(pdfs, builtin):
    text = squash("".join(pages_of(pdfs["two"])))
    for event in builtin.events.values():
        printed = squash(event.title.en) in text
        assert printed == (event.track in {"society", "business"}), event.uid


def test_german(pdfs, builtin):
    pages = pages_of(pdfs["de"])
    text = squash("".join(pages))
    assert squash("Mittwoch, 3. April 2019") in squash(pages[1])
    assert squash("3.–10. April 2019") in squash(pages[0])
    assert squash(builtin.name.de) in squash(pages[0])
    for event in builtin.events.values():
        assert squash(event.title.de) in text, event.uid


def test_russian(pdfs, builtin):
    pages = pages_of(pdfs["ru"])
    text = squash("".join(pages))
    assert squash("среда, 3 апреля 2019") in squash(pages[1])
    assert squash("3–10 апреля 2019") in squash(pages[0])
    assert squash(builtin.name.ru) in squash(pages[0])
    for event in builtin.events.values():
        assert squash(event.title.ru) in text, event.uid
    # The Cyrillic is text, not glyphs without meaning: the weekday of every day is there.
    for weekday in ("четверг", "пятница", "суббота", "воскресенье", "понедельник", "вторник"):
        assert weekday in text


def test_unknown_track_is_a_usage_error(tmp_path):
    out = tmp_path / "x.pdf"
    result = run("print", "-o", str(out), "--track", "science", "--track", "juggling")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "juggling" in lines[0]
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_unwritable_output_is_a_usage_error(tmp_path):
    target = tmp_path / "no-such-folder" / "x.pdf"
    result = run("print", "-o", str(target))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and str(target) in lines[0]
    folder = tmp_path / "a-folder.pdf"
    folder.mkdir()
    result = run("print", "-o", str(folder))
    assert result.returncode == 2 and str(folder) in result.stderr


def test_output_is_required():
    result = run("print")
    assert result.returncode == 2 and result.stderr.startswith("error: ")


def test_works_without_a_display(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "headless.pdf"
    result = run("print", "-o", str(out), "--track", "society", env=env)
    assert result.returncode == 0, result.stderr
    assert page_count(out) >= 2


def test_prints_a_programme_file(tmp_path, builtin):
    from planner.store import ProgrammeStore

    programme = builtin.copy()
    programme.events = {uid: e for uid, e in programme.events.items() if e.track == "society"}
    path = tmp_path / "society.programme"
    ProgrammeStore.create(path, programme).close()
    out = tmp_path / "society.pdf"
    result = run("print", "-p", str(path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = squash("".join(pages_of(out)))
    for event in builtin.events.values():
        assert (squash(event.title.en) in text) == (event.track == "society"), event.uid
    # An unfiltered print shows every day, also the ones without events.
    pages = pages_of(out)
    assert set(day_of_each_page(builtin, pages).values()) == set(builtin.days)
    assert "No events on this day." in "".join(pages)


def test_info_does_not_load_qt():
    code = ("import sys; from planner.cli import main; main(['info']); "
            "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT')")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.strip().endswith("NOQT"), result.stdout + result.stderr


@pytest.mark.parametrize("lang, lines", [
    ("en", ["Culture 23 events, 30 sessions", "Society 3 events"]),
    ("de", ["Kultur 23 Veranstaltungen, 30 Termine", "Gesellschaft 3 Veranstaltungen"]),
    ("ru", ["Культура 23 мероприятия, 30 проведений", "Общество 3 мероприятия"]),
])
def test_the_cover_counts_as_info_and_the_window_count(tmp_path, lang, lines):
    """One rule everywhere: the Café D series is one event of seven sessions, on the cover
    as in `info` and the window's status bar."""
    out = tmp_path / f"{lang}.pdf"
    assert run("print", "-o", str(out), "--lang", lang).returncode == 0
    cover = " ".join(pages_of(out)[0].split())
    info = run("info", "--lang", lang).stdout
    for line in lines:
        assert line in cover, cover
        name, _, count = line.partition(" ")
        assert f"): {count}" in info
