"""kill -9 at any moment of a sync: the programme file stays consistent, and the next sync
converges with no duplicate on the server and nothing lost.

A child process runs ``main.py sync``; the proxy in front of Radicale holds one chosen
request after the server has carried it out and before the child hears of it (the
moment a PUT is on the server but not yet recorded, say), and the child is killed then.
"""

from __future__ import annotations

import dataclasses
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from factories import event
from sync_helpers import data_of, edit, load, retitle, status_rows, sync
from test_sync import two_planners

from planner.model import Texts, Venue

ROOT = Path(__file__).resolve().parent.parent


def kill_sync_at(path, dav, moment):
    """Run ``main.py sync`` on ``path`` in a child, and kill -9 it while the proxy holds
    the request ``moment`` (method, path text, n-th) the server has carried out."""
    dav.proxy.reset()
    dav.proxy.hold_on = moment
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "sync", "-p", str(path), "--password-file",
         str(dav.password_file)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=path.parent)
    try:
        assert dav.proxy.held.wait(60), child.communicate(timeout=30)
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        dav.proxy.release.set()
        if child.poll() is None:
            child.kill()
        child.communicate()
    dav.proxy.reset()


def changes_on_a(programme):
    talk = programme.events["talk@t"]
    programme.venues["club"] = Venue("club", Texts.same("Club"), "Liteyny 5")
    return {
        "talk@t": dataclasses.replace(talk, track="culture",
                                      title=dataclasses.replace(talk.title, en="Talk, moved")),
        "gone@t": None,
        "new-1@t": event("new-1@t", day=9, venue="club", title=Texts.same("New one")),
        "new-2@t": event("new-2@t", day=9, start=14, end=15, track="culture",
                         title=Texts.same("New two")),
        "daily@t": dataclasses.replace(programme.events["daily@t"], url="https://x.org/c"),
    }


@pytest.mark.parametrize("moment", [
    ("REPORT", "", 1),            # reading the server, before anything changed
    ("PUT", ".ics", 1),           # the first event is on the server, not recorded here
    ("PUT", "talk", 1),           # the moved event's new copy is there, the old one too
    ("DELETE", "", 1),            # the old copy is gone, not recorded here
    ("PUT", "programme.ics", 1),  # the programme's data written, its base not recorded
    ("REPORT", "", 6),            # the listing after the writes
])
def test_kill_during_a_sync_then_the_next_sync_converges(dav, tmp_path, moment):
    a, b = two_planners(tmp_path, dav)
    edit(a, changes_on_a)
    edit(b, retitle("concert@t", "Concert, from B"))
    sync(b, dav)
    intended = load(a)
    kill_sync_at(a, dav, moment)
    # The file opens and holds a consistent programme: the edits, some of B's maybe.
    after_kill = load(a)
    assert after_kill.events.keys() == intended.events.keys()
    report = sync(a, dav)
    assert not report.conflicts, report
    sync(b, dav)
    got = load(a)
    expected = dataclasses.replace(intended, events=dict(intended.events))
    expected.events["concert@t"] = load(b).events["concert@t"]
    assert data_of(got) == data_of(expected)
    assert data_of(load(b)) == data_of(got)
    assert dav.event_uids() == sorted(got.events)
    rows = status_rows(a)
    assert rows["items"] == len(got.events) and rows["deletes"] == 0
    assert not sync(a, dav).changed and not sync(b, dav).changed


def test_kill_while_uploads_run_side_by_side(dav, tmp_path):
    """Many new events go up several at a time; killed with some of them on the server
    and not recorded, the next sync neither duplicates nor loses one."""
    a, b = two_planners(tmp_path, dav)

    def many(programme):
        return {f"many-{n}@t": event(f"many-{n}@t", day=3 + n % 8, start=8 + n % 10,
                                     end=9 + n % 10, title=Texts.same(f"Many {n}"))
                for n in range(40)}

    edit(a, many)
    intended = load(a)
    kill_sync_at(a, dav, ("PUT", "many-", 9))
    assert not sync(a, dav).conflicts
    sync(b, dav)
    assert data_of(load(a)) == data_of(intended)
    assert data_of(load(b)) == data_of(intended)
    assert dav.event_uids() == sorted(intended.events)
    assert not sync(a, dav).changed
