"""What the programme file remembers of its sync: the status table of vdirsyncer's
``SqliteStatus``, and a little more.

- ``sync_settings``: the server (URL, user, whether its certificate is trusted without
  check), the calendar language, and the programme's own resource on the server (its href,
  ETag, and the programme data both sides agreed on at the last sync, the base of the next
  three-way merge). The password is never stored.
- ``sync_collections``: a calendar collection per track (and one for the programme), with
  the RFC 6578 sync token of the last complete listing.
- ``sync_items``: per event (by UID), where it is on the server (href), its ETag there, and
  digests of its content on each side at the last sync. An ETag of ``NULL`` means "written
  there, but not confirmed yet": a sync killed between its PUT and the record of it.
- ``sync_conflicts``: events (or programme entries) changed on both sides, with both
  versions, until someone settles them.
- ``sync_deletes``: server resources to delete (an event that moved to another track leaves
  its old resource); done first on the next sync if a sync stops before.

:class:`SyncState` is the whole of it in memory; :class:`StatusChanges` is what one step of
a sync changes, written in the same transaction as the programme change it goes with.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# sync_settings keys
URL = "url"
USER = "user"
INSECURE = "insecure"
AUTH = "auth"  # how the server asks to log in: "basic" is then sent at once
LANG = "lang"
LAST_SYNC = "last_sync"
META_HREF = "meta_href"
META_ETAG = "meta_etag"
META_BASE = "meta_base"

# What a new server makes of everything else: every key but the server's own.
_SERVER_KEYS = {URL, USER, INSECURE, AUTH}


@dataclass(slots=True)
class ItemStatus:
    """One event as both sides had it at the last sync (see the module doc)."""

    ident: str
    href: str
    etag: str | None
    local_hash: str
    remote_hash: str
    remote_key: str


@dataclass(slots=True)
class CollectionStatus:
    """A calendar collection on the server: ``name`` is its path segment under the calendar
    home, ``track`` the track it holds (``None`` for the programme's own collection)."""

    name: str
    track: str | None
    token: str | None = None
    shown: str = ""  # the display name and colour last set on it, to tell when they change


@dataclass(slots=True)
class ConflictRecord:
    """An event changed on both sides. ``local`` and ``remote`` are the two versions as
    JSON text (``None``: deleted on that side), ``href`` and ``etag`` where the server's
    version is, ``reason`` an English word for the kind (see planner.sync.engine)."""

    ident: str
    local: str | None
    remote: str | None
    href: str | None
    etag: str | None
    reason: str
    found: str

    def local_data(self) -> Any:
        """This side's version as data (``None``: deleted here)."""
        return None if self.local is None else json.loads(self.local)

    def remote_data(self) -> Any:
        """The server's version as data (``None``: deleted there, or not usable)."""
        return None if self.remote is None else json.loads(self.remote)


@dataclass(slots=True)
class SyncState:
    """Everything the file holds about its sync."""

    settings: dict[str, str] = field(default_factory=dict)
    collections: dict[str, CollectionStatus] = field(default_factory=dict)
    items: dict[str, ItemStatus] = field(default_factory=dict)
    conflicts: dict[str, ConflictRecord] = field(default_factory=dict)
    deletes: dict[str, str | None] = field(default_factory=dict)

    @property
    def configured(self) -> bool:
        """Whether a server has been set for this programme."""
        return bool(self.settings.get(URL))

    def meta_base(self) -> dict[str, Any] | None:
        """The programme data both sides had after the last sync, or ``None``."""
        raw = self.settings.get(META_BASE)
        return None if raw is None else dict(json.loads(raw))

    def copy(self) -> SyncState:
        """A copy whose tables can change without touching this one."""
        return SyncState(
            dict(self.settings),
            {k: CollectionStatus(v.name, v.track, v.token, v.shown)
             for k, v in self.collections.items()},
            {k: ItemStatus(v.ident, v.href, v.etag, v.local_hash, v.remote_hash, v.remote_key)
             for k, v in self.items.items()},
            dict(self.conflicts),
            dict(self.deletes),
        )  # fmt: skip


@dataclass(slots=True)
class StatusChanges:
    """What one step of a sync changes in the status tables (``None`` removes a row).

    ``reset`` first forgets everything of an earlier server (a new URL starts afresh).
    """

    settings: dict[str, str | None] = field(default_factory=dict)
    collections: dict[str, CollectionStatus | None] = field(default_factory=dict)
    items: dict[str, ItemStatus | None] = field(default_factory=dict)
    conflicts: dict[str, ConflictRecord | None] = field(default_factory=dict)
    deletes: dict[str, str | None] = field(default_factory=dict)  # href -> ETag, to delete
    deleted: set[str] = field(default_factory=set)  # hrefs whose delete is done
    reset: bool = False

    def __bool__(self) -> bool:
        return self.reset or any(
            (self.settings, self.collections, self.items, self.conflicts, self.deletes,
             self.deleted)
        )

    def update(self, other: StatusChanges) -> None:
        """Add ``other``'s changes (later ones win)."""
        if other.reset:
            self.reset = True
            for table in (self.settings, self.collections, self.items, self.conflicts,
                          self.deletes):
                table.clear()
            self.deleted.clear()
        self.settings.update(other.settings)
        self.collections.update(other.collections)
        self.items.update(other.items)
        self.conflicts.update(other.conflicts)
        for href in other.deletes:
            self.deleted.discard(href)
        self.deletes.update(other.deletes)
        for href in other.deleted:
            self.deletes.pop(href, None)
        self.deleted |= other.deleted

    def drop_unchanged(self, state: SyncState) -> None:
        """Leave out what would not change ``state`` (a sync with nothing new writes
        nothing but its time)."""
        if self.reset:
            return
        for table, current in ((self.settings, state.settings),
                               (self.collections, state.collections),
                               (self.items, state.items), (self.conflicts, state.conflicts)):
            for key in [k for k, v in table.items() if current.get(k) == v]:
                del table[key]
        for href in [h for h, etag in self.deletes.items()
                     if h in state.deletes and state.deletes[h] == etag]:
            del self.deletes[href]
        self.deleted &= set(state.deletes)

    def apply_to(self, state: SyncState) -> None:
        """Make the same changes to ``state`` in memory."""
        if self.reset:
            kept = {k: v for k, v in state.settings.items() if k in _SERVER_KEYS}
            state.settings.clear()
            state.settings.update(kept)
            for table in (state.collections, state.items, state.conflicts, state.deletes):
                table.clear()
        _apply(state.settings, self.settings)
        _apply(state.collections, self.collections)
        _apply(state.items, self.items)
        _apply(state.conflicts, self.conflicts)
        for href in self.deleted:
            state.deletes.pop(href, None)
        state.deletes.update(self.deletes)

    def write(self, conn: sqlite3.Connection) -> None:
        """Write the changes through ``conn``, inside the caller's transaction."""
        if self.reset:
            marks = ", ".join("?" * len(_SERVER_KEYS))
            conn.execute(f"DELETE FROM sync_settings WHERE key NOT IN ({marks})",
                         tuple(sorted(_SERVER_KEYS)))
            for table in ("sync_collections", "sync_items", "sync_conflicts", "sync_deletes"):
                conn.execute(f"DELETE FROM {table}")
        _write(conn, "sync_settings", "key", self.settings, lambda k, v: (k, v))
        _write(conn, "sync_collections", "name", self.collections,
               lambda k, c: (c.name, c.track, c.token, c.shown))
        # Items first go, then come: a new href may be one another item gave up.
        gone = [k for k, v in self.items.items() if v is None]
        conn.executemany("DELETE FROM sync_items WHERE ident = ?", ((k,) for k in gone))
        kept = {k: v for k, v in self.items.items() if v is not None}
        conn.executemany("DELETE FROM sync_items WHERE href = ? AND ident != ?",
                         ((v.href, k) for k, v in kept.items()))
        _write(conn, "sync_items", "ident", kept,
               lambda k, i: (i.ident, i.href, i.etag, i.local_hash, i.remote_hash,
                             i.remote_key))
        _write(conn, "sync_conflicts", "ident", self.conflicts,
               lambda k, c: (c.ident, c.local, c.remote, c.href, c.etag, c.reason, c.found))
        conn.executemany("DELETE FROM sync_deletes WHERE href = ?", ((h,) for h in self.deleted))
        conn.executemany("INSERT OR REPLACE INTO sync_deletes VALUES (?, ?)",
                         self.deletes.items())


def _apply(target: dict[str, Any], changes: Mapping[str, Any]) -> None:
    for key, value in changes.items():
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value


def _write(
    conn: sqlite3.Connection, table: str, key: str, rows: Mapping[str, Any],
    values: Any,
) -> None:
    gone = [(k,) for k, v in rows.items() if v is None]
    if gone:
        conn.executemany(f"DELETE FROM {table} WHERE {key} = ?", gone)
    kept = [values(k, v) for k, v in rows.items() if v is not None]
    if kept:
        marks = ", ".join("?" * len(kept[0]))
        conn.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", kept)


def load_state(conn: sqlite3.Connection) -> SyncState:
    """Everything the file holds about its sync."""
    state = SyncState()
    state.settings = {str(k): str(v) for k, v in conn.execute(
        "SELECT key, value FROM sync_settings")}
    for name, track, token, shown in conn.execute(
        "SELECT name, track, token, shown FROM sync_collections"
    ):
        state.collections[name] = CollectionStatus(name, track, token, shown)
    for row in conn.execute(
        "SELECT ident, href, etag, local_hash, remote_hash, remote_key FROM sync_items"
    ):
        state.items[row[0]] = ItemStatus(*row)
    for row in conn.execute(
        "SELECT ident, local, remote, href, etag, reason, found FROM sync_conflicts"
    ):
        state.conflicts[row[0]] = ConflictRecord(*row)
    state.deletes = dict(conn.execute("SELECT href, etag FROM sync_deletes"))
    return state


def server_changes(url: str, user: str, insecure: bool, state: SyncState) -> StatusChanges:
    """The settings for a server at ``url``: a different server than the one the state
    knows starts afresh (its collections, items and conflicts are forgotten)."""
    changes = StatusChanges(settings={URL: url, USER: user,
                                      INSECURE: "1" if insecure else None})
    old = state.settings.get(URL)
    if old is not None and old.rstrip("/") != url.rstrip("/"):
        changes.reset = True
        changes.settings[AUTH] = None
    return changes

