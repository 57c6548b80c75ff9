"""The programme's side of a sync: its programme and sync state, and the one way they
change, a :class:`Step` written in one transaction.

The sync engine never writes the file itself. It hands each step (a remote change to take,
the record of an upload, a conflict) to a :class:`LocalSide`: :class:`StoreSide` writes it
to a programme file directly (the command line); the window has its own, which applies
the step to the open document on the GUI thread. A step names what it expects the events
it changes to be (``expected``): if the programme changed meanwhile (an edit in the window
during a sync), the step is refused with :class:`StaleStep` and the next sync sees both.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from planner.i18n import msg
from planner.model import (
    Event,
    Person,
    Programme,
    Session,
    Track,
    ValidationError,
    Venue,
    put_event,
    put_session,
    validate_frame,
    validate_person,
    validate_track,
    validate_venue,
)
from planner.store import Changes, ProgrammeStore
from planner.sync.state import StatusChanges, SyncState, load_state

T = TypeVar("T")


class StaleStep(Exception):  # noqa: N818 (a refusal, not a programming error)
    """The programme changed since the sync read it; the step was not made."""


@dataclass(frozen=True, slots=True)
class Frame:
    """A programme's own settings: name, zone, days, travel, and the time zones files
    defined (see planner.model)."""

    programme: Programme  # read for its settings only

    def apply_to(self, target: Programme) -> None:
        """Give ``target`` these settings (checked first)."""
        source = self.programme
        validate_frame(source.timezone, source.first_day, source.last_day)
        target.name = source.name
        target.timezone = source.timezone
        target.first_day, target.last_day = source.first_day, source.last_day
        target.travel = dataclasses.replace(source.travel)
        target.zones.clear()
        target.zones.update(source.zones)


@dataclass(slots=True)
class Step:
    """One change a sync makes on the programme's side, with the status that goes with it
    (see the module doc). ``None`` removes an event or entity."""

    events: dict[str, Event | None] = field(default_factory=dict)
    expected: dict[str, Event | None] = field(default_factory=dict)
    # Unscheduled sessions (events without a time yet), by UID.
    sessions: dict[str, Session | None] = field(default_factory=dict)
    tracks: dict[str, Track | None] = field(default_factory=dict)
    venues: dict[str, Venue | None] = field(default_factory=dict)
    people: dict[str, Person | None] = field(default_factory=dict)
    frame: Frame | None = None
    # New orders of the tracks and venues (their display order), by kind.
    orders: dict[str, list[str]] = field(default_factory=dict)
    status: StatusChanges = field(default_factory=StatusChanges)

    def touches_programme(self) -> bool:
        """Whether the step changes the programme (not only the sync state)."""
        return bool(self.events or self.sessions or self.tracks or self.venues or self.people
                    or self.frame or self.orders)

    def changes(self, programme: Programme) -> Changes:
        """What the step changed in ``programme``, for
        :meth:`planner.store.ProgrammeStore.write` (a new order rewrites every row of its
        kind, since each row keeps its position)."""
        tracks = set(self.tracks) | (set(programme.tracks) if "tracks" in self.orders else set())
        venues = set(self.venues) | (set(programme.venues) if "venues" in self.orders else set())
        return Changes(
            events=[u for u, e in self.events.items() if e is not None],
            removed_events=[u for u, e in self.events.items() if e is None],
            tracks=tracks, venues=venues, people=self.people, meta=self.frame is not None,
            sessions=[u for u, x in self.sessions.items() if x is not None],
            removed_sessions=[u for u, x in self.sessions.items() if x is None],
        )  # fmt: skip

    def update(self, other: Step) -> None:
        """Add ``other`` to this step (for one transaction); its expectations of events
        this step does not change yet are kept."""
        for uid, event in other.expected.items():
            self.expected.setdefault(uid, event)
        self.events.update(other.events)
        self.sessions.update(other.sessions)
        self.tracks.update(other.tracks)
        self.venues.update(other.venues)
        self.people.update(other.people)
        if other.frame is not None:
            self.frame = other.frame
        self.orders.update(other.orders)
        self.status.update(other.status)


class LocalSide(Protocol):
    """Where the sync reads the programme and its state, and writes its steps."""

    @property
    def programme(self) -> Programme:
        """The programme as the sync sees it (changed by each committed step)."""
        ...

    @property
    def state(self) -> SyncState:
        """The sync state (changed by each committed step)."""
        ...

    def commit(self, step: Step) -> None:
        """Make ``step`` in one transaction, or raise :class:`StaleStep` (nothing made)
        or a :class:`~planner.model.ProgrammeError` (nothing made)."""
        ...


def apply_step(programme: Programme, step: Step) -> None:
    """Make ``step``'s programme changes on ``programme`` in memory, checked against the
    model. On an error part of it may be made: work on a copy (:meth:`Programme.copy`)."""
    for uid, want in step.expected.items():
        if programme.events.get(uid) != want:
            raise StaleStep(uid)
    _put_all(programme.tracks, step.tracks, validate_track)
    _put_all(programme.venues, step.venues, validate_venue)
    _put_all(programme.people, step.people, validate_person)
    if step.frame is not None:
        step.frame.apply_to(programme)
    for kind, order in step.orders.items():
        items: dict[str, object] = getattr(programme, kind)
        ordered = {key: items[key] for key in order if key in items}
        ordered.update({key: value for key, value in items.items() if key not in ordered})
        setattr(programme, kind, ordered)
    # Removals first: a session placed (or an event unscheduled) leaves one list for the
    # other, and a UID is never in both.
    for uid in [u for u, e in step.events.items() if e is None]:
        programme.events.pop(uid, None)
    for uid in [u for u, x in step.sessions.items() if x is None]:
        programme.unscheduled.pop(uid, None)
    for event in step.events.values():
        if event is not None:
            if event.uid in programme.unscheduled:
                raise ValidationError(msg("event '{uid}' is both placed and unscheduled",
                                          uid=event.uid))
            put_event(programme, event, stamp=False)
    for session in step.sessions.values():
        if session is not None:
            put_session(programme, session, stamp=False)
    gone = ({k for k, v in step.tracks.items() if v is None},
            {k for k, v in step.venues.items() if v is None},
            {k for k, v in step.people.items() if v is None})
    if any(gone):
        users: list[Event | Session] = [*programme.events.values(),
                                        *programme.unscheduled.values()]
        for item in users:
            if (item.track in gone[0] or item.venue in gone[1]
                    or not gone[2].isdisjoint(item.speakers)):
                raise ValidationError(msg("event '{uid}' still uses what the sync would "
                                          "remove", uid=item.uid))


def _put_all(target: dict[str, T], values: Mapping[str, T | None], check: object) -> None:
    for key, value in values.items():
        if value is None:
            target.pop(key, None)
        else:
            check(value)  # type: ignore[operator]
            target[key] = value


class HeldSide:
    """A local side that keeps the programme and state the sync sees, as of its last
    commit (the base of :class:`StoreSide` and the window's side)."""

    _programme: Programme
    _state: SyncState

    @property
    def programme(self) -> Programme:
        """The programme as of the last commit."""
        return self._programme

    @property
    def state(self) -> SyncState:
        """The sync state as of the last commit."""
        return self._state


class StoreSide(HeldSide):
    """The programme file itself as the local side (the command line): each step is
    written in one transaction of the file."""

    def __init__(self, store: ProgrammeStore) -> None:
        self.store = store
        self._programme = store.load()
        self._state = load_state(store.connection)

    def commit(self, step: Step) -> None:
        """Write ``step`` in one transaction of the file (see :class:`LocalSide`)."""
        programme = self._programme
        if not step.touches_programme():
            self.store.write(programme, Changes(), also=step.status.write)
            step.status.apply_to(self._state)
            return
        changed = programme.copy()
        apply_step(changed, step)
        self.store.write(changed, step.changes(changed), also=step.status.write)
        self._programme = changed
        step.status.apply_to(self._state)

