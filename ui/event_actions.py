"""What a calendar lets one do to the selected events besides editing them: cut, copy,
paste, duplicate, cancel or restore, move by a step or a day, make longer or shorter; and
the grid's right-click menus (on an event, on an empty slot).

Each edit is one undo command (:mod:`ui.commands`) pushed through the window, so undo,
saving and the clash check see it like any other; the new events come from
:mod:`planner.edits`. The clipboard carries the events as data of this program (to paste
into this programme or another), as iCalendar (for a calendar app) and as plain text.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QMimeData, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from planner.edits import (
    copied,
    from_clipboard,
    lengthened,
    occurrence_copy,
    occurrence_of,
    overridden,
    pasted,
    resized,
    shifted,
    split_series,
    to_clipboard,
    with_status,
    without_one,
)
from planner.model import Event, Lang, ProgrammeError, Status, moved
from ui.commands import (
    change_command,
    delete_text,
    move_command,
    occurrence_command,
    resize_command,
)
from ui.i18n import error_text, numerus

if TYPE_CHECKING:
    from ui.document import Document
    from ui.shell import Shell
    from ui.views.grid import Slot

# Whether a change to a repeating event is for one occurrence or the whole series.
Scope = Literal["one", "following", "all"]
# The clipboard's own format: JSON from planner.edits.to_clipboard.
EVENTS_MIME = "application/x-programme-planner-events+json"


class EventActions(QObject):
    """The actions on the selected events, their places in the Edit menu, and the grid's
    context menus; see the module's docstring."""

    def __init__(self, window: Shell, star_action: QAction | None = None) -> None:
        super().__init__(window.window())
        self._window = window
        self._star_action = star_action
        parent = window.window()
        std = QKeySequence.StandardKey
        # The actions with a key (cut, copy, paste, moves): the views' keys, and those of
        # a list whose click selects events (see :meth:`Shell.share_event_keys`).
        self.keyed_actions: list[QAction] = []

        def action(text: str, slot: Callable[[], object],
                   shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                   tip: str = "") -> QAction:
            made = QAction(text, parent)
            if shortcut is not None:
                made.setShortcut(QKeySequence(shortcut))
                # Only while a view has the focus: a text field keeps its own keys.
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                window.views.addAction(made)
                self.keyed_actions.append(made)
            if tip:
                made.setStatusTip(tip)
            made.triggered.connect(lambda _c=False: slot())
            return made

        self.cut_action = action(self.tr("Cu&t"), self.cut, std.Cut,
                                 self.tr("Copy the selected events and delete them"))
        self.copy_action = action(self.tr("&Copy"), self.copy, std.Copy,
                                  self.tr("Copy the selected events"))
        self.paste_action = action(self.tr("Pa&ste"), self.paste, std.Paste,
                                   self.tr("Paste events at the mouse pointer or the "
                                           "chosen slot (in the agenda, at the time "
                                           "copied)"))
        self.duplicate_action = action(self.tr("Dup&licate"), self.duplicate, None,
                                       self.tr("Add a copy of each selected event"))
        self.cancel_action = action(self.tr("C&ancel Event"), self.toggle_cancelled, None,
                                    self.tr("Mark the selected events as cancelled, or "
                                            "restore them"))
        self.earlier_action = action(self.tr("&Earlier"), lambda: self.nudge(-1), "Alt+Up",
                                     self.tr("Move the selected events one snap step "
                                             "earlier"))
        self.later_action = action(self.tr("&Later"), lambda: self.nudge(1), "Alt+Down",
                                   self.tr("Move the selected events one snap step later"))
        self.day_before_action = action(self.tr("To the Day &Before"),
                                        lambda: self.nudge(0, -1), "Alt+Left",
                                        self.tr("Move the selected events to the day "
                                                "before"))
        self.day_after_action = action(self.tr("To the Day &After"),
                                       lambda: self.nudge(0, 1), "Alt+Right",
                                       self.tr("Move the selected events to the day after"))
        self.shorter_action = action(self.tr("&Shorter"), lambda: self.lengthen(-1),
                                     "Alt+Shift+Up",
                                     self.tr("End the selected events one snap step earlier"))
        self.longer_action = action(self.tr("Lon&ger"), lambda: self.lengthen(1),
                                    "Alt+Shift+Down",
                                    self.tr("End the selected events one snap step later"))
        self.move_actions = [self.earlier_action, self.later_action, self.day_before_action,
                             self.day_after_action, self.shorter_action, self.longer_action]
        self.new_here_action = QAction(self.tr("&New Event Here…"), parent)
        self.paste_here_action = QAction(self.tr("&Paste Here"), parent)
        self._menu_slot: Slot | None = None
        self.new_here_action.triggered.connect(lambda _c=False: self._new_here())
        self.paste_here_action.triggered.connect(
            lambda _c=False: self.paste(self._menu_slot))
        self._menu: QMenu | None = None
        self._document: Document | None = None

        self._place_in_menus()
        grid = window.grid
        grid.context_menu_requested.connect(self.show_context_menu)
        grid.copy_requested.connect(self.copy_to)
        grid.occurrence_change_requested.connect(self.change_occurrence)
        grid.selection_changed.connect(lambda _uids: self.refresh())
        # The agenda is made the first time it is shown: its selection is followed then.
        self._agenda: QObject | None = None
        window.views.currentChanged.connect(lambda _n: self._follow_agenda())
        window.document_replaced.connect(lambda _doc: self._follow())
        self._follow()
        QGuiApplication.clipboard().dataChanged.connect(self.refresh)
        self.refresh()

    # -- menus

    def _place_in_menus(self) -> None:
        menu = self._window.edit_menu
        actions = menu.actions()
        # After Undo and Redo (and their separator), before New Event.
        first_separator = next((a for a in actions if a.isSeparator()), None)
        after = actions[actions.index(first_separator) + 1] if first_separator else None
        menu.insertActions(after, [self.cut_action, self.copy_action, self.paste_action,
                                   self.duplicate_action])
        menu.insertSeparator(after)
        delete = self._window.delete_action
        following = menu.actions()[menu.actions().index(delete) + 1:]
        menu.insertAction(following[0] if following else None, self.cancel_action)
        self.move_menu = QMenu(self.tr("&Move and Resize"), menu)
        self.move_menu.addActions(self.move_actions[:4])
        self.move_menu.addSeparator()
        self.move_menu.addActions(self.move_actions[4:])
        menu.insertMenu(following[0] if following else None, self.move_menu)

    def show_context_menu(self, at: QPoint, slot: Slot | None) -> QMenu:
        """The menu of the selected events (after a right click on one), or of an empty
        ``slot``: new event here, paste."""
        window = self._window
        if self._menu is not None:
            self._menu.deleteLater()
        menu = self._menu = QMenu(window.window())
        menu.setObjectName("grid_context_menu")
        self._menu_slot = slot
        self.refresh()
        if window.selected_uids():
            menu.addAction(window.edit_event_action)
            menu.addAction(self.duplicate_action)
            menu.addSeparator()
            menu.addActions([self.cut_action, self.copy_action])
            menu.addSeparator()
            if self._star_action is not None:
                menu.addAction(self._star_action)
            menu.addAction(self.cancel_action)
            menu.addMenu(self.move_menu)
            menu.addSeparator()
            menu.addAction(window.delete_action)
        else:
            menu.addAction(self.new_here_action)
            menu.addAction(self.paste_here_action)
        menu.popup(at)
        return menu

    # -- state

    def _follow(self) -> None:
        # The document before is let go of entirely (it is closed and deleted).
        if self._document is not None:
            self._document.changed.disconnect(self._changed)
        self._document = self._window.document
        self._document.changed.connect(self._changed)
        self.refresh()

    def _follow_agenda(self) -> None:
        agenda = self._window.agenda
        if agenda is not None and agenda is not self._agenda:
            self._agenda = agenda
            agenda.selection_changed.connect(  # type: ignore[attr-defined]
                lambda _uids: self.refresh())
            # A right click on a row: the menu a grid block has, for that row's occurrence.
            agenda.context_menu_requested.connect(  # type: ignore[attr-defined]
                self.show_context_menu)
        self.refresh()

    def _changed(self, _changes: object) -> None:
        self.refresh()

    def _selected(self) -> list[Event]:
        events = self._window.document.programme.events
        return [events[uid] for uid in self._window.selected_uids() if uid in events]

    def refresh(self) -> None:
        """Enable what applies to the selection, and name Cancel or Restore."""
        chosen = self._selected()
        some = bool(chosen)
        for item in (self.cut_action, self.copy_action, self.duplicate_action,
                     self.cancel_action, *self.move_actions):
            item.setEnabled(some)
        readonly = self._window.document.readonly
        can_paste = _clipboard_events() is not None and not readonly
        self.paste_action.setEnabled(can_paste)
        self.paste_here_action.setEnabled(can_paste)
        restore = some and all(e.status == "cancelled" for e in chosen)
        focus = self._focused_occurrence()
        if focus is not None:
            restore = occurrence_of(*focus).status == "cancelled"
        self.cancel_action.setText(self.tr("Rest&ore Event") if restore
                                   else self.tr("C&ancel Event"))

    # -- the edits

    def _push(self, events: Sequence[Event], text: str, select: bool = False) -> bool:
        window = self._window
        if not events:
            return False
        done = window.push(change_command(window.document, events, text))
        if done and select:
            window.select_events([e.uid for e in events])
        return done

    def _name(self, events: Sequence[Event], one: str, several: str) -> str:
        """``one`` with the event's title, or ``several`` (a %n text) with the count."""
        if len(events) == 1:
            return one.format(title=events[0].title.get(self._window.lang))
        return numerus(several, len(events))

    def copy(self) -> bool:
        """Put the selected events on the clipboard; of a repeating event whose selection
        is on one occurrence, that occurrence as a single event (as Google Calendar and
        Thunderbird copy one)."""
        programme = self._window.document.programme
        return self._to_clipboard([
            e if rid is None else occurrence_copy(programme, e, rid)
            for e, rid in self._with_occurrences()])

    def _to_clipboard(self, chosen: Sequence[Event]) -> bool:
        """Put ``chosen`` on the clipboard: as our own data, as iCalendar and as text."""
        if not chosen:
            return False
        programme = self._window.document.programme
        data = QMimeData()
        data.setData(EVENTS_MIME, json.dumps(to_clipboard(programme, chosen)).encode())
        try:
            from planner.ics import ExportOptions, export_ics

            # Exactly what is copied (a copied occurrence is no event of the programme).
            copy = programme.copy()
            copy.events = {e.uid: e for e in chosen}
            data.setData("text/calendar", export_ics(copy, ExportOptions(
                lang=self._window.lang)))
        except ProgrammeError:
            pass  # the plain text and our own data still go
        data.setText("\n".join(_plain(e, self._window.lang) for e in chosen))
        QGuiApplication.clipboard().setMimeData(data)
        self._window.statusBar().showMessage(numerus(
            self.tr("%n event(s) copied", "", len(chosen)), len(chosen)), 3000)
        return True

    def cut(self) -> None:
        """Copy the selected events and delete them; of a repeating event whose selection
        is on one occurrence, ask (as Delete asks) whether to cut that occurrence (copied as
        a single event), this and the following ones (as a series) or the whole series."""
        if not self.delete_in_part(cut=True) and self.copy():
            self._window.delete_events(self._window.selected_uids())

    def paste(self, slot: Slot | None = None) -> bool:
        """Paste the clipboard's events at ``slot``, else where the grid says (the mouse
        pointer over it, or the slot clicked last), else at their own times."""
        window = self._window
        events = _clipboard_events()
        if events is None:
            window.show_error(self.tr("The clipboard holds no events."))
            return False
        # A list has no slot to paste into: the agenda pastes at the times copied, selects
        # the new rows and says so (a grid pastes where the pointer or the chosen slot is).
        in_list = slot is None and window.view == "agenda"
        if slot is None and not in_list:
            slot = window.grid.paste_slot()
        programme = window.document.programme
        start = slot.start if slot is not None else min(e.start for e in events)
        try:
            new = pasted(programme, events, start, slot.venue if slot is not None else None)
        except ProgrammeError as exc:
            window.show_error(exc.render(window.lang))
            return False
        text = self._name(new, self.tr("Paste “{title}”"),
                          self.tr("Paste %n event(s)", "", len(new)))
        done = self._push(new, text, select=True)
        if done and in_list:
            from ui.i18n import day_month

            # The weekday, not the year: a programme's days are what its planners name.
            first = min(new, key=lambda e: e.start).start.astimezone(programme.zone)
            when = f"{day_month(first.date(), weekday='ddd', short_month=True)} {first:%H:%M}"
            # Short enough for a 1024 px window in each language; the why in the tooltip.
            window.status_bar.show_message(numerus(self.tr(
                "%n event(s) pasted at the time copied, {when}, and selected", "",
                len(new)), len(new)).format(when=when), 15000,
                self.tr("The agenda has no slot to paste into: a paste there keeps the "
                        "time copied (in the grid, it goes where the pointer is)."))
        return done

    def duplicate(self) -> None:
        """A copy of each selected event, at the same time and place."""
        programme = self._window.document.programme
        new: list[Event] = []
        for event in self._selected():
            new.append(copied(programme, event, taken=[e.uid for e in new]))
        self._push(new, self._name(new, self.tr("Duplicate “{title}”"),
                                   self.tr("Duplicate %n event(s)", "", len(new))), select=True)

    def copy_to(self, uid: str, start: datetime, venue: str | None,
                recurrence_id: datetime | None = None) -> None:
        """A copy of event ``uid`` starting at ``start`` (a Ctrl+drag's drop); of its
        occurrence at ``recurrence_id``, a single event like that occurrence."""
        programme = self._window.document.programme
        event = programme.events.get(uid)
        if event is not None:
            if event.recurrence is not None and recurrence_id is not None:
                new = [occurrence_copy(programme, event, recurrence_id, start, venue)]
            else:
                new = [copied(programme, event, start, venue)]
            self._push(new, self._name(new, self.tr("Duplicate “{title}”"), ""), select=True)

    def toggle_cancelled(self) -> None:
        """Cancel the selected events, or restore them when all of them are cancelled (of
        a repeating event, the occurrence in focus or the whole series, as asked)."""
        focus = self._focused_occurrence()
        if focus is not None:
            event, rid = focus
            occurrence = occurrence_of(event, rid)
            if occurrence.status == "cancelled" and event.status != "cancelled":
                # Called off on its own: putting it back concerns this occurrence alone.
                self._change_occurrence(event, rid, with_status(occurrence, "confirmed"))
                return
        chosen = self._selected()
        restore = bool(chosen) and all(e.status == "cancelled" for e in chosen)
        status: Status = "confirmed" if restore else "cancelled"
        if restore:
            self._change_chosen(chosen, lambda e: with_status(e, status),
                                self.tr("Restore “{title}”"),
                                self.tr("Restore %n event(s)", "", len(chosen)))
        else:
            self._change_chosen(chosen, lambda e: with_status(e, status),
                                self.tr("Cancel “{title}”"),
                                self.tr("Cancel %n event(s)", "", len(chosen)))

    def nudge(self, steps: int, days: int = 0) -> None:
        """Move the selected events ``steps`` snap steps or ``days`` days (all-day events
        only by days)."""
        grid = self._window.grid
        delta = timedelta(minutes=steps * grid.snap, days=days)
        chosen = [e for e in self._selected() if days or not e.all_day]
        new = self._change_chosen(chosen, lambda e: shifted(e, delta),
                                  self.tr("Move “{title}”"),
                                  self.tr("Move %n event(s)", "", len(chosen)))
        if new and self._window.view != "agenda":
            grid.scroll_to_uid(new[-1].uid)

    def lengthen(self, steps: int) -> None:
        """End the selected timed events ``steps`` snap steps later (earlier when
        negative); none gets shorter than a step."""
        step = timedelta(minutes=self._window.grid.snap)
        chosen = [e for e in self._selected() if not e.all_day]
        self._change_chosen(chosen, lambda e: lengthened(e, steps * step, step),
                            self.tr("Change the length of “{title}”"),
                            self.tr("Change the length of %n event(s)", "", len(chosen)))

    # -- one occurrence of a series

    def _with_occurrences(self) -> list[tuple[Event, datetime | None]]:
        """The selected events, each with the RECURRENCE-ID of the occurrence the
        selection is on (clicked or reached with the keys in the grid, a row of the agenda,
        chosen in a panel) when it repeats, else None (the event as a whole)."""
        window = self._window
        return [(e, window.focused_occurrence(e.uid) if e.recurrence is not None else None)
                for e in self._selected()]

    def _focused_occurrence(self) -> tuple[Event, datetime] | None:
        """The one selected event, when it repeats and the selection is on one of its
        occurrences: the series and the occurrence's RECURRENCE-ID."""
        chosen = self._with_occurrences()
        if len(chosen) != 1 or chosen[0][1] is None:
            return None
        event, rid = chosen[0]
        return event, rid

    def _scoped(self, events: Sequence[Event], deleting: bool = False
                ) -> list[tuple[Event, datetime | None, Scope]] | None:
        """Each of ``events`` with what an edit is for: of a repeating event whose
        selection is on one occurrence, as the user answers the question about it (one
        question per such event); any other event as a whole ("all"). None when a question
        is cancelled."""
        found: list[tuple[Event, datetime | None, Scope]] = []
        for event in events:
            rid = (self._window.focused_occurrence(event.uid) if event.recurrence is not None
                   else None)
            scope: Scope | None = "all"
            if rid is not None:
                scope = self.ask_scope(event, rid, deleting)
            if scope is None:
                return None
            found.append((event, rid, scope))
        return found

    def _split(self, event: Event, rid: datetime) -> tuple[Event | None, Event] | None:
        """:func:`planner.edits.split_series`, its refusal shown (None)."""
        window = self._window
        try:
            return split_series(window.document.programme, event, rid)
        except ProgrammeError as exc:
            window.show_error(error_text(exc, window.lang))
            return None

    def _change_chosen(self, events: Sequence[Event], change: Callable[[Event], Event],
                       one: str, several: str) -> list[Event]:
        """Give ``events`` ``change`` in one undo step: of a repeating event whose selection
        is on one occurrence, that occurrence (an override), this and the following ones (a
        series split off) or the whole series, as asked. ``one`` and ``several`` name the
        step (see :meth:`_name`); a change to a part of one series is named for that. The
        events stored (none when nothing changed or a question was cancelled)."""
        scoped = self._scoped(events)
        if not scoped:
            return []
        new: list[Event] = []
        for event, rid, scope in scoped:
            if rid is None or scope == "all":
                changed = change(event)
                new += [changed] if changed != event else []
            elif scope == "one":
                occurrence = occurrence_of(event, rid)
                changed = change(occurrence)
                new += [overridden(event, rid, changed)] if changed != occurrence else []
            else:
                split = self._split(event, rid)
                if split is None:
                    return []
                head, tail = split
                changed = change(tail)
                if changed != tail:
                    new += [e for e in (head, changed) if e is not None]
        if not new:
            return []
        window = self._window
        [(event, rid, scope), *others] = scoped
        title = event.title.get(window.lang)
        if others or rid is None or scope == "all":
            text = self._name(new, one, several)
        elif scope == "one":
            text = self.tr("Change one occurrence of “{title}”").format(title=title)
        else:
            text = self.tr("Change “{title}” from {when} on").format(
                title=title, when=self.when(event, rid))
        return new if window.push(change_command(window.document, new, text)) else []

    def _change_occurrence(self, event: Event, rid: datetime, new: Event) -> bool:
        window = self._window
        if new == occurrence_of(event, rid):
            return False
        text = self.tr("Change one occurrence of “{title}”").format(
            title=event.title.get(window.lang))
        return window.push(occurrence_command(window.document, event.uid, rid, new, text))

    def _change_following(self, event: Event, rid: datetime,
                          change: Callable[[Event], Event]) -> bool:
        """Split series ``event`` before its occurrence at ``rid`` and give the new series
        from there on ``change``, in one undo step."""
        window = self._window
        split = self._split(event, rid)
        if split is None:
            return False
        head, tail = split
        new = change(tail)
        if new == tail:
            return False
        text = self.tr("Change “{title}” from {when} on").format(
            title=event.title.get(window.lang), when=self.when(event, rid))
        return window.push(change_command(window.document,
                                          [e for e in (head, new) if e is not None], text))

    def scope_to_edit(self, uid: str) -> tuple[Scope | None, datetime | None]:
        """Before the editor opens on event ``uid``: for a repeating event with an
        occurrence in focus, ask whether to edit that occurrence, this and the following
        ones, or the whole series. The answer (None: do not open the editor) and the
        occurrence's RECURRENCE-ID (None: no occurrence in focus, the event as a whole)."""
        event = self._window.document.programme.events.get(uid)
        rid = self._window.focused_occurrence(uid)
        if event is None or event.recurrence is None or rid is None:
            return "all", None
        return self.ask_scope(event, rid), rid

    def delete_in_part(self, cut: bool = False) -> bool:
        """Delete (with ``cut``: copy, then delete) the selected events when one of them
        repeats and the selection is on one of its occurrences: ask about each such series,
        then take out that occurrence (an EXDATE), end the series before it, or delete it
        whole, in one undo step. Cut copies what goes: the occurrence as a single event,
        the following ones as a series, the series. True when settled here (or a question
        cancelled); False when no occurrence is chosen and the caller deletes as ever."""
        if all(rid is None for _, rid in self._with_occurrences()):
            return False
        window = self._window
        programme = window.document.programme
        scoped = self._scoped(self._selected(), deleting=True)
        if scoped is None:
            return True
        changed: list[Event] = []
        deleted: list[str] = []
        gone: list[Event] = []  # what a cut puts on the clipboard
        for event, rid, scope in scoped:
            if rid is not None and scope == "one":
                changed.append(without_one(event, rid))
                gone.append(occurrence_copy(programme, event, rid))
                continue
            split = self._split(event, rid) if rid is not None and scope == "following" \
                else (None, event)
            if split is None:
                return True
            head, tail = split
            if head is not None:
                changed.append(head)  # the series ends before the occurrence
            else:
                deleted.append(event.uid)  # from its first occurrence on: all of it
            gone.append(tail)
        if cut and not self._to_clipboard(gone):
            return True
        [(event, rid, scope), *others] = scoped
        title = event.title.get(window.lang)
        if others or rid is None or deleted:
            text = delete_text([e for e, _, _ in scoped])
        elif scope == "one":
            text = self.tr("Delete one occurrence of “{title}”").format(title=title)
        else:
            text = self.tr("Delete “{title}” from {when} on").format(
                title=title, when=self.when(event, rid))
        window.push(change_command(window.document, changed, text, deleted=deleted))
        return True

    def when(self, event: Event, rid: datetime) -> str:
        """The day and time of the occurrence of ``event`` at ``rid``, as the window says it."""
        from ui.i18n import medium_date

        local = rid.astimezone(self._window.document.programme.zone)
        if event.all_day:
            return medium_date(local.date())
        return f"{medium_date(local.date())} {local:%H:%M}"

    def ask_scope(self, event: Event, rid: datetime, deleting: bool = False) -> Scope | None:
        """Ask whether a change to (or the deletion of) the occurrence of ``event`` at
        ``rid`` is for that occurrence alone, for it and the following ones, or for the
        whole series, as KOrganizer and Google Calendar ask: "one", "following", "all", or
        None when the user cancels."""
        from PySide6.QtWidgets import QMessageBox

        title = event.title.get(self._window.lang)
        when = self.when(event, rid)
        if deleting:
            question = self.tr("“{title}” repeats. Delete only the occurrence of {when}, "
                               "this and the following ones, or the whole series?")
        else:
            question = self.tr("“{title}” repeats. Change only the occurrence of {when}, "
                               "this and the following ones, or the whole series?")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Repeating Event"),
                          question.format(title=title, when=when),
                          QMessageBox.StandardButton.NoButton, self._window.window())
        box.setObjectName("occurrence_or_series")
        box.setTextFormat(Qt.TextFormat.PlainText)  # titles are text, never markup
        one = box.addButton(self.tr("Only &This Occurrence"),
                            QMessageBox.ButtonRole.AcceptRole)
        following = box.addButton(self.tr("This and &Following"),
                                  QMessageBox.ButtonRole.AcceptRole)
        whole = box.addButton(self.tr("The &Whole Series"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(one)
        box.exec()
        clicked = box.clickedButton()
        answers: dict[object, Scope] = {one: "one", following: "following", whole: "all"}
        return answers.get(clicked)

    def change_occurrence(self, uid: str, rid: datetime, start: datetime, end: datetime,
                          venue: str | None) -> None:
        """A block of series ``uid`` dropped or resized: the occurrence at ``rid`` to run
        from ``start`` to ``end`` (at ``venue``), or the following ones or the whole series
        alike, as asked."""
        window = self._window
        event = window.document.programme.events.get(uid)
        if event is None:
            return
        occurrence = occurrence_of(event, rid)
        scope = self.ask_scope(event, rid)
        if scope is None:
            return
        if scope == "one":
            self._change_occurrence(event, rid, dataclasses.replace(
                occurrence, start=start.astimezone(occurrence.zone),
                end=end.astimezone(occurrence.zone), venue=venue or occurrence.venue))
            return
        moved_by = start.astimezone(UTC) - occurrence.start.astimezone(UTC)
        longer = end.astimezone(UTC) - occurrence.end.astimezone(UTC) - moved_by

        def change(series: Event) -> Event:
            # The series moves (or ends) as its occurrence would have.
            new = series
            if moved_by or (venue and venue != occurrence.venue):
                new = moved(series, (series.start.astimezone(UTC) + moved_by).astimezone(
                    series.zone), venue if venue != series.venue else None)
            if longer:
                new = resized(new, (new.end.astimezone(UTC) + longer).astimezone(new.zone))
            return new

        if scope == "following":
            self._change_following(event, rid, change)
        elif moved_by or (venue and venue != occurrence.venue):
            window.push(move_command(window.document, uid, change(event).start,
                                     venue if venue != event.venue else None))
        elif longer:
            window.push(resize_command(window.document, uid, change(event).end))

    def _new_here(self) -> None:
        slot = self._menu_slot
        if slot is not None:
            self._window.new_event(slot.start, slot.venue)


def _clipboard_events() -> list[Event] | None:
    """The events on the clipboard, or None when it holds none of ours."""
    data = QGuiApplication.clipboard().mimeData()
    if data is None or not data.hasFormat(EVENTS_MIME):
        return None
    try:
        events = from_clipboard(json.loads(bytes(data.data(EVENTS_MIME).data())))
    except (ProgrammeError, ValueError):
        return None
    return events or None


def _plain(event: Event, lang: Lang) -> str:
    return f"{event.title.get(lang)} ({event.start:%Y-%m-%d %H:%M}–{event.end:%H:%M})"
