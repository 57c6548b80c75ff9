"""The programme file: one SQLite database through the standard ``sqlite3`` module.

The file is identified by ``PRAGMA application_id`` and versioned by ``PRAGMA user_version``.
Before SQLite touches a file, its 100-byte header is read by hand, so a file that is not a
programme, or comes from a newer version, is refused without being opened for writing.
Every change runs in one ``BEGIN IMMEDIATE`` ... ``COMMIT`` transaction with the rollback
journal and ``synchronous=FULL``: a process killed at any moment leaves the file with each
change either fully there or not at all (SQLite rolls a hot journal back on the next open).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import struct
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from planner.i18n import Message, msg
from planner.inputs import open_regular
from planner.model import (
    Event,
    Period,
    Person,
    Programme,
    ProgrammeError,
    Recurrence,
    RecurrenceId,
    Session,
    Texts,
    TimeWindow,
    Track,
    TravelSettings,
    Venue,
    validate_programme,
)
from planner.snapshot import event_from_dict, event_to_dict
from planner.zones import zone_for_key

if TYPE_CHECKING:
    import sqlite3

# sqlite3 is imported by the functions that use it: loading it (and SQLite's library) is
# up to 3 ms of the window's start-up, and a window on the built-in programme opens no file.

APPLICATION_ID = 0x50504C4E  # "PPLN"
SCHEMA_VERSION = 6
SUFFIX = ".programme"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_DEFAULT_TRAVEL = TravelSettings()


class ProgrammeFileError(ProgrammeError):
    """A programme file that cannot be used; the message names the file and the problem."""


class NotAProgrammeError(ProgrammeFileError):
    pass


class NewerVersionError(ProgrammeFileError):
    pass


class CorruptFileError(ProgrammeFileError):
    pass


class ProgrammeLockedError(ProgrammeFileError):
    """The file is open for editing in another window or process."""


class FileLock:
    """Who has a programme file open for editing: a lock the kernel keeps on the file itself.

    An exclusive lock on one byte of the programme file far beyond any byte SQLite locks
    (Linux's open-file-description lock; ``flock`` elsewhere), held on a descriptor of the
    file for the life of the store. The kernel grants it atomically to one opener, so two
    openers never both win, and drops it when the process ends however it ends (a crash,
    ``kill -9``), so no stale lock has to be judged or taken over. It belongs to the file,
    not to a name: a symlink, a hard link or another spelling of the path meets the same
    lock. On a shared folder the file server keeps it for every computer (NFS, SMB).

    Beside the file, ``NAME.programme.lock`` names the holder (process and computer) for
    the message a second opener gets. Only the holder of the kernel's lock writes it (to a
    temporary file renamed into place), so it is never empty or disputed; one that a crash
    left is replaced by the next holder.
    """

    def __init__(self, path: Path) -> None:
        # The holder's note goes beside the file a symlink points to, where every opener
        # through a symlink looks for it.
        real = Path(os.path.realpath(path))
        self.path = real.with_name(real.name + ".lock")
        self._file = path
        self._fd: int | None = None
        self._token = f"{os.getpid()}-{os.urandom(6).hex()}"

    def acquire(self) -> None:
        """Take the lock, or raise :class:`ProgrammeLockedError` naming who has it."""
        try:
            fd = os.open(self._file, os.O_RDWR | os.O_CLOEXEC)
        except OSError as exc:
            raise ProgrammeFileError(
                msg("{path}: cannot open ({reason})", path=self._file, reason=exc.strerror)
            ) from None
        try:
            _lock_exclusively(fd)
        except BlockingIOError:
            os.close(fd)
            raise ProgrammeLockedError(self._locked_message()) from None
        except OSError as exc:
            os.close(fd)
            raise ProgrammeFileError(
                msg("{path}: cannot lock the file ({reason})", path=self._file,
                    reason=exc.strerror)
            ) from None
        self._fd = fd
        self._write_note()

    def release(self) -> None:
        """Give the lock up (the note first: the next holder writes its own)."""
        if self._fd is None:
            return
        holder = self._holder()
        if holder is not None and holder.get("token") == self._token:
            with contextlib.suppress(OSError):
                self.path.unlink()
        os.close(self._fd)  # closing the descriptor releases the kernel's lock
        self._fd = None

    def _locked_message(self) -> Message:
        holder = self._holder()
        if holder is not None and isinstance(holder.get("pid"), int):
            return msg(
                "{path}: already open for editing in another window or process (pid "
                "{pid} on {host}); close it there first, or open it read-only "
                "(File › Open Read-Only…)",
                path=self._file, pid=holder.get("pid"), host=holder.get("host"),
            )
        return msg(
            "{path}: already open for editing in another window or process; close it "
            "there first, or open it read-only (File › Open Read-Only…)", path=self._file,
        )

    def _write_note(self) -> None:
        note = json.dumps({"pid": os.getpid(), "host": _hostname(), "token": self._token})
        temp = self.path.with_name(f".{self.path.name}.{self._token}")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
            try:
                os.write(fd, note.encode())
            finally:
                os.close(fd)
            os.replace(temp, self.path)
        except OSError:
            # Only the message of a later opener loses its detail (a full disk, a folder
            # that is read-only although the file is not): the lock itself holds.
            with contextlib.suppress(OSError):
                temp.unlink()

    def _holder(self) -> dict[str, object] | None:
        try:
            with open(self.path, "rb") as handle:
                data = json.loads(handle.read(4096))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None


# A byte SQLite never locks (its locks sit at 1 GiB and the 510 bytes after it), so that the
# programme's lock and SQLite's own never meet, on a local disk or on a file server.
_LOCK_BYTE = 1 << 62
_F_OFD_SETLK = getattr(fcntl, "F_OFD_SETLK", None) if fcntl is not None else None


def _lock_exclusively(fd: int) -> None:
    """An exclusive lock on ``fd``'s file, or ``BlockingIOError`` when another has it."""
    if fcntl is None:  # pragma: no cover - Windows: SQLite's own locking alone
        return
    if _F_OFD_SETLK is not None:
        # struct flock: l_type, l_whence, l_start, l_len, l_pid (0 for an OFD lock).
        request = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, _LOCK_BYTE, 1, 0)
        try:
            fcntl.fcntl(fd, _F_OFD_SETLK, request)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise BlockingIOError(exc.errno, exc.strerror) from None
            raise
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _hostname() -> str:
    # Imported here, when a file is taken for editing: the socket module costs the window's
    # start-up some 4 ms, and a window on the built-in programme takes no lock.
    import socket

    return socket.gethostname()


