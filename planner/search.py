"""Finding events: a text search over every language, filters, and clashes among starred events.

Search is forgiving in the way a delegate types: case does not matter, accents do not matter
("cafe" finds "Café"), and the Cyrillic letters that are often typed without their marks
fold onto their plain forms ("елка" finds "Ёлка", "краи" finds "край"). Every word of a
query must occur somewhere in the event's text (AND), each as a substring, so "goethe
café" narrows while "goe" already finds the Goethe-Institut.

Filtering runs on every keystroke over programmes of tens of thousands of events, so each
event's normalised text and its days are computed once and kept in a cache that recognises
an edited event (events are frozen: an edit replaces the object) or an edited speaker,
venue or track.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, cast

from planner.model import LANGS, Event, Lang, Person, Programme, Track, Venue
from planner.records import compared
from planner.recurrence import expand, occurrences

__all__ = [
    "EventFilter",
    "filter_events",
    "matches",
    "normalise",
    "prepare",
    "haystack",
    "event_days",
    "query_words",
    "starred_clashes",
    "clear_cache",
]


class _MarkStripper(dict[int, int | None]):
    """A ``str.translate`` table that drops combining marks, filled in as characters are
    met: the whole of Unicode is never scanned, and each character is looked at once."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_STRIP_MARKS = _MarkStripper()


def normalise(text: str) -> str:
    """``text`` folded for searching: case-folded, without accents, single-spaced.

    Decomposing (NFKD) and dropping the combining marks removes Latin accents and also
    folds Cyrillic ``ё`` onto ``е`` and ``й`` onto ``и``; the base letters of every script
    stay as they are. Compatibility forms (ligatures, full-width letters) become plain.
    """
    if text.isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # Casefolding again after stripping catches letters whose folded form only appears
    # once the marks are gone.
    return " ".join(decomposed.translate(_STRIP_MARKS).casefold().split())


