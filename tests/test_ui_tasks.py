"""Long work off the GUI thread: the task runner on its own, and File > Import through the
window with its progress dialog, Cancel, errors and a window that keeps ticking."""

from __future__ import annotations

import threading
import time

import pytest
from factories import event, small_programme
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

import planner.importing
import ui.file_import
import ui.tasks
from planner.ics import export_ics
from planner.model import Texts
from ui.app import create_application
from ui.main_window import MainWindow
from ui.printing import export_pdf_in_background
from ui.tasks import SHOW_AFTER_MS, Cancelled, Task, run_with_progress

BIG = 3_000


def big_programme():
    """3,000 events spread over the programme's days and venues."""
    programme = small_programme()
    for n in range(BIG):
        day, hour = 3 + n % 8, 8 + (n // 8) % 14
        item = event(f"big{n}@t", day, hour, hour + 1, venue=("goethe", "petri")[n % 2],
                     title=Texts.same(f"Event {n}"))
        programme.events[item.uid] = item
    return programme


@pytest.fixture(scope="module")
def big_ics(tmp_path_factory):
    """An ICS file of 3,000 events."""
    path = tmp_path_factory.mktemp("ics") / "big.ics"
    path.write_bytes(export_ics(big_programme()))
    return path


def make_window(qtbot):
    create_application()
    programme = small_programme()
    programme.events["talk@t"] = event("talk@t", 4, 10, 12)
    window = MainWindow(programme, None, lang="en", remember=False)
    qtbot.addWidget(window)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot):
    return make_window(qtbot)


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes the window shows, captured instead of shown."""
    shown: list[str] = []

    def warning(_parent, _title, text, *args, **kwargs):
        shown.append(text)

    monkeypatch.setattr("ui.message_box.warn", warning)
    return shown


class _Shown(QObject):
    """Notes whether a widget was ever shown."""

    def __init__(self) -> None:
        super().__init__()
        self.shown = False

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show:
            self.shown = True
        return False


def cancel_button(dialog: QProgressDialog) -> QPushButton:
    button = dialog.findChild(QPushButton)
    assert button is not None
    return button


# -- the runner -------------------------------------------------------------------------


def test_a_task_reports_progress_and_its_result_on_the_gui_thread(qtbot):
    create_application()
    threads = []

    def work(progress):
        threads.append(threading.current_thread())
        for n in range(1, 41):
            time.sleep(0.002)
            progress(n, 40)
        return "done"

    task = Task(work).start()
    seen, results = [], []
    task.progressed.connect(lambda done, total: seen.append((done, total,
                                                             threading.current_thread())))
    task.finished.connect(lambda value: results.append((value, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(results))
    assert threads[0] is not threading.main_thread()
    assert results == [("done", threading.main_thread())]
    assert seen[-1][:2] == (40, 40)
    assert {thread for *_, thread in seen} == {threading.main_thread()}
    # Reports are thinned out, never all forty.
    assert len(seen) < 40


def test_an_error_comes_back_as_a_signal(qtbot):
    create_application()

    def work(_progress):
        raise ValueError("bad line 3")

    task = Task(work).start()
    errors = []
    task.failed.connect(errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "bad line 3"
    assert task.outcome == "failed"


def test_cancel_stops_the_work_at_its_next_report(qtbot):
    create_application()
    reached = []
    started = threading.Event()

    def work(progress):
        started.set()
        try:
            for n in range(10_000):
                time.sleep(0.001)
                progress(n, 10_000)
                reached.append(n)
        except Cancelled:
            reached.append("stopped")
            raise
        return "finished"

    task = Task(work).start()
    cancelled, finished = [], []
    task.cancelled.connect(lambda: cancelled.append(True))
    task.finished.connect(finished.append)
    assert started.wait(2)
    task.cancel()
    qtbot.waitUntil(lambda: bool(cancelled))
    qtbot.waitUntil(lambda: "stopped" in reached)
    assert not finished
    assert len(reached) < 10_000


def test_short_work_shows_no_dialog_and_long_work_shows_one_after_a_moment(qtbot):
    create_application()
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    quick = run_with_progress(parent, "Quick", lambda progress: progress(1, 1) or 1)
    watcher = _Shown()
    quick.dialog.installEventFilter(watcher)
    quick_done = []
    quick.finished.connect(quick_done.append)
    qtbot.waitUntil(lambda: bool(quick_done))
    qtbot.wait(SHOW_AFTER_MS + 100)
    assert not watcher.shown

    release = threading.Event()

    def slow(progress):
        for n in range(100):
            if release.is_set():
                break
            time.sleep(0.01)
            progress(n, 100)
        return 2

    # Qt shows the dialog once it expects the work to last longer than SHOW_AFTER_MS.
    task = run_with_progress(parent, "Slow", slow)
    dialog = task.dialog
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=3000)
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.labelText() == "Slow"
    assert 0 < dialog.value() <= dialog.maximum() == 100
    release.set()
    done = []
    task.finished.connect(done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert task.dialog is None
    assert not [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]


# -- importing through the window --------------------------------------------------------


def test_a_big_import_can_be_cancelled_and_leaves_the_programme_unchanged(
        window, qtbot, big_ics, boxes):
    programme = window.document.programme
    before = dict(programme.events)
    task = window.start_import([str(big_ics)])
    dialog = task.dialog
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=5000)
    assert "Importing" in dialog.labelText()
    cancelled = []
    task.cancelled.connect(lambda: cancelled.append(True))
    cancel_button(dialog).click()
    qtbot.waitUntil(lambda: bool(cancelled))
    assert task.dialog is None
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    # Whatever the worker still finishes afterwards is dropped.
    qtbot.wait(2500)
    assert programme.events == before
    assert window.document.undo_stack.count() == 0
    assert not window.isWindowModified()
    assert boxes == []


def test_a_big_import_completes_with_progress_to_the_end(window, qtbot, big_ics, boxes,
                                                         monkeypatch):
    threads = []
    reported = []  # every report the worker made, as it made it
    real = ui.file_import.read_and_plan

    def reading(programme, paths, progress):
        threads.append(threading.current_thread())

        def noted(done, total):
            reported.append((done, total))
            progress(done, total)

        return real(programme, paths, noted)

    monkeypatch.setattr(ui.file_import, "read_and_plan", reading)
    task = window.start_import([str(big_ics)])
    seen, results = [], []
    task.progressed.connect(lambda done, total: seen.append((done, total)))
    dialog = task.dialog
    task.finished.connect(lambda _plan: results.append(dialog.isVisible()))
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    assert threads and threads[0] is not threading.main_thread()
    assert task.outcome == "finished"
    assert results == [False]  # the dialog is gone before the plan is carried out
    # While the file is parsed the bar is busy (a total of 0), then it counts to the end.
    assert reported[0] == (0, 0)
    counted = [done for done, total in reported if total > 0]
    assert counted == sorted(counted) and len(set(counted)) > 20
    assert reported[-1][0] == reported[-1][1] > 0
    # The window saw the end too (reports in between are thinned out).
    assert seen[-1] == reported[-1]
    programme = window.document.programme
    assert len(programme.events) == BIG + 1
    assert window.document.undo_stack.count() == 1
    assert window.grid.programme is programme
    window.undo_action.trigger()
    assert set(programme.events) == {"talk@t"}
    assert boxes == []


def test_the_window_keeps_ticking_while_it_imports(window, qtbot, big_ics, boxes):
    ticks = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    started = time.monotonic()
    assert window.import_files([str(big_ics)])
    took = time.monotonic() - started
    timer.stop()
    assert len(window.document.programme.events) == BIG + 1
    # The longest pause between two ticks is a small part of the whole import.
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) >= 10
    assert max(gaps) < took / 2
    assert boxes == []


def test_a_file_that_is_not_a_calendar_is_one_line_in_a_message_box(window, qtbot, tmp_path,
                                                                     boxes):
    path = tmp_path / "notes.ics"
    path.write_bytes(b"this is not a calendar\n")
    assert not window.import_files([str(path)])
    assert len(boxes) == 1
    assert "\n" not in boxes[0] and "notes.ics" in boxes[0]
    assert window.document.undo_stack.count() == 0


def test_a_missing_file_is_named_in_the_message(window, qtbot, tmp_path, boxes):
    path = tmp_path / "gone.ics"
    assert not window.import_files([str(path)])
    assert len(boxes) == 1 and str(path) in boxes[0] and "\n" not in boxes[0]


def test_an_unexpected_worker_error_is_one_line_too(window, qtbot, tmp_path, boxes,
                                                    monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(planner.importing, "read_import_file", broken)
    path = tmp_path / "x.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert not window.import_files([str(path)])
    assert boxes == ["Import failed: disk on fire"]


def test_a_task_outlives_no_window(qtbot):
    """A task whose window closes before the work ends neither crashes nor reports."""
    create_application()
    parent = QWidget()
    release = threading.Event()
    task = Task(lambda progress: release.wait(2) and progress(1, 1), parent)
    task.start()
    parent.deleteLater()
    qtbot.wait(50)
    release.set()
    qtbot.wait(200)


# -- PDF ----------------------------------------------------------------------------------


def test_a_pdf_is_written_on_a_worker(qtbot, tmp_path, monkeypatch):
    import ui.printing

    create_application()
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    threads = []
    real = ui.printing.write_pdf

    def writing(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(ui.printing, "write_pdf", writing)
    path = tmp_path / "programme.pdf"
    task = export_pdf_in_background(parent, big_programme(), path)
    pages = []
    task.finished.connect(pages.append)
    qtbot.waitUntil(lambda: bool(pages), timeout=20_000)
    assert threads and threads[0] is not threading.main_thread()
    assert pages[0] > 10
    assert path.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["programme.pdf"]


def test_a_cancelled_pdf_leaves_the_old_file_alone(qtbot, tmp_path):
    create_application()
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    path = tmp_path / "programme.pdf"
    path.write_bytes(b"the old one")
    task = export_pdf_in_background(parent, big_programme(), path)
    dialog = task.dialog
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=5000)
    outcome = []
    task.cancelled.connect(lambda: outcome.append("cancelled"))
    task.finished.connect(lambda _pages: outcome.append("finished"))
    cancel_button(dialog).click()
    qtbot.waitUntil(lambda: bool(outcome), timeout=20_000)
    assert outcome == ["cancelled"]
    assert path.read_bytes() == b"the old one"
    assert [p.name for p in tmp_path.iterdir()] == ["programme.pdf"]


def test_a_pdf_that_cannot_be_written_fails_naming_the_file(qtbot, tmp_path):
    create_application()
    parent = QWidget()
    qtbot.addWidget(parent)
    path = tmp_path / "no such folder" / "programme.pdf"
    task = export_pdf_in_background(parent, small_programme(), path)
    errors = []
    task.failed.connect(errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], OSError) and errors[0].filename == str(path)


def test_while_workers_run_the_window_gets_the_interpreter_back_quickly(qtbot):
    """Painting beside a busy worker asks for the interpreter again after every Qt object
    it makes; at Python's default switch interval (5 ms) a repaint took 40 times longer."""
    import sys

    create_application()
    before = sys.getswitchinterval()
    release = threading.Event()
    seen: list[float] = []

    def work(_progress):
        seen.append(sys.getswitchinterval())
        release.wait(5)
        return 1

    first, second = Task(work).start(), Task(work).start()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
    assert seen == [ui.tasks.WORKER_SWITCH_INTERVAL_S] * 2
    release.set()
    with qtbot.waitSignals([first.finished, second.finished], timeout=5000):
        pass
    assert sys.getswitchinterval() == before


