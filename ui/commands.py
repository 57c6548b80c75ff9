"""Undo commands: one per kind of edit, each going through :class:`ui.document.Document`.

A command holds the exact states before and after (computed once, when it is made: the
stamped SEQUENCE and LAST-MODIFIED included), so undo and redo replay stored states and
never stamp again. When the first redo fails (the planner refuses the change, the file
cannot be written), the command marks itself obsolete so that QUndoStack drops it, and
keeps the error for the window to show.

A step replays only over the state it left: when a CalDAV sync has changed its events since
(another organiser's edit came in), undoing it would silently throw that change away, so it
is refused with a message and dropped from the stack (:class:`ChangedSince`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from planner.edits import overridden, resized
from planner.model import Event, Person, ProgrammeError, Session, Track, Venue, moved, touch
from planner.store import Changes
from ui.document import Document

if TYPE_CHECKING:
    from planner.sync.local import Step


class ChangedSince(ProgrammeError):
    """An undo or redo refused because what it would replace is no longer what it left."""


class _Command(QUndoCommand):
    def __init__(self, document: Document, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.error: ProgrammeError | None = None
        self._done_once = False

    def _run(self, forward: bool) -> None:
        try:
            self._do(forward)
        except ProgrammeError as exc:
            self.error = exc
            if not self._done_once:
                # The push itself failed: nothing changed, and the stack forgets this.
                self.setObsolete(True)
            else:
                if isinstance(exc, ChangedSince):
                    self.setObsolete(True)  # it can never replay: the stack drops it
                self.document.report(exc)
            return
        self._done_once = True

    def redo(self) -> None:
        self._run(True)

    def undo(self) -> None:
        self._run(False)

    def _do(self, forward: bool) -> None:
        raise NotImplementedError

    def _check_unchanged(self, expected: Mapping[str, object], current: Mapping[str, object],
                         *, whole: bool = False) -> None:
        """Refuse to replay when ``current`` is not what this step left (``whole``: the
        collection as a whole, else the entries the step touches)."""
        if (whole and current.keys() != expected.keys()) or any(
                current.get(key) != value for key, value in expected.items()):
            raise self._changed_since()

    def _changed_since(self) -> ChangedSince:
        return ChangedSince(QCoreApplication.translate(
            "commands", "“{step}” cannot be undone or redone any more: a sync brought "
            "changes to the same events since").format(step=self.text()))


class EventsCommand(_Command):
    """Put, move, resize, create or delete events: ``after`` on redo, ``before`` on undo
    (``None`` for "no such event")."""

    def __init__(
        self,
        document: Document,
        before: Mapping[str, Event | None],
        after: Mapping[str, Event | None],
        text: str,
        people: Mapping[str, Person] | None = None,
        sessions_before: Mapping[str, Session | None] | None = None,
        sessions_after: Mapping[str, Session | None] | None = None,
    ) -> None:
        super().__init__(document, text)
        self.before = dict(before)
        self.after = dict(after)
        # People the editor created for this event come and go with it.
        self.people: dict[str, Person] = dict(people or {})
        # Unscheduled sessions the edit places or makes (a plan, a drop, Unschedule).
        self.sessions_before = dict(sessions_before or {})
        self.sessions_after = dict(sessions_after or {})

    def _do(self, forward: bool) -> None:
        events = self.after if forward else self.before
        if self._done_once:
            self._check_unchanged(self.before if forward else self.after,
                                  self.document.programme.events)
        people: dict[str, Person | None] = (
            dict(self.people) if forward else dict.fromkeys(self.people)
        )
        sessions = self.sessions_after if forward else self.sessions_before
        # One call, so one transaction: new speakers and their event arrive (or leave)
        # together, and a whole plan is one change.
        self.document.apply(events, people=people, sessions=sessions)


def put_command(
    document: Document,
    event: Event,
    text: str,
    new_people: Iterable[Person] = (),
    now: datetime | None = None,
) -> EventsCommand:
    """A command that stores ``event`` (new or changed), stamped once now."""
    old = document.programme.events.get(event.uid)
    stamped = touch(old, event, now)
    people = {p.id: p for p in new_people if p.id not in document.programme.people}
    return EventsCommand(document, {event.uid: old}, {event.uid: stamped}, text, people)


def move_command(
    document: Document, uid: str, new_start: datetime, venue: str | None = None
) -> EventsCommand:
    """Move the event ``uid`` (a whole series, for a repeating one) to ``new_start``,
    keeping its length, and to ``venue`` if given."""
    old = document.programme.events[uid]
    if old.recurrence is not None:
        text = QCoreApplication.translate(
            "commands", "Move the whole series “{title}”").format(title=_title(old))
    else:
        text = QCoreApplication.translate("commands", "Move “{title}”").format(title=_title(old))
    return change_command(document, [moved(old, new_start, venue)], text)


def resize_command(document: Document, uid: str, new_end: datetime) -> EventsCommand:
    """Give the event ``uid`` the end ``new_end`` (for a series: of its first occurrence)."""
    old = document.programme.events[uid]
    text = QCoreApplication.translate(
        "commands", "Change the end of “{title}”").format(title=_title(old))
    return change_command(document, [resized(old, new_end)], text)


def change_command(document: Document, events: Iterable[Event], text: str,
                   now: datetime | None = None, deleted: Iterable[str] = ()) -> EventsCommand:
    """Store ``events`` (changed or new, by UID) in one step, each stamped once now, and
    delete the events ``deleted`` in the same step."""
    programme = document.programme
    before = {e.uid: programme.events.get(e.uid) for e in events}
    after: dict[str, Event | None] = {e.uid: touch(before[e.uid], e, now) for e in events}
    for uid in deleted:
        before[uid], after[uid] = programme.events.get(uid), None
    return EventsCommand(document, before, after, text)


def occurrence_command(document: Document, uid: str, recurrence_id: datetime,
                       occurrence: Event, text: str) -> EventsCommand:
    """Change one occurrence of series ``uid`` (the one the series starts at
    ``recurrence_id``) to ``occurrence``, kept as an override of the series."""
    series = document.programme.events[uid]
    return change_command(document, [overridden(series, recurrence_id, occurrence)], text)


def split_command(document: Document, head: Event, tail: Event, text: str,
                  new_people: Iterable[Person] = ()) -> EventsCommand:
    """Series ``head`` (cut short by :func:`planner.edits.split_series`) and the new series
    ``tail`` with the occurrences from the cut on, stored in one step with the people the
    editor made for it."""
    command = change_command(document, [head, tail], text)
    command.people = {p.id: p for p in new_people if p.id not in document.programme.people}
    return command


def delete_command(document: Document, uids: Iterable[str]) -> EventsCommand:
    events = document.programme.events
    before = {uid: events[uid] for uid in uids if uid in events}
    after: dict[str, Event | None] = dict.fromkeys(before)
    return EventsCommand(document, before, after, delete_text(list(before.values())))


def delete_text(events: Sequence[Event]) -> str:
    """The name of the step that deletes ``events``."""
    if len(events) == 1:
        return QCoreApplication.translate(
            "commands", "Delete “{title}”").format(title=_title(events[0]))
    # Not %n: pyside6-lupdate only sees a plural in translate() with a literal number.
    return QCoreApplication.translate(
        "commands", "Delete {count} events").format(count=len(events))


class EntitiesCommand(_Command):
    """Replace the tracks, venues and people with new collections (from their dialog)."""

    def __init__(
        self,
        document: Document,
        tracks: dict[str, Track],
        venues: dict[str, Venue],
        people: dict[str, Person],
        text: str | None = None,
    ) -> None:
        super().__init__(document, text or QCoreApplication.translate(
            "commands", "Edit tracks, venues and people"))
        programme = document.programme
        self.before = (dict(programme.tracks), dict(programme.venues), dict(programme.people))
        self.after = (dict(tracks), dict(venues), dict(people))

    def _do(self, forward: bool) -> None:
        tracks, venues, people = self.after if forward else self.before
        if self._done_once:
            programme = self.document.programme
            left = self.before if forward else self.after
            for expected, current in zip(left, (programme.tracks, programme.venues,
                                                programme.people), strict=True):
                self._check_unchanged(expected, current, whole=True)
        self.document.replace_entities(tracks, venues, people)


class ImportCommand(_Command):
    """Carry out an import plan (:mod:`planner.importing`) and take it back on undo."""

    def __init__(self, document: Document, plan: object, text: str) -> None:
        super().__init__(document, text)
        self.plan = plan
        self.changes = Changes()

    def _do(self, forward: bool) -> None:
        from planner.importing import ImportPlan, apply_plan, revert_plan

        plan = self.plan
        assert isinstance(plan, ImportPlan)
        if forward:
            self.changes = self.document.apply_changes(
                lambda p: apply_plan(p, plan), lambda p: revert_plan(p, plan)
            )
        else:
            self.document.apply_changes(
                lambda p: revert_plan(p, plan), lambda p: apply_plan(p, plan)
            )


class SettleCommand(_Command):
    """Settle sync conflicts as chosen in the conflicts dialog, in one undo step: taking the
    server's version changes the programme, keeping this one's changes what the sync
    remembers (so that the next sync sends it); undo puts both back as they were."""

    def __init__(self, document: Document, forward: Step, backward: Step, text: str) -> None:
        super().__init__(document, text)
        self.forward = forward
        self.backward = backward

    def _do(self, forward: bool) -> None:
        from planner.sync.local import StaleStep

        try:
            self.document.apply_sync(self.forward if forward else self.backward)
        except StaleStep:
            raise self._changed_since() from None


def _title(event: Event) -> str:
    # Named in the window's language: the step's name appears in its Edit menu and tooltip.
    from ui.i18n import current_language

    return event.title.get(current_language() or "en")


def schedule_command(
    document: Document,
    events_after: Mapping[str, Event | None],
    sessions_after: Mapping[str, Session | None],
    text: str,
    new_people: Iterable[Person] = (),
) -> EventsCommand:
    """A command that places, moves or unschedules events: ``events_after`` and
    ``sessions_after`` are the new states (already stamped; ``None``: not in that list);
    ``new_people`` are speakers the editor created, who come and go with them."""
    programme = document.programme
    uids = set(events_after) | set(sessions_after)
    return EventsCommand(
        document, {u: programme.events.get(u) for u in uids},
        {u: events_after.get(u, programme.events.get(u)) for u in uids}, text,
        people={p.id: p for p in new_people if p.id not in programme.people},
        sessions_before={u: programme.unscheduled.get(u) for u in uids},
        sessions_after={u: sessions_after.get(u, programme.unscheduled.get(u)) for u in uids})
