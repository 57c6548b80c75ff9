"""Merging imported events into a programme by UID: shared by ICS, CSV and the UI's import.

Readers (:func:`planner.ics.read_ics`, :func:`planner.csvio.read_csv`) turn a file into
:class:`IncomingEvent` records, :class:`ImportProblem` s (events that cannot be used, each
with its reason) and notes (what was read in a way the user should know). :func:`plan_files`
(or :func:`plan_import` for events alone) is a pure function that compares them with a
programme and returns an :class:`ImportPlan`: the events to add and to update, those
unchanged, the tracks, venues, people and time zones to create, the events skipped with
their reasons, and the programme's days after the import. :func:`apply_plan` carries a plan
out and :func:`revert_plan` takes it back (an undoable import command calls these two),
each returning the :class:`~planner.store.Changes` to save in one transaction.

What an import does, as calendar clients do it (issue 15):

- every event that can be used is imported; each one that cannot is skipped and reported
  (file, UID, why), as Thunderbird does. :func:`refuse_if_invalid` turns that into today's
  all-or-nothing refusal for ``--strict``;
- nothing is refused for lying outside the programme's days: the days grow to hold what is
  imported (and the report says so). A series counts from its first occurrence to its last
  within a year of it (a rule without end, from its first);
- a changed occurrence (RECURRENCE-ID) joins its series, whether the series comes in the
  same file, in another file of the import, or is in the programme already; one whose series
  is nowhere stands as an event of its own. Two different events with one UID are both kept:
  the second under a UID of its own, remembering the file's (``source_uid``);
- an event without LOCATION goes to the placeholder venue "To be announced", one without
  CATEGORIES to the placeholder track "General"; neither is written back on export.

Merge rule (RFC 5546): an event whose UID the programme has already is updated when the
incoming SEQUENCE is higher, or equal with a later LAST-MODIFIED (or DTSTAMP); for a series,
the highest of the series' and its changed occurrences' counts. Otherwise it is unchanged,
so importing the same file twice changes nothing. Rows from a spreadsheet carry no SEQUENCE:
they update when their content differs, and the SEQUENCE is raised as an edit would raise it.
"""

from __future__ import annotations

import dataclasses
import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, cast
from zoneinfo import ZoneInfo

from planner.i18n import Message, msg, shortened
from planner.ids import IdAllocator, split_affiliation
from planner.model import (
    DEFAULT_LAST_MODIFIED,
    LANGS,
    MAX_DAYS,
    STATUSES,
    Event,
    Lang,
    Period,
    Person,
    Programme,
    ProgrammeError,
    Recurrence,
    RecurrenceId,
    Session,
    Status,
    Texts,
    TimeWindow,
    Track,
    ValidationError,
    Venue,
    instant,
    touch,
    validate_event,
    validate_session,
    validate_windows,
)
from planner.zones import definition_of, is_iana

if TYPE_CHECKING:
    from planner.store import Changes

# Colours given to tracks an import creates without one (Tableau 10, readable on white).
TRACK_PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip
# Where an event without LOCATION or CATEGORIES goes: placeholders, never written back.
NO_VENUE = Venue("tba", Texts("Ort folgt", "To be announced", "Место уточняется"),
                 placeholder=True)
NO_TRACK = Track("general", Texts("Allgemein", "General", "Общее"), "#607d8b", placeholder=True)
# The title of an event without SUMMARY (not written back either).
UNTITLED = Texts("(ohne Titel)", "(no title)", "(без названия)")


# The years an imported time may fall in: wide enough for any real programme, and far enough
# from datetime's limits that moving a time between zones or adding a day cannot overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2999
# How far a series' occurrences reach into the days an import gives a programme.
SERIES_REACH = timedelta(days=366)
_UTC = ZoneInfo("UTC")


READ_AS = "X-PLANNER-READ-AS"
"""The parameter on a DTEND or DURATION kept as its file wrote it (an end before the start,
of the other value type than DTSTART, or one no date holds): the event's start and end as
the import made them, see :func:`read_as`. An export writes the line as it came (without
the parameter) in place of the programme's end while the event still has those times; once
it is moved or resized, the programme's end."""


def read_as(start: datetime, end: datetime) -> str:
    """The value of :data:`READ_AS` for an event with ``start`` and ``end``."""
    return f"{instant(start):%Y%m%dT%H%M%SZ}/{instant(end):%Y%m%dT%H%M%SZ}"


def in_years(value: date) -> bool:
    """Whether ``value`` lies in the years an import accepts."""
    return FIRST_YEAR <= value.year <= LAST_YEAR


def outside_years(name: str, value: date) -> Message:
    """The problem with a time outside the years an import accepts."""
    return msg("{name} {value} is outside the years {first} to {last}", name=name,
               value=value.isoformat(), first=FIRST_YEAR, last=LAST_YEAR)


Ref = str | Message
"""How a message names an event in a file: the file alone (a ``str``), or a message that
names the event in it too (:func:`event_ref`, :func:`line_ref`), in the reader's language."""


def event_ref(source: str, uid: str) -> Message:
    """The event ``uid`` of the file ``source``, as messages name it ("talks.ics: event
    'x@y'")."""
    return msg("{file}: event '{uid}'", file=source, uid=uid)


def line_ref(source: str, line: int, uid: str = "") -> Message:
    """Line ``line`` of the file ``source`` (with the event ``uid`` it gives, if any), as
    messages name it ("talks.csv line 4", "talks.csv line 4 (event 'x@y')")."""
    if uid:
        return msg("{file} line {line} (event '{uid}')", file=source, line=line, uid=uid)
    return msg("{file} line {line}", file=source, line=line)


class ImportRefusedError(ProgrammeError):
    """Input refused as a whole; the message names the file and the event."""


