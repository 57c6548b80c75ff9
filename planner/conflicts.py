"""Clash checking: double-booked venues and people, impossible trips, events outside the
programme's days and crowds larger than their venue.

Every event is turned into its occurrences (one for a single event, one per repeat for a
repeating one on the programme's days, through :func:`planner.recurrence.expand`, each
where and when its override, if any, puts it). Clashes are then found by
sorting and sweeping, never by comparing all pairs: occurrences are grouped by venue and by
person, each group is sorted by start, and a sweep keeps the occurrences still running when
the next one starts.

Rules, in one place:

- Intervals are half-open: an event that ends at 11:00 and one that starts at 11:00 in the
  same venue, or with the same speaker, do not clash.
- Cancelled events clash with nothing (and are not checked for days or capacity); nor do
  cancelled occurrences of a series.
- A changed occurrence of a series (RECURRENCE-ID) clashes at its own time and venue, with
  its own speakers.
- A placeholder venue ("To be announced", where imported events without LOCATION go) is no
  room: events there never clash with each other for it.
- An event without end in its file is an instant: it takes no time and double-books
  nothing (it is still checked for days).
- An event never clashes with itself: the occurrences of one repeating event do not
  double-book its venue or its speakers even when they overlap.
- All-day events take part like any other interval: an all-day event in a venue blocks the
  venue for its whole days, and an all-day event with a speaker keeps that speaker busy. This
  is the conservative choice; organisers who list an exhibition without blocking the room
  give it no venue of its own, or times.
- ``travel``: for each occurrence of a person's events, the person comes from the
  occurrence(s) of theirs that ended last at or before it starts. If that was at another
  venue, both venues have coordinates, and the gap is shorter than the trip (great-circle
  distance / ``programme.travel.speed_kmh`` + ``programme.travel.buffer_minutes``), that is a
  travel clash. A gap of zero minutes between two venues is therefore a clash (unless the
  trip takes no time at all); overlapping events are ``speaker`` clashes instead.
- ``outside``: each single event that starts before the programme's first day or ends
  after its last day (a series counts on the programme's days only).
- ``capacity``: an event whose expected attendance is larger than its venue's capacity (once
  per event, not per occurrence).
- ``unavailable``: each occurrence that falls, even in part, outside the availability of its
  venue or of one of its speakers (:mod:`planner.availability`: no windows means always
  available; blocked times never are). One clash per occurrence and venue or person; its
  span runs from the first unavailable instant of the occurrence to the last.

:func:`find_clashes` checks a whole programme. :class:`ClashIndex` is built once and then
answers "what would this event clash with?" (:meth:`ClashIndex.clashes_for`, for a drag
preview) and follows single edits (:meth:`ClashIndex.update`) without checking everything
again. Messages are sentences built from the templates in :data:`MESSAGES`, translated into
the language asked for (as are names and titles, with their fallbacks).
"""

from __future__ import annotations

import math
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter
from typing import Final, Literal, get_args
from zoneinfo import ZoneInfo

from planner.availability import Span, busy_spans, uncovered
from planner.i18n import translate
from planner.model import Event, Lang, Programme, TravelSettings, Venue
from planner.phrases import PHRASES, Phrases
from planner.recurrence import expand

ClashKind = Literal["venue", "speaker", "travel", "outside", "capacity", "unavailable"]
# An occurrence as clashes name it: the event's UID and, of a repeating event, the start
# its series gives the occurrence (RECURRENCE-ID); None for a single event or a whole series.
OccurrenceKey = tuple[str, datetime | None]
CLASH_KINDS: tuple[ClashKind, ...] = get_args(ClashKind)

EARTH_RADIUS_KM = 6371.0088

# Every sentence a clash can say, in one place. Each is translated through planner.i18n's
# catalogue (resources/translations/planner_<lang>.json, the English text as key), weekday
# and month names included. Placeholders are filled by the functions below.
MESSAGES: dict[str, str] = {
    "venue": "Venue {venue} is double-booked: {first} overlaps {second}",
    "speaker": "{person} is in two events at once: {first} overlaps {second}",
    "travel": (
        "{person} cannot get from {from_venue} to {to_venue} in time: {first} is followed "
        "by {second} {gap} later, but the trip takes about {trip}"
    ),
    "outside": "{event} lies outside the programme's days ({first_day} to {last_day})",
    "capacity": "{event} expects {attendance} people, but {venue} holds {capacity}",
    "unavailable_person": "{person} is not available for {event} (not {part})",
    "unavailable_venue": "Venue {venue} is not available for {event} (not {part})",
    # Pieces of the sentences above.
    "event": "“{title}” ({when})",
    "minutes": "{minutes} min",
    "hours": "{hours} h {minutes} min",
    # Days and times (planner.phrases), listed here so that the translations of every word a
    # clash says are checked in one place.
    **PHRASES,
}

