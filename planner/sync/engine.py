"""Two-way sync of a programme with a CalDAV calendar home, as vdirsyncer syncs (its
``sync/__init__.py``, after Edward Z. Yang's "How OfflineIMAP works").

The status table (planner.sync.state) remembers each event as both sides had it at the last
sync: its href and ETag on the server, a digest of its content on each side. A sync lists
what the server holds (RFC 6578 sync-collection from the last sync token where the server
offers it, so a sync with nothing changed is one small request per collection; a PROPFIND
of the ETags where it does not), fetches what changed (calendar-multiget), and compares
each event of either side with the status:

- changed here only: written there, with ``If-Match`` on the ETag it had (``If-None-Match:
  *`` for a new one); deleted here: deleted there with ``If-Match``;
- changed there only: taken here; deleted there: deleted here;
- changed on both sides: the same content is fine; otherwise a conflict, recorded with both
  versions and never settled silently: ``prefer`` settles it for one side, else it waits
  (the command line lists it, the window asks).

The programme's own data (tracks, venues, people, settings) is one more resource, merged
entry by entry (planner.sync.merge).

Every step is one transaction of the programme file, and each is safe to repeat: an upload
whose record was lost (a sync killed between the PUT and the write) is found on the next
sync as "the same content on both sides"; an ETag of NULL marks a write not yet
confirmed; a sync token is stored only once everything it covers is recorded. Writes that
change a collection are followed by one more listing of it, so the token stored is newer
than the sync's own writes and the next sync does not list them again; a change by someone
else found then is handled in the same sync.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import queue
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, TypeAlias

from planner.i18n import Message, msg
from planner.model import LANGS, Event, Lang, Programme, ProgrammeError, Session
from planner.snapshot import event_from_dict, from_dict
from planner.sync import resource as res
from planner.sync.errors import RefusedError, SyncError
from planner.sync.local import Frame, LocalSide, StaleStep, Step
from planner.sync.merge import Key, MergeConflict, MergeResult, entries, merge, rebuild
from planner.sync.server import CollectionInfo, Listing, PreconditionFailed, Server, path_of
from planner.sync.state import (
    AUTH,
    LANG,
    LAST_SYNC,
    META_BASE,
    META_ETAG,
    CollectionStatus,
    ConflictRecord,
    ItemStatus,
    StatusChanges,
    SyncState,
)

Prefer = Literal["local", "server"]
Progress = Callable[[int, int], None]

# Listing again after writes: a server that others keep writing to is left after this many.
MAX_ROUNDS = 4
# Steps recorded per transaction while many events go one way (the first sync).
COMMIT_EVERY = 100
# Uploads go several at a time, each thread with a connection of its own, from this many on.
PARALLEL_FROM = 20
# Statuses with which a server refuses one event as it is, not the sync: it cannot read it
# (400, say Radicale's vobject a property), or will not have it (415, 422). That event
# waits here, said as a problem; the others go on.
UNTAKEN = frozenset({400, 415, 422})
UPLOAD_THREADS = 4
# The last programme data seen on the server, for merging while it does not change.
META_REMOTE = "meta_remote"
# Idents of conflicts about the programme's own data (its entries) start with this.
ENTRY_PREFIX = "programme/"

REASONS: dict[str, str] = {
    "both-changed": "changed here and on the server",
    "both-added": "added here and on the server, differently",
    "deleted-there": "changed here, deleted on the server",
    "deleted-here": "deleted here, changed on the server",
    "unusable": "the server's version cannot be used here: {problem}",
    "entry": "changed here and on the server",
}


def reason_message(record: ConflictRecord) -> Message:
    """Why ``record`` is a conflict, to show."""
    kind, _, detail = record.reason.partition(":")
    template = REASONS.get(kind, REASONS["both-changed"])
    if kind == "unusable":
        return msg("the server's version cannot be used here: {problem}", problem=detail)
    return msg(template)


# What sending one event came to: stored (True), its copy there changed since it was
# listed (False), or the server's refusal of it as it is (see UNTAKEN).
Sent: TypeAlias = "bool | RefusedError"


@dataclass(slots=True)
class SyncReport:
    """What a sync did."""

    uploaded: int = 0
    downloaded: int = 0
    deleted_there: int = 0
    deleted_here: int = 0
    settled: int = 0
    conflicts: list[ConflictRecord] = field(default_factory=list)
    problems: list[Message] = field(default_factory=list)
    requests: int = 0
    first: bool = False

    @property
    def changed(self) -> bool:
        """Whether anything went either way (or a conflict was settled)."""
        return bool(self.uploaded or self.downloaded or self.deleted_there
                    or self.deleted_here or self.settled)


@dataclass(slots=True)
class _Remote:
    """What the server has for one event in this listing: ``event`` is ``None`` when the
    resource did not change since the status (and was not fetched)."""

    href: str
    etag: str | None
    event: res.RemoteEvent | None = None


@dataclass(slots=True)
class _Upload:
    """An event to write into its track's collection; ``at`` is where the server's copy is
    (href and ETag), ``None`` for a new one."""

    event: Event
    at: tuple[str, str | None] | None


@dataclass(slots=True)
class _Prepared:
    """An upload made ready: its href, the ETag to match (``None``: a new resource), its
    bytes and digests, and for a move the old copy's href and ETag."""

    ident: str
    href: str
    etag: str | None
    body: bytes
    digest: str
    key: str
    moved_from: tuple[str, str | None] | None = None
    new_etag: str | None = None


@dataclass(slots=True)
class _Plan:
    """What one round decided."""

    steps: list[Step] = field(default_factory=list)
    uploads: list[_Upload] = field(default_factory=list)
    deletes: list[tuple[str, str, str | None]] = field(default_factory=list)  # ident, href, etag