@dataclass(slots=True)
class IncomingEvent:
    """One event as a file describes it, before it is matched against a programme.

    ``ref`` names the file and the event in messages ("talks.ics: event 'x@y'", "talks.csv
    line 4"); ``where`` names the file (and line) alone, for messages that name the event
    themselves.

    ``start``/``end`` are aware in a zone (an IANA one, or a ``ZoneInfo`` a file defined,
    kept as they are), aware in UTC (a single event's are turned into the programme's zone;
    a series keeps UTC, in which its rule runs), or naive: floating time, read in
    ``floating_zone`` or else the programme's zone. For an all-day event they are naive
    midnights, the end exclusive. ``end`` is ``None`` when the file gives no end: an
    all-day event then lasts a day, one with a time is an instant (RFC 5545 3.6.1).
    ``track``, ``venue`` and ``speakers`` are names (or ids) to match; ``venue_title`` and
    ``venue_address``, when a file keeps them apart (Apple's structured location), name and
    place a venue the import creates. ``sequence`` is ``None`` for rows without versioning
    (CSV).

    A series has ``rule`` (and ``more_rules``), ``rdates`` (starts) and ``periods`` (start
    and end), ``exdates``; each a date (all-day) or a date-time as described for ``start``.
    An UNTIL in a rule is as the file wrote it. A changed occurrence has ``recurrence_id``
    (and ``this_and_future`` for RANGE=THISANDFUTURE). ``preserved`` holds the properties
    the programme has no field for, as iCalendar text; ``absent`` the properties the file
    left out that the programme fills in (see :class:`planner.model.Event`).
    """

    ref: Ref
    uid: str
    title: str
    start: datetime
    end: datetime | None
    where: Ref = ""
    all_day: bool = False
    floating_zone: str | None = None
    track: str = ""
    track_colour: str | None = None
    venue: str = ""
    venue_title: str = ""
    venue_address: str = ""
    venue_lat: float | None = None
    venue_lon: float | None = None
    speakers: tuple[str, ...] = ()
    description: str = ""
    languages: tuple[str, ...] = ()
    status: str = "confirmed"
    rule: str | None = None
    exdates: tuple[datetime | date, ...] = ()
    sequence: int | None = 0
    last_modified: datetime | None = None
    url: str = ""
    more_rules: tuple[str, ...] = ()
    rdates: tuple[datetime | date, ...] = ()
    periods: tuple[tuple[datetime, datetime], ...] = ()
    recurrence_id: datetime | date | None = None
    this_and_future: bool = False
    preserved: str = ""
    absent: frozenset[str] = frozenset()
    source_uid: str = ""  # the UID as the file wrote it, when ``uid`` is cleaned up
    # The DTEND or DURATION content line as the file wrote it, where the import reads the
    # end otherwise than the line says (see :data:`READ_AS`); else empty.
    end_as_written: str = ""
    # No DTSTART beside the RECURRENCE-ID (an iTIP CANCEL or REPLY, RFC 5546): ``start`` is
    # the RECURRENCE-ID, and the occurrence has its series' times and what the component
    # leaves out (see _occurrence_of).
    of_series: bool = False

    @property
    def repeats(self) -> bool:
        return bool(self.rule or self.more_rules or self.rdates or self.periods)


@dataclass(slots=True)
class IncomingSession:
    """An event a file gives a length but no time (a spreadsheet row with ``duration``):
    it becomes an unscheduled session. Names are matched as for :class:`IncomingEvent`; an
    empty ``venue`` means none chosen yet."""

    ref: Ref
    uid: str
    title: str
    duration: timedelta
    where: Ref = ""
    track: str = ""
    venue: str = ""
    speakers: tuple[str, ...] = ()
    description: str = ""
    languages: tuple[str, ...] = ()
    status: str = "confirmed"
    # A spreadsheet row must give a title; a VEVENT without SUMMARY is untitled (UNTITLED).
    titled: bool = True


@dataclass(slots=True)
class IncomingWindow:
    """An availability window from a file: ``owner_kind`` is ``person`` or ``venue``,
    ``owner`` a name or id; ``start`` and ``end`` are naive, in the programme's zone."""

    ref: Ref
    owner_kind: str
    owner: str
    start: datetime
    end: datetime
    kind: str = "available"


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """An event that cannot be imported: ``ref`` names file and event (in English, as
    ``str`` of a :data:`Ref`), ``message`` says why (one translatable line, starting with
    the file's name and the event, each in the language it is rendered in)."""

    ref: str
    message: Message

    def __str__(self) -> str:
        return str(self.message)


def problem(ref: Ref, reason: Message) -> ImportProblem:
    """The problem ``reason`` with the event ``ref`` names."""
    return ImportProblem(str(ref), one_line(msg("{path}: {reason}", path=ref, reason=reason)))


def one_line(message: Message) -> Message:
    """``message`` with line breaks in its values written as ``\\n``, as ICS writes them:
    a problem is one line, even when a file's UID, status or cell holds a line break."""
    params = {}
    for key, value in message.params.items():
        if isinstance(value, Message):
            value = one_line(value)
        elif isinstance(value, str) and ("\n" in value or "\r" in value):
            value = value.replace("\r", "\\r").replace("\n", "\\n")
        params[key] = value
    return Message(message.template, params)


@dataclass(slots=True)
class ReadResult:
    """What a reader made of one file: events, problems, notes (things read in a way the
    user should know of, one line each) and the time zones the file defines that no IANA
    zone matches (key -> VTIMEZONE text, see :attr:`planner.model.Programme.zones`)."""

    source: str
    zone: str | None = None
    name: str = ""
    events: list[IncomingEvent] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    sessions: list[IncomingSession] = field(default_factory=list)
    windows: list[IncomingWindow] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    zones: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class ImportPlan:
    """What importing would do to a programme; see the module doc."""

    added: list[Event] = field(default_factory=list)
    updated: list[tuple[Event, Event]] = field(default_factory=list)  # (old, new)
    unchanged: list[str] = field(default_factory=list)
    tracks: list[Track] = field(default_factory=list)
    venues: list[Venue] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    skipped: list[ImportProblem] = field(default_factory=list)
    old_days: tuple[date, date] = (date.min, date.min)
    new_days: tuple[date, date] = (date.min, date.min)
    # Unscheduled sessions added and updated (old, new); sessions that an incoming event of
    # the same UID places (they leave the unscheduled list).
    added_sessions: list[Session] = field(default_factory=list)
    updated_sessions: list[tuple[Session, Session]] = field(default_factory=list)
    placed_sessions: list[Session] = field(default_factory=list)
    # Existing people and venues whose availability the import replaces: (old, new).
    availability: list[tuple[Person | Venue, Person | Venue]] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    zones: dict[str, str] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added) + len(self.added_sessions),
            "updated": len(self.updated) + len(self.updated_sessions),
            "unchanged": len(self.unchanged),
            "skipped": len(self.skipped),
        }

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.updated or self.tracks or self.venues or self.people
                    or self.old_days != self.new_days or self.added_sessions
                    or self.updated_sessions or self.availability)

    @property
    def days_changed(self) -> bool:
        return self.old_days != self.new_days

    def changes(self) -> Changes:
        """The ids this plan touches, for :meth:`planner.store.ProgrammeStore.write`."""
        from planner.store import Changes

        return Changes(
            events=[e.uid for e in self.added] + [new.uid for _, new in self.updated],
            tracks=[t.id for t in self.tracks],
            venues=[v.id for v in self.venues]
            + [new.id for _, new in self.availability if isinstance(new, Venue)],
            people=[p.id for p in self.people]
            + [new.id for _, new in self.availability if isinstance(new, Person)],
            meta=self.old_days != self.new_days or bool(self.zones),
            sessions=[s.uid for s in self.added_sessions]
            + [new.uid for _, new in self.updated_sessions],
            removed_sessions=[s.uid for s in self.placed_sessions],
        )