_KIND_RANK = {kind: n for n, kind in enumerate(CLASH_KINDS)}


@dataclass(frozen=True, slots=True)
class Clash:
    """One thing that cannot work as planned.

    ``events`` are the UIDs involved, sorted; ``starts`` gives, for each of them in the same
    order, the start of the occurrence involved (aware, in the event's zone), and
    ``recurrence_ids`` which occurrence of a repeating event it is (the start its series
    gives it, RECURRENCE-ID, also where an override has moved it; None for a single event,
    and for a clash of a series as a whole, ``capacity``), so that a window can select, show
    and mark exactly those occurrences (:func:`clashing_occurrences`). ``venue`` is set for
    ``venue``, ``outside`` and ``capacity`` clashes, ``person`` for ``speaker`` and
    ``travel`` clashes.
    ``span`` is the stretch of time that is wrong: the overlap for ``venue`` and ``speaker``,
    the too short gap for ``travel`` (it may be empty), the occurrence for ``outside`` and
    ``capacity``, the unavailable part of the occurrence for ``unavailable``.
    """

    kind: ClashKind
    events: tuple[str, ...]
    message: str
    starts: tuple[datetime, ...]
    span: tuple[datetime, datetime]
    venue: str | None = None
    person: str | None = None
    recurrence_ids: tuple[datetime | None, ...] = ()

    def occurrences(self) -> tuple[OccurrenceKey, ...]:
        """The occurrences involved, as ``(uid, RECURRENCE-ID or None)``, in the order of
        :attr:`events` (None: the event as a whole, a single event or a whole series)."""
        rids = self.recurrence_ids or (None,) * len(self.events)
        return tuple(zip(self.events, rids, strict=True))

    def as_json(self) -> dict[str, object]:
        """The command line's JSON object: ``kind``, ``events`` and ``message``; beside
        each event, in the order of ``events``, ``starts``: where its occurrence involved
        starts, and ``recurrence_ids``: which occurrence of a repeating event it is (the
        start its series gives it, RECURRENCE-ID; null for a single event or a whole
        series), both ISO 8601 with the UTC offset, so that a script can name exactly the
        occurrence of a series (also one an override has moved)."""
        return {
            "kind": self.kind,
            "events": list(self.events),
            "message": self.message,
            "starts": [start.isoformat() for start in self.starts],
            "recurrence_ids": [None if rid is None else rid.isoformat()
                               for _, rid in self.occurrences()],
        }


def clash_sort_key(clash: Clash) -> tuple[object, ...]:
    """The order clashes are listed in: by time, then kind, events and place."""
    return (
        clash.span[0].timestamp(),
        _KIND_RANK[clash.kind],
        clash.events,
        tuple(s.timestamp() for s in clash.starts),
        clash.venue or "",
        clash.person or "",
        clash.message,
    )


def clashing_uids(clashes: Iterable[Clash]) -> set[str]:
    """The UIDs of every event involved in ``clashes``."""
    return {uid for clash in clashes for uid in clash.events}


def clashing_occurrences(clashes: Iterable[Clash]) -> set[OccurrenceKey]:
    """Every occurrence involved in ``clashes``, as ``(uid, RECURRENCE-ID)``, to mark them
    in a view: of a repeating event only the occurrences that clash; ``(uid, None)`` for a
    single event, or a series whose every occurrence is concerned (``capacity``)."""
    return {key for clash in clashes for key in clash.occurrences()}


# ---------------------------------------------------------------------------------------------
# Travel


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance between two points, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def travel_minutes(a: Venue, b: Venue, travel: TravelSettings) -> float | None:
    """Minutes to get from venue ``a`` to venue ``b``; ``None`` when it cannot be told.

    Zero for the same venue; ``None`` when either venue has no coordinates or the speed is
    not positive. Otherwise distance / speed plus the fixed buffer.
    """
    if a.id == b.id:
        return 0.0
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    if travel.speed_kmh <= 0:
        return None
    return distance_km(a.lat, a.lon, b.lat, b.lon) / travel.speed_kmh * 60 + travel.buffer_minutes


