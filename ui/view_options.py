"""View › Hours (which hours of a day the grids show) and View › Hide Empty Venues: the
window's grid options beyond zoom, snapping and zones, remembered in the user's settings.

By default the grids show the hours the programme's events need (from the first start to
the last end, :func:`planner.layout.working_hours`): a small zoom, however it was left,
never opens on a night of empty hours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTime
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMenu,
    QTimeEdit,
    QWidget,
)

from ui.settings import Hours

if TYPE_CHECKING:
    from ui.shell import Shell

MINUTES_PER_DAY = 24 * 60


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class ViewOptions(QObject):
    """The Hours submenu and the Hide Empty Venues switch of the View menu."""

    def __init__(self, window: Shell, before: QAction | None = None) -> None:
        super().__init__(window.window())
        self._window = window
        parent = window.window()
        self.hours_menu = QMenu(self.tr("&Hours"), parent)
        self.hours_menu.aboutToShow.connect(self._name_programme_hours)
        self._hours_group = QActionGroup(self)
        self.hours_actions: dict[Hours, QAction] = {}
        for kind, text in (("programme", self.tr("The &Programme's Hours")),
                           ("all", self.tr("The &Whole Day")),
                           ("custom", self.tr("&Custom Hours…"))):
            action = QAction(text, parent)
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, k=kind: self._choose(k))
            self._hours_group.addAction(action)
            self.hours_menu.addAction(action)
            self.hours_actions[kind] = action  # type: ignore[index]
        self.hours_actions["programme"].setStatusTip(self.tr(
            "From the first start to the last end of the programme's events"))
        self.hide_empty_action = QAction(self.tr("Hide Empt&y Venues"), parent)
        self.hide_empty_action.setCheckable(True)
        self.hide_empty_action.setStatusTip(self.tr(
            "In the venue grid, leave out the venues with nothing on the day"))
        self.hide_empty_action.toggled.connect(self.set_hide_empty_venues)
        menu = window.view_menu
        menu.insertMenu(before, self.hours_menu)
        menu.insertAction(before, self.hide_empty_action)
        menu.insertSeparator(before)

        settings = window.settings
        kind, hours = settings.hours
        self._custom = hours if kind == "custom" else (9 * 60, 21 * 60)
        self.set_hours(kind, hours, remember=False)
        self.hide_empty_action.setChecked(settings.hide_empty_venues)
        window.grid.set_hide_empty_venues(settings.hide_empty_venues)
        self._name_programme_hours()

    def _name_programme_hours(self) -> None:
        first, last = self._window.grid.programme_hours()
        self.hours_actions["programme"].setText(
            self.tr("The &Programme's Hours ({first}–{last})").format(
                first=_clock(first), last=_clock(last)))
        self.hours_actions["custom"].setText(self.tr("&Custom Hours ({first}–{last})…").format(
            first=_clock(self._custom[0]), last=_clock(self._custom[1])))

    def _choose(self, kind: Hours) -> None:
        if kind == "custom":
            hours = self.ask_hours()
            if hours is None:
                # Cancelled: the choice before stays.
                self.hours_actions[self._window.settings.hours[0]].setChecked(True)
                return
            self._custom = hours
        self.set_hours(kind, self._custom)

    def set_hours(self, kind: Hours, hours: tuple[int, int] = (0, MINUTES_PER_DAY), *,
                  remember: bool = True) -> None:
        """Show the programme's hours, the whole day, or ``hours`` (minutes)."""
        grid = self._window.grid
        grid.set_hours(None if kind == "programme" else (0, MINUTES_PER_DAY) if kind == "all"
                       else hours)
        self.hours_actions[kind].setChecked(True)
        if remember:
            self._window.settings.set_hours(kind, hours)
        self._name_programme_hours()

    def set_hide_empty_venues(self, hide: bool) -> None:
        self._window.grid.set_hide_empty_venues(hide)
        self._window.settings.hide_empty_venues = hide

    def ask_hours(self) -> tuple[int, int] | None:
        """The hours the user types in a small dialog, or None when cancelled."""
        dialog = HoursDialog(self._custom, self._window.window())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.hours()


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