class Engine:
    """One sync of ``local`` with ``server`` (see the module doc).

    ``settings`` are the server's settings to record once the server has answered (a new
    URL starts the state afresh); ``lang`` is the calendar language of a programme's first
    sync (later ones keep the one the programme's resource says). With ``fetch_only``, the
    sync is refused when the server holds no programme (an empty programme that is to be
    filled from the server must not put itself there instead).
    """

    def __init__(
        self,
        local: LocalSide,
        server: Server,
        *,
        settings: StatusChanges | None = None,
        prefer: Prefer | None = None,
        lang: Lang = "en",
        progress: Progress | None = None,
        fetch_only: bool = False,
    ) -> None:
        self.local = local
        self.fetch_only = fetch_only
        self.server = server
        self.settings = settings or StatusChanges()
        self.prefer = prefer
        self.progress = progress
        self.report = SyncReport()
        self._lang: Lang = lang
        self._step = Step()
        self._pending_steps = 0
        self._refusals: dict[str, int] = {}
        self._retry: set[str] = set()  # refused by a precondition: decided again next round
        # Collections made by this sync (empty: not listed before writing), and the token
        # of each collection's latest listing in this sync (the next round lists from it).
        self._fresh: set[str] = set()
        self._tokens: dict[str, str | None] = {}

    # -- state ----------------------------------------------------------------------------

    @property
    def programme(self) -> Programme:
        """The programme as the local side holds it now."""
        return self.local.programme

    @property
    def state(self) -> SyncState:
        """The sync state as the local side holds it now."""
        return self.local.state

    def _commit(self, step: Step, *, now: bool = False) -> None:
        """Queue ``step``; every COMMIT_EVERY steps (or ``now``) they are written in one
        transaction. A queued step is only a matter of speed: lost, it is done again."""
        self._step.update(step)
        self._pending_steps += 1
        if now or self._pending_steps >= COMMIT_EVERY:
            self._flush()

    def _flush(self) -> None:
        step, self._step, self._pending_steps = self._step, Step(), 0
        step.status.drop_unchanged(self.state)
        if not (step.touches_programme() or step.status):
            return
        try:
            self.local.commit(step)
        except StaleStep:
            # Edited meanwhile (in the window): the status changes alone are kept, and
            # the next sync sees the edit against them.
            self.local.commit(Step(status=_status_without(step.status, step.events)))

    # -- the whole sync -------------------------------------------------------------------

    def run(self) -> SyncReport:
        """Sync; returns the report. Raises :class:`SyncError` when the server cannot be
        used (nothing lost: what was done is recorded)."""
        server = self.server
        first = self.settings.reset or not self.state.collections
        self.report.first = first
        try:
            homes = server.collections() if first else None
            meta = self._meta_listing(homes, self.settings.reset)
            if self.fetch_only and meta[0] is None:
                raise SyncError(msg("{url} holds no programme to start from (sync a "
                                    "programme file there first)", url=server.url))
            # The server answered: from here on the file learns what happens.
            if server.auth_scheme is not None:
                self.settings.settings[AUTH] = server.auth_scheme
            self._commit(Step(status=self.settings))
            self._finish_deletes()
            merged = self._merge_programme(meta)
            self._ensure_collections(homes)
            self._settle_recorded()
            self._sync_events()
            self._finish_programme(merged)
            self._forget_collections()
            self._commit(Step(status=StatusChanges(settings={LAST_SYNC: _now()})))
        finally:
            self._flush_quietly()
            self.report.requests = server.requests
            self.report.conflicts = sorted(self.state.conflicts.values(),
                                           key=lambda c: c.ident)
        return self.report

    def _flush_quietly(self) -> None:
        try:
            self._flush()
        except (ProgrammeError, StaleStep):
            pass  # the error that stopped the sync is the one to report

    def _finish_deletes(self) -> None:
        """Delete what an earlier sync left to delete (an event's old resource after it
        moved to another track)."""
        for href, etag in list(self.state.deletes.items()):
            try:
                self.server.delete(href, etag, msg("deleting an event"))
            except PreconditionFailed:
                pass  # changed there since: the listing finds it and decides
            self._commit(Step(status=StatusChanges(deleted={href})))

    # -- the programme's own resource -----------------------------------------------------

    def _meta_href(self) -> str:
        return self.server.href(res.PROGRAMME_COLLECTION, res.PROGRAMME_RESOURCE)

    def _meta_listing(
        self, homes: dict[str, CollectionInfo] | None, reset: bool
    ) -> tuple[res.Data | None, str | None, Listing | None]:
        """The programme data on the server, its ETag, and its collection's listing."""
        collection = self.server.href(res.PROGRAMME_COLLECTION) + "/"
        href = self._meta_href()
        known = None if reset else self.state.collections.get(res.PROGRAMME_COLLECTION)
        if homes is not None and res.PROGRAMME_COLLECTION not in homes:
            return None, None, None
        try:
            listing = self.server.listing(collection, known.token if known else None)
        except RefusedError as exc:
            if exc.status != 404:
                raise
            return None, None, None
        stored = None if reset else self.state.settings.get(META_REMOTE)
        if href in listing.deleted or (listing.complete and href not in listing.changed):
            return None, None, listing
        known_etag = self.state.settings.get(META_ETAG)
        if stored is not None and (href not in listing.changed or (
                known_etag is not None and listing.changed[href] == known_etag)):
            return json.loads(stored), known_etag, listing
        found = self.server.fetch(collection, [href]).get(href)
        if found is None:
            return None, None, listing
        data = res.read_programme(found[1])
        if data is None:
            self.report.problems.append(msg(
                "{href}: the programme's data on the server cannot be read; it is written "
                "anew", href=href))
        return data, found[0], listing

    def _local_payload(self) -> res.Data:
        collections = {c.track: c.name for c in self.state.collections.values()
                       if c.track is not None}
        return res.programme_payload(res.Entities.of(self.programme), self._lang, collections)

    def _merge_programme(
        self, meta: tuple[res.Data | None, str | None, Listing | None]
    ) -> tuple[MergeResult, res.Data | None, str | None]:
        """Merge the programme's data (everything but events) and take the server's part
        of it here: new and changed tracks, venues, people and settings. Removals wait for
        the events (one may still be in use)."""
        remote, etag, listing = meta
        stored_lang = self.state.settings.get(LANG)
        if remote is not None and remote.get("lang") in LANGS:
            self._lang = remote["lang"]
        elif stored_lang in LANGS:
            self._lang = stored_lang
        local = self._local_payload()
        base = self.state.meta_base()
        if base is None and remote is not None and _is_empty(self.programme):
            # A programme made to be filled from the server: the server's data wins.
            base = local
        result = merge(base, local, remote, self.prefer)
        self._record_entry_conflicts(result.conflicts)
        self._take_programme_data(result.local, removals=False)
        status = StatusChanges(settings={LANG: self._lang})
        if listing is not None:
            status.collections[res.PROGRAMME_COLLECTION] = CollectionStatus(
                res.PROGRAMME_COLLECTION, None, listing.token)
        if remote is not None:
            status.settings[META_REMOTE] = _json(remote)
            status.settings[META_ETAG] = etag
        self._commit(Step(status=status), now=True)
        return result, remote, etag

    def _record_entry_conflicts(self, conflicts: list[MergeConflict]) -> None:
        status = StatusChanges()
        found = set()
        for conflict in conflicts:
            ident = entry_ident(conflict.key)
            found.add(ident)
            if ident in self.state.conflicts:
                continue
            status.conflicts[ident] = ConflictRecord(
                ident, _json_or_none(conflict.local), _json_or_none(conflict.remote), None,
                None, "entry", _now())
        for ident in self.state.conflicts:
            if ident.startswith(ENTRY_PREFIX) and ident not in found:
                status.conflicts[ident] = None
        if status:
            self._commit(Step(status=status))

    def _take_programme_data(self, data: res.Data, *, removals: bool) -> None:
        """Make the programme's frame, tracks, venues and people those of ``data``; with
        ``removals``, entities ``data`` lacks go too, unless an event still uses them."""
        target = _programme_from_payload(data)
        programme = self.programme
        step = Step()
        if (target.name, target.timezone, target.first_day, target.last_day, target.travel,
                target.zones) != (programme.name, programme.timezone, programme.first_day,
                                  programme.last_day, programme.travel, programme.zones):
            step.frame = Frame(target)
        used = _used((*programme.events.values(), *programme.unscheduled.values()))
        for kind in ("tracks", "venues", "people"):
            mine: dict[str, Any] = getattr(programme, kind)
            theirs: dict[str, Any] = getattr(target, kind)
            changes: dict[str, Any] = getattr(step, kind)
            for key, value in theirs.items():
                if mine.get(key) != value:
                    changes[key] = value
            if removals:
                for key in mine.keys() - theirs.keys():
                    if key not in used[kind]:
                        changes[key] = None
            if kind != "people" and [k for k in mine if k in theirs] != [
                    k for k in theirs if k in mine]:
                step.orders[kind] = list(theirs)
        # Unscheduled sessions: nothing refers to one, so one gone goes at once; one that
        # is still a placed event here waits until the events are synced (the server's
        # side unscheduled it, and takes the event away).
        for uid, session in target.unscheduled.items():
            if programme.unscheduled.get(uid) != session and uid not in programme.events:
                step.sessions[uid] = session
        for uid in programme.unscheduled.keys() - target.unscheduled.keys():
            step.sessions[uid] = None
        if step.touches_programme():
            self._commit(step, now=True)

    def _finish_programme(
        self, merged: tuple[MergeResult, res.Data | None, str | None]
    ) -> None:
        """After the events: entities the server's data dropped go (unless still used);
        then the server's resource gets what changed here, and both sides' agreement is
        remembered as the next merge's base."""
        result, remote, etag = merged
        self._take_programme_data(result.local, removals=True)
        final = merge(result.base, self._local_payload(), result.remote, self.prefer)
        status = StatusChanges(settings={META_BASE: _json(final.base)})
        if remote is None or final.remote != remote:
            body = res.render_programme(final.remote, self.programme.name.get(self._lang))
            try:
                new_etag = self.server.put(self._meta_href(), body,
                                           etag if remote is not None else None,
                                           msg("storing the programme's data"))
            except PreconditionFailed:
                # Changed there meanwhile: the next sync merges it; the base stays.
                self.report.problems.append(msg(
                    "the programme's data changed on the server during the sync; it is "
                    "merged at the next sync"))
                return
            status.settings[META_ETAG] = new_etag
            status.settings[META_REMOTE] = _json(final.remote)
            self._commit(Step(status=status))
            self._relist_programme(new_etag)
        else:
            self._commit(Step(status=status))

    def _relist_programme(self, etag: str | None) -> None:
        """After writing the programme's resource: a token newer than that write."""
        known = self.state.collections.get(res.PROGRAMME_COLLECTION)
        href = self.server.href(res.PROGRAMME_COLLECTION) + "/"
        listing = self.server.listing(href, known.token if known else None)
        own = all(path == self._meta_href() and (etag is None or value == etag)
                  for path, value in listing.changed.items())
        if own and not listing.deleted:
            status = StatusChanges(collections={res.PROGRAMME_COLLECTION: CollectionStatus(
                res.PROGRAMME_COLLECTION, None, listing.token)})
            if etag is None:
                status.settings[META_ETAG] = listing.changed.get(self._meta_href())
            self._commit(Step(status=status))

    # -- collections ----------------------------------------------------------------------

    def _ensure_collections(self, homes: dict[str, CollectionInfo] | None) -> None:
        """A collection for the programme's data and for every track: made when missing,
        renamed and recoloured when the track is."""
        server, state = self.server, self.state
        status = StatusChanges()
        if res.PROGRAMME_COLLECTION not in state.collections:
            if homes is None or res.PROGRAMME_COLLECTION not in homes:
                server.make_collection(
                    res.PROGRAMME_COLLECTION,
                    f"{self.programme.name.get(self._lang)} (Programme Planner)", None,
                    ["VJOURNAL"])
            status.collections[res.PROGRAMME_COLLECTION] = CollectionStatus(
                res.PROGRAMME_COLLECTION, None)
        taken = set(state.collections) | set(homes or {})
        known = {c.track: c for c in state.collections.values() if c.track is not None}
        elsewhere = _collections_of(state)  # where other planners keep each track
        for track in self.programme.tracks.values():
            name_shown = track.name.get(self._lang)
            shown = f"{name_shown}|{track.colour}"
            current = known.get(track.id)
            if current is None:
                name = elsewhere.get(track.id)
                if name is not None and (homes is None or name in homes):
                    current = CollectionStatus(name, track.id, None, "")
                else:
                    name = res.collection_name(track.id, taken)
                    if server.make_collection(name, name_shown, track.colour, ["VEVENT"]):
                        self._fresh.add(name)
                    current = CollectionStatus(name, track.id, None, shown)
                taken.add(name)
                status.collections[name] = current
            if current.shown != shown:
                server.describe(server.href(current.name) + "/", name_shown, track.colour)
                status.collections[current.name] = dataclasses.replace(current, shown=shown)
        if status:
            self._commit(Step(status=status), now=True)

    def _forget_collections(self) -> None:
        """A collection of a track this programme no longer has, with none of its events
        left there, is not listed again (it stays on the server)."""
        state = self.state
        used = {_collection_of(item.href) for item in state.items.values()}
        status = StatusChanges()
        for name, collection in state.collections.items():
            if (collection.track is not None and collection.track not in self.programme.tracks
                    and name not in used):
                status.collections[name] = None
        if status:
            self._commit(Step(status=status))

    # -- events ---------------------------------------------------------------------------

    def _track_collections(self) -> dict[str, CollectionStatus]:
        return {c.name: c for c in self.state.collections.values() if c.track is not None}

    def _sync_events(self) -> None:
        pending = set(self._track_collections())
        for round_ in range(MAX_ROUNDS):
            if not pending:
                return
            pending = self._round(pending, first_round=round_ == 0)

    def _round(self, names: set[str], *, first_round: bool) -> set[str]:
        """List ``names``, fetch what changed, decide and act; returns the collections this
        round wrote to (to list again)."""
        collections = self._track_collections()
        listings: dict[str, Listing] = {}
        for name in sorted(names):
            href = self.server.href(name) + "/"
            if name in self._fresh:
                # Made by this sync a moment ago: empty, nothing to list yet.
                self._fresh.discard(name)
                listings[name] = Listing(complete=True)
                continue
            token = self._tokens.get(name, collections[name].token)
            try:
                listings[name] = self.server.listing(href, token)
            except RefusedError as exc:
                if exc.status != 404:
                    raise
                # The calendar was deleted on the server: its events are gone there.
                listings[name] = Listing(complete=True)
        remote, gone, changed = self._remote_view(listings, collections)
        plan = self._decide(remote, gone, changed, listings, first_round)
        written = self._act(plan)
        self._tokens.update({name: listing.token for name, listing in listings.items()})
        tokens = StatusChanges()
        for name, listing in listings.items():
            if name not in written:
                tokens.collections[name] = dataclasses.replace(
                    self.state.collections[name], token=listing.token)
        self._commit(Step(status=tokens))
        return written

    def _remote_view(
        self, listings: dict[str, Listing], collections: dict[str, CollectionStatus]
    ) -> tuple[dict[str, list[_Remote]], set[str], set[str]]:
        """What the server has for each ident in the listed collections (fetching what
        changed), the idents it no longer has there, and those it changed."""
        state = self.state
        by_href = {item.href: item for item in state.items.values()}
        remote: dict[str, list[_Remote]] = {}
        gone: set[str] = set()
        changed: set[str] = set()
        for name, listing in sorted(listings.items()):
            prefix = self.server.href(name) + "/"
            track = collections[name].track
            assert track is not None
            known = {h: i for h, i in by_href.items()
                     if h.startswith(prefix) and "/" not in h[len(prefix):]}
            if listing.complete:
                view = dict(listing.changed)
            else:
                view = {h: i.etag for h, i in known.items() if h not in listing.deleted}
                view.update(listing.changed)
            for href in state.deletes:
                view.pop(href, None)
            gone.update(item.ident for href, item in known.items() if href not in view)
            wanted = [h for h, etag in view.items()
                      if h not in known or known[h].etag is None or known[h].etag != etag]
            fetched = self.server.fetch(prefix, wanted) if wanted else {}
            read = 0
            for href, etag in view.items():
                if href in fetched and self.progress is not None:
                    read += 1
                    if read % 50 == 0:  # reading many (a first sync) takes a while
                        self.progress(read, len(fetched))
                item = known.get(href)
                if href in fetched:
                    found_etag, body = fetched[href]
                    event = res.read_event(body, href, found_etag or etag, track,
                                           self.programme)
                    if not event.uid:
                        self.report.problems.append(msg("{href}: {problem}", href=href,
                                                        problem=event.problem or ""))
                        continue
                    remote.setdefault(event.uid, []).append(
                        _Remote(href, found_etag or etag, event))
                    changed.add(event.uid)
                elif item is not None and href not in wanted:
                    remote.setdefault(item.ident, []).append(_Remote(href, etag))
                elif item is not None:
                    changed.add(item.ident)  # listed as changed, gone before it was read
        return remote, gone - set(remote), changed

    def _decide(
        self,
        remote: dict[str, list[_Remote]],
        gone: set[str],
        changed: set[str],
        listings: dict[str, Listing],
        first_round: bool,
    ) -> _Plan:
        plan = _Plan()
        programme, state = self.programme, self.state
        entities = res.Entities.of(programme)
        listed = tuple(self.server.href(name) + "/" for name in listings)
        idents: dict[str, None] = dict.fromkeys(changed | gone | self._retry)
        self._retry = set()
        if first_round:
            idents.update(dict.fromkeys(remote))
            idents.update(dict.fromkeys(programme.events))
            idents.update(dict.fromkeys(state.items))
        for ident in idents:
            if ident in state.conflicts:
                continue
            item = state.items.get(ident)
            seen = self._primary(ident, remote.get(ident, []), plan)
            if (seen is None and item is not None and ident not in gone
                    and not item.href.startswith(listed)):
                seen = _Remote(item.href, item.etag)  # its collection was not listed now
            self._decide_one(ident, programme.events.get(ident), item, seen, plan, entities)
        return plan

    def _primary(self, ident: str, found: list[_Remote], plan: _Plan) -> _Remote | None:
        """The server's copy of ``ident``; a stale second copy (left by a move that
        stopped half way) is deleted, a different one reported."""
        if len(found) <= 1:
            return found[0] if found else None
        item = self.state.items.get(ident)
        found = sorted(found, key=lambda r: (item is None or r.href != item.href, r.href))
        primary = found[0]
        known = {h for h in (item.remote_hash if item else None,
                             primary.event.hash if primary.event else None) if h}
        for extra in found[1:]:
            if extra.event is not None and extra.event.hash in known:
                plan.deletes.append((ident, extra.href, extra.etag))
            else:
                self.report.problems.append(msg(
                    "event '{uid}' is on the server twice ({first} and {second}); the first "
                    "is synced: delete the other in a calendar app", uid=ident,
                    first=primary.href, second=extra.href))
        return primary

    def _decide_one(
        self, ident: str, local: Event | None, item: ItemStatus | None,
        seen: _Remote | None, plan: _Plan, entities: res.Entities,
    ) -> None:
        """vdirsyncer's table: what to do with one event (see the module doc)."""
        fetched = seen.event if seen is not None else None
        if fetched is not None and fetched.event is None:
            problem = fetched.problem or msg("cannot be read")
            if local is None and item is None:
                self.report.problems.append(msg("{href}: {problem}", href=fetched.href,
                                                problem=problem))
            else:
                self._conflict(ident, local, seen, f"unusable:{problem}", plan)
            return
        local_hash = res.event_hash(local) if local is not None else None
        if item is None or (item.etag is None and seen is None):
            # Never synced, or written without confirmation and not there.
            if local is not None and fetched is not None and seen is not None:
                if local_hash == fetched.hash:
                    self._adopt(ident, local, seen, fetched, plan, entities)
                else:
                    self._conflict(ident, local, seen, "both-added", plan)
            elif local is not None:
                plan.uploads.append(_Upload(local, None))
            elif fetched is not None and seen is not None:
                self._take(ident, None, seen, fetched, plan, entities)
            elif item is not None:
                plan.steps.append(Step(status=StatusChanges(items={ident: None})))
            return
        local_changed = local is None or local_hash != item.local_hash
        if seen is None:  # gone from the server
            if local is None:
                plan.steps.append(Step(status=StatusChanges(items={ident: None})))
            elif not local_changed:
                plan.steps.append(Step(events={ident: None}, expected={ident: local},
                                       status=StatusChanges(items={ident: None})))
                self.report.deleted_here += 1
            else:
                self._conflict(ident, local, None, "deleted-there", plan)
            return
        remote_changed = fetched is not None and fetched.hash != item.remote_hash
        if fetched is not None and not remote_changed:
            # A new ETag (or href) for the same content: remember it.
            item = ItemStatus(ident, seen.href, seen.etag, item.local_hash, item.remote_hash,
                              fetched.key)
            plan.steps.append(Step(status=StatusChanges(items={ident: item})))
        if not remote_changed:
            if local is None:
                plan.deletes.append((ident, item.href, item.etag))
            elif local_changed or self._needs_writing(local, entities, item):
                plan.uploads.append(_Upload(local, (item.href, item.etag)))
            return
        assert fetched is not None
        if not local_changed:
            self._take(ident, local, seen, fetched, plan, entities)
        elif local is not None and local_hash == fetched.hash:
            self._adopt(ident, local, seen, fetched, plan, entities)
        else:
            self._conflict(ident, local, seen, "deleted-here" if local is None
                           else "both-changed", plan)

    def _collection_href(self, track: str) -> str:
        name = next(c.name for c in self.state.collections.values() if c.track == track)
        return self.server.href(name) + "/"

    def _needs_writing(self, event: Event, entities: res.Entities, item: ItemStatus) -> bool:
        """Whether the server's copy shows less than it should (a renamed venue, an edit
        made in a client that left the payload behind) or sits in another track's
        collection."""
        if not item.href.startswith(self._collection_href(event.track)):
            return True
        return item.remote_key != res.digest(res.payload(event, entities, self._lang))

    def _adopt(
        self, ident: str, local: Event, seen: _Remote, fetched: res.RemoteEvent,
        plan: _Plan, entities: res.Entities,
    ) -> None:
        """Both sides have the same content: remember it (and write the server's copy
        anew if it shows less than it should)."""
        item = ItemStatus(ident, seen.href, seen.etag, fetched.hash, fetched.hash, fetched.key)
        plan.steps.append(Step(status=StatusChanges(items={ident: item})))
        if self._needs_writing(local, entities, item):
            plan.uploads.append(_Upload(local, (seen.href, seen.etag)))

    def _take(
        self, ident: str, local: Event | None, seen: _Remote, fetched: res.RemoteEvent,
        plan: _Plan, entities: res.Entities,
    ) -> None:
        """Take the server's version here (with any track, venue or person it needs); a
        copy a calendar client changed is written anew, with its payload up to date."""
        event = fetched.event
        assert event is not None
        programme = self.programme
        step = Step(events={ident: event}, expected={ident: local})
        if ident in programme.unscheduled:
            step.sessions[ident] = None  # placed on the server's side
        for kind, found in (("tracks", fetched.tracks), ("venues", fetched.venues),
                            ("people", fetched.people)):
            mine: dict[str, Any] = getattr(programme, kind)
            getattr(step, kind).update({k: v for k, v in found.items() if k not in mine})
        item = ItemStatus(ident, seen.href, seen.etag, fetched.hash, fetched.hash, fetched.key)
        step.status.items[ident] = item
        plan.steps.append(step)
        self.report.downloaded += 1
        if not fetched.key:
            plan.uploads.append(_Upload(event, (seen.href, seen.etag)))

    def _conflict(
        self, ident: str, local: Event | None, seen: _Remote | None, reason: str,
        plan: _Plan,
    ) -> None:
        """Both sides changed: settled by ``prefer``, or recorded with both versions."""
        fetched = seen.event if seen is not None else None
        usable = fetched is not None and fetched.event is not None
        if self.prefer == "local":
            if local is None:
                if seen is not None:
                    plan.deletes.append((ident, seen.href, seen.etag))
            elif seen is not None:
                plan.uploads.append(_Upload(local, (seen.href, seen.etag)))
            else:
                plan.steps.append(Step(status=StatusChanges(items={ident: None})))
                plan.uploads.append(_Upload(local, None))
            self.report.settled += 1
            return
        if self.prefer == "server" and (usable or seen is None):
            if fetched is None or seen is None:
                plan.steps.append(Step(events={ident: None}, expected={ident: local},
                                       status=StatusChanges(items={ident: None})))
                self.report.deleted_here += 1
            else:
                self._take(ident, local, seen, fetched, plan, res.Entities.of(self.programme))
            self.report.settled += 1
            return
        remote_json = None
        if fetched is not None and fetched.event is not None:
            remote_json = _json({"event": res.event_data(fetched.event),
                                 "hash": fetched.hash, "key": fetched.key,
                                 **fetched.entities_data()})
        record = ConflictRecord(
            ident, None if local is None else _json(res.event_data(local)), remote_json,
            seen.href if seen is not None else None, seen.etag if seen is not None else None,
            reason, _now())
        plan.steps.append(Step(status=StatusChanges(conflicts={ident: record})))

    # -- carrying a plan out --------------------------------------------------------------

    def _act(self, plan: _Plan) -> set[str]:
        """Carry ``plan`` out; returns the collections written to (and those where the
        server refused a conditional write, to list again)."""
        for step in plan.steps:
            self._commit(step)
        self._flush()
        written: set[str] = set()
        refused: list[str] = []
        entities = res.Entities.of(self.programme)
        total = len(plan.uploads) + len(plan.deletes)
        done = 0

        def count() -> None:
            nonlocal done
            done += 1
            if self.progress is not None:
                self.progress(done, total)

        prepared = [self._prepare(upload, entities) for upload in plan.uploads]
        # Moves write and delete in an order of their own (see _move); the rest at once.
        plain = [p for p in prepared if p.moved_from is None]
        for item, sent in self._send_all(plain):
            if isinstance(sent, RefusedError):
                self._untaken(item, sent)
            elif sent:
                written.add(_collection_of(item.href))
                self._record(item)
            else:
                refused.append(item.ident)
            count()
        for item in prepared:
            if item.moved_from is None:
                continue
            hrefs = self._move(item)
            if hrefs is None:
                pass  # not taken: said in _move
            elif hrefs:
                written.update(_collection_of(h) for h in hrefs)
            else:
                refused.append(item.ident)
            count()
        for ident, href, etag in plan.deletes:
            count()
            try:
                self.server.delete(href, etag, msg("deleting event '{uid}'", uid=ident))
            except PreconditionFailed:
                refused.append(ident)
                continue
            written.add(_collection_of(href))
            known = self.state.items.get(ident)
            if known is not None and known.href == href:
                self._commit(Step(status=StatusChanges(items={ident: None})))
                self.report.deleted_there += 1
        self._flush()
        for ident in refused:
            self._refusals[ident] = self._refusals.get(ident, 0) + 1
            if self._refusals[ident] > 2:
                raise SyncError(msg(
                    "the server keeps refusing to store event '{uid}' (412 Precondition "
                    "Failed) although a listing shows no change there", uid=ident))
        if refused:
            # Changed there since the listing: list again, and decide with the new version.
            written |= set(self._track_collections())
            self._retry.update(refused)
        return written

    def _prepare(self, upload: _Upload, entities: res.Entities) -> _Prepared:
        """Where and how ``upload`` is written, and its bytes."""
        event = upload.event
        ident = event.uid
        href = self._collection_href(event.track) + res.resource_name(ident)
        etag, moved_from = None, None
        if upload.at is not None and upload.at[0] == href:
            etag = upload.at[1]
        elif upload.at is not None:
            moved_from = upload.at
        data = res.payload(event, entities, self._lang)
        body = res.render_event(self.programme, event, data)
        return _Prepared(ident, href, etag, body, res.event_hash(event), res.digest(data),
                         moved_from)

    def _send(self, item: _Prepared, server: Server | None = None) -> Sent:
        """PUT ``item`` (through ``server``, one of the upload threads' own, or this
        sync's); ``False`` when the server's copy changed since it was listed, the error
        when the server will not take this event as it is (see :data:`UNTAKEN`)."""
        try:
            item.new_etag = (server or self.server).put(
                item.href, item.body, item.etag, msg("storing event '{uid}'", uid=item.ident))
        except PreconditionFailed:
            return False
        except RefusedError as exc:
            if exc.status not in UNTAKEN:
                raise
            return exc
        return True

    def _untaken(self, item: _Prepared, error: RefusedError) -> None:
        """An event the server would not take: said, and left to wait here as it is (the
        next sync offers it again); the rest of the sync goes on."""
        self.report.problems.append(msg(
            "event '{uid}' stays here only: {reason}", uid=item.ident, reason=error.message))

    def _send_all(self, items: list[_Prepared]) -> Iterator[tuple[_Prepared, Sent]]:
        """Send ``items``, several at a time when there are many (a first sync, a server far
        away): each upload thread has a connection of its own. Yields each with whether
        it was stored, as they finish; the records are made here, on the sync's thread."""
        if len(items) < PARALLEL_FROM:
            for item in items:
                yield item, self._send(item)
            return
        servers = [self.server.clone() for _ in range(UPLOAD_THREADS)]
        spare: queue.Queue[Server] = queue.Queue()
        for server in servers:
            spare.put(server)

        def send(item: _Prepared) -> Sent:
            server = spare.get()
            try:
                return self._send(item, server)
            finally:
                spare.put(server)

        pool = ThreadPoolExecutor(max_workers=UPLOAD_THREADS)
        try:
            pending: dict[Future[Sent], _Prepared] = {}
            queued = iter(items)
            for item in itertools.islice(queued, 2 * UPLOAD_THREADS):
                pending[pool.submit(send, item)] = item
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    item = pending.pop(future)
                    yield item, future.result()
                    for more in itertools.islice(queued, 1):
                        pending[pool.submit(send, more)] = more
        finally:
            # On an error (or a cancel) the uploads under way finish; none starts.
            pool.shutdown(wait=True, cancel_futures=True)
            for server in servers:
                self.server.requests += server.requests
                server.close()

    def _record(self, item: _Prepared) -> None:
        self._commit(Step(status=StatusChanges(items={item.ident: ItemStatus(
            item.ident, item.href, item.new_etag, item.digest, item.digest, item.key)})))
        self.report.uploaded += 1

    def _move(self, item: _Prepared) -> list[str] | None:
        """An event that moved to another track's collection: the old copy is remembered
        for deleting before the new one is written (as "not confirmed yet"), so that a
        sync killed in between leaves no second copy; then written, recorded, and the old
        one deleted."""
        assert item.moved_from is not None
        old_href, old_etag = item.moved_from
        before = self.state.items.get(item.ident)
        known = before or ItemStatus(item.ident, item.href, None,
                                                               "", "", "")
        self._commit(Step(status=StatusChanges(
            deletes={old_href: old_etag},
            items={item.ident: dataclasses.replace(known, href=item.href, etag=None)})),
            now=True)
        sent = self._send(item)
        if isinstance(sent, RefusedError):
            # The old copy stays where it was: nothing to delete after all.
            self._commit(Step(status=StatusChanges(deleted={old_href}, items={
                item.ident: before})), now=True)
            self._untaken(item, sent)
            return None
        if not sent:
            return []
        self._record(item)
        self._flush()
        try:
            self.server.delete(old_href, old_etag,
                               msg("deleting event '{uid}'", uid=item.ident))
        except PreconditionFailed:
            pass  # changed there meanwhile: the listing finds it
        self._commit(Step(status=StatusChanges(deleted={old_href})), now=True)
        return [item.href, old_href]

    # -- conflicts recorded earlier -------------------------------------------------------

    def _settle_recorded(self) -> None:
        """With ``prefer``, settle the conflicts earlier syncs recorded."""
        if self.prefer is None or not self.state.conflicts:
            return
        choices = {ident: self.prefer for ident in self.state.conflicts}
        step, _ = settle_choices(self.programme, self.state, choices)
        self._commit(step, now=True)
        self.report.settled += len(step.status.conflicts)


