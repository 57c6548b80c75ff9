"""The programme model: tracks, venues, people and events, with their validation.

Everything here is plain Python. Times are aware datetimes: an event stores its wall-clock
start and end in a named IANA zone (``ZoneInfo``), never naive and never UTC-only, so that
exports can write TZID and clients agree on the instant.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal, NoReturn, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.i18n import Message, msg
from planner.records import compared

Lang = Literal["de", "en", "ru"]
LANGS: tuple[Lang, ...] = ("de", "en", "ru")
Status = Literal["confirmed", "tentative", "cancelled"]
STATUSES: tuple[Status, ...] = get_args(Status)
WindowKind = Literal["available", "blocked"]
WINDOW_KINDS: tuple[WindowKind, ...] = get_args(WindowKind)

# Which language stands in when a text is missing in the one asked for.
FALLBACK: dict[Lang, tuple[Lang, ...]] = {
    "en": ("en", "de", "ru"),
    "de": ("de", "en", "ru"),
    "ru": ("ru", "en", "de"),
}

# The days a programme may have: a year (a season, a festival year) at most, within years
# that no conversion between zones or step of a day can carry past datetime's limits.
MAX_DAYS = 366
FIRST_YEAR, LAST_YEAR = 1900, 2999
# Travel settings a clash check can compute with: the speed of any vehicle on a city's
# streets, a buffer of up to a day.
MAX_SPEED_KMH = 1000.0
MAX_BUFFER_MINUTES = 24 * 60

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
# RFC 5545 INTEGER (SEQUENCE): what calendar files can carry.
MAX_SEQUENCE = 2**31 - 1
_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


class ProgrammeError(Exception):
    """Base of every error the domain raises on bad data or a bad file.

    It carries a translatable :class:`~planner.i18n.Message`; ``str()`` gives English.
    """

    def __init__(self, message: Message | str) -> None:
        self.message = message if isinstance(message, Message) else msg("{text}", text=message)
        super().__init__(str(self.message))

    def render(self, lang: str) -> str:
        """The message in ``lang``."""
        return self.message.render(lang)


class ValidationError(ProgrammeError, ValueError):
    """Data that breaks a rule of the model (end before start, unknown venue, ...)."""


class UnknownReferenceError(ValidationError):
    """An event names a track, venue or person the programme does not have."""


class TimeRangeError(ValidationError):
    """An event's times are impossible: end not after start, or outside the programme."""


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Texts:
    """A text in German, English and Russian; any of them may be empty."""

    de: str = ""
    en: str = ""
    ru: str = ""

    def get(self, lang: Lang) -> str:
        """The text in ``lang``, or in the next language of the fallback order."""
        for candidate in FALLBACK[lang]:
            text: str = getattr(self, candidate)
            if text:
                return text
        return ""

    def missing(self) -> tuple[Lang, ...]:
        """The languages this text has no translation for."""
        return tuple(lang for lang in LANGS if not getattr(self, lang))

    def as_dict(self) -> dict[str, str]:
        return {"de": self.de, "en": self.en, "ru": self.ru}

    @classmethod
    def from_mapping(cls, data: Mapping[str, str] | str | None) -> Texts:
        """Build from ``{"de": ..., "en": ..., "ru": ...}``; a plain string counts as all three."""
        if data is None:
            return cls()
        if isinstance(data, str):
            return cls(data, data, data)
        unknown = set(data) - set(LANGS)
        if unknown:
            langs = ", ".join(sorted(unknown))
            raise ValidationError(msg("unknown language(s) {langs} in text", langs=langs))
        return cls(
            str(data.get("de", "") or ""),
            str(data.get("en", "") or ""),
            str(data.get("ru", "") or ""),
        )

    @classmethod
    def same(cls, text: str) -> Texts:
        return cls(text, text, text)


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class TimeWindow:
    """A stretch of time when a person or venue is available, or blocked (a break, set-up).

    Times are aware (in the programme's zone as stored). The rule, in one place
    (:mod:`planner.availability` applies it): someone with no ``available`` window is
    available at any time; someone with one or more is available only inside them; a
    ``blocked`` window is never available, whatever the other windows say.
    """

    start: datetime
    end: datetime
    kind: WindowKind = "available"


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Track:
    """A track. A ``placeholder`` track holds events whose source named none (an import
    without CATEGORIES): exports write no CATEGORIES for its events."""

    id: str
    name: Texts
    colour: str = "#607d8b"
    placeholder: bool = False


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Venue:
    """A venue. A ``placeholder`` venue ("To be announced") holds events whose place is not
    known yet: they never clash with each other there, and exports write no LOCATION."""

    id: str
    name: Texts
    address: str = ""
    lat: float | None = None
    lon: float | None = None
    capacity: int | None = None
    placeholder: bool = False
    availability: tuple[TimeWindow, ...] = ()

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Person:
    """A speaker or other person of the programme, with the times they can come."""
    id: str
    name: str
    affiliation: str = ""
    contact: str = ""
    availability: tuple[TimeWindow, ...] = ()

    @property
    def label(self) -> str:
        """The name with the affiliation in brackets, as listings show a speaker."""
        return f"{self.name} ({self.affiliation})" if self.affiliation else self.name


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Period:
    """An occurrence with its own end (RFC 5545 RDATE;VALUE=PERIOD), in the event's zone."""

    start: datetime
    end: datetime


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Recurrence:
    """When a repeating event takes place, as RFC 5545 says it: rules, dates, exceptions.

    ``rule`` is the part after ``RRULE:``, e.g. ``FREQ=DAILY;COUNT=8`` (as dateutil reads
    it), or empty for a series given by dates alone; ``more_rules`` are further RRULEs
    (RFC 5545 allows several). A rule need not end (no UNTIL or COUNT): only its occurrences
    on the programme's days count. An UNTIL in a rule is read as wall-clock time in the
    event's zone. ``rdates`` are further starts (RDATE), each lasting as long as the event;
    ``periods`` further occurrences with their own end. ``exdates`` are starts of
    occurrences that do not take place (EXDATE; it also removes an RDATE). All times are in
    the event's zone (midnight for an all-day event). The event's own start is always its
    first occurrence, whether or not a rule matches it (RFC 5545 3.8.5.3).
    """

    rule: str = ""
    exdates: tuple[datetime, ...] = ()
    more_rules: tuple[str, ...] = ()
    rdates: tuple[datetime, ...] = ()
    periods: tuple[Period, ...] = ()

    @property
    def rules(self) -> tuple[str, ...]:
        """Every RRULE value of the series, the first one first."""
        return ((self.rule,) if self.rule else ()) + self.more_rules


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class RecurrenceId:
    """Which occurrence of a series an override replaces (RFC 5545 RECURRENCE-ID): the start
    the series gives it, in the event's zone; with ``this_and_future`` (RANGE=THISANDFUTURE)
    the change applies to that occurrence and every later one."""

    start: datetime
    this_and_future: bool = False


