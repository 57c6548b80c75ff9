"""Headless screenshots of the window: ``python main.py screenshot -o FILE.png``.

The window is built as a user would see it, shown on Qt's offscreen platform when there is
no display, and grabbed to a PNG. It neither reads nor writes the user's window settings,
so screenshots look the same on every computer.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from planner.model import Lang, Programme

MIN_SIZE = (1024, 700)  # the window's own minimum
DEFAULT_SIZE = (1440, 900)
# What Qt's offscreen platform says each time a window is shown: it has no window manager
# to pass size hints to. Known, harmless, and the only line a screenshot would print.
OFFSCREEN_NOTE = "This plugin does not support propagateSizeHints()"
# The longest a screenshot waits for the clash check to fill the Clashes tab.
CHECK_WAIT_S = 30.0


def render(
    path: str | Path,
    programme: Programme,
    *,
    view: str = "week",
    day: date | None = None,
    lang: Lang = "en",
    size: tuple[int, int] = DEFAULT_SIZE,
    source: str | None = None,
    image_format: str = "PNG",
) -> tuple[int, int]:
    """Draw the window showing ``programme`` into the picture at ``path`` (``image_format``
    "PNG" or "JPEG"); returns its size.

    Without a display the launcher (main.py) has chosen Qt's offscreen platform."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, qInstallMessageHandler

    from ui.app import create_application

    qInstallMessageHandler(_without_offscreen_note)
    app = create_application()
    # A private, empty settings file: no remembered geometry, view or zoom leaks in.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    from tempfile import TemporaryDirectory

    from ui.i18n import language

    # The whole window in ``lang``: its labels, Qt's own texts and its dates.
    with TemporaryDirectory() as folder, language(lang):
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        from ui.main_window import MainWindow
        from ui.settings import VIEWS

        window = MainWindow(programme, None, lang=lang, remember=False)
        width, height = max(size[0], MIN_SIZE[0]), max(size[1], MIN_SIZE[1])
        window.resize(width, height)
        if source:
            window.setWindowTitle(window.windowTitle().replace(
                QCoreApplication.translate("MainWindow", "built-in programme"), source))
        window.set_view(view if view in VIEWS else "week", remember=False)  # type: ignore[arg-type]
        window.show()
        app.processEvents()
        if day is not None:
            window.grid.set_date(day)
        window.grid.scroll_to_first_event()
        QCoreApplication.processEvents()
        # As the window looks once settled: the clash check (which a shown window starts
        # after its first frame) has run and the Clashes tab has its count.
        panel = window.clash_panel
        deadline = time.monotonic() + CHECK_WAIT_S
        while (panel.index is None or panel.checking) and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        image = window.grab()
        target = Path(path)
        if not image.save(str(target), image_format):
            raise OSError(f"{target}: cannot write the {image_format} picture")
        result = (image.width(), image.height())
        window.document.undo_stack.clear()
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()
    return result


def _without_offscreen_note(kind: object, context: object, message: str) -> None:
    """Qt's messages as Qt prints them, less :data:`OFFSCREEN_NOTE`: a clean screenshot
    prints nothing on stderr, and every other warning still shows."""
    import sys

    if message != OFFSCREEN_NOTE:
        print(message, file=sys.stderr)