# ---------------------------------------------------------------------------------------------
# Schema. SCHEMA_V1 is kept as it shipped so that tests can build a version-1 file and the
# migrations below bring it forward; never edit it, add a migration instead.

SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE tracks (
    id TEXT PRIMARY KEY, name_de TEXT NOT NULL, name_en TEXT NOT NULL, name_ru TEXT NOT NULL,
    colour TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE venues (
    id TEXT PRIMARY KEY, name_de TEXT NOT NULL, name_en TEXT NOT NULL, name_ru TEXT NOT NULL,
    address TEXT NOT NULL, lat REAL, lon REAL, position INTEGER NOT NULL);
CREATE TABLE people (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, affiliation TEXT NOT NULL, contact TEXT NOT NULL);
CREATE TABLE events (
    uid TEXT PRIMARY KEY,
    title_de TEXT NOT NULL, title_en TEXT NOT NULL, title_ru TEXT NOT NULL,
    description_de TEXT NOT NULL, description_en TEXT NOT NULL, description_ru TEXT NOT NULL,
    track TEXT NOT NULL REFERENCES tracks(id), venue TEXT NOT NULL REFERENCES venues(id),
    start TEXT NOT NULL, "end" TEXT NOT NULL, tz TEXT NOT NULL, all_day INTEGER NOT NULL,
    status TEXT NOT NULL, rrule TEXT, exdates TEXT NOT NULL, languages TEXT NOT NULL,
    sequence INTEGER NOT NULL, last_modified TEXT NOT NULL, url TEXT NOT NULL);
CREATE TABLE event_speakers (
    uid TEXT NOT NULL REFERENCES events(uid) ON DELETE CASCADE,
    person TEXT NOT NULL REFERENCES people(id), position INTEGER NOT NULL,
    PRIMARY KEY (uid, person));
CREATE INDEX events_start ON events(start);
"""

# MIGRATIONS[n] takes a file from version n + 1 to version n + 2.
MIGRATIONS: list[str] = [
    # 1 -> 2: venue capacity and expected attendance, for the capacity check.
    """
    ALTER TABLE venues ADD COLUMN capacity INTEGER;
    ALTER TABLE events ADD COLUMN attendance INTEGER;
    """,
    # 2 -> 3: named releases (planner/releases.py). A release is an immutable snapshot: its
    # frame (everything but the events) and each event are JSON blobs of planner.snapshot's
    # form, stored once by digest and shared by the releases that hold them unchanged.
    # The triggers keep what was released as it was released.
    """
    CREATE TABLE release_blobs (digest BLOB PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
    CREATE TABLE releases (
        number INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, note TEXT NOT NULL,
        created TEXT NOT NULL, digest BLOB NOT NULL, events INTEGER NOT NULL,
        frame BLOB NOT NULL REFERENCES release_blobs(digest));
    CREATE TABLE release_events (
        release INTEGER NOT NULL REFERENCES releases(number), uid TEXT NOT NULL,
        blob BLOB NOT NULL REFERENCES release_blobs(digest),
        PRIMARY KEY (release, uid)) WITHOUT ROWID;
    CREATE TRIGGER releases_stay BEFORE UPDATE ON releases
        BEGIN SELECT RAISE(ABORT, 'a release cannot change'); END;
    CREATE TRIGGER releases_stay_put BEFORE DELETE ON releases
        BEGIN SELECT RAISE(ABORT, 'a release cannot be removed'); END;
    CREATE TRIGGER release_events_stay BEFORE UPDATE ON release_events
        BEGIN SELECT RAISE(ABORT, 'a release cannot change'); END;
    CREATE TRIGGER release_events_stay_put BEFORE DELETE ON release_events
        BEGIN SELECT RAISE(ABORT, 'a release cannot change'); END;
    CREATE TRIGGER release_blobs_stay BEFORE UPDATE ON release_blobs
        BEGIN SELECT RAISE(ABORT, 'a release cannot change'); END;
    """,
    # 3 -> 4: what calendar files bring (issue 15): series with RDATEs, several RRULEs and
    # changed occurrences (JSON), the properties kept as they came, placeholder venues and
    # tracks, and the time zones files define for themselves.
    """
    ALTER TABLE venues ADD COLUMN placeholder INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE tracks ADD COLUMN placeholder INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN series TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE events ADD COLUMN overrides TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE events ADD COLUMN recurrence_id TEXT;
    ALTER TABLE events ADD COLUMN source_uid TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN preserved TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN absent TEXT NOT NULL DEFAULT '';
    CREATE TABLE zones (key TEXT PRIMARY KEY, vtimezone TEXT NOT NULL);
    """,
    # 4 -> 5: availability windows of people and venues, and unscheduled sessions (events
    # with a length but no time yet), for the scheduling assistant.
    """
    CREATE TABLE availability (
        owner_kind TEXT NOT NULL CHECK (owner_kind IN ('person', 'venue')),
        owner TEXT NOT NULL, position INTEGER NOT NULL,
        start TEXT NOT NULL, "end" TEXT NOT NULL, tz TEXT NOT NULL, kind TEXT NOT NULL,
        PRIMARY KEY (owner_kind, owner, position));
    CREATE TABLE sessions (
        uid TEXT PRIMARY KEY,
        title_de TEXT NOT NULL, title_en TEXT NOT NULL, title_ru TEXT NOT NULL,
        description_de TEXT NOT NULL, description_en TEXT NOT NULL,
        description_ru TEXT NOT NULL,
        track TEXT NOT NULL REFERENCES tracks(id), venue TEXT NOT NULL,
        minutes INTEGER NOT NULL, status TEXT NOT NULL, languages TEXT NOT NULL,
        sequence INTEGER NOT NULL, last_modified TEXT NOT NULL, url TEXT NOT NULL,
        attendance INTEGER, source_uid TEXT NOT NULL, preserved TEXT NOT NULL,
        absent TEXT NOT NULL);
    CREATE TABLE session_speakers (
        uid TEXT NOT NULL REFERENCES sessions(uid) ON DELETE CASCADE,
        person TEXT NOT NULL REFERENCES people(id), position INTEGER NOT NULL,
        PRIMARY KEY (uid, person));
    """,
    # 5 -> 6: CalDAV sync state (planner.sync.state): the server and its collections, what
    # each event looked like on both sides at the last sync, conflicts, deletes to finish.
    """
    CREATE TABLE sync_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE sync_collections (
        name TEXT PRIMARY KEY, track TEXT, token TEXT, shown TEXT NOT NULL);
    CREATE TABLE sync_items (
        ident TEXT PRIMARY KEY, href TEXT NOT NULL UNIQUE, etag TEXT,
        local_hash TEXT NOT NULL, remote_hash TEXT NOT NULL, remote_key TEXT NOT NULL);
    CREATE TABLE sync_conflicts (
        ident TEXT PRIMARY KEY, local TEXT, remote TEXT, href TEXT, etag TEXT,
        reason TEXT NOT NULL, found TEXT NOT NULL);
    CREATE TABLE sync_deletes (href TEXT PRIMARY KEY, etag TEXT);
    """,
]
assert len(MIGRATIONS) == SCHEMA_VERSION - 1


def statements(script: str) -> Iterator[str]:
    """The statements of an SQL script one by one (executescript would commit first); a
    trigger's body, with semicolons of its own, stays one statement."""
    import sqlite3

    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""


def damaged(path: Path, reason: object) -> Message:
    return msg("{path}: damaged programme file ({reason})", path=path, reason=reason)


def cannot_write(path: Path, reason: object) -> Message:
    return msg("{path}: cannot write ({reason})", path=path, reason=reason)


def _build_beside(path: Path, fill: Callable[[sqlite3.Connection, Path], object],
                  replace: bool = False) -> None:
    """Make a new database at ``path`` by ``fill(connection, temporary_path)`` on a file
    beside it that is then moved into place: a crash leaves the old file or the whole new
    one. An existing file (even one that appears meanwhile) is refused, or with ``replace``
    (the user chose to replace it) replaced, unless it is open for editing elsewhere: its
    lock is taken for the moment of the swap."""
    import sqlite3

    if path.exists() and not replace:
        raise ProgrammeFileError(msg("{path}: file exists already", path=path))
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    held: int | None = None
    try:
        if replace and path.exists():
            held = _lock_for_replacing(path)
        tmp.unlink(missing_ok=True)
        # Made here rather than by SQLite, whose "unable to open database file" would not
        # say why (a read-only folder: Permission denied).
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            fill(conn, tmp)
        finally:
            conn.close()
        if held is not None:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if the target appeared meanwhile
    except FileExistsError:
        raise ProgrammeFileError(msg("{path}: file exists already", path=path)) from None
    except OSError as exc:
        raise ProgrammeFileError(cannot_write(path, exc.strerror)) from None
    except sqlite3.Error as exc:  # a full disk, a folder that refuses locks, ...
        raise ProgrammeFileError(cannot_write(path, exc)) from None
    finally:
        if held is not None:
            os.close(held)
        tmp.unlink(missing_ok=True)


def _lock_for_replacing(path: Path) -> int:
    """A descriptor of ``path`` holding its editing lock, so that no window edits the file
    while it is replaced; a file open for editing elsewhere is refused."""
    if not path.is_file():
        raise ProgrammeFileError(msg("{path}: is not a file", path=path))
    fd = os.open(path, os.O_RDWR | os.O_CLOEXEC)
    try:
        _lock_exclusively(fd)
    except BlockingIOError:
        os.close(fd)
        raise ProgrammeLockedError(FileLock(path)._locked_message()) from None
    except OSError:
        os.close(fd)
        raise
    return fd


# ---------------------------------------------------------------------------------------------
# Opening


def read_header(path: Path) -> tuple[int, int]:
    """``(application_id, user_version)`` from the file's SQLite header, read without SQLite.

    Raises :class:`NotAProgrammeError` when the file is not an SQLite database at all and
    :class:`CorruptFileError` when it is shorter than its header says.
    """
    fd, size = open_regular(path, msg("a programme file"), ProgrammeFileError)
    try:
        header = os.read(fd, 100)
    except OSError as exc:
        raise ProgrammeFileError(
            msg("{path}: cannot open ({reason})", path=path, reason=exc.strerror)
        ) from None
    finally:
        os.close(fd)
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise NotAProgrammeError(msg("{path}: not a programme file", path=path))
    # The file format's write and read versions: 1 (rollback journal) or 2 (WAL). Any other
    # makes SQLite open the file read-only or not at all, and only our header tells why.
    if header[18] not in (1, 2) or header[19] not in (1, 2):
        raise CorruptFileError(damaged(path, f"unknown file format {header[18]}.{header[19]} "
                                             "in the header"))
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    if page_count and valid_for == change_counter and size < page_count * page_size:
        raise CorruptFileError(
            msg("{path}: file is truncated ({size} of {expected} bytes)", path=path, size=size,
                expected=page_count * page_size)
        )
    user_version, application_id = struct.unpack(">I", header[60:64])[0], struct.unpack(
        ">I", header[68:72]
    )[0]
    return application_id, user_version


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    import sqlite3

    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rw'}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    # A file made by hand must not run code of its own: no functions with side effects in
    # views, triggers or defaults (the schema check refuses such objects anyway).
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


SchemaEntry = tuple[str, str, str, str]


def _schema_of(conn: sqlite3.Connection) -> dict[tuple[str, str], SchemaEntry]:
    """The file's tables, indexes, views and triggers by (type, name), each with its table
    and its SQL (spaces folded). SQLite's statistics tables are left out: ANALYZE, run by
    any tool, makes them, and they hold numbers only."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    return {
        (str(kind), str(name)): (str(kind), str(name), str(table), " ".join(str(sql).split()))
        for kind, name, table, sql in rows
        if not str(name).startswith("sqlite_stat")
    }


@cache
def expected_schema(version: int) -> dict[tuple[str, str], SchemaEntry]:
    """What a programme file of format ``version`` holds: SCHEMA_V1 brought forward by the
    migrations, built in memory."""
    import sqlite3

    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(SCHEMA_V1)
        for migration in MIGRATIONS[: version - 1]:
            conn.executescript(migration)
        return _schema_of(conn)
    finally:
        conn.close()


def _schema_problem(conn: sqlite3.Connection, version: int) -> str | None:
    """What is wrong with the file's schema, or ``None`` when it is exactly the programme's.

    A file made by hand could hold a view in place of a table (whose query never ends), or
    a trigger that deletes on the next edit: nothing but our own tables and indexes is let
    through, each as this version's migrations make it.
    """
    found, wanted = _schema_of(conn), expected_schema(version)
    for key in sorted(found.keys() - wanted.keys()):
        return f"unexpected {key[0]} '{key[1]}'"
    for key in sorted(wanted.keys() - found.keys()):
        return f"no {key[0]} '{key[1]}'"
    for key in sorted(wanted):
        if found[key] != wanted[key]:
            return f"{key[0]} '{key[1]}' is not as Programme Planner makes it"
    return None


def _type_problem(conn: sqlite3.Connection) -> str | None:
    """The first column holding a value of the wrong kind (a BLOB where text belongs),
    or ``None``. SQLite stores any value in any column; the model expects its types."""
    allowed = {"TEXT": ("text",), "INTEGER": ("integer",), "REAL": ("real", "integer")}
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                 "name NOT LIKE 'sqlite%' ORDER BY name").fetchall():
        for _, column, declared, notnull, _, _ in conn.execute(
            f'PRAGMA table_info("{table}")'
        ).fetchall():
            kinds = allowed.get(str(declared).upper())
            if kinds is None:
                continue
            accepted = ", ".join(f"'{k}'" for k in (*kinds, *(() if notnull else ("null",))))
            bad = conn.execute(
                f'SELECT 1 FROM "{table}" WHERE typeof("{column}") NOT IN ({accepted}) LIMIT 1'
            ).fetchone()
            if bad is not None:
                return f"a value in {table}.{column} is not {kinds[0]}"
    return None


def _check_integrity(path: Path, version: int) -> None:
    import sqlite3

    # A hot journal must be rolled back before the file can be read, which needs write access.
    hot = Path(f"{path}-journal").exists()
    try:
        conn = _connect(path, readonly=not hot)
        # SQLite's own messages can quote damaged bytes that are not UTF-8.
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
        try:
            problem = _schema_problem(conn, version)
            if problem is None:
                result = conn.execute("PRAGMA quick_check").fetchone()
                if result is None or result[0] != "ok":
                    problem = str(result[0]) if result else "quick_check gave no answer"
            if problem is None:
                problem = _type_problem(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptFileError(damaged(path, exc)) from None
    if problem is not None:
        raise CorruptFileError(damaged(path, problem))


class ProgrammeStore:
    """An open programme file. Use :meth:`open` or :meth:`create`; close when done."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, readonly: bool, lock: FileLock | None = None
    ) -> None:
        self.path = path
        self.readonly = readonly
        self._conn = conn
        self._lock = lock

    # -- life cycle -----------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False) -> ProgrammeStore:
        """Open an existing programme file, migrating it forward if it is older.

        A file that is not a programme, is damaged or comes from a newer version raises a
        :class:`ProgrammeFileError` and is not written to. Opening for editing takes the
        file's lock: a second opener gets :class:`ProgrammeLockedError`; read-only openers
        need no lock.
        """
        import sqlite3

        path = Path(path)
        application_id, version = read_header(path)
        if application_id != APPLICATION_ID:
            raise NotAProgrammeError(msg("{path}: not a programme file", path=path))
        if version > SCHEMA_VERSION:
            raise NewerVersionError(
                msg(
                    "{path}: made by a newer version of Programme Planner (file format "
                    "{version}, this version reads up to {supported})",
                    path=path, version=version, supported=SCHEMA_VERSION,
                )
            )
        if version < 1:
            raise CorruptFileError(damaged(path, "user_version 0"))
        _check_integrity(path, version)
        if not readonly and not os.access(path, os.W_OK):
            readonly = True
        lock = None if readonly else FileLock(path)
        if lock is not None:
            lock.acquire()
        try:
            conn = _connect(path, readonly=readonly)
        except sqlite3.Error as exc:
            if lock is not None:
                lock.release()
            raise ProgrammeFileError(
                msg("{path}: cannot open ({reason})", path=path, reason=exc)
            ) from None
        if readonly and version < SCHEMA_VERSION:
            # Reading an older file must not change it: migrate a copy in memory.
            memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            conn.backup(memory)
            conn.close()
            conn = memory
            cls(path, conn, readonly=False)._migrate(version)
        store = cls(path, conn, readonly, lock)
        if version < SCHEMA_VERSION and not readonly:
            try:
                store._migrate(version)
            except BaseException:
                store.close()
                raise
        return store

    @classmethod
    def create(cls, path: str | os.PathLike[str], programme: Programme, *,
               replace: bool = False) -> ProgrammeStore:
        """Write ``programme`` to a new file at ``path``; an existing file is refused, or
        with ``replace`` replaced (unless it is open for editing elsewhere).

        The file is built beside the target and moved into place, so a crash leaves either
        the old file (or none) or a complete new one.
        """
        validate_programme(programme)

        def fill(conn: sqlite3.Connection, tmp: Path) -> None:
            conn.executescript(SCHEMA_V1)
            for migration in MIGRATIONS:
                conn.executescript(migration)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            cls(tmp, conn, readonly=False).replace_all(programme)

        _build_beside(Path(path), fill, replace)
        return cls.open(path)

    def copy_to(self, path: str | os.PathLike[str], *,
                replace: bool = False) -> ProgrammeStore:
        """Copy the whole file to a new file at ``path`` and open the copy for editing.

        The copy is made through SQLite's backup API, so it holds everything the file
        holds, not only the programme: its releases, and whatever else other modules keep
        in it. Like :meth:`create`, it is built beside the target and moved into place, and
        an existing file is refused unless ``replace``. A file opened read-only gives an
        editable copy.
        """
        _build_beside(Path(path), lambda conn, _tmp: self._conn.backup(conn), replace)
        return type(self).open(path)

    def close(self) -> None:
        self._conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> ProgrammeStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self, version: int) -> None:
        with self.transaction() as conn:
            for migration in MIGRATIONS[version - 1 :]:
                for statement in statements(migration):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it reaches the file, or none of it.

        An SQLite error inside (a full disk, an I/O error) becomes a
        :class:`ProgrammeFileError` naming the file; the file keeps what it had.
        """
        import sqlite3

        if self.readonly:
            raise ProgrammeFileError(msg("{path}: file is read-only", path=self.path))
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise ProgrammeFileError(cannot_write(self.path, exc)) from None
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            self._roll_back()
            if isinstance(exc, sqlite3.Error):
                raise ProgrammeFileError(cannot_write(self.path, exc)) from None
            raise

    def _roll_back(self) -> None:
        # After some errors (SQLITE_FULL, SQLITE_IOERR) SQLite has rolled the transaction
        # back itself, and a ROLLBACK would fail with "no transaction is active", hiding the
        # reason. A rollback that fails leaves the hot journal, which the next open undoes.
        import sqlite3

        if self._conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    # -- reading --------------------------------------------------------------------------

    @property
    def connection(self) -> sqlite3.Connection:
        """The open database, for modules that keep tables of their own in the file
        (releases): they read through it and write only inside :meth:`transaction`."""
        return self._conn

    def load(self) -> Programme:
        """Read the whole programme; one that breaks the model's rules is a damaged file.

        Only model-checked edits reach the file, so a broken rule (an unknown track, an
        unreadable repeat rule, a colour that is not #RRGGBB) means the file was changed
        from outside, and would otherwise fail later in a clash check or an export.
        """
        import sqlite3

        try:
            programme = self._load()
            validate_programme(programme)
        except ProgrammeError as exc:
            raise CorruptFileError(damaged(self.path, exc.message)) from None
        except (sqlite3.DatabaseError, KeyError, ValueError, TypeError, OverflowError) as exc:
            raise CorruptFileError(damaged(self.path, exc)) from None
        except RecursionError:  # JSON nested thousands deep in a value
            raise CorruptFileError(damaged(self.path, "values nested too deeply")) from None
        return programme

    def _load(self) -> Programme:
        conn = self._conn
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        programme = Programme(
            name=Texts.from_mapping(json.loads(meta["name"])),
            timezone=meta["timezone"],
            first_day=date.fromisoformat(meta["first_day"]),
            last_day=date.fromisoformat(meta["last_day"]),
            travel=TravelSettings(
                speed_kmh=float(meta.get("travel_speed_kmh", _DEFAULT_TRAVEL.speed_kmh)),
                buffer_minutes=int(
                    meta.get("travel_buffer_minutes", _DEFAULT_TRAVEL.buffer_minutes)
                ),
            ),
        )
        for key, text in conn.execute("SELECT key, vtimezone FROM zones ORDER BY key"):
            programme.zones[str(key)] = str(text)
        for tid, de, en, ru, colour, placeholder in conn.execute(
            "SELECT id, name_de, name_en, name_ru, colour, placeholder FROM tracks "
            "ORDER BY position, id"
        ):
            programme.tracks[tid] = Track(tid, Texts(de, en, ru), colour, bool(placeholder))
        window_zones: dict[str, ZoneInfo] = {}
        windows: dict[tuple[str, str], list[TimeWindow]] = {}
        for owner_kind, owner, start, end, tz, kind in conn.execute(
            'SELECT owner_kind, owner, start, "end", tz, kind FROM availability '
            "ORDER BY owner_kind, owner, position"
        ):
            zone = window_zones.get(tz) or window_zones.setdefault(tz, zone_for_key(
                tz, programme.zones))
            windows.setdefault((owner_kind, owner), []).append(TimeWindow(
                datetime.fromisoformat(start).replace(tzinfo=zone),
                datetime.fromisoformat(end).replace(tzinfo=zone), kind))
        for vid, de, en, ru, address, lat, lon, capacity, placeholder in conn.execute(
            "SELECT id, name_de, name_en, name_ru, address, lat, lon, capacity, placeholder "
            "FROM venues ORDER BY position, id"
        ):
            programme.venues[vid] = Venue(vid, Texts(de, en, ru), address, lat, lon, capacity,
                                          bool(placeholder),
                                          tuple(windows.get(("venue", vid), ())))
        for pid, name, affiliation, contact in conn.execute(
            "SELECT id, name, affiliation, contact FROM people ORDER BY id"
        ):
            programme.people[pid] = Person(pid, name, affiliation, contact,
                                           tuple(windows.get(("person", pid), ())))
        speakers: dict[str, list[str]] = {}
        for uid, person in conn.execute(
            "SELECT uid, person FROM event_speakers ORDER BY uid, position"
        ):
            speakers.setdefault(uid, []).append(person)
        zones = _Zones(programme.zones)
        for row in conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY start, uid"):
            event = _event_from_row(row, speakers, zones)
            programme.events[event.uid] = event
        speakers = {}
        for uid, person in conn.execute(
            "SELECT uid, person FROM session_speakers ORDER BY uid, position"
        ):
            speakers.setdefault(uid, []).append(person)
        for row in conn.execute(f"SELECT {_SESSION_COLUMNS} FROM sessions ORDER BY uid"):
            session = _session_from_row(row, speakers)
            programme.unscheduled[session.uid] = session
        return programme

    # -- writing --------------------------------------------------------------------------

    def replace_all(self, programme: Programme) -> None:
        """Write the whole programme in place of what the file holds, in one transaction."""
        with self.transaction() as conn:
            for table in ("session_speakers", "sessions", "availability", "event_speakers",
                          "events", "people", "venues", "tracks", "meta", "zones"):
                conn.execute(f"DELETE FROM {table}")
            self._write_meta(conn, programme)
            _write_zones(conn, programme)
            for position, track in enumerate(programme.tracks.values()):
                _write_track(conn, track, position)
            for position, venue in enumerate(programme.venues.values()):
                _write_venue(conn, venue, position)
            for person in programme.people.values():
                _write_person(conn, person)
            _write_events(conn, programme.events.values())
            _write_sessions(conn, programme.unscheduled.values())

    def write(
        self,
        programme: Programme,
        changes: Changes,
        also: Callable[[sqlite3.Connection], None] | None = None,
    ) -> None:
        """Write ``changes`` (read from ``programme``) in one transaction; ``also`` writes
        more in the same transaction (a sync records what it did with the change it makes)."""
        with self.transaction() as conn:
            if also is not None:
                also(conn)
            if changes.meta:
                self._write_meta(conn, programme)
            # A zone an event uses must be there with the event: the few custom zones are
            # written with every change that touches events.
            if changes.meta or (programme.zones and changes.events):
                _write_zones(conn, programme)
            for uid in changes.removed_events:
                conn.execute("DELETE FROM events WHERE uid = ?", (uid,))
            for uid in changes.removed_sessions:
                conn.execute("DELETE FROM sessions WHERE uid = ?", (uid,))
            positions = {tid: n for n, tid in enumerate(programme.tracks)}
            for tid in changes.tracks:
                if tid in programme.tracks:
                    _write_track(conn, programme.tracks[tid], positions[tid])
            positions = {vid: n for n, vid in enumerate(programme.venues)}
            for vid in changes.venues:
                if vid in programme.venues:
                    _write_venue(conn, programme.venues[vid], positions[vid])
            for pid in changes.people:
                if pid in programme.people:
                    _write_person(conn, programme.people[pid])
            _write_events(conn, (programme.events[u] for u in changes.events))
            _write_sessions(conn, (programme.unscheduled[u] for u in changes.sessions))
            # Removals of tracks, venues and people come last: events may have moved away.
            for pid in changes.people - programme.people.keys():
                _write_windows(conn, "person", pid, ())
                conn.execute("DELETE FROM people WHERE id = ?", (pid,))
            for vid in changes.venues - programme.venues.keys():
                _write_windows(conn, "venue", vid, ())
                conn.execute("DELETE FROM venues WHERE id = ?", (vid,))
            for tid in changes.tracks - programme.tracks.keys():
                conn.execute("DELETE FROM tracks WHERE id = ?", (tid,))

    @staticmethod
    def _write_meta(conn: sqlite3.Connection, programme: Programme) -> None:
        values = {
            "name": json.dumps(programme.name.as_dict(), ensure_ascii=False, sort_keys=True),
            "timezone": programme.timezone,
            "first_day": programme.first_day.isoformat(),
            "last_day": programme.last_day.isoformat(),
            "travel_speed_kmh": repr(programme.travel.speed_kmh),
            "travel_buffer_minutes": str(programme.travel.buffer_minutes),
        }
        conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())


class Changes:
    """What one edit touched: ids of events, tracks, venues and people, and the frame;
    ``sessions`` and ``removed_sessions`` are UIDs of unscheduled sessions (placing one
    removes a session and writes an event of the same UID)."""

    def __init__(
        self,
        events: Iterable[str] = (),
        removed_events: Iterable[str] = (),
        tracks: Iterable[str] = (),
        venues: Iterable[str] = (),
        people: Iterable[str] = (),
        meta: bool = False,
        sessions: Iterable[str] = (),
        removed_sessions: Iterable[str] = (),
    ) -> None:
        self.events = set(events)
        self.removed_events = set(removed_events)
        self.tracks = set(tracks)
        self.venues = set(venues)
        self.people = set(people)
        self.meta = meta
        self.sessions = set(sessions)
        self.removed_sessions = set(removed_sessions)

    def __bool__(self) -> bool:
        return bool(
            self.events or self.removed_events or self.tracks or self.venues or self.people
            or self.sessions or self.removed_sessions
        ) or self.meta

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.events | other.events,
            self.removed_events | other.removed_events,
            self.tracks | other.tracks,
            self.venues | other.venues,
            self.people | other.people,
            self.meta or other.meta,
            self.sessions | other.sessions,
            self.removed_sessions | other.removed_sessions,
        )


# ---------------------------------------------------------------------------------------------
# Rows

_EVENT_COLUMNS = (
    'uid, title_de, title_en, title_ru, description_de, description_en, description_ru, '
    'track, venue, start, "end", tz, all_day, status, rrule, exdates, languages, sequence, '
    "last_modified, url, attendance, series, overrides, recurrence_id, source_uid, preserved, "
    "absent"
)


class _Zones:
    """The zones events name while a file is read: IANA ones, and the programme's own."""

    def __init__(self, custom: dict[str, str]) -> None:
        self.custom = custom
        self.found: dict[str, ZoneInfo] = {}

    def __call__(self, key: str) -> ZoneInfo:
        zone = self.found.get(key)
        if zone is None:
            zone = self.found[key] = zone_for_key(key, self.custom)
        return zone


def _event_from_row(
    row: tuple[object, ...], speakers: dict[str, list[str]], zones: _Zones
) -> Event:
    (uid, t_de, t_en, t_ru, d_de, d_en, d_ru, track, venue, start, end, tz, all_day, status,
     rule, exdates, languages, sequence, last_modified, url, attendance, series, overrides,
     recurrence_id, source_uid, preserved, absent) = row
    assert isinstance(tz, str) and isinstance(uid, str)
    zone = zones(tz)

    def local(text: object) -> datetime:
        return datetime.fromisoformat(str(text)).replace(tzinfo=zone)

    return Event(
        uid=uid,
        title=Texts(str(t_de), str(t_en), str(t_ru)),
        description=Texts(str(d_de), str(d_en), str(d_ru)),
        track=str(track),
        venue=str(venue),
        start=local(start),
        end=local(end),
        all_day=bool(all_day),
        status=str(status),  # type: ignore[arg-type]
        recurrence=_recurrence(rule, exdates, series, local),
        speakers=tuple(speakers.get(uid, ())),
        languages=tuple(json.loads(str(languages))),
        sequence=int(str(sequence)),
        last_modified=datetime.fromisoformat(str(last_modified)).astimezone(UTC),
        url=str(url),
        attendance=None if attendance is None else int(str(attendance)),
        overrides=tuple(_override_from_json(item, tz, zones) for item in _json_list(overrides)),
        recurrence_id=_rid_from_json(recurrence_id, local),
        source_uid=str(source_uid),
        preserved=str(preserved),
        absent=frozenset(filter(None, str(absent).split(","))),
    )


def _json_list(text: object) -> list[Any]:
    value = json.loads(str(text))
    if not isinstance(value, list):
        raise ValueError("a list was expected")
    return value


def _recurrence(
    rule: object, exdates: object, series: object, local: Callable[[object], datetime]
) -> Recurrence | None:
    extra = json.loads(str(series)) if series else {}
    if not isinstance(extra, dict):
        raise ValueError("series is not an object")
    if not rule and not extra:
        return None
    return Recurrence(
        str(rule or ""),
        tuple(local(x) for x in _json_list(exdates)),
        more_rules=tuple(str(x) for x in extra.get("rules", [])),
        rdates=tuple(local(x) for x in extra.get("rdates", [])),
        periods=tuple(Period(local(s), local(e)) for s, e in extra.get("periods", [])),
    )


def _series_json(recurrence: Recurrence | None) -> str:
    if recurrence is None:
        return "{}"
    extra: dict[str, object] = {}
    if recurrence.more_rules:
        extra["rules"] = list(recurrence.more_rules)
    if recurrence.rdates:
        extra["rdates"] = [_naive(x) for x in recurrence.rdates]
    if recurrence.periods:
        extra["periods"] = [[_naive(p.start), _naive(p.end)] for p in recurrence.periods]
    if not recurrence.rule and not extra:
        # A series of dates alone that has none left still is one.
        extra["rdates"] = []
    return json.dumps(extra, ensure_ascii=False, sort_keys=True)


def _rid_from_json(text: object, local: Callable[[object], datetime]) -> RecurrenceId | None:
    if text is None or text == "":
        return None
    value = json.loads(str(text))
    if not isinstance(value, dict):
        raise ValueError("recurrence_id is not an object")
    return RecurrenceId(local(value["start"]), bool(value.get("this_and_future", False)))


def _rid_json(rid: RecurrenceId | None) -> str | None:
    if rid is None:
        return None
    value: dict[str, object] = {"start": _naive(rid.start)}
    if rid.this_and_future:
        value["this_and_future"] = True
    return json.dumps(value, sort_keys=True)


def _override_from_json(item: object, zone_key: str, zones: _Zones) -> Event:
    # Overrides are kept in planner.snapshot's form of an event, their zone relative to
    # the series' own.
    if not isinstance(item, dict):
        raise ValueError("an override is not an object")
    return event_from_dict(item, zone_key, zones.found, custom=zones.custom)


_SESSION_COLUMNS = (
    "uid, title_de, title_en, title_ru, description_de, description_en, description_ru, "
    "track, venue, minutes, status, languages, sequence, last_modified, url, attendance, "
    "source_uid, preserved, absent"
)


def _session_from_row(row: tuple[object, ...], speakers: dict[str, list[str]]) -> Session:
    (uid, t_de, t_en, t_ru, d_de, d_en, d_ru, track, venue, minutes, status, languages,
     sequence, last_modified, url, attendance, source_uid, preserved, absent) = row
    assert isinstance(uid, str)
    return Session(
        uid=uid,
        title=Texts(str(t_de), str(t_en), str(t_ru)),
        description=Texts(str(d_de), str(d_en), str(d_ru)),
        duration=timedelta(minutes=int(str(minutes))),
        track=str(track),
        venue=str(venue),
        status=str(status),  # type: ignore[arg-type]
        speakers=tuple(speakers.get(uid, ())),
        languages=tuple(json.loads(str(languages))),
        sequence=int(str(sequence)),
        last_modified=datetime.fromisoformat(str(last_modified)).astimezone(UTC),
        url=str(url),
        attendance=None if attendance is None else int(str(attendance)),
        source_uid=str(source_uid),
        preserved=str(preserved),
        absent=frozenset(filter(None, str(absent).split(","))),
    )


def _session_row(session: Session) -> tuple[object, ...]:
    return (
        session.uid, session.title.de, session.title.en, session.title.ru,
        session.description.de, session.description.en, session.description.ru,
        session.track, session.venue, session.duration // timedelta(minutes=1),
        session.status, json.dumps(list(session.languages)), session.sequence,
        session.last_modified.astimezone(UTC).isoformat(), session.url, session.attendance,
        session.source_uid, session.preserved, ",".join(sorted(session.absent)),
    )  # fmt: skip


def _naive(value: datetime) -> str:
    return value.replace(tzinfo=None).isoformat()


def _event_row(event: Event) -> tuple[object, ...]:
    naive = _naive
    recurrence = event.recurrence
    return (
        event.uid, event.title.de, event.title.en, event.title.ru,
        event.description.de, event.description.en, event.description.ru,
        event.track, event.venue, naive(event.start), naive(event.end), event.zone.key,
        int(event.all_day), event.status, recurrence.rule if recurrence else None,
        json.dumps([naive(x) for x in recurrence.exdates] if recurrence else []),
        json.dumps(list(event.languages)), event.sequence,
        event.last_modified.astimezone(UTC).isoformat(), event.url, event.attendance,
        _series_json(recurrence),
        json.dumps([event_to_dict(o, event.zone.key) for o in event.overrides],
                   ensure_ascii=False, sort_keys=True),
        _rid_json(event.recurrence_id), event.source_uid, event.preserved,
        ",".join(sorted(event.absent)),
    )  # fmt: skip


def _upsert(table: str, key: str, columns: str) -> str:
    """An INSERT that updates the row in place when the key exists (never a delete, so
    foreign keys pointing at the row stay valid)."""
    names = [c.strip() for c in columns.split(",")]
    updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != key)
    marks = ", ".join("?" * len(names))
    return (
        f"INSERT INTO {table} ({columns}) VALUES ({marks}) "
        f"ON CONFLICT({key}) DO UPDATE SET {updates}"
    )


