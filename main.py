"""Programme Planner launcher.

``python main.py [PROGRAMME]`` opens the window; ``python main.py COMMAND ...`` runs a
command (``python main.py --help`` lists them). Commands that need no window import no Qt.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _headless() -> None:
    # Painting to a file needs Qt but no window: without a display, Qt's offscreen platform
    # serves.
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _print_painter() -> Callable[..., Any]:
    _headless()
    from ui.printing import print_pdf

    return print_pdf


def _screenshot_painter() -> Callable[..., Any]:
    _headless()
    from ui.screenshot import render

    return render


# The commands that paint through Qt; loaded only when one of them runs, so that every other
# command starts without Qt.
PAINTERS = {"print": _print_painter, "screenshot": _screenshot_painter}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    # Without arguments (a start from the desktop's menu) the window opens at once: the
    # command line's module and argparse are not loaded for it.
    if args:
        from planner.cli import COMMANDS

        if args[0] in COMMANDS or args[0] in ("-h", "--help"):
            from planner.cli import main as cli_main

            gc.enable()  # a command may read a large file: it runs with the collector on
            return cli_main(args, PAINTERS)
        if not args[0].startswith("-") and not Path(args[0]).exists():
            from planner.cli import error

            kind = "no such file" if Path(args[0]).suffix else "no such command or file"
            return error(f"{args[0]}: {kind} (python main.py --help lists the commands)")
    from ui.app import main as ui_main

    return ui_main(args)


if __name__ == "__main__":
    # Loading the modules and building the window make many objects and free few: the
    # cyclic collector would only walk them again and again while the window starts (some
    # fifty passes, most of them while PySide6 is imported). ui.app turns it back on once
    # the window has painted; a command turns it on before it runs.
    gc.disable()
    sys.exit(main())
