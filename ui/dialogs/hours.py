"""View › Hours › Custom: the dialog that asks which hours of a day the grids show.

Apart from :mod:`ui.view_options`, which the window makes at once: a dialog's widgets (the
time fields, the button box) are loaded when it is first opened.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QWidget,
)

from ui.views.grid_index import MINUTES_PER_DAY


class HoursDialog(QDialog):
    """From and to: the hours of a day the grids show."""

    def __init__(self, hours: tuple[int, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hours_dialog")
        self.setWindowTitle(self.tr("Hours Shown"))
        form = QFormLayout(self)
        self.from_edit = QTimeEdit(QTime(hours[0] // 60, hours[0] % 60))
        self.to_edit = QTimeEdit(QTime(min(hours[1], MINUTES_PER_DAY - 1) // 60,
                                       min(hours[1], MINUTES_PER_DAY - 1) % 60))
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("HH:mm")
            edit.timeChanged.connect(self._check)
        form.addRow(self.tr("&From"), self.from_edit)
        form.addRow(self.tr("&To"), self.to_edit)
        self.note = QLabel(self.tr("Events outside these hours are shown at their edge."))
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._check()

    def hours(self) -> tuple[int, int]:
        first = self.from_edit.time()
        last = self.to_edit.time()
        end = last.hour() * 60 + last.minute()
        # 23:59 stands for midnight, the end of the day.
        return first.hour() * 60 + first.minute(), MINUTES_PER_DAY if end == 1439 else end

    def _check(self) -> None:
        first, last = self.hours()
        ok = last - first >= 60
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.note.setText(self.tr("Events outside these hours are shown at their edge.") if ok
                          else self.tr("Show at least an hour."))
