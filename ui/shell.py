"""What a panel may use of the window it is put into.

Panels (``ui/panels/``) are given the window as a :class:`Shell`, never as
:class:`ui.main_window.MainWindow`: the window imports the panels to assemble them, so a
panel that imported the window back would tie the two into one circle (and make every panel
depend on all the others the window holds). ``tests/test_architecture.py`` keeps it so.

:class:`~ui.main_window.MainWindow` is a Shell by its shape (a :class:`typing.Protocol`):
what is listed here is the whole of what panels rely on, and growing this list is a
decision about the window's interface, taken in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import Qt, SignalInstance
    from PySide6.QtGui import QAction, QUndoCommand
    from PySide6.QtWidgets import (
        QDockWidget,
        QMenu,
        QStackedWidget,
        QStatusBar,
        QToolBar,
        QWidget,
    )

    from planner.model import Lang
    from ui.document import Document
    from ui.settings import Settings, View
    from ui.status_bar import StatusBar
    from ui.views.grid import GridView


class Shell(Protocol):
    """The main window as panels see it."""

    #: Emitted with the new :class:`~ui.document.Document` when another programme is opened.
    document_replaced: SignalInstance
    document: Document
    settings: Settings
    grid: GridView
    #: The agenda view, made the first time it is shown (None until then).
    agenda: QWidget | None
    #: The stack of views (the grids' page and the agenda) in the window's centre.
    views: QStackedWidget
    toolbar: QToolBar
    #: Edit Event… and Delete, acting on the selection (also in context menus).
    edit_event_action: QAction
    delete_action: QAction
    file_menu: QMenu
    #: File > Export ICS…: what comes after it in the File menu is about what leaves the app.
    export_action: QAction
    edit_menu: QMenu
    view_menu: QMenu
    calendar_dock: QDockWidget
    clash_dock: QDockWidget

    @property
    def lang(self) -> Lang:
        """The language of the window's content (titles, venue names, messages)."""

    @property
    def view(self) -> View:
        """The view shown: "week", "venues" or "agenda"."""

    def window(self) -> QWidget:
        """The window as a widget: the parent of a panel's actions, menus and dialogs."""

    def go_to_date(self, day: date) -> None:
        """Show ``day`` in the grid (leaving the agenda for the venue grid)."""

    def selected_uids(self) -> list[str]:
        """The UIDs of the events selected in the current view."""

    def focused_occurrence(self, uid: str) -> datetime | None:
        """The RECURRENCE-ID of the occurrence of the selected repeating event ``uid`` that
        the selection is on, or None (not a series, or selected as a whole)."""

    def select_events(self, uids: list[str]) -> None:
        """Select the events ``uids`` in the view shown (the grid or the agenda)."""

    def focus_selection(self) -> None:
        """Put the keyboard focus into the view shown (the grid or the agenda), where the
        keys of the selected events work: after a clash is opened from a list."""

    def share_event_keys(self, widget: QWidget) -> None:
        """Let the keys of the selected events (Delete, Cut, Copy, Paste, the Alt+arrow
        moves) work while ``widget`` has the focus, as in the views: a list whose click
        selects events, where its own keys (arrows, Return) stay its own."""

    def new_event(self, start: datetime, venue: str | None = None) -> None:
        """Open the event editor on a new event at ``start`` (and ``venue``)."""

    def delete_events(self, uids: list[str]) -> None:
        """Delete the events ``uids`` (one undoable step)."""

    def add_dock(self, widget: QWidget, title: str, name: str,
                 area: Qt.DockWidgetArea = ...) -> QDockWidget:
        """Put ``widget`` in a dock listed under View > Panels."""

    def after_first_paint(self, work: Callable[[], object]) -> None:
        """Do ``work`` once the window has painted its first frame."""

    def show_error(self, text: str) -> None:
        """Tell the user what went wrong, in a message box (an error as
        :func:`ui.i18n.error_text` renders it in :attr:`lang`)."""

    def edit_event(self, uid: str) -> None:
        """Open the event editor on the event, or unscheduled session, ``uid``."""

    def push(self, command: QUndoCommand) -> bool:
        """Run an edit's undo command (ui/commands.py) through the document's undo stack;
        shows its error if it is refused. Whether it was done."""

    def statusBar(self) -> QStatusBar: ...  # Qt's own names

    @property
    def status_bar(self) -> StatusBar:
        """The status bar, with :meth:`~ui.status_bar.StatusBar.show_message` for a message
        with a detail in its tooltip."""

    def addActions(self, actions: Sequence[QAction]) -> None: ...

    def addAction(self, action: QAction) -> None: ...

    def splitDockWidget(self, first: QDockWidget, second: QDockWidget,
                        orientation: Qt.Orientation) -> None: ...

    def tabifyDockWidget(self, first: QDockWidget, second: QDockWidget) -> None: ...

    def tabifiedDockWidgets(self, dock: QDockWidget) -> list[QDockWidget]: ...

    def resizeDocks(self, docks: Sequence[QDockWidget], sizes: Sequence[int],
                    orientation: Qt.Orientation) -> None: ...
