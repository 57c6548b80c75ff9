"""The application: QApplication, settings and the main window, started from main.py."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from planner.builtin import load_builtin
from planner.model import Programme, ProgrammeError
from planner.store import ProgrammeStore

ORGANISATION = "Programme Planner"
APPLICATION = "Programme Planner"


def keep_none_alive() -> None:
    """Work around PySide6 6.12.0's abi3 wheels on Python 3.11.

    Those wheels were built for Python 3.12, where None is immortal, and drop one reference
    to None on every Qt call that returns nothing. A window makes thousands of such calls a
    second while painting, so on 3.11 None's count reaches zero within seconds and the
    process aborts ("none_dealloc"). Giving None a count it cannot run through keeps the
    window alive; the proper fix is another PySide6 release or Python 3.12 or later.
    """
    if sys.version_info >= (3, 12) or getattr(keep_none_alive, "done", False):
        return
    import shiboken6

    if not str(getattr(shiboken6, "__version__", "")).startswith("6.12.0"):
        return
    # ob_refcnt is the first field of every object in CPython's release build.
    refcount = ctypes.c_ssize_t.from_address(id(None))
    refcount.value += 1 << 40
    keep_none_alive.done = True  # type: ignore[attr-defined]


def create_application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication, created once, with the names QSettings files itself under."""
    keep_none_alive()
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    return app


def open_document(path: str | None) -> tuple[Programme, ProgrammeStore | None]:
    """The programme to show: from ``path``, or the built-in one (with no file behind it)."""
    if path is None:
        return load_builtin(), None
    store = ProgrammeStore.open(path)
    try:
        return store.load(), store
    except BaseException:
        store.close()
        raise


def main(argv: Sequence[str] | None = None) -> int:
    from planner.cli import Parser, UsageError, error

    parser = Parser(prog="main.py", description="Open the planner window.")
    parser.add_argument("programme", nargs="?", help="programme file (default: built-in)")
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
        programme, store = open_document(args.programme)
    except (UsageError, ProgrammeError) as exc:
        return error(str(exc))
    app = create_application()
    from ui.main_window import MainWindow

    window = MainWindow(programme, store)
    window.show()
    window.offer_recovery()
    return app.exec()