# An event's last modification when nothing says otherwise (data from before it was kept).
DEFAULT_LAST_MODIFIED = datetime(2019, 1, 1, tzinfo=UTC)


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Event:
    """One event of the programme (a series, with a recurrence), its texts in every language."""
    uid: str
    title: Texts
    start: datetime
    end: datetime
    track: str
    venue: str
    description: Texts = Texts()
    speakers: tuple[str, ...] = ()
    languages: tuple[Lang, ...] = ()
    status: Status = "confirmed"
    all_day: bool = False
    recurrence: Recurrence | None = None
    sequence: int = 0
    last_modified: datetime = DEFAULT_LAST_MODIFIED
    url: str = ""
    attendance: int | None = None
    # A series' changed occurrences (RFC 5545 RECURRENCE-ID): each an Event with the
    # series' UID, a ``recurrence_id`` and no recurrence of its own.
    overrides: tuple[Event, ...] = ()
    # Set on an override, and on an event that is one changed occurrence of a series the
    # programme does not hold (a file gave the occurrence without its series).
    recurrence_id: RecurrenceId | None = None
    # The UID calendar files know the event by, when the programme keys it otherwise (a file
    # gave two different events one UID: the second is filed under a UID of its own).
    source_uid: str = ""
    # What the programme has no field for (ORGANIZER, ATTENDEE, CLASS, VALARM, X- ...), as
    # the source file had it: iCalendar content lines, serialised by icalendar, written back
    # on export.
    preserved: str = ""
    # Properties the source file left out (e.g. SUMMARY, STATUS, COLOR) that the programme
    # fills in for itself; exports leave them out while the field is as the import left it.
    absent: frozenset[str] = frozenset()

    @property
    def ical_uid(self) -> str:
        """The UID to write into calendar files."""
        return self.source_uid or self.uid

    @property
    def zone(self) -> ZoneInfo:
        tz = self.start.tzinfo
        assert isinstance(tz, ZoneInfo)
        return tz

    @property
    def duration(self) -> timedelta:
        # Wall-clock difference: a 10:00-12:00 event lasts two hours on any day.
        return self.end.replace(tzinfo=None) - self.start.replace(tzinfo=None)