def test_a_task_cancelled_while_it_waits_for_a_worker_does_not_run(qtbot):
    from ui.tasks import background_pool

    create_application()
    release = threading.Event()
    ran: list[str] = []
    first = Task(lambda _p: release.wait(5) and ran.append("first")).start(background_pool())
    second = Task(lambda _p: ran.append("second")).start(background_pool())
    second.cancel()  # still queued behind the first
    release.set()
    with qtbot.waitSignals([first.finished, second.cancelled], timeout=5000):
        pass
    assert ran == ["first"]


def test_the_interpreter_is_shared_again_even_when_the_tasks_owner_is_gone(qtbot):
    import sys

    create_application()
    before = sys.getswitchinterval()
    owner = QObject()
    release = threading.Event()

    def work(_progress):
        release.wait(5)
        return 1

    Task(work, owner).start()
    qtbot.waitUntil(lambda: sys.getswitchinterval() != before, timeout=3000)
    owner.deleteLater()  # the window that started it went away, and the task with it
    qtbot.wait(20)
    release.set()
    qtbot.waitUntil(lambda: sys.getswitchinterval() == before, timeout=5000)


def test_progress_without_a_total_is_reported_now_and_then_not_every_time(qtbot):
    create_application()
    reports: list[tuple[int, int]] = []

    def work(progress):
        for _ in range(20_000):
            progress(0, 0)  # laying out a printout: how far is not known
        progress(10, 10)
        return 1

    task = Task(work)
    task.progressed.connect(lambda done, total: reports.append((done, total)))
    with qtbot.waitSignal(task.finished, timeout=10_000):
        task.start()  # listened to before it starts: a quick worker reports at once
    assert reports[-1] == (10, 10)
    assert len(reports) < 200
