"""Named releases: immutable snapshots of the whole programme, kept in the programme file.

Like pretalx's ``freeze_schedule``, a release copies the programme as it stands under a
name (and an optional note for the people who follow it); the programme then goes on
changing while the release stays as it was. What changed between two releases
(:mod:`planner.changes`) and everything published (:mod:`planner.publish`) is worked out
from these snapshots, never from the live programme.

A snapshot is stored as :mod:`planner.snapshot` JSON cut in two: the frame (name, days,
tracks, venues, people) and one blob per event, each under the digest of its bytes. A blob
is stored once and shared by every release that holds it unchanged, so a release of a
festival where ten talks moved adds ten blobs, and comparing two releases compares digests
before it reads a single event. The tables (schema version 3) refuse updates and deletions
by trigger: a release cannot change once made.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from planner import snapshot
from planner.changes import Change, changes
from planner.i18n import msg
from planner.model import Programme, ProgrammeError
from planner.store import CorruptFileError, ProgrammeStore, damaged

# Longer names would not fit a heading, a file's version field or a menu.
MAX_NAME_LENGTH = 80


class ReleaseError(ProgrammeError):
    """A release that cannot be made or found; the message says why."""


class UnknownReleaseError(ReleaseError):
    pass


@dataclass(frozen=True, slots=True)
class Release:
    """One release: its number (1, 2, ... in the order they were made), name and note,
    when it was made (UTC), how many events it holds (a repeating event counts once) and
    the digest of its content."""

    number: int
    name: str
    note: str
    created: datetime
    event_count: int
    digest: str

    def as_json(self) -> dict[str, Any]:
        """The release as ``release --list --json`` and ``changes.json`` give it."""
        return {
            "number": self.number,
            "name": self.name,
            "note": self.note,
            "created": self.created.isoformat(),
            "events": self.event_count,
        }


@dataclass(frozen=True, slots=True)
class Frozen:
    """A programme cut into digested blobs, ready to be recorded: the frame and one blob per
    event. Making it is the slow part of a release (every event serialised and hashed); a
    window makes it on a worker (:func:`freeze`) and records it on its own thread."""

    frame: tuple[bytes, bytes]
    events: dict[str, tuple[bytes, bytes]]  # uid -> (digest, data)

    @property
    def digest(self) -> bytes:
        whole = hashlib.blake2b(self.frame[0], digest_size=16)
        for uid in sorted(self.events):
            whole.update(uid.encode())
            whole.update(self.events[uid][0])
        return whole.digest()


def _blob(data: Any) -> tuple[bytes, bytes]:
    raw = snapshot.encode(data)
    return hashlib.blake2b(raw, digest_size=16).digest(), raw


def freeze(programme: Programme) -> Frozen:
    """``programme`` as a release would keep it (pure: no file is touched)."""
    data = snapshot.to_dict(programme)
    events = data.pop("events")
    return Frozen(_blob(data), {item["uid"]: _blob(item) for item in events})


def state_digest(programme: Programme) -> str:
    """The digest a release of ``programme`` as it stands would get."""
    return freeze(programme).digest.hex()


# ---------------------------------------------------------------------------------------------
# Reading


_COLUMNS = "number, name, note, created, events, digest"


def _release(row: tuple[Any, ...]) -> Release:
    number, name, note, created, events, digest = row
    return Release(int(number), str(name), str(note),
                   datetime.fromisoformat(str(created)).astimezone(UTC), int(events),
                   bytes(digest).hex())  # fmt: skip


def list_releases(store: ProgrammeStore) -> list[Release]:
    """Every release of the programme in ``store``, oldest first."""
    rows = store.connection.execute(f"SELECT {_COLUMNS} FROM releases ORDER BY number")
    return [_release(row) for row in rows]


def latest_release(store: ProgrammeStore) -> Release | None:
    """The newest release, or ``None`` when there is none yet."""
    row = store.connection.execute(
        f"SELECT {_COLUMNS} FROM releases ORDER BY number DESC LIMIT 1"
    ).fetchone()
    return None if row is None else _release(row)


def find_release(store: ProgrammeStore, name: str) -> Release:
    """The release called ``name``; :class:`UnknownReleaseError` names the ones there are."""
    row = store.connection.execute(
        f"SELECT {_COLUMNS} FROM releases WHERE name = ?", (name,)
    ).fetchone()
    if row is not None:
        return _release(row)
    names = [r.name for r in list_releases(store)]
    if not names:
        raise UnknownReleaseError(
            msg("{path}: no release '{name}': the programme has no releases yet",
                path=store.path, name=name)
        )
    raise UnknownReleaseError(
        msg("{path}: no release '{name}' (there are: {names})", path=store.path, name=name,
            names=", ".join(names))
    )


def load_release(store: ProgrammeStore, release: Release | str) -> Programme:
    """The programme exactly as it was released."""
    if isinstance(release, str):
        release = find_release(store, release)
    frame, events = _read(store, release.number, None)
    return _build(store, frame, events)


def load_pair(
    store: ProgrammeStore, before: Release, after: Release
) -> tuple[Programme, Programme]:
    """Two releases without the events they share unchanged.

    Every frame part (tracks, venues, people) is whole; an event that is the same in both is
    left out of both. What changed between them (:func:`planner.changes.changes`, which
    compares event by event) is the same as between the whole releases, and is found
    without reading the events that did not change.
    """
    shared = _shared(store, before.number, after.number)
    frame_a, events_a = _read(store, before.number, shared)
    frame_b, events_b = _read(store, after.number, shared)
    return _build(store, frame_a, events_a), _build(store, frame_b, events_b)


def _shared(store: ProgrammeStore, a: int, b: int) -> set[str]:
    rows = store.connection.execute(
        "SELECT x.uid FROM release_events AS x JOIN release_events AS y "
        "ON y.release = ? AND y.uid = x.uid AND y.blob = x.blob WHERE x.release = ?",
        (b, a),
    )
    return {uid for (uid,) in rows}


def _read(
    store: ProgrammeStore, number: int, leave_out: set[str] | None
) -> tuple[bytes | str, list[bytes | str]]:
    # Blobs as stored (bytes); a file changed from outside may hold text instead, which
    # reads as well or fails as a damaged file.
    conn = store.connection
    try:
        (frame,) = conn.execute(
            "SELECT data FROM release_blobs AS b JOIN releases AS r ON b.digest = r.frame "
            "WHERE r.number = ?",
            (number,),
        ).fetchone()
        rows = conn.execute(
            "SELECT uid, data FROM release_events JOIN release_blobs ON digest = blob "
            "WHERE release = ? ORDER BY uid",
            (number,),
        )
        events = [data for uid, data in rows if not leave_out or uid not in leave_out]
    except (sqlite3.DatabaseError, TypeError) as exc:
        raise CorruptFileError(damaged(store.path, exc)) from None
    return frame, events


def _build(
    store: ProgrammeStore, frame: bytes | str, events: list[bytes | str]
) -> Programme:
    try:
        data = json.loads(frame)
        data["events"] = [json.loads(raw) for raw in events]
        # Checked when it was released, and unchangeable since: not checked again.
        return snapshot.from_dict(data, validate=False)
    except (ValueError, TypeError, ProgrammeError) as exc:
        reason = exc.message if isinstance(exc, ProgrammeError) else exc
        raise CorruptFileError(damaged(store.path, reason)) from None


# ---------------------------------------------------------------------------------------------
# Comparing


@dataclass(frozen=True, slots=True)
class Comparison:
    """What changed from ``since`` (``None``: before the first release) to ``until``
    (``None``: the programme as it stands). ``before`` and ``after`` are the two snapshots
    compared, possibly without the events they share unchanged."""

    since: Release | None
    until: Release | None
    before: Programme
    after: Programme
    changes: list[Change]


def compare(store: ProgrammeStore, since: str | None = None, until: str | None = None, *,
            current: Programme | None = None) -> Comparison:
    """What changed from the release named ``since`` (default: the latest) to the one named
    ``until`` (default: the programme as it stands: ``current``, else the one in
    ``store``). Without any release yet, everything is new."""
    later = None if until is None else find_release(store, until)
    earlier = latest_release(store) if since is None else find_release(store, since)
    if earlier is not None and later is not None:
        before, after = load_pair(store, earlier, later)
    else:
        if later is not None:
            after = load_release(store, later)
        else:
            after = current if current is not None else store.load()
        before = (load_release(store, earlier) if earlier is not None
                  else dataclasses.replace(after.copy(), events={}))
    return Comparison(earlier, later, before, after, changes(before, after))


# ---------------------------------------------------------------------------------------------
# Recording


def check_name(name: str, taken: Iterable[str] = ()) -> str:
    """``name`` tidied (outer spaces dropped), or a :class:`ReleaseError` saying what is
    wrong with it: empty, more than one line, too long, or the name of an existing release
    (in any letter case, so that "Final" and "final" are not two releases)."""
    name = name.strip()
    if not name:
        raise ReleaseError(msg("a release needs a name"))
    if any(ch in name for ch in "\r\n\t\x00"):
        raise ReleaseError(msg("a release name is one line of text"))
    if len(name) > MAX_NAME_LENGTH:
        raise ReleaseError(
            msg("a release name has at most {count} characters", count=MAX_NAME_LENGTH)
        )
    for other in taken:
        if other.casefold() == name.casefold():
            raise ReleaseError(msg("there is a release named '{name}' already", name=other))
    return name


def record_release(
    store: ProgrammeStore,
    programme: Programme | Frozen,
    name: str,
    note: str = "",
    *,
    now: datetime | None = None,
) -> Release:
    """Release ``programme`` (the one in ``store``, or :func:`freeze` of it) as ``name``, in
    one transaction.

    Refused with a :class:`ReleaseError`: a bad or taken name (:func:`check_name`), and the
    very state of the latest release, which would tell the people following it of a change
    that is not there.
    """
    name = check_name(name, (r.name for r in list_releases(store)))
    frozen = programme if isinstance(programme, Frozen) else freeze(programme)
    latest = latest_release(store)
    if latest is not None and latest.digest == frozen.digest.hex():
        raise ReleaseError(
            msg("nothing has changed since release '{name}'; a new release needs a change",
                name=latest.name)
        )
    created = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    blobs = [frozen.frame, *frozen.events.values()]
    with store.transaction() as conn:
        conn.executemany("INSERT OR IGNORE INTO release_blobs (digest, data) VALUES (?, ?)",
                         blobs)
        cursor = conn.execute(
            "INSERT INTO releases (name, note, created, digest, events, frame) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (name, note.strip(), created.isoformat(), frozen.digest, len(frozen.events),
             frozen.frame[0]),
        )  # fmt: skip
        number = cursor.lastrowid
        conn.executemany(
            "INSERT INTO release_events (release, uid, blob) VALUES (?, ?, ?)",
            ((number, uid, digest) for uid, (digest, _) in frozen.events.items()),
        )
    assert number is not None
    return Release(number, name, note.strip(), created, len(frozen.events),
                   frozen.digest.hex())  # fmt: skip


def suggest_name(releases: list[Release]) -> str:
    """A name for the next release: the latest one's with its last number one higher
    ("Version 2" after "Version 1", "v1.3" after "v1.2", as pretalx guesses), else
    "Version N" for the N-th release."""
    taken = {r.name.casefold() for r in releases}
    if releases:
        match = re.fullmatch(r"(.*?)(\d+)(\D*)", releases[-1].name)
        if match is not None:
            head, number, tail = match.groups()
            guess = f"{head}{int(number) + 1:0{len(number)}d}{tail}"
            if guess.casefold() not in taken:
                return guess
    count = len(releases) + 1
    while f"version {count}" in taken:
        count += 1
    return f"Version {count}"
