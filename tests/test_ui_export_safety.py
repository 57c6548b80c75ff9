"""The window's exports (File › Export ICS, one file per track, Export PDF) write through
planner.atomic: ordinary modes (they were 0600), never over the programme, safe file names."""

from __future__ import annotations

import dataclasses
import os
import stat
import subprocess
import sys

import pytest

from planner.atomic import OutputError
from planner.builtin import load_builtin
from planner.model import Texts, Track
from planner.store import save_new
from ui.dialogs.export import ExportRequest, write_export


def umask() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.umask(0))"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def request(path, scope="all", **fields) -> ExportRequest:
    return ExportRequest(scope=scope, uids=(), track_ids=fields.pop("track_ids", ()),
                         lang="en", alarm_minutes=None, path=str(path), **fields)


def test_an_ics_export_gets_an_ordinary_mode(tmp_path):
    written = write_export(load_builtin(), request(tmp_path / "out.ics"))
    assert stat.S_IMODE(written[0].stat().st_mode) == 0o666 & ~umask()


def test_an_ics_export_over_the_programme_is_refused(tmp_path):
    programme = load_builtin()
    path = tmp_path / "fest.programme"
    save_new(path, programme)
    before = path.read_bytes()
    os.link(path, tmp_path / "calendar.ics")
    for target in (path, tmp_path / "calendar.ics"):
        with pytest.raises(OutputError):
            write_export(programme, request(target, protected=(str(path),)))
    assert path.read_bytes() == before


def test_per_track_files_have_names_every_disk_takes(tmp_path):
    programme = load_builtin()
    odd = {"a:b": "#123456", "Business": "#654321"}
    for tid, colour in odd.items():
        programme.tracks[tid] = Track(tid, Texts.same(tid), colour)
    for n, (uid, e) in enumerate(list(programme.events.items())[:2]):
        programme.events[uid] = dataclasses.replace(e, track=list(odd)[n])
    tracks = tuple(programme.tracks)
    written = write_export(programme, request(tmp_path / "split", "per_track",
                                              track_ids=tracks))
    names = [p.name for p in written]
    assert "a-b.ics" in names and not any(":" in n for n in names)
    assert len({n.casefold() for n in names}) == len(names)


def test_a_pdf_export_gets_an_ordinary_mode_and_spares_the_programme(qapp, tmp_path):
    from ui.printing import write_pdf_file

    programme = load_builtin()
    target = tmp_path / "programme.pdf"
    pages = write_pdf_file(programme, target, "en", ["culture"], None, False,
                           lambda done, total: None)
    assert pages > 0 and stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask()
    path = tmp_path / "fest.programme"
    save_new(path, programme)
    with pytest.raises(OutputError):
        write_pdf_file(programme, path, "en", ["culture"], None, False,
                       lambda done, total: None, protected=[path])