def entry_ident(key: Key) -> str:
    """The conflict ident of an entry of the programme's data."""
    return ENTRY_PREFIX + "/".join(key[1:] if key[0] == "programme" else key)


# ---------------------------------------------------------------------------------------------
# Settling a conflict


def conflict_versions(
    record: ConflictRecord, programme: Programme
) -> tuple[Event | None, Event | None]:
    """The two versions of the event in conflict ``record`` (``None``: deleted, or not
    usable)."""
    local = None
    if record.local is not None:
        local = event_from_dict(json.loads(record.local), programme.timezone,
                                custom=programme.zones)
    remote = None
    data = record.remote_data()
    if data is not None:
        remote = event_from_dict(data["event"], programme.timezone, custom=programme.zones)
    return local, remote


def settle(programme: Programme, record: ConflictRecord, choice: Prefer) -> Step | None:
    """The step that settles conflict ``record`` for ``choice``: "local" keeps this side's
    version (the next sync writes it over the server's, which is still as recorded there,
    or finds a newer conflict); "server" takes the server's version here now. ``None``
    when that choice cannot be made (the server's version cannot be used here)."""
    ident = record.ident
    local, remote = conflict_versions(record, programme)
    data = record.remote_data() or {}
    status = StatusChanges(conflicts={ident: None})
    if choice == "local":
        if record.href is None or record.etag is None:
            status.items[ident] = None  # the server has none: it gets this one as new
        else:
            status.items[ident] = ItemStatus(ident, record.href, record.etag, "",
                                             str(data.get("hash", "")), "")
        return Step(status=status)
    current = programme.events.get(ident)
    if remote is None:
        if record.reason.startswith("unusable"):
            return None
        status.items[ident] = None
        return Step(events={ident: None}, expected={ident: current}, status=status)
    assert record.href is not None
    step = Step(events={ident: remote}, expected={ident: current}, status=status)
    owner = res.entities_programme(programme, data.get("tracks", ()), data.get("venues", ()),
                                   data.get("people", ()))
    for key, track in owner.tracks.items():
        if key not in programme.tracks:
            step.tracks[key] = track
    for key, venue in owner.venues.items():
        if key not in programme.venues:
            step.venues[key] = venue
    for key, person in owner.people.items():
        if key not in programme.people:
            step.people[key] = person
    digest = str(data.get("hash") or res.event_hash(remote))
    status.items[ident] = ItemStatus(ident, record.href, record.etag, digest, digest,
                                     str(data.get("key", "")))
    return step


