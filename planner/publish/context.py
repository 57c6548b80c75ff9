"""What a publish works from: one snapshot and what the writers need to know about it.

Feeds and schedule files are rendered from a snapshot, never from the live programme
(pretalx's rule): the latest release, or with ``draft`` the programme as it stands. The
context is built once (:func:`prepare`) and handed to every writer, the site's included.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from urllib.parse import urlsplit

from planner.changes import Change, changes
from planner.i18n import msg
from planner.model import Event, Lang, Programme
from planner.publish.folder import PublishError
from planner.publish.names import safe_names
from planner.releases import Release, list_releases, load_pair, load_release
from planner.store import ProgrammeStore

# Told how far the work is, (done, total); may raise to stop it (the window's Cancel).
Progress = Callable[[int, int], None]

# The kinds of change that calendars must show anew: each raises the published SEQUENCE.
_SIGNIFICANT = frozenset(
    {"cancelled", "restored", "rescheduled", "moved", "renamed", "speakers", "added"}
)


@dataclass(frozen=True, slots=True)
class PublishOptions:
    """How to publish: the language of single-language files (ICS, schedule.xml/.json),
    the address the folder will be served at (for webcal links and QR codes), and
    whether to publish the programme as it stands instead of the latest release."""

    lang: Lang = "en"
    base_url: str | None = None
    draft: bool = False


@dataclass(frozen=True, slots=True)
class ReleaseChanges:
    """One entry of the published history: a release (``None``: the draft, not released
    yet), the release it is compared with (``None``: the first), and what changed."""

    release: Release | None
    previous: Release | None
    changes: list[Change]


@dataclass(frozen=True, slots=True)
class Feed:
    """One subscription feed: ``kind`` is programme, track or venue; ``path`` is relative
    to the folder (``tracks/science.ics``)."""

    kind: str
    id: str
    title: str
    path: str


# A host as addresses write it: a name (in any script: an IDN), or an IPv6 address in
# brackets, with an optional port; no user name or password (the address is public).
_HOST = re.compile(r"(?:[\w-]+(?:\.[\w-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?")
# What an address never holds as it is (RFC 3986): white space, controls, quotes, angle
# brackets and the rest; it would go into webcal links, QR codes and feeds.
_NOT_IN_URL = re.compile(r'[\s\x00-\x1f\x7f"<>\\^`{|}]')


def check_base_url(url: str) -> str:
    """``url`` as a base for links: http(s) with a host, ending in ``/``."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or \
            parts.fragment or _NOT_IN_URL.search(url.strip()) or \
            not _HOST.fullmatch(parts.netloc):
        raise PublishError(
            msg("base URL '{url}' is not an http:// or https:// address of a folder", url=url)
        )
    text = url.strip()
    return text if text.endswith("/") else text + "/"


