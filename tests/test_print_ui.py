"""The printing helpers the window uses: the renderer on a QPrinter, the print preview, the
print dialog, door sheets per venue and day, and the layout rules (what goes on which day,
continued pages, cancelled events, selections), checked on small programmes."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from factories import at, event, small_programme
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog
from test_print import day_of_each_page, english_heading, pages_of, squash

import ui.printing as printing
from planner.builtin import load_builtin
from planner.model import Person, Programme, Recurrence, Texts, UnknownReferenceError
from planner.recurrence import occurrences
from ui.printing import (
    Selection,
    date_range,
    day_entries,
    day_heading,
    preview_dialog,
    print_with_dialog,
    render_programme,
    render_venue_sheets,
    write_pdf,
)

BERLIN = ZoneInfo("Europe/Berlin")


def busy_programme() -> Programme:
    """A small programme with the cases the layout has to get right."""
    programme = small_programme()
    programme.people["bob"] = Person("bob", "Bob Example", "University of Nowhere")
    events = [
        event("opening@t", 3, 10, 12, title=Texts("Eröffnung", "Opening session",
                                                  "Открытие"), speakers=("anna", "bob")),
        event("cancelled@t", 3, 14, 15, title=Texts.same("Harbour walk"), status="cancelled",
              venue="petri"),
        event("late@t", 4, at(4, 22), at(5, 1), title=Texts.same("Night concert"),
              track="culture"),
        event("berlin@t", 6, at(6, 9, zone=BERLIN), at(6, 10, zone=BERLIN), zone=BERLIN,
              title=Texts.same("Call with Berlin")),
        event("fair@t", 5, at(5, 0), at(8, 0), all_day=True, title=Texts.same("Book fair"),
              track="culture"),
        event("daily@t", 3, 9, 10, title=Texts.same("Morning coffee"),
              recurrence=Recurrence("FREQ=DAILY;COUNT=4", (at(5, 9),))),
    ]
    for item in events:
        programme.events[item.uid] = item
    return programme


def days_of(entries_by_day: dict[date, list[str]], uid: str) -> set[int]:
    return {day.day for day, uids in entries_by_day.items() if uid in uids}


def test_day_entries_place_each_occurrence_on_its_day():
    programme = busy_programme()
    by_day = {day: [e.event.uid for e in day_entries(programme, day)] for day in programme.days}
    assert days_of(by_day, "opening@t") == {3}
    assert days_of(by_day, "late@t") == {4}  # not again on the morning after
    assert days_of(by_day, "fair@t") == {5, 6, 7}  # an all-day event on every day it covers
    assert days_of(by_day, "daily@t") == {3, 4, 6}  # the 5th is excluded
    assert days_of(by_day, "berlin@t") == {6}
    # All-day events first, then by start time.
    assert by_day[date(2019, 4, 6)] == ["fair@t", "daily@t", "berlin@t"]
    assert by_day[date(2019, 4, 3)] == ["daily@t", "opening@t", "cancelled@t"]


def test_day_entries_are_in_the_programme_zone():
    programme = busy_programme()
    (entry,) = [e for e in day_entries(programme, date(2019, 4, 6)) if e.event.uid == "berlin@t"]
    assert entry.start.utcoffset() == programme.window[0].utcoffset()
    assert (entry.start.hour, entry.end.hour) == (10, 11)  # 09:00 in Berlin is 10:00 in Moscow


def test_selection_by_track_and_uid():
    programme = busy_programme()
    culture = Selection.checked(programme, ["culture"])
    uids = {e.event.uid for d in programme.days for e in day_entries(programme, d, culture)}
    assert uids == {"late@t", "fair@t"}
    chosen = Selection.checked(programme, None, {"opening@t", "daily@t"})
    uids = {e.event.uid for d in programme.days for e in day_entries(programme, d, chosen)}
    assert uids == {"opening@t", "daily@t"}
    with pytest.raises(UnknownReferenceError, match="juggling"):
        Selection.checked(programme, ["culture", "juggling"])


@pytest.mark.parametrize(("lang", "heading", "dates"), [
    ("en", "Wednesday, 3 April 2019", "3–10 April 2019"),
    ("de", "Mittwoch, 3. April 2019", "3.–10. April 2019"),
    ("ru", "среда, 3 апреля 2019", "3–10 апреля 2019"),
])
def test_dates_in_each_language(qapp, lang, heading, dates):
    assert day_heading(date(2019, 4, 3), lang).startswith(heading)
    assert date_range(date(2019, 4, 3), date(2019, 4, 10), lang).startswith(dates)


def test_date_range_across_months(qapp):
    text = date_range(date(2019, 3, 30), date(2019, 4, 2), "en")
    assert "30 March 2019" in text and "2 April 2019" in text


def test_small_programme_pdf(qapp, tmp_path):
    programme = busy_programme()
    path = tmp_path / "small.pdf"
    count = write_pdf(programme, path, "en")
    pages = pages_of(path)
    assert count == len(pages) == 1 + len(programme.days)
    page_day = day_of_each_page(programme, pages)
    text_of = {day: squash(pages[i]) for i, day in page_day.items()}
    # The cancelled event is struck through and says so, next to its title.
    assert squash("Harbour walk") + "CANCELLED" in text_of[date(2019, 4, 3)]
    assert "CANCELLED" not in "".join(text_of[d] for d in programme.days[1:])
    assert squash("All day") + "CULTURE" in text_of[date(2019, 4, 6)]
    assert squash("22:00–01:00") in text_of[date(2019, 4, 4)]
    assert squash("10:00–11:00") in text_of[date(2019, 4, 6)]
    speakers = squash("Speakers: Anna Beispiel (Goethe-Institut), Bob Example (University of "
                      "Nowhere)")
    assert speakers in text_of[date(2019, 4, 3)]
    # Days without events are shown in a whole-programme print.
    assert squash("No events on this day.") in text_of[date(2019, 4, 10)]


def test_a_long_day_continues_on_the_next_page(qapp, tmp_path):
    programme = small_programme()
    long_title = ("A very long title that has to wrap over more than one line on an A4 page "
                  "because it goes on and on about the topic of the session number")
    for n in range(30):
        hour, minute = divmod(8 * 60 + n * 20, 60)
        start = at(4, hour, minute)
        item = event(f"talk{n:02d}@t", 4, start, at(4, hour + 1, minute),
                     title=Texts.same(f"{long_title} {n:02d}"), speakers=("anna",))
        programme.events[item.uid] = item
    path = tmp_path / "long.pdf"
    write_pdf(programme, path, "en", uids={f"talk{n:02d}@t" for n in range(30)})
    pages = pages_of(path)
    page_day = day_of_each_page(programme, pages)
    day_pages = [i for i, day in page_day.items() if day == date(2019, 4, 4)]
    assert len(day_pages) >= 3 and set(page_day.values()) == {date(2019, 4, 4)}
    for n, index in enumerate(day_pages):
        first_line = next(line for line in pages[index].splitlines() if line.strip())
        assert ("(continued)" in first_line) == (n > 0), first_line
        assert english_heading(date(2019, 4, 4)) in " ".join(first_line.split())
    # Every talk once, in order, and never cut between pages.
    where = []
    for n in range(30):
        title = squash(f"{long_title} {n:02d}")
        found = [i for i in day_pages if title in squash(pages[i])]
        assert len(found) == 1, (n, found)
        where.append(found[0])
    assert where == sorted(where)
    cover = " ".join(pages[0].split())
    assert "A selection: 30 of 30 events" in cover


def test_uid_selection_prints_only_those(qapp, tmp_path):
    programme = busy_programme()
    path = tmp_path / "starred.pdf"
    write_pdf(programme, path, "en", uids={"opening@t", "fair@t"})
    text = squash("".join(pages_of(path)))
    assert squash("Opening session") in text and squash("Book fair") in text
    for other in ("Harbour walk", "Night concert", "Morning coffee", "Call with Berlin"):
        assert squash(other) not in text
    # A selection leaves out the days it has nothing on: cover, the 3rd, the 5th to 7th.
    assert len(pages_of(path)) == 5


def test_renderer_paints_on_a_printer(qapp, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    path = tmp_path / "printer.pdf"
    printer.setOutputFileName(str(path))
    count = render_programme(busy_programme(), printer, "de", ["business"])
    del printer
    pages = pages_of(path)
    assert count == len(pages) >= 2
    assert squash("Eröffnung") in squash("".join(pages))


def test_preview_dialog_renders_pages(qtbot):
    programme = load_builtin()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer)
    qtbot.addWidget(dialog)
    rendered: list[int] = []
    dialog.paintRequested.connect(
        lambda target: rendered.append(render_programme(programme, target, "en"))
    )
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    assert rendered and rendered[-1] > len(programme.days)
    assert widget.pageCount() == rendered[-1]


def test_preview_helper_uses_the_renderer(qtbot, tmp_path):
    programme = load_builtin()
    dialog = preview_dialog(None, programme, "ru", tracks=["society"])
    qtbot.addWidget(dialog)
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    expected = write_pdf(programme, tmp_path / "society.pdf", "ru", ["society"])
    assert widget.pageCount() == expected
    with pytest.raises(UnknownReferenceError):
        preview_dialog(None, programme, "en", tracks=["juggling"])


class _FakePrintDialog:
    """Stands in for QPrintDialog: the user picks "print to file" and presses Print."""

    answer = QDialog.DialogCode.Accepted
    target = ""

    def __init__(self, printer: QPrinter, parent: object = None) -> None:
        self.printer = printer

    def setWindowTitle(self, title: str) -> None:
        pass

    def exec(self) -> int:
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(self.target)
        return int(self.answer.value)


def test_print_with_dialog_prints_on_a_worker(qtbot, tmp_path, monkeypatch):
    import threading

    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(printing, "QPrintDialog", _FakePrintDialog)
    threads: list[threading.Thread] = []
    render = printing.render_programme

    def watched(*args, **kwargs):
        threads.append(threading.current_thread())
        return render(*args, **kwargs)

    monkeypatch.setattr(printing, "render_programme", watched)
    programme = busy_programme()
    path = tmp_path / "printed.pdf"
    monkeypatch.setattr(_FakePrintDialog, "target", str(path))
    task = print_with_dialog(parent, programme, "en", uids={"opening@t"})
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10000) as blocker:
        pass
    assert blocker.args[0] == len(pages_of(path))
    assert threads and threads[0] is not threading.main_thread()
    assert squash("Opening session") in squash("".join(pages_of(path)))

    cancelled = tmp_path / "cancelled.pdf"
    monkeypatch.setattr(_FakePrintDialog, "target", str(cancelled))
    monkeypatch.setattr(_FakePrintDialog, "answer", QDialog.DialogCode.Rejected)
    assert print_with_dialog(parent, programme, "en") is None
    assert not cancelled.exists()


def test_cancel_stops_printing_between_pages_and_leaves_no_file(qtbot, tmp_path, monkeypatch):
    """Cancel in the progress dialog stops the job between pages: the printer is asked to
    abort it, nothing more is painted, and printing to a file leaves the old file as it
    was."""
    from PySide6.QtWidgets import QWidget

    from ui.printing import print_in_background

    parent = QWidget()
    qtbot.addWidget(parent)
    programme = load_builtin()
    target = tmp_path / "doors.pdf"
    target.write_bytes(b"an older printout")
    printer = printing.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    painted: list[int] = []
    aborted: list[bool] = []
    footer = printing._Pages.footer

    def slow_footer(self, painter, number, total, left):
        painted.append(number)
        if number == 3:
            task.cancel()  # as the Cancel button does, while page 3 is painted
        footer(self, painter, number, total, left)

    monkeypatch.setattr(printing._Pages, "footer", slow_footer)
    monkeypatch.setattr(QPrinter, "abort", lambda self: aborted.append(True) or False)
    task = print_in_background(parent, printer, programme, "en", door_sheets=True)
    with qtbot.waitSignal(task.cancelled, timeout=10000):
        pass
    assert painted == [1, 2, 3]  # page 4 was never begun
    assert aborted == [True]
    assert target.read_bytes() == b"an older printout"
    assert [p.name for p in tmp_path.iterdir()] == ["doors.pdf"]  # no temporary file left
    monkeypatch.setattr(printing._Pages, "footer", footer)
    assert printing.render_venue_sheets(programme, tmp_path / "all.pdf", "en") > 3
    assert programme == load_builtin()


def test_venue_sheets(qapp, tmp_path):
    programme = load_builtin()
    path = tmp_path / "doors.pdf"
    count = render_venue_sheets(programme, path, "en")
    pages = pages_of(path)
    assert count == len(pages)
    zone = programme.zone
    expected: dict[tuple[str, date], set[str]] = {}
    for item in programme.events.values():
        for start, _ in occurrences(item):
            key = (item.venue, start.astimezone(zone).date())
            expected.setdefault(key, set()).add(item.uid)
    # One page for each venue and day with events (none of the built-in days overflow).
    assert len(pages) == len(expected)
    seen = set()
    for text in pages:
        flat = squash(text)
        (venue,) = [v for v in programme.venues.values()
                    if flat.startswith(squash(v.name.en))]
        (day,) = [d for d in programme.days if squash(english_heading(d)) in flat]
        seen.add((venue.id, day))
        titles = {e.uid for e in programme.events.values() if squash(e.title.en) in flat}
        assert titles == expected[(venue.id, day)], (venue.id, day)
    assert seen == set(expected)


def test_venue_sheets_on_a_printer_with_a_selection(qapp, tmp_path):
    programme = busy_programme()
    programme.events["cancelled@t"] = dataclasses.replace(programme.events["cancelled@t"],
                                                          venue="goethe")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    path = tmp_path / "doors.pdf"
    printer.setOutputFileName(str(path))
    count = render_venue_sheets(programme, printer, "en", tracks=["business"])
    del printer
    pages = pages_of(path)
    # The business events are all at the Goethe-Institut, on the 3rd, 4th and 6th.
    assert count == len(pages) == 3
    text = squash("".join(pages))
    assert "CANCELLED" in text and squash("Night concert") not in text


def test_start_of_a_sheet_names_venue_and_day(qapp, tmp_path):
    programme = busy_programme()
    path = tmp_path / "doors.pdf"
    render_venue_sheets(programme, path, "de", uids={"opening@t"})
    (page,) = pages_of(path)
    lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
    assert lines[0] == "Goethe-Institut"
    assert lines[2].startswith("Mittwoch, 3. April 2019")
    assert squash("Eröffnung") in squash(page)


def test_export_pdf(qapp, tmp_path, monkeypatch):
    programme = busy_programme()
    chosen = tmp_path / "export"  # no suffix: .pdf is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args: (str(chosen), "")))
    written = printing.export_pdf(None, programme, "en", tracks=["culture"])
    assert written == tmp_path / "export.pdf"
    text = squash("".join(pages_of(written)))
    assert squash("Book fair") in text and squash("Opening session") not in text

    warnings = []
    monkeypatch.setattr("ui.message_box.warn", lambda *args: warnings.append(args))
    chosen = tmp_path / "missing-folder" / "x.pdf"
    assert printing.export_pdf(None, programme, "en") is None
    assert len(warnings) == 1 and str(chosen) in warnings[0][2]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: ("", "")))
    assert printing.export_pdf(None, programme, "en") is None
    assert len(warnings) == 1


TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Printing</name>
    <message><source>Page %1 of %2</source><translation>Seite %1 von %2</translation></message>
    <message><source>(continued)</source><translation>(Fortsetzung)</translation></message>
</context>
</TS>
"""


