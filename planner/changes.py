"""What changed between two snapshots of a programme: a pure function of the two.

Like pretalx's ``Schedule.changes``, the list is worked out from two immutable snapshots (two
releases, or a release and the programme as it stands), never from an edit history, so it
says what the people following the programme need to know and nothing of how the organisers
got there. An event can change in several ways at once; each is its own :class:`Change`:

- ``added`` and ``removed``: the event is new, or gone;
- ``cancelled`` and ``restored``: its status became cancelled, or stopped being so (an event
  cancelled in both snapshots changed in nothing that matters to anyone);
- ``rescheduled``: its time changed; ``moved``: its venue changed; ``renamed``: its title
  changed (in any language); ``speakers``: who gives it changed (their order does not count).

A repeating event is compared occurrence by occurrence: an occurrence that is no longer
there is ``cancelled``, one that is new is ``added`` and one that moved in time is
``rescheduled``, each with the ``occurrence`` it concerns (its start in the earlier
snapshot, or in the later one for a new one). When every occurrence moved alike (the series
now starts an hour later), that is one ``rescheduled`` change of the whole series.

Each change names who is affected, the people to tell (pretalx's ``speakers_concerned``):
the speakers of the event before and after, and the venues it left and went to.

The comparison goes event by event, so two snapshots without the events they share unchanged
(:func:`planner.releases.load_pair`) give the same list as the whole ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, get_args

from planner.i18n import translate
from planner.model import LANGS, Event, Lang, Programme, Texts
from planner.phrases import Phrases
from planner.recurrence import Occurrence, expand

ChangeKind = Literal[
    "added", "removed", "cancelled", "restored", "rescheduled", "moved", "renamed", "speakers"
]
CHANGE_KINDS: tuple[ChangeKind, ...] = get_args(ChangeKind)
_KIND_RANK = {kind: n for n, kind in enumerate(CHANGE_KINDS)}

# What a list of changes calls each kind (the change pages, the changes command; the
# window's panel says the same through its .ts catalogue), translated through
# planner.i18n's catalogue.
KIND_LABELS: dict[ChangeKind, str] = {
    "added": "New", "removed": "Removed", "cancelled": "Cancelled", "restored": "Back on",
    "rescheduled": "New time", "moved": "New place", "renamed": "New title",
    "speakers": "Speakers",
}

# Every sentence a change can say, in one place, translated through planner.i18n's catalogue
# (resources/translations/planner_<lang>.json, the English text as key).
MESSAGES: dict[str, str] = {
    "added": "New: {event}",
    "added_occurrence": "“{title}”: an extra date, {when}, {venue}",
    "removed": "Removed from the programme: {event}",
    "cancelled": "Cancelled: {event}",
    "cancelled_occurrence": "“{title}” on {when} is cancelled",
    "restored": "Takes place after all: {event}",
    "rescheduled": "“{title}” moves from {before} to {after}",
    "rescheduled_series": "“{title}” moves from {before} to {after}, and each repeat alike",
    "moved": "“{title}” ({when}) moves from {before} to {after}",
    "renamed": "“{before}” ({when}) is now called “{after}”",
    "speakers": "“{title}” ({when}): now with {after} (before: {before})",
    "nobody": "nobody",
    "event": "“{title}” ({when}, {venue})",
}


@dataclass(frozen=True, slots=True)
class Change:
    """One thing that changed about one event.

    ``before`` and ``after`` are plain JSON values that do not depend on a language: for
    ``added`` and ``removed`` the event (title, start, end, venue, status) or nothing; for
    ``cancelled`` and ``restored`` the status; for ``rescheduled`` the start and end; for
    ``moved`` the venue (id and name); for ``renamed`` the title; for ``speakers`` the
    speakers (id and name). ``start`` is when the event (or occurrence) now takes place, or
    took place when it is gone: the order changes are listed in. ``title`` is the event's
    title as it stands (as it was, for a removed one). ``speakers`` and ``venues`` are those
    affected, the ones to tell. ``messages`` holds the sentence in each language.
    """

    uid: str
    kind: ChangeKind
    occurrence: datetime | None
    before: Any
    after: Any
    start: datetime
    title: Texts
    speakers: tuple[str, ...]
    venues: tuple[str, ...]
    messages: dict[Lang, str]

    def message(self, lang: Lang) -> str:
        """The sentence in ``lang``."""
        return self.messages[lang]

    def as_json(self, lang: Lang | None = "en") -> dict[str, Any]:
        """The object ``changes --json`` prints (the message in ``lang``) and
        ``changes.json`` holds (``lang=None``: the message in every language)."""
        return {
            "uid": self.uid,
            "change": self.kind,
            "occurrence": None if self.occurrence is None else self.occurrence.isoformat(),
            "before": self.before,
            "after": self.after,
            "message": dict(self.messages) if lang is None else self.messages[lang],
            "title": self.title.as_dict() if lang is None else self.title.get(lang),
            "start": self.start.isoformat(),
            "speakers": list(self.speakers),
            "venues": list(self.venues),
        }


def change_sort_key(change: Change) -> tuple[object, ...]:
    """By time, then event, kind and occurrence."""
    occurrence = change.occurrence.timestamp() if change.occurrence is not None else 0.0
    return (change.start.timestamp(), change.uid, _KIND_RANK[change.kind], occurrence)


# ---------------------------------------------------------------------------------------------
# Comparing


def changes(before: Programme, after: Programme) -> list[Change]:
    """Everything that changed from ``before`` to ``after``, in :func:`change_sort_key` order."""
    writers = _Writers(before, after)
    found: list[Change] = []
    for uid, old in before.events.items():
        new = after.events.get(uid)
        if new is None:
            found.append(writers.whole("removed", old, before, _event_json(old), None))
        elif new != old:
            found.extend(_compare(writers, old, new))
    for uid, new in after.events.items():
        if uid not in before.events:
            found.append(writers.whole("added", new, after, None, _event_json(new)))
    found.sort(key=change_sort_key)
    return found


def _compare(writers: _Writers, old: Event, new: Event) -> list[Change]:
    was_off, is_off = old.status == "cancelled", new.status == "cancelled"
    if was_off and is_off:
        return []
    if is_off:
        return [writers.whole("cancelled", new, writers.after, old.status, new.status)]
    found = []
    if was_off:
        found.append(writers.whole("restored", new, writers.after, old.status, new.status))
    if old.recurrence is None and new.recurrence is None and not old.overrides and \
            not new.overrides:
        if (old.start, old.end, old.all_day) != (new.start, new.end, new.all_day):
            found.append(writers.rescheduled(old, new, (old.start, old.end),
                                             (new.start, new.end)))
    else:
        found.extend(_series(writers, old, new))
    found.extend(_details(writers, old, new))
    return found


def _details(writers: _Writers, old: Event, new: Event, slot: Slot | None = None,
             occurrence: datetime | None = None,
             series: tuple[Event, Event] | None = None) -> list[Change]:
    """Venue, title and speakers of an event, or of one occurrence (``series``: the two
    series it belongs to, whose own changes it is not reported again for)."""

    def differs(field: str) -> bool:
        was, now = getattr(old, field), getattr(new, field)
        if field == "speakers":
            was, now = set(was), set(now)
        if was == now:
            return False
        if series is None:
            return True
        # The occurrence changed as its series did: that change is told once, for the series.
        master_was, master_now = getattr(series[0], field), getattr(series[1], field)
        if field == "speakers":
            master_was, master_now = set(master_was), set(master_now)
        return (master_was, master_now) != (was, now)

    found = []
    if differs("venue"):
        found.append(writers.moved(old, new, slot, occurrence))
    if differs("title"):
        found.append(writers.renamed(old, new, slot, occurrence))
    if differs("speakers"):
        found.append(writers.speakers(old, new, slot, occurrence))
    return found


Slot = tuple[datetime, datetime]


def _occurrences(event: Event, programme: Programme) -> dict[datetime, Occurrence]:
    """The event's occurrences on the programme's days, by the start the series gives them."""
    first, last = programme.window
    return {o.recurrence_id or o.start: o for o in expand(event, first, last).occurrences}


def _series(writers: _Writers, old: Event, new: Event) -> list[Change]:
    """A repeating event (or one with changed occurrences) compared occurrence by
    occurrence: the series moved as a whole, or occurrences moved, dropped, added, cancelled
    or changed on their own."""
    before = _occurrences(old, writers.before)
    after = _occurrences(new, writers.after)
    gone = [o for rid, o in before.items() if rid not in after]
    came = [o for rid, o in after.items() if rid not in before]
    if before and len(gone) == len(before) == len(after) == len(came) and _alike(
            [_slot(o) for o in gone], [_slot(o) for o in came]):
        # Every occurrence moved alike (the series starts later): one change for the series.
        found = [writers.rescheduled(old, new, _slot(gone[0]), _slot(came[0]), series=True)]
        pairs = list(zip(gone, came, strict=True))
    else:
        found = []
        pairs = []
        for rid in before.keys() & after.keys():
            was, now = before[rid], after[rid]
            pairs.append((was, now))
            if _slot(was) != _slot(now):
                found.append(writers.rescheduled(was.event, now.event, _slot(was), _slot(now),
                                                 occurrence=rid))
        matched = _nearest_pairs([_slot(o) for o in gone], [_slot(o) for o in came])
        by_slot_gone = {_slot(o): o for o in gone}
        by_slot_came = {_slot(o): o for o in came}
        for was_slot, now_slot in matched:
            was, now = by_slot_gone.pop(was_slot), by_slot_came.pop(now_slot)
            pairs.append((was, now))
            found.append(writers.rescheduled(was.event, now.event, was_slot, now_slot,
                                             occurrence=was.recurrence_id or was.start))
        for was in by_slot_gone.values():
            if was.event.status != "cancelled":
                found.append(writers.occurrence_cancelled(was.event, new, _slot(was)))
        for now in by_slot_came.values():
            if now.event.status != "cancelled":
                found.append(writers.occurrence_added(now.event, _slot(now)))
    for was, now in pairs:
        rid = was.recurrence_id or was.start
        off_was, off_now = was.event.status == "cancelled", now.event.status == "cancelled"
        if off_now and not off_was:
            found.append(writers.occurrence_cancelled(was.event, new, _slot(was)))
        elif off_was and not off_now:
            found.append(writers.whole("restored", now.event, writers.after, was.event.status,
                                       now.event.status, _slot(now), rid))
        if not (off_was or off_now):
            found.extend(_details(writers, was.event, now.event, _slot(now), rid, (old, new)))
    return found


def _slot(occurrence: Occurrence) -> Slot:
    return occurrence.start, occurrence.end


def _nearest_pairs(gone: list[Slot], came: list[Slot]) -> list[tuple[Slot, Slot]]:
    """Occurrences that moved: each dropped one paired with the nearest new one, closest
    pairs first, as many pairs as the shorter side has (the rest were dropped or are new)."""
    candidates = sorted(
        (abs((now[0] - was[0]).total_seconds()), i, j)
        for i, was in enumerate(gone) for j, now in enumerate(came)
    )
    used_gone: set[int] = set()
    used_came: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_gone and j not in used_came:
            used_gone.add(i)
            used_came.add(j)
            pairs.append((gone[i], came[j]))
    return pairs


def _alike(before: list[Slot], after: list[Slot]) -> bool:
    """Whether every occurrence moved by the same wall-clock shift and kept its length."""
    def shift(a: Slot, b: Slot) -> tuple[object, object]:
        return (b[0].replace(tzinfo=None) - a[0].replace(tzinfo=None),
                (b[1] - b[0]) - (a[1] - a[0]))
    first = shift(before[0], after[0])
    return all(shift(a, b) == first for a, b in zip(before, after, strict=True))


def _iso(value: datetime) -> str:
    return value.isoformat()


def _slot_json(slot: Slot) -> dict[str, str]:
    return {"start": _iso(slot[0]), "end": _iso(slot[1])}


def _event_json(event: Event, slot: Slot | None = None) -> dict[str, Any]:
    start, end = slot or (event.start, event.end)
    return {
        "title": event.title.as_dict(),
        "start": _iso(start),
        "end": _iso(end),
        "venue": event.venue,
        "status": event.status,
    }


# ---------------------------------------------------------------------------------------------
# Sentences


class _Writers:
    """Builds changes with their sentences in every language for one pair of snapshots."""

    def __init__(self, before: Programme, after: Programme) -> None:
        self.before = before
        self.after = after
        self._m = {lang: {k: translate(t, lang) for k, t in MESSAGES.items()} for lang in LANGS}
        self._phrases = {lang: Phrases(lang, after.zone) for lang in LANGS}

    # -- names --

    def _venue(self, venue_id: str, lang: Lang, *programmes: Programme) -> str:
        for programme in programmes:
            venue = programme.venues.get(venue_id)
            if venue is not None:
                return venue.name.get(lang) or venue_id
        return venue_id

    def _venue_json(self, venue_id: str, programme: Programme) -> dict[str, Any]:
        venue = programme.venues.get(venue_id)
        return {"id": venue_id, "name": venue.name.as_dict() if venue else {}}

    def _people(self, ids: Iterable[str], programme: Programme) -> list[dict[str, str]]:
        people = programme.people
        return [{"id": p, "name": people[p].name if p in people else p} for p in ids]

    def _when(self, lang: Lang, event: Event, slot: Slot | None = None) -> str:
        start, end = slot or _first(event)
        return self._phrases[lang].when(start, end, event.all_day)

    def _event(self, lang: Lang, event: Event, programme: Programme,
               slot: Slot | None = None) -> str:
        return self._m[lang]["event"].format(
            title=event.title.get(lang), when=self._when(lang, event, slot),
            venue=self._venue(event.venue, lang, programme),
        )  # fmt: skip

    # -- changes --

    def _change(self, kind: ChangeKind, old: Event | None, new: Event, before: Any, after: Any,
                start: datetime, messages: dict[Lang, str],
                occurrence: datetime | None = None) -> Change:
        speakers = dict.fromkeys([*(old.speakers if old else ()), *new.speakers])
        venues = dict.fromkeys([*((old.venue,) if old else ()), new.venue])
        return Change(new.uid, kind, occurrence, before, after, start, new.title,
                      tuple(speakers), tuple(venues), messages)  # fmt: skip

    def whole(self, kind: ChangeKind, event: Event, programme: Programme, before: Any,
              after: Any, slot: Slot | None = None,
              occurrence: datetime | None = None) -> Change:
        """``added``, ``removed``, ``cancelled`` or ``restored``: the whole event (or the
        one ``occurrence`` at ``slot``)."""
        messages = {
            lang: self._m[lang][kind].format(event=self._event(lang, event, programme, slot))
            for lang in LANGS
        }
        start = slot[0] if slot is not None else _first(event)[0]
        return self._change(kind, None, event, before, after, start, messages, occurrence)

    def rescheduled(self, old: Event, new: Event, was: Slot, now: Slot, *,
                    series: bool = False, occurrence: datetime | None = None) -> Change:
        key = "rescheduled_series" if series else "rescheduled"
        messages = {
            lang: self._m[lang][key].format(
                title=new.title.get(lang), before=self._when(lang, old, was),
                after=self._when(lang, new, now))
            for lang in LANGS
        }  # fmt: skip
        return self._change("rescheduled", old, new, _slot_json(was), _slot_json(now), now[0],
                            messages, occurrence)  # fmt: skip

    def occurrence_cancelled(self, old: Event, new: Event, was: Slot) -> Change:
        messages = {
            lang: self._m[lang]["cancelled_occurrence"].format(
                title=new.title.get(lang), when=self._when(lang, old, was))
            for lang in LANGS
        }  # fmt: skip
        return self._change("cancelled", old, new, old.status, "cancelled", was[0], messages,
                            was[0])  # fmt: skip

    def occurrence_added(self, new: Event, now: Slot) -> Change:
        messages = {
            lang: self._m[lang]["added_occurrence"].format(
                title=new.title.get(lang), when=self._when(lang, new, now),
                venue=self._venue(new.venue, lang, self.after))
            for lang in LANGS
        }  # fmt: skip
        return self._change("added", None, new, None, _event_json(new, now), now[0], messages,
                            now[0])  # fmt: skip

    def moved(self, old: Event, new: Event, slot: Slot | None = None,
              occurrence: datetime | None = None) -> Change:
        messages = {
            lang: self._m[lang]["moved"].format(
                title=new.title.get(lang), when=self._when(lang, new, slot),
                before=self._venue(old.venue, lang, self.before, self.after),
                after=self._venue(new.venue, lang, self.after))
            for lang in LANGS
        }  # fmt: skip
        return self._change("moved", old, new, self._venue_json(old.venue, self.before),
                            self._venue_json(new.venue, self.after), _start(new, slot),
                            messages, occurrence)  # fmt: skip

    def renamed(self, old: Event, new: Event, slot: Slot | None = None,
                occurrence: datetime | None = None) -> Change:
        messages = {
            lang: self._m[lang]["renamed"].format(
                before=old.title.get(lang), after=new.title.get(lang),
                when=self._when(lang, new, slot))
            for lang in LANGS
        }  # fmt: skip
        return self._change("renamed", old, new, old.title.as_dict(), new.title.as_dict(),
                            _start(new, slot), messages, occurrence)  # fmt: skip

    def speakers(self, old: Event, new: Event, slot: Slot | None = None,
                 occurrence: datetime | None = None) -> Change:
        before = self._people(old.speakers, self.before)
        after = self._people(new.speakers, self.after)
        messages = {}
        for lang in LANGS:
            nobody = self._m[lang]["nobody"]
            messages[lang] = self._m[lang]["speakers"].format(
                title=new.title.get(lang), when=self._when(lang, new, slot),
                before=", ".join(p["name"] for p in before) or nobody,
                after=", ".join(p["name"] for p in after) or nobody,
            )  # fmt: skip
        return self._change("speakers", old, new, before, after, _start(new, slot), messages,
                            occurrence)


def _start(event: Event, slot: Slot | None) -> datetime:
    return slot[0] if slot is not None else _first(event)[0]


def _first(event: Event) -> Slot:
    """The event's first occurrence (its own times when the repeat rule leaves none)."""
    if event.recurrence is None and not event.overrides:
        return event.start, event.end
    # The first few are enough (a rule may have no end): the start, and what EXDATEs leave
    # of the next ones.
    limit = 2 + (len(event.recurrence.exdates) if event.recurrence else 0)
    found = [(o.start, o.end) for o in expand(event, limit=limit).occurrences
             if o.event.status != "cancelled"]
    return found[0] if found else (event.start, event.end)


# ---------------------------------------------------------------------------------------------
# Who to tell


@dataclass(frozen=True, slots=True)
class Concerned:
    """The people and venues affected by a list of changes, each with its changes."""

    speakers: dict[str, list[Change]]
    venues: dict[str, list[Change]]


def concerned(found: Iterable[Change]) -> Concerned:
    """Who is to be told of ``found``: each speaker and venue with the changes that concern
    them, in the order of the changes (pretalx's ``speakers_concerned``)."""
    speakers: dict[str, list[Change]] = {}
    venues: dict[str, list[Change]] = {}
    for change in found:
        for person in change.speakers:
            speakers.setdefault(person, []).append(change)
        for venue in change.venues:
            venues.setdefault(venue, []).append(change)
    return Concerned(dict(sorted(speakers.items())), dict(sorted(venues.items())))