_UPSERT_EVENT = _upsert("events", "uid", _EVENT_COLUMNS)
_UPSERT_TRACK = _upsert(
    "tracks", "id", "id, name_de, name_en, name_ru, colour, position, placeholder"
)
_UPSERT_VENUE = _upsert(
    "venues", "id",
    "id, name_de, name_en, name_ru, address, lat, lon, capacity, position, placeholder",
)
_UPSERT_PERSON = _upsert("people", "id", "id, name, affiliation, contact")
_UPSERT_SESSION = _upsert("sessions", "uid", _SESSION_COLUMNS)


def _write_events(conn: sqlite3.Connection, events: Iterable[Event]) -> None:
    _write_with_speakers(conn, _UPSERT_EVENT, "event_speakers",
                         [(e.uid, e.speakers, _event_row(e)) for e in events])


def _write_sessions(conn: sqlite3.Connection, sessions: Iterable[Session]) -> None:
    _write_with_speakers(conn, _UPSERT_SESSION, "session_speakers",
                         [(s.uid, s.speakers, _session_row(s)) for s in sessions])


def _write_with_speakers(
    conn: sqlite3.Connection, upsert: str, speakers_table: str,
    rows: list[tuple[str, tuple[str, ...], tuple[object, ...]]],
) -> None:
    """Upsert ``rows`` (uid, speakers, row) and put their speakers in ``speakers_table``."""
    conn.executemany(upsert, (row for _, _, row in rows))
    conn.executemany(f"DELETE FROM {speakers_table} WHERE uid = ?", ((u,) for u, _, _ in rows))
    conn.executemany(
        f"INSERT INTO {speakers_table} (uid, person, position) VALUES (?, ?, ?)",
        ((uid, p, n) for uid, speakers, _ in rows for n, p in enumerate(speakers)),
    )


