"""How big a programme is, told one way everywhere: the window, ``info`` and the printed
cover.

An *event* is one entry of the programme: a repeating series (the Café D meetings, every
afternoon) counts once. A *session* is one time an event takes place: the series counts as
many times as it meets. Both count cancelled events too (they are still in the programme,
struck through). "23 events, 30 sessions" says both; where every event takes place once,
"60 events" says all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from planner.i18n import Message, msg, msg_n
from planner.model import Event, Programme
from planner.records import compared
from planner.recurrence import occurrences


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Count:
    """So many events, taking place so many times."""

    events: int = 0
    sessions: int = 0

    def __add__(self, other: Count) -> Count:
        return Count(self.events + other.events, self.sessions + other.sessions)

    def message(self) -> Message:
        """"23 events, 30 sessions", or "23 events" when each takes place once."""
        events = msg_n("{n} event|{n} events", self.events)
        if self.sessions == self.events:
            return events
        return msg("{events}, {sessions}", events=events,
                   sessions=msg_n("{n} session|{n} sessions", self.sessions))


def count_events(programme: Programme, events: Iterable[Event]) -> Count:
    """The :class:`Count` of ``events`` of ``programme``: a series takes place as often as
    it meets on the programme's days (an occurrence cancelled on its own does not)."""
    events_seen = sessions = 0
    first, last = programme.window
    for event in events:
        events_seen += 1
        plain = event.recurrence is None and not event.overrides
        sessions += 1 if plain else _meetings(event, first, last)
    return Count(events_seen, sessions)


@lru_cache(maxsize=1 << 16)
def _meetings(event: Event, first: datetime, last: datetime) -> int:
    # Expanding a rule costs; the window counts after every edit, and an edit changes an
    # event or two: the rest are found here (events are immutable, so equal is the same).
    return len(occurrences(event, first, last))


def count_programme(programme: Programme, uids: Iterable[str] | None = None) -> Count:
    """The :class:`Count` of the programme's events (of those in ``uids``, if given)."""
    if uids is None:
        return count_events(programme, programme.events.values())
    return count_events(programme, (programme.events[uid] for uid in uids
                                    if uid in programme.events))


def count_by_track(programme: Programme,
                   uids: Iterable[str] | None = None) -> dict[str, Count]:
    """A :class:`Count` per track id, in the programme's order of tracks (a track with no
    events counts zero; of the events in ``uids``, if given)."""
    counts = {tid: Count() for tid in programme.tracks}
    wanted = None if uids is None else set(uids)
    for event in programme.events.values():
        if wanted is None or event.uid in wanted:
            counts[event.track] = counts.get(event.track, Count()) + count_events(
                programme, [event])
    return counts