def settle_choices(
    programme: Programme, state: SyncState, choices: dict[str, Prefer]
) -> tuple[Step, Step]:
    """The step that settles the conflicts in ``choices`` (ident -> "local" or "server"), and
    the step that takes it back (for undo): each a transaction of its own. A choice that
    cannot be made (the server's version of an event that cannot be used here) is left
    out."""
    forward = Step()
    scratch = state.copy()
    for ident, choice in sorted(choices.items()):
        record = scratch.conflicts.get(ident)
        if record is None:
            continue
        step = (settle_entry(scratch, record, choice) if ident.startswith(ENTRY_PREFIX)
                else settle(programme, record, choice))
        if step is not None:
            step.status.apply_to(scratch)
            forward.update(step)
    backward = Step(
        events={uid: programme.events.get(uid) for uid in forward.events},
        expected=dict(forward.events),
        tracks=dict.fromkeys(forward.tracks), venues=dict.fromkeys(forward.venues),
        people=dict.fromkeys(forward.people),
        status=StatusChanges(
            settings={k: state.settings.get(k) for k in forward.status.settings},
            items={k: state.items.get(k) for k in forward.status.items},
            conflicts={k: state.conflicts.get(k) for k in forward.status.conflicts}),
    )
    return forward, backward


def settle_entry(state: SyncState, record: ConflictRecord, choice: Prefer) -> Step:
    """The step that settles a conflict about an entry of the programme's data: the base
    of the next merge takes the other side's value, so that the next sync sees only the
    chosen side as changed and carries it over."""
    base = state.meta_base() or {}
    flat = entries(base)
    key = _entry_key(record.ident)
    other = record.remote if choice == "local" else record.local
    if other is None:
        flat.pop(key, None)
    else:
        flat[key] = json.loads(other)
    orders = {name: [str(i["id"]) for i in base.get("programme", {}).get(name, ())]
              for name in ("tracks", "venues", "people")}
    return Step(status=StatusChanges(settings={META_BASE: _json(rebuild(flat, orders))},
                                     conflicts={record.ident: None}))


