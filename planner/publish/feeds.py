"""Subscription feeds: ``programme.ics``, ``tracks/ID.ics``, ``venues/ID.ics`` and one
``events/UID.ics`` per event, built with planner.ics's builders.

Each VEVENT is built and serialised by ``icalendar`` once; every feed that holds the event
takes those bytes. A feed is the calendar head that :func:`planner.ics.calendar_head` makes
(name, refresh interval, one VTIMEZONE per zone its events use), serialised by
``icalendar``, with the events' bytes before its closing line: icalendar writes a calendar
as its properties, then each component in turn, then ``END:VCALENDAR``, and that is all
the joining does. The publish of a festival builds each event once instead of three times.

Every event is there, cancelled ones as STATUS:CANCELLED (so that calendars that had them
remove them), with its UID and the SEQUENCE of :meth:`PublishContext.published`; a series
with its changed occurrences after it, each a VEVENT with the series' UID and a
RECURRENCE-ID (one called off as STATUS:CANCELLED), in every feed where one of its
occurrences takes place. DTSTAMP is the release's time, so that publishing one release
again writes the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from planner.ics import ExportOptions, calendar_head, event_ical, zone_ids, zone_years
from planner.model import Event
from planner.publish.context import Progress, PublishContext

_END = b"END:VCALENDAR\r\n"


def _head(context: PublishContext, events: Sequence[Event], title: str) -> bytes:
    """The calendar's bytes up to where its events go."""
    options = ExportOptions(lang=context.lang)
    head: bytes = calendar_head(context.programme, events, options, title).to_ical()
    # icalendar ends every calendar with this line; the events go in before it.
    assert head.endswith(_END)
    return head[: -len(_END)]


def _calendar(context: PublishContext, events: Sequence[Event], title: str,
              serialised: dict[str, bytes]) -> bytes:
    return _head(context, events, title) + b"".join(serialised[e.uid] for e in events) + _END


def serialise_events(context: PublishContext, events: Iterable[Event],
                     progress: Progress | None = None) -> dict[str, bytes]:
    """Each event's VEVENT as bytes, by UID, with the published SEQUENCE."""
    programme, options, stamp = context.programme, ExportOptions(lang=context.lang), context.stamp
    found: dict[str, bytes] = {}
    events = list(events)
    ids = zone_ids(programme, zone_years(events, programme))
    for n, event in enumerate(events):
        published = context.published(event)
        # With its changed occurrences (RECURRENCE-ID), each a VEVENT of its own.
        found[event.uid] = event_ical(programme, published, options, stamp, ids)
        if progress is not None and n % 500 == 0:
            progress(n, len(events))
    return found


def write_feeds(context: PublishContext, folder: Path, progress: Progress | None = None) -> None:
    """Write every feed and each event's own calendar file into ``folder``."""
    programme = context.programme
    events = programme.sorted_events()
    serialised = serialise_events(context, events, progress)
    by_feed: dict[str, list[Event]] = {feed.path: [] for feed in context.feeds}
    paths = {(f.kind, f.id): f.path for f in context.feeds}
    for event in events:
        # A series is in the feed of each venue and track where one of its occurrences
        # takes place, whole (an occurrence moved to another venue is no orphan there).
        places = {paths["track", event.track], paths["venue", event.venue]}
        for override in event.overrides:
            places |= {paths["track", override.track], paths["venue", override.venue]}
        by_feed["programme.ics"].append(event)
        for path in sorted(places):
            by_feed[path].append(event)
    for sub in ("tracks", "venues", "events"):
        (folder / sub).mkdir()
    for feed in context.feeds:
        data = _calendar(context, by_feed[feed.path], feed.title, serialised)
        (folder / feed.path).write_bytes(data)
    # An event's own file is named like the programme, so that one head serves every event
    # whose zones and years are the same (making a head takes longer than the event).
    title = programme.name.get(context.lang)
    heads: dict[tuple[tuple[str, tuple[int, int]], ...], bytes] = {}
    for event in events:
        key = tuple(sorted(zone_years([event], programme).items()))
        head = heads.get(key)
        if head is None:
            head = heads[key] = _head(context, [event], title)
        data = head + serialised[event.uid] + _END
        (folder / context.event_path(event.uid)).write_bytes(data)