@compared
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Session:
    """An event with a length but no time yet (an *unscheduled* event).

    It has an event's fields except its times: ``duration`` instead of start and end, and no
    repeat rule. ``venue`` may be empty: no venue chosen yet (the solver chooses one).
    Sessions live in :attr:`Programme.unscheduled`, apart from the placed events, so that
    nothing that reads :attr:`Programme.events` meets an event without a time;
    :func:`schedule_session` and :func:`unschedule_event` move one across.
    """

    uid: str
    title: Texts
    duration: timedelta
    track: str
    venue: str = ""
    description: Texts = Texts()
    speakers: tuple[str, ...] = ()
    languages: tuple[Lang, ...] = ()
    status: Status = "confirmed"
    sequence: int = 0
    last_modified: datetime = DEFAULT_LAST_MODIFIED
    url: str = ""
    attendance: int | None = None
    # Kept from an imported event that was unscheduled, so that it comes back as it was
    # when placed again (see Event).
    source_uid: str = ""
    preserved: str = ""
    absent: frozenset[str] = frozenset()


# The fields a session shares with an event, copied across when one becomes the other.
_SHARED_FIELDS = tuple(
    f.name for f in dataclasses.fields(Session) if f.name not in ("duration",)
)


# Changes to these fields make calendar clients show the event anew, so they raise SEQUENCE
# (RFC 5546 section 2.1.4); other edits (a typo in the description) do not.
SIGNIFICANT_FIELDS = ("start", "end", "all_day", "venue", "title", "status", "recurrence",
                      "overrides", "recurrence_id")


def is_significant_change(old: Event, new: Event) -> bool:
    """Whether ``new`` differs from ``old`` in time, place, title or status."""
    return any(getattr(old, name) != getattr(new, name) for name in SIGNIFICANT_FIELDS)


@compared
@dataclass(slots=True, repr=False, eq=False)
class TravelSettings:
    """How the clash check estimates a trip between two venues."""

    speed_kmh: float = 15.0
    buffer_minutes: int = 10


@compared
@dataclass(slots=True, repr=False, eq=False)
class Programme:
    """A whole event programme. Collections are keyed by id (events by UID)."""

    name: Texts
    timezone: str
    first_day: date
    last_day: date
    tracks: dict[str, Track] = field(default_factory=dict)
    venues: dict[str, Venue] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    travel: TravelSettings = field(default_factory=TravelSettings)
    # Time zones that imported files defined (VTIMEZONE) and no IANA zone matches, by the
    # key events use as their zone's key: the VTIMEZONE as iCalendar text (planner.zones).
    zones: dict[str, str] = field(default_factory=dict)
    # Events with a length but no time yet; never also in ``events``.
    unscheduled: dict[str, Session] = field(default_factory=dict)

    def __post_init__(self) -> None:
        validate_frame(self.timezone, self.first_day, self.last_day)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def days(self) -> list[date]:
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + timedelta(days=i) for i in range(count)]

    @property
    def window(self) -> tuple[datetime, datetime]:
        """The programme's first instant and the instant its last day ends."""
        zone = self.zone
        return (
            datetime.combine(self.first_day, time(0), zone),
            datetime.combine(self.last_day + timedelta(days=1), time(0), zone),
        )

    def sorted_events(self) -> list[Event]:
        """Events in start order (ties by UID), the order every listing uses."""
        return sorted(self.events.values(), key=lambda e: (e.start, e.uid))

    def events_in_track(self, track_id: str) -> Iterator[Event]:
        return (e for e in self.events.values() if e.track == track_id)

    def copy(self) -> Programme:
        """A copy whose collections can change without touching this one."""
        return dataclasses.replace(
            self,
            tracks=dict(self.tracks),
            venues=dict(self.venues),
            people=dict(self.people),
            events=dict(self.events),
            travel=dataclasses.replace(self.travel),
            zones=dict(self.zones),
            unscheduled=dict(self.unscheduled),
        )

    def sorted_unscheduled(self) -> list[Session]:
        """Unscheduled sessions in the order listings use: by title (English), then UID."""
        return sorted(self.unscheduled.values(), key=lambda s: (s.title.get("en").casefold(),
                                                                 s.uid))

    def has_uid(self, uid: str) -> bool:
        """Whether a placed event or an unscheduled session has the UID ``uid``."""
        return uid in self.events or uid in self.unscheduled


