"""The programme file: round trip, migrations, refusals, atomic changes under kill -9."""

from __future__ import annotations

import dataclasses
import hashlib
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from factories import at, event, small_programme

from planner.model import Recurrence, Texts
from planner.store import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_V1,
    SCHEMA_VERSION,
    Changes,
    CorruptFileError,
    NewerVersionError,
    NotAProgrammeError,
    ProgrammeFileError,
    ProgrammeLockedError,
    ProgrammeStore,
    open_programme,
    save_new,
)

ROOT = Path(__file__).resolve().parent.parent


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def full_programme():
    programme = small_programme()
    for e in (
        event("a@t", speakers=("anna",), languages=("de", "ru"), attendance=80,
              url="https://example.org/a", description=Texts("B", "D", "О")),
        event("b@t", day=3, start=16, end=18, venue="petri", status="tentative",
              recurrence=Recurrence("FREQ=DAILY;UNTIL=20190410T160000", (at(5, 16),))),
        event("c@t", day=6, start=at(6, 0), end=at(7, 0), all_day=True, status="cancelled",
              sequence=4),
    ):
        programme.events[e.uid] = e
    return programme


def test_round_trip_keeps_everything(tmp_path):
    path = tmp_path / "week.programme"
    programme = full_programme()
    save_new(path, programme)
    loaded = open_programme(path)
    assert loaded == programme
    assert loaded.events["b@t"].start.tzinfo.key == "Europe/Moscow"
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_create_refuses_existing_file(tmp_path):
    path = tmp_path / "week.programme"
    path.write_bytes(b"precious")
    with pytest.raises(ProgrammeFileError, match="exists already"):
        save_new(path, small_programme())
    assert path.read_bytes() == b"precious"
    assert list(tmp_path.iterdir()) == [path]


def test_changes_are_written_and_removed(tmp_path):
    path = tmp_path / "week.programme"
    programme = full_programme()
    save_new(path, programme)
    with ProgrammeStore.open(path) as store:
        programme.events["a@t"] = dataclasses.replace(programme.events["a@t"], speakers=())
        del programme.events["c@t"]
        programme.venues["new"] = dataclasses.replace(programme.venues["goethe"], id="new")
        programme.travel.speed_kmh = 22.5
        store.write(programme, Changes(events={"a@t"}, removed_events={"c@t"},
                                       venues={"new"}, meta=True))
    assert open_programme(path) == programme


def test_failed_change_leaves_file_as_it_was(tmp_path):
    path = tmp_path / "week.programme"
    programme = full_programme()
    save_new(path, programme)
    before = digest(path)
    with ProgrammeStore.open(path) as store:
        with pytest.raises(RuntimeError), store.transaction() as conn:
            conn.execute("DELETE FROM events")
            raise RuntimeError("crash in the middle")
    assert digest(path) == before
    assert open_programme(path) == programme


def test_migrates_version_1_file(tmp_path):
    path = tmp_path / "old.programme"
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("name", '{"de": "Alt", "en": "Old", "ru": "Старый"}'), ("timezone", "Europe/Moscow"),
        ("first_day", "2019-04-03"), ("last_day", "2019-04-10")])
    conn.execute("INSERT INTO tracks VALUES ('culture', 'Kultur', 'Culture', 'Культура', "
                 "'#b5446e', 0)")
    conn.execute("INSERT INTO venues VALUES ('goethe', 'G', 'G', 'Г', 'Moyka 58', 59.93, "
                 "30.31, 0)")
    conn.execute(
        "INSERT INTO events VALUES ('x@t', 'T', 'T', 'Т', '', '', '', 'culture', 'goethe', "
        "'2019-04-04T10:00:00', '2019-04-04T11:00:00', 'Europe/Moscow', 0, 'confirmed', NULL, "
        "'[]', '[\"de\"]', 2, '2019-03-01T00:00:00+00:00', '')")
    conn.commit()
    conn.close()
    assert len(MIGRATIONS) == SCHEMA_VERSION - 1
    before = digest(path)
    programme = open_programme(path)  # reading migrates a copy in memory, not the file
    assert digest(path) == before
    assert programme.events["x@t"].sequence == 2
    assert programme.venues["goethe"].capacity is None
    with ProgrammeStore.open(path) as store:  # opening for work upgrades the file
        assert store.load() == programme
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = [r[1] for r in check.execute("PRAGMA table_info(events)")]
        assert "attendance" in columns


def _write_programme_file(path: Path) -> None:
    save_new(path, full_programme())


def _set_header_field(path: Path, offset: int, value: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset:offset + 4] = value.to_bytes(4, "big")
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("damage", "error", "message"),
    [
        (lambda p: p.write_text("title,start\nx,y\n"), NotAProgrammeError, "not a programme"),
        (lambda p: p.write_bytes(b""), NotAProgrammeError, "not a programme"),
        (lambda p: _set_header_field(p, 68, 0), NotAProgrammeError, "not a programme"),
        (lambda p: _set_header_field(p, 60, SCHEMA_VERSION + 1), NewerVersionError,
         "newer version"),
        (lambda p: p.write_bytes(p.read_bytes()[:3000]), CorruptFileError, "truncated"),
        (lambda p: p.write_bytes(p.read_bytes()[:100] + b"\xff" * (len(p.read_bytes()) - 100)),
         CorruptFileError, "damaged"),
    ],
    ids=["csv", "empty", "other-sqlite", "newer", "truncated", "garbage"],
)
def test_bad_files_are_refused_untouched(tmp_path, damage, error, message):
    path = tmp_path / "bad.programme"
    _write_programme_file(path)
    damage(path)
    before = digest(path)
    with pytest.raises(error, match=message) as info:
        ProgrammeStore.open(path)
    assert str(path) in str(info.value)
    assert digest(path) == before
    assert sorted(tmp_path.iterdir()) == [path]