def _longest_trip(programme: Programme) -> float:
    """Minutes that no trip between the programme's venues can exceed, so that most pairs of
    events need no distance worked out: going along a meridian and then along a parallel is
    never shorter than the great circle."""
    if programme.travel.speed_kmh <= 0:
        return -math.inf
    lats = [v.lat for v in programme.venues.values() if v.lat is not None and v.lon is not None]
    lons = [v.lon for v in programme.venues.values() if v.lat is not None and v.lon is not None]
    if not lats:
        return -math.inf
    span = math.radians(max(lats) - min(lats)) + math.radians(max(lons) - min(lons))
    km = EARTH_RADIUS_KM * span
    # A little slack against rounding: this only decides whether to work the trip out.
    return (km / programme.travel.speed_kmh * 60 + programme.travel.buffer_minutes) * 1.001 + 1


# ---------------------------------------------------------------------------------------------
# Occurrences as sortable tuples: (start timestamp, end timestamp, uid, start, end, venue,
# recurrence-id timestamp, event, recurrence id or None). Plain tuples sort by instant first
# and are cheap to build for fifty thousand events; the recurrence id's timestamp keeps two
# occurrences of one event apart, so that the event (the series' own, or the override this
# occurrence is) is never compared.

Occ = tuple[float, float, str, datetime, datetime, str, float, Event, datetime | None]
_TS: Final = 0
_TE: Final = 1
_UID: Final = 2
_START: Final = 3
_END: Final = 4
_VENUE: Final = 5
_EVENT: Final = 7
_RID: Final = 8


def _occurrences(event: Event, window: tuple[datetime, datetime]) -> list[Occ]:
    """The occurrences of ``event`` that take place: a series' on the programme's days
    (``window``), each where its override puts it; cancelled ones left out."""
    if event.status == "cancelled":
        return []
    uid = event.uid
    if event.recurrence is None and not event.overrides:
        start, end = event.start, event.end
        ts = start.timestamp()
        return [(ts, end.timestamp(), uid, start, end, event.venue, ts, event, None)]
    return [
        (o.start.timestamp(), o.end.timestamp(), uid, o.start, o.end, o.event.venue,
         (o.recurrence_id or o.start).timestamp(), o.event, o.recurrence_id)
        for o in expand(event, *window).occurrences
        if o.event.status != "cancelled"
    ]


class _Timeline:
    """The occurrences in one venue or of one person, sorted by start, with the longest
    duration seen so that "what overlaps [s, e)?" is a bisect and a short scan."""

    __slots__ = ("items", "longest")

    def __init__(self) -> None:
        self.items: list[Occ] = []
        self.longest = 0.0

    def finish(self) -> None:
        self.items.sort()
        self.longest = max((o[_TE] - o[_TS] for o in self.items), default=0.0)

    def add(self, occ: Occ) -> None:
        insort(self.items, occ)
        self.longest = max(self.longest, occ[_TE] - occ[_TS])

    def remove(self, occ: Occ) -> None:
        i = bisect_left(self.items, occ)
        if i < len(self.items) and self.items[i] == occ:
            del self.items[i]

    def overlapping(self, start: float, end: float) -> Iterator[Occ]:
        """Occurrences that overlap ``[start, end)``, in start order."""
        items = self.items
        # Nothing that starts before start - longest can still be running at start.
        i = bisect_left(items, start - self.longest, key=itemgetter(_TS))
        n = len(items)
        while i < n:
            occ = items[i]
            if occ[_TS] >= end:
                break
            if occ[_TE] > start:
                yield occ
            i += 1


def _sweep(items: list[Occ]) -> Iterator[tuple[Occ, Occ]]:
    """Pairs of overlapping occurrences of different events in ``items`` (sorted by start);
    the earlier one first."""
    active: list[Occ] = []
    for occ in items:
        start = occ[_TS]
        if active:
            active = [a for a in active if a[_TE] > start]
            for other in active:
                if other[_UID] != occ[_UID]:
                    yield other, occ
        active.append(occ)