# ---------------------------------------------------------------------------------------------
# Validation


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone ``name``, or a :class:`ValidationError` naming it."""
    # Only names tzdata has: zoneinfo imports a package per "/"-separated part of a name,
    # and a name of hundreds of parts ran out of recursion (issue 14.7).
    if not _is_iana(name):
        raise ValidationError(msg("unknown time zone '{zone}'", zone=name[:200]))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(msg("unknown time zone '{zone}'", zone=name)) from exc


def _is_iana(name: str) -> bool:
    from planner.zones import is_iana

    return is_iana(name)


def validate_frame(timezone: str, first_day: date, last_day: date) -> None:
    """Check a programme's zone and days: a known zone, days in order, within the years
    :data:`FIRST_YEAR` to :data:`LAST_YEAR`, at most :data:`MAX_DAYS` of them."""
    zone_named(timezone)
    for day in (first_day, last_day):
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise TimeRangeError(
                msg("day {day} is outside the years {first} to {last}", day=day,
                    first=FIRST_YEAR, last=LAST_YEAR)
            )
    if last_day < first_day:
        raise TimeRangeError(
            msg("last day {last} is before first day {first}", last=last_day, first=first_day)
        )
    days = (last_day - first_day).days + 1
    if days > MAX_DAYS:
        raise TimeRangeError(
            msg("{first} to {last} is {days} days; a programme lasts at most {max} days",
                first=first_day, last=last_day, days=days, max=MAX_DAYS)
        )


def validate_travel(travel: TravelSettings) -> None:
    """Check the clash check's travel settings: a speed of 0 (no travel check) to
    :data:`MAX_SPEED_KMH` km/h, a buffer of 0 to :data:`MAX_BUFFER_MINUTES` minutes."""
    speed = travel.speed_kmh
    # ``not <=`` also catches NaN, which every comparison answers with False.
    if not 0 <= speed <= MAX_SPEED_KMH:
        raise ValidationError(
            msg("travel speed {speed} km/h is out of range (0 to {max})",
                speed=speed, max=MAX_SPEED_KMH)
        )
    if not 0 <= travel.buffer_minutes <= MAX_BUFFER_MINUTES:
        raise ValidationError(
            msg("travel buffer {minutes} minutes is out of range (0 to {max})",
                minutes=travel.buffer_minutes, max=MAX_BUFFER_MINUTES)
        )


def check_id(kind: str, value: str) -> None:
    if not value or not _ID_RE.match(value):
        raise ValidationError(
            msg("{kind} id '{id}' is not a valid id (letters, digits, -_.:)", kind=kind, id=value)
        )


def validate_track(track: Track) -> None:
    check_id("track", track.id)
    if not _COLOUR_RE.match(track.colour):
        raise ValidationError(
            msg("track '{id}': colour '{colour}' is not #RRGGBB", id=track.id, colour=track.colour)
        )
    if not any(track.name.as_dict().values()):
        raise ValidationError(msg("track '{id}' has no name", id=track.id))


def validate_venue(venue: Venue) -> None:
    check_id("venue", venue.id)
    if not any(venue.name.as_dict().values()):
        raise ValidationError(msg("venue '{id}' has no name", id=venue.id))
    if (venue.lat is None) != (venue.lon is None):
        raise ValidationError(
            msg("venue '{id}': give both latitude and longitude, or neither", id=venue.id)
        )
    if venue.lat is not None and not -90 <= venue.lat <= 90:
        raise ValidationError(
            msg("venue '{id}': latitude {lat} is out of range", id=venue.id, lat=venue.lat)
        )
    if venue.lon is not None and not -180 <= venue.lon <= 180:
        raise ValidationError(
            msg("venue '{id}': longitude {lon} is out of range", id=venue.id, lon=venue.lon)
        )
    if venue.capacity is not None and venue.capacity < 0:
        raise ValidationError(msg("venue '{id}': capacity must not be negative", id=venue.id))
    validate_windows(msg("venue '{id}'", id=venue.id), venue.availability)


def validate_windows(where: Message, windows: Iterable[TimeWindow]) -> None:
    """Check availability ``windows``; ``where`` names their person or venue in errors."""
    for window in windows:
        if window.kind not in WINDOW_KINDS:
            raise ValidationError(msg("{owner}: unknown kind of time '{kind}' (available or "
                                      "blocked)", owner=where, kind=window.kind))
        if not (isinstance(window.start.tzinfo, ZoneInfo)
                and isinstance(window.end.tzinfo, ZoneInfo)):
            raise ValidationError(msg("{owner}: an availability time must carry a named time "
                                      "zone", owner=where))
        if window.end <= window.start:
            raise TimeRangeError(msg(
                "{owner}: availability ends {end}, not after it starts {start}", owner=where,
                end=f"{window.end:%Y-%m-%d %H:%M}", start=f"{window.start:%Y-%m-%d %H:%M}"))


def validate_person(person: Person) -> None:
    check_id("person", person.id)
    if not person.name.strip():
        raise ValidationError(msg("person '{id}' has no name", id=person.id))
    validate_windows(msg("person '{id}'", id=person.id), person.availability)


def instant(value: datetime) -> datetime:
    """``value`` as the instant it names, in UTC: what to compare times by. A wall-clock
    time that a clock change skips is read with the offset before the change (RFC 5545
    3.3.5, and ``zoneinfo`` with ``fold=0``); one it repeats, as the first of the two."""
    return value.astimezone(UTC)


def validate_event(programme: Programme, event: Event, *, any_venue: bool = False) -> None:
    """Check ``event`` against the model's rules and ``programme``'s tracks, venues and days.

    With ``any_venue`` (an unscheduled session without a venue) the venue is not looked up.
    Raises :class:`UnknownReferenceError` or :class:`TimeRangeError` (both
    :class:`ValidationError`) with a message naming the event.
    """
    uid = event.uid

    def fail(error: type[ValidationError], template: str, **params: object) -> NoReturn:
        raise error(msg("event '{uid}': {problem}", uid=uid, problem=msg(template, **params)))

    if not uid or any(c in uid for c in "\r\n"):
        fail(ValidationError, "UID must be a non-empty single line")
    if not (isinstance(event.start.tzinfo, ZoneInfo) and isinstance(event.end.tzinfo, ZoneInfo)):
        fail(ValidationError, "start and end must carry a named time zone")
    if event.start.tzinfo != event.end.tzinfo:
        fail(ValidationError, "start and end must be in the same time zone")
    key = event.zone.key
    if key not in programme.zones and not _is_iana(key):
        fail(ValidationError, "unknown time zone '{zone}'", zone=key)
    # An event without an end in its file is an instant (RFC 5545 3.6.1): it may end as it
    # starts. An all-day event lasts at least a day. Compared as instants: Python compares
    # two times of one zone by their wall clock, and a wall-clock time in a spring gap is
    # the instant RFC 5545 3.3.5 gives it (the offset before the gap: 02:30 in Berlin's gap
    # is 03:30 CEST), so 02:30-03:10 on that day ends before it starts.
    if instant(event.end) < instant(event.start) or (
            event.all_day and event.end == event.start):
        fail(TimeRangeError, "end {end} is not after start {start}",
             end=f"{event.end:%Y-%m-%d %H:%M}", start=f"{event.start:%Y-%m-%d %H:%M}")
    if event.all_day and (event.start.time() != time(0) or event.end.time() != time(0)):
        fail(TimeRangeError, "an all-day event starts and ends at midnight")
    if event.track not in programme.tracks:
        fail(UnknownReferenceError, "unknown track '{track}'", track=event.track)
    if not any_venue and event.venue not in programme.venues:
        fail(UnknownReferenceError, "unknown venue '{venue}'", venue=event.venue)
    for person in event.speakers:
        if person not in programme.people:
            fail(UnknownReferenceError, "unknown speaker '{person}'", person=person)
    if len(set(event.speakers)) != len(event.speakers):
        fail(ValidationError, "a speaker is listed twice")
    for lang in event.languages:
        if lang not in LANGS:
            fail(ValidationError, "unknown language '{lang}'", lang=lang)
    if event.status not in STATUSES:
        fail(ValidationError, "unknown status '{status}'", status=event.status)
    if not 0 <= event.sequence <= MAX_SEQUENCE:
        fail(ValidationError, "sequence must be a whole number from 0 to {max}",
             max=MAX_SEQUENCE)
    if event.url and (not event.url.isprintable() or event.url != event.url.strip()):
        fail(ValidationError, "the URL must be one line without spaces at its ends")
    if event.source_uid and any(c in event.source_uid for c in "\r\n"):
        fail(ValidationError, "UID must be a non-empty single line")
    if event.attendance is not None and event.attendance < 0:
        fail(ValidationError, "expected attendance must not be negative")
    if event.last_modified.tzinfo is None:
        fail(ValidationError, "last-modified time must be aware")
    if not any(event.title.as_dict().values()):
        fail(ValidationError, "title is empty")
    if event.recurrence is not None or event.overrides:
        # Imported here: recurrence needs the model's types, the model needs its check.
        from planner.recurrence import check_overrides, check_recurrence

        if event.recurrence is not None:
            check_recurrence(programme, event)
        check_overrides(event)
        for override in event.overrides:
            validate_event(programme, override)
    if event.recurrence_id is not None and event.recurrence is not None:
        fail(ValidationError, "an occurrence of a series cannot repeat itself")


def validate_session(programme: Programme, session: Session) -> None:
    """Check an unscheduled ``session`` as :func:`validate_event` checks an event: the same
    rules, with a positive whole number of minutes instead of times and an optional venue."""
    minutes = session.duration / timedelta(minutes=1)
    if minutes <= 0 or minutes != int(minutes):
        raise TimeRangeError(msg("event '{uid}': {problem}", uid=session.uid, problem=msg(
            "length must be a positive whole number of minutes")))
    validate_event(programme, as_event(session, datetime.combine(
        programme.first_day, time(0), programme.zone), session.venue or _ANY_VENUE),
        any_venue=not session.venue)


# Stands in for "no venue yet" when a session is checked as an event.
_ANY_VENUE = "\x00any"


def validate_programme(programme: Programme) -> None:
    """Check every part of ``programme``; the first problem found is raised."""
    validate_frame(programme.timezone, programme.first_day, programme.last_day)
    validate_travel(programme.travel)
    for track in programme.tracks.values():
        validate_track(track)
    for venue in programme.venues.values():
        validate_venue(venue)
    for person in programme.people.values():
        validate_person(person)
    for uid, event in programme.events.items():
        if uid != event.uid:
            raise ValidationError(
                msg("event '{uid}' is filed under '{key}'", uid=event.uid, key=uid)
            )
        validate_event(programme, event)
    for uid, session in programme.unscheduled.items():
        if uid != session.uid:
            raise ValidationError(
                msg("event '{uid}' is filed under '{key}'", uid=session.uid, key=uid)
            )
        if uid in programme.events:
            raise ValidationError(
                msg("event '{uid}' is both placed and unscheduled", uid=uid)
            )
        validate_session(programme, session)


# ---------------------------------------------------------------------------------------------
# Changes. Each returns what it replaced so that undo can put it back.


def touch(old: Event | None, new: Event, now: datetime | None = None) -> Event:
    """``new`` with SEQUENCE and LAST-MODIFIED brought up to date against ``old``."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    if old is None:
        return dataclasses.replace(new, last_modified=now, absent=new.absent - {"LAST-MODIFIED"})
    if new == old:
        return new
    sequence = max(new.sequence, old.sequence + (1 if is_significant_change(old, new) else 0))
    # A SEQUENCE at the top of what files can hold stays there: clients still see the
    # change by LAST-MODIFIED.
    sequence = min(sequence, MAX_SEQUENCE)
    # Once edited, the event has a LAST-MODIFIED of its own, whatever its file had.
    return dataclasses.replace(new, sequence=sequence, last_modified=now,
                               absent=new.absent - {"LAST-MODIFIED"})


