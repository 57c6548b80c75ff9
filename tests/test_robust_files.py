"""Programme files that cannot be used, through the command line: corrupt, truncated, from a
newer version, not a programme, read-only, in a read-only folder, locked by another process.

Each command refuses with exit 2 and one ``error:`` line naming the file, and leaves every
byte as it was. Read-only cases run the child the way a normal user meets them: as root (as
in CI), chmod alone stops nothing, so the child runs without the capabilities that let root
write anywhere (``setpriv``), or as ``nobody``; the kernel refuses the write, nothing is faked.
"""

from __future__ import annotations

import hashlib
import os
import pwd
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from factories import at, event, small_programme

from planner.ics import export_ics
from planner.model import Texts
from planner.store import SCHEMA_VERSION, ProgrammeStore, open_programme, save_new

ROOT = Path(__file__).resolve().parent.parent
MAIN = str(ROOT / "main.py")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` with its digest: what "nothing changed" means."""
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def programme_file(path: Path) -> Path:
    programme = small_programme()
    for e in (event("a@t"), event("b@t", day=5, venue="petri")):
        programme.events[e.uid] = e
    save_new(path, programme)
    return path


def calendar_file(path: Path) -> Path:
    programme = small_programme()
    e = event("new@t", day=6, start=at(6, 14), end=at(6, 15), title=Texts.same("New talk"))
    programme.events[e.uid] = e
    path.write_bytes(export_ics(programme, now=datetime(2019, 3, 1, tzinfo=UTC)))
    return path


def run(args: list[str], cwd: Path, prefix: tuple[str, ...] = (),
        preexec: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LANG="C.UTF-8", PYTHONDONTWRITEBYTECODE="1")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    return subprocess.run([*prefix, sys.executable, MAIN, *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, preexec_fn=preexec)


def assert_refused(done: subprocess.CompletedProcess[str], *needles: str) -> str:
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


# ---------------------------------------------------------------------------------------------
# Damaged files


def _set_header_field(path: Path, offset: int, value: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset:offset + 4] = value.to_bytes(4, "big")
    path.write_bytes(bytes(data))


def _garble_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for n in range(4096, len(data), 97):
        data[n] ^= 0x5A
    path.write_bytes(bytes(data))


DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "corrupt": (_garble_pages, "damaged programme file"),
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[:5000]), "truncated"),
    "newer-version": (lambda p: _set_header_field(p, 60, SCHEMA_VERSION + 1),
                      "newer version of Programme Planner"),
    "other-application": (lambda p: _set_header_field(p, 68, 0x12345678), "not a programme"),
    "empty": (lambda p: p.write_bytes(b""), "not a programme"),
    "text": (lambda p: p.write_text("BEGIN:VCALENDAR\r\n"), "not a programme"),
}
COMMANDS: dict[str, list[str]] = {
    "info": ["info"],
    "info-json": ["info", "--json"],
    "check": ["check"],
    "export": ["export", "-o", "out.ics"],
    "import": ["import", "new.ics"],
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_file_is_refused_untouched(tmp_path, damage, command):
    path = programme_file(tmp_path / "fest.programme")
    calendar_file(tmp_path / "new.ics")
    harm, reason = DAMAGE[damage]
    harm(path)
    before = snapshot(tmp_path)
    done = run([*COMMANDS[command], "-p", str(path)], tmp_path)
    assert_refused(done, str(path), reason)
    assert done.stdout == ""
    assert snapshot(tmp_path) == before  # no out.ics, no lock, no journal, same bytes


# Damage inside the database, which SQLite's own check does not see: values that break the
# model's rules. Before the store checked them, export crashed on the colour and the rule.
INNER_DAMAGE = {
    "unreadable-time": ("UPDATE events SET start = 'garbage' WHERE uid = 'a@t'",
                        "Invalid isoformat string"),
    "unknown-zone": ("UPDATE events SET tz = 'Mars/Olympus' WHERE uid = 'a@t'", "Mars/Olympus"),
    "unknown-track": ("UPDATE events SET track = 'nope' WHERE uid = 'a@t'",
                      "event 'a@t': unknown track 'nope'"),
    "end-before-start": ('UPDATE events SET "end" = \'2019-04-04T09:00:00\' WHERE uid = \'a@t\'',
                         "event 'a@t': end 2019-04-04 09:00 is not after start"),
    "unreadable-rule": ("UPDATE events SET rrule = 'FREQ=NOPE;COUNT=2' WHERE uid = 'a@t'",
                        "repeat rule 'FREQ=NOPE;COUNT=2' cannot be read"),
    "colour": ("UPDATE tracks SET colour = 'red' WHERE id = 'business'",
               "track 'business': colour 'red' is not #RRGGBB"),
    "ghost-speaker": ("INSERT INTO event_speakers VALUES ('a@t', 'ghost', 5)",
                      "event 'a@t': unknown speaker 'ghost'"),
    "days-reversed": ("UPDATE meta SET value = '2018-01-01' WHERE key = 'last_day'",
                      "last day 2018-01-01 is before first day 2019-04-03"),
}


@pytest.mark.parametrize("command", ["info", "check", "export"])
@pytest.mark.parametrize("damage", INNER_DAMAGE)
def test_values_that_break_the_model_are_damage(tmp_path, damage, command):
    path = programme_file(tmp_path / "fest.programme")
    sql, reason = INNER_DAMAGE[damage]
    with sqlite3.connect(path) as conn:  # foreign keys are off in a plain connection
        conn.execute(sql)
    conn.close()
    before = snapshot(tmp_path)
    done = run([*COMMANDS[command], "-p", str(path)], tmp_path)
    assert_refused(done, f"{path}: damaged programme file (", reason)
    assert snapshot(tmp_path) == before


# ---------------------------------------------------------------------------------------------
# Read-only files and folders


def _unprivileged() -> tuple[tuple[str, ...], Callable[[], None] | None]:
    """How to run a child that file permissions bind: as it is when not root; as root
    without CAP_DAC_OVERRIDE (setpriv) when the interpreter lives where only root may go;
    else as ``nobody``."""
    if os.geteuid() != 0:
        return (), None
    setpriv = shutil.which("setpriv")
    if setpriv is not None:
        drop = "-dac_override,-dac_read_search"
        return (setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}"), None
    nobody = pwd.getpwnam("nobody")

    def become_nobody() -> None:
        os.setgid(nobody.pw_gid)
        os.setuid(nobody.pw_uid)

    return (), become_nobody


def run_unprivileged(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    prefix, preexec = _unprivileged()
    return run(args, cwd, prefix, preexec)


@pytest.fixture
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # pytest's folders are root's alone; a child running as nobody must be able to look in.
    folder = tmp_path_factory.mktemp("shared")
    for path in (folder, *folder.parents):
        if path == Path(path.anchor):
            break
        if path.stat().st_uid == os.geteuid() and str(path).startswith("/tmp"):
            path.chmod(path.stat().st_mode | 0o005)
    return folder


def test_the_unprivileged_child_cannot_write_a_read_only_file(shared):
    # The premise of the tests below: the kernel, not our code, refuses the write.
    probe = shared / "probe"
    probe.write_text("x")
    probe.chmod(0o444)
    prefix, preexec = _unprivileged()
    done = subprocess.run(
        [*prefix, sys.executable, "-c",
         f"import os; print(os.access({str(probe)!r}, os.W_OK)); open({str(probe)!r}, 'a')"],
        capture_output=True, text=True, preexec_fn=preexec, timeout=60,
    )
    assert done.stdout.strip() == "False"
    assert "PermissionError" in done.stderr


def test_import_into_a_read_only_file_refuses(shared):
    path = programme_file(shared / "fest.programme")
    calendar_file(shared / "new.ics")
    path.chmod(0o444)
    before = snapshot(shared)
    done = run_unprivileged(["import", "new.ics", "-p", str(path)], shared)
    assert_refused(done, str(path), "read-only")
    assert snapshot(shared) == before
    assert set(open_programme(path).events) == {"a@t", "b@t"}


def test_read_only_file_can_still_be_read_and_exported(shared):
    path = programme_file(shared / "fest.programme")
    path.chmod(0o444)
    os.chmod(shared, 0o777)  # the export goes beside it
    before = digest(path)
    info = run_unprivileged(["info", "-p", str(path)], shared)
    assert info.returncode == 0, info.stderr
    assert "2 events" in info.stdout
    export = run_unprivileged(["export", "-p", str(path), "-o", "out.ics"], shared)
    assert export.returncode == 0, export.stderr
    assert (shared / "out.ics").read_bytes().count(b"BEGIN:VEVENT") == 2
    assert digest(path) == before


@pytest.mark.parametrize("command", ["new", "new-sample", "import"])
def test_creating_a_file_in_a_read_only_folder_refuses(shared, command):
    folder = shared / "locked"
    folder.mkdir()
    calendar_file(shared / "new.ics")
    target = folder / "fest.programme"
    args = {
        "new": ["new", str(target), "--timezone", "Europe/Moscow", "--start", "2019-04-03",
                "--end", "2019-04-10"],
        "new-sample": ["new", str(target), "--sample"],
        "import": ["import", str(shared / "new.ics"), "-p", str(target)],
    }[command]
    folder.chmod(0o555)
    done = run_unprivileged(args, shared)
    line = assert_refused(done, str(target))
    assert "ermission denied" in line or "cannot write" in line, line
    assert list(folder.iterdir()) == []


# ---------------------------------------------------------------------------------------------
# A file open for editing elsewhere


def test_import_into_a_file_open_elsewhere_refuses(tmp_path):
    path = programme_file(tmp_path / "fest.programme")
    calendar_file(tmp_path / "new.ics")
    code = (f"import sys, time; sys.path.insert(0, {str(ROOT)!r});"
            "from planner.store import ProgrammeStore;"
            f"s = ProgrammeStore.open({str(path)!r}); print('open', flush=True); time.sleep(120)")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = snapshot(tmp_path)
        done = run(["import", "new.ics", "-p", str(path)], tmp_path)
        assert_refused(done, str(path), "already open for editing", f"pid {holder.pid}")
        assert snapshot(tmp_path) == before
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    # Once the other process is gone, its lock is stale and the import goes through.
    done = run(["import", "new.ics", "-p", str(path)], tmp_path)
    assert done.returncode == 0, done.stderr
    with ProgrammeStore.open(path) as store:
        assert set(store.load().events) == {"a@t", "b@t", "new@t"}