def _entry_key(ident: str) -> Key:
    parts = tuple(ident[len(ENTRY_PREFIX):].split("/"))
    if parts[0] == "collections" or len(parts) == 1 and parts[0] == "lang":
        return parts
    return ("programme", *parts)


# ---------------------------------------------------------------------------------------------


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _json_or_none(data: object) -> str | None:
    return None if data is None else _json(data)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _is_empty(programme: Programme) -> bool:
    return not (programme.events or programme.tracks or programme.venues or programme.people)


def _used(events: Iterable[Event | Session]) -> dict[str, set[str]]:
    used: dict[str, set[str]] = {"tracks": set(), "venues": set(), "people": set()}
    for event in events:
        used["tracks"].add(event.track)
        if isinstance(event, Event):
            venues, people = res.referenced(event)
            used["venues"].update(venues)
            used["people"].update(people)
        else:
            used["venues"].add(event.venue)
            used["people"].update(event.speakers)
    return used


def _programme_from_payload(data: res.Data) -> Programme:
    """The event-less programme that a programme payload describes."""
    programme = dict(data["programme"])
    programme["events"] = []
    return from_dict(programme, validate=False)


def _collections_of(state: SyncState) -> dict[str, str]:
    raw = state.settings.get(META_REMOTE)
    if not raw:
        return {}
    return dict(json.loads(raw).get("collections", {}))


def _collection_of(href: str) -> str:
    return path_of(href).rstrip("/").rsplit("/", 2)[-2]


def _status_without(status: StatusChanges, events: dict[str, Event | None]) -> StatusChanges:
    """``status`` without the records of the events a refused step would have changed."""
    kept = StatusChanges()
    kept.update(status)
    for uid in events:
        kept.items.pop(uid, None)
        kept.conflicts.pop(uid, None)
    return kept

