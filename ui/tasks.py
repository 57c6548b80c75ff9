"""Long work off the GUI thread: a function runs on a QThreadPool worker, reports progress
through a callback, can be cancelled, and hands its result or error back to the GUI thread
through signals (Anki's ``taskman.py``, Picard's ``util/thread.py``).

The function gets a ``progress(done, total)`` callback. Calling it is also where a cancel
takes effect: once :meth:`Task.cancel` has been asked for, the next call raises
:class:`Cancelled`, which unwinds the function without a result. The function must not touch
widgets or the open programme (it gets copies); whatever comes back is used on the GUI
thread by the receivers of :attr:`Task.finished`.

:func:`run_with_progress` adds a window-modal :class:`QProgressDialog` with a Cancel button,
which appears only when the work takes longer than :data:`SHOW_AFTER_MS`.

Three jobs for the window come with it: :func:`read_and_plan` (File > Import: the files
are read and the import planned on the worker; the window carries the plan out),
:func:`export_pdf_in_background` (a printed programme or door sheets as a PDF, put in
place only when complete, so that Cancel leaves no file) and :func:`print_in_background`
(the same onto a printer, whose job Cancel aborts).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from planner.importing import ImportPlan
    from planner.model import Lang, Programme

Progress = Callable[[int, int], None]

# Short work finishes without a dialog flashing up.
SHOW_AFTER_MS = 300
# Progress signals are queued to the GUI thread: at most this often, so that a worker that
# reports every item does not flood the event queue.
PROGRESS_INTERVAL_S = 0.05
# While a worker runs Python, the window gets the interpreter back within this long when it
# asks (sys.setswitchinterval; Python's default is 5 ms). Painting asks for it again and
# again, after each Qt object it makes: at 5 ms a repaint of a festival week took 1.7 s
# beside a busy worker instead of 40 ms.
WORKER_SWITCH_INTERVAL_S = 0.0005


_workers_lock = threading.Lock()
_workers_running = 0
_own_switch_interval = 0.0  # the interpreter's switch interval while no worker runs


@contextlib.contextmanager
def _interpreter_shared() -> Iterator[None]:
    """While a worker runs Python, the window gets the interpreter back within
    WORKER_SWITCH_INTERVAL_S; the interval is put back when the last worker is done."""
    global _workers_running, _own_switch_interval
    with _workers_lock:
        if _workers_running == 0:
            _own_switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(WORKER_SWITCH_INTERVAL_S, _own_switch_interval))
        _workers_running += 1
    try:
        yield
    finally:
        with _workers_lock:
            _workers_running -= 1
            if _workers_running == 0:
                sys.setswitchinterval(_own_switch_interval)


class Cancelled(Exception):  # noqa: N818 (reads as "the work was cancelled")
    """Raised by the progress callback after a cancel was asked for."""


class Task(QObject):
    """One function run on a worker thread.

    Exactly one of :attr:`finished` (with the result), :attr:`failed` (with the exception)
    or :attr:`cancelled` is emitted, on the GUI thread; :attr:`progressed` carries
    ``(done, total)`` on the way.
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    # Emitted from the worker; the slot runs on the GUI thread and emits one of the above.
    _ended = Signal(str, object)

    def __init__(self, function: Callable[[Progress], Any], parent: QObject | None = None,
                 *, abandon_on_cancel: bool = False) -> None:
        super().__init__(parent)
        self._function = function
        # Work without side effects (reading, planning) can be let go at once on Cancel:
        # its result, whenever it comes, is dropped. Work that writes is waited for.
        self._abandon = abandon_on_cancel
        self._cancel = threading.Event()
        self._last_report = 0.0
        self.running = False
        self.done = False
        self.outcome: str | None = None  # "finished", "failed" or "cancelled"
        self.result: object = None
        self._ended.connect(self._on_ended, Qt.ConnectionType.QueuedConnection)

    def start(self, pool: QThreadPool | None = None) -> Task:
        self.running = True
        (pool or QThreadPool.globalInstance()).start(self._run)
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report (or, for a task that may be
        abandoned, report it cancelled now and drop whatever it still returns)."""
        if self.done or self._cancel.is_set():
            return
        self._cancel.set()
        if self._abandon and self.running:
            self._ended.emit("cancelled", None)

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        now = time.monotonic()
        # The last report always goes out; others (and "how far is not known", 0 of 0)
        # at most every PROGRESS_INTERVAL_S.
        if (total > 0 and done >= total) or now - self._last_report >= PROGRESS_INTERVAL_S:
            self._last_report = now
            try:
                self.progressed.emit(done, total)
            except RuntimeError:  # the window went away meanwhile
                raise Cancelled from None

    def _run(self) -> None:
        # Runs on the worker thread: no widgets here.
        outcome: tuple[str, object]
        if self._cancel.is_set():
            outcome = ("cancelled", None)  # cancelled while it waited for a worker
        else:
            with _interpreter_shared():
                try:
                    outcome = ("finished", self._function(self._progress))
                except Cancelled:
                    outcome = ("cancelled", None)
                except Exception as exc:  # reported on the GUI thread, never lost
                    outcome = ("failed", exc)
        if self._cancel.is_set() and outcome[0] == "finished":
            # Cancelled after the last report: the result is not wanted.
            outcome = ("cancelled", None)
        try:
            self._ended.emit(*outcome)
        except RuntimeError:  # the task's owner was deleted: nobody is waiting
            pass

    def _on_ended(self, outcome: str, value: object) -> None:
        if self.done:
            return  # abandoned earlier: this is the late end of the work
        self.running = False
        self.done = True
        self.outcome = outcome
        if outcome == "finished":
            self.result = value
            self.finished.emit(value)
        elif outcome == "failed":
            self.failed.emit(value)
        else:
            self.cancelled.emit()
        self.deleteLater()

    def wait(self) -> None:
        """Process events until the task has ended (the GUI keeps painting and ticking)."""
        if self.done:
            return
        loop = QEventLoop()
        for signal in (self.finished, self.failed, self.cancelled):
            signal.connect(loop.quit)
        if not self.done:
            loop.exec()


_background: QThreadPool | None = None


def background_pool() -> QThreadPool:
    """One worker thread for the work nobody is waiting on (the first clash check, the
    search's warm-up), which it does one job after another: Python runs one thread at a
    time, and the window, which must answer meanwhile, then competes with one at most."""
    global _background
    if _background is None:
        _background = QThreadPool(QCoreApplication.instance())
        _background.setMaxThreadCount(1)
    return _background


def run_with_progress(
    parent: QWidget,
    label: str,
    function: Callable[[Progress], Any],
    *,
    abandon_on_cancel: bool = False,
) -> Task:
    """Start ``function(progress)`` on a worker with a progress dialog, modal to
    ``parent``'s window, that appears after :data:`SHOW_AFTER_MS` and whose Cancel button
    cancels the task. Connect to the task's signals for the outcome."""
    task = Task(function, parent, abandon_on_cancel=abandon_on_cancel)
    dialog = QProgressDialog(label, QCoreApplication.translate("tasks", "Cancel"), 0, 0, parent)
    dialog.setObjectName("task_progress")
    dialog.setWindowTitle(QCoreApplication.translate("tasks", "Programme Planner"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    task.dialog = dialog  # type: ignore[attr-defined]

    def progressed(done: int, total: int) -> None:
        if task.cancel_requested:
            return
        if dialog.maximum() != total:
            dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total))

    def cancel() -> None:
        task.cancel()
        dialog.setLabelText(QCoreApplication.translate("tasks", "Cancelling…"))

    def ended(*_args: object) -> None:
        dialog.canceled.disconnect(cancel)
        dialog.close()
        dialog.deleteLater()
        task.dialog = None  # type: ignore[attr-defined]

    task.progressed.connect(progressed)
    dialog.canceled.connect(cancel)
    # Connected before the caller's slots, so that the dialog is gone when they run.
    for signal in (task.finished, task.failed, task.cancelled):
        signal.connect(ended)
    # The minimum-duration timer starts here; without a value it would not show at all.
    dialog.setValue(0)
    return task.start()


# -- importing -------------------------------------------------------------------------------

# Progress units per file read; planning the import counts as a tenth of a file.
_UNITS = 1000


def read_and_plan(programme: Programme, paths: Sequence[str], progress: Progress) -> ImportPlan:
    """Read the ICS and CSV files ``paths`` and plan their import into ``programme``.

    Runs on a worker: ``programme`` must be a copy that nothing else changes meanwhile (the
    plan only reads it). Raises what the readers raise (:class:`ProgrammeError`,
    ``OSError``) and :class:`Cancelled` from ``progress``.
    """
    from planner.importing import plan_import, read_import_file

    total = _UNITS * len(paths) + _UNITS // 10
    results = []
    for number, name in enumerate(paths):
        base = number * _UNITS

        def part(done: int, of: int, base: int = base) -> None:
            if of > 0:
                progress(base + done * _UNITS // of, total)
            else:  # (0, 0) while a file is parsed, which tells nothing of how far: busy
                progress(0, 0)

        results.append(read_import_file(name, part))
    items = [item for result in results for item in result.events]
    problems = [found for result in results for found in result.problems]
    progress(_UNITS * len(paths), total)
    plan = plan_import(programme, items, problems=problems)
    progress(total, total)
    return plan


# -- PDF -------------------------------------------------------------------------------------


@contextlib.contextmanager
def _put_in_place(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` to write, which takes ``path``'s place when the
    ``with`` block ends normally; on an exception (a Cancel) it is removed and ``path`` is
    left as it was."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix,
                                        dir=path.parent)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def write_pdf_file(programme: Programme, path: str | Path, lang: Lang,
                   tracks: Sequence[str] | None, uids: Collection[str] | None,
                   door_sheets: bool, progress: Progress) -> int:
    """Write the printed programme (or the door sheets) as a PDF at ``path``; returns the
    page count. Runs on a worker (painting on a QPdfWriter is allowed off the GUI thread).

    The pages go to a temporary file beside ``path``, which takes its place only at the end
    and only if the work was not cancelled meanwhile: a cancelled or failed export leaves
    ``path`` as it was."""
    from ui.printing import render_venue_sheets, write_pdf

    path = Path(path)
    progress(0, 0)
    with _put_in_place(path) as temp:
        write = render_venue_sheets if door_sheets else write_pdf
        pages = write(programme, temp, lang, tracks, uids, progress)
        progress(1, 1)  # the last moment to cancel: nothing is in place yet
    return pages


def export_pdf_in_background(parent: QWidget, programme: Programme, path: str | Path,
                             lang: Lang = "en", tracks: Iterable[str] | None = None,
                             uids: Collection[str] | None = None, *,
                             door_sheets: bool = False) -> Task:
    """Write a PDF (see :func:`write_pdf_file`) on a worker with a progress dialog; Cancel
    leaves no file. The task's ``finished`` carries the page count."""
    copy = programme.copy()
    chosen = None if tracks is None else list(tracks)
    wanted = None if uids is None else frozenset(uids)
    label = QCoreApplication.translate("tasks", "Writing {file}…").format(file=Path(path).name)
    return run_with_progress(
        parent, label,
        lambda progress: write_pdf_file(copy, path, lang, chosen, wanted, door_sheets,
                                        progress))


# -- printing --------------------------------------------------------------------------------


def print_in_background(parent: QWidget, printer: QPrinter, programme: Programme,
                        lang: Lang = "en", tracks: Iterable[str] | None = None,
                        uids: Collection[str] | None = None, *,
                        door_sheets: bool = False) -> Task:
    """Print the programme (or the door sheets) on ``printer``, set up by the print dialog,
    on a worker with a progress dialog (Qt paints on a QPrinter off the GUI thread). The
    task's ``finished`` carries the page count; ``printer`` belongs to the task from here.

    Cancel stops between pages. Printed to a file, the file appears only when every page
    is in it, so a cancelled print leaves none (and an older file as it was). On a printer,
    the job is aborted where the platform lets Qt do so (Windows, macOS); through CUPS the
    pages painted so far are still sent."""
    from PySide6.QtPrintSupport import QPrinter

    from ui.printing import render_door_sheets, render_programme

    copy = programme.copy()
    chosen = None if tracks is None else list(tracks)
    wanted = None if uids is None else frozenset(uids)
    render = render_door_sheets if door_sheets else render_programme
    target = printer.outputFileName() if (
        printer.outputFormat() == QPrinter.OutputFormat.PdfFormat) else ""

    def work(progress: Progress) -> int:
        if not target:
            return render(copy, printer, lang, chosen, wanted, progress)
        with _put_in_place(Path(target)) as temp:
            printer.setOutputFileName(str(temp))
            return render(copy, printer, lang, chosen, wanted, progress)

    label = QCoreApplication.translate("tasks", "Printing {name}…").format(
        name=programme.name.get(lang))
    return run_with_progress(parent, label, work)