def _previous(items: list[Occ]) -> Iterator[tuple[Occ, Occ]]:
    """For each occurrence in ``items`` (sorted by start), the occurrences that ended last at
    or before its start (several when they end at the same instant): ``(before, occurrence)``."""
    by_end = sorted(items, key=lambda o: (o[_TE], o))
    j = 0
    n = len(by_end)
    latest: list[Occ] = []
    latest_end = -math.inf
    for occ in items:
        start = occ[_TS]
        while j < n and by_end[j][_TE] <= start:
            done = by_end[j]
            if done[_TE] > latest_end:
                latest_end = done[_TE]
                latest = [done]
            else:
                latest.append(done)
            j += 1
        for before in latest:
            yield before, occ


def _unavailable_sweep(items: list[Occ], busy: list[Span]) -> Iterator[tuple[Occ, Span]]:
    """For each occurrence in ``items`` (sorted by start) that meets a span of ``busy``
    (sorted, disjoint), the part of it from its first busy instant to its last."""
    j = 0
    n = len(busy)
    for occ in items:
        start, end = occ[_TS], occ[_TE]
        # Busy spans that ended before this start ended before every later one too.
        while j < n and busy[j][1] <= start:
            j += 1
        if j == n:
            return
        k = j
        first = last = None
        while k < n and busy[k][0] < end:
            if first is None:
                first = max(start, busy[k][0])
            last = min(end, busy[k][1])
            k += 1
        if first is not None and last is not None:
            yield occ, (first, last)


# ---------------------------------------------------------------------------------------------
# Messages


