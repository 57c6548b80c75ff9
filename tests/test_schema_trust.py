"""A programme file made by hand is not trusted: only our tables and indexes, no code.

A view in place of the events table (with a query that never ends) once hung every command;
a trigger wiped the events on the next edit. The store now compares the file's schema with
the one its format version has, before it reads a row, and runs SQLite with
``trusted_schema`` off.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from factories import event, small_programme

from planner.store import (
    SCHEMA_VERSION,
    Changes,
    CorruptFileError,
    ProgrammeStore,
    expected_schema,
    open_programme,
    save_new,
)


def programme_file(path: Path) -> Path:
    programme = small_programme()
    for uid in ("a@t", "b@t"):
        programme.events[uid] = event(uid)
    save_new(path, programme)
    return path


def hand_edit(path: Path, *statements: str) -> str:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


HOSTILE = {
    "endless-view": (
        "ALTER TABLE events RENAME TO events_old",
        "CREATE VIEW events AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
        " SELECT e.* FROM events_old e, n",
    ),
    "trigger-after-update": (
        "CREATE TRIGGER wipe AFTER UPDATE ON events BEGIN DELETE FROM events; END",),
    "unrelated-view": ("CREATE VIEW v AS SELECT 1",),
    "extra-table": ("CREATE TABLE notes (x)",),
    "extra-index": ("CREATE INDEX by_title ON events(title_en)",),
    "changed-table": ("DROP TABLE event_speakers",
                      "CREATE TABLE event_speakers (uid, person, position)"),
}


@pytest.mark.parametrize("readonly", [True, False])
@pytest.mark.parametrize("name", HOSTILE)
def test_a_schema_that_is_not_ours_is_refused(tmp_path, name, readonly):
    path = programme_file(tmp_path / "fest.programme")
    before = hand_edit(path, *HOSTILE[name])
    with pytest.raises(CorruptFileError, match="damaged programme file"):
        ProgrammeStore.open(path, readonly=readonly)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fest.programme"]


def test_the_trigger_never_runs(tmp_path):
    path = programme_file(tmp_path / "fest.programme")
    hand_edit(path, "CREATE TRIGGER wipe AFTER UPDATE ON events BEGIN DELETE FROM events; END")
    with pytest.raises(CorruptFileError), ProgrammeStore.open(path) as store:
        programme = store.load()
        store.write(programme, Changes(events=["a@t"]))
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 2
    conn.close()


def test_statistics_tables_of_analyze_are_let_through(tmp_path):
    path = programme_file(tmp_path / "fest.programme")
    hand_edit(path, "ANALYZE")
    assert set(open_programme(path).events) == {"a@t", "b@t"}


def test_the_store_runs_with_trusted_schema_off(tmp_path):
    path = programme_file(tmp_path / "fest.programme")
    with ProgrammeStore.open(path) as store:
        assert store._conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0


def test_every_format_version_has_a_schema():
    for version in range(1, SCHEMA_VERSION + 1):
        schema = expected_schema(version)
        # Triggers come only from our migrations (releases guard themselves); views never.
        assert {kind for kind, _ in schema} <= {"table", "index", "trigger"}
        assert not any(kind == "trigger" and table.startswith(("events", "event_"))
                       for kind, _, table, _ in schema.values())
        assert ("table", "events") in schema


def test_a_file_of_every_version_opens(tmp_path):
    # The releases' own triggers (format 3) are part of the schema, not refused.
    path = programme_file(tmp_path / "fest.programme")
    with ProgrammeStore.open(path) as store:
        assert store.load().events.keys() == {"a@t", "b@t"}
