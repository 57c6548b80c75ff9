"""Releases: immutable snapshots in the programme file, and the release command."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from factories import event, small_programme
from test_cli import assert_usage_error, run

from planner import snapshot
from planner.builtin import load_builtin
from planner.model import Texts, move_event
from planner.releases import (
    ReleaseError,
    UnknownReleaseError,
    find_release,
    latest_release,
    list_releases,
    load_pair,
    load_release,
    record_release,
    state_digest,
)
from planner.store import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_V1,
    Changes,
    CorruptFileError,
    ProgrammeStore,
    open_programme,
    save_new,
)

T1 = datetime(2019, 3, 20, 12, 0, tzinfo=UTC)
T2 = datetime(2019, 3, 27, 9, 30, tzinfo=UTC)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def week(tmp_path: Path) -> Path:
    path = tmp_path / "week.programme"
    save_new(path, load_builtin())
    return path


def edit(store: ProgrammeStore, uid: str, **fields: object) -> None:
    programme = store.load()
    programme.events[uid] = dataclasses.replace(programme.events[uid], **fields)
    store.write(programme, Changes(events={uid}))


def test_a_release_keeps_the_programme_as_it_was(tmp_path):
    path = week(tmp_path)
    with ProgrammeStore.open(path) as store:
        programme = store.load()
        first = record_release(store, programme, "Version 1", "first public programme", now=T1)
        uid = sorted(programme.events)[0]
        edit(store, uid, title=Texts.same("Changed"))
        assert load_release(store, "Version 1") == programme
        assert load_release(store, first) == programme
        second = record_release(store, store.load(), "Version 2", now=T2)
        assert load_release(store, second).events[uid].title == Texts.same("Changed")
        assert load_release(store, first) == programme
        assert [r.name for r in list_releases(store)] == ["Version 1", "Version 2"]
        assert latest_release(store) == second
    assert (first.number, first.note, first.created) == (1, "first public programme", T1)
    assert first.event_count == len(programme.events)
    assert first.digest == state_digest(programme) != second.digest


def test_the_snapshot_is_the_programmes_json_form(tmp_path):
    path = week(tmp_path)
    with ProgrammeStore.open(path) as store:
        programme = store.load()
        release = record_release(store, programme, "1")
        assert snapshot.dumps(load_release(store, release)) == snapshot.dumps(programme)


def test_names_are_unique_in_any_case_and_tidy(tmp_path):
    path = week(tmp_path)
    with ProgrammeStore.open(path) as store:
        made = record_release(store, store.load(), "  Final  ")
        assert made.name == "Final"
        edit(store, sorted(store.load().events)[0], url="https://example.org/x")
        with pytest.raises(ReleaseError, match="there is a release named 'Final' already"):
            record_release(store, store.load(), "final")
        for bad, says in [("", "needs a name"), ("a\nb", "one line"), ("x" * 81, "at most 80")]:
            with pytest.raises(ReleaseError, match=says):
                record_release(store, store.load(), bad)
        assert len(list_releases(store)) == 1


def test_the_same_state_twice_is_refused_but_going_back_is_not(tmp_path):
    path = week(tmp_path)
    with ProgrammeStore.open(path) as store:
        original = store.load()
        record_release(store, original, "1")
        with pytest.raises(ReleaseError, match="nothing has changed since release '1'"):
            record_release(store, store.load(), "2")
        uid = sorted(original.events)[0]
        edit(store, uid, status="cancelled")
        record_release(store, store.load(), "2")
        # Undoing the cancellation is a change against release 2, worth telling.
        store.replace_all(original)
        record_release(store, store.load(), "3")
        assert load_release(store, "3") == load_release(store, "1")


def test_unchanged_events_are_stored_once(tmp_path):
    path = week(tmp_path)
    with ProgrammeStore.open(path) as store:
        programme = store.load()
        record_release(store, programme, "1")
        blobs = store.connection.execute("SELECT count(*) FROM release_blobs").fetchone()[0]
        assert blobs == len(programme.events) + 1  # and the frame
        uid = sorted(programme.events)[0]
        edit(store, uid, status="cancelled")
        record_release(store, store.load(), "2")
        more = store.connection.execute("SELECT count(*) FROM release_blobs").fetchone()[0]
        assert more == blobs + 1


def test_load_pair_leaves_out_what_both_share(tmp_path):
    path = week(tmp_path)
    with ProgrammeStore.open(path) as store:
        programme = store.load()
        one = record_release(store, programme, "1")
        moved = sorted(programme.events)[3]
        changed = store.load()
        move_event(changed, moved, programme.events[moved].start.replace(hour=20))
        del changed.events[sorted(programme.events)[5]]
        store.replace_all(changed)
        two = record_release(store, store.load(), "2")
        before, after = load_pair(store, one, two)
    assert set(before.events) == {moved, sorted(programme.events)[5]}
    assert set(after.events) == {moved}
    assert before.venues == programme.venues and after.people == programme.people


def test_releases_cannot_change(tmp_path):
    path = week(tmp_path)
    with ProgrammeStore.open(path) as store:
        record_release(store, store.load(), "1")
    with sqlite3.connect(path) as conn:
        for statement in ("UPDATE releases SET name = 'x'", "DELETE FROM releases",
                          "DELETE FROM release_events", "UPDATE release_events SET uid = 'x'",
                          "UPDATE release_blobs SET data = 'x'"):
            with pytest.raises(sqlite3.IntegrityError, match="release cannot"):
                conn.execute(statement)


def test_unknown_release_names_the_ones_there_are(tmp_path):
    path = week(tmp_path)
    with ProgrammeStore.open(path) as store:
        with pytest.raises(UnknownReleaseError, match="has no releases yet"):
            find_release(store, "1")
        record_release(store, store.load(), "Version 1")
        with pytest.raises(UnknownReleaseError, match=r"no release 'v9' \(there are: Version 1\)"):
            load_release(store, "v9")


def test_a_damaged_release_is_a_damaged_file(tmp_path):
    path = week(tmp_path)
    with ProgrammeStore.open(path) as store:
        record_release(store, store.load(), "1")
    with sqlite3.connect(path) as conn:
        # Past the guard and back: the schema stays as the format has it (a file whose
        # schema differs is refused on open already).
        guard = conn.execute("SELECT sql FROM sqlite_master WHERE name = "
                             "'release_blobs_stay'").fetchone()[0]
        conn.execute("DROP TRIGGER release_blobs_stay")
        conn.execute("UPDATE release_blobs SET data = '{broken'")
        conn.execute(guard)
    with ProgrammeStore.open(path, readonly=True) as store, pytest.raises(
            CorruptFileError, match="damaged programme file"):
        load_release(store, "1")


def version_2_file(path: Path) -> None:
    """A programme file as version 2 wrote it (before releases)."""
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1 + MIGRATIONS[0])
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 2")
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("name", '{"de": "Alt", "en": "Old", "ru": "Старый"}'), ("timezone", "Europe/Moscow"),
        ("first_day", "2019-04-03"), ("last_day", "2019-04-10")])
    conn.execute("INSERT INTO tracks VALUES ('culture', 'Kultur', 'Culture', 'Культура', "
                 "'#b5446e', 0)")
    conn.execute("INSERT INTO venues VALUES ('goethe', 'G', 'G', 'Г', 'Moyka 58', 59.93, "
                 "30.31, 0, 120)")
    conn.execute(
        "INSERT INTO events VALUES ('x@t', 'T', 'T', 'Т', '', '', '', 'culture', 'goethe', "
        "'2019-04-04T10:00:00', '2019-04-04T11:00:00', 'Europe/Moscow', 0, 'confirmed', NULL, "
        "'[]', '[\"de\"]', 2, '2019-03-01T00:00:00+00:00', '', 40)")
    conn.commit()
    conn.close()


def test_a_version_2_file_opens_as_before_and_gains_releases(tmp_path):
    path = tmp_path / "old.programme"
    version_2_file(path)
    before = digest(path)
    with ProgrammeStore.open(path, readonly=True) as store:
        assert list_releases(store) == []
        programme = store.load()
    assert digest(path) == before  # reading leaves an older file alone
    with ProgrammeStore.open(path) as store:
        assert store.load() == programme
        record_release(store, programme, "1")
    assert [r.name for r in _listed(path)] == ["1"]


def _listed(path: Path):
    with ProgrammeStore.open(path, readonly=True) as store:
        return list_releases(store)


# ---------------------------------------------------------------------------------------------
# The command


def test_release_command_records_and_lists(tmp_path):
    path = week(tmp_path)
    result = run("release", "-p", str(path), "--name", "Version 1", "--note", "first")
    assert result.returncode == 0, result.stderr
    assert "release 1" in result.stdout and "Version 1" in result.stdout
    listed = run("release", "-p", str(path), "--list")
    assert listed.returncode == 0, listed.stderr
    assert "Version 1" in listed.stdout and "first" in listed.stdout
    assert "1 release in" in listed.stdout
    data = json.loads(run("release", "-p", str(path), "--list", "--json").stdout)
    assert [(r["number"], r["name"], r["note"]) for r in data] == [(1, "Version 1", "first")]
    assert data[0]["events"] == len(load_builtin().events)
    assert datetime.fromisoformat(data[0]["created"]).tzinfo is not None


def test_release_command_refusals_leave_the_file_alone(tmp_path):
    path = week(tmp_path)
    assert run("release", "-p", str(path), "--name", "1").returncode == 0
    before = digest(path)
    assert_usage_error(run("release", "-p", str(path), "--name", "2"), "nothing has changed")
    assert_usage_error(run("release", "-p", str(path), "--name", "1", "--lang", "de"),
                       "Veröffentlichung")
    assert_usage_error(run("release", "-p", str(tmp_path / "none.programme"), "--list"),
                       "no such file")
    assert_usage_error(run("release", "-p", str(path)), "--name")
    assert digest(path) == before
    assert [r.name for r in _listed(path)] == ["1"]


def test_release_of_a_programme_with_an_event_elsewhere(tmp_path):
    # A small programme with an event in another zone is kept exactly, zone and all.
    programme = small_programme()
    from zoneinfo import ZoneInfo

    programme.events["b@t"] = event("b@t", zone=ZoneInfo("Europe/Berlin"))
    path = tmp_path / "p.programme"
    save_new(path, programme)
    with ProgrammeStore.open(path) as store:
        record_release(store, store.load(), "1")
        assert load_release(store, "1").events["b@t"].zone.key == "Europe/Berlin"
    assert open_programme(path) == programme


def test_suggested_names():
    from planner.releases import Release, suggest_name

    def named(*names: str) -> list[Release]:
        return [Release(n, name, "", T1, 1, "") for n, name in enumerate(names, 1)]

    assert suggest_name([]) == "Version 1"
    assert suggest_name(named("Version 1")) == "Version 2"
    assert suggest_name(named("v1.9")) == "v1.10"
    assert suggest_name(named("2019-03-01")) == "2019-03-02"
    assert suggest_name(named("Final")) == "Version 2"
    # Never a name that is taken.
    assert suggest_name(named("Version 1", "Version 3", "Version 2")) == "Version 4"


def test_a_copy_of_the_file_keeps_its_releases(tmp_path):
    # Save As copies the whole file (SQLite's backup), not only the programme.
    path = week(tmp_path)
    with ProgrammeStore.open(path) as store:
        programme = store.load()
        record_release(store, programme, "Version 1", "first", now=T1)
        uid = sorted(programme.events)[0]
        edit(store, uid, title=Texts.same("Changed"))
        record_release(store, store.load(), "Version 2", now=T2)
        expected = store.load()
    before = digest(path)
    with ProgrammeStore.open(path, readonly=True) as store:
        copy = store.copy_to(tmp_path / "copy.programme")  # read-only: an editable copy
    with copy:
        assert not copy.readonly
        assert [r.name for r in list_releases(copy)] == ["Version 1", "Version 2"]
        assert load_release(copy, "Version 1") == programme
        assert copy.load() == expected
        edit(copy, uid, title=Texts.same("Only in the copy"))
    assert digest(path) == before
    with ProgrammeStore.open(path) as store:
        with pytest.raises(Exception, match="file exists already"):
            store.copy_to(tmp_path / "copy.programme")
    assert open_programme(tmp_path / "copy.programme").events[uid].title == \
        Texts.same("Only in the copy")
    assert not list(tmp_path.glob(".copy.programme.tmp-*"))