@dataclass
class PublishContext:
    """Everything a writer needs; writers read it and never change it.

    ``programme`` is the snapshot published; ``release`` the release it is (``None`` for a
    draft); ``history`` what changed in each release, newest first (a draft's pending
    changes on top); ``stamp`` the time the content was made (the release's time, so that
    publishing it again gives the same bytes; now for a draft).
    """

    programme: Programme
    release: Release | None
    releases: list[Release]
    history: list[ReleaseChanges]
    lang: Lang
    base_url: str | None
    stamp: datetime
    _load_previous: Callable[[], Programme | None] = field(repr=False)

    @cached_property
    def previous(self) -> Programme | None:
        """The release before the published snapshot (to mark what is new or moved), read
        when first asked for; ``None`` when there is none."""
        return self._load_previous()

    @cached_property
    def event_names(self) -> dict[str, str]:
        """Each event's file name stem (``events/<stem>.ics``), by UID."""
        return safe_names(list(self.programme.events))

    @cached_property
    def track_names(self) -> dict[str, str]:
        return safe_names(list(self.programme.tracks))

    @cached_property
    def venue_names(self) -> dict[str, str]:
        return safe_names(list(self.programme.venues))

    def event_path(self, uid: str) -> str:
        """The event's own calendar file, relative to the folder."""
        return f"events/{self.event_names[uid]}.ics"

    @cached_property
    def feeds(self) -> list[Feed]:
        """The subscription feeds: the whole programme, each track, each venue."""
        lang, programme = self.lang, self.programme
        name = programme.name.get(lang)
        found = [Feed("programme", "programme", name, "programme.ics")]
        for tid, track in programme.tracks.items():
            found.append(Feed("track", tid, f"{name}: {track.name.get(lang)}",
                              f"tracks/{self.track_names[tid]}.ics"))
        for vid, venue in programme.venues.items():
            found.append(Feed("venue", vid, f"{name}: {venue.name.get(lang)}",
                              f"venues/{self.venue_names[vid]}.ics"))
        return found

    def url(self, path: str) -> str | None:
        """The address of ``path`` once the folder is served at the base URL."""
        return None if self.base_url is None else self.base_url + path

    def webcal(self, path: str) -> str | None:
        """The ``webcal://`` address calendars subscribe to for the feed at ``path``."""
        return None if self.base_url is None else webcal_address(self.base_url, path)

    @cached_property
    def sequence_bumps(self) -> dict[str, int]:
        """How many releases (and the draft) changed each event in a way calendars must
        show: added to the event's own SEQUENCE, so that the published SEQUENCE rises with
        every such change however the change was made."""
        bumps: dict[str, int] = {}
        for entry in self.history:
            for uid in {c.uid for c in entry.changes if c.kind in _SIGNIFICANT}:
                bumps[uid] = bumps.get(uid, 0) + 1
        return bumps

    def sequence(self, event: Event) -> int:
        """The SEQUENCE the event is published with."""
        return event.sequence + self.sequence_bumps.get(event.uid, 0)

    def published(self, event: Event) -> Event:
        """The event as the feeds write it: its SEQUENCE, and each of its changed
        occurrences' (RECURRENCE-ID), raised by the releases that changed the series or one
        of its occurrences, so that a calendar takes the new version of each."""
        bump = self.sequence_bumps.get(event.uid, 0)
        if not bump:
            return event
        return dataclasses.replace(
            event, sequence=event.sequence + bump,
            overrides=tuple(dataclasses.replace(o, sequence=o.sequence + bump)
                            for o in event.overrides))


def webcal_address(base_url: str, path: str) -> str:
    """The ``webcal://`` address of the feed at ``path`` in a folder served at ``base_url``
    (as :func:`check_base_url` gives it)."""
    return re.sub(r"^https?://", "webcal://", base_url + path)


def feed_path(programme: Programme, kind: str, ident: str = "") -> str:
    """Where a publish of ``programme`` writes the feed of the whole programme
    (``kind="programme"``), of a track or of a venue (``ident`` its id), relative to the
    folder: the printed programme and the door sheets point at these."""
    if kind == "track":
        return f"tracks/{safe_names(list(programme.tracks))[ident]}.ics"
    if kind == "venue":
        return f"venues/{safe_names(list(programme.venues))[ident]}.ics"
    return "programme.ics"


def prepare(store: ProgrammeStore, options: PublishOptions,
            now: datetime | None = None) -> PublishContext:
    """The context for publishing the programme in ``store``: its latest release, or with
    ``options.draft`` the programme as it stands. Without a release, only a draft can be
    published."""
    base_url = None if options.base_url is None else check_base_url(options.base_url)
    releases = list_releases(store)
    if not releases and not options.draft:
        raise PublishError(
            msg("{path}: no release to publish yet; record one with 'release', or publish "
                "the programme as it stands with --draft", path=store.path)
        )
    history = [
        ReleaseChanges(later, earlier, changes(*load_pair(store, earlier, later)))
        for earlier, later in zip(releases, releases[1:], strict=False)
    ]
    if releases:
        history.insert(0, ReleaseChanges(releases[0], None, []))
    history.reverse()
    latest: Programme | None = None
    if options.draft:
        programme = store.load()
        release = None
        if releases:
            latest = load_release(store, releases[-1])
            history.insert(0, ReleaseChanges(None, releases[-1], changes(latest, programme)))
        stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    else:
        release = releases[-1]
        programme = load_release(store, release)
        stamp = release.created
    before = releases[-2] if not options.draft and len(releases) >= 2 else None

    def load_previous() -> Programme | None:
        # A draft's previous release was read above; a release's is read when asked for.
        return latest if before is None else load_release(store, before)

    return PublishContext(programme, release, releases, history, options.lang, base_url,
                          stamp, load_previous)
