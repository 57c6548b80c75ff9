"""Input files are read within bounds: only regular files, at most MAX_INPUT_BYTES, and a
FIFO or a device is refused at once instead of read without end."""

from __future__ import annotations

import os
import threading

import pytest

from planner.importing import read_import_file
from planner.inputs import MAX_INPUT_BYTES, InputError, read_input


def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "talks.ics"
    path.write_bytes(b"x" * 5000)
    assert read_input(path) == b"x" * 5000
    assert read_input(path, limit=5000) == b"x" * 5000


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused(device):
    with pytest.raises(InputError, match=f"{device}: is a device, not a file to import"):
        read_input(device)


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "talks.ics"
    os.mkfifo(fifo)
    outcome: list[object] = []

    def read() -> None:
        try:
            read_input(fifo)
        except InputError as exc:
            outcome.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # opened for reading: free it by opening the other end
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a FIFO waited for a writer")
    assert "is a pipe" in str(outcome[0])


def test_a_folder_and_a_missing_file_are_refused(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        read_input(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_input(tmp_path / "missing.ics")


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.ics"
    with open(path, "wb") as handle:  # sparse: costs no disk
        handle.truncate(MAX_INPUT_BYTES + 1)
    with pytest.raises(InputError, match=r"file too large to import \(50 MB; at most 50 MB\)"):
        read_input(path)
    small = tmp_path / "small.csv"
    small.write_bytes(b"y" * 101)
    with pytest.raises(InputError, match="too large"):
        read_input(small, limit=100)


def test_both_readers_go_through_it(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        read_import_file(tmp_path)
    for name in ("talks.ics", "sheet.csv"):
        os.mkfifo(tmp_path / name)
        with pytest.raises(InputError, match="is a pipe"):
            read_import_file(tmp_path / name)