def test_labels_follow_the_installed_translation(qapp, tmp_path, monkeypatch):
    source = tmp_path / "printing_de.ts"
    source.write_text(TS, encoding="utf-8")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(source), "-qm", str(tmp_path / "printing_de.qm")],
                   check=True, capture_output=True)
    monkeypatch.setattr(printing, "TRANSLATIONS", tmp_path)
    out = tmp_path / "de.pdf"
    total = printing.print_pdf(busy_programme(), out, "de")
    pages = pages_of(out)
    assert f"Seite 2 von {total}" in " ".join(pages[1].split())
    assert "Page" not in "".join(pages)
    # The translators go again afterwards: the next English print is English.
    assert QCoreApplication.translate("Printing", "Page %1 of %2") == "Page %1 of %2"


def test_qt_bindings_keep_their_references_to_none(qapp):
    """Painting a booklet makes tens of thousands of calls that return None. PySide6 6.12.0's
    abi3 wheels, run on Python 3.11, drop a reference to None on each (they were built for
    3.12's immortal None), and the process dies with "none_dealloc" once it runs out. This
    says so plainly instead of an abort at exit."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(1000):
        painter.save()
        painter.restore()
    after = sys.getrefcount(None)
    painter.end()
    assert after > before - 500, (
        f"each Qt call lost a reference to None ({before} -> {after}): this PySide6 build "
        "does not suit this Python (PySide6 6.12.0 on Python < 3.12); use another version"
    )