def put_event(programme: Programme, event: Event, *, stamp: bool = True) -> Event | None:
    """Add or replace ``event`` after validating it; returns the event it replaced.

    With ``stamp`` the sequence and last-modified time are updated as an edit requires;
    without it (loading, undo) the event is stored as given.
    """
    old = programme.events.get(event.uid)
    if stamp:
        event = touch(old, event)
    validate_event(programme, event)
    programme.events[event.uid] = event
    return old


def remove_event(programme: Programme, uid: str) -> Event:
    """Remove the event ``uid`` and return it."""
    try:
        return programme.events.pop(uid)
    except KeyError:
        raise UnknownReferenceError(msg("no event with UID '{uid}'", uid=uid)) from None


def moved(old: Event, new_start: datetime, venue: str | None = None) -> Event:
    """``old`` moved to ``new_start`` (and ``venue``), keeping its length: a whole series
    with every date that belongs to its occurrences (EXDATEs, RDATEs, periods, changed
    occurrences) shifted alike, and changed occurrences that were at its venue moved along.
    """
    zone = old.zone
    start = new_start.astimezone(zone)
    end = (start.replace(tzinfo=None) + old.duration).replace(tzinfo=zone)
    shift = start.replace(tzinfo=None) - old.start.replace(tzinfo=None)
    venue = venue or old.venue

    def by(value: datetime) -> datetime:
        return (value.replace(tzinfo=None) + shift).replace(tzinfo=value.tzinfo)

    recurrence = old.recurrence
    if recurrence is not None and shift:
        recurrence = dataclasses.replace(
            recurrence,
            exdates=tuple(by(x) for x in recurrence.exdates),
            rdates=tuple(by(x) for x in recurrence.rdates),
            periods=tuple(Period(by(p.start), by(p.end)) for p in recurrence.periods),
        )
    overrides = tuple(
        dataclasses.replace(
            o, start=by(o.start), end=by(o.end),
            venue=venue if o.venue == old.venue else o.venue,
            recurrence_id=None if o.recurrence_id is None else dataclasses.replace(
                o.recurrence_id, start=by(o.recurrence_id.start)),
        )
        for o in old.overrides
    )
    return dataclasses.replace(old, start=start, end=end, venue=venue, recurrence=recurrence,
                               overrides=overrides)