def query_words(text: str) -> tuple[str, ...]:
    """The normalised words of a search query, each of which must match."""
    return tuple(dict.fromkeys(normalise(text).split()))


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class EventFilter:
    """What a delegate asked to see. ``None`` in a dimension means "no restriction".

    An empty set in a dimension lets nothing through (every track box unticked shows no
    events). ``languages`` keeps events held in any of the given languages; ``days`` keeps
    events with an occurrence on any of the given days (in the programme's zone);
    ``speakers`` keeps events with any of the given people speaking. ``starred`` holds the
    UIDs the delegate starred; it only restricts when ``starred_only`` is set.
    """

    tracks: frozenset[str] | None = None
    venues: frozenset[str] | None = None
    languages: frozenset[Lang] | None = None
    days: frozenset[date] | None = None
    speakers: frozenset[str] | None = None
    text: str = ""
    starred_only: bool = False
    starred: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_active(self) -> bool:
        """Whether the filter can hide any event at all."""
        return (
            any(
                value is not None
                for value in (self.tracks, self.venues, self.languages, self.days, self.speakers)
            )
            or bool(query_words(self.text))
            or self.starred_only
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form of the filter, for remembering it in the user's settings.

        The starred set is left out: stars are kept on their own.
        """

        def listed(values: frozenset[str] | None) -> list[str] | None:
            return None if values is None else sorted(values)

        return {
            "tracks": listed(self.tracks),
            "venues": listed(self.venues),
            "languages": listed(cast("frozenset[str] | None", self.languages)),
            "days": None if self.days is None else sorted(d.isoformat() for d in self.days),
            "speakers": listed(self.speakers),
            "text": self.text,
            "starred_only": self.starred_only,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EventFilter:
        """The filter from :meth:`to_dict`'s form; unreadable parts count as no restriction."""

        def strings(key: str) -> frozenset[str] | None:
            value = data.get(key)
            if not isinstance(value, list):
                return None
            return frozenset(str(v) for v in value)

        languages = strings("languages")
        langs = (
            None
            if languages is None
            else frozenset(lang for lang in LANGS if lang in languages)
        )
        days: frozenset[date] | None = None
        raw_days = strings("days")
        if raw_days is not None:
            parsed = set()
            for text in raw_days:
                try:
                    parsed.add(date.fromisoformat(text))
                except ValueError:
                    continue
            days = frozenset(parsed)
        text = data.get("text", "")
        return cls(
            tracks=strings("tracks"),
            venues=strings("venues"),
            languages=langs,
            days=days,
            speakers=strings("speakers"),
            text=text if isinstance(text, str) else "",
            starred_only=bool(data.get("starred_only", False)),
        )


# ---------------------------------------------------------------------------------------------
# The per-event cache


@compared
@dataclass(slots=True, repr=False, eq=False)
class _Entry:
    """What is known about one event object, and what it was computed from."""

    event: Event
    venue: Venue | None
    track: Track | None
    people: tuple[Person | None, ...]
    text: str
    context: object = None


# Keyed by id(event); the entry holds the event itself, so the id cannot be reused by
# another object while the entry lives, and the identity check below is exact.
_CACHE: dict[int, _Entry] = {}
# Days depend on the event and the programme's zone only: (event, zone, days) by id(event).
_DAYS: dict[int, tuple[Event, str, frozenset[date]]] = {}
# Past this many entries the cache starts afresh, so old programmes do not pile up.
_CACHE_LIMIT = 250_000


def clear_cache() -> None:
    """Forget every cached haystack and day set (tests; after closing a programme)."""
    _CACHE.clear()
    _DAYS.clear()


def _texts(values: Iterable[str]) -> str:
    return "\n".join(normalise(v) for v in dict.fromkeys(values) if v)


def _entry(programme: Programme, event: Event, context: object = None) -> _Entry:
    entry = _CACHE.get(id(event))
    # The fast path of a filter run: the same event object, and no speaker, venue or track
    # of the programme replaced since the entry was last confirmed.
    if entry is not None and context is not None and entry.event is event \
            and entry.context is context:
        return entry
    venue = programme.venues.get(event.venue)
    track = programme.tracks.get(event.track)
    people = tuple(programme.people.get(p) for p in event.speakers)
    if (
        entry is not None
        and entry.event is event
        and entry.venue is venue
        and entry.track is track
        and entry.people == people
    ):
        if context is not None:
            entry.context = context
        return entry
    parts: list[str] = []
    for texts in (event.title, event.description):
        parts.extend((texts.de, texts.en, texts.ru))
    for person in people:
        if person is not None:
            parts.extend((person.name, person.affiliation))
    if venue is not None:
        parts.extend((venue.name.de, venue.name.en, venue.name.ru, venue.address))
    if track is not None:
        parts.extend((track.name.de, track.name.en, track.name.ru))
    entry = _Entry(event, venue, track, people, _texts(parts), context)
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[id(event)] = entry
    return entry


# What the last filter run saw of the programme's speakers, venues and tracks, and the token
# standing for it. Entries confirmed under the current token skip their own checks.
_context_seen: tuple[tuple[Person, ...], tuple[Venue, ...], tuple[Track, ...]] | None = None
_context_token: object = object()


def _context(programme: Programme) -> object:
    global _context_seen, _context_token
    seen = (
        tuple(programme.people.values()),
        tuple(programme.venues.values()),
        tuple(programme.tracks.values()),
    )
    # Tuples compare item by item, identity first: cheap when nothing changed. Equal
    # (replaced but unchanged) items give the same text, so they may share the token.
    if seen != _context_seen:
        _context_seen = seen
        _context_token = object()
    return _context_token


def haystack(programme: Programme, event: Event) -> str:
    """The normalised text a search looks through for ``event``: titles and descriptions
    in every language, speakers' names and affiliations, the venue's names and address and
    the track's names, one field a line."""
    return _entry(programme, event).text


def _days_of(programme: Programme, event: Event) -> frozenset[date]:
    zone = programme.zone
    days: set[date] = set()
    for start, end in occurrences(event, *programme.window):
        first = start.astimezone(zone).date()
        # The end is exclusive: an occurrence ending at midnight is not on the next day.
        last = (end.astimezone(zone) - timedelta(microseconds=1)).date()
        day = first
        while day <= last:
            days.add(day)
            day += timedelta(days=1)
    return frozenset(days)


def event_days(programme: Programme, event: Event) -> frozenset[date]:
    """The days (in the programme's zone) on which any occurrence of ``event`` takes place."""
    known = _DAYS.get(id(event))
    if known is not None and known[0] is event and known[1] == programme.timezone:
        return known[2]
    days = _days_of(programme, event)
    if len(_DAYS) >= _CACHE_LIMIT:
        _DAYS.clear()
    _DAYS[id(event)] = (event, programme.timezone, days)
    return days


# ---------------------------------------------------------------------------------------------
# Matching


def _matches(
    programme: Programme,
    event: Event,
    flt: EventFilter,
    words: tuple[str, ...],
    context: object = None,
) -> bool:
    # Cheap tests first: most events fall at a set lookup.
    if flt.starred_only and event.uid not in flt.starred:
        return False
    if flt.tracks is not None and event.track not in flt.tracks:
        return False
    if flt.venues is not None and event.venue not in flt.venues:
        return False
    if flt.languages is not None and flt.languages.isdisjoint(event.languages):
        return False
    if flt.speakers is not None and flt.speakers.isdisjoint(event.speakers):
        return False
    if flt.days is not None and flt.days.isdisjoint(event_days(programme, event)):
        return False
    if words:
        text = _entry(programme, event, context).text
        return all(word in text for word in words)
    return True


def matches(programme: Programme, event: Event, flt: EventFilter) -> bool:
    """Whether ``event`` of ``programme`` passes every dimension of ``flt``."""
    return _matches(programme, event, flt, query_words(flt.text))


def filter_events(programme: Programme, flt: EventFilter) -> set[str]:
    """The UIDs of the events of ``programme`` that pass ``flt``."""
    words = query_words(flt.text)
    context = _context(programme) if words else None
    return {
        uid
        for uid, event in programme.events.items()
        if _matches(programme, event, flt, words, context)
    }


def prepare(programme: Programme,
            progress: Callable[[int, int], None] | None = None) -> None:
    """Build every event's haystack and day set ahead of the first search.

    The first search over a large programme pays for normalising all its text (about a
    second for 50,000 events); a window can call this on a worker thread after loading so
    that the first keystroke is as quick as the rest. The events are only read; a search
    on another thread meanwhile finds what is ready and builds the rest itself.
    ``progress(done, total)`` is told every thousand events (and may raise to stop).
    """
    # No context token: that is the searching thread's to keep (see _context); the next
    # search confirms each entry against its own programme and takes it.
    events = list(programme.events.values())
    for number, event in enumerate(events):
        if progress is not None and number % 1000 == 0:
            progress(number, len(events))
        _entry(programme, event)
        event_days(programme, event)


# ---------------------------------------------------------------------------------------------
# Clashes among starred events


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class StarredClash:
    """Two starred events that overlap: ``events`` ``(a, b)`` with ``a < b``, and for each
    of them, in that order, the start and the RECURRENCE-ID (None for a single event) of
    its occurrence in their first overlap, so that a window can name its day and choose
    exactly those occurrences."""

    events: tuple[str, str]
    starts: tuple[datetime, datetime]
    recurrence_ids: tuple[datetime | None, datetime | None]


def starred_clash_details(programme: Programme,
                          starred_uids: Iterable[str]) -> list[StarredClash]:
    """The pairs of :func:`starred_clashes`, each with the occurrences of its first overlap
    in time (see :class:`StarredClash`), sorted by pair."""
    intervals: list[tuple[datetime, datetime, str, datetime | None]] = []
    window = programme.window
    for uid in set(starred_uids):
        event = programme.events.get(uid)
        if event is None or event.status == "cancelled":
            continue
        intervals.extend((o.start, o.end, uid, o.recurrence_id)
                         for o in expand(event, *window).occurrences
                         if o.event.status != "cancelled")
    # Aware datetimes in different zones compare by instant; sort by instant, then UID, so
    # the sweep is deterministic.
    intervals.sort(key=lambda item: (item[0], item[1], item[2]))
    found: dict[tuple[str, str], StarredClash] = {}
    active: list[tuple[datetime, str, datetime, datetime | None]] = []
    for start, end, uid, rid in intervals:
        active = [a for a in active if a[0] > start]
        for _, other, other_start, other_rid in active:
            if other == uid:
                continue
            pair = (other, uid) if other < uid else (uid, other)
            if pair not in found:  # the sweep meets the earliest overlap first
                mine, theirs = (start, rid), (other_start, other_rid)
                first, second = (theirs, mine) if pair[0] == other else (mine, theirs)
                found[pair] = StarredClash(pair, (first[0], second[0]), (first[1], second[1]))
        active.append((end, uid, start, rid))
    return [found[pair] for pair in sorted(found)]


def starred_clashes(programme: Programme, starred_uids: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of starred events whose occurrences overlap in time, each pair ``(a, b)`` with
    ``a < b``, sorted. A delegate cannot be in two places at once.

    Stars on events the programme no longer has, and cancelled events (and cancelled
    occurrences), are ignored. Occurrences that only touch (one ends as the next starts) do
    not clash.
    """
    return [clash.events for clash in starred_clash_details(programme, starred_uids)]