# ---------------------------------------------------------------------------------------------
# Matching tracks, venues and people by name


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Resolver:
    """Finds or creates tracks, venues and people by name in a working programme.

    A venue is found only by a name that is the whole of one of its names (in any language),
    or the whole of "name, address" as exports write it: "Arena, Room 8" is not "Arena"."""

    def __init__(self, programme: Programme) -> None:
        self.programme = programme
        self.tracks: dict[str, str] = {}
        self.venues: dict[str, str] = {}
        self.people: dict[str, str] = {}
        self.created_tracks: dict[str, Track] = {}
        self.created_venues: dict[str, Venue] = {}
        self.created_people: dict[str, Person] = {}
        self._no_track = next((t.id for t in programme.tracks.values() if t.placeholder), None)
        self._no_venue = next((v.id for v in programme.venues.values() if v.placeholder), None)
        # People and venues that an import gives availability windows.
        self.window_owners: dict[str, set[str]] = {"person": set(), "venue": set()}
        self._track_ids = IdAllocator(programme.tracks, "track")
        self._venue_ids = IdAllocator(programme.venues, "venue")
        self._person_ids = IdAllocator(programme.people, "person")
        for track in programme.tracks.values():
            self._index_track(track)
        for venue in programme.venues.values():
            self._index_venue(venue)
        for person in programme.people.values():
            self.people.setdefault(_key(person.name), person.id)
            self.people.setdefault(_key(person.id), person.id)

    def _index_track(self, track: Track) -> None:
        if track.placeholder:
            return  # "General" is no category a file can name
        for name in (*track.name.as_dict().values(), track.id):
            if name:
                self.tracks.setdefault(_key(name), track.id)

    def _index_venue(self, venue: Venue) -> None:
        if venue.placeholder:
            return  # "To be announced" is no place a file can name
        for name in venue.name.as_dict().values():
            if name:
                self.venues.setdefault(_key(name), venue.id)
                if venue.address:
                    # The LOCATION our export writes: "name, address".
                    self.venues.setdefault(_key(f"{name}, {venue.address}"), venue.id)
        self.venues.setdefault(_key(venue.id), venue.id)

    def track(self, name: str, colour: str | None) -> str:
        if not name:
            if self._no_track is None:
                self._no_track = self._track_ids.new(NO_TRACK.id)
                self._add_track(dataclasses.replace(NO_TRACK, id=self._no_track))
            return self._no_track
        found = self.tracks.get(_key(name))
        if found is not None:
            return found
        tid = self._track_ids.new(name)
        palette = TRACK_PALETTE[len(self.programme.tracks) % len(TRACK_PALETTE)]
        self._add_track(Track(tid, Texts.same(name), colour or palette))
        return tid

    def _add_track(self, track: Track) -> None:
        self.programme.tracks[track.id] = track
        self.created_tracks[track.id] = track
        self._index_track(track)

    def venue(
        self, name: str, lat: float | None, lon: float | None, title: str = "",
        address: str = "",
    ) -> str:
        if not name and not title:
            if self._no_venue is None:
                self._no_venue = self._venue_ids.new(NO_VENUE.id)
                self._add_venue(dataclasses.replace(NO_VENUE, id=self._no_venue))
            return self._no_venue
        for candidate in (name, title):
            found = self.venues.get(_key(candidate)) if candidate else None
            if found is not None:
                self.venues[_key(name or title)] = found
                return found
        if not title:
            # Apple writes "name\naddress"; a one-line LOCATION is the venue's whole name.
            first_line, _, rest = name.partition("\n")
            title, address = (first_line.strip(), rest.strip()) if rest.strip() else (
                name.strip(), "")
        # The id from the name's first part (ids are short); the name is the whole text.
        vid = self._venue_ids.new(title.split(",")[0])
        # Half a position, or one off the globe, places nothing: the venue goes without.
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            lat = lon = None
        self._add_venue(Venue(vid, Texts.same(title), address, lat, lon))
        self.venues[_key(name or title)] = vid
        return vid

    def _add_venue(self, venue: Venue) -> None:
        self.programme.venues[venue.id] = venue
        self.created_venues[venue.id] = venue
        self._index_venue(venue)

    def person(self, text: str) -> str:
        found = self.people.get(_key(text))
        if found is not None:
            return found
        name, affiliation = split_affiliation(text)
        if affiliation or name != text:
            found = self.people.get(_key(name))
            if found is not None:
                return found
        pid = self._person_ids.new(name)
        person = Person(pid, name, affiliation)
        self.programme.people[pid] = person
        self.created_people[pid] = person
        self.people[_key(text)] = pid
        self.people[_key(name)] = pid
        return pid


# ---------------------------------------------------------------------------------------------
# Building events


