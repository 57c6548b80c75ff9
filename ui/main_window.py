"""The main window: assembles the views, docks and actions; no domain logic.

Views (``ui/views/``) emit intents (move this event, edit that one); the window turns each
into an undo command (:mod:`ui.commands`) on the open :class:`~ui.document.Document`, and
refreshes the views from the document's ``changed`` signal. Panels (``ui/panels/``) come in
as docks through :meth:`MainWindow.add_dock`; they are handed the window as a
:class:`ui.shell.Shell` and never import this module. Dialogs (``ui/dialogs/``) are loaded
on first use.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QObject,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.builtin import load_builtin
from planner.counting import count_programme
from planner.edits import occurrence_of, split_series
from planner.model import Event, Lang, Programme, ProgrammeError, Session
from planner.store import SUFFIX, Changes, ProgrammeLockedError, ProgrammeStore
from ui.commands import (
    EntitiesCommand,
    ImportCommand,
    _Command,
    delete_command,
    move_command,
    occurrence_command,
    put_command,
    resize_command,
    schedule_command,
    split_command,
)
from ui.document import Document
from ui.event_actions import EventActions
from ui.i18n import error_text, numerus
from ui.icons import standard_icon
from ui.screens import fit_to_screen, screen_room
from ui.settings import SNAPS, VIEWS, Settings, View
from ui.status_bar import StatusBar
from ui.undo_actions import UndoAction
from ui.view_options import ViewOptions
from ui.views.grid import GridView, TrackLegend

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from ui.dialogs.editor import EventEditor
    from ui.panels.clashes import ClashPanel
    from ui.panels.my_programme import MyProgramme
    from ui.panels.releases import Releases
    from ui.panels.sync import SyncPanel
    from ui.panels.unscheduled import Scheduling
    from ui.recovery import RecoveryWriter
    from ui.tasks import Task

# Dialog classes are imported where they are used: creating their Python types at import
# time is a measurable part of start-up, and most sessions open none of them.

# The launcher, for a restart.
MAIN_SCRIPT = Path(__file__).resolve().parent.parent / "main.py"
# The window's size the first time it opens: this, or less on a smaller screen (this share
# of the room the screen has), so that it never opens with an edge cut off.
DEFAULT_WINDOW_SIZE = (1440, 900)
SCREEN_SHARE = 0.9
ZONE_CHOICES = ("Europe/Berlin", "Europe/London", "UTC", "America/New_York", "Asia/Tokyo")


def _ui_language() -> Lang:
    """The user's language if it is one of the content languages, else English (as
    ``ui.widgets.ui_language``, without loading the dialogs' widgets at start-up)."""
    code = QLocale().name()[:2].lower()
    return code if code in ("de", "en", "ru") else "en"  # type: ignore[return-value]


