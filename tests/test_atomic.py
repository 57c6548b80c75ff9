"""Output files are written whole or not at all, with ordinary modes, never over the programme.

A child process meets a full disk for real through a file-size limit (RLIMIT_FSIZE: the
kernel refuses the write with EFBIG), and ``kill -9`` hits a child halfway through writing
its export. Inside this process, a write that fails is one that raises ENOSPC, as on a
full disk.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from planner.atomic import (
    OutputError,
    check_output,
    portable_name,
    portable_names,
    replacing,
    same_file,
    write_file,
)
from planner.builtin import load_builtin
from planner.store import save_new

ROOT = Path(__file__).resolve().parent.parent
MAIN = str(ROOT / "main.py")
OLD = b"BEGIN:VCALENDAR\r\nX-OLD:" + b"o" * 50000 + b"\r\nEND:VCALENDAR\r\n"


def umask() -> int:
    # Read in a child: setting and resetting the umask here would race with other threads.
    done = subprocess.run([sys.executable, "-c", "import os; print(os.umask(0))"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_new_file_gets_the_mode_of_any_programs_new_file(tmp_path):
    target = tmp_path / "out.ics"
    write_file(target, b"data")
    assert target.read_bytes() == b"data"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask()
    assert leftovers(tmp_path) == []


def test_an_existing_file_keeps_its_mode(tmp_path):
    target = tmp_path / "out.ics"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "out.ics"
    target.write_bytes(OLD)

    class FullDisk:
        def __init__(self, path, mode):
            self.handle = open(path, mode)  # noqa: SIM115 - closed in __exit__

        def write(self, data):
            self.handle.write(data[:4096])
            self.handle.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    monkeypatch.setattr("planner.atomic.open", FullDisk, raising=False)
    with pytest.raises(OSError) as info:
        write_file(target, b"n" * 100000)
    monkeypatch.undo()
    assert info.value.errno == errno.ENOSPC and info.value.filename == str(target)
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_an_exception_in_the_block_leaves_the_old_file(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt), replacing(target) as temp:
        temp.write_bytes(b"half")
        raise KeyboardInterrupt  # a Cancel
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_the_programme_is_refused_under_any_path(tmp_path):
    programme = tmp_path / "fest.programme"
    programme.write_bytes(b"programme")
    (tmp_path / "link.ics").symlink_to(programme)
    os.link(programme, tmp_path / "hard.ics")
    (tmp_path / "sub").mkdir()
    for path in (programme, tmp_path / "link.ics", tmp_path / "hard.ics",
                 tmp_path / "sub" / ".." / "fest.programme"):
        assert same_file(path, programme)
        with pytest.raises(OutputError, match="is the programme file itself"):
            write_file(path, b"ics", protected=[programme])
    assert programme.read_bytes() == b"programme"
    assert not same_file(tmp_path / "missing", programme)


def test_a_folder_is_refused_and_a_symlink_is_followed(tmp_path):
    with pytest.raises(OutputError, match="is a folder"):
        check_output(tmp_path)
    real = tmp_path / "real.ics"
    real.write_bytes(b"old")
    (tmp_path / "link.ics").symlink_to(real)
    write_file(tmp_path / "link.ics", b"new")
    assert (tmp_path / "link.ics").is_symlink() and real.read_bytes() == b"new"


def test_a_device_is_written_to_not_replaced(tmp_path):
    # Renaming a temporary file over /dev/null would put a plain file in its place.
    before = os.stat("/dev/null")
    write_file("/dev/null", b"data")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_names_from_ids_are_safe_on_every_disk():
    assert portable_name("a:b") == "a-b"
    assert portable_name("con") == "con_" and portable_name("LPT1") == "LPT1_"
    assert portable_name("aux.tracks") == "aux.tracks_"
    assert portable_name("..name..") == "name" and portable_name("a b") == "a-b"
    assert portable_name("") == "file" and portable_name("...") == "file"
    names = portable_names(["business", "Business", "BUSINESS", "science", "a:b", "a-b"])
    assert len({n.casefold() for n in names.values()}) == 6
    assert names == {"BUSINESS": "BUSINESS", "Business": "Business-2",
                     "business": "business-3", "science": "science", "a-b": "a-b",
                     "a:b": "a-b-2"}
    assert portable_names(reversed(list(names))) == names  # the same ids, the same names


# ---------------------------------------------------------------------------------------------
# The command line: a full disk and kill -9 during an export


@pytest.fixture
def festival(tmp_path) -> Path:
    path = tmp_path / "fest.programme"
    save_new(path, load_builtin())
    return path


def _child_env() -> dict[str, str]:
    env = dict(os.environ, LANG="C.UTF-8", PYTHONDONTWRITEBYTECODE="1")
    env.pop("LC_ALL", None)
    return env


def _limit_file_size(size: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG from write(), as a full disk
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


@pytest.mark.parametrize("command", ["export", "split-dir"])
def test_export_to_a_full_disk_keeps_the_previous_file(tmp_path, festival, command):
    target = tmp_path / ("out.ics" if command == "export" else "business.ics")
    target.write_bytes(OLD[:9000])
    args = (["-o", str(target)] if command == "export" else ["--split-dir", str(tmp_path)])
    done = subprocess.run(
        [sys.executable, MAIN, "export", "-p", str(festival), *args],
        capture_output=True, text=True, env=_child_env(), timeout=60,
        preexec_fn=lambda: _limit_file_size(8192),
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("error: ") and len(done.stderr.splitlines()) == 1
    assert target.read_bytes() == OLD[:9000]
    assert leftovers(tmp_path) == []


# The export in a child whose file writes stop halfway: the first half is written and
# flushed, "half" is said on stderr, and the child waits to be killed.
_HALFWAY = """
import builtins, io, runpy, sys, time

real_open = io.open

class Halfway:
    def __init__(self, handle):
        self.handle = handle
    def write(self, data):
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        print("half", file=sys.stderr, flush=True)
        time.sleep(60)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.handle.close()
    def __getattr__(self, name):
        return getattr(self.handle, name)

def halfway_open(file, mode="r", *args, **kwargs):
    handle = real_open(file, mode, *args, **kwargs)
    return Halfway(handle) if "w" in mode and str(file).endswith((".ics", ".tmp")) else handle

builtins.open = io.open = halfway_open
sys.argv = ["main.py", *sys.argv[1:]]
runpy.run_path({main!r}, run_name="__main__")
"""


def test_kill_9_during_export_leaves_the_previous_file(tmp_path, festival):
    target = tmp_path / "out.ics"
    target.write_bytes(OLD)
    child = subprocess.Popen(
        [sys.executable, "-c", _HALFWAY.format(main=MAIN), "export", "-p", str(festival),
         "-o", str(target)],
        env=_child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stderr is not None and child.stderr.readline().strip() == "half"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert target.read_bytes() == OLD
    # What a killed writer leaves is its hidden temporary file, never a broken out.ics.
    assert all(name.startswith(".out.ics.") for name in leftovers(tmp_path))


def test_a_split_dir_that_is_a_file_is_refused_before_anything_is_written(tmp_path):
    from test_cli import assert_usage_error, run

    blocker = tmp_path / "tracks"
    blocker.write_bytes(b"not a folder")
    output = tmp_path / "all.ics"
    assert_usage_error(run("export", "-o", str(output), "--split-dir", str(blocker)),
                       "tracks", "is not a folder")
    assert not output.exists()
    assert blocker.read_bytes() == b"not a folder"