class _Builder:
    def __init__(self, programme: Programme) -> None:
        self.zone = programme.zone
        self.zones: dict[str, ZoneInfo] = {programme.timezone: self.zone}

    def zone_named(self, name: str | None) -> ZoneInfo:
        if name is None:
            return self.zone
        zone = self.zones.get(name)
        if zone is None:
            zone = self.zones[name] = ZoneInfo(name)
        return zone

    def place(self, value: datetime, floating: ZoneInfo, *, keep_utc: bool) -> datetime:
        """An imported date-time in the zone the event keeps: its own zone, the floating
        zone for a floating time, and for UTC the programme's (or UTC, ``keep_utc``)."""
        if value.tzinfo is None:
            return value.replace(tzinfo=floating)
        if isinstance(value.tzinfo, ZoneInfo) and value.tzinfo.key not in ("UTC", "Etc/UTC"):
            return value
        return value.astimezone(_UTC if keep_utc else self.zone)

    def build(self, item: IncomingEvent, resolver: _Resolver) -> Event:
        """The model event for ``item`` (raises ValidationError with a message)."""
        for name, value in (("start", item.start), ("end", item.end)):
            if value is not None and not in_years(value):
                raise ValidationError(outside_years(name, value))
        floating = self.zone_named(item.floating_zone)
        # A series (and a changed occurrence of one) in UTC runs in UTC: its rule repeats at
        # the same UTC time, which no zone with clock changes keeps.
        keep_utc = item.repeats or item.recurrence_id is not None
        if item.all_day:
            start = item.start.replace(tzinfo=self.zone)
            end = (item.end or item.start).replace(tzinfo=self.zone)
            if end <= start:
                # No DTEND, or one equal to DTSTART: a day, as Google and Outlook read it.
                end = start + timedelta(days=1)
        else:
            start = self.place(item.start, floating, keep_utc=keep_utc)
            zone = start.tzinfo
            assert isinstance(zone, ZoneInfo)
            end = start if item.end is None else self.place(item.end, floating,
                                                             keep_utc=keep_utc)
            if end.tzinfo is not zone:
                end = end.astimezone(zone)
        if instant(end) < instant(start):
            raise ValidationError(
                msg("end {end} is not after start {start}", end=f"{end:%Y-%m-%d %H:%M}",
                    start=f"{start:%Y-%m-%d %H:%M}")
            )
        recurrence = None
        if item.repeats:
            recurrence = self._recurrence(item, start, floating)
        status, languages = _status_and_languages(item, titled=False)
        absent = item.absent
        title = Texts.same(item.title.strip()) if item.title.strip() else UNTITLED
        if title is UNTITLED:
            absent = absent | {"SUMMARY"}
        speakers = tuple(dict.fromkeys(resolver.person(s) for s in item.speakers))
        rid = None
        if item.recurrence_id is not None:
            rid = RecurrenceId(self._moment(item.recurrence_id, start, floating),
                               item.this_and_future)
        preserved = item.preserved
        if item.end_as_written:
            line = item.end_as_written
            name = re.split("[;:]", line, maxsplit=1)[0]
            preserved += f"{name};{READ_AS}={read_as(start, end)}{line[len(name):]}\r\n"
        return Event(
            uid=item.uid,
            title=title,
            start=start,
            end=end,
            track=resolver.track(item.track, item.track_colour),
            venue=resolver.venue(item.venue, item.venue_lat, item.venue_lon, item.venue_title,
                                 item.venue_address),
            description=Texts.same(item.description) if item.description else Texts(),
            speakers=speakers,
            languages=languages,
            status=status,
            all_day=item.all_day,
            recurrence=recurrence,
            sequence=item.sequence or 0,
            last_modified=(item.last_modified or DEFAULT_LAST_MODIFIED).astimezone(UTC),
            url=item.url,
            recurrence_id=rid,
            preserved=preserved,
            absent=absent,
            source_uid=item.source_uid,
        )

    def _moment(self, value: datetime | date, start: datetime, floating: ZoneInfo) -> datetime:
        """A date or date-time of a series (RDATE, EXDATE, RECURRENCE-ID) in the series'
        zone: a date is midnight (all-day) or the start's time of day on it."""
        zone = start.tzinfo
        assert isinstance(zone, ZoneInfo)
        if not isinstance(value, datetime):
            return datetime.combine(value, start.time(), zone)
        if value.tzinfo is None:
            value = value.replace(tzinfo=floating)
        return value.astimezone(zone)

    def _recurrence(self, item: IncomingEvent, start: datetime,
                    floating: ZoneInfo) -> Recurrence:
        from planner.recurrence import rule_until_to_local

        rules = []
        for rule in (item.rule, *item.more_rules):
            if not rule:
                continue
            until = _until_part(rule)
            year = int(until[:4]) if until is not None and until[:4].isdigit() else None
            if year is not None and year < FIRST_YEAR:
                # Ended before any time a programme holds: the start alone takes place.
                rule = _with_until(rule, start.replace(tzinfo=None).strftime("%Y%m%dT%H%M%S"))
            elif until is not None and until.endswith("Z"):
                if year is None or year > LAST_YEAR:
                    rule = _without_until(rule)  # at the end of time: no end at all
                else:
                    try:
                        rule = rule_until_to_local(rule, start)
                    except OverflowError:  # an UNTIL at the very edge of the calendar
                        rule = _without_until(rule)
            elif year is not None and year > LAST_YEAR:
                rule = _without_until(rule)
            # A floating UNTIL is wall-clock time in the start's zone (as libical reads
            # it), and a DATE ends that whole day: both stay as the file wrote them.
            rules.append(rule)

        def moments(values: Iterable[datetime | date]) -> tuple[datetime, ...]:
            found = []
            for value in values:
                if item.all_day:
                    day = value.date() if isinstance(value, datetime) else value
                    found.append(datetime.combine(day, time(0), start.tzinfo))
                else:
                    found.append(self._moment(value, start, floating))
            return tuple(sorted(set(found)))

        periods = []
        for begin, finish in item.periods:
            first, last = moments([begin]), moments([finish])
            if first and last and last[0] >= first[0]:
                periods.append(Period(first[0], last[0]))
        return Recurrence(
            rules[0] if rules else "",
            moments(item.exdates),
            more_rules=tuple(rules[1:]),
            rdates=moments(item.rdates),
            periods=tuple(sorted(set(periods), key=lambda p: (p.start, p.end))),
        )


def _until_part(rule: str) -> str | None:
    for part in rule.split(";"):
        key, sep, value = part.partition("=")
        if sep and key.strip().upper() == "UNTIL":
            return value.strip().upper()
    return None


def _with_until(rule: str, until: str) -> str:
    return f"{_without_until(rule)};UNTIL={until}"


def _without_until(rule: str) -> str:
    return ";".join(p for p in rule.split(";")
                    if p.partition("=")[0].strip().upper() != "UNTIL")


def _status_and_languages(
    item: IncomingEvent | IncomingSession, *, titled: bool = True
) -> tuple[Status, tuple[Lang, ...]]:
    """The status and languages an incoming item gives, checked; with ``titled`` its title
    must not be empty (raises ValidationError with a message). An event without SUMMARY is
    untitled instead (see :data:`UNTITLED`)."""
    status = item.status.lower()
    if status not in STATUSES:
        raise ValidationError(msg("unknown status '{status}'", status=item.status))
    languages = tuple(x.strip().lower() for x in item.languages if x.strip())
    for lang in languages:
        if lang not in LANGS:
            raise ValidationError(msg("unknown language '{lang}'", lang=lang))
    if titled and not item.title.strip():
        raise ValidationError(msg("has no title"))
    return status, cast(tuple[Lang, ...], languages)  # both checked above


def _keep_translations(old: Event, new: Event) -> Event:
    """``new`` with ``old``'s translations where the file's text is one of them."""
    title = old.title if new.title.en in old.title.as_dict().values() else new.title
    description = new.description
    if not new.description.en or new.description.en in old.description.as_dict().values():
        description = old.description if new.description.en else new.description
    if title is new.title and description is new.description:
        return new
    return dataclasses.replace(new, title=title, description=description)


def _day_span(event: Event, zone: ZoneInfo) -> tuple[date, date]:
    """The days ``event`` needs the programme to have: a single event's own; a series' from
    its first occurrence to its last within :data:`SERIES_REACH` of it."""
    from planner.recurrence import expand, rule_is_bounded

    last_end = event.end
    recurrence = event.recurrence
    if recurrence is not None and all(rule_is_bounded(r) for r in recurrence.rules):
        found = expand(event, before=event.start + SERIES_REACH).occurrences
        last_end = max((o.end for o in found), default=last_end)
    first = event.start.astimezone(zone).date()
    end = last_end.astimezone(zone)
    last = end.date() if end.time() != time(0) or end.date() == first else (
        end.date() - timedelta(days=1))
    return first, max(first, last)