class _Writer:
    """Builds clashes with their sentences for one programme and language."""

    def __init__(self, programme: Programme, lang: Lang) -> None:
        self.programme = programme
        self.lang = lang
        self.zone: ZoneInfo = programme.zone
        # The sentences in ``lang`` (planner.i18n's catalogue; English where one is missing).
        self._m = {key: translate(template, lang) for key, template in MESSAGES.items()}
        self.when = Phrases(lang, self.zone).when
        self._trips: dict[tuple[str, str], float | None] = {}
        # An occurrence often takes part in several clashes: its text is written once.
        self._texts: dict[str, dict[float, str]] = {}
        first, last = programme.window
        self._window = (first.timestamp(), last.timestamp())
        self._longest_trip = _longest_trip(programme)
        # An event asked about that is not (or not like this) in the programme.
        self.candidate: Event | None = None
        self._busy: dict[tuple[str, str], list[Span]] = {}

    # -- names --

    def venue_name(self, venue_id: str) -> str:
        venue = self.programme.venues.get(venue_id)
        return (venue.name.get(self.lang) if venue else "") or venue_id

    def person_name(self, person_id: str) -> str:
        person = self.programme.people.get(person_id)
        return (person.name if person else "") or person_id

    def event_text(self, occ: Occ) -> str:
        uid = occ[_UID]
        asked = self.candidate is not None and self.candidate.uid == uid
        texts = self._texts.get(uid)
        if texts is not None and not asked:
            text = texts.get(occ[_TS])
            if text is not None:
                return text
        # The occurrence's own event: a changed occurrence may have a title of its own.
        event = occ[_EVENT]
        title = event.title.get(self.lang) or uid
        all_day = event.all_day
        text = self._m["event"].format(
            title=title, when=self.when(occ[_START], occ[_END], all_day)
        )
        if not asked:
            self._texts.setdefault(uid, {})[occ[_TS]] = text
        return text

    def forget(self, uid: str) -> None:
        """Drop what was written about ``uid`` (its title or times changed)."""
        self._texts.pop(uid, None)

    def duration(self, minutes: float) -> str:
        whole = max(0, math.ceil(minutes - 1e-9))
        if whole < 60:
            return self._m["minutes"].format(minutes=whole)
        return self._m["hours"].format(hours=whole // 60, minutes=whole % 60)

    def trip(self, a: str, b: str) -> float | None:
        key = (a, b)
        if key not in self._trips:
            va, vb = self.programme.venues.get(a), self.programme.venues.get(b)
            self._trips[key] = (
                None if va is None or vb is None else travel_minutes(va, vb, self.programme.travel)
            )
        return self._trips[key]

    # -- clashes --

    @staticmethod
    def _order(a: Occ, b: Occ) -> tuple[tuple[str, ...], tuple[datetime, ...],
                                         tuple[datetime | None, ...]]:
        """The UIDs of two occurrences in order, with their starts and RECURRENCE-IDs."""
        if a[_UID] > b[_UID]:
            a, b = b, a
        return (a[_UID], b[_UID]), (a[_START], b[_START]), (a[_RID], b[_RID])

    def overlap(self, kind: ClashKind, where: str, first: Occ, second: Occ) -> Clash:
        """A ``venue`` or ``speaker`` clash; ``first`` starts no later than ``second``."""
        if first[:3] > second[:3]:
            first, second = second, first
        events, starts, rids = self._order(first, second)
        span = (
            first[_START] if first[_TS] >= second[_TS] else second[_START],
            first[_END] if first[_TE] <= second[_TE] else second[_END],
        )
        texts = {"first": self.event_text(first), "second": self.event_text(second)}
        if kind == "venue":
            message = self._m["venue"].format(venue=self.venue_name(where), **texts)
            return Clash("venue", events, message, starts, span, venue=where,
                         recurrence_ids=rids)
        message = self._m["speaker"].format(person=self.person_name(where), **texts)
        return Clash("speaker", events, message, starts, span, person=where,
                     recurrence_ids=rids)

    def travel(self, person: str, before: Occ, after: Occ) -> Clash | None:
        """The travel clash between ``before`` and ``after`` (which starts when or after
        ``before`` ends), or ``None`` when the trip fits."""
        va, vb = before[_VENUE], after[_VENUE]
        if va == vb or before[_UID] == after[_UID]:
            return None
        gap = (after[_TS] - before[_TE]) / 60
        if gap >= self._longest_trip:
            return None
        trip = self.trip(va, vb)
        if trip is None or gap >= trip:
            return None
        events, starts, rids = self._order(before, after)
        message = self._m["travel"].format(
            person=self.person_name(person), from_venue=self.venue_name(va),
            to_venue=self.venue_name(vb), first=self.event_text(before),
            second=self.event_text(after), gap=self.duration(gap), trip=self.duration(trip),
        )  # fmt: skip
        return Clash("travel", events, message, starts, (before[_END], after[_START]),
                     person=person, recurrence_ids=rids)  # fmt: skip

    def busy(self, kind: Literal["person", "venue"], owner_id: str) -> list[Span]:
        """When the person or venue ``owner_id`` is not available (empty: always is)."""
        key = (kind, owner_id)
        found = self._busy.get(key)
        if found is None:
            owner = (self.programme.people if kind == "person" else self.programme.venues
                     ).get(owner_id)
            found = busy_spans(owner.availability) if owner is not None and \
                owner.availability else []
            self._busy[key] = found
        return found

    def unavailable(
        self, kind: Literal["person", "venue"], owner_id: str, occ: Occ, part: Span
    ) -> Clash:
        """The ``unavailable`` clash of ``occ`` whose ``part`` its venue or person (``kind``,
        ``owner_id``) cannot make."""
        zone = occ[_START].tzinfo
        start = occ[_START] if part[0] <= occ[_TS] else datetime.fromtimestamp(part[0], zone)
        end = occ[_END] if part[1] >= occ[_TE] else datetime.fromtimestamp(part[1], zone)
        when = self.when(start, end, False)
        if kind == "person":
            message = self._m["unavailable_person"].format(
                person=self.person_name(owner_id), event=self.event_text(occ), part=when)
            return Clash("unavailable", (occ[_UID],), message, (occ[_START],), (start, end),
                         person=owner_id, recurrence_ids=(occ[_RID],))
        message = self._m["unavailable_venue"].format(
            venue=self.venue_name(owner_id), event=self.event_text(occ), part=when)
        return Clash("unavailable", (occ[_UID],), message, (occ[_START],), (start, end),
                     venue=owner_id, recurrence_ids=(occ[_RID],))

    def unavailable_of(self, occs: list[Occ]) -> list[Clash]:
        """The ``unavailable`` clashes of one event's occurrences, each with its own venue
        and speakers (a bisect per occurrence; a whole timeline is swept by
        :func:`_unavailable_sweep`). Instants and placeholder venues take part in nothing."""
        result = []
        venues = self.programme.venues
        for occ in occs:
            if occ[_TE] <= occ[_TS]:
                continue
            owners: list[tuple[Literal["person", "venue"], str]] = []
            venue = venues.get(occ[_VENUE])
            if venue is None or not venue.placeholder:
                owners.append(("venue", occ[_VENUE]))
            owners += [("person", p) for p in occ[_EVENT].speakers]
            for kind, owner in owners:
                busy = self.busy(kind, owner)
                if not busy:
                    continue
                part = uncovered(busy, occ[_TS], occ[_TE])
                if part is not None:
                    result.append(self.unavailable(kind, owner, occ, part))
        return result

    def singles(self, event: Event, occs: list[Occ]) -> list[Clash]:
        """The ``outside`` and ``capacity`` clashes of one event."""
        result = []
        first, last = self._window
        for occ in occs:
            if occ[_TS] < first or occ[_TE] > last:
                message = self._m["outside"].format(
                    event=self.event_text(occ), first_day=self.programme.first_day.isoformat(),
                    last_day=self.programme.last_day.isoformat(),
                )  # fmt: skip
                result.append(Clash("outside", (event.uid,), message, (occ[_START],),
                                    (occ[_START], occ[_END]), venue=occ[_VENUE],
                                    recurrence_ids=(occ[_RID],)))  # fmt: skip
        venue = self.programme.venues.get(event.venue)
        if (
            occs
            and venue is not None
            and venue.capacity is not None
            and event.attendance is not None
            and event.attendance > venue.capacity
        ):
            occ = occs[0]
            message = self._m["capacity"].format(
                event=self.event_text(occ), attendance=event.attendance,
                venue=self.venue_name(venue.id), capacity=venue.capacity,
            )  # fmt: skip
            # Every occurrence is too full: the event as a whole (no RECURRENCE-ID).
            result.append(Clash("capacity", (event.uid,), message, (occ[_START],),
                                (occ[_START], occ[_END]), venue=venue.id,
                                recurrence_ids=(None,)))  # fmt: skip
        return result


# ---------------------------------------------------------------------------------------------
# Checking a whole programme


def find_clashes(programme: Programme, lang: Lang = "en") -> list[Clash]:
    """Every clash in ``programme``, in :func:`clash_sort_key` order (by time).

    Names and titles in the messages are in ``lang``.
    """
    return ClashIndex(programme, lang).clashes()


def _venues_of(event: Event) -> set[str]:
    """The venues an event's occurrences take place in (a changed occurrence may move)."""
    return {event.venue, *(o.venue for o in event.overrides)}


def _people_of(event: Event) -> set[str]:
    return {*event.speakers, *(p for o in event.overrides for p in o.speakers)}


def when_text(programme: Programme, start: datetime, end: datetime, lang: Lang = "en",
              all_day: bool = False) -> str:
    """``start``–``end`` as clash messages write it ("Thu 4 Apr 10:00–11:30"), in the
    programme's zone and ``lang``."""
    return _Writer(programme, lang).when(start, end, all_day)


def clashes_for(programme: Programme, candidate: Event, lang: Lang = "en") -> list[Clash]:
    """The clashes ``candidate`` would have if it were put into ``programme`` (in place of
    the event with its UID, if any), in :func:`clash_sort_key` order.

    Only the events that share the candidate's venue or a speaker are looked at. For many
    questions against one programme (a drag preview) build a :class:`ClashIndex` once and
    ask its :meth:`ClashIndex.clashes_for`.
    """
    people = _people_of(candidate)
    venues = _venues_of(candidate)
    related = Programme(
        name=programme.name, timezone=programme.timezone, first_day=programme.first_day,
        last_day=programme.last_day, tracks=programme.tracks, venues=programme.venues,
        people=programme.people, travel=programme.travel, zones=programme.zones,
        events={
            uid: e for uid, e in programme.events.items()
            if uid != candidate.uid
            and (venues.intersection(_venues_of(e)) or people.intersection(_people_of(e)))
        },
    )  # fmt: skip
    return ClashIndex(related, lang).clashes_for(candidate)


class ClashIndex:
    """The occurrences of a programme filed by venue and by person, with its clashes.

    Build it once (it costs about one :func:`find_clashes`), then:

    - :meth:`clashes` gives every clash, as :func:`find_clashes` would;
    - :meth:`clashes_for` tells what one moved or new event would clash with, looking only
      at its venue's and its speakers' timelines (a drag preview asks this per slot);
    - :meth:`update` follows an edit of one or more events (changed, added or removed in
      the programme the index was built on) at a cost that does not grow with the programme;
    - :meth:`rebuild` starts over, after changes to venues, people or travel settings.

    The index keeps a reference to the programme and reads it on :meth:`update`. It is not
    thread-safe: build it on a worker if you like, then use it from one thread.
    """

    def __init__(self, programme: Programme, lang: Lang = "en") -> None:
        self.programme = programme
        self.lang: Lang = lang
        self.rebuild()

    def rebuild(self) -> None:
        """Read the whole programme again and find every clash."""
        self._writer = _Writer(self.programme, self.lang)
        self._window = self.programme.window
        self._placeholders = {v.id for v in self.programme.venues.values() if v.placeholder}
        self._occ: dict[str, list[Occ]] = {}
        self._events: dict[str, Event] = {}
        self._venues: dict[str, _Timeline] = {}
        self._people: dict[str, _Timeline] = {}
        self._by_uid: dict[str, set[Clash]] = {}
        self._travel: dict[str, list[Clash]] = {}
        # Every clash with its sort key, kept in order so that an edit costs a few bisects
        # rather than sorting all clashes again.
        self._keys: dict[Clash, tuple[object, ...]] = {}
        self._order: list[tuple[tuple[object, ...], Clash]] = []
        self._sorted: list[Clash] | None = None
        self._building = True
        self._fill()
        writer = self._writer
        for venue, line in self._venues.items():
            line.finish()
            for a, b in _sweep(line.items):
                self._file(writer.overlap("venue", venue, a, b))
        for person, line in self._people.items():
            line.finish()
            for a, b in _sweep(line.items):
                self._file(writer.overlap("speaker", person, a, b))
            self._travel_of(person)
        owners: list[tuple[Literal["person", "venue"], dict[str, _Timeline]]] = [
            ("venue", self._venues), ("person", self._people)]
        for kind, lines in owners:
            for owner, line in lines.items():
                busy = writer.busy(kind, owner)
                if busy:
                    for occ, part in _unavailable_sweep(line.items, busy):
                        self._file(writer.unavailable(kind, owner, occ, part))
        for event in self._events.values():
            for clash in writer.singles(event, self._occ[event.uid]):
                self._file(clash)
        self._order = sorted((key, clash) for clash, key in self._keys.items())
        self._building = False

    @staticmethod
    def _timeline(lines: dict[str, _Timeline], key: str) -> _Timeline:
        line = lines.get(key)
        if line is None:
            line = lines[key] = _Timeline()
        return line

    def _lines(
        self, occ: Occ, *, create: bool = True
    ) -> Iterator[tuple[ClashKind, str, _Timeline | None]]:
        """The timelines an occurrence takes part in: its venue's (unless the venue is a
        placeholder, "To be announced", where nothing clashes) and each of its speakers'.
        An instant (an event without end in its file) takes no time and is in none."""
        if occ[_TE] <= occ[_TS]:
            return
        venue = occ[_VENUE]
        if venue not in self._placeholders:
            line = self._timeline(self._venues, venue) if create else self._venues.get(venue)
            yield "venue", venue, line
        for person in occ[_EVENT].speakers:
            line = self._timeline(self._people, person) if create else self._people.get(person)
            yield "speaker", person, line

    def _fill(self) -> None:
        window = self._window
        for event in self.programme.events.values():
            occs = _occurrences(event, window)
            self._occ[event.uid] = occs
            self._events[event.uid] = event
            for occ in occs:
                for _, _, line in self._lines(occ):
                    assert line is not None
                    line.items.append(occ)

    def _file(self, clash: Clash) -> None:
        for uid in clash.events:
            self._by_uid.setdefault(uid, set()).add(clash)
        self._add(clash)

    def _add(self, clash: Clash) -> None:
        if clash in self._keys:
            return
        key = self._keys[clash] = clash_sort_key(clash)
        if not self._building:
            insort(self._order, (key, clash))
            self._sorted = None

    def _drop(self, clash: Clash) -> None:
        key = self._keys.pop(clash, None)
        if key is None:
            return
        i = bisect_left(self._order, (key,))
        if i < len(self._order) and self._order[i][1] == clash:
            del self._order[i]
        self._sorted = None

    def _travel_of(self, person: str) -> None:
        for old in self._travel.get(person, ()):
            self._drop(old)
        line = self._people.get(person)
        found = []
        if line is not None:
            for before, after in _previous(line.items):
                clash = self._writer.travel(person, before, after)
                if clash is not None:
                    found.append(clash)
        if found:
            self._travel[person] = found
            for new in found:
                self._add(new)
        else:
            self._travel.pop(person, None)

    # -- questions --

    def clashes(self) -> list[Clash]:
        """Every clash, in :func:`clash_sort_key` order."""
        if self._sorted is None:
            self._sorted = [clash for _, clash in self._order]
        return list(self._sorted)

    def clashes_of(self, uid: str) -> list[Clash]:
        """The clashes that involve the event ``uid``, in :func:`clash_sort_key` order."""
        found = set(self._by_uid.get(uid, ()))
        for person in self._events[uid].speakers if uid in self._events else ():
            found.update(c for c in self._travel.get(person, ()) if uid in c.events)
        return sorted(found, key=clash_sort_key)

    def clashes_for(self, candidate: Event) -> list[Clash]:
        """The clashes ``candidate`` would have in place of the event with its UID (or as a
        new event), in :func:`clash_sort_key` order. The index is not changed."""
        writer = self._writer
        occs = _occurrences(candidate, self._window)
        if not occs:
            return []
        uid = candidate.uid
        found: set[Clash] = set()
        own: dict[str, list[Occ]] = {}  # person -> the candidate's occurrences with them
        # The writer looks events up by UID: for this question it sees the candidate.
        writer.candidate = candidate
        try:
            found.update(writer.singles(candidate, occs))
            found.update(writer.unavailable_of(occs))
            for occ in occs:
                for kind, key, line in self._lines(occ, create=False):
                    if kind == "speaker":
                        own.setdefault(key, []).append(occ)
                    for other in line.overlapping(occ[_TS], occ[_TE]) if line else ():
                        if other[_UID] != uid:
                            found.add(writer.overlap(kind, key, other, occ))
            for person, mine in own.items():
                line = self._people.get(person)
                # A person's timeline is short: their travel is simply worked out again.
                items = [o for o in line.items if o[_UID] != uid] if line is not None else []
                items = sorted(items + mine)
                for before, after in _previous(items):
                    if uid in (before[_UID], after[_UID]):
                        clash = writer.travel(person, before, after)
                        if clash is not None:
                            found.add(clash)
        finally:
            writer.candidate = None
        return sorted(found, key=clash_sort_key)

    # -- changes --

    def update(self, *uids: str) -> None:
        """Follow changes to the events ``uids`` in the programme: changed, added or removed
        (a UID the programme no longer has)."""
        for uid in uids:
            self._update_one(uid)

    def _update_one(self, uid: str) -> None:
        old = self._events.pop(uid, None)
        new = self.programme.events.get(uid)
        if old is None and new is None:
            return
        self._writer.forget(uid)
        people: set[str] = set()
        for occ in self._occ.pop(uid, []):
            for kind, key, line in self._lines(occ, create=False):
                if line is not None:
                    line.remove(occ)
                if kind == "speaker":
                    people.add(key)
        for clash in self._by_uid.pop(uid, set()):
            self._drop(clash)
            for other in clash.events:
                if other != uid and other in self._by_uid:
                    self._by_uid[other].discard(clash)
        if new is not None:
            self._events[uid] = new
            occs = _occurrences(new, self._window)
            self._occ[uid] = occs
            writer = self._writer
            for clash in writer.singles(new, occs):
                self._file(clash)
            for clash in writer.unavailable_of(occs):
                self._file(clash)
            placed: list[tuple[_Timeline, Occ]] = []
            for occ in occs:
                for kind, key, line in self._lines(occ):
                    assert line is not None
                    for found in line.overlapping(occ[_TS], occ[_TE]):
                        # A person listed twice on one event must not clash with it.
                        if found[_UID] != uid:
                            self._file(writer.overlap(kind, key, found, occ))
                    placed.append((line, occ))
                    if kind == "speaker":
                        people.add(key)
            # Added after all are checked: an event's occurrences do not clash with each
            # other (they were never compared: same UID).
            for line, occ in placed:
                line.add(occ)
        for person in people:
            self._travel_of(person)
