"""View › Hours (which hours of a day the grids show) and View › Hide Empty Venues: the
window's grid options beyond zoom, snapping and zones, remembered in the user's settings.

By default the grids show the hours the programme's events need (from the first start to
the last end, :func:`planner.layout.working_hours`): a small zoom, however it was left,
never opens on a night of empty hours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

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
        from ui.dialogs.hours import HoursDialog

        dialog = HoursDialog(self._custom, self._window.window())
        if dialog.exec() != HoursDialog.DialogCode.Accepted:
            return None
        return dialog.hours()

