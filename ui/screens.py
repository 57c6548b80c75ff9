"""Windows within the screen they open on: a size remembered on a large monitor, or the
default size, must never put a window's edge (and its OK button) past a laptop screen's."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

# What a window leaves of the screen for its frame (width, height), in pixels.
SCREEN_MARGIN = (16, 48)


def screen_room(screen: QScreen) -> QRect:
    """What a window (its frame left out) may take of ``screen``: its available geometry
    (without panels and docks) less room for the window's frame."""
    room = screen.availableGeometry()
    return room.adjusted(0, 0, -SCREEN_MARGIN[0], -SCREEN_MARGIN[1])


def fit_to_screen(window: QWidget, screen: QScreen | None = None) -> None:
    """Bring ``window`` within ``screen`` (the one it is on, by default): smaller where it
    is larger than the room there (a size remembered on a larger screen), moved where it
    sticks out past an edge. Never below the window's minimum size."""
    if window.isMaximized() or window.isFullScreen():
        return  # the window system fits it to the screen
    room = screen_room(screen or window.screen())
    width = max(min(window.width(), room.width()), window.minimumWidth())
    height = max(min(window.height(), room.height()), window.minimumHeight())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    # Only a window placed already (restored, or moved): Qt centres a new dialog on its
    # window when it shows, unless it was moved.
    if window.isWindow() and window.testAttribute(Qt.WidgetAttribute.WA_Moved):
        x = min(max(window.x(), room.left()), max(room.right() + 1 - width, room.left()))
        y = min(max(window.y(), room.top()), max(room.bottom() + 1 - height, room.top()))
        if (x, y) != (window.x(), window.y()):
            window.move(x, y)
