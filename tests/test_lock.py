"""The editing lock: exactly one opener wins, under any path, and a dead holder loses it.

Forty processes are started, each imports the store and waits; all are released at once to
open the same programme file for editing (by its path, through a symlink, through a hard
link). Exactly one may hold it. The same with the note of a killed holder left beside the
file, which once made several openers think the lock stale and take it together.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from factories import event, small_programme

from planner.store import FileLock, ProgrammeLockedError, ProgrammeStore, save_new

ROOT = Path(__file__).resolve().parent.parent
OPENERS = 40

_OPENER = """
import sys, time
sys.path.insert(0, {root!r})
from planner.store import ProgrammeStore, ProgrammeLockedError
print("ready", flush=True)
sys.stdin.read()  # released when the test closes our stdin
try:
    store = ProgrammeStore.open(sys.argv[1])
except ProgrammeLockedError:
    print("locked", flush=True)
else:
    print("got", flush=True)
    time.sleep(3)  # hold it while the others try
    store.close()
"""


def programme_file(path: Path) -> Path:
    programme = small_programme()
    programme.events["a@t"] = event("a@t")
    save_new(path, programme)
    return path


def race(paths: list[Path]) -> list[str]:
    """Open ``paths`` (one process each) at the same moment; what each got."""
    code = _OPENER.format(root=str(ROOT))
    children = [subprocess.Popen([sys.executable, "-c", code, str(path)], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True) for path in paths]
    try:
        for child in children:
            assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        for child in children:  # the release: as close together as the test can make it
            assert child.stdin is not None
            child.stdin.close()
        return [child.stdout.readline().strip() for child in children if child.stdout]
    finally:
        for child in children:
            child.wait(timeout=60)


def test_forty_simultaneous_openers_one_wins(tmp_path):
    path = programme_file(tmp_path / "fest.programme")
    results = race([path] * OPENERS)
    assert sorted(results) == ["got"] + ["locked"] * (OPENERS - 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fest.programme"]


def test_forty_openers_with_a_dead_holders_lock_left(tmp_path):
    path = programme_file(tmp_path / "fest.programme")
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r});"
         "from planner.store import ProgrammeStore;"
         f"s = ProgrammeStore.open({str(path)!r}); print('open', flush=True);"
         "import time; time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    note = path.with_name(path.name + ".lock")
    assert json.loads(note.read_text())["pid"] == holder.pid  # the dead holder's note
    results = race([path] * OPENERS)
    assert sorted(results) == ["got"] + ["locked"] * (OPENERS - 1)


def test_a_symlink_and_a_hard_link_share_the_lock(tmp_path):
    path = programme_file(tmp_path / "fest.programme")
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "elsewhere" / "link.programme"
    link.symlink_to(path)
    hard = tmp_path / "elsewhere" / "hard.programme"
    os.link(path, hard)
    for first, second in ((path, link), (link, hard), (hard, path)):
        with ProgrammeStore.open(first), pytest.raises(ProgrammeLockedError):
            ProgrammeStore.open(second)
    results = race([path, link, hard] * 5)
    assert results.count("got") == 1


def test_the_message_names_the_holder(tmp_path):
    path = programme_file(tmp_path / "fest.programme")
    link = tmp_path / "link.programme"
    link.symlink_to(path)
    with ProgrammeStore.open(path):
        for name in (path, link):
            with pytest.raises(ProgrammeLockedError, match=f"pid {os.getpid()} on "):
                ProgrammeStore.open(name)


def test_no_lock_note_is_left_when_the_disk_is_full(tmp_path, monkeypatch):
    path = programme_file(tmp_path / "fest.programme")

    def full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("planner.store.os.write", full)
    store = ProgrammeStore.open(path)  # the lock holds; only its note could not be written
    monkeypatch.undo()
    try:
        assert sorted(p.name for p in tmp_path.iterdir()) == ["fest.programme"]
        with pytest.raises(ProgrammeLockedError, match="already open for editing"):
            ProgrammeStore.open(path)
    finally:
        store.close()
    ProgrammeStore.open(path).close()


def test_the_lock_goes_with_the_store(tmp_path):
    path = programme_file(tmp_path / "fest.programme")
    lock = FileLock(path)
    lock.acquire()
    with pytest.raises(ProgrammeLockedError):
        FileLock(path).acquire()
    lock.release()
    lock.release()  # twice is harmless
    again = FileLock(path)
    again.acquire()
    again.release()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fest.programme"]