def _days_for(
    spans: Sequence[tuple[date, date]], keep: tuple[date, date] | None
) -> tuple[date, date]:
    """The programme's days after an import of events with ``spans``: all of them and the
    days ``keep`` (a programme that has days already), or, where that is longer than a
    programme may last (:data:`~planner.model.MAX_DAYS`), the longest possible run of
    days, holding ``keep``, in which most events start."""
    lo = min(s[0] for s in spans)
    hi = max(s[1] for s in spans)
    if keep is not None:
        lo, hi = min(lo, keep[0]), max(hi, keep[1])
    length = timedelta(days=MAX_DAYS - 1)
    if hi - lo <= length:
        return lo, hi
    starts = sorted(s[0] for s in spans)
    earliest, latest = lo, hi - length
    if keep is not None:
        earliest, latest = max(earliest, keep[1] - length), min(latest, keep[0])
    candidates = {earliest, latest, *(d for d in starts if earliest <= d <= latest)}
    best = max(sorted(candidates), key=lambda day: bisect_right(starts, day + length)
               - bisect_left(starts, day))
    return best, best + length


def _version(event: Event) -> tuple[int, datetime]:
    """How new an event is, for the merge rule: the highest SEQUENCE and LAST-MODIFIED of a
    series and its changed occurrences."""
    versions = [(event.sequence, event.last_modified)] + [
        (o.sequence, o.last_modified) for o in event.overrides]
    return max(v[0] for v in versions), max(v[1] for v in versions)