def move_event(
    programme: Programme, uid: str, new_start: datetime, venue: str | None = None
) -> Event:
    """Move an event to ``new_start`` (and ``venue``), keeping its duration (a series
    as a whole, see :func:`moved`); returns the old."""
    old = programme.events[uid]
    put_event(programme, moved(old, new_start, venue))
    return old


def as_event(session: Session, start: datetime, venue: str | None = None) -> Event:
    """The event ``session`` becomes when it starts at ``start`` (aware) in ``venue`` (else
    its own venue). Not validated: :func:`schedule_session` does that."""
    zone = start.tzinfo
    assert isinstance(zone, ZoneInfo), "start must carry a named zone"
    end = (start.replace(tzinfo=None) + session.duration).replace(tzinfo=zone)
    fields: dict[str, object] = {name: getattr(session, name) for name in _SHARED_FIELDS}
    fields["venue"] = venue or session.venue
    return Event(start=start, end=end, **fields)  # type: ignore[arg-type]


def as_session(event: Event) -> Session:
    """The unscheduled session ``event`` becomes when its time is taken away."""
    fields = {name: getattr(event, name) for name in _SHARED_FIELDS}
    return Session(duration=event.duration, **fields)


def put_session(programme: Programme, session: Session, *, stamp: bool = True) -> Session | None:
    """Add or replace the unscheduled ``session`` after validating it; returns the one it
    replaced. A placed event with its UID is refused (unschedule it instead)."""
    if session.uid in programme.events:
        raise ValidationError(msg("event '{uid}' is both placed and unscheduled",
                                  uid=session.uid))
    old = programme.unscheduled.get(session.uid)
    if stamp:
        now = datetime.now(UTC).replace(microsecond=0)
        if old is None or old != session:
            significant = old is not None and any(
                getattr(old, n) != getattr(session, n)
                for n in ("duration", "venue", "title", "status"))
            session = dataclasses.replace(
                session, last_modified=now,
                sequence=max(session.sequence, (old.sequence if old else 0) + significant))
    validate_session(programme, session)
    programme.unscheduled[session.uid] = session
    return old


