"""File > New: the name, zone and days of a new programme."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from planner.model import Programme, Texts


class NewProgrammeDialog(QDialog):
    """Name, zone and days of a new programme."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from zoneinfo import available_timezones

        from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QFormLayout, QLineEdit

        from planner.cli import local_zone_name

        self.setWindowTitle(self.tr("New Programme"))
        form = QFormLayout(self)
        self.name_edit = QLineEdit(self.tr("New programme"))
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.zone_combo = QComboBox()
        self.zone_combo.setEditable(True)
        zones = sorted(available_timezones())
        self.zone_combo.addItems(zones)
        local = local_zone_name()
        self.zone_combo.setCurrentText(local if local in zones else "UTC")
        form.addRow(self.tr("Time &zone:"), self.zone_combo)
        today = QDate.currentDate()
        self.first_edit = QDateEdit(today)
        self.first_edit.setCalendarPopup(True)
        self.last_edit = QDateEdit(today.addDays(6))
        self.last_edit.setCalendarPopup(True)
        form.addRow(self.tr("&First day:"), self.first_edit)
        form.addRow(self.tr("&Last day:"), self.last_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def programme(self) -> Programme:
        first = self.first_edit.date().toPython()
        last = self.last_edit.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return Programme(name=Texts.same(self.name_edit.text().strip() or "programme"),
                         timezone=self.zone_combo.currentText().strip(),
                         first_day=first, last_day=last)
