"""Small icons: colour swatches for tracks, and the window's standard icons.

Kept apart from :mod:`ui.widgets` so that the Find panel, which the window shows at once,
does not load the dialogs' widgets with them.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap


def colour_icon(colour: str, size: int = 14) -> QIcon:
    """A filled square of ``colour`` with a thin border, for combos and lists."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#404040"))
    painter.setBrush(QColor(colour) if QColor.isValidColorName(colour) else QColor("#ffffff"))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)



# The window's standard icons (its own, the toolbar's), each as (the style's pixmap, the
# freedesktop icon name, Qt's image). On Linux they are looked up as Qt's styles look them
# up (Qt 6: the desktop's icon theme by name, else Qt's own images in 16, 32 and 128
# pixels) without asking the style: the first use of QStyle from Python makes the Python
# enums of all of QStyle (566 values in 11 enums), 3 % of the window's start.
# tests/test_ui_icons.py checks that these are the style's icons, pixel for pixel, with and
# without an icon theme. The window's languages are all written left to right (the style
# swaps back and forward for right to left).
STANDARD_ICONS = {
    "window": ("SP_FileDialogDetailedView", "view-list-details", "viewdetailed"),
    "open": ("SP_DialogOpenButton", "folder-open", "standardbutton-open"),
    "save": ("SP_DialogSaveButton", "document-save", "standardbutton-save"),
    "new": ("SP_FileIcon", "text-x-generic", "file"),
    "delete": ("SP_TrashIcon", "user-trash", "trash"),
    "previous": ("SP_MediaSeekBackward", "media-seek-backward", "media-seek-backward"),
    "next": ("SP_MediaSeekForward", "media-seek-forward", "media-seek-forward"),
    "back": ("SP_ArrowBack", "go-previous", "arrow-left"),
    "forward": ("SP_ArrowForward", "go-next", "arrow-right"),
}
_QT_IMAGES = ":/qt-project.org/styles/commonstyle/images/"


def standard_icon(name: str) -> QIcon:
    """The style's standard icon ``name`` (a key of :data:`STANDARD_ICONS`). On Windows and
    macOS, whose styles draw their own, it is asked of the style."""
    pixmap, theme, image = STANDARD_ICONS[name]
    if sys.platform in ("win32", "darwin"):
        return style_icon(name)
    icon = QIcon.fromTheme(theme)
    if icon.isNull():
        icon = QIcon()
        for size in (16, 32, 128):
            icon.addFile(f"{_QT_IMAGES}{image}-{size}.png", QSize(size, size))
    return icon


def style_icon(name: str) -> QIcon:
    """The standard icon ``name`` as the application's style gives it."""
    from PySide6.QtWidgets import QApplication, QStyle

    return QApplication.style().standardIcon(getattr(QStyle.StandardPixmap,
                                                     STANDARD_ICONS[name][0]))