def _stamp(value: datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%S")


# ---------------------------------------------------------------------------------------------
# The plan


def plan_files(
    programme: Programme,
    results: Sequence[ReadResult],
    *,
    extend_days: bool = True,
    fit_days: bool = False,
    now: datetime | None = None,
) -> ImportPlan:
    """:func:`plan_import` of everything the readers found in some files."""
    zones: dict[str, str] = {}
    for result in results:
        zones.update(result.zones)
    return plan_import(
        programme, [e for r in results for e in r.events],
        problems=[p for r in results for p in r.problems],
        notes=[n for r in results for n in r.notes], zones=zones, extend_days=extend_days,
        fit_days=fit_days, now=now, sessions=[x for r in results for x in r.sessions],
        windows=[x for r in results for x in r.windows],
    )


def plan_import(
    programme: Programme,
    items: Sequence[IncomingEvent],
    *,
    problems: Sequence[ImportProblem] = (),
    notes: Sequence[Message] = (),
    zones: Mapping[str, str] | None = None,
    extend_days: bool = True,
    fit_days: bool = False,
    now: datetime | None = None,
    sessions: Sequence[IncomingSession] = (),
    windows: Sequence[IncomingWindow] = (),
) -> ImportPlan:
    """Compare ``items`` with ``programme`` (unchanged) and say what importing them does.

    ``problems`` and ``notes`` are those the readers found already; ``zones`` the time zones
    the files define (by the keys the items' zones have). Each further problem (end before
    start, unknown status, a rule that cannot be read, ...) is added to ``plan.skipped``;
    the caller carries out the rest, or refuses the whole import when that list is not
    empty (:func:`refuse_if_invalid`). With ``extend_days`` the days grow to hold every
    event; without, events outside the days are imported and the clash check flags them.
    With ``fit_days`` (a programme the import creates) the days are those of the events.
    ``now`` stamps spreadsheet updates.

    ``sessions`` become unscheduled sessions, merged by UID like events (a session whose UID
    is placed already stays placed: a sheet does not take times away); an incoming event
    with the UID of an unscheduled session places it. ``windows`` replace the availability
    of each person and venue they name (so importing the same sheet twice changes nothing);
    a name the programme does not know becomes a new person or venue.
    """
    working = programme.copy()
    resolver = _Resolver(working)
    incoming_sessions = list(sessions)
    builder = _Builder(working)
    plan = ImportPlan(skipped=list(problems), notes=list(notes),
                      old_days=(programme.first_day, programme.last_day))
    built: list[tuple[IncomingEvent, Event]] = []
    for item in items:
        try:
            built.append((item, builder.build(item, resolver)))
        except ProgrammeError as exc:
            plan.skipped.append(problem(item.ref, exc.message))
    events = _assemble(programme, built, plan)
    # The zones files defined, for the checks below (a key the programme has for another
    # definition keeps it: the events read by this one are refused as in an unknown zone).
    for _, event in events:
        for one in (event, *event.overrides):
            text = definition_of(one.zone)
            if text is not None:
                working.zones.setdefault(one.zone.key, text)
    first, last = programme.first_day, programme.last_day
    if (extend_days or fit_days) and events:
        spans = [_day_span(event, working.zone) for _, event in events]
        first, last = _days_for(spans, None if fit_days else (first, last))
        outside = sum(1 for lo, hi in spans if lo < first or hi > last)
        if outside:
            plan.notes.append(msg(
                "{count} event(s) lie outside the programme's days ({first} to {last}; a "
                "programme lasts at most {max} days): the clash check lists them",
                count=outside, first=first, last=last, max=MAX_DAYS))
        working.first_day, working.last_day = first, last
    plan.new_days = (first, last)
    current: dict[str, Event] = {}
    added: dict[str, Event] = {}
    updated: dict[str, tuple[Event, Event]] = {}
    unchanged: dict[str, None] = {}
    stamp = (now or datetime.now(UTC)).replace(microsecond=0)
    for item, event in events:
        try:
            validate_event(working, event)
        except ProgrammeError as exc:
            # The model's messages name the event themselves.
            where = item.where or item.ref
            plan.skipped.append(ImportProblem(str(item.ref), one_line(
                msg("{path}: {reason}", path=where, reason=exc.message))))
            continue
        uid = event.uid
        old = current.get(uid) or programme.events.get(uid)
        if old is None:
            added[uid] = event
            current[uid] = event
            continue
        event = _keep_translations(old, event)
        if item.sequence is None:
            same = dataclasses.replace(event, sequence=old.sequence,
                                       last_modified=old.last_modified)
            if same == old:
                unchanged.setdefault(uid)
                continue
            event = touch(old, same, stamp)
        else:
            new_version, old_version = _version(event), _version(old)
            newer = new_version[0] > old_version[0] or (
                new_version[0] == old_version[0] and new_version[1] > old_version[1]) or (
                # Changed occurrences that join the series as it is: each was weighed
                # against the one it replaces already (see _assemble).
                event.overrides != old.overrides and dataclasses.replace(
                    event, overrides=()) == dataclasses.replace(old, overrides=()))
            if not newer or event == old:
                unchanged.setdefault(uid)
                continue
        current[uid] = event
        unchanged.pop(uid, None)
        if uid in added:
            added[uid] = event
        else:
            original = programme.events[uid]
            updated[uid] = (original, event)
    plan.added = list(added.values())
    plan.updated = list(updated.values())
    plan.placed_sessions = [programme.unscheduled[uid] for uid in added
                            if uid in programme.unscheduled]
    plan.unchanged = [u for u in unchanged if u not in added and u not in updated]
    sessions_now = _plan_sessions(programme, working, resolver, plan, incoming_sessions,
                                  set(current), stamp)
    _plan_windows(programme, working, resolver, plan, windows)
    used: list[Event | Session] = [*current.values(), *sessions_now]
    used += [o for e in current.values() for o in e.overrides]
    used_tracks = {e.track for e in used}
    used_venues = {e.venue for e in used} | {
        new.id for _, new in plan.availability if isinstance(new, Venue)} | {
        vid for vid in resolver.window_owners["venue"]}
    used_people = {p for e in used for p in e.speakers} | set(resolver.window_owners["person"])
    plan.tracks = [t for t in resolver.created_tracks.values() if t.id in used_tracks]
    plan.venues = [v for v in resolver.created_venues.values() if v.id in used_venues]
    plan.people = [p for p in resolver.created_people.values() if p.id in used_people]
    plan.zones = {}
    for zone in {e.zone for e in used if isinstance(e, Event)}:
        key = zone.key
        if key in programme.zones or is_iana(key):
            continue
        text = (zones or {}).get(key) or definition_of(zone)
        if text is not None:
            plan.zones[key] = text
    return plan


def _assemble(
    programme: Programme, built: list[tuple[IncomingEvent, Event]], plan: ImportPlan
) -> list[tuple[IncomingEvent, Event]]:
    """The events to import: each series with its changed occurrences (from the import or
    the programme), each lone changed occurrence, and two events of one UID apart."""
    from planner.recurrence import check_overrides

    series: dict[str, list[tuple[IncomingEvent, Event]]] = {}
    changed: dict[str, list[tuple[IncomingEvent, Event]]] = {}
    for item, event in built:
        into = changed if event.recurrence_id is not None else series
        into.setdefault(event.uid, []).append((item, event))
    result: list[tuple[IncomingEvent, Event]] = []
    taken: set[str] = set()

    def own_uid(uid: str, stamp: str) -> str:
        # The second event of a UID: a UID of its own, the same on every import of the file.
        candidate, n = f"{uid}/{stamp}", 2
        while candidate in taken:
            candidate = f"{uid}/{stamp}-{n}"
            n += 1
        return candidate

    masters: dict[str, tuple[IncomingEvent, Event]] = {}
    for uid, group in series.items():
        for n, (item, event) in enumerate(group):
            if n:
                event = dataclasses.replace(event, uid=own_uid(uid, _stamp(event.start)),
                                            source_uid=event.source_uid or uid)
            else:
                masters[uid] = (item, event)
            taken.add(event.uid)
            result.append((item, event))
    for uid, group in changed.items():
        target = masters.get(uid)
        stored = programme.events.get(uid)
        if target is None and stored is not None and stored.recurrence_id is None and (
                stored.recurrence is not None or stored.overrides):
            # The series is in the programme already: the changed occurrence joins it.
            target = (group[0][0], stored)
            result.append(target)
            taken.add(uid)
        if target is None:
            named = [(item, event) for item, event in group if item.of_series]
            for item, _ in named:
                # Nothing to take its times and the rest from.
                plan.skipped.append(problem(item.ref, msg(
                    "names an occurrence (RECURRENCE-ID without DTSTART) of a series that is "
                    "neither in the file nor in the programme")))
            group = [one for one in group if not one[0].of_series]
            for n, (item, event) in enumerate(group):
                assert event.recurrence_id is not None
                if n or uid in taken:
                    event = dataclasses.replace(
                        event, uid=own_uid(uid, _stamp(event.recurrence_id.start)),
                        source_uid=event.source_uid or uid)
                taken.add(event.uid)
                result.append((item, event))
            continue
        item, master = target
        overrides = {_rid_key(o): o for o in master.overrides}
        for incoming, override in group:
            override = _for_series(override, master, incoming.recurrence_id)
            if incoming.of_series:
                override = _occurrence_of(override, master, incoming)
            key = _rid_key(override)
            old = overrides.get(key)
            if old is None or _version(override) >= _version(old):
                overrides[key] = override
        merged = dataclasses.replace(master, overrides=tuple(
            overrides[k] for k in sorted(overrides)))
        try:
            check_overrides(merged)
        except ProgrammeError as exc:
            plan.skipped.append(problem(item.ref, exc.message))
            continue
        index = next(n for n, (_, e) in enumerate(result) if e is master)
        result[index] = (item, merged)
    return result


def _rid_key(override: Event) -> tuple[datetime, bool]:
    assert override.recurrence_id is not None
    rid = override.recurrence_id
    return rid.start.replace(tzinfo=None), rid.this_and_future


def _for_series(override: Event, master: Event, written: datetime | date | None) -> Event:
    """A changed occurrence as its series keeps it: RECURRENCE-ID in the series' zone, the
    series' UID. ``written`` is the RECURRENCE-ID as the file gave it. RFC 5545 3.8.4.4 wants
    it of the series' value type; one of the other type names the series' occurrence on
    that day: a date-time on an all-day series its day where it was written (not in UTC:
    00:00 in London in summer is the day before in UTC), a date on a timed series the
    series' time of day on it."""
    assert override.recurrence_id is not None
    rid = override.recurrence_id.start
    first, last = override.start, override.end
    if master.all_day:
        day = written.date() if isinstance(written, datetime) else (written or rid.date())
        start = datetime.combine(day, time(0), master.zone)
    else:
        if isinstance(written, date) and not isinstance(written, datetime):
            start = datetime.combine(written, master.start.time(), master.zone)
        else:
            start = rid.astimezone(master.zone)
        # The occurrence in the series' zone too (the same instants; a whole day the same
        # days): the programme keeps a RECURRENCE-ID as a wall-clock time in its event's
        # zone and matches it with the series' occurrences by their wall-clock times.
        if override.all_day:
            first, last = first.replace(tzinfo=master.zone), last.replace(tzinfo=master.zone)
        else:
            first, last = first.astimezone(master.zone), last.astimezone(master.zone)
    return dataclasses.replace(
        override, uid=master.uid, source_uid=master.source_uid, start=first, end=last,
        recurrence_id=dataclasses.replace(override.recurrence_id, start=start))


def _occurrence_of(override: Event, master: Event, item: IncomingEvent) -> Event:
    """An occurrence that a component names by its RECURRENCE-ID alone (no DTSTART: an iTIP
    CANCEL or REPLY, RFC 5546 3.2.5 and 3.2.3), as it means: the series' occurrence at that
    time, as long as the series' events, and what the component leaves out (title, place,
    track, text, speakers, status) as the series has it. A CANCEL calls it off."""
    assert override.recurrence_id is not None
    start = override.recurrence_id.start
    # What is taken from the series is written as the series writes it.
    taken = {name for name, given in (("SUMMARY", item.title.strip()),
                                      ("STATUS", "STATUS" not in override.absent)) if not given}
    return dataclasses.replace(
        override, start=start, end=start + (master.end - master.start),
        all_day=master.all_day,
        title=override.title if item.title.strip() else master.title,
        description=override.description if item.description else master.description,
        speakers=override.speakers if item.speakers else master.speakers,
        languages=override.languages if item.languages else master.languages,
        track=override.track if item.track else master.track,
        venue=override.venue if item.venue else master.venue,
        url=override.url or master.url,
        status=master.status if "STATUS" in override.absent else override.status,
        absent=(override.absent - taken) | (master.absent & taken))


def _plan_sessions(
    programme: Programme,
    working: Programme,
    resolver: _Resolver,
    plan: ImportPlan,
    items: Sequence[IncomingSession],
    placed_now: set[str],
    stamp: datetime,
) -> list[Session]:
    """Fill in the plan's sessions; returns every session the import leaves unscheduled."""
    kept: dict[str, Session] = {}
    added: dict[str, Session] = {}
    updated: dict[str, tuple[Session, Session]] = {}
    for item in items:
        try:
            status, languages = _status_and_languages(item, titled=item.titled)
            session = Session(
                uid=item.uid, duration=item.duration,
                title=Texts.same(item.title.strip()) if item.title.strip() else UNTITLED,
                track=resolver.track(item.track, None),
                venue=resolver.venue(item.venue, None, None) if item.venue else "",
                description=Texts.same(item.description) if item.description else Texts(),
                speakers=tuple(dict.fromkeys(resolver.person(x) for x in item.speakers)),
                languages=languages,
                status=status,
                last_modified=stamp)
            validate_session(working, session)
        except ProgrammeError as exc:
            plan.skipped.append(ImportProblem(str(item.ref), one_line(
                msg("{path}: {reason}", path=item.where or item.ref, reason=exc.message))))
            continue
        uid = session.uid
        if uid in programme.events or uid in placed_now:
            plan.unchanged.append(uid)
            continue
        old = programme.unscheduled.get(uid)
        if old is None:
            added[uid] = session
            continue
        same = dataclasses.replace(session, sequence=old.sequence,
                                   last_modified=old.last_modified,
                                   title=old.title if session.title.en in
                                   old.title.as_dict().values() else session.title)
        if same == old:
            plan.unchanged.append(uid)
            continue
        updated[uid] = (old, dataclasses.replace(same, sequence=old.sequence + 1,
                                                 last_modified=stamp))
    plan.added_sessions = list(added.values())
    plan.updated_sessions = list(updated.values())
    placed = {s.uid for s in plan.placed_sessions}
    for uid, session in programme.unscheduled.items():
        if uid not in placed:
            kept[uid] = session
    kept.update(added)
    kept.update({uid: new for uid, (_, new) in updated.items()})
    return list(kept.values())


def _plan_windows(
    programme: Programme,
    working: Programme,
    resolver: _Resolver,
    plan: ImportPlan,
    items: Sequence[IncomingWindow],
) -> None:
    """Fill in the plan's availability: each named person or venue gets the windows the
    file gives it, in place of those it had."""
    zone = working.zone
    found: dict[tuple[str, str], list[TimeWindow]] = {}
    for item in items:
        try:
            if item.kind not in ("available", "blocked"):
                raise ValidationError(msg("unknown kind of time '{kind}' (available or "
                                          "blocked)", kind=item.kind))
            start, end = item.start.replace(tzinfo=zone), item.end.replace(tzinfo=zone)
            if end <= start:
                raise ValidationError(msg("end {end} is not after start {start}",
                                          end=f"{end:%Y-%m-%d %H:%M}",
                                          start=f"{start:%Y-%m-%d %H:%M}"))
            owner = (resolver.person(item.owner) if item.owner_kind == "person"
                     else resolver.venue(item.owner, None, None))
        except ProgrammeError as exc:
            plan.skipped.append(problem(item.ref, exc.message))
            continue
        found.setdefault((item.owner_kind, owner), []).append(
            TimeWindow(start, end, item.kind))  # type: ignore[arg-type]
    for (kind, owner), windows in found.items():
        resolver.window_owners[kind].add(owner)
        ordered = tuple(sorted(windows, key=lambda w: (w.start, w.end, w.kind)))
        validate_windows(msg("person '{id}'", id=owner) if kind == "person"
                         else msg("venue '{id}'", id=owner), ordered)
        if kind == "person":
            old_person = programme.people.get(owner)
            if old_person is None:  # created by this import: it comes with its windows
                person = resolver.created_people[owner]
                resolver.created_people[owner] = dataclasses.replace(
                    person, availability=ordered)
            elif old_person.availability != ordered:
                plan.availability.append(
                    (old_person, dataclasses.replace(old_person, availability=ordered)))
        else:
            old_venue = programme.venues.get(owner)
            if old_venue is None:
                venue = resolver.created_venues[owner]
                resolver.created_venues[owner] = dataclasses.replace(
                    venue, availability=ordered)
            elif old_venue.availability != ordered:
                plan.availability.append(
                    (old_venue, dataclasses.replace(old_venue, availability=ordered)))


def apply_plan(programme: Programme, plan: ImportPlan) -> Changes:
    """Carry ``plan`` out on ``programme``; returns what to write to the file."""
    programme.first_day, programme.last_day = plan.new_days
    programme.zones.update(plan.zones)
    for track in plan.tracks:
        programme.tracks[track.id] = track
    for venue in plan.venues:
        programme.venues[venue.id] = venue
    for person in plan.people:
        programme.people[person.id] = person
    for _, new in plan.availability:
        if isinstance(new, Person):
            programme.people[new.id] = new
        else:
            programme.venues[new.id] = new
    for session in plan.placed_sessions:
        programme.unscheduled.pop(session.uid, None)
    for event in plan.added:
        programme.events[event.uid] = event
    for _, event in plan.updated:
        programme.events[event.uid] = event
    for session in plan.added_sessions:
        programme.unscheduled[session.uid] = session
    for _, session in plan.updated_sessions:
        programme.unscheduled[session.uid] = session
    return plan.changes()


def revert_plan(programme: Programme, plan: ImportPlan) -> Changes:
    """Take back :func:`apply_plan`: the programme is as it was before; returns what to write."""
    from planner.store import Changes

    for event in plan.added:
        programme.events.pop(event.uid, None)
    for old, _ in plan.updated:
        programme.events[old.uid] = old
    for session in plan.added_sessions:
        programme.unscheduled.pop(session.uid, None)
    for old_session, _ in plan.updated_sessions:
        programme.unscheduled[old_session.uid] = old_session
    for session in plan.placed_sessions:
        programme.unscheduled[session.uid] = session
    for old_owner, _ in plan.availability:
        if isinstance(old_owner, Person):
            programme.people[old_owner.id] = old_owner
        else:
            programme.venues[old_owner.id] = old_owner
    for person in plan.people:
        programme.people.pop(person.id, None)
    for venue in plan.venues:
        programme.venues.pop(venue.id, None)
    for track in plan.tracks:
        programme.tracks.pop(track.id, None)
    for key in plan.zones:
        programme.zones.pop(key, None)
    programme.first_day, programme.last_day = plan.old_days
    changes = plan.changes()
    return Changes(
        events=[old.uid for old, _ in plan.updated],
        removed_events=[e.uid for e in plan.added],
        tracks=changes.tracks,
        venues=changes.venues,
        people=changes.people,
        meta=changes.meta,
        sessions=[old.uid for old, _ in plan.updated_sessions]
        + [s.uid for s in plan.placed_sessions],
        removed_sessions=[s.uid for s in plan.added_sessions],
    )


def read_import_file(
    path: str | os.PathLike[str], progress: Callable[[int, int], None] | None = None
) -> ReadResult:
    """Read one ICS, CSV, schedule.xml or schedule.json file (told apart by content, then
    by the ``.csv`` suffix).

    Raises :class:`~planner.ics.IcsError`, :class:`~planner.csvio.CsvError` or
    :class:`~planner.schedule_formats.ScheduleFileError` for a file that cannot be read at
    all, and :class:`~planner.inputs.InputError` for one that cannot be opened, is not a
    regular file or is too large. ``progress`` is handed to the reader (see
    :func:`planner.ics.read_ics`); it may raise to stop.
    """
    from planner.csvio import read_csv
    from planner.ics import read_ics
    from planner.inputs import read_input
    from planner.schedule_formats import read_schedule, schedule_kind

    path = Path(path)
    data = read_input(path)
    kind = schedule_kind(data)
    if kind is not None or path.suffix.lower() in (".xml", ".json"):
        # An .xml or .json file that is no schedule is told so, not read as a calendar.
        return read_schedule(data, path, kind, progress)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].upper()
    if head.startswith(b"BEGIN:VCALENDAR") or path.suffix.lower() != ".csv":
        return read_ics(data, path, progress)
    return read_csv(data, path, progress)


