"""Helpers for driving the grid with the mouse as a user does."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from ui.app import create_application
from ui.main_window import MainWindow
from ui.views.grid import GridView


def active_window(qtbot, programme, lang="en", size=(1400, 900), remember=False) -> MainWindow:
    """``programme`` in a shown, active window (shortcuts of the views work in the active
    window only) that closes without asking about unsaved changes."""
    create_application()
    window = MainWindow(programme, None, lang=lang, remember=remember)
    qtbot.addWidget(window)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def point(p: QPointF) -> QPoint:
    return QPoint(round(p.x()), round(p.y()))


def block_point(grid: GridView, uid: str, down: float = 12) -> QPoint:
    """A point inside the block of ``uid``, ``down`` pixels below its top."""
    rect = grid.block_rect(uid)
    assert rect is not None, f"{uid} is not visible"
    return QPoint(round(rect.center().x()), round(rect.top() + down))


def bottom_edge(grid: GridView, uid: str) -> QPoint:
    rect = grid.block_rect(uid)
    assert rect is not None
    return QPoint(round(rect.center().x()), round(rect.bottom() - 2))


def drag(grid: GridView, start: QPoint, end: QPoint, steps: int = 5,
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press at ``start``, move in steps to ``end``, release: a mouse drag (with Ctrl as
    ``modifier``, a copy)."""
    press_and_move(grid, start, end, steps, modifier)
    QTest.mouseRelease(grid.viewport(), Qt.MouseButton.LeftButton, modifier, end)


def press_and_move(grid: GridView, start: QPoint, end: QPoint, steps: int = 5,
                   modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press at ``start`` and move in steps to ``end``, the button still held (to hold a
    block at an edge of the grid, say)."""
    viewport = grid.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
    for n in range(1, steps + 1):
        x = start.x() + (end.x() - start.x()) * n // steps
        y = start.y() + (end.y() - start.y()) * n // steps
        QTest.mouseMove(viewport, QPoint(x, y))


def y_shift(grid: GridView, old: datetime, new: datetime) -> int:
    """Pixels from ``old``'s time of day to ``new``'s."""
    return round(grid.time_to_y(new) - grid.time_to_y(old))


def click(grid: GridView, at: QPoint,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, modifier, at)


def double_click(grid: GridView, at: QPoint) -> None:
    QTest.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, at)


def breaks_only_between_words(lines: list[str], text: str) -> bool:
    """Whether ``lines`` show ``text`` from its start, broken only between words (at a space
    or after a hyphen): a line that stops inside a word must end with an ellipsis, and the
    next line then starts at the next word."""
    pos = 0
    for line in lines:
        elided = line.endswith("…")
        body = line[:-1].rstrip() if elided else line
        while pos < len(text) and text[pos] == " ":
            pos += 1
        if not text.startswith(body, pos):
            return False
        pos += len(body)
        at_break = pos == len(text) or text[pos] == " " or text[pos - 1] == "-"
        if not elided and not at_break:
            return False
        if elided:  # the rest of the cut word is left out
            while pos < len(text) and text[pos] != " " and text[pos - 1] != "-":
                pos += 1
    return True


class BoxAnswerer:
    """While in its ``with`` block, answers each message box that opens (as a user reads it
    and clicks): records its text in :attr:`seen` and clicks ``answer``, a standard button
    or a button's text (without its "&"). With ``expect``, a block in which no box came
    fails."""

    def __init__(self, qtbot, answer, *, expect: bool = True) -> None:
        from PySide6.QtCore import QTimer

        self.qtbot = qtbot
        self.answer = answer
        self.expect = expect
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._look)

    def __enter__(self) -> BoxAnswerer:
        self._timer.start()
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self._timer.stop()
        if kind is None and self.expect:
            assert self.seen, "no message box came"

    def _look(self) -> None:
        from PySide6.QtWidgets import QApplication, QMessageBox

        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        self.seen.append(box.text())
        if isinstance(self.answer, str):
            button = next(b for b in box.buttons() if b.text().replace("&", "") == self.answer)
        else:
            button = box.button(self.answer)
        assert button is not None, [b.text() for b in box.buttons()]
        button.click()
