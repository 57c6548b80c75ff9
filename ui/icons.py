"""Small painted icons: colour swatches for tracks.

Kept apart from :mod:`ui.widgets` so that the Find panel, which the window shows at once,
does not load the dialogs' widgets with them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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
