"""The open programme: its data, its file (if any), its undo stack and its change signal.

Every edit takes one route (KDE's IncidenceChanger): an undo command calls :meth:`apply` or
:meth:`apply_changes`, which change the programme through planner functions, write the
change to the file in one transaction, and emit :attr:`Document.changed` with the
:class:`~planner.store.Changes`, from which the views refresh.

A programme opened from a file is saved as it changes; a new programme or the built-in one
has no file and stays in memory until Save As writes one (the built-in data in resources/ is
never written). A file opened read-only (File > Open Read-Only, or a file the user may not
write) is treated the same way: edits stay in memory until Save As. The undo stack's clean
state tells whether there is unsaved work.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from planner.i18n import msg
from planner.model import (
    Event,
    Person,
    Programme,
    ProgrammeError,
    Session,
    Track,
    ValidationError,
    Venue,
    put_event,
    put_session,
    remove_event,
    validate_person,
    validate_track,
    validate_venue,
)
from planner.store import Changes, ProgrammeStore

if TYPE_CHECKING:
    from planner.sync.local import Step

T = TypeVar("T")


class Document(QObject):
    """One programme being edited. ``changed`` carries a :class:`Changes` after each edit;
    ``reset`` is emitted when the whole programme is replaced (it is not on New/Open: the
    window makes a new document then)."""

    changed = Signal(object)
    reset = Signal()
    saved = Signal()
    failed = Signal(object)  # the error (a ProgrammeError), for the window to show

    def __init__(
        self,
        programme: Programme,
        store: ProgrammeStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.programme = programme
        self.store = store
        self.undo_stack = QUndoStack(self)
        self._unsaved = False  # work with no undo step behind it (a recovered programme)
        # Edits of a file-backed programme are in the file as soon as they are made, so
        # such a document is never "modified": every step of the stack is a saved state.
        self.undo_stack.indexChanged.connect(self._mark_saved_if_file)

    # -- state ----------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        return self.store.path if self.store is not None else None

    @property
    def is_modified(self) -> bool:
        return self._unsaved or not self.undo_stack.isClean()

    def mark_unsaved(self) -> None:
        """Count the programme as unsaved although no edit was made here (it came from a
        recovery file, say)."""
        self._unsaved = True
        self.saved.emit()

    @property
    def readonly(self) -> bool:
        return self.store is not None and self.store.readonly

    @property
    def writes_file(self) -> bool:
        """Edits reach the file as they are made (a file opened for editing); otherwise
        they stay in memory until Save As."""
        return self.store is not None and not self.store.readonly

    def _mark_saved_if_file(self) -> None:
        if self.writes_file and not self.undo_stack.isClean():
            self.undo_stack.setClean()

    # -- edits ----------------------------------------------------------------------------

    def apply(
        self,
        events: Mapping[str, Event | None],
        *,
        tracks: Mapping[str, Track | None] | None = None,
        venues: Mapping[str, Venue | None] | None = None,
        people: Mapping[str, Person | None] | None = None,
        sessions: Mapping[str, Session | None] | None = None,
    ) -> Changes:
        """Set each event UID in ``events`` to the given event exactly as it is (``None``
        removes it), and likewise tracks, venues, people and unscheduled ``sessions``
        (placing a session is its removal here and its event in ``events``); validate,
        save, signal.

        All of it happens or none of it: on a :class:`ProgrammeError` (bad data, a file
        that cannot be written) the programme is as it was and the error is raised.
        """
        programme = self.programme
        tracks, venues, people = tracks or {}, venues or {}, people or {}
        sessions = sessions or {}
        old_events = {uid: programme.events.get(uid) for uid in events}
        old_sessions = {uid: programme.unscheduled.get(uid) for uid in sessions}
        old_tracks = {k: programme.tracks.get(k) for k in tracks}
        old_venues = {k: programme.venues.get(k) for k in venues}
        old_people = {k: programme.people.get(k) for k in people}

        def restore() -> None:
            _set_all(programme.tracks, old_tracks)
            _set_all(programme.venues, old_venues)
            _set_all(programme.people, old_people)
            _set_all(programme.events, old_events)
            _set_all(programme.unscheduled, old_sessions)

        changes = Changes(
            events=[u for u, e in events.items() if e is not None],
            removed_events=[u for u, e in events.items() if e is None],
            tracks=tracks, venues=venues, people=people,
            sessions=[u for u, s in sessions.items() if s is not None],
            removed_sessions=[u for u, s in sessions.items() if s is None],
        )  # fmt: skip
        try:
            _put_entities(programme.tracks, tracks, validate_track)
            _put_entities(programme.venues, venues, validate_venue)
            _put_entities(programme.people, people, validate_person)
            # Removals first: a session placed (or an event unscheduled) leaves one list
            # before it joins the other.
            for uid, event in events.items():
                if event is None and uid in programme.events:
                    remove_event(programme, uid)
            for uid, session in sessions.items():
                if session is None:
                    programme.unscheduled.pop(uid, None)
            for uid, event in events.items():
                if event is not None:
                    if uid in programme.unscheduled:
                        raise ValidationError(msg("event '{uid}' is both placed and "
                                                  "unscheduled", uid=uid))
                    put_event(programme, event, stamp=False)
            for session in sessions.values():
                if session is not None:
                    put_session(programme, session, stamp=False)
            _check_references(programme, tracks, venues, people)
            if self.store is not None and self.writes_file:
                self.store.write(programme, changes)
        except ProgrammeError:
            restore()
            raise
        self.changed.emit(changes)
        return changes

    def replace_entities(
        self,
        tracks: dict[str, Track],
        venues: dict[str, Venue],
        people: dict[str, Person],
    ) -> Changes:
        """Put whole new collections of tracks, venues and people in place (their order is
        the order lists and the file keep); refused if an event would lose its track,
        venue or speaker. Saved and signalled like :meth:`apply`."""
        programme = self.programme
        old = (programme.tracks, programme.venues, programme.people)
        for track in tracks.values():
            validate_track(track)
        for venue in venues.values():
            validate_venue(venue)
        for person in people.values():
            validate_person(person)
        gone = (
            {k: None for k in programme.tracks.keys() - tracks.keys()},
            {k: None for k in programme.venues.keys() - venues.keys()},
            {k: None for k in programme.people.keys() - people.keys()},
        )
        programme.tracks, programme.venues, programme.people = (
            dict(tracks), dict(venues), dict(people)
        )
        try:
            _check_references(programme, *gone)
            changes = Changes(
                tracks=old[0].keys() | tracks.keys(),
                venues=old[1].keys() | venues.keys(),
                people=old[2].keys() | people.keys(),
            )
            if self.store is not None and self.writes_file:
                self.store.write(programme, changes)
        except ProgrammeError:
            programme.tracks, programme.venues, programme.people = old
            raise
        self.changed.emit(changes)
        return changes

    def apply_changes(
        self,
        action: Callable[[Programme], Changes],
        rollback: Callable[[Programme], object] | None = None,
    ) -> Changes:
        """Run ``action`` (a planner function that changes the programme and says what it
        changed, such as :func:`planner.importing.apply_plan`), then save and signal. If
        the file cannot be written, ``rollback`` takes the change back and the error is
        raised."""
        changes = action(self.programme)
        if self.store is not None and self.writes_file and changes:
            try:
                self.store.write(self.programme, changes)
            except ProgrammeError:
                if rollback is not None:
                    rollback(self.programme)
                raise
        self.changed.emit(changes)
        return changes

    def apply_sync(self, step: Step) -> Changes:
        """Make a step of a CalDAV sync (:class:`planner.sync.local.Step`): its programme
        change and the sync's record of it in one transaction, then signal. It is no undo
        step of its own (it is the other side's change, or the record of this side's); an
        undo step whose events it changed refuses to undo over it (see ui.commands).

        All of it happens or none of it; :class:`~planner.sync.local.StaleStep` when the
        events it expects have been edited meanwhile."""
        from planner.sync.local import Frame, apply_step

        programme = self.programme
        if self.store is None:
            raise ProgrammeError(QCoreApplication.translate(
                "Document", "this programme has no file yet: use Save As"))
        if not step.touches_programme():
            self.store.write(programme, Changes(), also=step.status.write)
            return Changes()
        before = programme.copy()
        try:
            apply_step(programme, step)
            changes = step.changes(programme)
            self.store.write(programme, changes, also=step.status.write)
        except BaseException:
            # In place: the views hold this programme object and its collections.
            for name in ("tracks", "venues", "people", "events"):
                mine: dict[str, object] = getattr(programme, name)
                mine.clear()
                mine.update(getattr(before, name))
            Frame(before).apply_to(programme)
            raise
        self.changed.emit(changes)
        return changes

    def report(self, error: ProgrammeError) -> None:
        """Tell the window about an error raised while undoing or redoing."""
        self.failed.emit(error)

    # -- files ----------------------------------------------------------------------------

    def save_as(self, path: str | Path, *, replace: bool = False) -> None:
        """Write the programme to a new file and keep editing that file from now on; with
        ``replace`` (the user chose to replace it) an existing file is replaced, unless it
        is open for editing elsewhere. Its own file is simply saved.

        A programme with a file is copied whole (its releases go with it); one without a
        file (new, built-in, recovered) is written afresh."""
        if self.store is not None and _same_file(self.store.path, Path(path)):
            self.save()
            return
        if self.store is None:
            store = ProgrammeStore.create(path, self.programme, replace=replace)
        else:
            store = self.store.copy_to(path, replace=replace)
            if self._unsaved:
                # Work the file does not hold yet (a recovered programme): the copy gets it.
                try:
                    store.replace_all(self.programme)
                except ProgrammeError:
                    store.close()
                    Path(path).unlink(missing_ok=True)
                    raise
        old, self.store = self.store, store
        if old is not None:
            old.close()
        self._unsaved = False
        self.undo_stack.setClean()
        self.saved.emit()

    def save(self) -> None:
        """For a file-backed programme, everything is saved already: mark it so."""
        if not self.writes_file:
            raise ProgrammeError(QCoreApplication.translate(
                "Document", "this programme has no file yet: use Save As"))
        self._unsaved = False
        self.undo_stack.setClean()
        self.saved.emit()

    def close(self) -> None:
        """Let go of the file (and its lock)."""
        self.undo_stack.clear()
        if self.store is not None:
            self.store.close()
            self.store = None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _set_all(target: dict[str, T], values: Mapping[str, T | None]) -> None:
    for key, value in values.items():
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value


def _put_entities(
    target: dict[str, T],
    values: Mapping[str, T | None],
    validate: Callable[[T], None],
) -> None:
    for key, value in values.items():
        if value is None:
            target.pop(key, None)
        else:
            validate(value)
            target[key] = value


def _check_references(
    programme: Programme,
    tracks: Mapping[str, Track | None],
    venues: Mapping[str, Venue | None],
    people: Mapping[str, Person | None],
) -> None:
    """Refuse the removal of a track, venue or person that an event still uses."""
    gone_tracks = {k for k, v in tracks.items() if v is None}
    gone_venues = {k for k, v in venues.items() if v is None}
    gone_people = {k for k, v in people.items() if v is None}
    if not (gone_tracks or gone_venues or gone_people):
        return
    # Unscheduled sessions hold on to their track, venue and speakers like placed events.
    for event in (*programme.events.values(), *programme.unscheduled.values()):
        if event.track in gone_tracks:
            raise ProgrammeError(
                QCoreApplication.translate(
                    "Document", "track '{id}' is still used by event '{uid}'").format(
                    id=event.track, uid=event.uid)
            )
        if event.venue in gone_venues:
            raise ProgrammeError(
                QCoreApplication.translate(
                    "Document", "venue '{id}' is still used by event '{uid}'").format(
                    id=event.venue, uid=event.uid)
            )
        for person in event.speakers:
            if person in gone_people:
                raise ProgrammeError(
                    QCoreApplication.translate(
                        "Document", "person '{id}' is still a speaker of event '{uid}'").format(
                        id=person, uid=event.uid)
                )
