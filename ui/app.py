"""The application: QApplication, settings and the main window, started from main.py.

Qt is imported when the application is made, after the arguments are read and the programme
is loaded: once PySide6 is imported it reads the source of every module that an import
statement names from then on (for its ``__feature__`` switches), so the domain and the
standard library it needs are best loaded before it. That is a tenth of start-up.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from planner.builtin import load_builtin
from planner.model import Lang, Programme, ProgrammeError
from planner.store import ProgrammeLockedError, ProgrammeStore

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

ORGANISATION = "Programme Planner"
APPLICATION = "Programme Planner"
# The longest the cyclic garbage collector stays off while the window starts.
COLLECTOR_PAUSE_MS = 3000


def create_application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication, created once, with the names QSettings files itself under and the
    window's own font (:mod:`ui.fonts`)."""
    from PySide6.QtWidgets import QApplication

    from ui.fonts import install_font

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    install_font(app)
    return app


def open_document(path: str | None, *, readonly: bool = False
                  ) -> tuple[Programme, ProgrammeStore | None]:
    """The programme to show: from ``path`` (``readonly``: without taking it for editing),
    or the built-in one (with no file behind it)."""
    if path is None:
        return load_builtin(), None
    store = ProgrammeStore.open(path, readonly=readonly)
    try:
        return store.load(), store
    except BaseException:
        store.close()
        raise


def start(argv: Sequence[str] = ()) -> MainWindow:
    """Everything :func:`main` does before the event loop runs: read the arguments, open
    the programme, and show its window. Raises UsageError or ProgrammeError."""
    path, lang, read_only = _arguments(argv)
    if path is not None:
        # main.py starts with the cyclic collector off; a file may hold a festival, read
        # with it on as before (see below).
        gc.enable()
    try:
        programme, store = open_document(path, readonly=read_only)
    except ProgrammeLockedError as exc:
        # Open for editing in another window (a second start, a double-click in the file
        # manager): the user is asked, as File > Open would ask, rather than told on a
        # terminal they may not see.
        if not _ask_read_only(exc, lang):
            raise
        programme, store = open_document(path, readonly=True)
    # Making the window (Qt's types, our modules, the widgets) leaves no garbage: the
    # cyclic collector would only walk it again and again, some sixty passes. It resumes
    # once the window has painted. (The programme is loaded with it on: a festival's
    # objects are then not all left for one long first pass after the window appears.)
    gc.disable()
    try:
        window = _show_window(programme, store, lang)
    except BaseException:
        gc.enable()
        raise
    window.after_first_paint(_resume_collector)
    # A window that is never painted (started minimised) must not keep it off for good.
    from PySide6.QtCore import QTimer

    QTimer.singleShot(COLLECTOR_PAUSE_MS, _resume_collector)
    return window


def _arguments(argv: Sequence[str]) -> tuple[str | None, str | None, bool]:
    """The programme file, ``--lang`` and ``--read-only`` of ``argv``. A start without
    arguments (from the desktop's menu) takes the defaults without making the parser:
    argparse and its regular expressions are about 1 % of such a start."""
    if not argv:
        return None, None, False
    from planner.cli import Parser

    parser = Parser(prog="main.py", description="Open the planner window.")
    parser.add_argument("programme", nargs="?", help="programme file (default: built-in)")
    parser.add_argument("--lang", choices=("de", "en", "ru"),
                        help="language of the window (default: the one chosen under "
                             "View > Language, else the system's)")
    parser.add_argument("--read-only", action="store_true",
                        help="open the file without taking it for editing (edits stay in "
                             "memory until Save As)")
    args = parser.parse_args(list(argv))
    return args.programme, args.lang, args.read_only


def _ask_read_only(error: ProgrammeLockedError, lang: str | None) -> bool:
    create_application()
    from ui.i18n import apply_language, ui_language

    chosen = cast(Lang, lang) if lang else ui_language()
    apply_language(chosen)
    from ui.main_window import ask_read_only

    return ask_read_only(None, error, chosen)


def _resume_collector() -> None:
    if gc.isenabled():
        return
    # What start-up made (Qt's types, the modules, the window, the programme) lives as long
    # as the window: the collector leaves it out of every later pass. With a festival's
    # programme a full pass over it takes some 200 ms, a visible stall, each time.
    gc.freeze()
    gc.enable()


def _show_window(programme: Programme, store: ProgrammeStore | None,
                 lang: str | None) -> MainWindow:
    create_application()
    from ui.i18n import apply_language, ui_language

    apply_language(cast(Lang, lang) if lang else ui_language())
    from ui.main_window import MainWindow

    window = MainWindow(programme, store)
    window.show()
    # Asked once the window is on screen: the question then has its window behind it.
    window.after_first_paint(window.offer_recovery)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        window = start(args)
    except ProgrammeError as exc:  # a UsageError too: the arguments
        from planner.cli import _requested_language, error

        return error(exc, _requested_language(args))
    from PySide6.QtWidgets import QApplication

    code = QApplication.exec()
    del window
    return code