def refuse_if_invalid(plan: ImportPlan) -> None:
    """Raise :class:`ImportRefusedError` naming the first problem when the plan has any
    (what ``import --strict`` does)."""
    if not plan.skipped:
        return
    more = len(plan.skipped) - 1
    raise ImportRefusedError(
        msg("{problem} (and {count} more; without --strict the rest is imported)",
            problem=plan.skipped[0].message, count=more)
        if more else plan.skipped[0].message
    )


def refuse_if_nothing(results: Sequence[ReadResult], plan: ImportPlan) -> None:
    """Raise :class:`ImportRefusedError` for a file that gives no event to import: not one
    of its events can be used (or it has none)."""
    imported = {e.uid for e in plan.added} | {new.uid for _, new in plan.updated} | set(
        plan.unchanged)
    for result in results:
        uids = {e.uid for e in result.events}
        if not uids and (result.sessions or result.windows):
            continue  # a sheet of sessions or availability: nothing to place
        if not uids or not any(_imports(uid, imported) for uid in uids):
            first = next((p.message for p in plan.skipped if p.ref.startswith(result.source)),
                         None)
            if first is not None:
                raise ImportRefusedError(msg(
                    "{path}: no event can be imported (first: {problem})",
                    path=result.source, problem=first))
            raise ImportRefusedError(msg("{path}: no event to import", path=result.source))


