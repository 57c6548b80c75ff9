"""The scheduling assistant in the window: the Unscheduled panel and its actions.

:func:`install` is what the window calls. It adds

- the **Unscheduled** dock: the events with a length but no time yet, which can be dragged
  onto the grid to place them (the grid emits ``session_dropped``, this makes the undo
  command, as every edit goes); a double-click opens the event editor, where "No time
  yet" makes or keeps an event unscheduled;
- **Edit › Unschedule** for the selected placed events (they go back to the list);
- **Edit › Suggest Slots…**: the best free slots for the selected event (a session in the
  list, or a placed event in the grid), ranked, looked for on a worker with a progress
  dialog that can be cancelled; a double-click places it there;
- **Edit › Schedule Unplaced…**: the solver runs on a worker with a progress dialog, its
  plan shows as ghost blocks on the grid and as lines in the panel, and Apply makes it one
  undo step (Discard forgets it).

The domain work is :mod:`planner.scheduling` and :mod:`planner.solver`; this module only
shows it and turns the user's choices into commands.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.model import (
    Event,
    Lang,
    Programme,
    ProgrammeError,
    Session,
    as_event,
    as_session,
    speaker_labels,
)
from planner.store import Changes
from ui.commands import schedule_command
from ui.i18n import numerus
from ui.views.grid import SESSION_MIME

if TYPE_CHECKING:
    from planner.scheduling import Slot
    from planner.solver import Plan
    from ui.document import Document
    from ui.shell import Shell
    from ui.tasks import Progress, Task

UID_ROLE = Qt.ItemDataRole.UserRole + 1
# The solver's time in the window: enough for a festival, short enough to wait for.
WINDOW_TIME_LIMIT = 20.0

Index = QModelIndex | QPersistentModelIndex


def length_text(duration: timedelta) -> str:
    """``1 h 30 min``, ``45 min``, as the window shows a session's length."""
    minutes = int(duration.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return QCoreApplication.translate("UnscheduledPanel", "{minutes} min").format(
            minutes=rest)
    if not rest:
        return QCoreApplication.translate("UnscheduledPanel", "{hours} h").format(hours=hours)
    return QCoreApplication.translate("UnscheduledPanel", "{hours} h {minutes} min").format(
        hours=hours, minutes=rest)


class UnscheduledModel(QAbstractListModel):
    """The programme's unscheduled sessions, by title; each row drags as its UID."""

    def __init__(self, programme: Programme, lang: Lang, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._programme = programme
        self._lang: Lang = lang
        self._rows: list[Session] = programme.sorted_unscheduled()

    def reset(self, programme: Programme | None = None) -> None:
        self.beginResetModel()
        if programme is not None:
            self._programme = programme
        self._rows = self._programme.sorted_unscheduled()
        self.endResetModel()

    def uids(self) -> list[str]:
        return [s.uid for s in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        session = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{session.title.get(self._lang)} \u2014 {length_text(session.duration)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._details(session)
        if role == UID_ROLE:
            return session.uid
        return None

    def _details(self, session: Session) -> str:
        programme = self._programme
        track = programme.tracks.get(session.track)
        venue = programme.venues.get(session.venue)
        lines = [session.title.get(self._lang), length_text(session.duration)]
        if track is not None:
            lines.append(self.tr("Track: {name}").format(name=track.name.get(self._lang)))
        lines.append(self.tr("Venue: {name}").format(
            name=venue.name.get(self._lang) if venue is not None else self.tr("to be chosen")))
        speakers = speaker_labels(programme, session)
        if speakers:
            lines.append(self.tr("Speakers: {names}").format(names=", ".join(speakers)))
        return "\n".join(lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [SESSION_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        uids = [self._rows[i.row()].uid for i in indexes if i.isValid()]
        if uids:
            data.setData(SESSION_MIME, QByteArray(uids[0].encode("utf-8")))
            data.setText(self._rows[indexes[0].row()].title.get(self._lang))
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


class UnscheduledPanel(QWidget):
    """The list of unscheduled sessions, with the assistant's buttons and the plan shown
    before it is applied."""

    suggest_requested = Signal()
    schedule_requested = Signal()
    apply_requested = Signal()
    discard_requested = Signal()

    def __init__(self, model: UnscheduledModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unscheduled_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.count_label)
        self.list = QListView()
        self.list.setObjectName("unscheduled_list")
        self.list.setModel(model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        # A narrow dock shows each title's start and the length at its end, the middle
        # elided (the tooltip has it whole), rather than a sideways scroll that hides the
        # length.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setToolTip(self.tr("Drag an event onto the grid to place it"))
        layout.addWidget(self.list, 1)
        # One above the other: side by side, the Russian texts would need a column wider
        # than the window's first frame gives it (the panel is made after that frame, and
        # the column would jump wider when it arrives).
        buttons = QVBoxLayout()
        self.suggest_button = QPushButton(self.tr("Suggest Slots…"))
        self.suggest_button.clicked.connect(self.suggest_requested)
        self.schedule_button = QPushButton(self.tr("Schedule Unplaced…"))
        self.schedule_button.clicked.connect(self.schedule_requested)
        buttons.addWidget(self.suggest_button)
        buttons.addWidget(self.schedule_button)
        layout.addLayout(buttons)
        # The plan, while it is previewed.
        self.plan_box = QWidget()
        plan_layout = QVBoxLayout(self.plan_box)
        plan_layout.setContentsMargins(0, 6, 0, 0)
        self.plan_label = QLabel()
        self.plan_label.setTextFormat(Qt.TextFormat.PlainText)
        self.plan_label.setWordWrap(True)
        plan_layout.addWidget(self.plan_label)
        self.plan_list = QListWidget()
        self.plan_list.setObjectName("plan_list")
        self.plan_list.setWordWrap(True)
        plan_layout.addWidget(self.plan_list, 1)
        plan_buttons = QHBoxLayout()
        self.apply_button = QPushButton(self.tr("Apply Plan"))
        self.apply_button.setObjectName("apply_plan")
        self.apply_button.clicked.connect(self.apply_requested)
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setObjectName("discard_plan")
        self.discard_button.clicked.connect(self.discard_requested)
        plan_buttons.addWidget(self.apply_button)
        plan_buttons.addWidget(self.discard_button)
        plan_layout.addLayout(plan_buttons)
        self.plan_box.hide()
        layout.addWidget(self.plan_box, 1)
        model.modelReset.connect(self._count)
        self._count()

    def count(self) -> int:
        return self.list.model().rowCount()

    def _count(self) -> None:
        count = self.list.model().rowCount()
        self.count_label.setText(numerus(self.tr("%n event(s) without a time", "", count),
                                         count))

    def selected_uid(self) -> str | None:
        indexes = self.list.selectionModel().selectedIndexes()
        return str(indexes[0].data(UID_ROLE)) if indexes else None

    def show_plan(self, summary: str, lines: list[str], can_apply: bool) -> None:
        self.plan_label.setText(summary)
        self.plan_list.clear()
        self.plan_list.addItems(lines)
        self.apply_button.setEnabled(can_apply)
        self.plan_box.show()

    def hide_plan(self) -> None:
        self.plan_list.clear()
        self.plan_box.hide()


class SuggestDialog(QDialog):
    """The best free slots for one event; a double-click (or OK) takes the chosen one."""

    def __init__(self, title: str, slots: list[Slot], texts: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggest_dialog")
        self.setWindowTitle(self.tr("Suggested Slots for “{title}”").format(title=title))
        self.slots = slots
        self.chosen: Slot | None = None
        layout = QVBoxLayout(self)
        if not slots:
            label = QLabel(self.tr("No free slot: every time that fits clashes with something."))
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        self.list = QListWidget()
        self.list.setObjectName("slot_list")
        for text in texts:
            QListWidgetItem(text, self.list)
        if slots:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(slots))
        layout.addWidget(buttons)
        # Wide enough for a German or Russian slot line (day, time, venue, notes).
        self.resize(760, 400)

    def accept(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.slots):
            self.chosen = self.slots[row]
        super().accept()


class Scheduling(QObject):
    """The Unscheduled dock, its actions and the plan preview; see the module doc."""

    def __init__(self, window: Shell) -> None:
        super().__init__(window.window())
        self._window = window
        self.model = UnscheduledModel(window.document.programme, window.lang, self)
        self.panel = UnscheduledPanel(self.model)
        self.dock = window.add_dock(self.panel, self.tr("Unscheduled"), "unscheduled_dock",
                                    Qt.DockWidgetArea.LeftDockWidgetArea)
        # Behind the calendar: the column's lower tabs (Find, Clashes, Releases) keep
        # their whole titles in a 270-pixel column in every language. (The window may
        # have put the dock there already.)
        if self.dock not in window.tabifiedDockWidgets(window.calendar_dock):
            window.tabifyDockWidget(window.calendar_dock, self.dock)
        self.plan: Plan | None = None
        self.task: Task | None = None
        self.suggest_dialog: SuggestDialog | None = None
        self.suggest_task: Task | None = None
        self._document: Document | None = None

        self.unschedule_action = QAction(self.tr("Unsc&hedule"), self)
        self.unschedule_action.setObjectName("unschedule_action")
        self.unschedule_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.unschedule_action.setStatusTip(self.tr("Take the time away from the selected "
                                                    "events; they wait in Unscheduled"))
        self.unschedule_action.triggered.connect(self.unschedule_selected)
        self.suggest_action = QAction(self.tr("Su&ggest Slots…"), self)
        self.suggest_action.setObjectName("suggest_action")
        self.suggest_action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.suggest_action.triggered.connect(self.suggest)
        self.schedule_action = QAction(self.tr("Schedule Un&placed…"), self)
        self.schedule_action.setObjectName("schedule_action")
        self.schedule_action.triggered.connect(self.schedule)
        window.edit_menu.addSeparator()
        window.edit_menu.addActions([self.unschedule_action, self.suggest_action,
                                     self.schedule_action])

        self.panel.suggest_requested.connect(self.suggest)
        self.panel.schedule_requested.connect(self.schedule)
        self.panel.apply_requested.connect(self.apply_plan)
        self.panel.discard_requested.connect(self.discard_plan)
        # As in the grid: a double-click edits (the length, the venue, "No time yet").
        self.panel.list.doubleClicked.connect(
            lambda index: window.edit_event(str(index.data(UID_ROLE))))
        window.grid.session_dropped.connect(self.place)
        window.document_replaced.connect(self._follow)
        self._follow(window.document)

    # -- the document ---------------------------------------------------------------------

    def _follow(self, document: Document) -> None:
        if self._document is not None:
            self._document.changed.disconnect(self._changed)
        self._document = document
        document.changed.connect(self._changed)
        self.discard_plan()
        self.model.reset(document.programme)
        self._title()

    def _title(self) -> None:
        # The tab says how many wait, as the Clashes tab does.
        self.dock.setWindowTitle(self.tr("Unscheduled ({count})").format(
            count=self.panel.count()))

    def _changed(self, changes: Changes) -> None:
        if changes.sessions or changes.removed_sessions or changes.tracks or changes.venues \
                or changes.people:
            self.model.reset()
            self._title()
        if self.plan is not None and (changes.events or changes.removed_events
                                      or changes.sessions or changes.removed_sessions):
            # The plan was made for the programme as it was.
            self.discard_plan()

    @property
    def _programme(self) -> Programme:
        return self._window.document.programme

    # -- placing and unscheduling ----------------------------------------------------------

    def place(self, uid: str, start: datetime, venue: str | None = None) -> bool:
        """Place the session ``uid`` at ``start`` (in ``venue``, else its own) as one
        undo step; whether it was placed."""
        from planner.model import touch

        programme = self._programme
        session = programme.unscheduled.get(uid)
        if session is None:
            return False
        venue = venue or session.venue or None
        if venue is None:
            self._window.show_error(self.tr(
                "“{title}” has no venue yet: drop it on a venue's column in the venue grid, "
                "or use Suggest Slots").format(title=session.title.get(self._window.lang)))
            return False
        # Stamped once, now: a placed session is a significant change for calendars.
        event = dataclasses.replace(
            touch(None, as_event(session, start.astimezone(programme.zone), venue)),
            sequence=session.sequence + 1)
        command = schedule_command(self._window.document, {uid: event}, {uid: None},
                                   self.tr("Place “{title}”").format(
                                       title=session.title.get(self._window.lang)))
        return self._window.push(command)

    def unschedule_selected(self) -> None:
        programme = self._programme
        uids = [u for u in self._window.selected_uids() if u in programme.events]
        events = {u: None for u in uids if programme.events[u].recurrence is None}
        if not events:
            if uids:
                self._window.show_error(self.tr("A repeating event cannot be unscheduled."))
            return
        sessions: dict[str, Session | None] = {}
        for uid in events:
            old = programme.events[uid]
            sessions[uid] = dataclasses.replace(
                as_session(old), sequence=old.sequence + 1,
                last_modified=datetime.now(UTC).replace(microsecond=0))
        title = programme.events[next(iter(events))].title.get(self._window.lang)
        text = (self.tr("Unschedule “{title}”").format(title=title) if len(events) == 1
                else numerus(self.tr("Unschedule %n event(s)", "", len(events)), len(events)))
        self._window.push(schedule_command(self._window.document, events, sessions, text))

    # -- suggestions ----------------------------------------------------------------------

    def suggest(self) -> None:
        """Suggest slots for the session selected in the list, else the event selected in
        the grid; the chosen slot places (or moves) it."""
        from planner.scheduling import suggest_slots
        from ui.tasks import run_with_progress

        programme = self._programme
        uid = self.panel.selected_uid() if self.panel.isVisible() else None
        if uid is None:
            selected = [u for u in self._window.selected_uids() if u in programme.events]
            uid = selected[0] if selected else self.panel.selected_uid()
        if uid is None:
            self._window.show_error(self.tr("Select an event first: in the grid, or in "
                                            "Unscheduled."))
            return
        thing: Event | Session | None = programme.events.get(uid) or programme.unscheduled.get(
            uid)
        if thing is None:
            return
        if self.suggest_task is not None:
            return
        lang = self._window.lang
        title = thing.title.get(lang)
        # On a worker, on a copy: at festival scale every start of every day is tried
        # against the clash check, which takes seconds.
        copy = programme.copy()

        def work(progress: Progress) -> list[Slot]:
            return suggest_slots(copy, uid, count=12, progress=progress)

        task = run_with_progress(self._window.window(), self.tr(
            "Looking for free slots for “{title}”…").format(title=title), work,
            abandon_on_cancel=True)
        self.suggest_task = task
        task.finished.connect(lambda slots: self._show_slots(uid, title, slots))
        task.failed.connect(self._plan_failed)
        for signal in (task.finished, task.failed, task.cancelled):
            signal.connect(self._suggest_done)

    def _suggest_done(self, *_args: object) -> None:
        self.suggest_task = None

    def _show_slots(self, uid: str, title: str, slots: list[Slot]) -> None:
        from planner.scheduling import slot_text

        programme = self._programme
        if uid not in programme.events and uid not in programme.unscheduled:
            return  # gone meanwhile
        lang = self._window.lang
        dialog = SuggestDialog(title, slots, [slot_text(programme, s, lang) for s in slots],
                               self._window.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.suggest_dialog = dialog
        dialog.accepted.connect(lambda: self._take_slot(uid, dialog.chosen))
        dialog.finished.connect(self._suggest_closed)
        dialog.open()  # window-modal; the answer comes through accepted

    def _suggest_closed(self) -> None:
        self.suggest_dialog = None

    def _take_slot(self, uid: str, slot: Slot | None) -> None:
        programme = self._programme
        if slot is None:
            return
        if uid in programme.unscheduled:
            self.place(uid, slot.start, slot.venue)
        elif uid in programme.events:
            from ui.commands import move_command

            self._window.push(move_command(self._window.document, uid, slot.start,
                                           slot.venue))

    # -- the solver -----------------------------------------------------------------------

    def schedule(self) -> None:
        """Run the solver on a worker; its plan is previewed when it comes."""
        from ui.tasks import run_with_progress

        if self.task is not None:
            return
        programme = self._programme.copy()
        lang = self._window.lang

        def work(progress: Progress) -> Plan:
            from planner.solver import SolveOptions, solve

            progress(0, 100)
            task = self.task

            def report(share: float) -> None:
                progress(int(share * 100), 100)

            return solve(programme, SolveOptions(time_limit=WINDOW_TIME_LIMIT), lang=lang,
                         progress=report,
                         cancelled=lambda: task is not None and task.cancel_requested)

        task = run_with_progress(self._window.window(), self.tr("Looking for a plan…"), work,
                                 abandon_on_cancel=True)
        self.task = task
        task.finished.connect(self._plan_ready)
        task.failed.connect(self._plan_failed)
        for signal in (task.finished, task.failed, task.cancelled):
            signal.connect(self._task_done)

    def _task_done(self, *_args: object) -> None:
        self.task = None

    def _plan_failed(self, error: object) -> None:
        self._window.show_error(str(error))

    def _plan_ready(self, plan: Plan) -> None:
        from planner.scheduling import plan_lines
        from planner.solver import apply_to_copy

        programme = self._programme
        self.plan = plan
        after = apply_to_copy(programme, plan)
        self._window.grid.set_plan_preview(after.events[p.uid] for p in plan.placements)
        lines = plan_lines(programme, plan, self._window.lang)
        if plan.complete:
            summary = numerus(self.tr("A plan without clashes: %n change(s). Apply it as one "
                                      "step, or discard it.", "", len(plan.placements)),
                              len(plan.placements))
        else:
            summary = self.tr("Not every event can be placed without a clash; the reasons "
                              "are listed. The rest can still be applied.")
        self.panel.show_plan(summary, lines, bool(plan.placements))
        self.dock.show()
        self.dock.raise_()
        if plan.placements:
            first = min(p.start for p in plan.placements)
            self._window.go_to_date(first.astimezone(programme.zone).date())

    def apply_plan(self) -> bool:
        """Carry the previewed plan out as one undo step; whether it was."""
        from planner.solver import apply_to_copy

        plan = self.plan
        if plan is None or not plan.placements:
            return False
        programme = self._programme
        try:
            after = apply_to_copy(programme, plan)
        except ProgrammeError as exc:
            self._window.show_error(str(exc))
            return False
        uids = [p.uid for p in plan.placements]
        events: dict[str, Event | None] = {u: after.events[u] for u in uids}
        sessions: dict[str, Session | None] = {u: None for u in uids}
        command = schedule_command(self._window.document, events, sessions, numerus(self.tr(
            "Schedule %n event(s)", "", len(uids)), len(uids)))
        self.discard_plan()
        return self._window.push(command)

    def discard_plan(self) -> None:
        self.plan = None
        self._window.grid.set_plan_preview([])
        self.panel.hide_plan()


def install(window: Shell) -> Scheduling:
    """Add the Unscheduled dock and the assistant's actions to ``window``."""
    return Scheduling(window)
