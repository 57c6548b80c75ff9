"""The window's status bar: a message is never shown cut off.

QStatusBar draws its message in the room left of its permanent widgets (the programme's
counts, the sync status) and cuts off what does not fit, mid-word, with nothing to say so;
a Russian message in a 1024 px window lost its end. Here a message that does not fit ends
in "…" and the status bar's tooltip has it whole, with any detail the caller adds. The
messages themselves are written to fit (see the test of their widths).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStatusBar, QWidget

# QStatusBar's own margins around its message (qstatusbar.cpp: the message starts 6 px
# from the left and keeps 2 px from the first permanent widget, or 12 px from the right
# edge without one).
_LEFT = 6
_GAP = 2
_RIGHT = 12


class StatusBar(QStatusBar):
    """A status bar that shows a long message elided, and whole in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_bar")
        self._full = ""
        self._detail = ""
        self._permanent: list[QWidget] = []
        # The message's own timeout (QStatusBar's cannot be carried over when a resize
        # elides the message anew).
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clearMessage)
        self.messageChanged.connect(self._message_changed)

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:  # noqa: N802
        self._permanent.append(widget)
        super().addPermanentWidget(widget, stretch)
        # Its text changes ("unsaved changes", "Syncing…") and so does the message's room:
        # the message is elided anew when it moves or is resized.
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                            QEvent.Type.Hide):
            self._refit()
        return super().eventFilter(watched, event)

    def message_room(self) -> int:
        """The width (pixels) a message has: up to the first permanent widget shown."""
        right = self.width() - _RIGHT
        shown = [w.x() for w in self._permanent if w.isVisibleTo(self)]
        if shown:
            right = min(shown) - _GAP
        return max(right - _LEFT, 0)

    def full_message(self) -> str:
        """The message as it was given (the bar may show it elided)."""
        return self._full if self.currentMessage() else ""

    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802 (Qt's name)
        """Show ``text`` for ``timeout`` ms (0: until the next), elided to the room it
        has; the tooltip then holds it whole."""
        self.show_message(text, timeout)

    def show_message(self, text: str, timeout: int = 0, detail: str = "") -> None:
        """Show ``text`` as :meth:`showMessage` does; ``detail`` (a why or a how) is
        shown in the tooltip under it."""
        self._full, self._detail = text, detail
        super().showMessage(self._fitted(text))
        self._update_tooltip()
        if timeout > 0:
            self._timer.start(timeout)
        else:
            self._timer.stop()

    def _fitted(self, text: str) -> str:
        room = self.message_room()
        if room <= 0:
            return text  # not laid out yet: the first resize elides it
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room)

    def _message_changed(self, text: str) -> None:
        if not text:
            self._full = self._detail = ""
            self._timer.stop()
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        shown = self.currentMessage()
        parts = [self._full] if shown and (shown != self._full or self._detail) else []
        if shown and self._detail:
            parts.append(self._detail)
        self.setToolTip("\n".join(parts))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()

    def _refit(self) -> None:
        """Elide the message anew for the room it has now."""
        if self.currentMessage() and self._full:
            fitted = self._fitted(self._full)
            if fitted != self.currentMessage():
                super().showMessage(fitted)
                self._update_tooltip()
