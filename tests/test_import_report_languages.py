"""The import's report under ``--lang de`` and ``--lang ru``: a skipped line is wholly in
that language, the part that names the event ("event 'uid'", "line N") included, for
calendars, spreadsheets and a component icalendar cannot read whole (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import small_programme

from planner.cli import main
from planner.store import open_programme, save_new


def calendar(*events: str) -> bytes:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + "".join(events)
            + "END:VCALENDAR\r\n").encode()


def vevent(uid: str, start: str, *extra: str) -> str:
    lines = ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20190301T000000Z", start,
             "DTEND:20190404T080000Z", f"SUMMARY:Event {uid}", *extra, "END:VEVENT"]
    return "".join(line + "\r\n" for line in lines)


GOOD = vevent("ok@t", "DTSTART:20190404T070000Z")
FEB30 = vevent("feb30@t", "DTSTART:20190230T100000Z")
# An alarm with a line that is no content line (a quote never closed): icalendar cannot
# read the file whole, the event is read without that line and the line is reported. (An
# alarm line icalendar cannot read but other clients do, such as TRIGGER:PT-2H, is kept as
# it came instead: tests/test_ics_round_trip.py.)
ALARM = vevent("alarm@t", "DTSTART:20190404T070000Z", "BEGIN:VALARM", "TRIGGER:-PT15M",
               "ACTION:DISPLAY", 'X-NOTE;X="a:b', "END:VALARM")
# icalendar's words for that line, quoted as they come in every language.
UNREAD = ("Content line could not be parsed into parts: 'X-NOTE;X=\"a:b': 'X=\"a:b' is not a "
          "valid parameter string: \"a:b")

EXPECTED = {
    "de": {
        "ics": "übersprungen: {file}: Veranstaltung „feb30@t“: DTSTART '20190230T100000Z' "
               "ist kein gültiges Datum bzw. keine gültige Zeit",
        "alarm": "übersprungen: {file}: Veranstaltung „alarm@t“: kann nicht gelesen werden "
                 "(eine Zeile davon ausgelassen: " + UNREAD + ")",
        "csv": "übersprungen: {file}, Zeile 3: start '2019-02-30 10:00' ist kein Datum mit "
               "Uhrzeit (JJJJ-MM-TT HH:MM)",
        "csv uid": "übersprungen: {file}, Zeile 3 (Veranstaltung „bad@t“): start "
                   "'2019-02-30 10:00' ist kein Datum mit Uhrzeit (JJJJ-MM-TT HH:MM)",
    },
    "ru": {
        "ics": "пропущено: {file}: событие «feb30@t»: DTSTART '20190230T100000Z' — "
               "недопустимая дата или время",
        "alarm": "пропущено: {file}: событие «alarm@t»: не удаётся прочитать (одна строка "
                 "пропущена: " + UNREAD + ")",
        "csv": "пропущено: {file}, строка 3: start '2019-02-30 10:00' — не дата и время "
               "(ГГГГ-ММ-ДД ЧЧ:ММ)",
        "csv uid": "пропущено: {file}, строка 3 (событие «bad@t»): start '2019-02-30 10:00' "
                   "— не дата и время (ГГГГ-ММ-ДД ЧЧ:ММ)",
    },
    "en": {
        "ics": "skipped: {file}: event 'feb30@t': DTSTART '20190230T100000Z' is not a valid "
               "date or time",
        "alarm": "skipped: {file}: event 'alarm@t': cannot be read (a line of it left out: "
                 + UNREAD + ")",
        "csv": "skipped: {file} line 3: start '2019-02-30 10:00' is not a date and time "
               "(YYYY-MM-DD HH:MM)",
        "csv uid": "skipped: {file} line 3 (event 'bad@t'): start '2019-02-30 10:00' is not a "
                   "date and time (YYYY-MM-DD HH:MM)",
    },
}


def skipped_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                  data: bytes, lang: str) -> tuple[Path, list[str]]:
    programme = tmp_path / f"{lang}-{name}.programme"
    save_new(programme, small_programme())
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["import", str(path), "-p", str(programme), "--lang", lang]) == 0
    out = capsys.readouterr().out.splitlines()
    # The good event or row came in beside the skipped one.
    assert len(open_programme(programme).events) == len(small_programme().events) + 1
    first = EXPECTED[lang]["ics"].split(":")[0] + ":"
    return path, [line for line in out if line.startswith(first)]


@pytest.mark.parametrize("lang", ["de", "ru", "en"])
def test_a_skipped_calendar_event_is_named_in_the_report_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    path, lines = skipped_lines(tmp_path, capsys, "mixed.ics", calendar(GOOD, FEB30), lang)
    assert lines == [EXPECTED[lang]["ics"].format(file=path)]


@pytest.mark.parametrize("lang", ["de", "ru", "en"])
def test_a_component_read_without_a_line_is_named_in_the_report_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    path, lines = skipped_lines(tmp_path, capsys, "alarm.ics", calendar(ALARM), lang)
    assert lines == [EXPECTED[lang]["alarm"].format(file=path)]


@pytest.mark.parametrize("lang", ["de", "ru", "en"])
@pytest.mark.parametrize("with_uid", [False, True])
def test_a_skipped_spreadsheet_row_is_named_in_the_report_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, with_uid: bool
) -> None:
    if with_uid:
        text = ("title,start,end,uid\nGood,2019-04-04 10:00,2019-04-04 11:00,good@t\n"
                "Bad,2019-02-30 10:00,2019-02-30 11:00,bad@t\n")
    else:
        text = ("title,start,end\nGood,2019-04-04 10:00,2019-04-04 11:00\n"
                "Bad,2019-02-30 10:00,2019-02-30 11:00\n")
    path, lines = skipped_lines(tmp_path, capsys, "sheet.csv", text.encode(), lang)
    key = "csv uid" if with_uid else "csv"
    assert lines == [EXPECTED[lang][key].format(file=path)]
