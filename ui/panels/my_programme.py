"""Find, stars, personal export and printing, put into the main window.

:func:`install` is what the window calls: it makes the Find dock (a
:class:`~ui.panels.find.FilterPanel`), the user's stars (a :class:`~ui.stars.StarStore`),
and their actions (Find, Star, View > My Programme, Print, Print Preview, Export PDF, door
sheets), and keeps every view showing what the filter lets through and which events are
starred. The window stays an assembler: it only hands its views and menus over.

What is printed or exported as "the current filter" is what the views show at that moment:
the panel's filter, starred-only included. The printed cover says "A selection: n of m
events" when it is not the whole programme.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from planner.model import Programme
from planner.search import EventFilter, filter_events, starred_clashes
from planner.store import Changes
from ui.i18n import error_text, numerus
from ui.panels.find import FilterPanel, make_find_action
from ui.stars import StarAction, StarStore, make_star_action

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import datetime

    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from ui.dialogs.export import ExportDialog
    from ui.document import Document
    from ui.shell import Shell
    from ui.tasks import Task

# Wide enough for the track names and the search box, narrow enough to leave the week grid
# its seven columns at 1440 pixels.
DOCK_WIDTH = 270


class MyProgramme(QObject):
    """The window's Find dock, stars, export and printing; see :func:`install`."""

    def __init__(self, window: Shell) -> None:
        super().__init__(window.window())
        self._window = window
        programme = window.document.programme
        self.stars = StarStore(programme, self)
        self.panel = FilterPanel(programme, stars=self.stars, lang=window.lang)
        self.panel.setObjectName("find_panel")
        self.dock: QDockWidget = window.add_dock(
            self.panel, self.tr("Find"), "find_dock", Qt.DockWidgetArea.LeftDockWidgetArea)
        self._place_docks()
        # None: every event is shown (the views skip filtering altogether).
        self._shown: set[str] | None = None
        self._agenda_ready = False
        self._document: Document | None = None

        self._build_actions()
        self.panel.filter_changed.connect(self._apply)
        # The track chips under the grid switch the panel's track boxes: one filter.
        window.legend.track_clicked.connect(self._toggle_track)
        self.panel.filter_changed.connect(self._show_hidden_tracks)
        self.stars.changed.connect(self._stars_changed)
        self.panel.clashes_activated.connect(self.show_events)
        window.grid.selection_changed.connect(lambda _uids: self.star_action.refresh())
        window.views.currentChanged.connect(lambda _index: self._adopt_agenda())
        window.document_replaced.connect(self._document_replaced)
        self._follow(window.document)
        # At once, not on the panel's next turn: the first paint already shows the
        # remembered filter.
        self._apply(self.panel.current_filter())
        self._show_hidden_tracks(self.panel.current_filter())
        self._stars_changed()
        self.search_warm_up: Task | None = None
        window.after_first_paint(self._warm_up_search)

    def _place_docks(self) -> None:
        # One column of panels on the left: the calendar on top, Find below it with the
        # clashes as a second tab. Docks on both sides would leave the week grid too
        # narrow for its eight days at 1440 pixels. (A remembered window state, restored
        # after this, puts back whatever the user arranged.)
        window = self._window
        window.splitDockWidget(window.calendar_dock, self.dock, Qt.Orientation.Vertical)
        window.tabifyDockWidget(self.dock, window.clash_dock)
        self.dock.raise_()
        window.resizeDocks([window.calendar_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)

    # -- actions and menus

    def _build_actions(self) -> None:
        window = self._window
        parent = window.window()
        self.find_action = make_find_action(parent, self.panel)
        self.star_action: StarAction = make_star_action(parent, self.stars,
                                                        window.selected_uids)
        window.addActions([self.find_action, self.star_action])
        edit = window.edit_menu
        edit.addSeparator()
        edit.addActions([self.find_action, self.star_action])

        self.mine_action = QAction(self.tr("&My Programme"), parent)
        self.mine_action.setCheckable(True)
        # Beside Ctrl+D, which stars: the same hand shows what was starred.
        self.mine_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.mine_action.setIcon(self.star_action.icon())
        self.mine_action.setStatusTip(self.tr("Show only the starred events"))
        self.mine_action.setChecked(self.panel.starred_box.isChecked())
        self.mine_action.toggled.connect(self.panel.starred_box.setChecked)
        self.panel.starred_box.toggled.connect(self.mine_action.setChecked)
        view = window.view_menu
        first_separator = next(a for a in view.actions() if a.isSeparator())
        view.insertAction(first_separator, self.mine_action)
        window.toolbar.addSeparator()
        window.toolbar.addAction(self.mine_action)

        self.print_action = QAction(self.tr("&Print…"), parent)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.setStatusTip(self.tr("Print the events the views show"))
        self.print_action.triggered.connect(lambda _c=False: self.print_programme())
        self.preview_action = QAction(self.tr("Print Pre&view…"), parent)
        self.preview_action.triggered.connect(lambda _c=False: self.preview())
        self.pdf_action = QAction(self.tr("Export P&DF…"), parent)
        self.pdf_action.setStatusTip(self.tr("Write the events the views show as a PDF"))
        self.pdf_action.triggered.connect(lambda _c=False: self.export_pdf())
        self.door_menu = QMenu(self.tr("Door S&heets"), parent)
        self.door_menu.setStatusTip(self.tr("One page per venue and day"))
        self.door_print_action = self.door_menu.addAction(self.tr("&Print…"))
        self.door_print_action.triggered.connect(
            lambda _c=False: self.print_programme(door_sheets=True))
        self.door_preview_action = self.door_menu.addAction(self.tr("Print Pre&view…"))
        self.door_preview_action.triggered.connect(
            lambda _c=False: self.preview(door_sheets=True))
        self.door_pdf_action = self.door_menu.addAction(self.tr("Export P&DF…"))
        self.door_pdf_action.triggered.connect(
            lambda _c=False: self.export_pdf(door_sheets=True))
        window.addAction(self.print_action)

        menu = window.file_menu
        # Above the separator and Quit that end the File menu.
        before = menu.actions()[-2]
        menu.insertSeparator(before)
        menu.insertActions(before, [self.print_action, self.preview_action, self.pdf_action])
        menu.insertMenu(before, self.door_menu)

    # -- following the document

    def _follow(self, document: Document) -> None:
        if self._document is not None:
            try:
                self._document.changed.disconnect(self._document_changed)
            except (RuntimeError, TypeError):  # already gone with its document
                pass
        self._document = document
        document.changed.connect(self._document_changed)

    def _document_replaced(self, document: Document) -> None:
        from planner.search import clear_cache

        clear_cache()  # what was worked out for the programme closed
        self._follow(document)
        programme = document.programme
        self.stars.set_programme(programme)
        self.panel.set_programme(programme)
        self._apply(self.panel.current_filter())
        self._warm_up_search()

    def _warm_up_search(self) -> None:
        """Work out every event's search text on a worker, so that the first keystroke in
        the search box over a festival's programme is as quick as the rest (the first
        search would otherwise normalise all its text, about a second for 50,000 events)."""
        from planner.search import prepare
        from ui.tasks import Task, background_pool

        if self.search_warm_up is not None and not self.search_warm_up.done:
            self.search_warm_up.cancel()  # for a programme no longer shown
        programme = self._window.document.programme.copy()
        self.search_warm_up = Task(lambda progress: prepare(programme, progress), self)
        self.search_warm_up.start(background_pool())

    def _document_changed(self, changes: Changes) -> None:
        programme = self._window.document.programme
        if changes.meta or changes.tracks or changes.venues or changes.people:
            # New names, tracks or venues to list; the filter itself stays.
            self.panel.set_programme(programme)
        elif changes.events and self._new_speaker(programme, changes.events):
            self.panel.set_programme(programme)
        if self._shown is not None:
            # An edited or new event may now pass or fail: filtered again at once, so a
            # new event that matches appears with the edit.
            self._apply(self.panel.current_filter())
        if self.stars.starred() & (changes.events | changes.removed_events):
            self._stars_changed()

    def _new_speaker(self, programme: Programme, uids: set[str]) -> bool:
        listed = {str(self.panel.speaker_list.item(row).data(Qt.ItemDataRole.UserRole))
                  for row in range(self.panel.speaker_list.count())}
        return any(person not in listed
                   for uid in uids if uid in programme.events
                   for person in programme.events[uid].speakers)

    # -- the filter

    def _apply(self, flt: object) -> None:
        assert isinstance(flt, EventFilter)
        programme = self._window.document.programme
        shown = None
        if flt.is_active:
            announced = self.panel.announced_events(flt)
            shown = announced if announced is not None else filter_events(programme, flt)
        if shown == self._shown:
            # The views already show these (an edit that kept its event in or out of the
            # filter): the window's own refresh of the edited events is enough, and a big
            # programme's grid is not rebuilt on every drag.
            return
        self._shown = shown
        self._window.grid.set_filter(shown)
        agenda = self._window.agenda
        if agenda is not None:
            agenda.set_filter(shown)  # type: ignore[attr-defined]
            self._agenda_ready = True

    def _toggle_track(self, track: str) -> None:
        box = self.panel.track_boxes.get(track)
        if box is not None:
            box.toggle()

    def _show_hidden_tracks(self, flt: object) -> None:
        assert isinstance(flt, EventFilter)
        tracks = self._window.document.programme.tracks
        self._window.legend.set_hidden(
            () if flt.tracks is None else [t for t in tracks if t not in flt.tracks])

    def shown_uids(self) -> set[str] | None:
        """The UIDs the views show, or None when no filter is applied."""
        return None if self._shown is None else set(self._shown)

    def _adopt_agenda(self) -> None:
        # The agenda is made the first time it is shown: it gets the filter and stars then.
        agenda = self._window.agenda
        if agenda is None or self._agenda_ready:
            return
        self._agenda_ready = True
        agenda.selection_changed.connect(  # type: ignore[attr-defined]
            lambda _uids: self.star_action.refresh())
        agenda.set_filter(self._shown)  # type: ignore[attr-defined]
        self._stars_changed()

    # -- stars

    def starred_clash_uids(self) -> set[str]:
        """Starred events that overlap another starred event."""
        pairs = starred_clashes(self._window.document.programme, self.stars.starred())
        return {uid for pair in pairs for uid in pair}

    def _stars_changed(self) -> None:
        starred = self.stars.starred()
        self._window.grid.set_starred(starred)
        agenda = self._window.agenda
        setter = getattr(agenda, "set_starred", None)
        if setter is not None:
            setter(starred, self.starred_clash_uids())
        self.star_action.refresh()

    def show_events(self, uids: list[str],
                    occurrences: Mapping[str, datetime] | None = None) -> None:
        """Select ``uids`` in the current view (of a repeating event in ``occurrences``,
        that occurrence) and bring the first of them into sight (the starred clashes
        clicked in the Find panel); the keyboard then goes to the view, where the keys of
        the selected events work (the list is a label, with no keys of its own)."""
        from planner.edits import occurrence_of

        window = self._window
        programme = window.document.programme
        events = sorted((programme.events[u] for u in uids if u in programme.events),
                        key=lambda e: (e.start, e.uid))
        if not events:
            return
        chosen = [e.uid for e in events]
        if window.view == "agenda" and window.agenda is not None:
            window.agenda.select_uids(chosen, occurrences)  # type: ignore[attr-defined]
            window.focus_selection()
            return
        # Where the occurrences are now: an override may have moved one to another day
        # than the one its series gives it (its RECURRENCE-ID).
        rids = occurrences or {}
        when = min(occurrence_of(e, rids[e.uid]).start if e.uid in rids else e.start
                   for e in events).astimezone(programme.zone)
        if programme.first_day <= when.date() <= programme.last_day:
            window.go_to_date(when.date())
        grid = window.grid
        grid.select_uids(chosen, occurrences)
        minutes = when.hour * 60 + when.minute - 30
        grid.verticalScrollBar().setValue(round(max(minutes, 0) * grid.hour_height / 60))
        window.focus_selection()

    # -- export

    def _protected(self) -> tuple[str, ...]:
        """The files no export may write over: the open programme's own."""
        path = self._window.document.path
        return (str(path),) if path else ()

    def open_export(self) -> ExportDialog:
        """File > Export ICS: the export dialog, with the current filter and the stars."""
        from ui.dialogs.export import ExportDialog

        window = self._window
        dialog = ExportDialog(window.document.programme,
                              current_filter_uids=self.panel.active_uids(),
                              starred=self.stars.starred(), parent=window.window(),
                              protected=self._protected())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # What the delegate is looking at is the likeliest thing to export.
        if self.panel.starred_box.isChecked() and self.stars.starred():
            dialog.set_scope("starred")
        elif self._shown is not None:
            dialog.set_scope("filter")
        dialog.exported.connect(self._exported)
        dialog.open()
        return dialog

    def _exported(self, paths: object) -> None:
        files = list(paths) if isinstance(paths, list) else []
        if files:
            self._window.statusBar().showMessage(
                self.tr("Exported {file}").format(file=files[0] if len(files) == 1
                                                  else Path(files[0]).parent), 5000)

    # -- printing

    def _print_uids(self) -> frozenset[str] | None:
        """What printing covers (the events the views show), and say so in the status bar;
        an empty set when the filter shows nothing."""
        shown = self._shown
        if shown is None:
            self._status(self.tr("Printing the whole programme"))
            return None
        if shown:
            self._status(self.tr("Printing the {count} events the filter shows").format(
                count=len(shown)))
        else:
            self._status(self.tr("The filter shows no events: nothing to print"))
        return frozenset(shown)

    def _base_url(self) -> str | None:
        """Where the last publish went online (File > Publish): printed pages then carry the
        QR code of their feed."""
        from planner.publish import PublishError, check_base_url

        path = self._window.document.path
        if path is None:
            return None
        _folder, url = self._window.settings.publish_place(path)
        try:
            return check_base_url(url) if url else None
        except PublishError:
            return None

    def _status(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 8000)

    def print_programme(self, *, door_sheets: bool = False) -> Task | None:
        """File > Print (or the door sheets): the print dialog, then the shown events,
        printed on a worker. Returns the task, or None when nothing is printed."""
        from ui.printing import print_with_dialog

        uids = self._print_uids()
        if uids is not None and not uids:
            return None
        window = self._window
        task = print_with_dialog(window.window(), window.document.programme, window.lang,
                                 uids=uids, door_sheets=door_sheets,
                                 base_url=self._base_url())
        if task is None:
            return None
        task.finished.connect(lambda pages: self._status(
            numerus(self.tr("Printed %n page(s)", "", pages), pages)))
        task.cancelled.connect(lambda: self._status(self.tr("Printing cancelled")))
        task.failed.connect(lambda error: window.show_error(error_text(error, window.lang)))
        return task

    def preview(self, *, door_sheets: bool = False) -> QPrintPreviewDialog | None:
        """File > Print Preview: a preview of what Print would print (not modal)."""
        from ui.printing import preview_dialog

        uids = self._print_uids()
        if uids is not None and not uids:
            return None
        window = self._window
        dialog = preview_dialog(window.window(), window.document.programme, window.lang,
                                uids=uids, door_sheets=door_sheets, base_url=self._base_url())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_pdf(self, *, door_sheets: bool = False) -> Task | None:
        """File > Export PDF (or the door sheets as a PDF): asks where, then writes the
        shown events on a worker. Returns the task, or None when nothing is written."""
        window = self._window
        programme = window.document.programme
        uids = self._print_uids()
        if uids is not None and not uids:
            return None
        name = programme.name.get(window.lang) or "programme"
        folder = window.settings.last_folder
        suggested = str(Path(folder) / f"{name}.pdf") if folder else f"{name}.pdf"
        from PySide6.QtWidgets import QFileDialog  # here: start-up has no use for it

        path, _ = QFileDialog.getSaveFileName(
            window.window(), QCoreApplication.translate("Printing", "Export PDF"), suggested,
            QCoreApplication.translate("Printing", "PDF documents (*.pdf)"))
        if not path:
            return None
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".pdf")
        from ui.printing import export_pdf_in_background

        task = export_pdf_in_background(window.window(), programme, target, window.lang,
                                        uids=uids, door_sheets=door_sheets,
                                        base_url=self._base_url(),
                                        protected=self._protected())

        def finished(pages: object) -> None:
            self._status(self.tr("Wrote {file} ({pages} pages)").format(
                file=target, pages=pages))

        def failed(error: object) -> None:
            if isinstance(error, OSError):
                window.show_error(QCoreApplication.translate(
                    "Printing", "%1: cannot write (%2)").replace("%1", str(target)).replace(
                    "%2", str(error.strerror or error)))
            else:
                window.show_error(error_text(error, window.lang))

        task.finished.connect(finished)
        task.failed.connect(failed)
        return task


def install(window: Shell) -> MyProgramme:
    """Put the Find dock, stars, export and printing into ``window``."""
    return MyProgramme(window)