class MainWindow(QMainWindow):
    """The planner window for one programme at a time."""

    document_replaced = Signal(object)  # the new Document

    def __init__(
        self,
        programme: Programme | None = None,
        store: ProgrammeStore | None = None,
        *,
        lang: Lang | None = None,
        remember: bool = True,
    ) -> None:
        super().__init__()
        self._lang: Lang = lang or _ui_language()
        self._remember = remember
        self.settings = Settings()
        self.editor: QDialog | None = None
        self.import_report: QMessageBox | None = None  # the last import's report, if any
        self._selection: list[str] = []
        self._builtin = programme is None or store is None
        self._painted = False
        self._shown_once = False
        self._docks: dict[str, QDockWidget] = {}
        self._after_paint: list[Callable[[], object]] = []
        if programme is None:
            programme = load_builtin()
        self.document = Document(programme, store, self)
        self.setStatusBar(StatusBar(self))
        self.setObjectName("MainWindow")
        self.setWindowIcon(standard_icon("window"))

        self._build_views()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_docks()
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.status_label)
        # The sync status beside it is a button, made once the window has painted, and
        # taller than a label: the bar has its height from the first frame, so that the
        # grid and the panels above it do not move when it arrives.
        probe = QToolButton()
        probe.setAutoRaise(True)
        probe.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        probe.setText("Sync")
        self.status_label.setMinimumHeight(probe.sizeHint().height())
        # Made at the first unsaved change: most windows never need one.
        self._recovery: RecoveryWriter | None = None
        self._connect_document(self.document)
        self._apply_settings()
        self.resize(*DEFAULT_WINDOW_SIZE)
        if remember:
            self._restore_window()
        self.fit_dock_tabs()
        _hide_stray_tab_bars(self)
        self._refresh_all(grid=False)  # the grid was built with the programme
        QTimer.singleShot(0, self.grid.scroll_to_first_event)

    @property
    def lang(self) -> Lang:
        """The language of the programme's texts in this window (titles, venue names)."""
        return self._lang

    # -- building -------------------------------------------------------------------------

    def _build_views(self) -> None:
        programme = self.document.programme
        self.grid = GridView(programme, lang=self._lang)
        self.legend = TrackLegend(programme, lang=self._lang)
        grid_page = QWidget()
        layout = QVBoxLayout(grid_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.legend)
        self.views = QStackedWidget()
        self.views.addWidget(grid_page)
        # The agenda is made the first time it is shown: most sessions start in a grid, and
        # its table and models are a good part of start-up time.
        self.agenda: QWidget | None = None
        self.setCentralWidget(self.views)

        grid = self.grid
        grid.move_requested.connect(self.move_event)
        grid.resize_requested.connect(self.resize_event)
        grid.create_requested.connect(self.new_event)
        grid.edit_requested.connect(self.edit_event)
        grid.delete_requested.connect(self.delete_events)
        grid.selection_changed.connect(self._on_selection_changed)
        grid.date_changed.connect(self._on_date_changed)
        grid.zoom_changed.connect(self._on_zoom_changed)
        grid.day_activated.connect(self.show_venues_of)

    def _action(self, text: str, slot: Callable[[], object] | None = None,
                shortcut: QKeySequence | str | QKeySequence.StandardKey | None = None,
                tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New…"), self.file_new, std.New,
                                       self.tr("Start a new programme"))
        self.open_action = self._action(self.tr("&Open…"), self.file_open, std.Open,
                                        self.tr("Open a programme file"))
        self.open_action.setIcon(standard_icon("open"))
        self.open_read_only_action = self._action(
            self.tr("Open Read-Onl&y…"), lambda: self.file_open(readonly=True),
            tip=self.tr("Open a programme file to look at it; changes go to a copy "
                        "(Save As)"))
        self.builtin_action = self._action(self.tr("Open &Built-in Programme"), self.open_builtin,
                                           tip=self.tr("Open the German Week 2019 programme"))
        self.save_action = self._action(self.tr("&Save"), self.file_save, std.Save,
                                        self.tr("Save the programme"))
        self.save_action.setIcon(standard_icon("save"))
        self.save_as_action = self._action(self.tr("Save &As…"), self.file_save_as, std.SaveAs,
                                           self.tr("Save the programme in a new file"))
        self.import_action = self._action(
            self.tr("&Import…"), self.file_import, "Ctrl+I",
            self.tr("Merge events from calendars (ICS), spreadsheets (CSV) and conference "
                    "schedules (schedule.xml, schedule.json)"))
        self.export_action = self._action(self.tr("&Export ICS…"), self.file_export, "Ctrl+Shift+E",
                                          self.tr("Write the programme as a calendar file"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, std.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self._make_undo_actions(self.document)
        self.new_event_action = self._action(self.tr("&New Event…"), self.new_event_here,
                                             "Ctrl+Shift+N", self.tr("Add an event"))
        self.new_event_action.setIcon(standard_icon("new"))
        self.edit_event_action = self._action(self.tr("&Edit Event…"), self.edit_selected, "Ctrl+E",
                                              self.tr("Edit the selected event"))
        self.delete_action = self._action(self.tr("&Delete"), self.delete_selected,
                                          QKeySequence(Qt.Key.Key_Delete),
                                          self.tr("Delete the selected events (undoable)"))
        self.delete_action.setIcon(standard_icon("delete"))
        # Only while a view has the focus: a text field keeps its own Delete key.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.views.addAction(self.delete_action)
        self.entities_action = self._action(self.tr("Trac&ks, Venues and People…"),
                                            self.edit_entities,
                                            tip=self.tr("Edit tracks, venues and people"))

        self.view_group = QActionGroup(self)
        self.view_actions: dict[View, QAction] = {}
        labels = {"week": self.tr("&Week Grid"), "day": self.tr("&Day"),
                  "venues": self.tr("&Venue Grid"), "agenda": self.tr("&Agenda")}
        tips = {
            "week": self.tr("One column per day"),
            "day": self.tr("One day, as wide as the window"),
            "venues": self.tr("One column per venue, for one day"),
            "agenda": self.tr("A sortable table of events"),
        }
        # The toolbar's names are short, as a calendar's view switch is ("Week", "Day").
        short = {"week": self.tr("Week"), "day": self.tr("Day"), "venues": self.tr("Venues"),
                 "agenda": self.tr("Agenda")}
        # The day view came last: the others keep the keys they had.
        keys = {"week": "Ctrl+1", "venues": "Ctrl+2", "agenda": "Ctrl+3", "day": "Ctrl+4"}
        for view in VIEWS:
            action = self._action(labels[view], None, keys[view], tips[view], checkable=True)
            action.setIconText(short[view])
            action.triggered.connect(lambda _c=False, v=view: self.set_view(v))
            self.view_group.addAction(action)
            self.view_actions[view] = action
        self.prev_action = self._action(self.tr("&Previous Day"), lambda: self.grid.step_date(-1),
                                        "Alt+PgUp", self.tr("Show the previous day or week"))
        self.prev_action.setIcon(standard_icon("previous"))
        self.next_action = self._action(self.tr("&Next Day"), lambda: self.grid.step_date(1),
                                        "Alt+PgDown", self.tr("Show the next day or week"))
        self.next_action.setIcon(standard_icon("next"))
        self.zoom_in_action = self._action(self.tr("Zoom &In"), self.grid.zoom_in, std.ZoomIn)
        self.zoom_in_action.setShortcuts([QKeySequence(std.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action(self.tr("Zoom &Out"), self.grid.zoom_out, std.ZoomOut)
        self.first_event_action = self._action(self.tr("Go to the &First Event"),
                                               self.grid.scroll_to_first_event, "Ctrl+Home")
        self.snap_group = QActionGroup(self)
        self.snap_actions: dict[int, QAction] = {}
        for minutes in SNAPS:
            action = self._action(self.tr("Snap to {n} Minutes").format(n=minutes), None,
                                  checkable=True)
            action.triggered.connect(lambda _c=False, m=minutes: self.set_snap(m))
            self.snap_group.addAction(action)
            self.snap_actions[minutes] = action
        self.zone_group = QActionGroup(self)
        self.zone_actions: dict[str, QAction] = {}
        for zone in ("", *ZONE_CHOICES):
            action = self._action(_zone_text(zone) if zone else self.tr("None"), None,
                                  checkable=True)
            action.triggered.connect(lambda _c=False, z=zone: self.set_second_zone(z))
            self.zone_group.addAction(action)
            self.zone_actions[zone] = action
        self.other_zone_action = self._action(self.tr("Other Zone…"), self._choose_zone)
        self.addActions([self.prev_action, self.next_action])

    def _make_undo_actions(self, document: Document) -> None:
        # The toolbar shows the short icon texts, the Edit menu names the step, the tooltip
        # names it in full (ui.undo_actions): the toolbar keeps its width after an edit.
        self.undo_action = UndoAction(self, redo=False, short=self.tr("Undo"),
                                      bare=self.tr("&Undo"), named=self.tr("&Undo {action}"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.setIcon(standard_icon("back"))
        self.redo_action = UndoAction(self, redo=True, short=self.tr("Redo"),
                                      bare=self.tr("&Redo"), named=self.tr("&Redo {action}"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(standard_icon("forward"))
        for action in (self.undo_action, self.redo_action):
            action.bind(document.undo_stack)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action, self.open_read_only_action,
                              self.builtin_action])
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action])
        self.file_menu = file_menu
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.new_event_action, self.edit_event_action, self.delete_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.entities_action)
        self.edit_menu = edit_menu

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions(list(self.view_actions.values()))
        view_menu.addSeparator()
        view_menu.addActions([self.prev_action, self.next_action, self.first_event_action])
        view_menu.addSeparator()
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action])
        snap_menu = view_menu.addMenu(self.tr("&Snapping"))
        snap_menu.addActions(list(self.snap_actions.values()))
        zone_menu = view_menu.addMenu(self.tr("Second Time &Zone"))
        zone_menu.addActions(list(self.zone_actions.values()))
        zone_menu.addSeparator()
        zone_menu.addAction(self.other_zone_action)
        view_menu.addSeparator()
        self.panels_menu = view_menu.addMenu(self.tr("Pan&els"))
        from ui.i18n import language_menu

        self.language_menu = language_menu(self)
        view_menu.addMenu(self.language_menu)
        self.view_menu = view_menu

        help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts_action = self._action(self.tr("&Keyboard Shortcuts…"),
                                             self.show_shortcuts, "F1",
                                             self.tr("Every key the window answers to"))
        self.about_action = self._action(self.tr("&About Programme Planner"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addActions([self.shortcuts_action, self.about_action])
        self.help_menu = help_menu

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # Icons alone for what everyone knows by its icon (and finds in the menus): the
        # toolbar then fits a 1024-pixel window in German and Russian too. Low priority
        # hides an action's text in a toolbar only; its tooltip still names it.
        for action in (self.open_action, self.save_action, self.delete_action,
                       self.prev_action, self.next_action):
            action.setPriority(QAction.Priority.LowPriority)
        self.new_event_action.setIconText(self.tr("New Event"))
        toolbar.addActions([self.open_action, self.save_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.new_event_action, self.delete_action])
        toolbar.addSeparator()
        for action in self.view_actions.values():
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.prev_action)
        self.day_combo = QComboBox()
        self.day_combo.setObjectName("day_combo")
        self.day_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.day_combo.setToolTip(self.tr("The day to show"))
        self.day_combo.activated.connect(self._on_day_chosen)
        toolbar.addWidget(self.day_combo)
        toolbar.addAction(self.next_action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_docks(self) -> None:
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("mini_calendar")
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.clicked.connect(self._on_calendar_clicked)
        self.calendar.activated.connect(self._on_calendar_clicked)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.calendar)
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        layout.addStretch(1)
        self.calendar_dock = self.add_dock(holder, self.tr("Calendar"), "calendar_dock",
                                           Qt.DockWidgetArea.LeftDockWidgetArea)
        # The Clashes tab lies behind Find: its dock is here from the start, and its panel
        # (with the clash check it starts) is made once the window has painted.
        self.clash_dock = self.add_dock(
            QWidget(), QCoreApplication.translate("ClashPanel", "Clashes (…)"),
            "clash_dock")
        self._clash_panel: ClashPanel | None = None
        self.after_first_paint(lambda: self.clash_panel)
        # Find dock, stars, personal export and printing (issue 6).
        self.my_programme = _my_programme(self)
        # The scheduling assistant (Unscheduled dock, suggestions, the solver; issue 19) and
        # the releases (their dock, what changed since one, publishing; issue 16) are behind
        # other tabs: their docks are here from the start, with the titles they will have,
        # and their panels are made once the window has painted (or on first use).
        count = len(self.document.programme.unscheduled)
        unscheduled_dock = self.add_dock(
            QWidget(), QCoreApplication.translate("Scheduling", "Unscheduled ({count})").format(
                count=count), "unscheduled_dock", Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.calendar_dock, unscheduled_dock)
        releases_dock = self.add_dock(
            QWidget(), QCoreApplication.translate("Releases", "Releases"), "releases_dock")
        self.tabifyDockWidget(self.clash_dock, releases_dock)
        self._scheduling: Scheduling | None = None
        self._releases: Releases | None = None
        self.after_first_paint(lambda: (self.scheduling, self.releases))
        # Cut, copy, paste, duplicate, cancel, keyboard moves and the grid's context menus.
        self.event_actions = EventActions(self, self.my_programme.star_action)
        # The column's two tab groups: the calendar in front of the unscheduled sessions,
        # Find in front of Clashes and Releases (Qt shows the last one tabbed).
        self.calendar_dock.raise_()
        self.my_programme.dock.raise_()
        # View > Hours and Hide Empty Venues, before the Panels.
        panels = self.view_menu.actions().index(self.panels_menu.menuAction())
        self.view_options = ViewOptions(self, self.view_menu.actions()[panels - 1])
        # CalDAV sync (issue 18): its menu entries, status and timer, once the window shows.
        self._sync_panel: SyncPanel | None = None
        self.after_first_paint(lambda: self.sync_panel)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if self.settings.window_state is None or not self._remember:
                # Once the window has its size: before, the column shares out its height
                # by the panels' hints. Again once the panels made after the first frame
                # are in: their arrival shares the column out anew.
                self._fit_calendar_dock()
                self.after_first_paint(self._fit_calendar_dock)

    def _fit_calendar_dock(self) -> None:
        """Make the upper group of the left column as tall as the month and the summary
        under it need (the Unscheduled panel behind it would take half the column), and
        Find the rest. At the column's width: a wrapped summary's plain size hint assumes a
        narrower label, with more lines, and left empty space under it."""
        dock = self.calendar_dock
        holder = dock.widget()
        height = holder.heightForWidth(holder.width()) if holder.hasHeightForWidth() else -1
        wanted = max(height if height > 0 else holder.sizeHint().height(),
                     holder.minimumSizeHint().height())
        # Qt shares the column out from the docks' last sizes and overshoots (by some 60 px
        # before the first frame): ask again for what is missing until the dock has its
        # height, so that the first frame already shows the column as it stays (the late
        # panels' arrival moves nothing).
        asked = wanted
        for _attempt in range(4):
            self.resizeDocks([dock], [asked], Qt.Orientation.Vertical)
            QCoreApplication.sendPostedEvents(self, QEvent.Type.LayoutRequest)
            off = holder.height() - wanted
            if not off:
                break
            asked -= off

    @property
    def clash_panel(self) -> ClashPanel:
        """The Clashes panel, made on first use (or once the window has painted)."""
        if self._clash_panel is None:
            self._clash_panel = _clash_panel(self)
        return self._clash_panel

    @property
    def scheduling(self) -> Scheduling:
        """The Unscheduled dock's panel and the scheduling actions, made on first use (or
        once the window has painted)."""
        if self._scheduling is None:
            self._scheduling = _scheduling(self)
        return self._scheduling

    @property
    def releases(self) -> Releases:
        """File > Release…, File > Publish… and the Releases dock's panel, made on first
        use (or once the window has painted)."""
        if self._releases is None:
            self._releases = _releases(self)
        return self._releases

    @property
    def sync_panel(self) -> SyncPanel:
        """The CalDAV sync's actions, status and timer, made on first use (or once the
        window has painted)."""
        if self._sync_panel is None:
            self._sync_panel = _sync_panel(self)
        return self._sync_panel

    @property
    def status_bar(self) -> StatusBar:
        """The status bar, which shows a long message elided and whole in its tooltip."""
        bar = self.statusBar()
        assert isinstance(bar, StatusBar)
        return bar

    def after_first_paint(self, work: Callable[[], object]) -> None:
        """Do ``work`` once the window has painted for the first time: what the first
        frame does not show need not delay it. (Done at once if it has painted already.)"""
        if self._painted:
            work()
            return
        self._after_paint.append(work)
        if len(self._after_paint) == 1:
            self.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint:
            # The window paints first and its views right after, in the same pass: the
            # work waits for the event loop's next turn, when the frame is complete.
            self.removeEventFilter(self)
            QTimer.singleShot(0, self, self._painted_once)
        return super().eventFilter(watched, event)

    def _painted_once(self) -> None:
        self._painted = True
        work, self._after_paint = self._after_paint, []
        for item in work:
            item()

    def add_dock(self, widget: QWidget, title: str, name: str,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea) -> QDockWidget:
        """Put ``widget`` in a dock (remembered with the window's state) and list it under
        View > Panels. A dock of that ``name`` made beforehand (in its place, with a
        placeholder, for a panel made after the first frame) gets ``widget``."""
        made = self._docks.get(name)
        if made is not None:
            made.setWidget(widget)
            made.setWindowTitle(title)
            return made
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        # Kept by name: asking Qt for the window's children wraps each of its widgets.
        self._docks[name] = dock
        self.addDockWidget(area, dock)
        self.panels_menu.addAction(dock.toggleViewAction())
        # A count in a title ("Clashes (14)") may need a wider tab.
        dock.windowTitleChanged.connect(self._fit_dock_tabs_soon)
        return dock

    def fit_dock_tabs(self) -> None:
        """Widen each side's column of docks until every tab in it shows its whole title
        ("Veröffentlichungen", "Конфликты (14)"): an elided tab ("Rele…") names nothing.
        Never narrows a column the user widened."""
        from PySide6.QtWidgets import QTabBar

        # A scratch bar measures the titles as the window's own tab bars lay them out (the
        # window makes and drops those with its layout).
        bar = QTabBar()
        bar.setShape(QTabBar.Shape.RoundedSouth)
        for area in (Qt.DockWidgetArea.LeftDockWidgetArea,
                     Qt.DockWidgetArea.RightDockWidgetArea):
            docks = [dock for dock in self._docks.values()
                     if self.dockWidgetArea(dock) == area and not dock.isFloating()
                     and not dock.isHidden()]
            need = 0
            for dock in docks:
                group = [dock, *(other for other in self.tabifiedDockWidgets(dock)
                                 if not other.isHidden())]
                if len(group) < 2:
                    continue
                while bar.count():
                    bar.removeTab(0)
                for member in group:
                    bar.addTab(member.windowTitle())
                need = max(need, bar.sizeHint().width())
            if docks and need > docks[0].width():
                self.resizeDocks([docks[0]], [need], Qt.Orientation.Horizontal)
        bar.deleteLater()

    def _fit_dock_tabs_soon(self) -> None:
        if not getattr(self, "_fit_pending", False):
            self._fit_pending = True
            QTimer.singleShot(0, self, self._fit_dock_tabs_now)

    def _fit_dock_tabs_now(self) -> None:
        self._fit_pending = False
        self.fit_dock_tabs()

    # -- settings -------------------------------------------------------------------------

    def _apply_settings(self) -> None:
        settings = self.settings
        self.grid.set_snap(settings.snap_minutes)
        self.snap_actions[settings.snap_minutes].setChecked(True)
        self.grid.set_second_zone(settings.second_zone or None)
        self._check_zone_action(settings.second_zone)
        self.grid.set_hour_height(settings.hour_height)
        self.set_view(settings.view, remember=False)

    def _restore_window(self) -> None:
        """The size, place and docks the window had when it was last closed; the first
        time, a size that fits the screen it opens on (a 1440-pixel window on a 1400-pixel
        laptop screen would lose its right edge). Either way within that screen: a size
        remembered on a larger monitor is brought back within a laptop's."""
        geometry, state = self.settings.geometry, self.settings.window_state
        if geometry is None or not self.restoreGeometry(geometry):
            room = screen_room(self.screen())
            self.resize(max(min(DEFAULT_WINDOW_SIZE[0], round(room.width() * SCREEN_SHARE)),
                            self.minimumWidth()),
                        max(min(DEFAULT_WINDOW_SIZE[1], round(room.height() * SCREEN_SHARE)),
                            self.minimumHeight()))
            centre = room.center() - self.rect().center()
            self.move(max(centre.x(), room.left()), max(centre.y(), room.top()))
        fit_to_screen(self, QGuiApplication.screenAt(self.geometry().center()) or self.screen())
        if state is not None:
            self.restoreState(state)

    def _ensure_agenda(self) -> bool:
        if self.agenda is not None:
            return True
        from ui.views.agenda import AgendaView  # made on first use: start-up stays short

        agenda = AgendaView(self.document.programme, lang=self._lang)
        self.views.addWidget(agenda)
        agenda.event_activated.connect(self.edit_event)
        agenda.selection_changed.connect(self._on_selection_changed)
        self.agenda = agenda
        return True

    def set_view(self, view: View, *, remember: bool = True) -> None:
        if view == "agenda" and not self._ensure_agenda():
            view = "week"
        self.view_actions[view].setChecked(True)
        if view == "agenda":
            assert self.agenda is not None
            chosen = self._chosen_occurrences()
            self.views.setCurrentWidget(self.agenda)
            self.agenda.select_uids(self._selection, chosen)  # type: ignore[attr-defined]
            self.agenda.setFocus()
        else:
            chosen = self._chosen_occurrences()
            self.grid.set_mode(view)
            self.views.setCurrentIndex(0)
            self.grid.select_uids(self._selection, chosen)
            self.grid.setFocus()
        self.day_combo.setEnabled(view != "agenda")
        self.prev_action.setEnabled(view != "agenda")
        self.next_action.setEnabled(view != "agenda")
        self._update_day_controls()
        if remember and self._remember:
            self.settings.view = view

    def _chosen_occurrences(self) -> dict[str, datetime]:
        """The occurrences the selection is on, to carry from one view to the other."""
        found = {uid: self.focused_occurrence(uid) for uid in self._selection}
        return {uid: rid for uid, rid in found.items() if rid is not None}

    @property
    def view(self) -> View:
        if self.agenda is not None and self.views.currentWidget() is self.agenda:
            return "agenda"
        return self.grid.mode

    def set_snap(self, minutes: int) -> None:
        self.grid.set_snap(minutes)
        self.snap_actions[minutes].setChecked(True)
        if self._remember:
            self.settings.snap_minutes = minutes

    def set_second_zone(self, zone: str) -> None:
        self.grid.set_second_zone(zone or None)
        self._check_zone_action(zone)
        if self._remember:
            self.settings.second_zone = zone

    def _check_zone_action(self, zone: str) -> None:
        action = self.zone_actions.get(zone)
        if action is not None:
            action.setChecked(True)
        else:
            for other in self.zone_actions.values():
                other.setChecked(False)

    def _choose_zone(self) -> None:
        from zoneinfo import available_timezones

        from PySide6.QtWidgets import QInputDialog

        zones = sorted(available_timezones())
        current = self.settings.second_zone
        zone, ok = QInputDialog.getItem(
            self, self.tr("Second Time Zone"), self.tr("Zone of the second time ruler:"),
            zones, zones.index(current) if current in zones else 0, False)
        if ok and zone:
            self.set_second_zone(zone)

    def _on_zoom_changed(self, height: int) -> None:
        if self._remember:
            self.settings.hour_height = height

    # -- document -------------------------------------------------------------------------

    def _document_links(self, document: Document) -> list[tuple[SignalInstance,
                                                                Callable[..., object]]]:
        """The window's connections to a document's signals: made when it is shown, and
        the same list undone when another takes its place."""
        stack = document.undo_stack
        return [
            (document.changed, self._on_changed),
            (document.failed, self._on_failed),
            (stack.cleanChanged, self._update_title),
            (stack.indexChanged, self._update_title),
            (document.saved, self._update_title),
            (stack.indexChanged, self._keep_recovery),
            (document.saved, self._keep_recovery),
        ]

    def _connect_document(self, document: Document) -> None:
        for signal, slot in self._document_links(document):
            signal.connect(slot)

    def _on_failed(self, error: object) -> None:
        self.show_error(error_text(error, self._lang))

    def set_document(self, document: Document) -> None:
        """Show ``document`` in place of the open one (which is closed)."""
        old = self.document
        for signal, slot in self._document_links(old):
            signal.disconnect(slot)
        if self._recovery is not None:
            self._recovery.discard()
        old.close()
        old.deleteLater()
        self.document = document
        document.setParent(self)
        for action in (self.undo_action, self.redo_action):
            action.bind(document.undo_stack)
        self._connect_document(document)
        self._selection = []
        self.grid.set_programme(document.programme)
        self.grid.set_date(document.programme.first_day)
        self._refresh_all()
        self.grid.scroll_to_first_event()
        self.document_replaced.emit(document)

    def _refresh_all(self, grid: bool = True) -> None:
        programme = self.document.programme
        if grid:
            self.grid.set_programme(programme)
        self.legend.set_programme(programme)
        if self.agenda is not None:
            self.agenda.refresh(programme)  # type: ignore[attr-defined]
        first, last = programme.first_day, programme.last_day
        self.calendar.setDateRange(QDate(first.year, first.month, first.day),
                                   QDate(last.year, last.month, last.day))
        self._fill_day_combo()
        self._update_day_controls()
        self._update_title()

    def _on_changed(self, changes: Changes) -> None:
        programme = self.document.programme
        if changes.meta:
            self._refresh_all()
            return
        self.grid.update_events(changes)
        if changes.tracks:
            self.legend.set_programme(programme)
        if self.agenda is not None:
            self.agenda.refresh(programme)  # type: ignore[attr-defined]
        self._update_title()

    def _keep_recovery(self) -> None:
        """Unsaved work with no file of its own to go to (a new programme, the built-in one,
        a file open read-only) is kept in a recovery file, a moment after each change, so
        that a crash does not lose it."""
        document = self.document
        keep = not document.writes_file and document.is_modified
        if keep and self._recovery is None:
            self._recovery = _recovery_writer(self)
        writer = self._recovery
        if writer is None:
            return
        if keep:
            writer.schedule(document.programme)
        else:
            writer.discard()

    def offer_recovery(self) -> None:
        """Offer the work of a window that ended without saving (newest first)."""
        from PySide6.QtWidgets import QMessageBox

        from ui import message_box
        from ui.recovery import pending

        for found in pending():
            answer = message_box.ask(
                self, self.tr("Recover unsaved work"),
                numerus(self.tr("“{name}” (%n event(s)) was not saved when its window closed "
                                "on {when}. Open it?", "", found.events), found.events).format(
                    name=found.name_in(self._lang), when=_when_text(found.saved_at)),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Ignore)
            if answer == QMessageBox.StandardButton.Open:
                try:
                    programme = found.load()
                except ProgrammeError as exc:
                    self.show_error(error_text(exc, self._lang))
                    continue
                self.new_programme(programme)
                self.document.mark_unsaved()
                found.discard()
                return
            if answer == QMessageBox.StandardButton.Discard:
                found.discard()

    def _update_title(self) -> None:
        document = self.document
        programme = document.programme
        source = str(document.path) if document.path else (
            self.tr("built-in programme") if getattr(self, "_builtin", True)
            and document.store is None
            else self.tr("not saved yet"))
        if document.readonly:
            source += " " + self.tr("(read-only)")
        self.setWindowTitle(f"{programme.name.get(self._lang)}[*] — {source} — "
                            + self.tr("Programme Planner"))
        self.setWindowModified(document.is_modified)
        saved = (self.tr("unsaved changes") if document.is_modified
                 else self.tr("saved") if document.writes_file
                 else self.tr("no file"))
        # Counted as `info` and the printed cover count ("60 events, 67 sessions"), with
        # each language's plural forms.
        count = count_programme(programme).message().render(self._lang)
        self.status_label.setText(f"{count} · {saved}")
        self.summary_label.setText(
            f"{programme.name.get(self._lang)}\n{_date_text(programme.first_day)} – "
            f"{_date_text(programme.last_day)}\n{programme.timezone}")

    # -- day chooser ----------------------------------------------------------------------

    def _fill_day_combo(self) -> None:
        combo = self.day_combo
        combo.blockSignals(True)
        combo.clear()
        for day in self.document.programme.days:
            combo.addItem(f"{_weekday_short(day)} {_date_text(day)}", day)
        combo.blockSignals(False)

    def _update_day_controls(self) -> None:
        day = self.grid.day
        days = self.document.programme.days
        if day in days:
            self.day_combo.blockSignals(True)
            self.day_combo.setCurrentIndex(days.index(day))
            self.day_combo.blockSignals(False)
        self.calendar.blockSignals(True)
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.blockSignals(False)
        week = self.grid.mode == "week"
        shown = self.grid.days()
        self.prev_action.setText(self.tr("&Previous Week") if week else self.tr("&Previous Day"))
        self.next_action.setText(self.tr("&Next Week") if week else self.tr("&Next Day"))
        first_shown = shown[0] if shown else day
        last_shown = shown[-1] if shown else day
        can_page = self.view != "agenda"
        self.prev_action.setEnabled(can_page and first_shown > self.document.programme.first_day)
        self.next_action.setEnabled(can_page and last_shown < self.document.programme.last_day)

    def _on_day_chosen(self, index: int) -> None:
        day = self.day_combo.itemData(index)
        if isinstance(day, date):
            self.go_to_date(day)

    def _on_calendar_clicked(self, qdate: QDate) -> None:
        self.go_to_date(date(qdate.year(), qdate.month(), qdate.day()))

    def go_to_date(self, day: date) -> None:
        self.grid.set_date(day)
        self._update_day_controls()
        if self.view == "agenda":
            self.set_view("venues")

    def show_venues_of(self, day: date) -> None:
        """The venue grid of ``day`` (a day's heading double-clicked in the week grid)."""
        self.grid.set_date(day)
        self.set_view("venues")

    def _on_date_changed(self, _day: object) -> None:
        self._update_day_controls()

    # -- selection ------------------------------------------------------------------------

    def _on_selection_changed(self, uids: list[str]) -> None:
        self._selection = list(uids)
        has = bool(uids)
        self.delete_action.setEnabled(has)
        self.edit_event_action.setEnabled(len(uids) == 1)

    def selected_uids(self) -> list[str]:
        if self.view == "agenda" and self.agenda is not None:
            return list(self.agenda.selected_uids())  # type: ignore[attr-defined]
        return self.grid.selected_uids()

    def focused_occurrence(self, uid: str) -> datetime | None:
        """The RECURRENCE-ID of the occurrence of the selected series ``uid`` that the
        current view's selection is on (clicked in the grid, a row of the agenda, chosen in
        a panel), or None (not a series, or selected as a whole)."""
        if self.view == "agenda" and self.agenda is not None:
            found: datetime | None = self.agenda.focused_occurrence(  # type: ignore[attr-defined]
                uid)
            return found
        return self.grid.focused_occurrence(uid)

    def select_events(self, uids: list[str]) -> None:
        """Select ``uids`` in the view shown (see :class:`ui.shell.Shell`)."""
        if self.view == "agenda" and self.agenda is not None:
            self.agenda.select_uids(uids)  # type: ignore[attr-defined]
        else:
            self.grid.select_uids(uids)

    def focus_selection(self) -> None:
        """Put the keyboard focus into the view shown, where the selected events' keys work
        (see :class:`ui.shell.Shell`)."""
        if self.view == "agenda" and self.agenda is not None:
            self.agenda.setFocus()
        else:
            self.grid.setFocus()

    def share_event_keys(self, widget: QWidget) -> None:
        """The selected events' keys also while ``widget`` has the focus (see
        :class:`ui.shell.Shell`)."""
        widget.addActions([self.delete_action, *self.event_actions.keyed_actions])

    # -- edits ----------------------------------------------------------------------------

    def push(self, command: _Command) -> bool:
        """Run ``command`` through the undo stack; show its error if it is refused."""
        text = command.text()
        self.document.undo_stack.push(command)
        error = command.error
        if error is not None:
            self.show_error(error_text(error, self._lang))
            return False
        self.statusBar().showMessage(text, 5000)
        return True

    def _push_unscheduled_edit(self, editor: EventEditor, event: Event | None,
                               session: Session | None) -> None:
        """The editor's result where an unscheduled session is involved: a new or edited
        session, an event unscheduled ("No time yet" ticked), or a session placed (unticked).
        One undo step, stamped once now."""
        people = editor.new_people()
        now = datetime.now(UTC).replace(microsecond=0)
        old_sequence = (session or event).sequence if (session or event) else 0
        if editor.is_unscheduled():
            new = editor.result_session()
            if new == session and not people:
                return  # OK without a change: no undo step
            new = dataclasses.replace(new, last_modified=now,
                                      sequence=old_sequence + (1 if session or event else 0))
            text = (self.tr("New event “{title}”") if session is None and event is None
                    else self.tr("Edit “{title}”"))
            command = schedule_command(self.document, {new.uid: None}, {new.uid: new},
                                       text.format(title=new.title.get(self._lang)), people)
        else:
            placed = dataclasses.replace(editor.result_event(), last_modified=now,
                                         sequence=old_sequence + 1)
            command = schedule_command(self.document, {placed.uid: placed}, {placed.uid: None},
                                       self.tr("Place “{title}”").format(
                                           title=placed.title.get(self._lang)), people)
        self.push(command)

    def move_event(self, uid: str, new_start: datetime, venue: str | None = None) -> None:
        if uid in self.document.programme.events:
            self.push(move_command(self.document, uid, new_start, venue))

    def resize_event(self, uid: str, new_end: datetime) -> None:
        if uid in self.document.programme.events:
            self.push(resize_command(self.document, uid, new_end))

    def delete_events(self, uids: list[str]) -> None:
        uids = [u for u in uids if u in self.document.programme.events]
        if uids == self.selected_uids() and self.event_actions.delete_in_part():
            return  # one occurrence, or the following ones, of a series in focus
        if uids:
            self.push(delete_command(self.document, uids))

    def delete_selected(self) -> None:
        self.delete_events(self.selected_uids())

    def edit_selected(self) -> None:
        uids = self.selected_uids()
        if uids:
            self.edit_event(uids[0])

    def new_event_here(self) -> None:
        day = self.grid.day
        start = datetime.combine(day, datetime.min.time().replace(hour=10),
                                 self.document.programme.zone)
        venue = None
        if self.grid.mode == "venues" and self.document.programme.venues:
            venue = next(iter(self.document.programme.venues))
        self.new_event(start, venue)

    def new_event(self, start: datetime, venue: str | None = None) -> None:
        self._open_editor(None, start, venue)

    def edit_event(self, uid: str) -> None:
        """Open the editor on the event, or the unscheduled session, ``uid``; for one
        occurrence of a repeating event in the grid, on that occurrence or the whole series,
        as the user answers."""
        if uid in self.document.programme.events or uid in self.document.programme.unscheduled:
            scope, occurrence = self.event_actions.scope_to_edit(uid)
            if scope == "one":
                self._open_editor(uid, None, None, occurrence)
            elif scope == "following" and occurrence is not None:
                self._edit_following(uid, occurrence)
            elif scope == "all":
                self._open_editor(uid, None, None)

    def _edit_following(self, uid: str, occurrence: datetime) -> None:
        """The editor on the occurrences of series ``uid`` from ``occurrence`` on: the
        series is split there (as Google Calendar and Thunderbird split it), and the rest
        edited as a series of its own."""
        try:
            head, tail = split_series(self.document.programme,
                                      self.document.programme.events[uid], occurrence)
        except ProgrammeError as exc:
            self.show_error(error_text(exc, self._lang))
            return
        if head is None:
            self._open_editor(uid, None, None)  # from the first on: the whole series
        else:
            self._open_editor(uid, None, None, split=(head, tail))

    def _open_editor(self, uid: str | None, start: datetime | None, venue: str | None,
                     occurrence: datetime | None = None,
                     split: tuple[Event, Event] | None = None) -> None:
        from ui.dialogs.editor import EventEditor  # loaded on first use: start-up stays short

        programme = self.document.programme
        if not programme.tracks or not programme.venues:
            self.show_error(self.tr(
                "Add a track and a venue first (Edit > Tracks, Venues and People)."))
            return
        event = programme.events.get(uid) if uid else None
        series = event
        if event is not None and occurrence is not None:
            event = occurrence_of(event, occurrence)  # edited as a single event
        elif split is not None:
            event = split[1]  # the occurrences from the one in focus on, as a new series
        session = programme.unscheduled.get(uid) if uid else None
        editor = EventEditor(programme, event, start=start, venue=venue, parent=self,
                             lang=self._lang, session=session)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if occurrence is not None:
            # One occurrence repeats with its series and has its time: it is changed here,
            # kept as an exception of the series.
            editor.setWindowTitle(self.tr("Edit One Occurrence"))
            editor.repeat_combo.setEnabled(False)
            editor.unscheduled_box.setEnabled(False)
        elif split is not None:
            editor.setWindowTitle(self.tr("Edit This and Following Occurrences"))
            editor.unscheduled_box.setEnabled(False)
        self.editor = editor

        def accepted() -> None:
            if occurrence is not None and series is not None:
                result = editor.result_event()
                if result != event:
                    self.push(occurrence_command(
                        self.document, series.uid, occurrence, result,
                        self.tr("Edit one occurrence of “{title}”").format(
                            title=series.title.get(self._lang))))
                return
            if split is not None and series is not None:
                result, people = editor.result_event(), editor.new_people()
                if result != event or people:
                    self.push(split_command(
                        self.document, split[0], result,
                        self.tr("Edit “{title}” from {when} on").format(
                            title=series.title.get(self._lang),
                            when=self.event_actions.when(series, result.start)), people))
                return
            if editor.is_unscheduled() or session is not None:
                self._push_unscheduled_edit(editor, event, session)
                return
            result = editor.result_event()
            people = editor.new_people()
            if result == event and not people:
                return  # OK without a change: no undo step
            text = self.tr("New event “{title}”") if event is None else self.tr(
                "Edit “{title}”")
            self.push(put_command(self.document, result,
                                  text.format(title=result.title.get(self._lang)), people))
            self.grid.select_uids([result.uid])

        def finished() -> None:
            if self.editor is editor:
                self.editor = None

        editor.accepted.connect(accepted)
        editor.finished.connect(finished)
        editor.open()

    def edit_entities(self) -> None:
        from ui.dialogs.entities import EntitiesDialog  # loaded on first use

        dialog = EntitiesDialog(self.document.programme, self, lang=self._lang)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor = dialog

        def accepted() -> None:
            tracks, venues, people = dialog.result()
            programme = self.document.programme
            same = [list(new.items()) == list(old.items()) for new, old in (
                (tracks, programme.tracks), (venues, programme.venues),
                (people, programme.people))]
            if all(same):
                return
            self.push(EntitiesCommand(self.document, tracks, venues, people,
                                      self.tr("Edit tracks, venues and people")))

        dialog.accepted.connect(accepted)
        dialog.open()

    # -- help -----------------------------------------------------------------------------

    def show_shortcuts(self) -> QDialog:
        """Help > Keyboard Shortcuts: every shortcut, read from the actions themselves."""
        from ui.dialogs.shortcuts import ShortcutsDialog  # loaded on first use

        dialog = ShortcutsDialog(self)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About Programme Planner"), self.tr(
            "<h3>Programme Planner</h3><p>Plan, check and publish the programme of a "
            "multi-day, multi-venue event.</p><p>Built-in programme: the 16th German Week "
            "in St. Petersburg (2019), an illustrative reconstruction.</p><p>Qt for Python "
            "{version}. Font: Noto Sans, SIL Open Font License 1.1.</p>").format(
                version=pyside_version))

    # -- files ----------------------------------------------------------------------------

    def show_error(self, text: str) -> None:
        """One line about what went wrong; never a traceback. Shown as plain text: it often
        quotes a file's name or an event's title. (An error is turned into text in the
        window's language with :func:`ui.i18n.error_text`, never ``str(exc)``, which is
        English.)"""
        from ui import message_box

        message_box.warn(self, self.tr("Programme Planner"), text)

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel for unsaved changes."""
        from PySide6.QtWidgets import QMessageBox

        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        from ui import message_box

        name = self.document.programme.name.get(self._lang)
        return message_box.ask(
            self, self.tr("Unsaved changes"),
            self.tr("“{name}” has changes that are not saved. Save them?").format(name=name),
            buttons, QMessageBox.StandardButton.Save)

    def maybe_save(self) -> bool:
        """True when the open programme may be closed (saved, discarded or unchanged)."""
        from PySide6.QtWidgets import QMessageBox

        if not self.document.is_modified:
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.file_save()
        return answer == QMessageBox.StandardButton.Discard

    def open_path(self, path: str | Path, *, readonly: bool = False) -> bool:
        """Open the programme file at ``path`` in place of the open one (``readonly``: to
        look at it, edits staying in memory until Save As). A file open for editing
        elsewhere is offered read-only."""
        try:
            store = ProgrammeStore.open(path, readonly=readonly)
            try:
                programme = store.load()
            except BaseException:
                store.close()
                raise
        except ProgrammeLockedError as exc:
            if not readonly and ask_read_only(self, exc, self._lang):
                return self.open_path(path, readonly=True)
            return False
        except ProgrammeError as exc:
            self.show_error(error_text(exc, self._lang))
            return False
        self._builtin = False
        self.set_document(Document(programme, store))
        if self._remember:
            self.settings.add_recent_file(str(Path(path).resolve()))
        opened = self.tr("Opened {path} read-only") if store.readonly else self.tr(
            "Opened {path}")
        self.statusBar().showMessage(opened.format(path=path), 5000)
        return True

    def file_open(self, *, readonly: bool = False) -> None:
        from PySide6.QtWidgets import QFileDialog

        if not self.maybe_save():
            return
        title = self.tr("Open Programme Read-Only") if readonly else self.tr("Open Programme")
        path, _ = QFileDialog.getOpenFileName(
            self, title, self.settings.last_folder,
            self.tr("Programmes (*{suffix});;All files (*)").format(suffix=SUFFIX))
        if path:
            self.settings.last_folder = str(Path(path).parent)
            self.open_path(path, readonly=readonly)

    def open_builtin(self) -> None:
        if not self.maybe_save():
            return
        try:
            programme = load_builtin()
        except ProgrammeError as exc:
            self.show_error(error_text(exc, self._lang))
            return
        self._builtin = True
        self.set_document(Document(programme, None))

    def file_new(self) -> None:
        if not self.maybe_save():
            return
        from ui.dialogs.new_programme import NewProgrammeDialog  # loaded on first use

        dialog = NewProgrammeDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            programme = dialog.programme()
        except ProgrammeError as exc:
            self.show_error(error_text(exc, self._lang))
            return
        self.new_programme(programme)

    def new_programme(self, programme: Programme) -> None:
        """Show a new, unsaved ``programme``."""
        self._builtin = False
        self.set_document(Document(programme, None))

    def file_save(self) -> bool:
        if not self.document.writes_file:
            return self.file_save_as()
        try:
            self.document.save()
        except ProgrammeError as exc:
            self.show_error(error_text(exc, self._lang))
            return False
        self.statusBar().showMessage(self.tr("Saved"), 3000)
        return True

    def file_save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        name = self.document.programme.name.get(self._lang) or "programme"
        folder = self.settings.last_folder
        suggested = str(Path(folder) / f"{name}{SUFFIX}") if folder else f"{name}{SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Programme As"), suggested,
            self.tr("Programmes (*{suffix})").format(suffix=SUFFIX))
        if not path:
            return False
        # The dialog asked before naming a file that is there: replacing it is the choice.
        # A name it was given without the suffix was not the file it asked about.
        replace = path.endswith(SUFFIX)
        if not replace:
            path += SUFFIX
        return self.save_as_path(path, replace=replace)

    def save_as_path(self, path: str | Path, *, replace: bool = False) -> bool:
        try:
            self.document.save_as(path, replace=replace)
        except ProgrammeError as exc:
            self.show_error(error_text(exc, self._lang))
            return False
        self._builtin = False
        if self._remember:
            self.settings.last_folder = str(Path(path).parent)
            self.settings.add_recent_file(str(Path(path).resolve()))
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved as {path}").format(path=path), 5000)
        return True

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.settings.recent_files
        for path in files:
            action = menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self._open_recent(p))
        if not files:
            action = menu.addAction(self.tr("(none)"))
            action.setEnabled(False)

    def _open_recent(self, path: str) -> None:
        if self.maybe_save():
            self.open_path(path)

    def file_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import Events"), self.settings.last_folder,
            ";;".join([
                self.tr("Calendars, spreadsheets and schedules (*.ics *.csv *.xml *.json)"),
                self.tr("Calendars (*.ics)"), self.tr("Spreadsheets (*.csv)"),
                self.tr("Schedules (*.xml *.json)"), self.tr("All files (*)")]))
        if paths:
            self.settings.last_folder = str(Path(paths[0]).parent)
            self.start_import(paths)

    def import_files(self, paths: list[str]) -> bool:
        """Merge the events of ICS and CSV files into the programme, as one undoable step;
        True when they were merged (or there was nothing new).

        Returns when the import has ended; meanwhile the window keeps painting (see
        :meth:`start_import`)."""
        outcome: list[bool] = []
        self.start_import(paths, done=outcome.append).wait()
        return bool(outcome and outcome[0])

    def start_import(self, paths: list[str], *,
                     done: Callable[[bool], object] | None = None) -> Task:
        """Read and plan the import of ``paths`` on a worker, with a progress dialog whose
        Cancel leaves the programme as it is; carry the plan out here, on the GUI thread,
        as one undoable step, and report it. As Thunderbird does, every valid event comes
        in and each skipped one is named in the report, with no question first: Undo takes
        the whole import back. ``done`` is told whether the events were merged."""
        from ui.file_import import read_and_plan
        from ui.tasks import run_with_progress

        document = self.document
        # The worker plans against a copy; the dialog is modal, so the programme stays as
        # it is until the plan comes back (checked then all the same).
        programme = document.programme.copy()
        step = document.undo_stack.index()
        task = run_with_progress(
            self, self.tr("Importing {count} file(s)…").format(count=len(paths)),
            lambda progress: read_and_plan(programme, list(paths), progress),
            abandon_on_cancel=True)

        def finished(plan: object) -> None:
            if self.document is not document or document.undo_stack.index() != step:
                self.show_error(self.tr("The programme changed during the import; "
                                        "import the files again."))
                ok = False
            else:
                ok = self._carry_out_import(plan)
            if done is not None:
                done(ok)

        def failed(error: object) -> None:
            if isinstance(error, (OSError, ProgrammeError)):
                self.show_error(error_text(error, self._lang))
            else:
                self.show_error(self.tr("Import failed: {error}").format(
                    error=error_text(error, self._lang)))
            if done is not None:
                done(False)

        def cancelled() -> None:
            self.statusBar().showMessage(self.tr("Import cancelled"), 5000)
            if done is not None:
                done(False)

        task.finished.connect(finished)
        task.failed.connect(failed)
        task.cancelled.connect(cancelled)
        return task

    def _carry_out_import(self, plan: object) -> bool:
        from planner.importing import ImportPlan

        assert isinstance(plan, ImportPlan)
        if plan.is_empty:
            ok = True
        else:
            counts = plan.counts
            text = self.tr("Import {added} new and {updated} changed events").format(
                added=counts["added"], updated=counts["updated"])
            ok = self.push(ImportCommand(self.document, plan, text))
        if ok:
            self._report_import(plan)
        return ok

    # A report longer than this shows its first lines, and all of them under Show Details….
    REPORT_LINES = 8

    def _report_import(self, plan: object) -> None:
        """The import's report, as ``import`` prints it, in the window's language: the
        counts in the status bar and in a box beside the window, with each event skipped
        (file, UID, reason) and each note. The box does not wait for an answer."""
        from planner.i18n import shortened
        from planner.importing import ImportPlan, availability_changed, report_notes, summary
        from ui import message_box

        assert isinstance(plan, ImportPlan)
        lang = self._lang
        counts = summary(plan).render(lang) + availability_changed(plan, lang)
        # File text in a message is cut short (a hostile file's "UID" can be a megabyte).
        lines = [self.tr("Skipped: {problem}").format(problem=shortened(p.message).render(lang))
                 for p in plan.skipped]
        lines += [self.tr("Note: {note}").format(note=shortened(note).render(lang))
                  for note in report_notes(plan, created=False)]
        # A bullet before each line: a long one wraps in the box, and the next must still
        # stand out as the next.
        shown = [f"• {line}" for line in lines[:self.REPORT_LINES]]
        if len(lines) > self.REPORT_LINES:
            shown.append(self.tr("… and {count} more in the details").format(
                count=len(lines) - len(shown)))
        headline = (self.tr("Nothing new to import: {summary}") if plan.is_empty
                    else self.tr("Imported: {summary}")).format(summary=counts)
        self.statusBar().showMessage(headline, 10000)
        if self.import_report is not None:
            self.import_report.close()
            self.import_report.deleteLater()
        self.import_report = message_box.report(
            self, self.tr("Import"), headline, "\n".join(shown),
            "\n".join(lines) if len(lines) > self.REPORT_LINES else "")

    def file_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.my_programme is not None:
            self.my_programme.open_export()  # with the current filter and the stars
            return
        from planner.ics import ExportOptions, export_ics

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export ICS"), "",
                                              self.tr("Calendars (*.ics)"))
        if path:
            from planner.atomic import write_file

            protected = [self.document.path] if self.document.path else []
            try:
                write_file(path, export_ics(self.document.programme,
                                            ExportOptions(lang=self._lang)), protected)
            except (OSError, ProgrammeError) as exc:
                self.show_error(error_text(exc, self._lang))

    # -- closing --------------------------------------------------------------------------

    def restart(self) -> bool:
        """Start the app anew on the same programme (a new language applies then), once
        this window has closed (asking about unsaved work first); False if it stays."""
        import sys

        from PySide6.QtCore import QProcess
        from PySide6.QtWidgets import QApplication

        path, readonly = self.document.path, self.document.readonly
        if not self.close():
            return False
        # Closed: the file and its lock are let go, so the new window may take them.
        args = [str(MAIN_SCRIPT)]
        if path is not None:
            args += [str(path), *(["--read-only"] if readonly else [])]
        QProcess.startDetached(sys.executable, args)
        QApplication.quit()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        if self._remember:
            self.settings.geometry = self.saveGeometry()
            self.settings.window_state = self.saveState()
            self.settings.sync()
        if self._recovery is not None:
            self._recovery.discard()
        if self._sync_panel is not None:
            self._sync_panel.cancel()  # stops at its next step; what it did is recorded
        self.document.close()
        event.accept()


def ask_read_only(parent: QWidget | None, error: ProgrammeLockedError, lang: Lang) -> bool:
    """The file is open for editing elsewhere: say so (in ``lang``) and offer to open it
    read-only. True when the user chose that."""
    from PySide6.QtWidgets import QMessageBox

    from ui.message_box import plain_message_box

    # Plain text: the message names the file.
    box = plain_message_box(parent, QMessageBox.Icon.Warning,
                            QCoreApplication.translate("MainWindow", "Programme Planner"),
                            error_text(error, lang), QMessageBox.StandardButton.Cancel)
    box.setObjectName("locked_box")
    read_only = box.addButton(QCoreApplication.translate("MainWindow", "Open &Read-Only"),
                              QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(read_only)
    box.exec()
    return box.clickedButton() is read_only


def _hide_stray_tab_bars(window: QMainWindow) -> None:
    """Hide the tab bars the dock layout has made so far, before the window first shows.

    With two tab groups in one column, Qt (6.11) keeps a bar from an early layout pass
    that it no longer uses: shown with the window, it would sit over the calendar with
    stale titles. The bars in use are shown again by the layout itself."""
    from PySide6.QtWidgets import QTabBar

    if window.isVisible():
        return
    for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
        bar.hide()


def _clash_panel(window: MainWindow) -> ClashPanel:
    from ui.panels.clashes import install

    return install(window)


def _sync_panel(window: MainWindow) -> SyncPanel:
    from ui.panels.sync import install

    return install(window)


def _my_programme(window: MainWindow) -> MyProgramme:
    from ui.panels.my_programme import install

    return install(window)


def _scheduling(window: MainWindow) -> Scheduling:
    from ui.panels.unscheduled import install

    return install(window)


def _releases(window: MainWindow) -> Releases:
    from ui.panels.releases import install

    return install(window)


def _recovery_writer(parent: QWidget) -> RecoveryWriter:
    from ui.recovery import RecoveryWriter

    return RecoveryWriter(parent=parent)


def _date_text(day: date) -> str:
    from ui.i18n import medium_date

    return medium_date(day)  # "3 Apr 2019", "3. Apr. 2019", "3 апр. 2019 г."


def _weekday_short(day: date) -> str:
    return QLocale().dayName(QDate(day.year, day.month, day.day).dayOfWeek(),
                             QLocale.FormatType.ShortFormat)


def _when_text(moment: datetime) -> str:
    """A moment in the computer's time, as the window's language writes date and time."""
    local = moment.astimezone()
    return f"{_date_text(local.date())} {local:%H:%M}"


def _zone_text(key: str) -> str:
    """A zone as the Second Time Zone menu lists it: "Берлин (Europe/Berlin)"."""
    from ui.i18n import zone_city

    city = zone_city(key)
    return key if city == key else f"{city} ({key.replace('_', ' ')})"