def _write_windows(
    conn: sqlite3.Connection, owner_kind: str, owner: str, windows: Iterable[TimeWindow]
) -> None:
    conn.execute("DELETE FROM availability WHERE owner_kind = ? AND owner = ?",
                 (owner_kind, owner))
    conn.executemany(
        'INSERT INTO availability (owner_kind, owner, position, start, "end", tz, kind) '
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        ((owner_kind, owner, n, _naive(w.start), _naive(w.end), _zone_key(w.start), w.kind)
         for n, w in enumerate(windows)),
    )


def _zone_key(value: datetime) -> str:
    zone = value.tzinfo
    assert isinstance(zone, ZoneInfo)
    return zone.key


def _write_track(conn: sqlite3.Connection, track: Track, position: int) -> None:
    name = track.name
    conn.execute(_UPSERT_TRACK, (track.id, name.de, name.en, name.ru, track.colour, position,
                                 int(track.placeholder)))


def _write_venue(conn: sqlite3.Connection, venue: Venue, position: int) -> None:
    name = venue.name
    conn.execute(
        _UPSERT_VENUE,
        (venue.id, name.de, name.en, name.ru, venue.address, venue.lat, venue.lon,
         venue.capacity, position, int(venue.placeholder)),
    )  # fmt: skip
    _write_windows(conn, "venue", venue.id, venue.availability)


def _write_zones(conn: sqlite3.Connection, programme: Programme) -> None:
    # Few and small (most programmes have none): written whole.
    conn.execute("DELETE FROM zones")
    conn.executemany("INSERT INTO zones (key, vtimezone) VALUES (?, ?)",
                     sorted(programme.zones.items()))


def _write_person(conn: sqlite3.Connection, person: Person) -> None:
    conn.execute(_UPSERT_PERSON, (person.id, person.name, person.affiliation, person.contact))
    _write_windows(conn, "person", person.id, person.availability)


def open_programme(path: str | os.PathLike[str]) -> Programme:
    """Load the programme in the file at ``path`` (and close the file)."""
    with ProgrammeStore.open(path, readonly=True) as store:
        return store.load()


def save_new(path: str | os.PathLike[str], programme: Programme) -> None:
    """Write ``programme`` to a new file at ``path``."""
    ProgrammeStore.create(path, programme).close()