def test_plain_sqlite_database_is_not_a_programme(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = digest(path)
    with pytest.raises(NotAProgrammeError):
        ProgrammeStore.open(path)
    assert digest(path) == before


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ProgrammeFileError, match="no such file"):
        ProgrammeStore.open(tmp_path / "nope.programme")
    with pytest.raises(ProgrammeFileError, match="folder"):
        ProgrammeStore.open(tmp_path)


def test_read_only_file_opens_read_only(tmp_path, monkeypatch):
    path = tmp_path / "ro.programme"
    _write_programme_file(path)
    path.chmod(0o444)
    # Root may write anyway; ask the store's own question the way a normal user gets it.
    monkeypatch.setattr("planner.store.os.access", lambda *_: False)
    before = digest(path)
    with ProgrammeStore.open(path) as store:
        assert store.readonly
        with pytest.raises(ProgrammeFileError, match="read-only"):
            store.write(store.load(), Changes(meta=True))
    assert digest(path) == before


_WRITER = textwrap.dedent("""
    import dataclasses, sys
    sys.path.insert(0, {root!r})
    from planner.model import Texts
    from planner.store import Changes, ProgrammeStore
    store = ProgrammeStore.open({path!r})
    programme = store.load()
    uids = list(programme.events)
    n = 0
    while True:
        n += 1
        for uid in uids:
            e = programme.events[uid]
            programme.events[uid] = dataclasses.replace(e, title=Texts.same(f"v{{n}}"))
        store.write(programme, Changes(events=uids))
        print(n, flush=True)
""")


@pytest.mark.parametrize("delay", [0.05, 0.13, 0.29, 0.41, 0.57])
def test_kill_9_mid_write_leaves_each_change_whole(tmp_path, delay):
    path = tmp_path / "busy.programme"
    programme = small_programme()
    for n in range(400):
        e = event(f"e{n}@t", day=3 + n % 8, start=8 + n % 10, end=9 + n % 10,
                  venue="goethe" if n % 2 else "petri")
        programme.events[e.uid] = e
    save_new(path, programme)
    child = subprocess.Popen(
        [sys.executable, "-c", _WRITER.format(root=str(ROOT), path=str(path))],
        stdout=subprocess.PIPE, text=True,
    )
    assert child.stdout is not None
    child.stdout.readline()  # the first change is committed: the child is writing now
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait()
    committed = [int(line) for line in child.stdout.read().split()]
    loaded = open_programme(path)  # opens, rolling back any half-written change
    titles = {e.title.en for e in loaded.events.values()}
    assert len(titles) == 1, "a change reached the file in part"
    version = int(titles.pop().removeprefix("v"))
    last_reported = committed[-1] if committed else 1
    assert version >= last_reported
    assert len(loaded.events) == 400


def test_second_opener_is_refused_until_the_first_closes(tmp_path):
    path = tmp_path / "shared.programme"
    _write_programme_file(path)
    first = ProgrammeStore.open(path)
    with pytest.raises(ProgrammeLockedError, match="already open for editing") as info:
        ProgrammeStore.open(path)
    assert str(path) in str(info.value)
    with ProgrammeStore.open(path, readonly=True) as reader:  # reading needs no lock
        assert reader.load() == first.load()
    first.close()
    ProgrammeStore.open(path).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared.programme"]


def test_lock_of_a_killed_process_is_taken_over(tmp_path):
    path = tmp_path / "crashed.programme"
    _write_programme_file(path)
    code = (f"import sys, time; sys.path.insert(0, {str(ROOT)!r});"
            "from planner.store import ProgrammeStore;"
            f"s = ProgrammeStore.open({str(path)!r}); print('open', flush=True); time.sleep(60)")
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    with pytest.raises(ProgrammeLockedError):
        ProgrammeStore.open(path)
    child.send_signal(signal.SIGKILL)
    child.wait()
    with ProgrammeStore.open(path) as store:
        assert len(store.load().events) == 3


def test_create_replaces_an_existing_file_only_when_asked_and_not_while_it_is_open(tmp_path):
    path = tmp_path / "week.programme"
    save_new(path, small_programme())
    programme = full_programme()
    ProgrammeStore.create(path, programme, replace=True).close()
    assert open_programme(path) == programme
    with ProgrammeStore.open(path):
        with pytest.raises(ProgrammeLockedError, match="already open for editing"):
            ProgrammeStore.create(path, small_programme(), replace=True)
    assert open_programme(path) == programme
    (tmp_path / "folder.programme").mkdir()
    with pytest.raises(ProgrammeFileError, match="is not a file"):
        ProgrammeStore.create(tmp_path / "folder.programme", programme, replace=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.programme", "week.programme"]