def _imports(uid: str, imported: set[str]) -> bool:
    return uid in imported or any(u.startswith(f"{uid}/") for u in imported)


def summary(plan: ImportPlan) -> Message:
    """"3 added, 1 updated, 20 unchanged, 2 skipped": what an import did, in one line."""
    counts = plan.counts
    if counts["skipped"]:
        return msg("{added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped",
                   **counts)
    return msg("{added} added, {updated} updated, {unchanged} unchanged", added=counts["added"],
               updated=counts["updated"], unchanged=counts["unchanged"])


def report_notes(plan: ImportPlan, created: bool) -> list[Message]:
    """The notes of an import's report: each thing read in a way the user should know, and
    the programme's new days (when an import into an existing programme changed them)."""
    notes = list(plan.notes)
    if plan.days_changed and not created:
        (first, last), (old_first, old_last) = plan.new_days, plan.old_days
        notes.append(msg("the programme's days now run from {first} to {last} (were {old_first} "
                         "to {old_last})", first=first, last=last, old_first=old_first,
                         old_last=old_last))
    return notes


def report_lines(plan: ImportPlan, path: object, created: bool, lang: str) -> list[str]:
    """The import's report, as the command prints it: a note for each thing read in a way
    the user should know, each event skipped with its reason, and the summary."""
    notes = report_notes(plan, created)
    # File text in a message is cut short (a hostile file's "UID" can be a megabyte).
    lines = [msg("note: {note}", note=shortened(note)).render(lang) for note in notes]
    lines += [msg("skipped: {problem}", problem=shortened(p.message)).render(lang)
              for p in plan.skipped]
    line = (msg("created {path}: {summary}", path=path, summary=summary(plan)) if created
            else msg("updated {path}: {summary}", path=path, summary=summary(plan)))
    lines.append(line.render(lang) + availability_changed(plan, lang))
    return lines


def availability_changed(plan: ImportPlan, lang: str) -> str:
    """What follows an import's summary when it changed the availability of people or
    venues (", availability of 2 changed"), in ``lang``; else an empty string."""
    if not plan.availability:
        return ""
    return msg(", availability of {count} changed", count=len(plan.availability)).render(lang)


def new_programme_for(
    results: Sequence[ReadResult], default_zone: str, name: str, zone: str | None = None
) -> Programme:
    """An empty programme to import ``results`` into: in ``zone`` if given, else in the
    files' zone (X-WR-TIMEZONE, else the zone most events use), else in ``default_zone``;
    its days are set by the import (:func:`plan_import` with ``extend_days``)."""
    zone = zone or next((r.zone for r in results if r.zone), None) or default_zone
    title = next((r.name for r in results if r.name), "") or name
    today = datetime.now(ZoneInfo(zone)).date()
    first = min(
        (e.start.date() for r in results for e in r.events if in_years(e.start)),
        default=today,
    )
    return Programme(name=Texts.same(title), timezone=zone, first_day=first, last_day=first)
