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

The runner does not know what it runs: the jobs live with what they do (reading and
planning an import in :mod:`ui.file_import`, writing and printing PDFs in
:mod:`ui.printing`).
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

# Told how far the work is, (done, total), or (0, 0) while that is not known; may raise
# Cancelled to stop it.
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