def schedule_session(
    programme: Programme, uid: str, start: datetime, venue: str | None = None,
    *, stamp: bool = True,
) -> Event:
    """Place the unscheduled session ``uid`` at ``start`` (in ``venue``, else its own);
    returns the new event. A session without a venue needs ``venue``. Raises
    :class:`ValidationError` (and changes nothing) when the event would break a rule."""
    try:
        session = programme.unscheduled[uid]
    except KeyError:
        raise UnknownReferenceError(msg("no unscheduled event with UID '{uid}'", uid=uid)) from None
    if not (venue or session.venue):
        raise ValidationError(msg("event '{uid}': {problem}", uid=uid,
                                  problem=msg("choose a venue to place it in")))
    if not isinstance(start.tzinfo, ZoneInfo):
        start = start.astimezone(programme.zone)
    event = as_event(session, start, venue)
    if stamp:
        event = dataclasses.replace(
            event, sequence=session.sequence + 1,
            last_modified=datetime.now(UTC).replace(microsecond=0))
    validate_event(programme, event)
    del programme.unscheduled[uid]
    programme.events[uid] = event
    return event


def unschedule_event(programme: Programme, uid: str, *, stamp: bool = True) -> Session:
    """Take the time away from the placed event ``uid``: it becomes an unscheduled session
    (same UID, length and fields) and is returned. A repeating event cannot be unscheduled:
    its rule belongs to its times."""
    try:
        event = programme.events[uid]
    except KeyError:
        raise UnknownReferenceError(msg("no event with UID '{uid}'", uid=uid)) from None
    if event.recurrence is not None or event.recurrence_id is not None:
        raise ValidationError(msg("event '{uid}': {problem}", uid=uid, problem=msg(
            "a repeating event cannot be unscheduled")))
    session = as_session(event)
    if stamp:
        session = dataclasses.replace(
            session, sequence=event.sequence + 1,
            last_modified=datetime.now(UTC).replace(microsecond=0))
    del programme.events[uid]
    programme.unscheduled[uid] = session
    return session


def wall_clock(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """The aware datetime for ``clock`` on ``day`` in ``zone``."""
    return datetime.combine(day, clock, zone)


def new_uid(programme: Programme, stem: str, domain: str = "programme-planner") -> str:
    """A UID from ``stem`` that no event of ``programme`` has yet (deterministic)."""
    from planner.ids import slug

    base = slug(stem, "event")
    candidate = f"{base}@{domain}"
    n = 2
    while programme.has_uid(candidate):
        candidate = f"{base}-{n}@{domain}"
        n += 1
    return candidate


def speaker_labels(programme: Programme, event: Event | Session) -> list[str]:
    """The event's speakers as listings show them (an unknown id stands for itself)."""
    people = programme.people
    return [people[pid].label if pid in people else pid for pid in event.speakers]


def all_people_ids(events: Iterable[Event]) -> set[str]:
    return {p for e in events for p in e.speakers}
